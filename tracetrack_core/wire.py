"""The one definition of an event on the wire: its fields, their kinds, limits and order.

:class:`WireEvent` declares the fields (docs/protocol.md#event-object); everything else is
derived from it: the upload's event object (:meth:`WireEvent.as_wire`), the station's outbox
columns and the JSON SQLite builds from them, the server's validation (:func:`decode_event`),
its OpenAPI schema, and the columns of its event log. Adding a field is one line in
:class:`WireEvent`, plus its column and migration on each side (CONTRIBUTING.md).
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
from types import MappingProxyType
from typing import Any, NamedTuple

import orjson

from tracetrack_core.codes import normalise
from tracetrack_core.events import MAX_DATA_BYTES, MAX_FIELD_LENGTH, MAX_TYPE_LENGTH, Reason
from tracetrack_core.roles import user_key

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
    USER = "user"  # a user name (no control characters; spelt as roles.user_key spells it)
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
    operator: str = _wire(Kind.USER, "who was logged in", limit=MAX_FIELD_LENGTH, default="")
    code: str = _wire(Kind.CODE, "the bag scanned", limit=MAX_FIELD_LENGTH, default="")
    parent: str = _wire(Kind.CODE, "its parent bag", limit=MAX_FIELD_LENGTH, default="")
    bill: str = _wire(Kind.CODE, "the bill it concerns", limit=MAX_FIELD_LENGTH, default="")
    data: Mapping[str, Any] = _wire(Kind.OBJECT, "its type's own values", limit=MAX_DATA_BYTES)

    def as_wire(self) -> dict[str, Any]:
        """The event object of an upload (docs/protocol.md#event-object)."""
        return {
            f.name: dict(value) if f.kind is Kind.OBJECT else value
            for f in EVENT_FIELDS
            for value in [getattr(self, f.name)]
        }


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
_AT = {name: i for i, name in enumerate(EVENT_FIELD_NAMES)}


class InvalidEventError(ValueError):
    """An event is malformed in itself: it is answered ``rejected`` with ``reason``."""

    def __init__(self, reason: Reason, message: str, field: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.field = field


class JsonText(bytes):
    """Encoded JSON, ready to store as it is."""

    __slots__ = ()


class DecodedEvent(NamedTuple):
    """An event that passed :func:`decode_event`: ``stored``, its fields in
    :data:`EVENT_FIELDS` order, normalised (codes folded, text trimmed, the id canonical) and
    in the forms a database takes (a time as an aware ``datetime``, an object as
    :class:`JsonText` without NUL); ``sent``, the event as it came."""

    sent: Mapping[str, Any]
    stored: tuple[Any, ...]

    def value(self, name: str) -> Any:
        """A field's normalised value as the wire carries it (a time as the text sent, an
        object as a mapping)."""
        at = _AT[name]
        kind = EVENT_FIELDS[at].kind
        if kind is Kind.TIME:
            return self.sent[name]
        if kind is Kind.OBJECT:
            return self.sent.get(name) or _NO_OBJECT
        return self.stored[at]

    @property
    def occurred(self) -> datetime:
        moment: datetime = self.stored[_AT["occurred_at"]]
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
    get = raw.get
    return DecodedEvent(
        raw, tuple([decode(f, get(name), earliest, latest) for name, f, decode in _DECODERS])
    )


def _id(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> str:
    try:
        return canonical_id(value)
    except ValueError:
        raise InvalidEventError(
            Reason.MISSING_FIELD, f"`{f.name}` must be a UUID.", f.name
        ) from None


def _seq(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> int:
    if type(value) is not int or not 0 <= value <= f.limit:  # bool is not a seq
        raise InvalidEventError(
            Reason.INVALID_FIELD, f"`{f.name}` must be a whole number ≥ 0.", f.name
        )
    return value


def _name(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidEventError(Reason.MISSING_FIELD, f"`{f.name}` is missing.", f.name)
    if len(value) > f.limit or not value.isprintable():
        raise InvalidEventError(
            Reason.INVALID_FIELD,
            f"`{f.name}` must be at most {f.limit} printable characters.",
            f.name,
        )
    return value


def _time(f: WireField, value: object, earliest: datetime, latest: datetime) -> datetime:
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
    return moment


def _text(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> str:
    if type(value) is str and len(value) <= f.limit and value.isascii() and value.isprintable():
        # nearly every value: no control characters, nothing to fold but the case
        if f.kind is Kind.TEXT:
            return value.strip()
        return value.strip().upper() if f.kind is Kind.CODE else value.strip().lower()
    if value is None:
        return ""
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
    elif f.kind is Kind.USER:
        text = user_key(value)
    else:
        text = value.strip()
    return text


def _object(f: WireField, value: object, _earliest: datetime, _latest: datetime) -> JsonText:
    if not value and (value is None or type(value) is dict):  # most events carry no data
        return _EMPTY_OBJECT
    if not isinstance(value, Mapping):
        raise InvalidEventError(Reason.INVALID_FIELD, f"`{f.name}` must be an object.", f.name)
    data = value if type(value) is dict else dict(value)
    if not data:
        return _EMPTY_OBJECT
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
    return JsonText(encoded)


_EMPTY_OBJECT = JsonText(b"{}")
_NO_OBJECT: Mapping[str, Any] = MappingProxyType({})
_Decoder = Callable[[WireField, Any, datetime, datetime], Any]
_DECODERS: tuple[tuple[str, WireField, _Decoder], ...] = tuple(
    (
        f.name,
        f,
        {
            Kind.ID: _id,
            Kind.SEQ: _seq,
            Kind.NAME: _name,
            Kind.TIME: _time,
            Kind.TEXT: _text,
            Kind.USER: _text,
            Kind.CODE: _text,
            Kind.OBJECT: _object,
        }[f.kind],
    )
    for f in EVENT_FIELDS
)
"""Each field with what checks and normalises it into its stored form."""


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
