"""The end-of-day report: one local day's figures, as a supervisor sends them.

The counts come from the 15-minute rollups (``stat_buckets``): every UTC offset in use is a
whole number of quarter hours, so a local day (and each of its hours) is an exact sum of
whole buckets. The lists (bills completed, conflicts, corrections) come from the event log,
found through its ``(status, received_at)`` index: an event is received after it happened
(give or take a station clock the server did not correct), so the day's events were all
received since its start, and the rollups say how many there are to find.

:func:`sections` turns a report into the tables both renderers draw (``eod_pdf``, and the
workbook through ``sheets``), so the PDF and the XLSX hold the same figures by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db.models import STAT_COLUMNS, Bill, Event, StatBucket, Station, User
from sync_server.db.session import read_planned
from sync_server.services import sheets
from sync_server.services.errors import ServiceError
from sync_server.services.ingest import SKEW_CORRECTION_SECONDS
from sync_server.services.sheets import Column, Kind, Table
from sync_server.services.zones import zone
from tracetrack_core.events import CORRECTION_TYPES, Counter, EventType, Status
from tracetrack_core.rules import normalise_bill_id

FIRST_DAY = date(2020, 1, 1)
LAST_DAY = date(2199, 12, 31)
LIST_LIMIT = 5000
"""Most rows of each list (bills, conflicts, corrections) a report holds; the totals say
how many there were in all."""

RECEIPT_SLACK = timedelta(seconds=SKEW_CORRECTION_SECONDS, minutes=5)
"""How long before it happened (by the server's reckoning) an event can have been received:
ingest corrects a station clock that is further off than ``SKEW_CORRECTION_SECONDS``."""

COUNTER_LABELS: dict[Counter, str] = {
    Counter.PARENT_SCANS: "Parent scans",
    Counter.CHILDREN_LINKED: "Children linked",
    Counter.CHILDREN_UNLINKED: "Children unlinked",
    Counter.PARENTS_COMPLETED: "Parents completed",
    Counter.PARENTS_REOPENED: "Parents reopened",
    Counter.BILLS_CREATED: "Bills created",
    Counter.BILLS_COMPLETED: "Bills completed",
    Counter.PARENTS_BILLED: "Parents billed",
    Counter.PARENTS_UNBILLED: "Parents off bills",
    Counter.RETURNS: "Returns",
    Counter.SCANS_REFUSED: "Scans refused",
    Counter.DUPLICATES: "Duplicates",
    Counter.CONFLICTS: "Conflicts",
    Counter.REJECTED: "Rejected",
    Counter.CORRECTIONS: "Corrections",
}
"""Every stats counter in words, in :class:`Counter` order (the Totals table lists them all)."""

ACTIVITY: tuple[Counter, ...] = (
    Counter.PARENT_SCANS,
    Counter.CHILDREN_LINKED,
    Counter.CHILDREN_UNLINKED,
    Counter.PARENTS_COMPLETED,
    Counter.PARENTS_BILLED,
    Counter.BILLS_COMPLETED,
    Counter.CORRECTIONS,
    Counter.SCANS_REFUSED,
    Counter.DUPLICATES,
    Counter.CONFLICTS,
    Counter.REJECTED,
)
"""The counters of the hourly, station and operator tables (all of them would not fit a
landscape page; the Totals table has every one)."""

TYPE_LABELS: dict[str, str] = {
    EventType.CHILD_REMOVE: "Child removed",
    EventType.CHILD_MOVE: "Child moved",
    EventType.PARENT_REOPEN: "Parent reopened",
    EventType.BAG_VOID: "Bag voided",
    EventType.BAG_RESTORE: "Bag restored",
    EventType.BILL_REMOVE_PARENT: "Parent taken off bill",
}
"""Corrections in words (any other event type is shown as its name)."""


def words(name: str | None) -> str:
    """A machine name as a reader would say it (``wrong_parent`` -> ``wrong parent``)."""
    return (name or "").replace("_", " ")


@dataclass(frozen=True)
class Day:
    """A local day: ``[start, end)`` in UTC, 23 to 25 hours long where the zone shifts."""

    day: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        return datetime.combine(self.day, time(), self.tz).astimezone(UTC)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.day + timedelta(days=1), time(), self.tz).astimezone(UTC)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def resolve_day(text: str, tz_name: str) -> Day:
    """``YYYY-MM-DD`` (2020 to 2199) in the IANA zone ``tz_name``.

    Raises:
        ServiceError: naming the field (``date`` or ``tz``) that is wrong.
    """
    tz = zone(tz_name)
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise ServiceError(f"{text!r} is not a date such as 2026-11-28.", field="date") from exc
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ServiceError(
            f"{text} is outside the days this server reports on ({FIRST_DAY} to {LAST_DAY}).",
            field="date",
        )
    return Day(day, tz)


Counts = dict[str, int]


def _zeros() -> Counts:
    return dict.fromkeys(STAT_COLUMNS, 0)


def _add(into: Counts, counts: Sequence[int]) -> None:
    for name, n in zip(STAT_COLUMNS, counts, strict=True):
        into[name] += int(n or 0)


@dataclass(frozen=True)
class HourRow:
    start: datetime
    """Local start of the hour."""
    counts: Counts


@dataclass(frozen=True)
class StationRow:
    station_id: str
    name: str
    area: str
    counts: Counts


@dataclass(frozen=True)
class OperatorRow:
    username: str
    name: str
    """Display name ("" when the account has none, or is gone)."""
    counts: Counts


@dataclass(frozen=True)
class BillRow:
    bill_id: str
    completed_at: datetime
    completed_by: str
    station: str
    destination: str
    vehicle: str
    parents: int
    capacity: int
    expected_kg: int
    actual_kg: int
    status: str
    """Its status now (a bill reopened since says so)."""


@dataclass(frozen=True)
class EventRow:
    """A conflict, a rejection or a correction: when, where, who, what, why."""

    at: datetime
    station: str
    operator: str
    type: str
    code: str
    parent: str
    bill: str
    status: str
    reason: str
    note: str
    moved_from: str = ""
    detail: str = ""
    """A refusal's particulars (``parent SB00002``: what it lost to)."""


@dataclass(frozen=True)
class EodReport:
    day: Day
    generated_at: datetime
    areas: tuple[str, ...]
    """The dispatch areas of the stations that worked that day."""
    totals: Counts
    stations_active: int
    operators_active: int
    hours: list[HourRow]
    stations: list[StationRow]
    operators: list[OperatorRow]
    bills: list[BillRow]
    conflicts: list[EventRow]
    corrections: list[EventRow]
    cut: dict[str, int] = field(default_factory=dict)
    """Lists longer than :data:`LIST_LIMIT`: name -> how many rows there were."""


def build(session: Session, day: Day, now: datetime | None = None) -> EodReport:
    """Everything the report says about ``day``, read in one transaction."""
    start, end = day.start, day.end
    with session.begin():
        rollups = session.execute(
            select(
                StatBucket.bucket_start,
                StatBucket.station_id,
                StatBucket.operator,
                StatBucket.area,
                *(getattr(StatBucket, c) for c in STAT_COLUMNS),
            ).where(StatBucket.bucket_start >= start, StatBucket.bucket_start < end)
        ).all()
        stations: dict[str, tuple[str, str]] = {
            row.id: (row.name, row.area)
            for row in session.execute(select(Station.id, Station.name, Station.area))
        }
        operators = {r.operator for r in rollups if r.operator}
        names: dict[str, str] = {
            row.username: row.display_name
            for row in session.execute(
                select(User.username, User.display_name).where(User.username.in_(operators))
            )
        }
        totals, hours, by_station, by_operator = _fold(rollups, day)
        conflicts = _events(
            session,
            day,
            (Status.CONFLICT, Status.REJECTED),
            None,
            totals[Counter.CONFLICTS] + totals[Counter.REJECTED],
        )
        corrections = _events(
            session, day, (Status.ACCEPTED,), CORRECTION_TYPES, totals[Counter.CORRECTIONS]
        )
        completions = _events(
            session,
            day,
            (Status.ACCEPTED,),
            (EventType.BILL_COMPLETE,),
            totals[Counter.BILLS_COMPLETED],
        )
        # oldest first: a bill completed twice that day (reopened between) keeps the last
        last_completion = {normalise_bill_id(ev.bill): ev for ev in completions}
        bills = session.execute(
            select(
                Bill.bill_id,
                Bill.destination,
                Bill.vehicle,
                Bill.parent_count,
                Bill.capacity,
                Bill.expected_kg,
                Bill.actual_kg,
                Bill.status,
            ).where(Bill.bill_id.in_(last_completion))
        ).all()

    def station_name(station_id: str) -> str:
        return stations.get(station_id, (station_id, ""))[0]

    tz = day.tz
    return EodReport(
        day=day,
        generated_at=(now or datetime.now(UTC)).astimezone(tz).replace(microsecond=0),
        areas=tuple(sorted({r.area for r in rollups if r.area})),
        totals=totals,
        stations_active=len(by_station),
        operators_active=len(operators),
        hours=hours,
        stations=sorted(
            (
                StationRow(sid, *stations.get(sid, (sid, "")), counts)
                for sid, counts in by_station.items()
            ),
            key=lambda s: s.name.casefold(),
        ),
        operators=sorted(
            (OperatorRow(op, names.get(op, ""), c) for op, c in by_operator.items()),
            key=lambda o: o.username.casefold(),
        ),
        bills=sorted(
            (
                BillRow(
                    bill_id=b.bill_id,
                    completed_at=last_completion[b.bill_id].occurred_at.astimezone(tz),
                    completed_by=last_completion[b.bill_id].operator,
                    station=station_name(last_completion[b.bill_id].station_id),
                    destination=b.destination,
                    vehicle=b.vehicle,
                    parents=b.parent_count,
                    capacity=b.capacity,
                    expected_kg=b.expected_kg,
                    actual_kg=b.actual_kg,
                    status=b.status,
                )
                for b in bills
            ),
            key=lambda b: (b.completed_at, b.bill_id),
        ),
        conflicts=[_event_row(ev, tz, station_name) for ev in conflicts],
        corrections=[_event_row(ev, tz, station_name) for ev in corrections],
        cut={
            name: expected
            for name, expected in (
                ("conflicts", totals[Counter.CONFLICTS] + totals[Counter.REJECTED]),
                ("corrections", totals[Counter.CORRECTIONS]),
                ("bills", totals[Counter.BILLS_COMPLETED]),
            )
            if expected > LIST_LIMIT
        },
    )


def _fold(
    rollups: Iterable[Any], day: Day
) -> tuple[Counts, list[HourRow], dict[str, Counts], dict[str, Counts]]:
    """The day's totals, its hours (every one, a quiet hour zeros) and its rows by station
    and by operator, from its rollups.

    An hour is counted in elapsed time from local midnight, so a day the clocks change has
    23 or 25 distinct hours rather than two of them folded into one."""
    start = day.start
    hour_count = int((day.end - start).total_seconds() // 3600)
    hourly = [_zeros() for _ in range(hour_count)]
    totals = _zeros()
    by_station: dict[str, Counts] = {}
    by_operator: dict[str, Counts] = {}
    for bucket_start, station_id, operator, _area, *counts in rollups:
        _add(totals, counts)
        hour = min(int((bucket_start - start).total_seconds() // 3600), hour_count - 1)
        _add(hourly[hour], counts)
        _add(by_station.setdefault(station_id, _zeros()), counts)
        if operator:  # a refused read before anyone logged in names nobody
            _add(by_operator.setdefault(operator, _zeros()), counts)
    hours = [
        HourRow((start + timedelta(hours=n)).astimezone(day.tz), counts)
        for n, counts in enumerate(hourly)
    ]
    return totals, hours, by_station, by_operator


def _events(
    session: Session,
    day: Day,
    statuses: Iterable[Status],
    types: Iterable[str] | None,
    expected: int,
) -> list[Any]:
    """The day's events of these statuses (and types), oldest first: at most ``expected``
    (what the rollups counted), so the walk along the index stops at the last of them."""
    if expected <= 0:
        return []
    stmt = select(
        Event.occurred_at,
        Event.station_id,
        Event.operator,
        Event.type,
        Event.code,
        Event.parent,
        Event.bill,
        Event.status,
        Event.reason,
        Event.detail,
        Event.data,
    ).where(
        Event.status.in_([s.value for s in statuses]),
        Event.received_at >= day.start - RECEIPT_SLACK,
        Event.bucket_start >= day.start,
        Event.bucket_start < day.end,
    )
    if types is not None:
        stmt = stmt.where(Event.type.in_([str(t) for t in types]))
    rows = read_planned(session, stmt.order_by(Event.received_at).limit(min(expected, LIST_LIMIT)))
    return sorted(rows, key=lambda r: r.occurred_at)


def _event_row(ev: Any, tz: ZoneInfo, station_name: Any) -> EventRow:
    data = ev.data if isinstance(ev.data, dict) else {}
    accepted = ev.status == Status.ACCEPTED
    # an accepted correction says why it was made; a refusal keeps the server's reason
    reason = data.get("reason") if accepted else ev.reason
    moved_from = data.get("from") if ev.type == EventType.CHILD_MOVE else None
    return EventRow(
        at=ev.occurred_at.astimezone(tz),
        station=station_name(ev.station_id),
        operator=ev.operator,
        type=ev.type,
        code=ev.code,
        parent=ev.parent,
        bill=ev.bill,
        status=ev.status,
        reason=words(reason if isinstance(reason, str) else None),
        note=str(data.get("note") or "") if accepted else "",
        moved_from=moved_from if isinstance(moved_from, str) else "",
        detail=_particulars(ev.detail),
    )


def _particulars(detail: Any) -> str:
    """A refusal's detail object as a short line (its plain values; nested ones are left out)."""
    if not isinstance(detail, dict):
        return ""
    return ", ".join(
        f"{words(str(key))} {value}"
        for key, value in detail.items()
        if isinstance(value, str | int | float) and not isinstance(value, bool)
    )


# --- the tables both renderers draw -----------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A table of the report: a sheet of the workbook, a table of the PDF."""

    table: sheets.Table
    """Its rows are a list (both renderers read them)."""
    empty: str
    """What the PDF says in place of a table with no rows."""


def _activity_columns() -> tuple[Column, ...]:
    return tuple(Column(COUNTER_LABELS[c], Kind.INT) for c in ACTIVITY)


def _activity(counts: Counts) -> tuple[int, ...]:
    return tuple(counts[c] for c in ACTIVITY)


def sections(report: EodReport) -> list[Section]:
    """The report's tables in page order: Totals, Hourly, Stations, Operators, Bills,
    Conflicts, Corrections."""
    day = report.day
    totals: list[tuple[Any, ...]] = [
        ("Date", day.day),
        ("Time zone", day.tz.key),
        ("Site", ", ".join(report.areas)),
        ("Generated", report.generated_at),
        *((COUNTER_LABELS[c], report.totals[c]) for c in Counter),
        ("Stations active", report.stations_active),
        ("Operators active", report.operators_active),
    ]
    return [
        Section(Table("Totals", (Column("Figure"), Column("Value", Kind.ANY)), totals), "No work."),
        Section(
            Table(
                "Hourly",
                (Column("Hour", Kind.DATETIME), *_activity_columns()),
                [(h.start, *_activity(h.counts)) for h in report.hours],
            ),
            "No hours.",
        ),
        Section(
            Table(
                "Stations",
                (Column("Station"), Column("Area"), *_activity_columns()),
                [(s.name, s.area, *_activity(s.counts)) for s in report.stations],
            ),
            "No station worked this day.",
        ),
        Section(
            Table(
                "Operators",
                (Column("Operator"), Column("Name"), *_activity_columns()),
                [(o.username, o.name, *_activity(o.counts)) for o in report.operators],
            ),
            "Nobody worked this day.",
        ),
        Section(
            Table(
                "Bills",
                (
                    Column("Bill"),
                    Column("Completed", Kind.DATETIME),
                    Column("By"),
                    Column("Station"),
                    Column("Destination"),
                    Column("Vehicle"),
                    Column("Parents", Kind.INT),
                    Column("Capacity", Kind.INT),
                    Column("Expected kg", Kind.INT),
                    Column("Actual kg", Kind.INT),
                    Column("Difference kg", Kind.INT),
                    Column("Status now"),
                ),
                [
                    (
                        b.bill_id,
                        b.completed_at,
                        b.completed_by,
                        b.station,
                        b.destination,
                        b.vehicle,
                        b.parents,
                        b.capacity,
                        b.expected_kg,
                        b.actual_kg,
                        b.actual_kg - b.expected_kg,
                        b.status,
                    )
                    for b in report.bills
                ],
            ),
            "No bill was completed this day.",
        ),
        Section(
            Table(
                "Conflicts",
                (
                    Column("When", Kind.DATETIME),
                    Column("Station"),
                    Column("Operator"),
                    Column("Event"),
                    Column("Code"),
                    Column("Parent"),
                    Column("Bill"),
                    Column("Outcome"),
                    Column("Reason"),
                    Column("Detail"),
                ),
                [
                    (
                        c.at,
                        c.station,
                        c.operator,
                        words(c.type),
                        c.code,
                        c.parent,
                        c.bill,
                        c.status,
                        c.reason,
                        c.detail,
                    )
                    for c in report.conflicts
                ],
            ),
            "No conflicts.",
        ),
        Section(
            Table(
                "Corrections",
                (
                    Column("When", Kind.DATETIME),
                    Column("Station"),
                    Column("Who"),
                    Column("What"),
                    Column("Code"),
                    Column("Parent"),
                    Column("From"),
                    Column("Bill"),
                    Column("Why"),
                    Column("Note"),
                ),
                [
                    (
                        c.at,
                        c.station,
                        c.operator,
                        TYPE_LABELS.get(c.type, words(c.type)),
                        c.code,
                        c.parent,
                        c.moved_from,
                        c.bill,
                        c.reason,
                        c.note,
                    )
                    for c in report.corrections
                ],
            ),
            "No corrections.",
        ),
    ]


def xlsx_chunks(report: EodReport) -> Iterator[bytes]:
    """The report as a workbook, one sheet per table, in chunks (``sheets.xlsx_chunks``)."""
    return sheets.xlsx_chunks([s.table for s in sections(report)], report.day.tz)


def filename(day: Day, ext: str) -> str:
    return f"tracetrack-eod-{day.day.isoformat()}.{ext}"
