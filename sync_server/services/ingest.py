"""Ingest: apply a station's batch exactly once, under the shared bag rules, in one transaction.

This is the use case: the rules and the exactly-once protocol, with no SQL. What it reads and
writes goes through an :class:`~sync_server.db.ingest_store.IngestStore` (PostgreSQL or the
embedded SQLite; one contract suite, ``tests/server/test_ingest_contract.py``, runs on both).

How exactly-once holds (see docs/conflicts.md):

* An event id is the primary key of ``event_keys`` (every stored id, whichever month of
  ``events`` holds it, archived or not); an id already stored answers ``duplicate`` and
  changes nothing (its original outcome is returned under ``detail.original`` while its
  month is not archived).
* A batch takes its station's lock, then reads its bags and bills with row locks (in key
  order); one it creates is claimed by the primary key, and a batch that meets another's
  insert of the same key runs again. Two uploads of the same events, or two stations racing
  for one child, therefore take effect one after the other, whatever process they arrive at;
  the second sees what the first committed.
* The conflict rule is *first committed wins*: the event applied first takes the child or
  the bill slot; a later contrary event is stored as ``conflict`` naming what it lost to.
* State, event log, stat buckets and the station's sync record are written together and
  committed together, so a batch is all or nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.db.event_log import EventRow
from sync_server.db.ingest_pg import PgIngestStore
from sync_server.db.ingest_sqlite import SqliteIngestStore
from sync_server.db.ingest_store import (
    BatchWrite,
    Context,
    ContextQuery,
    IngestStore,
    Operator,
    StationRecord,
)
from sync_server.services.site_rules import SiteRules
from tracetrack_core import rules as core
from tracetrack_core.events import EARLIEST_TIME, EventType, Reason, Status
from tracetrack_core.roles import IMPORT_ROLES, ROLES_FOR
from tracetrack_core.wire import (
    EVENT_FIELD_NAMES,
    EVENT_FIELDS,
    MAX_SEQ,
    DecodedEvent,
    InvalidEventError,
    JsonText,
    Kind,
    canonical_id,
    decode_event,
    storable,
)

BUCKET_SECONDS = 15 * 60
SKEW_CORRECTION_SECONDS = 120

MAX_CLASHES = 8
"""Runs of one batch that may meet another's insert of the same id, bag or bill (each run
sees more of what the others committed) before it is answered with an error."""

ORDER_POLL_S = 0.002
"""First pause of a batch waiting for the one ahead of it (doubling up to 32 ms)."""


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


class _UnreadParentsError(Exception):
    """The batch voids children whose parents it did not read (:func:`core.parents_of_voided`):
    it runs again reading and locking them with the rest, in key order."""

    def __init__(self, codes: set[str]) -> None:
        super().__init__(sorted(codes))
        self.codes = codes


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
    after_event: Any = None  # uuid.UUID | None
    """Apply this batch only once this event is stored: a station sending a batch before the
    one ahead of it is answered names the last event of that one, so its batches take effect
    in its order whichever reaches a worker first."""
    imported: bool = False
    """The events are a spreadsheet import's (``services/imports.py``), never a station's: their
    operator needs an import role (``IMPORT_ROLES``) instead of the role a scan of each type
    needs. Only the import service sets it; no upload can."""


@dataclass(slots=True)
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


@dataclass(slots=True)
class _Parsed:
    """One event after its shape checks: ``decoded``, or refused with ``rejection``."""

    index: int
    id: str  # the UUID in its canonical text
    seq: int  # -1 if it has none that is valid
    raw: Mapping[str, Any]
    bucket: datetime  # the start of its stats bucket
    decoded: DecodedEvent | None = None
    rule_input: core.EventInput | None = None  # what the rules read of it (if decoded)
    operator: str = ""
    rejection: core.Outcome | None = None
    happened: datetime | None = None  # its time on the server's clock (if it has one)


_STORES: dict[str, IngestStore] = {"postgresql": PgIngestStore(), "sqlite": SqliteIngestStore()}


def store_for(session: Session) -> IngestStore:
    """The ingest store for the session's database."""
    return _STORES[session.get_bind().dialect.name]


def ingest_batch(
    session: Session,
    batch: BatchInput,
    *,
    rules: SiteRules | None = None,
    settings: IngestSettings | None = None,
    now: datetime | None = None,
) -> IngestOutcome:
    """Apply ``batch`` exactly once and answer every event. ``rules``: the site's code rules
    (the app keeps one :class:`SiteRules`; without it they are read and parsed for this batch).

    Raises:
        BatchError: an event without a usable id, an unknown or revoked station, or (409)
            ``after_event`` not stored in time (nothing is written).
    """
    settings = settings or IngestSettings()
    rules = rules or SiteRules()
    store = store_for(session)
    moment = now or datetime.now(UTC)
    horizon = timedelta(hours=settings.max_clock_skew_hours)
    _check_station_clock(batch, moment, horizon)
    skew = moment - batch.sent_at  # bounded by the horizon: so is the correction
    correction = skew if abs(skew.total_seconds()) > SKEW_CORRECTION_SECONDS else timedelta(0)
    earliest, latest = max(EARLIEST_TIME, moment - horizon * 12), moment + horizon
    arrival = _bucket(moment)  # the bucket of an event without a readable time
    parsed = [
        _parse(i, raw, earliest, latest, arrival, correction) for i, raw in enumerate(batch.events)
    ]
    clashes = 0
    also_read: set[str] = set()  # bags the events do not name that the rules will read
    rereads = 0
    deadline = time.monotonic() + settings.order_wait_s
    pause = ORDER_POLL_S
    while True:
        try:
            return _ingest_once(
                session,
                store,
                rules,
                batch,
                parsed,
                moment,
                skew,
                probe_all=clashes > 0,
                also_read=also_read,
            )
        except _UnreadParentsError as exc:
            # (each run reads what the last one found; a child moved on meanwhile adds another)
            session.rollback()
            rereads += 1
            if rereads == MAX_CLASHES:  # pragma: no cover - a bound, not a path
                raise BatchError(
                    "busy", "The bags of this batch keep changing; send it again.", status=503
                ) from None
            also_read |= exc.codes
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


def _check_station_clock(batch: BatchInput, now: datetime, horizon: timedelta) -> None:
    """The batch's own times (the station's clock) lie within ``horizon`` of the server's.

    Raises:
        BatchError: 400 ``bad_clock`` (``sent_at``) or ``invalid_field``
            (``oldest_pending_at``); nothing is written, and the station keeps its events.
    """
    if not now - horizon <= batch.sent_at <= now + horizon:
        raise BatchError(
            "bad_clock",
            f"The station's clock reads {batch.sent_at.isoformat()} and the server's "
            f"{now.isoformat(timespec='seconds')}: more than {horizon.days} days apart. "
            "Set the station's date and time; its scans stay queued until then.",
            field="sent_at",
        )
    pending_since = batch.oldest_pending_at
    if pending_since is not None and not EARLIEST_TIME <= pending_since <= now + horizon:
        raise BatchError(
            "invalid_field",
            f"`oldest_pending_at` {pending_since.isoformat()} is not a plausible time.",
            field="oldest_pending_at",
        )


def _parse(
    index: int,
    raw: Mapping[str, Any],
    earliest: datetime,
    latest: datetime,
    arrival: datetime,
    correction: timedelta,
) -> _Parsed:
    """Decode one event (before any lock is taken: nothing here depends on the outcome).

    Raises:
        BatchError: it has no usable id, so it could not be answered.
    """
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise _unanswerable(index)
    try:
        decoded = decode_event(raw, earliest, latest)
    except InvalidEventError as exc:
        if exc.field == _ID_FIELD:
            raise _unanswerable(index) from None
        seq = raw.get("seq")
        if type(seq) is not int or not 0 <= seq <= MAX_SEQ:  # bool is not a seq
            seq = -1
        rejection = core.rejected(exc.reason, exc.message, field=exc.field)
        return _Parsed(index, canonical_id(raw[_ID_FIELD]), seq, raw, arrival, rejection=rejection)
    fields = decoded.stored  # text fields are stored as the wire carries them
    rule_input = core.EventInput(
        fields[_TYPE], fields[_CODE], fields[_PARENT], fields[_BILL], decoded.value("data")
    )
    occurred: datetime = fields[_OCCURRED]
    happened = occurred + correction if correction else occurred
    return _Parsed(
        index,
        fields[_ID],
        fields[_SEQ],
        raw,
        _bucket(happened),
        decoded,
        rule_input,
        fields[_OPERATOR],
        happened=happened,
    )


def _unanswerable(index: int) -> BatchError:
    return BatchError(
        "invalid_event_id",
        f"Event {index} has no valid UUID `id`; every event needs one so it can be "
        "answered. Fix it or split the batch.",
        index=index,
    )


_ID_FIELD = next(f.name for f in EVENT_FIELDS if f.kind is Kind.ID)
_ID, _SEQ, _TYPE, _OCCURRED, _CODE, _PARENT, _BILL, _OPERATOR = (
    EVENT_FIELD_NAMES.index(name)
    for name in (_ID_FIELD, "seq", "type", "occurred_at", "code", "parent", "bill", "operator")
)


def _bucket(moment: datetime) -> datetime:
    """The start of ``moment``'s 15-minute stats bucket."""
    epoch = int(moment.timestamp())
    return _bucket_at(epoch - epoch % BUCKET_SECONDS)


@functools.lru_cache(maxsize=4096)
def _bucket_at(start: int) -> datetime:
    """One datetime per bucket start (a batch's events share a few)."""
    return datetime.fromtimestamp(start, tz=UTC)


def _ingest_once(
    session: Session,
    store: IngestStore,
    site_rules: SiteRules,
    batch: BatchInput,
    parsed: list[_Parsed],
    now: datetime,
    skew: timedelta,
    *,
    probe_all: bool,
    also_read: set[str],
) -> IngestOutcome:
    results: list[Result | None] = [None] * len(parsed)
    codes, bill_ids = core.keys_touched(p.rule_input for p in parsed if p.rule_input)
    codes |= also_read
    with session.begin():
        query = ContextQuery(
            batch.station_id,
            [p.id for p in parsed],
            codes,
            {p.operator for p in parsed if p.operator},
            -1 if probe_all else min((p.seq for p in parsed), default=0),
            None if batch.after_event is None else str(batch.after_event),
            now,
        )
        context = store.read_context(session, query)
        station = context.station
        if station is None or station.revoked:
            raise BatchError("unknown_station", f"Station {batch.station_id} is not enrolled.")
        if not context.after_stored:
            raise _NotYetError
        fresh = _answer_replays(parsed, context, results)
        rules = site_rules.at(context.rules_version, lambda: store.read_code_rules(session))
        state = store.read_state(session, context, codes, bill_ids)
        unread = core.parents_of_voided((p.rule_input for p in fresh if p.rule_input), state.bags)
        if unread:
            raise _UnreadParentsError(unread)
        stored = (set(state.bags), set(state.bills))  # the rest are new: inserted, not merged
        fresh.sort(key=lambda p: p.seq)  # applied in the station's order, answered as sent
        counts: dict[tuple[datetime, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        returns: list[dict[str, Any]] = []
        rejected: set[int] = set()

        def event_rows() -> Iterator[EventRow]:
            """Each fresh event's log row, as the rules apply it (a store may write each
            while the rules work out the next)."""
            for item in fresh:
                if item.rule_input is None:
                    assert item.rejection is not None
                    outcome = item.rejection
                else:
                    refusal = _operator_refusal(item, context.operators, batch.imported)
                    outcome = refusal or rules.apply(item.rule_input, state)
                bucket = counts[(item.bucket, item.operator)]
                for counter, n in outcome.counts.items():
                    bucket[counter] += n  # a StrEnum member finds its value's key
                status, reason = outcome.status, outcome.reason
                if status is Status.REJECTED:
                    rejected.add(item.index)
                results[item.index] = Result(
                    item.id,
                    status,
                    reason.value if reason else None,
                    outcome.detail or None,
                    outcome.message if status is not Status.ACCEPTED else None,
                )
                if outcome.return_record is not None:
                    returns.append(_return_row(item, outcome.return_record, now))
                yield _event_row(item, outcome, batch.station_id, now, context.version)

        def changes() -> BatchWrite:
            return BatchWrite(
                station_id=batch.station_id,
                area=station.area,
                now=now,
                version=context.version,
                bags=[(state.bags[c], c in stored[0]) for c in sorted(state.dirty_bags)],
                bills=[(state.bills[b], b in stored[1]) for b in sorted(state.dirty_bills)],
                counts=counts,
                station=_station_values(station, fresh, rejected, batch, now, skew)
                | _own_feed_version(results, context.version),
                returns=returns,
            )

        store.write(session, event_rows(), len(fresh), changes)

    final = [res for res in results if res is not None]
    totals: dict[str, int] = defaultdict(int)
    for res in final:
        totals[res.status.value] += 1
    return IngestOutcome(final, now, dict(totals))


def _operator_refusal(
    item: _Parsed, operators: Mapping[str, Operator], imported: bool = False
) -> core.Outcome | None:
    """Why the operator an event names may not record it, if they may not (docs/domain.md#roles).

    An operator is judged as they were when the event happened: a station offline when a
    user was disabled still delivers that user's earlier scans (their time, corrected for the
    station's clock, is before ``disabled_at``); what they recorded after is refused. A read
    refused at a station before anyone logged in names nobody and needs no one."""
    assert item.rule_input is not None
    event_type, name = item.rule_input.type, item.operator
    allowed = ROLES_FOR.get(event_type)
    if allowed is None or (not name and event_type == EventType.SCAN_REJECTED):
        return None  # an unknown type is the rules' to answer
    if imported:
        allowed = IMPORT_ROLES
    user = operators.get(name)
    if user is None:
        return core.rejected(
            Reason.UNKNOWN_OPERATOR, f"{name!r} is not a user of this site.", operator=name
        )
    assert item.happened is not None  # decoded: it has a time
    if user.disabled and (user.disabled_at is None or item.happened >= user.disabled_at):
        return core.rejected(
            Reason.OPERATOR_DISABLED,
            f"{name}'s account was disabled before this was recorded.",
            operator=name,
        )
    if user.role not in allowed:
        return core.rejected(
            Reason.ROLE_NOT_ALLOWED,
            f"{name} is a {user.role} and may not record {event_type}.",
            operator=name,
            role=user.role,
        )
    return None


def _answer_replays(
    parsed: list[_Parsed], context: Context, results: list[Result | None]
) -> list[_Parsed]:
    """Answer the events already stored (or twice in this batch) as duplicates, with their
    first outcome; the rest are fresh."""
    fresh: list[_Parsed] = []
    seen: set[str] = set()
    for item in parsed:
        prior = context.existing.get(item.id)
        if item.id not in context.existing and item.id not in seen:
            seen.add(item.id)
            fresh.append(item)
            continue
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
    return fresh


_FEED_STATUSES = frozenset({Status.CONFLICT, Status.REJECTED})


def _event_row(
    item: _Parsed, outcome: core.Outcome, station_id: str, now: datetime, version: int
) -> EventRow:
    """The event's row in the log (``db/event_log.EVENT_COLUMNS`` order): its wire fields as
    decoded (a refused one's as far as they are readable, and what it sent kept whole in
    ``raw``), then the server's."""
    status = outcome.status
    wire = item.decoded.stored if item.decoded else _unreadable(item, now)
    return (
        *wire,
        station_id,
        now,
        item.bucket,
        status.value,
        outcome.reason.value if outcome.reason else None,
        _json(outcome.detail) if outcome.detail else None,
        _json(dict(item.raw)) if status is Status.REJECTED else None,
        # conflicts and rejections go to their station in the changes feed
        version if status in _FEED_STATUSES else 0,
    )


def _unreadable(item: _Parsed, now: datetime) -> tuple[Any, ...]:
    """The wire fields of an event refused in shape: its id, seq and type where they can be
    stored, the time it arrived, the rest empty."""
    blank: dict[Kind, Any] = {
        Kind.ID: item.id,
        Kind.SEQ: max(item.seq, 0),
        Kind.TIME: now,
        Kind.OBJECT: JsonText(b"{}"),
    }
    sent_type = str(item.raw.get("type", "")).replace("\x00", "")
    return tuple(
        sent_type[: f.limit] if f.kind is Kind.NAME else blank.get(f.kind, "") for f in EVENT_FIELDS
    )


def _json(value: Any) -> JsonText:
    """``value`` as JSON safe to store (NUL spelt out)."""
    try:
        encoded = orjson.dumps(value, default=str)
        if b"\\u0000" in encoded:
            encoded = orjson.dumps(storable(value), default=str)
    except (TypeError, RecursionError):  # nested deeper than any encoder goes
        encoded = orjson.dumps({"unstorable": "nested too deeply to store"})
    return JsonText(encoded)


def _return_row(item: _Parsed, record: core.ReturnRecord, now: datetime) -> dict[str, Any]:
    return {"event_id": uuid.UUID(item.id), **dataclasses.asdict(record), "created_at": now}


def _own_feed_version(results: list[Result | None], version: int) -> dict[str, Any]:
    """The station's ``own_feed_version`` when the batch stored a conflict or rejection (they
    go to the station in the changes feed at the batch's version)."""
    if any(r is not None and r.status in _FEED_STATUSES for r in results):
        return {"own_feed_version": version}
    return {}


def _station_values(
    station: StationRecord,
    fresh: list[_Parsed],
    rejected: set[int],
    batch: BatchInput,
    now: datetime,
    skew: timedelta,
) -> dict[str, Any]:
    """The upload on the station's record: sequence and gaps, clocks, lag, what it has pending.

    A rejected event (``rejected``: their indexes) never raises the station's last seq: a
    hostile seq must not move it. It fills a gap below it, like any late event."""
    last_seq = station.last_seq
    gaps = station.seq_gaps
    for item in sorted(fresh, key=lambda p: p.seq):
        if item.index in rejected and item.seq > last_seq:
            continue
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
    newest = max((p.decoded.occurred for p in fresh if p.decoded), default=None)
    if newest is not None:
        # in server time: the station's clock error is taken out before comparing
        values["sync_lag_ms"] = max(int((now - (newest + skew)).total_seconds() * 1000), 0)
    if batch.pending is not None:
        values["reported_pending"] = batch.pending
        values["oldest_pending_at"] = batch.oldest_pending_at
    return values
