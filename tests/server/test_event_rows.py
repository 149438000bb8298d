"""Every event is stored as it was sent, whichever way its batch's rows travel.

A batch above ``EVENT_CHUNK`` events streams its event rows to PostgreSQL's ``COPY`` (text
format, where a backslash, tab or newline must be spelt out); a smaller one sends them as one
JSON recordset. Hostile text must come back unchanged from either.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from sync_server.db.models import Event
from sync_server.services import ingest
from tests.server.factories import event
from tests.server.test_ingest import ctx, post, station

NOTE = 'tab\there "quoted" back\\slash \\n not a newline ✓ ठाणे \\\\ end'
OPERATOR = 'ravi \\ "Ω"\u00a0'


def _hostile(parent: str) -> list[dict[str, Any]]:
    """Events whose text needs escaping in COPY's format, accepted and refused."""
    no_time = event("parent_scan", "SB77000", data={"x": "a\tb\\c"})
    del no_time["occurred_at"]
    return [
        event(
            "parent_scan",
            parent,
            operator=OPERATOR,
            data={"note": NOTE, "nested": {"a": [1, None, "x\ny\\z"]}},
        ),
        {**event("child_link", "AB\\CD", parent=parent), "type": "bogus\ttype\\x\nline"},
        event("child_link", "BAD\\CODE", parent=parent, operator=OPERATOR),
        no_time,
        event("parent_scan", "SB77001", data={"n": "a\x00b"}),
    ]


def _stored(app: Any, station_id: str) -> list[Event]:
    with ctx(app).sessions() as session:
        rows = session.scalars(
            select(Event).where(Event.station_id == station_id).order_by(Event.seq)
        ).all()
        session.expunge_all()
        return list(rows)


@pytest.mark.parametrize("big", [True, False], ids=["copy", "json"])
def test_hostile_text_is_stored_as_sent_whichever_way_rows_travel(app, big: bool) -> None:
    station_id, headers = station(app, "A")
    client = app.test_client()
    parent = "SB7700" + ("2" if big else "3")
    sent = _hostile(parent)
    if big:  # padded past one chunk: its rows go by COPY
        pad = [event("parent_scan", f"SB{n:05d}") for n in range(ingest.EVENT_CHUNK)]
        results = post(client, station_id, headers, pad + sent)[len(pad) :]
    else:  # one at a time: each upload's rows go as JSON with the rest of its write
        results = [post(client, station_id, headers, [one])[0] for one in sent]

    assert [(r["status"], r.get("reason")) for r in results] == [
        ("accepted", None),
        ("rejected", "unknown_type"),
        ("rejected", "invalid_code"),
        ("rejected", "bad_timestamp"),
        ("rejected", "invalid_field"),
    ]
    stored = {str(e.id): e for e in _stored(app, station_id)}
    first, unknown, bad_code, no_time, nul = (stored[e["id"]] for e in sent)

    assert first.operator == OPERATOR.strip()
    assert first.data == {"note": NOTE, "nested": {"a": [1, None, "x\ny\\z"]}}
    assert first.detail is not None
    assert first.detail["new"] is True
    assert (first.raw, first.reason) == (None, None)

    assert unknown.type == "bogus\ttype\\x\nline"
    assert unknown.code == "AB\\CD"
    assert unknown.raw == sent[1]  # a rejected event is kept as sent, too

    assert (bad_code.code, bad_code.parent, bad_code.operator) == (
        "BAD\\CODE",
        parent,
        'ravi \\ "Ω"',
    )
    assert bad_code.detail == {"code": "BAD\\CODE"}
    assert bad_code.raw == sent[2]

    assert no_time.raw == sent[3]
    assert no_time.raw["data"] == {"x": "a\tb\\c"}
    assert no_time.type == "parent_scan"

    assert nul.raw is not None
    assert nul.raw["data"] == {"n": "a\\u0000b"}
    for row in (first, unknown, bad_code, nul):  # each counted in its own 15 minutes
        start = row.occurred_at.replace(minute=row.occurred_at.minute // 15 * 15, second=0)
        assert row.bucket_start == start.replace(microsecond=0)
    assert no_time.occurred_at == no_time.received_at  # no time of its own: when it came
