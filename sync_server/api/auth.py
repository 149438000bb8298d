"""Bearer-token checks for routes: API tokens (stations, scripts) and operator sessions."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, TypeVar

from flask import g, request

from sync_server.api.errors import ApiError
from sync_server.api.extension import context, db_session
from sync_server.api.ratelimit import bearer_token
from sync_server.services import sessions
from sync_server.services.tokens import SCOPE_ADMIN, SCOPE_STATION, Principal, authenticate
from tracetrack_core.roles import MANAGE_ROLES, Role

F = TypeVar("F", bound=Callable[..., Any])


def current_principal() -> Principal:
    principal: Principal = g.principal
    return principal


def client_address() -> str:
    """The client's address as the hooks worked it out (a trusted proxy's forward, or the peer)."""
    address: str = g.get("client_address") or request.remote_addr or ""
    return address


def _bearer() -> str:
    token = bearer_token(request.headers.get("Authorization", ""))
    if not token:
        raise ApiError(
            401,
            "missing_token",
            "Send `Authorization: Bearer <token>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token


def require(scope: str = "read") -> Callable[[F], F]:
    """Require a valid token; ``scope`` is ``read`` (any token), ``station`` or ``admin``."""

    def decorate(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            _check_token(_bearer(), scope)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def _check_token(token: str, scope: str) -> None:
    """Sets ``g.principal`` for a valid API token allowed ``scope``; else raises ApiError."""
    principal = authenticate(db_session(), token)
    limiter = context().limiter
    if principal is None:
        limiter.token_refused(token)
        raise ApiError(
            401,
            "invalid_token",
            "The token is unknown or has been revoked.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    if scope == SCOPE_STATION and not principal.can_write_events:
        raise ApiError(
            403,
            "read_only_token",
            "This token may only read; uploads need a station token.",
        )
    if scope == SCOPE_ADMIN and not principal.is_admin:
        raise ApiError(403, "admin_required", "This action needs an admin token.")
    limiter.token_accepted(token, g.get("rate_key", ""))
    g.principal = principal


def current_operator() -> sessions.Operator:
    """The operator whose session the request carries (routes under :func:`require_session`)."""
    operator: sessions.Operator = g.operator
    return operator


def session_token() -> str:
    """The request's session token, or ``""``."""
    token = bearer_token(request.headers.get("Authorization", ""))
    return token if sessions.is_session_token(token) else ""


_LOG_IN = "Log in as an admin (POST /api/v1/auth/login) and send the session token it gives."


def _session_refused(message: str) -> ApiError:
    return ApiError(
        401,
        "invalid_session",
        message,
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


def _check_session(token: str, roles: Collection[Role]) -> None:
    """Sets ``g.operator`` for a live session of an operator with one of ``roles``; else
    raises ApiError. A session is charged to the rate limiter as a token is."""
    limiter = context().limiter
    if not sessions.is_session_token(token):
        raise _session_refused(
            "This needs an admin's session; a station or API token is not one. " + _LOG_IN
            if token
            else "No session was sent. " + _LOG_IN
        )
    operator = sessions.check(db_session(), token)
    if operator is None:
        limiter.token_refused(token)
        raise _session_refused("The session has ended or is unknown; log in again.")
    limiter.token_accepted(token, g.get("rate_key", ""))
    g.operator = operator
    g.log_fields["operator"] = operator.username
    if operator.role not in roles:  # (the code stays: clients of the admin API know it)
        who = " or ".join(f"{'an' if r[0] in 'aeiou' else 'a'} {r}" for r in sorted(roles))
        raise ApiError(403, "admin_required", f"Only {who} may do this; log in as {who}.")


def require_session(roles: Collection[Role] = MANAGE_ROLES) -> Callable[[F], F]:
    """Require a live operator session whose user (as their row says now) has one of
    ``roles``: 401 ``invalid_session`` without one, 403 ``admin_required`` for other roles."""

    def decorate(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            token = bearer_token(request.headers.get("Authorization", ""))
            _check_session(token, roles)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def require_admin() -> Callable[[F], F]:
    """An admin API token (``g.principal``) or an admin's session (``g.operator``)."""

    def decorate(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            token = _bearer()
            if sessions.is_session_token(token):
                _check_session(token, MANAGE_ROLES)
            else:
                _check_token(token, SCOPE_ADMIN)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
