"""Read side: stats from the rollups, stations, bag and bill lookup, conflicts.

Every figure comes from ``stat_buckets`` (15-minute UTC buckets kept up on ingest), so a
query over a bounded range costs the same whatever the size of the event log.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, Select, cast, func, or_, select
from sqlalchemy.orm import Session

from sync_server.db.models import (
    STAT_COLUMNS,
    Bag,
    Bill,
    Event,
    ReturnRecord,
    StatBucket,
    Station,
)
from sync_server.db.session import read_planned
from sync_server.services.errors import NotFoundError, ServiceError
from sync_server.services.site_rules import read_code_rules
from sync_server.services.zones import zone
from tracetrack_core.codes import CodeRules, normalise
from tracetrack_core.events import CORRECTION_TYPES, EARLIEST_TIME, LATEST_TIME, EventType, Status
from tracetrack_core.rules import (
    BILL_COMPLETED,
    BILL_FIELDS,
    BILL_NEW,
    BILL_PROCESSING,
    COMPLETED,
    OPEN,
    PARENT,
    fields_of,
    normalise_bill_id,
)

MAX_RANGE_DAYS = 400
HISTORY_LIMIT = 200


@dataclass(frozen=True)
class Range:
    """A half-open time range [start, end) and the zone it was asked in."""

    start: datetime
    end: datetime
    tz: ZoneInfo


@dataclass(frozen=True)
class Filters:
    station: str | None = None
    area: str | None = None
    operator: str | None = None


def _moment(text: str, tz: ZoneInfo, *, end: bool) -> datetime:
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            if end:
                day += timedelta(days=1)  # a date as `to` includes that whole day
            moment = datetime.combine(day, time(), tz)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ServiceError(
            f"{text!r} is not a date (2026-11-28) or an ISO time with offset.",
            field="to" if end else "from",
        ) from exc
    except OverflowError:  # the day after 9999-12-31
        moment = datetime.max.replace(tzinfo=UTC)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=tz)
    if not EARLIEST_TIME <= moment <= LATEST_TIME:
        raise ServiceError(
            f"{text!r} is outside the times this server reports on "
            f"({EARLIEST_TIME.date()} to {LATEST_TIME.date()}).",
            field="to" if end else "from",
        )
    return moment


def resolve_range(
    start: str | None, end: str | None, tz_name: str | None, now: datetime | None = None
) -> Range:
    """Dates are local midnights in ``tz``; the default is today in ``tz``."""
    tz = zone(tz_name)
    now = now or datetime.now(UTC)
    today = datetime.combine(now.astimezone(tz).date(), time(), tz)
    first = _moment(start, tz, end=False) if start else today
    last = (
        _moment(end, tz, end=True)
        if end
        else (
            datetime.combine(first.astimezone(tz).date() + timedelta(days=1), time(), tz)
            if start is None or len(start) == 10
            else now
        )
    )
    if last <= first:
        raise ServiceError("`to` must be after `from`.", field="to")
    if last - first > timedelta(days=MAX_RANGE_DAYS):
        raise ServiceError(f"A range covers at most {MAX_RANGE_DAYS} days.", field="to")
    return Range(first.astimezone(UTC), last.astimezone(UTC), tz)


def _station_ids(session: Session, station: str) -> list[str]:
    return list(
        session.scalars(
            select(Station.id).where(or_(Station.id == station, Station.name == station))
        )
    )


def _filtered(session: Session, stmt: Select[Any], rng: Range, filters: Filters) -> Select[Any]:
    stmt = stmt.where(StatBucket.bucket_start >= rng.start, StatBucket.bucket_start < rng.end)
    if filters.station:
        stmt = stmt.where(StatBucket.station_id.in_(_station_ids(session, filters.station)))
    if filters.area:
        stmt = stmt.where(StatBucket.area == filters.area)
    if filters.operator:
        stmt = stmt.where(StatBucket.operator == filters.operator)
    return stmt


def summarize_range(session: Session, rng: Range, filters: Filters) -> dict[str, Any]:
    """Totals of every counter over the range, and how many stations were active."""
    columns = [func.coalesce(func.sum(getattr(StatBucket, c)), 0).label(c) for c in STAT_COLUMNS]
    stmt = select(*columns, func.count(func.distinct(StatBucket.station_id)).label("active"))
    with session.begin():
        row = session.execute(_filtered(session, stmt, rng, filters)).one()
    out: dict[str, Any] = {c: int(getattr(row, c)) for c in STAT_COLUMNS}
    out["stations_active"] = int(row.active)
    out.update(
        {
            "from": rng.start.astimezone(rng.tz).isoformat(),
            "to": rng.end.astimezone(rng.tz).isoformat(),
            "tz": rng.tz.key,
        }
    )
    return out


def daily(session: Session, rng: Range, filters: Filters) -> list[dict[str, Any]]:
    """Every counter per local day of the range, every day present (a quiet day is zeros).

    The rollups are 15-minute UTC buckets, so a local day is an exact sum of whole buckets
    whatever the zone's offset; a day is named by its local date, never a UTC one.
    """
    sums = [cast(func.sum(getattr(StatBucket, c)), BigInteger).label(c) for c in STAT_COLUMNS]
    on_pg = session.get_bind().dialect.name == "postgresql"
    # PostgreSQL folds into local days itself (a day holds thousands of rollup rows); SQLite,
    # the embedded server's small site, hands the buckets back to be folded here
    slot: Any = (
        func.date_trunc("day", func.timezone(rng.tz.key, StatBucket.bucket_start))
        if on_pg
        else StatBucket.bucket_start
    )
    stmt = select(slot.label("slot"), *sums).group_by(slot)
    with session.begin():
        rows = session.execute(_filtered(session, stmt, rng, filters)).all()
    first = rng.start.astimezone(rng.tz).date()
    last = (rng.end - timedelta(microseconds=1)).astimezone(rng.tz).date()
    days: dict[date, list[int]] = {
        first + timedelta(days=n): [0] * len(STAT_COLUMNS) for n in range((last - first).days + 1)
    }
    for start, *counts in rows:
        day = start.date() if on_pg else start.astimezone(rng.tz).date()
        totals = days.setdefault(day, [0] * len(STAT_COLUMNS))
        for i, n in enumerate(counts):
            totals[i] += int(n or 0)
    return [
        {"day": day.isoformat(), **dict(zip(STAT_COLUMNS, totals, strict=True))}
        for day, totals in sorted(days.items())
    ]


def stock(session: Session) -> dict[str, Any]:
    """What the site holds now: parents by state, children in open parents, bills by status.

    The three parent figures are disjoint: *billed* is every parent on a bill (the bills'
    own ``parent_count``s, a sum over the bills table), *open* and *completed* the parents
    not on one (a partial index holds just those: the work in progress, never the millions
    of children or the billed history). A voided bag is in none of them.
    """
    with session.begin():
        by_state = session.execute(
            select(Bag.status, func.count(), func.coalesce(func.sum(Bag.child_count), 0))
            .where(Bag.kind == PARENT, Bag.bill.is_(None), Bag.status.in_((OPEN, COMPLETED)))
            .group_by(Bag.status)
        ).all()
        bills = session.execute(
            select(
                Bill.status, func.count(), func.coalesce(func.sum(Bill.parent_count), 0)
            ).group_by(Bill.status)
        ).all()
    parents = {status: (int(n), int(kids)) for status, n, kids in by_state}
    return {
        "parents_open": parents.get(OPEN, (0, 0))[0],
        "parents_completed": parents.get(COMPLETED, (0, 0))[0],
        "parents_billed": sum(int(on_bills) for _, _, on_bills in bills),
        "children_in_open_parents": parents.get(OPEN, (0, 0))[1],
        "bills": {
            BILL_NEW: 0,
            BILL_PROCESSING: 0,
            BILL_COMPLETED: 0,
            **{status: int(n) for status, n, _ in bills},
        },
    }


THROUGHPUT_COLUMNS = (
    "children_linked",
    "parents_completed",
    "parent_scans",
    "children_unlinked",
    "parents_billed",
)


def throughput(
    session: Session, rng: Range, filters: Filters, *, bucket: str, by: str
) -> list[dict[str, Any]]:
    """Rows per local hour or day and per station, operator or area."""
    key_column: Any = {
        "station": StatBucket.station_id,
        "operator": StatBucket.operator,
        "area": StatBucket.area,
    }[by]
    # bigint, not PostgreSQL's numeric sum: plain ints back, no Decimal per cell
    sums = [cast(func.sum(getattr(StatBucket, c)), BigInteger).label(c) for c in THROUGHPUT_COLUMNS]
    on_pg = session.get_bind().dialect.name == "postgresql"
    # PostgreSQL sums straight into the local hour or day: one row per answer row, whatever
    # the number of 15-minute rollups in the range (a day of a busy site holds ~20,000).
    slot_column: Any = (
        func.date_trunc(bucket, func.timezone(rng.tz.key, StatBucket.bucket_start))
        if on_pg
        else StatBucket.bucket_start
    )
    stmt = select(slot_column.label("slot"), key_column.label("key"), *sums).group_by(
        slot_column, key_column
    )
    with session.begin():
        rows = session.execute(_filtered(session, stmt, rng, filters)).all()
        names = (
            {row.id: row.name for row in session.execute(select(Station.id, Station.name))}
            if by == "station"
            else {}
        )
    if on_pg:  # one row per slot and key already: straight to the answer
        return _throughput_rows(rows, rng.tz, names, by)
    folded: dict[tuple[datetime, str], list[int]] = {}
    for start, key, *counts in rows:
        local = start.astimezone(rng.tz)
        if bucket == "day":
            slot = datetime.combine(local.date(), time(), rng.tz)
        else:
            slot = local.replace(minute=0, second=0, microsecond=0)
        totals = folded.get((slot, key))
        if totals is None:
            folded[(slot, key)] = [int(n or 0) for n in counts]
        else:
            for i, n in enumerate(counts):
                totals[i] += int(n or 0)
    out = []
    for (slot, key), totals in sorted(folded.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        item: dict[str, Any] = {
            "bucket_start": slot.isoformat(),
            "key": names.get(key, key) if by == "station" else key,
        }
        if by == "station":
            item["station_id"] = key
        item.update(zip(THROUGHPUT_COLUMNS, totals, strict=True))
        out.append(item)
    return out


def _throughput_rows(
    rows: Sequence[Any], tz: ZoneInfo, names: dict[str, str], by: str
) -> list[dict[str, Any]]:
    """Answer rows from PostgreSQL's (local slot, key, sums...), as few objects as it takes.

    A whole day of a busy site is thousands of rows; every object made per row is work for
    the request and, surviving it, for Python's cyclic garbage collector.
    """
    labels: dict[datetime, str] = {}  # a few dozen slots for thousands of rows
    out = []
    for row in sorted(rows, key=lambda r: (r[0], str(r[1]))):
        slot, key = row[0], row[1]
        label = labels.get(slot)
        if label is None:
            label = labels[slot] = slot.replace(tzinfo=tz).isoformat()
        item: dict[str, Any] = {"bucket_start": label}
        if by == "station":
            item["key"] = names.get(key, key)
            item["station_id"] = key
        else:
            item["key"] = key
        item.update(zip(THROUGHPUT_COLUMNS, row[2:], strict=True))
        out.append(item)
    return out


def list_stations(session: Session, now: datetime | None = None) -> list[dict[str, Any]]:
    """Every station with its sync health."""
    now = now or datetime.now(UTC)
    with session.begin():
        stations = session.scalars(select(Station).order_by(Station.name)).all()
    out = []
    for st in stations:
        oldest = st.oldest_pending_at
        pending = st.reported_pending or 0
        lag = (now - oldest).total_seconds() if pending and oldest else 0.0
        out.append(
            {
                "id": st.id,
                "name": st.name,
                "area": st.area,
                "hostname": st.hostname,
                "enrolled_at": _iso(st.enrolled_at),
                "revoked": st.revoked_at is not None,
                "last_seen": _iso(st.last_seen_at),
                "last_seq": st.last_seq,
                "seq_gaps": st.seq_gaps,
                "pending": st.reported_pending,
                "oldest_pending_at": _iso(st.oldest_pending_at),
                "lag_seconds": round(max(lag, 0.0), 3),
                "clock_skew_ms": st.clock_skew_ms,
                "sync_lag_ms": st.sync_lag_ms,
                "events_received": st.events_received,
            }
        )
    return out


def _iso(moment: datetime | None) -> str | None:
    """A stored time as the API shows it (aware on every database: ``models.UtcDateTime``)."""
    return moment.isoformat() if moment else None


_EVENT_JSON_COLUMNS = (
    Event.id,
    Event.station_id,
    Event.seq,
    Event.type,
    Event.code,
    Event.parent,
    Event.bill,
    Event.operator,
    Event.status,
    Event.reason,
    Event.detail,
    Event.occurred_at,
    Event.received_at,
)
"""What :func:`_event_json` reads: selected as plain rows, not entities, for long lists."""


def _event_json(ev: Any) -> dict[str, Any]:
    """An event (entity or a row of ``_EVENT_JSON_COLUMNS``) as the API shows it."""
    return {
        "id": str(ev.id),
        "station_id": ev.station_id,
        "seq": ev.seq,
        "type": ev.type,
        "code": ev.code,
        "parent": ev.parent,
        "bill": ev.bill,
        "operator": ev.operator,
        "status": ev.status,
        "reason": ev.reason,
        "detail": ev.detail,
        "occurred_at": _iso(ev.occurred_at),
        "received_at": _iso(ev.received_at),
    }


def near_misses(session: Session, code: str, limit: int = 5) -> list[str]:
    """Known codes close to ``code``, found by indexed prefix ranges, never a full scan."""
    candidates: set[str] = set()
    for size in (4, 3, 2):
        prefix = code[:size]
        if len(prefix) < size:
            continue
        candidates.update(
            session.scalars(
                select(Bag.code).where(Bag.code >= prefix, Bag.code < prefix + "\uffff").limit(500)
            )
        )
        if len(candidates) >= 50:
            break
    return difflib.get_close_matches(code, sorted(candidates), n=limit, cutoff=0.6)


def lookup_bag(session: Session, raw_code: str) -> dict[str, Any]:
    """A bag with its parent or children, its bill and its history (newest first).

    Raises:
        NotFoundError: with ``did_you_mean`` near misses.
    """
    code = normalise(raw_code)
    with session.begin():
        bag = session.get(Bag, code)
        if bag is None:
            raise NotFoundError(
                f"No bag {code!r} is known.", bag=code, did_you_mean=near_misses(session, code)
            )
        children = list(
            session.scalars(select(Bag.code).where(Bag.parent == code).order_by(Bag.code))
        )
        bill = session.get(Bill, bag.bill) if bag.bill else None
        history = session.execute(
            select(Event, Station.name)
            .outerjoin(Station, Station.id == Event.station_id)
            .where(or_(Event.code == code, Event.parent == code))
            .order_by(Event.occurred_at.desc(), Event.seq.desc())
            .limit(HISTORY_LIMIT)
        ).all()
        series = read_code_rules(session).series_of(code)  # the site's series, not the defaults
        return {
            "code": bag.code,
            "kind": bag.kind,
            "status": bag.status,
            "child_count": bag.child_count,
            "capacity": series.capacity if series and bag.kind == "parent" else None,
            "parent": bag.parent,
            "children": children if bag.kind == "parent" else [],
            "bill": {"bill_id": bill.bill_id, "status": bill.status} if bill else None,
            "history": [_history_json(ev, station) for ev, station in history],
        }


def _history_json(ev: Event, station: str | None) -> dict[str, Any]:
    """An event in a bag's history: who (``operator``), where (``station``, its name), when,
    and for a correction why (``reason``: an accepted one's ``data.reason``; a refused event
    keeps the server's reason) with its ``note``; a move names the parent it left (``from``)."""
    out = _event_json(ev)
    data = ev.data if isinstance(ev.data, dict) else {}
    out["station"] = station
    out["note"] = out["from"] = None  # every entry has every column (CSV takes the first's)
    if ev.type in CORRECTION_TYPES:
        if ev.status == Status.ACCEPTED and data.get("reason"):
            out["reason"] = data["reason"]
        out["note"] = data.get("note") or None
    if ev.type == EventType.CHILD_MOVE:
        source = data.get("from")
        out["from"] = normalise(source) if isinstance(source, str) else None
    return out


def _bill_json(bill: Bill) -> dict[str, Any]:
    return {
        **fields_of(bill, BILL_FIELDS),
        "created_at": _iso(bill.created_at),
        "updated_at": _iso(bill.updated_at),
    }


def list_bills(
    session: Session, rng: Range | None, status: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Bills newest first, and how many match in all."""
    stmt = select(Bill)
    if status:
        stmt = stmt.where(Bill.status == status)
    if rng:
        stmt = stmt.where(Bill.created_at >= rng.start, Bill.created_at < rng.end)
    with session.begin():
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        bills = session.scalars(
            stmt.order_by(Bill.created_at.desc(), Bill.bill_id).limit(limit).offset(offset)
        ).all()
        return [_bill_json(b) for b in bills], int(total)


def _parent_on_bill(parent: Bag, rules: CodeRules) -> dict[str, Any]:
    series = rules.series_of(parent.code)
    return {
        "code": parent.code,
        "child_count": parent.child_count,
        "status": parent.status,
        "actual_kg": parent.child_count * rules.kg_per_child,
        "expected_kg": series.expected_kg if series else 0,
    }


def bill_detail(session: Session, bill_id: str) -> dict[str, Any]:
    key = normalise_bill_id(bill_id)
    with session.begin():
        bill = session.get(Bill, key)
        if bill is None:
            raise NotFoundError(f"There is no bill {key!r}.", bill_id=key)
        parents = session.scalars(select(Bag).where(Bag.bill == key).order_by(Bag.code)).all()
        returns = session.scalars(
            select(ReturnRecord).where(ReturnRecord.bill == key).order_by(ReturnRecord.created_at)
        ).all()
        out = _bill_json(bill)
        rules = read_code_rules(session)  # the site's series and weights
        out["parents"] = [_parent_on_bill(p, rules) for p in parents]
        out["returns"] = [
            {
                "parent": r.parent,
                "ticket": r.ticket,
                "location": r.location,
                "before_parents": r.before_parents,
                "after_parents": r.after_parents,
                "before_kg": r.before_kg,
                "after_kg": r.after_kg,
                "at": _iso(r.created_at),
            }
            for r in returns
        ]
        return out


def list_conflicts(
    session: Session, rng: Range, station: str | None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Conflicting and rejected events received in the range: what lost, and to what."""
    stmt = select(*_EVENT_JSON_COLUMNS).where(
        Event.status.in_(("conflict", "rejected")),
        Event.received_at >= rng.start,
        Event.received_at < rng.end,
    )
    with session.begin():
        if station:
            stmt = stmt.where(Event.station_id.in_(_station_ids(session, station)))
        # planned for its own range every time: a generic plan cached on a small table walked
        # the whole day by time and discarded nearly every row (read-side benchmark, 100k)
        events = read_planned(session, stmt.order_by(Event.received_at.desc()).limit(limit))
        return [_event_json(ev) for ev in events]
