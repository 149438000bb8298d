"""The per-request token check (outside a transaction, through the driver, on PostgreSQL):
it still refuses a revoked token at once, keeps ``last_used_at`` fresh, and a pooled
connection that died under it costs at most one 503, never a wrong answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text, update

from sync_server.db.models import ApiToken
from sync_server.services.tokens import revoke_tokens_of_station
from tests.server.factories import batch, event, make_station


def _sessions(app):  # type: ignore[no-untyped-def]
    return app.extensions["tracetrack"].sessions


def _kill_other_backends(pg_db: str) -> int:
    """Terminate every other connection to the test database (a restart, as the pool sees it)."""
    engine = create_engine(pg_db)
    try:
        with engine.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return int(killed)


def test_a_revoked_token_is_refused_on_the_next_request(app, client) -> None:
    with _sessions(app)() as session:
        station_id, token = make_station(session, "Line 1")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/sync/changes", headers=headers).status_code == 200
    with _sessions(app)() as session, session.begin():
        revoke_tokens_of_station(session, station_id)
    refused = client.get("/api/v1/sync/changes", headers=headers)
    assert refused.status_code == 401
    assert refused.json["error"]["code"] == "invalid_token"


def test_last_used_at_is_refreshed_once_it_is_a_minute_old(app, client) -> None:
    with _sessions(app)() as session:
        station_id, token = make_station(session, "Line 1")
    headers = {"Authorization": f"Bearer {token}"}

    def last_used() -> datetime | None:
        with _sessions(app)() as session:
            row = session.query(ApiToken).filter_by(station_id=station_id).one()
            return row.last_used_at

    assert last_used() is None
    assert client.get("/api/v1/sync/changes", headers=headers).status_code == 200
    first = last_used()
    assert first is not None
    assert client.get("/api/v1/sync/changes", headers=headers).status_code == 200
    assert last_used() == first  # at most one write a minute
    old = datetime.now(UTC) - timedelta(minutes=5)
    with _sessions(app)() as session, session.begin():
        session.execute(
            update(ApiToken).where(ApiToken.station_id == station_id).values(last_used_at=old)
        )
    assert client.get("/api/v1/sync/changes", headers=headers).status_code == 200
    refreshed = last_used()
    assert refreshed is not None
    assert refreshed > old + timedelta(minutes=4)


def test_connections_killed_under_the_pool_cost_at_most_one_503(app, client, pg_db: str) -> None:
    with _sessions(app)() as session:
        station_id, token = make_station(session, "Line 1")
    headers = {"Authorization": f"Bearer {token}"}
    upload = batch(station_id, [event("parent_scan", "SB00042", seq=1)])
    assert client.post("/api/v1/sync/events", json=upload, headers=headers).status_code == 200
    assert _kill_other_backends(pg_db) >= 1  # the pool's idle connection(s)

    answers = [client.get("/api/v1/sync/changes?since=0", headers=headers) for _ in range(3)]
    codes = [a.status_code for a in answers]
    # the token check meets a dead connection first: it drops it and checks again through
    # SQLAlchemy, which replaces the rest of the pool (a 503 with Retry-After at worst)
    assert codes[0] in (200, 503), answers[0].json
    if codes[0] == 503:
        assert answers[0].headers["Retry-After"]
    assert codes[1:] == [200, 200]
    bags = [c for c in answers[-1].json["changes"] if c["kind"] == "bag"]
    assert [b["key"] for b in bags] == ["SB00042"]
