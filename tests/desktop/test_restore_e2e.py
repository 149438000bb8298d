"""Issue 20, end to end: take a backup, scan on 3 stations, restore; the server ends with
every scan exactly once. Real processes: ``tracetrack-server serve`` on a fresh PostgreSQL
database, ``backup``/``restore`` (pg_dump/pg_restore), 3 headless stations on ptys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.procs import Pty, ServerProcess, StationProcess, server_admin, station_cli, wait_for
from tests.server.fresh_db import fresh_database
from tracetrack_desktop.storage.store import LocalStore, read_status

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def stations() -> Iterator[list[StationProcess]]:
    started: list[StationProcess] = []
    yield started
    for proc in started:
        proc.ensure_stopped()


def _scan(station: StationProcess, pty: Pty, code: str) -> dict[str, Any]:
    pty.send(code.encode() + b"\r")
    line = station.expect("scan")
    assert line["recorded"], line
    return line


def _drained(data_dirs: list[Path]) -> bool:
    return all(read_status(d).pending == 0 for d in data_dirs)


def _server_state(url: str) -> tuple[list[tuple[str, str, int, str]], list[tuple[Any, ...]]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        events = sorted(
            (str(r[0]), str(r[1]), int(r[2]), str(r[3]))
            for r in conn.execute(text("SELECT id, station_id, seq, status FROM events"))
        )
        bags = sorted(
            tuple(r)
            for r in conn.execute(text("SELECT code, parent, child_count, status FROM bags"))
        )
    engine.dispose()
    return events, bags


def test_backup_scan_on_three_stations_restore_every_scan_exactly_once(
    tmp_path: Path, stations: list[StationProcess]
) -> None:
    with fresh_database("tt_restore_e2e") as url:
        server = ServerProcess(url).start()
        try:
            server_admin(
                url,
                "user",
                "add",
                "ravi",
                "--role",
                "dispatcher",
                "--password-stdin",
                stdin="ravi-secret-1\n",
            )
            ptys, dirs = [], []
            for n, area in enumerate(("Indore", "Jaipur", "Akola")):
                code = server_admin(url, "station", "add", f"Line {n}", "--area", area)[
                    "enrollment_code"
                ]
                data, token = tmp_path / f"st{n}", tmp_path / f"token{n}"
                base = ["--data-dir", str(data), "--insecure-token-file", str(token)]
                assert station_cli(*base, "enroll", "--server", server.url, code).returncode == 0
                assert station_cli(*base, "sync").returncode == 0
                pty = Pty()
                ptys.append(pty)
                dirs.append(data)
                station = StationProcess(data, token, pty.path, "ravi", server=server.url)
                stations.append(station.start())

            # before the backup: a parent each, and station 1 takes the contested child
            for n, (st, pty) in enumerate(zip(stations, ptys, strict=True)):
                _scan(st, pty, f"SB0010{n}")
                for k in range(3):
                    _scan(st, pty, f"PRE{n}K{k:03d}")
            _scan(stations[1], ptys[1], "CONTESTED1")
            wait_for(lambda: _drained(dirs), "the stations to drain before the backup")
            assert server_admin(url, "backup", str(tmp_path / "nightly.dump"))["bytes"] > 0

            # after it: links on all 3, a parent completed (its 30th child), and the contested
            # child into another station's parent (the server decides: a conflict)
            for k in range(3, 30):
                _scan(stations[0], ptys[0], f"PRE0K{k:03d}")
            _scan(stations[0], ptys[0], "SB00200")
            for n in (1, 2):
                _scan(stations[n], ptys[n], f"SB0020{n}")
                for k in range(5):
                    _scan(stations[n], ptys[n], f"POST{n}K{k:03d}")
            _scan(stations[2], ptys[2], "CONTESTED1")
            wait_for(lambda: _drained(dirs), "the stations to drain after the backup")
            before_events, before_bags = _server_state(url)
            conflicts = [e for e in before_events if e[3] == "conflict"]
            assert len(conflicts) == 1
            assert ("SB00100", None, 30, "completed") in before_bags

            server.stop()
            assert server_admin(url, "restore", str(tmp_path / "nightly.dump"), "--yes")["epoch"]
            assert len(_server_state(url)[0]) < len(before_events)
            server.start()

            def every_scan_back() -> bool:
                return _drained(dirs) and len(_server_state(url)[0]) == len(before_events)

            wait_for(every_scan_back, "every station to send again what the restore lost", 120)
            after_events, after_bags = _server_state(url)
            assert after_events == before_events  # each id once, same station, seq and outcome
            assert after_bags == before_bags
            for data in dirs:  # what each station confirmed is on the server
                store = LocalStore(data)
                ids = {e.event.id for e in store.events()}
                store.close()
                assert ids <= {e[0] for e in after_events}
        finally:
            for proc in stations:
                proc.ensure_stopped()
            for pty in ptys:
                pty.close()
            server.stop()
