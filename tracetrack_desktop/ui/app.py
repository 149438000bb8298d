"""The station window's controller: connects every signal in one place and answers them.

:class:`StationApp` is handed its parts (the station port, scanner inputs, sync worker, server
reader) by the composition root, ``tracetrack_desktop/window.py``, which builds them; it owns
the main window, the feedback presenter, the message bridge and the threads its worker and
reader run on. All wiring is in :meth:`StationApp._connect_signals` and
:meth:`StationApp._attach_server`; the slots below are thin: read the widget, call one station
operation, show what came back.

Threads: the GUI thread runs widgets and the scan commit (one local transaction). The sync
worker and the server reader each live in their own ``QThread`` and talk only by signals, so a
slow or hung server never stops scanning.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

from tracetrack_desktop.scanner.qt_adapter import (
    SerialScannerBridge,
    WedgeEventFilter,
    takes_text,
)
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.serial_reader import SerialScannerConfig, Terminator
from tracetrack_desktop.scanner.wedge import WedgeConfig, WedgeDetector
from tracetrack_desktop.sync.worker import SyncWorker, end_thread, thread_for
from tracetrack_desktop.ui.admin_controller import AdminController
from tracetrack_desktop.ui.background import BackgroundCall
from tracetrack_desktop.ui.bills_controller import BillsController
from tracetrack_desktop.ui.conflicts_dialog import ConflictsDialog
from tracetrack_desktop.ui.corrections_controller import CorrectionsController
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.enrollment import EnrollAnswer, Enroller
from tracetrack_desktop.ui.feedback import (
    FeedbackPresenter,
    SoundPlayer,
    make_sound_player,
    mute_reason,
)
from tracetrack_desktop.ui.i18n import Language
from tracetrack_desktop.ui.import_controller import ImportController
from tracetrack_desktop.ui.live_stats import LiveStats
from tracetrack_desktop.ui.main_window import MainWindow
from tracetrack_desktop.ui.message_bridge import MessageBridge
from tracetrack_desktop.ui.ports import StationPort
from tracetrack_desktop.ui.settings_dialog import SettingsDialog
from tracetrack_desktop.ui.settings_model import SettingsValues, wedge_config
from tracetrack_desktop.ui.theme import apply_theme
from tracetrack_desktop.ui.views import (
    DashboardData,
    DashboardRequest,
    Download,
    LookupView,
    Mode,
    Outcome,
    ScanRow,
)

log = logging.getLogger(__name__)

IDLE_RESET_MS = 10 * 60 * 1000
"""docs/domain.md#the-stations-day: after 10 idle minutes the station returns to SCAN PARENT."""

IDLE_LOGOUT_MS = 30 * 60 * 1000
"""After this long with nothing done the operator is logged out."""

DASHBOARD_REFRESH_MS = 5_000

UNHEARD_NOTICE_MS = 3_000
"""Keys typed where no field takes them are pointed out at most this often."""


class ScanInput(Protocol):
    """Anything that reads scans: the wedge filter, a serial scanner bridge."""

    @property
    def scan_read(self) -> SignalInstance: ...


@dataclass(frozen=True)
class Timing:
    """Timer periods, shorter in tests."""

    idle_reset_ms: int = IDLE_RESET_MS
    idle_logout_ms: int = IDLE_LOGOUT_MS
    dashboard_ms: int = DASHBOARD_REFRESH_MS
    clock_ms: int = 15_000


def _field(obj: Any, *names: str) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return None


class StationApp(QObject):
    """The running station: window, logic, scanners, sync and server reader, wired together.

    Signals:
        sync_wake_requested: something was recorded; the sync worker should look now.
        dashboard_fetch_requested(object): ask the reader for figures (a
            :class:`DashboardRequest`: the dashboard's range and the station's zone).
        download_requested(object): ask the reader to save a :class:`Download`.
        bag_fetch_requested(str): ask the reader about one code.
        outcome_shown(object): an :class:`Outcome` was shown to the operator (tests, logging).
        settings_changed(object): the operator saved new :class:`SettingsValues`.
        enrollment_finished(object): an enrollment attempt ended (an :class:`EnrollAnswer`);
            on success the caller stores the token.
    """

    sync_wake_requested = Signal()
    dashboard_fetch_requested = Signal(object)
    download_requested = Signal(object)
    bag_fetch_requested = Signal(str)
    outcome_shown = Signal(object)
    settings_changed = Signal(object)
    enrollment_finished = Signal(object)

    def __init__(
        self,
        station: StationPort,
        *,
        window: MainWindow | None = None,
        sounds: SoundPlayer | None = None,
        scan_inputs: Sequence[ScanInput] = (),
        sync_worker: SyncWorker | None = None,
        reader: ServerReader | None = None,
        timing: Timing | None = None,
        settings: SettingsValues | None = None,
        list_ports: Callable[[], list[tuple[str, str]]] | None = None,
        enroller: Enroller | None = None,
        language: Language | None = None,
    ) -> None:
        super().__init__()
        self.station = station
        self.window = window or MainWindow()
        self.bridge = MessageBridge(self)
        self.feedback = FeedbackPresenter(
            self.window.overlay, sounds if sounds is not None else make_sound_player(self)
        )
        self.scan_inputs = list(scan_inputs)
        self.timing = timing or Timing()
        self.sync_worker: SyncWorker | None = None
        self.sync_thread: QThread | None = None
        self.reader: ServerReader | None = None
        self.reader_thread: QThread | None = None
        self._started = False
        self.dashboard_in_flight = False
        self.dashboard_queued = False  # a fetch asked for while one was in flight
        self.live: LiveStats | None = None  # the server's stats stream, while one is set
        self.conflict_count = 0
        self.idle_reset_timer = QTimer(self)
        self.idle_reset_timer.setSingleShot(True)
        self.idle_reset_timer.setInterval(self.timing.idle_reset_ms)
        self.idle_logout_timer = QTimer(self)
        self.idle_logout_timer.setSingleShot(True)
        self.idle_logout_timer.setInterval(self.timing.idle_logout_ms)
        self.dashboard_timer = QTimer(self)
        self.dashboard_timer.setInterval(self.timing.dashboard_ms)
        self.clock_timer = QTimer(self)  # ages in the status bar grow while nothing happens
        self.clock_timer.setInterval(self.timing.clock_ms)
        self.settings = settings or SettingsValues(offline_only=reader is None)
        self.list_ports = list_ports or (lambda: [])
        self.enroller = enroller
        self.language = language  # None: a language chosen in Settings speaks from the next start
        if language is not None:
            language.changed.connect(self.on_language_changed)
        self.settings_dialog: SettingsDialog | None = None
        self.enrollment: BackgroundCall | None = None
        self._stopped = False
        self._unheard_at = -float(UNHEARD_NOTICE_MS)
        for source in self.scan_inputs:
            if isinstance(source, WedgeEventFilter):
                self._configure_scan_lines(source.detector.config)
        self._connect_signals()
        self.bills = BillsController(self.window.bills_tab, station, self)  # edit, reopen...
        self.bills.outcome_ready.connect(functools.partial(self.show_outcome, on_bills=True))
        self.corrections = CorrectionsController(
            station, self.window, self.feedback, self.bridge, self
        )
        self.corrections.recorded.connect(self.sync_wake_requested)
        self.admin = AdminController(self.window, self)
        self.imports = ImportController(self.window, self.admin.session, self)  # one sign-in
        self._attach_server(sync_worker, reader)
        self.feedback.set_muted(self.settings.muted)
        self.window.set_mute_reason(mute_reason(self.feedback.sounds))
        if reader is None:
            self.window.connection.set_offline_only()

    # -- wiring ----------------------------------------------------------------------

    def _connect_signals(self) -> None:
        w = self.window
        self.bridge.message_shown.connect(w.show_message)
        w.closing.connect(self.stop)
        w.close_refused.connect(self.on_close_refused)
        w.settings_requested.connect(self.on_settings_requested)
        w.login_page.login_requested.connect(self.on_login_requested)
        w.operator.logout_requested.connect(self.on_logout_requested)
        w.logout_action.triggered.connect(self.on_logout_requested)
        w.conflicts.details_requested.connect(self.on_conflicts_details_requested)
        w.tabs.currentChanged.connect(self.on_tabs_current_changed)

        w.undo_action.triggered.connect(self.on_undo_requested)
        w.finish_action.triggered.connect(self.on_finish_requested)
        w.cancel_action.triggered.connect(self.on_cancel_requested)
        w.scan_tab.undo_requested.connect(self.on_undo_requested)
        w.scan_tab.finish_requested.connect(self.on_finish_requested)
        w.scan_tab.confirm_requested.connect(self.on_confirm_requested)
        w.scan_tab.cancel_requested.connect(self.on_cancel_requested)
        w.scan_tab.read_submitted.connect(self.on_scan_line_read)
        w.login_page.badge_read.connect(self.on_scanner_scan_read)

        w.bills_tab.create_requested.connect(self.on_bill_create_requested)
        w.bills_tab.open_requested.connect(self.on_bill_open_requested)
        w.bills_tab.close_requested.connect(self.on_bill_close_requested)
        w.bills_tab.read_submitted.connect(self.on_bill_line_read)
        w.bills_tab.remove_requested.connect(self.on_bill_remove_requested)
        w.bills_tab.complete_requested.connect(self.on_bill_complete_requested)
        w.bills_tab.return_requested.connect(self.on_bill_return_requested)

        w.lookup_tab.lookup_requested.connect(self.on_lookup_requested)
        w.lookup_tab.read_submitted.connect(self.on_lookup_line_read)
        w.dashboard_tab.refresh_requested.connect(self.on_dashboard_timer_timeout)
        w.dashboard_tab.download_requested.connect(self.on_dashboard_download_requested)
        w.dashboard_tab.tz = local_timezone_name()

        for source in self.scan_inputs:
            source.scan_read.connect(self.on_scanner_scan_read)
            state_signal = getattr(source, "scanner_state_changed", None)
            if state_signal is not None:
                state_signal.connect(self.on_scanner_state_changed)
            if isinstance(source, WedgeEventFilter):
                source.key_unheard.connect(self.on_wedge_key_unheard)
        qt_app = QCoreApplication.instance()
        if isinstance(qt_app, QApplication):
            qt_app.focusChanged.connect(self.on_app_focus_changed)

        self.idle_reset_timer.timeout.connect(self.on_idle_reset_timer_timeout)
        self.idle_logout_timer.timeout.connect(self.on_idle_logout_timer_timeout)
        self.dashboard_timer.timeout.connect(self.on_dashboard_timer_timeout)
        self.clock_timer.timeout.connect(self.window.pending.refresh)

    def _attach_server(self, worker: SyncWorker | None, reader: ServerReader | None) -> None:
        """Give the sync worker and the server reader their threads and wire their signals."""
        self.sync_worker, self.reader = worker, reader
        if worker is not None:
            self.sync_thread = thread_for(worker, self)
            self.sync_wake_requested.connect(worker.wake)
            worker.status_changed.connect(self.on_sync_status_changed)
            worker.conflicts_found.connect(self.on_sync_conflicts_found)
            worker.sync_failed.connect(self.on_sync_failed)
            worker.token_revoked.connect(self.on_sync_token_revoked)
        if reader is not None:
            self.reader_thread = QThread(self)
            self.reader_thread.setObjectName("server-reader")
            reader.moveToThread(self.reader_thread)
            self.dashboard_fetch_requested.connect(reader.fetch_dashboard)
            self.bag_fetch_requested.connect(reader.fetch_bag)
            reader.dashboard_fetched.connect(self.on_reader_dashboard_fetched)
            reader.dashboard_failed.connect(self.on_reader_dashboard_failed)
            reader.bag_fetched.connect(self.on_reader_bag_fetched)
            reader.bag_failed.connect(self.on_reader_bag_failed)
            self.download_requested.connect(reader.download)
            reader.download_done.connect(self.window.dashboard_tab.show_download_done)
            reader.download_failed.connect(self.window.dashboard_tab.show_download_failed)
            self.reader_thread.finished.connect(reader.close)
            self.live = LiveStats(reader.base_url, reader.token, ca_bundle=reader.ca_bundle)
            self.live.stats_changed.connect(self.on_live_stats_changed)
            self.live.live_changed.connect(self.on_live_changed)
        self.window.dashboard_tab.live_status.setVisible(reader is not None)
        if reader is not None:  # the Admin screen: the reader's server, trusting the same CA
            self.admin.use_server(reader.base_url, reader.ca_bundle)
        # the reader talks to the server the station enrolled with: warn if that is plain http
        self.window.connection.set_server(reader.base_url if reader is not None else None)

    def _detach_server(self) -> None:
        """Stop the sync worker's and the reader's threads (after their current request)."""
        if self.sync_thread is not None and self.sync_worker is not None:
            self.sync_wake_requested.disconnect(self.sync_worker.wake)
            end_thread(self.sync_worker, self.sync_thread)
        if self.reader_thread is not None:
            assert self.reader is not None
            self.dashboard_fetch_requested.disconnect(self.reader.fetch_dashboard)
            self.bag_fetch_requested.disconnect(self.reader.fetch_bag)
            self.download_requested.disconnect(self.reader.download)
            self.reader_thread.quit()
            self.reader_thread.wait()
        if self.live is not None:
            self.live.stop()
            self.live = None
        self.dashboard_in_flight = self.dashboard_queued = False

    def connect_server(self, worker: SyncWorker, reader: ServerReader) -> None:
        """Sync with a newly enrolled server from now on, without a restart."""
        self._detach_server()
        self._attach_server(worker, reader)
        self.settings = dataclasses.replace(self.settings, offline_only=False)
        self.window.connection.set_state(online=False, last_sync=None, error=None)
        if self._started and not self._stopped:
            assert self.sync_thread is not None
            assert self.reader_thread is not None
            self.sync_thread.start()
            self.reader_thread.start()
            if self.live is not None:
                self.live.start()

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> None:
        """Show the window, start listening to the scanners and the background threads."""
        qt_app = QCoreApplication.instance()
        for source in self.scan_inputs:
            if isinstance(source, WedgeEventFilter) and qt_app is not None:
                qt_app.installEventFilter(source)  # sees every key, whichever widget has focus
        if self.sync_thread is not None:
            self.sync_thread.start()
        if self.reader_thread is not None:
            self.reader_thread.start()
            if self.live is not None:
                self.live.start()
        self._started = True
        self.clock_timer.start()
        self.window.present()

    def on_close_refused(self) -> None:
        text = QCoreApplication.translate(
            "StationApp", "This station stays open: an admin can close it (log in, then Ctrl+Q)."
        )
        if self.window.logged_in():
            self.bridge.warning(text)
        else:
            self.window.login_page.show_error(text)
        self.feedback.present("error")

    def stop(self) -> None:
        """Stop timers and threads; safe to call twice (close event and app quit)."""
        if self._stopped:
            return
        self._stopped = True
        timers = (self.idle_reset_timer, self.idle_logout_timer, self.dashboard_timer)
        for timer in (*timers, self.clock_timer):
            timer.stop()
        self.window.overlay.stop()
        qt_app = QCoreApplication.instance()
        for source in self.scan_inputs:
            if isinstance(source, WedgeEventFilter) and qt_app is not None:
                qt_app.removeEventFilter(source)
            elif isinstance(source, SerialScannerBridge):
                source.stop()  # joins the reader threads
        if self.enrollment is not None:
            self.enrollment.stop()
        self.admin.stop()
        self._detach_server()

    # -- showing results -------------------------------------------------------------

    def show_outcome(self, outcome: Outcome, *, on_bills: bool = False) -> None:
        """Draw, flash and sound one outcome; poke the sync worker if something was recorded.

        Args:
            outcome: what the action did.
            on_bills: the action came from the bills tab (its message belongs there).
        """
        w = self.window
        w.scan_tab.show_screen(outcome.screen)
        w.bills_tab.show_bill(outcome.bill)
        if on_bills:
            w.bills_tab.show_message(outcome.kind, outcome.message)
        else:
            w.scan_tab.show_message(outcome.kind, outcome.message)
            w.scan_tab.add_row(
                ScanRow(datetime.now(UTC), outcome.code, outcome.kind, outcome.message)
            )
        self.feedback.present(outcome.kind)
        self._touch()
        if outcome.recorded:
            # one more waiting: counted here, not by a COUNT(*) that grows with a backlog; the
            # sync worker's next status (within a second online) sets the exact figure
            w.pending.set_pending(w.pending.count + 1, w.pending.oldest or datetime.now(UTC))
            self.sync_wake_requested.emit()
        self.outcome_shown.emit(outcome)
        if outcome.screen.mode is Mode.LOGGED_OUT and w.logged_in():  # e.g. a CMD-LOGOUT scan
            self.on_logout_requested()

    def _touch(self) -> None:
        """Any operator action restarts the idle clocks."""
        if self.window.logged_in():
            self.idle_reset_timer.start()
            self.idle_logout_timer.start()

    # -- sessions --------------------------------------------------------------------

    def on_login_requested(self, username: str, password: str) -> None:
        result = self.station.login(username, password)
        if not result.ok:
            self.window.login_page.show_error(result.message)
            self.feedback.present("error")
            return
        self._enter_workspace(result.operator, result.role)

    def _enter_workspace(self, operator: str, role: str) -> None:
        self.window.show_workspace(operator, role)
        self.window.scan_tab.clear_rows()
        self.window.scan_tab.show_screen(self.station.screen())
        self.window.scan_tab.show_message("info", "")
        self.window.bills_tab.show_bill(self.station.current_bill())
        count, oldest = self.station.pending()
        self.window.pending.set_pending(count, oldest)
        self.bridge.info(
            QCoreApplication.translate("StationApp", "Logged in as {name}.").format(name=operator)
        )
        self._touch()
        self.on_tabs_current_changed(self.window.tabs.currentIndex())

    def on_logout_requested(self) -> None:
        self.station.logout()
        self.idle_reset_timer.stop()
        self.idle_logout_timer.stop()
        self.dashboard_timer.stop()
        self.window.show_login()

    def on_idle_reset_timer_timeout(self) -> None:
        if self.window.logged_in():
            outcome = self.station.idle_reset()
            self.window.scan_tab.show_screen(outcome.screen)
            self.window.scan_tab.show_message(outcome.kind, outcome.message)

    def on_idle_logout_timer_timeout(self) -> None:
        if self.window.logged_in():
            self.on_logout_requested()
            self.window.login_page.show_error(
                QCoreApplication.translate("StationApp", "Logged out after a long idle time.")
            )

    # -- scanning --------------------------------------------------------------------

    def on_scanner_scan_read(self, record: ScanRecord) -> None:
        """A read from a scanner outside any scan line (serial, or the keyboard filter); where
        it goes depends on what is on screen."""
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.show_scan(record)  # testing the scanner records nothing
            return
        if not self.window.logged_in():
            self._login_read(record)
            return
        if self.corrections.take_read(record):  # a correction dialog is asking for a parent
            return
        tab = self.window.current_tab()
        if tab == "admin":  # a badge or a code for one of its fields, never work to record
            self.admin.on_scan_read(record)
        elif tab == "lookup":
            self.on_lookup_line_read(record)
        elif tab == "bills":
            self.on_bill_line_read(record)
        elif "scan" in self.window.visible_tabs():
            self.window.show_tab("scan")
            self.on_scan_line_read(record)
        elif "bills" in self.window.visible_tabs():
            self.window.show_tab("bills")
            self.on_bill_line_read(record)
        else:  # a supervisor's read looks the bag up
            self.window.show_tab("lookup")
            self.on_lookup_line_read(record)

    def _login_read(self, record: ScanRecord) -> None:
        if record.suspect:
            message = self.station.handle_scan(record).message  # refused, with the reason
        else:
            result = self.station.login_badge(record.text)
            if result.ok:
                self._enter_workspace(result.operator, result.role)
                return
            message = result.message
        self.window.login_page.show_error(message)
        self.window.login_page.username.setFocus()
        self.feedback.present("error")

    def on_scan_line_read(self, record: ScanRecord) -> None:
        """A read of the scan tab's line, or a scan meant for it."""
        self.show_outcome(self.station.handle_scan(record))

    def on_bill_line_read(self, record: ScanRecord) -> None:
        """A read meant for the bills tab: a bill to open, or a parent for the open bill."""
        if record.suspect:  # refused and recorded as such, shown where the biller looks
            self.show_outcome(self.station.handle_scan(record), on_bills=True)
        else:
            self._bill_scan(record.text)

    def on_lookup_line_read(self, record: ScanRecord) -> None:
        if record.suspect:
            outcome = self.station.handle_scan(record)
            self.window.lookup_tab.show_result(None)
            self.bridge.error(outcome.message)
            self.feedback.present("error")
        else:
            self.on_lookup_requested(record.text)

    def _bill_scan(self, text: str) -> None:
        if self.station.is_command(text):  # CMD-CONFIRM, CMD-CANCEL... as on the scan tab
            record = ScanRecord(text, ScanSource.TYPED, "keyboard", datetime.now(UTC))
            self.show_outcome(self.station.handle_scan(record), on_bills=True)
        elif self.station.current_bill() is None:
            self.show_outcome(self.station.open_bill(text), on_bills=True)
        else:
            self.show_outcome(self.station.add_parent_to_bill(text), on_bills=True)

    def on_code_typed(self, text: str) -> None:
        """A code typed by hand for the scan tab (no timing to judge: taken as typed)."""
        record = ScanRecord(
            text=text, source=ScanSource.TYPED, scanner_id="keyboard", arrived_at=datetime.now(UTC)
        )
        self.on_scan_line_read(record)

    def on_wedge_key_unheard(self, text: str) -> None:
        """Keys went where no field takes text: say so, never let them vanish quietly."""
        now = time.monotonic() * 1000
        if now - self._unheard_at < UNHEARD_NOTICE_MS:
            return
        self._unheard_at = now
        self.bridge.warning(
            QCoreApplication.translate(
                "StationApp", "Keys typed here went nowhere ({text}): click a field, then type."
            ).format(text=text[:20])
        )
        self.feedback.present("error")

    def on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """On a screen with a scan line, focus that leaves text fields comes back to it."""
        if self._stopped or QApplication.activeModalWidget() is not None:
            return
        if new is not None and (takes_text(new) or new.window() is not self.window):
            return
        if new is None and QApplication.activeWindow() is not self.window:
            return  # another window (or none) is active: nothing to take back
        QTimer.singleShot(0, self.window.focus_scan_line)

    def on_undo_requested(self) -> None:
        if self.window.logged_in() and "scan" in self.window.visible_tabs():
            self.show_outcome(self.station.undo())

    def on_finish_requested(self) -> None:
        if not (self.window.logged_in() and "scan" in self.window.visible_tabs()):
            return
        if self.station.screen().mode is Mode.CONFIRM:  # F10 twice = confirm
            self.show_outcome(self.station.confirm())
        else:
            self.show_outcome(self.station.finish())

    def on_confirm_requested(self) -> None:
        self.show_outcome(self.station.confirm())

    def on_cancel_requested(self) -> None:
        if not self.window.logged_in():
            return
        if self.station.screen().mode is Mode.CONFIRM:
            self.show_outcome(self.station.cancel())
        elif self.window.current_tab() == "bills" and self.window.bills_tab.asking():
            self.show_outcome(self.station.cancel(), on_bills=True)  # "keep it off"

    # -- bills -----------------------------------------------------------------------

    def on_bill_create_requested(
        self, bill_id: str, capacity: int, destination: str, vehicle: str
    ) -> None:
        outcome = self.station.create_bill(bill_id, capacity, destination, vehicle)
        if outcome.kind == "error":
            self.window.bills_tab.show_form_error(outcome.message)
        self.show_outcome(outcome, on_bills=True)

    def on_bill_open_requested(self, bill_id: str) -> None:
        outcome = self.station.open_bill(bill_id)
        if outcome.kind == "error":
            self.window.bills_tab.show_form_error(outcome.message)
        self.show_outcome(outcome, on_bills=True)

    def on_bill_close_requested(self) -> None:
        self.show_outcome(self.station.close_bill(), on_bills=True)

    def on_bill_remove_requested(self, code: str) -> None:
        self.show_outcome(self.station.remove_parent_from_bill(code), on_bills=True)

    def on_bill_complete_requested(self) -> None:
        self.show_outcome(self.station.complete_bill(), on_bills=True)

    def on_bill_return_requested(self, code: str, ticket: str, location: str) -> None:
        self.show_outcome(self.station.return_parent(code, ticket, location), on_bills=True)

    # -- lookup ----------------------------------------------------------------------

    def on_lookup_requested(self, text: str) -> None:
        self._touch()
        code = self.station.lookup_key(text)  # a long label's number, a GS1 label's code
        if self.reader is None:
            self.window.lookup_tab.show_result(self.station.lookup(code))
            return
        self.window.lookup_tab.show_pending(code)
        self.bag_fetch_requested.emit(code)

    def on_reader_bag_fetched(self, view: LookupView) -> None:
        if not view.found and not view.suggestions:
            local = self.station.lookup(view.code)
            if local.found:  # scanned here but not synced yet: the server cannot know it
                self.window.lookup_tab.show_result(local)
                return
        self.window.lookup_tab.show_result(view)

    def on_reader_bag_failed(self, code: str, reason: str) -> None:
        self.window.lookup_tab.show_result(self.station.lookup(code))
        self.bridge.warning(
            QCoreApplication.translate(
                "StationApp", "Server not reachable ({reason}); showing this station's records."
            ).format(reason=reason)
        )

    # -- dashboard -------------------------------------------------------------------

    def on_tabs_current_changed(self, index: int) -> None:
        self.window.focus_scan_line()
        showing = self.window.current_tab() == "dashboard"
        if self.live is not None:  # a stream only while a dashboard is open
            self.live.set_active(showing)
        if showing:
            self.on_dashboard_timer_timeout()
            if self.live is None or not self.live.live:  # while live, pushes replace polling
                self.dashboard_timer.start()
        else:
            self.dashboard_timer.stop()

    def on_dashboard_timer_timeout(self) -> None:
        """Fetch the dashboard's figures now (the timer, Refresh, another range, a push)."""
        if self.reader is None:
            self.window.dashboard_tab.show_data(self.station.local_dashboard(datetime.now(UTC)))
            return
        if self.dashboard_in_flight:  # a slow server must not pile requests up: one queued
            self.dashboard_queued = True
            return
        self.dashboard_in_flight = True
        tab = self.window.dashboard_tab
        self.dashboard_fetch_requested.emit(DashboardRequest(tab.span(), tab.tz))

    def on_reader_dashboard_fetched(self, data: DashboardData) -> None:
        self.dashboard_in_flight = False
        if data.span != self.window.dashboard_tab.span():
            # the range was changed while these figures were out: ask for the new one
            self.on_dashboard_timer_timeout()
            return
        self.window.dashboard_tab.show_data(data)
        self._fetch_queued()

    def _fetch_queued(self) -> None:
        queued, self.dashboard_queued = self.dashboard_queued, False
        if queued and self.window.current_tab() == "dashboard":
            self.on_dashboard_timer_timeout()

    def on_live_stats_changed(self) -> None:
        """The server pushed a change: fetch the figures (coalesced with one in flight)."""
        if self.window.current_tab() == "dashboard":
            self.on_dashboard_timer_timeout()

    def on_live_changed(self, live: bool) -> None:
        """The stream came up (pushes drive the dashboard) or went down (poll every 5 s)."""
        self.window.dashboard_tab.live_status.set_live(live)
        if live or self.window.current_tab() != "dashboard":
            self.dashboard_timer.stop()
        else:
            self.dashboard_timer.start()
            self.on_dashboard_timer_timeout()

    def on_dashboard_download_requested(self, job: Download) -> None:
        if self.reader is None:
            self.window.dashboard_tab.show_download_failed(
                job.target,
                QCoreApplication.translate("StationApp", "the server makes these files"),
            )
            return
        self.download_requested.emit(job)

    def on_reader_dashboard_failed(self, reason: str) -> None:
        self.dashboard_in_flight = False
        self.window.dashboard_tab.show_data(self.station.local_dashboard(datetime.now(UTC)))
        self._fetch_queued()

    # -- sync ------------------------------------------------------------------------

    def on_sync_status_changed(self, report: Any) -> None:
        status = _field(report, "status") or report
        online = bool(_field(status, "online"))
        last = _field(status, "last_success_at")
        error = _field(report, "error") or _field(status, "last_error")
        self.window.connection.set_state(online=online, last_sync=last, error=error)
        pending = _field(report, "pending")
        if isinstance(pending, int):
            age = _field(report, "oldest_pending_age_s")
            oldest = None
            if isinstance(age, int | float):
                oldest = datetime.fromtimestamp(datetime.now(UTC).timestamp() - age, UTC)
            self.window.pending.set_pending(pending, oldest)
        total = _field(status, "conflicts_total")
        if isinstance(total, int) and total > self.conflict_count:
            self.conflict_count = total
            self.window.conflicts.set_count(total)

    def on_sync_conflicts_found(self, results: list[Any]) -> None:
        self.conflict_count += len(results)
        self.window.conflicts.set_count(self.conflict_count)
        self.bridge.warning(
            QCoreApplication.translate(
                "StationApp", "{n} scans lost to another station; click the conflicts count."
            ).format(n=len(results))
        )

    def on_sync_failed(self, reason: str) -> None:
        self.window.connection.set_state(online=False, last_sync=None, error=reason)

    def on_sync_token_revoked(self, message: str) -> None:
        self.window.connection.set_state(online=False, last_sync=None, error=message)
        self.bridge.error(
            QCoreApplication.translate(
                "StationApp",
                "The server no longer accepts this station. Scans are kept here; "
                "ask an admin for an enrollment code and enter it in Settings.",
            )
        )

    def on_conflicts_details_requested(self) -> None:
        ConflictsDialog(self.station.conflicts(), self.window).open()

    # -- settings --------------------------------------------------------------------

    def on_settings_requested(self) -> None:
        for source in self.scan_inputs:
            if isinstance(source, WedgeEventFilter):
                source.flush()  # keys held mid-decision go to where they were typed, not the dialog
        dialog = SettingsDialog(
            self.settings, self.list_ports(), self.window, rules_editable=self.reader is None
        )
        dialog.settings_accepted.connect(self.on_settings_accepted)
        dialog.enroll_requested.connect(self.on_settings_enroll_requested)
        dialog.finished.connect(self.on_settings_dialog_finished)
        self.settings_dialog = dialog
        dialog.open()

    def on_settings_dialog_finished(self, result: int) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
        self.settings_dialog = None
        self.window.focus_scan_line()

    def on_settings_accepted(self, values: SettingsValues) -> None:
        self.settings = values
        self.feedback.set_muted(values.muted)
        self._configure_scanners(values)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, high_contrast=values.high_contrast)
        if self.language is not None:
            self.language.switch(values.language, self.window)
        self.settings_changed.emit(values)
        self.bridge.info(QCoreApplication.translate("StationApp", "Settings saved."))

    def on_language_changed(self, _code: str) -> None:
        """Texts drawn with values, drawn again in the new language (``ui/i18n.py`` has put
        every fixed text into it already)."""
        w = self.window
        if w.logged_in():
            w.scan_tab.show_screen(self.station.screen())
            w.bills_tab.show_bill(self.station.current_bill())
            self.on_tabs_current_changed(w.tabs.currentIndex())  # the dashboard fetches again

    def _configure_scan_lines(self, config: WedgeConfig) -> None:
        for line in self.window.scan_lines().values():
            line.configure(config)

    def _configure_scanners(self, values: SettingsValues) -> None:
        """Apply scanner settings to the running inputs (no restart needed)."""
        for source in self.scan_inputs:
            if isinstance(source, WedgeEventFilter):
                config = wedge_config(source.detector.config, values)
                source.detector = WedgeDetector(config)
                self._configure_scan_lines(config)
            elif isinstance(source, SerialScannerBridge):
                configs = []
                if values.serial_port:
                    configs.append(
                        SerialScannerConfig(
                            scanner_id=values.serial_port,
                            port=values.serial_port,
                            baudrate=values.baud,
                            terminator=Terminator(values.terminator),
                        )
                    )
                source.configure(configs)

    def on_settings_enroll_requested(self, url: str, code: str) -> None:
        enroller = self.enroller
        if enroller is None or self.enrollment is not None:
            self.on_enrollment_done(
                EnrollAnswer(
                    False,
                    QCoreApplication.translate("StationApp", "Enrollment is not available."),
                )
            )
            return
        self.enrollment = BackgroundCall(lambda: enroller(url, code), self)
        self.enrollment.done.connect(self.on_enrollment_done)
        self.enrollment.start()

    def on_enrollment_done(self, answer: EnrollAnswer) -> None:
        if self.enrollment is not None:
            self.enrollment.deleteLater()
            self.enrollment = None
        if self.settings_dialog is not None:
            self.settings_dialog.show_enrollment(answer.ok, answer.message)
        self.enrollment_finished.emit(answer)

    # -- scanners --------------------------------------------------------------------

    def on_scanner_state_changed(self, scanner_id: str, state: str, detail: str) -> None:
        self.window.scanners.set_state(scanner_id, state, detail)
        self.window.scanner_alarm.show_disconnected(self.window.scanners.disconnected())


def local_timezone_name() -> str:
    """The station's IANA zone if the system names one, else "" (the server uses UTC)."""
    tzinfo = datetime.now(UTC).astimezone().tzinfo
    key = getattr(tzinfo, "key", None)
    return key if isinstance(key, str) else ""
