"""The server behind the shipped nginx site, over TLS, on this machine (issue 20).

nginx runs packaging/nginx/tracetrack.conf (only ports, certificate and log paths swapped,
``tests/server/proxy_setup.py``) with a self-signed certificate the test makes; the server
is started from packaging/systemd's unit and example env file. Real stations enroll and sync
through it with the certificate as their ``[server] ca_bundle``. Checked:

* every batch of three stations and ten uploaders is applied exactly once, while 50 slow
  clients (from 50 addresses) hold TLS connections to nginx: those trickling headers or
  stalling mid-body are cut at nginx's timeouts (408 or closed), those trickling a body are
  held by nginx, and none of them ever reaches the app (nginx's access log);
* bodies over the app's limits get nginx's 413 in the app's error shape, without reaching
  the app; bodies at the limit (and an import's larger one) do reach it;
* the live stats stream passes events through as they happen;
* the app sees each client's own address through X-Forwarded-For (per-address throttles);
* port 80 redirects to HTTPS.

Upload latencies with and without the slow clients are printed (``-s``), not asserted.
"""

from __future__ import annotations

import http.client
import json
import os
import ssl
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func
from sqlalchemy import select as sql_select

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Event
from tests.faults.recount import assert_consistent
from tests.procs import (
    Pty,
    SlowClient,
    StationProcess,
    enrolled_station_id,
    server_admin,
    station_cli,
    wait_for,
)
from tests.server.factories import batch, children, event, make_read_token, make_station
from tests.server.proxy_setup import Nginx, UnitServer, nginx_binary, write_certificate
from tracetrack_desktop.storage.store import LocalStore

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(os.name != "posix", reason="nginx, gunicorn and ptys are POSIX here"),
]

if nginx_binary() is None:
    if os.environ.get("CI"):
        raise AssertionError("nginx is not installed; .ci/run installs it (apt package nginx)")
    pytest.skip(
        "nginx is not installed (apt install nginx); CI installs it", allow_module_level=True
    )

STATIONS = 3
SCANS_PER_STATION = 21  # a parent and 20 children
UPLOADERS = 10
BATCHES = 4
CHILDREN_PER_BATCH = 10
ANSWER_TIMEOUT = 30.0  # generous: "answered" is all that is asserted of an upload
MAX_BATCH_BYTES = 1_048_576  # tracetrack_core.events.MAX_BATCH_BYTES
MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # sync_server.services.imports.MAX_UPLOAD_BYTES


@dataclass
class Proxied:
    db: str
    app: Any
    server: UnitServer
    nginx: Nginx
    cert: Path
    tmp: Path

    @property
    def url(self) -> str:
        return self.nginx.https_url

    def tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))

    def log(self) -> list[dict[str, Any]]:
        """nginx's access log for the site, in the shipped JSON format."""
        text = self.nginx.access_log.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def proxied(pg_db: str, tmp_path: Path) -> Iterator[Proxied]:
    cert, key = write_certificate(tmp_path)
    server = UnitServer(pg_db, tmp_path / "run").start()
    nginx = Nginx(tmp_path / "nginx", [server.port], cert, key)
    app = create_app(Settings(database_url=pg_db))
    try:
        nginx.start()
        yield Proxied(pg_db, app, server, nginx, cert, tmp_path)
    finally:
        nginx.stop()
        server.stop()
        dispose_app(app)


# --- stations -------------------------------------------------------------------------------


class Line:
    """A headless station enrolled through nginx, trusting the test's certificate."""

    def __init__(self, proxied: Proxied, n: int) -> None:
        self.proxied = proxied
        folder = proxied.tmp / f"station{n}"
        folder.mkdir()
        self.data, self.token = folder / "data", folder / "token"
        self.config = folder / "station.toml"
        self.config.write_text(
            f'[server]\nurl = "{proxied.url}"\nca_bundle = "{proxied.cert}"\n', encoding="utf-8"
        )
        self.base = ["--config", str(self.config), "--data-dir", str(self.data),
                     "--insecure-token-file", str(self.token)]  # fmt: skip
        code = server_admin(proxied.db, "station", "add", f"Line {n}")["enrollment_code"]
        self._cli("enroll", "--server", proxied.url, code)
        self._cli("sync")  # the operator list arrives
        self.pty = Pty()
        self.proc = StationProcess(
            self.data, self.token, self.pty.path, "ravi", server=proxied.url, config=self.config
        )

    def _cli(self, *args: str) -> dict[str, Any]:
        done = station_cli(*self.base, *args)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout) if done.stdout.startswith("{") else {}

    def scan(self, codes: list[str]) -> None:
        for code in codes:
            self.pty.send(code.encode() + b"\r")
            line = self.proc.expect("scan")
            assert line.get("recorded"), line

    def drained(self) -> bool:
        shown = self._cli("status", "--json")
        return shown["pending"] == 0 and shown["online"] is True

    def close(self) -> None:
        self.proc.ensure_stopped()
        self.pty.close()


def _uploader(
    url: str, cafile: Path, tag: str, station_id: str, token: str, seconds: list[float]
) -> Callable[[], int]:
    def upload() -> int:
        """Every batch answered 200 with every event accepted; returns the events sent."""
        sent = 0
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            for n in range(BATCHES):
                parent = f"SB{tag}{n:02d}"
                events = [event("parent_scan", parent)] + [
                    event("child_link", kid, parent=parent)
                    for kid in children(CHILDREN_PER_BATCH, prefix=f"U{tag}{n}")
                ]
                started = time.perf_counter()
                reply = session.post(
                    f"{url}/api/v1/sync/events",
                    json=batch(station_id, events),
                    verify=str(cafile),  # per request: REQUESTS_CA_BUNDLE beats a session's
                    timeout=ANSWER_TIMEOUT,
                )
                seconds.append(time.perf_counter() - started)
                assert reply.status_code == 200, reply.text
                assert {r["status"] for r in reply.json()["results"]} == {"accepted"}, reply.text
                sent += len(events)
        return sent

    return upload


def _run_all(jobs: list[Callable[[], int]]) -> list[int]:
    results: dict[int, int | BaseException] = {}

    def run(n: int, job: Callable[[], int]) -> None:
        try:
            results[n] = job()
        except BaseException as exc:
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(ANSWER_TIMEOUT * BATCHES)
    sent: list[int] = []
    for n in range(len(jobs)):
        outcome = results.get(n, AssertionError("never finished"))
        assert isinstance(outcome, int), f"uploader {n}: {outcome!r}"
        sent.append(outcome)
    return sent


def _summary(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return (
        f"{len(ms)} uploads: median {statistics.median(ms):.0f} ms, p99 {p99:.0f} ms, "
        f"max {ms[-1]:.0f} ms"
    )


# --- slow clients ---------------------------------------------------------------------------


def _slow(
    proxied: Proxied,
    source: str,
    head: bytes,
    body: bytes,
    stop: threading.Event,
    stall_after: int | None = None,
) -> SlowClient:
    """A slow client of nginx's TLS port from ``source``, trusting the test's certificate."""
    port, tls = proxied.nginx.https_port, proxied.tls()
    return SlowClient(port, head, body, stop, source=source, tls=tls, stall_after=stall_after)


def _slow_clients(proxied: Proxied, stop: threading.Event) -> dict[str, list[SlowClient]]:
    """50 slow clients of three kinds, each from its own address (127.0.1.N), as many
    machines would be: one address alone is capped by limit_conn."""
    header = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    body = b'{"station_id": "st_slow", "sent_at": "", "events": [' + b" " * 250 + b"]}"
    post = (
        b"POST /api/v1/sync/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    kinds: dict[str, list[SlowClient]] = {"header": [], "stalled_body": [], "trickled_body": []}
    for n in range(50):
        source = f"127.0.1.{n + 1}"
        if n < 20:
            kinds["header"].append(
                _slow(proxied, source, header[:20], header[20:] + b"X-Pad: " + b"a" * 300, stop)
            )
        elif n < 35:
            kinds["stalled_body"].append(_slow(proxied, source, post, body, stop, stall_after=3))
        else:
            kinds["trickled_body"].append(_slow(proxied, source, post, body, stop))
    return kinds


def test_stations_sync_through_nginx_while_fifty_slow_clients_hold_connections(
    proxied: Proxied,
) -> None:
    server_admin(proxied.db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin",
                 stdin="ravi-secret-1\n")  # fmt: skip
    ctx: Any = proxied.app.extensions["tracetrack"]
    with ctx.sessions() as session:
        uploaders = [make_station(session, f"Uploader {n}") for n in range(UPLOADERS)]
    lines = [Line(proxied, n) for n in range(STATIONS)]
    stop = threading.Event()
    kinds = _slow_clients(proxied, stop)
    slow = [client for group in kinds.values() for client in group]
    quiet: list[float] = []
    attacked: list[float] = []
    try:
        for line in lines:
            line.proc.start()
        sent = sum(
            _run_all(
                [
                    _uploader(proxied.url, proxied.cert, f"{n:02d}0", sid, token, quiet)
                    for n, (sid, token) in enumerate(uploaders)
                ]
            )
        )

        for client in slow:
            client.start()
        for client in slow:  # every slow client holds a connection before the stations go
            assert client.holding.wait(60), "a slow client never got to send"
        attack_started = time.monotonic()
        scans = 0
        for n, line in enumerate(lines):
            codes = [f"SB{n:03d}99"] + [f"S{n}{c:05d}" for c in range(SCANS_PER_STATION - 1)]
            line.scan(codes)
            scans += len(codes)
        sent += sum(
            _run_all(
                [
                    _uploader(proxied.url, proxied.cert, f"{n:02d}1", sid, token, attacked)
                    for n, (sid, token) in enumerate(uploaders)
                ]
            )
        )
        for line in lines:
            wait_for(line.drained, "a station to drain through nginx", timeout=90)
        # The whole attack, not just its start: every cuttable slow client cut at least once.
        cuttable = kinds["header"] + kinds["stalled_body"]
        wait_for(lambda: all(c.cut_off for c in cuttable), "nginx to cut the slow clients")
        attack_seconds = time.monotonic() - attack_started
        for line in lines:
            assert line.proc.terminate() == 0
    finally:
        stop.set()
        for line in lines:
            line.close()
        for client in slow:
            if client.ident is not None:  # started
                client.join(5)

    print(  # the numbers for the report (pytest -s)
        f"\nnginx + TLS, quiet: {_summary(quiet)}\n"
        f"nginx + TLS, 50 slow clients: {_summary(attacked)}\n"
        f"slow clients cut: {sum(len(c.cut_off) for c in slow)} times in {attack_seconds:.0f} s"
    )
    for client in slow:
        assert client.error is None, client.error
        assert not client.finished, "a slow client got its whole request in unhindered"
        for answer in client.cut_off:  # closed, or told why first
            assert answer == b"" or answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    for client in kinds["trickled_body"]:
        assert not client.cut_off, "nginx cut a body that kept arriving (client_body_timeout)"
    slow_sources = {client.source for client in slow}
    reached_app = [r for r in proxied.log() if r["client"] in slow_sources and r["upstream"]]
    assert reached_app == [], "a slow client's partial request reached the app"

    with ctx.sessions() as session:
        stored = session.scalar(sql_select(func.count()).select_from(Event))
    assert stored == sent + scans
    stores = {enrolled_station_id(line.data): LocalStore(line.data) for line in lines}
    try:
        assert_consistent(proxied.app, stores)
    finally:
        for store in stores.values():
            store.close()


# --- limits, stream, addresses, redirect ----------------------------------------------------


def _declare(proxied: Proxied, path: str, length: int) -> tuple[int, dict[str, Any]]:
    """POST headers declaring a body of ``length`` bytes, and read the answer unsent."""
    conn = http.client.HTTPSConnection(
        "127.0.0.1", proxied.nginx.https_port, context=proxied.tls(), timeout=30
    )
    try:
        conn.putrequest("POST", path)
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(length))
        conn.endheaders()
        reply = conn.getresponse()
        return reply.status, json.loads(reply.read())
    finally:
        conn.close()


def test_body_limits_match_the_servers(proxied: Proxied) -> None:
    status, body = _declare(proxied, "/api/v1/sync/events", MAX_BATCH_BYTES + 1)
    assert status == 413
    assert body["error"]["code"] == "payload_too_large"
    assert body["error"]["max_batch_bytes"] == MAX_BATCH_BYTES  # what a station shrinks to
    status, body = _declare(proxied, "/api/v1/imports/links", MAX_UPLOAD_BYTES + 1)
    assert status == 413
    assert body["error"]["max_upload_bytes"] == MAX_UPLOAD_BYTES

    # At the limit (and over a batch's, for an import) nginx passes the body on: the app
    # answers, here for want of a token.
    at_limit = requests.post(
        f"{proxied.url}/api/v1/sync/events",
        data=b" " * MAX_BATCH_BYTES,
        headers={"Content-Type": "application/json"},
        verify=str(proxied.cert),
        timeout=ANSWER_TIMEOUT,
    )
    assert at_limit.status_code == 401, at_limit.text
    sheet = requests.post(
        f"{proxied.url}/api/v1/imports/links?dry_run=1",
        files={"file": ("links.csv", b"Child,Parent\n" + b"x" * (3 * MAX_BATCH_BYTES))},
        verify=str(proxied.cert),
        timeout=ANSWER_TIMEOUT,
    )
    assert sheet.status_code == 401, (sheet.text, proxied.nginx.error_log.read_text()[-3000:])

    # nginx writes a request's log line after its answer: wait for all four
    def logged() -> bool:
        statuses = [r["status"] for r in proxied.log()]
        return statuses.count(413) >= 2 and statuses.count(401) >= 2

    wait_for(logged, "nginx to log the four requests")
    log = proxied.log()
    refused = [r for r in log if r["status"] == 413]
    assert len(refused) == 2
    assert all(r["upstream"] == "" for r in refused), refused
    passed = [r for r in log if r["status"] == 401]
    assert len(passed) == 2
    # every attempt went to the app (nginx sends an upload or import again on a fresh
    # connection when a kept-alive one failed under it: "addr, addr" in its log)
    app = f"127.0.0.1:{proxied.server.port}"
    assert all(set(r["upstream"].split(", ")) == {app} for r in passed), passed


def test_the_live_stream_passes_each_event_through(proxied: Proxied) -> None:
    ctx: Any = proxied.app.extensions["tracetrack"]
    with ctx.sessions() as session:
        read_token = make_read_token(session)
        station_id, token = make_station(session, "Line 1")
    with requests.get(
        f"{proxied.url}/api/v1/stats/events",
        headers={"Authorization": f"Bearer {read_token}"},
        stream=True,
        verify=str(proxied.cert),
        timeout=ANSWER_TIMEOUT,
    ) as stream:
        assert stream.status_code == 200
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        lines = stream.iter_lines(chunk_size=1, decode_unicode=True)
        first = _next_version(lines)
        reply = requests.post(
            f"{proxied.url}/api/v1/sync/events",
            json=batch(station_id, [event("parent_scan", "SB00042")]),
            headers={"Authorization": f"Bearer {token}"},
            verify=str(proxied.cert),
            timeout=ANSWER_TIMEOUT,
        )
        assert reply.status_code == 200, reply.text
        # Arrives while the stream is still open: nothing holds it back to fill a buffer.
        assert _next_version(lines) > first


def _next_version(lines: Iterator[str]) -> int:
    for line in lines:
        if line.startswith("data: "):
            return int(json.loads(line[len("data: ") :])["version"])
    raise AssertionError("the stream ended without an event")


def _enroll_from(proxied: Proxied, source: str) -> int:
    conn = http.client.HTTPSConnection(
        "127.0.0.1",
        proxied.nginx.https_port,
        context=proxied.tls(),
        timeout=30,
        source_address=(source, 0),
    )
    try:
        body = json.dumps({"enrollment_code": "WRONG-CODE", "hostname": "pc"})
        conn.request("POST", "/api/v1/stations/enroll", body, {"Content-Type": "application/json"})
        reply = conn.getresponse()
        reply.read()
        return reply.status
    finally:
        conn.close()


def test_the_server_throttles_each_client_address_not_the_proxys(proxied: Proxied) -> None:
    """Through X-Forwarded-For from nginx (TRACETRACK_TRUSTED_PROXIES in the env file)."""
    refused = [_enroll_from(proxied, "127.0.2.1") for _ in range(10)]
    assert refused == [401] * 10
    assert _enroll_from(proxied, "127.0.2.1") == 429  # that address is throttled ...
    assert _enroll_from(proxied, "127.0.2.2") == 401  # ... another one behind nginx is not


def test_plain_http_is_sent_to_https(proxied: Proxied) -> None:
    reply = requests.get(
        f"http://127.0.0.1:{proxied.nginx.http_port}/healthz",
        allow_redirects=False,
        timeout=ANSWER_TIMEOUT,
    )
    assert reply.status_code == 301
    assert reply.headers["Location"].startswith("https://127.0.0.1")
    assert reply.headers["Location"].endswith("/healthz")
