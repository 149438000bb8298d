"""Operator accounts: add, list, enable/disable, roles, passwords, and login with lockout.

Account guards (docs/domain.md): nobody changes their own role; the last enabled admin cannot be
demoted or disabled; 5 failed logins lock an account for 15 minutes. Every change an admin
makes stamps ``User.version`` with its transaction's feed version (``db/versions.py``),
so stations receive it through the changes feed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db.models import User
from sync_server.db.versions import next_version
from sync_server.services import areas, audit, sessions
from sync_server.services.errors import (
    ConflictError,
    ForbiddenError,
    NotFoundError,
    ServiceError,
)
from sync_server.services.passwords import PasswordPolicyError, hash_password, verify_password
from tracetrack_core.codes import normalise
from tracetrack_core.roles import Role, user_key

ROLE_ADMIN = Role.ADMIN.value
ROLES = tuple(role.value for role in Role)
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
LOGIN_REFUSALS_PER_ADDRESS = 30
LOGIN_THROTTLE_WINDOW = timedelta(minutes=10)
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")


class InvalidUserInputError(ServiceError):
    code = "invalid_input"


class WeakPasswordError(InvalidUserInputError):
    code = "weak_password"


class UserExistsError(ConflictError):
    code = "user_exists"


class BadgeTakenError(ConflictError):
    code = "badge_taken"


class UserNotFoundError(NotFoundError):
    code = "user_not_found"


class OwnAccountError(ConflictError):
    """Nobody changes their own role or disables their own account."""

    code = "own_account"


OwnRoleError = OwnAccountError


class LastAdminError(ConflictError):
    code = "last_admin"


def _utc(moment: datetime | None) -> datetime | None:
    """In UTC (stored times are aware on every database: ``models.UtcDateTime``)."""
    return None if moment is None else moment.astimezone(UTC)


def normalise_username(username: str) -> str:
    """Usernames are compared as :func:`tracetrack_core.roles.user_key` spells them (case,
    width and surrounding spaces do not matter)."""
    return user_key(username)


def _valid_username(username: str) -> str:
    name = normalise_username(username)
    if not _USERNAME.match(name):
        raise InvalidUserInputError(
            "A username is 1-64 characters: letters, digits, '.', '_', '-' or '@', "
            "starting with a letter or digit."
        )
    return name


_CONFUSED = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", ".": None, "_": None, "-": None})


def _skeleton(name: str) -> str:
    """What a name looks like on a screen or a printed report: digits and letters that pass
    for each other folded together, separators dropped (``adm1n`` and ``admin`` are one)."""
    return name.replace("rn", "m").replace("vv", "w").translate(_CONFUSED)


def _refuse_look_alike(session: Session, name: str) -> None:
    """A new account may not pass for an existing one (per-operator figures name it)."""
    skeleton = _skeleton(name)
    for existing in session.scalars(select(User.username)):
        if _skeleton(existing) == skeleton:
            raise UserExistsError(
                f"{name!r} looks too much like the user {existing!r}; choose another name."
            )


def _password_hash(password: str) -> str:
    """The argon2 hash (slow on purpose: callers compute it outside their transaction)."""
    try:
        return hash_password(password)
    except PasswordPolicyError as exc:
        raise WeakPasswordError(str(exc)) from exc


def _badge_code(badge: str | None) -> str | None:
    return normalise(badge) or None if badge else None


def _refuse_taken_badge(session: Session, badge: str | None, owner: str) -> None:
    if not badge:
        return
    holder = session.scalars(select(User.username).where(User.badge == badge)).first()
    if holder is not None and holder != owner:
        raise BadgeTakenError(f"The badge {badge!r} already belongs to the user {holder!r}.")


def _valid_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidUserInputError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    return role


@dataclass(frozen=True)
class UserInfo:
    """A user as admins see it: never the password hash."""

    username: str
    display_name: str
    role: str
    area: str
    badge: str | None
    disabled: bool
    failed_logins: int
    locked_until: datetime | None
    version: int

    @classmethod
    def of(cls, user: User) -> UserInfo:
        return cls(
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            area=user.area,
            badge=user.badge,
            disabled=user.disabled,
            failed_logins=user.failed_logins,
            locked_until=_utc(user.locked_until),
            version=user.version,
        )

    def snapshot(self) -> dict[str, Any]:
        """What the audit log keeps (the account's settings, not its login counters)."""
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "area": self.area,
            "badge": self.badge,
            "disabled": self.disabled,
        }

    def as_json(self) -> dict[str, Any]:
        return {
            **self.snapshot(),
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
            "version": self.version,
        }


def _get_for_update(session: Session, username: str) -> User:
    user = session.scalars(
        select(User).where(User.username == normalise_username(username)).with_for_update()
    ).first()
    if user is None:
        raise UserNotFoundError(f"There is no user {normalise_username(username)!r}.")
    return user


def _enabled_admins(session: Session) -> list[User]:
    # FOR UPDATE on every enabled admin: two admins demoting each other at once run one
    # after the other, and the second sees that it would leave nobody.
    return list(
        session.scalars(
            select(User)
            .where(User.role == ROLE_ADMIN, User.disabled.is_(False))
            .order_by(User.username)
            .with_for_update()
        ).all()
    )


def _ensure_not_last_admin(session: Session, user: User, doing: str) -> None:
    if user.role != ROLE_ADMIN or user.disabled:
        return
    others = [u for u in _enabled_admins(session) if u.username != user.username]
    if not others:
        raise LastAdminError(
            f"{user.username!r} is the last enabled admin and cannot be {doing}; "
            "make another user admin first."
        )


def add_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    actor: str,
    area: str = "",
    badge: str | None = None,
    display_name: str = "",
    create_area: bool = True,
) -> UserInfo:
    """Create an account. An unknown ``area`` is added when ``create_area``, else refused.

    Raises UserExistsError, BadgeTakenError, WeakPasswordError, InvalidUserInputError,
    areas.UnknownAreaError."""
    name = _valid_username(username)
    _valid_role(role)
    badge_code = _badge_code(badge)
    password_hash = _password_hash(password)
    with session.begin():
        if session.get(User, name) is not None:
            raise UserExistsError(f"The user {name!r} already exists.")
        _refuse_look_alike(session, name)
        _refuse_taken_badge(session, badge_code, name)
        user = User(
            username=name,
            display_name=display_name.strip()[:100],
            password_hash=password_hash,
            role=role,
            area=areas.resolve(session, area, create=create_area, actor=actor),
            badge=badge_code,
            disabled=False,
            failed_logins=0,
        )
        session.add(user)
        user.version = next_version(session)
        session.flush()
        info = UserInfo.of(user)
        audit.record(session, actor=actor, action="user_add", target=name, after=info.snapshot())
    return info


def list_users(session: Session) -> list[UserInfo]:
    with session.begin():
        return [UserInfo.of(u) for u in session.scalars(select(User).order_by(User.username))]


def set_disabled(session: Session, username: str, disabled: bool, *, actor: str) -> UserInfo:
    """Disable or enable an account. Enabling also clears a lockout."""
    with session.begin():
        user = _get_for_update(session, username)
        before = UserInfo.of(user).snapshot()
        if disabled:
            _ensure_not_last_admin(session, user, "disabled")
        else:
            user.failed_logins = 0
            user.locked_until = None
        if disabled != user.disabled:
            user.disabled_at = datetime.now(UTC) if disabled else None
        if disabled:
            sessions.end_all_of_user(session, user.username)
        user.disabled = disabled
        user.version = next_version(session)
        info = UserInfo.of(user)
        audit.record(
            session,
            actor=actor,
            action="user_disable" if disabled else "user_enable",
            target=user.username,
            before=before,
            after=info.snapshot(),
        )
    return info


def set_role(session: Session, username: str, role: str, *, by: str, actor: str) -> UserInfo:
    """Change a role on behalf of admin ``by``. Nobody changes their own role."""
    _valid_role(role)
    target_name = normalise_username(username)
    by_name = normalise_username(by)
    if target_name == by_name:
        raise OwnRoleError("Nobody can change their own role; ask another admin.")
    with session.begin():
        admin = session.get(User, by_name)
        if admin is None or admin.role != ROLE_ADMIN or admin.disabled:
            raise ForbiddenError(f"{by_name!r} is not an enabled admin, so cannot change roles.")
        user = _get_for_update(session, target_name)
        before = UserInfo.of(user).snapshot()
        if role != ROLE_ADMIN:
            _ensure_not_last_admin(session, user, "demoted")
        if role != user.role:
            sessions.end_all_of_user(session, user.username)
        user.role = role
        user.version = next_version(session)
        info = UserInfo.of(user)
        audit.record(
            session,
            actor=f"{actor} as {by_name}",
            action="user_set_role",
            target=user.username,
            before=before,
            after=info.snapshot(),
        )
    return info


def set_password(session: Session, username: str, password: str, *, actor: str) -> UserInfo:
    """Replace the password; also clears failed logins and any lockout, and ends the
    user's sessions (whoever knew the old password is logged out)."""
    password_hash = _password_hash(password)
    with session.begin():
        user = _get_for_update(session, username)
        sessions.end_all_of_user(session, user.username)
        user.password_hash = password_hash
        user.failed_logins = 0
        user.locked_until = None
        user.version = next_version(session)
        info = UserInfo.of(user)
        audit.record(
            session,
            actor=actor,
            action="user_passwd",
            target=user.username,
            after={"password": "changed"},
        )
    return info


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""An :func:`update_user` field left as it is."""


def update_user(
    session: Session,
    username: str,
    *,
    actor: str,
    by: str | None = None,
    display_name: str | _Keep = KEEP,
    role: str | _Keep = KEEP,
    area: str | _Keep = KEEP,
    badge: str | _Keep | None = KEEP,
    disabled: bool | _Keep = KEEP,
    create_area: bool = False,
) -> UserInfo:
    """Change any of an account's settings in one audited step (``user_update``).

    ``by`` is the operator making the change, if one is (the admin API): they may not change
    their own role or disable themself. The last enabled admin is neither demoted nor
    disabled. ``badge`` None clears it. A new role or a disabled account ends its sessions.

    Raises UserNotFoundError, OwnAccountError, LastAdminError, BadgeTakenError,
    InvalidUserInputError, areas.UnknownAreaError.
    """
    target = normalise_username(username)
    own = by is not None and normalise_username(by) == target
    if role is not KEEP:
        _valid_role(role)
    with session.begin():
        user = _get_for_update(session, target)
        before = UserInfo.of(user).snapshot()
        if role is not KEEP and role != user.role:
            if own:
                raise OwnAccountError("Nobody can change their own role; ask another admin.")
            if role != ROLE_ADMIN:
                _ensure_not_last_admin(session, user, "demoted")
        if disabled is True and not user.disabled:
            if own:
                raise OwnAccountError("Nobody can disable their own account; ask another admin.")
            _ensure_not_last_admin(session, user, "disabled")
        if display_name is not KEEP:
            user.display_name = display_name.strip()[:100]
        if area is not KEEP:
            user.area = areas.resolve(session, area, create=create_area, actor=actor)
        if badge is not KEEP:
            badge_code = _badge_code(badge)
            _refuse_taken_badge(session, badge_code, user.username)  # before the autoflush
            user.badge = badge_code
        if (role is not KEEP and role != user.role) or (disabled is True and not user.disabled):
            sessions.end_all_of_user(session, user.username)
        if role is not KEEP:
            user.role = role
        if disabled is not KEEP and disabled != user.disabled:
            user.disabled_at = datetime.now(UTC) if disabled else None
            if not disabled:
                user.failed_logins = 0
                user.locked_until = None
            user.disabled = disabled
        user.version = next_version(session)
        info = UserInfo.of(user)
        audit.record(
            session,
            actor=actor,
            action="user_update",
            target=user.username,
            before=before,
            after=info.snapshot(),
        )
    return info


@dataclass(frozen=True)
class LoginOk:
    user: UserInfo
    status: Literal["ok"] = "ok"


@dataclass(frozen=True)
class LoginBadPassword:
    remaining_attempts: int
    status: Literal["bad_password"] = "bad_password"


@dataclass(frozen=True)
class LoginLocked:
    until: datetime
    status: Literal["locked"] = "locked"


@dataclass(frozen=True)
class LoginDisabled:
    status: Literal["disabled"] = "disabled"


@dataclass(frozen=True)
class LoginUnknown:
    status: Literal["unknown"] = "unknown"


LoginResult = LoginOk | LoginBadPassword | LoginLocked | LoginDisabled | LoginUnknown


def verify_login(
    session: Session,
    username: str,
    password: str,
    now: datetime | None = None,
    *,
    actor: str = "login",
    reserved_row: int | None = None,
) -> LoginResult:
    """Check a password and keep the lockout counters.

    Exactly one argon2 verification runs whatever the outcome (a dummy hash for unknown
    users), so timing says little about which usernames exist. A locked account answers
    ``locked`` without telling whether the password was right. A disabled account is
    reported only to someone who knows its password. Refusals are audited (into
    ``reserved_row`` when the caller reserved one, which a success drops). Login counters
    are server bookkeeping outside the synced snapshot, so they do not bump ``version``.
    The account's row is locked (FOR UPDATE) while its counters are read and written, so
    parallel wrong passwords lock it after exactly MAX_FAILED_LOGINS.
    """
    moment = _utc(now) or datetime.now(UTC)
    name = normalise_username(username)
    with session.begin():
        user = session.scalars(select(User).where(User.username == name).with_for_update()).first()
        password_ok = verify_password(user.password_hash if user else None, password)
        result: LoginResult
        locked_until = _utc(user.locked_until) if user else None
        if user is None:
            result = LoginUnknown()
        elif locked_until is not None and locked_until > moment:
            result = LoginLocked(until=locked_until)
        elif password_ok and user.disabled:
            result = LoginDisabled()
        elif password_ok:
            if user.failed_logins or user.locked_until is not None:
                user.failed_logins = 0
                user.locked_until = None
            result = LoginOk(user=UserInfo.of(user))
        else:
            failures = (0 if locked_until is not None else user.failed_logins) + 1
            if failures >= MAX_FAILED_LOGINS:
                user.failed_logins = 0
                user.locked_until = moment + LOCKOUT
                result = LoginLocked(until=moment + LOCKOUT)
            else:
                user.failed_logins = failures
                user.locked_until = None
                result = LoginBadPassword(remaining_attempts=MAX_FAILED_LOGINS - failures)
        if isinstance(result, LoginOk):
            if reserved_row is not None:
                audit.release_attempt(session, reserved_row)
        else:
            after: dict[str, Any] = {"reason": result.status}
            if isinstance(result, LoginLocked):
                after["locked_until"] = result.until.isoformat()
            if reserved_row is not None:
                audit.settle_attempt(session, reserved_row, target=name, after=after)
            else:
                audit.record(
                    session,
                    actor=actor,
                    action="login_refused",
                    target=name,
                    outcome=audit.OUTCOME_REFUSED,
                    after=after,
                    at=moment,
                )
    return result


def login_from_address(
    session: Session, username: str, password: str, *, address: str | None, now: datetime | None
) -> LoginResult:
    """:func:`verify_login` for a network client, throttled per address across processes.

    Raises:
        ThrottledError: too many refused logins from ``address`` recently.
    """
    moment = _utc(now) or datetime.now(UTC)
    actor = audit.address_actor(address)
    with session.begin():
        # The refusal row is written before the password is checked: parallel guesses from
        # one address see each other's and cannot all slip under the limit.
        reservation = audit.reserve_attempt(
            session,
            action="login_refused",
            actor=actor,
            target=normalise_username(username),
            limit=LOGIN_REFUSALS_PER_ADDRESS,
            window=LOGIN_THROTTLE_WINDOW,
            now=moment,
            throttled_action="login_throttled",
        )
    reserved_row = reservation.row_or_throttle("Too many failed logins from this address")
    return verify_login(session, username, password, moment, actor=actor, reserved_row=reserved_row)
