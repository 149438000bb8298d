"""The database epoch stations compare, and which of a station's events the server holds.

After a restore the server no longer holds what reached it after the backup, while the
stations think those events were delivered. Each restore gives the database a new epoch; a
station that sees a new one asks :func:`held_seqs` which of its delivered seqs are still
here and sends the others again from its outbox (docs/protocol.md, "Restores").
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sync_server.db.epoch import SeqRange, ensure_epoch, held_seq_ranges

_cache: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def current_epoch(session: Session) -> str:
    """This database's epoch, read once per process and engine.

    Every upload compares it, so it is not read again: a restore needs every server process
    stopped (``tracetrack-server restore`` refuses while one is connected), so a process that
    runs after a restore started after it.
    """
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    with _cache_lock:
        epoch = _cache.get(engine)
    if epoch is not None:
        return epoch
    with session.begin():
        conn = session.connection()
        epoch = ensure_epoch(conn)
    with _cache_lock:
        _cache[engine] = epoch
    return epoch


def forget_epoch(engine: Engine) -> None:
    """Read the epoch again next time (a restore in this process, as in tests)."""
    with _cache_lock:
        _cache.pop(engine, None)


@dataclass(frozen=True)
class HeldSeqs:
    """What :func:`held_seqs` answers: the epoch and the held seqs as inclusive ranges."""

    epoch: str
    held: list[SeqRange]


def held_seqs(session: Session, station_id: str, ranges: Sequence[SeqRange]) -> HeldSeqs:
    """Which seqs inside ``ranges`` the server holds an event of ``station_id`` for."""
    epoch = current_epoch(session)
    with session.begin():
        held = held_seq_ranges(session.connection(), station_id, ranges)
    return HeldSeqs(epoch=epoch, held=held)
