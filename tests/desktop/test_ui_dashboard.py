"""The dashboard and lookup read the server on their own thread; the window never waits."""

from __future__ import annotations

import csv
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class SilentServer:
    """A loopback TCP server that accepts connections and never answers."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self.accepted = threading.Event()
        self.stopping = threading.Event()
        self.listener.settimeout(0.05)  # so close() need not wait for a connection to wake it
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.held.append(conn)
            self.accepted.set()

    def close(self) -> None:
        self.stopping.set()
        self._thread.join(timeout=5)
        self.listener.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


station = station_fixture(sam="admin")


def test_a_hung_server_never_freezes_the_window(
    qtbot: QtBot, silent_server: SilentServer, station: WorkflowStation
) -> None:
    reader = ServerReader(f"http://127.0.0.1:{silent_server.port}", "token", timeout=(5.0, 60.0))
    scanner = FakeScanner()
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        scan_inputs=[scanner],
        reader=reader,
        timing=Timing(dashboard_ms=20),
    )
    qtbot.addWidget(app.window)
    app.start()
    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    try:
        login(qtbot, app, "sam")
        app.window.show_tab("dashboard")
        qtbot.waitUntil(silent_server.accepted.is_set)
        assert app.dashboard_in_flight
        heartbeat.start()
        # the GUI thread keeps turning: timers fire and scans are answered while the fetch hangs
        qtbot.waitUntil(lambda: len(ticks) >= 10)
        app.window.show_tab("scan")
        scanner.read("SB00077")
        assert app.window.scan_tab.banner.text() == "SCAN CHILDREN"
        app.window.show_tab("dashboard")
        assert app.dashboard_in_flight, "the hung fetch is still out; no second one was queued"
        assert len(silent_server.held) == 1
        app.window.show_tab("scan")  # stops the refresh timer: no new fetch after this one
        # the server gives up: the reader reports, the GUI falls back to its own figures.
        # (No waitSignal on the reader: it emits on its own thread, and pytest-qt's blocker
        # would then stop its timer from that thread.)
        for conn in silent_server.held:
            conn.shutdown(socket.SHUT_RDWR)
        qtbot.waitUntil(lambda: "This station only" in app.window.dashboard_tab.source.text())
        assert not app.dashboard_in_flight
    finally:
        heartbeat.stop()
        app.stop()


def test_offline_dashboard_shows_own_figures_and_exports(
    qtbot: QtBot, tmp_path: Path, station: WorkflowStation
) -> None:
    scanner = FakeScanner()
    app = StationApp(station, sounds=SilentPlayer(), scan_inputs=[scanner])
    qtbot.addWidget(app.window)
    app.start()
    try:
        login(qtbot, app, "sam")
        scanner.read("SB00001")
        for n in range(4):
            scanner.read(f"C{n:04d}")
        app.window.show_tab("dashboard")
        tab = app.window.dashboard_tab
        assert "This station only" in tab.source.text()
        assert tab.tiles["children_linked"].text() == "4"
        assert tab.tiles["parent_scans"].text() == "1"
        # the station's own figures are its summary only: no hourly chart, no operator rows
        assert tab.operators_table.rowCount() == 0
        assert not tab.chart.series()
        tab.export_csv(tmp_path / "d.csv")
        with (tmp_path / "d.csv").open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["section", "key", "field", "value"]
        assert ["summary", "children_linked", "", "4"] in rows
        assert tab.export_png(tmp_path / "d.png")
        assert (tmp_path / "d.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        app.stop()
