"""Corrections from the lookup tab: which buttons a shown bag gets, the dialog, the recording.

The lookup tab draws; the station port decides what the logged-in operator may correct and
records it (one local transaction, as a scan). This controller joins them, as
:class:`~tracetrack_desktop.ui.app.StationApp` does for everything else, and tells the window
what happened the way a scan does: the message line, the flash and the sound.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from tracetrack_core.events import EventType
from tracetrack_desktop.domain.corrections import CorrectionRequest
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.ui.correction_dialog import CorrectionDialog
from tracetrack_desktop.ui.feedback import FeedbackPresenter
from tracetrack_desktop.ui.main_window import MainWindow
from tracetrack_desktop.ui.message_bridge import MessageBridge
from tracetrack_desktop.ui.ports import StationPort
from tracetrack_desktop.ui.views import LookupView


class CorrectionsController(QObject):
    """Offers and records corrections of the bag the lookup tab shows.

    Signals:
        recorded: a correction's event was written; the sync worker should look now.
    """

    recorded = Signal()

    def __init__(
        self,
        station: StationPort,
        window: MainWindow,
        feedback: FeedbackPresenter,
        bridge: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.window = window
        self.feedback = feedback
        self.bridge = bridge
        self.dialog: CorrectionDialog | None = None
        tab = window.lookup_tab
        tab.result_shown.connect(self.on_lookup_result_shown)
        tab.correction_requested.connect(self.on_correction_requested)
        # a new login (other role) rebuilds the tabs: the shown bag's buttons are its now
        window.tabs.currentChanged.connect(self.on_tabs_current_changed)

    def on_lookup_result_shown(self, view: LookupView | None) -> None:
        found = view is not None and view.found and bool(view.kind)  # a bag, not a bill
        target = self.station.correction_target(view.code) if found and view else None
        self.window.lookup_tab.show_corrections(target)

    def on_tabs_current_changed(self, index: int) -> None:
        if self.window.current_tab() == "lookup":
            self.on_lookup_result_shown(self.window.lookup_tab.view)

    def on_correction_requested(self, correction: EventType) -> None:
        target = self.window.lookup_tab.correction_target
        if target is None or self.dialog is not None:
            return
        scanner = self.window.lookup_tab.entry.reader.config
        dialog = CorrectionDialog(correction, target, self.window, scanner)
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def take_read(self, record: ScanRecord) -> bool:
        """Give a read from outside the window's lines (a serial scanner) to the open dialog's
        parent field; False when no dialog asks for one."""
        dialog = self.dialog
        if dialog is None or dialog.to_parent.isHidden():
            return False
        dialog.to_parent.setFocus()
        dialog.take_read(record)
        return True

    def on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._record(dialog.request())
        # the window manager need not hand activation back when the dialog goes
        self.window.activateWindow()
        self.window.focus_scan_line()

    def _record(self, request: CorrectionRequest) -> None:
        outcome = self.station.correct(request)
        # this station's records, not the server's: the server hears of it with the next sync
        self.window.lookup_tab.show_result(self.station.lookup(request.code))
        if outcome.kind == "error":
            self.bridge.error(outcome.message)
        elif outcome.kind == "duplicate":
            self.bridge.warning(outcome.message)
        else:
            self.bridge.info(outcome.message)
        self.feedback.present(outcome.kind)
        if outcome.recorded:
            self.window.pending.set_pending(*self.station.pending())
            self.recorded.emit()
