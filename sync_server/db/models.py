"""The server's tables (SQLAlchemy 2 typed models). The schema itself comes only from Alembic.

Columns are NOT NULL unless they say otherwise. Every counter the stats report is kept in
:class:`StatBucket` as events are ingested, so reading stats never scans the event log.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    Uuid,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tracetrack_core.events import Counter


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, the same instant whichever database holds it.

    PostgreSQL's ``timestamptz`` keeps the instant and answers in UTC-aware datetimes. SQLite
    has no such type: SQLAlchemy writes an aware datetime's wall-clock digits and drops its
    offset, so a station's ``10:15:02+05:30`` came back as ``10:15:02`` and was then read as
    UTC. Here every value is turned to UTC before it is written and read back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or dialect.name != "sqlite":
            return value
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime ({value}) is no moment: give its UTC offset")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)  # SQLite: stored in UTC by process_bind_param


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime(),
        dict[str, Any]: JSON,
    }


def _now() -> Any:
    return func.now()


class Station(Base):
    """A packing station (or gateway) that uploads events."""

    __tablename__ = "stations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    area: Mapped[str] = mapped_column(String(100), default="")
    hostname: Mapped[str] = mapped_column(String(200), default="")
    enrollment_code_hash: Mapped[str | None] = mapped_column(String(128))
    enrollment_expires_at: Mapped[datetime | None]
    enrolled_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    last_seen_at: Mapped[datetime | None]
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    seq_gaps: Mapped[int] = mapped_column(BigInteger, default=0)
    reported_pending: Mapped[int | None] = mapped_column(BigInteger)
    oldest_pending_at: Mapped[datetime | None]
    last_sent_at: Mapped[datetime | None]
    clock_skew_ms: Mapped[int | None] = mapped_column(BigInteger)
    events_received: Mapped[int] = mapped_column(BigInteger, default=0)
    sync_lag_ms: Mapped[int | None] = mapped_column(BigInteger)
    # the feed version of its newest conflict or rejection (0: none): a pull reads the
    # station's own conflicts from the event log only when this is past its cursor
    own_feed_version: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """Server receipt minus the newest event's station time (skew-corrected), last upload."""


class ApiToken(Base):
    """A bearer token. Only its SHA-256 is stored; the token itself is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(20))  # station | read | admin
    station_id: Mapped[str | None] = mapped_column(ForeignKey("stations.id"))
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


class User(Base):
    """An operator account. Password hashes (argon2) are synced to stations for offline login."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # dispatcher | biller | supervisor | admin
    area: Mapped[str] = mapped_column(String(100), default="")
    badge: Mapped[str | None] = mapped_column(String(64), unique=True)
    disabled: Mapped[bool] = mapped_column(default=False)
    disabled_at: Mapped[datetime | None]
    """When it was last disabled: its events from before then are still its work."""
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    version: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Setting(Base):
    """Site settings (code rules, limits) as JSON values, versioned for the changes feed."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Area(Base):
    """A dispatch area (docs/domain.md: areas are data). Users and stations name one."""

    __tablename__ = "areas"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())


class OperatorSession(Base):
    """A short-lived server session of an operator who logged in with a password
    (``POST /api/v1/auth/login``): what the admin screen acts with, never a station token.
    Only the SHA-256 of the session token is stored."""

    __tablename__ = "operator_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("users.username"), index=True)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class FeedClock(Base):
    """One row: the base of feed versions (``db/versions.py``). PostgreSQL adds each
    writing transaction's id to it; SQLite bumps it in each writing transaction."""

    __tablename__ = "feed_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class Event(Base):
    """Every event any station sent, whatever its outcome (nothing a station sent is lost).

    On PostgreSQL the table is partitioned by the month of ``received_at``, which its key
    must hold; :class:`EventKey` keeps the id unique (``db/partitions.py``)."""

    __tablename__ = "events"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    type: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[datetime]
    operator: Mapped[str] = mapped_column(String(200), default="")
    code: Mapped[str] = mapped_column(String(200), default="")
    parent: Mapped[str] = mapped_column(String(200), default="")
    bill: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(primary_key=True)
    bucket_start: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(60))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    raw: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_events_station_seq", "station_id", "seq"),
        Index("ix_events_code", "code"),
        Index("ix_events_parent", "parent"),
        Index("ix_events_bill", "bill"),
        Index("ix_events_station_version", "station_id", "version"),
        Index("ix_events_received_at", "received_at"),
        Index("ix_events_status_received", "status", "received_at"),
    )


class EventKey(Base):
    """Every stored event's id, with the month that holds its row: one index answers whether
    an id is stored, whichever month holds it, also once that month is archived. Filled by
    a trigger on ``events`` (migration 0010), never written by the server itself."""

    __tablename__ = "event_keys"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    received_at: Mapped[datetime]


class EventArchive(Base):
    """A month of events ``tracetrack-server archive`` took out of ``events`` and where."""

    __tablename__ = "event_archives"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # 2026-01
    events: Mapped[int] = mapped_column(BigInteger)
    file: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    archived_at: Mapped[datetime]


UNBILLED_PARENTS = "kind = 'parent' AND bill IS NULL"
"""Which bags ``ix_bags_parents_unbilled`` holds (migration 0007)."""


class Bag(Base):
    """Current state of a bag (the events hold its history)."""

    __tablename__ = "bags"

    code: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # parent | child
    parent: Mapped[str | None] = mapped_column(String(200), index=True)
    child_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="open")
    bill: Mapped[str | None] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(BigInteger, index=True)
    # the area of the station that first wrote the bag: the stations there get its changes
    area: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # the bag's changes-feed item as JSON text, made by a trigger on PostgreSQL whenever the
    # row is written (migration 0011): every station of the area pulls each change, so it is
    # built once, not once per pull. Empty on the embedded SQLite (its pulls build items).
    feed_item: Mapped[str | None] = mapped_column(Text, deferred=True)

    __table_args__ = (
        Index("ix_bags_area_version", "area", "version"),
        # the dashboard's stock: just the parents not on a bill (the work in progress), so
        # counting them never walks the children or the billed history (reports.stock)
        Index(
            "ix_bags_parents_unbilled",
            "status",
            "child_count",
            postgresql_where=text(UNBILLED_PARENTS),
            sqlite_where=text(UNBILLED_PARENTS),
        ),
    )


class Bill(Base):
    __tablename__ = "bills"

    bill_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    capacity: Mapped[int] = mapped_column(Integer)
    destination: Mapped[str] = mapped_column(String(200), default="")
    vehicle: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="new")
    parent_count: Mapped[int] = mapped_column(Integer, default=0)
    actual_kg: Mapped[int] = mapped_column(Integer, default=0)
    expected_kg: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(BigInteger, index=True)


class ReturnRecord(Base):
    """A parent taken off its bill by a return ticket, with the bill's totals before and after."""

    __tablename__ = "returns"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event_keys.id"), primary_key=True)
    ticket: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    parent: Mapped[str] = mapped_column(String(200), index=True)
    bill: Mapped[str] = mapped_column(String(200), index=True)
    before_parents: Mapped[int] = mapped_column(Integer)
    after_parents: Mapped[int] = mapped_column(Integer)
    before_kg: Mapped[int] = mapped_column(Integer)
    after_kg: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


STAT_COLUMNS = tuple(counter.value for counter in Counter)
"""Counter columns of :class:`StatBucket`, named as :class:`tracetrack_core.events.Counter`."""


class StatBucket(Base):
    """Counts per 15-minute bucket (UTC start), station and operator, kept up on ingest.

    Fifteen minutes divides every UTC offset in use (India is +05:30, Nepal +05:45), so
    hour and day totals in any time zone are exact sums of whole buckets.
    """

    __tablename__ = "stat_buckets"

    bucket_start: Mapped[datetime] = mapped_column(primary_key=True)
    station_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    operator: Mapped[str] = mapped_column(String(200), primary_key=True)
    area: Mapped[str] = mapped_column(String(100), default="")
    parent_scans: Mapped[int] = mapped_column(BigInteger, default=0)
    children_linked: Mapped[int] = mapped_column(BigInteger, default=0)
    children_unlinked: Mapped[int] = mapped_column(BigInteger, default=0)
    parents_completed: Mapped[int] = mapped_column(BigInteger, default=0)
    parents_reopened: Mapped[int] = mapped_column(BigInteger, default=0)
    bills_created: Mapped[int] = mapped_column(BigInteger, default=0)
    bills_completed: Mapped[int] = mapped_column(BigInteger, default=0)
    parents_billed: Mapped[int] = mapped_column(BigInteger, default=0)
    parents_unbilled: Mapped[int] = mapped_column(BigInteger, default=0)
    returns: Mapped[int] = mapped_column(BigInteger, default=0)
    scans_refused: Mapped[int] = mapped_column(BigInteger, default=0)
    duplicates: Mapped[int] = mapped_column(BigInteger, default=0)
    conflicts: Mapped[int] = mapped_column(BigInteger, default=0)
    rejected: Mapped[int] = mapped_column(BigInteger, default=0)
    corrections: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class AuditLog(Base):
    """Admin actions and refused attempts, with before/after snapshots."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(server_default=_now(), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class RateHit(Base):
    """Requests per client key and time slot, shared by every app node and worker
    (``db/rate_window.py``). UNLOGGED on PostgreSQL (migration 0008): counts of the last
    minute are worth no WAL, and a crash that empties them only forgives a minute."""

    __tablename__ = "rate_hits"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    slot: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
