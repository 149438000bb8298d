"""The ``tracetrack-server`` command line: --json output, errors, exit codes, the real script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
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
        (("area", "add", "Akola", "--json"), ""),
        (("area", "list", "--json"), ""),
        (("user", "set", "ravi", "--area", "Akola", "--badge", "b-7", "--json"), ""),
        (("user", "set", "ravi", "--no-badge", "--display-name", "Ravi", "--json"), ""),
        (("area", "add", "Spare", "--json"), ""),
        (("area", "remove", "Spare", "--json"), ""),
        (("rules", "show", "--json"), ""),
        (("rules", "test", "SB00001", "--json"), ""),
        (("audit", "list", "--actor", "cli:*", "--json"), ""),
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


def test_areas_user_settings_code_rules_and_the_audit_log(
    pg_db: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    db = ("--database-url", pg_db)

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return _cli(capsys, monkeypatch, *db, *args, stdin=stdin)

    started = datetime.now(UTC)
    assert run("area", "add", "Lucknow")[0] == 0
    code, _, err = run("area", "add", "LUCKNOW")
    assert (code, err.count("\n")) == (1, 1)
    assert "exists already" in err
    assert (
        run("user", "add", "ravi", "--role", "biller", "--password-stdin", stdin="pw-secret1")[0]
        == 0
    )
    code, out, err = run("user", "set", "ravi", "--area", "lucknow", "--badge", "op-9", "--json")
    assert code == 0, err
    assert (json.loads(out)["area"], json.loads(out)["badge"]) == ("Lucknow", "OP-9")
    code, out, _ = run("user", "set", "ravi", "--no-badge", "--json")
    assert json.loads(out)["badge"] is None
    code, _, err = run("user", "set", "ravi")
    assert code == 1
    assert "Nothing to change" in err
    code, _, err = run("user", "set", "ravi", "--badge", "x", "--no-badge")
    assert code == 2
    code, out, _ = run("area", "list")
    assert "Lucknow" in out
    assert "USERS" in out
    code, _, err = run("area", "remove", "Lucknow")
    assert code == 1
    assert "still given to 1 user(s)" in err

    # the rules as `rules show` prints them go back in with `rules set`
    code, out, _ = run("rules", "show")  # JSON even without --json
    shown = json.loads(out)
    assert (shown["version"], shown["defaults"]) == (-1, True)
    shown["rules"]["parent_series"].append({"name": "PX", "pattern": r"PX-\d{4}", "capacity": 12})
    rules_file = tmp_path / "rules.json"
    rules_file.write_text(json.dumps(shown), encoding="utf-8")
    code, out, err = run("rules", "set", str(rules_file), "--json")
    assert code == 0, err
    version = json.loads(out)["version"]
    code, out, _ = run("rules", "test", "PX-0001", "ABCD1234", "what?")
    lines = out.splitlines()
    assert lines[0].split() == ["CODE", "KIND", "SERIES", "NOTE"]
    assert lines[2].split() == ["PX-0001", "parent", "PX"]
    assert lines[3].split() == ["ABCD1234", "child"]
    assert lines[4].split()[:2] == ["WHAT?", "unknown"]
    code, _, err = run("rules", "set", str(rules_file), "--version", str(version - 1))
    assert code == 1
    assert "Someone saved other code rules" in err
    shown["rules"]["child_pattern"] = ".*"
    rules_file.write_text(json.dumps(shown["rules"]), encoding="utf-8")
    code, out, err = run("rules", "set", str(rules_file))
    assert (code, out) == (1, "")
    assert "child pattern matches almost anything" in err
    assert err.count("\n") == 1
    rules_file.write_text("{not json", encoding="utf-8")
    code, _, err = run("rules", "set", str(rules_file))
    assert code == 1
    assert "Cannot read code rules" in err

    code, out, _ = run("audit", "list", "--actor", "cli:*", "--json")
    actions = [e["action"] for e in json.loads(out)["entries"]]
    assert actions == ["code_rules_set", "user_update", "user_update", "user_add", "area_add"]
    code, out, _ = run("audit", "list", "--action", "user_update", "--limit", "1", "--json")
    page = json.loads(out)
    assert (len(page["entries"]), page["total"]) == (1, 2)
    code, out, _ = run("audit", "list", "--target", "code_rules")
    assert "code_rules_set" in out
    until = (started - timedelta(seconds=1)).isoformat()
    code, out, _ = run("audit", "list", "--until", until, "--json")
    assert json.loads(out)["entries"] == []
    code, _, err = run("audit", "list", "--since", "last tuesday")
    assert code == 2
    assert "not an ISO time" in err
