"""The sync engine against the real server (HTTP on 127.0.0.1, PostgreSQL behind it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sync_server.db.models import Event
from sync_server.services.tokens import revoke_tokens_of_station
from tests.desktop.outbox_memory import MemoryOutbox
from tests.desktop.sync_fakes import closed_port_url, json_answer, proxy
from tests.server.factories import make_station
from tracetrack_desktop.sync.backoff import Backoff
from tracetrack_desktop.sync.client import SyncClient
from tracetrack_desktop.sync.engine import SyncEngine, SyncLimits


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def station(app) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with app.extensions["tracetrack"].sessions() as session:
        return make_station(session, "Line 1")


def server_events(app, station_id: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Event id -> status as the server stored them."""
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        rows = session.execute(
            select(Event.id, Event.status).where(Event.station_id == station_id)
        ).all()
    return {str(row.id): row.status for row in rows}


def server_event_count(app, station_id: str) -> int:  # type: ignore[no-untyped-def]
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        return int(
            session.scalar(
                select(func.count()).select_from(Event).where(Event.station_id == station_id)
            )
            or 0
        )


def fill_parent(outbox: MemoryOutbox, parent: str, n: int) -> None:
    outbox.add("parent_scan", parent)
    for i in range(n):
        outbox.add("child_link", f"{parent[-3:]}C{i:05d}", parent=parent)


def engine_for(outbox: MemoryOutbox, url: str, station: tuple[str, str], **kwargs) -> SyncEngine:  # type: ignore[no-untyped-def]
    kwargs.setdefault("pull_changes", False)  # the feed has its own tests
    kwargs.setdefault("backoff", Backoff(rng=lambda: 0.5))
    return SyncEngine(outbox, SyncClient(url, station[1], timeout=(2, 10)), station[0], **kwargs)


def test_scans_queued_while_down_are_drained_exactly_once_when_up(
    app, live_server, station
) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00042", 30)
    fill_parent(outbox, "SB00043", 9)
    mono = FakeMonotonic()
    down = engine_for(
        outbox, closed_port_url(), station, limits=SyncLimits(max_batch_events=7), monotonic=mono
    )

    report = down.run_once()
    assert not report.drained
    assert report.pending == 41
    assert report.error is not None
    assert "cannot reach" in report.error
    assert report.retry_in_s is not None
    assert report.retry_in_s > 0
    assert report.status.online is False
    assert outbox.status.last_error == report.error
    assert outbox.status.last_success_at is None
    # still backing off: a timer tick does nothing, no network
    assert down.run_once().skipped

    # the server comes back; the station was pointed at it (same queue, same backoff state)
    skewed = datetime.now(UTC) + timedelta(hours=1)
    down.client = SyncClient(
        live_server, station[1], clock=lambda: datetime.now(UTC) + timedelta(hours=1)
    )
    down._clock = lambda: datetime.now(UTC) + timedelta(hours=1)
    report = down.run_once(urgent=True)  # a new scan does not wait out our own backoff
    assert report.error is None, report.error
    assert report.drained
    assert report.pending == 0
    assert report.uploaded == 41
    assert report.accepted == 41
    assert report.status.online is True
    assert report.status.last_success_at is not None
    assert report.status.last_success_at >= skewed - timedelta(seconds=5)
    # the station clock runs an hour ahead of the server's
    assert report.status.clock_skew_ms is not None
    assert abs(report.status.clock_skew_ms + 3_600_000) < 60_000
    stored = server_events(app, station[0])
    assert len(stored) == 41
    assert set(stored.values()) == {"accepted"}
    assert set(outbox.settled) == set(stored)


def test_lost_reply_is_replayed_as_duplicate_without_double_count(
    app, live_server, station
) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00050", 5)
    with proxy(live_server) as (url, state):
        engine = engine_for(outbox, url, station)
        state.drop_replies = 1
        lost = engine.run_once()
        assert lost.error is not None
        assert lost.pending == 6  # nothing settled: the station never saw an answer
        assert server_event_count(app, station[0]) == 6  # but the server has them

        replay = engine.run_once(urgent=True)
    assert replay.error is None
    assert replay.drained
    assert replay.duplicates == 6
    assert replay.accepted == 0
    assert {r.status for r in outbox.settled.values()} == {"duplicate"}
    assert all(
        r.detail and r.detail["original"]["status"] == "accepted" for r in outbox.settled.values()
    )
    assert server_event_count(app, station[0]) == 6
    assert set(server_events(app, station[0]).values()) == {"accepted"}


def test_one_malformed_event_is_split_out_and_the_rest_are_accepted(
    app, live_server, station
) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00060", 4)
    bad = outbox.add("child_link", "BADIDCHILD", parent="SB00060", event_id="not-a-uuid")
    fill_parent(outbox, "SB00061", 4)
    with proxy(live_server) as (url, state):
        report = engine_for(outbox, url, station).run_once()
        uploads = [body for method, path, body in state.requests if method == "POST"]
    assert report.error is None, report.error
    assert report.drained
    assert report.rejected_locally == 1
    assert report.accepted == 10
    lone = outbox.settled[bad.id]
    assert lone.status == "rejected"
    assert lone.reason == "invalid_event_id"
    assert [r.id for r in report.conflicts] == [bad.id]
    # the 11-event batch was halved down to the lone bad event (plus one empty probe)
    assert len(uploads) > 3
    stored = server_events(app, station[0])
    assert len(stored) == 10
    assert bad.id not in stored
    assert set(stored.values()) == {"accepted"}


def test_batch_wide_refusal_never_drops_good_events(live_server, station) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00070", 3)
    refusal = json_answer(400, {"error": {"code": "proxy_says_no", "message": "no"}})
    with proxy(live_server) as (url, state):
        state.answers = [refusal] * 20  # every request refused: not any event's fault
        report = engine_for(outbox, url, station).run_once()
    assert report.error is not None
    assert "proxy_says_no" in report.error
    assert report.pending == 4
    assert outbox.settled == {}
    assert report.retry_in_s is not None


def test_413_teaches_the_server_limit_and_the_batch_is_split(app, live_server, station) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    for n in range(21):
        fill_parent(outbox, f"SB{10000 + n:05d}", 29)  # 630 events
    context = app.extensions["tracetrack"]
    context.settings = replace(context.settings, max_batch_events=500)  # this server's limit
    with proxy(live_server) as (url, state):
        engine = engine_for(outbox, url, station, limits=SyncLimits(max_batch_events=1000))
        report = engine.run_once()
        statuses = list(state.requests)
    assert report.error is None, report.error
    assert report.drained
    assert report.accepted == 630
    assert engine.limits.max_batch_events == 500  # learnt from the 413 body
    assert len(statuses) >= 3
    assert server_event_count(app, station[0]) == 630


def test_429_retry_after_is_honoured(live_server, station) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00080", 2)
    mono = FakeMonotonic()
    busy = json_answer(
        429, {"error": {"code": "rate_limited", "message": "slow down"}}, {"Retry-After": "7"}
    )
    with proxy(live_server) as (url, state):
        state.answers = [busy]
        engine = engine_for(outbox, url, station, monotonic=mono)
        first = engine.run_once()
        assert first.error is not None
        assert "429" in first.error
        assert first.retry_in_s is not None
        assert first.retry_in_s >= 7
        assert first.status.online is True  # the server is there, just busy

        mono.now += 5
        early = engine.run_once(urgent=True)  # even a new scan waits for the server's time
        assert early.skipped
        assert len(state.requests) == 1

        mono.now += 2.5
        later = engine.run_once()
    assert later.error is None
    assert later.drained
    assert later.accepted == 3
    assert len(state.requests) == 2


def test_revoked_token_stops_syncing_and_says_why(app, live_server, station) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00090", 1)
    with proxy(live_server) as (url, state):
        engine = engine_for(outbox, url, station)
        assert engine.run_once().drained
        with app.extensions["tracetrack"].sessions() as session, session.begin():
            revoke_tokens_of_station(session, station[0])
        outbox.add("parent_scan", "SB00091")

        report = engine.run_once(urgent=True)
        assert report.token_revoked
        assert report.error is not None
        assert "enroll" in report.error
        assert outbox.status.online is False
        assert outbox.status.last_error == report.error
        sent = len(state.requests)
        again = engine.run_once(urgent=True)
        assert again.token_revoked
        assert len(state.requests) == sent  # stopped: no more requests
    assert report.pending == 1


def test_changes_are_pulled_by_cursor_and_handed_to_the_store(live_server, station) -> None:  # type: ignore[no-untyped-def]
    # The server's changes endpoint is written by another helper; this stub follows
    # docs (changes_format.md) so the engine's side is pinned down either way.
    pages = {
        None: {
            "changes": [
                {
                    "kind": "setting",
                    "key": "limits",
                    "data": {"max_batch_events": 3, "max_batch_bytes": 65536},
                },
                {"kind": "user", "key": "ravi", "data": {"username": "ravi", "role": "dispatcher"}},
            ],
            "cursor": "2",
            "more": True,
        },
        "2": {
            "changes": [{"kind": "bag", "key": "SB00042", "data": {"code": "SB00042"}}],
            "cursor": "3",
            "more": False,
        },
        "3": {"changes": [], "cursor": "3", "more": False},
    }

    def feed(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        since = path.partition("since=")[2].partition("&")[0] or None
        return json_answer(200, pages[since])

    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00100", 6)
    with proxy(live_server) as (url, state):
        state.routes["/api/v1/sync/changes"] = feed
        engine = engine_for(outbox, url, station, pull_changes=True)
        first = engine.run_once()
        feed_paths = [p for m, p, _ in state.requests if p.startswith("/api/v1/sync/changes")]
        assert first.error is None, first.error
        assert first.changes_applied == 3
        assert outbox.cursor == "3"
        assert [cursor for _, cursor in outbox.pages] == ["2", "3"]
        assert outbox.pages[0][0][1]["key"] == "ravi"
        assert feed_paths == ["/api/v1/sync/changes", "/api/v1/sync/changes?since=2"]
        assert engine.limits == SyncLimits(max_batch_events=3, max_batch_bytes=65536)

        # the next round uploads with the new limits and resumes the feed at the cursor
        fill_parent(outbox, "SB00101", 6)
        second = engine.run_once()
        uploads = [b for m, p, b in state.requests if m == "POST"]
        feed_paths = [p for m, p, _ in state.requests if p.startswith("/api/v1/sync/changes")]
    assert second.drained
    assert second.accepted == 7
    assert len(uploads) == 1 + 3  # 7 events in batches of at most 3
    assert feed_paths[-1] == "/api/v1/sync/changes?since=3"


def test_a_scan_is_uploaded_at_once_but_the_feed_is_pulled_on_its_own_pace(  # type: ignore[no-untyped-def]
    live_server, station
) -> None:
    outbox = MemoryOutbox()
    clock = FakeMonotonic()
    with proxy(live_server) as (url, state):
        engine = engine_for(
            outbox, url, station, pull_changes=True, pull_every_s=5.0, monotonic=clock
        )

        def pulls() -> int:
            return sum(1 for _, path, _ in state.requests if "/sync/changes" in path)

        assert engine.run_once(urgent=True).drained
        assert pulls() == 1  # the first round pulls
        for n in range(3):  # scans a second apart: each goes up at once, no pull in between
            clock.now += 1.0
            outbox.add("parent_scan", f"SB0060{n}")
            report = engine.run_once(urgent=True)
            assert report.uploaded == 1
        assert pulls() == 1
        clock.now += 5.0
        engine.run_once(urgent=True)
        assert pulls() == 2  # due again
    engine.close()


def test_a_station_clock_months_off_keeps_its_scans_and_says_to_set_the_clock(
    app, live_server, station
) -> None:  # type: ignore[no-untyped-def]
    outbox = MemoryOutbox()
    fill_parent(outbox, "SB00095", 3)
    months_ahead = timedelta(days=90)
    engine = engine_for(outbox, live_server, station)
    engine.client = SyncClient(
        live_server, station[1], clock=lambda: datetime.now(UTC) + months_ahead
    )
    engine._clock = lambda: datetime.now(UTC) + months_ahead

    report = engine.run_once(urgent=True)
    assert not report.drained
    assert report.pending == 4  # nothing dropped, nothing split out as "bad"
    assert report.error is not None
    assert "Set the station's date and time" in report.error
    assert outbox.settled == {}
    assert server_event_count(app, station[0]) == 0

    engine.client = SyncClient(live_server, station[1])  # the clock is set right
    engine._clock = lambda: datetime.now(UTC)
    assert engine.run_once(urgent=True).drained
    assert server_event_count(app, station[0]) == 4
