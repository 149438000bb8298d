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
        suspect: why the input layer does not trust this read to be one whole label
            (a :class:`Suspect` value), ``""`` when it does; a suspect read is refused.
        terminator: the key that ended a keyboard read (``"Enter"``, ``"Tab"``), ``""`` when
            a pause ended it or it was not typed.
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
    suspect: str = ""
    terminator: str = ""


class Suspect(StrEnum):
    """Why a read is not trusted to be exactly one label (the refusal's machine reason)."""

    TWO_READS = "two_reads"
    """Two scanner bursts ran together (a suffix was lost or is not configured)."""
    CUT_READ = "cut_read"
    """Only the tail of a burst arrived here; its head went to another field."""
    MIXED_INPUT = "mixed_input"
    """Typed keys and a scanner burst ran together in one line."""
    TOO_SHORT = "too_short"
    """A burst at scanner speed shorter than the shortest label."""
    NO_SUFFIX = "no_suffix"
    """A scanner burst ended without Enter or Tab while the station expects one."""
