"""Scanner text → normalised, classified codes.

The station normalises every read the same way and classifies it by the site's
:class:`CodeRules` (the docs/domain.md#codes defaults unless a site overrides them). The server
uses the same functions to validate uploaded events, so a code one side accepts the
other side accepts too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from itertools import islice

import biip
from biip.gs1_messages import GS1Message
from pydantic import BaseModel, ConfigDict, Field, field_validator

GS = "\x1d"
"""ASCII group separator: ends variable-length GS1 fields, so it survives normalising."""

MAX_RAW_LENGTH = 512
"""A read longer than this is noise (a stuck trigger, a cable fault), not a label."""


class CodeKind(StrEnum):
    PARENT = "parent"
    CHILD = "child"
    BILL = "bill"
    COMMAND = "command"
    UNKNOWN = "unknown"


class Command(StrEnum):
    """Actions a hands-full operator can drive from a printed sheet of barcodes."""

    UNDO = "undo"
    FINISH = "finish"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    LOGOUT = "logout"
    BILL_MODE = "bill_mode"
    SCAN_MODE = "scan_mode"


class ParentSeries(BaseModel):
    """One printed series of parent bags, e.g. ``SB00042``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=20)
    pattern: str = Field(min_length=1, max_length=200, description="full-match regex")
    capacity: int = Field(default=30, ge=1, le=500, description="children per parent")
    expected_kg: int = Field(default=30, ge=0, le=10_000, description="bill weight per parent")

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value


def _default_series() -> tuple[ParentSeries, ...]:
    return (
        ParentSeries(name="SB", pattern=r"SB\d{5}", capacity=30, expected_kg=30),
        ParentSeries(name="M444", pattern=r"M444-\d{5}", capacity=30, expected_kg=15),
    )


class CodeRules(BaseModel):
    """A site's code rules. Defaults: docs/domain.md#codes; every field is overridable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    parent_series: tuple[ParentSeries, ...] = Field(default_factory=_default_series, min_length=1)
    child_pattern: str = Field(default=r"[A-Z0-9]{4,20}", max_length=200)
    label_pattern: str = Field(
        default=r"LABEL\s*NO\.?\s*:?\s*([A-Z0-9]+)",
        max_length=200,
        description="regex whose first group is the code inside a long printed child label",
    )
    bill_pattern: str = Field(default=r"[A-Z0-9][A-Z0-9\-_/.]{0,39}", max_length=200)
    command_prefix: str = Field(default="CMD-", min_length=1, max_length=10)
    kg_per_child: int = Field(default=1, ge=0, le=1000)
    bill_capacity_max: int = Field(default=50, ge=1, le=1000)

    @field_validator("child_pattern", "label_pattern", "bill_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value

    @field_validator("label_pattern")
    @classmethod
    def _has_group(cls, value: str) -> str:
        # the label number is group 1; a pattern without a group would crash every decode
        if re.compile(value).groups < 1:
            raise ValueError("needs one (group) around the label number")
        return value

    @cached_property
    def _compiled(self) -> _Compiled:
        series = tuple((s, re.compile(s.pattern)) for s in self.parent_series)
        return _Compiled(
            series=series,
            any_series=_any_of(regex for _series, regex in series),
            child=re.compile(self.child_pattern),
            label=re.compile(self.label_pattern),
            bill=re.compile(self.bill_pattern),
        )

    def series_of(self, code: str) -> ParentSeries | None:
        """The parent series ``code`` belongs to, or None if it is not a parent code."""
        known = self._series_seen
        seen = known.get(code)  # one lookup: another thread may clear the memo
        if seen is not None:
            return seen
        compiled = self._compiled
        if compiled.any_series is not None and not compiled.any_series.fullmatch(code):
            return None  # no series' pattern matches: one match tried, not one per series
        for series, regex in compiled.series:
            if regex.fullmatch(code):
                # a bounded memo of parents (a parent's code is asked about once per child);
                # other codes are not kept: a backlog's children are each asked about once
                if len(known) >= _SEEN_MAX:
                    known.clear()
                known[code] = series
                return series
        return None

    @cached_property
    def _series_seen(self) -> dict[str, ParentSeries]:
        return {}

    def is_child(self, code: str) -> bool:
        return self.series_of(code) is None and bool(self._compiled.child.fullmatch(code))

    def is_bill_id(self, text: str) -> bool:
        return bool(self._compiled.bill.fullmatch(text))

    def kind_of(self, code: str) -> CodeKind:
        """Classify an already normalised code.

        Order matters: command, then parent, then child, then bill. Parent wins over child, so a
        code is never both; a bag code wins over a bill id, so a bill is whatever the bill
        pattern accepts that is not a bag. A code with the command prefix that names no command
        is unknown (a mistyped command must not become a bill id).
        """
        if code.startswith(self.command_prefix):
            return CodeKind.COMMAND if _command_of(code, self) is not None else CodeKind.UNKNOWN
        if self.series_of(code) is not None:
            return CodeKind.PARENT
        if self._compiled.child.fullmatch(code):
            return CodeKind.CHILD
        if self._compiled.bill.fullmatch(code):
            return CodeKind.BILL
        return CodeKind.UNKNOWN

    def label_code(self, text: str) -> str | None:
        """The label number of a long printed child label, or None if ``text`` is not one.

        Only text that *starts* with the label pattern is a printed label (leading spaces
        aside): a code that merely contains ``LABEL NO.`` somewhere is not one.

        Args:
            text: a normalised read.

        Raises:
            InvalidReadError: ``text`` holds two label numbers (reason ``two_reads``): two
                labels ran together, and neither number may be taken for the other.
        """
        label = self._compiled.label
        text = text.lstrip()
        match = label.match(text)
        if match is None:
            return None
        if sum(1 for _ in islice(label.finditer(text), 2)) > 1:
            raise InvalidReadError("two_reads", _TWO_READS)
        return match.group(1)


_SEEN_MAX = 4096


def _any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that full-matches what any of ``patterns`` full-matches (None when they
    cannot be joined as they are: groups, which a back-reference may name by number, or
    inline flags)."""
    parts = []
    for regex in patterns:
        if regex.groups or regex.flags & ~re.UNICODE:
            return None
        parts.append(f"(?:{regex.pattern})")
    try:
        return re.compile("|".join(parts))
    except re.error:
        return None


@dataclass(frozen=True)
class _Compiled:
    series: tuple[tuple[ParentSeries, re.Pattern[str]], ...]
    any_series: re.Pattern[str] | None
    child: re.Pattern[str]
    label: re.Pattern[str]
    bill: re.Pattern[str]


DEFAULT_RULES = CodeRules()


class InvalidReadError(ValueError):
    """A read that is not a code at all (noise, binary, overlong); ``reason`` is for machines."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Decoded:
    """What one scanner read means.

    Attributes:
        raw: the text as delivered, before normalising.
        code: the code the rules act on (label number, SSCC, serial...); "" if none.
        kind: how the site's rules classify ``code``.
        symbology: the AIM symbology identifier (``]C1``) if the scanner sent one.
        gs1: GS1 application identifiers → values, when the read was a GS1 element string.
        command: the command, for command barcodes.
        note: a short human explanation of how ``code`` was derived, if not verbatim.
    """

    raw: str
    code: str
    kind: CodeKind
    symbology: str | None = None
    gs1: dict[str, str] = field(default_factory=dict)
    command: Command | None = None
    note: str | None = None


_CONTROL = re.compile(r"[\x00-\x1c\x1e\x1f\x7f-\x9f]")
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_FORMAT_CHARS = {"Cf", "Co", "Cs", "Cn"}  # invisible format/bidi marks, private use, unassigned


def normalise(text: str) -> str:
    """Trim, drop control characters (except GS) and invisible marks, upper-case.

    NFKC folds full-width and compatibility forms (full-width ``SB001`` → ``SB001``) so a
    label printed or keyed in another width is still the same code; digits of any script
    (Devanagari ``०४२``, Arabic-Indic) become ASCII digits, so they can never make a second,
    look-alike bag.
    """
    if text.isascii() and text.isprintable():
        return text.strip().upper()  # what the steps below make of it, at a fraction of the cost
    # Upper-casing can produce text that NFKC changes again (U+0390 upper-cases to three
    # code points), so repeat until stable: normalise(normalise(x)) == normalise(x).
    for _ in range(4):
        before = text
        text = unicodedata.normalize("NFKC", text)
        text = _CONTROL.sub("", text)
        text = "".join(
            ch for ch in text if unicodedata.category(ch) not in _FORMAT_CHARS or ch == GS
        )
        text = text.strip().upper()
        if not text.isascii():
            text = "".join(_ascii_digit(ch) for ch in text)
        if text == before:
            break
    return text


def _ascii_digit(ch: str) -> str:
    if ch.isdecimal() and not ch.isascii():
        return str(unicodedata.decimal(ch))
    return ch


def _command_of(code: str, rules: CodeRules) -> Command | None:
    name = code[len(rules.command_prefix) :].replace("-", "_").lower()
    try:
        return Command(name)
    except ValueError:
        return None


_GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})
"""AIM identifiers announcing a GS1 element string (GS1-128, DataBar, DataMatrix, QR, DotCode)."""

_EAN_SYMBOLOGIES = frozenset({"]E0", "]E1", "]E2", "]E3", "]E4"})
"""AIM identifiers of EAN/UPC: the body is a GTIN whose check digit must hold."""

_HRI = re.compile(r"\(\d{2,4}\)")
_SSCC_LIKE = re.compile(r"00\d{18}")


def _clean(text: str) -> str:
    """Like :func:`normalise` but keeps case (GS1 values and AIM identifiers are case-sensitive)."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _FORMAT_CHARS or ch == GS)
    return text.strip()


def _looks_gs1(symbology: str | None, body: str) -> bool:
    if symbology in _GS1_SYMBOLOGIES or symbology in _EAN_SYMBOLOGIES or GS in body:
        return True
    return bool(_SSCC_LIKE.fullmatch(body) or _HRI.match(body))


_NOISE = "The scanner sent binary noise, not a barcode."
_TWO_READS = (
    "This read holds more than one line (two labels ran together); check the scanner's "
    "suffix setting and scan again."
)
_LINE_BREAK = re.compile(r"[\t\n\x0b\x0c\r\x85\u2028\u2029]")
"""Characters that end a line or a field. Between two codes they mean two reads in one; they
are never part of a code (GS, which separates GS1 fields, is not among them)."""


def _holds_two_lines(raw: str) -> bool:
    """Whether ``raw`` has a line break with something readable on both sides.

    A break at either end is only the scanner's suffix or prefix, and so are control
    characters around it (an STX/ETX frame); only text on both sides makes two reads.
    """
    if _LINE_BREAK.search(raw) is None:
        return False
    return sum(1 for line in _LINE_BREAK.split(raw) if _clean(line)) > 1


def decode(raw: str | bytes, rules: CodeRules = DEFAULT_RULES) -> Decoded:
    """Turn one scanner read into a :class:`Decoded` code.

    The AIM symbology identifier (``]C1``, ``]Q1``, ``]d2``) is kept as sent (its case
    matters); GS1 element strings (raw with GS separators, or printed ``(01)...`` form) are
    parsed with biip and their SSCC/GTIN check digits verified; a long printed child label
    yields its label number.

    A read is refused rather than guessed at: cleaning removes control characters, so a line
    break between two codes (a scanner suffix the station did not expect) would otherwise
    glue two labels into one code.

    Raises:
        InvalidReadError: the read is empty, binary noise, overlong, holds more than one line
            or label number (``two_reads``), or is a GS1 barcode that fails its check. Nothing
            else is raised, whatever the input.
    """
    if isinstance(raw, bytes):
        if b"\x00" in raw:
            raise InvalidReadError("binary_noise", _NOISE)
        raw = raw.decode("utf-8", errors="replace")
    if len(raw) > MAX_RAW_LENGTH:
        raise InvalidReadError(
            "too_long",
            f"The read is {len(raw)} characters long; no label is over {MAX_RAW_LENGTH}.",
        )
    if "\ufffd" in raw or "\x00" in raw:
        raise InvalidReadError("binary_noise", _NOISE)
    if _holds_two_lines(raw):
        raise InvalidReadError("two_reads", _TWO_READS)
    cleaned = _clean(raw)
    symbology: str | None = None
    aim = _AIM.match(cleaned)
    if aim:
        symbology = aim.group(0)
        cleaned = cleaned[3:].strip()
    text = normalise(cleaned)
    if not text:
        raise InvalidReadError("empty", "The scanner sent an empty read.")
    printable = sum(1 for ch in text if ch.isprintable() or ch == GS)
    if printable < len(text):
        raise InvalidReadError("binary_noise", "The scanner sent unreadable characters.")

    if _looks_gs1(symbology, cleaned):
        decoded = _decode_gs1(raw, cleaned, symbology, rules)
        if decoded is not None:
            return decoded

    text_no_gs = text.replace(GS, "")
    kind = rules.kind_of(text_no_gs)
    if kind is CodeKind.COMMAND:
        return Decoded(raw, text_no_gs, kind, symbology, command=_command_of(text_no_gs, rules))
    if kind in (CodeKind.PARENT, CodeKind.CHILD):
        return Decoded(raw, text_no_gs, kind, symbology)
    # A long printed label (spaces, dots) is neither a bag nor a bill: look for its number first.
    label = rules.label_code(text_no_gs)
    if label is not None:
        return Decoded(
            raw,
            label,
            rules.kind_of(label),
            symbology,
            note=f"label number {label} from a long label",
        )
    return Decoded(raw, text_no_gs, kind, symbology)


def _parse_gs1(body: str, symbology: str | None) -> biip.ParseResult | GS1Message | str:
    """biip's reading of ``body``; a string is biip's complaint. Never raises."""
    try:
        if _HRI.match(body):
            return GS1Message.parse_hri(body)
        prefix = symbology if symbology in _GS1_SYMBOLOGIES | _EAN_SYMBOLOGIES else ""
        return biip.parse((prefix or "") + body)
    except Exception as exc:  # any biip failure is a refused read, never a crash
        return str(exc) or type(exc).__name__


def _decode_gs1(raw: str, body: str, symbology: str | None, rules: CodeRules) -> Decoded | None:
    parsed = _parse_gs1(body, symbology)
    if isinstance(parsed, str):
        raise InvalidReadError("bad_gs1", f"The GS1 barcode could not be read: {parsed}")
    if isinstance(parsed, GS1Message):
        return _from_message(raw, parsed, symbology, rules)
    if parsed.gs1_message is not None and not (
        symbology in _EAN_SYMBOLOGIES and parsed.gtin is not None
    ):
        return _from_message(raw, parsed.gs1_message, symbology, rules)
    if parsed.sscc is not None:
        code = parsed.sscc.value
        return Decoded(raw, code, rules.kind_of(code), symbology, {"00": code}, note="SSCC")
    if parsed.gtin is not None and (symbology in _EAN_SYMBOLOGIES or body.isdigit()):
        code = normalise(body)
        gtin = parsed.gtin.value.zfill(14)
        return Decoded(raw, code, rules.kind_of(code), symbology, {"01": gtin}, note="GTIN")
    if symbology in _EAN_SYMBOLOGIES and parsed.gtin_error is not None:
        raise InvalidReadError(
            "bad_check_digit", f"EAN/UPC barcode failed its check: {parsed.gtin_error}"
        )
    if parsed.sscc_error is not None and _SSCC_LIKE.fullmatch(body):
        raise InvalidReadError(
            "bad_check_digit", f"GS1 barcode failed its check: {parsed.sscc_error}"
        )
    if symbology in _GS1_SYMBOLOGIES or GS in body:
        raise InvalidReadError(
            "bad_gs1", f"The GS1 barcode could not be read: {parsed.gs1_message_error}"
        )
    return None


def _from_message(
    raw: str, message: GS1Message, symbology: str | None, rules: CodeRules
) -> Decoded:
    fields = {es.ai.ai: es.value for es in message.element_strings}
    errors = [
        err
        for es in message.element_strings
        for err in (es.sscc_error, es.gtin_error)
        if err is not None
    ]
    if errors:
        raise InvalidReadError("bad_check_digit", f"GS1 barcode failed its check: {errors[0]}")
    if "00" in fields:
        code, note = fields["00"], "SSCC"
    elif "21" in fields:
        code, note = normalise(fields["21"]), "GS1 serial number (AI 21)"
    else:
        return Decoded(
            raw, "", CodeKind.UNKNOWN, symbology, fields, note="GS1 product code without a serial"
        )
    return Decoded(raw, code, rules.kind_of(code), symbology, fields, note=note)
