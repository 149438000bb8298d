"""Changing a bill from the bills tab, on the real station engine (offscreen window, SQLite
store): edit, complete a part-loaded bill, reopen, and the question before a parent that is
not full goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.desktop.stations import real_station
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.tabs.bills_tab import BillsTab
from tracetrack_desktop.ui.theme import load_style
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ALT = Qt.KeyboardModifier.AltModifier


class Shift:
    def __init__(self, app: StationApp, scanner: FakeScanner, station: WorkflowStation) -> None:
        self.app, self.scanner, self.station = app, scanner, station
        self.tab: BillsTab = app.window.bills_tab

    def pack(self, parent: str, children: int) -> None:
        """Scan ``parent`` and ``children`` children on the scan tab (an admin may)."""
        self.app.window.show_tab("scan")
        self.scanner.read(parent)
        for n in range(children):
            self.scanner.read(f"C{parent[-3:]}{n:02d}")

    def create_bill(self, qtbot: QtBot, bill_id: str, capacity: int, *parents: str) -> None:
        """Create ``bill_id`` on the bills tab and scan full ``parents`` onto it."""
        self.app.window.show_tab("bills")
        self.tab.bill_id.setText(bill_id)
        self.tab.capacity.setValue(capacity)
        self.tab.destination.setText("Indore")
        self.tab.vehicle.setText("MP09AB1234")
        qtbot.mouseClick(self.tab.create_button, Qt.MouseButton.LeftButton)
        for parent in parents:
            self.scanner.read(parent)
        assert self.tab.progress.value() == len(parents), self.tab.message.text()

    def bill_events(self) -> list[tuple[str, str, dict[str, Any]]]:
        return [
            (e.event.type, e.event.code, dict(e.event.data))
            for e in self.station.store.events()
            if e.event.type.startswith("bill_")
        ]

    def bill(self, bill_id: str) -> tuple[int, str, str, str, int]:
        bill = self.station.store.bill(bill_id)
        assert bill is not None
        return bill.capacity, bill.destination, bill.vehicle, bill.status, bill.parent_count


@pytest.fixture
def shift(qtbot: QtBot, tmp_path: Path) -> Iterator[Shift]:
    with real_station(tmp_path, ravi="dispatcher", bina="biller", sam="admin") as station:
        scanner = FakeScanner()
        app = StationApp(station, sounds=SilentPlayer(), scan_inputs=[scanner], timing=Timing())
        qtbot.addWidget(app.window)
        app.start()
        yield Shift(app, scanner, station)
        app.stop()


def test_edit_a_bill_capacity_destination_and_vehicle(qtbot: QtBot, shift: Shift) -> None:
    login(qtbot, shift.app, "sam")
    shift.pack("SB00001", 30)
    shift.create_bill(qtbot, "BILL-1", 5, "SB00001")
    tab = shift.tab
    press(qtbot, tab, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: shift.app.bills.dialog is not None)
    dialog = shift.app.bills.dialog
    assert dialog is not None
    assert (dialog.capacity.minimum(), dialog.capacity.value()) == (1, 5)
    assert dialog.capacity_hint.text() == "at least 1: already loaded"
    assert (dialog.destination.text(), dialog.vehicle.text()) == ("Indore", "MP09AB1234")
    dialog.capacity.setValue(3)
    dialog.destination.setText("Kanpur")
    dialog.vehicle.setText("UP78CD5678")
    qtbot.keyClick(dialog.destination, Qt.Key.Key_Return)  # a scanner's Enter does not save
    assert shift.app.bills.dialog is dialog
    press(qtbot, dialog.vehicle, Qt.Key.Key_S)  # Save
    qtbot.waitUntil(lambda: shift.app.bills.dialog is None)
    assert shift.bill("BILL-1") == (3, "Kanpur", "UP78CD5678", "processing", 1)
    assert shift.bill_events()[-1] == (
        "bill_update",
        "",
        {"capacity": 3, "destination": "Kanpur", "vehicle": "UP78CD5678"},
    )
    assert tab.message.text() == (
        "Bill BILL-1 changed: capacity 5 → 3, destination Kanpur, vehicle UP78CD5678."
    )
    assert "Kanpur" in tab.details.text()
    assert tab.progress.maximum() == 3
    qtbot.waitUntil(lambda: scan_line_has_keyboard(tab))

    press(qtbot, tab, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: shift.app.bills.dialog is not None)
    again = shift.app.bills.dialog
    assert again is not None
    qtbot.keyClick(again, Qt.Key.Key_Escape)  # cancelled: nothing recorded
    assert shift.app.bills.dialog is None
    assert [kind for kind, _, _ in shift.bill_events()].count("bill_update") == 1
    qtbot.waitUntil(lambda: scan_line_has_keyboard(tab))


def test_a_capacity_below_the_load_is_refused_with_the_message(qtbot: QtBot, shift: Shift) -> None:
    login(qtbot, shift.app, "sam")
    shift.pack("SB00001", 30)
    shift.pack("SB00002", 30)
    shift.create_bill(qtbot, "BILL-2", 3, "SB00001")
    qtbot.mouseClick(shift.tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = shift.app.bills.dialog
    assert dialog is not None
    dialog.capacity.setValue(1)
    shift.scanner.read("SB00002")  # loaded while the dialog is open: now 2 on the bill
    assert shift.tab.progress.value() == 2
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert shift.tab.message.text() == (
        "Bill BILL-2 already holds 2 parents: its capacity cannot go below 2. "
        "Take parents off first to go lower."
    )
    assert shift.tab.message.property("kind") == "error"
    assert shift.bill("BILL-2")[0] == 3
    assert "bill_update" not in [kind for kind, _, _ in shift.bill_events()]


def scan_line_has_keyboard(tab: BillsTab) -> bool:
    """The bills tab's scan line is where the window's keys go (once it is active again)."""
    return tab.window().focusWidget() is tab.entry


def press(qtbot: QtBot, where: QWidget, key: Qt.Key) -> None:
    """Alt+``key`` where the biller types (the tab's scan line, or a dialog's field); a
    mnemonic clicks its button a moment later."""
    window = where.window()
    window.activateWindow()  # offscreen, no window manager activates a window for us
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(where.entry if isinstance(where, BillsTab) else where, key, ALT)


def answer(qtbot: QtBot, shift: Shift, button: QMessageBox.StandardButton) -> None:
    box = shift.app.bills.question
    assert box is not None
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    assert shift.app.bills.question is None


def test_a_biller_completes_a_part_loaded_bill_after_confirming(qtbot: QtBot, shift: Shift) -> None:
    login(qtbot, shift.app, "sam")
    shift.pack("SB00001", 30)
    shift.pack("SB00002", 30)
    shift.app.on_logout_requested()
    login(qtbot, shift.app, "bina")
    shift.create_bill(qtbot, "BILL-3", 10, "SB00001", "SB00002")
    before = shift.bill_events()

    press(qtbot, shift.tab, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: shift.app.bills.question is not None)
    box = shift.app.bills.question
    assert box is not None
    assert (
        box.text()
        == "Bill BILL-3 holds 2 of 10 parents. Complete it with 2? Its capacity becomes 2."
    )
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter (a scanner's, say) is the default: No
    assert shift.app.bills.question is None
    assert shift.bill_events() == before, "nothing happens on No"
    assert shift.bill("BILL-3")[3::1] == ("processing", 2)
    qtbot.waitUntil(lambda: scan_line_has_keyboard(shift.tab))

    qtbot.mouseClick(shift.tab.complete_button, Qt.MouseButton.LeftButton)
    answer(qtbot, shift, QMessageBox.StandardButton.Yes)
    assert shift.bill("BILL-3") == (2, "Indore", "MP09AB1234", "completed", 2)
    assert shift.bill_events()[len(before) :] == [
        ("bill_update", "", {"capacity": 2}),
        ("bill_complete", "", {}),
    ]
    assert "COMPLETED" in shift.tab.title.text()
    assert shift.tab.message.text() == (
        "Bill BILL-3 completed with 2 parents (capacity lowered from 10)."
    )
    assert not shift.tab.complete_button.isEnabled()
    assert shift.tab.reopen_button.isEnabled()
    qtbot.waitUntil(lambda: scan_line_has_keyboard(shift.tab))


def test_a_completed_bill_is_reopened(qtbot: QtBot, shift: Shift) -> None:
    login(qtbot, shift.app, "sam")
    shift.pack("SB00001", 30)
    shift.create_bill(qtbot, "BILL-4", 1, "SB00001")
    assert not shift.tab.reopen_button.isEnabled()
    qtbot.mouseClick(shift.tab.complete_button, Qt.MouseButton.LeftButton)  # full: no question
    assert shift.app.bills.question is None
    assert shift.bill("BILL-4")[3] == "completed"
    press(qtbot, shift.tab, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: shift.bill("BILL-4")[3] == "processing")
    assert shift.bill_events()[-1] == ("bill_reopen", "", {})
    assert "PROCESSING" in shift.tab.title.text()
    assert shift.tab.message.text().startswith("Bill BILL-4 is open again (1 / 1 parents).")
    assert shift.tab.complete_button.isEnabled()
    assert not shift.tab.reopen_button.isEnabled()


def test_a_parent_that_is_not_full_is_asked_about_first(
    qtbot: QtBot, shift: Shift, qapp: QApplication
) -> None:
    login(qtbot, shift.app, "sam")
    shift.pack("SB00042", 11)
    shift.pack("SB00043", 5)
    shift.create_bill(qtbot, "BILL-5", 5)
    tab = shift.tab
    qapp.setStyleSheet(load_style(high_contrast=False))
    try:
        shift.scanner.read("SB00042")
        assert tab.message.text() == (
            "SB00042 holds 11 of 30 children. "
            "Scan it again or press Confirm to put it on the bill anyway."
        )
        assert tab.message.property("kind") == "needs_confirmation"
        colour = tab.message.palette().color(tab.message.foregroundRole())
        assert colour.name() == "#b45309", "in the warning colour"
    finally:
        qapp.setStyleSheet("")
    assert tab.question.isVisible()
    assert tab.progress.value() == 0
    assert [kind for kind, _, _ in shift.bill_events()] == ["bill_create"], "nothing recorded"
    press(qtbot, tab, Qt.Key.Key_F)  # Confirm
    qtbot.waitUntil(lambda: tab.progress.value() == 1)
    assert not tab.question.isVisible()
    assert shift.bill_events()[-1][:2] == ("bill_add_parent", "SB00042")
    qtbot.waitUntil(lambda: scan_line_has_keyboard(tab))

    shift.scanner.read("SB00043")
    assert tab.question.isVisible()
    press(qtbot, tab, Qt.Key.Key_K)  # Keep it off
    qtbot.waitUntil(lambda: not tab.question.isVisible())
    assert tab.message.text() == "SB00043 stays off bill BILL-5. Scan the next parent."
    assert not tab.question.isVisible()
    assert tab.progress.value() == 1

    shift.scanner.read("SB00043")
    assert tab.question.isVisible()
    shift.scanner.read("SB00042")  # another scan: "no" to SB00043 (and SB00042 is on already)
    assert not tab.question.isVisible()
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Nothing to confirm."
    assert tab.progress.value() == 1

    shift.scanner.read("SB00043")
    shift.scanner.read("SB00043")  # the same parent again: yes
    assert tab.progress.value() == 2
    assert [code for kind, code, _ in shift.bill_events() if kind == "bill_add_parent"] == [
        "SB00042",
        "SB00042",  # the harmless repeat is sent too
        "SB00043",
    ]


def test_a_dispatcher_cannot_change_bills(qtbot: QtBot, shift: Shift) -> None:
    login(qtbot, shift.app, "sam")
    shift.pack("SB00001", 30)
    shift.create_bill(qtbot, "BILL-6", 1, "SB00001")
    shift.app.on_logout_requested()
    login(qtbot, shift.app, "ravi")
    assert "bills" not in shift.app.window.visible_tabs()
    shift.tab.edit_requested.emit()  # a stale click: no bill is open for a dispatcher
    assert shift.app.bills.dialog is None
    before = shift.bill_events()
    for outcome in (
        shift.station.update_bill(3, None, None),
        shift.station.complete_bill_early(),
        shift.station.reopen_bill(),
    ):
        assert outcome.kind == "error"
        assert outcome.message.startswith("A dispatcher cannot")
    assert shift.bill_events() == before
    assert shift.bill("BILL-6")[0] == 1


def test_esc_and_the_command_barcodes_answer_the_question(qtbot: QtBot, shift: Shift) -> None:
    """The question about a parent that is not full is answered as the scan tab's are: Esc
    keeps it off, a scanned CMD-CONFIRM puts it on, CMD-CANCEL keeps it off."""
    login(qtbot, shift.app, "sam")
    shift.pack("SB00042", 11)
    shift.pack("SB00043", 5)
    shift.create_bill(qtbot, "BILL-6", 5)
    tab = shift.tab
    shift.scanner.read("SB00042")
    assert tab.asking()
    window = tab.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(tab.entry, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tab.asking())
    assert tab.message.text() == "SB00042 stays off bill BILL-6. Scan the next parent."
    shift.scanner.read("SB00042")
    shift.scanner.read("CMD-CONFIRM")
    assert tab.progress.value() == 1
    assert shift.bill_events()[-1][:2] == ("bill_add_parent", "SB00042")
    shift.scanner.read("SB00043")
    shift.scanner.read("CMD-CANCEL")
    assert not tab.asking()
    assert tab.progress.value() == 1
    assert [kind for kind, _, _ in shift.bill_events()] == ["bill_create", "bill_add_parent"]
