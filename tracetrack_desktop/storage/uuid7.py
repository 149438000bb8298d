"""UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then counter and random bits.

The 12-bit ``rand_a`` field is used as a counter (RFC 9562 §6.2, method 1) seeded at a random
value each new millisecond, so ids made in the same millisecond still sort in the order they
were made. The generator never goes backwards: if the clock steps back it keeps counting from
the last timestamp it issued, which keeps outbox ids in the same order as their ``seq``.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

_MAX_COUNTER = 0xFFF
_MAX_MS = (1 << 48) - 1


class UUID7Generator:
    """A thread-safe, monotonic UUIDv7 source."""

    def __init__(self, after: str | uuid.UUID | None = None) -> None:
        """Create a generator whose ids all sort after ``after`` (e.g. the newest stored id)."""
        self._lock = threading.Lock()
        self._last_ms = -1
        self._counter = 0
        if after is not None:
            value = uuid.UUID(str(after)) if not isinstance(after, uuid.UUID) else after
            if value.version == 7:
                self._last_ms = value.int >> 80
                self._counter = (value.int >> 64) & _MAX_COUNTER

    def new(self, unix_ms: int | None = None) -> uuid.UUID:
        """Return the next id, stamped with ``unix_ms`` (default: now)."""
        ms = time.time_ns() // 1_000_000 if unix_ms is None else unix_ms
        ms = max(0, min(ms, _MAX_MS))
        with self._lock:
            if ms > self._last_ms:
                # leave headroom above the seed so a burst in one millisecond rarely overflows
                self._counter = secrets.randbits(11)
                self._last_ms = ms
            else:
                self._counter += 1
                if self._counter > _MAX_COUNTER:
                    self._last_ms += 1
                    self._counter = secrets.randbits(11)
            return build(self._last_ms, self._counter, secrets.randbits(62))


def build(unix_ms: int, rand_a: int, rand_b: int) -> uuid.UUID:
    """Assemble a UUIDv7 from its fields (version and variant bits set here)."""
    value = (unix_ms & _MAX_MS) << 80
    value |= 0x7 << 76
    value |= (rand_a & _MAX_COUNTER) << 64
    value |= 0b10 << 62
    value |= rand_b & ((1 << 62) - 1)
    return uuid.UUID(int=value)


def timestamp_ms(value: str | uuid.UUID) -> int:
    """The Unix milliseconds stored in a UUIDv7."""
    return uuid.UUID(str(value)).int >> 80


_default = UUID7Generator()


def uuid7(unix_ms: int | None = None) -> uuid.UUID:
    """A new UUIDv7 from the process-wide generator."""
    return _default.new(unix_ms)
