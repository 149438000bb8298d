"""Typed server settings, read once in the composition root (never at import time)."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import user_data_dir

from tracetrack_core.events import MAX_BATCH_BYTES, MAX_BATCH_EVENTS

ENV_PREFIX = "TRACETRACK_"


def default_database_url() -> str:
    """The embedded SQLite file in the platform data dir: zero setup for a small site."""
    data_dir = Path(user_data_dir("tracetrack-server", appauthor=False))
    return f"sqlite:///{data_dir / 'tracetrack.db'}"


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever driver the URL names (or none)."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class Settings:
    """Server settings. ``from_env`` reads ``TRACETRACK_*`` variables.

    Attributes:
        database_url: SQLAlchemy URL; PostgreSQL in production, SQLite when unset.
        max_batch_events: most events in one upload (413 above).
        max_batch_bytes: largest upload body (413 above).
        enrollment_ttl_minutes: how long an enrollment code stays valid.
        max_clock_skew_hours: events dated further than this from the server are rejected.
        rate_limit_per_minute: requests per token (or address) per minute before 429.
        rate_limit_sync_seconds: how often each worker shares its request counts through
            PostgreSQL with the other workers and app nodes (0: every request is counted in
            PostgreSQL, exact and one round trip dearer); ``db/rate_window.py``.
        db_pool_size: connections each worker process keeps.
        header_timeout_seconds: ``serve`` closes a connection (408) whose request line and
            headers have not all arrived this long after the request's first byte.
        body_min_bytes_per_second: a body of ``n`` bytes must arrive within
            ``header_timeout_seconds + n / body_min_bytes_per_second`` after its headers
            (the default gives a 1 MiB batch 74 s), else 408.
        trusted_proxies: addresses or networks of reverse proxies whose ``X-Forwarded-For``
            names the client (``TRACETRACK_TRUSTED_PROXIES``, comma-separated). Empty by
            default: the header is then ignored, since any client can write it to dodge the
            per-address limits.
        site_tz: the site's IANA time zone (``TRACETRACK_SITE_TZ``, e.g. ``Asia/Kolkata``):
            what reports, exports and the end-of-day report use when a request names none.
        read_database_url: a PostgreSQL streaming replica of ``database_url``
            (``TRACETRACK_READ_DATABASE_URL``) for dashboard, report and export reads; None:
            the primary serves them.
        read_max_lag_s: the staleness bound (``TRACETRACK_READ_MAX_LAG_S``): the replica
            serves only while it is provably at most this many seconds behind the primary.
    """

    database_url: str = field(default_factory=default_database_url)
    max_batch_events: int = MAX_BATCH_EVENTS
    max_batch_bytes: int = MAX_BATCH_BYTES
    enrollment_ttl_minutes: int = 60
    max_clock_skew_hours: int = 24 * 30
    rate_limit_per_minute: int = 1200
    rate_limit_sync_seconds: float = 1.0
    db_pool_size: int = 5
    header_timeout_seconds: int = 10
    body_min_bytes_per_second: int = 16_384
    log_level: str = "INFO"
    check_schema: bool = True
    trusted_proxies: tuple[str, ...] = ()
    site_tz: str = "UTC"
    read_database_url: str | None = None
    read_max_lag_s: float = 5.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def get_int(name: str, default: int) -> int:
            raw = env.get(ENV_PREFIX + name)
            if raw is None or raw == "":
                return default
            try:
                return int(raw)
            except ValueError as exc:
                raise ValueError(f"{ENV_PREFIX}{name} must be a whole number, not {raw!r}") from exc

        url = env.get(ENV_PREFIX + "DATABASE_URL") or default_database_url()
        return cls(
            database_url=normalise_database_url(url),
            max_batch_events=get_int("MAX_BATCH_EVENTS", MAX_BATCH_EVENTS),
            max_batch_bytes=get_int("MAX_BATCH_BYTES", MAX_BATCH_BYTES),
            enrollment_ttl_minutes=get_int("ENROLLMENT_TTL_MINUTES", 60),
            rate_limit_per_minute=get_int("RATE_LIMIT_PER_MINUTE", 1200),
            rate_limit_sync_seconds=_seconds(env.get(ENV_PREFIX + "RATE_LIMIT_SYNC_SECONDS")),
            db_pool_size=get_int("DB_POOL_SIZE", 5),
            header_timeout_seconds=get_int("HEADER_TIMEOUT_SECONDS", 10),
            body_min_bytes_per_second=get_int("BODY_MIN_BYTES_PER_SECOND", 16_384),
            log_level=env.get(ENV_PREFIX + "LOG_LEVEL", "INFO"),
            trusted_proxies=_trusted_proxies(env.get(ENV_PREFIX + "TRUSTED_PROXIES", "")),
            site_tz=_site_tz(env.get(ENV_PREFIX + "SITE_TZ", "") or "UTC"),
            read_database_url=_read_url(env.get(ENV_PREFIX + "READ_DATABASE_URL", ""), url),
            read_max_lag_s=_max_lag(env.get(ENV_PREFIX + "READ_MAX_LAG_S", "") or "5"),
        )


def _read_url(raw: str, primary: str) -> str | None:
    """A replica is PostgreSQL's streaming replication: only beside a PostgreSQL primary."""
    if not raw.strip():
        return None
    url = normalise_database_url(raw.strip())
    if not (
        url.startswith("postgresql") and normalise_database_url(primary).startswith("postgresql")
    ):
        raise ValueError(
            f"{ENV_PREFIX}READ_DATABASE_URL: a read replica needs PostgreSQL for both databases"
        )
    return url


def _max_lag(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(
            f"{ENV_PREFIX}READ_MAX_LAG_S must be a number of seconds, not {raw!r}"
        ) from exc
    if value < 2:  # the replica's state is checked once a second: under 2 s it would never serve
        raise ValueError(f"{ENV_PREFIX}READ_MAX_LAG_S must be at least 2 seconds, not {raw!r}")
    return value


def _seconds(raw: str | None, default: float = 1.0) -> float:
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(
            f"{ENV_PREFIX}RATE_LIMIT_SYNC_SECONDS must be seconds, not {raw!r}"
        ) from exc
    if value < 0:
        raise ValueError(f"{ENV_PREFIX}RATE_LIMIT_SYNC_SECONDS must not be negative")
    return value


def _site_tz(name: str) -> str:
    """An IANA zone the server knows (checked now, not on the first report)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{ENV_PREFIX}SITE_TZ: {name!r} is not a known time zone") from exc
    return name


def _trusted_proxies(raw: str) -> tuple[str, ...]:
    """Each entry must be an address or a network (checked now, not on the first request)."""
    entries = tuple(part.strip() for part in raw.split(",") if part.strip())
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as exc:
            raise ValueError(
                f"{ENV_PREFIX}TRUSTED_PROXIES: {entry!r} is not an address or network"
            ) from exc
    return entries
