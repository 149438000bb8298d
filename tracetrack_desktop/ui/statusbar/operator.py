"""Status bar: who is logged in, with a log-out button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tracetrack_desktop.ui.messages import status_word


class OperatorWidget(QWidget):
    """Shows the operator and role; "Log out" ends the session.

    Signals:
        logout_requested: the operator clicked "Log out".
    """

    logout_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.button = QPushButton(self.tr("Log out"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.logout_requested)
        self.set_operator("", "")

    def set_operator(self, name: str, role: str) -> None:
        self._who = (name, role)
        if name:
            self.label.setText(self.tr("{name} ({role})").format(name=name, role=status_word(role)))
        else:
            self.label.setText(self.tr("Nobody logged in"))
        self.button.setVisible(bool(name))

    def retranslate(self) -> None:
        """Draw the text again in the language now chosen (``ui/i18n.py``)."""
        self.set_operator(*self._who)
