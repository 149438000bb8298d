"""The admin side also works on the embedded SQLite database (small sites, the dev station)."""

from __future__ import annotations

import io
import json

import pytest

from sync_server.app import create_app, dispose_app
from sync_server.cli import main
from sync_server.config import Settings
from tests.server.factories import batch, event


def test_station_user_and_enrollment_on_sqlite(
    sqlite_settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--database-url", sqlite_settings.database_url)
    assert main([*db, "station", "add", "Desk", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pw\n"))
    assert main([*db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin"]) == 0
    capsys.readouterr()

    app = create_app(sqlite_settings)
    try:
        client = app.test_client()
        enrolled = client.post(
            "/api/v1/stations/enroll", json={"enrollment_code": added["enrollment_code"]}
        )
        assert enrolled.status_code == 201, enrolled.json
        auth = {"Authorization": f"Bearer {enrolled.json['token']}"}
        body = batch(added["station_id"], [event("parent_scan", "SB00042")])
        assert client.post("/api/v1/sync/events", json=body, headers=auth).status_code == 200
        login = client.post("/api/v1/auth/login", json={"username": "ravi", "password": "x" * 9})
        assert login.status_code == 401
        ok = client.post("/api/v1/auth/login", json={"username": "ravi", "password": "s3cret-pw"})
        assert ok.json["session_token"].startswith("tts_")
        assert {k: ok.json[k] for k in ("username", "role", "area")} == {
            "username": "ravi",
            "role": "dispatcher",
            "area": "",
        }
    finally:
        dispose_app(app)

    assert main([*db, "station", "list", "--json"]) == 0
    [station] = json.loads(capsys.readouterr().out)["stations"]
    assert station["status"] == "enrolled"
    assert station["enrolled_at"].endswith("+00:00")


def test_the_admin_api_on_sqlite(
    sqlite_settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An admin's session on the embedded database: areas, a user's area, code rules, the
    audit log, logout."""
    db = ("--database-url", sqlite_settings.database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pw\n"))
    assert main([*db, "user", "add", "anita", "--role", "admin", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pw\n"))
    assert main([*db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin"]) == 0
    capsys.readouterr()
    app = create_app(sqlite_settings)
    try:
        client = app.test_client()
        login = client.post(
            "/api/v1/auth/login", json={"username": "anita", "password": "s3cret-pw"}
        )
        auth = {"Authorization": f"Bearer {login.json['session_token']}"}
        assert (
            client.post("/api/v1/admin/areas", json={"name": "Akola"}, headers=auth).status_code
            == 201
        )
        moved = client.patch("/api/v1/admin/users/ravi", json={"area": "Akola"}, headers=auth)
        assert moved.json["area"] == "Akola"
        assert client.delete("/api/v1/admin/areas/Akola", headers=auth).status_code == 409
        current = client.get("/api/v1/admin/code-rules", headers=auth).json
        rules = {**current["rules"], "kg_per_child": 2}
        saved = client.put(
            "/api/v1/admin/code-rules",
            json={"rules": rules, "version": current["version"]},
            headers=auth,
        )
        assert saved.status_code == 200, saved.json
        assert (
            client.get("/api/v1/admin/code-rules", headers=auth).json["rules"]["kg_per_child"] == 2
        )
        stale = client.put(
            "/api/v1/admin/code-rules",
            json={"rules": rules, "version": current["version"]},
            headers=auth,
        )
        assert stale.status_code == 409
        page = client.get("/api/v1/audit?actor=user:anita", headers=auth).json
        assert [e["action"] for e in page["entries"]] == [
            "code_rules_set",
            "user_update",
            "area_add",
        ]
        assert client.post("/api/v1/auth/logout", headers=auth).status_code == 204
        assert client.get("/api/v1/admin/users", headers=auth).status_code == 401
    finally:
        dispose_app(app)
