"""The lookup tab: any code → its parent or children, its bill, its history; for billers and
admins, the corrections the bag allows."""

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

from tracetrack_desktop.domain.corrections import CORRECTIONS, CorrectionTarget
from tracetrack_desktop.ui.correction_dialog import correction_title, why_text
from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.theme import named
from tracetrack_desktop.ui.views import LookupView, short_time

_BADGE_STYLE = (
    "QLabel { background: #b91c1c; color: white; font-weight: 700; padding: 2px 10px;"
    " border-radius: 4px; }"
)


class LookupTab(QWidget):
    """Scan or type a code; see what the server (or, offline, this station) knows.

    Signals:
        lookup_requested(str): look this code up (typed, picked or the Look up button).
        read_submitted(object): a read of the scan line (a ``ScanRecord``).
        result_shown(object): a result (a :class:`LookupView`, or None) was drawn.
        correction_requested(object): a correction button was pressed (its ``EventType``).
    """

    lookup_requested = Signal(str)
    read_submitted = Signal(object)
    result_shown = Signal(object)
    correction_requested = Signal(object)

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
        self.voided_badge = QLabel(self.tr("VOIDED"))
        self.voided_badge.setStyleSheet(_BADGE_STYLE)
        self.view: LookupView | None = None
        self.correction_target: CorrectionTarget | None = None
        self.correction_buttons = {c: QPushButton(correction_title(c)) for c in CORRECTIONS}
        self.corrections = QWidget()
        corrections_row = QHBoxLayout(self.corrections)
        corrections_row.setContentsMargins(0, 0, 0, 0)
        corrections_row.addWidget(QLabel(self.tr("Correct:")))
        for button in self.correction_buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+letter; the scan line keeps keys
            corrections_row.addWidget(button)
        corrections_row.addStretch(1)
        self.suggestions_label = QLabel(self.tr("Did you mean:"))
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(120)
        self.children_list = QListWidget()
        self.history = QTableWidget(0, 6)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Event"),
                self.tr("Detail"),
                self.tr("Operator"),
                self.tr("Station"),
                self.tr("Why"),
            ]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        # a detail is a code or two; why (a reason and a note) takes what the others leave
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
        headline = QHBoxLayout()
        headline.addWidget(self.voided_badge, 0, Qt.AlignmentFlag.AlignVCenter)  # not as tall
        headline.addWidget(self.summary, 1)
        layout.addLayout(headline)
        layout.addWidget(self.details)
        layout.addWidget(self.corrections)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions)
        layout.addLayout(lists, 1)
        self._connect_signals()
        self.show_result(None)

    def _connect_signals(self) -> None:
        self.button.clicked.connect(self._on_submit)
        self.entry.read_submitted.connect(self.read_submitted)
        self.suggestions.itemActivated.connect(self._on_suggestion_activated)
        for correction, button in self.correction_buttons.items():
            # bound now: the loop variable would be the last correction by the time of a click
            button.clicked.connect(lambda _=False, c=correction: self.correction_requested.emit(c))

    def _on_submit(self) -> None:
        code = self.entry.text().strip()
        self.entry.clear()  # the next read starts on an empty line, never glued to this one
        if code:
            self.lookup_requested.emit(code)

    def _on_suggestion_activated(self, item: QListWidgetItem) -> None:
        self.lookup_requested.emit(item.text())

    def show_pending(self, code: str) -> None:
        self.source.setText(self.tr("Asking the server about {code}…").format(code=code))

    def show_corrections(self, target: CorrectionTarget | None) -> None:
        """Offer the corrections ``target`` allows (None: the operator corrects nothing, or
        this station does not know the bag): the row shows only when there is a target."""
        self.correction_target = target
        self.corrections.setVisible(target is not None)
        possible = target.possible if target else ()
        for correction, button in self.correction_buttons.items():
            button.setEnabled(correction in possible)

    def show_result(self, view: LookupView | None) -> None:
        """Draw a lookup result, saying where it came from; the corrections row waits for
        :meth:`show_corrections` (whoever listens to ``result_shown`` decides it)."""
        self.view = view
        self.show_corrections(None)
        self._draw(view)
        self.result_shown.emit(view)

    def _draw(self, view: LookupView | None) -> None:
        self.voided_badge.setVisible(view is not None and view.found and view.voided)
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
            else self.tr("From this station only")
        )
        if not view.found:
            self.summary.setText(self.tr("{code} is not known.").format(code=view.code))
            self.details.setText(view.note or self.tr("Check the label and scan it again."))
            if view.suggestions:
                self.suggestions_label.setVisible(True)
                self.suggestions.setVisible(True)
                self.suggestions.addItems(list(view.suggestions))
            return
        if view.voided:
            self.summary.setText(
                self.tr("{code} is voided: it counts nowhere until an admin restores it.").format(
                    code=view.code
                )
            )
        elif view.kind == "parent":
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
            why = why_text(entry.reason, entry.note)
            values = (when, entry.event, entry.detail, entry.operator, entry.station, why)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setToolTip(entry.at)
                elif column == 5:
                    item.setToolTip(why)  # a long note is cut in the cell
                self.history.setItem(row, column, item)
