"""The one place that writes our spreadsheets: XLSX (XlsxWriter) and CSV, from typed columns.

A caller describes a :class:`Table` (a sheet name, :class:`Column` s with a :class:`Kind`, and
rows as sequences in column order, read lazily) and streams it with :func:`xlsx_chunks` or
:func:`csv_chunks`, or writes a workbook file with :func:`write_xlsx`. Both formats agree:

- numbers are numbers; times are the wall time in the sheet's zone (Excel has no zones), and
  the header names the zone ("First seen (Asia/Kolkata)");
- text a spreadsheet would run as a formula is neutralised by :func:`neutralise` (codes and
  names are hostile input), the same way in both formats and in every CSV the API answers;
- XLSX: a bold, frozen header row, an autofilter, column widths from the header and the first
  rows. XlsxWriter runs in ``constant_memory`` mode (each row goes to a temporary file as it
  is written), so a million rows cost no more memory than a hundred. A sheet that reaches
  Excel's row limit goes on in a second sheet, header and all.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import xlsxwriter

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIMETYPE = "text/csv; charset=utf-8"

EXCEL_MAX_ROWS = 1_048_576
"""Rows in one worksheet, the header's included."""
EXCEL_MAX_TEXT = 32_767
"""Characters in one cell."""
WIDTH_SAMPLE_ROWS = 500
"""Column widths are fitted to the header and this many first rows (later rows are not kept)."""
MIN_WIDTH, MAX_WIDTH = 6, 60
CHUNK_BYTES = 1 << 16
_EXCEL_DATETIME = "yyyy-mm-dd hh:mm:ss"
_EXCEL_DATE = "yyyy-mm-dd"


class Kind(StrEnum):
    """What a column holds, and so how each format writes its cells."""

    TEXT = "text"  # neutralised if a spreadsheet would run it; dicts and lists as JSON
    INT = "int"
    NUMBER = "number"
    DATETIME = "datetime"  # an aware datetime, written as the wall time in the sheet's zone
    DATE = "date"
    ANY = "any"  # each cell by its value's type (a sheet read back: an import's rows)


@dataclass(frozen=True)
class Column:
    """A column: its header, its kind, and a width in characters (None: fitted)."""

    title: str
    kind: Kind = Kind.TEXT
    width: int | None = None


@dataclass(frozen=True)
class Table:
    """A worksheet (``name``, at most 31 characters) or a CSV file: columns, then rows.

    ``rows`` is iterated once, as it is written: give a generator to stream a large table.
    """

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]


# --- formulas --------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def may_run(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula.

    Decided on the NFKC form (spreadsheets take a fullwidth U+FF1D or a small U+FE62 for the
    ASCII sign) after skipping leading whitespace and control or format characters (a
    tab, CR, no-break or zero-width space before ``=`` is trimmed by some importers). A
    cell that starts with a tab, CR or LF is neutralised whatever follows. Plain ASCII
    numbers such as ``-5`` stay as they are.
    """
    if not text or (text[0].isascii() and text[0].isalpha()):
        return False  # the common case, decided without folding the whole text
    if _PLAIN_NUMBER.fullmatch(text):
        return False
    if text[0] in "\t\r\n":
        return True
    folded = unicodedata.normalize("NFKC", text)
    first = next((char for char in folded if not _skipped(char)), "")
    return first in _FORMULA_START


def _skipped(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("C")


def neutralise(text: str) -> str:
    """``text``, behind a quote if a spreadsheet could run it: shown, never run, and the
    original still readable (the same in a CSV and in an XLSX cell, and after re-saving)."""
    return "'" + text if may_run(text) else text


def as_text(value: Any) -> str:
    """A value as a text cell: ``""`` for None, JSON for a dict or list, neutralised."""
    if type(value) is str:
        return neutralise(value)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = orjson.dumps(value).decode()
    return neutralise(str(value))


# --- headers and cells -----------------------------------------------------------------------


def headers(columns: Sequence[Column], tz: ZoneInfo) -> list[str]:
    """Each column's header; a time column's names the zone its wall times are in."""
    return [f"{c.title} ({tz.key})" if c.kind is Kind.DATETIME else c.title for c in columns]


def wall_time(value: datetime, tz: ZoneInfo) -> datetime:
    """An aware moment as the naive wall time in ``tz`` (what a spreadsheet cell holds); a
    naive one (a time read from a sheet) is a wall time already."""
    return value.astimezone(tz).replace(tzinfo=None) if value.tzinfo else value


def _csv_formatter(kind: Kind, tz: ZoneInfo) -> Callable[[Any], str]:
    """How a CSV writes one column's cells (chosen once per column, not per cell)."""
    if kind is Kind.DATETIME:
        return lambda v: "" if v is None else wall_time(v, tz).isoformat(" ", "seconds")
    if kind is Kind.DATE:
        return lambda v: "" if v is None else str(v.isoformat())
    if kind in (Kind.INT, Kind.NUMBER):
        return lambda v: "" if v is None else str(v)
    if kind is Kind.ANY:
        by_kind: dict[Kind, Callable[[Any], str]] = {
            k: _csv_formatter(k, tz) for k in Kind if k is not Kind.ANY
        }
        return lambda v: "" if v is None else by_kind[_kind_of(v)](v)
    return as_text


def _kind_of(value: Any) -> Kind:
    """The kind a cell of a :attr:`Kind.ANY` column is written as."""
    if isinstance(value, bool):  # a bool is an int to Python, not to a reader
        return Kind.TEXT
    if isinstance(value, int):
        return Kind.INT
    if isinstance(value, float):
        return Kind.NUMBER if math.isfinite(value) else Kind.TEXT  # no NaN in a spreadsheet
    if isinstance(value, datetime):
        return Kind.DATETIME
    if isinstance(value, date):
        return Kind.DATE
    return Kind.TEXT


# --- CSV -------------------------------------------------------------------------------------


def csv_chunks(table: Table, tz: ZoneInfo, *, bom: bool = True) -> Iterator[bytes]:
    """The table as UTF-8 CSV (RFC 4180 line ends), in chunks of about 64 KiB, rows read as
    they are written. ``bom``: start with a byte order mark, without which Excel reads UTF-8
    (a Hindi operator name) as its local code page."""
    buffer = io.StringIO()
    # "\r\n": the writer then quotes a cell holding a lone CR, which a "\n" terminator left
    # bare, and a spreadsheet splits the row there
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write("\ufeff")
    writer.writerow(headers(table.columns, tz))
    cells = [_csv_formatter(c.kind, tz) for c in table.columns]
    for row in table.rows:
        writer.writerow([cell(v) for cell, v in zip(cells, row, strict=True)])
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


# --- XLSX ------------------------------------------------------------------------------------


def write_xlsx(path: str | Path, tables: Sequence[Table], tz: ZoneInfo) -> None:
    """Write ``tables`` as the sheets of one workbook at ``path``, in bounded memory."""
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            # every cell is written by its kind; never let the library guess from the text
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        styles = _Styles(workbook)
        for table in tables:
            _write_table(workbook, styles, table, tz)
    finally:
        workbook.close()


def xlsx_chunks(tables: Sequence[Table], tz: ZoneInfo) -> Iterator[bytes]:
    """``tables`` as one workbook, in chunks of about 64 KiB.

    A workbook is a zip whose directory comes last, so the whole file is written first, to a
    temporary file, then read out. The file is unlinked as soon as it is open for reading,
    so it goes whether the reader finishes, stops early or the process dies.
    """
    handle, name = tempfile.mkstemp(prefix="tracetrack-", suffix=".xlsx")
    os.close(handle)
    try:
        write_xlsx(name, tables, tz)
        with open(name, "rb") as workbook:
            os.unlink(name)
            while chunk := workbook.read(CHUNK_BYTES):
                yield chunk
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


class _Styles:
    def __init__(self, workbook: Any) -> None:
        self.header = workbook.add_format({"bold": True, "bottom": 1})
        self.datetime = workbook.add_format({"num_format": _EXCEL_DATETIME})
        self.date = workbook.add_format({"num_format": _EXCEL_DATE})


def _write_table(workbook: Any, styles: _Styles, table: Table, tz: ZoneInfo) -> None:
    titles = headers(table.columns, tz)
    cells = [_xlsx_cell(c.kind, styles, tz) for c in table.columns]
    part = 1
    sheet = _Sheet(workbook, styles, _sheet_name(table.name, part), titles, table.columns)
    for row in table.rows:
        if sheet.full:
            sheet.finish()
            part += 1
            sheet = _Sheet(workbook, styles, _sheet_name(table.name, part), titles, table.columns)
        sheet.write(cells, row)
    sheet.finish()


_XlsxCell = Callable[[Any, int, int, Any], int]
"""Writes one (non-None) value at (row, col) of a worksheet; returns about how many
characters it shows (for the column's width)."""


def _xlsx_cell(kind: Kind, styles: _Styles, tz: ZoneInfo) -> _XlsxCell:
    """How one column's cells are written (chosen once per column, not per cell)."""

    def number(ws: Any, row: int, col: int, value: Any) -> int:
        ws.write_number(row, col, value)
        return len(str(value))

    def moment(ws: Any, row: int, col: int, value: Any) -> int:
        ws.write_datetime(row, col, wall_time(value, tz), styles.datetime)
        return len(_EXCEL_DATETIME)

    def day(ws: Any, row: int, col: int, value: Any) -> int:
        ws.write_datetime(row, col, value, styles.date)
        return len(_EXCEL_DATE)

    def text(ws: Any, row: int, col: int, value: Any) -> int:
        shown = as_text(value)[:EXCEL_MAX_TEXT]
        if shown:  # an empty text is an empty cell, as in the CSV
            ws.write_string(row, col, shown)
        return len(shown)

    by_kind: dict[Kind, _XlsxCell] = {
        Kind.INT: number,
        Kind.NUMBER: number,
        Kind.DATETIME: moment,
        Kind.DATE: day,
        Kind.TEXT: text,
    }

    def any_kind(ws: Any, row: int, col: int, value: Any) -> int:
        return by_kind[_kind_of(value)](ws, row, col, value)

    return by_kind.get(kind, any_kind)


def _sheet_name(name: str, part: int) -> str:
    suffix = "" if part == 1 else f" ({part})"
    return name[: 31 - len(suffix)] + suffix


class _Sheet:
    """One worksheet being written row by row (constant memory: rows only go forward)."""

    def __init__(
        self,
        workbook: Any,
        styles: _Styles,
        name: str,
        titles: list[str],
        columns: Sequence[Column],
    ) -> None:
        self.ws = workbook.add_worksheet(name)
        self.styles = styles
        self.columns = columns
        self.row = 0
        self.widths = [len(title) for title in titles]
        for col, title in enumerate(titles):
            self.ws.write_string(0, col, title, styles.header)

    @property
    def full(self) -> bool:
        return self.row + 1 >= EXCEL_MAX_ROWS

    def write(self, cells: list[_XlsxCell], values: Sequence[Any]) -> None:
        self.row += 1
        ws, row, widths = self.ws, self.row, self.widths
        sample = row <= WIDTH_SAMPLE_ROWS
        for col, (cell, value) in enumerate(zip(cells, values, strict=True)):
            if value is not None:
                shown = cell(ws, row, col, value)
                if sample and shown > widths[col]:
                    widths[col] = shown

    def finish(self) -> None:
        for col, column in enumerate(self.columns):
            width = column.width or min(max(self.widths[col] + 2, MIN_WIDTH), MAX_WIDTH)
            self.ws.set_column(col, col, width)
        self.ws.freeze_panes(1, 0)
        self.ws.autofilter(0, 0, self.row, max(len(self.columns) - 1, 0))
