"""Status bar: online/offline and the time of the last successful sync."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget


class ConnectionWidget(QLabel):
    """Shows "Online · synced 10:42:07" or "Offline (reason) · last sync 10:40"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.online = False
        self.set_state(online=False, last_sync=None, error=None)

    def set_state(self, *, online: bool, last_sync: datetime | None, error: str | None) -> None:
        self.online = online
        when = last_sync.astimezone().strftime("%H:%M:%S") if last_sync else self.tr("never")
        if online:
            text = self.tr("● Online · last sync {when}").format(when=when)
            self.setStyleSheet("color: #15803d; font-weight: 600;")
        else:
            text = self.tr("○ Offline · last sync {when}").format(when=when)
            self.setStyleSheet("color: #b45309; font-weight: 600;")
        self.setText(text)
        self.setToolTip(error or "")

    def set_offline_only(self) -> None:
        self.online = False
        self.setText(self.tr("Offline-only station"))
        self.setStyleSheet("")
