"""The changes feed never skips a row, however transactions interleave (db/versions.py).

Writers take no lock for their feed version, so one that started first can commit last. A
cursor handed out while it was still running must not step over its rows.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import create_engine, select, text

from sync_server.db.models import Bag
from sync_server.db.versions import RECENT_XIDS, horizon, next_version
from tests.conftest import ADMIN_URL
from tests.server.factories import event
from tests.server.test_ingest import ctx, post, station


def pull_all(client: Any, headers: dict[str, str], cursor: str) -> tuple[dict[str, Any], str]:
    """Every bag change after ``cursor`` (the newest state of each), and the new cursor."""
    bags: dict[str, Any] = {}
    while True:
        body = client.get(f"/api/v1/sync/changes?since={cursor}&limit=7", headers=headers)
        assert body.status_code == 200, body.get_json()
        page = body.get_json()
        bags.update({c["key"]: c["data"] for c in page["changes"] if c["kind"] == "bag"})
        cursor = page["cursor"]
        if not page["more"]:
            return bags, cursor


def pull_until(
    client: Any, headers: dict[str, str], cursor: str, want: set[str]
) -> tuple[dict[str, Any], str]:
    """Pull after ``cursor`` until every bag of ``want`` has come (each newest state), and
    the new cursor. The feed may lag (a transaction still running anywhere in the cluster,
    such as another test's in its own database, holds the horizon back for a moment), never
    skip: a row a cursor stepped over would never come, and this fails after a minute."""
    bags: dict[str, Any] = {}
    deadline = time.monotonic() + 60
    while True:
        page, cursor = pull_all(client, headers, cursor)
        bags.update(page)
        if want <= bags.keys():
            return bags, cursor
        assert time.monotonic() < deadline, f"never pulled: {sorted(want - bags.keys())}"
        time.sleep(0.05)


def test_a_writer_that_commits_last_is_not_skipped(app, client) -> None:
    _, ha = station(app, "A")
    b, hb = station(app, "B")
    _, cursor = pull_all(client, ha, "0")

    slow = ctx(app).sessions()
    slow.begin()
    now = datetime.now(UTC)
    slow.add(
        Bag(
            code="SB09999",
            kind="parent",
            created_at=now,
            updated_at=now,
            version=next_version(slow),
        )
    )
    slow.flush()  # written, not committed: its version is older than what follows
    try:
        post(client, b, hb, [event("parent_scan", "SB00001")])  # commits first
        seen, cursor = pull_all(client, ha, cursor)
        assert "SB09999" not in seen  # not committed yet, so not readable
        slow.commit()
    finally:
        slow.close()

    later, cursor = pull_until(client, ha, cursor, {"SB09999"} | ({"SB00001"} - seen.keys()))
    assert "SB09999" in later  # the late commit still arrives
    assert set(seen) | set(later) == {"SB00001", "SB09999"}
    assert pull_all(client, ha, cursor)[0] == {}


def test_concurrent_writers_and_a_reader_end_with_the_database_state(app) -> None:
    readers_station, reader_headers = station(app, "Reader")
    writers = [station(app, f"W{i}") for i in range(4)]
    stop = threading.Event()
    failures: list[BaseException] = []

    def write(index: int) -> None:
        client = app.test_client()
        station_id, headers = writers[index]
        try:
            for p in range(6):
                parent = f"SB{index}{p:04d}"
                post(client, station_id, headers, [event("parent_scan", parent)])
                kids = [event("child_link", f"K{index}{p}{c:03d}", parent=parent) for c in range(5)]
                post(client, station_id, headers, kids)
        except BaseException as exc:
            failures.append(exc)

    mirror: dict[str, Any] = {}
    cursor = "0"

    def read() -> None:
        nonlocal cursor
        client = app.test_client()
        try:
            while not stop.is_set():
                bags, cursor = pull_all(client, reader_headers, cursor)
                mirror.update(bags)
        except BaseException as exc:
            failures.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(writers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    reader.join()
    assert not failures, failures
    with ctx(app).sessions() as session:
        truth = {b.code: (b.parent, b.child_count) for b in session.scalars(select(Bag))}
    bags, cursor = pull_until(
        app.test_client(), reader_headers, cursor, truth.keys() - mirror.keys()
    )
    mirror.update(bags)
    assert len(truth) == 4 * 6 * 6
    assert {k: (v["parent"], v["child_count"]) for k, v in mirror.items()} == truth
    assert readers_station


def test_a_station_gets_the_bags_of_its_own_area(app, client) -> None:
    lucknow, hl = station(app, "L1", "Lucknow")
    indore, hi = station(app, "I1", "Indore")
    _, hn = station(app, "N1", "")
    post(client, lucknow, hl, [event("parent_scan", "SB00001")])
    post(client, indore, hi, [event("parent_scan", "SB00002")])
    # Indore links a child into Lucknow's parent: the parent's home stays Lucknow, and the
    # child's home is Indore
    post(client, indore, hi, [event("child_link", "KCROSS01", parent="SB00001")])

    everything = {"SB00001", "SB00002", "KCROSS01"}
    assert pull_until(client, hn, "0", everything)[0].keys() == everything
    assert pull_all(client, hl, "0")[0].keys() == {"SB00001"}
    assert pull_all(client, hl, "0")[0]["SB00001"]["child_count"] == 1
    assert pull_all(client, hi, "0")[0].keys() == {"SB00002", "KCROSS01"}


def test_pages_of_an_area_hold_its_own_and_the_homeless_bags_each_once(app, client) -> None:
    """A station's bags come from two ordered reads (its area's, and those without one)
    merged into pages; paging through them interleaved misses and repeats nothing."""
    lucknow, hl = station(app, "L1", "Lucknow")
    indore, hi = station(app, "I1", "Indore")
    homeless, hn = station(app, "N1", "")
    expected: set[str] = set()
    for i in range(12):  # interleaved versions: each page cuts across both reads
        post(client, lucknow, hl, [event("parent_scan", f"SB1{i:04d}")])
        post(client, homeless, hn, [event("parent_scan", f"SB2{i:04d}")])
        post(client, indore, hi, [event("parent_scan", f"SB3{i:04d}")])
        expected |= {f"SB1{i:04d}", f"SB2{i:04d}"}
        if i == 5:  # a cursor taken half-way, then the rest on top
            first, cursor = pull_until(client, hl, "0", set(expected))
    rest, _ = pull_until(client, hl, cursor, expected - first.keys())
    assert first.keys() == {c for c in expected if int(c[3:]) <= 5}
    assert first.keys() | rest.keys() == expected
    assert not first.keys() & rest.keys()


def test_a_long_transaction_in_another_database_does_not_stall_the_feed(app, client) -> None:
    """Transaction ids are shared by the whole cluster: a bulk load writing in another
    database for minutes must not hold every station's feed back."""
    _, ha = station(app, "A")
    b, hb = station(app, "B")
    _, cursor = pull_all(client, ha, "0")
    elsewhere = create_engine(ADMIN_URL)  # the cluster's `test` database, not the app's
    try:
        with elsewhere.connect() as other, elsewhere.connect() as busy:
            other.execute(text("SELECT pg_current_xact_id()"))  # it now holds a transaction id
            for _ in range(RECENT_XIDS + 1):  # and is no longer recent: others began since
                busy.execute(text("SELECT pg_current_xact_id()"))
                busy.commit()
            post(client, b, hb, [event("parent_scan", "SB00001")])
            # not held back by the other database's writer: it stays open all the while
            pull_until(client, ha, cursor, {"SB00001"})
            with ctx(app).sessions() as session:
                version = session.scalar(select(Bag.version).where(Bag.code == "SB00001"))
                assert version <= horizon(session)
            other.rollback()
    finally:
        elsewhere.dispose()
