"""Bulk exports: bags, bills, operator activity and conflicts as spreadsheet tables.

Each export is a :class:`sheets.Table` whose rows are read lazily, a page at a time, each page
in a short transaction of its own (keyset pages on the table's key: ``code > last``), so a
million rows cost the memory of one page and no database connection or snapshot is held
while a slow client reads. A row shows its bag or bill as it was when its page was read.

Ranges are local dates in the export's zone, ``to`` included; either end may be left open.
What a range is about: bags by their last change, bills by their creation, activity by the
day it was counted in, conflicts by when the server received them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, Select, cast, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from sync_server.db.models import STAT_COLUMNS, Bag, Bill, Event, StatBucket, Station
from sync_server.db.session import read_planned
from sync_server.services.errors import ServiceError
from sync_server.services.sheets import Column, Kind, Table
from sync_server.services.zones import zone
from tracetrack_core.events import EventType, Status

PAGE_ROWS = 5000
"""Rows read in one page (one short transaction)."""

EXPORTS = ("bags", "bills", "activity", "conflicts")


@dataclass(frozen=True)
class Window:
    """What an export covers: [start, end) as UTC moments (None: open) and its zone."""

    first: date | None
    last: date | None
    tz: ZoneInfo
    start: datetime | None
    end: datetime | None

    def label(self, now: datetime | None = None) -> str:
        """``<from>-<to>`` for a file name: ``start`` for an open beginning, today for an
        open end."""
        today = (now or datetime.now(UTC)).astimezone(self.tz).date()
        first = self.first.isoformat() if self.first else "start"
        return f"{first}-{(self.last or today).isoformat()}"


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tz).astimezone(UTC)


def _bound(day: date | None, tz: ZoneInfo) -> datetime | None:
    """The local midnight starting ``day`` as a UTC moment; None (no bound) for no day, or
    for one at the edge of the calendar (0001-01-01 east of UTC, the day after 9999-12-31)."""
    try:
        return _midnight(day, tz) if day else None
    except OverflowError:
        return None


def window(first: date | None, last: date | None, tz_name: str) -> Window:
    """The local days ``first`` to ``last`` (both included; either may be None) in the zone."""
    tz = zone(tz_name)
    if first and last and last < first:
        raise ServiceError("`to` must not be before `from`.", field="to")
    after = last + timedelta(days=1) if last and last < date.max else None
    return Window(first, last, tz, _bound(first, tz), _bound(after, tz))


def _in(column: Any, win: Window) -> list[Any]:
    where = []
    if win.start is not None:
        where.append(column >= win.start)
    if win.end is not None:
        where.append(column < win.end)
    return where


AnySelect = Select[*tuple[Any, ...]]


def _pages(
    session: Session, stmt: AnySelect, key: Callable[[Any], Any], after: Callable[[Any], Any]
) -> Iterator[Sequence[Any]]:
    """``stmt`` (ordered by its key) a page at a time, each read in its own transaction:
    ``after(last_key)`` is the condition for the rows after a page's last row."""
    last: Any = None
    while True:
        with session.begin():
            page = stmt if last is None else stmt.where(after(last))
            # planned for its own key every time (db/session.py: a generic plan made on a
            # small table can walk the whole of a large one)
            rows = read_planned(session, page.limit(PAGE_ROWS))
        if rows:
            yield rows
        if len(rows) < PAGE_ROWS:
            return
        last = key(rows[-1])


def _station_names(session: Session) -> dict[str, str]:
    """Station id -> name (a few hundred rows at most)."""
    return {row.id: row.name for row in session.execute(select(Station.id, Station.name))}


# --- bags ------------------------------------------------------------------------------------

BAG_COLUMNS = (
    Column("Code", width=18),
    Column("Kind", width=8),
    Column("Parent", width=18),
    Column("Children", Kind.INT, width=10),
    Column("Status", width=11),
    Column("Bill", width=16),
    Column("Area"),
    Column("First seen", Kind.DATETIME, width=30),
    Column("Last change", Kind.DATETIME, width=30),
)


def bags(
    session: Session, win: Window, *, kind: str | None = None, status: str | None = None
) -> Table:
    """One row per bag, by code: a parent's child count and bill, a child's parent (and
    the bill it is on through that parent). Voided bags are history: they are exported,
    with status ``voided``. The range is on the bag's last change."""
    holder = aliased(Bag)
    stmt = (
        select(
            Bag.code,
            Bag.kind,
            Bag.parent,
            Bag.child_count,
            Bag.status,
            func.coalesce(Bag.bill, holder.bill),
            Bag.area,
            Bag.created_at,
            Bag.updated_at,
        )
        .outerjoin(holder, holder.code == Bag.parent)
        .where(*_in(Bag.updated_at, win))
        .order_by(Bag.code)
    )
    if kind:
        stmt = stmt.where(Bag.kind == kind)
    if status:
        stmt = stmt.where(Bag.status == status)

    def rows() -> Iterator[Sequence[Any]]:
        for page in _pages(session, stmt, lambda r: r[0], lambda last: Bag.code > last):
            for code, kind_, parent, children, *rest in page:
                yield (code, kind_, parent, children if kind_ == "parent" else None, *rest)

    return Table("Bags", BAG_COLUMNS, rows())


# --- bills -----------------------------------------------------------------------------------

BILL_COLUMNS = (
    Column("Bill", width=16),
    Column("Status", width=11),
    Column("Capacity", Kind.INT, width=10),
    Column("Parents", Kind.INT, width=9),
    Column("Expected kg", Kind.INT, width=12),
    Column("Actual kg", Kind.INT, width=10),
    Column("Destination"),
    Column("Vehicle"),
    Column("Created", Kind.DATETIME, width=30),
    Column("Completed", Kind.DATETIME, width=30),
)


def bills(session: Session, win: Window) -> Table:
    """One row per bill, by id, with its parents and weights; a completed bill's completion
    is its last accepted ``bill_complete``. The range is on the bill's creation."""
    stmt = (
        select(
            Bill.bill_id,
            Bill.status,
            Bill.capacity,
            Bill.parent_count,
            Bill.expected_kg,
            Bill.actual_kg,
            Bill.destination,
            Bill.vehicle,
            Bill.created_at,
        )
        .where(*_in(Bill.created_at, win))
        .order_by(Bill.bill_id)
    )

    def rows() -> Iterator[Sequence[Any]]:
        for page in _pages(session, stmt, lambda r: r[0], lambda last: Bill.bill_id > last):
            done = [r[0] for r in page if r[1] == "completed"]
            completed = _completions(session, done) if done else {}
            for row in page:
                yield (*row, completed.get(row[0]))

    return Table("Bills", BILL_COLUMNS, rows())


def _completions(session: Session, bill_ids: list[str]) -> dict[str, datetime]:
    with session.begin():
        found = session.execute(
            select(Event.bill, func.max(Event.occurred_at))
            .where(
                Event.bill.in_(bill_ids),
                Event.type == EventType.BILL_COMPLETE,
                Event.status == Status.ACCEPTED,
            )
            .group_by(Event.bill)
        ).all()
    return dict(found)


# --- activity --------------------------------------------------------------------------------

ACTIVITY_COLUMNS = (
    Column("Day", Kind.DATE, width=11),
    Column("Station"),
    Column("Operator"),
    *(Column(name.replace("_", " ").capitalize(), Kind.INT) for name in STAT_COLUMNS),
)


def activity(session: Session, win: Window) -> Table:
    """Every stats counter per local day, station and operator, from the 15-minute rollups
    (never the event log): one day read at a time. An open range runs from the first to
    the last day anything was counted."""

    def rows() -> Iterator[Sequence[Any]]:
        with session.begin():
            names = _station_names(session)
            first, last = session.execute(
                select(func.min(StatBucket.bucket_start), func.max(StatBucket.bucket_start))
            ).one()
        if first is None:
            return
        # the days asked for that can hold anything (a range may reach far past the data)
        day = max(win.first or date.min, first.astimezone(win.tz).date())
        end = min(win.last or date.max, last.astimezone(win.tz).date())
        while day <= end:
            yield from _activity_day(session, day, win.tz, names)
            day += timedelta(days=1)

    return Table("Activity", ACTIVITY_COLUMNS, rows())


def _activity_day(
    session: Session, day: date, tz: ZoneInfo, names: dict[str, str]
) -> Iterator[Sequence[Any]]:
    start, end = _midnight(day, tz), _midnight(day + timedelta(days=1), tz)
    sums = [cast(func.sum(getattr(StatBucket, c)), BigInteger) for c in STAT_COLUMNS]
    # a local day is whole 15-minute buckets in every zone (models.StatBucket), so a day's
    # rows are the sums of its buckets
    stmt = (
        select(StatBucket.station_id, StatBucket.operator, *sums)
        .where(StatBucket.bucket_start >= start, StatBucket.bucket_start < end)
        .group_by(StatBucket.station_id, StatBucket.operator)
    )
    with session.begin():
        found = session.execute(stmt).all()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(STAT_COLUMNS))
    for station_id, operator, *counts in found:
        row = totals[(names.get(station_id, station_id), operator)]
        for i, n in enumerate(counts):
            row[i] += int(n or 0)
    for (station, operator), counts in sorted(totals.items()):
        yield (day, station, operator, *counts)


# --- conflicts -------------------------------------------------------------------------------

CONFLICT_COLUMNS = (
    Column("When", Kind.DATETIME, width=30),
    Column("Station"),
    Column("Operator"),
    Column("Type", width=18),
    Column("Code", width=18),
    Column("Parent", width=18),
    Column("Bill", width=16),
    Column("Reason", width=22),
    Column("Detail", width=40),
    Column("Outcome", width=10),
    Column("Received", Kind.DATETIME, width=30),
)


def conflicts(session: Session, win: Window) -> Table:
    """Conflicting and rejected events, in the order the server received them (the range is
    on that too): when the station recorded it, where, who, what, why and its detail."""
    stmt = (
        select(
            Event.occurred_at,
            Event.station_id,
            Event.operator,
            Event.type,
            Event.code,
            Event.parent,
            Event.bill,
            Event.reason,
            Event.detail,
            Event.status,
            Event.received_at,
            Event.id,
        )
        .where(Event.status.in_((Status.CONFLICT, Status.REJECTED)), *_in(Event.received_at, win))
        .order_by(Event.received_at, Event.id)
    )

    def rows() -> Iterator[Sequence[Any]]:
        with session.begin():
            names = _station_names(session)
        for page in _pages(
            session,
            stmt,
            lambda r: (r[10], r[11]),
            # a plain tuple: each value is bound with its column's type (UTC on SQLite too)
            lambda last: tuple_(Event.received_at, Event.id) > last,
        ):
            for when, station_id, *rest, _id in page:
                yield (when, names.get(station_id, station_id), *rest)

    return Table("Conflicts", CONFLICT_COLUMNS, rows())


def table(
    what: str, session: Session, win: Window, *, kind: str | None = None, status: str | None = None
) -> Table:
    """The export named ``what`` (one of :data:`EXPORTS`)."""
    if what == "bags":
        return bags(session, win, kind=kind, status=status)
    return {"bills": bills, "activity": activity, "conflicts": conflicts}[what](session, win)
