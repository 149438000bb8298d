"""Per-request plumbing: schema guard, security headers, structured logs, metrics, teardown."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from flask import Flask, Response, g, request

from sync_server.api.errors import error_response
from sync_server.api.extension import context
from sync_server.api.metrics import REQUEST_SECONDS
from sync_server.api.ratelimit import bearer_token, client_address

log = logging.getLogger("tracetrack.requests")

_OPEN_PATHS = ("/healthz", "/readyz", "/metrics", "/api/v1/openapi.json")


def register_hooks(app: Flask) -> None:
    @app.before_request
    def _start() -> Response | None:
        g.started = time.perf_counter()
        g.log_fields = {}
        ctx = context()
        g.client_address = client_address(
            request.remote_addr or "",
            request.headers.get("X-Forwarded-For", ""),
            ctx.trusted_proxies,
        )
        if request.path in _OPEN_PATHS:
            return None
        # Keyed on a token only once it has been accepted (auth.require): keying on the raw
        # header let a new bogus bearer per request dodge the limit.
        g.rate_key = ctx.limiter.key_for(
            bearer_token(request.headers.get("Authorization", "")), g.client_address
        )
        wait = ctx.limiter.check(g.rate_key)
        if wait is not None:
            return error_response(
                429,
                "rate_limited",
                "Too many requests from this client; slow down.",
                headers={"Retry-After": str(int(wait + 0.999))},
            )
        problem = ctx.serving_problem()
        if problem:
            return error_response(503, "not_ready", problem, headers={"Retry-After": "30"})
        return None

    @app.after_request
    def _finish(response: Response) -> Response:
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Content-Security-Policy", "default-src 'none'")
        response.headers.setdefault("Cache-Control", "no-store")
        if "read_source" in g:  # a read-side request: which database answered it
            response.headers["X-TraceTrack-Read-Source"] = g.read_source
        endpoint = request.url_rule.rule if request.url_rule else "unmatched"
        REQUEST_SECONDS.labels(request.method, endpoint, str(response.status_code)).observe(elapsed)
        fields: dict[str, Any] = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "ms": round(elapsed * 1000, 2),
            **g.get("log_fields", {}),
        }
        principal = g.get("principal")
        if principal is not None:
            fields["token"] = principal.name  # the token's name, never the token
            if principal.station_id:
                fields.setdefault("station", principal.station_id)
        log.info(json.dumps(fields, default=str))
        return response

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        for name in ("read_session", "db_session"):  # the read session may be the same one
            session = g.pop(name, None)
            if session is not None:
                session.close()
