"""ix_bags_parents_unbilled: the dashboard's stock counts without walking every bag

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# as models.UNBILLED_PARENTS says today (a migration keeps its own copy: it must not change)
UNBILLED_PARENTS = "kind = 'parent' AND bill IS NULL"


def upgrade() -> None:
    op.create_index(
        "ix_bags_parents_unbilled",
        "bags",
        ["status", "child_count"],
        postgresql_where=sa.text(UNBILLED_PARENTS),
        sqlite_where=sa.text(UNBILLED_PARENTS),
    )


def downgrade() -> None:
    op.drop_index("ix_bags_parents_unbilled", table_name="bags")
