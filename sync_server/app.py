"""Composition root: ``create_app`` builds the objects and wires blueprints, errors, commands."""

from __future__ import annotations

import logging

from flask import Flask

from sync_server.api import (
    openapi,
    routes_admin,
    routes_exports,
    routes_imports,
    routes_live,
    routes_manage,
    routes_read,
    routes_reports,
    routes_service,
    routes_sync,
)
from sync_server.api.errors import register_errors
from sync_server.api.extension import ServerContext
from sync_server.api.hooks import register_hooks
from sync_server.config import Settings
from sync_server.db.replica import make_replica_engine
from sync_server.db.session import make_engine, make_session_factory
from sync_server.services.site_rules import SiteRules


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(routes_service.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(routes_sync.bp)
    app.register_blueprint(routes_read.bp)
    app.register_blueprint(routes_admin.bp)
    app.register_blueprint(routes_manage.bp)
    app.register_blueprint(routes_reports.bp)
    app.register_blueprint(routes_exports.bp)
    app.register_blueprint(routes_imports.bp)
    app.register_blueprint(routes_live.bp)


def create_app(settings: Settings | None = None) -> Flask:
    """Build the server. ``settings`` default to ``Settings.from_env()``."""
    settings = settings or Settings.from_env()
    logging.basicConfig(level=settings.log_level, format="%(message)s")
    app = Flask("sync_server")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_batch_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    context = ServerContext(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        site_rules=SiteRules(),
        read_engine=(
            make_replica_engine(settings.read_database_url, pool_size=settings.db_pool_size)
            if settings.read_database_url
            else None
        ),
    )
    if settings.check_schema:
        context.recheck_schema()
    app.extensions["tracetrack"] = context
    register_errors(app)
    register_hooks(app)
    register_blueprints(app)
    return app


def dispose_app(app: Flask) -> None:
    """Release what :func:`create_app` made: the live streams' hub and the database pool (tests
    and anything else that builds apps in a process that lives on)."""
    routes_live.close_live_hub(app)
    context: ServerContext = app.extensions["tracetrack"]
    context.engine.dispose()
    if context.read_engine is not None:
        context.read_engine.dispose()
