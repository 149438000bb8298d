"""A whole shift on the station exactly as ``tracetrack-station`` builds it (``window.py``):
the real workflow and SQLite store, the sync worker in its QThread, a serial scanner on a
pseudo-terminal named in the settings file, keyboard-wedge key events, and the sync server on
PostgreSQL behind HTTP. What the operator saw confirmed is what the server ends up holding."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from sync_server.db.models import Bag, Event
from sync_server.services import users
from tests.desktop.wedge_keys import type_scan
from tests.procs import Pty
from tests.server.factories import make_station
from tracetrack_desktop.composition import Identity
from tracetrack_desktop.config import StationConfig, save_config
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.window import build_station

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX"),
    pytest.mark.timeout(180),
]

WAIT_MS = 20_000


@dataclass
class Shift:
    app: StationApp
    store: LocalStore
    pty: Pty
    station_id: str
    server_app: Any
    clock: list[int]

    def wedge(self, text: str) -> None:
        """Key events the way a cabled USB scanner types: a key every 4 ms, then Enter."""
        type_scan(self.app.window, text, self.clock, 4, 1500)

    def serial(self, qtbot: QtBot, text: str) -> None:
        with qtbot.waitSignal(self.app.outcome_shown, timeout=WAIT_MS):
            self.pty.send(text.encode() + b"\r")

    def server(self, statement: Any) -> Any:
        with self.server_app.extensions["tracetrack"].sessions() as session, session.begin():
            return session.execute(statement).all()


@pytest.fixture
def shift(qtbot: QtBot, app: Any, live_server: str, tmp_path: Path) -> Iterator[Shift]:
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        station_id, token = make_station(session, "Lucknow-3")
    with sessions() as session:  # the service owns its transaction
        users.add_user(session, username="sam", password="sam-secret-1", role="admin", actor="test")
    pty = Pty()
    config_path, data = tmp_path / "station.toml", tmp_path / "data"
    config = StationConfig.model_validate(
        {
            "server": {"url": live_server, "sync_interval_s": 1, "timeout_s": 5},
            "scanner": {"serial": [{"id": "dock", "port": pty.path}]},
        }
    )
    save_config(config, config_path)
    store = LocalStore(data)
    store.set_identity(station_id, live_server)
    station_app = build_station(
        store,
        config,
        config_path=config_path,
        data_dir=data,
        identity=Identity(station_id, live_server, token),
        sounds=SilentPlayer(),
    )
    qtbot.addWidget(station_app.window)
    station_app.start()
    try:
        yield Shift(station_app, store, pty, station_id, app, [100_000])
    finally:
        station_app.stop()
        store.close()
        pty.close()


def test_a_supervisors_shift_on_the_composed_station(qtbot: QtBot, shift: Shift) -> None:
    window = shift.app.window
    qtbot.waitUntil(lambda: "dock connected" in window.scanners.text(), timeout=WAIT_MS)
    # the operator list comes from the server through the sync worker's first round
    qtbot.waitUntil(lambda: shift.store.user("sam") is not None, timeout=WAIT_MS)
    _log_in(qtbot, window, "sam", "sam-secret-1")
    assert window.logged_in()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.scan_tab

    # a parent and 30 children, from the wedge scanner and the serial scanner
    shift.wedge("SB00042")
    assert tab.banner.text() == "SCAN CHILDREN"
    for n in range(1, 16):
        shift.wedge(f"{n:07d}")
    assert tab.counter.text() == "15 / 30"
    assert tab.entry.text() == "", "scanner keystrokes never land in a text field"
    for n in range(16, 30):
        shift.serial(qtbot, f"LABEL NO.{n:07d} LOT NO.:STAR44GG D.O.T.:30/09/2025")
    assert tab.counter.text() == "29 / 30"
    qtbot.keyClick(window, Qt.Key.Key_F9)  # undo the last one
    assert tab.counter.text() == "28 / 30"
    shift.serial(qtbot, "0000029")  # the same label again at once: an undo resets debounce
    shift.serial(qtbot, "0000030")
    assert tab.banner.text() == "SCAN PARENT"
    assert "complete" in tab.message.text()

    # finish early, with the confirmation
    shift.wedge("SB00043")
    shift.wedge("0000101")
    shift.wedge("0000102")
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert tab.banner.text() == "FINISH EARLY?"
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert "finished with 2 children" in tab.message.text()

    # a bill, with an error of each kind the scanner can cause here
    window.show_tab("bills")
    bills = window.bills_tab
    qtbot.keyClicks(bills.bill_id, "bill-2026-042")
    bills.capacity.setValue(1)
    qtbot.keyClicks(bills.destination, "Kanpur")
    qtbot.mouseClick(bills.create_button, Qt.MouseButton.LeftButton)
    assert bills.title.text().startswith("BILL BILL-2026-042")
    shift.serial(qtbot, "SB00042")
    assert bills.progress.value() == 1
    shift.serial(qtbot, "0000101")
    assert "Wrong bag type: 0000101 is a child bag" in bills.message.text()
    shift.serial(qtbot, "SB00043")
    assert bills.message.text().startswith("Bill full (1 parent).")

    # everything confirmed reaches the server, once
    qtbot.waitUntil(lambda: shift.store.pending_count() == 0, timeout=WAIT_MS)
    local = {stored.event.id for stored in shift.store.events()}
    held = shift.server(select(Event.id).where(Event.station_id == shift.station_id))
    assert {str(row.id) for row in held} == local
    children = shift.server(select(func.count()).select_from(Bag).where(Bag.parent == "SB00042"))
    assert children[0][0] == 30
    qtbot.waitUntil(lambda: window.pending.text() == "All synced", timeout=WAIT_MS)
    assert window.connection.online

    # lookup asks the server while it is online
    window.show_tab("lookup")
    lookup = window.lookup_tab
    lookup.entry.setText("LABEL NO.0000017 LOT NO.:STAR44GG D.O.T.:30/09/2025")  # the long label
    qtbot.keyClick(lookup.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lookup.source.text() == "From the server", timeout=WAIT_MS)
    assert "SB00042" in lookup.summary.text()
    assert "0000017" in lookup.summary.text()

    # the dashboard is filled from the server, this station's work included
    window.show_tab("dashboard")
    dash = window.dashboard_tab
    qtbot.waitUntil(lambda: "from the server" in dash.source.text(), timeout=WAIT_MS)
    assert dash.tiles["children_linked"].text() == "32"
    assert dash.tiles["parents_completed"].text() == "2"
    health = {dash.health_table.item(r, 0).text() for r in range(dash.health_table.rowCount())}
    assert "Lucknow-3" in health


def test_a_hung_server_never_stalls_scanning_or_tabs(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    from tests.desktop.sync_fakes import hanging_server  # noqa: PLC0415

    with hanging_server() as url:
        pty = Pty()
        config = StationConfig.model_validate(
            {
                "server": {"url": url, "timeout_s": 3, "sync_interval_s": 1},
                "scanner": {"serial": [{"id": "dock", "port": pty.path}]},
            }
        )
        store = LocalStore(tmp_path / "data")
        store.set_identity("st_hung", url)
        store.add_local_user("sam", _hash("sam-secret-1"), "admin")
        station_app = build_station(
            store,
            config,
            config_path=tmp_path / "station.toml",
            data_dir=tmp_path / "data",
            identity=Identity("st_hung", url, "tok"),
            sounds=SilentPlayer(),
        )
        qtbot.addWidget(station_app.window)
        ticks: list[int] = []
        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(lambda: ticks.append(1))
        station_app.start()
        try:
            window = station_app.window
            qtbot.waitUntil(lambda: "dock connected" in window.scanners.text(), timeout=WAIT_MS)
            _log_in(qtbot, window, "sam", "sam-secret-1")
            assert window.logged_in()
            window.show_tab("dashboard")  # the reader's fetch hangs too
            heartbeat.start()
            window.show_tab("scan")
            shift = Shift(station_app, store, pty, "st_hung", None, [0])
            shift.serial(qtbot, "SB00050")
            for n in range(1, 11):
                window.show_tab("scan")
                shift.serial(qtbot, f"{n:07d}")  # each answered while the sync round hangs
                window.show_tab("dashboard" if n % 2 else "bills")
            assert window.scan_tab.counter.text() == "10 / 30"
            assert store.pending_count() == 11
            qtbot.waitUntil(lambda: len(ticks) >= 20)
            assert not window.connection.online
        finally:
            heartbeat.stop()
            station_app.stop()  # bounded by the request timeout, never forever
            store.close()
            pty.close()


def _hash(password: str) -> str:
    from argon2 import PasswordHasher  # noqa: PLC0415

    return PasswordHasher().hash(password)


def _log_in(qtbot: QtBot, window: Any, name: str, password: str) -> None:
    # (typed text arrives with no key timestamps in a test, which the wedge filter would
    # rightly take for a scanner burst; a person's typing is covered in test_wedge.py)
    window.login_page.username.setText(name)
    window.login_page.password.setText(password)
    qtbot.mouseClick(window.login_page.button, Qt.MouseButton.LeftButton)


@pytest.fixture
def offline(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StationApp, LocalStore]]:
    """A station set up offline only, its local admin ``ada`` logged in."""
    store = LocalStore(tmp_path / "data")
    store.add_local_user("ada", _hash("ada-secret-1"), "admin")
    station_app = build_station(
        store,
        StationConfig(),
        config_path=tmp_path / "station.toml",
        data_dir=tmp_path / "data",
        identity=None,  # an offline-only station keeps the code rules itself
        token_file=str(tmp_path / "token"),
        sounds=SilentPlayer(),
    )
    qtbot.addWidget(station_app.window)
    station_app.start()
    try:
        _log_in(qtbot, station_app.window, "ada", "ada-secret-1")
        yield station_app, store
    finally:
        station_app.stop()
        store.close()


def test_settings_saved_in_the_window_land_in_the_settings_file(
    offline: tuple[StationApp, LocalStore], qtbot: QtBot, tmp_path: Path
) -> None:
    from tracetrack_desktop.config import load_config  # noqa: PLC0415

    station_app, store = offline
    config_path = tmp_path / "station.toml"
    window = station_app.window
    window.settings_action.trigger()
    dialog = station_app.settings_dialog
    assert dialog is not None
    assert not dialog.child_pattern.isReadOnly()
    dialog.offline_only.setChecked(True)
    dialog.child_pattern.setText("[A-Z0-9]{5,18}")
    dialog.muted.setChecked(True)
    dialog.wedge_gap.setValue(60)  # a Bluetooth scanner
    with qtbot.waitSignal(station_app.settings_changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    saved = load_config(config_path)
    assert saved.ui.muted
    assert saved.scanner.wedge_max_gap_ms == 60
    assert saved.server.url == ""
    assert store.code_rules().child_pattern == "[A-Z0-9]{5,18}"
    assert "muted = true" in config_path.read_text()


def test_enrolling_from_settings_starts_syncing_without_a_restart(
    offline: tuple[StationApp, LocalStore],
    qtbot: QtBot,
    app: Any,
    live_server: str,
    tmp_path: Path,
) -> None:
    from sync_server.services import admin  # noqa: PLC0415

    with app.extensions["tracetrack"].sessions() as session:
        issued = admin.add_station(session, "Packing 4", actor="test", ttl_minutes=30)
    station_app, store = offline
    token_file = tmp_path / "token"
    window = station_app.window
    station_app.on_code_typed("SB00077")  # taken while offline only
    window.settings_action.trigger()
    dialog = station_app.settings_dialog
    assert dialog is not None
    dialog.offline_only.setChecked(False)
    dialog.server_url.setText(live_server)
    qtbot.keyClicks(dialog.enroll_code, issued.enrollment_code)
    with qtbot.waitSignal(station_app.enrollment_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    assert done.args[0].ok, done.args[0].message
    dialog.reject()
    assert token_file.read_text().strip() == done.args[0].token
    assert store.meta("station_id") == issued.station.id

    def on_server() -> int:
        with app.extensions["tracetrack"].sessions() as session, session.begin():
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(Event)
                    .where(Event.station_id == issued.station.id)
                )
                or 0
            )

    # the scan taken offline goes up, and the window says it is online: no restart
    qtbot.waitUntil(lambda: on_server() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.connection.online, timeout=WAIT_MS)
    station_app.on_code_typed("0077001")
    qtbot.waitUntil(lambda: on_server() == 2, timeout=WAIT_MS)
