"""``tracetrack-server backup`` / ``restore`` on real databases, the epoch and ``/sync/held``.

A restore brings back exactly the rows backed up and gives the database a new epoch; an upload
naming the old epoch is refused whole (409 ``epoch_changed``) so a station sends again what the
backup lacks before anything new; ``POST /api/v1/sync/held`` says which seqs are held.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync_server.app import create_app, dispose_app
from sync_server.cli import main as server_cli
from sync_server.config import Settings
from sync_server.db.models import Event, Station
from sync_server.db.session import make_engine
from tests.server.factories import event
from tests.server.fresh_db import fresh_database
from tests.server.test_ingest import ctx, post, station

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    with fresh_database("tt_backup") as url:
        yield url


def _cli(url: str, *args: str) -> int:
    return server_cli(["--database-url", url, *args])


def _rows(url: str) -> tuple[list[tuple[Any, ...]], list[str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        events = [tuple(r) for r in conn.execute(select(Event.id, Event.seq, Event.status))]
        stations = list(conn.scalars(select(Station.id)))
    engine.dispose()
    return sorted(events), sorted(stations)


def _epoch(client: Any, station_id: str, headers: dict[str, str]) -> str:
    reply = client.post(
        "/api/v1/sync/held", json={"station_id": station_id, "ranges": []}, headers=headers
    )
    assert reply.status_code == 200, reply.get_json()
    epoch: str = reply.get_json()["epoch"]
    return epoch


def _scans(n: int, parent: str) -> list[dict[str, Any]]:
    return [event("parent_scan", parent)] + [
        event("child_link", f"C{uuid.uuid4().hex[:8].upper()}", parent=parent) for _ in range(n)
    ]


def _restore_brings_back_the_backup(url: str, tmp_path: Path) -> None:
    app = create_app(Settings(database_url=url))
    client = app.test_client()
    station_id, headers = station(app)
    post(client, station_id, headers, _scans(5, "SB00001"))
    before_epoch = _epoch(client, station_id, headers)
    backed_up = _rows(url)
    dump = tmp_path / "nightly.dump"
    assert _cli(url, "backup", str(dump)) == 0
    assert dump.stat().st_size > 0

    post(client, station_id, headers, _scans(3, "SB00002"))
    station(app, "Line 2")
    assert _rows(url) != backed_up

    # a server still connected: refused, nothing changed (PostgreSQL can tell)
    if url.startswith("postgresql"):
        assert _cli(url, "restore", str(dump), "--yes") == 1
        assert _rows(url) != backed_up
    dispose_app(app)
    assert _cli(url, "restore", str(dump)) == 1, "a database with data needs --yes"
    assert _cli(url, "restore", str(dump), "--yes") == 0
    assert _rows(url) == backed_up

    app = create_app(Settings(database_url=url))
    client = app.test_client()
    after_epoch = _epoch(client, station_id, headers)
    assert after_epoch != before_epoch
    # the station's stale epoch: refused whole, nothing written
    reply = client.post(
        "/api/v1/sync/events",
        json={
            "station_id": station_id,
            "sent_at": "2026-12-08T10:00:00+00:00",
            "events": _scans(1, "SB00003"),
            "epoch": before_epoch,
        },
        headers=headers,
    )
    assert reply.status_code == 409
    assert reply.get_json()["error"]["code"] == "epoch_changed"
    assert reply.get_json()["error"]["epoch"] == after_epoch
    assert _rows(url) == backed_up
    dispose_app(app)


def test_postgresql_restore_brings_back_exactly_the_backup_and_a_new_epoch(
    fresh_pg: str, tmp_path: Path
) -> None:
    _restore_brings_back_the_backup(fresh_pg, tmp_path)


def test_embedded_sqlite_restore_brings_back_exactly_the_backup_and_a_new_epoch(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    _restore_brings_back_the_backup(sqlite_settings.database_url, tmp_path)


def test_a_backup_of_an_older_schema_is_restored_and_upgraded(
    fresh_pg: str, tmp_path: Path
) -> None:
    with fresh_database("tt_old", revision="0007") as old_url:  # before rate_hits and the epoch
        dump = tmp_path / "old.dump"
        assert _cli(old_url, "backup", str(dump)) == 0
    assert _cli(fresh_pg, "restore", str(dump)) == 0  # the fresh database holds no data
    assert _cli(fresh_pg, "db", "status") == 0
    app = create_app(Settings(database_url=fresh_pg))
    station_id, headers = station(app)
    assert _epoch(app.test_client(), station_id, headers)
    dispose_app(app)


def test_a_file_that_is_not_a_backup_is_refused(fresh_pg: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"not a dump")
    assert _cli(fresh_pg, "restore", str(junk), "--yes") == 1
    assert _cli(fresh_pg, "restore", str(tmp_path / "missing.dump"), "--yes") == 1
    assert _cli(fresh_pg, "db", "status") == 0  # untouched


def test_held_names_the_stations_seqs_the_server_holds_as_ranges(app: Any) -> None:
    client = app.test_client()
    station_id, headers = station(app)
    other_id, other_headers = station(app, "Line 2")
    parent = "SB00077"
    mine = [event("parent_scan", parent, seq=1)] + [
        event("child_link", f"K{n:05d}", parent=parent, seq=n) for n in (2, 3, 4, 5, 8, 10)
    ]
    post(client, station_id, headers, mine)
    post(client, other_id, other_headers, [event("parent_scan", "SB00078", seq=6)])

    def held(ranges: list[list[int]], sid: str = station_id, hdr: Any = headers) -> Any:
        return client.post(
            "/api/v1/sync/held", json={"station_id": sid, "ranges": ranges}, headers=hdr
        )

    reply = held([[1, 12]])
    assert reply.status_code == 200, reply.get_json()
    assert reply.get_json()["held"] == [[1, 5], [8, 8], [10, 10]]
    assert held([[2, 3], [4, 9], [11, 20]]).get_json()["held"] == [[2, 5], [8, 8]]
    assert held([]).get_json()["held"] == []
    # the upload answer carries the same epoch
    answer = client.post(
        "/api/v1/sync/events",
        json={
            "station_id": station_id,
            "sent_at": "2026-12-08T10:00:00+00:00",
            "events": [],
            "epoch": held([]).get_json()["epoch"],
        },
        headers=headers,
    )
    assert answer.status_code == 200
    assert answer.get_json()["epoch"] == held([]).get_json()["epoch"]
    # only as itself, only sane ranges
    assert held([[1, 12]], station_id, other_headers).status_code == 403
    assert held([[5, 1]]).status_code == 400
    assert held([[-1, 3]]).status_code == 400
    assert client.post("/api/v1/sync/held", json={"ranges": [[1, 2]]}).status_code == 401
    with ctx(app).sessions() as session:
        assert session.scalar(select(Event.id).where(Event.seq == 6)) is not None
