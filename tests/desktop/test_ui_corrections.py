"""Corrections in the Lookup tab, offscreen, on the real station engine (workflow + SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.desktop.stations import PASSWORD, real_station
from tests.desktop.wedge_keys import type_as_person, type_scan
from tracetrack_core.events import EventType
from tracetrack_desktop.domain.corrections import CorrectionTarget
from tracetrack_desktop.scanner.qt_adapter import WedgeEventFilter
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.wedge import WedgeConfig, WedgeDetector
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.correction_dialog import CorrectionDialog
from tracetrack_desktop.ui.dashboard_client import parse_bag
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.tabs.lookup_tab import LookupTab
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CHILDREN = ("0016586", "0016587", "0016588")


@pytest.fixture
def station(tmp_path: Path) -> Iterator[WorkflowStation]:
    with real_station(tmp_path, ravi="dispatcher", bina="biller", sam="admin") as station:
        yield station


@pytest.fixture
def sounds() -> SilentPlayer:
    return SilentPlayer()


@pytest.fixture
def app(qtbot: QtBot, station: WorkflowStation, sounds: SilentPlayer) -> Iterator[StationApp]:
    # the keyboard scanner's filter as the window has it: a scan goes where the focus is
    wedge = WedgeEventFilter(WedgeDetector(WedgeConfig.cabled()))
    station_app = StationApp(station, sounds=sounds, scan_inputs=[wedge])
    qtbot.addWidget(station_app.window)
    station_app.start()
    qtbot.waitExposed(station_app.window)
    station_app.window.activateWindow()
    yield station_app
    station_app.stop()


def _scan(app: StationApp, text: str) -> None:
    app.on_scan_line_read(ScanRecord(text, ScanSource.SIMULATED, "sim", datetime.now(UTC)))


def _pack(app: StationApp, parent: str, *children: str) -> None:
    """Pack as the admin, through the scan tab, then log out."""
    app.on_login_requested("sam", PASSWORD)
    for code in (parent, *children):
        _scan(app, code)
    app.on_logout_requested()


def _look_up(app: StationApp, user: str, code: str) -> LookupTab:
    app.on_login_requested(user, PASSWORD)
    app.window.show_tab("lookup")
    app.on_lookup_requested(code)
    return app.window.lookup_tab


def _dialog(
    qtbot: QtBot, app: StationApp, tab: LookupTab, correction: EventType
) -> CorrectionDialog:
    button = tab.correction_buttons[correction]
    assert button.isEnabled(), correction
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = app.corrections.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _pick(dialog: CorrectionDialog, reason: str) -> None:
    index = dialog.reason.findData(reason)
    assert index >= 0, reason
    dialog.reason.setCurrentIndex(index)


def _ok(qtbot: QtBot, app: StationApp, dialog: CorrectionDialog) -> None:
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.corrections.dialog is None)


def _history(tab: LookupTab) -> list[list[str]]:
    table = tab.history
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_biller_takes_a_child_out_with_a_reason(
    qtbot: QtBot, app: StationApp, station: WorkflowStation, sounds: SilentPlayer
) -> None:
    _pack(app, "SB00042", *CHILDREN)
    tab = _look_up(app, "bina", "0016586")
    assert tab.corrections.isVisibleTo(tab)
    enabled = {c for c, b in tab.correction_buttons.items() if b.isEnabled()}
    assert enabled == {EventType.CHILD_REMOVE, EventType.CHILD_MOVE, EventType.BAG_VOID}
    dialog = _dialog(qtbot, app, tab, EventType.CHILD_REMOVE)
    assert dialog.sentence.text() == "Take 0016586 out of SB00042 (3 children → 2)."
    assert not dialog.ok_button.isEnabled()  # no reason is picked for the operator
    _pick(dialog, "other")
    assert not dialog.ok_button.isEnabled()  # "other" needs a note
    qtbot.keyClicks(dialog.note, "packed by the trainee")
    played = len(sounds.played)
    _ok(qtbot, app, dialog)

    bag = station.store.bag("0016586")
    assert bag is not None
    assert bag.parent is None
    assert "Child 0016586 in parent (none)" in tab.summary.text()
    assert "0016586 removed from SB00042" in app.window.message_line.text()
    assert sounds.played[played:] == ["good"]
    assert app.window.overlay.last_kind == "good"
    removal = _history(tab)[-1]  # oldest first
    assert removal[1:4] == ["child_remove", "SB00042", "bina"]
    assert removal[5] == "Other (say why in the note): packed by the trainee"
    qtbot.waitUntil(tab.entry.hasFocus)  # the scan line has the keyboard back
    enabled = {c for c, b in tab.correction_buttons.items() if b.isEnabled()}
    assert enabled == {EventType.BAG_VOID}  # a free child


def test_a_child_moves_to_another_parent_in_one_step(
    qtbot: QtBot, app: StationApp, station: WorkflowStation
) -> None:
    _pack(app, "SB00042", *CHILDREN)
    _pack(app, "SB00043", "0016599")
    tab = _look_up(app, "bina", "0016587")
    pending = station.store.pending_count()
    dialog = _dialog(qtbot, app, tab, EventType.CHILD_MOVE)
    _pick(dialog, "wrong_parent")
    assert not dialog.ok_button.isEnabled()  # where to?
    qtbot.waitUntil(dialog.to_parent.hasFocus)
    type_scan(dialog, "SB00043", [100_000])  # the parent's label, read by the scanner
    assert dialog.to_parent.text() == "SB00043"
    assert app.corrections.dialog is dialog  # its Enter pressed nothing
    assert "Child 0016587 in parent SB00042" in tab.summary.text()  # nor looked it up behind
    _ok(qtbot, app, dialog)

    assert station.store.pending_count() == pending + 1  # one event
    assert "Child 0016587 in parent SB00043" in tab.summary.text()
    move = _history(tab)[-1]
    assert move[1:3] == ["child_move", "SB00042 → SB00043"]
    assert move[5] == "Packed into the wrong parent"
    assert app.window.pending.count == pending + 1


def test_void_shows_voided_and_an_admin_restores(
    qtbot: QtBot, app: StationApp, station: WorkflowStation
) -> None:
    _pack(app, "SB00042", *CHILDREN)
    tab = _look_up(app, "bina", "0016588")
    assert not tab.voided_badge.isVisibleTo(tab)
    dialog = _dialog(qtbot, app, tab, EventType.BAG_VOID)
    assert "Void 0016588 and take it out of SB00042 (3 children → 2)" in dialog.sentence.text()
    _pick(dialog, "damaged")
    _ok(qtbot, app, dialog)
    assert tab.voided_badge.isVisibleTo(tab)
    assert tab.voided_badge.text() == "VOIDED"
    assert "voided" in tab.summary.text()
    assert not any(b.isEnabled() for b in tab.correction_buttons.values())  # a biller's view

    app.on_logout_requested()
    tab = _look_up(app, "sam", "0016588")
    assert tab.voided_badge.isVisibleTo(tab)
    enabled = {c for c, b in tab.correction_buttons.items() if b.isEnabled()}
    assert enabled == {EventType.BAG_RESTORE}
    dialog = _dialog(qtbot, app, tab, EventType.BAG_RESTORE)
    assert [dialog.reason.itemData(i) for i in range(dialog.reason.count())] == [
        "voided_in_error",
        "other",
    ]
    _pick(dialog, "voided_in_error")
    _ok(qtbot, app, dialog)
    assert not tab.voided_badge.isVisibleTo(tab)
    bag = station.store.bag("0016588")
    assert bag is not None
    assert bag.status == "open"
    assert _history(tab)[-1][1] == "bag_restore"
    assert _history(tab)[-2][1:6] == [
        "bag_void",
        "",
        "bina",
        "this station",
        "Bag or label damaged",
    ]


def test_a_serial_scanners_read_fills_the_move_dialog(
    qtbot: QtBot, app: StationApp, station: WorkflowStation
) -> None:
    """A serial scanner's read reaches the window outside any field: while a move asks for its
    parent, that is where it goes (not a lookup behind the dialog)."""
    _pack(app, "SB00042", *CHILDREN)
    tab = _look_up(app, "bina", "0016587")
    dialog = _dialog(qtbot, app, tab, EventType.CHILD_MOVE)
    app.on_scanner_scan_read(
        ScanRecord("SB00043", ScanSource.SERIAL, "/dev/ttyACM0", datetime.now(UTC))
    )
    assert dialog.to_parent.text() == "SB00043"
    assert app.corrections.dialog is dialog
    assert "Child 0016587 in parent SB00042" in tab.summary.text()  # no lookup behind it
    _pick(dialog, "wrong_parent")
    _ok(qtbot, app, dialog)
    child = station.store.bag("0016587")
    assert child is not None
    assert child.parent == "SB00043"
    offline = station.local_dashboard(datetime.now(UTC)).summary  # the dashboard's own tiles
    assert (offline["corrections"], offline["children_linked"]) == (1, len(CHILDREN))


def test_cancel_records_nothing(qtbot: QtBot, app: StationApp, station: WorkflowStation) -> None:
    _pack(app, "SB00042", *CHILDREN)
    tab = _look_up(app, "bina", "0016586")
    pending = station.store.pending_count()
    dialog = _dialog(qtbot, app, tab, EventType.CHILD_REMOVE)
    _pick(dialog, "damaged")
    dialog.reject()
    qtbot.waitUntil(lambda: app.corrections.dialog is None)
    assert station.store.pending_count() == pending
    qtbot.waitUntil(tab.entry.hasFocus)


def test_a_dispatcher_sees_no_correction_buttons(app: StationApp) -> None:
    _pack(app, "SB00042", *CHILDREN)
    tab = _look_up(app, "ravi", "0016586")
    assert "Child 0016586 in parent SB00042" in tab.summary.text()
    assert not tab.corrections.isVisibleTo(tab)


def test_the_buttons_follow_whoever_logs_in_next(app: StationApp) -> None:
    _pack(app, "SB00042", *CHILDREN)
    tab = _look_up(app, "bina", "0016586")
    assert tab.corrections.isVisibleTo(tab)
    app.on_logout_requested()
    app.on_login_requested("ravi", PASSWORD)  # the last lookup is still on the tab
    app.window.show_tab("lookup")
    assert not tab.corrections.isVisibleTo(tab)


def test_a_move_by_keyboard_alone(qtbot: QtBot, app: StationApp) -> None:
    _pack(app, "SB00042", *CHILDREN)
    _pack(app, "SB00043")
    tab = _look_up(app, "bina", "0016587")
    qtbot.keyClick(tab.entry, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: app.corrections.dialog is not None)
    dialog = app.corrections.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.to_parent.hasFocus)  # ready for the scanner
    type_as_person(dialog.to_parent, "SB00043", [100_000])  # and Enter, which presses nothing
    assert dialog.to_parent.text() == "SB00043"
    qtbot.keyClick(dialog.to_parent, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.reason.hasFocus)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # the first reason
    assert dialog.reason.currentData() == "wrong_parent"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: app.corrections.dialog is None)
    assert "Child 0016587 in parent SB00043" in tab.summary.text()
    qtbot.waitUntil(tab.entry.hasFocus)


def test_the_servers_history_says_why_and_an_older_server_is_read_without(qtbot: QtBot) -> None:
    entry = {
        "type": "child_move",
        "code": "0016587",
        "parent": "SB00043",
        "bill": "",
        "operator": "bina",
        "station_id": "st-2",
        "station": "Dock 2",
        "occurred_at": "2026-12-07T09:00:00+05:30",
        "status": "accepted",
        "reason": "other",
        "note": "label swapped",
        "from": "SB00042",
    }
    older = {k: v for k, v in entry.items() if k not in ("reason", "note", "from", "station")}
    view = parse_bag(
        "0016587",
        {
            "bag": {"code": "0016587", "kind": "child", "parent": "SB00043", "status": "open"},
            "history": [entry, older],
        },
    )
    tab = LookupTab()
    qtbot.addWidget(tab)
    tab.show_result(view)
    rows = _history(tab)
    assert rows[0][1:] == [
        "child_move",
        "SB00042 → SB00043",
        "bina",
        "Dock 2",
        "Other (say why in the note): label swapped",
    ]
    assert rows[1][1:] == ["child_move", "SB00043", "bina", "st-2", ""]
    voided = parse_bag("0016588", {"bag": {"code": "0016588", "kind": "child", "status": "voided"}})
    tab.show_result(voided)
    assert voided.voided
    assert tab.voided_badge.isVisibleTo(tab)


def test_the_dialog_speaks_hindi(qtbot: QtBot, qapp: QApplication) -> None:
    translator = install_translator(qapp, "hi")
    assert translator is not None
    try:
        target = CorrectionTarget(
            "0016586", "child", "open", "SB00042", 12, possible=(EventType.CHILD_REMOVE,)
        )
        dialog = CorrectionDialog(EventType.CHILD_REMOVE, target)
        qtbot.addWidget(dialog)
        assert dialog.sentence.text() == "0016586 को SB00042 से निकालें (12 चाइल्ड → 11)।"
        assert dialog.reason.itemText(0) == "गलत पैरेंट में पैक हुआ"
        tab = LookupTab()
        qtbot.addWidget(tab)
        tab.show_corrections(target)
        assert tab.correction_buttons[EventType.BAG_VOID].text() == "अमान्य करें (&V)"
    finally:
        qapp.removeTranslator(translator)
