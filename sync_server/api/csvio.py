"""CSV answers for the read endpoints (``Accept: text/csv`` or ``?format=csv``)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import orjson
from flask import Response, request

_FORMULA_START = ("=", "+", "-", "@")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def wants_csv() -> bool:
    if request.args.get("format") == "csv":
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/csv"])
    return (
        best == "text/csv"
        and request.accept_mimetypes["text/csv"] > request.accept_mimetypes["application/json"]
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = orjson.dumps(value).decode()
    text = str(value)
    # codes are hostile input: never let a spreadsheet run one as a formula
    if _may_run(text):
        text = "'" + text
    return text


def _may_run(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula.

    Decided on the NFKC form (spreadsheets take a fullwidth U+FF1D or a small U+FE62 for the
    ASCII sign) after skipping leading whitespace and control or format characters (a
    tab, CR, no-break or zero-width space before ``=`` is trimmed by some importers). A
    cell that starts with a tab, CR or LF is neutralised whatever follows. Plain ASCII
    numbers such as ``-5`` stay as they are.
    """
    if not text or _PLAIN_NUMBER.fullmatch(text):
        return False
    if text[0] in "\t\r\n":
        return True
    folded = unicodedata.normalize("NFKC", text)
    first = next((char for char in folded if not _skipped(char)), "")
    return first in _FORMULA_START


def _skipped(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("C")


def csv_response(
    rows: Iterable[Mapping[str, Any]], filename: str, columns: list[str] | None = None
) -> Response:
    rows = list(rows)
    header = columns or (list(rows[0]) if rows else [])
    buffer = io.StringIO()
    # RFC 4180 line ends: the writer then quotes a cell holding a lone CR, which a "\n"
    # terminator left bare, and a spreadsheet splits the row there
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in header])
    response = Response(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
