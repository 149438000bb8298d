"""Keyboard-wedge burst detection (Qt-free).

A USB-HID ("keyboard wedge") scanner types its code as keystrokes, far faster and more evenly
than a person. :class:`WedgeDetector` is fed every key press with the timestamp the OS gave it
and decides, key by key, whether it is looking at a scanner burst or at a person typing:

* the first keys of a possible burst are *held* (not delivered to the focused widget);
* when the timing proves a person is typing (a gap longer than ``max_char_interval_ms``, a key
  held down, an editing key), the held keys are handed back, in order, to be replayed to the
  focused widget, so nothing a person typed is lost or reordered;
* when a burst ends with a terminator (Enter/Tab), a suffix, or idle silence, it becomes one
  :class:`ScanRecord` and none of its keystrokes reach a text field.

The detector is pure and deterministic: time comes only from the key timestamps and from
:meth:`WedgeDetector.poll`, so recorded traces replay exactly. Characters are taken from the
text the OS delivered (so the keyboard layout is honoured), never re-derived from key codes.
The GS separator of GS1 codes survives as ``\\x1d``, as Windows' Alt+0029 on the numpad, or
as a configured substitute string.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import pairwise

from tracetrack_core.codes import GS, MAX_RAW_LENGTH
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect

MODIFIER_KEYS = frozenset({"Shift", "Control", "Alt", "AltGr", "Meta", "CapsLock", "NumLock"})
"""Keys that only change other keys: scanners press Shift for capitals, Alt for Alt codes."""

_TERMINATOR_ALIASES = {"Return": "Enter", "Enter": "Enter", "Tab": "Tab"}


@dataclass(frozen=True)
class WedgeConfig:
    """How a keyboard-wedge scanner is told apart from a person.

    Attributes:
        max_char_interval_ms: the longest gap between two keys of one scan. Cabled scanners
            type every 1-10 ms, Bluetooth ones up to about 60 ms; people type every 100-250 ms.
        min_length: the shortest code (prefix and suffix not counted).
        max_total_ms: the longest a whole scan may take, first key to terminator.
        terminators: key names that end a scan (``"Enter"``, ``"Tab"``); empty for none.
        idle_submit_ms: if set, a burst of at least ``min_length`` characters is submitted
            after this much silence, for scanners that send no terminator.
        prefix: if set, a scan must start with this text (configure the scanner to send it);
            anything else is a person and is handed back at once. Not part of the code.
        suffix: if set, this text ends a scan like a terminator key. Not part of the code.
        gs_substitute: text the scanner sends for GS where the keyboard cannot (``"<GS>"``).
        scanner_id: the ``scanner_id`` of the records (debounce, status).
        max_length: longer bursts are cut here and marked ``truncated`` (refused later).
    """

    max_char_interval_ms: float = 80.0
    min_length: int = 4
    max_total_ms: float = 10_000.0
    terminators: frozenset[str] = frozenset({"Enter", "Tab"})
    idle_submit_ms: float | None = None
    prefix: str = ""
    suffix: str = ""
    gs_substitute: str = ""
    scanner_id: str = "keyboard"
    max_length: int = MAX_RAW_LENGTH

    def __post_init__(self) -> None:
        if not 1 <= self.max_char_interval_ms <= 1_000:
            raise ValueError("max_char_interval_ms must be between 1 and 1000")
        if not 1 <= self.min_length <= self.max_length:
            raise ValueError("min_length must be between 1 and max_length")
        if self.max_total_ms < self.max_char_interval_ms:
            raise ValueError("max_total_ms must be at least max_char_interval_ms")
        if self.idle_submit_ms is not None and self.idle_submit_ms < self.max_char_interval_ms:
            raise ValueError("idle_submit_ms must be at least max_char_interval_ms")
        unknown = set(self.terminators) - set(_TERMINATOR_ALIASES)
        if unknown:
            raise ValueError(f"unknown terminator keys: {sorted(unknown)}")

    @classmethod
    def cabled(cls, **overrides: object) -> WedgeConfig:
        """A USB-cabled scanner only: keys every few milliseconds, a tight gap."""
        return replace(cls(max_char_interval_ms=30.0), **overrides)  # type: ignore[arg-type]

    @classmethod
    def bluetooth(cls, **overrides: object) -> WedgeConfig:
        """The default, which reads Bluetooth HID scanners too (radio packets bunch keys)."""
        return replace(cls(), **overrides)  # type: ignore[arg-type]

    @property
    def hiccup_ms(self) -> float:
        """Gaps up to this long inside a scan line's read are the scanner's radio or the machine
        pausing, never a person: nobody types a key and then aims and triggers a scanner that
        fast, nor scans a second label."""
        return 2.5 * self.max_char_interval_ms

    @property
    def cut_window_ms(self) -> float:
        """A burst starting this soon after keys were handed back as typing is their tail."""
        return 3 * self.max_char_interval_ms


@dataclass(frozen=True)
class KeyInput:
    """One key event, as the OS delivered it.

    Attributes:
        text: the characters the OS produced for this key (layout applied); ``""`` for keys
            that produce none (modifiers, arrows, and the digits of an Alt code).
        key: the key's name: ``"Enter"`` (or ``"Return"``), ``"Tab"``, ``"Backspace"``,
            ``"Shift"``, ``"Alt"``, a digit ``"0"``-``"9"``, a letter...
        timestamp_ms: the event's timestamp (``QKeyEvent.timestamp()``), in milliseconds.
        alt: Alt is held.
        ctrl: Control is held.
        numpad: the key is on the numeric keypad.
        auto_repeat: the OS repeats a key held down (only people do that).
        release: a key release; only the Alt release matters (it ends an Alt code).
        native: the adapter's own event, carried along for replaying; ignored here.
    """

    text: str
    key: str
    timestamp_ms: float
    alt: bool = False
    ctrl: bool = False
    numpad: bool = False
    auto_repeat: bool = False
    release: bool = False
    native: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Verdict:
    """What to do with the key just fed (or after a poll).

    Attributes:
        consumed: the key was taken by the detector; do not deliver it.
        replay: keys to deliver to the focused widget now, in this order, before anything
            else (a person's keys that were held while the detector watched the timing).
        record: a completed scan.
    """

    consumed: bool = False
    replay: tuple[KeyInput, ...] = ()
    record: ScanRecord | None = None


_PASS = Verdict()
_HOLD = Verdict(consumed=True)


def _alt_code_char(digits: str) -> str:
    """The character Windows makes of Alt + numpad ``digits``."""
    code = int(digits)
    if code < 32:
        return chr(code)  # control characters (GS = 29) mean the same in every code page
    if code < 256:
        # A leading 0 selects the ANSI code page, none the OEM one (Windows' rule).
        return bytes([code]).decode("cp1252" if digits.startswith("0") else "cp437", "replace")
    return chr(code) if code < 0x110000 else "\ufffd"


class _KeyboardReads:
    """What the detector and the scan line's judge share: settings, clocks, the record."""

    def __init__(
        self,
        config: WedgeConfig | None = None,
        *,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic_ns: Callable[[], int] = time.monotonic_ns,
    ) -> None:
        self.config = config or WedgeConfig()
        self._wall_clock = wall_clock
        self._monotonic_ns = monotonic_ns
        self._terminator_keys = frozenset(_TERMINATOR_ALIASES[t] for t in self.config.terminators)
        self._start()

    def _start(self) -> None:
        """Set up the state of a new reader (subclasses)."""

    def terminates(self, key_name: str) -> bool:
        """Whether ``key_name`` (``"Return"``, ``"Enter"``, ``"Tab"``) ends a read."""
        wanted = _TERMINATOR_ALIASES.get(key_name)
        return wanted is not None and wanted in self._terminator_keys

    def _keyboard_record(
        self,
        text: str,
        stamps: Sequence[float],
        end_ts: float,
        *,
        source: ScanSource = ScanSource.WEDGE,
        truncated: bool = False,
        suspect: str = "",
        terminator: str = "",
    ) -> ScanRecord:
        return ScanRecord(
            text=text,
            source=source,
            scanner_id=self.config.scanner_id,
            arrived_at=self._wall_clock(),
            char_intervals_ms=tuple(round(b - a, 3) for a, b in pairwise(stamps)),
            duration_ms=round(end_ts - stamps[0], 3) if stamps else 0.0,
            monotonic_ns=self._monotonic_ns(),
            truncated=truncated,
            suspect=suspect,
            terminator=_TERMINATOR_ALIASES.get(terminator, terminator),
        )


class WedgeDetector(_KeyboardReads):
    """Tells scanner bursts from typing; see the module docstring.

    Args:
        config: timing and framing settings.
        wall_clock: the time stamped on records (``arrived_at``).
        monotonic_ns: the monotonic time stamped on records (debounce, latency).
    """

    def _start(self) -> None:
        self._handed_back_at: float | None = None
        self._clear()

    # -- public -----------------------------------------------------------------------

    @property
    def holding(self) -> bool:
        """True while keys are held waiting for the timing to decide."""
        return bool(self._keys)

    def deadline_ms(self) -> float | None:
        """When :meth:`poll` should next be called (key-timestamp clock), or None."""
        if not self._keys:
            return None
        wait = self.config.max_char_interval_ms
        if self.config.idle_submit_ms is not None and self._body() is not None:
            wait = self.config.idle_submit_ms
        return self._last_ts + wait + 1

    def feed(self, key: KeyInput) -> Verdict:
        """Take one key event and say what to do with it."""
        if key.release:
            if key.key == "Alt" and self._alt_digits:
                self._finish_alt_code()
            return _PASS
        before = _PASS
        if self._keys and key.timestamp_ms - self._last_ts > self.config.max_char_interval_ms:
            # The held keys ended before this one: settle them first, keeping their order.
            before = self._expire(key.timestamp_ms)
        now = self._accept(key)
        if before is _PASS:
            return now
        return Verdict(
            consumed=now.consumed,
            replay=before.replay + now.replay,
            record=before.record or now.record,
        )

    def poll(self, now_ms: float) -> Verdict:
        """Settle held keys once enough silence has passed (call at :meth:`deadline_ms`)."""
        if not self._keys:
            return _PASS
        silence = now_ms - self._last_ts
        if silence <= self.config.max_char_interval_ms:
            return _PASS
        idle = self.config.idle_submit_ms
        if idle is not None and self._body() is not None and silence < idle:
            return _PASS
        return self._expire(now_ms)

    def flush(self) -> Verdict:
        """Hand back every held key (focus moved, window deactivated); never a scan."""
        keys = tuple(self._keys)
        self._clear()
        return Verdict(replay=keys) if keys else _PASS

    # -- internals --------------------------------------------------------------------

    def _clear(self) -> None:
        self._keys: list[KeyInput] = []
        self._chars: list[str] = []
        self._stamps: list[float] = []
        self._first_ts = 0.0
        self._last_ts = 0.0
        self._alt_digits = ""
        self._expect_composed: str | None = None
        self._truncated = False

    def _give_back(self, *extra: KeyInput) -> Verdict:
        keys = (*self._keys, *extra)
        self._handed_back_at = keys[-1].timestamp_ms
        self._clear()
        return Verdict(consumed=bool(extra), replay=keys)

    def _expire(self, now_ms: float) -> Verdict:
        """The burst is over without a terminator: idle submit, or it was a person."""
        if self.config.idle_submit_ms is not None and self._body() is not None:
            record = self._record(self._last_ts)
            self._clear()
            return Verdict(record=record)
        return self._give_back()

    def _hold(self, key: KeyInput, *, timed: bool = True) -> None:
        if not self._keys:
            self._first_ts = key.timestamp_ms
            self._last_ts = key.timestamp_ms
        if len(self._keys) <= self.config.max_length * 8:  # a stuck scanner must not grow memory
            self._keys.append(key)
        if timed:
            self._stamps.append(key.timestamp_ms)
            self._last_ts = key.timestamp_ms

    def _add_chars(self, text: str) -> None:
        room = self.config.max_length - len(self._chars)
        if len(text) > room:
            self._truncated = True
        self._chars.extend(text[: max(room, 0)])

    def _finish_alt_code(self) -> None:
        char = _alt_code_char(self._alt_digits)
        self._alt_digits = ""
        self._add_chars(char)
        # Some systems also deliver the composed character as a key: take it only once.
        self._expect_composed = char

    def _too_slow(self, key: KeyInput) -> bool:
        return bool(self._keys) and key.timestamp_ms - self._first_ts > self.config.max_total_ms

    def _accept(self, key: KeyInput) -> Verdict:
        cfg = self.config
        if key.alt and key.numpad and len(key.key) == 1 and key.key.isdigit():
            if self._too_slow(key):
                return self._give_back(key)
            self._hold(key)
            self._alt_digits += key.key
            return _HOLD
        if key.key in MODIFIER_KEYS and not key.text:
            if self._keys:
                self._hold(key, timed=False)
                return _HOLD
            return _PASS
        if self._alt_digits:
            self._finish_alt_code()
        expected, self._expect_composed = self._expect_composed, None
        if expected is not None and key.text == expected and self._keys:
            self._hold(key)
            return _HOLD

        if self.terminates(key.key) and not key.ctrl:
            terminator = _TERMINATOR_ALIASES[key.key]
            if not self._keys:
                return _PASS
            if self._too_slow(key):
                return self._give_back(key)
            if self._body() is not None:
                record = self._record(key.timestamp_ms, terminator)
                self._clear()
                return Verdict(consumed=True, record=record)
            if len(self._stamps) >= 2:
                # Two or more keys and the suffix, all at scanner speed: a read too short to be
                # a label. Refused, and its Enter never reaches a button or a form.
                record = self._record(key.timestamp_ms, terminator, Suspect.TOO_SHORT)
                self._clear()
                return Verdict(consumed=True, record=record)
            return self._give_back(key)

        text = key.text
        is_char = bool(text) and all(ch.isprintable() or ch == GS for ch in text)
        if not is_char or key.auto_repeat or (key.ctrl and text != GS):
            # Editing keys, shortcuts and held-down keys are a person's: never part of a scan.
            return self._give_back(key) if self._keys else _PASS
        if self._too_slow(key):
            return self._give_back(key)
        self._hold(key)
        self._add_chars(text)
        joined = "".join(self._chars)
        if cfg.prefix and not (joined.startswith(cfg.prefix) or cfg.prefix.startswith(joined)):
            held = tuple(self._keys)  # includes this key: a person, hand it all back now
            self._clear()
            return Verdict(consumed=True, replay=held)
        if cfg.suffix and joined.endswith(cfg.suffix) and self._body() is not None:
            record = self._record(key.timestamp_ms)
            self._clear()
            return Verdict(consumed=True, record=record)
        return _HOLD

    def _body(self) -> str | None:
        """The code held so far (prefix/suffix removed, GS restored) if it could be a scan."""
        cfg = self.config
        text = "".join(self._chars)
        if cfg.prefix:
            if not text.startswith(cfg.prefix):
                return None
            text = text[len(cfg.prefix) :]
        if cfg.suffix and text.endswith(cfg.suffix):
            text = text[: -len(cfg.suffix)]
        if cfg.gs_substitute:
            text = text.replace(cfg.gs_substitute, GS)
        return text if len(text) >= cfg.min_length else None

    def _record(self, end_ts: float, terminator: str = "", suspect: str = "") -> ScanRecord:
        body = self._body() or "".join(self._chars)
        handed_back, self._handed_back_at = self._handed_back_at, None
        if (
            not suspect
            and handed_back is not None
            and 0 <= self._first_ts - handed_back <= self.config.cut_window_ms
        ):
            suspect = Suspect.CUT_READ  # the keys just before it went to a field as typing
        return self._keyboard_record(
            body,
            self._stamps,
            end_ts,
            truncated=self._truncated,
            suspect=suspect,
            terminator=terminator,
        )


NO_SUFFIX_NOTICE_MS = 1_000.0
"""A scanner burst left in a scan line this long without Enter or Tab is refused out loud."""


@dataclass(frozen=True)
class _Segment:
    """Keys of a scan line between two gaps longer than the scanner's longest."""

    start: int
    end: int  # exclusive

    @property
    def size(self) -> int:
        return self.end - self.start


class LineReader(_KeyboardReads):
    """Judges what built a scan line from the OS timestamps of its keys (Qt-free).

    On a scanning screen the scan line keeps the keyboard: every key goes straight into it in the
    order the OS sent it, and nothing is held back, so a stalled GUI thread cannot split, cut or
    reorder a read. The line is judged once, when its terminator (Enter, Tab, a suffix) arrives:

    * one burst at scanner speed, at least ``min_length`` long: a scanner read (``WEDGE``);
    * keys at a person's pace (or a line the person edited): a typed code (``TYPED``);
    * two bursts, or typing and a burst, run together: refused (``two_reads``,
      ``mixed_input``); a gap of up to ``hiccup_ms`` inside a burst does not split it;
    * a burst shorter than ``min_length`` ended by the suffix at scanner speed: refused
      (``too_short``).

    With ``prefix`` set, a line that starts with it is a scan and anything else is typing: exact,
    whatever the timing. A burst that no terminator follows is submitted after
    ``idle_submit_ms`` (scanners configured without a suffix) or, when that is off, refused
    after :data:`NO_SUFFIX_NOTICE_MS` so it never sits in the line to be glued to the next read.
    """

    def _start(self) -> None:
        self.clear()

    def clear(self) -> None:
        """The line was emptied: start afresh."""
        self._chars: list[str] = []
        self._stamps: list[float] = []
        self._edited = False

    def key(self, text: str, timestamp_ms: float, line_text: str) -> ScanRecord | None:
        """``text`` was appended to the line by a key stamped ``timestamp_ms``.

        Returns the read when the configured suffix text completes one.
        """
        self._chars.append(text)
        self._stamps.append(timestamp_ms)
        suffix = self.config.suffix
        if suffix and line_text.endswith(suffix) and len(line_text) > len(suffix):
            return self.end(line_text[: -len(suffix)], "", timestamp_ms, trim=len(suffix))
        return None

    def edited(self) -> None:
        """The person changed the line another way (Backspace, cursor keys, paste)."""
        self._edited = True

    def deadline_ms(self) -> float | None:
        """When :meth:`poll` should look at an unterminated burst (key-timestamp clock)."""
        if not self._stamps or self._edited:
            return None
        wait = self.config.idle_submit_ms or NO_SUFFIX_NOTICE_MS
        return self._stamps[-1] + wait + 1

    def poll(self, now_ms: float) -> list[ScanRecord]:
        """Silence since the last key: scanner bursts left in the line are submitted (no-suffix
        mode) or refused; a person's unfinished typing stays. Empty until the deadline."""
        deadline = self.deadline_ms()
        if deadline is None or now_ms < deadline - 1 or self.config.prefix:
            return []  # prefix mode needs its suffix: the prefix alone cannot end a read
        idle = self.config.idle_submit_ms
        out: list[ScanRecord] = []
        # In no-suffix mode silence is the terminator, judged on the OS timestamps: reads the
        # GUI thread only saw together (it was busy while both arrived) come apart here.
        for start, end in self._split(0, len(self._stamps), longer_than=idle or math.inf):
            verdict = self._verdict(start, end)
            if verdict is None:
                continue  # a person pausing
            # a refused group is never left in the line to be glued to the next read
            suspect = verdict or ("" if idle else Suspect.NO_SUFFIX)
            text = "".join(self._chars[start:end])
            out.append(self._record(text, "", start, end, self._stamps[end - 1], suspect))
        if out:
            self.clear()
        return out

    def end(
        self, line_text: str, terminator: str, timestamp_ms: float, *, trim: int = 0
    ) -> ScanRecord | None:
        """The terminator arrived: what the line was. None for an empty line."""
        if not line_text.strip():
            return None
        cfg = self.config
        logged = "".join(self._chars)
        if trim:
            logged = logged[:-trim] if len(logged) >= trim else ""
        if self._edited or logged != line_text:
            return self._read(line_text, terminator, timestamp_ms, ScanSource.TYPED)
        if cfg.prefix:
            if line_text.startswith(cfg.prefix):
                body = line_text[len(cfg.prefix) :]
                return self._read(body, terminator, timestamp_ms, ScanSource.WEDGE)
            if cfg.prefix in line_text:
                return self._read(
                    line_text, terminator, timestamp_ms, ScanSource.WEDGE, Suspect.MIXED_INPUT
                )
            return self._read(line_text, terminator, timestamp_ms, ScanSource.TYPED)
        verdict = self._verdict(0, len(self._stamps))
        if verdict is not None:
            return self._read(line_text, terminator, timestamp_ms, ScanSource.WEDGE, verdict)
        segments = self._segments()
        fast_end = timestamp_ms - self._stamps[-1] <= cfg.max_char_interval_ms
        if len(segments) == 1 and segments[0].size >= 2 and fast_end:
            return self._read(
                line_text, terminator, timestamp_ms, ScanSource.WEDGE, Suspect.TOO_SHORT
            )
        return self._read(line_text, terminator, timestamp_ms, ScanSource.TYPED)

    # -- internals --------------------------------------------------------------------

    def _verdict(self, start: int, end: int) -> str | None:
        """What keys ``start:end`` were: None for a person (no burst at scanner speed), ``""``
        for one read, else why they are refused."""
        groups = self._split(start, end, longer_than=self.config.hiccup_ms)
        bursty = [g for g in groups if any(self._is_burst(seg) for seg in self._segments(*g))]
        if not bursty:
            return None
        if len(groups) == 1:
            return ""
        return Suspect.TWO_READS if len(bursty) > 1 else Suspect.MIXED_INPUT

    def _split(self, start: int, end: int, *, longer_than: float) -> list[tuple[int, int]]:
        """Index ranges of keys ``start:end``, split at gaps longer than ``longer_than`` ms."""
        ranges: list[tuple[int, int]] = []
        first = start
        for index in range(start + 1, end):
            if self._stamps[index] - self._stamps[index - 1] > longer_than:
                ranges.append((first, index))
                first = index
        ranges.append((first, end))
        return ranges

    def _segments(self, start: int = 0, end: int | None = None) -> list[_Segment]:
        """Runs of keys (of ``start:end``) split at gaps longer than the scanner's longest."""
        stop = len(self._stamps) if end is None else end
        gap = self.config.max_char_interval_ms
        return [_Segment(a, b) for a, b in self._split(start, stop, longer_than=gap)]

    def _is_burst(self, segment: _Segment) -> bool:
        """A run of keys at scanner speed long enough to be a label."""
        size = sum(len(ch) for ch in self._chars[segment.start : segment.end])
        return segment.size >= 2 and size >= self.config.min_length

    def _read(
        self,
        text: str,
        terminator: str,
        end_ts: float,
        source: ScanSource,
        suspect: str = "",
    ) -> ScanRecord:
        record = self._record(text, terminator, 0, len(self._stamps), end_ts, suspect, source)
        self.clear()
        return record

    def _record(
        self,
        text: str,
        terminator: str,
        start: int,
        end: int,
        end_ts: float,
        suspect: str = "",
        source: ScanSource = ScanSource.WEDGE,
    ) -> ScanRecord:
        cfg = self.config
        if cfg.gs_substitute and source is ScanSource.WEDGE:
            text = text.replace(cfg.gs_substitute, GS)
        return self._keyboard_record(
            text[: cfg.max_length],
            self._stamps[start:end],
            end_ts,
            source=source,
            truncated=len(text) > cfg.max_length,
            suspect=suspect,
            terminator=terminator,
        )
