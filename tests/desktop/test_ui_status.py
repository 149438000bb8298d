"""Status bar from the sync worker's signals (across threads), conflicts dialog, the flash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.desktop.stations import real_station
from tests.desktop.test_ui_shift import FakeScanner, login
from tracetrack_core.events import EventType
from tracetrack_core.rules import EventInput
from tracetrack_desktop.storage.outbox import EventResult, SyncStatus
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.sync.engine import SyncReport
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.conflicts_dialog import ConflictsDialog
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.statusbar.pending import PendingWidget
from tracetrack_desktop.ui.theme import FLASH_COLOURS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class ScriptedWorker(QObject):
    """Speaks the sync worker's signal interface from its own thread, one step per wake."""

    status_changed = Signal(object)
    conflicts_found = Signal(list)
    sync_failed = Signal(str)
    token_revoked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.wakes = 0
        self.started = False

    @Slot()
    def start(self) -> None:
        self.started = True
        self.sync_failed.emit("connection refused")

    @Slot()
    def wake(self) -> None:
        self.wakes += 1
        now = datetime.now(UTC)
        if self.wakes == 1:
            status = SyncStatus(online=True, last_success_at=now, conflicts_total=0)
            self.status_changed.emit(
                SyncReport(drained=False, pending=2, oldest_pending_age_s=200.0, status=status)
            )
        elif self.wakes == 2:
            lost = EventResult(
                "e1", "conflict", "child_in_other_parent", {"current_parent": "SB00017"}
            )
            self.conflicts_found.emit([lost])
        else:
            self.token_revoked.emit("token revoked")

    @Slot()
    def stop(self) -> None:
        self.started = False


def lose_a_link(store: LocalStore) -> None:
    """A child this station linked, which the server gave to SB00017 first: settled as the
    sync settles a batch, so the store keeps the conflict and takes the link back."""
    rules = store.rules()
    _, opened = store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", rules)
    _, linked = store.record(EventInput(EventType.CHILD_LINK, "0016586", "SB00042"), "ravi", rules)
    assert opened is not None
    assert linked is not None
    store.settle(
        [
            EventResult(opened.id, "accepted"),
            EventResult(
                linked.id, "conflict", "child_in_other_parent", {"current_parent": "SB00017"}
            ),
        ]
    )


@pytest.fixture
def synced(
    qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[StationApp, FakeScanner, ScriptedWorker]]:
    scanner = FakeScanner()
    worker = ScriptedWorker()
    with real_station(tmp_path, ravi="dispatcher") as station:
        lose_a_link(station.store)
        app = StationApp(station, sounds=SilentPlayer(), scan_inputs=[scanner], sync_worker=worker)
        qtbot.addWidget(app.window)
        app.start()
        login(qtbot, app, "ravi")
        yield app, scanner, worker
        app.stop()
    assert app.sync_thread is not None
    assert app.sync_thread.isFinished()
    assert not worker.started, "the worker was told to stop on its own thread"


def test_sync_signals_reach_the_status_bar(
    qtbot: QtBot, synced: tuple[StationApp, FakeScanner, ScriptedWorker]
) -> None:
    app, scanner, worker = synced
    window = app.window
    qtbot.waitUntil(lambda: "Offline" in window.connection.text())
    assert window.connection.toolTip() == "connection refused"
    scanner.read("SB00001")  # recorded → the worker is woken on its own thread
    qtbot.waitUntil(lambda: window.connection.online)
    assert window.pending.text() == "2 waiting to sync (oldest 3 min)"
    scanner.read("C0001")
    qtbot.waitUntil(window.conflicts.isVisible)
    assert window.conflicts.text() == "⚠ 1 conflicts"
    assert "lost to another station" in window.message_line.text()
    scanner.read("C0002")
    qtbot.waitUntil(lambda: "no longer accepts this station" in window.message_line.text())
    assert not window.connection.online
    assert worker.wakes == 3


def test_clicking_the_conflicts_count_lists_what_lost_to_what(
    qtbot: QtBot, synced: tuple[StationApp, FakeScanner, ScriptedWorker]
) -> None:
    app, _, _ = synced
    app.window.conflicts.set_count(1)
    app.window.conflicts.click()
    dialog = app.window.findChild(ConflictsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 4).text() == "SB00017"
    dialog.close()


def test_an_error_flashes_the_whole_window_red(
    qtbot: QtBot, synced: tuple[StationApp, FakeScanner, ScriptedWorker]
) -> None:
    app, scanner, _ = synced
    window = app.window
    scanner.read("C0001")  # a child with no parent open
    overlay = window.overlay
    assert overlay.isVisible()
    assert overlay.geometry() == window.stack.rect()
    image = window.grab().toImage()
    centre = QColor(image.pixel(image.width() // 2, image.height() // 3))
    red = FLASH_COLOURS["error"]
    assert centre.red() > centre.green() + 60, "the flash tints the window red"
    assert abs(centre.red() - red.red()) < 80
    qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=5000)


def test_the_waiting_age_grows_without_new_events(qtbot: QtBot) -> None:

    widget = PendingWidget()
    qtbot.addWidget(widget)
    start = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    widget.set_pending(3, start, now=start)
    assert widget.text() == "3 waiting to sync (oldest 0 s)"
    widget.refresh(now=start.replace(minute=12))
    assert widget.text() == "3 waiting to sync (oldest 12 min)"
    widget.set_pending(0, None)
    assert widget.text() == "All synced"
