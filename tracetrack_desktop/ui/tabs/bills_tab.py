"""The bills tab: create or open a bill, scan parents onto it, complete it, take returns.

Changing a bill (edit, complete a part-loaded one, reopen) and answering the question about a
parent that is not full are signals here; ``ui/bills_controller.py`` answers them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_core.rules import BILL_COMPLETED
from tracetrack_desktop.ui.messages import status_word
from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.theme import named
from tracetrack_desktop.ui.views import BillView


class BillsTab(QWidget):
    """A biller's work: one open bill at a time.

    Signals:
        create_requested(str, int, str, str): bill id, capacity, destination, vehicle.
        open_requested(str): open an existing bill.
        close_requested: put the open bill away.
        read_submitted(object): a read of the scan line (a ``ScanRecord``): a bill id to open
            when no bill is open, else a parent bag for the open bill.
        remove_requested(str): take this parent off the open bill.
        complete_requested: complete the open bill (it is full).
        complete_early_requested: complete the open bill with the parents on it (part-loaded).
        edit_requested: change the open bill's capacity, destination or vehicle.
        reopen_requested: reopen the open bill (it is completed).
        confirm_requested: yes, put the parent asked about on the bill.
        cancel_requested: no, leave it off.
        return_requested(str, str, str): parent code, return ticket, C&F location.
        import_requested: open the import dialog (``ui/import_controller.py``).
    """

    create_requested = Signal(str, int, str, str)
    open_requested = Signal(str)
    close_requested = Signal()
    read_submitted = Signal(object)
    remove_requested = Signal(str)
    complete_requested = Signal()
    complete_early_requested = Signal()
    edit_requested = Signal()
    reopen_requested = Signal()
    confirm_requested = Signal()
    cancel_requested = Signal()
    return_requested = Signal(str, str, str)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bill: BillView | None = None
        self.bill_id = QLineEdit()
        self.bill_id.setPlaceholderText("BILL-2025-001")
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 50)
        self.capacity.setValue(10)
        self.destination = QLineEdit()
        self.vehicle = QLineEdit()
        self.form_error = named(QLabel(), "fieldError")
        self.form_error.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create bill"))
        self.open_button = QPushButton(self.tr("&Open bill"))
        form = QFormLayout()
        form.addRow(self.tr("Bill &id"), self.bill_id)
        form.addRow(self.tr("Ca&pacity (parents)"), self.capacity)
        form.addRow(self.tr("Destination"), self.destination)
        form.addRow(self.tr("Vehicle number"), self.vehicle)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.open_button)
        form_box = QGroupBox(self.tr("Create or open a bill"))
        form_layout = QVBoxLayout(form_box)
        form_layout.addLayout(form)
        form_layout.addLayout(buttons)
        form_layout.addWidget(self.form_error)

        self.returns_ticket = QLineEdit()
        self.returns_location = QLineEdit()
        self.returns_code = QLineEdit()
        self.return_button = QPushButton(self.tr("Record &return"))
        returns_box = QGroupBox(self.tr("Return ticket"))
        returns_form = QFormLayout(returns_box)
        returns_form.addRow(self.tr("Ticket"), self.returns_ticket)
        returns_form.addRow(self.tr("C&&F location"), self.returns_location)
        returns_form.addRow(self.tr("Parent bag"), self.returns_code)
        returns_form.addRow(self.return_button)

        left = QVBoxLayout()
        left.addWidget(form_box)
        left.addWidget(returns_box)
        self.import_button = QPushButton(self.tr("Import spreads&heet…"))  # Alt+I: Bill id
        left.addWidget(self.import_button)
        left.addStretch(1)

        self.title = named(QLabel(), "stateBanner")
        self.title.setProperty("mode", "bill")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)  # the big line under it says "2 / 4 parents"
        self.weight = named(QLabel(), "currentParent")
        self.message = named(QLabel(), "scanMessage")
        self.message.setWordWrap(True)
        # shown while a parent that is not full waits for a yes (a scan of it again works too)
        self.confirm_button = QPushButton(self.tr("Con&firm: put it on"))
        self.cancel_button = QPushButton(self.tr("&Keep it off"))
        self.question = QWidget()
        question = QHBoxLayout(self.question)
        question.setContentsMargins(0, 0, 0, 0)
        question.addStretch(1)
        question.addWidget(self.confirm_button)
        question.addWidget(self.cancel_button)
        self.question.hide()
        self.parents = QTableWidget(0, 3)
        self.parents.setHorizontalHeaderLabels(
            [self.tr("Parent"), self.tr("Children"), self.tr("Expected kg")]
        )
        self.parents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.parents.verticalHeader().hide()
        self.parents.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # rows are picked by click alone
        self.entry = ScanLine()
        self.remove_button = QPushButton(self.tr("Remo&ve selected parent"))  # Alt+M: Admin
        # Alt+T: Alt+P is the capacity field's
        self.complete_button = QPushButton(self.tr("Comple&te bill"))
        self.close_button = QPushButton(self.tr("Close bill"))
        self.edit_button = QPushButton(self.tr("&Edit bill…"))
        self.reopen_button = QPushButton(self.tr("Reope&n bill"))
        for button in (
            self.create_button,
            self.open_button,
            self.return_button,
            self.import_button,
            self.remove_button,
            self.complete_button,
            self.close_button,
            self.edit_button,
            self.reopen_button,
            self.confirm_button,
            self.cancel_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the scan line focused
        actions = QHBoxLayout()
        actions.addWidget(self.entry, 1)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.complete_button)
        actions.addWidget(self.close_button)
        bill_actions = QHBoxLayout()
        bill_actions.addStretch(1)
        bill_actions.addWidget(self.edit_button)
        bill_actions.addWidget(self.reopen_button)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.details)
        right.addWidget(self.progress)
        right.addWidget(self.weight)
        right.addLayout(bill_actions)
        right.addWidget(self.message)
        right.addWidget(self.question)
        right.addWidget(self.parents, 1)
        right.addLayout(actions)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self._connect_signals()
        self.show_bill(None)

    def _connect_signals(self) -> None:
        self.create_button.clicked.connect(self._on_create_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.bill_id.returnPressed.connect(self._on_open_clicked)
        self.close_button.clicked.connect(self.close_requested)
        self.complete_button.clicked.connect(self._on_complete_clicked)
        self.edit_button.clicked.connect(self.edit_requested)
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.entry.read_submitted.connect(self.read_submitted)
        self.return_button.clicked.connect(self._on_return_clicked)
        self.import_button.clicked.connect(self.import_requested)

    def _on_create_clicked(self) -> None:
        bill_id = self.bill_id.text().strip()
        if not bill_id:
            self.show_form_error(self.tr("Type a bill id first, e.g. BILL-2025-001."))
            return
        self.create_requested.emit(
            bill_id,
            self.capacity.value(),
            self.destination.text().strip(),
            self.vehicle.text().strip(),
        )

    def _on_open_clicked(self) -> None:
        bill_id = self.bill_id.text().strip()
        if not bill_id:
            self.show_form_error(self.tr("Type or scan the id of the bill to open."))
            return
        self.open_requested.emit(bill_id)

    def _on_complete_clicked(self) -> None:
        bill = self.bill
        if bill is not None and bill.parent_count < bill.capacity:
            self.complete_early_requested.emit()  # asked first: it changes the capacity
        else:
            self.complete_requested.emit()

    def _on_remove_clicked(self) -> None:
        row = self.parents.currentRow()
        if row < 0:
            self.show_message("error", self.tr("Select a parent in the list, then press Remove."))
            return
        item = self.parents.item(row, 0)
        if item is not None:
            self.remove_requested.emit(item.text())

    def _on_return_clicked(self) -> None:
        code = self.returns_code.text().strip()
        if not code:
            self.show_message("error", self.tr("Scan or type the returned parent bag."))
            return
        self.return_requested.emit(
            code, self.returns_ticket.text().strip(), self.returns_location.text().strip()
        )
        self.returns_code.clear()

    def show_form_error(self, text: str) -> None:
        self.form_error.setText(text)

    def asking(self) -> bool:
        """Whether the tab is asking about a parent that is not full (Esc answers "keep it off")."""
        return not self.question.isHidden()

    def show_message(self, kind: str, text: str) -> None:
        """Show an outcome's message; a question (``needs_confirmation``) shows its buttons."""
        self.question.setVisible(kind == "needs_confirmation")
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def show_bill(self, bill: BillView | None) -> None:
        """Redraw the open bill (or the "no bill open" state)."""
        self.bill = bill
        has_bill = bill is not None
        completed = bill is not None and bill.status == BILL_COMPLETED
        for widget in (self.remove_button, self.close_button, self.edit_button):
            widget.setEnabled(has_bill)
        self.complete_button.setEnabled(has_bill and not completed)
        self.reopen_button.setEnabled(completed)
        self.entry.setPlaceholderText(
            self.tr("Scan or type a parent bag to put on this bill")
            if has_bill
            else self.tr("Scan or type a bill id to open it")
        )
        if bill is None:
            self.question.hide()  # its bill is gone (closed, or a log-out): so is the question
            self.title.setText(self.tr("NO BILL OPEN"))
            self.details.setText(self.tr("Create a bill or open one to scan parents onto it."))
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.weight.clear()
            self.parents.setRowCount(0)
            return
        self.form_error.clear()
        self.title.setText(
            self.tr("BILL {id} · {status}").format(
                id=bill.bill_id, status=status_word(bill.status).upper()
            )
        )
        self.details.setText(
            self.tr("Destination: {dest} · Vehicle: {veh}").format(
                dest=bill.destination or "—", veh=bill.vehicle or "—"
            )
        )
        self.progress.setRange(0, bill.capacity)
        self.progress.setValue(bill.parent_count)
        self.weight.setText(
            self.tr("{linked} / {cap} parents · {actual} kg of {expected} kg expected").format(
                linked=bill.parent_count,
                cap=bill.capacity,
                actual=bill.actual_kg,
                expected=bill.expected_kg,
            )
        )
        self.parents.setRowCount(len(bill.parents))
        for row, parent in enumerate(bill.parents):
            for column, value in enumerate(
                (parent.code, str(parent.children), str(parent.expected_kg))
            ):
                self.parents.setItem(row, column, QTableWidgetItem(value))
