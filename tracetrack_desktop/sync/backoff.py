"""Retry pacing: exponential backoff with full jitter, honouring the server's Retry-After.

Full jitter (a uniform delay between 0 and the exponential ceiling) spreads a site's stations
apart after an outage, so they do not all come back in the same second.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_BASE_S = 1.0
DEFAULT_CAP_S = 60.0
MAX_RETRY_AFTER_S = 900.0
"""A Retry-After above this is treated as this (a misconfigured proxy must not park us for days)."""


@dataclass
class Backoff:
    """Delays for consecutive failures; :meth:`reset` after a success.

    Attributes:
        base_s: the ceiling of the first delay.
        cap_s: the largest ceiling our own backoff reaches.
        rng: the random source, ``random.random``-like (injected for tests).
    """

    base_s: float = DEFAULT_BASE_S
    cap_s: float = DEFAULT_CAP_S
    rng: Callable[[], float] = field(default=random.random)
    failures: int = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        """The delay before the next attempt, counting one more failure.

        A server-given ``retry_after`` is a floor: we never come back sooner than asked.
        """
        self.failures += 1
        ceiling = min(self.cap_s, self.base_s * float(2 ** min(self.failures - 1, 30)))
        delay = float(self.rng()) * ceiling
        if retry_after is not None:
            delay = max(delay, min(retry_after, MAX_RETRY_AFTER_S))
        return delay

    def reset(self) -> None:
        self.failures = 0
