"""bags.area: the area of the station that first wrote the bag (the changes feed's filter)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("bags") as batch_op:
        batch_op.add_column(
            sa.Column("area", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.create_index("ix_bags_area_version", ["area", "version"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bags") as batch_op:
        batch_op.drop_index("ix_bags_area_version")
        batch_op.drop_column("area")
