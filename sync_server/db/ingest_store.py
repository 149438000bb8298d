"""What the ingest use case (``services/ingest.py``) needs from a database, and the values that
cross between them.

Two stores implement :class:`IngestStore`: PostgreSQL (``ingest_pg.py``: many workers at once,
row locks, one round trip per read and per write) and SQLite (``ingest_sqlite.py``: the
embedded database, one writer at a time). The use case holds the rules and the exactly-once
protocol and owns the transaction; a store only reads and writes what it is told, inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from sync_server.db.event_log import EventRow
from sync_server.db.models import STAT_COLUMNS
from tracetrack_core import rules as core


@dataclass(frozen=True)
class StationRecord:
    """What a batch needs of its station."""

    area: str
    revoked: bool
    last_seq: int
    seq_gaps: int
    events_received: int


STATION_FIELDS = tuple(f.name for f in fields(StationRecord))


@dataclass(frozen=True)
class Prior:
    """An event already stored: its first outcome."""

    status: str
    reason: str | None
    detail: Any


PRIOR_FIELDS = tuple(f.name for f in fields(Prior))


@dataclass(frozen=True)
class Operator:
    """What a batch needs of a user its events name."""

    role: str
    disabled: bool
    disabled_at: datetime | None


OPERATOR_FIELDS = ("username", *(f.name for f in fields(Operator)))


@dataclass(frozen=True)
class ContextQuery:
    """What a batch asks for once its station's lock is held."""

    station_id: str
    ids: Sequence[str]  # its event ids (canonical text)
    codes: set[str]  # the bags its events touch (read and row-locked)
    operators: set[str]  # the users its events name
    lowest_seq: int  # its lowest seq; -1: look up every id whatever the station has seen
    after: str | None  # the event it must follow (``after_event``), if any
    received_at: datetime  # when the batch is stored (its month must have a partition)


@dataclass(frozen=True)
class Context:
    """What a batch reads under its station's lock."""

    station: StationRecord | None
    # its ids stored already (by id text), with their outcomes (None: its month is archived)
    existing: Mapping[str, Prior | None]
    bags: list[core.Bag] | None  # its bags, row-locked; None: read with the bills
    version: int  # the feed version of everything this transaction writes
    after_stored: bool  # the event named by ``after`` is stored (True if none is named)
    rules_version: int  # the stored code rules' version (-1: none stored, the defaults)
    operators: dict[str, Operator]  # the users named, by username (unknown ones absent)


@dataclass(frozen=True)
class BatchWrite:
    """Everything a batch changes besides its event rows."""

    station_id: str
    area: str  # the station's: the home of the bags it creates
    now: datetime
    version: int
    bags: Sequence[tuple[core.Bag, bool]]  # changed bags, each with "it was stored before"
    bills: Sequence[tuple[core.Bill, bool]]
    counts: Mapping[tuple[datetime, str], Mapping[str, int]]  # by (bucket start, operator)
    station: Mapping[str, Any]  # the station record's new values
    returns: Sequence[Mapping[str, Any]]  # rows of ``returns`` (after the events: a foreign key)

    def bag_rows(self, *, stored: bool) -> list[dict[str, Any]]:
        """The changed bags that were (or were not) stored before, as ``bags`` rows."""
        return [
            {**core.fields_of(bag, core.BAG_FIELDS), **self._stamps, "area": self.area}
            for bag, was_stored in self.bags
            if was_stored is stored
        ]

    def bill_rows(self, *, stored: bool) -> list[dict[str, Any]]:
        return [
            {**core.fields_of(bill, core.BILL_FIELDS), **self._stamps}
            for bill, was_stored in self.bills
            if was_stored is stored
        ]

    @property
    def _stamps(self) -> dict[str, Any]:
        """What every row the batch writes carries (a merge keeps its ``created_at``)."""
        return {"created_at": self.now, "updated_at": self.now, "version": self.version}

    def bucket_rows(self) -> list[dict[str, Any]]:
        """The batch's counts as ``stat_buckets`` rows, to add to the stored ones."""
        return [
            {
                "bucket_start": start,
                "station_id": self.station_id,
                "operator": operator,
                "area": self.area,
                **{c: counts.get(c, 0) for c in STAT_COLUMNS},
            }
            for (start, operator), counts in sorted(self.counts.items())
            if any(counts.values())
        ]


BAG_UPDATES = ("kind", "parent", "child_count", "status", "bill", "updated_at", "version")
"""What a merge of a stored bag changes (its home area and creation stay)."""
BILL_UPDATES = (*core.BILL_FIELDS[1:], "updated_at", "version")
BUCKET_KEYS = ("bucket_start", "station_id", "operator")


class IngestStore(Protocol):
    def read_context(self, session: Session, query: ContextQuery) -> Context:
        """Take the station's lock (its batches run one at a time), then read the context."""
        ...

    def read_state(
        self, session: Session, context: Context, codes: set[str], bill_ids: set[str]
    ) -> core.MemoryState:
        """The bags of ``codes`` (``context.bags`` if read already) and the bills named by
        ``bill_ids`` and by those bags, row-locked in key order (bags before bills: no two
        batches wait for each other in a circle)."""
        ...

    def read_code_rules(self, session: Session) -> Mapping[str, Any] | None:
        """The stored code rules (None: none stored)."""
        ...

    def write(
        self,
        session: Session,
        rows: Iterator[EventRow],
        expected: int,
        finish: Callable[[], BatchWrite],
    ) -> None:
        """Store the event ``rows`` (about ``expected`` of them; made as they are taken, by the
        rules) and then what ``finish`` returns once the rows are exhausted. A clash with a
        row another transaction committed raises ``IntegrityError``."""
        ...
