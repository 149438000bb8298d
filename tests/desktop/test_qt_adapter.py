"""The Qt adapters on a real offscreen window: wedge scans are caught, typing is left alone."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tracetrack_desktop.scanner.qt_adapter import SerialScannerBridge, WedgeEventFilter, key_name
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.serial_reader import SerialScannerConfig
from tracetrack_desktop.scanner.wedge import WedgeConfig, WedgeDetector

# the offscreen platform warns about a window-manager feature it lacks; harmless here
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_KEYS = {"\r": Qt.Key.Key_Return, " ": Qt.Key.Key_Space, "-": Qt.Key.Key_Minus}


def press(widget: QWidget, char: str, timestamp: int) -> None:
    """Deliver one key press (and release) the way the platform would, with its timestamp."""
    key = _KEYS.get(char) or Qt.Key(ord(char.upper()))
    mods = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
    for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(etype, key, mods, char)
        event.setTimestamp(timestamp)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def station(qtbot: QtBot) -> Iterator[tuple[QWidget, QLineEdit, WedgeEventFilter]]:
    window = QWidget()
    line = QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(line)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    wedge = WedgeEventFilter(WedgeDetector(WedgeConfig.cabled()))
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    yield window, line, wedge
    app.removeEventFilter(wedge)
    wedge.deleteLater()


def test_scan_is_caught_and_line_edit_stays_empty(
    qtbot: QtBot, station: tuple[QWidget, QLineEdit, WedgeEventFilter]
) -> None:
    _, line, wedge = station
    with qtbot.waitSignal(wedge.scan_read, timeout=5000) as blocker:
        for i, char in enumerate("SB00042\r"):
            press(line, char, 1000 + i * 5)
    record = blocker.args[0]
    assert isinstance(record, ScanRecord)
    assert record.text == "SB00042"
    assert record.source is ScanSource.WEDGE
    assert record.char_intervals_ms == (5.0,) * 6
    assert line.text() == ""


def test_slow_typing_lands_in_the_line_edit(
    qtbot: QtBot, station: tuple[QWidget, QLineEdit, WedgeEventFilter]
) -> None:
    _, line, wedge = station
    scans: list[ScanRecord] = []
    wedge.scan_read.connect(scans.append)
    for i, char in enumerate("ravi"):
        press(line, char, 5000 + i * 150)
        # the held key reaches the field once the detector's timer has seen the silence
        qtbot.waitUntil(lambda n=i: line.text() == "ravi"[: n + 1], timeout=5000)
    assert scans == []


def test_scan_while_person_is_typing(
    qtbot: QtBot, station: tuple[QWidget, QLineEdit, WedgeEventFilter]
) -> None:
    _, line, wedge = station
    press(line, "s", 9000)
    qtbot.waitUntil(lambda: line.text() == "s", timeout=5000)
    with qtbot.waitSignal(wedge.scan_read, timeout=5000) as blocker:
        for i, char in enumerate("0016586\r"):
            press(line, char, 9400 + i * 4)
    assert blocker.args[0].text == "0016586"
    assert line.text() == "s"


def test_key_names() -> None:
    assert key_name(int(Qt.Key.Key_Return)) == "Return"
    assert key_name(int(Qt.Key.Key_7)) == "7"
    assert key_name(int(Qt.Key.Key_A)) == "A"


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_serial_bridge_relays_to_gui_thread(qtbot: QtBot) -> None:
    master, slave = os.openpty()
    path = os.ttyname(slave)
    os.close(slave)
    bridge = SerialScannerBridge()
    try:
        states: list[tuple[str, str, str]] = []
        bridge.scanner_state_changed.connect(lambda *a: states.append(a))
        with qtbot.waitSignal(
            bridge.scanner_state_changed,
            timeout=10_000,
            check_params_cb=lambda sid, state, detail: state == "connected",
        ):
            bridge.configure([SerialScannerConfig(scanner_id="pty", port=path)])
        with qtbot.waitSignal(bridge.scan_read, timeout=10_000) as blocker:
            os.write(master, b"SB00042\r")
        assert blocker.args[0].text == "SB00042"
        assert blocker.args[0].scanner_id == "pty"
    finally:
        bridge.stop()
        os.close(master)
    qtbot.waitUntil(lambda: ("pty", "stopped", "") in states, timeout=5000)
