"""Status bar: each scanner's state (connected, reconnecting, disconnected)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from tracetrack_desktop.ui.messages import status_word

GOOD_STATES = frozenset({"connected", "ready", "open", "listening"})


class ScannersWidget(QLabel):
    """One line: "Scanners: keyboard ready · /dev/ttyACM0 connected"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states: dict[str, tuple[str, str]] = {}
        self._redraw()

    def set_state(self, scanner_id: str, state: str, detail: str = "") -> None:
        self.states[scanner_id] = (state, detail)
        self._redraw()

    def disconnected(self) -> list[str]:
        """Scanners that are not in a working state."""
        return [sid for sid, (state, _) in self.states.items() if state not in GOOD_STATES]

    def retranslate(self) -> None:
        """Draw the text again in the language now chosen (``ui/i18n.py``)."""
        self._redraw()

    def _redraw(self) -> None:
        if not self.states:
            self.setText(self.tr("Scanners: keyboard"))
            return
        parts = [f"{sid} {status_word(state)}" for sid, (state, _) in sorted(self.states.items())]
        self.setText(self.tr("Scanners: {list}").format(list=" · ".join(parts)))
        self.setToolTip("\n".join(f"{sid}: {d}" for sid, (_, d) in self.states.items() if d))
