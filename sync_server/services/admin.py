"""Stations, enrollment and API tokens: what an admin does, and what a new station does once.

An enrollment code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
shown as ``XXXX-XXXX``. It is single-use, expires, and only its SHA-256 is stored: with
about 40 bits, a short lifetime and refused attempts throttled per address, a fast hash
keeps the lookup one indexed read while the code itself never sits in the database.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync_server.db.models import ApiToken, Station
from sync_server.services import areas, audit
from sync_server.services.errors import (
    AuthError,
    ConflictError,
    NotFoundError,
    ServiceError,
)
from sync_server.services.tokens import (
    SCOPE_ADMIN,
    SCOPE_READ,
    SCOPE_STATION,
    issue_token,
    revoke_tokens_of_station,
)

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
ENROLL_REFUSALS_PER_ADDRESS = 10
ENROLL_THROTTLE_WINDOW = timedelta(minutes=10)
ENROLL_REFUSED = "enroll_refused"


class InvalidAdminInputError(ServiceError):
    code = "invalid_input"


class StationNotFoundError(NotFoundError):
    code = "station_not_found"


class StationExistsError(ConflictError):
    code = "station_exists"


class TokenExistsError(ConflictError):
    code = "token_exists"


class TokenNotFoundError(NotFoundError):
    code = "token_not_found"


class EnrollmentRefusedError(AuthError):
    code = "invalid_enrollment_code"


def _utc(moment: datetime | None) -> datetime | None:
    """In UTC (stored times are aware on every database: ``models.UtcDateTime``)."""
    return None if moment is None else moment.astimezone(UTC)


def _iso(moment: datetime | None) -> str | None:
    aware = _utc(moment)
    return aware.isoformat() if aware else None


# --- enrollment codes -------------------------------------------------------------------


def new_enrollment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_enrollment_code(code: str) -> str:
    """Upper case, without dashes or spaces: ``abcd-efgh`` and ``ABCDEFGH`` are the same code."""
    return "".join(ch for ch in code.upper() if ch not in "- \t")


def hash_enrollment_code(code: str) -> str:
    digest = hashlib.sha256(b"tracetrack-enroll:" + normalise_enrollment_code(code).encode())
    return digest.hexdigest()


# --- stations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StationInfo:
    """A station as the admin sees it (never its code hash or tokens)."""

    id: str
    name: str
    area: str
    hostname: str
    status: str  # awaiting_enrollment | code_expired | enrolled | revoked | new
    enrolled_at: datetime | None
    revoked_at: datetime | None
    enrollment_expires_at: datetime | None
    last_seen_at: datetime | None
    pending: int | None = None
    """The station's outbox count as it last reported it (None: never reported)."""
    last_seq: int = 0

    @classmethod
    def of(cls, station: Station, now: datetime) -> StationInfo:
        expires = _utc(station.enrollment_expires_at)
        if station.revoked_at is not None:
            status = "revoked"
        elif station.enrollment_code_hash is not None and expires is not None:
            status = "awaiting_enrollment" if expires > now else "code_expired"
        elif station.enrolled_at is not None:
            status = "enrolled"
        else:
            status = "new"
        return cls(
            id=station.id,
            name=station.name,
            area=station.area,
            hostname=station.hostname,
            status=status,
            enrolled_at=_utc(station.enrolled_at),
            revoked_at=_utc(station.revoked_at),
            enrollment_expires_at=expires,
            last_seen_at=_utc(station.last_seen_at),
            pending=station.reported_pending,
            last_seq=station.last_seq or 0,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "station_id": self.id,
            "name": self.name,
            "area": self.area,
            "hostname": self.hostname,
            "status": self.status,
            "enrolled_at": _iso(self.enrolled_at),
            "revoked_at": _iso(self.revoked_at),
            "enrollment_expires_at": _iso(self.enrollment_expires_at),
            "last_seen_at": _iso(self.last_seen_at),
            "pending": self.pending,
            "last_seq": self.last_seq,
        }

    def snapshot(self) -> dict[str, Any]:
        """What the audit log keeps: the station's settings and state, not its traffic."""
        data = self.as_json()
        for traffic in ("last_seen_at", "pending", "last_seq"):
            data.pop(traffic)
        return data


@dataclass(frozen=True)
class IssuedCode:
    """A station and its fresh enrollment code (shown once)."""

    station: StationInfo
    enrollment_code: str
    expires_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "station_id": self.station.id,
            "name": self.station.name,
            "enrollment_code": self.enrollment_code,
            "expires_at": self.expires_at.isoformat(),
        }


def _moment(now: datetime | None) -> datetime:
    return _utc(now) or datetime.now(UTC)


def _find_station(session: Session, name_or_id: str) -> Station:
    key = name_or_id.strip()
    rows = session.scalars(
        select(Station)
        .where(or_(Station.id == key, func.lower(Station.name) == key.lower()))
        .with_for_update()
    ).all()
    if not rows:
        raise StationNotFoundError(f"There is no station named or numbered {key!r}.")
    by_id = [s for s in rows if s.id == key]
    return by_id[0] if by_id else rows[0]


def _set_code(station: Station, ttl_minutes: int, now: datetime) -> tuple[str, datetime]:
    code = new_enrollment_code()
    expires = now + timedelta(minutes=ttl_minutes)
    station.enrollment_code_hash = hash_enrollment_code(code)
    station.enrollment_expires_at = expires
    return code, expires


def add_station(
    session: Session,
    name: str,
    *,
    area: str = "",
    actor: str,
    ttl_minutes: int,
    now: datetime | None = None,
    create_area: bool = True,
) -> IssuedCode:
    """Register a station and give it an enrollment code. An unknown ``area`` is added when
    ``create_area``, else refused (areas.UnknownAreaError)."""
    moment = _moment(now)
    clean = name.strip()
    if not clean or len(clean) > 100:
        raise InvalidAdminInputError("A station name is 1-100 characters.")
    with session.begin():
        taken = session.scalars(
            select(Station.id).where(func.lower(Station.name) == clean.lower())
        ).first()
        if taken:
            raise StationExistsError(
                f"A station named {clean!r} exists already ({taken}); pick another name, "
                "or use `station new-code` to re-enroll it."
            )
        station = Station(
            id="st_" + uuid.uuid4().hex[:12],
            name=clean,
            area=areas.resolve(session, area, create=create_area, actor=actor),
            hostname="",
            last_seq=0,
            seq_gaps=0,
            events_received=0,
        )
        session.add(station)
        code, expires = _set_code(station, ttl_minutes, moment)
        session.flush()
        info = StationInfo.of(station, moment)
        audit.record(
            session,
            actor=actor,
            action="station_add",
            target=station.id,
            after=info.snapshot(),
            at=moment,
        )
    return IssuedCode(station=info, enrollment_code=code, expires_at=expires)


def list_stations(session: Session, now: datetime | None = None) -> list[StationInfo]:
    moment = _moment(now)
    with session.begin():
        return [
            StationInfo.of(s, moment)
            for s in session.scalars(select(Station).order_by(Station.name))
        ]


def revoke_station(
    session: Session, name_or_id: str, *, actor: str, now: datetime | None = None
) -> StationInfo:
    """Revoke a station: its tokens stop working on the next request; its code is void."""
    moment = _moment(now)
    with session.begin():
        station = _find_station(session, name_or_id)
        before = StationInfo.of(station, moment).snapshot()
        if station.revoked_at is None:
            station.revoked_at = moment
        station.enrollment_code_hash = None
        station.enrollment_expires_at = None
        revoke_tokens_of_station(session, station.id)
        info = StationInfo.of(station, moment)
        audit.record(
            session,
            actor=actor,
            action="station_revoke",
            target=station.id,
            before=before,
            after=info.snapshot(),
            at=moment,
        )
    return info


def new_station_code(
    session: Session,
    name_or_id: str,
    *,
    actor: str,
    ttl_minutes: int,
    now: datetime | None = None,
) -> IssuedCode:
    """A fresh enrollment code (a replaced PC, a lost code). Old tokens are revoked at once;
    a revoked station becomes enrollable again."""
    moment = _moment(now)
    with session.begin():
        station = _find_station(session, name_or_id)
        before = StationInfo.of(station, moment).snapshot()
        revoke_tokens_of_station(session, station.id)
        station.revoked_at = None
        code, expires = _set_code(station, ttl_minutes, moment)
        info = StationInfo.of(station, moment)
        audit.record(
            session,
            actor=actor,
            action="station_new_code",
            target=station.id,
            before=before,
            after=info.snapshot(),
            at=moment,
        )
    return IssuedCode(station=info, enrollment_code=code, expires_at=expires)


@dataclass(frozen=True)
class Enrollment:
    station_id: str
    token: str


_ENROLL_HELP = (
    "This enrollment code is wrong, already used or expired. Ask the admin for a new code "
    "(`tracetrack-server station new-code NAME`)."
)


def enroll_station(
    session: Session,
    enrollment_code: str,
    hostname: str,
    *,
    address: str | None,
    now: datetime | None = None,
) -> Enrollment:
    """Trade a valid enrollment code for a station token (shown once).

    Raises:
        ThrottledError: too many refused codes from ``address`` in the window.
        EnrollmentRefusedError: the code is unknown, used or expired (the attempt is audited).
    """
    moment = _moment(now)
    actor = audit.address_actor(address)
    with session.begin():
        # The refusal row is reserved before the code is checked, so parallel guesses cannot
        # all slip under the limit; throttled ones are summarised under another action (one
        # row a minute), so waiting out the window is enough.
        reservation = audit.reserve_attempt(
            session,
            action=ENROLL_REFUSED,
            actor=actor,
            limit=ENROLL_REFUSALS_PER_ADDRESS,
            window=ENROLL_THROTTLE_WINDOW,
            now=moment,
            throttled_action="enroll_throttled",
        )
    reserved_row = reservation.row_or_throttle("Too many wrong enrollment codes from this address")

    refused_reason: str | None = None
    enrollment: Enrollment | None = None
    with session.begin():
        # FOR UPDATE: two uses of one code at once run in turn; the second finds it gone.
        station = session.scalars(
            select(Station)
            .where(Station.enrollment_code_hash == hash_enrollment_code(enrollment_code))
            .with_for_update()
        ).first()
        expires = _utc(station.enrollment_expires_at) if station else None
        if station is None or station.revoked_at is not None:
            refused_reason = "unknown_or_used"
        elif expires is None or expires <= moment:
            refused_reason = "expired"
        if station is None or refused_reason is not None:
            audit.settle_attempt(
                session,
                reserved_row,
                target=station.id if station else "",
                after={"reason": refused_reason, "hostname": hostname[:200]},
            )
        else:
            audit.release_attempt(session, reserved_row)
            before = StationInfo.of(station, moment).snapshot()
            revoke_tokens_of_station(session, station.id)
            station.enrollment_code_hash = None
            station.enrollment_expires_at = None
            station.enrolled_at = moment
            station.hostname = hostname.strip()[:200]
            session.flush()
            token = issue_token(session, station.name, SCOPE_STATION, station.id)
            audit.record(
                session,
                actor=actor,
                action="station_enroll",
                target=station.id,
                before=before,
                after=StationInfo.of(station, moment).snapshot(),
                at=moment,
            )
            enrollment = Enrollment(station_id=station.id, token=token)
    if enrollment is None:
        raise EnrollmentRefusedError(_ENROLL_HELP)
    return enrollment


# --- API tokens ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenInfo:
    """A token's metadata; the token itself is never kept."""

    id: int
    name: str
    scope: str
    station_id: str | None
    created_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def of(cls, row: ApiToken) -> TokenInfo:
        return cls(
            id=row.id,
            name=row.name,
            scope=row.scope,
            station_id=row.station_id,
            created_at=_utc(row.created_at),
            revoked_at=_utc(row.revoked_at),
            last_used_at=_utc(row.last_used_at),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "scope": self.scope,
            "station_id": self.station_id,
            "active": self.revoked_at is None,
            "created_at": _iso(self.created_at),
            "revoked_at": _iso(self.revoked_at),
            "last_used_at": _iso(self.last_used_at),
        }


def add_token(session: Session, name: str, scope: str, *, actor: str) -> str:
    """A read-only or admin token for people and scripts (shown once)."""
    clean = name.strip()
    if not clean or len(clean) > 100:
        raise InvalidAdminInputError("A token name is 1-100 characters.")
    if scope not in (SCOPE_READ, SCOPE_ADMIN):
        raise InvalidAdminInputError(
            "A token is read-only or admin; stations get theirs by enrolling."
        )
    with session.begin():
        clash = session.scalars(
            select(ApiToken.id).where(
                ApiToken.name == clean,
                ApiToken.station_id.is_(None),
                ApiToken.revoked_at.is_(None),
            )
        ).first()
        if clash is not None:
            raise TokenExistsError(
                f"An active token named {clean!r} exists; revoke it first or pick another name."
            )
        token = issue_token(session, clean, scope)
        audit.record(
            session,
            actor=actor,
            action="token_add",
            target=clean,
            after={"name": clean, "scope": scope},
        )
    return token


def list_tokens(session: Session) -> list[TokenInfo]:
    with session.begin():
        rows = session.scalars(select(ApiToken).order_by(ApiToken.name, ApiToken.id)).all()
        return [TokenInfo.of(row) for row in rows]


def revoke_token(
    session: Session, name: str, *, actor: str, now: datetime | None = None
) -> list[TokenInfo]:
    """Revoke the active read/admin tokens called ``name`` (station tokens: revoke the station)."""
    moment = _moment(now)
    clean = name.strip()
    with session.begin():
        rows = session.scalars(
            select(ApiToken)
            .where(ApiToken.name == clean, ApiToken.revoked_at.is_(None))
            .with_for_update()
        ).all()
        own = [row for row in rows if row.station_id is None]
        if not own:
            hint = " (it is a station token: use `station revoke`)" if rows else ""
            raise TokenNotFoundError(f"There is no active token named {clean!r}{hint}.")
        for row in own:
            row.revoked_at = moment
        revoked = [TokenInfo.of(row) for row in own]
        audit.record(
            session,
            actor=actor,
            action="token_revoke",
            target=clean,
            before={"name": clean, "active": len(own)},
            after={"name": clean, "active": 0},
            at=moment,
        )
    return revoked
