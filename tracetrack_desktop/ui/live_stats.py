"""Live dashboard: the server's stats stream (``GET /api/v1/stats/events``), read off the GUI
thread, telling the dashboard when to fetch its figures again.

:class:`LiveStatsReader` is a ``QObject`` run on its own ``QThread``: it holds one
server-sent-events stream open through :class:`StationSession` (``stream=True``), emits
``stats_changed`` for each ``stats`` event and ``live_changed`` when the stream comes up or
goes down, and reconnects with backoff. :class:`LiveStats` is its GUI-thread face: it owns the
thread, and opens the stream only while a dashboard is showing (an open dashboard is what
costs the server a stream). :class:`LiveStatusLabel` says discreetly which way the figures
come: "live", or "refreshing every 5 s" while the app falls back to polling.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import requests
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from tracetrack_desktop.sync.backoff import Backoff
from tracetrack_desktop.sync.client import StationSession

log = logging.getLogger(__name__)

EVENTS_PATH = "/api/v1/stats/events"
CONNECT_TIMEOUT_S = 3.05
READ_TIMEOUT_S = 35.0
"""Silence longer than this is a dead connection: the server sends a heartbeat every 15 s."""
DEFAULT_RETRY_S = 2.0
"""Before reconnecting after the server ended a stream, unless it said (``retry:``)."""
MIN_REFETCH_MS = 1000
"""A dashboard fetches its figures (six requests) at most this often while changes stream in,
whatever a server tells (the contract allows ~4 events a second): 200 dashboards refetching at
that pace would cost the server more than its stations do. A change is still shown within
about a second."""


class SseParser:
    """Server-sent events from the bytes of a stream, as they arrive (WHATWG rules, the part
    a dashboard needs: ``event``, ``data``, ``id``, ``retry``; comments are heartbeats)."""

    def __init__(self) -> None:
        self._buffer = b""
        self.retry_s: float | None = None

    def feed(self, chunk: bytes) -> Iterator[tuple[str, str]]:
        """The (event type, data) of every message ``chunk`` completes."""
        # normalised on the whole buffer: a CRLF may arrive split over two chunks
        self._buffer = (self._buffer + chunk).replace(b"\r\n", b"\n")
        while b"\n\n" in self._buffer:
            block, self._buffer = self._buffer.split(b"\n\n", 1)
            event, data = "message", []
            for line in block.decode("utf-8", "replace").split("\n"):
                if not line or line.startswith(":"):
                    continue
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "event":
                    event = value
                elif name == "data":
                    data.append(value)
                elif name == "retry" and value.isdigit():
                    self.retry_s = int(value) / 1000
            if data:
                yield event, "\n".join(data)


class _SocketKeeper(HTTPAdapter):
    """Hands each socket its connections open to ``opened``: a request waiting for an
    answer that has not begun has no response yet to interrupt, only its socket (a server
    that accepts and never answers held a stop for the whole read timeout)."""

    def __init__(self, opened: Callable[[socket.socket], None]) -> None:
        self._opened = opened
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        opened = self._opened

        def keeping(base: type[HTTPConnection]) -> type[HTTPConnection]:
            class Keeping(base):  # type: ignore[valid-type,misc]
                def connect(self) -> None:
                    super().connect()
                    opened(self.sock)

            return Keeping

        self.poolmanager.pool_classes_by_scheme = {
            "http": type("Pool", (HTTPConnectionPool,), {"ConnectionCls": keeping(HTTPConnection)}),
            "https": type(
                "TlsPool", (HTTPSConnectionPool,), {"ConnectionCls": keeping(HTTPSConnection)}
            ),
        }


def _interrupt(response: requests.Response | None, sock: socket.socket | None) -> None:
    """Wake the reader's thread wherever it blocks: shutting a socket ends its ``recv`` at
    once (closing it alone would leave it waiting for the next heartbeat). ``sock``, the
    stream's from its connect on, covers a request whose answer has not begun; the
    response's own covers a stream through a proxy, whose connections the keeper does not
    see."""
    if sock is not None:
        with contextlib.suppress(OSError):  # closed already: nothing blocks on it
            sock.shutdown(socket.SHUT_RDWR)
    if response is not None:
        with contextlib.suppress(Exception):  # already released or closed
            response.raw.shutdown()
        with contextlib.suppress(Exception):
            response.close()


class LiveStatsReader(QObject):
    """Follows the server's stats stream on its own thread (``run`` until ``stop``).

    Signals:
        stats_changed: the server's figures changed (also once on each (re)connect, since
            changes may have been missed while the stream was down).
        live_changed(bool): the stream is up (True) or down (False).

    ``set_active`` and ``stop`` may be called from any thread.
    """

    stats_changed = Signal()
    live_changed = Signal(bool)

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        ca_bundle: str | None = None,
        read_timeout_s: float = READ_TIMEOUT_S,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__()
        self.url = base_url.rstrip("/") + EVENTS_PATH
        self._token = token
        self.ca_bundle = ca_bundle
        self.read_timeout_s = read_timeout_s
        self.backoff = backoff or Backoff(base_s=1.0, cap_s=30.0)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._active = False
        self._stopped = False
        self._response: requests.Response | None = None
        self._socket: socket.socket | None = None  # the stream's, from its connect on
        self._live = False

    def set_active(self, active: bool) -> None:
        """Open the stream (a dashboard is showing) or close it (none is)."""
        with self._lock:
            self._active = active
            response = None if active else self._response
            sock = None if active else self._socket
        self._wake.set()
        _interrupt(response, sock)

    def stop(self) -> None:
        """End ``run`` soon (it returns; then quit the thread)."""
        with self._lock:
            self._stopped = True
            response, sock = self._response, self._socket
        self._wake.set()
        _interrupt(response, sock)

    def _opened(self, sock: socket.socket) -> None:
        """A connection of the stream's is open (on the reader's thread)."""
        with self._lock:
            self._socket = sock
            unwanted = self._stopped or not self._active
        if unwanted:
            _interrupt(None, sock)

    def _wanted(self) -> tuple[bool, bool]:
        with self._lock:
            return self._stopped, self._active

    def _set_live(self, live: bool) -> None:
        if live != self._live:
            self._live = live
            self.live_changed.emit(live)

    @Slot()
    def run(self) -> None:
        session = StationSession(self.ca_bundle)
        keeper = _SocketKeeper(self._opened)
        session.mount("http://", keeper)
        session.mount("https://", keeper)
        session.headers.update(
            {"Authorization": f"Bearer {self._token}", "Accept": "text/event-stream"}
        )
        try:
            while True:
                stopped, active = self._wanted()
                if stopped:
                    return
                if not active:
                    self._set_live(False)
                    self._wake.wait()
                    self._wake.clear()
                    continue
                delay = self._follow(session)
                if self._wake.wait(delay):
                    self._wake.clear()
        finally:
            session.close()
            self._set_live(False)

    def _follow(self, session: requests.Session) -> float:
        """Read one stream until it ends; the seconds to wait before the next one."""
        try:
            response = session.get(
                self.url, stream=True, timeout=(CONNECT_TIMEOUT_S, self.read_timeout_s)
            )
        except requests.RequestException as exc:
            log.info("live stats: cannot connect (%s)", type(exc).__name__)
            self._set_live(False)
            return self.backoff.next_delay()
        with self._lock:
            self._response = response
            stopped = self._stopped or not self._active
        try:
            if stopped:
                return 0.0
            if response.status_code != 200 or not response.headers.get(
                "Content-Type", ""
            ).startswith("text/event-stream"):
                log.info("live stats: the server answered %s", response.status_code)
                self._set_live(False)
                return self.backoff.next_delay()
            self.backoff.reset()
            self._set_live(True)
            parser = SseParser()
            # read1: whatever has arrived, not a full buffer (events are a few bytes each)
            while chunk := response.raw.read1(4096):
                for event, _data in parser.feed(chunk):
                    if event == "stats":
                        self.stats_changed.emit()
            # The server ended the stream (it does now and then): come back after its retry,
            # still counting as live unless that reconnect fails.
            return parser.retry_s if parser.retry_s is not None else DEFAULT_RETRY_S
        except Exception as exc:  # a cut, a timeout, a stop: each ends this stream
            stopped, active = self._wanted()
            if stopped or not active:
                return 0.0
            log.info("live stats: the stream broke (%s)", type(exc).__name__)
            return DEFAULT_RETRY_S
        finally:
            with self._lock:
                self._response = None
            response.close()


class LiveStats(QObject):
    """The GUI thread's side of the live dashboard: the reader, its thread, its state.

    Signals:
        stats_changed: fetch the dashboard's figures again (at once after a quiet spell,
            then at most every ``min_refetch_ms`` while changes keep coming).
        live_changed(bool): the stream came up (True) or went down (False).
    """

    stats_changed = Signal()
    live_changed = Signal(bool)

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        ca_bundle: str | None = None,
        min_refetch_ms: int = MIN_REFETCH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = False
        self._held_back = False  # a change came while the throttle ran
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(min_refetch_ms)
        self._throttle.timeout.connect(self._on_throttle_timeout)
        self.reader = LiveStatsReader(base_url, token, ca_bundle=ca_bundle)
        self.stream_thread = QThread(self)
        self.stream_thread.setObjectName("live-stats")
        self.reader.moveToThread(self.stream_thread)
        self.stream_thread.started.connect(self.reader.run)
        self.reader.stats_changed.connect(self._on_reader_stats_changed)
        self.reader.live_changed.connect(self._on_reader_live_changed)

    def start(self) -> None:
        self.stream_thread.start()

    def set_active(self, active: bool) -> None:
        self.reader.set_active(active)

    def stop(self) -> None:
        """Close the stream and join the thread."""
        self.reader.stop()
        self.stream_thread.quit()
        self.stream_thread.wait()

    def _on_reader_stats_changed(self) -> None:
        if self._throttle.isActive():
            self._held_back = True
            return
        self.stats_changed.emit()
        self._throttle.start()

    def _on_throttle_timeout(self) -> None:
        if self._held_back:
            self._held_back = False
            self.stats_changed.emit()
            self._throttle.start()

    def _on_reader_live_changed(self, live: bool) -> None:
        self.live = live
        self.live_changed.emit(live)


class LiveStatusLabel(QLabel):
    """How the dashboard's figures come: pushed live, or polled while the stream is down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveStatus")
        self.live: bool | None = None
        self.setEnabled(False)  # the muted look: a note, not a control
        self.set_live(False)

    def set_live(self, live: bool) -> None:
        self.live = live
        self.setText(self.tr("● live") if live else self.tr("refreshing every 5 s"))
        self.setToolTip(
            self.tr("Figures update as soon as any station's scans reach the server.")
            if live
            else self.tr("No live connection to the server: figures are fetched every 5 s.")
        )
