"""Process-level faults with the real parts: the headless station reading a serial scanner on a
pseudo-terminal, ``tracetrack-server serve`` (gunicorn) on PostgreSQL, and PostgreSQL itself.

After each fault the station is brought back and left to drain; then every scan the station
confirmed is on the server exactly once, nothing is counted twice, and every stats figure
equals a recount from the raw events (``tests/faults/recount.py``).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from tests.faults.recount import assert_consistent
from tests.procs import (
    Pty,
    ServerProcess,
    StationProcess,
    enrolled_station_id,
    server_admin,
    station_cli,
    wait_for,
)
from tracetrack_core import rules as core
from tracetrack_core.events import EventType
from tracetrack_desktop.storage.store import LocalStore

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals and signals are POSIX"),
]


def _station_cli(*args: str) -> dict[str, Any]:
    done = station_cli(*args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.startswith("{") else {}


class Line:
    """One packing line: an enrolled station's data dir, its token file, its scanner pty."""

    def __init__(self, db: str, server: ServerProcess, tmp: Path) -> None:
        self.db, self.server = db, server
        self.data, self.token = tmp / "station", tmp / "token"
        self.base = ["--data-dir", str(self.data), "--insecure-token-file", str(self.token)]
        self.pty = Pty()
        self.processes: list[StationProcess] = []
        server_admin(db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin",
               stdin="ravi-secret-1\n")  # fmt: skip
        code = server_admin(db, "station", "add", "Line 9")["enrollment_code"]
        _station_cli(*self.base, "enroll", "--server", server.url, code)
        _station_cli(*self.base, "sync")  # the operator list arrives

    def start(self) -> StationProcess:
        proc = StationProcess(self.data, self.token, self.pty.path, "ravi", server=self.server.url)
        self.processes.append(proc)
        return proc.start()

    def status(self) -> dict[str, Any]:
        return _station_cli(*self.base, "status", "--json")

    def drained(self) -> bool:
        shown = self.status()
        return shown["pending"] == 0 and shown["online"] is True

    def check(self) -> dict[str, Any]:
        """Exactly once and stats equal to a recount (the station must be stopped)."""
        app = create_app(Settings(database_url=self.db))
        store = LocalStore(self.data)
        try:
            return assert_consistent(app, {enrolled_station_id(self.data): store})
        finally:
            store.close()
            dispose_app(app)

    def close(self) -> None:
        for proc in self.processes:
            proc.ensure_stopped()
        self.pty.close()


@pytest.fixture
def line(pg_db: str, server: ServerProcess, tmp_path: Path) -> Iterator[Line]:
    made = Line(pg_db, server, tmp_path)
    yield made
    made.close()


def _queue_backlog(data: Path, parents: int, first: int) -> int:
    """Scans committed by the station's own store while the server is away; returns how many."""
    store = LocalStore(data)
    rules = store.rules()
    made = 0
    try:
        for p in range(first, first + parents):
            parent = f"SB{p:05d}"
            store.record(
                core.EventInput(EventType.PARENT_SCAN, parent, ""), "ravi", rules,
                at=datetime.now(UTC),
            )  # fmt: skip
            made += 1
            for c in range(30):
                store.record(
                    core.EventInput(EventType.CHILD_LINK, f"B{p:05d}{c:02d}", parent),
                    "ravi",
                    rules,
                    at=datetime.now(UTC),
                )
                made += 1
    finally:
        store.close()
    return made


def _server_events(db: str) -> int:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM events")).scalar_one())
    finally:
        engine.dispose()


def test_kill_9_at_random_moments_during_bursts_loses_no_confirmed_scan(line: Line) -> None:
    """Promise: a scan the station confirmed is never lost, and reaches the server once —
    whenever the station process dies (SIGKILL in the middle of a burst, several times)."""
    rng = random.Random(1129)
    confirmed: set[str] = set()
    for round_no in range(4):
        proc = line.start()
        parent = f"SB{700 + round_no:05d}"
        burst = [parent] + [f"K{round_no}{n:05d}" for n in range(29)]
        for code in burst:  # as fast as the scanner sends them, without waiting
            line.pty.send(code.encode() + b"\r")
        for _ in range(rng.randint(1, len(burst) - 2)):
            proc.expect("scan")
        proc.kill()  # SIGKILL: nothing of the station's own clean-up runs
        confirmed |= {str(line["event_id"]) for line in proc.confirmed()}
    final = line.start()
    wait_for(line.drained, "the station to drain after the kills", timeout=90)
    assert final.terminate() == 0
    store = LocalStore(line.data)
    try:
        held = {stored.event.id for stored in store.events()}
    finally:
        store.close()
    assert confirmed <= held, "a confirmed scan is missing from the station's own store"
    line.check()


def test_the_server_killed_mid_batch_and_restarted_counts_everything_once(line: Line) -> None:
    """Promise: exactly-once effect when the server dies while a batch is being written (the
    station cannot know whether it took effect, sends it again, and it is counted once)."""
    line.server.stop()
    queued = _queue_backlog(line.data, parents=150, first=1)  # 4,650 scans taken offline
    proc = line.start()
    line.server.start()
    wait_for(lambda: _server_events(line.db) > 0, "the drain to start", every=0.01)
    line.server.kill()  # master and workers, mid-drain
    assert line.status()["pending"] > 0, "the kill came too late to be mid-drain"
    line.server.start()
    wait_for(line.drained, "the drain after the restart", timeout=120)
    assert proc.terminate() == 0
    totals = line.check()
    assert totals["children_linked"] + totals["parent_scans"] == queued


def _pg_restart_command() -> list[str] | None:
    clusters = Path("/etc/postgresql")
    tool = shutil.which("pg_ctlcluster")
    if tool is None or not clusters.is_dir() or os.geteuid() != 0:
        return None
    versions = sorted(p.name for p in clusters.iterdir() if p.is_dir())
    if not versions:
        return None
    return [tool, "--skip-systemctl-redirect", versions[-1], "main", "restart", "-m", "fast"]


# it restarts the one PostgreSQL every test shares: beside the parallel run it would cut the
# other worker's connections mid-test
@pytest.mark.alone
def test_postgresql_restarted_under_load_loses_nothing(line: Line) -> None:
    """Promise: when the database goes away under load, the server answers 503, the station
    keeps everything and retries, and after the restart everything is counted once."""
    command = _pg_restart_command()
    if command is None:
        pytest.skip("needs root and pg_ctlcluster to restart the local PostgreSQL")
    line.server.stop()
    queued = _queue_backlog(line.data, parents=150, first=200)
    proc = line.start()
    line.server.start()
    wait_for(lambda: _server_events(line.db) > 0, "the drain to start", every=0.01)
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    wait_for(line.drained, "the drain after the database came back", timeout=180)
    assert proc.terminate() == 0
    totals = line.check()
    assert totals["children_linked"] + totals["parent_scans"] == queued
