"""Bearer tokens: long random strings, shown once, stored only as SHA-256 hashes.

A token has 256 bits of entropy, so a fast hash is as safe as a slow one here and keeps
the per-request lookup to one indexed read (passwords, which are guessable, use argon2).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from sync_server.db.models import ApiToken, Station
from sync_server.db.session import ConnectionLostError, read_row_autocommit

SCOPE_STATION = "station"
SCOPE_READ = "read"
SCOPE_ADMIN = "admin"
TOKEN_PREFIX = "tt_"  # noqa: S105 - a visible prefix, not a secret


LAST_USED_RESOLUTION = timedelta(minutes=1)
"""``last_used_at`` is refreshed at most this often (a write per request would cost ingest)."""


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's scope and, for station tokens, the station."""

    token_id: int
    name: str
    scope: str
    station_id: str | None
    station_area: str = ""

    @property
    def can_write_events(self) -> bool:
        return self.scope == SCOPE_STATION and self.station_id is not None

    @property
    def is_admin(self) -> bool:
        return self.scope == SCOPE_ADMIN


_WHO = (
    select(
        ApiToken.id,
        ApiToken.name,
        ApiToken.scope,
        ApiToken.station_id,
        ApiToken.revoked_at,
        ApiToken.last_used_at,
        Station.area,
        Station.revoked_at.label("station_revoked_at"),
    )
    .outerjoin(Station, ApiToken.station_id == Station.id)
    .where(ApiToken.token_hash == bindparam("token_hash"))
)
"""Every request runs this: plain columns (no ORM objects), built once; its rows are
unpacked by position (``_principal``), so the order above is part of it."""


def authenticate(session: Session, token: str) -> Principal | None:
    """The principal behind ``token``, or None if it is unknown or revoked.

    Every request reads its token (a revoked token is refused at once). On PostgreSQL that
    read runs outside a transaction, through the driver: the rare ``last_used_at`` write
    (and a retry on a connection found dead) goes through a transaction of its own.
    """
    if not token or len(token) > 200:
        return None
    params = {"token_hash": hash_token(token)}
    if session.get_bind().dialect.name == "postgresql":
        try:
            row = read_row_autocommit(session, _WHO, params)
        except ConnectionLostError:
            pass  # dropped: SQLAlchemy's own path below sees to the rest of the pool
        else:
            principal, stale = _principal(row)
            if not stale:
                return principal
    with session.begin():
        # on the connection: a plain read needs none of the ORM's statement handling
        row = session.connection().execute(_WHO, params).first()
        principal, stale = _principal(row)
        if principal is not None and stale:
            # at most one write a minute per token: the admin sees which tokens are alive
            session.execute(
                update(ApiToken)
                .where(ApiToken.id == principal.token_id)
                .values(last_used_at=datetime.now(UTC))
            )
        return principal


def _principal(row: Any) -> tuple[Principal | None, bool]:
    """The principal a token row names (None: unknown or revoked), and whether its
    ``last_used_at`` is due a refresh."""
    if row is None:
        return None, False
    token_id, name, scope, station_id, revoked_at, used, area, station_revoked_at = row
    if revoked_at is not None or station_revoked_at is not None:
        return None, False
    stale = used is None or datetime.now(UTC) - used >= LAST_USED_RESOLUTION
    principal = Principal(token_id, name, scope, station_id, area or "")
    return principal, stale


def issue_token(session: Session, name: str, scope: str, station_id: str | None = None) -> str:
    """Create a token inside the caller's transaction and return it (the only time it is seen)."""
    token = new_token()
    session.add(
        ApiToken(name=name, token_hash=hash_token(token), scope=scope, station_id=station_id)
    )
    return token


def revoke_tokens_of_station(session: Session, station_id: str) -> None:
    session.execute(
        update(ApiToken)
        .where(ApiToken.station_id == station_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
