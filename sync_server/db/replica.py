"""Which database serves the read side: a streaming replica while it is fresh, else the primary.

A replica's staleness is bounded three ways; each alone is a sound upper bound, the router
takes the smallest:

* **caught up**: its replayed WAL position has reached the primary's current one (read just
  before): it lacks nothing (an idle primary makes no commits, so this is the only bound that
  stays small there: ``pg_last_xact_replay_timestamp()`` does not move);
* **an earlier primary position**: it has replayed the WAL the primary had written at an earlier
  check, ``t`` seconds ago: it lacks at most what was committed since;
* **the last replayed commit**: ``now() - pg_last_xact_replay_timestamp()``: whatever it lacks
  was committed after that commit (clocks kept by NTP, as PostgreSQL's own monitoring assumes).

The check costs one statement on each server and runs at most once every ``CHECK_SECONDS`` per
process (a request that finds it due runs it; the others use the last answer meanwhile), so the
replica is used only while the measured staleness plus that interval is within the bound: what a
read sees is never older than ``max_lag_s``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

CHECK_SECONDS = 1.0
"""How long one check's answer is used before the next."""
DOWN_CHECK_SECONDS = 5.0
"""How long a replica found unreachable is left alone (a host that does not answer holds the
request that checks it for the connect timeout: once in a while, not every second)."""

Source = Literal["replica", "primary"]
Reason = Literal["fresh", "not_configured", "lagging", "down", "not_a_replica"]

_PRIMARY_LSN = text("SELECT pg_current_wal_lsn()::text")
_REPLICA_STATE = text(
    "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
    " extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8"
)


def make_replica_engine(url: str, *, pool_size: int = 5) -> Engine:
    """The replica's engine: a short connect timeout (a replica host that is gone must not hold
    a dashboard request for long: the primary serves instead) and a ping at each checkout, so a
    replica restarted since costs no failed read (reads there are few next to the uploads)."""
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_recycle=1800,
        connect_args={"connect_timeout": 2},
    )


@dataclass(frozen=True)
class Choice:
    """The answer of one check: where reads go, why, and the staleness measured (seconds)."""

    source: Source
    reason: Reason
    lag_s: float | None = None


class ReadRouter:
    """Chooses the engine for read-side sessions (thread-safe; one per process).

    Args:
        primary: the primary's engine (writes and every read-your-writes path stay there).
        replica: the replica's engine, or None when no replica is configured.
        max_lag_s: the staleness bound: the replica serves only while it is provably at most
            this far behind.
    """

    def __init__(self, primary: Engine, replica: Engine | None, max_lag_s: float) -> None:
        self.primary = primary
        self.replica = replica
        self.max_lag_s = max_lag_s
        self._lock = threading.Lock()
        self._checked_at = float("-inf")
        self._choice = Choice("primary", "not_configured" if replica is None else "down")
        # (monotonic time, the primary's WAL position then) of recent checks, oldest first
        self._positions: deque[tuple[float, int]] = deque(maxlen=64)

    def choose(self) -> Choice:
        """The last answer, checked again first when it is older than ``CHECK_SECONDS``."""
        if self.replica is None:
            return self._choice
        now = time.monotonic()
        every = DOWN_CHECK_SECONDS if self._choice.reason == "down" else CHECK_SECONDS
        if now - self._checked_at >= every and self._lock.acquire(blocking=False):
            try:
                self._choice = self._check(now)
                self._checked_at = time.monotonic()
            finally:
                self._lock.release()
        return self._choice

    def engine_for(self, choice: Choice) -> Engine:
        return self.replica if choice.source == "replica" and self.replica else self.primary

    def mark_down(self) -> None:
        """The replica failed a read: the primary serves until the next check finds it well."""
        self._choice = Choice("primary", "down")
        self._checked_at = time.monotonic()

    def _check(self, now: float) -> Choice:
        assert self.replica is not None
        try:
            with self.primary.connect() as conn:
                primary_lsn = _lsn(str(conn.execute(_PRIMARY_LSN).scalar_one()))
        except DBAPIError:
            # nothing can be proved fresh against an unreachable primary; its own errors
            # reach the requests that need it
            return self._changed(Choice("primary", "down"))
        try:
            with self.replica.connect() as conn:
                recovering, replayed, since_commit = conn.execute(_REPLICA_STATE).one()
        except DBAPIError as exc:
            log.debug("read replica unreachable: %s", exc)
            return self._changed(Choice("primary", "down"))
        finally:
            self._positions.append((now, primary_lsn))
        if not recovering or replayed is None:
            return self._changed(Choice("primary", "not_a_replica"))
        lag = self._lag(now, primary_lsn, _lsn(replayed), since_commit)
        if lag + CHECK_SECONDS <= self.max_lag_s:
            return self._changed(Choice("replica", "fresh", lag))
        return self._changed(Choice("primary", "lagging", lag))

    def _lag(self, now: float, primary: int, replayed: int, since_commit: float | None) -> float:
        """The smallest of the three bounds (the module's docstring) on what the replica lacks."""
        if replayed >= primary:
            return 0.0
        bounds = [] if since_commit is None else [max(0.0, since_commit)]
        for at, position in reversed(self._positions):  # newest first
            if position <= replayed:
                bounds.append(now - at)
                break
        return min(bounds, default=float("inf"))

    def _changed(self, choice: Choice) -> Choice:
        if choice.source != self._choice.source or choice.reason != self._choice.reason:
            log.info(
                "read side now on the %s (%s, lag %s s)", choice.source, choice.reason, choice.lag_s
            )
        return choice


def _lsn(text_lsn: str) -> int:
    """A WAL position (``16/B374D848``) as a number."""
    high, _, low = text_lsn.partition("/")
    return (int(high, 16) << 32) + int(low, 16)
