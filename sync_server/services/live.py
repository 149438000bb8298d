"""Live dashboards: one change signal per server process, pushed to every open stream.

Design (docs/architecture.md, "Live stats"). A gthread worker has a few threads; a dashboard's
stream lasts as long as the dashboard is open, so a stream that held a thread would let 12
dashboards starve every upload. Instead, after the route has checked the token, the stream's
socket is *taken over* by this process's :class:`LiveHub`: one thread and one selector own
every stream socket of the process, and the request thread goes back to the pool at once.
That thread asks the database one cheap question (:func:`stats_version`) every
``poll_seconds`` while any stream is open, however many streams there are, and writes a few
bytes to each stream when the answer changes (coalesced: at most one event a second to a
stream) and a comment line as a heartbeat. A stream ends after ``stream_seconds`` and the
client reconnects (``retry:``), so streams spread over the workers again after a worker is
recycled.

Where the socket cannot be taken over (TLS terminated by gunicorn itself, a test or
development server), :meth:`LiveHub.long_poll` serves the same events from the request thread
for a bounded time, sharing the same single poll.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_server.db.models import Bag, Bill, Event

log = logging.getLogger(__name__)

_SIGNATURE = select(
    select(func.max(Bag.version)).scalar_subquery(),
    select(func.max(Bill.version)).scalar_subquery(),
    select(func.max(Event.received_at)).scalar_subquery(),
)


def stats_version(session: Session) -> int:
    """A number that grows whenever a dashboard's figures may have changed.

    Every figure comes from an event a station sent (a new ``events`` row, counted in
    ``stat_buckets``) or from a change of a bag or a bill (corrections, bill edits), each of
    which gets a new feed version. Each part is one backward step of an index (``bags.version``,
    ``bills.version``, ``events.received_at``), so the question costs well under a millisecond
    however large the site. The sum of non-decreasing parts never decreases and grows when any
    part does; clients compare it, they do not interpret it.
    """
    bag, bill, received = session.execute(_SIGNATURE).one()
    micros = int(received.timestamp() * 1_000_000) if received is not None else 0
    return int(bag or 0) + int(bill or 0) + micros


def version_reader(sessions: Callable[[], Session]) -> Callable[[], int]:
    """:func:`stats_version` in a short read-only transaction of its own, on a session from
    ``sessions`` (the read side's: on the read replica while it is fresh, so a dashboard told
    of a change finds it where it reads)."""

    def read() -> int:
        with sessions() as session:
            return stats_version(session)

    return read


@dataclass(frozen=True)
class LiveTiming:
    """How often the hub looks and writes (shorter in tests).

    Attributes:
        poll_seconds: between two looks at :func:`stats_version`: a change is told at most
            this long after its commit (after a quiet spell).
        event_gap_seconds: at least this between two events to one stream; changes meanwhile
            are coalesced into the next event. A dashboard fetches its figures at most once a
            second (the station's ``ui/live_stats.py``), so telling it faster on a busy site
            would cost the server and 200 dashboards wake-ups for nothing.
        heartbeat_seconds: a comment line this often keeps proxies and clients from taking a
            quiet stream for a dead one.
        stream_seconds: a stream ends after this long and its client reconnects.
        retry_ms: the ``retry:`` a client waits before reconnecting.
        long_poll_seconds: how long a stream served from a request thread lasts.
    """

    poll_seconds: float = 0.25
    event_gap_seconds: float = 1.0
    heartbeat_seconds: float = 15.0
    stream_seconds: float = 300.0
    retry_ms: int = 2000
    long_poll_seconds: float = 25.0


HEAD = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: text/event-stream; charset=utf-8\r\n"
    b"Cache-Control: no-cache, no-store\r\n"
    b"X-Content-Type-Options: nosniff\r\n"
    b"X-Accel-Buffering: no\r\n"  # nginx: pass each event on at once
    b"Connection: close\r\n"  # the body ends when the connection does
    b"\r\n"
)
HEARTBEAT = b": keep-alive\n\n"


def stats_event(version: int) -> bytes:
    """The ``stats`` event (``id`` too, so an EventSource's Last-Event-ID is the version)."""
    return f'id: {version}\nevent: stats\ndata: {{"version": {version}}}\n\n'.encode()


def retry_line(timing: LiveTiming) -> bytes:
    return f"retry: {timing.retry_ms}\n\n".encode()


@dataclass
class _Stream:
    sock: socket.socket
    opened_at: float
    sent: int | None = None  # the last version this client was told
    sent_at: float = float("-inf")  # when


class LiveHub:
    """Every live stream of one server process, and the one poll that feeds them.

    Thread-safe: :meth:`take_over` and :meth:`long_poll` run on request threads; the hub's
    own thread starts with the first stream (so after gunicorn has forked the worker).
    """

    def __init__(self, read_version: Callable[[], int], timing: LiveTiming | None = None) -> None:
        self.timing = timing or LiveTiming()
        self._read_version = read_version
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._incoming: list[socket.socket] = []
        self._streams: dict[int, _Stream] = {}
        self._waiters = 0  # long_poll streams
        self._version: int | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        # Where a taken-over socket's old descriptor points afterwards: a socket whose peer is
        # closed, so the server's own answer fails at once (EPIPE) and its close touches
        # nothing of the client's connection.
        self._sink, peer = socket.socketpair()
        peer.close()

    # -- request threads ---------------------------------------------------------------

    def take_over(self, sock: socket.socket) -> bool:
        """Own the client connection behind ``sock`` (an HTTP/1 server's socket of a request
        whose answer has not started); False when that cannot be done (TLS on it).

        The connection moves to a descriptor of the hub's own, and ``sock``'s descriptor is
        switched (``dup2``, atomic) to the dead end above: whatever the server then writes or
        closes there never reaches the client, which gets the stream's head from here.
        """
        if isinstance(sock, ssl.SSLSocket):
            return False
        own = socket.socket(fileno=os.dup(sock.fileno()))
        os.dup2(self._sink.fileno(), sock.fileno())
        try:
            own.setblocking(True)
            own.settimeout(1.0)  # a few hundred bytes into an empty send buffer: instant
            own.sendall(HEAD + retry_line(self.timing))
            own.setblocking(False)
        except OSError:
            own.close()
            return True  # the client left; nothing more to answer
        with self._lock:
            self._incoming.append(own)
            self._start_locked()
        self._wake()
        return True

    def long_poll(self) -> Iterator[bytes]:
        """The stream's body, served from the calling thread for ``long_poll_seconds``."""
        yield retry_line(self.timing)
        deadline = time.monotonic() + self.timing.long_poll_seconds
        sent: int | None = None
        with self._lock:
            self._waiters += 1
            self._start_locked()
        self._wake()
        try:
            while (left := deadline - time.monotonic()) > 0:
                version, stopping = self._wait_for_change(
                    sent, min(left, self.timing.heartbeat_seconds)
                )
                if stopping:
                    return
                if version is not None and version != sent:
                    sent = version
                    yield stats_event(version)
                elif deadline - time.monotonic() > 0:
                    yield HEARTBEAT
        finally:
            with self._lock:
                self._waiters -= 1

    def _wait_for_change(self, sent: int | None, timeout: float) -> tuple[int | None, bool]:
        """(version, stopping) once the version differs from ``sent``, or after ``timeout``."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._version not in (None, sent) or self._stopping, timeout=timeout
            )
            return self._version, self._stopping

    @property
    def stream_count(self) -> int:
        with self._lock:
            return len(self._streams) + len(self._incoming) + self._waiters

    def close(self) -> None:
        """End every stream and the hub's thread (tests; a worker's exit just drops them)."""
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
            thread = self._thread
        self._wake()
        if thread is not None:
            thread.join(timeout=5)
        for sock in (self._wake_r, self._wake_w, self._sink):
            sock.close()

    def _start_locked(self) -> None:
        if self._thread is None and not self._stopping:
            self._thread = threading.Thread(target=self._run, name="live-stats", daemon=True)
            self._thread.start()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # full: a wake-up is already pending
            self._wake_w.send(b"\0")

    # -- the hub's thread --------------------------------------------------------------

    def _run(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._wake_r, selectors.EVENT_READ)
        next_poll = time.monotonic()
        next_beat = next_poll + self.timing.heartbeat_seconds
        try:
            while not self._stopping:
                busy = bool(self._streams) or self._waiters > 0
                timeout = max(0.0, next_poll - time.monotonic()) if busy else None
                for key, _ in selector.select(timeout):
                    if key.fileobj is self._wake_r:
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(4096)
                    else:
                        self._on_readable(selector, key.fd)
                self._adopt(selector)
                now = time.monotonic()
                if now >= next_poll:
                    next_poll = now + self.timing.poll_seconds
                    if self._streams or self._waiters:
                        self._poll()
                heartbeat = now >= next_beat
                if heartbeat:
                    next_beat = now + self.timing.heartbeat_seconds
                self._write(selector, now, heartbeat=heartbeat)
        finally:
            for fd in list(self._streams):
                self._drop(selector, fd)
            selector.close()

    def _adopt(self, selector: selectors.BaseSelector) -> None:
        with self._lock:
            incoming, self._incoming = self._incoming, []
        now = time.monotonic()
        for sock in incoming:
            self._streams[sock.fileno()] = _Stream(sock, now)
            # readable means the client closed (or sent bytes we ignore)
            selector.register(sock, selectors.EVENT_READ)

    def _poll(self) -> None:
        try:
            version = self._read_version()
        except Exception:  # the database is down: heartbeats go on, events resume after
            log.warning("live stats: could not read the stats version", exc_info=True)
            return
        with self._changed:
            if version != self._version:
                self._version = version
                self._changed.notify_all()

    def _write(self, selector: selectors.BaseSelector, now: float, *, heartbeat: bool) -> None:
        version = self._version
        for fd, stream in list(self._streams.items()):
            if now - stream.opened_at >= self.timing.stream_seconds:
                self._drop(selector, fd)  # the client reconnects after retry_ms
                continue
            data = b""
            if (
                version is not None
                and stream.sent != version
                and now - stream.sent_at >= self.timing.event_gap_seconds
            ):
                data, stream.sent, stream.sent_at = stats_event(version), version, now
            elif heartbeat:
                data = HEARTBEAT
            if data and not self._send(stream.sock, data):
                self._drop(selector, fd)

    @staticmethod
    def _send(sock: socket.socket, data: bytes) -> bool:
        # A few bytes at a time: a send buffer that cannot take them belongs to a client that
        # stopped reading long ago, which is dropped rather than buffered for.
        try:
            return sock.send(data) == len(data)
        except OSError:
            return False

    def _on_readable(self, selector: selectors.BaseSelector, fd: int) -> None:
        stream = self._streams.get(fd)
        if stream is None:
            return
        try:
            closed = not stream.sock.recv(4096)
        except BlockingIOError:
            return
        except OSError:
            closed = True
        if closed:
            self._drop(selector, fd)

    def _drop(self, selector: selectors.BaseSelector, fd: int) -> None:
        stream = self._streams.pop(fd, None)
        if stream is None:
            return
        with contextlib.suppress(KeyError, ValueError):
            selector.unregister(stream.sock)
        with contextlib.suppress(OSError):
            stream.sock.shutdown(socket.SHUT_RDWR)
        stream.sock.close()
