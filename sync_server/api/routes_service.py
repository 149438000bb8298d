"""Service endpoints (no token): liveness, readiness, metrics."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from sync_server.api import metrics
from sync_server.api.extension import context
from sync_server.api.schemas import HealthOut
from sync_server.api.validation import spec

bp = Blueprint("service", __name__)


@bp.get("/healthz")
@spec(summary="The process is alive", tags=["service"], auth=None, responses={200: HealthOut})
def healthz() -> Response:
    return jsonify({"status": "ok"})


@bp.get("/readyz")
@spec(
    summary="Database reachable and schema current (503 otherwise)",
    tags=["service"],
    auth=None,
    responses={200: HealthOut, 503: "Not ready"},
)
def readyz() -> Response | tuple[Response, int]:
    problem = context().recheck_schema()
    if problem:
        return jsonify({"status": "unavailable", "problem": problem}), 503
    return jsonify({"status": "ok"})


@bp.get("/metrics")
def prometheus_metrics() -> Response:
    body, content_type = metrics.render()
    return Response(body, content_type=content_type)
