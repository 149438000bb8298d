"""Offline login against the argon2 hashes cached from the server's feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from tracetrack_core.roles import SCAN_ROLES, Role
from tracetrack_desktop.storage.store import LocalStore, UserRecord

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)

_hasher = PasswordHasher()


@dataclass(frozen=True)
class LoginOutcome:
    """``user`` is set on success; otherwise ``reason`` and ``message`` say why not."""

    user: UserRecord | None
    reason: str | None = None
    message: str = ""


def _refuse_inactive(user: UserRecord, now: datetime) -> LoginOutcome | None:
    if user.disabled:
        return LoginOutcome(None, "disabled", f"The account {user.username} is disabled.")
    if user.locked_until is not None and now < user.locked_until:
        until = user.locked_until.astimezone(now.tzinfo).strftime("%H:%M")
        return LoginOutcome(
            None,
            "locked",
            f"Too many wrong passwords: {user.username} is locked until {until}. "
            "Wait, or ask a supervisor.",
        )
    if user.role not in Role.__members__.values():
        return LoginOutcome(None, "unknown_role", f"{user.username} has no station role.")
    return None


def check_password(store: LocalStore, username: str, password: str, now: datetime) -> LoginOutcome:
    """Verify a password offline; count failures and lock after :data:`MAX_FAILURES`."""
    user = store.user(username)
    if user is None or not user.password_hash:
        return LoginOutcome(
            None, "bad_credentials", "Wrong user name or password. Check and try again."
        )
    refused = _refuse_inactive(user, now)
    if refused is not None:
        return refused
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        after = store.note_login_failure(user.username, now, MAX_FAILURES, LOCK_FOR)
        if after is not None and after.locked_until is not None and now < after.locked_until:
            return LoginOutcome(
                None,
                "locked",
                f"{MAX_FAILURES} wrong passwords: {user.username} is locked for "
                f"{int(LOCK_FOR.total_seconds() // 60)} minutes.",
            )
        left = MAX_FAILURES - (after.failed_logins if after else 0)
        return LoginOutcome(
            None,
            "bad_credentials",
            f"Wrong user name or password. {left} tries left before the account locks.",
        )
    store.note_login_success(user.username)
    return LoginOutcome(user)


def check_badge(store: LocalStore, badge: str, now: datetime) -> LoginOutcome:
    """Log in by scanning a badge barcode assigned to a user."""
    user = store.user_by_badge(badge.strip().upper())
    if user is None:
        return LoginOutcome(None, "unknown_badge", "This badge belongs to nobody. Log in by name.")
    refused = _refuse_inactive(user, now)
    if refused is not None:
        return refused
    store.note_login_success(user.username)
    return LoginOutcome(user)


def check_unattended(store: LocalStore, username: str, now: datetime) -> LoginOutcome:
    """Name the operator of a headless station (a fixed-mount scanner on a conveyor).

    No password is asked (nobody stands at the line to type one): the station's token already
    vouches for the machine, and the name only says whose shift the scans belong to. The name
    must be a known, active account with a scanning role in the cached users.
    """
    user = store.user(username)
    if user is None:
        return LoginOutcome(
            None,
            "unknown_user",
            f"{username!r} is not an operator known to this station. Check the name, or let "
            "the station sync once with the server to receive the operator list.",
        )
    refused = _refuse_inactive(user, now)
    if refused is not None:
        return refused
    if user.role not in SCAN_ROLES:
        return LoginOutcome(
            None, "not_allowed", f"{user.username} is a {user.role} and cannot scan bags."
        )
    return LoginOutcome(user)
