"""The ingest store on PostgreSQL: many workers at once, so the station's advisory lock and
row locks, and few round trips (this is the server's hot path; see CONTRIBUTING.md, "Fast on
purpose").

* A batch reads everything it needs under its locks in one statement (:data:`_CONTEXT`).
* A live upload writes in one statement: its event rows, its upserts and its station's
  record as data-modifying CTEs, each table's rows bound as one JSON parameter
  (:func:`_write_sql`), so the statement keeps one parsed, prepared form per shape.
* A backlog batch streams its event rows to ``COPY`` while the rules work out the next ones
  (PostgreSQL parses COPY's text at about two thirds of the CPU of a JSON recordset).
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import ARRAY, ColumnElement, Engine, any_, bindparam, insert, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from sync_server.db.event_log import (
    COPY_EVENTS,
    EVENT_COLUMNS,
    EventRow,
    copy_line,
    json_rows,
)
from sync_server.db.ingest_store import (
    BAG_UPDATES,
    BILL_UPDATES,
    BUCKET_KEYS,
    OPERATOR_FIELDS,
    PRIOR_FIELDS,
    STATION_FIELDS,
    BatchWrite,
    Context,
    ContextQuery,
    Operator,
    Prior,
    StationRecord,
)
from sync_server.db.models import (
    STAT_COLUMNS,
    Bag,
    Bill,
    ReturnRecord,
    Setting,
    StatBucket,
    Station,
)
from sync_server.db.partitions import PartitionKeeper
from sync_server.db.session import copying, read_planned, run_keyed, run_on_driver
from sync_server.db.versions import PG_VERSION_SQL
from tracetrack_core import rules as core

COPY_AT = 500
"""A batch of more events than this streams its event rows to ``COPY`` as the rules reach
them; a smaller one writes them with the rest of its batch, in one statement."""

COPY_CHUNK = 100
"""Event rows sent to ``COPY`` at a time: PostgreSQL stores them while the rules work out the
next ones, and the last chunk it is still storing when the rules end is small."""


def _json_array(alias: str, names: Sequence[str], exprs: Mapping[str, str] | None = None) -> str:
    """``json_build_array`` of ``alias``'s columns ``names`` (or the expression ``exprs``
    gives for a name), in that order: read back as ``cls(*row)`` of the class the names come
    from, so the order is written once."""
    parts = [(exprs or {}).get(n, f"{alias}.{n}") for n in names]
    return f"json_build_array({', '.join(parts)})"


_LOCK_STATION = text("SELECT pg_advisory_xact_lock(1, CAST(:key AS int))")

_CONTEXT = text(  # our own SQL and names; values are bound
    f"SELECT (SELECT {_json_array('s', STATION_FIELDS, {'revoked': 's.revoked_at IS NOT NULL'})}"  # noqa: S608
    " FROM stations AS s WHERE id = :station_id),"
    " (SELECT json_agg(json_build_array(CAST(k.id AS text), k.received_at))"
    " FROM event_keys AS k WHERE k.id = ANY(CAST(:ids AS uuid[]))"
    " AND CAST(:lowest_seq AS bigint) <= (SELECT last_seq FROM stations WHERE id = :station_id)),"
    f" (SELECT json_agg({_json_array('b', core.BAG_FIELDS)})"
    " FROM unnest(CAST(:codes AS text[])) AS k(code) CROSS JOIN LATERAL"
    " (SELECT * FROM bags WHERE bags.code = k.code LIMIT 1 FOR UPDATE) AS b),"
    f" (SELECT {PG_VERSION_SQL} FROM feed_clock WHERE id = 1),"
    " EXISTS (SELECT 1 FROM event_keys WHERE id = CAST(:after AS uuid)),"
    " (SELECT version FROM settings WHERE key = 'code_rules'),"
    f" (SELECT json_agg({_json_array('u', OPERATOR_FIELDS)}) FROM users AS u"
    " WHERE u.username = ANY(CAST(:operators AS text[])))"
)
"""Everything a batch reads once it holds its station's lock, in one statement after the lock's
(not in it: a statement reads the snapshot taken when it began, before the wait; the two
still go in one round trip, :func:`run_keyed`): its station, which
of its ids are stored already, its bags (row-locked in code order), its feed version, whether
the event it must follow is stored, the code rules' version, and the users its events name.
Ids are answered by ``event_keys`` (one probe, whichever month holds the row); the outcomes
of those found are read after (:data:`_PRIORS`), so a batch that replays nothing, nearly
every one, never plans a statement over the months of ``events``.

The ids are looked up only if the batch reaches back to its station's highest seq: a batch
wholly above it (a station sending what it scanned since) cannot hold a replay of this
station's events. An id stored some other way still meets the primary key on insert, and the
batch then runs again with every id looked up (``lowest_seq`` -1)."""

_PRIORS = text(  # our own SQL and names; values are bound
    f"SELECT {', '.join(('CAST(k.id AS text)', *(f'e.{f}' for f in PRIOR_FIELDS)))}"  # noqa: S608
    " FROM unnest(CAST(:ids AS uuid[]), CAST(:at AS timestamptz[])) AS k(id, received_at)"
    " LEFT JOIN events AS e ON e.id = k.id AND e.received_at = k.received_at"
)
"""The first outcomes of stored events, each read in the month that holds it (none: the
month is archived)."""

_BILLS = (
    select(*(Bill.__table__.c[f] for f in core.BILL_FIELDS))
    .where(Bill.bill_id == any_(bindparam("ids", type_=ARRAY(Bill.bill_id.type))))
    .order_by(Bill.bill_id)
    .with_for_update()
)

_CODE_RULES = select(Setting.value).where(Setting.key == "code_rules")


class PgIngestStore:
    """:class:`~sync_server.db.ingest_store.IngestStore` on PostgreSQL."""

    def __init__(self) -> None:
        self._partitions = PartitionKeeper()

    def read_context(self, session: Session, query: ContextQuery) -> Context:
        bind = session.get_bind()
        self._partitions.check(bind if isinstance(bind, Engine) else bind.engine, query.received_at)
        # the station's batches one at a time (two stations sharing a key only wait for each
        # other, never answer wrongly)
        key = zlib.crc32(query.station_id.encode()) & 0x7FFFFFFF
        params = {
            "station_id": query.station_id,
            "ids": _pg_array(query.ids),
            "codes": _pg_array(sorted(query.codes)),  # rows are locked in this order
            "lowest_seq": query.lowest_seq,
            "after": query.after,
            "operators": _pg_array(sorted(query.operators)),
        }
        # the lock, then the reads: one round trip, each its own statement (see _CONTEXT)
        _, [row] = run_keyed(session, (_LOCK_STATION, {"key": key}), (_CONTEXT, params))
        station, stored, bags, version, after_found, rules_version, users = row
        return Context(
            StationRecord(*station) if station else None,
            _priors(session, stored) if stored else {},
            [core.Bag(*r) for r in bags or []],
            int(version),
            query.after is None or bool(after_found),
            -1 if rules_version is None else int(rules_version),
            {
                name: Operator(role, disabled, _moment(disabled_at))
                for name, role, disabled, disabled_at in users or []
            },
        )

    def read_state(
        self, session: Session, context: Context, codes: set[str], bill_ids: set[str]
    ) -> core.MemoryState:
        state = core.MemoryState()
        bill_ids = set(bill_ids)
        for bag in context.bags or []:
            state.bags[bag.code] = bag
            if bag.bill:
                bill_ids.add(bag.bill)
        if bill_ids:
            for row in read_planned(session, _BILLS, {"ids": sorted(bill_ids)}):
                state.bills[row[0]] = core.Bill(*row)
        return state

    def read_code_rules(self, session: Session) -> Mapping[str, Any] | None:
        found = run_on_driver(session, _CODE_RULES)
        return found[0][0] if found else None

    def write(
        self,
        session: Session,
        rows: Iterator[EventRow],
        expected: int,
        finish: Callable[[], BatchWrite],
    ) -> None:
        if expected <= COPY_AT:
            live = list(rows)
            changes = finish()
            run_on_driver(session, *_write_statement(live, changes))
        else:
            with copying(session, COPY_EVENTS) as write:
                while chunk := list(itertools.islice(rows, COPY_CHUNK)):
                    write(b"".join(map(copy_line, chunk)))
                changes = finish()
                # made while PostgreSQL still stores the last rows; run once they are in
                statement = _write_statement([], changes)
            run_on_driver(session, *statement)
        if changes.returns:  # after their events (a foreign key)
            session.execute(insert(ReturnRecord), list(changes.returns))


def _priors(session: Session, stored: list[list[str]]) -> dict[str, Prior | None]:
    """The outcomes of the stored events ``stored`` names ([id, received_at] pairs)."""
    params = {"ids": _pg_array(i for i, _ in stored), "at": _pg_array(at for _, at in stored)}
    rows = run_on_driver(session, _PRIORS, params)
    return {r[0]: Prior(*r[1:]) if r[1] is not None else None for r in rows}


def _moment(text: str | None) -> datetime | None:
    """A timestamptz as json_build_array writes it (ISO 8601 with an offset)."""
    return None if text is None else datetime.fromisoformat(text)


@dataclass(frozen=True)
class _Upsert:
    """Rows to insert into ``table`` (``merge``: or merge into the rows with the same keys).

    Rows the batch created are inserted (a concurrent insert of one fails the batch, which
    runs again); rows it read and row-locked are merged by their key, where an
    ``UPDATE … FROM`` a JSON recordset was planned as a scan of the whole table while it was
    small, and the plan was kept."""

    table: str
    rows: list[dict[str, Any]]
    keys: tuple[str, ...]
    updates: tuple[str, ...]
    merge: bool
    increment: bool = False  # add to the stored counts instead of replacing them

    def shape(self) -> tuple[str, tuple[str, ...], tuple[str, ...], str, bool]:
        sets = ", ".join(
            f"{c} = {self.table}.{c} + EXCLUDED.{c}" if self.increment else f"{c} = EXCLUDED.{c}"
            for c in self.updates
        )
        return self.table, tuple(self.rows[0]), self.keys, sets, self.merge


def _upserts(changes: BatchWrite) -> list[_Upsert]:
    """Every table's rows, in the order every batch writes them (new rows, then stored)."""
    bags, bills = Bag.__tablename__, Bill.__tablename__
    candidates = [
        _Upsert(bags, changes.bag_rows(stored=False), ("code",), BAG_UPDATES, merge=False),
        _Upsert(bags, changes.bag_rows(stored=True), ("code",), BAG_UPDATES, merge=True),
        _Upsert(bills, changes.bill_rows(stored=False), ("bill_id",), BILL_UPDATES, merge=False),
        _Upsert(bills, changes.bill_rows(stored=True), ("bill_id",), BILL_UPDATES, merge=True),
        _Upsert(
            StatBucket.__tablename__,
            changes.bucket_rows(),
            BUCKET_KEYS,
            STAT_COLUMNS,
            merge=True,
            increment=True,
        ),
    ]
    return [u for u in candidates if u.rows]


def _write_statement(events: list[EventRow], changes: BatchWrite) -> tuple[Any, dict[str, Any]]:
    """The batch's write as one statement and its parameters: each table's rows travel as one
    JSON parameter, so the statement has few parameters and is prepared once per shape."""
    upserts = _upserts(changes)
    params: dict[str, Any] = {f"st_{c}": v for c, v in changes.station.items()}
    params["st_id"] = changes.station_id
    if events:
        params["events"] = json_rows(events)
    for i, u in enumerate(upserts):
        params[f"rows{i}"] = orjson.dumps(u.rows).decode()
    shape = tuple(u.shape() for u in upserts)
    return _write_sql(bool(events), shape, tuple(changes.station)), params


@functools.lru_cache(maxsize=64)
def _write_sql(
    events: bool,
    upserts: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str, bool], ...],
    station: tuple[str, ...],
) -> Any:
    """The statement for one shape of write (few shapes occur; each is built once)."""
    parts = []
    if events:
        columns = ", ".join(EVENT_COLUMNS)
        parts.append(
            f"INSERT INTO events ({columns}) SELECT {columns} "  # noqa: S608 - our own names
            "FROM json_populate_recordset(NULL::events, CAST(:events AS json))"
        )
    for i, (table, columns_of, keys, sets, merge) in enumerate(upserts):
        names = ", ".join(columns_of)
        rows = f"json_populate_recordset(NULL::{table}, CAST(:rows{i} AS json))"
        statement = f"INSERT INTO {table} ({names}) SELECT {names} FROM {rows}"  # noqa: S608 - our own names
        if merge:
            statement += f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}"
        parts.append(statement)
    types = Station.__table__.c
    sets = ", ".join(f"{c} = CAST(:st_{c} AS {_pg_type(types[c])})" for c in station)
    statement = f"UPDATE stations SET {sets} WHERE id = :st_id"  # noqa: S608 - our own names
    if parts:
        writes = ", ".join(f"w{i} AS ({sql})" for i, sql in enumerate(parts))
        statement = f"WITH {writes} {statement}"
    return text(statement)


_PG_DIALECT = postgresql.dialect()  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=256)
def _pg_type(column: ColumnElement[Any]) -> str:
    """The PostgreSQL type of a column's values, e.g. ``text``."""
    compiled: str = column.type.compile(dialect=_PG_DIALECT).split("(")[0]
    return {"VARCHAR": "text", "TIMESTAMP WITH TIME ZONE": "timestamptz"}.get(
        compiled, compiled.lower()
    )


def _pg_array(values: Iterable[object]) -> str:
    """A PostgreSQL array literal of ``values`` (the driver dumps a list element by element,
    which cost more than the statement)."""
    items = [str(v) for v in values]
    joined = ",".join(items)
    if _PLAIN_ELEMENTS.fullmatch(joined):  # numbers and UUIDs: nothing to quote
        return "{" + joined + "}"
    quoted = (v.replace("\\", "\\\\").replace('"', '\\"') for v in items)
    return "{" + ",".join(f'"{v}"' for v in quoted) + "}"


_PLAIN_ELEMENTS = re.compile(r"[0-9a-f-]+(?:,[0-9a-f-]+)*")
"""Elements that need no quotes: none is empty, and none can spell ``NULL``."""
