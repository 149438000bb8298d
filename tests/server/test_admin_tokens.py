"""API tokens from the CLI: scopes enforced over HTTP, never shown again, revocable; audit API."""

from __future__ import annotations

import json

import pytest

from sync_server.cli import main
from tests.server.factories import batch, event


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _token(capsys: pytest.CaptureFixture[str], pg_db: str, name: str, flag: str) -> str:
    code, out, err = _cli(capsys, "--database-url", pg_db, "token", "add", name, flag, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["token"].startswith("tt_")
    return str(data["token"])


def test_read_only_token_cannot_upload_and_admin_token_reads_audit(
    app, client, pg_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = {"Authorization": f"Bearer {_token(capsys, pg_db, 'reports', '--read-only')}"}
    boss = {"Authorization": f"Bearer {_token(capsys, pg_db, 'ops', '--admin')}"}

    upload = client.post(
        "/api/v1/sync/events", json=batch("st_x", [event("parent_scan", "SB00042")]), headers=reader
    )
    assert upload.status_code == 403
    assert client.get("/api/v1/audit", headers=reader).status_code == 403
    assert client.get("/api/v1/audit").status_code == 401

    page = client.get("/api/v1/audit?limit=1", headers=boss)
    assert page.status_code == 200, page.json
    assert page.json["total"] == 2
    [entry] = page.json["entries"]
    assert entry["action"] == "token_add"
    assert entry["target"] == "ops"
    assert entry["actor"].startswith("cli:")
    assert entry["after"] == {"name": "ops", "scope": "admin"}
    second = client.get("/api/v1/audit?limit=1&offset=1", headers=boss).json["entries"]
    assert second[0]["target"] == "reports"
    assert client.get("/api/v1/audit?limit=0", headers=boss).status_code == 400


def test_token_list_hides_secrets_and_revoke_takes_effect(
    client, pg_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _token(capsys, pg_db, "reports", "--read-only")
    code, _out, err = _cli(capsys, "--database-url", pg_db, "token", "add", "reports", "--admin")
    assert code == 1
    assert "exists" in err

    code, out, err = _cli(capsys, "--database-url", pg_db, "token", "list", "--json")
    assert code == 0, err
    [listed] = json.loads(out)["tokens"]
    assert listed["name"] == "reports"
    assert listed["scope"] == "read"
    assert listed["active"] is True
    assert token not in out
    assert "hash" not in out

    code, out, err = _cli(capsys, "--database-url", pg_db, "token", "list")
    assert code == 0, err
    assert "reports" in out
    assert token not in out

    auth = {"Authorization": f"Bearer {token}"}
    code, out, _ = _cli(capsys, "--database-url", pg_db, "token", "list", "--json")
    assert json.loads(out)["tokens"][0]["last_used_at"] is None  # never used yet
    assert client.get("/api/v1/stats/summary", headers=auth).status_code == 200
    code, out, _ = _cli(capsys, "--database-url", pg_db, "token", "list", "--json")
    assert json.loads(out)["tokens"][0]["last_used_at"] is not None  # the admin sees it live
    code, out, err = _cli(capsys, "--database-url", pg_db, "token", "revoke", "reports", "--json")
    assert code == 0, err
    assert json.loads(out) == {"name": "reports", "revoked": 1}
    after = client.get("/api/v1/audit", headers=auth)
    assert after.status_code == 401
    assert after.json["error"]["code"] == "invalid_token"

    code, out, err = _cli(capsys, "--database-url", pg_db, "token", "revoke", "reports")
    assert code == 1
    assert out == ""
    assert "no active token" in err


def test_token_needs_a_scope(pg_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, "--database-url", pg_db, "token", "add", "x")
    assert code == 2
    assert out == ""
    assert "--read-only" in err
