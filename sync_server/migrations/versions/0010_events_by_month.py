"""events by month: the event log partitioned by the month it was received, event_keys, archives

PostgreSQL: ``events`` becomes a table partitioned by range of ``received_at`` (one partition
per month, ``events_yYYYYmMM``), its primary key (id, received_at); ``event_keys`` keeps every
id unique across the months (a trigger fills it) and ``returns`` points at it. The rows move
over in one statement: on a big log, this migration takes as long as copying it.

SQLite (the embedded database): ``events`` stays one table; ``event_keys`` and its trigger
are made the same way, so both databases answer an id from the same place.

``event_archives`` records every month ``tracetrack-server archive`` took out, and
``stations.own_feed_version`` the feed version of each station's newest conflict or
rejection, so a pull plans no statement over the months unless it has one to read.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a migration keeps its own copies: the names below must not change under it
INDEXES = {
    "ix_events_bill": "bill",
    "ix_events_code": "code",
    "ix_events_parent": "parent",
    "ix_events_received_at": "received_at",
    "ix_events_station_seq": "station_id, seq",
    "ix_events_station_version": "station_id, version",
    "ix_events_status_received": "status, received_at",
}
MONTHS_AHEAD = 3

PG_KEYS_TRIGGER = """
CREATE FUNCTION event_keys_of_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_keys (id, received_at) SELECT id, received_at FROM inserted;
    RETURN NULL;
END $$;
CREATE TRIGGER event_keys_of_events AFTER INSERT ON events
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION event_keys_of_events();
"""

SQLITE_KEYS_TRIGGER = """
CREATE TRIGGER event_keys_of_events AFTER INSERT ON events FOR EACH ROW BEGIN
    INSERT INTO event_keys (id, received_at) VALUES (NEW.id, NEW.received_at);
END
"""


def _months(first: datetime, months_after_now: int) -> list[tuple[datetime, datetime]]:
    """(start, end) of every month from ``first``'s to ``months_after_now`` after this one."""
    now = datetime.now(UTC)
    last = now.year * 12 + now.month - 1 + months_after_now
    spans = []
    for index in range(first.year * 12 + first.month - 1, last + 1):
        start = datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)
        end = datetime((index + 1) // 12, (index + 1) % 12 + 1, 1, tzinfo=UTC)
        spans.append((start, end))
    return spans


def upgrade() -> None:
    op.create_table(
        "event_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "event_archives",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("file", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("month"),
    )
    with op.batch_alter_table("stations") as batch_op:
        batch_op.add_column(
            sa.Column("own_feed_version", sa.BigInteger(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE stations SET own_feed_version = COALESCE((SELECT max(version) FROM events"
        " WHERE events.station_id = stations.id AND status IN ('conflict', 'rejected')), 0)"
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _partition_postgresql(bind)
    else:  # returns keeps its key to events.id, unique here
        op.execute("INSERT INTO event_keys (id, received_at) SELECT id, received_at FROM events")
        op.execute(SQLITE_KEYS_TRIGGER)


def _partition_postgresql(bind: sa.Connection) -> None:
    op.execute("ALTER TABLE returns DROP CONSTRAINT returns_event_id_fkey")
    op.execute("ALTER TABLE events RENAME TO events_before_0010")
    op.execute("ALTER TABLE events_before_0010 RENAME CONSTRAINT events_pkey TO events_before_0010_pkey")
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
    op.execute(
        "CREATE TABLE events (LIKE events_before_0010 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
        " PARTITION BY RANGE (received_at)"
    )
    op.execute("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id, received_at)")
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON events ({columns})")
    oldest = bind.execute(sa.text("SELECT min(received_at) FROM events_before_0010")).scalar()
    for start, end in _months(oldest or datetime.now(UTC), MONTHS_AHEAD):
        op.execute(
            f"CREATE TABLE events_y{start.year:04d}m{start.month:02d} PARTITION OF events"
            f" FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}')"
        )
    op.execute(PG_KEYS_TRIGGER)
    op.execute("INSERT INTO events SELECT * FROM events_before_0010")
    op.execute("DROP TABLE events_before_0010")
    op.execute(
        "ALTER TABLE returns ADD CONSTRAINT returns_event_id_fkey"
        " FOREIGN KEY (event_id) REFERENCES event_keys (id)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE returns DROP CONSTRAINT returns_event_id_fkey")
        op.execute("ALTER TABLE events RENAME TO events_by_month")
        op.execute("ALTER TABLE events_by_month RENAME CONSTRAINT events_pkey TO events_by_month_pkey")
        for name in INDEXES:
            op.execute(f"DROP INDEX {name}")
        op.execute("CREATE TABLE events (LIKE events_by_month INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
        op.execute("INSERT INTO events SELECT * FROM events_by_month")
        op.execute("DROP TABLE events_by_month")
        op.execute("DROP FUNCTION event_keys_of_events() CASCADE")
        op.execute("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id)")
        for name, columns in INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON events ({columns})")
        op.execute(
            "ALTER TABLE returns ADD CONSTRAINT returns_event_id_fkey"
            " FOREIGN KEY (event_id) REFERENCES events (id)"
        )
    else:
        op.execute("DROP TRIGGER event_keys_of_events")
    op.drop_table("event_archives")
    op.drop_table("event_keys")
    with op.batch_alter_table("stations") as batch_op:
        batch_op.drop_column("own_feed_version")
