"""Ingest: apply a station's batch exactly once, under the shared bag rules, in one transaction.

How exactly-once holds (see docs/conflicts.md):

* An event id is the primary key of ``events``; an id already stored answers ``duplicate``
  and changes nothing (its original outcome is returned under ``detail.original``).
* A batch takes its station's transaction-scoped lock, then reads its bags and bills with row
  locks (in key order); one it creates is claimed by the primary key, and a batch that meets
  another's insert of the same code runs again. Two uploads of the same events, or two stations
  racing for one child, therefore take effect one after the other, whatever process they arrive
  at; the second sees what the first committed.
* The conflict rule is *first committed wins*: the event applied first takes the child or
  the bill slot; a later contrary event is stored as ``conflict`` naming what it lost to.
* State, event log, stat buckets and the station's sync record are written with a few
  bulk statements and committed together, so a batch is all or nothing.
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
import time
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import ARRAY, Table, Uuid, any_, bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.db.models import (
    STAT_COLUMNS,
    Bag,
    Bill,
    Event,
    ReturnRecord,
    Setting,
    StatBucket,
    Station,
)
from sync_server.db.session import copying, read_planned, run_on_driver
from sync_server.services.versions import PG_VERSION_SQL, next_version
from tracetrack_core import rules as core
from tracetrack_core.codes import CodeRules, normalise
from tracetrack_core.events import Reason, Status

BUCKET_SECONDS = 15 * 60
SKEW_CORRECTION_SECONDS = 120
MAX_DATA_BYTES = 4096
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)


class BatchError(Exception):
    """The batch cannot be taken as a whole (nothing of it is written); ``status`` is the
    HTTP status that says so (400: it cannot be read; 409: not yet, see ``after_event``)."""

    def __init__(self, code: str, message: str, *, status: int = 400, **detail: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.detail = detail


class _NotYetError(Exception):
    """The batch's ``after_event`` is not stored yet (its batch is still on its way)."""


@dataclass(frozen=True)
class IngestSettings:
    max_clock_skew_hours: int = 24 * 30
    order_wait_s: float = 2.0
    """How long a batch sent with ``after_event`` waits for that event's batch before it is
    answered ``409 out_of_order``."""


@dataclass(frozen=True)
class BatchInput:
    station_id: str
    sent_at: datetime
    events: Sequence[Mapping[str, Any]]
    pending: int | None = None
    oldest_pending_at: datetime | None = None
    after_event: uuid.UUID | None = None
    """Apply this batch only once this event is stored: a station sending a batch before the
    one ahead of it is answered names the last event of that one, so its batches take effect
    in its order whichever reaches a worker first."""


@dataclass
class Result:
    id: str
    status: Status
    reason: str | None = None
    detail: dict[str, Any] | None = None
    message: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status.value}
        if self.reason:
            out["reason"] = self.reason
        if self.detail:
            out["detail"] = self.detail
        if self.message:
            out["message"] = self.message
        return out


@dataclass
class IngestOutcome:
    results: list[Result]
    server_time: datetime
    counts: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "results": [r.as_json() for r in self.results],
            "server_time": self.server_time.isoformat().replace("+00:00", "Z"),
            "accepted": self.counts.get("accepted", 0),
            "duplicates": self.counts.get("duplicate", 0),
            "conflicts": self.counts.get("conflict", 0),
            "rejected": self.counts.get("rejected", 0),
            "after_event": True,  # this server honours after_event (stations may pipeline)
        }


@dataclass
class _Parsed:
    """One event after shape checks: either ``event`` is set, or ``rejection`` is."""

    index: int
    id: str  # the UUID in its canonical text (lower case, hyphens)
    seq: int
    raw: Mapping[str, Any]
    event: core.EventInput | None = None
    occurred_at: datetime | None = None
    operator: str = ""
    rejection: core.Outcome | None = None
    data_json: str = "{}"
    bucket: int = 0  # the start of its stats bucket (seconds since the epoch)
    head: bytes = b""  # its event row but for the outcome (see _RowFormat)


def _sanitize(value: Any) -> Any:
    """A copy safe to store in any database (NUL is not storable in PostgreSQL text)."""
    if isinstance(value, str):
        return value.replace("\x00", "\\u0000")
    if isinstance(value, Mapping):
        return {str(_sanitize(k)): _sanitize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitize(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _json_bytes(value: Any) -> bytes:
    """``value`` as JSON safe to store (NUL escapes are stored spelt out)."""
    try:
        encoded = orjson.dumps(value, default=str)
        if b"\\u0000" in encoded:
            encoded = orjson.dumps(_sanitize(value), default=str)
    except (TypeError, RecursionError):  # nested deeper than any encoder goes
        return orjson.dumps({"unstorable": "nested too deeply to store"})
    return encoded


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _parse_ids(raw_events: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every event's id as canonical UUID text (any spelling ``uuid.UUID`` reads is taken)."""
    ids = []
    canonical = _CANONICAL_UUID.fullmatch
    for index, raw in enumerate(raw_events):
        value = raw.get("id") if isinstance(raw, Mapping) else None
        try:
            if not isinstance(value, str):
                raise ValueError
            ids.append(value if canonical(value) else str(uuid.UUID(value)))
        except ValueError:
            raise BatchError(
                "invalid_event_id",
                f"Event {index} has no valid UUID `id`; every event needs one so it can be "
                "answered. Fix it or split the batch.",
                index=index,
            ) from None
    return ids


def _text_field(raw: Mapping[str, Any], key: str, *, as_code: bool) -> str:
    value = raw.get(key, "")
    if type(value) is str and len(value) <= 200 and value.isascii() and value.isprintable():
        # nearly every field: printable ASCII is unchanged by NFKC, has no marks to strip and
        # no control characters
        return value.strip().upper() if as_code else value.strip()
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"`{key}` must be a string")
    if len(value) > 200:
        raise ValueError(f"`{key}` is longer than 200 characters")
    if as_code:
        return normalise(value)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(f"`{key}` contains control characters")
    return value.strip()


def _text_fields(raw: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """An event's code, parent and bill (as codes) and operator; ValueError names a bad one."""
    code, parent = raw.get("code", ""), raw.get("parent", "")
    bill, operator = raw.get("bill", ""), raw.get("operator", "")
    if type(code) is str and type(parent) is str and type(bill) is str and type(operator) is str:
        joined = code + parent + bill + operator
        if len(joined) <= 200 and joined.isascii() and joined.isprintable():  # nearly all
            codes = (code.strip().upper(), parent.strip().upper(), bill.strip().upper())
            return (*codes, operator.strip())
    return (
        _text_field(raw, "code", as_code=True),
        _text_field(raw, "parent", as_code=True),
        _text_field(raw, "bill", as_code=True),
        _text_field(raw, "operator", as_code=False),
    )


def _plausible_times(now: datetime, settings: IngestSettings) -> tuple[datetime, datetime]:
    """The earliest and latest ``occurred_at`` a batch received ``now`` may carry."""
    horizon = timedelta(hours=settings.max_clock_skew_hours)
    return max(EARLIEST, now - horizon * 12), now + horizon


def _rejecting(parsed: _Parsed, reason: Reason, message: str, **detail: Any) -> _Parsed:
    parsed.rejection = core.rejected(reason, message, **detail)
    return parsed


def _parse_event(
    index: int,
    event_id: str,
    raw: Mapping[str, Any],
    plausible: tuple[datetime, datetime],
) -> _Parsed:
    seq_raw = raw.get("seq")
    seq = seq_raw if type(seq_raw) is int else -1  # bool is not a seq
    parsed = _Parsed(index, event_id, seq, raw)
    if not 0 <= seq <= 2**62:
        return _rejecting(
            parsed, Reason.INVALID_FIELD, "`seq` must be a whole number ≥ 0.", field="seq"
        )
    event_type = raw.get("type")
    if not isinstance(event_type, str) or not event_type:
        return _rejecting(parsed, Reason.MISSING_FIELD, "`type` is missing.", field="type")
    occurred_raw = raw.get("occurred_at")
    try:
        if not isinstance(occurred_raw, str):
            raise ValueError
        occurred = datetime.fromisoformat(occurred_raw)  # Python 3.11 reads a "Z" too
    except ValueError:
        return _rejecting(
            parsed,
            Reason.BAD_TIMESTAMP,
            "`occurred_at` must be an ISO 8601 time.",
            field="occurred_at",
        )
    if occurred.tzinfo is None:  # else a fixed offset (all fromisoformat gives)
        return _rejecting(
            parsed, Reason.BAD_TIMESTAMP, "`occurred_at` needs a UTC offset.", field="occurred_at"
        )
    if not plausible[0] <= occurred <= plausible[1]:
        return _rejecting(
            parsed,
            Reason.BAD_TIMESTAMP,
            f"`occurred_at` {occurred_raw} is not a plausible time.",
            field="occurred_at",
        )
    try:
        code, parent, bill, operator = _text_fields(raw)
    except ValueError as exc:
        return _rejecting(parsed, Reason.INVALID_FIELD, str(exc).capitalize() + ".")
    data = raw.get("data", {})
    if data is None:
        data = {}
    if type(data) is not dict and not isinstance(data, Mapping):
        return _rejecting(parsed, Reason.INVALID_FIELD, "`data` must be an object.", field="data")
    try:
        encoded = orjson.dumps(_sanitize(data)) if data else b"{}"
    except (TypeError, RecursionError):  # nested deeper than any encoder goes
        return _rejecting(
            parsed, Reason.INVALID_FIELD, "`data` is nested too deeply to store.", field="data"
        )
    if len(encoded) > MAX_DATA_BYTES or b"\\\\u0000" in encoded:
        return _rejecting(
            parsed,
            Reason.INVALID_FIELD,
            f"`data` must be under {MAX_DATA_BYTES} bytes, without NUL characters.",
            field="data",
        )
    if type(data) is not dict:
        data = dict(data)
    parsed.event = core.EventInput(event_type, code, parent, bill, data)
    parsed.occurred_at = occurred
    parsed.operator = operator
    parsed.data_json = encoded.decode()
    return parsed


def _bucket(moment: datetime) -> int:
    """The start of ``moment``'s 15-minute bucket (seconds since the epoch)."""
    epoch = int(moment.timestamp())
    return epoch - epoch % BUCKET_SECONDS


@functools.lru_cache(maxsize=4096)
def _bucket_at(start: int) -> datetime:
    return datetime.fromtimestamp(start, tz=UTC)


_LOCK_STATION = text("SELECT pg_advisory_xact_lock(1, CAST(:key AS int))")


def _lock_station(session: Session, station_id: str) -> None:
    """The station's transaction-scoped advisory lock: its batches run one at a time."""
    if _is_pg(session):  # SQLite: BEGIN IMMEDIATE already serialises writers
        # (two stations sharing a key would only wait for each other, never answer wrongly)
        key = zlib.crc32(station_id.encode("utf-8")) & 0x7FFFFFFF
        run_on_driver(session, _LOCK_STATION, {"key": key})


def _pg_array(values: Iterable[object]) -> str:
    """A PostgreSQL array literal of ``values`` (numbers, UUIDs or any text; text is quoted).
    Profiled: the driver's element-by-element list dumping cost more than the statement."""
    items = [str(v) for v in values]
    joined = ",".join(items)
    if _PLAIN_ELEMENTS.fullmatch(joined):  # numbers and UUIDs: nothing to quote
        return "{" + joined + "}"
    quoted = (v.replace("\\", "\\\\").replace('"', '\\"') for v in items)
    return "{" + ",".join(f'"{v}"' for v in quoted) + "}"


_PLAIN_ELEMENTS = re.compile(r"[0-9a-f-]+(?:,[0-9a-f-]+)*")
"""Elements that need no quotes: none is empty, and none can spell ``NULL``."""


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _among(session: Session, column: Any, keys: Iterable[Any]) -> Any:
    """``column IN keys`` as one array parameter on PostgreSQL (no per-key placeholders)."""
    values = list(keys)
    if _is_pg(session):
        element = column.type if not isinstance(column.type, Uuid) else Uuid()
        return column == any_(bindparam(None, values, type_=ARRAY(element)))
    return column.in_(values)


def _bulk_upsert(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    keys: Sequence[str],
    updates: Sequence[str],
    *,
    increment: bool = False,
) -> None:
    """SQLite: insert ``rows`` or update them on a key clash (``increment`` adds to the stored
    values instead of replacing them). PostgreSQL writes a batch in one statement
    (:func:`_at_once`)."""
    if not rows:
        return
    stmt = sqlite.insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys),
        set_={
            c: (table.c[c] + stmt.excluded[c]) if increment else stmt.excluded[c] for c in updates
        },
    )
    session.execute(stmt, rows)


def _assignments(table: Table, updates: Sequence[str], *, increment: bool) -> str:
    return ", ".join(
        f"{c} = {table.name}.{c} + EXCLUDED.{c}" if increment else f"{c} = EXCLUDED.{c}"
        for c in updates
    )


_PG_DIALECT = postgresql.dialect()  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=256)
def _pg_type(column: Any) -> str:
    """The PostgreSQL type of a column's values, e.g. ``text`` (add ``[]`` for an array)."""
    compiled: str = column.type.compile(dialect=_PG_DIALECT).split("(")[0]
    return {"VARCHAR": "text", "TIMESTAMP WITH TIME ZONE": "timestamptz"}.get(
        compiled, compiled.lower()
    )


def _insert(session: Session, table: Table) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"unsupported database {dialect}")  # pragma: no cover


_rules_cache: tuple[float, int, CodeRules] | None = None

RULES_TTL_S = 2.0
"""A code-rules row is parsed again only when its version changed; its version is read at
most this often per process (every batch asks)."""


def load_code_rules(session: Session) -> CodeRules:
    """The site's code rules (the defaults when none are set)."""
    global _rules_cache  # noqa: PLW0603 - one small per-process cache
    cached = _rules_cache
    now = time.monotonic()
    if cached is not None and now - cached[0] < RULES_TTL_S:
        return cached[2]
    row = session.get(Setting, "code_rules")
    version = row.version if row is not None else -1
    if cached is not None and cached[1] == version:
        rules = cached[2]
    else:
        rules = CodeRules.model_validate(row.value) if row is not None else CodeRules()
    _rules_cache = (now, version, rules)
    return rules


_FEED_STATUSES = frozenset({Status.CONFLICT.value, Status.REJECTED.value})


EVENT_CHUNK = 500
"""A batch bigger than this streams its event rows to ``COPY`` as the rules reach them (a
smaller one writes them with the rest of its batch, in one statement)."""

COPY_CHUNK = 100
"""Event rows sent to ``COPY`` at a time: PostgreSQL stores them while the rules work out the
next ones, and the last chunk it is still storing when the rules end is small (a 2,000-event
batch's locked section, in process: ~80 against ~90 ms with chunks of 500)."""

MAX_CLASHES = 8
"""Runs of one batch that may meet another's insert of the same id, bag or bill (each run
sees more of what the others committed) before it is answered with an error."""

ORDER_POLL_S = 0.002
"""First pause of a batch waiting for the one ahead of it (doubling up to 32 ms)."""


def ingest_batch(
    session: Session,
    batch: BatchInput,
    *,
    settings: IngestSettings | None = None,
    now: datetime | None = None,
) -> IngestOutcome:
    """Apply ``batch`` exactly once and answer every event.

    Raises:
        BatchError: an event without a usable id (nothing is written).
    """
    settings = settings or IngestSettings()
    ids = _parse_ids(batch.events)
    moment = now or datetime.now(UTC)
    plausible = _plausible_times(moment, settings)
    parsed = [_parse_event(i, ids[i], raw, plausible) for i, raw in enumerate(batch.events)]
    skew = moment - batch.sent_at
    correction = skew if abs(skew.total_seconds()) > SKEW_CORRECTION_SECONDS else timedelta(0)
    # a big batch's rows are streamed to PostgreSQL's COPY as the rules reach them; a live
    # upload's go with the rest of its write, in one statement
    rows = _COPY_ROWS if len(parsed) > EVENT_CHUNK and _is_pg(session) else _JSON_ROWS
    for item in parsed:  # before any lock is taken: what does not depend on the outcome
        when = item.occurred_at
        item.bucket = _bucket(moment if when is None else when + correction)
    rows.set_heads(parsed, batch.station_id, moment)
    clashes = 0
    deadline = time.monotonic() + settings.order_wait_s
    pause = ORDER_POLL_S
    while True:
        try:
            return _ingest_once(
                session, batch, ids, parsed, moment, rows, skew, probe_all=clashes > 0
            )
        except IntegrityError:
            # another batch stored one of these ids, or created one of these bags or bills,
            # between our read and our insert: run again, against what it committed
            session.rollback()
            clashes += 1
            if clashes == MAX_CLASHES:
                raise
        except _NotYetError:
            # the batch ahead of this one has not been applied (yet): nothing was written and
            # no lock is held while waiting for it
            if time.monotonic() + pause > deadline:
                raise BatchError(
                    "out_of_order",
                    f"Event {batch.after_event} (named by `after_event`) has not reached the "
                    "server; send this batch again once that one is answered.",
                    status=409,
                    after_event=str(batch.after_event),
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 16 * ORDER_POLL_S)


def _ingest_once(
    session: Session,
    batch: BatchInput,
    ids: list[str],
    parsed: list[_Parsed],
    now: datetime,
    rows: _RowFormat,
    skew: timedelta,
    *,
    probe_all: bool,
) -> IngestOutcome:
    results: list[Result | None] = [None] * len(parsed)
    with session.begin():
        # the station's batches one at a time; its bags and bills are row-locked as they are
        # read (_read_context, _load_state), and a bag or bill it creates is claimed by the
        # primary key (another batch creating it too waits, then fails and runs again)
        codes, bill_ids = core.keys_touched(p.event for p in parsed if p.event)
        _lock_station(session, batch.station_id)
        # read under the station's lock: its record is updated from these values
        lowest = -1 if probe_all else min((p.seq for p in parsed), default=0)
        context = _read_context(session, batch, ids, codes, lowest)
        station, version = context.station, context.version
        if station is None or station.revoked:
            raise BatchError("unknown_station", f"Station {batch.station_id} is not enrolled.")
        if not context.after_stored:
            raise _NotYetError
        fresh: list[_Parsed] = []
        seen: set[str] = set()
        for item in parsed:
            prior = context.existing.get(item.id)
            if prior is not None or item.id in seen:
                original = (
                    {"status": prior.status, "reason": prior.reason, "detail": prior.detail}
                    if prior is not None
                    else None
                )
                results[item.index] = Result(
                    item.id,
                    Status.DUPLICATE,
                    Reason.ALREADY_RECEIVED.value,
                    {"original": original} if original else None,
                )
                continue
            seen.add(item.id)
            fresh.append(item)

        rules = core.Rules(load_code_rules(session))
        state = _load_state(session, codes, bill_ids, context.bags)
        stored = (set(state.bags), set(state.bills))  # the rest are new: inserted, not merged
        # apply in the station's order (seq), answer in the order sent
        fresh.sort(key=lambda p: p.seq)
        buckets: dict[tuple[datetime, str], dict[str, int]] = defaultdict(
            lambda: dict.fromkeys(STAT_COLUMNS, 0)
        )
        event_rows: list[bytes] = []
        return_rows: list[dict[str, Any]] = []
        # a big batch's event rows go to COPY in chunks while the rules run on: PostgreSQL
        # stores one chunk while the next is worked out
        with contextlib.ExitStack() as stack:
            write = stack.enter_context(copying(session, _COPY_EVENTS)) if rows.copy else None
            for item in fresh:
                if item.event is not None:
                    outcome = rules.apply(item.event, state)
                else:
                    assert item.rejection is not None
                    outcome = item.rejection
                counters = buckets[(_bucket_at(item.bucket), item.operator)]
                for counter, n in outcome.counts.items():
                    counters[counter] += n  # a StrEnum member finds its value's key
                results[item.index] = Result(
                    item.id,
                    outcome.status,
                    outcome.reason.value if outcome.reason else None,
                    outcome.detail or None,
                    outcome.message if outcome.status is not Status.ACCEPTED else None,
                )
                event_rows.append(rows.row(item, outcome, version))
                if write is not None and len(event_rows) == COPY_CHUNK:
                    write(b"".join(event_rows))
                    event_rows = []
                if outcome.return_record is not None:
                    r = outcome.return_record
                    return_rows.append(
                        {
                            "event_id": uuid.UUID(item.id),
                            "ticket": r.ticket,
                            "location": r.location,
                            "parent": r.parent,
                            "bill": r.bill,
                            "before_parents": r.before_parents,
                            "after_parents": r.after_parents,
                            "before_kg": r.before_kg,
                            "after_kg": r.after_kg,
                            "created_at": now,
                        }
                    )

            if write is not None and event_rows:
                write(b"".join(event_rows))
                event_rows = []
            upserts = [
                *_state_upserts(state, stored, now, version, station.area),
                *_bucket_upserts(batch.station_id, station.area, buckets),
            ]
            station_values = _station_values(station, fresh, batch, now, skew)
            # made while PostgreSQL still stores the last event rows; run once they are in
            write_rest = _prepared_write(
                session, batch.station_id, event_rows, upserts, station_values
            )
        write_rest()
        if return_rows:  # after their events (a foreign key)
            session.execute(insert(ReturnRecord), return_rows)

    final = [res for res in results if res is not None]
    counts: dict[str, int] = defaultdict(int)
    for res in final:
        counts[res.status.value] += 1
    return IngestOutcome(final, now, dict(counts))


class _RowFormat:
    """How a batch's event rows are encoded: the part that does not depend on the outcome
    (:meth:`set_heads`, before any lock is taken) and the whole row (:meth:`row`, under the
    locks; most events are plain accepts, joined on from constant parts)."""

    copy = False  # rows in COPY's text format (else JSON objects)

    def set_heads(self, items: Sequence[_Parsed], station_id: str, now: datetime) -> None:
        raise NotImplementedError

    def row(self, item: _Parsed, outcome: core.Outcome, version: int) -> bytes:
        raise NotImplementedError


def _feed_version(status: Status, version: int) -> int:
    """Conflicts and rejections carry the feed version (their station's feed); others 0."""
    return version if status.value in _FEED_STATUSES else 0


def _head_fields(item: _Parsed) -> tuple[str, str, str, str, str]:
    """An event's type, code, parent, bill and data JSON as stored."""
    ev = item.event
    if ev is None:  # rejected in shape: its type as sent (a bounded, storable part of it)
        return str(item.raw.get("type", ""))[:40].replace("\x00", ""), "", "", "", "{}"
    return ev.type, ev.code, ev.parent, core.normalise_bill_id(ev.bill), item.data_json


class _JsonRows(_RowFormat):
    """JSON objects (bound as one array, read by ``json_populate_recordset``; SQLite decodes
    them): a live upload's rows, written with the rest of its batch in one statement."""

    _ACCEPTED = b',"status":"accepted","reason":null,"detail":'
    _PLAIN_END = b',"raw":null,"version":0}'

    def set_heads(self, items: Sequence[_Parsed], station_id: str, now: datetime) -> None:
        for item in items:
            item.head = self._head(item, station_id, now)

    @staticmethod
    def _head(item: _Parsed, station_id: str, now: datetime) -> bytes:
        type_, code, parent, bill, data = _head_fields(item)
        row = {
            "id": item.id,
            "station_id": station_id,
            "seq": max(item.seq, 0),
            "type": type_,
            "occurred_at": item.occurred_at or now,
            "operator": item.operator,
            "code": code,
            "parent": parent,
            "bill": bill,
            "data": orjson.Fragment(data),
            "received_at": now,
            "bucket_start": _bucket_at(item.bucket),
        }
        return orjson.dumps(row)[:-1]  # open at its end: row() closes it

    def row(self, item: _Parsed, outcome: core.Outcome, version: int) -> bytes:
        detail = _json_bytes(outcome.detail) if outcome.detail else b"null"
        status = outcome.status
        if status is Status.ACCEPTED and outcome.reason is None:
            return b"".join((item.head, self._ACCEPTED, detail, self._PLAIN_END))
        rest = {
            "status": status.value,
            "reason": outcome.reason.value if outcome.reason else None,
            "detail": orjson.Fragment(detail),
            "raw": orjson.Fragment(_raw_json(item)) if status is Status.REJECTED else None,
            "version": _feed_version(status, version),
        }
        return b"".join((item.head, b",", orjson.dumps(rest)[1:]))


class _CopyRows(_RowFormat):
    """Lines of COPY's text format, in ``_EVENT_COLUMNS`` order: a big batch's rows, streamed
    to ``COPY events`` as the rules reach them (PostgreSQL parses them at about two thirds of
    the CPU a JSON recordset of the same rows takes)."""

    copy = True
    _ACCEPTED = b"\taccepted\t\\N\t"
    _PLAIN_END = b"\t\\N\t0\n"

    def set_heads(self, items: Sequence[_Parsed], station_id: str, now: datetime) -> None:
        station_text = _copy_escaped(station_id)  # the same in every row of the batch
        now_text = now.isoformat()
        buckets: dict[int, str] = {}
        special = _COPY_SPECIAL.search
        for item in items:
            type_, code, parent, bill, data = _head_fields(item)
            operator = item.operator
            texts = (type_, operator, code, parent, bill, data)
            if special("".join(texts)):
                type_, operator, code, parent, bill, data = (_copy_escaped(t) for t in texts)
            bucket = buckets.get(item.bucket)
            if bucket is None:
                bucket = buckets[item.bucket] = _bucket_at(item.bucket).isoformat()
            fields = (
                item.id,
                station_text,
                str(max(item.seq, 0)),
                type_,
                (item.occurred_at or now).isoformat(),
                operator,
                code,
                parent,
                bill,
                data,
                now_text,
                bucket,
            )
            item.head = "\t".join(fields).encode()

    def row(self, item: _Parsed, outcome: core.Outcome, version: int) -> bytes:
        detail = _copy_json(_json_bytes(outcome.detail)) if outcome.detail else b"\\N"
        status = outcome.status
        if status is Status.ACCEPTED and outcome.reason is None:
            return b"".join((item.head, self._ACCEPTED, detail, self._PLAIN_END))
        reason = outcome.reason.value.encode() if outcome.reason else b"\\N"
        raw = _copy_json(_raw_json(item)) if status is Status.REJECTED else b"\\N"
        version_text = str(_feed_version(status, version)).encode()
        tail = (status.value.encode(), reason, detail, raw, version_text)
        return b"".join((item.head, b"\t", b"\t".join(tail), b"\n"))


_JSON_ROWS = _JsonRows()
_COPY_ROWS = _CopyRows()

_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_escaped(text: str) -> str:
    """``text`` as a field of COPY's text format (backslash, tab, newline and CR spelt out)."""
    return text.translate(_COPY_ESCAPES) if _COPY_SPECIAL.search(text) else text


def _copy_json(encoded: bytes) -> bytes:
    """JSON text as a field of COPY's text format (JSON has no raw tab or newline to spell
    out; its backslashes are doubled)."""
    return encoded.replace(b"\\", b"\\\\") if b"\\" in encoded else encoded


def _raw_json(item: _Parsed) -> bytes:
    """A rejected event as it was sent (kept: nothing a station sent is lost)."""
    return _json_bytes(dict(item.raw))


_BAG_STATE = select(*(Bag.__table__.c[f] for f in core.BAG_FIELDS))
_BILL_STATE = select(*(Bill.__table__.c[f] for f in core.BILL_FIELDS))


def _load_state(
    session: Session, codes: set[str], bill_ids: set[str], bags: list[core.Bag] | None
) -> core.MemoryState:
    """The state the rules need: ``bags`` if they were read (and row-locked) already, else the
    bags of ``codes``; and the bills ``bill_ids`` and ``bags`` name, row-locked in bill id
    order (every batch locks bags, then bills, each in key order: no two wait in a circle)."""
    bill_ids = set(bill_ids)
    state = core.MemoryState()
    if bags is None and codes:  # SQLite: BEGIN IMMEDIATE already serialises writers
        bags = [
            core.Bag(*r)
            for r in read_planned(session, _BAG_STATE.where(_among(session, Bag.code, codes)))
        ]
    for bag in bags or []:
        state.bags[bag.code] = bag
        if bag.bill:
            bill_ids.add(bag.bill)
    if bill_ids:
        bills = _BILL_STATE.where(_among(session, Bill.bill_id, bill_ids))
        if _is_pg(session):
            bills = bills.order_by(Bill.bill_id).with_for_update()
        for row in read_planned(session, bills):
            state.bills[row[0]] = core.Bill(*row)
    return state


_EVENT_COLUMNS = (
    "id",
    "station_id",
    "seq",
    "type",
    "occurred_at",
    "operator",
    "code",
    "parent",
    "bill",
    "data",
    "received_at",
    "bucket_start",
    "status",
    "reason",
    "detail",
    "raw",
    "version",
)
_TIME_COLUMNS = ("occurred_at", "received_at", "bucket_start")


def _insert_events_sql(placeholder: str) -> str:
    """Insert the event rows given as one JSON array (bound at ``placeholder``)."""
    columns = ", ".join(_EVENT_COLUMNS)
    return (
        f"INSERT INTO events ({columns}) SELECT {columns} "  # noqa: S608 - our own names
        f"FROM json_populate_recordset(NULL::events, CAST({placeholder} AS json))"
    )


_COPY_EVENTS = f"COPY events ({', '.join(_EVENT_COLUMNS)}) FROM STDIN"


def _json_array(rows: list[bytes]) -> str:
    """Event rows (each JSON object text) as one JSON array."""
    return b"".join((b"[", b",".join(rows), b"]")).decode()


@functools.lru_cache(maxsize=64)
def _at_once_sql(
    events: bool,
    upserts: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str, str], ...],
    station: tuple[str, ...],
) -> Any:
    """The statement for one shape of live upload (few shapes occur; each is built once)."""
    parts = []
    if events:
        parts.append(_insert_events_sql(":events"))
    for i, (table, columns, keys, assignments, mode) in enumerate(upserts):
        names = ", ".join(columns)
        rows = f"json_populate_recordset(NULL::{table}, CAST(:rows{i} AS json))"
        insert = f"INSERT INTO {table} ({names}) SELECT {names} FROM {rows}"  # noqa: S608 - our own names
        if mode == "merge":
            insert += f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {assignments}"
        parts.append(insert)
    types = Station.__table__.c
    sets = ", ".join(f"{c} = CAST(:st_{c} AS {_pg_type(types[c])})" for c in station)
    statement = f"UPDATE stations SET {sets} WHERE id = :st_id"  # noqa: S608 - our own names
    if parts:
        writes = ", ".join(f"w{i} AS ({sql})" for i, sql in enumerate(parts))
        statement = f"WITH {writes} {statement}"
    return text(statement)


def _at_once(
    station_id: str,
    event_rows: list[bytes],
    upserts: list[_Upsert],
    station_values: dict[str, Any],
) -> tuple[Any, dict[str, Any]]:
    """A live upload in one statement and one round trip: the event rows, the upserts and the
    station's record as data-modifying CTEs (each touches another table, so none needs to see
    another's rows). Each table's rows travel as one JSON parameter, so the statement has few
    parameters and the driver and the server reuse its parsed and prepared form."""
    shape = tuple(
        (
            u.table.name,
            tuple(u.rows[0]),
            tuple(u.keys),
            _assignments(u.table, u.updates, increment=u.increment),
            u.mode,
        )
        for u in upserts
    )
    params: dict[str, Any] = {f"st_{c}": v for c, v in station_values.items()}
    params["st_id"] = station_id
    if event_rows:
        params["events"] = _json_array(event_rows)
    for i, u in enumerate(upserts):
        params[f"rows{i}"] = orjson.dumps(u.rows).decode()
    return _at_once_sql(bool(event_rows), shape, tuple(station_values)), params


def _insert_events(session: Session, rows: list[bytes]) -> None:
    """SQLite: append to the event log."""
    if rows:
        session.execute(insert(Event), [_decoded(row) for row in rows])


def _decoded(row: bytes) -> dict[str, Any]:
    """An event row from its JSON, with its id and times as the columns take them."""
    values: dict[str, Any] = orjson.loads(row)
    for column in _TIME_COLUMNS:
        values[column] = datetime.fromisoformat(values[column])
    values["id"] = uuid.UUID(values["id"])
    return values


@dataclass(frozen=True)
class _Upsert:
    """Rows to insert into ``table``, or to merge into the rows with the same ``keys``.

    ``mode``: ``"insert"`` when the batch knows none is stored (on PostgreSQL a concurrent
    insert of one then fails the batch, which runs again), else ``"merge"`` (also for rows it
    read and row-locked: an upsert finds them by their key, where an ``UPDATE … FROM`` a JSON
    recordset was planned as a scan of the whole table while it was small, and the plan was
    kept). SQLite merges all."""

    table: Table
    rows: list[dict[str, Any]]
    keys: Sequence[str]
    updates: Sequence[str]
    increment: bool = False  # add to the stored counts instead of replacing them
    mode: str = "merge"


_BAG_UPDATES = ("kind", "parent", "child_count", "status", "bill", "updated_at", "version")
_BILL_UPDATES = (*core.BILL_FIELDS[1:], "updated_at", "version")


def _state_upserts(
    state: core.MemoryState,
    stored: tuple[set[str], set[str]],
    now: datetime,
    version: int,
    area: str,
) -> list[_Upsert]:
    """The bags and bills the batch changed, split into those it read (``stored``: merged)
    and those it created (inserted); a new bag's home is the writer's area (kept after)."""
    stamps = {"created_at": now, "updated_at": now, "version": version}
    bag_stamps = {**stamps, "area": area}
    bags = [
        (code in stored[0], {**core.fields_of(state.bags[code], core.BAG_FIELDS), **bag_stamps})
        for code in sorted(state.dirty_bags)
    ]
    bills = [
        (key in stored[1], {**core.fields_of(state.bills[key], core.BILL_FIELDS), **stamps})
        for key in sorted(state.dirty_bills)
    ]
    return [
        *_new_then_stored(Bag.__table__, ("code",), _BAG_UPDATES, bags),  # type: ignore[arg-type]
        *_new_then_stored(Bill.__table__, ("bill_id",), _BILL_UPDATES, bills),  # type: ignore[arg-type]
    ]


def _new_then_stored(
    table: Table,
    keys: Sequence[str],
    updates: Sequence[str],
    rows: list[tuple[bool, dict[str, Any]]],
) -> list[_Upsert]:
    """``rows`` (each marked stored or not) as an insert of the new ones, then a merge of the
    stored ones: every batch writes in this order."""
    out = []
    for was_stored, mode in ((False, "insert"), (True, "merge")):
        part = [row for is_stored, row in rows if is_stored is was_stored]
        if part:
            out.append(_Upsert(table, part, keys, updates, mode=mode))
    return out


def _bucket_upserts(
    station_id: str, area: str, buckets: Mapping[tuple[datetime, str], Mapping[str, int]]
) -> list[_Upsert]:
    """The batch's counts, added to its 15-minute buckets."""
    rows = [
        {
            "bucket_start": start,
            "station_id": station_id,
            "operator": operator,
            "area": area,
            **counts,
        }
        for (start, operator), counts in sorted(buckets.items())
        if any(counts.values())
    ]
    if not rows:
        return []
    keys = ("bucket_start", "station_id", "operator")
    return [_Upsert(StatBucket.__table__, rows, keys, STAT_COLUMNS, increment=True)]  # type: ignore[arg-type]


def _prepared_write(
    session: Session,
    station_id: str,
    event_rows: list[bytes],
    upserts: list[_Upsert],
    station_values: dict[str, Any],
) -> Callable[[], None]:
    """The batch's write, ready to run: on PostgreSQL one statement, whatever its size
    (:func:`_at_once`), its parameters encoded now."""
    if _is_pg(session):
        statement, params = _at_once(station_id, event_rows, upserts, station_values)

        def write_at_once() -> None:
            run_on_driver(session, statement, params)

        return write_at_once

    def write() -> None:
        _insert_events(session, event_rows)
        for u in upserts:
            _bulk_upsert(session, u.table, u.rows, u.keys, u.updates, increment=u.increment)
        session.execute(update(Station).where(Station.id == station_id).values(station_values))

    return write


@dataclass(frozen=True)
class _StationRecord:
    """What a batch needs of its station."""

    area: str
    revoked: bool
    last_seq: int
    seq_gaps: int
    events_received: int


@dataclass(frozen=True)
class _Prior:
    """An event already stored: its first outcome."""

    status: str
    reason: str | None
    detail: Any


_STATION = select(
    Station.area, Station.revoked_at, Station.last_seq, Station.seq_gaps, Station.events_received
).where(Station.id == bindparam("station_id"))

_PG_CONTEXT = text(  # our own SQL and the feed clock's expression; values are bound
    "SELECT (SELECT json_build_array(area, revoked_at IS NOT NULL, last_seq, seq_gaps,"  # noqa: S608
    " events_received) FROM stations WHERE id = :station_id),"
    " (SELECT json_agg(json_build_array(CAST(e.id AS text), e.status, e.reason, e.detail))"
    " FROM unnest(CAST(:ids AS uuid[])) AS k(id) CROSS JOIN LATERAL"
    " (SELECT id, status, reason, detail FROM events WHERE events.id = k.id LIMIT 1) AS e"
    " WHERE CAST(:lowest_seq AS bigint) <= (SELECT last_seq FROM stations WHERE id = :station_id)),"
    " (SELECT json_agg(json_build_array(b.code, b.kind, b.parent, b.child_count, b.status, b.bill))"
    " FROM unnest(CAST(:codes AS text[])) AS k(code) CROSS JOIN LATERAL"
    " (SELECT * FROM bags WHERE bags.code = k.code LIMIT 1 FOR UPDATE) AS b),"
    f" (SELECT {PG_VERSION_SQL} FROM feed_clock WHERE id = 1),"
    " EXISTS (SELECT 1 FROM events WHERE id = CAST(:after AS uuid))"
)
"""Everything a batch reads once its locks are held, in one round trip on PostgreSQL: its
station, which of its ids are stored already, the state of its bags, its feed version, and
whether the event it must follow (``after_event``) is stored.

The ids are looked up only if the batch reaches back to its station's highest seq: a batch
wholly above it (a station sending what it scanned since) cannot hold a replay of this
station's events. An id stored some other way still meets the primary key on insert, and the
batch then runs again with every id looked up (``ingest_batch``)."""


@dataclass(frozen=True)
class _Context:
    """What a batch reads under its locks."""

    station: _StationRecord | None
    existing: dict[str, _Prior]  # by id text: its events stored already, with their first outcomes
    bags: list[core.Bag] | None  # None: read with the bills (SQLite)
    version: int
    after_stored: bool  # the event named by ``after_event`` is stored (True if none is named)


def _read_context(
    session: Session,
    batch: BatchInput,
    ids: list[str],
    codes: set[str],
    lowest_seq: int,
) -> _Context:
    """Read the batch's context (``lowest_seq``: the lowest seq it holds, -1 to look up every
    id whatever it holds)."""
    station_id, after = batch.station_id, batch.after_event
    if _is_pg(session):
        params = {
            "station_id": station_id,
            "ids": _pg_array(ids),
            "codes": _pg_array(sorted(codes)),  # rows are locked in this order
            "lowest_seq": lowest_seq,
            "after": str(after) if after is not None else None,
        }
        row = run_on_driver(session, _PG_CONTEXT, params, prepare=False)[0]
        station_json, stored, bag_rows, version, after_found = row
        return _Context(
            _StationRecord(*station_json) if station_json else None,
            {r[0]: _Prior(*r[1:]) for r in stored or []},
            [core.Bag(*r) for r in bag_rows or []],
            int(version),
            after is None or bool(after_found),
        )
    if after is not None:
        ids = [*ids, str(after)]
    row = session.execute(_STATION, {"station_id": station_id}).first()
    station = (
        _StationRecord(row.area, row.revoked_at is not None, *row[2:]) if row is not None else None
    )
    stored_rows = session.execute(
        select(Event.id, Event.status, Event.reason, Event.detail).where(
            _among(session, Event.id, {uuid.UUID(i) for i in ids})
        )
    )
    existing = {str(r.id): _Prior(r.status, r.reason, r.detail) for r in stored_rows}
    return _Context(
        station, existing, None, next_version(session), after is None or str(after) in existing
    )


def _station_values(
    station: Any,
    fresh: list[_Parsed],
    batch: BatchInput,
    now: datetime,
    skew: timedelta,
) -> dict[str, Any]:
    """The upload on the station's record: sequence and gaps, clocks, lag, what it has pending."""
    last_seq = station.last_seq
    gaps = station.seq_gaps
    for item in sorted(fresh, key=lambda p: p.seq):
        if item.seq > last_seq:
            if last_seq > 0 or station.events_received > 0:
                gaps += item.seq - last_seq - 1
            last_seq = item.seq
        elif gaps > 0:
            gaps -= 1  # a late event filled a gap
    values: dict[str, Any] = {
        "last_seq": last_seq,
        "seq_gaps": gaps,
        "last_seen_at": now,
        "last_sent_at": batch.sent_at,
        "clock_skew_ms": int(skew.total_seconds() * 1000),
        "events_received": station.events_received + len(fresh),
    }
    newest = max((p.occurred_at for p in fresh if p.occurred_at is not None), default=None)
    if newest is not None:
        # in server time: the station's clock error is taken out before comparing
        values["sync_lag_ms"] = max(int((now - (newest + skew)).total_seconds() * 1000), 0)
    if batch.pending is not None:
        values["reported_pending"] = batch.pending
        values["oldest_pending_at"] = batch.oldest_pending_at
    return values
