"""Network and protocol faults between a real station and the real server.

Every test drives a real :class:`LocalStore` (SQLite in a temp dir) through the operator
workflow, syncs it with the real :class:`SyncEngine` over a loopback TCP proxy that
misbehaves (``tcp_proxy.py``) to the live server (Flask + PostgreSQL), and then checks the
same three promises (``recount.py``):

* what the station confirmed is what the server holds, each event exactly once, with the
  answer the station kept agreeing with what the server stored;
* nothing is counted twice: the server's bags and bills agree with each other and with the
  event log;
* every figure of ``GET /api/v1/stats/summary`` equals a recount from the raw events.

No test sleeps to synchronise: the station's wall clock is injected, its monotonic clock is
fake (backoff is skipped by moving it), and the proxy is polled with deadlines.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from sync_server.db.models import Bag, Event, StatBucket
from sync_server.db.models import Station as StationRow
from tests.faults.recount import (
    ALREADY_RECEIVED,
    assert_consistent,
    assert_stats_match_recount,
    server_log,
    state_problems,
    stats_differences,
)
from tests.faults.tcp_proxy import Mode, TcpProxy
from tests.procs import wait_for
from tests.server.factories import add_operators, make_station
from tracetrack_desktop.domain.results import ActionResult, Feedback
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.storage.store import DONE, PENDING, LocalStore
from tracetrack_desktop.sync.backoff import Backoff
from tracetrack_desktop.sync.client import SyncClient
from tracetrack_desktop.sync.engine import PIPELINE_DEPTH, SyncEngine, SyncLimits, SyncReport

DATA = Path(__file__).resolve().parents[1] / "data" / "station"
FEED = json.loads((DATA / "feed_users.json").read_text())
PASSWORDS: dict[str, str] = FEED["passwords"]
FEED_ROLES = {
    item["data"]["username"]: item["data"]["role"]
    for item in FEED["changes"]
    if item["kind"] == "user"
}
IST = timezone(timedelta(hours=5, minutes=30))
TIMEOUT = (1.0, 2.0)
OK = frozenset({Feedback.GOOD, Feedback.PARENT, Feedback.COMPLETE, Feedback.INFO})


class StationClock:
    """A station's wall clock: real time plus an offset the test sets (IST, like the sites)."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset

    def __call__(self) -> datetime:
        return (datetime.now(UTC) + self.offset).astimezone(IST)


def real_clock() -> datetime:
    return datetime.now(UTC).astimezone(IST)


class FakeMonotonic:
    """The engine's monotonic clock; tests jump it past a backoff instead of waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Station:
    """One enrolled station: its store, its operator workflow, and its sync engine."""

    name: str
    station_id: str
    token: str
    store: LocalStore
    wf: StationWorkflow
    clock: StationClock
    mono: FakeMonotonic = field(default_factory=FakeMonotonic)
    engine: SyncEngine | None = None
    confirmed: list[str] = field(default_factory=list)

    def connect(
        self,
        url: str,
        *,
        sync_clock: Callable[[], datetime] | None = None,
        limits: SyncLimits | None = None,
        pull_changes: bool = False,
        pipeline_depth: int = PIPELINE_DEPTH,
    ) -> SyncEngine:
        """A sync engine to ``url`` (short timeouts); ``sync_clock`` stamps ``sent_at``."""
        if self.engine is not None:
            self.engine.client.close()
        clock = sync_clock or self.clock
        self.engine = SyncEngine(
            self.store,
            SyncClient(url, self.token, timeout=TIMEOUT, clock=clock),
            self.station_id,
            limits,
            clock=clock,
            monotonic=self.mono,
            backoff=Backoff(rng=lambda: 0.5),
            pull_changes=pull_changes,
            pipeline_depth=pipeline_depth,
        )
        return self.engine

    def sync_once(self) -> SyncReport:
        """One round, due now (the fake monotonic clock is moved past any backoff)."""
        assert self.engine is not None
        wait = self.engine.retry_in()
        if wait:
            self.mono.now += wait + 0.001
        return self.engine.run_once()

    def drain(self, rounds: int = 10) -> list[SyncReport]:
        """Rounds until the queue is empty and a round ends without error."""
        reports = []
        for _ in range(rounds):
            report = self.sync_once()
            reports.append(report)
            if report.drained and report.error is None:
                return reports
        raise AssertionError(f"{self.name} did not drain: {reports[-1]}")

    def pull_until(self, arrived: Callable[[], bool]) -> None:
        """Drain, then sync until ``arrived()``. The changes feed may lag for a moment (a
        transaction still running anywhere in the cluster, such as another test's in its
        own database, holds its horizon back), never skip: a row a cursor stepped over
        would never come, and this fails after a minute."""

        def synced() -> bool:
            self.drain()
            return arrived()

        wait_for(synced, f"{self.name} to pull what it waits for", timeout=60, every=0.05)

    # -- the operator --------------------------------------------------------------------

    def ok(self, result: ActionResult) -> ActionResult:
        assert result.feedback in OK or result.feedback is Feedback.DUPLICATE, result.message
        if result.event_id:
            self.confirmed.append(result.event_id)
        return result

    def login(self, user: str = "sam") -> None:
        assert self.wf.login(user, PASSWORDS[user]).feedback is Feedback.INFO

    def pack(self, parent: str, children: list[str]) -> None:
        self.wf.enter_scan_mode()
        self.ok(self.wf.scan_parent(parent))
        for child in children:
            self.ok(self.wf.scan_child(child))

    def bill(self, bill_id: str, capacity: int, parents: list[str]) -> list[ActionResult]:
        self.wf.enter_bill_mode()
        self.ok(self.wf.create_bill(bill_id, capacity, destination="Hisar", vehicle="HR26"))
        return [self.ok(self.wf.add_parent(p)) for p in parents]


@pytest.fixture
def stations(app, tmp_path: Path) -> Iterator[Callable[..., Station]]:  # type: ignore[no-untyped-def]
    """Makes enrolled stations with a seeded store (the feed's users); closes them after."""
    made: list[Station] = []

    def make(name: str, clock: StationClock | None = None) -> Station:
        clock = clock or StationClock()
        with app.extensions["tracetrack"].sessions() as session:
            station_id, token = make_station(session, name)
            with session.begin():  # the server knows the operators the station logs in
                add_operators(session, FEED_ROLES)
        store = LocalStore(tmp_path / name, clock=clock)
        # the feed's users, but not its cursor: that came from another server's feed
        store.apply_changes(FEED["changes"], "0")
        store.set_identity(station_id, "http://unused")
        station = Station(
            name, station_id, token, store, StationWorkflow(store, store.rules, clock), clock
        )
        station.login()
        made.append(station)
        return station

    yield make
    for station in made:
        if station.engine is not None:
            station.engine.client.close()
        station.store.close()


@pytest.fixture
def proxy(live_server: str) -> Iterator[TcpProxy]:
    with TcpProxy(live_server, lifetime_s=90) as tcp:
        yield tcp


def kids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i:05d}" for i in range(n)]


def a_shift(station: Station, tag: str) -> None:
    """A varied shift: a full parent reopened by an undo and completed again, an undo, an
    early finish, a harmless repeat, a refused read, and a bill (parent_scan, child_link,
    child_unlink, parent_finish, bill_create, bill_add_parent, scan_rejected and an
    operator duplicate all reach the server)."""
    wf = station.wf
    station.pack(f"SB{tag}001", kids(f"K{tag}A", 30))  # the 30th completes it
    station.ok(wf.undo())  # takes the 30th out again: the parent reopens
    station.ok(wf.scan_child(f"K{tag}A00029"))  # and completes once more
    station.pack(f"SB{tag}002", kids(f"K{tag}B", 6))
    station.ok(wf.undo())
    station.ok(wf.scan_child(f"K{tag}B00005"))  # put back
    station.ok(wf.scan_child(f"K{tag}B00001"))  # already in this parent: a duplicate
    assert wf.finish().feedback is Feedback.NEEDS_CONFIRMATION
    station.ok(wf.confirm())
    refused = wf.scan_child(f"K{tag}C00001")  # no parent open: refused, still recorded
    assert refused.feedback is Feedback.ERROR
    station.bill(f"BILL-{tag}", 3, [f"SB{tag}001", f"SB{tag}002"])


def server_count(app: Any, station_id: str) -> int:
    return sum(1 for e in server_log(app) if e.station_id == station_id)


def post_batch(base: str, station: Station, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = requests.post(
        f"{base}/api/v1/sync/events",
        json={
            "station_id": station.station_id,
            "sent_at": real_clock().isoformat(timespec="milliseconds"),
            "events": events,
        },
        headers={"Authorization": f"Bearer {station.token}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    assert [r["id"] for r in results] == [e["id"] for e in events]  # one answer each, in order
    return results


def assert_consistent_server_only(app: Any) -> dict[str, Any]:
    """The recount check alone (the station has not settled anything yet)."""
    assert not state_problems(app)
    summary = assert_stats_match_recount(app)
    return {k: v for k, v in summary.items() if k not in ("from", "to")}


# -- the transport -----------------------------------------------------------------------------


def test_refused_connections_lose_nothing_and_the_retry_lands_once(app, stations, proxy) -> None:  # type: ignore[no-untyped-def]
    """Promise: a connection closed at accept leaves every scan queued (nothing reached the
    server); when the network is back each lands exactly once and the stats recount."""
    a = stations("refused")
    a_shift(a, "10")
    queued = a.store.pending_count()
    a.connect(proxy.url, limits=SyncLimits(max_batch_events=20))

    proxy.set_mode(Mode.REFUSE)
    for _ in range(3):
        report = a.sync_once()
        assert report.error is not None
        assert "cannot reach" in report.error
        assert report.pending == queued
        assert report.status.online is False
    assert len(proxy.requests(Mode.REFUSE)) >= 3
    assert server_count(app, a.station_id) == 0

    proxy.set_mode(Mode.PASS)
    reports = a.drain()
    assert sum(r.uploaded for r in reports) == queued
    assert sum(r.duplicates for r in reports) == 1  # the operator's repeat, nothing else
    summary = assert_consistent(app, {a.station_id: a.store})
    assert summary["children_linked"] == 38  # 30 + 6 + the two put back
    assert summary["children_unlinked"] == 2
    assert (summary["parents_completed"], summary["parents_reopened"]) == (3, 1)
    assert (summary["bills_created"], summary["parents_billed"]) == (1, 2)
    assert summary["scans_refused"] == 1


@pytest.mark.parametrize(
    "mode",
    [Mode.STALL, Mode.STALL_AFTER_REQUEST],
    ids=["server_never_sees_it", "server_commits_reply_never_comes"],
)
def test_stalled_upload_times_out_then_drains_exactly_once(app, stations, proxy, mode) -> None:  # type: ignore[no-untyped-def]
    """Promise: an upload that never gets an answer times out (the station keeps scanning,
    nothing is settled); whether or not the server applied it, the retry through a healthy
    network leaves each event on the server once, counted once."""
    a = stations("stalled")
    a.pack("SB20001", kids("KST", 12))
    queued = a.store.pending_count()
    a.connect(proxy.url)

    proxy.set_mode(mode)
    report = a.sync_once()
    assert report.error is not None
    assert "did not answer in time" in report.error
    assert report.pending == queued
    a.pack("SB20002", kids("KSU", 3))  # scanning goes on while the link is dead
    queued = a.store.pending_count()
    applied = server_count(app, a.station_id)
    assert applied == (0 if mode is Mode.STALL else 13)

    proxy.set_mode(Mode.PASS)
    reports = a.drain()
    assert sum(r.uploaded for r in reports) == queued
    assert sum(r.duplicates for r in reports) == applied  # replays answered, never re-applied
    summary = assert_consistent(app, {a.station_id: a.store})
    assert (summary["children_linked"], summary["duplicates"]) == (15, 0)


def test_slow_link_still_drains_everything_once(app, stations, proxy) -> None:  # type: ignore[no-untyped-def]
    """Promise: a link that trickles bytes both ways (uploads and the changes feed) is slow,
    not broken: the queue drains in order, each event once, and the station's copy of the
    bags agrees with the server's."""
    a = stations("slow")
    a_shift(a, "30")
    a.connect(proxy.url, limits=SyncLimits(max_batch_events=16), pull_changes=True)
    proxy.set_mode(Mode.SLOW)

    reports = a.drain()
    assert reports[-1].changes_applied > 0
    assert all(s.mode is Mode.SLOW for s in proxy.requests())
    assert {s.status for s in proxy.requests()} == {200}
    assert len(proxy.requests()) >= 4  # several batches and at least one feed page
    assert_consistent(app, {a.station_id: a.store})
    with app.extensions["tracetrack"].sessions() as session:
        for bag in session.scalars(select(Bag)):
            local = a.store.bag(bag.code)
            assert local is not None
            assert (local.parent, local.child_count, local.status, local.bill) == (
                bag.parent,
                bag.child_count,
                bag.status,
                bag.bill,
            )


def test_replies_cut_after_commit_for_several_batches_are_retried_as_duplicates(
    app, stations, proxy
) -> None:  # type: ignore[no-untyped-def]
    """Promise: when the server commits a batch but the station never hears (the connection
    is cut after the request), the retried batch comes back as ``duplicate`` /
    ``already_received`` with the original answer, and is counted once, batch after batch."""
    a = stations("cut")
    a.pack("SB40001", kids("KCT", 29))
    a.ok(a.wf.scan_parent("SB40002"))
    queued = a.store.pending_count()  # 31: batches of 5, the last one alone
    # one upload at a time, so the script's order is the batches' order (pipelined uploads
    # under cut replies: the next test)
    a.connect(proxy.url, limits=SyncLimits(max_batch_events=5), pipeline_depth=1)

    cut = 4
    for round_ in range(cut):
        proxy.script(Mode.PASS, Mode.CUT_AFTER_REQUEST)  # one batch lands, the next is cut
        report = a.sync_once()
        assert proxy.scripted_left() == 0
        assert report.error is not None
        assert "cannot reach" in report.error
        # round 1 sends a fresh batch; later rounds first resend the batch cut before
        assert (report.accepted, report.duplicates) == ((5, 0) if round_ == 0 else (0, 5))
        assert report.pending == queued - 5 * (round_ + 1)
    assert len(proxy.requests(Mode.CUT_AFTER_REQUEST)) == cut
    assert all(s.status == 200 for s in proxy.requests(Mode.CUT_AFTER_REQUEST))
    assert server_count(app, a.station_id) == 5 * (cut + 1)  # the cut batches took effect

    proxy.set_mode(Mode.PASS)
    [report] = a.drain()
    assert (report.duplicates, report.accepted) == (5, queued - 5 * (cut + 1))

    replayed = [e for e in a.store.events() if e.result_reason == ALREADY_RECEIVED]
    assert len(replayed) == 5 * cut
    assert all(
        (e.result_status, (e.result_detail or {})["original"]["status"])
        == ("duplicate", "accepted")
        for e in replayed
    )
    assert server_count(app, a.station_id) == queued
    summary = assert_consistent(app, {a.station_id: a.store})
    assert (summary["children_linked"], summary["parent_scans"]) == (29, 2)
    assert summary["duplicates"] == 0  # transport replays are never counted


def test_pipelined_uploads_with_cut_replies_take_effect_once_in_the_stations_order(
    app, stations, proxy
) -> None:  # type: ignore[no-untyped-def]
    """Promise: with two uploads in flight (the second names the first's last event), replies
    cut after the server committed, round after round, still leave every event applied once,
    in the station's order, each answered with its original outcome. Which of the two in-flight
    uploads the proxy cuts depends on which arrives first, so the checks hold either way."""
    a = stations("pipe")
    a.pack("SB40011", kids("KPA", 30))  # full: a 31st child would be a conflict
    a.pack("SB40012", kids("KPB", 12))
    queued = a.store.pending_count()  # 44: batches of 4
    a.connect(proxy.url, limits=SyncLimits(max_batch_events=4))

    rounds = 3  # each round's first reply also tells the station it may pipeline
    for _ in range(rounds):
        proxy.script(Mode.PASS, Mode.CUT_AFTER_REQUEST)
        report = a.sync_once()
        assert report.error is not None
        assert "cannot reach" in report.error
        assert report.accepted + report.duplicates >= 4  # every round moves on
    assert a.engine is not None
    assert a.engine.pipelining
    assert len(proxy.requests(Mode.CUT_AFTER_REQUEST)) == rounds
    assert all(s.status == 200 for s in proxy.requests(Mode.CUT_AFTER_REQUEST))

    proxy.set_mode(Mode.PASS)
    a.drain()
    assert a.store.pending_count() == 0
    assert server_count(app, a.station_id) == queued
    replayed = [e for e in a.store.events() if e.result_reason == ALREADY_RECEIVED]
    assert replayed  # a cut batch was sent again and answered with its first outcome
    assert all((e.result_detail or {})["original"]["status"] == "accepted" for e in replayed)
    assert all(e.result_status in ("accepted", "duplicate") for e in a.store.events())
    summary = assert_consistent(app, {a.station_id: a.store})
    assert (summary["children_linked"], summary["parents_completed"]) == (42, 1)
    assert (summary["conflicts"], summary["duplicates"]) == (0, 0)


def test_conflict_whose_reply_was_cut_still_reaches_the_losing_station(
    app, stations, proxy
) -> None:  # type: ignore[no-untyped-def]
    """Promise: a conflict is final and the loser learns it even when the upload's reply was
    lost: the retry answers ``duplicate`` with the original conflict, and the changes feed
    brings the conflict into ``LocalStore.conflicts()``; the loser's bags follow the winner."""
    a = stations("winner")
    b = stations("loser")
    a.pack("SB50001", ["KSHARED01"])
    b.pack("SB50002", ["KSHARED01", "KOWN0001"])
    a.connect(proxy.url)
    a.drain()

    b.connect(proxy.url, pull_changes=True)
    proxy.script(Mode.CUT_AFTER_REQUEST)
    assert b.sync_once().error is not None
    assert b.store.conflicts() == []
    b.drain()

    [conflict] = b.store.conflicts()
    assert (conflict.code, conflict.parent, conflict.reason) == (
        "KSHARED01",
        "SB50002",
        "child_in_other_parent",
    )
    assert conflict.detail["current_parent"] == "SB50001"
    shared = b.store.bag("KSHARED01")
    assert shared is not None
    assert shared.parent == "SB50001"
    loser_parent = b.store.bag("SB50002")
    assert loser_parent is not None
    assert loser_parent.child_count == 1
    summary = assert_consistent(app, {a.station_id: a.store, b.station_id: b.store})
    assert (summary["children_linked"], summary["conflicts"]) == (2, 1)


# -- the protocol --------------------------------------------------------------------------


def test_replayed_duplicated_and_reordered_batches_take_effect_once(
    app, live_server, stations
) -> None:  # type: ignore[no-untyped-def]
    """Promise: the event id is the idempotency key. Batches shuffled inside are applied in
    ``seq`` order (the station's own verdicts come back); the same id twice in a batch, and
    every id again in later, re-cut, reordered batches, answer ``duplicate`` with the
    original status and change no figure; the station's own sync then settles them all."""
    rng = random.Random(20261128)
    a = stations("replay")
    a_shift(a, "60")
    local = a.store.events()
    wire = [e.event.as_wire() for e in local]

    first: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wire), 9):
        part = wire[start : start + 9]
        rng.shuffle(part)
        part.append(dict(part[0]))  # the same id twice in one batch
        results = post_batch(live_server, a, part)
        assert results[-1]["status"] == "duplicate"
        assert results[-1]["reason"] == ALREADY_RECEIVED
        for result in results[:-1]:
            first[result["id"]] = result
    for stored in local:
        expected = "accepted" if stored.event.type == "scan_rejected" else stored.local_status
        assert first[stored.event.id]["status"] == expected, stored.event
    before = assert_consistent_server_only(app)

    for _ in range(3):  # replays: re-cut, reordered, with repeats inside
        replay = [dict(e) for e in wire] + [dict(rng.choice(wire)) for _ in range(5)]
        rng.shuffle(replay)
        size = rng.randint(3, 25)
        batches = [replay[i : i + size] for i in range(0, len(replay), size)]
        rng.shuffle(batches)
        for part in batches:
            for result in post_batch(live_server, a, part):
                assert (result["status"], result["reason"]) == ("duplicate", ALREADY_RECEIVED)
                original = result["detail"]["original"]
                assert original["status"] == first[result["id"]]["status"]
    assert assert_consistent_server_only(app) == before

    a.connect(live_server)
    reports = a.drain()
    assert sum(r.duplicates for r in reports) == len(wire)
    assert sum(r.accepted for r in reports) == 0
    assert_consistent(app, {a.station_id: a.store})


def test_batches_delivered_in_reverse_order_keep_state_and_stats_consistent(
    app, live_server, stations
) -> None:  # type: ignore[no-untyped-def]
    """Promise: across batches the server applies events in commit order, whatever order a
    station meant; outcomes may differ from the station's, but every event is answered once,
    the bags stay consistent, the figures recount, and the station settles every event."""
    a = stations("reverse")
    a_shift(a, "70")
    wire = [e.event.as_wire() for e in a.store.events()]
    batches = [wire[i : i + 8] for i in range(0, len(wire), 8)]
    answered: dict[str, str] = {}
    for part in reversed(batches):
        for result in post_batch(live_server, a, part):
            assert result["id"] not in answered
            answered[result["id"]] = result["status"]
    assert set(answered) == {e["id"] for e in wire}
    assert_consistent_server_only(app)

    a.connect(live_server, pull_changes=True)
    a.drain()
    assert_consistent(app, {a.station_id: a.store})
    # the station never got these answers from an upload; the changes feed brings them
    refused = {str(e.id) for e in server_log(app) if e.status in ("conflict", "rejected")}
    assert refused
    assert {c.event_id for c in a.store.conflicts()} == refused


def test_the_same_batch_posted_concurrently_takes_effect_once(app, live_server, stations) -> None:  # type: ignore[no-untyped-def]
    """Promise: two (here four) uploads of the same events at once, a retry racing its
    original, give exactly one effect: each id is accepted by one upload and a duplicate in
    the others, and it is counted once."""
    a = stations("racing")
    a.pack("SB80001", kids("KRC", 20))
    wire = [e.event.as_wire() for e in a.store.events()]
    start = threading.Barrier(4, timeout=10)
    answers: list[list[dict[str, Any]]] = []
    lock = threading.Lock()

    def upload() -> None:
        start.wait()
        results = post_batch(live_server, a, [dict(e) for e in wire])
        with lock:
            answers.append(results)

    threads = [threading.Thread(target=upload) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(answers) == 4
    for index, event in enumerate(wire):
        statuses = sorted(results[index]["status"] for results in answers)
        assert statuses == ["accepted", "duplicate", "duplicate", "duplicate"], event

    a.connect(live_server)
    a.drain()
    summary = assert_consistent(app, {a.station_id: a.store})
    assert (summary["children_linked"], summary["parent_scans"]) == (20, 1)


@pytest.mark.parametrize("first", ["A", "B"], ids=["A_syncs_first", "B_syncs_first"])
def test_two_stations_offline_for_hours_first_synced_wins(app, stations, proxy, first: str) -> None:  # type: ignore[no-untyped-def]
    """Promise: two stations offline for hours take the same child into different parents
    and the same parent onto different bills; whichever syncs first wins (never the earlier
    scan), the loser gets both conflicts in ``LocalStore.conflicts()`` and its bags follow
    the winner, and the totals add up across both stations."""
    a = stations("Packing A", StationClock(-timedelta(hours=8)))
    b = stations("Packing B", StationClock(-timedelta(hours=8)))
    # online at the start of the day: A packs SB90000, B downloads it
    a.pack("SB90000", kids("KDAY", 4))
    for station in (a, b):
        station.connect(proxy.url, sync_clock=real_clock, pull_changes=True)
        station.drain()
    b.pull_until(lambda: b.store.bag("SB90000") is not None)

    # offline for hours; B scans first (an hour earlier by the clock), which must not matter
    b.clock.offset = a.clock.offset = -timedelta(hours=6)
    b.pack("SB90002", ["KSHARED77", *kids("KBB", 3)])
    b.bill("BILL-B", 2, ["SB90000"])
    a.clock.offset = -timedelta(hours=5)
    a.pack("SB90001", ["KSHARED77", *kids("KAA", 2)])
    a.bill("BILL-A", 2, ["SB90000"])
    for station in (a, b):
        assert station.store.bag("KSHARED77").parent == (  # type: ignore[union-attr]
            "SB90001" if station is a else "SB90002"
        )

    # back online, hours later, in the given order
    a.clock.offset = b.clock.offset = timedelta(0)
    winner, loser = (a, b) if first == "A" else (b, a)
    win_parent, win_bill = ("SB90001", "BILL-A") if first == "A" else ("SB90002", "BILL-B")
    lose_parent, lose_bill = ("SB90002", "BILL-B") if first == "A" else ("SB90001", "BILL-A")
    loser_kids = kids("KAA", 2) if loser is a else kids("KBB", 3)
    winner.drain()
    assert winner.store.conflicts() == []

    def sees_the_servers_answer(station: Station) -> bool:
        shared, parent = station.store.bag("KSHARED77"), station.store.bag("SB90000")
        lost_bill = station.store.bill(lose_bill)
        return (
            shared is not None
            and parent is not None
            and (shared.parent, parent.bill) == (win_parent, win_bill)
            and station.store.children_of(lose_parent) == loser_kids
            and lost_bill is not None
            and (lost_bill.parent_count, lost_bill.actual_kg) == (0, 0)
        )

    loser.pull_until(lambda: sees_the_servers_answer(loser))
    winner.pull_until(lambda: sees_the_servers_answer(winner))  # the final state too

    reasons = {(c.reason, c.code) for c in loser.store.conflicts()}
    assert reasons == {
        ("child_in_other_parent", "KSHARED77"),
        ("already_on_other_bill", "SB90000"),
    }
    by_reason = {c.reason: c for c in loser.store.conflicts()}
    assert by_reason["child_in_other_parent"].detail["current_parent"] == win_parent
    assert by_reason["already_on_other_bill"].detail["current_bill"] == win_bill
    assert winner.store.conflicts() == []

    summary = assert_consistent(app, {a.station_id: a.store, b.station_id: b.store})
    assert summary["children_linked"] == 4 + 1 + 2 + 3
    assert summary["conflicts"] == 2
    assert (summary["bills_created"], summary["parents_billed"]) == (2, 1)
    assert summary["stations_active"] == 2
    with app.extensions["tracetrack"].sessions() as session:
        lost = session.scalars(select(Event).where(Event.status == "conflict")).all()
    assert {str(e.id) for e in lost} == {c.event_id for c in loser.store.conflicts()}


@pytest.mark.parametrize(
    "offset",
    [timedelta(hours=3), -timedelta(hours=5, minutes=30)],
    ids=["3h_fast", "5h30_slow"],
)
def test_station_clock_hours_off_is_accepted_counted_once_and_reported(
    app, stations, proxy, offset: timedelta
) -> None:  # type: ignore[no-untyped-def]
    """Promise: a station whose clock is hours off has its scans accepted (times stored as
    sent, never rewritten), counted once in the hour they really happened, and its skew
    reported in ``SyncReport.status.clock_skew_ms`` (server minus station)."""
    a = stations("skewed", StationClock(offset))
    a.pack("SB95001", kids("KSK", 10))
    a.connect(proxy.url)  # sent_at comes from the same wrong clock
    proxy.set_mode(Mode.SLOW)  # and the link is slow too
    [report] = a.drain()

    skew = report.status.clock_skew_ms
    assert skew is not None
    assert abs(skew + offset.total_seconds() * 1000) < 60_000
    assert a.store.sync_status().clock_skew_ms == skew
    with app.extensions["tracetrack"].sessions() as session:
        row = session.get(StationRow, a.station_id)
        assert row is not None
        assert row.clock_skew_ms is not None
        assert abs(row.clock_skew_ms + offset.total_seconds() * 1000) < 60_000
    sent = {e.event.id: e.event.occurred_at for e in a.store.events()}
    for ev in server_log(app):
        assert ev.occurred_at == datetime.fromisoformat(sent[str(ev.id)])
        bucket = ev.bucket_start if ev.bucket_start.tzinfo else ev.bucket_start.replace(tzinfo=UTC)
        received = ev.received_at if ev.received_at.tzinfo else ev.received_at.replace(tzinfo=UTC)
        assert timedelta(0) <= received - bucket < timedelta(minutes=30)
    summary = assert_consistent(app, {a.station_id: a.store})
    assert summary["children_linked"] == 10
    assert all(e.sync_state == DONE for e in a.store.events())
    assert not a.store.events(PENDING)


def test_the_checks_notice_a_figure_or_a_bag_counted_twice(app, live_server, stations) -> None:  # type: ignore[no-untyped-def]
    """Promise (of these tests themselves): the recount and the state check are not vacuous;
    one figure counted twice, or one child counted twice in its parent, is reported."""
    a = stations("teeth")
    a.pack("SB99001", kids("KTH", 3))
    a.connect(live_server)
    a.drain()
    assert stats_differences(app)[0] == {}
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        bucket = session.scalars(select(StatBucket)).first()
        assert bucket is not None
        bucket.children_linked += 1
        parent = session.get(Bag, "SB99001")
        assert parent is not None
        parent.child_count += 1
    assert stats_differences(app)[0] == {"children_linked": (4, 3)}
    assert state_problems(app) == ["SB99001: child_count 4, but 3 children"]


def test_a_conflict_learnt_after_a_lost_reply_is_reported_by_the_round_that_learns_it(
    app, stations, proxy
) -> None:  # type: ignore[no-untyped-def]
    """Promise (docs/conflicts.md: the first answer comes back under ``detail.original`` "so a
    station whose reply was lost still learns that its event was, say, a conflict"): the
    round that settles the replayed event reports it as a conflict (``report.conflicts``
    drives the operator's "scans lost to another station" warning), and the report's
    ``status.conflicts_total`` agrees with the store it was written to."""
    a = stations("winner2")
    b = stations("loser2")
    a.pack("SB51001", ["KSHARED02"])
    b.pack("SB51002", ["KSHARED02"])
    a.connect(proxy.url)
    a.drain()

    b.connect(proxy.url, pull_changes=True)
    proxy.script(Mode.CUT_AFTER_REQUEST)
    lost = b.sync_once()
    assert lost.error is not None
    [report] = b.drain()

    [conflict] = b.store.conflicts()
    assert conflict.reason == "child_in_other_parent"
    assert [c.id for c in report.conflicts] == [conflict.event_id]
    assert report.status.conflicts_total == b.store.sync_status().conflicts_total == 1
