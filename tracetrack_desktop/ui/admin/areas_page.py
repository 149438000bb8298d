"""Areas: the names users and stations belong to; a name in use cannot be removed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tracetrack_desktop.ui.admin.page import AdminPage, fill_table, make_table, text
from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest, segment

AREAS = "/api/v1/admin/areas"


class AreasPage(AdminPage):
    """Each area with how many users and stations name it; Add, Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas: list[dict[str, Any]] = []
        self.table = make_table([self.tr("Area"), self.tr("Users"), self.tr("Stations")])
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("New area's name"))
        self.name.returnPressed.connect(self.on_add_clicked)
        self.add_button = QPushButton(self.tr("&Add area"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def reload(self) -> None:
        self.ask("areas", "GET", AREAS)

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.areas[row] if 0 <= row < len(self.areas) else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def show_answer(self, request: AdminRequest, answer: AdminAnswer) -> None:
        if not answer.ok:
            return
        if request.purpose == "areas":
            self.areas = [a for a in answer.field("areas") or [] if isinstance(a, dict)]
            fill_table(
                self.table,
                [
                    [text(a.get("name")), text(a.get("users")), text(a.get("stations"))]
                    for a in self.areas
                ],
            )
            self._update_buttons()
            return
        if request.purpose == "add":
            self.name.clear()
            self.message.emit(
                "info", self.tr("Area {name} added.").format(name=text(answer.field("name")))
            )
        else:
            self.message.emit("info", self.tr("Area removed."))
        self.reload()

    def on_add_clicked(self) -> None:
        name = self.name.text().strip()
        if name:
            self.ask("add", "POST", AREAS, {"name": name})

    def on_remove_clicked(self) -> None:
        area = self.selected()
        if area is not None:  # the server refuses a name in use, and says who uses it
            self.ask("remove", "DELETE", f"{AREAS}/{segment(text(area.get('name')))}")
