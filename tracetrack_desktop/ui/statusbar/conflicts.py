"""Status bar: a button with the number of sync conflicts; clicking it lists them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget


class ConflictsWidget(QPushButton):
    """A flat button "N conflicts"; hidden while there are none.

    Signals:
        details_requested: the operator wants to see the list.
    """

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.count = 0
        self.clicked.connect(self.details_requested)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setText(self.tr("⚠ {n} conflicts").format(n=count))
        self.setStyleSheet("color: #b91c1c; font-weight: 700;")
        self.setVisible(count > 0)
