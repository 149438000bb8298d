"""The read side on a real streaming replica (``TRACETRACK_READ_DATABASE_URL``).

A private primary and a ``pg_basebackup`` replica of it run on this machine
(tests/server/replica_setup.py). Scans are uploaded to the primary; the dashboard's reads are
answered by the replica once it has replayed them (``X-TraceTrack-Read-Source: replica``), by
the primary while replay is paused or the replica is down, and by the replica again after.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.replica import ReadRouter, make_replica_engine
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine
from tests.procs import wait_for
from tests.server.factories import event
from tests.server.replica_setup import Replicated, pg_tools_found
from tests.server.test_ingest import post, station
from tests.server.test_reports import read_headers

pytestmark = pytest.mark.timeout(240)

if not pg_tools_found():
    pytest.skip(
        "PostgreSQL's server tools (initdb, pg_basebackup) are not here", allow_module_level=True
    )

MAX_LAG_S = 3.0
SOURCE = "X-TraceTrack-Read-Source"


@pytest.fixture(scope="module")
def clusters() -> Iterator[Replicated]:
    pair = Replicated()
    try:
        pair.start()
        engine = make_engine(pair.primary_url)
        upgrade(engine)  # replayed to the replica like any other write
        engine.dispose()
        yield pair
    finally:
        pair.close()


@pytest.fixture
def replicated_app(clusters: Replicated) -> Iterator[Any]:
    settings = Settings(
        database_url=clusters.primary_url,
        read_database_url=clusters.replica_url,
        read_max_lag_s=MAX_LAG_S,
    )
    app = create_app(settings)
    yield app
    dispose_app(app)


def _replica_sql(clusters: Replicated, sql: str) -> None:
    engine = make_replica_engine(clusters.replica_url)
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _stock(client: Any, headers: dict[str, str]) -> tuple[str, dict[str, Any]]:
    response = client.get("/api/v1/stats/stock", headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.headers[SOURCE], response.get_json()


def _served(client: Any, headers: dict[str, str], source: str, children: int) -> bool:
    """True once ``source`` answers the stock with ``children`` in the open parent."""
    got, stock = _stock(client, headers)
    return got == source and stock["children_in_open_parents"] == children


def _metric(client: Any, source: str, reason: str) -> float:
    body = client.get("/metrics").get_data(as_text=True)
    line = f'tracetrack_read_source_total{{reason="{reason}",source="{source}"}} '
    found = [float(row[len(line) :]) for row in body.splitlines() if row.startswith(line)]
    return found[0] if found else 0.0


def test_reads_go_to_the_replica_fall_back_to_the_primary_and_come_back(
    clusters: Replicated, replicated_app: Any
) -> None:
    client = replicated_app.test_client()
    sid, station_headers = station(replicated_app)
    headers = read_headers(replicated_app)
    kids = [f"C{n:07d}" for n in range(8)]
    scans = [event("parent_scan", "SB00001")]
    scans += [event("child_link", k, parent="SB00001") for k in kids[:5]]
    assert {r["status"] for r in post(client, sid, station_headers, scans)} == {"accepted"}

    # replayed: the replica answers, with the scans
    wait_for(lambda: _served(client, headers, "replica", 5), "the replica serving the scans")
    bag = client.get("/api/v1/bags/SB00001", headers=headers)
    assert bag.headers[SOURCE] == "replica"
    assert len(bag.get_json()["children"]) == 5
    export = client.get("/api/v1/exports/bags?format=csv", headers=headers)
    assert export.headers[SOURCE] == "replica"
    assert "SB00001" in export.get_data(as_text=True)
    # the station's own paths never leave the primary
    assert SOURCE not in client.get("/api/v1/sync/changes", headers=station_headers).headers

    # replay paused: the replica falls behind, the primary answers, with the new scans
    _replica_sql(clusters, "SELECT pg_wal_replay_pause()")
    more = [event("child_link", k, parent="SB00001") for k in kids[5:7]]
    assert {r["status"] for r in post(client, sid, station_headers, more)} == {"accepted"}
    wait_for(lambda: _served(client, headers, "primary", 7), "the primary serving (replay paused)")
    for _ in range(5):  # and keeps answering, correctly
        assert _served(client, headers, "primary", 7)
    assert _metric(client, "primary", "lagging") > 0

    # replay resumed: back to the replica, which now has them
    _replica_sql(clusters, "SELECT pg_wal_replay_resume()")
    wait_for(lambda: _served(client, headers, "replica", 7), "the replica serving again")

    # replica down: every read is answered, by the primary (no failed request on the way)
    clusters.stop_replica()
    last = [event("child_link", kids[7], parent="SB00001")]
    assert post(client, sid, station_headers, last)[0]["status"] == "accepted"
    for _ in range(5):
        assert _served(client, headers, "primary", 8)
    assert _metric(client, "primary", "down") > 0

    # replica back: it catches up and serves again
    clusters.start_replica()
    wait_for(lambda: _served(client, headers, "replica", 8), "the restarted replica serving")
    assert _metric(client, "replica", "fresh") > 0


def test_an_idle_primary_leaves_a_caught_up_replica_fresh(clusters: Replicated) -> None:
    """No commits for longer than the bound: the last replayed commit is old, yet the replica
    lacks nothing (its replayed WAL reaches the primary's), so it still serves."""
    primary = make_engine(clusters.primary_url)
    replica = make_replica_engine(clusters.replica_url)
    try:
        with primary.begin() as conn:  # one commit to measure the quiet time from
            conn.execute(text("CREATE TABLE IF NOT EXISTS idle_probe (n int)"))
            conn.execute(text("INSERT INTO idle_probe VALUES (1)"))
        time.sleep(MAX_LAG_S + 1)  # not a timing assertion: makes the last commit old
        with replica.connect() as conn:
            since_commit = conn.execute(
                text("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())")
            ).scalar_one()
        assert since_commit > MAX_LAG_S
        router = ReadRouter(primary, replica, MAX_LAG_S)
        choice = wait_for(
            lambda: (c := router.choose()).source == "replica" and c, "a fresh replica"
        )
        assert choice.reason == "fresh"
        assert choice.lag_s is not None
        assert choice.lag_s < MAX_LAG_S
    finally:
        primary.dispose()
        replica.dispose()


def test_no_replica_configured_reads_from_the_primary(clusters: Replicated) -> None:
    app = create_app(Settings(database_url=clusters.primary_url))
    try:
        client = app.test_client()
        headers = read_headers(app)
        response = client.get("/api/v1/stats/summary", headers=headers)
        assert response.status_code == 200
        assert response.headers[SOURCE] == "primary"
    finally:
        dispose_app(app)
