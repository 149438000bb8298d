"""The zero-setup path: the same server on its embedded SQLite database."""

from __future__ import annotations

from sqlalchemy import func, select

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Bag, Event
from sync_server.db.session import make_engine
from tests.server.factories import batch, children, event, make_station


def test_ingest_replay_and_conflict_on_sqlite(sqlite_settings: Settings) -> None:
    app = create_app(sqlite_settings)
    client = app.test_client()
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        a, token_a = make_station(session, "A")
        b, token_b = make_station(session, "B")
    kids = children(30)
    body = batch(
        a,
        [event("parent_scan", "SB00001")]
        + [event("child_link", k, parent="SB00001") for k in kids],
    )
    auth_a = {"Authorization": f"Bearer {token_a}"}
    first = client.post("/api/v1/sync/events", json=body, headers=auth_a).get_json()
    assert {r["status"] for r in first["results"]} == {"accepted"}
    again = client.post("/api/v1/sync/events", json=body, headers=auth_a).get_json()
    assert {r["status"] for r in again["results"]} == {"duplicate"}
    steal = batch(
        b, [event("parent_scan", "SB00002"), event("child_link", kids[0], parent="SB00002")]
    )
    stolen = client.post(
        "/api/v1/sync/events", json=steal, headers={"Authorization": f"Bearer {token_b}"}
    ).get_json()
    assert stolen["results"][1]["reason"] == "child_in_other_parent"
    with sessions() as session:
        assert session.get(Bag, "SB00001").status == "completed"  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Event)) == 33
    assert client.get("/readyz").status_code == 200
    dispose_app(app)


def test_out_of_date_schema_is_refused_with_the_fix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    make_engine(url).dispose()
    app = create_app(Settings(database_url=url))
    client = app.test_client()
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert "tracetrack-server db upgrade" in ready.get_json()["problem"]
    upload = client.post("/api/v1/sync/events", json={})
    assert upload.status_code == 503
    assert "tracetrack-server db upgrade" in upload.get_json()["error"]["message"]
    assert client.get("/healthz").status_code == 200
    dispose_app(app)


def test_unreachable_database_gives_503_with_retry_after_not_a_crash() -> None:
    app = create_app(Settings(database_url="postgresql+psycopg://root@127.0.0.1:1/none"))
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503
    upload = client.post("/api/v1/sync/events", json={})
    assert upload.status_code == 503
    assert upload.headers["Retry-After"]
    assert "unreachable" in upload.get_json()["error"]["message"]
    dispose_app(app)
