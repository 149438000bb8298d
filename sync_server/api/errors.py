"""One error path: every failure leaves as ``{"error": {...}}`` JSON (docs/protocol.md#errors)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify, request
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error a client can act on: ``code`` for machines, ``message`` for a person."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> Response:
    response = jsonify({"error": {"code": code, "message": message, **extra}})
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


CHECK_VIOLATION = "23514"
"""PostgreSQL's SQLSTATE for a row no check (nor partition bound) admits."""

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def register_errors(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.headers, **exc.extra)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        if status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            return error_response(
                413,
                "payload_too_large",
                f"The request body is over the limit of {limit} bytes.",
                limit="max_batch_bytes",
                max_batch_bytes=limit,
            )
        return error_response(status, _HTTP_CODES.get(status, "http_error"), exc.description or "")

    @app.errorhandler(sa_exc.TimeoutError)
    def _pool_exhausted(exc: sa_exc.TimeoutError) -> Response:
        # every connection busy: shed load, the station retries after Retry-After
        log.warning("database pool exhausted: %s", exc)
        return error_response(
            503, "overloaded", "The server is busy; retry shortly.", headers={"Retry-After": "2"}
        )

    @app.errorhandler(sa_exc.OperationalError)
    def _database_down(exc: sa_exc.OperationalError) -> Response:
        # the database restarted or is unreachable: nothing was committed, retry later
        log.warning("database unavailable: %s", exc.orig)
        return error_response(
            503,
            "database_unavailable",
            "The database is unavailable; nothing was written. Retry shortly.",
            headers={"Retry-After": "5"},
        )

    @app.errorhandler(sa_exc.IntegrityError)
    def _no_place_for_the_row(exc: sa_exc.IntegrityError) -> Response:
        # the one integrity failure that reaches here on its own: a row whose month of the
        # event log has no partition (db/partitions.py makes them ahead; one detached by
        # hand, or not made for want of the lock). Others are a bug: a 500 as before.
        if getattr(exc.orig, "sqlstate", None) != CHECK_VIOLATION:
            raise exc
        log.error("no place for a row: %s", exc.orig)
        return error_response(
            503,
            "storage_unavailable",
            "The server cannot store this month's events yet; nothing was written. "
            "Retry shortly; if it lasts, the server's log says why.",
            headers={"Retry-After": "30"},
        )

    @app.errorhandler(sa_exc.DataError)
    def _unstorable_value(exc: sa_exc.DataError) -> Response:
        # a value the database cannot hold or compare (a NUL, an out-of-range number): the
        # transaction was rolled back, so nothing was written
        log.info("refused a value the database cannot hold: %s", exc.orig)
        return error_response(
            400,
            "invalid_value",
            "The request holds a value the server cannot store or search for (for example a "
            "NUL character or a number out of range); nothing was written.",
        )

    @app.before_request
    def _refuse_nul() -> Response | None:
        # NUL is never part of a name or a filter: say so before any query runs. (Codes in a
        # path are folded like scanned codes, which drops control characters.)
        if any("\x00" in v for v in request.args.values()):
            return error_response(
                400, "invalid_value", "A query parameter holds a NUL character; remove it."
            )
        return None

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return error_response(500, "internal_error", "The server failed; the error is logged.")
