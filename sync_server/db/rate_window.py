"""Request counts per client in PostgreSQL: one rate limit however many app nodes and workers.

Each worker of each node kept its own count, so a client whose requests nginx spread over two
nodes of three workers got six times its limit. Now every process counts its own requests
(in memory, as before) and adds them to table ``rate_hits`` (UNLOGGED; one row per client key
and ``SLOT_SECONDS`` slot, summed over the last minute) once a second in one statement,
reading back what the other processes counted meanwhile. A request is decided without a
round trip while this process's view of its client (own requests plus the others' at the last
sync) is under half the limit, which is where stations live (a few requests a minute against
1,200). From half the limit on, each request of that client is counted and checked in
PostgreSQL itself, one statement on an autocommit connection: at the limit the count is the
database's, whichever node asks. So a client's requests beyond its limit can pass only on a
process whose view, up to a second old, still put the client under half of it. Slots are on
PostgreSQL's clock, so nodes whose clocks differ still agree on the window, which covers the
last 55-60 s.

Why not a statement per request always: on two busy cores a round trip costs more in waiting
for the scheduler than in work; per request it put the p99 of 500 stations from ~0.1 s to
~0.5 s (bench/NOTES.md, issue 20).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import Any

import psycopg
from sqlalchemy import Engine

log = logging.getLogger(__name__)

SLOT_SECONDS = 5
WINDOW_SLOTS = 12  # 12 x 5 s: the minute of the limit
WINDOW_SECONDS = SLOT_SECONDS * WINDOW_SLOTS
EXACT_FROM = 0.5  # from this share of the limit on, a client's requests are counted in PostgreSQL
SWEEP_EVERY_S = 60.0  # rows of slots out of the window are deleted this often per process
MAX_KEYS = 50_000  # bound memory under address spraying

_NOW_SLOT = f"floor(extract(epoch FROM clock_timestamp()) / {SLOT_SECONDS})::bigint"

# A client's count in the window (with ``pending`` requests this process has not yet sent),
# then this request's charge if under the limit.
_CHARGE = f"""
WITH here AS (SELECT {_NOW_SLOT} AS slot, extract(epoch FROM clock_timestamp()) AS at),
prior AS (
    SELECT coalesce(sum(r.hits), 0) + %(pending)s AS n, min(r.slot) AS oldest
    FROM rate_hits AS r, here
    WHERE r.key = %(key)s AND r.slot > here.slot - {WINDOW_SLOTS}),
charged AS (
    INSERT INTO rate_hits AS r (key, slot, hits)
    SELECT %(key)s, here.slot, %(pending)s + CASE WHEN prior.n < %(limit)s THEN 1 ELSE 0 END
    FROM here, prior WHERE prior.n < %(limit)s OR %(pending)s <> 0
    ON CONFLICT (key, slot) DO UPDATE SET hits = r.hits + excluded.hits
    RETURNING 1)
SELECT prior.n, coalesce(prior.oldest, here.slot), here.at FROM prior, here
"""  # noqa: S608 - constants only

_FLUSH = f"""
INSERT INTO rate_hits AS r (key, slot, hits)
SELECT d.key, {_NOW_SLOT}, d.hits FROM unnest(%(keys)s::text[], %(hits)s::int[]) AS d(key, hits)
ON CONFLICT (key, slot) DO UPDATE SET hits = r.hits + excluded.hits
"""  # noqa: S608 - constants only

_TOTALS = f"""
SELECT key, sum(hits) FROM rate_hits
WHERE key = ANY(%(keys)s) AND slot > {_NOW_SLOT} - {WINDOW_SLOTS} GROUP BY key
"""  # noqa: S608 - constants only

_SWEEP = f"DELETE FROM rate_hits WHERE slot <= {_NOW_SLOT} - {WINDOW_SLOTS}"  # noqa: S608


class SharedRateWindow:
    """This process's share of the ``rate_hits`` counts (PostgreSQL only).

    Args:
        engine: the app's engine (a pooled connection is borrowed per statement).
        sync_seconds: how often this process adds its counts and reads the others'; 0 counts
            every request in PostgreSQL (exact, one round trip each: tests).

    :meth:`charge` raises ``psycopg.Error`` when it must ask PostgreSQL and cannot; the caller
    then counts in its own process. A failed sync is logged and tried again later.
    """

    def __init__(self, engine: Engine, sync_seconds: float = 1.0) -> None:
        self._engine = engine
        self.sync_seconds = sync_seconds
        self._mine: dict[str, deque[float]] = {}  # this process's requests in the window
        self._others: dict[str, int] = {}  # the other processes', as of the last sync
        self._unsent: dict[str, int] = {}  # this process's requests not yet in the table
        self._lock = threading.Lock()
        self._syncing = threading.Lock()
        self._next_sync = time.monotonic() + sync_seconds
        self._next_sweep = 0.0

    def charge(self, key: str, limit: int) -> float | None:
        """Count a request of ``key``: None if it is within ``limit`` a minute, else the
        seconds until a place frees up (the request is then not counted)."""
        now = time.monotonic()
        with self._lock:
            mine = self._window(key, now)
            seen = len(mine)
            exact = self.sync_seconds <= 0 or seen + self._others.get(key, 0) + 1 >= (
                limit * EXACT_FROM
            )
            if not exact:
                mine.append(now)
                self._unsent[key] = self._unsent.get(key, 0) + 1
            pending = self._unsent.pop(key, 0) if exact else 0
        wait = self._charge_exactly(key, limit, pending, seen, now) if exact else None
        self._maybe_sync(now)
        return wait

    def _charge_exactly(
        self, key: str, limit: int, pending: int, seen: int, now: float
    ) -> float | None:
        try:
            row = self._run(_CHARGE, {"key": key, "limit": limit, "pending": pending})
        except psycopg.Error:
            with self._lock:  # still to be sent
                self._unsent[key] = self._unsent.get(key, 0) + pending
            raise
        hits, oldest, at = int(row[0]), int(row[1]), float(row[2])
        with self._lock:
            self._others[key] = max(hits - seen, 0)
            if hits < limit:
                self._window(key, now).append(now)
                return None
        return max((oldest + WINDOW_SLOTS) * SLOT_SECONDS - at, 1.0)

    def move(self, source: str, target: str) -> None:
        """Move this process's last request of ``source`` to ``target`` (sent at the next
        sync; a count may go below zero in between, the sum is what is read)."""
        now = time.monotonic()
        with self._lock:
            moved = self._mine.get(source)
            if moved:
                moved.pop()
            self._window(target, now).append(now)
            self._unsent[source] = self._unsent.get(source, 0) - 1
            self._unsent[target] = self._unsent.get(target, 0) + 1
        if self.sync_seconds <= 0:  # exact: the table holds every count at once
            self.sync()

    def sync(self) -> None:
        """Send this process's new counts and read every other process's for the clients
        it has seen this minute."""
        now = time.monotonic()
        with self._lock:
            sent, self._unsent = self._unsent, {}
            watched = [key for key in list(self._mine) if self._window(key, now)]
            for key in list(self._mine):
                if not self._mine[key]:
                    del self._mine[key]
                    self._others.pop(key, None)
        try:
            totals = self._totals(sent, watched, now)
        except psycopg.Error as exc:
            with self._lock:
                for key, n in sent.items():
                    self._unsent[key] = self._unsent.get(key, 0) + n
            log.warning("rate limit counts not shared this time: %s", exc)
            return
        with self._lock:
            for key in watched:
                self._others[key] = max(totals.get(key, 0) - len(self._window(key, now)), 0)

    def _totals(self, sent: dict[str, int], watched: list[str], now: float) -> dict[str, int]:
        sweep = now >= self._next_sweep
        if sweep:
            self._next_sweep = now + SWEEP_EVERY_S
        changed = {key: n for key, n in sent.items() if n}
        statements: list[tuple[str, dict[str, Any]]] = []
        if changed:
            statements.append((_FLUSH, {"keys": list(changed), "hits": list(changed.values())}))
        if sweep:
            statements.append((_SWEEP, {}))
        statements.append((_TOTALS, {"keys": watched}))
        rows = self._run_all(statements)
        return {str(key): int(n) for key, n in rows}

    def _maybe_sync(self, now: float) -> None:
        if self.sync_seconds <= 0 or now < self._next_sync:
            return
        if not self._syncing.acquire(blocking=False):
            return  # another thread of this process is at it
        try:
            self._next_sync = now + self.sync_seconds
            self.sync()
        finally:
            self._syncing.release()

    def _window(self, key: str, now: float) -> deque[float]:
        """This process's requests of ``key`` in the last minute (call under the lock)."""
        hits = self._mine.get(key)
        if hits is None:
            if len(self._mine) >= MAX_KEYS:
                self._mine.clear()
                self._others.clear()
            hits = self._mine[key] = deque()
        while hits and now - hits[0] >= WINDOW_SECONDS:
            hits.popleft()
        return hits

    def _run(self, sql: str, params: dict[str, Any]) -> Any:
        rows = self._run_all([(sql, params)])
        return rows[0] if rows else None

    def _run_all(self, statements: list[tuple[str, dict[str, Any]]]) -> list[Any]:
        """Each statement in its own autocommit transaction; the last one's rows."""
        pooled = self._engine.raw_connection()
        try:
            driver = pooled.driver_connection
            assert isinstance(driver, psycopg.Connection)
            try:
                driver.autocommit = True  # no BEGIN / COMMIT around a statement
                rows: list[Any] = []
                for sql, params in statements:
                    cursor = driver.execute(sql, params)
                    rows = cursor.fetchall() if cursor.description is not None else []
                return rows
            except psycopg.OperationalError as exc:
                pooled.invalidate(exc)
                raise
            finally:
                if not driver.closed:
                    driver.autocommit = False
        finally:
            pooled.close()
