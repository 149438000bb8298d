"""The window on the real station engine: every confirmed scan is in the SQLite outbox."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from pytestqt.qtbot import QtBot

from tests.desktop.wedge_keys import type_as_person
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.ui.app import StationApp, Timing
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.views import Mode
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FEED = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "station" / "feed_users.json").read_text()
)


class Scanner(QObject):
    scan_read = Signal(object)
    scanner_state_changed = Signal(str, str, str)

    def read(self, text: str) -> None:
        self.scan_read.emit(ScanRecord(text, ScanSource.SIMULATED, "sim", datetime.now(UTC)))


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StationApp, Scanner, LocalStore]]:
    store = LocalStore(tmp_path / "station")
    store.apply_changes(FEED["changes"], FEED["cursor"])
    station = WorkflowStation(StationWorkflow(store, store.rules, lambda: datetime.now(UTC)), store)
    scanner = Scanner()
    app = StationApp(station, sounds=SilentPlayer(), scan_inputs=[scanner], timing=Timing())
    qtbot.addWidget(app.window)
    app.start()
    yield app, scanner, store
    app.stop()
    store.close()


def test_a_parent_with_thirty_children_is_durable_before_it_is_shown(
    qtbot: QtBot, running: tuple[StationApp, Scanner, LocalStore]
) -> None:
    app, scanner, store = running
    page = app.window.login_page
    type_as_person(page.username, "ravi", [10_000])
    qtbot.keyClicks(page.password, FEED["passwords"]["ravi"])
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert app.window.logged_in()
    shown: list[tuple[str, int]] = []
    app.outcome_shown.connect(lambda outcome: shown.append((outcome.kind, store.pending_count())))
    scanner.read("SB00042")
    for i in range(30):
        scanner.read(f"LABEL NO.{1000 + i:07d} LOT NO.:STAR44GG D.O.T.:30/09/2025")
    qtbot.waitUntil(lambda: len(shown) == 31)
    assert shown[0] == ("parent", 1)
    assert [kind for kind, _ in shown[1:30]] == ["good"] * 29
    assert shown[30] == ("complete", 31)
    # each outcome was shown only after its event was committed to the outbox
    assert [pending for _, pending in shown] == list(range(1, 32))
    assert app.station.screen().mode is Mode.PARENT
    scanner.read("0001005")  # already in SB00042, and no parent is open
    qtbot.waitUntil(lambda: len(shown) == 32)
    assert shown[-1][0] == "error"
    batch = store.next_batch(100, 1_000_000)
    assert [e.type for e in batch[:2]] == ["parent_scan", "child_link"]
    assert [e.seq for e in batch] == sorted(e.seq for e in batch)
