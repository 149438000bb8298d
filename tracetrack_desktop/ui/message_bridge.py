"""The one path by which logic talks to the operator (after qutebrowser's ``message`` module).

Services, workers and slots never open message boxes themselves; they call the bridge, and the
main window decides how to show it (status line, banner). Tests connect to the signal.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MessageBridge(QObject):
    """Carries messages for the operator to whichever widget shows them.

    Signals:
        message_shown(str, str): level (:class:`Level` value) and the text, already translated.
    """

    message_shown = Signal(str, str)

    def info(self, text: str) -> None:
        self.message_shown.emit(Level.INFO.value, text)

    def warning(self, text: str) -> None:
        self.message_shown.emit(Level.WARNING.value, text)

    def error(self, text: str) -> None:
        self.message_shown.emit(Level.ERROR.value, text)
