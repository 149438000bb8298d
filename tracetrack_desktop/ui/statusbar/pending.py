"""Status bar: how many events wait to sync and how old the oldest is."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QLabel, QWidget


def describe_age(seconds: float) -> str:
    """A short age (``45 s``, ``12 min``, ``3 h``) for the oldest waiting event."""
    if seconds < 90:
        return f"{int(seconds)} s"
    if seconds < 90 * 60:
        return f"{int(seconds // 60)} min"
    return f"{seconds / 3600:.1f} h"


class PendingWidget(QLabel):
    """Shows "N waiting to sync (oldest 3 min)"; "All synced" when the queue is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.oldest: datetime | None = None
        self.set_pending(0, None)

    def widest_text(self) -> str:
        """The longest text it shows in a shift (its status-bar slot is this wide)."""
        return self.tr("{n} waiting to sync (oldest {age})").format(n=999999, age="59 min")

    def retranslate(self) -> None:
        """Draw the text again in the language now chosen (``ui/i18n.py``)."""
        self.refresh()

    def refresh(self, now: datetime | None = None) -> None:
        """Redraw the age of the oldest waiting event (it grows while the station is offline)."""
        self.set_pending(self.count, self.oldest, now)

    def set_pending(self, count: int, oldest: datetime | None, now: datetime | None = None) -> None:
        self.count = count
        self.oldest = oldest
        if count == 0:
            self.setText(self.tr("All synced"))
            return
        if oldest is None:
            self.setText(self.tr("{n} waiting to sync").format(n=count))
            return
        now = now or datetime.now(UTC)
        age = describe_age(max(0.0, (now - oldest).total_seconds()))
        self.setText(self.tr("{n} waiting to sync (oldest {age})").format(n=count, age=age))
