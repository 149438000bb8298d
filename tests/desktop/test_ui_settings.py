"""Settings and first-run setup: bad values refused beside the field, the scanner test panel."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.ui.app import StationApp, run_first_run
from tracetrack_desktop.ui.enrollment import EnrollAnswer, enroll_station
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.first_run import FirstRunWizard
from tracetrack_desktop.ui.preview_station import PreviewStation
from tracetrack_desktop.ui.settings_model import SettingsValues, validate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DATA = json.loads((Path(__file__).parents[1] / "data" / "ui_scans.json").read_text("utf-8"))


@pytest.fixture
def admin_app(qtbot: QtBot) -> Iterator[tuple[StationApp, FakeScanner, SilentPlayer]]:
    scanner = FakeScanner()
    sounds = SilentPlayer()
    app = StationApp(
        PreviewStation(operators={"sam": ("pw", "admin")}),
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


def test_invalid_values_are_refused_beside_the_field(
    qtbot: QtBot, admin_app: tuple[StationApp, FakeScanner, SilentPlayer]
) -> None:
    app, _, sounds = admin_app
    app.window.settings_action.trigger()
    dialog = app.settings_dialog
    assert dialog is not None
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
    app.window.settings_action.trigger()
    dialog = app.settings_dialog
    assert dialog is not None
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
    app.window.settings_action.trigger()
    dialog = app.settings_dialog
    assert dialog is not None
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
    answer = run_first_run(lambda url, code: EnrollAnswer(False, "not used"))
    assert answer is not None
    result, enrollment = answer
    assert (result.offline_only, result.username, result.password) == (True, "meena", "secret1")
    assert enrollment is None
