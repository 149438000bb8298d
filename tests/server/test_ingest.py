"""Ingest rules and exactly-once effect on PostgreSQL (through the HTTP API)."""

from __future__ import annotations

import multiprocessing
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from sync_server.api.extension import ServerContext
from sync_server.db.models import Bag, Bill, Event, StatBucket
from sync_server.db.session import make_engine, make_session_factory
from sync_server.services import ingest
from tests.server.factories import batch, children, event, make_station


def ctx(app: Any) -> ServerContext:
    context: ServerContext = app.extensions["tracetrack"]
    return context


def station(app: Any, name: str = "Line 1", area: str = "Lucknow") -> tuple[str, dict[str, str]]:
    with ctx(app).sessions() as session:
        station_id, token = make_station(session, name, area=area)
    return station_id, {"Authorization": f"Bearer {token}"}


def post(
    client: Any,
    station_id: str,
    headers: dict[str, str],
    events: list[dict[str, Any]],
    **extra: Any,
) -> list[dict[str, Any]]:
    response = client.post(
        "/api/v1/sync/events", json=batch(station_id, events, **extra), headers=headers
    )
    assert response.status_code == 200, response.get_json()
    results: list[dict[str, Any]] = response.get_json()["results"]
    return results


def count(app: Any, stmt: Any) -> int:
    with ctx(app).sessions() as session:
        return int(session.scalar(stmt) or 0)


def test_cross_station_child_conflict_first_committed_wins(app, client) -> None:
    a, ha = station(app, "A")
    b, hb = station(app, "B")
    post(client, a, ha, [event("parent_scan", "SB00001")])
    post(client, b, hb, [event("parent_scan", "SB00002")])
    [won] = post(client, a, ha, [event("child_link", "CHILD0001", parent="SB00001")])
    [lost] = post(client, b, hb, [event("child_link", "child0001", parent="SB00002")])
    assert won["status"] == "accepted"
    assert lost["status"] == "conflict"
    assert lost["reason"] == "child_in_other_parent"
    assert lost["detail"]["current_parent"] == "SB00001"
    with ctx(app).sessions() as session:
        assert session.get(Bag, "CHILD0001").parent == "SB00001"  # type: ignore[union-attr]
        assert session.get(Bag, "SB00002").child_count == 0  # type: ignore[union-attr]
        stored = session.scalars(select(Event).where(Event.status == "conflict")).one()
        assert stored.station_id == b
        conflicts = session.scalar(select(func.sum(StatBucket.conflicts)))
        linked = session.scalar(select(func.sum(StatBucket.children_linked)))
    assert (conflicts, linked) == (1, 1)


def test_parent_onto_two_bills_from_two_stations(app, client) -> None:
    a, ha = station(app, "A")
    b, hb = station(app, "B")
    post(
        client,
        a,
        ha,
        [
            event("parent_scan", "SB00010"),
            event("child_link", "KID00001", parent="SB00010"),
            event("bill_create", bill="bill-1", data={"capacity": 2}),
            event("bill_create", bill="BILL-2", data={"capacity": 1}),
        ],
    )
    [first] = post(client, a, ha, [event("bill_add_parent", "SB00010", bill="BILL-1")])
    [second] = post(client, b, hb, [event("bill_add_parent", "SB00010", bill="bill-2")])
    assert first["status"] == "accepted"
    assert (second["status"], second["reason"]) == ("conflict", "already_on_other_bill")
    assert second["detail"]["current_bill"] == "BILL-1"
    with ctx(app).sessions() as session:
        bill = session.get(Bill, "BILL-1")
        assert bill is not None
        assert (bill.parent_count, bill.actual_kg, bill.expected_kg) == (1, 1, 30)
        assert session.get(Bill, "BILL-2").parent_count == 0  # type: ignore[union-attr]


def test_bill_error_kinds_are_distinct(app, client) -> None:
    a, ha = station(app)
    post(
        client,
        a,
        ha,
        [
            event("parent_scan", "SB00020"),
            event("parent_scan", "M444-00020"),
            event("child_link", "KID00020", parent="SB00020"),
            event("bill_create", bill="B-1", data={"capacity": 1}),
            event("bill_create", bill="B-2", data={"capacity": 1}),
            event("bill_add_parent", "SB00020", bill="B-1"),
        ],
    )
    results = post(
        client,
        a,
        ha,
        [
            event("bill_add_parent", "XX", bill="B-1"),
            event("bill_add_parent", "SB00020", bill="NOPE"),
            event("bill_add_parent", "SB09999", bill="B-2"),
            event("bill_add_parent", "KID00020", bill="B-2"),
            event("bill_add_parent", "SB00020", bill="b-1"),
            event("bill_add_parent", "SB00020", bill="B-2"),
            event("bill_add_parent", "M444-00020", bill="B-1"),
        ],
    )
    assert [r.get("reason") for r in results] == [
        "invalid_code",
        "unknown_bill",
        "unknown_bag",
        "wrong_bag_type",
        "already_on_this_bill",
        "already_on_other_bill",
        "bill_full",
    ]


def test_undo_is_a_compensating_event_and_reopens_a_completed_parent(app, client) -> None:
    a, ha = station(app)
    kids = children(30)
    post(
        client,
        a,
        ha,
        [event("parent_scan", "SB00030")]
        + [event("child_link", k, parent="SB00030") for k in kids],
    )
    [undo] = post(client, a, ha, [event("child_unlink", kids[-1], parent="SB00030")])
    assert undo["status"] == "accepted"
    with ctx(app).sessions() as session:
        parent = session.get(Bag, "SB00030")
        assert parent is not None
        assert (parent.child_count, parent.status) == (29, "open")
        assert session.get(Bag, kids[-1]).parent is None  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Event)) == 32


def test_return_records_bill_totals(app, client) -> None:
    a, ha = station(app)
    post(
        client,
        a,
        ha,
        [
            event("parent_scan", "SB00040"),
            *[event("child_link", k, parent="SB00040") for k in children(3)],
            event("bill_create", bill="R-1", data={"capacity": 5}),
            event("bill_add_parent", "SB00040", bill="R-1"),
        ],
    )
    [ret] = post(
        client,
        a,
        ha,
        [event("return_add", "SB00040", data={"ticket": "RT-9", "location": "C&F Jaipur"})],
    )
    assert ret["status"] == "accepted"
    assert ret["detail"]["before"] == {"parents": 1, "actual_kg": 3}
    assert ret["detail"]["after"] == {"parents": 0, "actual_kg": 0}


def test_reordered_and_split_replays_have_one_effect(app, client) -> None:
    a, ha = station(app)
    events = [event("parent_scan", "SB00050")]
    events += [event("child_link", k, parent="SB00050") for k in children(10)]
    post(client, a, ha, events[:6])
    results = post(client, a, ha, list(reversed(events)))  # everything again, reversed
    by_id = {r["id"]: r["status"] for r in results}
    assert [by_id[e["id"]] for e in events[:6]] == ["duplicate"] * 6
    assert [by_id[e["id"]] for e in events[6:]] == ["accepted"] * 5
    post(client, a, ha, events[3:8] + events[3:8])  # and duplicated within one batch
    with ctx(app).sessions() as session:
        assert session.get(Bag, "SB00050").child_count == 10  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Event)) == 11
        assert session.scalar(select(func.sum(StatBucket.children_linked))) == 10


def _ingest_in_process(
    url: str, station_id: str, events: list[dict[str, Any]], start: Any, out: Any
) -> None:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    start.wait()
    with sessions() as session:
        outcome = ingest.ingest_batch(
            session,
            ingest.BatchInput(station_id=station_id, sent_at=datetime.now(UTC), events=events),
        )
    out.put([r.status.value for r in outcome.results])
    engine.dispose()


@pytest.mark.slow
def test_same_events_from_several_processes_at_once_count_once(app, pg_db) -> None:
    a, _ = station(app)
    events = [event("parent_scan", "SB00060")]
    events += [event("child_link", k, parent="SB00060") for k in children(30)]
    mp = multiprocessing.get_context("spawn")
    start, out = mp.Event(), mp.Queue()
    procs = [
        mp.Process(target=_ingest_in_process, args=(pg_db, a, events, start, out)) for _ in range(4)
    ]
    for p in procs:
        p.start()
    start.set()
    answers = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    accepted = sorted(answer.count("accepted") for answer in answers)
    assert accepted == [0, 0, 0, 31]
    assert count(app, select(func.count()).select_from(Event)) == 31
    assert count(app, select(func.sum(StatBucket.children_linked))) == 30
    assert count(app, select(func.sum(StatBucket.parents_completed))) == 1


@pytest.mark.slow
def test_two_stations_race_for_the_same_children_one_wins_each(app, pg_db) -> None:
    a, _ = station(app, "A")
    b, _ = station(app, "B")
    kids = children(20)
    ev_a = [event("parent_scan", "SB00070")] + [
        event("child_link", k, parent="SB00070") for k in kids
    ]
    ev_b = [event("parent_scan", "SB00071")] + [
        event("child_link", k, parent="SB00071") for k in kids
    ]
    mp = multiprocessing.get_context("spawn")
    start, out = mp.Event(), mp.Queue()
    procs = [
        mp.Process(target=_ingest_in_process, args=(pg_db, sid, evs, start, out))
        for sid, evs in ((a, ev_a), (b, ev_b))
    ]
    for p in procs:
        p.start()
    start.set()
    answers = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    linked = sum(answer.count("accepted") for answer in answers) - 2  # minus the parent scans
    conflicts = sum(answer.count("conflict") for answer in answers)
    assert (linked, conflicts) == (20, 20)
    with ctx(app).sessions() as session:
        counts = {
            bag.code: bag.child_count
            for bag in session.scalars(select(Bag).where(Bag.code.in_(["SB00070", "SB00071"])))
        }
        assert sum(counts.values()) == 20
        owners = {bag.parent for bag in session.scalars(select(Bag).where(Bag.code.in_(kids)))}
        assert owners <= {"SB00070", "SB00071"}


def test_station_clock_hours_off_is_counted_in_the_right_bucket(app, client) -> None:
    a, ha = station(app)
    real_now = datetime.now(UTC)
    skewed = real_now - timedelta(hours=5)  # the station's clock is 5 h slow
    ev = event("parent_scan", "SB00080", at=skewed)
    body = batch(a, [ev])
    body["sent_at"] = skewed.isoformat()
    response = client.post("/api/v1/sync/events", json=body, headers=ha)
    assert response.get_json()["results"][0]["status"] == "accepted"
    with ctx(app).sessions() as session:
        stored = session.scalars(select(Event).where(Event.id == uuid.UUID(ev["id"]))).one()
        assert stored.occurred_at == datetime.fromisoformat(ev["occurred_at"])  # never rewritten
        assert abs((stored.bucket_start - real_now).total_seconds()) < 16 * 60
