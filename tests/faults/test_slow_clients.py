"""Slow or stalled clients cannot starve the stations (issue 17).

``tracetrack-server serve`` with one worker of four threads, the harshest the shipped server
gets: 50 clients on 127.0.0.1 keep sending a request one byte a second (half a header, half
an enrollment body; each reconnects when it is cut off, as an attacker would), while 20
stations upload their batches and ``/healthz`` is probed over fresh connections. Every upload
and every probe is answered, and every slow client is cut off (408 or a closed connection)
long before its request could have arrived.
"""

from __future__ import annotations

import http.client
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import func
from sqlalchemy import select as sql_select

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Event
from sync_server.gunicorn_conf import IncomingRequest, ReadLimits, Verdict
from tests.faults.recount import assert_consistent
from tests.procs import ServerProcess, SlowClient, server_admin
from tests.server.factories import batch, children, event, make_station

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.skipif(os.name != "posix", reason="raw sockets and gunicorn are POSIX here"),
]

SLOW_CLIENTS = 50
STATIONS = 20
BATCHES = 3
CHILDREN_PER_BATCH = 10
TRICKLE = 300  # bytes sent one a second: 5 minutes, far past any read deadline
ANSWER_TIMEOUT = 30.0  # generous: "answered" is all this test asks of an upload or a probe
GIVE_UP = 60.0  # a slow client that is never cut off fails the test after this long


def _slow_header(port: int, stop: threading.Event) -> SlowClient:
    head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    return SlowClient(port, head, b"X-Padding: " + b"a" * TRICKLE, stop)


def _slow_body(port: int, stop: threading.Event) -> SlowClient:
    body = b'{"code": "' + b"7" * (TRICKLE - 30) + b'", "name": "Line 1"}'
    head = (
        b"POST /api/v1/stations/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    return SlowClient(port, head, body, stop)


def _station_uploads(url: str, line: int, station_id: str, token: str) -> Callable[[], list[int]]:
    def upload() -> list[int]:
        """Every batch's events' outcomes: all must be accepted."""
        accepted: list[int] = []
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            for n in range(BATCHES):
                parent = f"SB{line:03d}{n:02d}"
                events = [event("parent_scan", parent)] + [
                    event("child_link", kid, parent=parent)
                    for kid in children(CHILDREN_PER_BATCH, prefix=f"C{n}")
                ]
                reply = session.post(
                    f"{url}/api/v1/sync/events",
                    json=batch(station_id, events),
                    timeout=ANSWER_TIMEOUT,
                )
                assert reply.status_code == 200, reply.text
                statuses = {r["status"] for r in reply.json()["results"]}
                assert statuses == {"accepted"}, reply.text
                accepted.append(len(events))
        return accepted

    return upload


def test_fifty_slow_clients_cannot_starve_twenty_stations_or_the_health_probe(
    pg_db: str,
) -> None:
    app = create_app(Settings(database_url=pg_db))
    ctx: Any = app.extensions["tracetrack"]
    try:
        _attack_and_check(app, ctx, pg_db)
    finally:
        dispose_app(app)


def _attack_and_check(app: Any, ctx: Any, pg_db: str) -> None:
    server_admin(pg_db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin",
           stdin="ravi-secret-1\n")  # fmt: skip  # the events' operator
    with ctx.sessions() as session:
        stations = [make_station(session, f"Line {n}") for n in range(STATIONS)]
    server = ServerProcess(pg_db, workers=1, threads=4).start()
    stop = threading.Event()
    slow = [(_slow_header if n % 2 else _slow_body)(server.port, stop) for n in range(SLOW_CLIENTS)]
    probes: list[int | str] = []
    try:
        for client in slow:
            client.start()
        for client in slow:  # every slow client holds a connection before the stations start
            assert client.holding.wait(GIVE_UP), "a slow client never got to send"

        results: dict[int, list[int] | BaseException] = {}

        def run_station(n: int, upload: Callable[[], list[int]]) -> None:
            try:
                results[n] = upload()
            except BaseException as exc:
                results[n] = exc

        threads = [
            threading.Thread(target=run_station, args=(n, _station_uploads(server.url, n, *pair)))
            for n, pair in enumerate(stations)
        ]
        for thread in threads:
            thread.start()
        # Probe over fresh connections until the stations are done and every slow client
        # has been cut off at least once: the whole attack, not just its start.
        while any(t.is_alive() for t in threads) or not all(c.cut_off for c in slow):
            if any(c.finished for c in slow):
                stop.set()  # one got its whole request through: stop them all, the test failed
            if stop.is_set() or any(c.error for c in slow):
                break
            try:
                probes.append(
                    requests.get(f"{server.url}/healthz", timeout=ANSWER_TIMEOUT).status_code
                )
            except requests.RequestException as exc:
                probes.append(repr(exc))
            stop.wait(0.25)
        for thread in threads:
            thread.join(ANSWER_TIMEOUT * BATCHES)
    finally:
        stop.set()
        for client in slow:
            client.join(5)
        server.stop()

    for client in slow:
        assert client.error is None, client.error
        assert not client.finished, "a slow client sent its whole request unhindered"
        assert client.cut_off, "a slow client was never cut off"
        for answer in client.cut_off:  # closed, or told why first
            assert answer == b"" or answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert probes
    assert all(status == 200 for status in probes), probes
    uploaded = 0
    for n in range(STATIONS):
        outcome = results.get(n)
        assert isinstance(outcome, list), f"station {n}: {outcome!r}"
        uploaded += sum(outcome)
    assert uploaded == STATIONS * BATCHES * (CHILDREN_PER_BATCH + 1)
    with ctx.sessions() as session:
        assert session.scalar(sql_select(func.count()).select_from(Event)) == uploaded
    assert_consistent(app, {})


LIMITS = ReadLimits(header_timeout=10, body_min_rate=1000, max_body_bytes=100)


@pytest.mark.parametrize(
    ("request_bytes", "verdict"),
    [
        (b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", Verdict.READY),
        (b"GET /healthz HTTP/1.1\r\nHost: a\r\n", Verdict.WAIT),
        (b"POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde", Verdict.READY),
        (b"POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc", Verdict.WAIT),
        (b"POST /x HTTP/1.1\r\nContent-Length: 101\r\n\r\n", Verdict.READY_UNREAD_BODY),
        (b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", Verdict.LENGTH_REQUIRED),
        (b"POST /x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", Verdict.BAD_LENGTH),
        (b"POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n", Verdict.BAD_LENGTH),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000, Verdict.HEAD_TOO_LARGE),
    ],
)  # fmt: skip
def test_a_request_runs_only_once_it_is_whole(request_bytes: bytes, verdict: Verdict) -> None:
    incoming = IncomingRequest(LIMITS)
    for byte in request_bytes:  # however it is split, the verdict is the same
        incoming.add(bytes([byte]), 0.0)
        if incoming.examine(0.0) is not Verdict.WAIT:
            break
    assert incoming.examine(0.0) is verdict


def test_headers_get_their_timeout_and_a_body_time_in_proportion_to_its_size() -> None:
    head = IncomingRequest(LIMITS)
    head.add(b"GET / HTTP/1.1\r\nHost: a", 100.0)
    assert head.examine(109.9) is Verdict.WAIT
    assert head.examine(110.0) is Verdict.TIMEOUT

    body = IncomingRequest(LIMITS)
    body.add(b"POST /x HTTP/1.1\r\nHost: a", 100.0)
    body.examine(100.0)
    body.add(b"\r\nContent-Length: 50\r\n\r\n", 105.0)  # the body's clock starts here
    assert body.examine(105.0) is Verdict.WAIT
    assert body.examine(105.0 + 10 + 50 / 1000 - 0.01) is Verdict.WAIT
    assert body.examine(105.0 + 10 + 50 / 1000) is Verdict.TIMEOUT
    body.add(b"x" * 50, 200.0)
    assert body.examine(200.0) is Verdict.READY  # whole is whole, however late


def test_expect_continue_is_answered_while_the_body_is_awaited() -> None:
    incoming = IncomingRequest(LIMITS)
    incoming.add(b"POST /x HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n", 0)
    assert incoming.examine(0.0) is Verdict.WAIT
    assert incoming.continue_due


def _answer(sock: socket.socket) -> tuple[bytes, bytes]:
    """One HTTP/1.1 answer read by the standard library: (status line, body)."""
    response = http.client.HTTPResponse(sock)
    response.begin()
    body = response.read()
    return f"HTTP/1.1 {response.status} {response.reason}".encode(), body


@pytest.mark.parametrize("size", [1024, 1024 * 1024])
def test_a_body_the_app_refused_unread_keeps_the_connection_alive(pg_db: str, size: int) -> None:
    """A reverse proxy keeps its connections to the app alive: after the app refuses an
    import without reading its sheet (here a wrong token), the same connection answers the
    next request. (gunicorn alone stops draining an unread body at 64 KiB and closes, and
    nginx then answered the next request on it 502.)"""
    server = ServerProcess(pg_db).start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=ANSWER_TIMEOUT) as sock:
            sock.sendall(
                b"POST /api/v1/imports/links?dry_run=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Authorization: Bearer tt_not-a-token\r\nContent-Type: text/csv\r\n"
                b"Content-Length: %d\r\n\r\n"
                % size
                + b"child,parent\r\n" * (size // 14)
                + b"\n" * (size % 14)
            )
            status, _ = _answer(sock)
            assert status == b"HTTP/1.1 401 UNAUTHORIZED"
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            status, body = _answer(sock)
            assert status == b"HTTP/1.1 200 OK", body
    finally:
        server.stop()
