"""Opening the station database: file permissions, pragmas, writer transactions, migrations.

Durability settings, and why:

* WAL lets the status command and the sync thread read while the GUI thread writes.
* ``synchronous=FULL`` fsyncs the WAL on every commit, so a scan the operator was told is
  "good" survives a power cut, not only a process crash.
* Writers start with ``BEGIN IMMEDIATE``: they take the write lock before reading, so two
  writers never both read, then deadlock upgrading (SQLITE_BUSY mid-transaction).
* ``busy_timeout`` makes a writer wait for the other instead of failing at once.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from tracetrack_desktop.storage import schema
from tracetrack_desktop.storage.errors import SchemaTooNewError, translate

DB_FILENAME = "station.db"
APP_NAME = "tracetrack-station"
BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "tracetrack_write"


def default_data_dir() -> Path:
    """Where a station keeps its data unless told otherwise."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def database_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / DB_FILENAME


def _prepare_files(data_dir: Path) -> Path:
    """Create the data dir (0700) and database file (0600): scans and password hashes live here."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if stat.S_IMODE(data_dir.stat().st_mode) != 0o700:
        data_dir.chmod(0o700)
    path = database_path(data_dir)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(0o600)
    return path


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # autocommit at the driver level: the "begin" hook below issues BEGIN itself
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_begin(conn: Connection) -> None:
    write = bool(conn.get_execution_options().get(WRITE_OPTION, False))
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def open_engine(data_dir: Path | str) -> Engine:
    """Open (creating or upgrading) the station database in ``data_dir``.

    Raises:
        StorageError: the file cannot be created, written or upgraded.
    """
    path = _prepare_files(Path(data_dir))
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
        pool_size=3,
        max_overflow=2,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    try:
        upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise translate(exc) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine


def upgrade(engine: Engine, target: int = schema.CURRENT_VERSION) -> int:
    """Bring the file to ``target`` in one writer transaction; returns the old version."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            found = schema.user_version(conn)
            if found > schema.CURRENT_VERSION:
                raise SchemaTooNewError(
                    f"This station database was written by a newer TraceTrack (schema {found}, "
                    f"this version knows {schema.CURRENT_VERSION}). Install the newer version."
                )
            return schema.migrate(conn, target)


def open_readonly_engine(data_dir: Path | str) -> Engine:
    """A connection that can only read: for ``tracetrack-station status`` beside a running station.

    Read-only URI mode never takes the write lock and never creates the file.
    """
    path = database_path(data_dir).resolve()
    engine = create_engine(
        f"sqlite:///file:{path}?mode=ro&uri=true",
        connect_args={"check_same_thread": False},
    )

    def _ro_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    event.listen(engine, "connect", _ro_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
