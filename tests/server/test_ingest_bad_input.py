"""Bad input to the upload endpoint: clear errors, per-event rejections, nothing half-written."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Event, Station
from sync_server.services.tokens import revoke_tokens_of_station
from tests.server.factories import batch, event, make_read_token
from tests.server.test_ingest import ctx, post, station

URL = "/api/v1/sync/events"


def events_stored(app: Any) -> int:
    with ctx(app).sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Event)) or 0)


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "invalid_json"),
        (b"", "invalid_json"),
        (b"[]", "invalid_request"),
        (b'{"station_id": "x"}', "invalid_request"),
        (b'{"station_id": "x", "sent_at": "yesterday", "events": []}', "invalid_request"),
        (b'{"station_id": "x", "sent_at": "2026-11-28T10:00:00", "events": []}', "invalid_request"),
    ],
)
def test_unreadable_batches_get_400(app, client, body: bytes, code: str) -> None:
    _, headers = station(app)
    response = client.post(URL, data=body, headers={**headers, "Content-Type": "application/json"})
    assert_error(response, 400, code)
    assert events_stored(app) == 0


def test_an_event_without_a_usable_id_refuses_the_whole_batch(app, client) -> None:
    sid, headers = station(app)
    good = event("parent_scan", "SB00001")
    bad = {**event("parent_scan", "SB00002"), "id": "not-a-uuid"}
    response = client.post(URL, json=batch(sid, [good, bad]), headers=headers)
    error = assert_error(response, 400, "invalid_event_id")
    assert error["index"] == 1
    assert events_stored(app) == 0


def test_bad_events_are_rejected_one_by_one_and_the_rest_is_taken(app, client) -> None:
    sid, headers = station(app)
    now = datetime.now(UTC)
    cases = [
        ({**event("teleport", "SB00001")}, "unknown_type"),
        (
            {**event("parent_scan", "SB00001"), "occurred_at": "2026-13-45T99:00:00Z"},
            "bad_timestamp",
        ),
        (
            {**event("parent_scan", "SB00001"), "occurred_at": "2026-11-28T10:00:00"},
            "bad_timestamp",
        ),
        (event("parent_scan", "SB00001", at=datetime(1970, 1, 1, tzinfo=UTC)), "bad_timestamp"),
        (event("parent_scan", "SB00001", at=now + timedelta(days=3650)), "bad_timestamp"),
        ({**event("parent_scan", "SB00001"), "seq": -4}, "invalid_field"),
        ({**event("parent_scan", "SB00001"), "code": 12345}, "invalid_field"),
        ({**event("parent_scan", "SB00001"), "code": "S" * 500}, "invalid_field"),
        ({**event("parent_scan", "SB00001"), "data": "oops"}, "invalid_field"),
        ({**event("parent_scan", "SB00001"), "operator": "ra\x00vi"}, "invalid_field"),
        (event("parent_scan", "'; DROP TABLE bags;--"), "invalid_code"),
        (event("child_link", "<script>", parent="SB00001"), "invalid_code"),
        (event("child_link", "SB00001", parent="SB00001"), "self_link"),
        (event("bill_create", bill="B1", data={"capacity": 0}), "invalid_capacity"),
        (event("bill_create", bill="B1", data={"capacity": 51}), "invalid_capacity"),
        (event("bill_create", bill="B1", data={"capacity": "ten"}), "invalid_capacity"),
        (event("bill_create", bill="", data={"capacity": 5}), "missing_field"),
    ]
    good = event("parent_scan", "SB00009")
    results = post(client, sid, headers, [c[0] for c in cases] + [good])
    assert [r.get("reason") for r in results[:-1]] == [c[1] for c in cases]
    assert all(r["status"] == "rejected" for r in results[:-1])
    assert results[-1]["status"] == "accepted"
    with ctx(app).sessions() as session:
        stored = session.scalars(select(Event).where(Event.status == "rejected")).all()
        assert len(stored) == len(cases)  # nothing a station sent is lost
        assert all(e.raw is not None for e in stored)


def test_hostile_codes_are_stored_verbatim_and_harmless(app, client) -> None:
    sid, headers = station(app)
    hostile = [
        "Robert'); DROP TABLE events;--",
        "<img src=x onerror=alert(1)>",
        "SB\u202e00001",
        "\uff33\uff22\uff10\uff10\uff10\uff11\uff12",
        "SB00013\u200b",
        "\u0421\u0412" + "00014",
    ]
    results = post(client, sid, headers, [event("parent_scan", h) for h in hostile])
    statuses = [r["status"] for r in results]
    # full-width digits and zero-width/bidi marks fold to real codes; Cyrillic look-alikes do not
    assert statuses == ["rejected", "rejected", "accepted", "accepted", "accepted", "rejected"]
    response = client.get("/healthz")
    assert response.status_code == 200


def test_oversize_batches_get_413_naming_the_limit(app, client) -> None:
    sid, headers = station(app)
    limit = ctx(app).settings.max_batch_events
    too_many = [event("parent_scan", "SB00001") for _ in range(limit + 1)]
    error = assert_error(
        client.post(URL, json=batch(sid, too_many), headers=headers), 413, "too_many_events"
    )
    assert error["limit"] == "max_batch_events"
    huge = batch(sid, [event("parent_scan", "SB00001", data={"pad": "x" * 2_000_000})])
    error = assert_error(
        client.post(
            URL, data=json.dumps(huge), headers={**headers, "Content-Type": "application/json"}
        ),
        413,
        "payload_too_large",
    )
    assert error["limit"] == "max_batch_bytes"
    assert events_stored(app) == 0


def test_tokens_missing_bad_revoked_readonly_or_foreign(app, client) -> None:
    sid, headers = station(app, "A")
    other_sid, _ = station(app, "B")
    body = batch(sid, [event("parent_scan", "SB00001")])
    assert_error(client.post(URL, json=body), 401, "missing_token")
    assert_error(
        client.post(URL, json=body, headers={"Authorization": "Bearer nope"}), 401, "invalid_token"
    )
    with ctx(app).sessions() as session:
        read_token = make_read_token(session)
    assert_error(
        client.post(URL, json=body, headers={"Authorization": f"Bearer {read_token}"}),
        403,
        "read_only_token",
    )
    assert_error(
        client.post(URL, json=batch(other_sid, body["events"]), headers=headers),
        403,
        "wrong_station",
    )
    with ctx(app).sessions() as session, session.begin():
        revoke_tokens_of_station(session, sid)
        station_row = session.get(Station, sid)
        assert station_row is not None
    assert_error(client.post(URL, json=body, headers=headers), 401, "invalid_token")
    assert events_stored(app) == 0


def test_errors_have_the_protocol_shape_everywhere(client) -> None:
    for response in (client.get("/api/v1/nowhere"), client.delete("/api/v1/sync/events")):
        assert response.is_json
        assert set(response.get_json()["error"]) >= {"code", "message"}


def test_a_runaway_client_is_rate_limited_with_retry_after(pg_db) -> None:
    app = create_app(Settings(database_url=pg_db, rate_limit_per_minute=5))
    client = app.test_client()
    _, headers = station(app)
    codes = [client.get("/api/v1/openapi.json").status_code for _ in range(8)]
    assert codes == [200] * 8  # service endpoints are never limited
    answers = [client.post(URL, json={}, headers=headers) for _ in range(7)]
    assert [a.status_code for a in answers[:5]] == [400] * 5
    limited = answers[5]
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert limited.get_json()["error"]["code"] == "rate_limited"
    other = client.post(URL, json={}, headers={"Authorization": "Bearer someone-else"})
    assert other.status_code == 401  # limits are per client
    dispose_app(app)
