"""The station's local store on real SQLite files: outbox, durability, sync port, migrations."""

from __future__ import annotations

import json
import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from sqlalchemy import event

from tracetrack_core.events import EventType, Status
from tracetrack_core.rules import EventInput, Rules
from tracetrack_desktop.storage import db, schema
from tracetrack_desktop.storage.errors import DatabaseLockedError, DiskFullError
from tracetrack_desktop.storage.outbox import EventResult, SyncStatus
from tracetrack_desktop.storage.store import DONE, PENDING, LocalStore
from tracetrack_desktop.storage.uuid7 import UUID7Generator, timestamp_ms

DATA = Path(__file__).resolve().parents[1] / "data" / "station"
IST = timezone(timedelta(hours=5, minutes=30))
REPO = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 10, 15, 0, tzinfo=IST)

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=250)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    local = LocalStore(tmp_path / "station", clock=Clock())
    yield local
    local.close()


RULES = Rules()


def link(store: LocalStore, child: str, parent: str) -> str:
    outcome, ev = store.record(EventInput(EventType.CHILD_LINK, child, parent), "ravi", RULES)
    assert outcome.status is Status.ACCEPTED, outcome.message
    assert ev is not None
    return ev.id


def test_files_are_private_and_pragmas_durable(store: LocalStore, tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    assert data_dir.stat().st_mode & 0o777 == 0o700
    assert (data_dir / "station.db").stat().st_mode & 0o777 == 0o600
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == schema.CURRENT_VERSION


def test_record_writes_state_and_one_outbox_event_per_action(store: LocalStore) -> None:
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    for n in range(5):
        link(store, f"00165{n:02d}", "SB00042")
    rows = store.events()
    assert [r.event.type for r in rows] == ["parent_scan"] + ["child_link"] * 5
    seqs = [r.event.seq for r in rows]
    assert seqs == sorted(set(seqs))
    assert seqs[0] == 1
    ids = [uuid.UUID(r.event.id) for r in rows]
    assert all(i.version == 7 for i in ids)
    assert ids == sorted(ids)  # time-ordered like seq
    for r in rows:
        when = datetime.fromisoformat(r.event.occurred_at)
        assert when.utcoffset() == timedelta(hours=5, minutes=30)
        assert r.sync_state == PENDING
    parent = store.bag("SB00042")
    assert parent is not None
    assert parent.child_count == 5
    assert store.children_of("SB00042") == [f"00165{n:02d}" for n in range(5)]


def test_duplicates_are_queued_conflicts_become_scan_rejected(store: LocalStore) -> None:
    store.record(EventInput(EventType.PARENT_SCAN, "SB00017"), "ravi", RULES)
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    link(store, "0016586", "SB00017")
    dup, dup_ev = store.record(
        EventInput(EventType.CHILD_LINK, "0016586", "SB00017"), "ravi", RULES
    )
    assert dup.status is Status.DUPLICATE
    assert dup_ev is not None
    assert dup_ev.type == "child_link"
    bad, bad_ev = store.record(
        EventInput(EventType.CHILD_LINK, "0016586", "SB00042"), "ravi", RULES
    )
    assert bad.status is Status.CONFLICT
    assert bad_ev is not None
    assert bad_ev.type == "scan_rejected"
    assert bad_ev.code == "0016586"
    assert bad_ev.data["reason"] == "child_in_other_parent"
    assert bad_ev.data["attempted_type"] == "child_link"
    parent = store.bag("SB00042")
    assert parent is not None
    assert parent.child_count == 0
    refused = store.record_refused_read("\x00garbage", "binary_noise", "ravi")
    assert refused.type == "scan_rejected"
    assert refused.data["reason"] == "binary_noise"
    assert "\x00" not in refused.data["read"]
    assert [r.event.seq for r in store.events()] == [1, 2, 3, 4, 5, 6]


def test_next_batch_respects_count_and_byte_caps(store: LocalStore) -> None:
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    for n in range(10):
        link(store, f"00165{n:02d}", "SB00042")
    assert [e.seq for e in store.next_batch(4, 1_000_000)] == [1, 2, 3, 4]
    one_size = len(json.dumps(store.next_batch(1, 10**6)[0].as_wire()))
    small = store.next_batch(100, 64 + 3 * (one_size + 40))
    assert 1 <= len(small) < 10
    assert [e.seq for e in small] == list(range(1, len(small) + 1))
    assert len(store.next_batch(100, 1)) == 1  # never stuck behind one big event


def test_each_queued_event_is_sent_as_its_fields_say_whatever_they_hold(
    store: LocalStore, tmp_path: Path
) -> None:
    """The outbox hands each event over with its wire JSON made by SQLite; it must say what
    the event's fields say (quotes, backslashes, other scripts, nested data), and data that is
    not standard JSON (a NaN an old version wrote) is encoded the old way."""
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), 'ravi "Ω" \\ ✓', RULES)
    store.record(
        EventInput(
            EventType.BILL_CREATE,
            bill="B-7",
            data={"capacity": 3, "destination": 'Pune "Hub" \\ ठाणे', "nested": {"a": [1, None]}},
        ),
        "ravi",
        RULES,
    )
    store.record_refused_read("LABEL\tNO\u00e9\\", "not_a_code", "ravi")
    store.record(EventInput(EventType.PARENT_SCAN, "SB00043"), "ravi", RULES)
    raw = sqlite3.connect(tmp_path / "station" / "station.db")
    with raw:
        raw.execute("UPDATE events SET data = '{\"w\": NaN}' WHERE seq = 4")
    raw.close()
    batch = store.next_batch(10, 10**6)
    assert [e.seq for e in batch] == [1, 2, 3, 4]
    for queued in batch[:3]:
        assert queued.encoded is not None  # made by SQLite
        assert json.loads(queued.wire_json) == queued.as_wire()
    assert batch[3].encoded is None  # not standard JSON: encoded in Python
    assert math.isnan(batch[3].data["w"])
    assert batch[3].wire_json == orjson.dumps(batch[3].as_wire())  # NaN goes as null


def test_settle_marks_done_and_fixes_a_lost_child_link(store: LocalStore) -> None:
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    won = link(store, "0016585", "SB00042")
    lost = link(store, "0016586", "SB00042")
    later = link(store, "0016587", "SB00042")  # still pending after the settle
    first = store.next_batch(3, 10**6)
    results = [
        EventResult(first[0].id, "accepted"),
        EventResult(won, "accepted"),
        EventResult(lost, "conflict", "child_in_other_parent", {"current_parent": "SB00017"}, None),
    ]
    problems = store.settle(results)
    assert [p.id for p in problems] == [lost]
    assert store.settle(results) == []  # idempotent
    assert store.pending_count() == 1
    assert [e.id for e in store.next_batch(10, 10**6)] == [later]
    child = store.bag("0016586")
    assert child is not None
    assert child.parent == "SB00017"
    parent = store.bag("SB00042")
    assert parent is not None
    assert parent.child_count == 2
    (conflict,) = store.conflicts()
    assert conflict.event_id == lost
    assert conflict.reason == "child_in_other_parent"
    assert "SB00017 already holds 0016586" in conflict.message
    assert store.status_snapshot().conflicts == 1
    store.acknowledge_conflict(lost)
    assert store.conflicts() == []
    done = {r.event.id: r for r in store.events(DONE)}
    assert done[lost].result_status == "conflict"
    assert done[lost].result_detail == {"current_parent": "SB00017"}


def test_each_answer_is_kept_with_its_event_plain_accepts_and_the_rest_alike(
    store: LocalStore, tmp_path: Path
) -> None:
    """Plain accepts are settled by one statement, other answers by another; every event
    keeps its own status, reason and detail (keys sorted), and settling twice changes nothing."""
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    ids = [store.next_batch(1, 10**6)[0].id]
    ids += [link(store, f"00165{n:02d}", "SB00042") for n in range(4)]
    answers = [
        EventResult(ids[0], "accepted", None, {"status": "open", "new": True}),
        EventResult(ids[1], "accepted"),
        EventResult(ids[2], "accepted", None, {"parent": 'SB"42\\', "child_count": 2}),
        EventResult(ids[3], "duplicate", "already_received", {"original": {"status": "x"}}),
        EventResult(ids[4], "accepted", None, {}),
    ]
    assert store.settle(answers) == []
    assert store.settle(list(reversed(answers))) == []  # idempotent, in any order
    assert store.pending_count() == 0
    done = {r.event.id: r for r in store.events(DONE)}
    kept = [(done[i].result_status, done[i].result_reason, done[i].result_detail) for i in ids]
    assert kept == [
        ("accepted", None, {"new": True, "status": "open"}),
        ("accepted", None, None),
        ("accepted", None, {"child_count": 2, "parent": 'SB"42\\'}),
        ("duplicate", "already_received", {"original": {"status": "x"}}),
        ("accepted", None, None),
    ]
    with sqlite3.connect(tmp_path / "station" / "station.db") as raw:  # the text itself
        (stored,) = raw.execute("SELECT result_detail FROM events WHERE id = ?", (ids[0],))
    raw.close()
    assert stored == ('{"new":true,"status":"open"}',)


def test_apply_changes_rebases_pending_local_scans(store: LocalStore) -> None:
    store.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    a = link(store, "0016585", "SB00042")
    store.settle([EventResult(store.next_batch(1, 10**6)[0].id, "accepted")])
    store.settle([EventResult(a, "accepted")])
    link(store, "0016586", "SB00042")
    link(store, "0016587", "SB00042")
    lost = link(store, "0016588", "SB00042")
    assert store.pending_count() == 3
    feed = [
        # the server knows SB00042 with the synced child only, and 0016588 in another parent
        {
            "kind": "bag",
            "key": "SB00042",
            "data": {
                "code": "SB00042",
                "kind": "parent",
                "parent": None,
                "child_count": 1,
                "status": "open",
                "bill": None,
            },
        },
        {
            "kind": "bag",
            "key": "0016585",
            "data": {
                "code": "0016585",
                "kind": "child",
                "parent": "SB00042",
                "child_count": 0,
                "status": "open",
                "bill": None,
            },
        },
        {
            "kind": "bag",
            "key": "0016588",
            "data": {
                "code": "0016588",
                "kind": "child",
                "parent": "SB00017",
                "child_count": 0,
                "status": "open",
                "bill": None,
            },
        },
        {
            "kind": "bill",
            "key": "BILL-1",
            "data": {
                "bill_id": "BILL-1",
                "capacity": 10,
                "destination": "Akola",
                "vehicle": "",
                "status": "new",
                "parent_count": 0,
                "actual_kg": 0,
                "expected_kg": 0,
            },
        },
    ]
    store.apply_changes(feed, "41")
    assert store.changes_cursor() == "41"
    parent = store.bag("SB00042")
    assert parent is not None
    assert parent.child_count == 3
    assert store.children_of("SB00042") == ["0016585", "0016586", "0016587"]
    assert store.pending_count() == 3  # nothing lost; the server will answer the lost one
    pending = {r.event.id: r for r in store.events(PENDING)}
    assert pending[lost].local_status == "conflict"
    bill = store.bill("bill-1")
    assert bill is not None
    assert bill.destination == "Akola"
    # applying the same page again changes nothing (re-delivery is harmless)
    store.apply_changes(feed, "41")
    parent = store.bag("SB00042")
    assert parent is not None
    assert parent.child_count == 3


def _bag_item(code: str, kind: str, parent: str | None = None, count: int = 0) -> dict[str, object]:
    data = {"code": code, "kind": kind, "parent": parent, "child_count": count}
    return {"kind": "bag", "key": code, "data": {**data, "status": "open", "bill": None}}


def test_a_pending_move_is_rebased_when_the_parent_it_left_changes(store: LocalStore) -> None:
    """A move's source parent is named only in ``data.from``: the feed must still treat it as
    a bag the pending move depends on, or the parent keeps counting the child that left."""
    for parent in ("SB00001", "SB00002"):
        store.record(EventInput(EventType.PARENT_SCAN, parent), "ravi", RULES)
    link(store, "0016585", "SB00001")
    store.settle([EventResult(e.id, "accepted") for e in store.next_batch(10, 10**6)])
    move = EventInput(
        EventType.CHILD_MOVE,
        "0016585",
        "SB00002",
        data={"from": "SB00001", "reason": "other", "note": "label swapped"},
    )
    outcome, _ = store.record(move, "bina", RULES)
    assert outcome.status is Status.ACCEPTED
    # another station put a second child into SB00001; the server has not seen the move yet
    store.apply_changes(
        [
            _bag_item("SB00001", "parent", count=2),
            _bag_item("0016585", "child", "SB00001"),
            _bag_item("0016599", "child", "SB00001"),
        ],
        "7",
    )
    source = store.bag("SB00001")
    assert source is not None
    assert store.children_of("SB00001") == ["0016599"]
    assert source.child_count == 1  # 2 on the server, less the child this station moved out
    target = store.bag("SB00002")
    assert target is not None
    assert (target.child_count, store.children_of("SB00002")) == (1, ["0016585"])


def test_apply_changes_users_settings_and_login_guard(store: LocalStore) -> None:
    page = json.loads((DATA / "feed_users.json").read_text())
    rules = {
        "kind": "setting",
        "key": "code_rules",
        "data": {"parent_series": [{"name": "PX", "pattern": r"PX\d{3}", "capacity": 5}]},
    }
    store.apply_changes([*page["changes"], rules], page["cursor"])
    assert store.code_rules().series_of("PX123") is not None
    assert store.rules().capacity_of("PX123") == 5
    user = store.user("RAVI")
    assert user is not None
    assert user.role == "dispatcher"
    assert user.badge == "BADGE-RAVI"
    now = datetime(2026, 11, 28, 10, 0, tzinfo=IST)
    store.note_login_failure("ravi", now, 5, timedelta(minutes=15))
    store.apply_changes(page["changes"], "11")  # a refresh keeps the local counter
    user = store.user("ravi")
    assert user is not None
    assert user.failed_logins == 1
    assert store.setting("limits") == {"max_batch_events": 500, "max_batch_bytes": 1048576}
    store.apply_changes([{"kind": "setting", "key": "code_rules", "data": {"bogus": 1}}], "12")
    assert store.rules().capacity_of("PX123") == 5  # a bad setting does not replace good rules


def test_sync_status_roundtrip(store: LocalStore) -> None:
    moment = datetime(2026, 11, 28, 4, 45, tzinfo=UTC)
    store.set_identity("st_abc", "http://127.0.0.1:1")
    store.record_sync(
        SyncStatus(online=True, last_success_at=moment, last_attempt_at=moment, clock_skew_ms=-120)
    )
    status = store.sync_status()
    assert status.online
    assert status.last_success_at == moment
    assert status.clock_skew_ms == -120
    snap = store.status_snapshot()
    assert snap.station_id == "st_abc"
    assert snap.online
    assert snap.last_sync == moment


def test_v1_file_upgrades_in_place_keeping_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    data_dir.mkdir(mode=0o700)
    raw = sqlite3.connect(data_dir / "station.db")
    raw.executescript((DATA / "station_v1.sql").read_text())
    raw.close()
    local = LocalStore(data_dir, clock=Clock())
    try:
        with local.engine.connect() as conn:
            assert schema.user_version(conn) == schema.CURRENT_VERSION
            columns = {
                t: [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({t})")]
                for t in schema.metadata.tables
            }
        for name, table in schema.metadata.tables.items():
            assert sorted(columns[name]) == sorted(c.name for c in table.columns), name
        assert local.meta("station_id") == "st_v1station"
        assert local.changes_cursor() == "77"
        assert local.pending_count() == 2
        assert [e.seq for e in local.next_batch(10, 10**6)] == [2, 3]
        user = local.user("ravi")
        assert user is not None
        assert user.failed_logins == 0
        assert user.locked_until is None
        # new events continue the old sequence and sort after the old ids
        ev = local.record(EventInput(EventType.CHILD_LINK, "0016588", "SB00042"), "ravi", RULES)[1]
        assert ev is not None
        assert ev.seq == 4
        assert uuid.UUID(ev.id) > uuid.UUID("01900000-0000-7000-8000-000000000003")
        parent = local.bag("SB00042")
        assert parent is not None
        assert parent.child_count == 3
    finally:
        local.close()


def test_disk_full_raises_and_keeps_confirmed_events(tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    local = LocalStore(data_dir, clock=Clock())
    local.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    confirmed = [link(local, f"C{n:05d}", "SB00042") for n in range(5)]
    with local.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
    local.engine.dispose()

    def cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(local.engine, "connect", cap)
    big = {"note": "x" * 3000}

    def fill() -> None:
        for n in range(200):
            local.record(
                EventInput(EventType.PARENT_SCAN, f"SB{n + 100:05d}", data=big), "ravi", RULES
            )

    with pytest.raises(DiskFullError) as caught:
        fill()
    assert "disk is full" in caught.value.message
    survivors_before = local.pending_count()
    local.close()
    reopened = LocalStore(data_dir, clock=Clock())
    try:
        rows = reopened.events()
        assert {r.event.id for r in rows} >= set(confirmed)
        assert len(rows) == survivors_before
        seqs = [r.event.seq for r in rows]
        assert seqs == list(range(1, len(rows) + 1))  # the failed write left no gap or half
        parent = reopened.bag("SB00042")
        assert parent is not None
        assert parent.child_count == 5
        # the seq counter was rolled back with the failed write: the next event follows on
        ev = reopened.record(EventInput(EventType.PARENT_SCAN, "SB09999"), "ravi", RULES)[1]
        assert ev is not None
        assert ev.seq == len(rows) + 1
    finally:
        reopened.close()


def test_busy_database_raises_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    local = LocalStore(tmp_path / "station", clock=Clock())
    other = sqlite3.connect(tmp_path / "station" / "station.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLockedError):
            local.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
        other.execute("ROLLBACK")
        assert local.events() == []
        local.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
        assert local.pending_count() == 1
    finally:
        other.close()
        local.close()


READER = """
import json, sys
from tracetrack_desktop.storage.store import read_status
target = int(sys.argv[2])
seen = []
for _ in range(100000):
    snap = read_status(sys.argv[1])
    seen.append(snap.pending)
    if snap.pending >= target:
        break
print(json.dumps({"seen": seen, "last": snap.as_dict()}))
"""


def test_status_snapshot_read_by_another_process_while_writing(tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    local = LocalStore(data_dir, clock=Clock())
    local.set_identity("st_live", "http://127.0.0.1:1")
    local.record(EventInput(EventType.PARENT_SCAN, "SB00042"), "ravi", RULES)
    target = 60
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(data_dir), str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        parents = iter(range(1, 100))
        parent = f"SB{next(parents):05d}"
        local.record(EventInput(EventType.PARENT_SCAN, parent), "ravi", RULES)
        while local.pending_count() < target:
            outcome, _ = local.record(
                EventInput(EventType.CHILD_LINK, f"C{local.pending_count():06d}", parent),
                "ravi",
                RULES,
            )
            if outcome.completed:
                parent = f"SB{next(parents):05d}"
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
        local.close()
    assert reader.returncode == 0, err
    result = json.loads(out)
    assert result["seen"] == sorted(result["seen"])  # consistent snapshots, never torn
    assert result["last"]["pending"] >= target
    assert result["last"]["station_id"] == "st_live"
    assert datetime.fromisoformat(result["last"]["oldest_pending_at"]).utcoffset()


WRITER = """
import sys
from tracetrack_core.rules import EventInput, Rules
from tracetrack_desktop.storage.store import LocalStore
store = LocalStore(sys.argv[1])
rules = Rules()
n = 0
while True:
    parent = f"SB{n // 31:05d}"
    if n % 31 == 0:
        outcome, ev = store.record(EventInput("parent_scan", parent), "ravi", rules)
    else:
        outcome, ev = store.record(EventInput("child_link", f"C{n:07d}", parent), "ravi", rules)
    # the durable point: record() returned, so the scan is confirmed to the operator
    sys.stdout.write(f"{ev.id} {ev.seq} {outcome.status.value}\\n")
    sys.stdout.flush()
    n += 1
"""


def test_sigkill_never_loses_a_confirmed_scan(tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    LocalStore(data_dir).close()  # create the file so the child only appends
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    confirmed: list[tuple[str, int]] = []
    kill_after = random.randint(20, 120)
    try:
        assert writer.stdout is not None
        while len(confirmed) < kill_after:
            line = writer.stdout.readline()
            assert line, writer.stderr.read() if writer.stderr else ""
            event_id, seq, status = line.split()
            assert status == "accepted"
            confirmed.append((event_id, int(seq)))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
        # lines printed before the kill landed in the pipe after we stopped reading
        assert writer.stdout is not None
        for line in writer.stdout.read().splitlines():
            parts = line.split()
            if len(parts) == 3:
                confirmed.append((parts[0], int(parts[1])))
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        for stream in (writer.stdout, writer.stderr):
            if stream is not None:
                stream.close()
    assert writer.returncode == -signal.SIGKILL
    local = LocalStore(data_dir)
    try:
        stored = {r.event.id: r.event.seq for r in local.events()}
        for event_id, seq in confirmed:
            assert stored.get(event_id) == seq
        seqs = sorted(stored.values())
        assert seqs == list(range(1, len(seqs) + 1))
        # after the crash the sequence goes on, never reusing a number
        ev = local.record(EventInput("parent_scan", "SB99999"), "ravi", Rules())[1]
        assert ev is not None
        assert ev.seq == len(seqs) + 1
    finally:
        local.close()


def test_uuid7_layout_and_monotonic() -> None:
    gen = UUID7Generator()
    ms = 1_764_000_000_000
    ids = [gen.new(ms) for _ in range(5000)]  # overflows the 12-bit counter within one ms
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(i.version == 7 and i.variant == uuid.RFC_4122 for i in ids)
    assert timestamp_ms(ids[0]) == ms
    back = gen.new(ms - 10_000)  # clock stepped back: still after the last id
    assert back > ids[-1]
    resumed = UUID7Generator(after=ids[-1]).new(ms)
    assert resumed > ids[-1]
