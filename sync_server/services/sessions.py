"""Operator sessions: what an operator who logged in with a password acts with on the server.

A session token (``tts_`` + 256 random bits) is shown once, at login; only its SHA-256 is stored
(as for API tokens, a fast hash is as safe as a slow one for a random secret). A session ends 30
minutes after its last use or 8 hours after login, whichever comes first, on logout, and when an
admin disables the operator, changes their role or their password (:func:`end_all_of_user`).
Every check reads the live user row, so a session never outlives what its operator may do.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync_server.db.models import OperatorSession, User

SESSION_PREFIX = "tts_"
IDLE_TIMEOUT = timedelta(minutes=30)
MAX_AGE = timedelta(hours=8)
MAX_TOKEN_LENGTH = 200


def is_session_token(token: str) -> bool:
    """Whether ``token`` is spelled as a session token (API tokens start ``tt_``)."""
    return token.startswith(SESSION_PREFIX)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _moment(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else now.astimezone(UTC)


@dataclass(frozen=True)
class IssuedSession:
    """A new session: the token (shown once) and when it ends at the latest."""

    token: str
    expires_at: datetime


@dataclass(frozen=True)
class Operator:
    """Who a valid session belongs to, as their user row says now."""

    username: str
    role: str
    area: str

    @property
    def actor(self) -> str:
        """The audit log's name for what this operator does."""
        return f"user:{self.username}"


def issue(session: Session, username: str, *, now: datetime | None = None) -> IssuedSession:
    """Open a session for ``username`` (who has just proved their password)."""
    moment = _moment(now)
    token = SESSION_PREFIX + secrets.token_urlsafe(32)
    expires = moment + MAX_AGE
    with session.begin():
        session.add(
            OperatorSession(
                token_hash=_hash(token),
                username=username,
                created_at=moment,
                expires_at=expires,
                last_used_at=moment,
            )
        )
    return IssuedSession(token=token, expires_at=expires)


def check(session: Session, token: str, *, now: datetime | None = None) -> Operator | None:
    """The operator behind a live session, or None (unknown, ended, idle too long, or its
    user is gone or disabled). A live session's ``last_used_at`` moves to ``now``."""
    if not is_session_token(token) or len(token) > MAX_TOKEN_LENGTH:
        return None
    moment = _moment(now)
    with session.begin():
        row = session.execute(
            select(OperatorSession, User.role, User.area, User.disabled)
            .join(User, User.username == OperatorSession.username)
            .where(OperatorSession.token_hash == _hash(token))
        ).first()
        if row is None:
            return None
        held, role, area, disabled = row
        if (
            disabled
            or held.revoked_at is not None
            or moment >= held.expires_at
            or moment - held.last_used_at >= IDLE_TIMEOUT
        ):
            return None
        held.last_used_at = moment
        return Operator(username=held.username, role=role, area=area)


def revoke(session: Session, token: str, *, now: datetime | None = None) -> bool:
    """End one session (logout); False when it was unknown or already ended."""
    moment = _moment(now)
    with session.begin():
        ended = session.execute(
            update(OperatorSession)
            .where(OperatorSession.token_hash == _hash(token), OperatorSession.revoked_at.is_(None))
            .values(revoked_at=moment)
        )
        return bool(ended.rowcount)  # type: ignore[attr-defined]


def end_all_of_user(session: Session, username: str, *, now: datetime | None = None) -> None:
    """End every open session of ``username``, inside the caller's transaction (the change
    that ends them commits, or neither happens)."""
    session.execute(
        update(OperatorSession)
        .where(OperatorSession.username == username, OperatorSession.revoked_at.is_(None))
        .values(revoked_at=_moment(now))
    )
