"""Issue 17, written as the attack: cells a spreadsheet would run as formulas, in any form."""

from __future__ import annotations

import csv
import io

import pytest

from sync_server.api.csvio import _cell, csv_response

HOSTILE = [
    '=HYPERLINK("http://x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\uff1d1+1",  # fullwidth equals
    "\uff0b1+1",  # fullwidth plus
    "\uff0d1+1",  # fullwidth hyphen-minus
    "\uff20SUM(A1)",  # fullwidth commercial at
    "\ufe62cmd",  # small plus sign
    " =1+1",
    "\u3000\uff1d1+1",  # ideographic space, then fullwidth equals
    "\u00a0=1+1",  # no-break space
    "\u200b=1+1",  # zero-width space
    "\ufeff=1+1",  # byte order mark
    "\x01=1+1",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\tplain",
    "\rplain",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_cell_is_neutralised_and_kept(text: str) -> None:
    assert _cell(text) == "'" + text  # the original text, behind the quote


@pytest.mark.parametrize("text", ["SB00042", "-5", "+3.5", "1e-3", "a=b", "café", "", "\uff21"])
def test_plain_cells_are_left_alone(text: str) -> None:
    assert _cell(text) == text


def test_hostile_cells_survive_the_csv_round_trip(app) -> None:  # type: ignore[no-untyped-def]
    with app.test_request_context():
        response = csv_response([{"code": text} for text in HOSTILE], "bags")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True), newline="")))
    assert [row[0] for row in rows[1:]] == ["'" + text for text in HOSTILE]
