"""A loud banner across the window while a scanner is disconnected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ScannerAlarm(QLabel):
    """Red, full-width, impossible to miss; hidden while every scanner works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerAlarm")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.hide()

    def show_disconnected(self, scanners: list[str]) -> None:
        if not scanners:
            self.hide()
            return
        self.setText(
            self.tr(
                "SCANNER DISCONNECTED: {names}. Check the cable or power; "
                "scans from it are not being read."
            ).format(names=", ".join(scanners))
        )
        self.show()
