"""Every shape of an event agrees with the one declaration (``tracetrack_core.wire.WireEvent``):
the station's outbox row and the wire JSON SQLite builds from it, the JSON Python builds, the
server's validation, its OpenAPI schema, and its event-log row as JSON and as COPY text.

Hostile values go through each shape in turn; what comes out must be what went in (as the
declaration normalises it), or a refusal that names the field. The same rows are stored in a
real PostgreSQL and SQLite by tests/server/test_ingest_contract.py.
"""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect

from sync_server.api.schemas import EventIn
from sync_server.db.event_log import EVENT_COLUMNS, copy_line, json_rows
from sync_server.db.models import Event
from tracetrack_core import rules as core
from tracetrack_core.codes import normalise
from tracetrack_core.roles import user_key
from tracetrack_core.wire import (
    EVENT_FIELD_NAMES,
    EVENT_FIELDS,
    InvalidEventError,
    JsonText,
    Kind,
    WireEvent,
    decode_event,
)
from tracetrack_desktop.storage import schema as station_schema
from tracetrack_desktop.storage.store import LocalStore

EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
LATEST = datetime.now(UTC) + timedelta(days=30)


def test_the_declaration_orders_every_shape() -> None:
    assert tuple(f.name for f in EVENT_FIELDS) == EVENT_FIELD_NAMES
    assert list(WireEvent("i", 1, "t", "o").as_wire()) == list(EVENT_FIELD_NAMES)
    schema = EventIn.model_json_schema()
    assert list(schema["properties"]) == list(EVENT_FIELD_NAMES)
    assert schema["required"] == [f.name for f in EVENT_FIELDS if f.required]
    for f in EVENT_FIELDS:
        if f.kind in (Kind.TEXT, Kind.USER, Kind.CODE):
            assert schema["properties"][f.name]["maxLength"] == f.limit
    assert EVENT_COLUMNS[: len(EVENT_FIELD_NAMES)] == EVENT_FIELD_NAMES
    assert set(EVENT_COLUMNS) == {c.name for c in inspect(Event).columns}
    assert set(EVENT_FIELD_NAMES) <= set(station_schema.events.c.keys())


hostile = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
"""Any text a JSON document can carry: quotes, backslashes, tabs, NUL, other scripts."""


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(hostile, hostile, hostile), min_size=1, max_size=4))
def test_hostile_values_survive_every_shape(values: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = LocalStore(Path(folder))
        try:
            for operator, code, text in values:
                # refused locally (no such parent): queued as scan_rejected, carrying all three
                store.record(
                    core.EventInput("child_link", code, parent=text, data={"note": text}),
                    operator,
                    core.Rules(),
                )
            batch = store.next_batch(100, 10**7)
        finally:
            store.close()
    assert len(batch) == len(values)
    for event in batch:
        wire = event.as_wire()
        assert event.encoded is not None  # built by SQLite from the outbox row
        from_sqlite = json.loads(event.encoded)
        assert list(from_sqlite) == list(EVENT_FIELD_NAMES)
        assert from_sqlite == json.loads(orjson.dumps(wire)) == wire
        _check_server_shapes(wire)


def _check_server_shapes(wire: dict[str, Any]) -> None:
    """The server's decoding of ``wire``, then its event-log row as JSON and as COPY text."""
    refusable = {  # what the declaration refuses, and why
        "operator": any(ord(ch) < 32 or ord(ch) == 127 for ch in wire["operator"]),
        "data": "\\u0000" in json.dumps(wire["data"]),  # PostgreSQL cannot store NUL
    }
    try:
        decoded = decode_event(wire, EARLIEST, LATEST)
    except InvalidEventError as refused:
        refusal = refused
    else:
        refusal = None
    if refusal is not None:
        assert refusable.get(refusal.field), refusal.message
        return
    assert not any(refusable.values())
    for f, stored in zip(EVENT_FIELDS, decoded.stored, strict=True):
        sent = wire[f.name]
        if f.kind is Kind.CODE:
            assert stored == normalise(sent)
        elif f.kind is Kind.TEXT:
            assert stored == sent.strip()
        elif f.kind is Kind.USER:
            assert stored == user_key(sent)
        elif f.kind is Kind.TIME:
            assert stored == datetime.fromisoformat(sent)
        elif f.kind is Kind.OBJECT:
            assert isinstance(stored, JsonText)
            assert orjson.loads(bytes(stored)) == json.loads(
                json.dumps(sent).replace("\\u0000", "\\\\u0000")
            )
        else:
            assert stored == sent
    server_part = ("st_1", LATEST, LATEST, "accepted", None, None, None, 0)
    row = (*decoded.stored, *server_part)
    [as_json] = json.loads(json_rows([row]))
    assert list(as_json) == list(EVENT_COLUMNS)
    assert _copy_fields(copy_line(row)) == [_as_text(v) for v in row]
    for f, stored in zip(EVENT_FIELDS, decoded.stored, strict=True):
        if f.kind in (Kind.TEXT, Kind.USER, Kind.CODE, Kind.NAME, Kind.ID):
            assert as_json[f.name] == stored


def _copy_fields(line: bytes) -> list[str | None]:
    """A COPY text line read back as PostgreSQL reads it (\\N is NULL; a raw newline or
    carriage return inside a field is an error there)."""
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    assert b"\r" not in line
    escapes = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
    fields: list[str | None] = []
    for raw in line[:-1].decode().split("\t"):
        if raw == "\\N":
            fields.append(None)
            continue
        out, i = [], 0
        while i < len(raw):
            if raw[i] == "\\":
                out.append(escapes[raw[i + 1]])
                i += 2
            else:
                out.append(raw[i])
                i += 1
        fields.append("".join(out))
    return fields


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, JsonText):
        return value.decode()
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
