"""`tracetrack-station enroll | status | sync` against a real server over HTTP."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sync_server import cli as server_cli
from tracetrack_desktop import cli
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.storage.store import LocalStore

FEED = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "station" / "feed_users.json").read_text()
)


def test_enroll_scan_offline_then_sync_and_status(
    pg_db: str, live_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server_cli.main(["--database-url", pg_db, "station", "add", "Line 9", "--json"]) == 0
    code = json.loads(capsys.readouterr().out)["enrollment_code"]
    data, token_file = tmp_path / "station", tmp_path / "secret" / "token"
    base = ["--data-dir", str(data), "--insecure-token-file", str(token_file)]
    assert cli.main([*base, "enroll", "--server", live_server, code]) == 0
    assert token_file.stat().st_mode & 0o777 == 0o600
    assert cli.main([*base, "enroll", "--server", live_server, code]) == 1  # single use
    capsys.readouterr()

    store = LocalStore(data)  # scans taken with no sync running
    store.apply_changes(FEED["changes"], FEED["cursor"])
    workflow = StationWorkflow(store, store.rules, lambda: datetime.now(UTC))
    assert workflow.login("ravi", FEED["passwords"]["ravi"]).ok
    for text in ["SB00077", "KID00001", "KID00002"]:
        assert workflow.handle_scan(
            ScanRecord(text, ScanSource.SIMULATED, "sim", datetime.now(UTC))
        ).ok
    store.close()

    assert cli.main([*base, "status", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert {"pending", "last_sync", "online", "conflicts"} <= set(before)
    assert before["pending"] == 3
    assert cli.main([*base, "sync"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "status", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["pending"] == 0
    assert after["online"] is True
    assert after["last_sync"] is not None


def test_status_without_a_station_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--data-dir", str(tmp_path / "none"), "status", "--json"]) == 1
    assert "no station data" in capsys.readouterr().err
