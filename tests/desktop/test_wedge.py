"""Keyboard-wedge detection: recorded traces replayed into the detector, and random streams."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect
from tracetrack_desktop.scanner.wedge import KeyInput, Verdict, WedgeConfig, WedgeDetector

TRACES = Path(__file__).parent.parent / "data" / "wedge"


def _config(spec: dict[str, Any]) -> WedgeConfig:
    spec = dict(spec)
    preset = spec.pop("preset", "cabled")
    return WedgeConfig.bluetooth(**spec) if preset == "bluetooth" else WedgeConfig.cabled(**spec)


def _key(raw: dict[str, Any]) -> KeyInput:
    return KeyInput(
        text=raw["text"],
        key=raw["key"],
        timestamp_ms=raw["t"],
        alt=raw.get("alt", False),
        ctrl=raw.get("ctrl", False),
        numpad=raw.get("numpad", False),
        auto_repeat=raw.get("auto_repeat", False),
        release=raw.get("release", False),
    )


class Screen:
    """What the focused widget and the station would see."""

    def __init__(self) -> None:
        self.typed: list[str] = []
        self.scans: list[ScanRecord] = []

    def apply(self, key: KeyInput | None, verdict: Verdict) -> None:
        for held in verdict.replay:
            self.typed.append(held.text)
        if key is not None and not verdict.consumed and not key.release:
            self.typed.append(key.text)
        if verdict.record is not None:
            self.scans.append(verdict.record)


def run(detector: WedgeDetector, keys: list[KeyInput]) -> Screen:
    screen = Screen()
    for key in keys:
        screen.apply(key, detector.feed(key))
    if keys:
        # the adapter's timer: poll until nothing is held
        now = keys[-1].timestamp_ms
        while detector.holding:
            now += 10
            screen.apply(None, detector.poll(now))
    return screen


@pytest.mark.parametrize("path", sorted(TRACES.glob("*.json")), ids=lambda p: p.stem)
def test_recorded_trace(path: Path) -> None:
    trace = json.loads(path.read_text())
    detector = WedgeDetector(_config(trace["config"]))
    screen = run(detector, [_key(k) for k in trace["keys"]])
    assert [r.text for r in screen.scans] == trace["expect"]["scans"]
    assert "".join(screen.typed) == trace["expect"]["typed"]
    for record in screen.scans:
        assert record.source is ScanSource.WEDGE
        assert record.scanner_id == "keyboard"
        assert record.duration_ms > 0
        assert record.char_intervals_ms
        assert max(record.char_intervals_ms) <= detector.config.max_char_interval_ms


def test_bluetooth_trace_is_typing_for_cabled_settings() -> None:
    """Why presets exist: a Bluetooth scan's gaps look like a fast person to cabled settings."""
    trace = json.loads((TRACES / "bluetooth_parent.json").read_text())
    screen = run(WedgeDetector(WedgeConfig.cabled()), [_key(k) for k in trace["keys"]])
    assert screen.scans == []
    assert "".join(screen.typed) == "M444-00017\r"


def test_short_fast_burst_is_refused_and_its_enter_never_pressed() -> None:
    keys = [KeyInput("a", "A", 0), KeyInput("b", "B", 5), KeyInput("\r", "Return", 10)]
    screen = run(WedgeDetector(WedgeConfig(min_length=4)), keys)
    assert [(s.text, s.suspect) for s in screen.scans] == [("ab", "too_short")]
    assert screen.typed == [], "a scanner's Enter never reaches a field or a default button"


def test_a_single_key_and_enter_stay_a_person() -> None:
    keys = [KeyInput("a", "A", 0), KeyInput("\r", "Return", 10)]
    screen = run(WedgeDetector(WedgeConfig(min_length=4)), keys)
    assert screen.scans == []
    assert "".join(screen.typed) == "a\r"


def test_auto_repeat_and_editing_keys_are_a_person() -> None:
    det = WedgeDetector()
    first = det.feed(KeyInput("x", "X", 0))
    assert first.consumed
    assert det.holding
    repeat = det.feed(KeyInput("x", "X", 30, auto_repeat=True))
    assert [k.text for k in repeat.replay] == ["x", "x"]
    assert repeat.consumed
    assert not det.holding
    det.feed(KeyInput("y", "Y", 100))
    backspace = det.feed(KeyInput("", "Backspace", 105))
    assert [k.key for k in backspace.replay] == ["Y", "Backspace"]


def test_terminator_when_nothing_held_passes() -> None:
    det = WedgeDetector()
    assert det.feed(KeyInput("\r", "Return", 0)) == Verdict()
    assert det.feed(KeyInput("", "Shift", 1)) == Verdict()


def test_overlong_burst_is_truncated() -> None:
    det = WedgeDetector(WedgeConfig(max_length=16))
    keys = [KeyInput("7", "7", float(i * 2)) for i in range(40)]
    keys.append(KeyInput("\r", "Return", 81))
    screen = run(det, keys)
    assert len(screen.scans) == 1
    assert screen.scans[0].truncated
    assert len(screen.scans[0].text) == 16


def test_too_slow_overall_is_handed_back() -> None:
    det = WedgeDetector(WedgeConfig(max_char_interval_ms=30, max_total_ms=50))
    keys = [KeyInput(c, c, float(i * 20)) for i, c in enumerate("ABCDEF")]
    keys.append(KeyInput("\r", "Return", 125))
    screen = run(det, keys)
    assert "".join(screen.typed) == "ABCD", "the keys past the time limit are handed back"
    # what follows them at scanner speed is the tail of the same burst: refused, never a scan
    assert [(s.text, s.suspect) for s in screen.scans] == [("EF", "too_short")]


def test_deadline_and_poll() -> None:
    det = WedgeDetector(WedgeConfig(max_char_interval_ms=30))
    det.feed(KeyInput("a", "A", 100))
    deadline = det.deadline_ms()
    assert deadline is not None
    assert deadline > 130
    assert det.poll(120) == Verdict()
    assert [k.text for k in det.poll(deadline).replay] == ["a"]
    assert det.deadline_ms() is None


def test_flush_returns_held_keys() -> None:
    det = WedgeDetector()
    det.feed(KeyInput("S", "S", 0))
    det.feed(KeyInput("B", "B", 4))
    assert [k.text for k in det.flush().replay] == ["S", "B"]
    assert not det.holding


def test_config_is_validated() -> None:
    with pytest.raises(ValueError, match="idle_submit_ms"):
        WedgeConfig(max_char_interval_ms=50, idle_submit_ms=10)
    with pytest.raises(ValueError, match="terminator"):
        WedgeConfig(terminators=frozenset({"Space"}))
    assert WedgeConfig.bluetooth().max_char_interval_ms > WedgeConfig.cabled().max_char_interval_ms


_texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=3)
_key_names = st.sampled_from(["A", "1", "Return", "Tab", "Shift", "Alt", "Backspace", "0", "9"])


@st.composite
def key_streams(draw: st.DrawFn, min_gap: float, max_gap: float) -> list[KeyInput]:
    n = draw(st.integers(0, 60))
    t = 0.0
    keys = []
    for _ in range(n):
        t += draw(st.floats(min_gap, max_gap))
        keys.append(
            KeyInput(
                text=draw(_texts),
                key=draw(_key_names),
                timestamp_ms=t,
                alt=draw(st.booleans()),
                ctrl=draw(st.booleans()),
                numpad=draw(st.booleans()),
                auto_repeat=draw(st.booleans()),
                release=draw(st.booleans()),
            )
        )
    return keys


@settings(max_examples=200, deadline=None)
@given(keys=key_streams(0.0, 200.0), idle=st.sampled_from([None, 100.0]))
def test_random_streams_never_crash(keys: list[KeyInput], idle: float | None) -> None:
    det = WedgeDetector(WedgeConfig(idle_submit_ms=idle))
    screen = run(det, keys)
    assert not det.holding
    for record in screen.scans:
        # a burst shorter than a code (an Alt code that makes one character, say) is handed
        # on flagged, and the decoder refuses it out loud; anything else is a whole code
        if record.suspect is not Suspect.TOO_SHORT:
            assert len(record.text) >= det.config.min_length


@settings(max_examples=200, deadline=None)
@given(keys=key_streams(31.0, 400.0))
def test_human_speed_streams_never_scan(keys: list[KeyInput]) -> None:
    """Every gap above the cabled limit: nothing is a scan, and every key press is delivered."""
    screen = run(WedgeDetector(WedgeConfig.cabled()), keys)
    assert screen.scans == []
    presses = [k.text for k in keys if not k.release]
    # Alt-code digits are delivered as the keys they are; no text is invented or dropped
    assert "".join(screen.typed) == "".join(presses)
