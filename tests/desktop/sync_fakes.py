"""Small loopback servers for sync tests: a forwarding proxy that can misbehave, a stub feed,
and a TCP server that accepts and never answers. All real sockets on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Answer = tuple[int, dict[str, str], bytes]


class ProxyState:
    """What the proxy does with the next requests (set by the test)."""

    def __init__(self, upstream: str | None) -> None:
        self.upstream = upstream
        self.drop_replies = 0  # forward, then close without answering
        self.answers: list[Answer] = []  # canned answers sent instead of forwarding
        self.requests: list[tuple[str, str, bytes]] = []  # (method, path, body)
        self.routes: dict[str, Callable[[str, bytes], Answer]] = {}  # path prefix -> handler
        self.lock = threading.Lock()


def _handler(state: ProxyState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return  # keep test output quiet

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with state.lock:
                state.requests.append((self.command, self.path, body))
                canned = state.answers.pop(0) if state.answers else None
                drop = False
                if canned is None and state.drop_replies > 0:
                    state.drop_replies -= 1
                    drop = True
                route = next((h for p, h in state.routes.items() if self.path.startswith(p)), None)
            if canned is None and route is not None:
                canned = route(self.path, body)
            if canned is None:
                canned = self._forward(body)
            if drop:
                # the upstream did the work; the station never hears about it
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            status, headers, payload = canned
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _forward(self, body: bytes) -> Answer:
            assert state.upstream is not None, "no upstream and no canned answer"
            parts = urlsplit(state.upstream)
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
            try:
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("host", "connection", "content-length")
                }
                conn.request(self.command, self.path, body=body or None, headers=headers)
                reply = conn.getresponse()
                payload = reply.read()
                kept = {
                    k: v
                    for k, v in reply.getheaders()
                    if k.lower() in ("content-type", "retry-after", "www-authenticate")
                }
                return reply.status, kept, payload
            finally:
                conn.close()

        do_GET = _handle  # noqa: N815
        do_POST = _handle  # noqa: N815

    return Handler


@contextmanager
def proxy(upstream: str | None = None) -> Iterator[tuple[str, ProxyState]]:
    """A loopback HTTP server in front of ``upstream``; yields (url, state)."""
    state = ProxyState(upstream)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def json_answer(status: int, body: Any, headers: dict[str, str] | None = None) -> Answer:
    return (
        status,
        {"Content-Type": "application/json", **(headers or {})},
        json.dumps(body).encode(),
    )


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextmanager
def hanging_server() -> Iterator[str]:
    """A TCP server that accepts connections and never answers; yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            accepted.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in accepted:
            conn.close()
        listener.close()
