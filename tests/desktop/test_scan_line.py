"""The scan line as a widget, and the window around it: focus, Tab, Enter, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from tests.desktop.stations import PASSWORD, station_fixture
from tests.desktop.wedge_keys import send_keys, type_as_person
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_tab_ends_a_read_and_never_moves_the_focus(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    line, other = ScanLine(), QLineEdit()
    layout = QVBoxLayout(dialog)
    layout.addWidget(line)
    layout.addWidget(other)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    with qtbot.waitSignal(line.read_submitted) as read:
        send_keys(line, "SB00042", [100_000], [3], then="\t")
    record = read.args[0]
    assert (record.text, record.source, record.terminator) == ("SB00042", ScanSource.WEDGE, "Tab")
    assert line.hasFocus(), "Tab from a scanner must not move on to the next field"
    assert line.text() == ""


def test_enter_in_a_scan_line_never_clicks_the_default_button(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    line = ScanLine()
    ok = QPushButton("OK")
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(line)
    layout.addWidget(ok)
    dialog.show()
    qtbot.waitExposed(dialog)
    line.setFocus()
    reads: list[ScanRecord] = []
    line.read_submitted.connect(reads.append)
    send_keys(line, "0016586", [200_000], [4])
    type_as_person(line, "SB7", [300_000])
    assert [(r.text, r.source) for r in reads] == [
        ("0016586", ScanSource.WEDGE),
        ("SB7", ScanSource.TYPED),
    ]
    assert dialog.isVisible()
    assert dialog.result() == 0


def test_a_gs_key_is_kept_in_the_read(qtbot: QtBot) -> None:
    line = ScanLine()
    qtbot.addWidget(line)
    with qtbot.waitSignal(line.read_submitted) as read:
        for stamp, char in enumerate("]C10104012345678901\x1d10LOT42", start=400_000):
            key = Qt.Key.Key_BracketRight if char == "]" else Qt.Key(ord(char.upper()))
            press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
            press.setTimestamp(stamp)
            QApplication.sendEvent(line, press)
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        enter.setTimestamp(400_100)
        QApplication.sendEvent(line, enter)
    assert read.args[0].text == "]C10104012345678901\x1d10LOT42"
    assert read.args[0].source is ScanSource.WEDGE


station = station_fixture(ada="admin", bina="biller")


@pytest.fixture
def app(qtbot: QtBot, station: WorkflowStation) -> Iterator[StationApp]:
    station_app = StationApp(station, sounds=SilentPlayer())
    qtbot.addWidget(station_app.window)
    station_app.start()
    qtbot.waitExposed(station_app.window)
    station_app.window.activateWindow()
    yield station_app
    station_app.stop()


def test_the_scan_line_keeps_the_keyboard_after_login_a_tab_switch_and_a_click(
    qtbot: QtBot, app: StationApp
) -> None:
    window = app.window
    app.on_login_requested("ada", PASSWORD)
    qtbot.waitUntil(window.scan_tab.entry.hasFocus)
    window.show_tab("lookup")
    qtbot.waitUntil(window.lookup_tab.entry.hasFocus)
    window.show_tab("bills")
    qtbot.waitUntil(window.bills_tab.entry.hasFocus)
    window.show_tab("scan")
    qtbot.waitUntil(window.scan_tab.entry.hasFocus)
    qtbot.mouseClick(window.scan_tab.undo_button, Qt.MouseButton.LeftButton)
    assert window.scan_tab.entry.hasFocus(), "a click on a button leaves the scan line focused"
    window.tabs.setFocus()  # something that takes no text got the focus anyway
    qtbot.waitUntil(window.scan_tab.entry.hasFocus)


def test_a_suspect_read_on_the_bills_tab_is_refused_and_opens_nothing(
    qtbot: QtBot, app: StationApp
) -> None:
    app.on_login_requested("bina", PASSWORD)
    shown: list[object] = []
    app.outcome_shown.connect(shown.append)
    glued = ScanRecord(
        "BILL-7BILL-8",
        ScanSource.WEDGE,
        "keyboard",
        datetime.now(UTC),
        suspect=Suspect.TWO_READS,
    )
    app.window.bills_tab.read_submitted.emit(glued)
    assert app.station.current_bill() is None
    assert len(shown) == 1
    assert "Two labels ran together" in app.window.bills_tab.message.text()
