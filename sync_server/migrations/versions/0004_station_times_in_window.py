"""stations: forget station-sent times outside 2020-2200 (a year-1 time could not be read back)

Before this version an upload's ``oldest_pending_at`` (and ``sent_at``, kept as
``last_sent_at``) was stored whatever year it named; PostgreSQL stores a year-1 time with a
+14:00 offset as a BC date, which psycopg cannot read, and every read of the station list then
failed. Uploads are now refused with such times (services/ingest.py); this clears the ones
already stored. Both are reports of the station's clock, refreshed by its next upload.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("oldest_pending_at", "last_sent_at")
_EARLIEST, _LATEST = "2020-01-01 00:00:00+00", "2200-01-01 00:00:00+00"


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for column in _COLUMNS:
        bounds = (
            f"CAST('{_EARLIEST}' AS timestamptz) AND CAST('{_LATEST}' AS timestamptz)"
            if postgres
            else f"'{_EARLIEST[:19]}' AND '{_LATEST[:19]}'"  # SQLite keeps UTC text
        )
        op.execute(
            f"UPDATE stations SET {column} = NULL "  # noqa: S608 - our own names
            f"WHERE {column} IS NOT NULL AND {column} NOT BETWEEN {bounds}"
        )


def downgrade() -> None:
    """Nothing to undo: the cleared times were unreadable."""
