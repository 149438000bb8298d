"""The database epoch and the held-seq ranges: the SQL behind a restore that loses nothing.

The epoch is a random id kept in the ``settings`` row ``database_epoch`` (migration 0009) and
renewed by every restore: a station that sees a new one knows the server's memory went back.
The changes feed never sends this row (it sends only the settings it names).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from sync_server.db.models import Setting

EPOCH_KEY = "database_epoch"

_READ = select(Setting.value).where(Setting.key == EPOCH_KEY)

SeqRange = tuple[int, int]

_HELD = text(
    # gaps and islands: consecutive held seqs share seq - rank, so each group is one range
    "SELECT min(seq), max(seq) FROM ("
    " SELECT seq, seq - row_number() OVER (ORDER BY seq) AS island FROM ("
    "  SELECT DISTINCT seq FROM events"
    "  WHERE station_id = :station AND seq BETWEEN :low AND :high) AS held"
    ") AS numbered GROUP BY island ORDER BY 1"
).bindparams(bindparam("station"), bindparam("low"), bindparam("high"))


def read_epoch(conn: Connection) -> str | None:
    """The stored epoch, or None in a database without one (older than migration 0009)."""
    value = conn.execute(_READ).scalar()
    epoch = value.get("epoch") if isinstance(value, dict) else None
    return epoch if isinstance(epoch, str) and epoch else None


def write_new_epoch(conn: Connection) -> str:
    """Store a fresh random epoch (inside the caller's transaction) and return it."""
    epoch = uuid.uuid4().hex
    value = {"epoch": epoch, "since": datetime.now(UTC).isoformat()}
    updated = conn.execute(update(Setting).where(Setting.key == EPOCH_KEY).values(value=value))
    if updated.rowcount == 0:
        conn.execute(insert(Setting).values(key=EPOCH_KEY, value=value, version=0))
    return epoch


def ensure_epoch(conn: Connection) -> str:
    """The stored epoch, made first where there is none (a database older than 0009, or one
    whose settings were emptied). Two processes may get here at once: the first insert wins,
    the other keeps nothing of its own and reads the winner's."""
    epoch = read_epoch(conn)
    if epoch is not None:
        return epoch
    value = {"epoch": uuid.uuid4().hex, "since": datetime.now(UTC).isoformat()}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(
        dialect.insert(Setting)
        .values(key=EPOCH_KEY, value=value, version=0)
        .on_conflict_do_nothing(index_elements=[Setting.key])
    )
    made = read_epoch(conn)
    assert made is not None
    return made


def held_seq_ranges(
    conn: Connection, station_id: str, ranges: Sequence[SeqRange]
) -> list[SeqRange]:
    """The seqs of ``station_id``'s stored events inside ``ranges``, as inclusive ranges in
    order (whatever their outcome: a conflict or a rejection is held like an accept)."""
    held: list[SeqRange] = []
    for low, high in sorted(ranges):
        rows = conn.execute(_HELD, {"station": station_id, "low": low, "high": high}).all()
        for first, last in rows:
            if held and first <= held[-1][1] + 1:  # the ranges asked may touch or overlap
                held[-1] = (held[-1][0], max(held[-1][1], int(last)))
            else:
                held.append((int(first), int(last)))
    return held
