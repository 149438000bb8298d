"""The dashboard and lookup read the server on their own thread; the window never waits."""

from __future__ import annotations

import csv
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from sync_server.api.extension import ServerContext
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tests.server.factories import batch, children, event, make_read_token, make_station
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.tabs.dashboard_tab import DashboardTab
from tracetrack_desktop.ui.views import DashboardData, DayRange, ThroughputRow
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

    def fetches(self) -> list[socket.socket]:
        """The held connections that ask for something other than the live stats stream."""
        found = []
        for conn in list(self.held):
            conn.settimeout(5)
            if b"/stats/events" not in conn.recv(4096, socket.MSG_PEEK):
                found.append(conn)
        return found

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
        assert len(silent_server.fetches()) == 1  # (the live stream is held beside it)
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


# -- the range picker, stock and files, against a real server -----------------------------


def _local_now() -> datetime:
    return datetime.now(UTC).astimezone()


@pytest.fixture
def server_with_three_days(app, live_server: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Two days ago a full parent (30) went on a bill; today 7 children went into an open
    parent. Returns (url, read token)."""
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        station_id, token = make_station(session, "Lucknow-1")
        read_token = make_read_token(session)
    # a minute ago, but never yesterday (a run just after midnight counted them there)
    local = _local_now()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    now = max(local - timedelta(minutes=1), midnight)
    before = now - timedelta(days=2)
    events = (
        [event("parent_scan", "SB00042", operator="ravi", at=before)]
        + [
            event("child_link", c, parent="SB00042", operator="ravi", at=before)
            for c in children(30)
        ]
        + [
            event("bill_create", bill="BILL-7", data={"capacity": 1}, at=before),
            event("bill_add_parent", "SB00042", bill="BILL-7", at=before),
            event("parent_scan", "SB00043", operator="meena", at=now),
        ]
        + [event("child_link", c, parent="SB00043", operator="meena", at=now) for c in children(7)]
    )
    answer = requests.post(
        f"{live_server}/api/v1/sync/events",
        json=batch(station_id, events),
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"accepted"}
    return live_server, read_token


@pytest.fixture
def supervisor(
    qtbot: QtBot, server_with_three_days: tuple[str, str], station: WorkflowStation
) -> Iterator[StationApp]:
    url, token = server_with_three_days
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        scan_inputs=[FakeScanner()],
        reader=ServerReader(url, token),
        timing=Timing(dashboard_ms=60_000),  # fetches come from the test's own actions
    )
    qtbot.addWidget(app.window)
    app.start()
    login(qtbot, app, "sam")
    yield app
    app.stop()


def _drawn(tab: DashboardTab, span: DayRange) -> Callable[[], bool]:
    return lambda: tab.data is not None and tab.data.source == "server" and tab.data.span == span


@pytest.mark.postgres
def test_the_range_picker_drives_counters_tables_and_the_per_day_chart(
    qtbot: QtBot, supervisor: StationApp
) -> None:
    supervisor.window.show_tab("dashboard")
    tab = supervisor.window.dashboard_tab
    today = _local_now().date()
    qtbot.waitUntil(_drawn(tab, DayRange.today(today)), timeout=15_000)
    assert tab.tiles["children_linked"].text() == "7"
    assert tab.chart.title() == "Children linked per hour"
    assert [tab.operators_table.item(0, 0).text()] == ["meena"]
    # the stock is now, whatever the range: SB00043 open with 7, SB00042 on its bill
    stock = {key: label.text() for key, label in tab.stock_tiles.items()}
    assert stock == {
        "parents_open": "1",
        "parents_completed": "0",
        "parents_billed": "1",
        "children_in_open_parents": "7",
    }
    bills = {tab.bills_table.item(r, 0).text(): tab.bills_table.item(r, 1).text() for r in range(3)}
    assert bills == {"new": "0", "processing": "1", "completed": "0"}

    three_days = DayRange(today - timedelta(days=2), today)
    tab.set_span(three_days)
    qtbot.waitUntil(_drawn(tab, three_days), timeout=15_000)
    assert tab.tiles["children_linked"].text() == "37"
    assert tab.tiles["parents_completed"].text() == "1"
    assert {tab.operators_table.item(r, 0).text() for r in range(2)} == {"ravi", "meena"}
    assert tab.chart.title() == "Children linked per day"
    days = [three_days.first + timedelta(days=n) for n in range(3)]
    assert tab.chart_categories() == [d.strftime("%d %b") for d in days]
    [series] = tab.chart.series()
    assert isinstance(series, QBarSeries)
    [bars] = series.barSets()
    assert [bars.at(i) for i in range(3)] == [30.0, 0.0, 7.0]  # the quiet day is there too

    tab.range_combo.setCurrentIndex(tab.range_combo.findData("yesterday"))
    yesterday = DayRange.yesterday(today)
    qtbot.waitUntil(_drawn(tab, yesterday), timeout=15_000)
    assert tab.tiles["children_linked"].text() == "0"
    assert tab.stock_tiles["parents_billed"].text() == "1"


@pytest.mark.postgres
def test_an_export_of_the_picked_range_is_saved_as_a_workbook(
    qtbot: QtBot, supervisor: StationApp, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    supervisor.window.show_tab("dashboard")
    tab = supervisor.window.dashboard_tab
    today = _local_now().date()
    tab.set_span(DayRange(today - timedelta(days=2), today))
    target = tmp_path / "bags.xlsx"
    tab.request_export("bags", "xlsx", str(target))
    qtbot.waitUntil(lambda: tab.download_status.text().startswith("Saved"), timeout=20_000)
    book = openpyxl.load_workbook(target, read_only=True)
    try:
        codes = {row[0] for row in book.active.iter_rows(min_row=2, values_only=True)}
    finally:
        book.close()
    assert {"SB00042", "SB00043"} <= codes
    assert not (tmp_path / "bags.xlsx.part").exists()
    # a refusal is said, and leaves nothing behind
    wrong = tmp_path / "nothing.xlsx"
    tab.request_export("no-such-export", "xlsx", str(wrong))
    qtbot.waitUntil(lambda: tab.download_status.text().startswith("Could not save"), timeout=20_000)
    assert not wrong.exists()
    assert not (tmp_path / "nothing.xlsx.part").exists()


def test_the_hourly_chart_keeps_time_order_across_midnight(qtbot: QtBot) -> None:
    tab = DashboardTab()
    qtbot.addWidget(tab)
    evening = datetime(2026, 11, 28, 22, tzinfo=UTC)
    hours = [evening + timedelta(hours=n) for n in range(4)]  # 22:00, 23:00, 00:00, 01:00
    rows = tuple(ThroughputRow(h.isoformat(), "Lucknow-1", 10 + n, 0) for n, h in enumerate(hours))
    tab.show_data(
        DashboardData("server", evening, by_station=rows, span=DayRange.today(evening.date()))
    )
    assert tab.chart_categories() == ["22:00", "23:00", "00:00", "01:00"]
    [series] = tab.chart.series()
    assert isinstance(series, QBarSeries)
    [bars] = series.barSets()
    assert [bars.at(i) for i in range(4)] == [10.0, 11.0, 12.0, 13.0]


@pytest.mark.postgres
def test_the_end_of_day_report_is_saved_as_a_pdf(
    qtbot: QtBot, supervisor: StationApp, tmp_path: Path
) -> None:
    supervisor.window.show_tab("dashboard")
    tab = supervisor.window.dashboard_tab
    target = tmp_path / "eod.pdf"
    tab.request_eod(_local_now().date(), "pdf", str(target))
    qtbot.waitUntil(lambda: tab.download_status.text().startswith("Saved"), timeout=25_000)
    assert target.read_bytes()[:5] == b"%PDF-"
