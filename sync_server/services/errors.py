"""Typed domain errors raised by services; the HTTP and CLI edges map them to messages."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Base for errors a caller can act on. ``code`` is machine-readable."""

    status = 400
    code = "invalid"

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class NotFoundError(ServiceError):
    status = 404
    code = "not_found"


class ConflictError(ServiceError):
    status = 409
    code = "conflict"


class ForbiddenError(ServiceError):
    status = 403
    code = "forbidden"


class AuthError(ServiceError):
    status = 401
    code = "unauthorized"


class ThrottledError(ServiceError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int, **detail: Any) -> None:
        super().__init__(message, **detail)
        self.retry_after = retry_after
