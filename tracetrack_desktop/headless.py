"""``tracetrack-station --headless``: the engine with no window, for fixed-mount scanners.

Composition root of the headless station. Serial scanners feed the same workflow the window
uses; every outcome is written to stdout as one JSON line *after* its local commit (so a
line with ``"recorded": true`` is a scan the station has durably confirmed); the sync worker
runs in its own ``QThread``; SIGTERM or SIGINT ends the shift cleanly (scanner threads joined,
the sync round cancelled after its current request, the store closed).
"""

from __future__ import annotations

import contextlib
import json
import logging
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QThread, Signal, Slot

from tracetrack_core.process import settle_collector
from tracetrack_desktop.composition import Identity, open_engine_factory, server_refusal
from tracetrack_desktop.config import StationConfig, plain_http_host
from tracetrack_desktop.domain.results import ActionResult
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.pyside_fix import install_emit_refcount_fix
from tracetrack_desktop.scanner.qt_adapter import SerialScannerBridge
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.scanner.serial_reader import SerialScannerConfig, Terminator
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.sync.engine import SyncReport
from tracetrack_desktop.sync.worker import SyncWorker, end_thread, thread_for

log = logging.getLogger("tracetrack.headless")


class HeadlessError(Exception):
    """The headless station cannot start; the message says what to do."""


def parse_serial(spec: str, terminator: str = Terminator.AUTO) -> SerialScannerConfig:
    """``PORT`` or ``PORT@BAUD`` (``/dev/ttyACM0@115200``, ``COM3@9600``).

    Args:
        spec: the port, optionally with its speed after ``@``.
        terminator: what ends a read (a :class:`Terminator` name); by default CR, LF or CRLF.

    Raises:
        HeadlessError: the spec or the terminator is not usable.
    """
    port, _, baud = spec.partition("@")
    if not port:
        raise HeadlessError(f"--serial {spec!r}: give a port, e.g. /dev/ttyACM0@9600")
    try:
        rate = int(baud) if baud else 9600
    except ValueError:
        raise HeadlessError(f"--serial {spec!r}: the speed after @ must be a number") from None
    if rate <= 0:
        raise HeadlessError(f"--serial {spec!r}: the speed must be positive")
    try:
        ending = Terminator(terminator.upper())
    except ValueError:
        names = ", ".join(t.value for t in Terminator)
        raise HeadlessError(f"unknown terminator {terminator!r}: use one of {names}") from None
    return SerialScannerConfig(scanner_id=port, port=port, baudrate=rate, terminator=ending)


class HeadlessStation(QObject):
    """Scans in, outcomes out, sync in the background.

    Signals:
        wake_sync: a scan was recorded; the worker should upload now.
    """

    wake_sync = Signal()

    def __init__(
        self,
        workflow: StationWorkflow,
        scanners: SerialScannerBridge,
        worker: SyncWorker | None,
        out: TextIO,
    ) -> None:
        super().__init__()
        self.workflow = workflow
        self.scanners = scanners
        self.worker = worker
        self.out = out
        self.sync_thread: QThread | None = None
        scanners.scan_read.connect(self.on_scan_read)
        scanners.scanner_state_changed.connect(self.on_scanner_state_changed)
        if worker is not None:
            self.sync_thread = thread_for(worker, self)
            self.wake_sync.connect(worker.wake)
            worker.status_changed.connect(self.on_sync_status)
            worker.conflicts_found.connect(self.on_conflicts)
            worker.token_revoked.connect(self.on_token_revoked)

    def start(self) -> None:
        if self.sync_thread is not None:
            self.sync_thread.start()

    def stop(self) -> None:
        self.scanners.stop()
        if self.worker is not None and self.sync_thread is not None:
            end_thread(self.worker, self.sync_thread)

    def emit_line(self, kind: str, **fields: object) -> None:
        line: dict[str, object] = {
            "at": datetime.now().astimezone().isoformat(timespec="milliseconds"),
            "kind": kind,
        }
        line.update(fields)
        self.out.write(json.dumps(line, default=str) + "\n")
        self.out.flush()

    @Slot(object)
    def on_scan_read(self, record: ScanRecord) -> None:
        result: ActionResult = self.workflow.handle_scan(record)
        self.emit_line(
            "scan",
            scanner=record.scanner_id,
            code=result.code,
            feedback=result.feedback.value,
            reason=result.reason,
            message=result.message,
            recorded=result.event_id is not None,
            event_id=result.event_id,
            parent=result.screen.parent,
            count=result.screen.count,
        )
        if result.event_id is not None:
            self.wake_sync.emit()

    @Slot(str, str, str)
    def on_scanner_state_changed(self, scanner_id: str, state: str, detail: str) -> None:
        self.emit_line("scanner", scanner=scanner_id, state=state, detail=detail)

    @Slot(object)
    def on_sync_status(self, report: SyncReport) -> None:
        if report.skipped:
            return
        self.emit_line(
            "sync",
            online=report.status.online,
            uploaded=report.uploaded,
            pending=report.pending,
            conflicts=len(report.conflicts),
            error=report.error,
        )

    @Slot(list)
    def on_conflicts(self, results: list[object]) -> None:
        for result in results:
            self.emit_line("conflict", result=getattr(result, "__dict__", result))

    @Slot(str)
    def on_token_revoked(self, message: str) -> None:
        log.error("%s: scans are still kept here; enroll this station again", message)
        self.emit_line("revoked", message=message)


def _install_signal_handlers(app: QCoreApplication) -> Callable[[], None]:
    """Route SIGTERM/SIGINT into the Qt loop (wake-up fd + socket notifier, no polling)."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_readable() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(on_readable)

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signal %d: finishing the shift", signum)
        app.quit()

    old_term = signal.signal(signal.SIGTERM, on_signal)
    old_int = signal.signal(signal.SIGINT, on_signal)

    def restore() -> None:
        signal.signal(signal.SIGTERM, old_term)
        signal.signal(signal.SIGINT, old_int)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()

    return restore


def run_headless(
    *,
    data_dir: Path,
    config: StationConfig,
    scanners: Sequence[SerialScannerConfig],
    operator: str,
    identity: Identity | None,
    out: TextIO = sys.stdout,
) -> int:
    """Run until SIGTERM/SIGINT. ``identity`` None: offline only (nothing is uploaded).

    Raises:
        HeadlessError: the enrolled server is plain http:// to another machine and the
            settings do not allow it (``[server] allow_plain_http``).
    """
    if identity is not None:
        refusal = server_refusal(identity, config)
        if refusal:
            raise HeadlessError(refusal)
        host = plain_http_host(identity.server_url)
        if host:  # allowed, and said on every start so the log shows it
            log.warning("Unencrypted connection to %s (allow_plain_http = true)", host)
    install_emit_refcount_fix()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    store = LocalStore(data_dir)
    try:
        workflow = StationWorkflow(
            store,
            store.rules,
            lambda: datetime.now().astimezone(),
            debounce_ms=config.scanner.debounce_ms,
        )
        login = workflow.login_unattended(operator)
        if not workflow.operator:
            raise HeadlessError(login.message)
        worker = (
            SyncWorker(
                open_engine_factory(data_dir, identity, config),
                interval_s=config.server.sync_interval_s,
            )
            if identity is not None
            else None
        )
        bridge = SerialScannerBridge()
        station = HeadlessStation(workflow, bridge, worker, out)
        restore = _install_signal_handlers(app)
        station.emit_line(
            "started",
            operator=workflow.operator,
            scanners=[s.scanner_id for s in scanners],
            server=identity.server_url if identity else None,
            data_dir=str(data_dir),
        )
        try:
            station.start()
            bridge.configure(scanners)
            settle_collector()
            code = app.exec()
        finally:
            station.stop()
            restore()
        station.emit_line("stopped", pending=store.pending_count())
        return int(code)
    finally:
        store.close()


__all__ = ["HeadlessError", "HeadlessStation", "parse_serial", "run_headless"]
