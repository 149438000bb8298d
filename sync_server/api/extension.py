"""The objects the composition root builds, reachable from a request."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from flask import current_app, g
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sync_server.api.metrics import READ_SOURCE
from sync_server.api.ratelimit import Network, RateLimiter, parse_networks
from sync_server.config import Settings
from sync_server.db.rate_window import SharedRateWindow
from sync_server.db.replica import ReadRouter
from sync_server.db.schema import schema_problem
from sync_server.db.session import make_session_factory
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
    read_engine: Engine | None = None
    """The read replica's engine (``TRACETRACK_READ_DATABASE_URL``), if one is configured."""
    reads: ReadRouter = field(init=False)
    read_sessions: sessionmaker[Session] | None = field(init=False)

    def __post_init__(self) -> None:
        # PostgreSQL: one count for every worker and app node (SQLite serves one process)
        shared = (
            SharedRateWindow(self.engine, self.settings.rate_limit_sync_seconds)
            if self.engine.dialect.name == "postgresql"
            else None
        )
        self.limiter = RateLimiter(self.settings.rate_limit_per_minute, shared)
        self.trusted_proxies = parse_networks(self.settings.trusted_proxies)
        self.reads = ReadRouter(self.engine, self.read_engine, self.settings.read_max_lag_s)
        self.read_sessions = (
            None if self.read_engine is None else make_session_factory(self.read_engine)
        )

    def routed_session(self) -> Session:
        """A session on whichever database the read router chooses now (the live stats poll:
        its version comes from where the dashboard's next reads are likely to go)."""
        return Session(self.reads.engine_for(self.reads.choose()), expire_on_commit=False)

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


def read_session() -> Session:
    """The session of a read-side request (dashboards, reports, exports), closed at teardown:
    on the read replica while it is within the staleness bound, else the primary's
    :func:`db_session`. Writes and reads that must see this client's own writes (ingest, the
    changes feed, admin) use :func:`db_session`.
    """
    if "read_session" in g:
        found: Session = g.read_session
        return found
    ctx = context()
    choice = ctx.reads.choose()
    session: Session | None = None
    if choice.source == "replica" and ctx.read_sessions is not None:
        try:
            # checked out (and pinged) now: a replica gone since the last check sends this
            # request to the primary instead of failing it half-way
            ctx.reads.engine_for(choice).connect().close()
            session = ctx.read_sessions()
        except OperationalError as exc:
            log.warning("read replica unavailable, reading from the primary: %s", exc.orig)
            ctx.reads.mark_down()
            choice = ctx.reads.choose()
    # the session, not a connection: a streamed export reads on after teardown closed it
    g.read_session = session if session is not None else db_session()
    g.read_source = choice.source
    READ_SOURCE.labels(choice.source, choice.reason).inc()
    return read_session()
