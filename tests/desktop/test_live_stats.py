"""The live dashboard against ``tracetrack-server serve`` (gunicorn on PostgreSQL): a scan
uploaded by another station is pushed to this station's open dashboard, which fetches its
figures again; with the server gone it falls back to polling, and comes back live.

The dashboard's poll is set to ten minutes here, so a figure that changes within the test
was fetched because of a push.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest
import requests
from pytestqt.qtbot import QtBot

from sync_server.db.session import make_engine, make_session_factory
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import login
from tests.procs import ServerProcess
from tests.server.factories import batch, children, event, make_read_token, make_station
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.live_stats import LiveStats, LiveStatsReader, SseParser
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

station = station_fixture(sam="supervisor")


@pytest.fixture
def tokens(server: ServerProcess) -> tuple[tuple[str, str], str]:
    """(station A's id and token, a read token for station B's dashboard)."""
    engine = make_engine(server.database_url)
    try:
        with make_session_factory(engine)() as session:
            station_a = make_station(session, "Lucknow-1")
            return station_a, make_read_token(session)
    finally:
        engine.dispose()


@pytest.fixture
def dashboard(
    qtbot: QtBot,
    server: ServerProcess,
    tokens: tuple[tuple[str, str], str],
    station: WorkflowStation,
) -> Iterator[StationApp]:
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        reader=ServerReader(server.url, tokens[1]),
        timing=Timing(dashboard_ms=600_000),
    )
    qtbot.addWidget(app.window)
    app.start()
    login(qtbot, app, "sam")
    app.window.show_tab("dashboard")
    yield app
    app.stop()


def _scan_at_station_a(server: ServerProcess, station_a: tuple[str, str], kids: int) -> None:
    station_id, token = station_a
    parent = f"SB{kids:05d}"
    events = [event("parent_scan", parent, operator="ravi")] + [
        event("child_link", c, parent=parent, operator="ravi") for c in children(kids)
    ]
    answer = requests.post(
        f"{server.url}/api/v1/sync/events",
        json=batch(station_id, events),
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text


def test_a_scan_elsewhere_is_pushed_to_the_open_dashboard(
    qtbot: QtBot,
    server: ServerProcess,
    tokens: tuple[tuple[str, str], str],
    dashboard: StationApp,
) -> None:
    tab = dashboard.window.dashboard_tab
    assert dashboard.live is not None
    with qtbot.waitSignal(dashboard.live.stats_changed, timeout=15_000):
        pass
    qtbot.waitUntil(lambda: tab.live_status.live is True, timeout=15_000)
    assert not dashboard.dashboard_timer.isActive()  # pushes, not polls, drive it now
    qtbot.waitUntil(lambda: tab.tiles["children_linked"].text() == "0", timeout=15_000)

    _scan_at_station_a(server, tokens[0], 3)

    qtbot.waitUntil(lambda: tab.tiles["children_linked"].text() == "3", timeout=15_000)


def test_without_the_server_it_polls_and_comes_back_live(
    qtbot: QtBot,
    server: ServerProcess,
    tokens: tuple[tuple[str, str], str],
    dashboard: StationApp,
) -> None:
    tab = dashboard.window.dashboard_tab
    qtbot.waitUntil(lambda: tab.live_status.live is True, timeout=15_000)

    server.stop()
    qtbot.waitUntil(lambda: tab.live_status.live is False, timeout=20_000)
    assert dashboard.dashboard_timer.isActive()  # the 5 s poll is back
    assert "5 s" in tab.live_status.text()

    server.start()  # the same port
    qtbot.waitUntil(lambda: tab.live_status.live is True, timeout=30_000)
    assert not dashboard.dashboard_timer.isActive()
    _scan_at_station_a(server, tokens[0], 4)
    qtbot.waitUntil(lambda: tab.tiles["children_linked"].text() == "4", timeout=15_000)


def test_leaving_the_dashboard_closes_the_stream(qtbot: QtBot, dashboard: StationApp) -> None:
    tab = dashboard.window.dashboard_tab
    qtbot.waitUntil(lambda: tab.live_status.live is True, timeout=15_000)
    dashboard.window.show_tab("lookup")
    qtbot.waitUntil(lambda: tab.live_status.live is False, timeout=15_000)
    assert not dashboard.dashboard_timer.isActive()


def test_the_parser_reads_events_split_anywhere() -> None:
    parser = SseParser()
    stream = b'retry: 2000\r\n\r\n: keep-alive\n\nid: 7\nevent: stats\ndata: {"version": 7}\n\n'
    got = [item for i in range(len(stream)) for item in parser.feed(stream[i : i + 1])]
    assert got == [("stats", '{"version": 7}')]
    assert parser.retry_s == 2.0


def test_a_burst_of_changes_is_fetched_once_now_and_once_after(qtbot: QtBot) -> None:
    live = LiveStats("http://127.0.0.1:9", "token", min_refetch_ms=100)
    fetches: list[int] = []
    live.stats_changed.connect(lambda: fetches.append(1))
    for _ in range(5):
        live.reader.stats_changed.emit()
    assert len(fetches) == 1  # the first change at once, the rest held back
    qtbot.waitUntil(lambda: len(fetches) == 2)
    qtbot.wait(300)
    assert len(fetches) == 2  # the four held back were one fetch


def test_a_stop_ends_a_stream_whose_server_accepted_and_never_answered() -> None:
    """Closing the window (a kiosk restart, a new server) while the server hangs before its
    answer begins must not wait for the stream's read timeout (ten minutes here)."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = threading.Event()
    connections: list[socket.socket] = []

    def hang() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            connections.append(conn)
            accepted.set()  # and never a byte back

    threading.Thread(target=hang, daemon=True).start()
    reader = LiveStatsReader(
        f"http://127.0.0.1:{listener.getsockname()[1]}", "tt_token", read_timeout_s=600.0
    )
    reader.set_active(True)
    following = threading.Thread(target=reader.run, daemon=True)
    following.start()
    try:
        assert accepted.wait(30), "the reader never connected"
        reader.stop()
        following.join(60)
        assert not following.is_alive(), "stop() left the reader waiting for an answer"
    finally:
        listener.close()
        for conn in connections:
            conn.close()
