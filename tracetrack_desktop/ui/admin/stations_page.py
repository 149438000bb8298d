"""Stations: their health, a new station or a fresh enrollment code, revoking one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.admin.barcode_view import BarcodeView
from tracetrack_desktop.ui.admin.page import (
    AdminPage,
    dialog_buttons,
    fill_table,
    local_time,
    make_table,
    text,
)
from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest, segment
from tracetrack_desktop.ui.dialog_keys import guard_enter

STATIONS = "/api/v1/admin/stations"
AREAS = "/api/v1/admin/areas"

STATUS_LABELS: dict[str, str] = {
    "awaiting_enrollment": str(QT_TRANSLATE_NOOP("StationsPage", "waiting to enroll")),
    "code_expired": str(QT_TRANSLATE_NOOP("StationsPage", "code expired")),
    "enrolled": str(QT_TRANSLATE_NOOP("StationsPage", "enrolled")),
    "revoked": str(QT_TRANSLATE_NOOP("StationsPage", "revoked")),
    "new": str(QT_TRANSLATE_NOOP("StationsPage", "new")),
}
"""A station's status as the server names it, as the admin reads it (English source text)."""


def status_text(status: str) -> str:
    """``status`` in the operator's language; one this station does not know, as sent."""
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("StationsPage", label) if label else status


class NewStationDialog(QDialog):
    """A name and an area for a station to be enrolled."""

    def __init__(self, areas: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New station"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Lucknow-3"))
        self.area = QComboBox()
        self.area.addItem(self.tr("(no area)"), "")
        for area in areas:
            self.area.addItem(area, area)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Area"), self.area)
        buttons = dialog_buttons(
            QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        guard_enter(self)

    def _check(self) -> None:
        if self.name.text().strip():
            self.accept()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "area": self.area.currentData()}


class EnrollmentCodeDialog(QDialog):
    """The code a new station enrolls with: big text to type, a barcode to scan, its expiry."""

    def __init__(self, answer: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = text(answer.get("name"))
        code = text(answer.get("enrollment_code"))
        self.setWindowTitle(self.tr("Enrollment code for {name}").format(name=name))
        intro = QLabel(
            self.tr(
                "On station {name}, open Settings (or the first-run setup) and enter this code:"
            ).format(name=name)
        )
        intro.setWordWrap(True)
        self.code = QLabel(code)
        # a style sheet, not setFont: the theme's QWidget font-size would win over a font
        self.code.setStyleSheet("font-size: 30pt; font-weight: 700; font-family: monospace;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.barcode = BarcodeView()
        self.barcode.show_code(code)
        self.expiry = QLabel(
            self.tr("It works once, until {when}.").format(
                when=local_time(answer.get("expires_at"))
            )
        )
        buttons = dialog_buttons(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(self.barcode, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.expiry)
        layout.addWidget(buttons)


class StationsPage(AdminPage):
    """The site's stations; New station, New code, Revoke."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stations: list[dict[str, Any]] = []
        self.areas: list[str] = []
        self.table = make_table(
            [
                self.tr("Name"),
                self.tr("Area"),
                self.tr("Status"),
                self.tr("Last seen"),
                self.tr("Pending"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.new_button = QPushButton(self.tr("&New station"))
        self.code_button = QPushButton(self.tr("New &code"))
        self.revoke_button = QPushButton(self.tr("&Revoke"))
        self.new_button.clicked.connect(self.on_new_clicked)
        self.code_button.clicked.connect(self.on_code_clicked)
        self.revoke_button.clicked.connect(self.on_revoke_clicked)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.code_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def reload(self) -> None:
        self.ask("stations", "GET", STATIONS)
        self.ask("areas", "GET", AREAS)

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.stations[row] if 0 <= row < len(self.stations) else None

    def _update_buttons(self) -> None:
        station = self.selected()
        self.code_button.setEnabled(station is not None)
        self.revoke_button.setEnabled(station is not None and not station.get("revoked_at"))

    def show_answer(self, request: AdminRequest, answer: AdminAnswer) -> None:
        if not answer.ok:
            return
        if request.purpose == "stations":
            self.stations = [s for s in answer.field("stations") or [] if isinstance(s, dict)]
            fill_table(
                self.table,
                [
                    [
                        text(s.get("name")),
                        text(s.get("area")),
                        status_text(text(s.get("status"))),
                        local_time(s.get("last_seen_at")) or self.tr("never"),
                        text(s.get("pending")),
                    ]
                    for s in self.stations
                ],
            )
            self._update_buttons()
        elif request.purpose == "areas":
            self.areas = [text(a.get("name")) for a in answer.field("areas") or []]
        elif request.purpose in ("new", "code"):
            self.open_dialog(EnrollmentCodeDialog(answer.body, self))
            self.ask("stations", "GET", STATIONS)
        elif request.purpose == "revoke":
            self.message.emit(
                "info",
                self.tr("Station {name} revoked: it can no longer sync.").format(
                    name=text(answer.field("name"))
                ),
            )
            self.ask("stations", "GET", STATIONS)

    def on_new_clicked(self) -> None:
        dialog = NewStationDialog(self.areas, self)
        dialog.accepted.connect(lambda: self.ask("new", "POST", STATIONS, dialog.values()))
        self.open_dialog(dialog)

    def on_code_clicked(self) -> None:
        station = self.selected()
        if station is None:
            return
        name = text(station.get("name"))
        path = f"{STATIONS}/{segment(text(station.get('station_id')))}/code"
        # a fresh code ends the station's current token: as destructive as a revoke
        self.confirm(
            self.tr(
                "A new enrollment code for {name}? Its current token stops working until it "
                "enrolls with the new code."
            ).format(name=name),
            self.tr("New code for {name}").format(name=name),
            lambda: self.ask("code", "POST", path),
        )

    def on_revoke_clicked(self) -> None:
        station = self.selected()
        if station is None:
            return
        name = text(station.get("name"))
        path = f"{STATIONS}/{segment(text(station.get('station_id')))}/revoke"
        self.confirm(
            self.tr(
                "Revoke station {name}? It stops syncing at once; scans it has not sent yet "
                "stay on it until it is enrolled again."
            ).format(name=name),
            self.tr("Revoke {name}").format(name=name),
            lambda: self.ask("revoke", "POST", path),
        )
