"""Bearer-token checks for routes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import g, request

from sync_server.api.errors import ApiError
from sync_server.api.extension import context, db_session
from sync_server.api.ratelimit import bearer_token
from sync_server.services.tokens import SCOPE_ADMIN, SCOPE_STATION, Principal, authenticate

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
            token = _bearer()
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
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
