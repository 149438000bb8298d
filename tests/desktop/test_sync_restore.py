"""The sync engine after the server is restored from a backup (a real one: pg_dump and
pg_restore through ``tracetrack-server``), with a crash between "queued again" and "epoch
recorded": the station asks again, and every event ends on the server exactly once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync_server.cli import main as server_cli
from sync_server.db.models import Bag, Event
from tests.procs import free_port
from tests.server.factories import make_station
from tests.server.fresh_db import fresh_database, served
from tracetrack_core.rules import EventInput
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.sync.client import SyncClient
from tracetrack_desktop.sync.engine import SyncEngine

pytestmark = pytest.mark.timeout(180)


class Crash(BaseException):
    """The station process dying (nothing in the engine catches it)."""


class CrashBeforeEpoch(LocalStore):
    def record_server_epoch(self, epoch: str) -> None:
        if self.server_epoch() is not None:  # the first epoch is taken in as usual
            raise Crash
        super().record_server_epoch(epoch)


def _scan(store: LocalStore, type_: str, code: str, parent: str = "") -> None:
    outcome, event = store.record(EventInput(type_, code, parent), "ravi", store.rules())
    assert event is not None
    assert outcome.status.value == "accepted", outcome


def _server_rows(app: Any, station_id: str) -> tuple[list[tuple[str, int, str]], Any]:
    with app.extensions["tracetrack"].sessions() as session:
        rows = session.execute(
            select(Event.id, Event.seq, Event.status).where(Event.station_id == station_id)
        ).all()
        bags = sorted(
            (b.code, b.parent, b.child_count, b.status) for b in session.scalars(select(Bag))
        )
    return sorted((str(r[0]), int(r[1]), str(r[2])) for r in rows), bags


def test_after_a_restore_the_lost_events_are_sent_again_once_even_after_a_crash(
    tmp_path: Path,
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with fresh_database("tt_restore") as url:
        with served(url, port) as app:
            with app.extensions["tracetrack"].sessions() as session:
                station_id, token = make_station(session, "Line 1")
            store = CrashBeforeEpoch(tmp_path / "station")
            _scan(store, "parent_scan", "SB00001")
            for n in range(3):
                _scan(store, "child_link", f"CA{n:04d}", "SB00001")
            engine = SyncEngine(store, SyncClient(base, token), station_id, pipeline_depth=1)
            assert engine.run_once().drained
            first_epoch = store.server_epoch()
            assert first_epoch
            assert server_cli(["--database-url", url, "backup", str(tmp_path / "b.dump")]) == 0

            _scan(store, "parent_scan", "SB00002")
            for n in range(4):
                _scan(store, "child_link", f"CB{n:04d}", "SB00002")
            _scan(store, "parent_finish", "SB00002")
            assert engine.run_once().drained
            before_rows, before_bags = _server_rows(app, station_id)
            assert len(before_rows) == 10
            engine.close()

        assert (
            server_cli(["--database-url", url, "restore", str(tmp_path / "b.dump"), "--yes"]) == 0
        )
        with served(url, port) as app:
            assert len(_server_rows(app, station_id)[0]) == 4  # the backup's
            engine = SyncEngine(store, SyncClient(base, token), station_id, pipeline_depth=1)
            with pytest.raises(Crash):
                engine.run_once()  # queued again, then "crashed" before the epoch was kept
            engine.close()
            store.close()
            store = LocalStore(tmp_path / "station")
            assert store.server_epoch() == first_epoch
            assert store.pending_count() == 6  # the six the backup lacks, as they were

            engine = SyncEngine(store, SyncClient(base, token), station_id)
            report = engine.run_once()
            assert report.drained, report
            assert report.resent == 0  # asked again: nothing more was missing
            assert store.server_epoch() not in (None, first_epoch)
            after_rows, after_bags = _server_rows(app, station_id)
            assert after_rows == before_rows  # each event once, same id, seq and outcome
            assert after_bags == before_bags
            assert [e.event.id for e in store.events("done")] == [
                r[0] for r in sorted(before_rows, key=lambda r: r[1])
            ]
            engine.close()
            store.close()
