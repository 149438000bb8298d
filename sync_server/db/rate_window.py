"""Request counts per client in PostgreSQL: one rate limit however many app nodes and workers.

Each worker of each node kept its own count, so a client whose requests nginx spread over two
nodes of three workers got six times its limit. Here every request is charged to one row per
client key and ``SLOT_SECONDS`` slot (table ``rate_hits``, UNLOGGED), and the limit is
checked against the slots of the last minute, all in one statement on an autocommit
connection: one round trip, no transaction. The clock is PostgreSQL's, so nodes whose clocks
differ still agree on the window.

The window moves in whole slots: it covers the last 55-60 s, not exactly 60. Two requests
of one client checked at the same instant on two nodes may both pass the last free place
(one over the limit); a shield against runaway clients needs no more.
"""

from __future__ import annotations

import time
from typing import Any

import psycopg
from sqlalchemy import Engine

SLOT_SECONDS = 5
WINDOW_SLOTS = 12  # 12 x 5 s: the minute of the limit
SWEEP_EVERY_S = 60.0  # rows of slots out of the window are deleted this often per worker

_NOW_SLOT = f"floor(extract(epoch FROM clock_timestamp()) / {SLOT_SECONDS})::bigint"

# The client's hits in the window, then this request's charge if under the limit.
_CHARGE = f"""
WITH here AS (SELECT {_NOW_SLOT} AS slot, extract(epoch FROM clock_timestamp()) AS at),
prior AS (
    SELECT coalesce(sum(r.hits), 0) AS n, min(r.slot) AS oldest
    FROM rate_hits AS r, here
    WHERE r.key = %(key)s AND r.slot > here.slot - {WINDOW_SLOTS}),
charged AS (
    INSERT INTO rate_hits AS r (key, slot, hits)
    SELECT %(key)s, here.slot, 1 FROM here, prior WHERE prior.n < %(limit)s
    ON CONFLICT (key, slot) DO UPDATE SET hits = r.hits + 1
    RETURNING 1)
SELECT prior.n, prior.oldest, here.at FROM prior, here
"""  # noqa: S608 - constants only

# A request first charged to its address moves to its token's budget once the token is known.
_MOVE = f"""
WITH taken AS (
    UPDATE rate_hits SET hits = hits - 1
    WHERE key = %(source)s AND hits > 0
      AND slot = (SELECT max(slot) FROM rate_hits WHERE key = %(source)s)
    RETURNING 1)
INSERT INTO rate_hits AS r (key, slot, hits)
SELECT %(target)s, {_NOW_SLOT}, 1 FROM taken
ON CONFLICT (key, slot) DO UPDATE SET hits = r.hits + 1
"""  # noqa: S608 - constants only

_SWEEP = f"DELETE FROM rate_hits WHERE slot <= {_NOW_SLOT} - {WINDOW_SLOTS}"  # noqa: S608


class SharedRateWindow:
    """The ``rate_hits`` table as a sliding minute per key (PostgreSQL only).

    Database errors are raised as ``psycopg.Error`` (the pooled connection is dropped when it
    is dead); the caller decides what a request gets when the counts cannot be read.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._next_sweep = 0.0

    def charge(self, key: str, limit: int) -> float | None:
        """Count a request of ``key``: None if it is within ``limit`` a minute, else the
        seconds until the oldest counted slot leaves the window (not counted then)."""
        sweep = time.monotonic() >= self._next_sweep
        if sweep:
            self._next_sweep = time.monotonic() + SWEEP_EVERY_S
        row = self._run(_CHARGE, {"key": key, "limit": limit}, sweep=sweep)
        assert row is not None
        hits, oldest, at = int(row[0]), row[1], float(row[2])
        if hits < limit:
            return None
        leaves = (int(oldest) + WINDOW_SLOTS) * SLOT_SECONDS
        return max(leaves - at, 1.0)

    def move(self, source: str, target: str) -> None:
        """Move one request, the last charged to ``source``, to ``target``."""
        self._run(_MOVE, {"source": source, "target": target})

    def _run(self, sql: str, params: dict[str, Any], *, sweep: bool = False) -> Any:
        pooled = self._engine.raw_connection()
        try:
            driver = pooled.driver_connection
            assert isinstance(driver, psycopg.Connection)
            try:
                driver.autocommit = True  # each statement its own transaction, no BEGIN
                cursor = driver.execute(sql, params)
                row = cursor.fetchone() if cursor.description is not None else None
                if sweep:
                    driver.execute(_SWEEP)
                return row
            except psycopg.OperationalError as exc:
                pooled.invalidate(exc)
                raise
            finally:
                if not driver.closed:
                    driver.autocommit = False
        finally:
            pooled.close()
