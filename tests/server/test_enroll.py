"""Station enrollment end to end: CLI code -> HTTP enroll -> upload -> single use -> revoke."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import requests

from sync_server.api.extension import ServerContext
from sync_server.cli import main
from sync_server.services import admin
from tests.server.factories import TEST_OPERATORS, add_operators, batch, event


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_enroll_upload_reuse_and_revoke_over_http(
    app, live_server: str, pg_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _cli(
        capsys, "--database-url", pg_db, "station", "add", "Line 1", "--area", "Lucknow", "--json"
    )
    assert code == 0, err
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        add_operators(session, TEST_OPERATORS)  # who the uploaded event names
    added = json.loads(out)
    assert added["station_id"].startswith("st_")
    enrollment_code = added["enrollment_code"]
    assert len(enrollment_code) == 9
    assert enrollment_code[4] == "-"
    assert datetime.fromisoformat(added["expires_at"]) > datetime.now(UTC)

    # Typed by hand: lower case and without the dash is the same code.
    typed = enrollment_code.replace("-", "").lower()
    enrolled = requests.post(
        f"{live_server}/api/v1/stations/enroll",
        json={"enrollment_code": typed, "hostname": "packing-pc-1"},
        timeout=10,
    )
    assert enrolled.status_code == 201, enrolled.text
    body = enrolled.json()
    assert body["station_id"] == added["station_id"]
    auth = {"Authorization": f"Bearer {body['token']}"}

    upload = requests.post(
        f"{live_server}/api/v1/sync/events",
        json=batch(body["station_id"], [event("parent_scan", "SB00042")]),
        headers=auth,
        timeout=10,
    )
    assert upload.status_code == 200, upload.text
    assert [r["status"] for r in upload.json()["results"]] == ["accepted"]

    again = requests.post(
        f"{live_server}/api/v1/stations/enroll",
        json={"enrollment_code": enrollment_code, "hostname": "thief"},
        timeout=10,
    )
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "invalid_enrollment_code"
    assert "admin" in again.json()["error"]["message"]

    code, out, err = _cli(capsys, "--database-url", pg_db, "station", "list", "--json")
    assert code == 0, err
    [listed] = json.loads(out)["stations"]
    assert listed["status"] == "enrolled"
    assert listed["hostname"] == "packing-pc-1"
    assert "enrollment_code" not in listed

    code, out, err = _cli(capsys, "--database-url", pg_db, "station", "revoke", "Line 1", "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "revoked"
    refused = requests.post(
        f"{live_server}/api/v1/sync/events",
        json=batch(body["station_id"], [event("parent_scan", "SB00043")]),
        headers=auth,
        timeout=10,
    )
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "invalid_token"


def test_expired_code_is_refused_and_audited(app, client) -> None:
    ctx: ServerContext = app.extensions["tracetrack"]
    long_ago = datetime.now(UTC) - timedelta(hours=3)
    with ctx.sessions() as session:
        issued = admin.add_station(session, "Line 2", actor="test", ttl_minutes=60, now=long_ago)
    response = client.post(
        "/api/v1/stations/enroll",
        json={"enrollment_code": issued.enrollment_code, "hostname": "late-pc"},
    )
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_enrollment_code"
    with ctx.sessions() as session:
        stations = admin.list_stations(session)
    assert [s.status for s in stations] == ["code_expired"]


def test_new_code_replaces_the_pc_and_revokes_the_old_token(
    app, client, pg_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        first = admin.add_station(session, "Line 3", actor="test", ttl_minutes=60)
    old = client.post(
        "/api/v1/stations/enroll", json={"enrollment_code": first.enrollment_code}
    ).json
    code, out, err = _cli(
        capsys, "--database-url", pg_db, "station", "new-code", first.station.id, "--json"
    )
    assert code == 0, err
    fresh = json.loads(out)
    assert fresh["enrollment_code"] != first.enrollment_code
    old_auth = {"Authorization": f"Bearer {old['token']}"}
    body = batch(old["station_id"], [event("parent_scan", "SB00044")])
    assert client.post("/api/v1/sync/events", json=body, headers=old_auth).status_code == 401

    new = client.post(
        "/api/v1/stations/enroll",
        json={"enrollment_code": fresh["enrollment_code"], "hostname": "new-pc"},
    )
    assert new.status_code == 201
    assert new.json["station_id"] == old["station_id"]
    new_auth = {"Authorization": f"Bearer {new.json['token']}"}
    assert client.post("/api/v1/sync/events", json=body, headers=new_auth).status_code == 200


def test_wrong_codes_are_throttled_per_address_with_retry_after(app) -> None:
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        issued = admin.add_station(session, "Line 4", actor="test", ttl_minutes=60)
    attacker = app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "10.9.8.7"
    for _ in range(admin.ENROLL_REFUSALS_PER_ADDRESS):
        wrong = attacker.post("/api/v1/stations/enroll", json={"enrollment_code": "2222-2222"})
        assert wrong.status_code == 401
    throttled = attacker.post(
        "/api/v1/stations/enroll", json={"enrollment_code": issued.enrollment_code}
    )
    assert throttled.status_code == 429
    assert throttled.json["error"]["code"] == "rate_limited"
    retry_after = int(throttled.headers["Retry-After"])
    assert 0 < retry_after <= admin.ENROLL_THROTTLE_WINDOW.total_seconds()

    # Another address is not affected, and the code still works there.
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.9.8.8"
    ok = other.post("/api/v1/stations/enroll", json={"enrollment_code": issued.enrollment_code})
    assert ok.status_code == 201

    # Once the window has passed, the address may try again (the count lives in the database).
    later = datetime.now(UTC) + admin.ENROLL_THROTTLE_WINDOW + timedelta(seconds=1)
    with ctx.sessions() as session, pytest.raises(admin.EnrollmentRefusedError):
        admin.enroll_station(session, "2222-2222", "pc", address="10.9.8.7", now=later)


def test_enroll_body_is_validated_and_documented(client) -> None:
    bad = client.post("/api/v1/stations/enroll", json={"hostname": "x"})
    assert bad.status_code == 400
    assert bad.json["error"]["code"] == "invalid_request"
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "201" in paths["/api/v1/stations/enroll"]["post"]["responses"]
    assert "/api/v1/auth/login" in paths
    assert paths["/api/v1/audit"]["get"]["security"] == [{"bearer": []}]
