"""The schema comes only from Alembic: the migrations produce exactly what the models say."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync_server.db.models import Base
from sync_server.db.partitions import autogenerate_includes
from sync_server.db.schema import head_revision
from sync_server.db.session import make_engine


def test_migrations_match_the_models_on_postgresql(pg_url: str) -> None:
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": autogenerate_includes})
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
