"""The server's event log row: the wire fields (``tracetrack_core.wire``) and what the server
adds, in one order, and the encodings a batch's rows travel in.

A row is a tuple of values in :data:`EVENT_COLUMNS` order: text, whole numbers, aware
datetimes, ``None``, or :class:`~tracetrack_core.wire.JsonText` for the JSON columns. Each
writer turns it into what its database reads fastest; every encoding here is derived from the
one column order, so none can disagree with another.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import orjson

from tracetrack_core.wire import EVENT_FIELD_NAMES, JsonText

EVENT_COLUMNS: tuple[str, ...] = (
    *EVENT_FIELD_NAMES,
    "station_id",
    "received_at",
    "bucket_start",
    "status",
    "reason",
    "detail",
    "raw",
    "version",
)
"""The columns of ``events`` in the order of a row (the model and migration must hold each)."""

EventRow = tuple[Any, ...]


# -- COPY's text format --------------------------------------------------------------------

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NULL = "\\N"
_AS_TEXT: dict[type, Callable[[Any], str]] = {
    int: str,
    # most times in a batch repeat (its arrival, a few stats buckets)
    datetime: functools.lru_cache(maxsize=4096)(datetime.isoformat),
    JsonText: bytes.decode,
    type(None): lambda _: _NULL,
}


def copy_line(row: EventRow) -> bytes:
    """``row`` as one line of ``COPY events (EVENT_COLUMNS) FROM STDIN`` (text format:
    backslash, tab, newline and carriage return spelt out, ``\\N`` for NULL)."""
    texts = [v if type(v) is str else _AS_TEXT[type(v)](v) for v in row]
    line = "\t".join(texts)
    # nearly every row needs no escaping: its only tabs join fields and its only
    # backslashes start NULLs (three scans of the line instead of one per field)
    plain = line.count("\t") == len(row) - 1 and line.count("\\") == row.count(None)
    if not plain or "\n" in line or "\r" in line:
        line = "\t".join(
            [
                _NULL if v is None else t.translate(_COPY_ESCAPES)
                for v, t in zip(row, texts, strict=True)
            ]
        )
    return (line + "\n").encode()


COPY_EVENTS = f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN"


# -- JSON, for json_populate_recordset -----------------------------------------------------


def _json_default(value: object) -> Any:
    if isinstance(value, JsonText):
        return orjson.Fragment(bytes(value))
    raise TypeError(type(value).__name__)


def json_rows(rows: Sequence[EventRow]) -> str:
    """``rows`` as one JSON array of objects keyed by column (``json_populate_recordset``)."""
    objects = [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows]
    return orjson.dumps(objects, default=_json_default).decode()


# -- plain values, for an ORM/Core insert ------------------------------------------------


def column_values(row: EventRow) -> dict[str, Any]:
    """``row`` keyed by column, JSON decoded (for SQLAlchemy, which encodes it again)."""
    return {
        column: orjson.loads(bytes(value)) if isinstance(value, JsonText) else value
        for column, value in zip(EVENT_COLUMNS, row, strict=True)
    }
