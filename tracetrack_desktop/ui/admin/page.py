"""What every Admin page shares: how it asks the server, tables that fit their text, dialogs.

A page never talks HTTP: it emits :attr:`AdminPage.requested` with an
:class:`~tracetrack_desktop.ui.admin_client.AdminRequest` and is handed the answer in
:meth:`AdminPage.show_answer` by the controller, which also shows any error's message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest


class AdminPage(QWidget):
    """One page of the Admin tab.

    Signals:
        requested(object): call the server with this :class:`AdminRequest`.
        message(str, str): a level ("info", "error") and a line for the tab's message area.
    """

    requested = Signal(object)
    message = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirmation: QMessageBox | None = None
        self.dialog: QDialog | None = None

    def reload(self) -> None:
        """Ask the server for everything the page shows (each time it is shown)."""
        raise NotImplementedError

    def show_answer(self, request: AdminRequest, answer: AdminAnswer) -> None:
        """The server answered ``request`` (an error's message is already shown)."""
        raise NotImplementedError

    def ask(self, purpose: str, method: str, path: str, body: Any = None) -> None:
        self.requested.emit(AdminRequest(purpose, method, path, body))

    def confirm(self, text: str, yes_text: str, on_yes: Callable[[], None]) -> None:
        """Ask before something that cannot be taken back; ``on_yes`` runs if confirmed.

        The box is opened, not executed, so the window keeps running (and tests answer it).
        """
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Please confirm"), text, parent=self)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))  # Qt has no Hindi of its own
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter from a scanner: no

        def on_clicked(button: object) -> None:
            if button is yes:
                on_yes()

        box.buttonClicked.connect(on_clicked)
        self.confirmation = box
        self.open_dialog(box)

    def open_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` over the window (not executed: the window keeps running); it is
        deleted once closed. :attr:`dialog` (or :attr:`confirmation`) is it while it is open."""

        def on_finished() -> None:
            if self.dialog is dialog:
                self.dialog = None
            if self.confirmation is dialog:
                self.confirmation = None

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(on_finished)
        if not isinstance(dialog, QMessageBox):
            self.dialog = dialog
        dialog.open()


def dialog_buttons(
    *buttons: QDialogButtonBox.StandardButton,
) -> QDialogButtonBox:
    """A dialog's standard buttons (OK, Cancel, Close) named in the operator's language: Qt
    ships no Hindi of its own."""
    box = QDialogButtonBox()
    names = {
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate("AdminPage", "&OK"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("AdminPage", "Cancel"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("AdminPage", "Close"),
    }
    for button in buttons:
        box.addButton(button).setText(names[button])
    return box


def make_table(headers: Sequence[str]) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time, columns sized to their text."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace the rows, keeping the selected row where there still is one."""
    selected = table.currentRow()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    if 0 <= selected < len(rows):
        table.selectRow(selected)
    elif rows:
        table.selectRow(0)


def text(value: Any) -> str:
    return "" if value is None else str(value)


def local_time(value: Any) -> str:
    """A server time (ISO 8601, with its offset) in the station's local time; "" for none."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
