"""CSV answers for the read endpoints (``Accept: text/csv`` or ``?format=csv``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from flask import Response, request

from sync_server.services.sheets import as_text


def wants_csv() -> bool:
    if request.args.get("format") == "csv":
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/csv"])
    return (
        best == "text/csv"
        and request.accept_mimetypes["text/csv"] > request.accept_mimetypes["application/json"]
    )


def _cell(value: Any) -> str:
    # codes are hostile input: never let a spreadsheet run one as a formula (the one rule
    # every spreadsheet we write follows: services/sheets.py)
    return as_text(value)


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
