"""Each bag's changes-feed item is made by PostgreSQL when the bag is written (a trigger,
migration 0011) and a pull sends it as it is. The item must be the bag as it is now, in the
shape the embedded SQLite's pulls build in Python from ``tracetrack_core.rules.BAG_FIELDS``:
if the fields change and the trigger is not made again, this fails."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from sync_server.services.feed import _BAGS
from tests.server.factories import event
from tests.server.test_feed_order import pull_until
from tests.server.test_ingest import post, station
from tracetrack_core.rules import BAG_FIELDS


def _stored(app: Any) -> dict[str, dict[str, Any]]:
    """Every bag's item as the embedded database's pull builds it, from the row as stored."""
    columns = ", ".join(("version", *BAG_FIELDS))
    with app.extensions["tracetrack"].engine.connect() as conn:
        rows = conn.execute(text(f"SELECT {columns} FROM bags")).all()
    return {item["key"]: item["data"] for item in (_BAGS.convert(row)[1] for row in rows)}


def test_a_pull_sends_each_bag_as_it_is_now_in_the_embedded_databases_shape(app, client) -> None:  # type: ignore[no-untyped-def]
    station_id, headers = station(app, "Packing A", area="north")
    answers = post(
        client,
        station_id,
        headers,
        [
            event("parent_scan", "SB00001"),
            *(event("child_link", f"KF{n:04d}", parent="SB00001") for n in range(3)),
            event("parent_scan", "SB00002"),
            event("child_link", "KF0100", parent="SB00002"),
        ],
    )
    assert {a["status"] for a in answers} == {"accepted"}
    bags, cursor = pull_until(client, headers, "0", {"SB00001", "KF0002", "KF0100"})
    assert bags == _stored(app)
    assert bags["SB00001"]["child_count"] == 3

    # changed again (an undo): the item follows the row
    answers = post(client, station_id, headers, [event("child_unlink", "KF0002", parent="SB00001")])
    assert [a["status"] for a in answers] == ["accepted"], answers
    changed, _ = pull_until(client, headers, cursor, {"SB00001", "KF0002"})
    assert changed["SB00001"]["child_count"] == 2
    assert changed == {code: data for code, data in _stored(app).items() if code in changed}
