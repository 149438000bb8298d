"""The sync worker in its own QThread, against the real server (or none), driven by signals."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread, Signal
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from sync_server.db.models import Event
from sync_server.services.tokens import revoke_tokens_of_station
from tests.desktop.sync_fakes import closed_port_url, hanging_server
from tests.server.factories import make_station
from tracetrack_core import rules as core
from tracetrack_core.events import EventType
from tracetrack_desktop.composition import Identity, open_engine_factory
from tracetrack_desktop.config import StationConfig
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.sync.engine import SyncReport
from tracetrack_desktop.sync.worker import SyncWorker

WAIT_MS = 30_000


class Host(QObject):
    """Stands in for the GUI thread's side: owns the thread, pokes the worker by signal."""

    wake = Signal()
    status = Signal(object)  # relays, emitted in the main thread (waitSignal needs that)
    revoked = Signal(str)

    def __init__(self, worker: SyncWorker) -> None:
        super().__init__()
        self.worker = worker
        self.thread = QThread()
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start)
        self.thread.finished.connect(worker.stop)
        self.wake.connect(worker.wake)
        self.reports: list[SyncReport] = []
        worker.status_changed.connect(self.on_status)
        worker.token_revoked.connect(self.on_revoked)

    def on_status(self, report: SyncReport) -> None:
        self.reports.append(report)
        self.status.emit(report)

    def on_revoked(self, message: str) -> None:
        self.revoked.emit(message)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.worker.cancel()
        self.thread.quit()
        assert self.thread.wait(WAIT_MS)


@pytest.fixture
def station(app: Any) -> tuple[str, str]:
    with app.extensions["tracetrack"].sessions() as session:
        return make_station(session, "Line 7")


def events_on_server(app: Any, station_id: str) -> int:
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        return int(
            session.scalar(
                select(func.count()).select_from(Event).where(Event.station_id == station_id)
            )
            or 0
        )


def record(store: LocalStore, kind: EventType, code: str, parent: str = "") -> None:
    store.record(core.EventInput(kind, code, parent), "ravi", store.rules(), at=datetime.now(UTC))


@pytest.fixture
def make_host(tmp_path: Path) -> Iterator[Callable[[str, str, str], tuple[Host, LocalStore]]]:
    made: list[tuple[Host, LocalStore]] = []

    def build(url: str, station_id: str, token: str) -> tuple[Host, LocalStore]:
        data = tmp_path / f"station-{len(made)}"
        store = LocalStore(data)
        store.set_identity(station_id, url)
        config = StationConfig.model_validate({"server": {"timeout_s": 2, "sync_interval_s": 0.5}})
        identity = Identity(station_id, url, token)
        worker = SyncWorker(open_engine_factory(data, identity, config), interval_s=0.5)
        host = Host(worker)
        made.append((host, store))
        return host, store

    yield build
    for host, store in made:
        if host.thread.isRunning():
            host.stop()
        store.close()


def test_scans_reach_the_server_from_the_worker_thread(
    qtbot: QtBot, app: Any, live_server: str, station: tuple[str, str], make_host: Any
) -> None:
    host, store = make_host(live_server, *station)
    opened_on: list[int] = []
    original = host.worker._open_engine

    def spy() -> Any:
        opened_on.append(threading.get_ident())
        return original()

    host.worker._open_engine = spy
    host.start()
    with qtbot.waitSignal(host.status, timeout=WAIT_MS):
        pass  # the round on start
    record(store, EventType.PARENT_SCAN, "SB00071")
    for n in range(3):
        record(store, EventType.CHILD_LINK, f"KID7{n:04d}", "SB00071")
    host.wake.emit()
    qtbot.waitUntil(lambda: events_on_server(app, station[0]) == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: store.pending_count() == 0, timeout=WAIT_MS)
    assert opened_on
    assert opened_on[0] != threading.get_ident()  # its store connection is its own thread's
    assert host.reports[-1].status.online
    host.stop()


def test_a_dead_server_is_reported_and_scanning_goes_on(qtbot: QtBot, make_host: Any) -> None:
    host, store = make_host(closed_port_url(), "st_x", "tok")
    failures: list[str] = []
    host.worker.sync_failed.connect(failures.append)
    host.start()
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    for n in range(5):  # the GUI thread keeps committing while the worker fails
        record(store, EventType.PARENT_SCAN, f"SB0008{n}")
        host.wake.emit()
    qtbot.waitUntil(lambda: any(r.pending == 5 for r in host.reports), timeout=WAIT_MS)
    assert host.reports[-1].status.online is False
    assert store.pending_count() == 5
    host.stop()


def test_a_hung_server_does_not_hold_up_stopping(qtbot: QtBot, make_host: Any) -> None:
    with hanging_server() as url:
        host, store = make_host(url, "st_h", "tok")
        record(store, EventType.PARENT_SCAN, "SB00099")
        host.start()
        qtbot.wait(300)  # the first round is now waiting on the server
        host.stop()  # returns once the request times out (2 s), not never
    assert store.pending_count() == 1


def test_a_revoked_station_stops_syncing_and_says_why(
    qtbot: QtBot, app: Any, live_server: str, station: tuple[str, str], make_host: Any
) -> None:
    host, store = make_host(live_server, *station)
    host.start()
    with qtbot.waitSignal(host.status, timeout=WAIT_MS):
        pass
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        revoke_tokens_of_station(session, station[0])
    record(store, EventType.PARENT_SCAN, "SB00072")
    with qtbot.waitSignal(host.revoked, timeout=WAIT_MS) as revoked:
        host.wake.emit()
    assert "enroll" in str(revoked.args[0])
    assert store.pending_count() == 1  # kept here until the station is enrolled again
    host.stop()
