"""Station enrollment, operator login and logout, the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, g, jsonify

from sync_server.api.auth import client_address, require_admin, session_token
from sync_server.api.errors import ApiError
from sync_server.api.extension import db_session
from sync_server.api.schemas_admin import (
    AuditPageOut,
    AuditQuery,
    EnrollRequest,
    EnrollResponse,
    LoginRequest,
    LoginResponse,
)
from sync_server.api.validation import parse_body, parse_query, spec
from sync_server.services import admin, audit, sessions, users
from sync_server.services.errors import ServiceError, ThrottledError

bp = Blueprint("admin", __name__, url_prefix="/api/v1")


def service_error(exc: ServiceError) -> ApiError:
    """The HTTP face of a service's error: its status, code and message, and its details."""
    headers = {}
    if isinstance(exc, ThrottledError):
        headers["Retry-After"] = str(exc.retry_after)
    return ApiError(exc.status, exc.code, exc.message, headers=headers, **exc.detail)


@bp.post("/stations/enroll")
@spec(
    summary="Enroll a station with its one-time code (no token needed)",
    tags=["stations"],
    body=EnrollRequest,
    responses={201: EnrollResponse, 401: "Wrong, used or expired enrollment code"},
    auth=None,
)
def enroll() -> tuple[Response, int]:
    """A wrong, used or expired code answers 401 ``invalid_enrollment_code``; too many of
    those from one address answer 429 with ``Retry-After``."""
    body = parse_body(EnrollRequest)
    try:
        result = admin.enroll_station(
            db_session(),
            body.enrollment_code,
            body.hostname,
            address=client_address(),
            now=datetime.now(UTC),
        )
    except ServiceError as exc:
        raise service_error(exc) from exc
    g.log_fields = {"station": result.station_id, "enrolled": True}
    return jsonify({"station_id": result.station_id, "token": result.token}), 201


@bp.post("/auth/login")
@spec(
    summary="Log an operator in: checks the password (no token needed; throttled, locks after "
    "5 failures) and opens a session for the admin API",
    tags=["auth"],
    body=LoginRequest,
    responses={
        200: LoginResponse,
        401: "Wrong username or password, or the account is disabled",
        423: "Account locked; see Retry-After",
    },
    auth=None,
)
def login() -> Response:
    """Wrong username or password answer alike (401 ``invalid_credentials``). Every role gets
    a session; only an admin's is let into ``/api/v1/admin/...``."""
    body = parse_body(LoginRequest)
    now = datetime.now(UTC)
    try:
        result = users.login_from_address(
            db_session(), body.username, body.password, address=client_address(), now=now
        )
    except ServiceError as exc:
        raise service_error(exc) from exc
    match result:
        case users.LoginOk(user=user):
            opened = sessions.issue(db_session(), user.username, now=now)
            g.log_fields = {"operator": user.username, "session": "opened"}
            return jsonify(
                {
                    "username": user.username,
                    "role": user.role,
                    "area": user.area,
                    "session_token": opened.token,
                    "expires_at": opened.expires_at.isoformat(),
                }
            )
        case users.LoginLocked(until=until):
            wait = max(1, int((until - now).total_seconds()) + 1)
            raise ApiError(
                423,
                "account_locked",
                "Too many wrong passwords: this account is locked for a while. "
                "Try again later or ask an admin.",
                headers={"Retry-After": str(wait)},
                locked_until=until.isoformat(),
            )
        case users.LoginDisabled():
            raise ApiError(401, "account_disabled", "This account is disabled; ask an admin.")
        case _:
            raise ApiError(401, "invalid_credentials", "Wrong username or password.")


@bp.post("/auth/logout")
@spec(
    summary="End the session sent as the bearer token",
    tags=["auth"],
    responses={204: "The session has ended (also when it had already)"},
    auth="session",
)
def logout() -> Response:
    """Idempotent: an unknown or already ended session answers 204 too, so a station may
    log out whatever it last knew. A request without a session token answers 401."""
    token = session_token()
    if not token:
        raise ApiError(
            401, "invalid_session", "Send the session to end as `Authorization: Bearer <token>`."
        )
    sessions.revoke(db_session(), token)
    return Response(status=204)


def _utc(moment: datetime | None) -> datetime | None:
    """A time from a query string: one without an offset is read as UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


@bp.get("/audit")
@spec(
    summary="The audit log, newest first, filtered (an admin token or an admin's session)",
    tags=["admin"],
    query=AuditQuery,
    responses={200: AuditPageOut},
    auth="admin",
)
@require_admin()
def audit_log() -> Response:
    """``actor``, ``action`` and ``target`` match exactly, or by prefix when they end in
    ``*`` (``actor=user:*``); ``since`` is inclusive and ``until`` exclusive."""
    query = parse_query(AuditQuery)
    where = audit.AuditFilter(
        actor=query.actor,
        action=query.action,
        target=query.target,
        since=_utc(query.since),
        until=_utc(query.until),
    )
    page = audit.list_entries(db_session(), limit=query.limit, offset=query.offset, where=where)
    return jsonify(
        {
            "entries": [entry.as_json() for entry in page.entries],
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
        }
    )
