"""The one record every scanner input produces (serial, keyboard wedge, paste, simulate)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ScanSource(StrEnum):
    SERIAL = "serial"
    WEDGE = "wedge"
    PASTE = "paste"
    SIMULATED = "simulated"
    TYPED = "typed"


@dataclass(frozen=True)
class ScanRecord:
    """One read, as it arrived, before decoding.

    Attributes:
        text: the characters of the read (terminator removed).
        source: which kind of input produced it.
        scanner_id: which scanner (a port, a USB id, ``"keyboard"``), for debounce and status.
        arrived_at: wall-clock time (with UTC offset) when the read was complete.
        raw: the bytes as received, for serial input (``b""`` otherwise).
        char_intervals_ms: gaps between characters, for keyboard-wedge input.
        duration_ms: first character to terminator.
        monotonic_ns: ``time.monotonic_ns()`` when the read was complete (latency measurements).
        truncated: the input ran past the length limit without a terminator; ``text`` and
            ``raw`` hold only its start and the read is refused as too long.
    """

    text: str
    source: ScanSource
    scanner_id: str
    arrived_at: datetime
    raw: bytes = b""
    char_intervals_ms: tuple[float, ...] = field(default_factory=tuple)
    duration_ms: float = 0.0
    monotonic_ns: int = 0
    truncated: bool = False
