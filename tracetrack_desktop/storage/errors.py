"""Typed storage errors: the *known* environment failures an operator can act on.

Everything else from SQLite is a bug and propagates unchanged. Each known error carries a
message written for the person at the station (what happened, what to do next) and a short
machine ``reason`` the UI and logs can switch on.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

# SQLite primary result codes (extended codes carry these in their low byte).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14


class StorageError(Exception):
    """The station database cannot do what was asked; nothing of the action was written.

    Attributes:
        message: one or two sentences for the operator, saying what to do next.
        reason: machine-readable (``disk_full``, ``locked``, ``read_only``...).
    """

    reason = "storage_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DiskFullError(StorageError):
    """The disk (or the database's size cap) is full."""

    reason = "disk_full"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The station's disk is full: the last scan was NOT saved. "
            "Stop scanning and call support to free space, then scan it again."
        )


class DatabaseLockedError(StorageError):
    """Another process kept the database busy for longer than the busy timeout."""

    reason = "locked"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The station database is busy (another program is using it): the last scan "
            "was NOT saved. Scan it again; if this repeats, close other TraceTrack windows."
        )


class ReadOnlyStorageError(StorageError):
    """The database file or its folder cannot be written."""

    reason = "read_only"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The station database cannot be written (read-only file or folder): "
            "nothing is being saved. Call support to fix the folder permissions."
        )


class SchemaTooNewError(StorageError):
    """The file was made by a newer station version than this one."""

    reason = "schema_too_new"


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: BaseException) -> BaseException:
    """Map a SQLite failure to a typed :class:`StorageError`, or return it unchanged."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return exc
    code = _sqlite_code(orig)
    text = str(orig).lower()
    if code == SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError()
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseLockedError()
    if code == SQLITE_READONLY or "readonly database" in text:
        return ReadOnlyStorageError()
    if code in (SQLITE_CANTOPEN, SQLITE_IOERR) or "unable to open" in text:
        return StorageError(
            "The station database cannot be opened or read (disk error): "
            f"{orig}. Call support; do not delete the station's data folder."
        )
    return exc
