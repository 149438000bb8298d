"""The window fed by the real scanner inputs: keyboard-wedge key events with timestamps through
the application's event filter, and a serial scanner on a pseudo-terminal."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.desktop.stations import PASSWORD, station_fixture
from tests.desktop.wedge_keys import type_scan
from tracetrack_desktop.scanner.qt_adapter import SerialScannerBridge, WedgeEventFilter
from tracetrack_desktop.scanner.serial_reader import SerialScannerConfig
from tracetrack_desktop.scanner.wedge import WedgeConfig, WedgeDetector
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX"),
]


@dataclass
class Rig:
    app: StationApp
    wedge: WedgeEventFilter
    serial: SerialScannerBridge
    master: int
    clock: list[int]

    def wedge_scan(self, text: str, gap_ms: int = 4) -> None:
        """Type ``text`` + Enter the way a USB scanner does: a key every few milliseconds."""
        type_scan(self.app.window, text, self.clock, gap_ms)

    def serial_scan(self, qtbot: QtBot, text: str) -> None:
        with qtbot.waitSignal(self.app.outcome_shown, timeout=10_000):
            os.write(self.master, text.encode() + b"\r")


station = station_fixture(ravi="dispatcher")


@pytest.fixture
def rig(qtbot: QtBot, station: WorkflowStation) -> Iterator[Rig]:
    master, slave = os.openpty()
    path = os.ttyname(slave)
    os.close(slave)
    wedge = WedgeEventFilter(WedgeDetector(WedgeConfig.cabled()))
    serial = SerialScannerBridge()
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        scan_inputs=[wedge, serial],
    )
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitExposed(app.window)
    rig = Rig(app, wedge, serial, master, [100_000])
    try:
        with qtbot.waitSignal(
            serial.scanner_state_changed,
            timeout=10_000,
            check_params_cb=lambda sid, state, detail: state == "connected",
        ):
            serial.configure([SerialScannerConfig(scanner_id="pty-scanner", port=path)])
        page = app.window.login_page
        page.username.setText("ravi")
        page.password.setText(PASSWORD)
        qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
        assert app.window.logged_in()
        app.window.activateWindow()
        qtbot.waitUntil(app.window.isActiveWindow)
        yield rig
    finally:
        app.stop()
        os.close(master)


def test_a_shift_from_a_wedge_scanner_and_a_serial_scanner(qtbot: QtBot, rig: Rig) -> None:
    window = rig.app.window
    tab = window.scan_tab
    assert "pty-scanner connected" in window.scanners.text()
    rig.wedge_scan("SB00042")
    assert tab.banner.text() == "SCAN CHILDREN"
    for n in range(1, 29):
        rig.wedge_scan(f"{n:07d}")
    assert tab.counter.text() == "28 / 30"
    assert tab.entry.text() == "", "scanner keystrokes never land in a text field"
    rig.serial_scan(qtbot, "0000029")
    assert tab.counter.text() == "29 / 30"
    qtbot.keyClick(window, Qt.Key.Key_F9)  # undo the serial one
    assert tab.counter.text() == "28 / 30"
    rig.serial_scan(qtbot, "LABEL NO.0000029 LOT NO.:STAR44GG D.O.T.:30/09/2025")
    rig.wedge_scan("0000030")
    assert tab.banner.text() == "SCAN PARENT"
    assert "complete" in tab.message.text()
    assert tab.table.item(0, 2).text() == "COMPLETE"
    assert rig.app.feedback.sounds.played[-1] == "complete"  # type: ignore[attr-defined]


def test_typing_by_hand_still_reaches_the_entry_field(qtbot: QtBot, rig: Rig) -> None:
    entry = rig.app.window.scan_tab.entry
    entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry)
    rig.wedge_scan("SB00007")  # a scan while the field has focus is still a scan
    assert entry.text() == ""
    assert rig.app.window.scan_tab.banner.text() == "SCAN CHILDREN"


def test_an_unplugged_serial_scanner_raises_the_alarm(qtbot: QtBot, rig: Rig) -> None:
    window = rig.app.window
    assert not window.scanner_alarm.isVisible()
    os.close(rig.master)
    rig.master = os.open("/dev/null", os.O_RDONLY)  # keep the fixture's close harmless
    qtbot.waitUntil(window.scanner_alarm.isVisible, timeout=10_000)
    assert "pty-scanner" in window.scanner_alarm.text()
