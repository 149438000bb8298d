"""The event log's monthly partitions on PostgreSQL (migration 0010), and ``event_keys``.

``events`` is partitioned by the month of ``received_at`` (the server's clock: a station's
clock may be anywhere). A month's partition is ``events_yYYYYmMM``; each holds the indexes the
parent declares, so a read bounded in time touches the months it names and nothing else,
and a month can leave whole (``services/archive.py``).

A partitioned table's unique keys must hold its partition key, so ``events`` can no longer
keep an id unique by itself: the narrow, unpartitioned ``event_keys`` (id, received_at) does,
filled by a trigger on every insert into ``events`` (a statement-level one, fed the rows as a
transition table, so ``COPY`` and ``INSERT`` both pay one statement). It answers "is this id
stored?" in one index probe whatever the number of months, tells which month holds the row,
and outlives archiving: an archived event sent again is still answered ``duplicate``.

No default partition: a row whose month has no partition fails its batch (503
``storage_unavailable``, the station sends it again), so the months ahead are made before
they are needed (:class:`PartitionKeeper`); and a default partition would stop months from
being detached concurrently.
"""

from __future__ import annotations

import logging
import re
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import URL, Connection, Engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

MONTHS_AHEAD = 3
"""Months after the current one that always have their partition."""

LOCK_TIMEOUT = "5s"
"""How long making a partition waits for the event log's lock before giving up."""

_TABLE_NAME = re.compile(r"events_y(\d{4})m(\d{2})")

_DDL_LOCK = zlib.crc32(b"tracetrack:event-partitions") & 0x7FFFFFFF
"""Advisory lock key: one process at a time makes partitions (app nodes, workers, the CLI)."""


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, moment: datetime | date) -> Month:
        if isinstance(moment, datetime):
            moment = moment.astimezone(UTC)
        return cls(moment.year, moment.month)

    @classmethod
    def from_name(cls, name: str) -> Month | None:
        """The month of a partition's table name, or None for any other name."""
        found = _TABLE_NAME.fullmatch(name)
        return cls(int(found[1]), int(found[2])) if found else None

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def plus(self, months: int) -> Month:
        month = self
        for _ in range(months):
            month = month.next()
        return month

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def table(self) -> str:
        return f"events_y{self.year:04d}m{self.month:02d}"

    @property
    def bounds(self) -> str:
        """The partition bound clause of this month (UTC, the next month's start excluded)."""
        return (
            f"FOR VALUES FROM ('{self.start.isoformat()}') TO ('{self.next().start.isoformat()}')"
        )

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def autogenerate_includes(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name``: the month partitions are made at run time, not by the models."""
    return not (type_ == "table" and name is not None and Month.from_name(name) is not None)


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last``, both included."""
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = month.next()
    return months


_PARTITIONS = text(
    "SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid"
    " WHERE i.inhparent = to_regclass('events') AND c.relkind = 'r'"
)


def attached_months(conn: Connection) -> list[Month]:
    """The months that have a partition attached to ``events``, oldest first."""
    names = conn.execute(_PARTITIONS).scalars()
    return sorted(m for m in (Month.from_name(n) for n in names) if m is not None)


_DETACH_PENDING = text(
    "SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid"
    " WHERE i.inhparent = to_regclass('events') AND i.inhdetachpending"
)

_STANDALONE = text(
    "SELECT c.relname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace"
    " WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition"
)


def detach_pending(conn: Connection) -> list[str]:
    """Partitions whose concurrent detach was cut short (it must be finished first)."""
    return list(conn.execute(_DETACH_PENDING).scalars())


def detached_months(conn: Connection) -> list[Month]:
    """Month tables no longer attached to ``events`` (an archive cut short after its detach)."""
    names = conn.execute(_STANDALONE).scalars()
    return sorted(m for m in (Month.from_name(n) for n in names) if m is not None)


def ensure_months(conn: Connection, months: list[Month]) -> list[Month]:
    """Make the partitions of ``months`` that do not exist yet (inside the caller's
    transaction, under an advisory lock so two processes never race); returns those made."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DDL_LOCK})
    have = set(attached_months(conn))
    made = []
    for month in months:
        if month in have:
            continue
        # our own names and ISO dates: nothing here comes from outside
        conn.execute(text(f"CREATE TABLE {month.table} PARTITION OF events {month.bounds}"))
        made.append(month)
    return made


class PartitionKeeper:
    """Makes sure the month a batch is stored in, and the months after it, have partitions,
    so a server running for months without a restart never meets a month without one.

    The first batch of each month in a process makes the months up to :data:`MONTHS_AHEAD`
    after it (made already but for the last, normally); every other batch costs a set
    lookup. The DDL runs in its own short transaction, not the batch's (a rolled-back batch
    would take the partitions with it), and gives up after :data:`LOCK_TIMEOUT` rather than
    wait on a transaction of this same thread that holds ``events``: the batch then goes on,
    and fails (503, sent again) only if its own month has no partition."""

    def __init__(self) -> None:
        self._ready: set[tuple[URL, Month]] = set()  # per database (tests use several)
        self._lock = threading.Lock()

    def check(self, engine: Engine, moment: datetime) -> None:
        month = Month.of(moment)
        if (engine.url, month) in self._ready:
            return
        with self._lock:
            if (engine.url, month) in self._ready:
                return
            months = months_between(month, month.plus(MONTHS_AHEAD))
            try:
                with engine.begin() as conn:
                    conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
                    ensure_months(conn, months)
            except OperationalError:
                log.warning("event partitions for %s not checked: %s", month, "lock timeout")
                return
            self._ready.update((engine.url, m) for m in months)
