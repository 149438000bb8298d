"""A scan's text changes never relayout the window (ui/steady.py).

A relayout of the main window repainted it a second time after every scan, and the next scan
waited for that frame on the GUI thread before it could commit. What a scan changes (banner,
parent, counter, message, the message line, the pending count) must not ask the window for a
new layout; a plain label in the same place does, which is what the boxes prevent.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tracetrack_desktop.ui.main_window import MainWindow
from tracetrack_desktop.ui.steady import SteadyBox
from tracetrack_desktop.ui.theme import apply_theme
from tracetrack_desktop.ui.views import Mode, ScanScreen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class LayoutRequests(QObject):
    """Counts requests for a new layout anywhere but in a steady box (where they stop)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and not isinstance(watched, SteadyBox):
            self.count += 1
        return False


def _scan(window: MainWindow, count: int) -> None:
    """What the window shows for one scan (count 9 -> 10 widens the counter)."""
    window.scan_tab.show_screen(ScanScreen(mode=Mode.CHILDREN, parent="SB00042", count=count))
    window.scan_tab.show_message("good", f"04200{count} into SB00042: {count} / 30. " * 3)
    window.show_message("info", f"Scan {count} done. " * (count % 4 + 1))
    window.pending.set_pending(count * 1000, None)


def test_a_scan_does_not_relayout_the_window(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_workspace("ravi", "dispatcher")
    _scan(window, 1)  # the first message of each kind styles its label once
    qtbot.wait(100)
    requests = LayoutRequests()
    qapp.installEventFilter(requests)
    for count in range(2, 30):
        _scan(window, count)
        qapp.processEvents()
    assert requests.count == 0
    assert window.scan_tab.counter.text() == "29 / 30"
    # the boxes keep what they show in full: two lines of message, the widest pending text
    message = window.scan_tab.message
    assert message.height() >= 2 * message.fontMetrics().lineSpacing()
    assert window.pending.width() >= window.pending.fontMetrics().horizontalAdvance(
        window.pending.widest_text()
    )

    plain = QLabel("One line.")  # a message label without a box, under the table
    plain.setWordWrap(True)
    window.scan_tab.layout().addWidget(plain)
    qtbot.wait(100)
    requests.count = 0
    plain.setText("A message long enough to wrap onto more lines. " * 12)
    qapp.processEvents()
    assert requests.count > 0
    qapp.removeEventFilter(requests)
