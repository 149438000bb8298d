"""Reads that did not come from a scanner: tests, demos and pasted text (Qt-free)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from tracetrack_core.codes import MAX_RAW_LENGTH
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource

MAX_PASTE_LINES = 500
"""A paste bigger than this is a mistake (a whole document), not a list of labels."""


def simulate(text: str, scanner_id: str = "sim") -> ScanRecord:
    """One read, as if a scanner had sent ``text`` (terminator already removed)."""
    return ScanRecord(
        text=text,
        source=ScanSource.SIMULATED,
        scanner_id=scanner_id,
        arrived_at=datetime.now(UTC),
        raw=text.encode("utf-8", errors="surrogatepass"),
        monotonic_ns=time.monotonic_ns(),
    )


def from_paste(text: str, scanner_id: str = "paste") -> list[ScanRecord]:
    """One record per non-blank line of pasted text (CR, LF or CRLF line ends).

    Lines longer than the read limit are kept but marked ``truncated`` so they are refused
    with a reason like any overlong read; a paste of more than :data:`MAX_PASTE_LINES` lines
    is refused as a whole.

    Raises:
        ValueError: more than :data:`MAX_PASTE_LINES` lines.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_PASTE_LINES:
        raise ValueError(f"{len(lines)} lines pasted; at most {MAX_PASTE_LINES} at a time")
    now = datetime.now(UTC)
    return [
        ScanRecord(
            text=line[:MAX_RAW_LENGTH],
            source=ScanSource.PASTE,
            scanner_id=scanner_id,
            arrived_at=now,
            monotonic_ns=time.monotonic_ns(),
            truncated=len(line) > MAX_RAW_LENGTH,
        )
        for line in lines
    ]
