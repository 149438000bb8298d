"""The station database: tables (SQLAlchemy Core) and the ordered migration steps.

A station in the field upgrades in place: ``PRAGMA user_version`` holds the number of steps
applied, and :func:`migrate` runs the missing ones in one ``BEGIN IMMEDIATE`` transaction, so a
crash mid-upgrade leaves the file at its old version. Steps are frozen SQL (never derived from
the tables below), because a step must do today exactly what it did when it shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Text

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("type", Text, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("operator", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("parent", Text, nullable=False),
    Column("bill", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("sync_state", Text, nullable=False),
    Column("local_status", Text, nullable=False),
    Column("result_status", Text),
    Column("result_reason", Text),
    Column("result_detail", Text),
    Column("settled_at", Text),
    Column("undo", Text),
)

bags = Table(
    "bags",
    metadata,
    Column("code", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("parent", Text),
    Column("child_count", Integer, nullable=False),
    Column("status", Text, nullable=False),
    Column("bill", Text),
)

bills = Table(
    "bills",
    metadata,
    Column("bill_id", Text, primary_key=True),
    Column("capacity", Integer, nullable=False),
    Column("destination", Text, nullable=False),
    Column("vehicle", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("parent_count", Integer, nullable=False),
    Column("actual_kg", Integer, nullable=False),
    Column("expected_kg", Integer, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("username", Text, primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("badge", Text),
    Column("disabled", Integer, nullable=False),
    Column("failed_logins", Integer, nullable=False),
    Column("locked_until", Text),
)

settings = Table(
    "settings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("data", Text, nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("parent", Text, nullable=False),
    Column("bill", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("received_at", Text, nullable=False),
    Column("acknowledged", Integer, nullable=False),
)

# -- migration steps: step N brings a file from user_version N-1 to N ------------------------

_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO meta (key, value) VALUES ('last_seq', '0')",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        type TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        parent TEXT NOT NULL DEFAULT '',
        bill TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        sync_state TEXT NOT NULL DEFAULT 'pending'
            CHECK (sync_state IN ('pending', 'done')))""",
    "CREATE INDEX ix_events_pending ON events (sync_state, seq)",
    """CREATE TABLE bags (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('parent', 'child')),
        parent TEXT,
        child_count INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open',
        bill TEXT)""",
    "CREATE INDEX ix_bags_parent ON bags (parent)",
    "CREATE INDEX ix_bags_bill ON bags (bill)",
    """CREATE TABLE bills (
        bill_id TEXT PRIMARY KEY,
        capacity INTEGER NOT NULL,
        destination TEXT NOT NULL DEFAULT '',
        vehicle TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new',
        parent_count INTEGER NOT NULL DEFAULT 0,
        actual_kg INTEGER NOT NULL DEFAULT 0,
        expected_kg INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        area TEXT NOT NULL DEFAULT '',
        badge TEXT,
        disabled INTEGER NOT NULL DEFAULT 0)""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, data TEXT NOT NULL)",
)

_V2 = (
    # the server's answer per event, and what the local rules said when it was recorded
    "ALTER TABLE events ADD COLUMN local_status TEXT NOT NULL DEFAULT 'accepted'",
    "ALTER TABLE events ADD COLUMN result_status TEXT",
    "ALTER TABLE events ADD COLUMN result_reason TEXT",
    "ALTER TABLE events ADD COLUMN result_detail TEXT",
    "ALTER TABLE events ADD COLUMN settled_at TEXT",
    # pre-images of the rows a pending event changed, so a pull can rebase local scans
    "ALTER TABLE events ADD COLUMN undo TEXT",
    "CREATE INDEX ix_events_code ON events (code)",
    "CREATE INDEX ix_events_parent ON events (parent)",
    """CREATE TABLE conflicts (
        event_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        parent TEXT NOT NULL DEFAULT '',
        bill TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}',
        message TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL,
        acknowledged INTEGER NOT NULL DEFAULT 0)""",
)

_V3 = (
    # local login guard: 5 failures lock the account on this station for 15 minutes
    "ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE users ADD COLUMN locked_until TEXT",
    "CREATE INDEX ix_users_badge ON users (badge)",
)

STEPS: tuple[Sequence[str], ...] = (_V1, _V2, _V3)
CURRENT_VERSION = len(STEPS)


def user_version(conn: Connection) -> int:
    value = conn.exec_driver_sql("PRAGMA user_version").scalar()
    return int(value or 0)


def migrate(conn: Connection, target: int = CURRENT_VERSION) -> int:
    """Apply the missing steps up to ``target`` inside the caller's transaction.

    Returns:
        The version the file was at before.
    """
    start = user_version(conn)
    for number in range(start + 1, target + 1):
        for statement in STEPS[number - 1]:
            conn.exec_driver_sql(statement)
    if target > start:
        # PRAGMA takes no bound parameters; target is an int we control
        conn.exec_driver_sql(f"PRAGMA user_version = {int(target)}")
    return start
