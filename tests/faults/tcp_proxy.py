"""A loopback TCP proxy that misbehaves on command (threads and plain sockets, no HTTP library).

It sits between a station's :class:`~tracetrack_desktop.sync.client.SyncClient` and the live
server. It frames HTTP/1.1 just enough to tell one request and one reply apart (head up to the
blank line, then ``Content-Length`` or chunked bodies), so a fault can hit one request on a
kept-alive connection. Every request is forwarded on a fresh upstream connection.

Modes (:class:`Mode`):

* ``pass``: forward the request, relay the reply.
* ``refuse``: close the connection at accept (or, on a kept-alive one, as the request comes).
* ``stall``: accept and read, never forward, never answer (the server never sees it).
* ``slow``: forward both ways in small chunks with a delay between them.
* ``cut_after_request``: forward the request, read the server's whole reply, then close the
  client's connection without sending any of it: the request took effect, the station never
  hears.
* ``stall_after_request``: like ``cut_after_request`` but keep the connection open and silent
  until the client gives up (its read timeout fires after the server committed).

The default mode applies to every request; :meth:`TcpProxy.script` queues modes for the next
requests, one each, before the default applies again. Every socket has a timeout and every
loop a deadline: the proxy stops itself after ``lifetime`` seconds even if a test forgets to.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from urllib.parse import urlsplit

POLL_S = 0.05
"""How often blocked sockets look at the stop flag."""

MAX_HEAD = 64 * 1024


class Mode(StrEnum):
    PASS = "pass"
    REFUSE = "refuse"
    STALL = "stall"
    SLOW = "slow"
    CUT_AFTER_REQUEST = "cut_after_request"
    STALL_AFTER_REQUEST = "stall_after_request"


@dataclass(frozen=True)
class Seen:
    """One request (or refused connection) as the proxy handled it."""

    mode: Mode
    method: str
    path: str
    status: int | None  # the server's reply status (None: not forwarded, or it failed)


class _ClosedError(Exception):
    """The peer closed the connection, or the proxy is stopping."""


class TcpProxy:
    """A proxy on ``127.0.0.1:<free port>`` in front of ``upstream`` (a URL or host/port).

    Args:
        upstream: where requests go (``http://127.0.0.1:5000``).
        mode: the default mode.
        chunk: bytes per write in ``slow`` mode.
        delay_s: pause between writes in ``slow`` mode.
        lifetime_s: the proxy stops itself after this long.
        upstream_timeout_s: how long the server gets to answer one forwarded request.
    """

    def __init__(
        self,
        upstream: str | tuple[str, int],
        mode: Mode = Mode.PASS,
        *,
        chunk: int = 64,
        delay_s: float = 0.005,
        lifetime_s: float = 60.0,
        upstream_timeout_s: float = 20.0,
    ) -> None:
        if isinstance(upstream, str):
            parts = urlsplit(upstream)
            upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.upstream = upstream
        self.chunk = chunk
        self.delay_s = delay_s
        self.upstream_timeout_s = upstream_timeout_s
        self._mode = mode
        self._script: deque[Mode] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._deadline = time.monotonic() + lifetime_s
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self.seen: list[Seen] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(POLL_S)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._acceptor = threading.Thread(target=self._accept_loop, name="tcp-proxy", daemon=True)

    # -- control -----------------------------------------------------------------------------

    def start(self) -> TcpProxy:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Stop accepting, close every connection, and wait (bounded) for the threads."""
        self._stop.set()
        self._acceptor.join(timeout=5)
        with self._lock:
            sockets = list(self._sockets)
            threads = list(self._threads)
        for sock in sockets:
            _close(sock)
        for thread in threads:
            thread.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def set_mode(self, mode: Mode) -> None:
        """The mode for every request from now on (queued :meth:`script` modes go first)."""
        with self._lock:
            self._mode = mode

    def script(self, *modes: Mode) -> None:
        """Handle the next ``len(modes)`` requests with these modes, in order."""
        with self._lock:
            self._script.extend(modes)

    def scripted_left(self) -> int:
        with self._lock:
            return len(self._script)

    def requests(self, mode: Mode | None = None) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if mode is None or s.mode is mode]

    def wait_until(self, predicate: Callable[[], bool], timeout_s: float = 10.0) -> bool:
        """Poll ``predicate`` until it holds or ``timeout_s`` passes."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(POLL_S)
        return predicate()

    # -- internals ---------------------------------------------------------------------------

    def _running(self) -> bool:
        return not self._stop.is_set() and time.monotonic() < self._deadline

    def _peek_mode(self) -> Mode:
        with self._lock:
            return self._script[0] if self._script else self._mode

    def _take_mode(self) -> Mode:
        with self._lock:
            return self._script.popleft() if self._script else self._mode

    def _note(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def _accept_loop(self) -> None:
        while self._running():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._peek_mode() is Mode.REFUSE:
                self._take_mode()
                self._note(Seen(Mode.REFUSE, "", "", None))
                _close(conn)
                continue
            conn.settimeout(POLL_S)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self._sockets.add(conn)
                self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        buffer = bytearray()
        try:
            while self._running():
                request = self._read_message(client, buffer, is_request=True)
                method, path = _request_line(request)
                mode = self._take_mode()
                if mode is Mode.REFUSE:
                    self._note(Seen(mode, method, path, None))
                    return
                if mode is Mode.STALL:
                    self._note(Seen(mode, method, path, None))
                    self._hold(client)
                    return
                reply = self._forward(request, slow=mode is Mode.SLOW)
                self._note(Seen(mode, method, path, _status(reply) if reply else None))
                if reply is None:
                    return  # the server failed: the client sees the connection drop
                if mode is Mode.CUT_AFTER_REQUEST:
                    return
                if mode is Mode.STALL_AFTER_REQUEST:
                    self._hold(client)
                    return
                self._send(client, reply, slow=mode is Mode.SLOW)
                if _closes(reply):
                    return
        except (_ClosedError, OSError):
            return
        finally:
            with self._lock:
                self._sockets.discard(client)
            _close(client)

    def _hold(self, client: socket.socket) -> None:
        """Keep the connection open and silent until the client closes it."""
        while self._running():
            try:
                if not client.recv(4096):
                    return
            except TimeoutError:
                continue

    def _recv(self, sock: socket.socket, deadline: float) -> bytes:
        while self._running():
            if time.monotonic() > deadline:
                raise _ClosedError("timed out")
            try:
                data = sock.recv(65536)
            except TimeoutError:
                continue
            if not data:
                raise _ClosedError("peer closed")
            return data
        raise _ClosedError("proxy stopping")

    def _read_message(
        self,
        sock: socket.socket,
        buffer: bytearray,
        *,
        is_request: bool,
        deadline: float | None = None,
    ) -> bytes:
        """One HTTP message from ``sock`` (leftover bytes stay in ``buffer``).

        A request waits as long as the proxy runs (an idle kept-alive connection); a reply
        must arrive before ``deadline``. A reply without length runs to the server's close.
        """
        limit = deadline if deadline is not None else float("inf")
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > MAX_HEAD:
                raise _ClosedError("head too large")
            buffer += self._recv(sock, limit)
        end = buffer.index(b"\r\n\r\n") + 4
        head = bytes(buffer[:end])
        headers = _headers(head)
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body_end = self._chunked_end(sock, buffer, end, limit)
        elif "content-length" in headers:
            body_end = end + int(headers["content-length"])
            while len(buffer) < body_end:
                buffer += self._recv(sock, limit)
        elif is_request:
            body_end = end
        else:
            try:
                while True:
                    buffer += self._recv(sock, limit)
            except _ClosedError:
                if not self._running():
                    raise
            body_end = len(buffer)
        message = bytes(buffer[:body_end])
        del buffer[:body_end]
        return message

    def _chunked_end(
        self, sock: socket.socket, buffer: bytearray, start: int, deadline: float
    ) -> int:
        position = start
        while True:
            while b"\r\n" not in buffer[position:]:
                buffer += self._recv(sock, deadline)
            line_end = buffer.index(b"\r\n", position)
            size = int(bytes(buffer[position:line_end]).split(b";")[0].strip() or b"0", 16)
            position = line_end + 2
            if size == 0:
                while b"\r\n\r\n" not in buffer[position - 2 :]:
                    buffer += self._recv(sock, deadline)
                return buffer.index(b"\r\n\r\n", position - 2) + 4
            while len(buffer) < position + size + 2:
                buffer += self._recv(sock, deadline)
            position += size + 2

    def _send(self, sock: socket.socket, data: bytes, *, slow: bool) -> None:
        if not slow:
            sock.sendall(data)
            return
        for start in range(0, len(data), self.chunk):
            if not self._running():
                raise _ClosedError("proxy stopping")
            sock.sendall(data[start : start + self.chunk])
            time.sleep(self.delay_s)  # the slow link itself, not synchronisation

    def _forward(self, request: bytes, *, slow: bool) -> bytes | None:
        """Send one request to the server on a new connection; its whole reply, or None."""
        deadline = time.monotonic() + self.upstream_timeout_s
        try:
            upstream = socket.create_connection(self.upstream, timeout=self.upstream_timeout_s)
        except OSError:
            return None
        with self._lock:
            self._sockets.add(upstream)
        try:
            upstream.settimeout(POLL_S)
            self._send(upstream, request, slow=slow)
            return self._read_message(upstream, bytearray(), is_request=False, deadline=deadline)
        except (_ClosedError, OSError):
            return None
        finally:
            with self._lock:
                self._sockets.discard(upstream)
            _close(upstream)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    out: dict[str, str] = {}
    for line in lines:
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def _request_line(request: bytes) -> tuple[str, str]:
    first = request.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
    return (first[0], first[1]) if len(first) >= 2 else ("", "")


def _status(reply: bytes) -> int | None:
    parts = reply.split(b"\r\n", 1)[0].split(b" ")
    try:
        return int(parts[1])
    except (IndexError, ValueError):
        return None


def _closes(reply: bytes) -> bool:
    head = reply.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    return _headers(head).get("connection", "").lower() == "close" or reply.startswith(b"HTTP/1.0")
