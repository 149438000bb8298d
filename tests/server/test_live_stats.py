"""``GET /api/v1/stats/events``: live dashboards over server-sent events.

Against ``tracetrack-server serve`` (gunicorn, one worker of four threads): the streams are
taken off the worker's threads, so 50 of them open at once still leave the threads free
for uploads. The hub's own timing (heartbeats, a stream's end) is checked in-process with
short periods, over a real socket pair.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager

import requests
from sqlalchemy.orm import Session

from sync_server.api.routes_live import live_hub
from sync_server.db.session import make_engine, make_session_factory
from sync_server.services.live import LiveHub, LiveTiming, stats_version
from tests.procs import ServerProcess
from tests.server.factories import batch, event, make_read_token, make_station

EVENTS = "/api/v1/stats/events"


@contextmanager
def _session(url: str) -> Iterator[Session]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def _tokens(url: str) -> tuple[str, str, str]:
    """(station id, station token, read token)."""
    with _session(url) as session:
        station_id, token = make_station(session, "Line 1")
        return station_id, token, make_read_token(session)


class Stream:
    """One SSE client over a plain socket: what a dashboard reads, parsed into messages."""

    def __init__(self, url: str, token: str) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=10)
        self.sock.sendall(
            f"GET {EVENTS} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        self.buffer = b""
        head = self._until(b"\r\n\r\n")
        self.status = int(head.split(b" ", 2)[1])
        self.head = head.decode("latin-1")

    def _until(self, mark: bytes) -> bytes:
        while mark not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise EOFError(self.buffer)
            self.buffer += chunk
        item, self.buffer = self.buffer.split(mark, 1)
        return item

    def message(self) -> str:
        """The next message (blank-line separated), as text."""
        return self._until(b"\n\n").decode()

    def next_version(self) -> int:
        while True:
            message = self.message()
            if "event: stats" in message:
                data = next(line for line in message.splitlines() if line.startswith("data:"))
                return int(data.split(":")[-1].strip(" }"))

    def close(self) -> None:
        self.sock.close()


def test_a_stream_tells_each_change_after_an_ingest(server: ServerProcess) -> None:
    station_id, station_token, read_token = _tokens(server.database_url)
    stream = Stream(server.url, read_token)
    try:
        assert stream.status == 200
        assert "text/event-stream" in stream.head
        assert stream.message() == "retry: 2000"
        first = stream.next_version()  # the current figures' version, told on connect

        answer = requests.post(
            f"{server.url}/api/v1/sync/events",
            json=batch(station_id, [event("parent_scan", "SB00042")]),
            headers={"Authorization": f"Bearer {station_token}"},
            timeout=10,
        )
        assert answer.status_code == 200

        assert stream.next_version() > first
    finally:
        stream.close()


def test_any_token_reads_the_stream_and_none_is_refused(server: ServerProcess) -> None:
    _, station_token, read_token = _tokens(server.database_url)
    for token in (station_token, read_token):
        with closing(Stream(server.url, token)) as stream:
            assert stream.status == 200
    refused = requests.get(f"{server.url}{EVENTS}", timeout=10)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "missing_token"


def test_fifty_open_streams_leave_the_threads_to_uploads(server: ServerProcess) -> None:
    station_id, station_token, read_token = _tokens(server.database_url)
    streams = [Stream(server.url, read_token) for _ in range(50)]
    try:
        assert {s.status for s in streams} == {200}
        answer = requests.post(
            f"{server.url}/api/v1/sync/events",
            json=batch(station_id, [event("parent_scan", "SB00077")]),
            headers={"Authorization": f"Bearer {station_token}"},
            timeout=10,
        )
        assert answer.status_code == 200
        assert answer.json()["results"][0]["status"] == "accepted"
        # and every one of them hears of it
        versions = {s.next_version() for s in streams[-3:]}
        assert versions
    finally:
        for s in streams:
            s.close()


class Versions:
    def __init__(self) -> None:
        self.value = 1

    def __call__(self) -> int:
        return self.value


def _hub_stream(hub: LiveHub) -> socket.socket:
    server_end, client_end = socket.socketpair()
    assert hub.take_over(server_end)
    server_end.close()  # the hub holds its own descriptor; this one now points nowhere
    client_end.settimeout(10)
    return client_end


def _read_until(sock: socket.socket, mark: bytes) -> bytes:
    data = b""
    while mark not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise EOFError(data)
        data += chunk
    return data


def test_the_hub_sends_heartbeats_coalesces_changes_and_ends_streams() -> None:
    versions = Versions()
    hub = LiveHub(
        versions,
        LiveTiming(
            poll_seconds=0.05,
            event_gap_seconds=0.3,
            heartbeat_seconds=0.2,
            stream_seconds=1.5,
            retry_ms=10,
        ),
    )
    try:
        with closing(_hub_stream(hub)) as client:
            assert b'data: {"version": 1}' in _read_until(client, b'{"version": 1}\n\n')
            assert b": keep-alive" in _read_until(client, b": keep-alive\n\n")
            versions.value = 5
            _read_until(client, b'{"version": 5}\n\n')
            versions.value = 6  # two changes within the gap after an event: one event,
            versions.value = 7  # of the latest
            got = _read_until(client, b'{"version": 7}\n\n')
            assert b'"version": 6' not in got
            # the stream ends cleanly: the hub closes it, the client reconnects after retry:
            while client.recv(4096):
                pass
        assert hub.stream_count == 0
        with closing(_hub_stream(hub)) as again:
            assert b"retry: 10" in _read_until(again, b'{"version": 7}\n\n')
    finally:
        hub.close()


def test_the_hub_forgets_a_client_that_left() -> None:
    hub = LiveHub(Versions(), LiveTiming(poll_seconds=0.05, heartbeat_seconds=0.1))
    try:
        client = _hub_stream(hub)
        _read_until(client, b'{"version": 1}\n\n')
        assert hub.stream_count == 1
        client.close()
        deadline = time.monotonic() + 10
        while hub.stream_count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert hub.stream_count == 0
    finally:
        hub.close()


def test_the_version_grows_with_an_ingest_on_the_embedded_database(sqlite_settings) -> None:  # type: ignore[no-untyped-def]
    from sync_server.app import create_app, dispose_app  # noqa: PLC0415

    app = create_app(sqlite_settings)
    context = app.extensions["tracetrack"]
    with context.sessions() as session:
        station_id, token = make_station(session, "Line 1")
    with context.sessions() as session:
        before = stats_version(session)
    client = app.test_client()
    answer = client.post(
        "/api/v1/sync/events",
        json=batch(station_id, [event("parent_scan", "SB00099")]),
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200
    with context.sessions() as session:
        assert stats_version(session) > before
    dispose_app(app)


def test_a_server_without_gunicorn_serves_the_stream_from_its_thread(
    app,  # type: ignore[no-untyped-def]
    live_server: str,
) -> None:
    context = app.extensions["tracetrack"]
    with context.sessions() as session:
        station_id, token = make_station(session, "Line 1")
    try:
        with closing(Stream(live_server, token)) as stream:
            assert stream.status == 200
            assert "text/event-stream" in stream.head
            first = stream.next_version()
            answer = requests.post(
                f"{live_server}/api/v1/sync/events",
                json=batch(station_id, [event("parent_scan", "SB00123")]),
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            )
            assert answer.status_code == 200
            assert stream.next_version() > first
    finally:
        live_hub(app).close()  # ends the stream still held by the server's thread
