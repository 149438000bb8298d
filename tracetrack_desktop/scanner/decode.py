"""Scanner reads → decoded codes or refusals, with a per-scanner debounce (Qt-free).

:class:`Decoder` is the one place a :class:`ScanRecord` becomes meaning. It never raises for
bad input: garbage becomes a :class:`Refusal` carrying a machine reason (for the
``scan_rejected`` event) and a sentence for the operator.

The debounce here is about the *scanner*: a trigger held down, or a scanner in continuous
mode, sends the same label several times in a few hundred milliseconds. It is separate from
the domain's "already in this parent", which is a real second scan and is answered by the rules.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from tracetrack_core.codes import (
    DEFAULT_RULES,
    GS,
    MAX_RAW_LENGTH,
    CodeRules,
    Decoded,
    InvalidReadError,
    decode,
    normalise,
)
from tracetrack_desktop.scanner.records import ScanRecord, Suspect

_SUSPECT_MESSAGES: dict[str, str] = {
    Suspect.TWO_READS: "Two labels ran together in one read; neither was counted. Check that the "
    "scanner ends each read with Enter or Tab.",
    Suspect.CUT_READ: "Only the end of a label arrived (its start went elsewhere); it was not "
    "counted.",
    Suspect.MIXED_INPUT: "Typed keys and a scan ran together in the scan line; neither was "
    "counted.",
    Suspect.TOO_SHORT: "The scanner sent a read shorter than any label; it was not counted.",
    Suspect.NO_SUFFIX: "The scanner sent a label without Enter or Tab at the end; it was not "
    "counted. Set its suffix, or choose 'no suffix' in Settings, Scanners.",
}
"""What the operator is told about a read the input layer did not trust (records.Suspect)."""

DEFAULT_DEBOUNCE_MS = 700
"""Long enough to swallow a held trigger's repeats, shorter than an operator's second scan."""

SUMMARY_MAX = 200
"""Refused reads are logged and uploaded; cap them so noise cannot bloat the log or queue."""


@dataclass(frozen=True)
class Refusal:
    """Why a read was refused.

    Attributes:
        reason: machine-readable (``binary_noise``, ``too_long``, ``empty``, ``bad_check_digit``,
            ``bad_gs1``), used as ``data.reason`` of the ``scan_rejected`` event.
        message: one sentence for the operator.
    """

    reason: str
    message: str


@dataclass(frozen=True)
class DecodeResult:
    """What one read means.

    Exactly one of ``decoded`` and ``refusal`` is set.

    Attributes:
        record: the read itself.
        decoded: the code, when the read was understood.
        refusal: why it was not.
        debounced: the same scanner sent the same code within the debounce window; the caller
            should ignore the read (it is a repeat of the scanner, not a new scan).
    """

    record: ScanRecord
    decoded: Decoded | None = None
    refusal: Refusal | None = None
    debounced: bool = False

    @property
    def ok(self) -> bool:
        """True when the read decoded and is not a debounced repeat."""
        return self.decoded is not None and not self.debounced


class Decoder:
    """Decodes scan records by the site's rules and drops scanner repeats.

    Args:
        rules: the site's code rules.
        debounce_ms: a read of the same code from the same scanner within this many
            milliseconds of its previous read is flagged ``debounced``; 0 turns it off.
        clock: monotonic nanoseconds, used when a record carries no ``monotonic_ns``.
    """

    def __init__(
        self,
        rules: CodeRules = DEFAULT_RULES,
        *,
        debounce_ms: int = DEFAULT_DEBOUNCE_MS,
        clock: Callable[[], int] = time.monotonic_ns,
    ) -> None:
        if debounce_ms < 0:
            raise ValueError("debounce_ms must be >= 0")
        self.rules = rules
        self.debounce_ms = debounce_ms
        self._clock = clock
        self._last: dict[str, tuple[str, int]] = {}

    def decode(self, record: ScanRecord) -> DecodeResult:
        """Decode one read. Never raises for bad input."""
        if record.suspect:
            message = _SUSPECT_MESSAGES.get(
                record.suspect, "The read was not whole; scan it again."
            )
            return DecodeResult(record, refusal=Refusal(record.suspect, message))
        if record.truncated:
            return DecodeResult(
                record,
                refusal=Refusal(
                    "too_long",
                    f"The scanner sent more than {MAX_RAW_LENGTH} characters without an end "
                    "of line; check its terminator setting.",
                ),
            )
        try:
            decoded = decode(record.text, self.rules)
        except InvalidReadError as exc:
            return DecodeResult(record, refusal=Refusal(exc.reason, exc.message))
        key = decoded.code or normalise(decoded.raw)
        return DecodeResult(record, decoded=decoded, debounced=self._repeat(record, key))

    def reset(self, scanner_id: str | None = None) -> None:
        """Forget the last read of one scanner (or all), e.g. after the operator undid it."""
        if scanner_id is None:
            self._last.clear()
        else:
            self._last.pop(scanner_id, None)

    def _repeat(self, record: ScanRecord, key: str) -> bool:
        now = record.monotonic_ns or self._clock()
        previous = self._last.get(record.scanner_id)
        # Sliding window: a trigger held down keeps repeating, every repeat extends it.
        self._last[record.scanner_id] = (key, now)
        if self.debounce_ms == 0 or previous is None:
            return False
        last_key, last_ns = previous
        return last_key == key and 0 <= now - last_ns <= self.debounce_ms * 1_000_000


_NAMES = {GS: "<GS>", "\r": "<CR>", "\n": "<LF>", "\t": "<TAB>"}


def printable(text: str, limit: int = SUMMARY_MAX) -> str:
    """``text`` with control characters shown (``<GS>``, ``<00>``), at most ``limit`` chars."""
    out: list[str] = []
    size = 0
    for ch in text:
        shown = _NAMES.get(ch) or (ch if ch.isprintable() else f"<{ord(ch):02X}>")
        if size + len(shown) > limit:
            marker = "…"
            while out and size + len(marker) > limit:
                size -= len(out.pop())
            out.append(marker)
            break
        out.append(shown)
        size += len(shown)
    return "".join(out)


def refusal_summary(result: DecodeResult) -> str:
    """A one-line, control-free summary of a refused read, at most 200 characters.

    Suitable for the log and for the ``scan_rejected`` event's data.
    """
    record = result.record
    reason = result.refusal.reason if result.refusal else "accepted"
    length = len(record.raw) if record.raw else len(record.text)
    unit = "bytes" if record.raw else "chars"
    head = f"{reason} from {record.source.value}:{record.scanner_id}, {length} {unit}"
    head = printable(head, SUMMARY_MAX // 2)
    room = SUMMARY_MAX - len(head) - 4
    return f'{head}: "{printable(record.text, max(room, 1))}"'[:SUMMARY_MAX]


def scan_rejected_data(result: DecodeResult) -> dict[str, str]:
    """``data`` for a ``scan_rejected`` event (docs/protocol.md#event-types: ``data.reason``)."""
    assert result.refusal is not None, "only refused reads are rejected"
    return {
        "reason": result.refusal.reason,
        "summary": refusal_summary(result),
        "source": result.record.source.value,
        "scanner_id": printable(result.record.scanner_id, 64),
    }
