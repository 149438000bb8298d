"""The ingest path end to end through the HTTP API on PostgreSQL."""

from __future__ import annotations

from sync_server.api.extension import ServerContext
from tests.server.factories import batch, children, event, make_station


def _station(app):  # type: ignore[no-untyped-def]
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        return make_station(session, "Line 1")


def test_thirty_children_complete_a_parent_and_replay_changes_nothing(app, client) -> None:
    station_id, token = _station(app)
    auth = {"Authorization": f"Bearer {token}"}
    events = [event("parent_scan", "SB00042")]
    events += [event("child_link", c, parent="SB00042") for c in children(30)]
    body = batch(station_id, events)

    first = client.post("/api/v1/sync/events", json=body, headers=auth)
    assert first.status_code == 200, first.get_json()
    statuses = [r["status"] for r in first.get_json()["results"]]
    assert statuses == ["accepted"] * 31
    assert [r["id"] for r in first.get_json()["results"]] == [e["id"] for e in events]

    again = client.post("/api/v1/sync/events", json=body, headers=auth)
    results = again.get_json()["results"]
    assert {r["status"] for r in results} == {"duplicate"}
    assert results[0]["detail"]["original"]["status"] == "accepted"

    late = event("child_link", "LATECHILD1", parent="SB00042")
    third = client.post("/api/v1/sync/events", json=batch(station_id, [late]), headers=auth)
    [result] = third.get_json()["results"]
    assert result["status"] == "conflict"
    assert result["reason"] == "parent_completed"
