"""Operator accounts: account guards, lockout, versions for the changes feed, HTTP login."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from sync_server.api.extension import ServerContext
from sync_server.cli import main
from sync_server.db.models import AuditLog, User
from sync_server.db.versions import horizon
from sync_server.services import users
from tests.procs import wait_for

PASSWORD = "correct horse"


def _cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def ctx(app) -> ServerContext:  # type: ignore[no-untyped-def]
    context: ServerContext = app.extensions["tracetrack"]
    return context


def _add(ctx: ServerContext, username: str, role: str, area: str = "") -> users.UserInfo:
    with ctx.sessions() as session:
        return users.add_user(
            session, username=username, password=PASSWORD, role=role, actor="test", area=area
        )


def test_cli_user_lifecycle_bumps_versions_and_audits_without_secrets(
    ctx: ServerContext, pg_db: str, capsys, monkeypatch
) -> None:
    db = ("--database-url", pg_db)
    code, out, err = _cli(
        capsys,
        monkeypatch,
        *db,
        "user",
        "add",
        "Anita",
        "--role",
        "admin",
        "--password-stdin",
        "--json",
        stdin=PASSWORD + "\n",
    )
    assert code == 0, err
    anita = json.loads(out)
    assert anita["username"] == "anita"
    assert "password_hash" not in anita
    code, out, err = _cli(
        capsys,
        monkeypatch,
        *db,
        "user",
        "add",
        "ravi",
        "--role",
        "dispatcher",
        "--area",
        "Lucknow",
        "--badge",
        "op-17",
        "--display-name",
        "Ravi K",
        "--password-stdin",
        "--json",
        stdin=PASSWORD + "\n",
    )
    assert code == 0, err
    ravi = json.loads(out)
    assert ravi["version"] > anita["version"]

    code, out, err = _cli(
        capsys, monkeypatch, *db, "user", "set-role", "ravi", "biller", "--by", "anita", "--json"
    )
    assert code == 0, err
    changed = json.loads(out)
    assert changed["role"] == "biller"
    assert changed["version"] > ravi["version"]
    for action in ("disable", "enable"):
        code, out, err = _cli(capsys, monkeypatch, *db, "user", action, "ravi", "--json")
        assert code == 0, err
        assert json.loads(out)["disabled"] is (action == "disable")
    code, out, err = _cli(
        capsys,
        monkeypatch,
        *db,
        "user",
        "passwd",
        "ravi",
        "--password-stdin",
        "--json",
        stdin="another secret\n",
    )
    assert code == 0, err
    with ctx.sessions() as session:
        assert users.verify_login(session, "ravi", "another secret").status == "ok"

    code, out, err = _cli(capsys, monkeypatch, *db, "user", "list", "--json")
    assert code == 0, err
    listed = {u["username"]: u for u in json.loads(out)["users"]}
    assert listed["ravi"]["badge"] == "OP-17"
    assert all("password_hash" not in u for u in listed.values())

    with ctx.sessions() as session:
        row = session.get(User, "ravi")
        assert row is not None
        assert row.version > changed["version"]  # the password change reaches the feed
        assert row.version == max(session.scalars(select(User.version)))
        entries = session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    # committed, so a pull reads it: the feed's horizon passes it (it may lag a moment while
    # another test's transaction runs in the cluster, never stop short of it for good)

    def pullable() -> bool:
        with ctx.sessions() as session:
            return row.version <= horizon(session)

    wait_for(pullable, "the feed's horizon to reach the change", timeout=60, every=0.05)
    actions = [e.action for e in entries if e.target == "ravi"]
    assert actions == ["user_add", "user_set_role", "user_disable", "user_enable", "user_passwd"]
    assert all(e.actor.startswith("cli:") for e in entries)
    set_role = entries[[e.action for e in entries].index("user_set_role")]
    assert set_role.before is not None
    assert set_role.after is not None
    assert (set_role.before["role"], set_role.after["role"]) == ("dispatcher", "biller")
    dumped = json.dumps([[e.before, e.after] for e in entries])
    assert "argon2" not in dumped
    assert PASSWORD not in dumped


def test_short_password_and_duplicate_user_are_refused(pg_db: str, capsys, monkeypatch) -> None:
    db = ("--database-url", pg_db)
    code, out, err = _cli(
        capsys,
        monkeypatch,
        *db,
        "user",
        "add",
        "x",
        "--role",
        "biller",
        "--password-stdin",
        stdin="short\n",
    )
    assert code == 1
    assert out == ""
    assert "at least 8" in err
    args = (*db, "user", "add", "x", "--role", "biller", "--password-stdin")
    assert _cli(capsys, monkeypatch, *args, stdin=PASSWORD)[0] == 0
    code, _out, err = _cli(capsys, monkeypatch, *args, stdin=PASSWORD)
    assert code == 1
    assert "already exists" in err
    code, _out, err = _cli(capsys, monkeypatch, *db, "user", "add", "y", "--role", "boss")
    assert code == 2
    assert "invalid choice" in err


def test_nobody_changes_their_own_role(ctx: ServerContext) -> None:
    _add(ctx, "anita", "admin")
    _add(ctx, "sunil", "admin")
    with ctx.sessions() as session, pytest.raises(users.OwnRoleError):
        users.set_role(session, "anita", "biller", by="anita", actor="test")
    with ctx.sessions() as session:
        users.set_role(session, "anita", "supervisor", by="sunil", actor="test")
    # A non-admin cannot hand out roles either.
    with ctx.sessions() as session, pytest.raises(users.ForbiddenError):
        users.set_role(session, "sunil", "biller", by="anita", actor="test")


def test_the_last_enabled_admin_cannot_be_disabled_or_demoted(
    ctx: ServerContext, pg_db: str, capsys, monkeypatch
) -> None:
    _add(ctx, "anita", "admin")
    code, out, err = _cli(capsys, monkeypatch, "--database-url", pg_db, "user", "disable", "anita")
    assert code == 1
    assert out == ""
    assert "last enabled admin" in err

    # With a disabled second admin, the enabled one is still the last.
    _add(ctx, "sunil", "admin")
    with ctx.sessions() as session:
        users.set_disabled(session, "sunil", True, actor="test")
    with ctx.sessions() as session, pytest.raises(users.LastAdminError):
        users.set_disabled(session, "anita", True, actor="test")
    # The guard itself, as a concurrent demotion would meet it after the row locks.
    with ctx.sessions() as session, session.begin():
        row = session.get(User, "anita")
        assert row is not None
        with pytest.raises(users.LastAdminError):
            users._ensure_not_last_admin(session, row, "demoted")
    with ctx.sessions() as session:
        users.set_disabled(session, "sunil", False, actor="test")
        assert users.set_disabled(session, "anita", True, actor="test").disabled


def test_five_failures_lock_for_fifteen_minutes_then_unlock(ctx: ServerContext) -> None:
    _add(ctx, "ravi", "dispatcher", area="Lucknow")
    t0 = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    remaining = []
    with ctx.sessions() as session:
        for i in range(4):
            result = users.verify_login(session, "ravi", "wrong", t0 + timedelta(seconds=i))
            assert isinstance(result, users.LoginBadPassword)
            remaining.append(result.remaining_attempts)
        assert remaining == [4, 3, 2, 1]
        fifth = users.verify_login(session, "ravi", "wrong", t0 + timedelta(seconds=5))
        assert isinstance(fifth, users.LoginLocked)
        assert fifth.until == t0 + timedelta(seconds=5) + users.LOCKOUT
        # Even the right password is refused while locked.
        during = users.verify_login(session, "RAVI", PASSWORD, t0 + timedelta(minutes=10))
        assert isinstance(during, users.LoginLocked)
        after = users.verify_login(session, "ravi", PASSWORD, t0 + timedelta(minutes=16))
        assert isinstance(after, users.LoginOk)
        assert after.user.role == "dispatcher"
        # The counter was reset: one more failure leaves four attempts.
        again = users.verify_login(session, "ravi", "wrong", t0 + timedelta(minutes=17))
        assert again == users.LoginBadPassword(remaining_attempts=4)
        assert users.verify_login(session, "nobody", PASSWORD, t0) == users.LoginUnknown()
        users.set_disabled(session, "ravi", True, actor="test")
        assert users.verify_login(session, "ravi", PASSWORD, t0) == users.LoginDisabled()
        refused = session.scalars(select(AuditLog).where(AuditLog.action == "login_refused")).all()
    assert len(refused) == 4 + 1 + 1 + 1 + 1 + 1


def test_login_endpoint_answers_200_401_423(ctx: ServerContext, client) -> None:
    _add(ctx, "ravi", "dispatcher", area="Lucknow")
    ok = client.post("/api/v1/auth/login", json={"username": "ravi", "password": PASSWORD})
    assert ok.status_code == 200
    body = dict(ok.json)
    assert body.pop("session_token").startswith("tts_")
    assert body.pop("expires_at")
    assert body == {"username": "ravi", "role": "dispatcher", "area": "Lucknow"}
    unknown = client.post("/api/v1/auth/login", json={"username": "zz", "password": PASSWORD})
    assert unknown.status_code == 401
    assert unknown.json["error"]["code"] == "invalid_credentials"
    for _ in range(users.MAX_FAILED_LOGINS - 1):
        wrong = client.post("/api/v1/auth/login", json={"username": "ravi", "password": "nope"})
        assert wrong.status_code == 401
        assert wrong.json["error"] == unknown.json["error"]
    locked = client.post("/api/v1/auth/login", json={"username": "ravi", "password": "nope"})
    assert locked.status_code == 423
    assert locked.json["error"]["code"] == "account_locked"
    assert 0 < int(locked.headers["Retry-After"]) <= users.LOCKOUT.total_seconds() + 1
    still = client.post("/api/v1/auth/login", json={"username": "ravi", "password": PASSWORD})
    assert still.status_code == 423


def test_login_is_throttled_per_address(ctx: ServerContext, client) -> None:
    now = datetime.now(UTC)
    with ctx.sessions() as session, session.begin():
        # Earlier refusals from this address, as other worker processes recorded them.
        session.add_all(
            AuditLog(
                at=now - timedelta(seconds=i),
                actor="ip:127.0.0.1",
                action="login_refused",
                target="guess",
                outcome="refused",
            )
            for i in range(users.LOGIN_REFUSALS_PER_ADDRESS)
        )
    throttled = client.post("/api/v1/auth/login", json={"username": "x", "password": "y"})
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    other = app_client_from(client, "10.1.1.1")
    assert (
        other.post("/api/v1/auth/login", json={"username": "x", "password": "y"}).status_code == 401
    )


def app_client_from(client, address: str):  # type: ignore[no-untyped-def]
    other = client.application.test_client()
    other.environ_base["REMOTE_ADDR"] = address
    return other
