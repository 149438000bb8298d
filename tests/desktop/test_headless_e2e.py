"""End to end: the headless station, a serial scanner on a pty, the server on PostgreSQL.

Scans are taken with the server down; the station is killed with SIGKILL in the middle of a
burst and started again; the server comes back. Every scan the station confirmed reaches the
server exactly once, and a conflict the server raised (another station got the same child
first) shows in the station's own state.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.procs import (
    Pty,
    ServerProcess,
    StationProcess,
    enrolled_station_id,
    server_admin,
    station_cli,
    wait_for,
)
from tracetrack_desktop.storage.store import LocalStore

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def pty() -> Iterator[Pty]:
    port = Pty()
    yield port
    port.close()


@pytest.fixture
def stations() -> Iterator[list[StationProcess]]:
    """Every station process a test starts; any still running at the end is killed."""
    started: list[StationProcess] = []
    yield started
    for proc in started:
        proc.ensure_stopped()


def test_confirmed_scans_survive_kill_9_and_an_absent_server_exactly_once(
    pg_db: str, server: ServerProcess, pty: Pty, tmp_path: Path, stations: list[StationProcess]
) -> None:
    server_admin(
        pg_db,
        "user",
        "add",
        "ravi",
        "--role",
        "dispatcher",
        "--password-stdin",
        stdin="ravi-secret-1\n",
    )
    code = server_admin(pg_db, "station", "add", "Line 4")["enrollment_code"]
    data, token = tmp_path / "station", tmp_path / "token"
    base = ["--data-dir", str(data), "--insecure-token-file", str(token)]
    assert station_cli(*base, "enroll", "--server", server.url, code).returncode == 0
    assert station_cli(*base, "sync").returncode == 0  # the operator list arrives

    # another station takes KID-X into SB00900 first; ours will not hear of it until later
    other_code = server_admin(pg_db, "station", "add", "Line 5")["enrollment_code"]
    other = requests.post(
        f"{server.url}/api/v1/stations/enroll",
        json={"enrollment_code": other_code, "hostname": "line-5"},
        timeout=10,
    ).json()
    headers = {"Authorization": f"Bearer {other['token']}"}
    now = datetime.now(timezone(timedelta(hours=5, minutes=30)))  # a station in India
    events = [
        {
            "id": "018f0000-0000-7000-8000-00000000a001",
            "seq": 1,
            "type": "parent_scan",
            "code": "SB00900",
            "occurred_at": (now - timedelta(seconds=2)).isoformat(),
            "operator": "ravi",
        },
        {
            "id": "018f0000-0000-7000-8000-00000000a002",
            "seq": 2,
            "type": "child_link",
            "code": "KIDX0001",
            "parent": "SB00900",
            "occurred_at": (now - timedelta(seconds=1)).isoformat(),
            "operator": "ravi",
        },
    ]
    answer = requests.post(
        f"{server.url}/api/v1/sync/events",
        json={
            "station_id": other["station_id"],
            "sent_at": now.isoformat(),
            "events": events,
        },
        headers=headers,
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert [r["status"] for r in answer.json()["results"]] == ["accepted", "accepted"]

    server.stop()  # the network is gone for the rest of the shift

    station = StationProcess(data, token, pty.path, "ravi", server=server.url)
    stations.append(station.start())
    pty.send(b"SB00001\r")
    assert station.expect("scan")["feedback"] == "parent"
    children = ["KIDX0001"] + [f"KID{n:05d}" for n in range(1, 20)]
    for child in children[:8]:
        pty.send(child.encode() + b"\r")
        line = station.expect("scan")
        assert line["recorded"], line
        assert line["code"] == child, line

    # the sync worker has noticed that the server is away (and keeps every scan)
    station.expect("sync", lambda line: line["online"] is False and line["pending"] >= 1)

    # a burst, killed at a random moment: whatever was confirmed must survive
    burst = children[8:]
    rng = random.Random(20261129)
    for child in burst:
        pty.send(child.encode() + b"\r")
    kill_after = rng.randint(1, len(burst) - 1)
    for _ in range(kill_after):
        station.expect("scan")
    station.kill()
    before_kill = station.confirmed()
    assert len(before_kill) >= 1 + 8 + kill_after

    status = json.loads(station_cli(*base, "status", "--json").stdout)
    assert status["pending"] >= len(before_kill)
    assert status["online"] is False

    # restart (server still down): scanning goes on where the store says
    station = StationProcess(data, token, pty.path, "ravi", server=server.url)
    stations.append(station.start())
    pty.send(b"SB00002\r")
    assert station.expect("scan")["feedback"] == "parent"
    for n in range(3):
        pty.send(f"LATE{n:04d}\r".encode())
        assert station.expect("scan")["recorded"]

    server.start()  # the server comes back at the same address

    def drained() -> bool:
        shown = json.loads(station_cli(*base, "status", "--json").stdout)
        return shown["pending"] == 0 and shown["online"] is True

    wait_for(drained, "the station to drain its queue", timeout=90)

    after_restart = station.confirmed()
    ids = [line["event_id"] for line in before_kill + after_restart]
    assert len(set(ids)) == len(ids)

    engine = create_engine(pg_db)
    with engine.connect() as conn:
        held = conn.execute(
            text("SELECT id::text, status FROM events WHERE station_id = :s"),
            {"s": enrolled_station_id(data)},
        ).all()
        kid_parent = conn.execute(
            text("SELECT parent FROM bags WHERE code = 'KIDX0001'")
        ).scalar_one()
    engine.dispose()
    server_ids = [row[0] for row in held]
    assert len(server_ids) == len(set(server_ids))
    assert set(ids) <= set(server_ids), "a confirmed scan never reached the server"
    assert kid_parent == "SB00900"  # the server's first-come rule
    statuses = dict(held)
    kid_event = next(line["event_id"] for line in before_kill if line["code"] == "KIDX0001")
    assert statuses[kid_event] == "conflict"

    # the conflict is in the station's own state and its status
    shown = json.loads(station_cli(*base, "status", "--json").stdout)
    assert shown["conflicts"] >= 1
    store = LocalStore(data)
    try:
        bag = store.bag("KIDX0001")
        assert bag is not None
        assert bag.parent == "SB00900"
        assert any(c.event_id == kid_event for c in store.conflicts())
    finally:
        store.close()

    assert station.terminate() == 0  # SIGTERM: a clean end of shift
    assert station.expect("stopped")["pending"] == 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-x", "-q"]))
