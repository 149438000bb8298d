"""The sync worker: a ``QObject`` living in its own ``QThread`` that runs :class:`SyncEngine`.

The GUI thread (or the headless runner) never calls the engine: it only emits ``wake`` after a
scan was committed, and listens to the worker's signals. The worker opens its own store
connection in its own thread (``open_engine`` runs there), so a slow server, a long backlog
drain or a stalled TCP connection never holds a lock the scan path needs.

Pacing: a round on start, a round as soon as possible after each ``wake`` (several wakes during
a round collapse into one more round), then one every ``interval_s`` while all is well (this
also pulls other stations' changes), or when the engine's backoff says.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from tracetrack_desktop.sync.engine import SyncEngine, SyncReport

log = logging.getLogger(__name__)

EngineOpener = Callable[[], tuple[SyncEngine, Callable[[], None]]]
"""Builds the engine (and its own store connection) in the worker's thread; returns it with
the function that closes what it opened."""


class SyncWorker(QObject):
    """Background sync, talking only by signals.

    Signals:
        status_changed(object): a :class:`SyncReport` after every round.
        conflicts_found(list): the :class:`EventResult` conflicts of a round (when any).
        sync_failed(str): a round stopped early; the text says why (the station keeps scanning).
        token_revoked(str): the server no longer accepts this station; syncing has stopped.
    """

    status_changed = Signal(object)
    conflicts_found = Signal(list)
    sync_failed = Signal(str)
    token_revoked = Signal(str)

    def __init__(
        self, open_engine: EngineOpener, *, interval_s: float = 5.0, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._open_engine = open_engine
        self.interval_ms = max(1, int(interval_s * 1000))
        self.engine: SyncEngine | None = None
        self._close: Callable[[], None] | None = None
        self._timer: QTimer | None = None
        self._urgent = False
        self._stopped = False

    # -- slots (run in the worker's thread) -----------------------------------------------

    @Slot()
    def start(self) -> None:
        """Open the engine in this thread and run the first round (connect to ``started``)."""
        if self._stopped or self.engine is not None:
            return
        try:
            self.engine, self._close = self._open_engine()
        except Exception as exc:  # e.g. the store cannot be opened: say so, keep the app up
            log.exception("the sync worker could not start")
            self.sync_failed.emit(f"sync could not start: {exc}")
            return
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._urgent = True
        self._timer.start(0)

    @Slot()
    def wake(self) -> None:
        """Something was recorded: sync it now (skipping our own backoff, not the server's)."""
        if self._timer is None or self._stopped:
            return
        self._urgent = True
        self._timer.start(0)

    @Slot()
    def stop(self) -> None:
        """Stop the timer and close the engine's connections (runs in the worker's thread)."""
        if self._stopped:
            return
        self._stopped = True
        if self._timer is not None:
            self._timer.stop()
        if self._close is not None:
            self._close()
            self._close = None
        self.engine = None

    # -- thread-safe -----------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask a round in progress to end after its current request (any thread)."""
        engine = self.engine
        if engine is not None:
            engine.cancel()

    # -- the round ---------------------------------------------------------------------------

    def _on_timer(self) -> None:
        engine = self.engine
        if engine is None or self._stopped:
            return
        urgent, self._urgent = self._urgent, False
        try:
            report = engine.run_once(urgent=urgent)
        except Exception as exc:  # a bug or a local storage error: report it, try again later
            log.exception("sync round failed")
            self.sync_failed.emit(f"sync round failed: {exc}")
            self._schedule(self.interval_ms)
            return
        self._publish(report)
        if report.token_revoked:
            return  # nothing more until the station is enrolled again
        self._schedule(self._next_delay_ms(report))

    def _publish(self, report: SyncReport) -> None:
        self.status_changed.emit(report)
        if report.conflicts:
            self.conflicts_found.emit(list(report.conflicts))
        if report.token_revoked:
            self.token_revoked.emit(report.error or "the server refused this station's token")
        elif report.error:
            self.sync_failed.emit(report.error)

    def _next_delay_ms(self, report: SyncReport) -> int:
        if report.retry_in_s is not None:
            return max(1, int(report.retry_in_s * 1000))
        if not report.drained:
            return 0  # stopped early with work left (cancelled, or new scans arrived)
        return self.interval_ms

    def _schedule(self, delay_ms: int) -> None:
        if self._timer is None or self._stopped:
            return
        if self._urgent:
            delay_ms = 0  # a wake came in during the round
        self._timer.start(delay_ms)


def thread_for(worker: SyncWorker, parent: QObject, name: str = "sync-worker") -> QThread:
    """A ``QThread`` owning ``worker``: ``started`` runs ``worker.start``, and ``finished`` runs
    ``worker.stop`` on the worker's own thread as its loop ends (after any round in progress,
    so it can stop its own timers). Start it with ``thread.start()``; end it with
    :func:`end_thread`."""
    thread = QThread(parent)
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.start)
    thread.finished.connect(worker.stop)
    return thread


def end_thread(worker: QObject, thread: QThread) -> None:
    """Ask a long drain to end after its current request, then stop and join the thread."""
    cancel = getattr(worker, "cancel", None)
    if cancel is not None:
        cancel()
    thread.quit()
    thread.wait()


__all__ = ["EngineOpener", "SyncWorker", "end_thread", "thread_for"]
