"""Per-client request rate limit: shields the server, not a drain.

On PostgreSQL the counts are shared by every worker of every app node
(:class:`~sync_server.db.rate_window.SharedRateWindow`), so a client spread over nodes by a
load balancer gets one limit, not one per process; while the counts cannot be read, and on
the embedded SQLite (one process), each process counts on its own.

The limit is per token over a sliding minute, and per client address for everything else:
requests without a token, and requests whose token this worker has not yet seen accepted.
So a bogus bearer per request buys no fresh budget (it is charged to its address), while a
station's valid token keeps its own budget, whoever else shares its address. A station
draining a backlog sends a few large batches a second, far below the default 1,200 requests
a minute; a runaway client gets ``429`` with ``Retry-After``, which stations honour.

The address is the peer's, or the one a trusted proxy forwarded (``Settings.trusted_proxies``);
``X-Forwarded-For`` from anyone else is ignored, as any client can write it.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import threading
import time
from collections import deque
from collections.abc import Sequence

import psycopg

from sync_server.db.rate_window import SharedRateWindow

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60.0
MAX_CLIENTS = 50_000  # bound memory under address spraying
MAX_KNOWN_TOKENS = 10_000  # only accepted tokens get in, so this bounds a worker's stations

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def bearer_token(authorization: str) -> str:
    """The token of an ``Authorization: Bearer <token>`` header, or ``""``."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return ""
    return token.strip()


def token_key(token: str) -> str:
    return "t:" + hashlib.sha256(token.encode()).hexdigest()[:32]


def address_key(address: str) -> str:
    return "a:" + address


def client_address(
    remote_addr: str,
    forwarded_for: str,
    trusted: Sequence[Network],
) -> str:
    """The client's address: ``remote_addr`` unless it is a trusted proxy.

    Behind trusted proxies, the right-most ``X-Forwarded-For`` entry that is not itself a
    trusted proxy (entries to its left were written by the client and prove nothing).
    """
    if not trusted or not _within(remote_addr, trusted):
        return remote_addr
    for entry in reversed(forwarded_for.split(",")):
        candidate = entry.strip()
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            return remote_addr  # a malformed chain: the proxy's own address is all we know
        if not _within(candidate, trusted):
            return candidate
    return remote_addr


def _within(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def parse_networks(entries: Sequence[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


class RateLimiter:
    def __init__(self, per_minute: int, shared: SharedRateWindow | None = None) -> None:
        self.per_minute = per_minute
        self.shared = shared
        self._hits: dict[str, deque[float]] = {}
        self._known: set[str] = set()
        self._lock = threading.Lock()

    def key_for(self, token: str, address: str) -> str:
        """The budget a request is charged to: its token's once accepted, else its address's."""
        if token:
            key = token_key(token)
            with self._lock:
                if key in self._known:
                    return key
        return address_key(address)

    def check(self, key: str, now: float | None = None) -> float | None:
        """Record a request; None if allowed, else seconds until the next is allowed."""
        if self.per_minute <= 0:
            return None
        if self.shared is not None:
            try:
                return self.shared.charge(key, self.per_minute)
            except psycopg.Error as exc:  # the request itself will say what is wrong
                log.warning("rate limit counted in this process only: %s", exc)
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits_of(key, now)
            if len(hits) >= self.per_minute:
                return max(WINDOW_SECONDS - (now - hits[0]), 1.0)
            hits.append(now)
            return None

    def token_accepted(self, token: str, charged: str, now: float | None = None) -> None:
        """``token`` proved valid: later requests use its budget, and the request that was
        charged to ``charged`` (its address) moves to the token's, so every request a token
        makes counts against it and none against its neighbours."""
        key = token_key(token)
        if charged == key:
            return
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._known) >= MAX_KNOWN_TOKENS:
                self._known.clear()
            self._known.add(key)
        if self.per_minute <= 0:
            return
        if self.shared is not None:
            self.shared.move(charged, key)
        with self._lock:  # a request this process counted alone (see check)
            moved = self._hits.get(charged)
            if moved:
                moved.pop()
                self._hits_of(key, now).append(now)

    def token_refused(self, token: str) -> None:
        """A revoked or unknown token goes back to its address's budget."""
        with self._lock:
            self._known.discard(token_key(token))

    def _hits_of(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            if len(self._hits) >= MAX_CLIENTS:
                self._evict(now)
            hits = self._hits[key] = deque()
        while hits and now - hits[0] >= WINDOW_SECONDS:
            hits.popleft()
        return hits

    def _evict(self, now: float) -> None:
        stale = [k for k, h in self._hits.items() if not h or now - h[-1] >= WINDOW_SECONDS]
        for key in stale:
            del self._hits[key]
        if len(self._hits) >= MAX_CLIENTS:
            self._hits.clear()
