"""database_epoch: a random id of this database's memory, renewed by every restore

Stations compare it with the one they saw last: a new epoch means the server's memory went
back (a restore), and each station asks which of its delivered events are still held.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a migration keeps its own copy of the key (db/epoch.py: EPOCH_KEY must not change under it)
EPOCH_KEY = "database_epoch"

settings = sa.table(
    "settings",
    sa.column("key", sa.String(64)),
    sa.column("value", sa.JSON()),
    sa.column("version", sa.BigInteger()),
)


def upgrade() -> None:
    value = {"epoch": uuid.uuid4().hex, "since": datetime.now(UTC).isoformat()}
    op.bulk_insert(settings, [{"key": EPOCH_KEY, "value": value, "version": 0}])


def downgrade() -> None:
    op.execute(settings.delete().where(settings.c.key == EPOCH_KEY))
