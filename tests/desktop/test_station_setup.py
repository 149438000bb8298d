"""Setting a station up and leaving it running (issue 19): set-up that cannot dead-end, the
server Settings show, a mute station that says so, kiosk mode in the window.

The enrollments are real (``POST /api/v1/stations/enroll`` on the live server, PostgreSQL);
this machine has no working OS keyring, which is the case the set-up must survive.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from sync_server.api.extension import ServerContext
from sync_server.services import admin
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.composition import Identity
from tracetrack_desktop.config import StationConfig, load_config, save_config
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.token_store import NO_KEYRING, TokenPlace, load_token
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.enrollment import enroll_station
from tracetrack_desktop.ui.feedback import NO_AUDIO_DEVICE, SilentPlayer, make_sound_player
from tracetrack_desktop.ui.first_run import FirstRunWizard
from tracetrack_desktop.ui.workflow_station import WorkflowStation
from tracetrack_desktop.window import build_station, enroller

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.timeout(120),
]

station_port = station_fixture(sam="admin", ravi="dispatcher")


@pytest.fixture(autouse=True)
def _no_keyring() -> Iterator[None]:
    """The machine the issue describes: no OS keyring works (the ``fail`` backend)."""
    from keyring.backends.fail import Keyring as FailKeyring  # noqa: PLC0415

    before = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(before)


def _code(app: Any, name: str) -> tuple[str, str]:
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        issued = admin.add_station(session, name, actor="test", ttl_minutes=30)
    return issued.station.id, issued.enrollment_code


def _enroll_page(qtbot: QtBot, place: TokenPlace, url: str) -> FirstRunWizard:
    wizard = FirstRunWizard(place=place)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.server_page.url.setText(url)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PAGE_ENROLL
    return wizard


@pytest.mark.postgres
def test_without_a_keyring_the_setup_offers_a_protected_file_before_the_code_is_spent(
    qtbot: QtBot,
    app: Any,
    live_server: str,
    tmp_path: Path,
) -> None:
    station_id, code = _code(app, "Packing 7")
    token_file = tmp_path / "data" / "station-token"
    wizard = _enroll_page(qtbot, TokenPlace(None, token_file), live_server)
    page = wizard.enroll_page
    assert page.keyring_note.isVisible()
    assert page.use_file.isVisible()
    assert page.file_path.text().replace("\u200b", "") == str(token_file)
    assert not page.button.isEnabled(), "the code must not be sent with nowhere to keep it"

    page.use_file.setChecked(True)
    assert page.button.isEnabled()
    page.code.setText(code)
    wizard.show_enrollment(enroll_station(live_server, code, "packing-pc-7"))

    assert page.enrolled
    assert page.isComplete()
    assert token_file.read_text().strip() == load_token(station_id, str(token_file))
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    result = wizard.result_values()
    assert result.enrollment is not None
    assert result.enrollment.station_id == station_id
    assert result.token_file == str(token_file)
    assert str(token_file) in page.status.text()


@pytest.mark.postgres
def test_a_token_that_could_not_be_kept_is_saved_again_without_a_new_code(
    qtbot: QtBot,
    app: Any,
    live_server: str,
    tmp_path: Path,
) -> None:
    station_id, code = _code(app, "Packing 8")
    blocker = tmp_path / "taken"
    blocker.write_text("a file where the token's folder should be")
    asked = blocker / "station-token"  # its parent is a file: writing fails
    wizard = _enroll_page(qtbot, TokenPlace(str(asked)), live_server)
    page = wizard.enroll_page
    assert page.button.isEnabled(), "a file was asked for: no keyring is needed"
    page.code.setText(code)
    wizard.show_enrollment(enroll_station(live_server, code, "packing-pc-8"))
    assert not page.enrolled
    assert "could not be kept" in page.status.text()
    assert page.button.text() == "&Save token"

    blocker.unlink()  # the admin fixes the folder; the same token, no new code
    page.button.click()
    assert page.enrolled
    assert load_token(station_id, str(asked))
    # the code was spent once: a second enrollment with it is refused
    again = enroll_station(live_server, code, "packing-pc-8")
    assert not again.ok
    assert "new code" in again.message


@pytest.mark.postgres
def test_settings_enrollment_keeps_the_code_when_no_keyring_works(
    app: Any,
    live_server: str,
    tmp_path: Path,
) -> None:
    station_id, code = _code(app, "Packing 9")
    answer = enroller(StationConfig(), TokenPlace(None))(live_server, code)
    assert not answer.ok
    assert answer.message == NO_KEYRING
    # not spent: the same code still enrolls once a place for the token exists
    place = TokenPlace(str(tmp_path / "token"))
    answer = enroller(StationConfig(), place)(live_server, code)
    assert answer.ok, answer.message
    assert answer.station_id == station_id


def test_settings_show_the_server_the_station_syncs_with_ok_keeps_it_and_sets_kiosk(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """``make run`` enrolls in memory and writes no address to the settings file."""
    config_path, data = tmp_path / "station.toml", tmp_path / "data"
    save_config(StationConfig(), config_path)
    store = LocalStore(data)
    server = "http://127.0.0.1:8600"
    identity = Identity("st-1", server, "tok")
    station_app = build_station(
        store,
        StationConfig(),
        config_path=config_path,
        data_dir=data,
        identity=identity,
        sounds=SilentPlayer(),
    )
    qtbot.addWidget(station_app.window)
    try:
        assert station_app.settings.server_url == server
        assert not station_app.settings.offline_only
        station_app.on_settings_requested()
        dialog = station_app.settings_dialog
        assert dialog is not None
        assert dialog.server_url.text() == server
        assert not dialog.offline_only.isChecked()
        assert not dialog.kiosk.isChecked()
        dialog.kiosk.setChecked(True)  # an admin sets kiosk mode without editing a file
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        saved = load_config(config_path)
        assert saved.server.url == server
        assert saved.ui.kiosk
    finally:
        station_app.stop()
        store.close()


def test_a_station_without_sound_says_so_once(
    qtbot: QtBot, station_port: WorkflowStation, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        player = make_sound_player()
    if not isinstance(player, SilentPlayer):
        pytest.skip("this machine has an audio output")
    assert player.reason == NO_AUDIO_DEVICE
    said = [r for r in caplog.records if "sound off" in r.getMessage()]
    assert len(said) == 1

    scanner = FakeScanner()
    station = StationApp(station_port, sounds=player, scan_inputs=[scanner])
    qtbot.addWidget(station.window)
    station.start()
    try:
        assert station.window.sound_off.isVisible()
        assert station.window.sound_off.text() == "sound off: no audio device"
        login(qtbot, station, "ravi")
        caplog.clear()
        with caplog.at_level(logging.DEBUG):
            for code in ("SB00001", "C0000001", "C0000002"):
                scanner.read(code)
        assert station.window.overlay.last_kind  # the colour feedback carries on
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    finally:
        station.stop()


def test_a_station_with_sound_shows_no_mute_notice(
    qtbot: QtBot, station_port: WorkflowStation
) -> None:
    station = StationApp(station_port, sounds=SilentPlayer(), scan_inputs=[FakeScanner()])
    qtbot.addWidget(station.window)
    station.start()
    try:
        assert not station.window.sound_off.isVisible()
    finally:
        station.stop()


def test_a_kiosk_window_closes_only_for_an_admin(
    qtbot: QtBot, station_port: WorkflowStation
) -> None:
    station = StationApp(station_port, sounds=SilentPlayer(), scan_inputs=[FakeScanner()])
    window = station.window
    qtbot.addWidget(window)
    window.set_presentation("kiosk")
    station.start()
    try:
        assert window.isFullScreen()
        window.close()
        assert window.isVisible(), "nobody logged in: a kiosk stays open"
        assert "an admin can close it" in window.login_page.error.text()
        login(qtbot, station, "ravi")
        window.close_action.trigger()
        assert window.isVisible(), "a dispatcher cannot close a kiosk"
        assert "an admin can close it" in window.message_line.text()
        window.logout_action.trigger()
        login(qtbot, station, "sam")
        window.close_action.trigger()
        assert not window.isVisible()
    finally:
        station.stop()


def test_without_kiosk_the_station_opens_maximised(
    qtbot: QtBot, station_port: WorkflowStation
) -> None:
    station = StationApp(station_port, sounds=SilentPlayer(), scan_inputs=[FakeScanner()])
    qtbot.addWidget(station.window)
    station.window.set_presentation("maximized")
    station.start()
    try:
        assert station.window.isMaximized()
        assert not station.window.isFullScreen()
        screen = station.window.screen()
        # the whole screen even where nothing maximises it (a bare X session has no manager)
        assert station.window.geometry().size() == screen.availableGeometry().size()
        station.window.close()  # not a kiosk: anyone closes it
        assert not station.window.isVisible()
    finally:
        station.stop()
