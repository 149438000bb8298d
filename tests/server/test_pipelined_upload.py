"""Two batches of one station in flight at once still take effect in the station's order.

A station sends its next batch before the last one is answered, naming that one's last event
(``after_event``); the server applies it only once that event is stored (services/ingest.py).
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from sqlalchemy import func, select

from sync_server.db.ingest_pg import COPY_AT
from sync_server.db.models import Bag, Event
from tests.server.factories import batch, children, event
from tests.server.test_ingest import ctx, post, station


def _events_stored(app: Any) -> int:
    with ctx(app).sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Event)) or 0)


def test_a_batch_that_arrives_before_the_one_it_follows_waits_for_it(app) -> None:
    station_id, headers = station(app)
    kids = children(31)
    first = [event("parent_scan", "SB00042")] + [
        event("child_link", kid, parent="SB00042") for kid in kids[:30]
    ]
    second = [event("child_link", kids[30], parent="SB00042")]  # one too many, if after first
    answers: dict[str, Any] = {}

    def send_second() -> None:
        answers["second"] = app.test_client().post(
            "/api/v1/sync/events",
            json=batch(station_id, second, after_event=first[-1]["id"]),
            headers=headers,
        )

    sender = threading.Thread(target=send_second)
    sender.start()
    time.sleep(0.3)  # the second batch is now waiting: the first has not arrived
    assert "second" not in answers
    results = post(app.test_client(), station_id, headers, first)
    sender.join()

    assert [r["status"] for r in results] == ["accepted"] * 31
    reply = answers["second"]
    assert reply.status_code == 200, reply.get_json()
    (late,) = reply.get_json()["results"]
    # applied after the first batch, as the station scanned them: the parent was full
    assert (late["status"], late["reason"]) == ("conflict", "parent_completed")
    with ctx(app).sessions() as session:
        parent = session.get(Bag, "SB00042")
        assert parent is not None
        assert (parent.child_count, parent.status) == (30, "completed")


def test_a_batch_whose_predecessor_never_arrives_is_refused_and_nothing_is_written(app) -> None:
    station_id, headers = station(app)
    reply = app.test_client().post(
        "/api/v1/sync/events",
        json=batch(station_id, [event("parent_scan", "SB00077")], after_event=str(uuid.uuid4())),
        headers=headers,
    )
    assert reply.status_code == 409
    assert reply.get_json()["error"]["code"] == "out_of_order"
    assert _events_stored(app) == 0


def test_an_id_already_stored_is_a_duplicate_even_above_the_stations_highest_seq(app) -> None:
    """Ingest skips the id lookup for a batch wholly above its station's highest seq; an id
    stored some other way (here by another station) must still answer duplicate, once."""
    a_id, a_headers = station(app, "A")
    b_id, b_headers = station(app, "B")
    shared = event("parent_scan", "SB00010", seq=5)
    assert post(app.test_client(), a_id, a_headers, [shared])[0]["status"] == "accepted"

    again = {**shared, "seq": 100}
    fresh = event("parent_scan", "SB00011", seq=101)
    results = post(app.test_client(), b_id, b_headers, [again, fresh])
    assert [r["status"] for r in results] == ["duplicate", "accepted"]
    assert _events_stored(app) == 2


def test_a_big_batch_meeting_a_stored_id_in_an_early_chunk_runs_again_and_takes_effect_once(
    app,
) -> None:
    """A batch above ``EVENT_CHUNK`` events sends its event rows ahead in chunks while its
    rules run on; a key clash in such a chunk fails the batch as a whole, which runs again."""
    a_id, a_headers = station(app, "A")
    b_id, b_headers = station(app, "B")
    shared = event("parent_scan", "SB00020", seq=5)
    assert post(app.test_client(), a_id, a_headers, [shared])[0]["status"] == "accepted"

    parents = [f"SB{30 + n:05d}" for n in range(40)]
    big = [{**shared, "seq": 100}]  # in the first chunk, above B's highest seq: not probed
    for parent in parents:
        big.append(event("parent_scan", parent))
        big += [event("child_link", f"K{parent[2:]}{n:02d}", parent=parent) for n in range(30)]
    assert len(big) > 2 * COPY_AT
    results = post(app.test_client(), b_id, b_headers, big)

    assert [r["status"] for r in results].count("duplicate") == 1
    assert results[0]["status"] == "duplicate"
    assert all(r["status"] == "accepted" for r in results[1:])
    assert _events_stored(app) == len(big)  # A's one, and B's others once
    with ctx(app).sessions() as session:
        full = session.scalars(select(Bag).where(Bag.code.in_(parents))).all()
        assert sorted((b.child_count, b.status) for b in full) == [(30, "completed")] * 40
