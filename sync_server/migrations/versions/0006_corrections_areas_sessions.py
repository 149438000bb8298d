"""stat_buckets.corrections, the areas table, operator sessions for the admin API

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("stat_buckets") as batch_op:
        batch_op.add_column(
            sa.Column("corrections", sa.BigInteger(), server_default="0", nullable=False)
        )
    op.create_table(
        "areas",
        sa.Column("name", sa.String(length=100), primary_key=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    # the areas users and stations already name
    op.execute(
        "INSERT INTO areas (name) SELECT DISTINCT area FROM users WHERE area <> '' "
        "UNION SELECT DISTINCT area FROM stations WHERE area <> ''"
    )
    op.create_table(
        "operator_sessions",
        sa.Column("token_hash", sa.String(length=64), primary_key=True),
        sa.Column(
            "username", sa.String(length=64), sa.ForeignKey("users.username"), nullable=False
        ),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_operator_sessions_username", "operator_sessions", ["username"])


def downgrade() -> None:
    op.drop_index("ix_operator_sessions_username", table_name="operator_sessions")
    op.drop_table("operator_sessions")
    op.drop_table("areas")
    with op.batch_alter_table("stat_buckets") as batch_op:
        batch_op.drop_column("corrections")
