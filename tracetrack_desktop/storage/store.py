"""The station's local store: outbox, local bag/bill state, users and settings in SQLite.

The durable point of a scan is :meth:`LocalStore.record`: the rules are applied to local
state and the state change plus its outbox event are committed in one ``BEGIN IMMEDIATE``
transaction before it returns, so the operator hears "good" only for a scan that is on disk.

Rebase. Each accepted pending event keeps the pre-images of the rows it changed (``undo``).
When the server's view arrives (a pull, or a conflict that corrects local state), the store
rolls the pending events back in reverse ``seq`` order, writes the server's rows, and replays
the pending events on top under the same rules, all in one transaction. Unsynced local scans
are therefore never lost by a pull, and never counted twice.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    Engine,
    RowMapping,
    bindparam,
    delete,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import DBAPIError

from tracetrack_core import rules as core
from tracetrack_core.codes import DEFAULT_RULES, CodeRules
from tracetrack_core.events import MAX_FIELD_LENGTH, EventType, Status
from tracetrack_core.wire import EVENT_FIELD_NAMES, EVENT_FIELDS, Kind, WireEvent
from tracetrack_desktop.storage import db, schema
from tracetrack_desktop.storage.errors import translate
from tracetrack_desktop.storage.outbox import EventResult, OutboxEvent, SyncStatus
from tracetrack_desktop.storage.uuid7 import UUID7Generator

PENDING = "pending"
DONE = "done"
Clock = Callable[[], datetime]

_FINAL_PROBLEMS = frozenset({Status.CONFLICT.value, Status.REJECTED.value})


def local_now() -> datetime:
    """The station clock, with its UTC offset."""
    return datetime.now().astimezone()


def _dumps(value: Any) -> str:
    """Compact JSON with sorted keys (orjson; the standard encoder for what orjson refuses,
    such as an integer beyond 64 bits)."""
    try:
        return orjson.dumps(value, default=str, option=orjson.OPT_SORT_KEYS).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, separators=(",", ":"), sort_keys=True, default=str)


def _loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # e.g. NaN, which the standard encoder once wrote
        return json.loads(text)


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("station times need a UTC offset (an aware datetime)")
    return moment.isoformat(timespec="milliseconds")


def _parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


RULES_TTL_S = 2.0
"""How long the site's code rules are reused before they are read again (every scan asks)."""

_IN_CHUNK = 500
"""Ids per ``IN (...)`` list (far below SQLite's bound-variable limit)."""


def _wire_json_sql() -> str:
    """SQLite's ``json_object`` of an outbox row's wire fields, objects stored as JSON text
    spliced in as JSON (NULL if one is not valid JSON)."""
    pairs = ", ".join(
        f"'{f.name}', " + (f"json({f.name})" if f.kind is Kind.OBJECT else f.name)
        for f in EVENT_FIELDS
    )
    valid = " AND ".join(f"json_valid({f.name})" for f in EVENT_FIELDS if f.kind is Kind.OBJECT)
    return f"CASE WHEN {valid} THEN json_object({pairs}) END"


_NEXT_BATCH = (
    f"SELECT {', '.join(EVENT_FIELD_NAMES)}, {_wire_json_sql()}"  # noqa: S608 - our own names
    " FROM events WHERE sync_state = ? AND seq > ? ORDER BY seq LIMIT ?"
)
"""The oldest pending events after a seq (-1: from the start), in the outbox's own order, each
with its wire JSON (docs/protocol.md#event-object) made by SQLite: a backlog reads 2,000 at a
time, and encoding them in Python had cost twice the read. Data that is not standard JSON (a
NaN an old version wrote) is encoded in Python instead."""

_NO_DATA: Mapping[str, Any] = MappingProxyType({})

_SETTLE = text(
    "UPDATE events SET sync_state = 'done', result_status = a.value ->> 1,"
    " result_reason = a.value ->> 2, result_detail = a.value ->> 3, settled_at = :now,"
    " undo = NULL FROM json_each(:answers) AS a"
    " WHERE events.id = a.value ->> 0 AND events.sync_state != 'done'"
)
"""Settle a batch's answers, given as one JSON array of ``[id, status, reason, detail]``
(events already done are left as they are: settling is idempotent)."""

_SETTLE_ACCEPTED = text(
    "UPDATE events SET sync_state = 'done', result_status = 'accepted', result_reason = NULL,"
    " result_detail = a.value, settled_at = :now, undo = NULL FROM json_each(:answers) AS a"
    " WHERE events.id = a.key AND events.sync_state != 'done'"
)
"""Settle plain accepts, given as one JSON object of id → detail (or null): SQLite reads each
answer's id and detail as they are, where the array of arrays above has each element parsed
again for each of its four values (a backlog's 2,000-event batch: ~7 against ~11 ms)."""

_ACCEPTED = Status.ACCEPTED.value

_KEPT_DELIVERED = (
    "sync_state = 'done'"
    # an event refused alone was settled here, never stored by the server: not delivered
    " AND coalesce(json_extract(result_detail, '$.refused_alone'), 0) != 1"
)

_DELIVERED_RANGES = text(
    # gaps and islands: consecutive seqs share seq - rank, so each group is one range
    "SELECT min(seq), max(seq) FROM (SELECT seq, seq - row_number() OVER (ORDER BY seq) AS"  # noqa: S608 - our own text
    f" island FROM events WHERE {_KEPT_DELIVERED}) GROUP BY island ORDER BY 1"
)
"""The delivered events the outbox still keeps, as inclusive seq ranges."""

_RESEND = text(
    "UPDATE events SET sync_state = 'pending', result_status = NULL, result_reason = NULL,"  # noqa: S608 - our own text
    f" result_detail = NULL, settled_at = NULL WHERE {_KEPT_DELIVERED}"
    " AND NOT EXISTS (SELECT 1 FROM json_each(:held) AS h"
    "  WHERE events.seq BETWEEN h.value ->> 0 AND h.value ->> 1)"
    " RETURNING id"
)
"""Queue again the delivered events whose seq is in none of the held ranges (a JSON array of
``[first, last]``): the same rows, so the same id, seq and times."""

_PRUNE = text(
    "DELETE FROM events WHERE sync_state = 'done' AND coalesce(settled_at, created_at) < :before"
)


@dataclass(frozen=True)
class UserRecord:
    """An operator as cached from the server's feed, plus this station's login guard."""

    username: str
    password_hash: str
    role: str
    area: str = ""
    badge: str | None = None
    disabled: bool = False
    display_name: str = ""
    failed_logins: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True)
class StoredEvent:
    """An outbox row: the wire event plus what happened to it."""

    event: OutboxEvent
    sync_state: str
    local_status: str
    created_at: str
    result_status: str | None = None
    result_reason: str | None = None
    result_detail: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ConflictRecord:
    """A station event the server answered with conflict or rejected."""

    event_id: str
    type: str
    code: str
    parent: str
    bill: str
    status: str
    reason: str
    detail: Mapping[str, Any]
    message: str
    received_at: str
    acknowledged: bool


@dataclass(frozen=True)
class StatusSnapshot:
    """What ``tracetrack-station status`` prints."""

    station_id: str | None
    pending: int
    oldest_pending_at: datetime | None
    last_sync: datetime | None
    last_attempt: datetime | None
    last_error: str | None
    online: bool
    conflicts: int

    def as_dict(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "station_id": self.station_id,
            "pending": self.pending,
            "oldest_pending_at": iso(self.oldest_pending_at),
            "last_sync": iso(self.last_sync),
            "last_attempt": iso(self.last_attempt),
            "last_error": self.last_error,
            "online": self.online,
            "conflicts": self.conflicts,
        }


# -- rows <-> rule objects ---------------------------------------------------------------------


def _bag_from(row: RowMapping | Mapping[str, Any]) -> core.Bag:
    return core.Bag(
        code=row["code"],
        kind=row["kind"],
        parent=row["parent"],
        child_count=int(row["child_count"]),
        status=row["status"],
        bill=row["bill"],
    )


def _bill_from(row: RowMapping | Mapping[str, Any]) -> core.Bill:
    return core.Bill(
        bill_id=row["bill_id"],
        capacity=int(row["capacity"]),
        destination=row["destination"] or "",
        vehicle=row["vehicle"] or "",
        status=row["status"],
        parent_count=int(row["parent_count"]),
        actual_kg=int(row["actual_kg"]),
        expected_kg=int(row["expected_kg"]),
    )


def _upsert(table: Any, key: str) -> Any:
    """``INSERT … ON CONFLICT (key) DO UPDATE`` every other column, built once: a scan runs
    it with plain parameters (building statements per scan cost more than the commit)."""
    stmt = insert(table)
    others = {c.name: stmt.excluded[c.name] for c in table.c if c.name != key}
    return stmt.on_conflict_do_update(index_elements=[key], set_=others)


_PUT_BAG = _upsert(schema.bags, "code")
_PUT_BILL = _upsert(schema.bills, "bill_id")
_BAG_BY_CODE = select(schema.bags).where(schema.bags.c.code == bindparam("code"))
_BILL_BY_ID = select(schema.bills).where(schema.bills.c.bill_id == bindparam("bill_id"))


def _put_bag(conn: Connection, values: Mapping[str, Any]) -> None:
    row = {
        "code": values["code"],
        "kind": values["kind"],
        "parent": values.get("parent"),
        "child_count": int(values.get("child_count") or 0),
        "status": values.get("status") or core.OPEN,
        "bill": values.get("bill"),
    }
    conn.execute(_PUT_BAG, row)


def _put_bill(conn: Connection, values: Mapping[str, Any]) -> None:
    row = {
        "bill_id": values["bill_id"],
        "capacity": int(values["capacity"]),
        "destination": values.get("destination") or "",
        "vehicle": values.get("vehicle") or "",
        "status": values.get("status") or core.BILL_NEW,
        "parent_count": int(values.get("parent_count") or 0),
        "actual_kg": int(values.get("actual_kg") or 0),
        "expected_kg": int(values.get("expected_kg") or 0),
    }
    conn.execute(_PUT_BILL, row)


_INSERT_EVENT = insert(schema.events)


class _TxState:
    """The rules' :class:`~tracetrack_core.rules.State` over one open transaction.

    Rows are loaded once and handed out as the same object (the rules compare and mutate
    them); :meth:`flush` writes the changed ones and returns their pre-images for ``undo``.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._bags: dict[str, core.Bag | None] = {}
        self._bills: dict[str, core.Bill | None] = {}
        self._bag_before: dict[str, dict[str, Any] | None] = {}
        self._bill_before: dict[str, dict[str, Any] | None] = {}
        self._dirty_bags: set[str] = set()
        self._dirty_bills: set[str] = set()

    def bag(self, code: str) -> core.Bag | None:
        if code not in self._bags:
            row = self._conn.execute(_BAG_BY_CODE, {"code": code}).mappings().first()
            bag = _bag_from(row) if row else None
            self._bags[code] = bag
            self._bag_before.setdefault(code, dataclasses.asdict(bag) if bag else None)
        return self._bags[code]

    def bill(self, bill_id: str) -> core.Bill | None:
        if bill_id not in self._bills:
            row = self._conn.execute(_BILL_BY_ID, {"bill_id": bill_id}).mappings().first()
            bill = _bill_from(row) if row else None
            self._bills[bill_id] = bill
            self._bill_before.setdefault(bill_id, dataclasses.asdict(bill) if bill else None)
        return self._bills[bill_id]

    def save_bag(self, bag: core.Bag) -> None:
        if bag.code not in self._bag_before:
            self.bag(bag.code)
        self._bags[bag.code] = bag
        self._dirty_bags.add(bag.code)

    def save_bill(self, bill: core.Bill) -> None:
        if bill.bill_id not in self._bill_before:
            self.bill(bill.bill_id)
        self._bills[bill.bill_id] = bill
        self._dirty_bills.add(bill.bill_id)

    def flush(self) -> dict[str, Any]:
        """Write changed rows; return ``{"bags": {code: before}, "bills": {id: before}}``."""
        for code in sorted(self._dirty_bags):
            bag = self._bags[code]
            assert bag is not None
            _put_bag(self._conn, dataclasses.asdict(bag))
        for bill_id in sorted(self._dirty_bills):
            bill = self._bills[bill_id]
            assert bill is not None
            _put_bill(self._conn, dataclasses.asdict(bill))
        return {
            "bags": {code: self._bag_before[code] for code in sorted(self._dirty_bags)},
            "bills": {key: self._bill_before[key] for key in sorted(self._dirty_bills)},
        }


def _restore(conn: Connection, undo: Mapping[str, Any]) -> None:
    for code, before in undo.get("bags", {}).items():
        if before is None:
            conn.execute(delete(schema.bags).where(schema.bags.c.code == code))
        else:
            _put_bag(conn, before)
    for bill_id, before in undo.get("bills", {}).items():
        if before is None:
            conn.execute(delete(schema.bills).where(schema.bills.c.bill_id == bill_id))
        else:
            _put_bill(conn, before)


def _event_from(row: RowMapping) -> OutboxEvent:
    return _outbox_event([row[name] for name in EVENT_FIELD_NAMES])


def _outbox_event(values: Sequence[Any], encoded: bytes | None = None) -> OutboxEvent:
    """An outbox event from its wire columns, in :data:`EVENT_FIELDS` order."""
    fields = [*values, encoded]
    for i in _OBJECT_COLUMNS:
        fields[i] = _object(fields[i])
    return OutboxEvent(*fields)


_OBJECT_COLUMNS = tuple(i for i, f in enumerate(EVENT_FIELDS) if f.kind is Kind.OBJECT)
"""The wire columns stored as JSON text."""


def _object(text: str) -> Mapping[str, Any]:
    return _NO_DATA if text == "{}" else _loads(text)  # most events carry no data


def _wire_columns(event: WireEvent) -> dict[str, Any]:
    """An event's wire fields as outbox columns (objects as JSON text)."""
    return {
        f.name: _dumps(value) if f.kind is Kind.OBJECT else value
        for f in EVENT_FIELDS
        for value in [getattr(event, f.name)]
    }


def _stored_from(row: RowMapping) -> StoredEvent:
    detail = row["result_detail"]
    return StoredEvent(
        event=_event_from(row),
        sync_state=row["sync_state"],
        local_status=row["local_status"],
        created_at=row["created_at"],
        result_status=row["result_status"],
        result_reason=row["result_reason"],
        result_detail=json.loads(detail) if detail else None,
    )


def _user_from(row: RowMapping) -> UserRecord:
    return UserRecord(
        username=row["username"],
        password_hash=row["password_hash"],
        role=row["role"],
        area=row["area"],
        badge=row["badge"],
        disabled=bool(row["disabled"]),
        display_name=row["display_name"],
        failed_logins=int(row["failed_logins"]),
        locked_until=_parse_time(row["locked_until"]),
    )


def _meta_get(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()
    return None if value is None else str(value)


def _meta_put(conn: Connection, key: str, value: str) -> None:
    stmt = insert(schema.meta).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def _conflict_message(event: OutboxEvent, result: EventResult) -> str:
    """One sentence for the supervisor reading the conflicts list."""
    detail = result.detail or {}
    who = f"{event.operator or 'someone'} at {event.occurred_at}"
    if result.reason == "child_in_other_parent" and detail.get("current_parent"):
        return (
            f"{detail['current_parent']} already holds {event.code}; the scan into "
            f"{event.parent} by {who} did not count. Take {event.code} out of {event.parent}."
        )
    if result.reason == "already_on_other_bill" and detail.get("current_bill"):
        return (
            f"{event.code} is on bill {detail['current_bill']}; adding it to {event.bill} "
            f"by {who} did not count."
        )
    if result.message:
        return result.message
    subject = event.code or event.bill
    return f"The server refused {event.type} of {subject} by {who} ({result.reason})."


def _snapshot(conn: Connection) -> StatusSnapshot:
    pending = conn.execute(
        select(func.count()).select_from(schema.events).where(schema.events.c.sync_state == PENDING)
    ).scalar_one()
    oldest = conn.execute(
        select(schema.events.c.occurred_at)
        .where(schema.events.c.sync_state == PENDING)
        .order_by(schema.events.c.seq)
        .limit(1)
    ).scalar()
    conflicts = conn.execute(
        select(func.count())
        .select_from(schema.conflicts)
        .where(schema.conflicts.c.acknowledged == 0)
    ).scalar_one()
    sync = _sync_status_in(conn)
    return StatusSnapshot(
        station_id=_meta_get(conn, "station_id"),
        pending=int(pending),
        oldest_pending_at=_parse_time(oldest),
        last_sync=sync.last_success_at,
        last_attempt=sync.last_attempt_at,
        last_error=sync.last_error,
        online=sync.online,
        conflicts=int(conflicts),
    )


def _sync_status_in(conn: Connection) -> SyncStatus:
    raw = _meta_get(conn, "sync_status")
    total = conn.execute(select(func.count()).select_from(schema.conflicts)).scalar_one()
    if not raw:
        return SyncStatus(conflicts_total=int(total))
    data = json.loads(raw)
    return SyncStatus(
        online=bool(data.get("online")),
        last_success_at=_parse_time(data.get("last_success_at")),
        last_attempt_at=_parse_time(data.get("last_attempt_at")),
        last_error=data.get("last_error"),
        clock_skew_ms=data.get("clock_skew_ms"),
        conflicts_total=int(total),
    )


def read_status(data_dir: Path | str) -> StatusSnapshot:
    """Read the status of a station database from another process, without writing to it.

    Raises:
        StorageError: there is no database in ``data_dir`` or it cannot be read.
    """
    if not db.database_path(data_dir).exists():
        raise FileNotFoundError(f"No station database in {data_dir}.")
    engine = db.open_readonly_engine(data_dir)
    try:
        with engine.connect() as conn, conn.begin():
            return _snapshot(conn)
    except DBAPIError as exc:
        raise translate(exc) from exc
    finally:
        engine.dispose()


class LocalStore:
    """The station database behind the workflows and the sync worker (an ``OutboxPort``)."""

    def __init__(self, data_dir: Path | str, clock: Clock = local_now) -> None:
        """Open (create, upgrade) ``station.db`` in ``data_dir``.

        Args:
            data_dir: the station's data folder (made 0700; the file 0600).
            clock: the station clock, returning aware datetimes; stamps ``occurred_at``.
        """
        self.data_dir = Path(data_dir)
        self.engine: Engine = db.open_engine(self.data_dir)
        self._clock = clock
        with self._read() as conn:
            newest = conn.execute(
                select(schema.events.c.id).order_by(schema.events.c.seq.desc()).limit(1)
            ).scalar()
        self._ids = UUID7Generator(after=newest)
        self._rules_cache: tuple[float, core.Rules] | None = None

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def _tx(self, *, write: bool) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{db.WRITE_OPTION: write})
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise translate(exc) from exc

    def _write(self) -> AbstractContextManager[Connection]:
        return self._tx(write=True)

    def _read(self) -> AbstractContextManager[Connection]:
        return self._tx(write=False)

    # -- recording -----------------------------------------------------------------------

    def _now(self, at: datetime | None) -> datetime:
        moment = at or self._clock()
        _iso(moment)  # refuse naive times early, before anything is written
        return moment

    def _insert_event(
        self,
        conn: Connection,
        *,
        type_: str,
        when: datetime,
        operator: str,
        code: str = "",
        parent: str = "",
        bill: str = "",
        data: Mapping[str, Any] | None = None,
        local_status: str,
        undo: Mapping[str, Any] | None = None,
    ) -> OutboxEvent:
        # the counter row is updated inside this transaction: a seq is never reused, even
        # after a crash, and never skipped back (rolled-back writes roll it back too)
        seq = int(
            conn.exec_driver_sql(
                "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                "WHERE key = 'last_seq' RETURNING value"
            ).scalar_one()
        )
        event = OutboxEvent(
            id=str(self._ids.new(int(when.timestamp() * 1000))),
            seq=seq,
            type=type_,
            occurred_at=_iso(when),
            operator=operator[:MAX_FIELD_LENGTH],
            code=code[:MAX_FIELD_LENGTH],
            parent=parent[:MAX_FIELD_LENGTH],
            bill=bill[:MAX_FIELD_LENGTH],
            data=dict(data or {}),
        )
        conn.execute(
            _INSERT_EVENT,
            {
                **_wire_columns(event),
                "created_at": _iso(datetime.now(UTC)),
                "sync_state": PENDING,
                "local_status": local_status,
                "undo": _dumps(undo) if undo else None,
            },
        )
        return event

    def record(
        self,
        event_input: core.EventInput,
        operator: str,
        rules: core.Rules,
        *,
        at: datetime | None = None,
    ) -> tuple[core.Outcome, OutboxEvent | None]:
        """Apply one action to local state and queue its event, durably, in one transaction.

        Accepted and duplicate outcomes queue the event itself (the server counts duplicates);
        a local conflict or rejection changes nothing and queues a ``scan_rejected`` event.

        Raises:
            StorageError: nothing was written; the operator must not be told "good".
        """
        when = self._now(at)
        with self._write() as conn:
            state = _TxState(conn)
            outcome = rules.apply(event_input, state)
            if outcome.status in (Status.ACCEPTED, Status.DUPLICATE):
                undo = state.flush() if outcome.status is Status.ACCEPTED else None
                event = self._insert_event(
                    conn,
                    type_=event_input.type,
                    when=when,
                    operator=operator,
                    code=event_input.code,
                    parent=event_input.parent,
                    bill=event_input.bill,
                    data=event_input.data,
                    local_status=outcome.status.value,
                    undo=undo,
                )
            else:
                data: dict[str, Any] = {
                    "reason": outcome.reason.value if outcome.reason else outcome.status.value,
                    "attempted_type": event_input.type,
                }
                for key in ("parent", "bill"):
                    value = getattr(event_input, key)
                    if value:
                        data[key] = value[:MAX_FIELD_LENGTH]
                event = self._insert_event(
                    conn,
                    type_=EventType.SCAN_REJECTED.value,
                    when=when,
                    operator=operator,
                    code=event_input.code,
                    data=data,
                    local_status=outcome.status.value,
                )
        return outcome, event

    def record_refused_read(
        self,
        text_summary: str,
        reason: str,
        operator: str,
        *,
        attempted_type: str = "",
        at: datetime | None = None,
    ) -> OutboxEvent:
        """Queue a ``scan_rejected`` event for a read the decoder or workflow refused."""
        when = self._now(at)
        # printable summary only: the server refuses control characters in fields
        summary = "".join(ch if ch.isprintable() else "?" for ch in text_summary)
        data: dict[str, Any] = {"reason": reason, "read": summary[:MAX_FIELD_LENGTH]}
        if attempted_type:
            data["attempted_type"] = attempted_type
        with self._write() as conn:
            return self._insert_event(
                conn,
                type_=EventType.SCAN_REJECTED.value,
                when=when,
                operator=operator,
                data=data,
                local_status=Status.REJECTED.value,
            )

    # -- OutboxPort ----------------------------------------------------------------------

    def next_batch(
        self, max_events: int, max_bytes: int, after_seq: int | None = None
    ) -> list[OutboxEvent]:
        """Oldest pending first; at least one event, even one alone over ``max_bytes``.

        ``after_seq``: only events after it (the sync reads ahead while a batch is in flight).
        """
        with self._read() as conn:
            # plain rows through the driver: a backlog reads 500 at a time, and the mapped
            # rows and statement handling had cost more than the read itself
            rows = conn.exec_driver_sql(
                _NEXT_BATCH, (PENDING, -1 if after_seq is None else after_seq, max(1, max_events))
            ).fetchall()
        batch: list[OutboxEvent] = []
        size = 64  # the envelope: station_id, sent_at, brackets
        for *values, wire in rows:
            event = _outbox_event(values, wire.encode() if wire is not None else None)
            event_size = len(event.wire_json) + 1  # as the client sends it, and a comma
            if batch and size + event_size > max_bytes:
                break
            batch.append(event)
            size += event_size
        return batch

    def settle(self, results: Sequence[EventResult]) -> list[EventResult]:
        """Mark answered events done; store and apply conflicts and rejections.

        Returns:
            The conflicts and rejections among ``results`` that were still pending here.
        """
        problems: list[EventResult] = []
        now = _iso(datetime.now(UTC))
        latest = {result.id: result for result in results}  # one answer per id
        with self._write() as conn:
            settled: list[tuple[OutboxEvent, EventResult]] = []
            troubled = [r.id for r in latest.values() if r.status in _FINAL_PROBLEMS]
            rows: list[RowMapping] = []
            for start in range(0, len(troubled), _IN_CHUNK):  # one read per chunk, not per event
                rows.extend(
                    conn.execute(
                        select(schema.events).where(
                            schema.events.c.id.in_(troubled[start : start + _IN_CHUNK]),
                            schema.events.c.sync_state != DONE,  # settling is idempotent
                        )
                    )
                    .mappings()
                    .all()
                )
            for row in sorted(rows, key=lambda r: r["seq"]):
                result = latest[row["id"]]
                problems.append(result)
                settled.append((_event_from(row), result))
            # one statement for the plain accepts of a batch, whatever its size, and one for
            # the rest
            accepted: dict[str, Mapping[str, Any] | None] = {}
            answers = []
            for r in latest.values():
                if r.status == _ACCEPTED and r.reason is None:
                    accepted[r.id] = r.detail or None
                else:
                    answers.append(
                        [r.id, r.status, r.reason, _dumps(dict(r.detail)) if r.detail else None]
                    )
            if accepted:
                conn.execute(_SETTLE_ACCEPTED, {"answers": _dumps(accepted), "now": now})
            if answers:
                conn.execute(_SETTLE, {"answers": orjson.dumps(answers).decode(), "now": now})
            if settled:
                for event, result in settled:
                    self._store_conflict(conn, event, result, now)
                self._rebase(conn, lambda: self._correct(conn, settled))
        return problems

    def _store_conflict(
        self, conn: Connection, event: OutboxEvent, result: EventResult, received_at: str
    ) -> None:
        stmt = insert(schema.conflicts).values(
            event_id=event.id,
            type=event.type,
            code=event.code,
            parent=event.parent,
            bill=event.bill,
            status=result.status,
            reason=result.reason or "",
            detail=_dumps(dict(result.detail or {})),
            message=_conflict_message(event, result),
            received_at=received_at,
            acknowledged=0,
        )
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["event_id"]))

    def _correct(
        self, conn: Connection, settled: Sequence[tuple[OutboxEvent, EventResult]]
    ) -> None:
        """Take back local effects the server refused (the feed brings the authoritative rows)."""
        rules = self._rules_in(conn)
        for event, result in settled:
            detail = result.detail or {}
            state = _TxState(conn)
            if event.type == EventType.CHILD_LINK:
                child = state.bag(event.code)
                if child is None or child.parent != event.parent:
                    continue
                rules.apply(
                    core.EventInput(EventType.CHILD_UNLINK, event.code, event.parent), state
                )
                current = detail.get("current_parent")
                if isinstance(current, str) and current:
                    child = state.bag(event.code)
                    assert child is not None
                    child.parent = current
                    state.save_bag(child)
                state.flush()
            elif event.type == EventType.BILL_ADD_PARENT:
                bill_id = core.normalise_bill_id(event.bill)
                parent = state.bag(event.code)
                if parent is None or parent.bill != bill_id:
                    continue
                rules.apply(
                    core.EventInput(EventType.BILL_REMOVE_PARENT, event.code, bill=bill_id),
                    state,
                )
                current = detail.get("current_bill")
                if isinstance(current, str) and current:
                    parent = state.bag(event.code)
                    assert parent is not None
                    parent.bill = current
                    state.save_bag(parent)
                state.flush()

    def _pending_rows(self, conn: Connection) -> list[RowMapping]:
        return list(
            conn.execute(
                select(schema.events)
                .where(schema.events.c.sync_state == PENDING)
                .order_by(schema.events.c.seq)
            )
            .mappings()
            .all()
        )

    def _rebase(self, conn: Connection, change_base: Callable[[], None]) -> None:
        """Roll pending events back, change the base state, replay pending events on top."""
        for row in reversed(self._pending_rows(conn)):
            if row["undo"]:
                _restore(conn, json.loads(row["undo"]))
        change_base()
        rules = self._rules_in(conn)
        for row in self._pending_rows(conn):
            event = _event_from(row)
            if event.type == EventType.SCAN_REJECTED:
                continue  # changes no state
            state = _TxState(conn)
            outcome = rules.apply(
                core.EventInput(event.type, event.code, event.parent, event.bill, event.data),
                state,
            )
            undo = state.flush() if outcome.status is Status.ACCEPTED else None
            conn.execute(
                update(schema.events)
                .where(schema.events.c.id == event.id)
                .values(local_status=outcome.status.value, undo=_dumps(undo) if undo else None)
            )

    def pending_count(self) -> int:
        with self._read() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(schema.events)
                    .where(schema.events.c.sync_state == PENDING)
                ).scalar_one()
            )

    def oldest_pending_at(self) -> datetime | None:
        with self._read() as conn:
            return _parse_time(
                conn.execute(
                    select(schema.events.c.occurred_at)
                    .where(schema.events.c.sync_state == PENDING)
                    .order_by(schema.events.c.seq)
                    .limit(1)
                ).scalar()
            )

    def changes_cursor(self) -> str | None:
        with self._read() as conn:
            return _meta_get(conn, "cursor")

    # -- after a server restore (docs/protocol.md, "Restores") ---------------------------

    def server_epoch(self) -> str | None:
        """The server's database epoch this station last took in (None: none yet)."""
        with self._read() as conn:
            return _meta_get(conn, "server_epoch")

    def record_server_epoch(self, epoch: str) -> None:
        with self._write() as conn:
            _meta_put(conn, "server_epoch", epoch)

    def delivered_seq_ranges(self) -> list[tuple[int, int]]:
        """The delivered events still kept, as inclusive seq ranges in order."""
        with self._read() as conn:
            return [(int(a), int(b)) for a, b in conn.execute(_DELIVERED_RANGES).all()]

    def resend_missing(self, held: Sequence[tuple[int, int]]) -> int:
        """Queue again every kept delivered event whose seq is not in ``held``, in one
        transaction: they go out in seq order, as they were, and their new answers settle
        them afresh (the conflicts recorded for them are dropped until then). The changes
        cursor is forgotten too: the restored server's feed starts again from the beginning.

        Returns:
            How many events were queued again.
        """
        with self._write() as conn:
            ids = list(conn.execute(_RESEND, {"held": _dumps([list(r) for r in held])}).scalars())
            for start in range(0, len(ids), _IN_CHUNK):
                conn.execute(
                    delete(schema.conflicts).where(
                        schema.conflicts.c.event_id.in_(ids[start : start + _IN_CHUNK])
                    )
                )
            conn.execute(delete(schema.meta).where(schema.meta.c.key == "cursor"))
        return len(ids)

    def prune_delivered(self, before: datetime) -> int:
        """Drop delivered events settled before ``before`` (the retention,
        ``[server] keep_delivered_days``); pending events are never dropped."""
        with self._write() as conn:
            done = conn.execute(_PRUNE, {"before": _iso(before.astimezone(UTC))})
            return int(done.rowcount or 0)

    def apply_changes(self, changes: Sequence[Mapping[str, Any]], cursor: str) -> None:
        self._rules_cache = None  # the feed may bring new code rules
        self._apply_changes(changes, cursor)

    def _apply_changes(self, changes: Sequence[Mapping[str, Any]], cursor: str) -> None:
        """Store the server's rows and the cursor atomically, keeping pending local scans.

        Pending events are rebased (rolled back, then replayed on the new rows) only when
        the feed touches a bag, bill or rule they depend on; otherwise rows are just upserted.
        """
        received = _iso(datetime.now(UTC))
        with self._write() as conn:
            pending = self._pending_rows(conn)
            depends: set[str] = set()
            for row in pending:
                event = _event_from(row)
                depends |= core.codes_touched(
                    core.EventInput(event.type, event.code, event.parent, event.bill, event.data)
                )
                if row["undo"]:
                    undo = json.loads(row["undo"])
                    depends |= set(undo.get("bags", {}))
                    depends |= {"bill:" + key for key in undo.get("bills", {})}
            touched: set[str] = set()
            for item in changes:
                kind, data = item.get("kind"), item.get("data") or {}
                if kind == "bag":
                    touched.add(str(data.get("code", item.get("key", ""))))
                elif kind == "bill":
                    touched.add("bill:" + str(data.get("bill_id", item.get("key", ""))))
                elif kind in ("setting", "conflict"):
                    touched.add("*")
            needs_rebase = bool(pending) and bool(touched & (depends | {"*"}))

            def write_rows() -> None:
                for item in changes:
                    self._apply_item(conn, item, received)
                _meta_put(conn, "cursor", cursor)

            if needs_rebase:
                self._rebase(conn, write_rows)
            else:
                write_rows()

    def _apply_item(self, conn: Connection, item: Mapping[str, Any], received: str) -> None:
        kind = item.get("kind")
        data: Mapping[str, Any] = item.get("data") or {}
        if kind == "bag":
            _put_bag(conn, data)
        elif kind == "bill":
            _put_bill(conn, data)
        elif kind == "user":
            self._put_user(conn, data)
        elif kind == "setting":
            key = str(item.get("key", ""))
            if key == "code_rules":
                try:
                    CodeRules.model_validate(data)
                except ValidationError:
                    return  # keep the rules we have rather than brick the station
            stmt = insert(schema.settings).values(key=key, data=_dumps(data))
            conn.execute(
                stmt.on_conflict_do_update(index_elements=["key"], set_={"data": _dumps(data)})
            )
        elif kind == "conflict":
            event_id = str(data.get("id", item.get("key", "")))
            row = (
                conn.execute(select(schema.events).where(schema.events.c.id == event_id))
                .mappings()
                .first()
            )
            if row is None:
                return
            result = EventResult(
                id=event_id,
                status=str(data.get("status", Status.CONFLICT.value)),
                reason=data.get("reason"),
                detail=data.get("detail") or {},
            )
            self._store_conflict(conn, _event_from(row), result, received)
            if row["sync_state"] == PENDING:
                # the answer to our own upload came by the feed: it is final
                conn.execute(
                    update(schema.events)
                    .where(schema.events.c.id == event_id)
                    .values(
                        sync_state=DONE,
                        result_status=result.status,
                        result_reason=result.reason,
                        result_detail=_dumps(dict(result.detail or {})),
                        settled_at=received,
                        undo=None,
                    )
                )
        # unknown kinds are ignored: the feed may grow new kinds

    @staticmethod
    def _put_user(conn: Connection, data: Mapping[str, Any]) -> None:
        row = {
            "username": str(data["username"]),
            "display_name": str(data.get("display_name") or ""),
            "password_hash": str(data.get("password_hash") or ""),
            "role": str(data.get("role") or ""),
            "area": str(data.get("area") or ""),
            "badge": (str(data["badge"]).strip().upper() or None) if data.get("badge") else None,
            "disabled": 1 if data.get("disabled") else 0,
        }
        # failed_logins / locked_until are this station's own and survive a refresh
        stmt = insert(schema.users).values(**row, failed_logins=0, locked_until=None)
        conn.execute(stmt.on_conflict_do_update(index_elements=["username"], set_=row))

    def record_sync(self, status: SyncStatus) -> None:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        raw = _dumps(
            {
                "online": status.online,
                "last_success_at": iso(status.last_success_at),
                "last_attempt_at": iso(status.last_attempt_at),
                "last_error": status.last_error,
                "clock_skew_ms": status.clock_skew_ms,
            }
        )
        with self._write() as conn:
            _meta_put(conn, "sync_status", raw)

    def sync_status(self) -> SyncStatus:
        with self._read() as conn:
            return _sync_status_in(conn)

    def status_snapshot(self) -> StatusSnapshot:
        with self._read() as conn:
            return _snapshot(conn)

    # -- identity and settings -----------------------------------------------------------

    def set_identity(self, station_id: str, server_url: str) -> None:
        with self._write() as conn:
            _meta_put(conn, "station_id", station_id)
            _meta_put(conn, "server_url", server_url)

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            _meta_put(conn, key, value)

    def add_local_user(
        self, username: str, password_hash: str, role: str, display_name: str = ""
    ) -> None:
        """An operator made on this station (offline-only setup), kept like a cached one."""
        with self._write() as conn:
            self._put_user(
                conn,
                {
                    "username": username,
                    "password_hash": password_hash,
                    "role": role,
                    "display_name": display_name,
                },
            )

    def meta(self, key: str) -> str | None:
        with self._read() as conn:
            return _meta_get(conn, key)

    def setting(self, key: str) -> Mapping[str, Any] | None:
        with self._read() as conn:
            raw = conn.execute(
                select(schema.settings.c.data).where(schema.settings.c.key == key)
            ).scalar()
        return json.loads(raw) if raw else None

    def _rules_in(self, conn: Connection) -> core.Rules:
        raw = conn.execute(
            select(schema.settings.c.data).where(schema.settings.c.key == "code_rules")
        ).scalar()
        return core.Rules(_parse_rules(raw))

    def code_rules(self) -> CodeRules:
        """The site's code rules from the feed (the defaults until the first pull)."""
        return self.rules().codes

    def rules(self) -> core.Rules:
        """The site's rules, read at most every :data:`RULES_TTL_S` (every scan asks).

        A change written through this store is seen at once, one written by another
        connection (the sync worker's) within that time.
        """
        now = time.monotonic()
        if self._rules_cache is None or now - self._rules_cache[0] >= RULES_TTL_S:
            with self._read() as conn:
                self._rules_cache = (now, self._rules_in(conn))
        return self._rules_cache[1]

    def set_code_rules(self, rules: CodeRules) -> None:
        """The site's code rules, set on an offline-only station (a server's feed sets them
        everywhere else, and would replace these on its next pull)."""
        self._rules_cache = None
        data = _dumps(rules.model_dump(mode="json"))
        with self._write() as conn:
            stmt = insert(schema.settings).values(key="code_rules", data=data)
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"data": data}))

    # -- users ---------------------------------------------------------------------------

    def user(self, username: str) -> UserRecord | None:
        with self._read() as conn:
            row = (
                conn.execute(
                    select(schema.users).where(
                        func.lower(schema.users.c.username) == username.strip().lower()
                    )
                )
                .mappings()
                .first()
            )
        return _user_from(row) if row else None

    def user_by_badge(self, badge: str) -> UserRecord | None:
        with self._read() as conn:
            row = (
                conn.execute(select(schema.users).where(schema.users.c.badge == badge))
                .mappings()
                .first()
            )
        return _user_from(row) if row else None

    def note_login_failure(
        self, username: str, now: datetime, max_failures: int, lock_for: timedelta
    ) -> UserRecord | None:
        """Count a failed login; the ``max_failures``-th locks the account for ``lock_for``."""
        with self._write() as conn:
            row = (
                conn.execute(select(schema.users).where(schema.users.c.username == username))
                .mappings()
                .first()
            )
            if row is None:
                return None
            failed = int(row["failed_logins"]) + 1
            locked_until = row["locked_until"]
            if failed >= max_failures:
                failed, locked_until = 0, _iso(now + lock_for)
            conn.execute(
                update(schema.users)
                .where(schema.users.c.username == username)
                .values(failed_logins=failed, locked_until=locked_until)
            )
            row = (
                conn.execute(select(schema.users).where(schema.users.c.username == username))
                .mappings()
                .one()
            )
            return _user_from(row)

    def note_login_success(self, username: str) -> None:
        with self._write() as conn:
            conn.execute(
                update(schema.users)
                .where(schema.users.c.username == username)
                .values(failed_logins=0, locked_until=None)
            )

    # -- reading state -------------------------------------------------------------------

    def bag(self, code: str) -> core.Bag | None:
        with self._read() as conn:
            row = (
                conn.execute(select(schema.bags).where(schema.bags.c.code == code))
                .mappings()
                .first()
            )
        return _bag_from(row) if row else None

    def bill(self, bill_id: str) -> core.Bill | None:
        with self._read() as conn:
            row = (
                conn.execute(
                    select(schema.bills).where(
                        schema.bills.c.bill_id == core.normalise_bill_id(bill_id)
                    )
                )
                .mappings()
                .first()
            )
        return _bill_from(row) if row else None

    def children_of(self, parent: str) -> list[str]:
        with self._read() as conn:
            return list(
                conn.execute(
                    select(schema.bags.c.code)
                    .where(schema.bags.c.parent == parent)
                    .order_by(schema.bags.c.code)
                ).scalars()
            )

    def parents_on_bill(self, bill_id: str) -> list[str]:
        with self._read() as conn:
            return list(
                conn.execute(
                    select(schema.bags.c.code)
                    .where(schema.bags.c.bill == core.normalise_bill_id(bill_id))
                    .order_by(schema.bags.c.code)
                ).scalars()
            )

    def history(self, code: str, limit: int = 200) -> list[StoredEvent]:
        """Local events about ``code`` (as the code, the parent or the bill), oldest first."""
        with self._read() as conn:
            rows = (
                conn.execute(
                    select(schema.events)
                    .where(
                        or_(
                            schema.events.c.code == code,
                            schema.events.c.parent == code,
                            schema.events.c.bill == code,
                        )
                    )
                    .order_by(schema.events.c.seq.desc())
                    .limit(limit)
                )
                .mappings()
                .all()
            )
        return [_stored_from(row) for row in reversed(rows)]

    def events(self, sync_state: str | None = None) -> list[StoredEvent]:
        """Every outbox row in ``seq`` order (optionally only ``pending`` or ``done``)."""
        query = select(schema.events).order_by(schema.events.c.seq)
        if sync_state is not None:
            query = query.where(schema.events.c.sync_state == sync_state)
        with self._read() as conn:
            return [_stored_from(row) for row in conn.execute(query).mappings().all()]

    def conflicts(self, *, include_acknowledged: bool = False) -> list[ConflictRecord]:
        query = select(schema.conflicts).order_by(schema.conflicts.c.received_at)
        if not include_acknowledged:
            query = query.where(schema.conflicts.c.acknowledged == 0)
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            ConflictRecord(
                event_id=row["event_id"],
                type=row["type"],
                code=row["code"],
                parent=row["parent"],
                bill=row["bill"],
                status=row["status"],
                reason=row["reason"],
                detail=json.loads(row["detail"]),
                message=row["message"],
                received_at=row["received_at"],
                acknowledged=bool(row["acknowledged"]),
            )
            for row in rows
        ]

    def acknowledge_conflict(self, event_id: str) -> None:
        with self._write() as conn:
            conn.execute(
                update(schema.conflicts)
                .where(schema.conflicts.c.event_id == event_id)
                .values(acknowledged=1)
            )


def _parse_rules(raw: str | None) -> CodeRules:
    if not raw:
        return DEFAULT_RULES
    try:
        return CodeRules.model_validate(json.loads(raw))
    except (ValidationError, ValueError):
        return DEFAULT_RULES
