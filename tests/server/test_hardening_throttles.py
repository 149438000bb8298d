"""Issue 17, written as the attacks: rate-limit dodging, audit flooding, racing throttles.

Each test is the attack the issue reports; it fails on the code the issue was found on.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from ipaddress import ip_network
from typing import Any

import pytest
import requests
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.api.ratelimit import client_address
from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import AuditLog
from sync_server.db.session import make_engine
from sync_server.services import admin, users
from tests.procs import ServerProcess
from tests.server.factories import make_station

PASSWORD = "correct horse"
CHANGES = "/api/v1/sync/changes?since=0"


@contextmanager
def _app(settings: Settings, **changes: Any) -> Iterator[Flask]:
    app = create_app(replace(settings, **changes))
    try:
        yield app
    finally:
        dispose_app(app)


def _from(app, address: str):  # type: ignore[no-untyped-def]
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _bogus() -> dict[str, str]:
    return {"Authorization": f"Bearer tt_{secrets.token_urlsafe(32)}"}


def test_a_new_bogus_bearer_per_request_is_limited_by_address(settings: Settings) -> None:
    with _app(settings, rate_limit_per_minute=20) as app:
        with app.extensions["tracetrack"].sessions() as session:
            _, token = make_station(session, "Line 1")
        station = {"Authorization": f"Bearer {token}"}
        nat = _from(app, "10.0.0.5")  # the attacker and the station share one address
        assert nat.get(CHANGES, headers=station).status_code == 200

        codes = Counter(nat.get(CHANGES, headers=_bogus()).status_code for _ in range(60))
        assert codes[401] <= 20
        assert codes[429] >= 40
        # Writing X-Forwarded-For buys nothing: no proxy is trusted by default.
        spoofed = nat.get(CHANGES, headers={**_bogus(), "X-Forwarded-For": "203.0.113.9"})
        assert spoofed.status_code == 429

        # The draining station keeps its own budget whatever its neighbour does.
        drained = [nat.get(CHANGES, headers=station).status_code for _ in range(15)]
        assert drained == [200] * 15
        # ... and its budget is its own: every request it made counts against it.
        assert [nat.get(CHANGES, headers=station).status_code for _ in range(5)] == [200] * 4 + [
            429
        ]


def test_a_revoked_token_goes_back_to_its_address_budget(settings: Settings) -> None:
    with _app(settings, rate_limit_per_minute=3) as app:
        with app.extensions["tracetrack"].sessions() as session:
            station_id, token = make_station(session, "Line 1")
            admin.revoke_station(session, station_id, actor="test")
        client = _from(app, "10.0.0.6")
        codes = [
            client.get(CHANGES, headers={"Authorization": f"Bearer {token}"}).status_code
            for _ in range(5)
        ]
        assert codes == [401, 401, 401, 429, 429]


def test_only_a_trusted_proxy_names_the_client(settings: Settings) -> None:
    with _app(settings, rate_limit_per_minute=3, trusted_proxies=("10.0.0.1",)) as app:
        proxy = _from(app, "10.0.0.1")
        first = {"X-Forwarded-For": "198.51.100.7"}
        codes = [proxy.get(CHANGES, headers={**_bogus(), **first}).status_code for _ in range(4)]
        assert codes == [401, 401, 401, 429]
        # Another client behind the same proxy has its own budget; what the client itself
        # wrote to the left of the proxy's entry is ignored.
        second = {"X-Forwarded-For": "198.51.100.7, 198.51.100.8"}
        assert proxy.get(CHANGES, headers={**_bogus(), **second}).status_code == 401
        # The header from anyone but the proxy is ignored.
        direct = _from(app, "10.0.0.2")
        codes = [direct.get(CHANGES, headers={**_bogus(), **first}).status_code for _ in range(4)]
        assert codes == [401, 401, 401, 429]

    trusted = (ip_network("10.0.0.0/24"),)
    assert client_address("10.0.0.1", "1.2.3.4, 10.0.0.9", trusted) == "1.2.3.4"
    assert client_address("10.0.0.1", "not-an-ip", trusted) == "10.0.0.1"
    assert client_address("192.0.2.1", "1.2.3.4", trusted) == "192.0.2.1"
    assert client_address("10.0.0.1", "1.2.3.4", ()) == "10.0.0.1"
    with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
        Settings.from_env({"TRACETRACK_TRUSTED_PROXIES": "10.0.0.1, proxy.example"})
    assert Settings.from_env({"TRACETRACK_TRUSTED_PROXIES": "10.0.0.1, fd00::/8"}).trusted_proxies


def test_throttled_enrolls_are_summarised_not_written_one_row_each(app) -> None:
    attacker = _from(app, "10.9.8.7")
    answers = [
        attacker.post("/api/v1/stations/enroll", json={"enrollment_code": "2222-2222"})
        for _ in range(admin.ENROLL_REFUSALS_PER_ADDRESS + 200)
    ]
    codes = Counter(a.status_code for a in answers)
    assert codes == {401: admin.ENROLL_REFUSALS_PER_ADDRESS, 429: 200}
    with app.extensions["tracetrack"].sessions() as session:
        rows = session.scalars(select(AuditLog).where(AuditLog.actor == "ip:10.9.8.7")).all()
    by_action = Counter(r.action for r in rows)
    assert by_action[admin.ENROLL_REFUSED] == admin.ENROLL_REFUSALS_PER_ADDRESS
    summaries = [r for r in rows if r.action == "enroll_throttled"]
    assert 1 <= len(summaries) <= 2  # one per minute; the run may straddle a minute
    assert sum(r.after["count"] for r in summaries) == 200


@contextmanager
def _session(url: str) -> Iterator[Session]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def _parallel(n: int, send) -> Counter[int]:  # type: ignore[no-untyped-def]
    with ThreadPoolExecutor(max_workers=n) as pool:
        return Counter(pool.map(lambda i: send(i).status_code, range(n)))


def test_parallel_wrong_logins_cannot_pass_the_address_limit(
    server: ServerProcess, pg_db: str
) -> None:
    limit = users.LOGIN_REFUSALS_PER_ADDRESS
    url = f"{server.url}/api/v1/auth/login"
    codes = _parallel(
        2 * limit,
        lambda i: requests.post(url, json={"username": f"guess{i}", "password": "x"}, timeout=60),
    )
    assert codes == {401: limit, 429: limit}
    with _session(pg_db) as session:
        refused = session.scalars(select(AuditLog).where(AuditLog.action == "login_refused"))
        assert len(refused.all()) == limit


def test_parallel_wrong_enroll_codes_cannot_pass_the_limit(server: ServerProcess) -> None:
    limit = admin.ENROLL_REFUSALS_PER_ADDRESS
    url = f"{server.url}/api/v1/stations/enroll"
    codes = _parallel(
        3 * limit, lambda i: requests.post(url, json={"enrollment_code": "2222-2222"}, timeout=60)
    )
    assert codes == {401: limit, 429: 2 * limit}


def test_parallel_wrong_passwords_lock_the_account_after_exactly_five(
    server: ServerProcess, pg_db: str
) -> None:
    with _session(pg_db) as session:
        users.add_user(session, username="ravi", password=PASSWORD, role="dispatcher", actor="t")
    url = f"{server.url}/api/v1/auth/login"
    codes = _parallel(
        20, lambda i: requests.post(url, json={"username": "ravi", "password": "no"}, timeout=60)
    )
    assert codes == {401: users.MAX_FAILED_LOGINS - 1, 423: 20 - (users.MAX_FAILED_LOGINS - 1)}


def test_a_successful_login_does_not_use_up_the_address_budget(app) -> None:
    with app.extensions["tracetrack"].sessions() as session:
        users.add_user(session, username="ravi", password=PASSWORD, role="dispatcher", actor="t")
    client = _from(app, "10.2.2.2")
    for _ in range(users.LOGIN_REFUSALS_PER_ADDRESS + 5):
        ok = client.post("/api/v1/auth/login", json={"username": "ravi", "password": PASSWORD})
        assert ok.status_code == 200
    with app.extensions["tracetrack"].sessions() as session:
        assert (
            session.scalars(select(AuditLog).where(AuditLog.action == "login_refused")).all() == []
        )
