"""The audit log: who changed what, when, and how it looked before and after."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.admin.page import AdminPage, fill_table, local_time, make_table, text
from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest

AUDIT = "/api/v1/audit"
ACTIONS = "/api/v1/admin/audit/actions"
PAGE_SIZE = 50
NO_DATE = QDate(2000, 1, 1)
"""A date field at this, its minimum, shows "any" and filters nothing."""


def day_start(day: QDate) -> str:
    """Local midnight starting ``day``, as ISO 8601 with the station's offset."""
    moment = datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()
    return moment.isoformat()


def actor_filter(who: str) -> str:
    """The audit's ``actor`` filter for what was typed: a bare name is that user
    (``user:sam``); ``kind:name`` is taken as it is, a trailing ``*`` matching any ending."""
    return who if ":" in who or who.endswith("*") else f"user:{who}"


def _date_field(any_text: str) -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setMinimumDate(NO_DATE)
    field.setSpecialValueText(any_text)
    field.setDate(NO_DATE)
    return field


class AuditPage(AdminPage):
    """Entries newest first, filtered by who, action and dates, a page at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []
        self.offset = 0
        self.total = 0
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("e.g. sam, or station:* for every station"))
        self.who.returnPressed.connect(self.on_filter_clicked)
        self.action = QComboBox()
        self.action.addItem(self.tr("(any action)"), "")
        self.since = _date_field(self.tr("any"))
        self.until = _date_field(self.tr("any"))
        self.filter_button = QPushButton(self.tr("&Show"))
        self.filter_button.clicked.connect(self.on_filter_clicked)
        filters = QFormLayout()
        filters.addRow(self.tr("&Who"), self.who)
        filters.addRow(self.tr("A&ction"), self.action)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.until)
        dates.addWidget(self.filter_button)
        dates.addStretch(1)
        since_label = QLabel(self.tr("&From"))
        since_label.setBuddy(self.since)  # a row of several fields gets no buddy by itself
        filters.addRow(since_label, dates)
        self.table = make_table(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Target"),
                self.tr("Outcome"),
            ]
        )
        self.table.itemSelectionChanged.connect(self.on_selection_changed)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Pick an entry to see it before and after."))
        self.position = QLabel()
        self.newer_button = QPushButton(self.tr("&Newer"))
        self.older_button = QPushButton(self.tr("&Older"))
        self.newer_button.clicked.connect(self.on_newer_clicked)
        self.older_button.clicked.connect(self.on_older_clicked)
        paging = QHBoxLayout()
        paging.addWidget(self.newer_button)
        paging.addWidget(self.older_button)
        paging.addWidget(self.position, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(paging)
        self._update_paging()

    def reload(self) -> None:
        self.ask("actions", "GET", ACTIONS)
        self._fetch()

    def filters(self) -> dict[str, str]:
        """The query: only the filters set."""
        params = {"limit": str(PAGE_SIZE), "offset": str(self.offset)}
        who = self.who.text().strip()
        if who:
            params["actor"] = actor_filter(who)
        if self.action.currentData():
            params["action"] = str(self.action.currentData())
        if self.since.date() != NO_DATE:
            params["since"] = day_start(self.since.date())
        if self.until.date() != NO_DATE:  # the whole of the last day
            params["until"] = day_start(self.until.date().addDays(1))
        return params

    def _fetch(self) -> None:
        self.requested.emit(AdminRequest("entries", "GET", AUDIT, params=self.filters()))

    def on_filter_clicked(self) -> None:
        self.offset = 0
        self._fetch()

    def on_newer_clicked(self) -> None:
        self.offset = max(0, self.offset - PAGE_SIZE)
        self._fetch()

    def on_older_clicked(self) -> None:
        self.offset += PAGE_SIZE
        self._fetch()

    def _update_paging(self) -> None:
        self.newer_button.setEnabled(self.offset > 0)
        self.older_button.setEnabled(self.offset + len(self.entries) < self.total)
        if self.entries:
            self.position.setText(
                self.tr("{first} to {last} of {total}").format(
                    first=self.offset + 1, last=self.offset + len(self.entries), total=self.total
                )
            )
        else:
            self.position.setText(self.tr("No entries."))

    def show_answer(self, request: AdminRequest, answer: AdminAnswer) -> None:
        if not answer.ok:
            return
        if request.purpose == "actions":
            chosen = self.action.currentData()
            self.action.clear()
            self.action.addItem(self.tr("(any action)"), "")
            for name in answer.field("actions") or []:
                self.action.addItem(text(name), text(name))
            self.action.setCurrentIndex(max(0, self.action.findData(chosen)))
            return
        self.entries = [e for e in answer.field("entries") or [] if isinstance(e, dict)]
        self.total = int(answer.field("total") or 0)
        fill_table(
            self.table,
            [
                [
                    local_time(e.get("at")),
                    text(e.get("actor")),
                    text(e.get("action")),
                    text(e.get("target")),
                    text(e.get("outcome")),
                ]
                for e in self.entries
            ],
        )
        self.on_selection_changed()
        self._update_paging()

    def on_selection_changed(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            self.details.clear()
            return
        entry = self.entries[row]
        parts = []
        for title, key in ((self.tr("Before"), "before"), (self.tr("After"), "after")):
            value = entry.get(key)
            shown = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
            parts.append(f"{title}:\n{shown if value is not None else '—'}")
        self.details.setPlainText("\n\n".join(parts))
