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
        assert reason in {"empty", "binary_noise", "too_long", "bad_check_digit", "bad_gs1"}
        return
    assert decoded.kind in CodeKind
    assert decoded.code == decoded.code.strip()


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
