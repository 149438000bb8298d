"""The scan line's judge (Qt-free): what built a line, from its keys' OS timestamps."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect
from tracetrack_desktop.scanner.wedge import NO_SUFFIX_NOTICE_MS, LineReader, WedgeConfig


def typed_in(
    reader: LineReader, keys: Sequence[tuple[str, float]], end_ts: float, terminator: str = "Return"
) -> ScanRecord | None:
    """Feed ``(text, timestamp)`` keys as the scan line would, then the terminator."""
    line = ""
    for text, stamp in keys:
        line += text
        assert reader.key(text, stamp, line) is None
    return reader.end(line, terminator, end_ts)


def burst(text: str, start: float, gap: float) -> list[tuple[str, float]]:
    return [(ch, start + i * gap) for i, ch in enumerate(text)]


def test_one_scanner_burst_is_a_wedge_read() -> None:
    record = typed_in(LineReader(), burst("SB00042", 0, 3), 21)
    assert record is not None
    assert (record.text, record.source, record.suspect) == ("SB00042", ScanSource.WEDGE, "")
    assert record.terminator == "Enter"
    assert record.char_intervals_ms == (3.0,) * 6


def test_a_bluetooth_burst_is_a_wedge_read() -> None:
    keys = [(ch, t) for ch, t in zip("0016586", (0, 12, 70, 75, 131, 190, 199), strict=True)]
    record = typed_in(LineReader(), keys, 250, "Tab")
    assert record is not None
    assert (record.source, record.suspect, record.terminator) == (ScanSource.WEDGE, "", "Tab")


def test_a_person_typing_is_typed() -> None:
    record = typed_in(LineReader(), burst("SB00042", 0, 150), 1200)
    assert record is not None
    assert (record.text, record.source, record.suspect) == ("SB00042", ScanSource.TYPED, "")


def test_a_radio_hiccup_inside_a_read_does_not_split_it() -> None:
    # a Bluetooth scanner (or a loaded machine) pausing 150 ms after the first key
    keys = burst("1", 0, 3) + burst("153493775901922", 150, 30)
    record = typed_in(LineReader(), keys, 600)
    assert record is not None
    assert (record.text, record.source, record.suspect) == (
        "1153493775901922",
        ScanSource.WEDGE,
        "",
    )


def test_two_bursts_in_one_line_are_refused_as_two_reads() -> None:
    keys = burst("0016586", 0, 3) + burst("0016587", 400, 3)
    record = typed_in(LineReader(), keys, 430)
    assert record is not None
    assert record.suspect == Suspect.TWO_READS


def test_typing_then_a_scan_is_refused_as_mixed() -> None:
    keys = burst("SB0", 0, 160) + burst("SB00042", 2000, 3)
    record = typed_in(LineReader(), keys, 2030)
    assert record is not None
    assert record.suspect == Suspect.MIXED_INPUT


def test_a_short_fast_read_is_refused() -> None:
    record = typed_in(LineReader(), burst("12", 0, 3), 6)
    assert record is not None
    assert record.suspect == Suspect.TOO_SHORT


def test_an_edited_line_is_typed_whatever_its_timing() -> None:
    reader = LineReader()
    reader.key("A", 0, "A")
    reader.edited()
    record = reader.end("SB00042", "Return", 5)
    assert record is not None
    assert (record.source, record.suspect) == (ScanSource.TYPED, "")


def test_an_empty_line_is_nothing() -> None:
    assert LineReader().end("   ", "Return", 0) is None


def test_prefix_mode_is_exact_whatever_the_timing() -> None:
    reader = LineReader(WedgeConfig(prefix="~"))
    slow = typed_in(reader, burst("~SB00042", 0, 300), 3000)
    assert slow is not None
    assert (slow.text, slow.source, slow.suspect) == ("SB00042", ScanSource.WEDGE, "")
    fast = typed_in(reader, burst("SB00042", 0, 2), 20)
    assert fast is not None
    assert fast.source is ScanSource.TYPED
    mixed = typed_in(reader, burst("x~SB00042", 0, 2), 20)
    assert mixed is not None
    assert mixed.suspect == Suspect.MIXED_INPUT


def test_a_burst_without_suffix_is_refused_after_a_pause() -> None:
    reader = LineReader()
    line = ""
    for text, stamp in burst("SB00042", 0, 3):
        line += text
        reader.key(text, stamp, line)
    deadline = reader.deadline_ms()
    assert deadline == 18 + NO_SUFFIX_NOTICE_MS + 1
    assert reader.poll(500) == []
    [record] = reader.poll(deadline)
    assert (record.text, record.suspect) == ("SB00042", Suspect.NO_SUFFIX)


def test_idle_submit_takes_a_burst_without_suffix() -> None:
    reader = LineReader(WedgeConfig(idle_submit_ms=300))
    line = ""
    for text, stamp in burst("SB00042", 0, 3):
        line += text
        reader.key(text, stamp, line)
    [record] = reader.poll(400)
    assert (record.text, record.source, record.suspect) == ("SB00042", ScanSource.WEDGE, "")


def test_idle_submit_splits_reads_a_busy_window_saw_together() -> None:
    reader = LineReader(WedgeConfig(idle_submit_ms=300))
    line = ""
    for text, stamp in burst("SB00042", 0, 3) + burst("0016586", 650, 3):
        line += text
        reader.key(text, stamp, line)
    records = reader.poll(1200)
    assert [(r.text, r.source, r.suspect) for r in records] == [
        ("SB00042", ScanSource.WEDGE, ""),
        ("0016586", ScanSource.WEDGE, ""),
    ]
    assert records[1].char_intervals_ms == (3.0,) * 6


def test_a_person_pausing_is_never_submitted() -> None:
    reader = LineReader(WedgeConfig(idle_submit_ms=300))
    line = ""
    for text, stamp in burst("SB0", 0, 200):
        line += text
        reader.key(text, stamp, line)
    assert reader.poll(5000) == []


def test_a_text_suffix_ends_the_read() -> None:
    reader = LineReader(WedgeConfig(suffix="#", terminators=frozenset()))
    line = ""
    record = None
    for text, stamp in burst("SB00042#", 0, 3):
        line += text
        record = reader.key(text, stamp, line)
    assert record is not None
    assert (record.text, record.source) == ("SB00042", ScanSource.WEDGE)


codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=4, max_size=40)


@settings(max_examples=200, deadline=None)
# whole milliseconds, as the OS stamps keys: summed float gaps drift past the 80 ms bound by
# 1e-14 (60.2 + 80.0 - 60.2 > 80), a gap no keyboard can send
@given(code=codes, gaps=st.lists(st.integers(0, 80), min_size=40, max_size=40))
def test_any_scanner_within_the_gap_reads_exactly_its_code(code: str, gaps: list[int]) -> None:
    stamps = [sum(gaps[:i]) for i in range(len(code))]
    record = typed_in(LineReader(), list(zip(code, stamps, strict=True)), stamps[-1] + gaps[-1])
    assert record is not None
    assert (record.text, record.source, record.suspect) == (code, ScanSource.WEDGE, "")


@settings(max_examples=200, deadline=None)
@given(code=codes, gaps=st.lists(st.floats(100, 250), min_size=40, max_size=40))
def test_any_person_at_100_to_250_ms_is_typing(code: str, gaps: list[float]) -> None:
    stamps = [sum(gaps[:i]) for i in range(len(code))]
    record = typed_in(LineReader(), list(zip(code, stamps, strict=True)), stamps[-1] + gaps[-1])
    assert record is not None
    assert (record.text, record.source, record.suspect) == (code, ScanSource.TYPED, "")
