"""The one definition of an event on the wire: its fields, their kinds, limits and order.

:class:`WireEvent` declares the fields (docs/protocol.md#event); everything else is derived
from it: the upload's event object (:meth:`WireEvent.as_wire`), the station's outbox columns
and the JSON SQLite builds from them, the server's validation (:func:`decode_event`), its
OpenAPI schema, and the columns of its event log. Adding a field is one line in
:class:`WireEvent` (plus a migration on each side).
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields
from dataclasses import field as dataclass_field
from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson

from tracetrack_core.codes import normalise
from tracetrack_core.events import MAX_DATA_BYTES, MAX_FIELD_LENGTH, MAX_TYPE_LENGTH, Reason

MAX_SEQ = 2**62
"""Highest ``seq`` an event may carry (far above any station's lifetime, and below 2**63:
a bigint column and a JSON number reader both hold it)."""


class Kind(StrEnum):
    """What a field holds, which says how it is checked, normalised and stored."""

    ID = "id"  # a UUID, stored as its canonical text
    SEQ = "seq"  # a whole number, 0 to MAX_SEQ
    NAME = "name"  # a short printable name (the event type)
    TIME = "time"  # ISO 8601 with a UTC offset
    TEXT = "text"  # free text (trimmed, no control characters)
    CODE = "code"  # a bag code or bill id (normalised: codes.normalise)
    OBJECT = "object"  # a JSON object


@dataclass(frozen=True)
class WireField:
    """One field of :class:`WireEvent`, as its declaration says."""

    name: str
    kind: Kind
    limit: int  # most characters (text), encoded bytes (object) or highest value (seq); 0: none
    required: bool
    doc: str


def _wire(kind: Kind, doc: str, *, limit: int = 0, default: Any = None) -> Any:
    """A :class:`WireEvent` field: its kind, limit and description ride in its metadata."""
    meta = {"kind": kind, "limit": limit, "doc": doc}
    if kind is Kind.OBJECT:
        return dataclass_field(default_factory=dict, metadata=meta)
    if default is None:
        return dataclass_field(metadata=meta)
    return dataclass_field(default=default, metadata=meta)


@dataclass(frozen=True)
class WireEvent:
    """An event as a station sends it (JSON types: times as the ISO text the station wrote)."""

    id: str = _wire(Kind.ID, "idempotency key (UUIDv7 recommended)")
    seq: int = _wire(Kind.SEQ, "strictly increasing per station", limit=MAX_SEQ)
    type: str = _wire(Kind.NAME, "what happened (an EventType)", limit=MAX_TYPE_LENGTH)
    occurred_at: str = _wire(Kind.TIME, "station clock, with its UTC offset; never rewritten")
    operator: str = _wire(Kind.TEXT, "who was logged in", limit=MAX_FIELD_LENGTH, default="")
    code: str = _wire(Kind.CODE, "the bag scanned", limit=MAX_FIELD_LENGTH, default="")
    parent: str = _wire(Kind.CODE, "its parent bag", limit=MAX_FIELD_LENGTH, default="")
    bill: str = _wire(Kind.CODE, "the bill it concerns", limit=MAX_FIELD_LENGTH, default="")
    data: Mapping[str, Any] = _wire(Kind.OBJECT, "its type's own values", limit=MAX_DATA_BYTES)

    def as_wire(self) -> dict[str, Any]:
        """The event object of an upload (docs/protocol.md#event)."""
        return {f.name: getattr(self, f.name) for f in EVENT_FIELDS} | {"data": dict(self.data)}


EVENT_FIELDS: tuple[WireField, ...] = tuple(
    WireField(
        f.name,
        f.metadata["kind"],
        f.metadata["limit"],
        f.default is MISSING and f.default_factory is MISSING,
        f.metadata["doc"],
    )
    for f in fields(WireEvent)
)
"""The fields of an event in their wire (and storage) order."""

EVENT_FIELD_NAMES = tuple(f.name for f in EVENT_FIELDS)
_OCCURRED = EVENT_FIELD_NAMES.index("occurred_at")


class InvalidEventError(ValueError):
    """An event is malformed in itself: it is answered ``rejected`` with ``reason``."""

    def __init__(self, reason: Reason, message: str, field: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.field = field


class JsonText(bytes):
    """Encoded JSON, ready to store as it is."""


@dataclass(frozen=True)
class DecodedEvent:
    """An event that passed :func:`decode_event`: ``values``, its fields normalised (codes
    folded, text trimmed, the id canonical), and ``stored``, the same values in
    :data:`EVENT_FIELDS` order in the forms a database takes (a time as an aware
    ``datetime``, an object as :class:`JsonText` without NUL)."""

    values: Mapping[str, Any]
    stored: tuple[Any, ...]

    @property
    def event(self) -> WireEvent:
        return WireEvent(**self.values)

    @property
    def occurred(self) -> datetime:
        moment: datetime = self.stored[_OCCURRED]
        return moment


_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def canonical_id(value: object) -> str:
    """An event id as canonical UUID text (any spelling ``uuid.UUID`` reads); ValueError if
    it is not one."""
    if not isinstance(value, str):
        raise ValueError("not a string")
    return value if _CANONICAL_ID.fullmatch(value) else str(uuid.UUID(value))


def decode_event(raw: Mapping[str, Any], earliest: datetime, latest: datetime) -> DecodedEvent:
    """Check ``raw`` against :class:`WireEvent` and normalise it; ``occurred_at`` must lie
    within ``[earliest, latest]``.

    Raises:
        InvalidEventError: the first field that is missing or malformed.
    """
    values: dict[str, Any] = {}
    stored: list[Any] = []
    for f, decode in _DECODERS:
        values[f.name], value = decode(f, raw.get(f.name), earliest, latest)
        stored.append(value)
    return DecodedEvent(values, tuple(stored))


def _id(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> tuple[str, str]:
    try:
        canonical = canonical_id(value)
    except ValueError:
        raise InvalidEventError(
            Reason.MISSING_FIELD, f"`{f.name}` must be a UUID.", f.name
        ) from None
    return canonical, canonical


def _seq(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> tuple[int, int]:
    if type(value) is not int or not 0 <= value <= f.limit:  # bool is not a seq
        raise InvalidEventError(
            Reason.INVALID_FIELD, f"`{f.name}` must be a whole number ≥ 0.", f.name
        )
    return value, value


def _name(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> tuple[str, str]:
    if not isinstance(value, str) or not value:
        raise InvalidEventError(Reason.MISSING_FIELD, f"`{f.name}` is missing.", f.name)
    if len(value) > f.limit or not value.isprintable():
        raise InvalidEventError(
            Reason.INVALID_FIELD,
            f"`{f.name}` must be at most {f.limit} printable characters.",
            f.name,
        )
    return value, value


def _time(
    f: WireField, value: object, earliest: datetime, latest: datetime
) -> tuple[str, datetime]:
    try:
        if not isinstance(value, str):
            raise ValueError
        moment = datetime.fromisoformat(value)  # Python 3.11 reads a "Z" too
    except ValueError:
        raise InvalidEventError(
            Reason.BAD_TIMESTAMP, f"`{f.name}` must be an ISO 8601 time.", f.name
        ) from None
    if moment.tzinfo is None:  # else a fixed offset (all fromisoformat gives)
        raise InvalidEventError(Reason.BAD_TIMESTAMP, f"`{f.name}` needs a UTC offset.", f.name)
    if not earliest <= moment <= latest:
        raise InvalidEventError(
            Reason.BAD_TIMESTAMP, f"`{f.name}` {value} is not a plausible time.", f.name
        )
    return value, moment  # as the station wrote it, and the moment it names


def _text(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> tuple[str, str]:
    if type(value) is str and len(value) <= f.limit and value.isascii() and value.isprintable():
        # nearly every value: no control characters, nothing to fold but the case of a code
        text = value.strip().upper() if f.kind is Kind.CODE else value.strip()
        return text, text
    if value is None:
        return "", ""
    if not isinstance(value, str):
        raise InvalidEventError(Reason.INVALID_FIELD, f"`{f.name}` must be a string.", f.name)
    if len(value) > f.limit:
        raise InvalidEventError(
            Reason.INVALID_FIELD, f"`{f.name}` is longer than {f.limit} characters.", f.name
        )
    if f.kind is Kind.CODE:
        text = normalise(value)
    elif any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise InvalidEventError(
            Reason.INVALID_FIELD, f"`{f.name}` contains control characters.", f.name
        )
    else:
        text = value.strip()
    return text, text


def _object(
    f: WireField, value: object, _earliest: datetime, _latest: datetime
) -> tuple[dict[str, Any], JsonText]:
    if value is None:
        return {}, JsonText(b"{}")
    if not isinstance(value, Mapping):
        raise InvalidEventError(Reason.INVALID_FIELD, f"`{f.name}` must be an object.", f.name)
    data = value if type(value) is dict else dict(value)
    if not data:
        return data, JsonText(b"{}")
    try:
        encoded = orjson.dumps(storable(data))
    except (TypeError, RecursionError, orjson.JSONEncodeError):  # nested too deep, huge ints
        raise InvalidEventError(
            Reason.INVALID_FIELD, f"`{f.name}` cannot be stored (nested too deeply?).", f.name
        ) from None
    if len(encoded) > f.limit or b"\\\\u0000" in encoded:
        raise InvalidEventError(
            Reason.INVALID_FIELD,
            f"`{f.name}` must be under {f.limit} bytes, without NUL characters.",
            f.name,
        )
    return data, JsonText(encoded)


_Decoder = Callable[[WireField, Any, datetime, datetime], tuple[Any, Any]]
_DECODERS: tuple[tuple[WireField, _Decoder], ...] = tuple(
    (
        f,
        {
            Kind.ID: _id,
            Kind.SEQ: _seq,
            Kind.NAME: _name,
            Kind.TIME: _time,
            Kind.TEXT: _text,
            Kind.CODE: _text,
            Kind.OBJECT: _object,
        }[f.kind],
    )
    for f in EVENT_FIELDS
)
"""Each field with what checks and normalises it: (the value as sent on, as stored)."""


def storable(value: Any) -> Any:
    """A copy of a JSON value that every database stores: NUL (which PostgreSQL text cannot
    hold) spelt out, and numbers JSON has no word for (NaN, infinities) as text."""
    if isinstance(value, str):
        return value.replace("\x00", "\\u0000")
    if isinstance(value, Mapping):
        return {str(storable(k)): storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value
