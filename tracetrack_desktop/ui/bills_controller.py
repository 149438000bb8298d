"""The slots for changing a bill from the bills tab: edit, complete early, reopen, and the
yes/no about a parent that is not full.

:class:`StationApp` builds one :class:`BillsController` and shows whatever it reports on the
bills tab (``outcome_ready`` → ``show_outcome``), so a flash, a sound and a wake of the sync
worker follow every recorded change the same way as any other bill action.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from tracetrack_desktop.ui.bill_edit_dialog import BillEditDialog
from tracetrack_desktop.ui.ports import StationPort
from tracetrack_desktop.ui.tabs.bills_tab import BillsTab
from tracetrack_desktop.ui.views import BillView


class BillsController(QObject):
    """Answers the bills tab's requests to change a bill.

    Dialogs are opened, never executed, so the window keeps running while one is up (and tests
    answer them through :attr:`dialog` and :attr:`question`).

    Signals:
        outcome_ready(object): an :class:`~tracetrack_desktop.ui.views.Outcome` to show.
    """

    outcome_ready = Signal(object)

    def __init__(self, tab: BillsTab, station: StationPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.station = station
        self.dialog: BillEditDialog | None = None
        self.question: QMessageBox | None = None
        tab.edit_requested.connect(self.on_edit_requested)
        tab.complete_early_requested.connect(self.on_complete_early_requested)
        tab.reopen_requested.connect(self.on_reopen_requested)
        tab.confirm_requested.connect(self.on_confirm_requested)
        tab.cancel_requested.connect(self.on_cancel_requested)

    def _bill(self) -> BillView | None:
        bill = self.station.current_bill()
        if bill is None:  # the tab's buttons are off then; a stale click says why
            self.tab.show_message("error", self.tr("Open a bill first."))
        return bill

    def _back_to_scanning(self) -> None:
        self.tab.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- edit ------------------------------------------------------------------------

    def on_edit_requested(self) -> None:
        bill = self._bill()
        if bill is None or self.dialog is not None:
            return
        dialog = BillEditDialog(bill, self.tab.capacity.maximum(), self.tab.window())
        dialog.accepted.connect(self.on_dialog_accepted)
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def on_dialog_accepted(self) -> None:
        assert self.dialog is not None
        capacity, destination, vehicle = self.dialog.values()
        self.outcome_ready.emit(self.station.update_bill(capacity, destination, vehicle))

    def on_dialog_finished(self, result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._back_to_scanning()

    # -- complete early --------------------------------------------------------------

    def on_complete_early_requested(self) -> None:
        bill = self._bill()
        if bill is None or self.question is not None:
            return
        if bill.parent_count == 0:  # nothing to ask: the station says why it cannot
            self.outcome_ready.emit(self.station.complete_bill_early())
            return
        text = self.tr(
            "Bill {id} holds {n} of {cap} parents. Complete it with {n}? Its capacity becomes {n}."
        ).format(id=bill.bill_id, n=bill.parent_count, cap=bill.capacity)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Complete bill {id}?").format(id=bill.bill_id),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.tab.window(),
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Yes"))  # Qt has no Hindi
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&No"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # a scanner's Enter: no
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(self.on_question_clicked)
        box.finished.connect(self.on_question_finished)
        self.question = box
        box.open()

    def on_question_clicked(self, button: QAbstractButton) -> None:
        box = self.question
        if box is not None and box.standardButton(button) is QMessageBox.StandardButton.Yes:
            self.outcome_ready.emit(self.station.complete_bill_early())

    def on_question_finished(self, result: int) -> None:
        if self.question is not None:
            self.question.deleteLater()
        self.question = None
        self._back_to_scanning()

    # -- reopen, and the question about a parent that is not full ---------------------

    def on_reopen_requested(self) -> None:
        if self._bill() is not None:
            self.outcome_ready.emit(self.station.reopen_bill())
        self._back_to_scanning()

    def on_confirm_requested(self) -> None:
        self.outcome_ready.emit(self.station.confirm())
        self._back_to_scanning()

    def on_cancel_requested(self) -> None:
        self.outcome_ready.emit(self.station.cancel())
        self._back_to_scanning()
