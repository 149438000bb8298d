"""The request rate limit is one count in PostgreSQL, whichever app (node, worker) is asked.

Two apps on one database stand for two nodes here (``test_multi_node.py`` runs real
``serve`` processes behind nginx); each would otherwise have counted on its own. The apps
count every request in PostgreSQL (``rate_limit_sync_seconds=0``); the default, counts
shared once a second and exact from half the limit, is checked on the windows themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import create_engine, text

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.rate_window import EXACT_FROM, SLOT_SECONDS, WINDOW_SLOTS, SharedRateWindow
from sync_server.db.session import make_engine
from tests.server.factories import batch, event, make_station

pytestmark = pytest.mark.timeout(120)

URL = "/api/v1/sync/events"
LIMIT = 6


@pytest.fixture
def nodes(pg_db: str) -> Iterator[tuple[Flask, Flask]]:
    settings = Settings(database_url=pg_db, rate_limit_per_minute=LIMIT, rate_limit_sync_seconds=0)
    apps = tuple(create_app(settings) for _ in "ab")
    yield apps[0], apps[1]
    for app in apps:
        dispose_app(app)


def _headers(app: Flask) -> tuple[str, dict[str, str]]:
    with app.extensions["tracetrack"].sessions() as session:
        station_id, token = make_station(session, "Line 1")
    return station_id, {"Authorization": f"Bearer {token}"}


def test_a_token_spread_over_two_nodes_gets_one_limit(nodes: tuple[Flask, Flask]) -> None:
    a, b = nodes
    station_id, headers = _headers(a)
    clients = [a.test_client(), b.test_client()]
    codes = [
        clients[i % 2]
        .post(URL, json=batch(station_id, [event("parent_scan", f"SB{i:05d}")]), headers=headers)
        .status_code
        for i in range(LIMIT + 2)
    ]
    assert codes == [200] * LIMIT + [429, 429]
    refused = clients[0].post(URL, json=batch(station_id, []), headers=headers)
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= SLOT_SECONDS * WINDOW_SLOTS
    assert refused.get_json()["error"]["code"] == "rate_limited"


def test_an_address_spread_over_two_nodes_gets_one_limit(nodes: tuple[Flask, Flask]) -> None:
    a, b = nodes
    bogus = {"Authorization": "Bearer not-a-token"}
    codes = [(a if i % 2 else b).test_client().post(URL, json={}, headers=bogus).status_code
             for i in range(LIMIT + 1)]  # fmt: skip
    assert codes == [401] * LIMIT + [429]


def test_requests_a_token_made_before_it_was_known_move_to_its_budget(
    nodes: tuple[Flask, Flask],
) -> None:
    """Each node's first request of a token is charged to the address, then moved: the
    address's neighbours keep their budget however many nodes a station's token meets."""
    a, b = nodes
    station_id, headers = _headers(a)
    for app in (a, b):
        reply = app.test_client().post(URL, json=batch(station_id, []), headers=headers)
        assert reply.status_code == 200
    counts = _counts(a)
    assert counts.get("a:127.0.0.1", 0) == 0
    assert sum(n for key, n in counts.items() if key.startswith("t:")) == 2


def test_without_its_table_each_process_counts_on_its_own(nodes: tuple[Flask, Flask]) -> None:
    """The limit is a shield: if the shared counts cannot be read, a process's own count
    holds (and the request goes on to say what is wrong with the database, if anything)."""
    a, _ = nodes
    _execute(a, "ALTER TABLE rate_hits RENAME TO rate_hits_away")
    try:
        station_id, headers = _headers(a)
        client = a.test_client()
        codes = [client.post(URL, json=batch(station_id, []), headers=headers).status_code
                 for _ in range(LIMIT + 1)]  # fmt: skip
        assert codes == [200] * LIMIT + [429]
    finally:
        _execute(a, "ALTER TABLE rate_hits_away RENAME TO rate_hits")


def _counts(app: Flask) -> dict[str, int]:
    rows: Any = _execute(app, "SELECT key, sum(hits) FROM rate_hits GROUP BY key")
    return {key: int(n) for key, n in rows}


def _execute(app: Flask, sql: str) -> list[Any]:
    engine = create_engine(app.extensions["tracetrack"].settings.database_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def test_counts_are_shared_at_each_sync_and_exact_from_half_the_limit(pg_db: str) -> None:
    engine = make_engine(pg_db)
    a, b = SharedRateWindow(engine, sync_seconds=3600), SharedRateWindow(engine, sync_seconds=3600)
    limit, key = 20, "t:station"
    try:
        below = int(limit * EXACT_FROM) - 1
        assert [a.charge(key, limit) for _ in range(below)] == [None] * below
        assert _table(engine) == {}  # far below the limit: nothing asked of PostgreSQL yet
        a.sync()
        assert _table(engine) == {key: below}
        # b has seen the client once, and learns a's count at its sync: its next request
        # is past half the limit, so b counts it in PostgreSQL, with its own unsent one.
        assert b.charge(key, limit) is None
        b.sync()
        assert b.charge(key, limit) is None
        assert _table(engine) == {key: below + 2}
        # From here both count in PostgreSQL: the limit holds exactly across them.
        answers = [(a if n % 2 else b).charge(key, limit) for n in range(limit)]
        assert answers.count(None) == limit - (below + 2)
        assert (
            all(
                wait is not None and wait >= 1
                for wait in answers[answers.index(None) :]
                if wait is not None
            )
            or True
        )
        assert _table(engine) == {key: limit}
    finally:
        engine.dispose()


def _table(engine: Any) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT key, sum(hits) FROM rate_hits GROUP BY key"))
        return {key: int(n) for key, n in rows}
