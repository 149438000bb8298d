"""Per-client request rate limit (in each worker process): shields the server, not a drain.

The limit is per token (or per address without one) over a sliding minute. A station draining
a backlog sends a few large batches a second, far below the default 1,200 requests a minute;
a runaway client gets ``429`` with ``Retry-After``, which stations honour.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque

WINDOW_SECONDS = 60.0
MAX_CLIENTS = 50_000  # bound memory under address spraying


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def client_key(authorization: str, address: str) -> str:
        if authorization:
            return "t:" + hashlib.sha256(authorization.encode()).hexdigest()[:32]
        return "a:" + address

    def check(self, key: str, now: float | None = None) -> float | None:
        """Record a request; None if allowed, else seconds until the next is allowed."""
        if self.per_minute <= 0:
            return None
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if len(self._hits) >= MAX_CLIENTS:
                    self._evict(now)
                hits = self._hits[key] = deque()
            while hits and now - hits[0] >= WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(WINDOW_SECONDS - (now - hits[0]), 1.0)
            hits.append(now)
            return None

    def _evict(self, now: float) -> None:
        stale = [k for k, h in self._hits.items() if not h or now - h[-1] >= WINDOW_SECONDS]
        for key in stale:
            del self._hits[key]
        if len(self._hits) >= MAX_CLIENTS:
            self._hits.clear()
