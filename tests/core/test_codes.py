"""Code decoding: examples from real labels, and properties over arbitrary input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_core.codes import (
    DEFAULT_RULES,
    MAX_RAW_LENGTH,
    CodeKind,
    CodeRules,
    Command,
    InvalidReadError,
    ParentSeries,
    decode,
    normalise,
)

DATA = json.loads((Path(__file__).parent.parent / "data" / "scans" / "codes.json").read_text())


@pytest.mark.parametrize("case", DATA["decoded"], ids=lambda c: repr(c["raw"])[:40])
def test_decodes(case: dict[str, Any]) -> None:
    decoded = decode(case["raw"])
    assert decoded.code == case["code"]
    assert decoded.kind == CodeKind(case["kind"])
    assert decoded.symbology == case.get("symbology")
    assert decoded.gs1 == case.get("gs1", {})
    assert decoded.raw == case["raw"]
    if "command" in case:
        assert decoded.command == Command(case["command"])


@pytest.mark.parametrize("case", DATA["refused"], ids=lambda c: repr(c["raw"])[:40])
def test_refuses(case: dict[str, Any]) -> None:
    with pytest.raises(InvalidReadError) as info:
        decode(case["raw"])
    assert info.value.reason == case["reason"]
    assert info.value.message


def test_refuses_overlong_and_binary_bytes() -> None:
    with pytest.raises(InvalidReadError, match="characters long"):
        decode("1" * (MAX_RAW_LENGTH + 1))
    with pytest.raises(InvalidReadError) as info:
        decode(b"\xff\xfeSB")
    assert info.value.reason == "binary_noise"
    assert decode(b"SB00042\r").code == "SB00042"


def test_site_rules_change_classification() -> None:
    rules = CodeRules(
        parent_series=(ParentSeries(name="P", pattern=r"P-\d{3}", capacity=20),),
        child_pattern=r"\d{6}",
        command_prefix="DO:",
    )
    assert decode("p-123", rules).kind is CodeKind.PARENT
    assert decode("123456", rules).kind is CodeKind.CHILD
    assert decode("SB00042", rules).kind is CodeKind.BILL  # not a bag here
    assert decode("DO:FINISH", rules).command is Command.FINISH


def test_label_pattern_needs_a_group() -> None:
    with pytest.raises(ValueError, match="group"):
        CodeRules(label_pattern=r"LABEL NO\.\d+")


def test_normalise_keeps_gs_strips_other_controls() -> None:
    assert normalise(" ab\x1dc\x07d\u200b\r\n") == "AB\x1dCD"


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\t", "\n\n", " \r\n ", "\x0b", "\u2028"])
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("SB00042", "SB00043"),
        ("LABEL NO.0016586 LOT NO.:STAR44GG", "LABEL NO.0016587 LOT NO.:STAR44GG"),
        ("0016586", "0016587"),
        ("]Q1SB00042", "]Q1SB00043"),
    ],
)
def test_two_lines_in_one_read_are_refused(first: str, second: str, brk: str) -> None:
    """Cleaning drops control characters: a break between two codes must not glue them."""
    with pytest.raises(InvalidReadError) as info:
        decode(first + brk + second)
    assert info.value.reason == "two_reads"
    assert "more than one line" in info.value.message
    assert "suffix" in info.value.message
    with pytest.raises(InvalidReadError) as from_bytes:
        decode((first + brk + second).encode())
    assert from_bytes.value.reason == "two_reads"


@pytest.mark.parametrize(
    "raw",
    [
        "SB00042\r",
        "SB00042\n",
        "\r\nSB00042\r\n",
        "\tSB00042\t",
        "\x02SB00042\r\n\x03",  # an STX/ETX frame around the suffix is not a second line
        "SB00042\r\n\x1d",
    ],
)
def test_a_break_at_either_end_is_only_a_suffix(raw: str) -> None:
    decoded = decode(raw)
    assert (decoded.code, decoded.kind) == ("SB00042", CodeKind.PARENT)


def test_gs_inside_a_gs1_code_is_still_accepted() -> None:
    decoded = decode("]C10105012345678900\x1d21abc123\x1d10LOT1")
    assert decoded.code == "ABC123"
    assert decoded.gs1 == {"01": "05012345678900", "21": "abc123", "10": "LOT1"}
    assert decode("0105012345678900\x1d21SER9\r\n").code == "SER9"


@pytest.mark.parametrize(
    "raw",
    [
        "XLABEL NO.123456",
        "FOO LABEL NO.0016586",
        "FOO LABEL NO.0016586 LOT NO.:STAR44GG",
        "LOT NO.:STAR44GG LABEL NO.0016586",
    ],
)
def test_a_label_number_is_taken_only_from_the_start_of_a_read(raw: str) -> None:
    decoded = decode(raw)
    assert decoded.code != "0016586"
    assert decoded.code != "123456"
    assert decoded.kind is CodeKind.UNKNOWN
    assert decoded.note is None
    assert DEFAULT_RULES.label_code(normalise(raw)) is None


def test_a_label_after_leading_spaces_is_still_a_label() -> None:
    assert decode("   LABEL NO.0016586 LOT NO.:STAR44GG").code == "0016586"
    assert DEFAULT_RULES.label_code("  LABEL NO.0016586") == "0016586"


@pytest.mark.parametrize(
    "raw",
    [
        "LABEL NO.0016586 LOT NO.:X LABEL NO.0016587 LOT NO.:Y",
        "LABEL NO.0016586 LABEL NO.0016586",  # the same label twice is still two reads
        "label no.0016586 lot no.:x label no: 0016587",
    ],
)
def test_two_label_numbers_in_one_read_are_refused(raw: str) -> None:
    with pytest.raises(InvalidReadError) as info:
        decode(raw)
    assert info.value.reason == "two_reads"
    with pytest.raises(InvalidReadError):
        DEFAULT_RULES.label_code(normalise(raw))


_any_text = st.text(max_size=80) | st.text(
    alphabet=st.sampled_from("SB0123456789M4-]CQde1\x1d()LABEL NO.: \r\n\x00"), max_size=40
)


@settings(max_examples=400, deadline=None)
@given(raw=_any_text | st.binary(max_size=80))
def test_decode_only_ever_raises_invalid_read(raw: str | bytes) -> None:
    reason = None
    try:
        decoded = decode(raw)
    except InvalidReadError as exc:
        reason = exc.reason
    if reason is not None:
        assert reason in {
            "empty",
            "binary_noise",
            "too_long",
            "bad_check_digit",
            "bad_gs1",
            "two_reads",
        }
        return
    assert decoded.kind in CodeKind
    assert decoded.code == decoded.code.strip()
    assert not set(decoded.code) & set("\r\n\t")


_CODE_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=30
)
_BREAKS = st.sampled_from(["\r", "\n", "\r\n", "\t", "\n\r", "\r\r\n"])


@settings(max_examples=300, deadline=None)
@given(
    codes=st.lists(_CODE_TEXT, min_size=2, max_size=4),
    breaks=st.lists(_BREAKS, min_size=3, max_size=3),
    prefix=st.sampled_from(["", " ", "\r", "\r\n", "\n", "\x02"]),
    suffix=st.sampled_from(["", "\r", "\r\n", "\t", "\x03"]),
)
def test_codes_joined_by_line_breaks_are_never_one_code(
    codes: list[str], breaks: list[str], prefix: str, suffix: str
) -> None:
    """However the lines are separated and framed, a read of several lines is refused."""
    joined = codes[0] + "".join(brk + code for brk, code in zip(breaks, codes[1:], strict=False))
    with pytest.raises(InvalidReadError) as info:
        decode(prefix + joined + suffix)
    assert info.value.reason == "two_reads"


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=60))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=300, deadline=None)
@given(code=st.from_regex(r"(SB\d{5}|M444-\d{5}|[A-Z0-9]{1,22}|[A-Z0-9-]{1,12})", fullmatch=True))
def test_never_both_parent_and_child(code: str) -> None:
    is_parent = DEFAULT_RULES.series_of(code) is not None
    assert not (is_parent and DEFAULT_RULES.is_child(code))
    kind = DEFAULT_RULES.kind_of(code)
    assert (kind is CodeKind.PARENT) == is_parent


def test_printed_command_sheet_matches_the_commands() -> None:
    """resources/commands.md lists every command, each decoding to that command."""

    sheet = (Path(__file__).parent.parent.parent / "resources" / "commands.md").read_text()
    texts = re.findall(r"^\| `(CMD-[A-Z-]+)`", sheet, flags=re.MULTILINE)
    assert {decode(t).command for t in texts} == set(Command)
    assert all(decode(t).kind is CodeKind.COMMAND for t in texts)


_SERIES_PATTERNS = [
    r"SB\d{5}",
    r"M444-\d{5}",
    r"[A-Z]{2}\d{3}",
    r"(X)\1\d",
    r"(?i)lo\d+",
    r"Q|QQ\d",
]


@settings(max_examples=300)
@given(
    patterns=st.lists(st.sampled_from(_SERIES_PATTERNS), min_size=1, max_size=4, unique=True),
    code=st.from_regex(
        r"(SB\d{5}|M444-\d{5}|[A-Z]{2}\d{3}|XX\d|lo\d|Q|QQ\d|[A-Z0-9-]{1,9})", fullmatch=True
    ),
)
def test_a_code_is_in_the_first_series_whose_pattern_it_matches(
    patterns: list[str], code: str
) -> None:
    """Codes are first tried against all series at once (one pattern joining theirs, where
    they can be joined); the answer is still the first series that matches, as one by one."""
    rules = CodeRules(
        parent_series=tuple(ParentSeries(name=f"S{i}", pattern=p) for i, p in enumerate(patterns))
    )
    one_by_one = next((s for s in rules.parent_series if re.fullmatch(s.pattern, code)), None)
    assert rules.series_of(code) == one_by_one
    assert rules.series_of(code) == one_by_one  # and again, from the memo
