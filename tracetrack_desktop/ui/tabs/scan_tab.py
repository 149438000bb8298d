"""The scan tab: what a dispatcher looks at all day.

A banner that says what to scan next, the current parent and an ``n / 30`` counter big enough to
read across a packing table, the last scans with their outcome, and Undo/Finish one key away.
Finishing early asks for a confirmation in a bar (not a modal dialog) so a command barcode or
a key can answer it without reaching for the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.steady import SteadyBox
from tracetrack_desktop.ui.theme import FLASH_COLOURS, named
from tracetrack_desktop.ui.views import Mode, ScanRow, ScanScreen

MAX_ROWS = 50


class ScanTab(QWidget):
    """Scan parents and their children.

    Signals:
        undo_requested: the operator asked to undo the last link.
        finish_requested: the operator asked to finish the current parent early.
        confirm_requested: the operator confirmed the pending question.
        cancel_requested: the operator declined the pending question.
        read_submitted(object): a read of the scan line (a ``ScanRecord``, scanned or typed).
    """

    undo_requested = Signal()
    finish_requested = Signal()
    confirm_requested = Signal()
    cancel_requested = Signal()
    read_submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = named(QLabel(), "stateBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.parent_label = named(QLabel(), "currentParent")
        self.counter = named(QLabel("0 / 30"), "counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = named(QLabel(), "scanMessage")
        self.message.setWordWrap(True)

        self.confirm_bar = named(QFrame(), "confirmBar")
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Yes, finish (F10)"))
        self.cancel_button = QPushButton(self.tr("No, keep scanning (Esc)"))
        bar = QHBoxLayout(self.confirm_bar)
        bar.addWidget(self.confirm_text, 1)
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.cancel_button)
        self.confirm_bar.hide()

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Code"), self.tr("Outcome"), self.tr("Message")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # time, code and outcome as wide as their texts; the message takes the rest and wraps,
        # its row as tall as it needs: a message reads whole (a cut one left "scan the nex…")
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self._rows_timer = QTimer(self)  # owned: never fires at a deleted table
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(self._on_header_section_resized)

        self.entry = ScanLine()
        self.entry.setPlaceholderText(
            self.tr("Type a code and press Enter (scanners need no click)")
        )
        self.undo_button = QPushButton(self.tr("Undo last (F9)"))
        self.finish_button = QPushButton(self.tr("Finish parent (F10)"))
        for button in (
            self.undo_button,
            self.finish_button,
            self.confirm_button,
            self.cancel_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the scan line focused

        top = QHBoxLayout()
        left = QVBoxLayout()
        # every scan changes these: steady boxes keep that from relayouting the window
        left.addWidget(SteadyBox(self.banner, "Ag"))
        left.addWidget(SteadyBox(self.parent_label, "Ag"))
        top.addLayout(left, 3)
        top.addWidget(SteadyBox(self.counter, "000 / 000"), 2)
        actions = QHBoxLayout()
        actions.addWidget(self.entry, 1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(SteadyBox(self.message, "Ag\nAg"))  # two lines of wrapped text
        layout.addWidget(self.confirm_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._connect_signals()
        self.show_screen(ScanScreen())

    def _connect_signals(self) -> None:
        self.undo_button.clicked.connect(self.undo_requested)
        self.finish_button.clicked.connect(self.finish_requested)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.entry.read_submitted.connect(self.read_submitted)

    def show_screen(self, screen: ScanScreen) -> None:
        """Redraw the banner, parent and counter from a snapshot."""
        banners = {
            Mode.LOGGED_OUT: self.tr("LOG IN TO SCAN"),
            Mode.PARENT: self.tr("SCAN PARENT"),
            Mode.CHILDREN: self.tr("SCAN CHILDREN"),
            Mode.CONFIRM: self.tr("FINISH EARLY?"),
            Mode.BILL: self.tr("SCAN PARENTS ONTO BILL"),
        }
        self.banner.setText(banners[screen.mode])
        if self.banner.property("mode") != screen.mode.value:  # a new style: only on a change
            self.banner.setProperty("mode", screen.mode.value)
            self.banner.style().unpolish(self.banner)
            self.banner.style().polish(self.banner)
        if screen.parent:
            self.parent_label.setText(self.tr("Parent {code}").format(code=screen.parent))
            self.counter.setText(f"{screen.count} / {screen.capacity}")
        else:
            self.parent_label.setText(self.tr("No parent open"))
            self.counter.setText(f"0 / {screen.capacity}")
        confirming = screen.mode is Mode.CONFIRM
        self.confirm_bar.setVisible(confirming)
        if confirming:
            self.confirm_text.setText(
                self.tr(
                    "{parent} has only {n} of {cap} children. Finish it anyway? "
                    "Press F10 or scan CONFIRM to finish, Esc or scan CANCEL to keep scanning."
                ).format(parent=screen.parent or "", n=screen.count, cap=screen.capacity)
            )
        self.finish_button.setEnabled(screen.parent is not None)
        self.undo_button.setEnabled(screen.mode is not Mode.LOGGED_OUT)

    def show_message(self, kind: str, text: str) -> None:
        self.message.setText(text)
        if self.message.property("kind") != kind:  # a new style: only on a change
            self.message.setProperty("kind", kind)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 3:  # a wider or narrower message column wraps into other heights
            self._rows_timer.start()  # once the resize is over (other columns still move)

    def outcome_word(self, kind: str) -> str:
        """A feedback kind as the outcome column names it, in the operator's language."""
        words = {
            "good": self.tr("GOOD"),
            "parent": self.tr("PARENT"),
            "complete": self.tr("COMPLETE"),
            "duplicate": self.tr("DUPLICATE"),
            "error": self.tr("ERROR"),
            "info": self.tr("INFO"),
            "needs_confirmation": self.tr("CONFIRM?"),
        }
        return words.get(kind, kind.replace("_", " ").upper())

    def add_row(self, row: ScanRow) -> None:
        """Put one outcome at the top of the last-scans table."""
        self.table.insertRow(0)
        outcome = QTableWidgetItem(self.outcome_word(row.kind))
        outcome.setBackground(QColor(FLASH_COLOURS.get(row.kind, FLASH_COLOURS["info"])))
        outcome.setForeground(QColor("white"))
        for column, item in enumerate(
            (
                QTableWidgetItem(row.at.strftime("%H:%M:%S")),
                QTableWidgetItem(row.code),
                outcome,
                QTableWidgetItem(row.message),
            )
        ):
            self.table.setItem(0, column, item)
        self.table.resizeRowToContents(0)
        while self.table.rowCount() > MAX_ROWS:
            self.table.removeRow(self.table.rowCount() - 1)

    def clear_rows(self) -> None:
        self.table.setRowCount(0)
