"""Choosing another language in Settings changes the running window at once (no restart):
fixed texts, texts drawn with values, and what the window draws afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.i18n import Language
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

station_port = station_fixture(sam="admin")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Language]:
    chosen = Language(qapp, "en")
    yield chosen
    chosen.uninstall()
    chosen.deleteLater()


def _choose(station: StationApp, code: str) -> None:
    station.on_settings_requested()
    dialog = station.settings_dialog
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_settings_switch_the_running_window_to_hindi_and_back(
    qtbot: QtBot, station_port: WorkflowStation, language: Language
) -> None:
    scanner = FakeScanner()
    station = StationApp(
        station_port, sounds=SilentPlayer(), scan_inputs=[scanner], language=language
    )
    window = station.window
    qtbot.addWidget(window)
    station.start()
    try:
        login(qtbot, station, "sam")
        scanner.read("SB00001")
        assert window.tabs.tabText(0) == "&Scan"
        english_banner = window.scan_tab.banner.text()

        _choose(station, "hi")
        assert language.code == "hi"
        assert window.tabs.tabText(0) == "स्कैन (&S)"  # a fixed text
        assert window.tabs.tabText(1) == "बिल (&B)"
        assert window.scan_tab.banner.text() != english_banner  # drawn with values, again
        assert not window.scan_tab.banner.text().isascii()
        assert window.operator.button.text() != "Log out"
        assert not window.scanners.text().isascii()

        window.logout_action.trigger()  # a page built before the switch
        assert window.login_page.button.text() == "लॉग इन"

        login(qtbot, station, "sam")
        _choose(station, "en")
        assert window.tabs.tabText(0) == "&Scan"
        assert window.scan_tab.banner.text().isascii()
        assert window.operator.button.text() == "Log out"
        assert window.scanners.text() == "Scanners: keyboard"
    finally:
        station.stop()


def test_a_language_without_a_catalogue_changes_nothing(qtbot: QtBot, language: Language) -> None:
    assert not language.switch("xx")
    assert language.code == "en"
