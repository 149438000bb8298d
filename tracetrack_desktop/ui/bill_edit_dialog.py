"""A small dialog to change an open bill's capacity, destination and vehicle."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.dialog_keys import guard_enter
from tracetrack_desktop.ui.views import BillView

FIELD_CHARS = 36
"""Characters the destination and vehicle fields show at once."""


class BillEditDialog(QDialog):
    """The bill's fields, filled in; :meth:`values` after it is accepted.

    The capacity cannot be set below the parents already on the bill (the rules would refuse
    it); the station still checks, since parents may be scanned on while this is open.
    """

    def __init__(self, bill: BillView, maximum: int, parent: QWidget | None = None) -> None:
        """Args:
        bill: the bill as it is now.
        maximum: the most parents a bill may take (the create form's limit).
        parent: the window the dialog belongs to.
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit bill {id}").format(id=bill.bill_id))
        loaded = max(bill.parent_count, 1)
        self.capacity = QSpinBox()
        self.capacity.setRange(loaded, max(maximum, bill.capacity))
        self.capacity.setValue(bill.capacity)
        self.capacity_hint = QLabel(
            self.tr("at least {n}: already loaded").format(n=bill.parent_count)
        )
        self.destination = QLineEdit(bill.destination)
        self.vehicle = QLineEdit(bill.vehicle)
        for field in (self.destination, self.vehicle):  # a whole place name shows, not its end
            field.setMinimumWidth(field.fontMetrics().averageCharWidth() * FIELD_CHARS)
        form = QFormLayout()
        form.addRow(self.tr("Ca&pacity (parents)"), self.capacity)
        form.addRow("", self.capacity_hint)
        form.addRow(self.tr("&Destination"), self.destination)
        form.addRow(self.tr("&Vehicle number"), self.vehicle)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Save changes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)  # and Esc
        cancel.setText(self.tr("Cancel"))  # Qt has no Hindi of its own
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.capacity.setFocus()
        guard_enter(self)  # a scanner's Enter never saves

    def values(self) -> tuple[int, str, str]:
        """Capacity, destination and vehicle as entered (the station sends only changes)."""
        return self.capacity.value(), self.destination.text().strip(), self.vehicle.text().strip()
