"""Enrolling from the settings dialog against a real sync server (PostgreSQL, real HTTP)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sync_server.api.extension import ServerContext
from sync_server.services import admin
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.enrollment import enroll_station
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


station_port = station_fixture(sam="admin")


def test_enroll_from_settings_then_the_code_is_spent(
    qtbot: QtBot,
    app,  # type: ignore[no-untyped-def]
    live_server: str,
    station_port: WorkflowStation,
) -> None:
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        issued = admin.add_station(session, "Packing 3", actor="test", ttl_minutes=30)
    station = StationApp(
        station_port,
        sounds=SilentPlayer(),
        scan_inputs=[FakeScanner()],
        enroller=lambda url, code: enroll_station(url, code, "packing-pc-3"),
    )
    qtbot.addWidget(station.window)
    station.start()
    try:
        login(qtbot, station, "sam")
        station.window.settings_action.trigger()
        dialog = station.settings_dialog
        assert dialog is not None
        dialog.offline_only.setChecked(False)
        dialog.server_url.setText(live_server)
        qtbot.keyClicks(dialog.enroll_code, issued.enrollment_code.lower())
        with qtbot.waitSignal(station.enrollment_finished, timeout=20_000) as first:
            qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
        answer = first.args[0]
        assert answer.ok, answer.message
        assert answer.station_id == issued.station.id
        assert answer.token
        assert dialog.enroll_status.text().startswith(f"Enrolled as {issued.station.id}")
        assert dialog.enroll_code.text() == ""

        qtbot.keyClicks(dialog.enroll_code, issued.enrollment_code)
        with qtbot.waitSignal(station.enrollment_finished, timeout=20_000) as second:
            qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
        assert not second.args[0].ok
        assert "Ask the admin for a new code" in dialog.enroll_status.text()
        dialog.reject()
    finally:
        station.stop()
