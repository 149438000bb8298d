"""Settings and first-run setup: bad values refused beside the field, the scanner test panel."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.config import StationConfig, load_config, save_config
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.wedge import WedgeConfig
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.enrollment import EnrollAnswer, enroll_station
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.first_run import FirstRunWizard
from tracetrack_desktop.ui.settings_dialog import SettingsDialog
from tracetrack_desktop.ui.settings_model import (
    SettingsValues,
    config_with_values,
    validate,
    values_from_config,
    wedge_config,
)
from tracetrack_desktop.ui.statusbar.connection import ConnectionWidget
from tracetrack_desktop.ui.workflow_station import WorkflowStation
from tracetrack_desktop.window import run_first_run

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DATA = json.loads((Path(__file__).parents[1] / "data" / "ui_scans.json").read_text("utf-8"))


station = station_fixture(sam="admin")


@pytest.fixture
def admin_app(
    qtbot: QtBot, station: WorkflowStation
) -> Iterator[tuple[StationApp, FakeScanner, SilentPlayer]]:
    scanner = FakeScanner()
    sounds = SilentPlayer()
    app = StationApp(
        station,
        sounds=sounds,
        scan_inputs=[scanner],
        settings=SettingsValues(server_url="http://127.0.0.1:9"),
        list_ports=lambda: [("/dev/ttyACM0", "Honeywell 1900 USB")],
        enroller=lambda url, code: EnrollAnswer(code == "GOOD-CODE", f"asked {url}"),
    )
    qtbot.addWidget(app.window)
    app.start()
    login(qtbot, app, "sam")
    yield app, scanner, sounds
    app.stop()


def open_settings(app: StationApp) -> SettingsDialog:
    """The Settings dialog, opened the way the admin opens it (the window's action)."""
    app.window.settings_action.trigger()
    dialog = app.settings_dialog
    assert dialog is not None
    return dialog


def test_invalid_values_are_refused_beside_the_field(
    qtbot: QtBot, admin_app: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, _, sounds = admin_app
    dialog = open_settings(app)
    assert dialog.port.itemText(1) == "/dev/ttyACM0 — Honeywell 1900 USB"
    dialog.server_url.setText("tracetrack.local")
    dialog.child_pattern.setText("[A-Z")
    dialog.wedge_gap.setValue(500)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible(), "a bad value keeps the dialog open"
    assert "https://" in dialog.errors["server_url"].text()
    assert "Not a valid pattern" in dialog.errors["child_pattern"].text()
    assert "5 to 200 ms" in dialog.errors["wedge_max_gap_ms"].text()
    dialog.server_url.setText("https://tracetrack.example.com")
    dialog.child_pattern.setText("[A-Z0-9]{4,20}")
    dialog.wedge_gap.setValue(30)
    dialog.muted.setChecked(True)
    with qtbot.waitSignal(app.settings_changed) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    values = saved.args[0]
    assert values.server_url == "https://tracetrack.example.com"
    assert values.wedge_max_gap_ms == 30
    assert sounds.muted
    qtbot.waitUntil(lambda: app.settings_dialog is None)


def test_scans_go_to_the_test_panel_while_settings_are_open(
    qtbot: QtBot, admin_app: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, scanner, _ = admin_app
    dialog = open_settings(app)
    record = ScanRecord(
        DATA["gs1_child"],
        ScanSource.WEDGE,
        "keyboard",
        datetime.now(UTC),
        char_intervals_ms=tuple(DATA["wedge_intervals_ms"]),
        duration_ms=64.0,
    )
    scanner.scan_read.emit(record)
    panel = dialog.test_panel
    assert panel.raw.text().endswith("LOT42<GS>21C0016586")
    assert panel.symbology.text() == "]C1"
    assert "(01) 00614141999996" in panel.gs1.text()
    assert panel.code.text().startswith("C0016586 · child")
    assert "slowest gap 12 ms" in panel.timing.toPlainText()
    assert app.window.scan_tab.table.rowCount() == 0, "a test read records nothing"
    dialog.reject()


def test_enrollment_runs_in_the_background_and_reports_beside_the_code(
    qtbot: QtBot, admin_app: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, _, _ = admin_app
    dialog = open_settings(app)
    dialog.server_url.setText("http://127.0.0.1:8000")
    dialog.enroll_code.setText("GOOD-CODE")
    with qtbot.waitSignal(app.enrollment_finished) as finished:
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].ok
    assert finished.args[0].message == "asked http://127.0.0.1:8000"
    assert dialog.enroll_status.text() == "asked http://127.0.0.1:8000"
    dialog.reject()


def test_validation_rules_name_each_field() -> None:
    assert validate(SettingsValues(offline_only=True)) == {}
    errors = validate(SettingsValues(server_url="ftp://x", baud=1234, parent_patterns=()))
    assert set(errors) == {"server_url", "baud", "parent_patterns"}
    assert (
        "widen it"
        in validate(SettingsValues(offline_only=True, child_pattern="[A-Z]{4}"))["child_pattern"]
    )


def test_first_run_offline_skips_enrollment_and_checks_the_operator(qtbot: QtBot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    server = wizard.server_page
    assert not server.isComplete()
    qtbot.keyClicks(server.url, "not a url")
    assert "https://" in server.error.text()
    server.offline.setChecked(True)
    assert server.isComplete()
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PAGE_SCANNER
    wizard.show_scan(
        ScanRecord(DATA["long_child_label"], ScanSource.SERIAL, "/dev/ttyACM0", datetime.now(UTC))
    )
    assert "0016586 · child" in wizard.scanner_page.panel.code.text()
    wizard.next()
    page = wizard.operator_page
    qtbot.keyClicks(page.username, "Ravi")
    qtbot.keyClicks(page.password, "secret1")
    qtbot.keyClicks(page.again, "secret2")
    assert "differ" in page.error.text()
    assert not page.isComplete()
    page.again.clear()
    qtbot.keyClicks(page.again, "secret1")
    assert page.isComplete()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    result = wizard.result_values()
    assert (result.offline_only, result.username, result.enrolled) == (True, "ravi", False)


def test_enrolling_against_no_server_says_what_to_check() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    answer = enroll_station(f"http://127.0.0.1:{port}", "ABCD-EFGH", "bench-1")
    assert not answer.ok
    assert "Check the address and the network" in answer.message
    assert answer.token == ""


def test_run_first_run_returns_what_the_operator_chose(qtbot: QtBot) -> None:
    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, FirstRunWizard)
        wizard.server_page.offline.setChecked(True)
        wizard.next()
        wizard.next()
        wizard.operator_page.username.setText("meena")
        wizard.operator_page.password.setText("secret1")
        wizard.operator_page.again.setText("secret1")
        wizard.button(QWizard.WizardButton.FinishButton).click()

    QTimer.singleShot(0, drive)
    result = run_first_run(lambda url, code: EnrollAnswer(False, "not used"))
    assert result is not None
    assert (result.offline_only, result.username, result.password) == (True, "meena", "secret1")
    assert result.enrollment is None
    assert result.token_file is None


def test_keyboard_scanner_settings_round_trip_through_the_settings_file(tmp_path: Path) -> None:
    values = SettingsValues(
        offline_only=True,
        wedge_max_gap_ms=100,
        wedge_min_length=6,
        wedge_prefix="~",
        wedge_idle_submit_ms=300,
        wedge_terminators=("Tab",),
    )
    config = config_with_values(StationConfig(), values)
    assert config.scanner.wedge_prefix == "~"
    assert config.scanner.wedge_idle_submit_ms == 300.0
    assert config.scanner.wedge_terminators == ("Tab",)
    reloaded = load_config(save_config(config, tmp_path / "station.toml"))
    back = values_from_config(reloaded)
    assert (back.wedge_prefix, back.wedge_idle_submit_ms, back.wedge_terminators) == (
        "~",
        300,
        ("Tab",),
    )
    assert (back.wedge_max_gap_ms, back.wedge_min_length) == (100, 6)
    assert reloaded.scanner.wedge() == WedgeConfig(
        max_char_interval_ms=100,
        min_length=6,
        prefix="~",
        idle_submit_ms=300,
        terminators=frozenset({"Tab"}),
    )
    defaults = values_from_config(StationConfig())
    assert (defaults.wedge_prefix, defaults.wedge_idle_submit_ms) == ("", 0)
    assert defaults.wedge_terminators == ("Enter", "Tab")


def test_wedge_config_keeps_what_the_dialog_does_not_show() -> None:
    base = WedgeConfig(gs_substitute="<GS>", max_total_ms=8_000, scanner_id="kb-2")
    values = SettingsValues(wedge_max_gap_ms=40, wedge_prefix="~", wedge_terminators=("Enter",))
    config = wedge_config(base, values)
    assert config == WedgeConfig(
        max_char_interval_ms=40,
        prefix="~",
        terminators=frozenset({"Enter"}),
        gs_substitute="<GS>",
        max_total_ms=8_000,
        scanner_id="kb-2",
    )
    assert config.idle_submit_ms is None, "0 in the dialog is off"
    assert wedge_config(base, SettingsValues(wedge_idle_submit_ms=300)).idle_submit_ms == 300.0


@pytest.mark.parametrize(
    ("changes", "refused"),
    [
        ({"wedge_idle_submit_ms": 0}, False),
        ({"wedge_idle_submit_ms": 100}, False),
        ({"wedge_idle_submit_ms": 2000}, False),
        ({"wedge_idle_submit_ms": 50}, True),
        ({"wedge_idle_submit_ms": 2001}, True),
        ({"wedge_idle_submit_ms": 150, "wedge_max_gap_ms": 180}, True),
        ({"wedge_prefix": "]Q~"}, False),
        ({"wedge_prefix": "~ "}, True),
        ({"wedge_prefix": "\t"}, True),
        ({"wedge_prefix": "123456789"}, True),
    ],
)
def test_keyboard_scanner_prefix_and_pause_are_checked(
    changes: dict[str, Any], refused: bool
) -> None:
    errors = validate(SettingsValues(offline_only=True, **changes))
    field = next(key for key in changes if key != "wedge_max_gap_ms")
    assert (field in errors) is refused
    assert set(errors) <= {field}
    if field == "wedge_idle_submit_ms" and refused:
        assert "100 to 2000 ms" in errors[field]
    if field == "wedge_prefix" and refused:
        assert "without spaces" in errors[field]


def test_the_dialog_edits_the_prefix_and_the_pause(qtbot: QtBot) -> None:
    dialog = SettingsDialog(SettingsValues(offline_only=True, wedge_idle_submit_ms=400), [])
    qtbot.addWidget(dialog)
    assert dialog.wedge_idle.value() == 400
    dialog.wedge_idle.setValue(0)
    assert dialog.wedge_idle.text() == "off"
    dialog.wedge_prefix.setText("~ ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "without spaces" in dialog.errors["wedge_prefix"].text()
    dialog.wedge_prefix.setText("~")
    with qtbot.waitSignal(dialog.settings_accepted) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert (saved.args[0].wedge_prefix, saved.args[0].wedge_idle_submit_ms) == ("~", 0)


def _press_enter(qtbot: QtBot, widget: QWidget) -> None:
    """Return, then the keypad's Enter, as a scanner's suffix would arrive."""
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(widget, key)


def test_enter_never_presses_a_settings_button(qtbot: QtBot) -> None:
    dialog = SettingsDialog(SettingsValues(offline_only=True), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert all(not b.isDefault() for b in dialog.findChildren(QPushButton))
    with qtbot.assertNotEmitted(dialog.settings_accepted), qtbot.assertNotEmitted(dialog.finished):
        dialog.server_url.setFocus()
        _press_enter(qtbot, dialog.server_url)
        ok.setDefault(True)  # even a default button set by someone else stays unpressed
        _press_enter(qtbot, dialog.server_url)
        _press_enter(qtbot, dialog.wedge_gap)
        ok.setFocus()
        _press_enter(qtbot, ok)
        _press_enter(qtbot, dialog.enroll_button)
    assert dialog.isVisible()
    assert dialog.result() == int(QDialog.DialogCode.Rejected)
    assert dialog.enroll_status.text() == "", "Enroll was not pressed either"
    with qtbot.waitSignal(dialog.settings_accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == int(QDialog.DialogCode.Accepted)


def test_space_still_presses_a_focused_button(qtbot: QtBot) -> None:
    dialog = SettingsDialog(SettingsValues(offline_only=True), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    with qtbot.waitSignal(dialog.settings_accepted):
        qtbot.keyClick(ok, Qt.Key.Key_Space)
    assert dialog.result() == int(QDialog.DialogCode.Accepted)


def test_enter_never_moves_the_first_run_wizard_on(qtbot: QtBot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    finished: list[int] = []
    wizard.finished.connect(finished.append)
    server = wizard.server_page
    qtbot.keyClicks(server.url, "https://tracetrack.example.com")
    assert server.isComplete()
    _press_enter(qtbot, server.url)
    assert wizard.currentId() == FirstRunWizard.PAGE_SERVER
    server.offline.setChecked(True)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PAGE_SCANNER
    panel = wizard.scanner_page.panel
    assert wizard.focusWidget() is panel.line, "a scan on this page lands in the test line"
    _press_enter(qtbot, panel.line)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    _press_enter(qtbot, next_button)
    assert wizard.currentId() == FirstRunWizard.PAGE_SCANNER
    wizard.next()
    page = wizard.operator_page
    page.username.setText("meena")
    page.password.setText("secret1")
    page.again.setText("secret1")
    assert page.isComplete()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()
    _press_enter(qtbot, page.again)
    finish.setFocus()
    _press_enter(qtbot, finish)
    assert wizard.currentId() == FirstRunWizard.PAGE_OPERATOR
    assert wizard.isVisible()
    assert finished == []
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert finished == [int(QDialog.DialogCode.Accepted)]


def test_a_scan_on_a_wizard_page_without_a_scanner_test_is_refused_with_a_note(
    qtbot: QtBot,
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.currentPage()
    assert page is wizard.server_page
    before = page.subTitle()
    wizard.show_scan(
        ScanRecord("SB00042", ScanSource.WEDGE, "keyboard", datetime.now(UTC), terminator="Enter")
    )
    assert "SB00042" in page.subTitle(), "the scan is not used, and the page says so"
    assert wizard.server_page.url.text() == ""
    wizard.server_page.offline.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.scanner_page
    assert wizard.server_page.subTitle() == before, "the note goes once the page is left"


def test_remote_plain_http_is_refused_until_the_opt_in_is_ticked(
    qtbot: QtBot, admin_app: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, _, _ = admin_app
    dialog = open_settings(app)
    assert not dialog.allow_plain_http.isVisibleTo(dialog), "loopback http needs no opt-in"
    dialog.server_url.setText("http://10.0.0.5:8000")
    assert dialog.allow_plain_http.isVisibleTo(dialog)
    assert dialog.plain_http_warning.isVisibleTo(dialog)
    assert "password hashes" in dialog.plain_http_warning.text()
    assert "unencrypted" in dialog.plain_http_warning.text()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible(), "remote http without the opt-in keeps the dialog open"
    assert "not encrypted" in dialog.errors["server_url"].text()
    dialog.enroll_code.setText("GOOD-CODE")
    with qtbot.assertNotEmitted(app.enrollment_finished):
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    assert "not encrypted" in dialog.errors["server_url"].text()
    qtbot.mouseClick(dialog.allow_plain_http, Qt.MouseButton.LeftButton)
    assert dialog.allow_plain_http.isChecked()
    with qtbot.waitSignal(app.settings_changed) as saved:
        ok.click()
    values = saved.args[0]
    assert (values.server_url, values.allow_plain_http) == ("http://10.0.0.5:8000", True)
    config = config_with_values(StationConfig(), values)
    assert config.server.allow_plain_http
    assert values_from_config(config).allow_plain_http
    qtbot.waitUntil(lambda: app.settings_dialog is None)


def test_the_opt_in_box_shows_only_where_it_matters(qtbot: QtBot) -> None:
    dialog = SettingsDialog(SettingsValues(server_url="https://tracetrack.example.com"), [])
    qtbot.addWidget(dialog)
    assert not dialog.allow_plain_http.isVisibleTo(dialog)
    dialog.server_url.setText("http://")  # typed so far: not yet an address
    assert not dialog.plain_http_warning.isVisibleTo(dialog)
    dialog.server_url.setText("http://example.com")
    assert dialog.plain_http_warning.isVisibleTo(dialog)
    dialog.offline_only.setChecked(True)  # no server in use: nothing to warn about
    assert not dialog.plain_http_warning.isVisibleTo(dialog)
    assert not dialog.allow_plain_http.isVisibleTo(dialog)
    ticked = SettingsDialog(
        SettingsValues(server_url="https://tracetrack.example.com", allow_plain_http=True), []
    )
    qtbot.addWidget(ticked)
    assert ticked.allow_plain_http.isVisibleTo(ticked), "a ticked opt-in can be unticked"


def test_first_run_refuses_remote_plain_http(qtbot: QtBot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    server = wizard.server_page
    qtbot.keyClicks(server.url, "http://10.0.0.5:8000")
    assert not server.isComplete()
    assert "not encrypted" in server.error.text()
    assert "offline only" in server.error.text()
    server.url.setText("http://127.0.0.1:8000")
    assert server.isComplete()
    assert server.error.text() == ""
    server.url.setText("https://10.0.0.5:8443")
    assert server.isComplete()


def test_the_status_bar_says_when_the_connection_is_unencrypted(qtbot: QtBot) -> None:
    connection = ConnectionWidget()
    qtbot.addWidget(connection)
    connection.set_server("http://10.0.0.5:8000")
    assert "Unencrypted connection to 10.0.0.5" in connection.text()
    connection.set_state(online=True, last_sync=datetime.now(UTC), error=None)
    assert "Online" in connection.text()
    assert "Unencrypted connection to 10.0.0.5" in connection.text(), "while it lasts"
    connection.set_server("https://10.0.0.5")
    assert "Unencrypted" not in connection.text()
    connection.set_server("http://127.0.0.1:8000")
    assert "Unencrypted" not in connection.text()


def test_the_window_warns_when_it_syncs_over_plain_http(
    qtbot: QtBot, station: WorkflowStation
) -> None:
    # never started: the reader's thread would reach for 10.0.0.5; building it wires the bar
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        scan_inputs=[FakeScanner()],
        reader=ServerReader("http://10.0.0.5:8000", "tok"),
        settings=SettingsValues(server_url="http://10.0.0.5:8000", allow_plain_http=True),
    )
    qtbot.addWidget(app.window)
    assert "Unencrypted connection to 10.0.0.5" in app.window.connection.text()
