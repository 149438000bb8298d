"""Two batches touching the same bags at once, on PostgreSQL: first committed wins, once.

A batch row-locks the bags and bills it reads; a bag or bill it creates is claimed by the
primary key, so a batch that meets another's insert of the same code runs again against what
that one committed (services/ingest.py).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from sync_server.db.ingest_pg import PgIngestStore
from sync_server.db.models import Bag
from sync_server.services import ingest
from tests.server.factories import event
from tests.server.test_ingest import ctx, station


def _ingest(app: Any, station_id: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with ctx(app).sessions() as session:
        outcome = ingest.ingest_batch(
            session,
            ingest.BatchInput(station_id=station_id, sent_at=datetime.now(UTC), events=events),
        )
    return [r.as_json() for r in outcome.results]


def _bag(app: Any, code: str) -> Bag:
    with ctx(app).sessions() as session:
        bag = session.get(Bag, code)
        assert bag is not None
        return bag


@pytest.mark.postgres
def test_a_child_another_station_creates_between_read_and_write_is_won_by_that_station(
    app, monkeypatch
) -> None:
    a_id, _ = station(app, "A")
    b_id, _ = station(app, "B")
    _ingest(app, a_id, [event("parent_scan", "SB00090")])
    _ingest(app, b_id, [event("parent_scan", "SB00091")])
    real_write = PgIngestStore.write
    raced: list[list[dict[str, Any]]] = []
    writes = 0

    def write_after_a_rival(self: PgIngestStore, *args: Any, **kwargs: Any) -> None:
        nonlocal writes
        writes += 1
        if writes == 1:  # B links the same new child and commits after A read it as new
            raced.append(_ingest(app, b_id, [event("child_link", "KID0090", parent="SB00091")]))
        real_write(self, *args, **kwargs)

    monkeypatch.setattr(PgIngestStore, "write", write_after_a_rival)
    [mine] = _ingest(app, a_id, [event("child_link", "KID0090", parent="SB00090")])

    assert raced[0][0]["status"] == "accepted"
    assert writes == 3  # A's first run met B's child at its insert, and ran again
    assert (mine["status"], mine["reason"]) == ("conflict", "child_in_other_parent")
    assert mine["detail"]["current_parent"] == "SB00091"
    assert _bag(app, "KID0090").parent == "SB00091"
    assert (_bag(app, "SB00090").child_count, _bag(app, "SB00091").child_count) == (0, 1)


@pytest.mark.postgres
def test_a_batch_reads_a_bag_being_changed_only_once_that_change_commits(app) -> None:
    a_id, _ = station(app, "A")
    kids = [f"KID00{n:02d}" for n in range(30)]
    _ingest(
        app,
        a_id,
        [event("parent_scan", "SB00095")]
        + [event("child_link", kid, parent="SB00095") for kid in kids[:29]],
    )
    answers: list[list[dict[str, Any]]] = []
    with ctx(app).sessions() as rival, rival.begin():
        # another writer holds the parent's row and fills it, and has not committed yet
        rival.execute(select(Bag).where(Bag.code == "SB00095").with_for_update())
        rival.execute(
            update(Bag).where(Bag.code == "SB00095").values(child_count=30, status="completed")
        )
        sender = threading.Thread(
            target=lambda: answers.append(
                _ingest(app, a_id, [event("child_link", "KID0099", parent="SB00095")])
            )
        )
        sender.start()
        time.sleep(0.5)
        assert not answers  # waiting for the parent's row
    sender.join(timeout=30)

    [late] = answers[0]
    # it saw the committed parent: full, so the child is refused rather than a 31st linked
    assert (late["status"], late["reason"]) == ("conflict", "parent_completed")
    assert _bag(app, "SB00095").child_count == 30
