"""Gunicorn settings for the sync server: the one source of truth.

``tracetrack-server serve`` passes :func:`options` to gunicorn programmatically, and
``packaging/gunicorn.conf.py`` (for ``gunicorn -c packaging/gunicorn.conf.py
sync_server.wsgi:app``) loads the same values from here, so the two never drift apart.

Why these values: gthread workers let one process overlap a few slow requests (a large
upload, a report) without the memory of more processes; one worker per core, plus one,
keeps the cores busy while other workers wait on the database (500 simulated stations on
2 cores: p99 ~170 ms with 3 workers against ~500 ms with 2, bench/NOTES.md);
``max_requests`` with jitter recycles workers one at a time so a slow leak never takes the
whole server down. Each request is already logged as one JSON line by the app, so
gunicorn's own access log is off.

Prometheus metrics from several worker processes add up only when every process writes
to one ``PROMETHEUS_MULTIPROC_DIR``; :func:`prepare_metrics_dir` makes a fresh one when the
admin did not set it, and :func:`child_exit` tells prometheus_client a worker is gone.
This module imports prometheus_client only inside hooks: the variable must be set before
the library is first imported, or the workers fall back to per-process counters.

Slow clients: a gthread worker hands each connection to one of its few threads, which then
blocks reading the request; 30 clients sending a header byte a second held every thread
(issue 17). Gunicorn has no read timeout for headers or bodies, so :func:`guard_reads`
(installed by ``post_worker_init``) reads each request, head and body, on the worker's
threads without ever blocking: what has arrived is kept with the connection, which goes
back to gunicorn's poller until more comes. A thread runs the app only once the whole
request is in memory, and a request that has not arrived by its deadline
(:class:`ReadLimits`) is answered 408 and closed.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync_server.config import Settings
from sync_server.services.imports import MAX_UPLOAD_BYTES, UPLOAD_PATH_PREFIX
from tracetrack_core.process import (
    GC_THRESHOLDS,  # noqa: F401 - the workers' thresholds
    settle_collector,
)

METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8600
DEFAULT_THREADS = 4
MAX_THREADS = 8
TIMEOUT_SECONDS = 60
GRACEFUL_TIMEOUT_SECONDS = 30
KEEPALIVE_SECONDS = 5
MAX_REQUESTS = 100_000
MAX_REQUESTS_JITTER = 10_000
# 500 stations make ~300 requests/s: a worker is recycled about every five minutes. At 5,000
# (the first value) each worker restarted every ~30 s, dropping its keep-alive connections
# and paying its start-up inside the many-stations benchmark's tail.

_created_metrics_dir: str | None = None


def cpu_count() -> int:
    """CPU cores this process may use (respects taskset/cgroup affinity where Linux tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def prepare_metrics_dir() -> str:
    """Point ``PROMETHEUS_MULTIPROC_DIR`` at an empty directory; return its path.

    Unset: a fresh temporary directory (removed again by :func:`on_exit`). Set by the admin:
    created if missing and emptied of the previous run's files, as prometheus_client asks.
    """
    global _created_metrics_dir  # noqa: PLW0603 - one master process, one directory
    path = os.environ.get(METRICS_DIR_ENV)
    if not path:
        path = tempfile.mkdtemp(prefix="tracetrack-metrics-")
        os.environ[METRICS_DIR_ENV] = path
        _created_metrics_dir = path
        return path
    directory = Path(path)
    directory.mkdir(parents=True, exist_ok=True)
    if path != _created_metrics_dir:
        for stale in directory.glob("*.db"):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
    return path


def on_starting(_server: Any) -> None:
    """Gunicorn hook (master, before any worker): make sure the metrics directory is ready."""
    prepare_metrics_dir()


def child_exit(_server: Any, worker: Any) -> None:
    """Gunicorn hook (master): drop a dead worker's live gauges from the metrics."""
    if os.environ.get(METRICS_DIR_ENV):
        from prometheus_client import multiprocess  # noqa: PLC0415 - see module docstring

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def post_worker_init(_worker: Any) -> None:
    """Move everything loaded so far (Flask, SQLAlchemy, the app) out of the garbage
    collector's sight: a full collection then walks only what requests made, instead of
    pausing a large report for 40-60 ms (measured by ``bench/read_side.py``); then collect
    less often (:data:`GC_THRESHOLDS`)."""
    settle_collector()


def on_exit(_server: Any) -> None:
    """Gunicorn hook (master, last): remove the metrics directory if we made it."""
    if _created_metrics_dir:
        shutil.rmtree(_created_metrics_dir, ignore_errors=True)


# --- slow clients ---------------------------------------------------------------------------

HEAD_LIMIT_BYTES = 64 * 1024
# A station's request line and headers are under 2 KB; a head still unfinished at 64 KiB is
# answered 431, so a trickling client can make the worker hold at most this much for it.


@dataclass(frozen=True)
class ReadLimits:
    """By when a request must have arrived, counted from its first byte.

    Attributes:
        header_timeout: seconds for the request line and headers.
        body_min_rate: bytes per second a body must at least arrive at; after its headers,
            a body of ``n`` bytes gets ``header_timeout + n / body_min_rate`` seconds.
        max_body_bytes: bodies declared larger go to the app unread (it answers 413) and
            the connection is closed after the answer.
    """

    header_timeout: float
    body_min_rate: int
    max_body_bytes: int
    upload_bytes: int = MAX_UPLOAD_BYTES
    """What a spreadsheet import (``POST /api/v1/imports/...``) may send instead."""

    def __post_init__(self) -> None:
        if self.header_timeout <= 0 or self.body_min_rate <= 0 or self.max_body_bytes <= 0:
            raise ValueError(
                "TRACETRACK_HEADER_TIMEOUT_SECONDS, TRACETRACK_BODY_MIN_BYTES_PER_SECOND and "
                f"TRACETRACK_MAX_BATCH_BYTES must be positive: {self}"
            )

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadLimits:
        return cls(
            header_timeout=settings.header_timeout_seconds,
            body_min_rate=settings.body_min_bytes_per_second,
            max_body_bytes=settings.max_batch_bytes,
        )

    def body_limit(self, request_line: bytes) -> int:
        """The largest body the request may declare: a sheet's for an import, else a batch's."""
        target = request_line.split(b" ", 2)[1:2]
        if target and target[0].startswith(UPLOAD_PATH_PREFIX.encode()):
            return max(self.max_body_bytes, self.upload_bytes)
        return self.max_body_bytes

    def body_seconds(self, length: int) -> float:
        """Seconds a body of ``length`` bytes may take once its headers are in."""
        return self.header_timeout + length / self.body_min_rate


class Verdict(enum.Enum):
    """What to do with a connection after reading what it has sent so far."""

    WAIT = "wait"  # incomplete: back to the poller until more arrives
    READY = "ready"  # the whole request is here: a thread runs it
    READY_UNREAD_BODY = "ready_unread_body"  # body over the limit: the app answers 413 unread
    GONE = "gone"  # the client closed before finishing its request
    TIMEOUT = "timeout"  # 408
    HEAD_TOO_LARGE = "head_too_large"  # 431
    LENGTH_REQUIRED = "length_required"  # 411: a chunked body has no size to bound up front
    BAD_LENGTH = "bad_length"  # 400: Content-Length missing its number or given twice


def _refusal(status: int, reason: str, code: str, message: str) -> bytes:
    # The app's error shape (docs/protocol.md#errors), written before the app sees the request.
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


REFUSALS = {
    Verdict.TIMEOUT: _refusal(
        408, "Request Timeout", "request_timeout", "The request did not arrive in time."
    ),
    Verdict.HEAD_TOO_LARGE: _refusal(
        431,
        "Request Header Fields Too Large",
        "headers_too_large",
        f"The request line and headers are over {HEAD_LIMIT_BYTES} bytes.",
    ),
    Verdict.LENGTH_REQUIRED: _refusal(
        411, "Length Required", "length_required", "Send the body with a Content-Length."
    ),
    Verdict.BAD_LENGTH: _refusal(
        400, "Bad Request", "bad_request", "The Content-Length header is not one number."
    ),
}
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
_RECV_BYTES = 256 * 1024


class IncomingRequest:
    """The bytes of one request read so far, and by when the rest must be here."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.data = bytearray()
        self.deadline: float | None = None  # set by the first byte
        self.head_end = -1  # index just past the blank line, once it has arrived
        self.scanned = 0  # bytes already searched for that blank line
        self.needed = -1  # head plus body, once the head has arrived
        self.verdict_when_whole = Verdict.READY
        self.refusal: Verdict | None = None
        self.continue_due = False  # "Expect: 100-continue" and the body is still to come

    def add(self, chunk: bytes, now: float) -> None:
        if chunk and self.deadline is None:
            self.deadline = now + self.limits.header_timeout
        self.data += chunk

    def examine(self, now: float) -> Verdict:
        """Whether the request is whole, refused, late, or still arriving."""
        if self.head_end < 0:
            self._find_head(now)
        if self.refusal is not None:
            return self.refusal
        if self.head_end >= 0 and len(self.data) >= self.needed:
            return self.verdict_when_whole
        if self.deadline is not None and now >= self.deadline:
            return Verdict.TIMEOUT
        return Verdict.WAIT

    def _find_head(self, now: float) -> None:
        # Search only what came since the last search (a trickled head is searched once).
        end = self.data.find(b"\r\n\r\n", max(0, self.scanned - 3))
        self.scanned = len(self.data)
        if end < 0 or end + 4 > HEAD_LIMIT_BYTES:
            if len(self.data) >= HEAD_LIMIT_BYTES:
                self.refusal = Verdict.HEAD_TOO_LARGE
            return
        self.head_end = end + 4
        lengths: list[bytes] = []
        expect_continue = False
        head = bytes(self.data[:end]).split(b"\r\n")
        for line in head[1:]:
            name, colon, value = line.partition(b":")
            if not colon:
                continue  # gunicorn's parser refuses it with 400
            name = name.strip().lower()
            if name == b"content-length":
                lengths.append(value.strip())
            elif name == b"transfer-encoding":
                self.refusal = Verdict.LENGTH_REQUIRED
            elif name == b"expect":
                expect_continue = value.strip().lower() == b"100-continue"
        if self.refusal is not None:
            return
        if len(lengths) > 1 or (lengths and not lengths[0].isdigit()):
            self.refusal = Verdict.BAD_LENGTH
            return
        length = int(lengths[0]) if lengths else 0
        if length > self.limits.body_limit(head[0]):
            self.needed = self.head_end  # the app refuses it from the header alone
            self.verdict_when_whole = Verdict.READY_UNREAD_BODY
            return
        self.needed = self.head_end + length
        self.deadline = now + self.limits.body_seconds(length)
        self.continue_due = expect_continue and len(self.data) < self.needed


def close_quickly(sock: socket.socket) -> None:
    """Close without waiting on the client: FIN after what we sent, then read what it had
    already sent (closing with unread bytes would reset the connection and could drop our
    answer). Gunicorn's own graceful close waits up to 2 s for the client on the worker's
    main thread, which a trickling client would fill."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_WR)
    with contextlib.suppress(OSError):
        sock.setblocking(False)
        for _ in range(16):
            if not sock.recv(4096):
                break
    with contextlib.suppress(OSError):
        sock.close()


class ReadGuard:
    """A gthread worker's ``handle`` and ``_keepalive_after``, with requests read first.

    Relies on gthread's handing back of a connection (``_DEFER``: the main thread waits on
    it in its poller, for at most ``keepalive`` seconds of silence) and on its parser's
    read-ahead buffer; :func:`guard_reads` checks both are there.
    """

    _STATE = "_tracetrack_incoming"
    _UNREAD_BODY = "_tracetrack_unread_body"

    def __init__(self, worker: Any, limits: ReadLimits, defer: object) -> None:
        self.worker = worker
        self.limits = limits
        self.defer = defer
        self.original_handle: Callable[[Any], Any] = worker.handle
        self.original_keepalive_after: Callable[[Any, bool], bool] = worker._keepalive_after

    def handle(self, conn: Any) -> Any:
        """Run in a worker thread: read what has arrived, then run the request or give the
        connection back to the poller; never wait on the client."""
        incoming: IncomingRequest | None = getattr(conn, self._STATE, None)
        if incoming is None:
            incoming = IncomingRequest(self.limits)
            setattr(conn, self._STATE, incoming)
        if conn.parser is not None:  # keep-alive: bytes the last request's reads took ahead
            incoming.add(conn.parser.unreader.take_buffered(), time.monotonic())
        verdict = self._read(conn.sock, incoming)
        if verdict is Verdict.WAIT:
            return self.defer if self.worker.alive else False
        setattr(conn, self._STATE, None)
        if verdict in (Verdict.READY, Verdict.READY_UNREAD_BODY):
            setattr(conn, self._UNREAD_BODY, verdict is Verdict.READY_UNREAD_BODY)
            conn.init()  # the HTTP/1 parser, on a connection's first request; reads nothing
            conn.parser.unreader.unread(bytes(incoming.data))
            return self.original_handle(conn)
        refusal = REFUSALS.get(verdict)
        if refusal is not None:
            with contextlib.suppress(OSError):
                conn.sock.send(refusal)
        close_quickly(conn.sock)
        return False

    def _read(self, sock: socket.socket, incoming: IncomingRequest) -> Verdict:
        try:
            sock.setblocking(False)
            while True:
                verdict = incoming.examine(time.monotonic())
                if verdict is not Verdict.WAIT:
                    return verdict
                if incoming.continue_due:
                    incoming.continue_due = False
                    sock.send(_CONTINUE)
                try:
                    chunk = sock.recv(_RECV_BYTES)
                except BlockingIOError:
                    return Verdict.WAIT
                if not chunk:
                    return Verdict.GONE
                incoming.add(chunk, time.monotonic())
        except OSError:
            return Verdict.GONE

    def keepalive_after(self, conn: Any, keepalive: bool) -> bool:
        """After the answer: a body over the limit was never read, so close instead of
        draining it (gunicorn would wait up to 5 s on a thread for it to trickle in). Any
        other body is in memory (read whole before the app ran): what the app left unread
        (a refused import) is dropped from there, whatever its size. Gunicorn's own drain
        stops after 64 KiB and closes the connection, a guard against a client trickling a
        body that is needless here, and it cut nginx's kept-alive upstream connections."""
        if getattr(conn, self._UNREAD_BODY, False):
            close_quickly(conn.sock)
            return False
        if keepalive and conn.parser is not None and not conn.parser.finish_body():
            return False  # (from memory: no socket read, so no deadline and no byte cap)
        return self.original_keepalive_after(conn, keepalive)


def guard_reads(worker: Any, limits: ReadLimits) -> ReadGuard | None:
    """Make a gthread worker read whole requests before running them (module docstring).

    Not installed (None) when the worker speaks TLS or sniffs for h2c: the TLS layer reads
    the socket itself and h2c reads its preface on its own; both are for the reverse proxy
    to do (docs/server-admin.md), and left to gunicorn here.
    """
    import gunicorn  # noqa: PLC0415 - gunicorn is absent on Windows
    from gunicorn.http.unreader import Unreader  # noqa: PLC0415
    from gunicorn.workers import gthread  # noqa: PLC0415

    defer = getattr(gthread, "_DEFER", None)
    if (
        not isinstance(worker, gthread.ThreadWorker)
        or defer is None
        or not hasattr(worker, "_keepalive_after")
        or not hasattr(gthread.TConn, "init")
        or not hasattr(Unreader, "take_buffered")
    ):
        # Refuse to serve rather than serve with threads any slow client can hold.
        raise RuntimeError(
            "tracetrack-server needs the gthread worker of gunicorn 27 to keep slow clients "
            f"from holding its threads; got {type(worker).__name__} of gunicorn "
            f"{gunicorn.__version__}"
        )
    cfg = worker.cfg
    if cfg.is_ssl or cfg.http2_cleartext not in (None, "off", "upgrade"):
        return None
    guard = ReadGuard(worker, limits, defer)
    worker.handle = guard.handle
    worker._keepalive_after = guard.keepalive_after
    return guard


def _worker_init(limits: ReadLimits) -> Callable[[Any], None]:
    def post_worker_init_guarded(worker: Any) -> None:
        post_worker_init(worker)
        guard_reads(worker, limits)

    return post_worker_init_guarded


def options(
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int | None = None,
    threads: int | None = None,
    limits: ReadLimits | None = None,
) -> dict[str, Any]:
    """Gunicorn settings by their config-file names (``bind``, ``workers`` ...).

    ``limits`` default to the ``TRACETRACK_*`` environment's (:class:`ReadLimits`).
    """
    limits = limits or ReadLimits.from_settings(Settings.from_env())
    # Heartbeat files in RAM, so a slow disk cannot make workers look dead; gunicorn
    # creates them with mkstemp, so a shared directory is safe.
    shm = Path("/dev/shm")  # noqa: S108
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "worker_class": "gthread",
        "workers": workers or cpu_count() + 1,
        "threads": min(max(threads or DEFAULT_THREADS, 1), 64),
        "timeout": TIMEOUT_SECONDS,
        "graceful_timeout": GRACEFUL_TIMEOUT_SECONDS,
        "keepalive": KEEPALIVE_SECONDS,
        "max_requests": MAX_REQUESTS,
        "max_requests_jitter": MAX_REQUESTS_JITTER,
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "tracetrack-server",
        # gunicorn 24+ opens a control socket at a fixed path in $HOME; two servers on one
        # machine would fight over it, and nothing here uses it (older gunicorn: ignored).
        "control_socket_disable": True,
        "worker_tmp_dir": str(shm) if shm.is_dir() else None,
        "on_starting": on_starting,
        "child_exit": child_exit,
        "post_worker_init": _worker_init(limits),
        "on_exit": on_exit,
    }
