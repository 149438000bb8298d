"""The objects the composition root builds, reachable from a request."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sync_server.config import Settings


@dataclass
class ServerContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    schema_problem: str | None = None


def context() -> ServerContext:
    ctx: ServerContext = current_app.extensions["tracetrack"]
    return ctx


def db_session() -> Session:
    """One session per request, closed at teardown. Services begin and commit on it."""
    if "db_session" not in g:
        g.db_session = context().sessions()
    session: Session = g.db_session
    return session
