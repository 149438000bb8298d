"""``GET /api/v1/stats/events``: the live dashboards' stream (server-sent events).

The route checks the token like every read route, then hands the connection to the
process's :class:`~sync_server.services.live.LiveHub` and returns its thread to the pool
(gunicorn, plain HTTP); elsewhere it serves a bounded stream from the request thread.
"""

from __future__ import annotations

import socket
import threading

from flask import Blueprint, Flask, Response, current_app, request

from sync_server.api.auth import require
from sync_server.api.extension import context
from sync_server.api.validation import spec
from sync_server.services.live import LiveHub, version_reader

bp = Blueprint("live", __name__, url_prefix="/api/v1")

_HUB_KEY = "tracetrack_live"
_hub_lock = threading.Lock()


def close_live_hub(app: Flask) -> None:
    """End this app's streams and its hub's thread, if it made one (the app is disposed of)."""
    with _hub_lock:
        hub: LiveHub | None = app.extensions.pop(_HUB_KEY, None)
    if hub is not None:
        hub.close()


def live_hub(app: Flask) -> LiveHub:
    """This app's hub, made on first use (in the worker process: its thread starts there)."""
    with _hub_lock:
        hub: LiveHub | None = app.extensions.get(_HUB_KEY)
        if hub is None:
            hub = LiveHub(version_reader(context().routed_session))
            app.extensions[_HUB_KEY] = hub
        return hub


@bp.get("/stats/events")
@spec(
    summary="Server-sent events: `stats` with the stats version whenever the figures change",
    tags=["stats"],
    responses={
        200: 'text/event-stream: `event: stats` / `data: {"version": n}` on a change (at most '
        "~4 a second), a comment line every 15 s, `retry: 2000`; the stream ends now and "
        "then and the client reconnects"
    },
)
@require("read")
def stats_events() -> Response:
    hub = live_hub(current_app)
    sock = request.environ.get("gunicorn.socket")
    if isinstance(sock, socket.socket) and hub.take_over(sock):
        # The client already has its head from the hub; this answer goes to a dead end.
        return Response(status=200)
    return Response(
        hub.long_poll(),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache, no-store", "X-Accel-Buffering": "no"},
    )
