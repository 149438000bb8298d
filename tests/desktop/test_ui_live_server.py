"""The dashboard and lookup filled from a real sync server on PostgreSQL, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from pytestqt.qtbot import QtBot

from sync_server.api.extension import ServerContext
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tests.server.factories import batch, children, event, make_read_token, make_station
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def server_with_a_morning(app, live_server: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Two stations upload a parent each (one completed) and a bill; returns (url, read token)."""
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        first = make_station(session, "Lucknow-1")
        second = make_station(session, "Indore-1", area="Indore")
        read_token = make_read_token(session)
    uploads = [
        (
            first,
            [event("parent_scan", "SB00042", operator="ravi")]
            + [event("child_link", c, parent="SB00042", operator="ravi") for c in children(30)]
            + [event("bill_create", bill="BILL-2025-001", data={"capacity": 2})],
        ),
        (
            second,
            [event("parent_scan", "M444-00017", operator="meena")]
            + [event("child_link", c, parent="M444-00017", operator="meena") for c in children(7)],
        ),
    ]
    for (station_id, token), events in uploads:
        answer = requests.post(
            f"{live_server}/api/v1/sync/events",
            json=batch(station_id, events),
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
    return live_server, read_token


station = station_fixture(sam="admin")


@pytest.fixture
def supervisor_app(
    qtbot: QtBot, server_with_a_morning: tuple[str, str], station: WorkflowStation
) -> Iterator[tuple[StationApp, FakeScanner]]:
    url, token = server_with_a_morning
    scanner = FakeScanner()
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        scan_inputs=[scanner],
        reader=ServerReader(url, token),
        timing=Timing(dashboard_ms=200),
    )
    qtbot.addWidget(app.window)
    app.start()
    login(qtbot, app, "sam")
    yield app, scanner
    app.stop()


def test_the_dashboard_shows_every_station_from_the_server(
    qtbot: QtBot, supervisor_app: tuple[StationApp, FakeScanner]
) -> None:
    app, _ = supervisor_app
    app.window.show_tab("dashboard")
    tab = app.window.dashboard_tab
    qtbot.waitUntil(lambda: "from the server" in tab.source.text(), timeout=15_000)
    assert tab.tiles["children_linked"].text() == "37"
    assert tab.tiles["parents_completed"].text() == "1"
    stations = {tab.stations_table.item(r, 0).text() for r in range(tab.stations_table.rowCount())}
    operators = {
        tab.operators_table.item(r, 0).text() for r in range(tab.operators_table.rowCount())
    }
    assert operators == {"ravi", "meena"}
    assert len(stations) == 2
    health = {tab.health_table.item(r, 0).text() for r in range(tab.health_table.rowCount())}
    assert {"Lucknow-1", "Indore-1"} <= health
    assert tab.bills_table.item(0, 0).text() == "new"
    assert tab.chart.series()


def test_lookup_asks_the_server_and_suggests_near_misses(
    qtbot: QtBot, supervisor_app: tuple[StationApp, FakeScanner]
) -> None:
    app, scanner = supervisor_app
    app.window.show_tab("lookup")
    lookup = app.window.lookup_tab
    scanner.read("SB00042")
    qtbot.waitUntil(lambda: lookup.source.text() == "From the server", timeout=15_000)
    assert "Parent SB00042: 30 children" in lookup.summary.text()
    assert lookup.children_list.count() == 30
    scanner.read("SB00043")
    qtbot.waitUntil(lambda: "not known" in lookup.summary.text(), timeout=15_000)
    assert lookup.source.text() == "From the server"
    suggestions = [lookup.suggestions.item(i).text() for i in range(lookup.suggestions.count())]
    assert "SB00042" in suggestions
