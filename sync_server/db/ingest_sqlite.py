"""The ingest store on the embedded SQLite database: one writer at a time (``BEGIN
IMMEDIATE`` takes the database's write lock up front), so no row locks, plain statements."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from sync_server.db.event_log import EventRow, column_values
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
    Base,
    Bill,
    Event,
    ReturnRecord,
    Setting,
    StatBucket,
    Station,
    User,
)
from sync_server.db.versions import next_version
from tracetrack_core import rules as core

_STATION = select(
    *(
        Station.revoked_at.is_not(None) if name == "revoked" else Station.__table__.c[name]
        for name in STATION_FIELDS
    )
)
_PRIORS = select(Event.id, *(Event.__table__.c[name] for name in PRIOR_FIELDS))
_BAGS = select(*(Bag.__table__.c[f] for f in core.BAG_FIELDS))
_BILLS = select(*(Bill.__table__.c[f] for f in core.BILL_FIELDS))
_CODE_RULES = select(Setting.value, Setting.version).where(Setting.key == "code_rules")
_OPERATORS = select(*(User.__table__.c[name] for name in OPERATOR_FIELDS))


class SqliteIngestStore:
    """:class:`~sync_server.db.ingest_store.IngestStore` on SQLite."""

    def read_context(self, session: Session, query: ContextQuery) -> Context:
        # no station lock to take: the transaction already holds the database's write lock
        station = session.execute(_STATION.where(Station.id == query.station_id)).first()
        ids = [*query.ids, *([query.after] if query.after else [])]
        priors = session.execute(_PRIORS.where(Event.id.in_([uuid.UUID(i) for i in ids])))
        existing = {str(r[0]): Prior(*r[1:]) for r in priors}
        rules = session.execute(_CODE_RULES).first()
        users = session.execute(_OPERATORS.where(User.username.in_(query.operators)))
        return Context(
            StationRecord(*station) if station is not None else None,
            existing,
            None,
            next_version(session),
            query.after is None or query.after in existing,
            -1 if rules is None else rules.version,
            {row[0]: Operator(*row[1:]) for row in users},
        )

    def read_state(
        self, session: Session, context: Context, codes: set[str], bill_ids: set[str]
    ) -> core.MemoryState:
        state = core.MemoryState()
        bill_ids = set(bill_ids)
        if codes:
            for row in session.execute(_BAGS.where(Bag.code.in_(codes))):
                bag = state.bags[row.code] = core.Bag(*row)
                if bag.bill:
                    bill_ids.add(bag.bill)
        if bill_ids:
            for row in session.execute(_BILLS.where(Bill.bill_id.in_(bill_ids))):
                state.bills[row.bill_id] = core.Bill(*row)
        return state

    def read_code_rules(self, session: Session) -> Mapping[str, Any] | None:
        row = session.execute(_CODE_RULES).first()
        return None if row is None else row.value

    def write(
        self,
        session: Session,
        rows: Iterator[EventRow],
        expected: int,
        finish: Callable[[], BatchWrite],
    ) -> None:
        events = [column_values(row) for row in rows]
        for values in events:
            values["id"] = uuid.UUID(values["id"])  # the Uuid column takes UUIDs
        if events:
            session.execute(insert(Event), events)
        changes = finish()
        bags = changes.bag_rows(stored=False) + changes.bag_rows(stored=True)
        bills = changes.bill_rows(stored=False) + changes.bill_rows(stored=True)
        _merge(session, Bag.__tablename__, bags, ("code",), BAG_UPDATES)
        _merge(session, Bill.__tablename__, bills, ("bill_id",), BILL_UPDATES)
        counts = changes.bucket_rows()
        _merge(session, StatBucket.__tablename__, counts, BUCKET_KEYS, STAT_COLUMNS, increment=True)
        session.execute(
            update(Station).where(Station.id == changes.station_id).values(dict(changes.station))
        )
        if changes.returns:  # after their events (a foreign key)
            session.execute(insert(ReturnRecord), list(changes.returns))


def _merge(
    session: Session,
    name: str,
    rows: list[dict[str, Any]],
    keys: tuple[str, ...],
    updates: tuple[str, ...],
    *,
    increment: bool = False,
) -> None:
    """Insert ``rows``, or update the stored rows with the same ``keys`` (``increment``: add
    to their values instead of replacing them)."""
    if not rows:
        return
    table = Base.metadata.tables[name]
    stmt = sqlite.insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys),
        set_={
            c: (table.c[c] + stmt.excluded[c]) if increment else stmt.excluded[c] for c in updates
        },
    )
    session.execute(stmt, rows)
