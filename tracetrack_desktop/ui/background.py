"""Run one blocking call (enrollment, a first sync) off the GUI thread, answer by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Job(QObject):
    finished = Signal(object)

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self._call = call

    @Slot()
    def run(self) -> None:
        # known failures are the callee's to turn into a result; anything else is a bug and
        # propagates (PySide reports it) rather than being shown as a friendly message
        self.finished.emit(self._call())


class BackgroundCall(QObject):
    """Runs ``call`` once on its own thread.

    Signals:
        done(object): what ``call`` returned.
    """

    done = Signal(object)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.job = _Job(call)
        self.job.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.job.run)
        self.job.finished.connect(self._on_job_finished)

    def start(self) -> None:
        self.worker_thread.start()

    def _on_job_finished(self, result: object) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.done.emit(result)

    def stop(self) -> None:
        """Wait for the call to end (it carries its own timeouts)."""
        self.worker_thread.quit()
        self.worker_thread.wait()
