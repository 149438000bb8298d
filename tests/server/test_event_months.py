"""The event log by month (PostgreSQL): each event in its month's partition, every id unique
across the months and after archiving, `tracetrack-server archive` taking whole months out
into dump files that read back, and the migration moving an existing log over."""

from __future__ import annotations

import hashlib
import json
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Bag, Event, EventArchive, EventKey
from sync_server.db.partitions import Month, attached_months
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine, make_session_factory
from sync_server.services import ingest
from tests.procs import BIN
from tests.server.factories import event, make_read_token, make_station
from tests.server.fresh_db import fresh_database

pytestmark = pytest.mark.postgres

NOW = datetime.now(UTC)
THIS_MONTH = Month.of(NOW)


def _months_ago(count: int) -> datetime:
    """The 10th of the month ``count`` months before this one, at noon."""
    index = THIS_MONTH.year * 12 + THIS_MONTH.month - 1 - count
    return datetime(index // 12, index % 12 + 1, 10, 12, tzinfo=UTC)


def _send(sessions: Any, station_id: str, events: list[dict[str, Any]], now: datetime) -> list[str]:
    """Ingest ``events`` as the server would have at ``now``; their answers' statuses."""
    with sessions() as session:
        outcome = ingest.ingest_batch(
            session,
            ingest.BatchInput(station_id=station_id, sent_at=now, events=events),
            now=now,
        )
    return [r.status.value for r in outcome.results]


def _parent_with_children(parent: str, count: int, at: datetime) -> list[dict[str, Any]]:
    return [event("parent_scan", parent, at=at)] + [
        event("child_link", f"{parent}C{n:02d}", parent=parent, at=at) for n in range(count)
    ]


def _where_stored(sessions: Any) -> dict[str, int]:
    """Events per partition table."""
    with sessions() as session:
        rows = session.execute(
            text("SELECT tableoid::regclass::text, count(*) FROM events GROUP BY 1")
        )
        return {name: int(n) for name, n in rows}


def test_each_event_is_stored_in_the_month_it_was_received(app) -> None:  # type: ignore[no-untyped-def]
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        station_id, _ = make_station(session, "Line 1")
    two_ago, one_ago = _months_ago(2), _months_ago(1)
    assert (
        _send(sessions, station_id, _parent_with_children("SB10001", 3, two_ago), two_ago)
        == ["accepted"] * 4
    )
    assert (
        _send(sessions, station_id, _parent_with_children("SB10002", 2, one_ago), one_ago)
        == ["accepted"] * 3
    )
    assert (
        _send(sessions, station_id, _parent_with_children("SB10003", 1, NOW), NOW)
        == ["accepted"] * 2
    )
    assert _where_stored(sessions) == {
        Month.of(two_ago).table: 4,
        Month.of(one_ago).table: 3,
        THIS_MONTH.table: 2,
    }
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(EventKey)) == 9


def test_a_month_far_ahead_gets_its_partition_when_its_first_batch_comes(app) -> None:  # type: ignore[no-untyped-def]
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        station_id, _ = make_station(session, "Line 1")
    later = NOW + timedelta(days=250)  # beyond the months made ahead
    assert _send(sessions, station_id, [event("parent_scan", "SB10009", at=later)], later) == [
        "accepted"
    ]
    with sessions() as session:
        months = attached_months(session.connection())
    assert Month.of(later) in months
    assert Month.of(later).plus(3) in months  # and the months after it
    assert _where_stored(sessions) == {Month.of(later).table: 1}


def test_an_event_sent_again_in_a_later_month_is_a_duplicate(app) -> None:  # type: ignore[no-untyped-def]
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        station_id, _ = make_station(session, "Line 1")
    earlier = _months_ago(1)
    first = _parent_with_children("SB10004", 2, earlier)
    assert _send(sessions, station_id, first, earlier) == ["accepted"] * 3
    assert _send(sessions, station_id, first, NOW) == ["duplicate"] * 3
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 3
        assert session.get(Bag, "SB10004").child_count == 2  # type: ignore[union-attr]


def test_another_station_sending_a_stored_id_in_another_month_changes_nothing(app) -> None:  # type: ignore[no-untyped-def]
    """The key that catches it is event_keys' (the batch's seqs are all new for its station,
    so its ids are not looked up first): the batch runs again and answers duplicate."""
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        a_id, _ = make_station(session, "Line A")
        b_id, _ = make_station(session, "Line B")
    earlier = _months_ago(1)
    original = event("parent_scan", "SB10005", at=earlier)
    assert _send(sessions, a_id, [original], earlier) == ["accepted"]
    copy = dict(original, code="SB10006", seq=original["seq"] + 1000, occurred_at=NOW.isoformat())
    assert _send(sessions, b_id, [copy], NOW) == ["duplicate"]
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 1
        assert session.get(Bag, "SB10006") is None


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "tracetrack-server"), "--database-url", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _summary(client: Any, headers: dict[str, str], since: datetime) -> dict[str, Any]:
    reply = client.get(
        "/api/v1/stats/summary",
        query_string={"from": since.isoformat(), "to": (NOW + timedelta(hours=1)).isoformat()},
        headers=headers,
    )
    assert reply.status_code == 200, reply.get_json()
    body: dict[str, Any] = reply.get_json()
    return body


def test_archive_takes_whole_months_out_into_files_and_loses_nothing_else(tmp_path: Path) -> None:
    with fresh_database("tt_archive") as url:
        app = create_app(Settings(database_url=url))
        try:
            sessions = app.extensions["tracetrack"].sessions
            with sessions() as session:
                station_id, _ = make_station(session, "Line 1")
                headers = {"Authorization": f"Bearer {make_read_token(session)}"}
            three, two, one = _months_ago(3), _months_ago(2), _months_ago(1)
            batches = {
                three: _parent_with_children("SB20001", 4, three),
                two: _parent_with_children("SB20002", 5, two),
                one: _parent_with_children("SB20003", 6, one),
            }
            for moment, events in batches.items():
                assert set(_send(sessions, station_id, events, moment)) == {"accepted"}
            client = app.test_client()
            before = _summary(client, headers, three - timedelta(days=15))

            # a dry run lists the months and changes nothing
            cutoff = Month.of(one).start.date()  # the two older months end on or before it
            dry = _cli(
                url,
                "archive",
                "--before",
                str(cutoff),
                "--to",
                str(tmp_path),
                "--dry-run",
                "--json",
            )
            assert dry.returncode == 0, dry.stderr
            assert [(m["month"], m["events"]) for m in json.loads(dry.stdout)["months"]] == [
                (str(Month.of(three)), 5),
                (str(Month.of(two)), 6),
            ]
            assert sum(_where_stored(sessions).values()) == 18

            done = _cli(url, "archive", "--before", str(cutoff), "--to", str(tmp_path), "--json")
            assert done.returncode == 0, done.stderr
            archived = json.loads(done.stdout)["months"]
            assert [m["month"] for m in archived] == [str(Month.of(three)), str(Month.of(two))]
            for month in archived:
                path = Path(month["file"])
                assert path.parent == tmp_path.resolve()
                assert hashlib.sha256(path.read_bytes()).hexdigest() == month["sha256"]

            # the months are gone from the log, and only they
            assert _where_stored(sessions) == {Month.of(one).table: 7}
            with sessions() as session:
                attached = attached_months(session.connection())
                records = session.scalars(select(EventArchive).order_by(EventArchive.month)).all()
                assert session.scalar(select(func.count()).select_from(EventKey)) == 18
            assert Month.of(three) not in attached
            assert Month.of(two) not in attached
            assert [(r.month, r.events) for r in records] == [
                (str(Month.of(three)), 5),
                (str(Month.of(two)), 6),
            ]

            # counts come from the rollups: the same after archiving
            assert _summary(client, headers, three - timedelta(days=15)) == before

            # an archived event sent again: duplicate, the bag unchanged
            assert _send(sessions, station_id, batches[three], NOW) == ["duplicate"] * 5
            with sessions() as session:
                assert session.get(Bag, "SB20001").child_count == 4  # type: ignore[union-attr]
                assert session.scalar(select(func.count()).select_from(Event)) == 7

            # a second run finds nothing more to do
            again = _cli(url, "archive", "--before", str(cutoff), "--to", str(tmp_path))
            assert again.returncode == 0
            assert "nothing to archive" in again.stdout

            # each file reads back into any database: the month's rows, whole
            with fresh_database("tt_archive_read") as reader:  # its months are all newer
                for month in archived:
                    loaded = subprocess.run(
                        ["pg_restore", "--no-owner", f"--dbname={_libpq(reader)}", month["file"]],
                        capture_output=True,
                        text=True,
                        check=False,
                    )
                    assert loaded.returncode == 0, loaded.stderr
                engine = make_engine(reader)
                with engine.connect() as conn:
                    for moment in (three, two):
                        table = Month.of(moment).table
                        codes = (
                            conn.execute(text(f"SELECT code FROM {table} ORDER BY seq"))
                            .scalars()
                            .all()
                        )
                        assert codes == [e["code"] for e in batches[moment]]
                engine.dispose()
        finally:
            dispose_app(app)


def test_an_archive_cut_short_after_its_detach_is_finished_by_the_next_run(tmp_path: Path) -> None:
    with fresh_database("tt_archive_cut") as url:
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        with sessions() as session:
            station_id, _ = make_station(session, "Line 1")
        two = _months_ago(2)
        _send(sessions, station_id, _parent_with_children("SB30001", 3, two), two)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"ALTER TABLE events DETACH PARTITION {Month.of(two).table}"))
        engine.dispose()
        done = _cli(
            url,
            "archive",
            "--before",
            str(Month.of(two).next().start.date()),
            "--to",
            str(tmp_path),
            "--json",
        )
        assert done.returncode == 0, done.stderr
        assert [(m["month"], m["events"]) for m in json.loads(done.stdout)["months"]] == [
            (str(Month.of(two)), 4)
        ]
        engine = make_engine(url)
        with engine.connect() as conn:
            assert (
                conn.execute(text("SELECT to_regclass(:t)"), {"t": Month.of(two).table}).scalar()
                is None
            )
        engine.dispose()


def test_archiving_the_embedded_database_is_refused_with_the_reason(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'station.db'}"
    upgrade(make_engine(url))
    done = _cli(url, "archive", "--before", "2026-01-01")
    assert done.returncode == 1
    assert "needs PostgreSQL" in done.stderr


def test_the_migration_moves_an_existing_log_into_months() -> None:
    with fresh_database("tt_months_migration", revision="0009") as url:
        engine = make_engine(url)
        ids = [uuid.uuid4() for _ in range(3)]
        moments = [_months_ago(5), _months_ago(1), NOW]
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO stations (id, name, area, hostname, last_seq, seq_gaps,"
                    " events_received) VALUES ('st_x', 'Line X', '', '', 3, 0, 3),"
                    " ('st_y', 'Line Y', '', '', 0, 0, 0)"
                )
            )
            for n, (event_id, moment) in enumerate(zip(ids, moments, strict=True)):
                conn.execute(
                    text(
                        "INSERT INTO events VALUES (:id, 'st_x', :seq, 'parent_scan', :at, 'ravi',"
                        " :code, '', '', '{}', :at, :at, :status, NULL, NULL, NULL, :version)"
                    ),
                    {
                        "id": event_id,
                        "seq": n + 1,
                        "at": moment,
                        "code": f"SB4000{n}",
                        # the middle one a conflict, in the feed at its version
                        "status": "conflict" if n == 1 else "accepted",
                        "version": 41 if n == 1 else 0,
                    },
                )
            conn.execute(
                text(
                    "INSERT INTO returns VALUES (:id, 'T1', '', 'SB40000', 'B1', 1, 0, 10, 0, :at)"
                ),
                {"id": ids[0], "at": moments[0]},
            )
        upgrade(engine)
        with engine.connect() as conn:
            placed = dict(
                conn.execute(text("SELECT id, tableoid::regclass::text FROM events")).all()
            )
            keys = set(conn.execute(select(EventKey.id)).scalars())
            months = attached_months(conn)
            own = dict(conn.execute(text("SELECT id, own_feed_version FROM stations")).all())
            target = conn.execute(
                text(
                    "SELECT confrelid::regclass::text FROM pg_constraint"
                    " WHERE conname = 'returns_event_id_fkey'"
                )
            ).scalar()
        engine.dispose()
        assert placed == {i: Month.of(m).table for i, m in zip(ids, moments, strict=True)}
        assert keys == set(ids)
        assert months == [Month.of(moments[0]).plus(n) for n in range(5 + 1 + 3)]  # through 3 ahead
        assert target == "event_keys"
        assert own == {"st_x": 41, "st_y": 0}  # a pull reads st_x's conflicts past 41


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_a_month_with_no_partition_is_a_503_and_nothing_is_written(app, client) -> None:  # type: ignore[no-untyped-def]
    """A month detached by hand while the server runs (it made that month's partition
    already, so it does not look again): a batch is refused with a reason to retry, whole."""
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        station_id, token = make_station(session, "Line 1")
    headers = {"Authorization": f"Bearer {token}"}

    def upload(code: str) -> Any:
        events = [event("parent_scan", code)]
        body = {"station_id": station_id, "sent_at": NOW.isoformat(), "events": events}
        return client.post("/api/v1/sync/events", json=body, headers=headers)

    assert upload("SB50001").status_code == 200
    engine = app.extensions["tracetrack"].engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"ALTER TABLE events DETACH PARTITION {THIS_MONTH.table}"))
    try:
        refused = upload("SB50002")
        assert refused.status_code == 503, refused.get_json()
        assert refused.get_json()["error"]["code"] == "storage_unavailable"
        assert refused.headers["Retry-After"] == "30"
        with sessions() as session:
            assert session.get(Bag, "SB50002") is None
            assert session.scalar(select(func.count()).select_from(EventKey)) == 1
    finally:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(
                text(f"ALTER TABLE events ATTACH PARTITION {THIS_MONTH.table} {THIS_MONTH.bounds}")
            )
