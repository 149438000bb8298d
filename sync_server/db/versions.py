"""Feed versions: what the changes feed orders by, and how far a reader may safely read.

A cursor must never skip a row that commits later with a lower version. Two ways, by database:

* **PostgreSQL** (many writers at once): a writing transaction's version is the feed clock's
  base plus its own transaction id (``pg_current_xact_id()``), so it takes no lock and writers
  never wait on each other for it. A reader reads only up to its *horizon*: one below the
  oldest transaction id still running when its snapshot was taken
  (``pg_snapshot_xmin(pg_current_snapshot())``). Every transaction below that id has ended, so
  its rows are either visible to the reader or gone with a rollback; a transaction still
  running has a version above the horizon and is read by a later pull. Read-only
  transactions take no id and never hold the horizon back, and neither do transactions
  writing in other databases of the same cluster (see ``PG_HORIZON_SQL``). The base is the
  clock's value when the database left the counting scheme below, so versions only grow
  across that switch.
* **SQLite** (one writer at a time, the embedded database): a counter in the feed clock's
  row, bumped by each writing transaction; the database lock orders versions by commit.
"""

from __future__ import annotations

from sqlalchemy import text, update
from sqlalchemy.orm import Session

from sync_server.db.models import FeedClock


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


PG_VERSION_SQL = "version + pg_current_xact_id()::text::bigint"
RECENT_XIDS = 100
PG_HORIZON_SQL = (
    "version - 1 + (SELECT min(x) FROM ("  # noqa: S608 - our SQL, our constant
    " SELECT x FROM (SELECT x::text::bigint AS x"
    " FROM pg_snapshot_xip(pg_current_snapshot()) AS s(x)) AS xip"
    f" WHERE x > pg_snapshot_xmax(pg_current_snapshot())::text::bigint - {RECENT_XIDS}"
    " OR NOT x % 4294967296 = ANY (ARRAY("
    " SELECT a.backend_xid::text::bigint FROM pg_stat_get_activity(NULL) AS a"
    " WHERE a.backend_xid IS NOT NULL AND a.datid <>"
    " (SELECT oid FROM pg_database WHERE datname = current_database())))"
    " UNION ALL SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint) AS running)"
)
"""The two expressions over the feed clock's row (``FROM feed_clock WHERE id = 1``); the
statements that read them along with other things (ingest, the pull) embed these.

The horizon is one below the oldest transaction still running at the snapshot, leaving out
those known to be writing in *another* database of the cluster (a bulk load elsewhere must not
stall every station's feed). Only a transaction that began more than ``RECENT_XIDS``
transaction ids ago is looked up among the sessions (reading them costs ~0.5 ms, too much
for every pull of a busy site; a recent one is counted as ours, and ends soon or becomes
old). The sessions are read once per statement. A running id that cannot be placed (its
transaction ended between the snapshot and the look at the sessions, or its session is
hidden) still counts: the horizon may lag, never skip."""

_PG_VERSION = text(f"SELECT {PG_VERSION_SQL} FROM feed_clock WHERE id = 1")  # noqa: S608
_PG_HORIZON = text(f"SELECT {PG_HORIZON_SQL} FROM feed_clock WHERE id = 1")  # noqa: S608


def next_version(session: Session) -> int:
    """The version of every row this transaction writes to the feed (call inside it)."""
    if _is_pg(session):
        return int(session.execute(_PG_VERSION).scalar_one())
    return int(
        session.execute(
            update(FeedClock)
            .where(FeedClock.id == 1)
            .values(version=FeedClock.version + 1)
            .returning(FeedClock.version)
        ).scalar_one()
    )


def horizon(session: Session) -> int:
    """The highest version a reader may read now without ever skipping a later commit.

    Call first in the reading transaction: rows with versions up to this are all final.
    """
    if _is_pg(session):
        return int(session.execute(_PG_HORIZON).scalar_one())
    # SQLite: the clock is bumped inside the one writing transaction, and a reader only sees
    # committed ones, so everything up to the clock's value is final
    return int(session.execute(text("SELECT version FROM feed_clock WHERE id = 1")).scalar_one())
