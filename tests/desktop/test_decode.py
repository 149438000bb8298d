"""Decoder: refusals with reasons, per-scanner debounce, summaries; simulate and paste."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_core.codes import CodeKind
from tracetrack_desktop.scanner.decode import (
    SUMMARY_MAX,
    Decoder,
    printable,
    refusal_summary,
    scan_rejected_data,
)
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.simulate import MAX_PASTE_LINES, from_paste, simulate

MS = 1_000_000


def _at(record: ScanRecord, ms: int, scanner_id: str | None = None) -> ScanRecord:
    return replace(record, monotonic_ns=ms * MS, scanner_id=scanner_id or record.scanner_id)


def test_decoded_and_refused() -> None:
    decoder = Decoder()
    ok = decoder.decode(simulate("sb00042"))
    assert ok.ok
    assert ok.decoded is not None
    assert ok.decoded.kind is CodeKind.PARENT
    bad = decoder.decode(simulate("\x00\x01\x02"))
    assert not bad.ok
    assert bad.refusal is not None
    assert bad.refusal.reason == "binary_noise"
    assert bad.decoded is None


def test_truncated_record_is_refused_as_too_long() -> None:
    record = replace(simulate("SB00042"), truncated=True)
    result = Decoder().decode(record)
    assert result.refusal is not None
    assert result.refusal.reason == "too_long"


def test_debounce_per_scanner_within_window() -> None:
    decoder = Decoder(debounce_ms=500)
    base = simulate("SB00042", scanner_id="a")
    assert not decoder.decode(_at(base, 1000)).debounced
    repeat = decoder.decode(_at(base, 1300))
    assert repeat.debounced
    assert not repeat.ok
    # another scanner reading the same code is a separate read
    assert not decoder.decode(_at(base, 1350, "b")).debounced
    # the window slides with each repeat (a held trigger), then expires
    assert decoder.decode(_at(base, 1700)).debounced
    assert not decoder.decode(_at(base, 2300)).debounced
    # a different code resets it; same code after it is new again
    assert not decoder.decode(_at(simulate("C0100", "a"), 2400)).debounced
    assert not decoder.decode(_at(base, 2500)).debounced


def test_debounce_compares_decoded_codes_and_can_be_reset() -> None:
    decoder = Decoder(debounce_ms=500)
    long_label = simulate("LABEL NO.0016586 LOT NO.:STAR44GG", "a")
    assert not decoder.decode(_at(long_label, 10_000)).debounced
    assert decoder.decode(_at(simulate("0016586", "a"), 10_100)).debounced
    decoder.reset("a")
    assert not decoder.decode(_at(simulate("0016586", "a"), 10_200)).debounced
    off = Decoder(debounce_ms=0)
    off.decode(_at(long_label, 10_000))
    assert not off.decode(_at(long_label, 10_001)).debounced
    with pytest.raises(ValueError, match="debounce"):
        Decoder(debounce_ms=-1)


def test_refusal_summary_is_capped_and_control_free() -> None:
    noise = "".join(chr(i) for i in range(0, 32)) * 40
    result = Decoder().decode(replace(simulate(noise, "/dev/ttyACM0"), source=ScanSource.SERIAL))
    summary = refusal_summary(result)
    assert len(summary) <= SUMMARY_MAX
    assert summary.isprintable()
    assert summary.startswith("too_long from serial:/dev/ttyACM0")
    data = scan_rejected_data(result)
    assert data["reason"] == "too_long"
    assert data["summary"] == summary
    assert printable("a\x1db\r") == "a<GS>b<CR>"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=700), scanner=st.text(max_size=300))
def test_summary_never_exceeds_limit(text: str, scanner: str) -> None:
    result = Decoder().decode(simulate(text, scanner))
    summary = refusal_summary(result)
    assert len(summary) <= SUMMARY_MAX
    assert summary.isprintable()


def test_simulate_and_paste() -> None:
    record = simulate("SB00042")
    assert record.source is ScanSource.SIMULATED
    assert record.scanner_id == "sim"
    assert record.raw == b"SB00042"
    pasted = from_paste("SB00042\r\n\r\n 0016586 \nCMD-FINISH\r" + "9" * 600)
    assert [r.text for r in pasted[:3]] == ["SB00042", " 0016586 ", "CMD-FINISH"]
    assert all(r.source is ScanSource.PASTE for r in pasted)
    assert pasted[3].truncated
    assert Decoder().decode(pasted[3]).refusal is not None
    with pytest.raises(ValueError, match="at most"):
        from_paste("C0100\n" * (MAX_PASTE_LINES + 1))
