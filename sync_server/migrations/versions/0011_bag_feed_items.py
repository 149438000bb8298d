"""bags.feed_item: each bag's changes-feed item, made once when the bag is written

A pull sends the bags of the station's area changed since its cursor; each change goes to
every station of the area (a hundred, at a thousand stations in ten areas), and building each
item's JSON on every read was most of PostgreSQL's work for a pull. A row trigger makes the
item when the bag is written, and a pull reads it as it is.

PostgreSQL only: the embedded SQLite's pulls build their items in Python, and the column stays
empty there.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a migration keeps its own copy of the item's shape (services/feed.py sends it; a change of
# tracetrack_core.rules.BAG_FIELDS needs a migration that makes the trigger again, and
# tests/server/test_feed_items.py fails until it does)
PG_FEED_ITEM = """
CREATE FUNCTION bag_feed_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.feed_item := CAST(json_build_object(
        'kind', 'bag', 'key', NEW.code, 'data', json_build_object(
            'code', NEW.code, 'kind', NEW.kind, 'parent', NEW.parent,
            'child_count', NEW.child_count, 'status', NEW.status, 'bill', NEW.bill))
        AS text);
    RETURN NEW;
END $$;
CREATE TRIGGER bag_feed_item BEFORE INSERT OR UPDATE ON bags
    FOR EACH ROW EXECUTE FUNCTION bag_feed_item();
"""


def upgrade() -> None:
    with op.batch_alter_table("bags") as batch_op:
        batch_op.add_column(sa.Column("feed_item", sa.Text(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FEED_ITEM)
        op.execute("UPDATE bags SET feed_item = NULL")  # the trigger makes every bag's item


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER bag_feed_item ON bags")
        op.execute("DROP FUNCTION bag_feed_item()")
    with op.batch_alter_table("bags") as batch_op:
        batch_op.drop_column("feed_item")
