"""Recount the stats from the raw event log, and check that a station's events are on the
server exactly once.

The server keeps its figures in ``stat_buckets``, added to on ingest. These helpers work them
out again from nothing but the ``events`` rows (status, type, and the ``detail`` the rules
stored) and compare them with ``GET /api/v1/stats/summary``; and they hold a station's
outbox (``LocalStore.events()``) against the server's event log and bag/bill state.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter as Tally
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from sync_server.db.models import STAT_COLUMNS, Bag, Bill, Event, Station
from tests.server.factories import make_read_token
from tracetrack_core.codes import DEFAULT_RULES
from tracetrack_core.events import CORRECTION_TYPES, Counter, EventType, Status
from tracetrack_desktop.storage.store import DONE, LocalStore

ALREADY_RECEIVED = "already_received"

# accepted event type -> the one counter it always adds to
_ACCEPTED_COUNTS: Mapping[str, Counter] = {
    EventType.PARENT_SCAN: Counter.PARENT_SCANS,
    EventType.CHILD_LINK: Counter.CHILDREN_LINKED,
    EventType.CHILD_UNLINK: Counter.CHILDREN_UNLINKED,
    EventType.PARENT_FINISH: Counter.PARENTS_COMPLETED,
    EventType.BILL_CREATE: Counter.BILLS_CREATED,
    EventType.BILL_COMPLETE: Counter.BILLS_COMPLETED,
    EventType.BILL_ADD_PARENT: Counter.PARENTS_BILLED,
    EventType.BILL_REMOVE_PARENT: Counter.PARENTS_UNBILLED,
    EventType.RETURN_ADD: Counter.RETURNS,
    EventType.SCAN_REJECTED: Counter.SCANS_REFUSED,
    EventType.CHILD_REMOVE: Counter.CHILDREN_UNLINKED,
    EventType.PARENT_REOPEN: Counter.PARENTS_REOPENED,
}
_STATUS_COUNTS: Mapping[str, Counter] = {
    Status.DUPLICATE: Counter.DUPLICATES,
    Status.CONFLICT: Counter.CONFLICTS,
    Status.REJECTED: Counter.REJECTED,
}


def _sessions(app: Any) -> Any:
    return app.extensions["tracetrack"].sessions


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _detail(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # a JSON column may hand back text on some drivers
        value = json.loads(value)
    return dict(value) if isinstance(value, Mapping) else {}


def server_log(app: Any) -> list[Event]:
    """Every row of the server's ``events`` table, in receipt order."""
    with _sessions(app)() as session, session.begin():
        rows = list(session.scalars(select(Event)))
        session.expunge_all()
    return sorted(rows, key=lambda e: (_aware(e.received_at), e.station_id, e.seq))


def recount(log: Iterable[Event]) -> dict[str, int]:
    """The summary figures as the raw event log says they must be.

    * an accepted event adds to its type's counter (``_ACCEPTED_COUNTS``); an accepted
      ``child_link`` whose stored ``detail`` shows the parent reaching its capacity also
      completes the parent;
    * ``parents_reopened``: each parent's accepted links, finishes and undos are replayed in
      receipt order; an undo out of a completed parent that leaves it under capacity
      reopens it;
    * corrections (``CORRECTION_TYPES``) each count ``corrections`` besides what they did: a
      ``child_remove`` as an undo; a ``child_move`` as an undo out of ``detail.from`` and a
      link into ``detail.parent``; a ``bag_void`` with ``detail.former_parent`` as an undo
      out of it; a ``parent_reopen`` reopens;
    * ``duplicate`` / ``conflict`` / ``rejected`` rows count under their status only (a
      re-sent event id is never stored, so it is never counted);
    * ``stations_active``: stations with at least one event that counted something.
    """
    totals: Tally[str] = Tally(dict.fromkeys(STAT_COLUMNS, 0))
    completed: dict[str, bool] = {}
    active: set[str] = set()
    for ev in log:
        detail = _detail(ev.detail)
        counted = False
        if ev.status == Status.ACCEPTED:
            counter = _ACCEPTED_COUNTS.get(ev.type)
            if counter is not None:
                totals[counter.value] += 1
                counted = True
            if ev.type in CORRECTION_TYPES:
                totals[Counter.CORRECTIONS.value] += 1
                counted = True
            if ev.type == EventType.CHILD_LINK:
                _linked(ev.parent, detail, totals, completed)
            elif ev.type == EventType.PARENT_FINISH:
                completed[ev.code] = True
            elif ev.type in (EventType.CHILD_UNLINK, EventType.CHILD_REMOVE):
                _unlinked(ev.parent, detail, totals, completed)
            elif ev.type == EventType.CHILD_MOVE:
                totals[Counter.CHILDREN_UNLINKED.value] += 1
                totals[Counter.CHILDREN_LINKED.value] += 1
                source = {
                    "child_count": detail.get("from_child_count", 0),
                    "capacity": detail.get("from_capacity", 0),
                }
                _unlinked(str(detail.get("from", "")), source, totals, completed)
                _linked(ev.parent, detail, totals, completed)
            elif ev.type == EventType.BAG_VOID and detail.get("former_parent"):
                totals[Counter.CHILDREN_UNLINKED.value] += 1
                _unlinked(str(detail["former_parent"]), detail, totals, completed)
            elif ev.type == EventType.PARENT_REOPEN:
                completed[ev.code] = False
        else:
            counter = _STATUS_COUNTS.get(ev.status)
            if counter is not None:
                totals[counter.value] += 1
                counted = True
        if counted:
            active.add(ev.station_id)
    out = {column: int(totals[column]) for column in STAT_COLUMNS}
    out["stations_active"] = len(active)
    return out


def _linked(
    parent: str, detail: Mapping[str, Any], totals: Tally[str], completed: dict[str, bool]
) -> None:
    """A child went into ``parent``: it completes if the stored count reached its capacity."""
    if int(detail.get("child_count", 0)) >= int(detail.get("capacity", 1 << 30)):
        totals[Counter.PARENTS_COMPLETED.value] += 1
        completed[parent] = True


def _unlinked(
    parent: str, detail: Mapping[str, Any], totals: Tally[str], completed: dict[str, bool]
) -> None:
    """A child left ``parent``: a completed parent left under its capacity reopens."""
    if completed.get(parent) and int(detail.get("child_count", 0)) < int(detail.get("capacity", 0)):
        totals[Counter.PARENTS_REOPENED.value] += 1
        completed[parent] = False


def summary(app: Any, log: list[Event]) -> dict[str, Any]:
    """``GET /api/v1/stats/summary`` over a UTC range that covers every event's bucket."""
    now = datetime.now(UTC)
    buckets = [_aware(e.bucket_start) for e in log] or [now]
    start = min(*buckets, now) - timedelta(days=1)
    end = max(*buckets, now) + timedelta(days=1)
    with _sessions(app)() as session:
        token = make_read_token(session, f"recount-{uuid.uuid4().hex[:8]}")
    response = app.test_client().get(
        "/api/v1/stats/summary",
        query_string={"from": start.isoformat(), "to": end.isoformat(), "tz": "UTC"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    return body


def stats_differences(app: Any) -> tuple[dict[str, tuple[int, int]], dict[str, Any]]:
    """``({figure: (summary says, recount says)} where they disagree, the summary)``."""
    log = server_log(app)
    expected = recount(log)
    reported = summary(app, log)
    differences = {
        key: (int(reported.get(key, -1)), value)
        for key, value in expected.items()
        if int(reported.get(key, -1)) != value
    }
    return differences, reported


def assert_stats_match_recount(app: Any) -> dict[str, Any]:
    """Every summary figure equals the recount from the raw events; returns the summary."""
    differences, reported = stats_differences(app)
    assert not differences, f"summary vs recount (summary, recount): {differences}"
    return reported


def state_problems(app: Any) -> list[str]:
    """Where the server's bag and bill state disagrees with itself or with its event log.

    * a parent's ``child_count`` is the number of bags whose ``parent`` points at it;
    * a bill's ``parent_count`` is the number of parents on it; its ``actual_kg`` is the
      children under those parents (1 kg each by default);
    * linked children = accepted links - accepted undos, removals and voids of linked
      children; a voided bag is in no parent and on no bill; billed parents = accepted
      ``bill_add_parent`` - accepted ``bill_remove_parent`` - accepted returns.
    """
    with _sessions(app)() as session, session.begin():
        rows = list(session.scalars(select(Bag)))
        bags = {b.code: (b.kind, b.parent, b.child_count, b.bill) for b in rows}
        statuses = {b.code: b.status for b in rows}
        bills = {b.bill_id: (b.parent_count, b.actual_kg) for b in session.scalars(select(Bill))}
    problems: list[str] = []
    children_of: Tally[str] = Tally(parent for _, parent, _, _ in bags.values() if parent)
    parents_on: Tally[str] = Tally(bill for kind, _, _, bill in bags.values() if bill)
    for code, (kind, parent, count, on_bill) in sorted(bags.items()):
        if statuses[code] == "voided" and (parent or count or on_bill):
            problems.append(f"{code}: voided, yet in {parent}, holding {count}, on {on_bill}")
        if kind == "parent" and count != children_of[code]:
            problems.append(f"{code}: child_count {count}, but {children_of[code]} children")
        if parent and bags.get(parent, ("?",))[0] != "parent":
            problems.append(f"{code}: its parent {parent} is not a parent bag")
    kg = DEFAULT_RULES.kg_per_child
    for bill_id, (count, actual) in sorted(bills.items()):
        if count != parents_on[bill_id]:
            problems.append(f"bill {bill_id}: parent_count {count}, but {parents_on[bill_id]}")
        weight = sum(c for k, _, c, b in bags.values() if k == "parent" and b == bill_id) * kg
        if actual != weight:
            problems.append(f"bill {bill_id}: actual_kg {actual}, children say {weight}")
    log = [e for e in server_log(app) if e.status == Status.ACCEPTED]
    accepted = Tally(e.type for e in log)
    # a child leaves its parent by an undo, a removal or a void (a move takes it to another)
    left = (
        accepted[EventType.CHILD_UNLINK]
        + accepted[EventType.CHILD_REMOVE]
        + sum(
            1
            for e in log
            if e.type == EventType.BAG_VOID and _detail(e.detail).get("former_parent")
        )
    )
    linked = sum(1 for _, parent, _, _ in bags.values() if parent)
    if linked != accepted[EventType.CHILD_LINK] - left:
        problems.append(
            f"{linked} children linked, but the log says "
            f"{accepted[EventType.CHILD_LINK]} links - {left} undos, removals and voids"
        )
    billed = sum(parents_on.values())
    log_billed = (
        accepted[EventType.BILL_ADD_PARENT]
        - accepted[EventType.BILL_REMOVE_PARENT]
        - accepted[EventType.RETURN_ADD]
    )
    if billed != log_billed:
        problems.append(f"{billed} parents on bills, but the log says {log_billed}")
    return problems


def assert_exactly_once(app: Any, store: LocalStore, station_id: str) -> None:
    """Every event the station holds as answered is on the server exactly once, as sent.

    Also: the server holds nothing from this station that the station does not have; the
    answer the station kept agrees with the server's stored status (a replay answered
    ``duplicate/already_received`` carries the original status); the station's record
    counts each event once (``events_received``, ``last_seq``, no ``seq_gaps`` left); and
    the server's bag and bill state is consistent (:func:`state_problems`).
    """
    local = store.events()
    pending = [e.event.id for e in local if e.sync_state != DONE]
    assert not pending, f"{len(pending)} events still pending at the station"
    with _sessions(app)() as session, session.begin():
        ids = [uuid.UUID(e.event.id) for e in local]
        rows = session.execute(
            select(Event.id, Event.station_id, Event.seq, Event.type, Event.status).where(
                Event.id.in_(ids) | (Event.station_id == station_id)
            )
        ).all()
    held = Tally(str(row.id) for row in rows)
    assert all(n == 1 for n in held.values())  # the primary key; here for the reader
    by_id = {str(row.id): row for row in rows}
    local_ids = {e.event.id for e in local}
    missing = local_ids - set(by_id)
    assert not missing, f"confirmed at the station but not on the server: {sorted(missing)}"
    extra = set(by_id) - local_ids
    assert not extra, f"on the server but unknown to the station: {sorted(extra)}"
    for stored in local:
        row = by_id[stored.event.id]
        assert (row.station_id, row.seq, row.type) == (
            station_id,
            stored.event.seq,
            stored.event.type,
        ), f"{stored.event.id}: stored as {tuple(row)}, sent as {stored.event}"
        answer = stored.result_status
        if answer == Status.DUPLICATE and stored.result_reason == ALREADY_RECEIVED:
            original = (stored.result_detail or {}).get("original") or {}
            answer = original.get("status")
        assert answer == row.status, (
            f"{stored.event.id} ({stored.event.type} {stored.event.code}): the station was "
            f"told {answer!r}, the server stored {row.status!r}"
        )
    with _sessions(app)() as session, session.begin():
        record = session.get(Station, station_id)
        assert record is not None
        received = (record.events_received, record.last_seq, record.seq_gaps)
    newest = max((e.event.seq for e in local), default=0)
    assert received == (len(local), newest, 0), (
        f"station record (events_received, last_seq, seq_gaps) = {received}, "
        f"but the station sent {len(local)} events up to seq {newest}"
    )
    problems = state_problems(app)
    assert not problems, problems


def assert_consistent(app: Any, stations: Mapping[str, LocalStore]) -> dict[str, Any]:
    """The after-every-fault check: exactly once per station, stats equal a recount."""
    for station_id, store in stations.items():
        assert_exactly_once(app, store, station_id)
    return assert_stats_match_recount(app)
