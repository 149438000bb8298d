"""The ``tracetrack-server`` command line: --json output, errors, exit codes, the real script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sync_server.cli import main

SCRIPT = Path(sys.executable).parent / "tracetrack-server"


def _cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_json_command_prints_one_json_document(pg_db: str, capsys, monkeypatch) -> None:
    db = ("--database-url", pg_db)
    commands: list[tuple[tuple[str, ...], str]] = [
        (("db", "status", "--json"), ""),
        (("db", "upgrade", "--json"), ""),
        (("station", "add", "Line 1", "--area", "Indore", "--json"), ""),
        (("station", "list", "--json"), ""),
        (("station", "new-code", "Line 1", "--json"), ""),
        (("station", "revoke", "Line 1", "--json"), ""),
        (("token", "add", "reports", "--read-only", "--json"), ""),
        (("token", "list", "--json"), ""),
        (("token", "revoke", "reports", "--json"), ""),
        (("user", "add", "anita", "--role", "admin", "--password-stdin", "--json"), "s3cret-pw"),
        (("user", "add", "ravi", "--role", "biller", "--password-stdin", "--json"), "s3cret-pw"),
        (("user", "list", "--json"), ""),
        (("user", "set-role", "ravi", "supervisor", "--by", "anita", "--json"), ""),
        (("user", "disable", "ravi", "--json"), ""),
        (("user", "enable", "ravi", "--json"), ""),
        (("user", "passwd", "ravi", "--password-stdin", "--json"), "n3w-secret"),
    ]
    for args, stdin in commands:
        code, out, err = _cli(capsys, monkeypatch, *db, *args, stdin=stdin)
        assert code == 0, (args, err)
        parsed = json.loads(out)
        assert isinstance(parsed, dict), args
    code, out, _ = _cli(capsys, monkeypatch, *db, "station", "list", "--json")
    [station] = json.loads(out)["stations"]
    assert station["status"] == "revoked"
    assert station["area"] == "Indore"


def test_human_output_and_errors(pg_db: str, capsys, monkeypatch) -> None:
    db = ("--database-url", pg_db)
    code, out, err = _cli(capsys, monkeypatch, *db, "station", "add", "Line 9")
    assert code == 0, err
    assert "Enrollment code:" in out
    code, out, err = _cli(capsys, monkeypatch, *db, "station", "revoke", "no-such-line")
    assert code == 1
    assert out == ""
    assert "no station" in err
    code, out, err = _cli(capsys, monkeypatch, *db, "station")
    assert code == 2
    assert "usage:" in err
    code, out, err = _cli(capsys, monkeypatch, "--help")
    assert code == 0
    assert "serve" in out
    # No terminal and no --password-stdin: refuse rather than read a password from a pipe.
    code, out, err = _cli(capsys, monkeypatch, *db, "user", "add", "ravi", "--role", "biller")
    assert code == 1
    assert "--password-stdin" in err


def test_unreachable_database_is_a_clear_error(capsys, monkeypatch) -> None:
    url = "postgresql://nobody@127.0.0.1:1/none"
    code, out, err = _cli(capsys, monkeypatch, "--database-url", url, "station", "list")
    assert code == 1
    assert out == ""
    assert "cannot use the database" in err


def test_installed_console_script_adds_a_station(pg_db: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACETRACK_")}
    done = subprocess.run(
        [str(SCRIPT), "--database-url", pg_db, "station", "add", "Gate 2", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    added = json.loads(done.stdout)
    assert added["station_id"].startswith("st_")
    assert len(added["enrollment_code"].replace("-", "")) == 8
