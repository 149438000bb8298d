"""The admin API over operator sessions (docs/api.md#admin-api), on real PostgreSQL."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from sync_server.api.extension import ServerContext
from sync_server.app import create_app, dispose_app
from sync_server.cli import main
from sync_server.config import Settings
from sync_server.db.models import OperatorSession, Station
from sync_server.services import sessions, users
from tests.server.factories import event, make_read_token
from tests.server.test_ingest import post, station

PASSWORD = "correct horse"
Headers = dict[str, str]


@pytest.fixture
def ctx(app) -> ServerContext:  # type: ignore[no-untyped-def]
    context: ServerContext = app.extensions["tracetrack"]
    return context


def _user(ctx: ServerContext, username: str, role: str, area: str = "") -> None:
    with ctx.sessions() as session:
        users.add_user(
            session, username=username, password=PASSWORD, role=role, actor="test", area=area
        )


def _login(client: Any, username: str) -> Headers:
    response = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['session_token']}"}


@pytest.fixture
def anita(ctx: ServerContext, client: Any) -> Headers:
    """An admin's session (anita is the only admin)."""
    _user(ctx, "anita", "admin")
    return _login(client, "anita")


def _age_sessions(ctx: ServerContext, by: timedelta) -> None:
    """Move every session's clock back by ``by``, as if that long had passed unused."""
    with ctx.sessions() as session, session.begin():
        for held in session.scalars(select(OperatorSession)):
            held.created_at -= by
            held.last_used_at -= by
            held.expires_at -= by


def _error(response: Any) -> str:
    code: str = response.get_json()["error"]["code"]
    return code


# --- sessions -------------------------------------------------------------------------------


def test_login_issues_a_session_stored_only_as_its_hash_and_logout_ends_it(
    ctx: ServerContext, client: Any
) -> None:
    _user(ctx, "anita", "admin", area="")
    before = datetime.now(UTC)
    body = client.post(
        "/api/v1/auth/login", json={"username": "Anita", "password": PASSWORD}
    ).get_json()
    assert body["username"] == "anita"
    assert body["role"] == "admin"
    token = body["session_token"]
    assert token.startswith("tts_")
    expires = datetime.fromisoformat(body["expires_at"])
    assert before + timedelta(hours=8) <= expires <= datetime.now(UTC) + timedelta(hours=8)
    with ctx.sessions() as session:
        [stored] = session.scalars(select(OperatorSession)).all()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/admin/users", headers=headers).status_code == 200

    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    after = client.get("/api/v1/admin/users", headers=headers)
    assert (after.status_code, _error(after)) == (401, "invalid_session")
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204  # idempotent
    assert client.post("/api/v1/auth/logout").status_code == 401


def test_a_session_ends_after_30_idle_minutes_or_8_hours(ctx: ServerContext) -> None:
    _user(ctx, "anita", "admin")
    t0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    with ctx.sessions() as session:
        idle = sessions.issue(session, "anita", now=t0)
        assert sessions.check(session, idle.token, now=t0 + timedelta(minutes=29)) is not None
        # each use moves the idle limit on
        assert sessions.check(session, idle.token, now=t0 + timedelta(minutes=58)) is not None
        assert sessions.check(session, idle.token, now=t0 + timedelta(minutes=88)) is None

        busy = sessions.issue(session, "anita", now=t0)
        assert busy.expires_at == t0 + timedelta(hours=8)
        moment = t0
        while moment + timedelta(minutes=20) < busy.expires_at:
            moment += timedelta(minutes=20)
            assert sessions.check(session, busy.token, now=moment) is not None
        assert sessions.check(session, busy.token, now=busy.expires_at) is None
        assert sessions.check(session, "tts_unknown", now=t0) is None
        assert sessions.check(session, "tt_an-api-token", now=t0) is None


def test_an_idle_session_is_refused_over_http(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    assert client.get("/api/v1/admin/areas", headers=anita).status_code == 200
    _age_sessions(ctx, timedelta(minutes=31))
    refused = client.get("/api/v1/admin/areas", headers=anita)
    assert (refused.status_code, _error(refused)) == (401, "invalid_session")
    assert "log in again" in refused.get_json()["error"]["message"]


def test_a_session_has_its_own_rate_budget_as_a_token_has(settings: Settings) -> None:
    app = create_app(replace(settings, rate_limit_per_minute=5))
    try:
        _user(app.extensions["tracetrack"], "anita", "admin")
        client = app.test_client()
        admin = _login(client, "anita")  # the address's first request
        used = [client.get("/api/v1/admin/users", headers=admin).status_code for _ in range(6)]
        assert used == [200] * 5 + [429]
        # those were the session's own: its address has four requests left, no more
        bogus = {"Authorization": "Bearer tts_made-up"}
        codes = [client.get("/api/v1/admin/users", headers=bogus).status_code for _ in range(5)]
        assert codes == [401] * 4 + [429]
    finally:
        dispose_app(app)


def _endpoints() -> list[tuple[str, str, dict[str, Any] | None]]:
    rules = {"parent_series": [{"name": "SB", "pattern": r"SB\d{5}"}]}
    return [
        ("GET", "/api/v1/admin/users", None),
        ("POST", "/api/v1/admin/users", {"username": "x1", "password": PASSWORD, "role": "biller"}),
        ("PATCH", "/api/v1/admin/users/bina", {"display_name": "B"}),
        ("POST", "/api/v1/admin/users/bina/password", {"password": PASSWORD}),
        ("GET", "/api/v1/admin/stations", None),
        ("POST", "/api/v1/admin/stations", {"name": "Gate 9"}),
        ("POST", "/api/v1/admin/stations/Line 1/code", None),
        ("POST", "/api/v1/admin/stations/Line 1/revoke", None),
        ("GET", "/api/v1/admin/areas", None),
        ("POST", "/api/v1/admin/areas", {"name": "Akola"}),
        ("DELETE", "/api/v1/admin/areas/Akola", None),
        ("GET", "/api/v1/admin/code-rules", None),
        ("POST", "/api/v1/admin/code-rules/test", {"codes": ["SB00001"]}),
        ("PUT", "/api/v1/admin/code-rules", {"rules": rules, "version": -1}),
        ("GET", "/api/v1/admin/audit/actions", None),
    ]


def test_every_admin_endpoint_needs_an_admins_live_session(
    ctx: ServerContext, client: Any, app: Any
) -> None:
    _user(ctx, "anita", "admin")
    _user(ctx, "bina", "biller")
    _user(ctx, "old", "admin")
    _, station_headers = station(app, "Line 1")
    with ctx.sessions() as session:
        read_headers = {"Authorization": f"Bearer {make_read_token(session)}"}
    expired = _login(client, "old")
    with ctx.sessions() as session, session.begin():
        session.execute(
            update(OperatorSession)
            .where(OperatorSession.username == "old")
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    admin = _login(client, "anita")
    for method, path, body in _endpoints():
        biller = _login(client, "bina")  # (setting bina's password ends her sessions)
        for headers, status, code in (
            ({}, 401, "invalid_session"),
            ({"Authorization": "Bearer tts_made-up"}, 401, "invalid_session"),
            (expired, 401, "invalid_session"),
            (station_headers, 401, "invalid_session"),
            (read_headers, 401, "invalid_session"),
            (biller, 403, "admin_required"),
        ):
            refused = client.open(path, method=method, json=body, headers=headers)
            assert (refused.status_code, _error(refused)) == (status, code), (method, path)
        answered = client.open(path, method=method, json=body, headers=admin)
        assert answered.status_code in (200, 201, 204), (method, path, answered.get_json())
    for headers in (station_headers, read_headers):
        refused = client.get("/api/v1/admin/users", headers=headers)
        assert "log in as an admin" in refused.get_json()["error"]["message"].lower()


def test_disabling_changing_the_role_or_password_ends_the_users_sessions(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    _user(ctx, "meena", "admin")
    for change in (
        lambda: client.patch("/api/v1/admin/users/meena", json={"disabled": True}, headers=anita),
        lambda: client.patch("/api/v1/admin/users/meena", json={"role": "biller"}, headers=anita),
        lambda: client.post(
            "/api/v1/admin/users/meena/password", json={"password": "new secret!"}, headers=anita
        ),
    ):
        client.patch(
            "/api/v1/admin/users/meena", json={"disabled": False, "role": "admin"}, headers=anita
        )
        with ctx.sessions() as session:
            users.set_password(session, "meena", PASSWORD, actor="test")
        meena = _login(client, "meena")
        assert client.get("/api/v1/admin/users", headers=meena).status_code == 200
        assert change().status_code == 200
        ended = client.get("/api/v1/admin/users", headers=meena)
        assert (ended.status_code, _error(ended)) == (401, "invalid_session")
    # the admin's own session is untouched by changes to others
    assert client.get("/api/v1/admin/users", headers=anita).status_code == 200


# --- users ----------------------------------------------------------------------------------


def test_users_are_added_changed_and_guarded(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    assert client.post("/api/v1/admin/areas", json={"name": "Lucknow"}, headers=anita).status_code
    added = client.post(
        "/api/v1/admin/users",
        json={
            "username": "Ravi",
            "password": PASSWORD,
            "role": "dispatcher",
            "display_name": "Ravi K",
            "area": "lucknow",
            "badge": "op-17",
        },
        headers=anita,
    )
    assert added.status_code == 201, added.get_json()
    ravi = added.get_json()
    assert ravi["username"] == "ravi"
    assert ravi["area"] == "Lucknow"  # the area's stored spelling
    assert ravi["badge"] == "OP-17"
    assert "password_hash" not in ravi
    assert "password" not in ravi

    def add(**body: Any) -> Any:
        return client.post(
            "/api/v1/admin/users",
            json={"password": PASSWORD, "role": "biller", **body},
            headers=anita,
        )

    assert _error(add(username="ravi")) == "user_exists"
    assert _error(add(username="sita", badge="OP-17")) == "badge_taken"
    weak = add(username="sita", password="short")
    assert (weak.status_code, _error(weak)) == (400, "weak_password")
    nowhere = add(username="sita", area="Atlantis")
    assert (nowhere.status_code, _error(nowhere)) == (400, "unknown_area")
    assert _error(add(username="sita", role="boss")) == "invalid_input"

    changed = client.patch(
        "/api/v1/admin/users/ravi",
        json={"display_name": "Ravi Kumar", "badge": None, "role": "biller"},
        headers=anita,
    )
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["badge"] is None
    assert changed.get_json()["display_name"] == "Ravi Kumar"
    assert changed.get_json()["version"] > ravi["version"]
    freed = add(username="sita", badge="op-17")  # ravi's badge was cleared: free again
    assert freed.status_code == 201, freed.get_json()
    taken = client.patch("/api/v1/admin/users/ravi", json={"badge": " op-17"}, headers=anita)
    assert (taken.status_code, _error(taken)) == (409, "badge_taken")
    unknown = client.patch("/api/v1/admin/users/ravi", json={"area": "Atlantis"}, headers=anita)
    assert (unknown.status_code, _error(unknown)) == (400, "unknown_area")
    missing = client.patch("/api/v1/admin/users/nobody", json={"area": ""}, headers=anita)
    assert (missing.status_code, _error(missing)) == (404, "user_not_found")
    null_role = client.patch("/api/v1/admin/users/ravi", json={"role": None}, headers=anita)
    assert null_role.status_code == 400

    # own account: not one's own role, not disabling oneself
    for body in ({"role": "biller"}, {"disabled": True}):
        own = client.patch("/api/v1/admin/users/anita", json=body, headers=anita)
        assert (own.status_code, _error(own)) == (409, "own_account"), body
    assert (
        client.patch(
            "/api/v1/admin/users/anita", json={"display_name": "Anita S"}, headers=anita
        ).get_json()["display_name"]
        == "Anita S"
    )


def test_the_last_enabled_admin_is_neither_demoted_nor_disabled(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    _user(ctx, "meena", "admin")
    # through the API an admin's session is itself an enabled admin, so another admin is
    # never the last one: anita may demote meena, and then nobody may touch anita
    demoted = client.patch("/api/v1/admin/users/meena", json={"role": "biller"}, headers=anita)
    assert demoted.status_code == 200
    with ctx.sessions() as session, pytest.raises(users.LastAdminError):
        users.update_user(session, "anita", actor="test", role="biller")
    with ctx.sessions() as session, pytest.raises(users.LastAdminError):
        users.update_user(session, "anita", actor="test", disabled=True)


def test_a_new_password_unlocks_the_account(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    _user(ctx, "ravi", "dispatcher")
    for _ in range(users.MAX_FAILED_LOGINS):
        client.post("/api/v1/auth/login", json={"username": "ravi", "password": "wrong!"})
    listed = client.get("/api/v1/admin/users", headers=anita).get_json()["users"]
    assert next(u for u in listed if u["username"] == "ravi")["locked_until"] is not None
    reset = client.post(
        "/api/v1/admin/users/ravi/password", json={"password": "a new secret"}, headers=anita
    )
    assert reset.status_code == 200
    assert reset.get_json()["locked_until"] is None
    login = client.post("/api/v1/auth/login", json={"username": "ravi", "password": "a new secret"})
    assert login.status_code == 200


# --- stations and areas ---------------------------------------------------------------------


def test_stations_are_added_listed_recoded_and_revoked(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    client.post("/api/v1/admin/areas", json={"name": "Indore"}, headers=anita)
    nowhere = client.post(
        "/api/v1/admin/stations", json={"name": "Gate 2", "area": "Atlantis"}, headers=anita
    )
    assert (nowhere.status_code, _error(nowhere)) == (400, "unknown_area")
    added = client.post(
        "/api/v1/admin/stations", json={"name": "Gate 2", "area": "Indore"}, headers=anita
    )
    assert added.status_code == 201, added.get_json()
    code = added.get_json()
    assert set(code) == {"station_id", "name", "enrollment_code", "expires_at"}
    again = client.post("/api/v1/admin/stations", json={"name": "gate 2"}, headers=anita)
    assert (again.status_code, _error(again)) == (409, "station_exists")

    enrolled = client.post(
        "/api/v1/stations/enroll", json={"enrollment_code": code["enrollment_code"]}
    )
    assert enrolled.status_code == 201
    with ctx.sessions() as session, session.begin():
        session.execute(
            update(Station)
            .where(Station.id == code["station_id"])
            .values(reported_pending=7, last_seq=41)
        )
    [listed] = client.get("/api/v1/admin/stations", headers=anita).get_json()["stations"]
    assert listed["status"] == "enrolled"
    assert (listed["pending"], listed["last_seq"], listed["area"]) == (7, 41, "Indore")

    station_token = {"Authorization": f"Bearer {enrolled.get_json()['token']}"}
    assert client.get("/api/v1/sync/changes", headers=station_token).status_code == 200
    fresh = client.post(f"/api/v1/admin/stations/{code['station_id']}/code", headers=anita)
    assert fresh.status_code == 201
    assert fresh.get_json()["enrollment_code"] != code["enrollment_code"]
    assert client.get("/api/v1/sync/changes", headers=station_token).status_code == 401
    revoked = client.post(f"/api/v1/admin/stations/{code['station_id']}/revoke", headers=anita)
    assert revoked.get_json()["status"] == "revoked"
    unknown = client.post("/api/v1/admin/stations/st_nothing/revoke", headers=anita)
    assert (unknown.status_code, _error(unknown)) == (404, "station_not_found")


def test_areas_are_counted_and_one_in_use_stays(
    ctx: ServerContext, client: Any, anita: Headers, app: Any
) -> None:
    for name in ("Lucknow", "Akola"):
        made = client.post("/api/v1/admin/areas", json={"name": name}, headers=anita)
        assert made.get_json() == {"name": name, "users": 0, "stations": 0}
        assert made.status_code == 201
    twice = client.post("/api/v1/admin/areas", json={"name": "LUCKNOW"}, headers=anita)
    assert (twice.status_code, _error(twice)) == (409, "area_exists")
    _user(ctx, "ravi", "dispatcher", area="Lucknow")
    station(app, "Line 1", area="Lucknow")
    listed = client.get("/api/v1/admin/areas", headers=anita).get_json()["areas"]
    assert listed == [
        {"name": "Akola", "users": 0, "stations": 0},
        {"name": "Lucknow", "users": 1, "stations": 1},
    ]
    in_use = client.delete("/api/v1/admin/areas/Lucknow", headers=anita)
    assert (in_use.status_code, _error(in_use)) == (409, "area_in_use")
    assert client.delete("/api/v1/admin/areas/Akola", headers=anita).status_code == 204
    gone = client.delete("/api/v1/admin/areas/Akola", headers=anita)
    assert (gone.status_code, _error(gone)) == (404, "area_not_found")


# --- code rules -----------------------------------------------------------------------------


def _rules(**changes: Any) -> dict[str, Any]:
    return {
        "parent_series": [
            {"name": "SB", "pattern": r"SB\d{5}", "capacity": 30},
            {"name": "PX", "pattern": r"PX-\d{4}", "capacity": 12},
        ],
        **changes,
    }


def test_saved_code_rules_reach_the_feed_and_the_next_batch(
    client: Any, anita: Headers, app: Any
) -> None:
    st, st_headers = station(app, "Line 1")
    [refused] = post(client, st, st_headers, [event("parent_scan", "PX-0001")])
    assert refused["status"] == "rejected"
    first = client.get("/api/v1/sync/changes", headers=st_headers).get_json()
    cursor = first["cursor"]

    current = client.get("/api/v1/admin/code-rules", headers=anita).get_json()
    assert (current["version"], current["defaults"]) == (-1, True)
    assert current["rules"]["parent_series"][0]["name"] == "SB"

    tried = client.post(
        "/api/v1/admin/code-rules/test",
        json={"rules": _rules(), "codes": ["PX-0001", "sb00001", "ABCD1234", "CMD-UNDO", "?"]},
        headers=anita,
    ).get_json()
    assert tried["problems"] == []
    assert [(r["code"], r["kind"], r["series"], r["capacity"]) for r in tried["results"]] == [
        ("PX-0001", "parent", "PX", 12),
        ("SB00001", "parent", "SB", 30),
        ("ABCD1234", "child", None, None),
        ("CMD-UNDO", "command", None, None),
        ("?", "unknown", None, None),
    ]
    stored = client.post(
        "/api/v1/admin/code-rules/test", json={"codes": ["PX-0001"]}, headers=anita
    ).get_json()
    assert stored["results"][0]["kind"] != "parent"  # nothing was saved by testing

    saved = client.put(
        "/api/v1/admin/code-rules", json={"rules": _rules(), "version": -1}, headers=anita
    )
    assert saved.status_code == 200, saved.get_json()
    version = saved.get_json()["version"]
    assert version > 0
    now = client.get("/api/v1/admin/code-rules", headers=anita).get_json()
    assert (now["version"], now["defaults"]) == (version, False)

    changes = client.get(f"/api/v1/sync/changes?since={cursor}", headers=st_headers).get_json()
    [setting] = [c for c in changes["changes"] if c["kind"] == "setting"]
    assert setting["key"] == "code_rules"
    assert [s["name"] for s in setting["data"]["parent_series"]] == ["SB", "PX"]
    since = changes["cursor"]
    later = client.get(f"/api/v1/sync/changes?since={since}", headers=st_headers).get_json()
    assert [c for c in later["changes"] if c["kind"] == "setting"] == []  # once, not every pull
    [accepted] = post(client, st, st_headers, [event("parent_scan", "PX-0002")])
    assert accepted["status"] == "accepted", accepted

    stale = client.put(
        "/api/v1/admin/code-rules", json={"rules": _rules(), "version": -1}, headers=anita
    )
    assert (stale.status_code, _error(stale)) == (409, "stale_rules")
    again = client.put(
        "/api/v1/admin/code-rules",
        json={"rules": _rules(kg_per_child=2), "version": version},
        headers=anita,
    )
    assert again.status_code == 200
    assert again.get_json()["version"] > version


@pytest.mark.parametrize(
    ("rules", "said"),
    [
        (_rules(child_pattern="[A-Z"), "not a valid regular expression"),
        (
            {"parent_series": [{"name": "SB", "pattern": r"sb\d{5}"}]},
            "matches no code a scanner can deliver",
        ),
        ({"parent_series": [{"name": "ANY", "pattern": r".+"}]}, "matches almost anything"),
        (
            {"parent_series": [{"name": "BAG", "pattern": r"[A-Z0-9]{4,12}"}]},
            "children would be read as parents",
        ),
        (_rules(child_pattern=r"[A-Z0-9]+"), "child pattern matches almost anything"),
        ({"parent_series": []}, "parent_series"),
        (_rules(colour="red"), "colour"),
    ],
    ids=["bad-regex", "nothing", "everything", "overlaps-children", "loose-child", "none", "extra"],
)
def test_bad_code_rules_are_refused_and_nothing_changes(
    client: Any, anita: Headers, rules: dict[str, Any], said: str
) -> None:
    refused = client.put(
        "/api/v1/admin/code-rules", json={"rules": rules, "version": -1}, headers=anita
    )
    assert (refused.status_code, _error(refused)) == (400, "invalid_rules")
    assert said in refused.get_json()["error"]["message"]
    tried = client.post(
        "/api/v1/admin/code-rules/test", json={"rules": rules, "codes": ["X"]}, headers=anita
    )
    if tried.status_code == 200:  # parsed rules: the tester names the same problems
        assert tried.get_json()["problems"] == refused.get_json()["error"]["problems"]
    assert client.get("/api/v1/admin/code-rules", headers=anita).get_json()["defaults"] is True


# --- the audit log --------------------------------------------------------------------------


def test_every_action_is_audited_as_the_user_and_the_log_filters(
    ctx: ServerContext, client: Any, anita: Headers
) -> None:
    started = datetime.now(UTC)
    client.post("/api/v1/admin/areas", json={"name": "Akola"}, headers=anita)
    client.post(
        "/api/v1/admin/users",
        json={"username": "ravi", "password": PASSWORD, "role": "dispatcher", "area": "Akola"},
        headers=anita,
    )
    client.patch("/api/v1/admin/users/ravi", json={"display_name": "Ravi"}, headers=anita)
    client.post("/api/v1/admin/users/ravi/password", json={"password": "other pw!"}, headers=anita)
    made = client.post("/api/v1/admin/stations", json={"name": "Gate"}, headers=anita).get_json()
    client.post(f"/api/v1/admin/stations/{made['station_id']}/code", headers=anita)
    client.post(f"/api/v1/admin/stations/{made['station_id']}/revoke", headers=anita)
    client.post("/api/v1/admin/areas", json={"name": "Spare"}, headers=anita)
    client.delete("/api/v1/admin/areas/Spare", headers=anita)
    client.put("/api/v1/admin/code-rules", json={"rules": _rules(), "version": -1}, headers=anita)

    page = client.get("/api/v1/audit?actor=user:anita", headers=anita).get_json()
    actions = [e["action"] for e in reversed(page["entries"])]
    assert actions == [
        "area_add",
        "user_add",
        "user_update",
        "user_passwd",
        "station_add",
        "station_new_code",
        "station_revoke",
        "area_add",
        "area_remove",
        "code_rules_set",
    ]
    assert page["total"] == len(actions)
    update_entry = next(e for e in page["entries"] if e["action"] == "user_update")
    assert (update_entry["before"]["display_name"], update_entry["after"]["display_name"]) == (
        "",
        "Ravi",
    )
    assert "other pw!" not in str(page)

    def listed(query: str) -> list[tuple[str, str]]:
        body = client.get(f"/api/v1/audit?{query}", headers=anita).get_json()
        return [(e["action"], e["target"]) for e in body["entries"]]

    assert listed("action=area_add") == [("area_add", "Spare"), ("area_add", "Akola")]
    assert listed("action=station_*&limit=1") == [("station_revoke", made["station_id"])]
    assert listed("actor=user:*&target=ravi") == [
        ("user_passwd", "ravi"),
        ("user_update", "ravi"),
        ("user_add", "ravi"),
    ]
    assert listed("actor=user:anit") == []  # exact unless it ends in *
    assert listed(f"until={started.isoformat().replace('+00:00', 'Z')}&actor=user:*") == []
    since = client.get(
        "/api/v1/audit", query_string={"since": started.isoformat()}, headers=anita
    ).get_json()
    assert since["total"] >= len(actions)
    assert (
        client.get("/api/v1/audit?since=yesterday", headers=anita).status_code == 400
    )  # not a time

    names = client.get("/api/v1/admin/audit/actions", headers=anita).get_json()["actions"]
    assert {"area_add", "code_rules_set", "user_update"} <= set(names)
    assert names == sorted(names)


def test_the_audit_log_takes_an_admin_token_too_but_no_other_session(
    ctx: ServerContext, client: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _user(ctx, "bina", "biller")
    url = ctx.settings.database_url
    assert main(["--database-url", url, "token", "add", "ops", "--admin", "--json"]) == 0
    token = json.loads(capsys.readouterr().out)["token"]
    assert (
        client.get("/api/v1/audit", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    )
    biller = client.get("/api/v1/audit", headers=_login(client, "bina"))
    assert (biller.status_code, _error(biller)) == (403, "admin_required")
