"""The objects the composition root builds, reachable from a request."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from flask import current_app, g
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sync_server.api.ratelimit import Network, RateLimiter, parse_networks
from sync_server.config import Settings
from sync_server.db.rate_window import SharedRateWindow
from sync_server.db.schema import schema_problem
from sync_server.services.site_rules import SiteRules

log = logging.getLogger(__name__)

RECHECK_SECONDS = 5.0


@dataclass
class ServerContext:
    """What the composition root built; one per app (per worker process)."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    site_rules: SiteRules
    schema_problem: str | None = None
    checked_at: float = 0.0
    limiter: RateLimiter = field(init=False)
    trusted_proxies: tuple[Network, ...] = field(init=False)

    def __post_init__(self) -> None:
        # PostgreSQL: one count for every worker and app node (SQLite serves one process)
        shared = SharedRateWindow(self.engine) if self.engine.dialect.name == "postgresql" else None
        self.limiter = RateLimiter(self.settings.rate_limit_per_minute, shared)
        self.trusted_proxies = parse_networks(self.settings.trusted_proxies)

    def recheck_schema(self) -> str | None:
        """Check the database is reachable and current; remembers and returns the problem."""
        self.checked_at = time.monotonic()
        try:
            self.schema_problem = schema_problem(self.engine)
        except OperationalError as exc:
            self.schema_problem = f"the database is unreachable ({exc.orig})"
        if self.schema_problem:
            log.error("not serving: %s", self.schema_problem)
        return self.schema_problem

    def serving_problem(self) -> str | None:
        """The last problem, re-checked at most every few seconds until it is fixed."""
        if self.schema_problem and time.monotonic() - self.checked_at > RECHECK_SECONDS:
            return self.recheck_schema()
        return self.schema_problem


def context() -> ServerContext:
    ctx: ServerContext = current_app.extensions["tracetrack"]
    return ctx


def db_session() -> Session:
    """One session per request, closed at teardown. Services begin and commit on it."""
    if "db_session" not in g:
        g.db_session = context().sessions()
    session: Session = g.db_session
    return session
