"""A dispatcher's and a biller's shift through the real window (offscreen), end to end."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from pytestqt.qtbot import QtBot

from tests.desktop.stations import PASSWORD, real_station
from tests.desktop.wedge_keys import type_as_person
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.views import Mode

# The offscreen platform plugin says this whenever a shown window's size hints change; it is
# about the test platform, not about the station.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class FakeScanner(QObject):
    scan_read = Signal(object)
    scanner_state_changed = Signal(str, str, str)

    def read(self, text: str) -> None:
        self.scan_read.emit(ScanRecord(text, ScanSource.SIMULATED, "sim", datetime.now(UTC)))


@pytest.fixture
def shift(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StationApp, FakeScanner, SilentPlayer]]:
    with real_station(tmp_path, ravi="dispatcher", bina="biller", sam="admin") as station:
        scanner = FakeScanner()
        sounds = SilentPlayer()
        app = StationApp(station, sounds=sounds, scan_inputs=[scanner], timing=Timing())
        qtbot.addWidget(app.window)
        app.start()
        yield app, scanner, sounds
        app.stop()


def login(qtbot: QtBot, app: StationApp, name: str) -> None:
    page = app.window.login_page
    type_as_person(page.username, name, [10_000])
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert app.window.logged_in()


@pytest.mark.parametrize(
    ("name", "tabs"),
    [
        ("ravi", ["scan", "lookup"]),
        ("bina", ["bills", "lookup"]),
        ("sam", ["scan", "bills", "lookup", "dashboard"]),
    ],
)
def test_the_role_decides_which_tabs_show(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer], name: str, tabs: list[str]
) -> None:
    app, _, _ = shift
    login(qtbot, app, name)
    assert app.window.visible_tabs() == tabs
    app.window.logout_action.trigger()
    assert not app.window.logged_in()
    assert app.window.login_page.username.text() == ""


def test_a_wrong_password_says_what_to_do(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, _, sounds = shift
    page = app.window.login_page
    qtbot.keyClicks(page.username, "ravi")
    qtbot.keyClicks(page.password, "nope")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert not app.window.logged_in()
    assert "Wrong user name or password" in page.error.text()
    assert "4 tries left before the account locks" in page.error.text()
    assert sounds.played == ["error"]


def test_a_parent_fills_with_thirty_children_then_asks_for_the_next(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, sounds = shift
    login(qtbot, app, "ravi")
    tab = app.window.scan_tab
    assert tab.banner.text() == "SCAN PARENT"
    scanner.read("SB00042")
    assert tab.banner.text() == "SCAN CHILDREN"
    assert tab.parent_label.text() == "Parent SB00042"
    for n in range(1, 30):
        scanner.read(f"LABEL NO.{n:07d} LOT NO.:STAR44GG D.O.T.:30/09/2025")
    assert tab.counter.text() == "29 / 30"
    with qtbot.waitSignal(app.outcome_shown) as shown:
        scanner.read("0000030")
    assert shown.args[0].kind == "complete"
    assert tab.banner.text() == "SCAN PARENT"
    assert "complete" in tab.message.text()
    assert sounds.played == ["parent"] + ["good"] * 29 + ["complete"]
    assert app.window.overlay.last_kind == "complete"
    assert tab.table.rowCount() == 31
    assert tab.table.item(0, 1).text() == "0000030"
    assert app.window.pending.text().startswith("31 waiting to sync")


def test_undo_and_finish_early_from_the_keyboard(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, _ = shift
    login(qtbot, app, "ravi")
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.scan_tab
    scanner.read("M444-00017")
    for code in ("C0001", "C0002", "C0003"):
        scanner.read(code)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert tab.counter.text() == "2 / 30"
    assert "Undone: take C0003 out of M444-00017" in tab.message.text()
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert tab.confirm_bar.isVisible()
    assert tab.banner.text() == "FINISH EARLY?"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not tab.confirm_bar.isVisible()
    assert tab.banner.text() == "SCAN CHILDREN"
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert tab.banner.text() == "SCAN PARENT"
    assert "finished with 2 children" in tab.message.text()


def test_command_barcodes_drive_finish_and_confirm(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, _ = shift
    login(qtbot, app, "ravi")
    scanner.read("SB00001")
    scanner.read("C0100")
    scanner.read("CMD-FINISH")
    assert app.station.screen().mode is Mode.CONFIRM
    scanner.read("CMD-CONFIRM")
    assert app.window.scan_tab.banner.text() == "SCAN PARENT"
    scanner.read("CMD-LOGOUT")
    assert not app.window.logged_in()


def test_a_child_from_another_parent_is_an_error_naming_it(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, sounds = shift
    login(qtbot, app, "ravi")
    scanner.read("SB00001")
    scanner.read("C0100")
    scanner.read("SB00002")
    scanner.read("C0100")
    tab = app.window.scan_tab
    assert "SB00001 already holds this child (C0100)" in tab.message.text()
    assert tab.message.property("kind") == "error"
    assert sounds.played[-1] == "error"
    assert app.window.overlay.last_kind == "error"
    scanner.read("hello world!")
    assert "HELLO WORLD! is not a parent or child label" in tab.message.text()


def test_idle_returns_to_scan_parent_then_logs_out(qtbot: QtBot, tmp_path: Path) -> None:
    scanner = FakeScanner()
    with real_station(tmp_path, ravi="dispatcher") as station:
        app = StationApp(
            station,
            sounds=SilentPlayer(),
            scan_inputs=[scanner],
            timing=Timing(idle_reset_ms=30, idle_logout_ms=120),
        )
        qtbot.addWidget(app.window)
        app.start()
        try:
            login(qtbot, app, "ravi")
            scanner.read("SB00009")
            assert app.window.scan_tab.banner.text() == "SCAN CHILDREN"
            qtbot.waitUntil(lambda: app.window.scan_tab.banner.text() == "SCAN PARENT")
            qtbot.waitUntil(lambda: not app.window.logged_in())
            assert "idle" in app.window.login_page.error.text()
        finally:
            app.stop()


def test_a_disconnected_scanner_raises_a_banner(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, _ = shift
    login(qtbot, app, "ravi")
    scanner.scanner_state_changed.emit("/dev/ttyACM0", "disconnected", "cable pulled")
    assert app.window.scanner_alarm.isVisible()
    assert "/dev/ttyACM0" in app.window.scanner_alarm.text()
    scanner.scanner_state_changed.emit("/dev/ttyACM0", "connected", "")
    assert not app.window.scanner_alarm.isVisible()
    assert "/dev/ttyACM0 connected" in app.window.scanners.text()


def test_a_biller_fills_a_bill_and_hears_each_error(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, sounds = shift
    login(qtbot, app, "sam")
    scanner.read("SB00001")
    for n in range(3):
        scanner.read(f"C{n:04d}")
    scanner.read("CMD-FINISH")
    scanner.read("CMD-CONFIRM")
    scanner.read("SB00002")
    scanner.read("C0099")
    app.window.show_tab("bills")
    bills = app.window.bills_tab
    qtbot.keyClicks(bills.bill_id, "bill-2025-001")
    bills.capacity.setValue(1)
    qtbot.keyClicks(bills.destination, "Indore")
    qtbot.mouseClick(bills.create_button, Qt.MouseButton.LeftButton)
    assert bills.title.text().startswith("BILL BILL-2025-001")
    scanner.read("SB00001")
    assert "SB00001 holds 3 of 30 children" in bills.message.text()
    scanner.read("SB00001")  # scanned again: put on anyway
    assert bills.progress.value() == 1
    assert "3 kg of 30 kg expected" in bills.weight.text()
    assert bills.parents.item(0, 0).text() == "SB00001"
    scanner.read("C0001")
    assert "C0001 is a child bag. Only parent bags go onto a bill" in bills.message.text()
    scanner.read("SB00002")
    assert "Bill full (1 parent)" in bills.message.text()
    assert sounds.played[-2:] == ["error", "error"]
    qtbot.mouseClick(bills.complete_button, Qt.MouseButton.LeftButton)
    assert "COMPLETED" in bills.title.text()
    bills.parents.setCurrentCell(0, 0)
    qtbot.mouseClick(bills.remove_button, Qt.MouseButton.LeftButton)
    assert bills.progress.value() == 0
    scanner.read("SB00001")
    scanner.read("SB00001")
    assert bills.progress.value() == 1
    qtbot.keyClicks(bills.returns_ticket, "RT-7")
    qtbot.keyClicks(bills.returns_location, "Indore C&F")
    qtbot.keyClicks(bills.returns_code, "SB00001")
    qtbot.mouseClick(bills.return_button, Qt.MouseButton.LeftButton)
    assert "SB00001 returned from bill BILL-2025-001" in bills.message.text()
    assert bills.progress.value() == 0
    assert app.window.scan_tab.table.item(0, 1).text() == "C0099", "bill work stays on its tab"


def test_lookup_offline_shows_the_local_record(
    qtbot: QtBot, shift: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, _ = shift
    login(qtbot, app, "ravi")
    scanner.read("SB00005")
    scanner.read("C0500")
    app.window.show_tab("lookup")
    scanner.read("C0500")
    lookup = app.window.lookup_tab
    assert "in parent SB00005" in lookup.summary.text()
    assert "this station only" in lookup.source.text().lower()
    qtbot.keyClicks(lookup.entry, "")
    lookup.entry.setText("SB00006")
    qtbot.keyClick(lookup.entry, Qt.Key.Key_Return)
    assert "not known" in lookup.summary.text()
    assert lookup.suggestions.count() == 0, "near misses come from the server, not offline"
