"""The lookup tab: any code → its parent or children, its bill, its history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.theme import named
from tracetrack_desktop.ui.views import LookupView, short_time


class LookupTab(QWidget):
    """Scan or type a code; see what the server (or, offline, this station) knows.

    Signals:
        lookup_requested(str): look this code up (typed, picked or the Look up button).
        read_submitted(object): a read of the scan line (a ``ScanRecord``).
    """

    lookup_requested = Signal(str)
    read_submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = ScanLine()
        self.entry.setPlaceholderText(self.tr("Scan or type any bag code"))
        self.button = QPushButton(self.tr("&Look up"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan line keeps the keyboard
        self.source = named(QLabel(), "sourceLabel")
        self.summary = named(QLabel(), "currentParent")
        self.summary.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.suggestions_label = QLabel(self.tr("Did you mean:"))
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(120)
        self.children_list = QListWidget()
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Event"),
                self.tr("Detail"),
                self.tr("Operator"),
                self.tr("Station"),
            ]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(self.entry, 1)
        top.addWidget(self.button)
        lists = QHBoxLayout()
        children_box = QVBoxLayout()
        children_box.addWidget(QLabel(self.tr("Children")))
        children_box.addWidget(self.children_list)
        history_box = QVBoxLayout()
        history_box.addWidget(QLabel(self.tr("History")))
        history_box.addWidget(self.history)
        lists.addLayout(children_box, 1)
        lists.addLayout(history_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.source)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions)
        layout.addLayout(lists, 1)
        self._connect_signals()
        self.show_result(None)

    def _connect_signals(self) -> None:
        self.button.clicked.connect(self._on_submit)
        self.entry.read_submitted.connect(self.read_submitted)
        self.suggestions.itemActivated.connect(self._on_suggestion_activated)

    def _on_submit(self) -> None:
        code = self.entry.text().strip()
        self.entry.clear()  # the next read starts on an empty line, never glued to this one
        if code:
            self.lookup_requested.emit(code)

    def _on_suggestion_activated(self, item: QListWidgetItem) -> None:
        self.lookup_requested.emit(item.text())

    def show_pending(self, code: str) -> None:
        self.source.setText(self.tr("Asking the server about {code}…").format(code=code))

    def show_result(self, view: LookupView | None) -> None:
        """Draw a lookup result, saying where it came from."""
        self.children_list.clear()
        self.history.setRowCount(0)
        self.suggestions.clear()
        self.suggestions_label.setVisible(False)
        self.suggestions.setVisible(False)
        if view is None:
            self.source.clear()
            self.summary.setText(self.tr("Scan or type a code to see its bags, bill and history."))
            self.details.clear()
            return
        self.source.setText(
            self.tr("From the server")
            if view.source == "server"
            else self.tr("From this station only (server not reachable)")
        )
        if not view.found:
            self.summary.setText(self.tr("{code} is not known.").format(code=view.code))
            self.details.setText(view.note or self.tr("Check the label and scan it again."))
            if view.suggestions:
                self.suggestions_label.setVisible(True)
                self.suggestions.setVisible(True)
                self.suggestions.addItems(list(view.suggestions))
            return
        if view.kind == "parent":
            self.summary.setText(
                self.tr("Parent {code}: {n} children, {status}").format(
                    code=view.code, n=view.child_count, status=view.status
                )
            )
        else:
            self.summary.setText(
                self.tr("Child {code} in parent {parent}").format(
                    code=view.code, parent=view.parent or self.tr("(none)")
                )
            )
        self.details.setText(
            self.tr("Bill: {bill}").format(bill=view.bill or self.tr("not on a bill"))
            + (f" · {view.note}" if view.note else "")
        )
        self.children_list.addItems(list(view.children))
        self.history.setRowCount(len(view.history))
        for row, entry in enumerate(view.history):
            when = short_time(entry.at)
            values = (when, entry.event, entry.detail, entry.operator, entry.station)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setToolTip(entry.at)
                self.history.setItem(row, column, item)
