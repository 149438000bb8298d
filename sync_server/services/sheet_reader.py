"""Reading an uploaded spreadsheet (XLSX, XLS, ODS or CSV) one row at a time, as typed cells.

python-calamine reads the workbook formats: the sheet's cells stay in its (Rust) memory and
rows become Python objects only as they are taken; formulas come back as the value Excel
stored with them (nothing is evaluated) and a merged range holds its value in its top-left
cell only. A CSV is read with the stdlib: UTF-8 (with or without a BOM), else Windows-1252,
its delimiter sniffed.

The header row is the first row with anything in it; empty rows are skipped; a row's number
is the one the spreadsheet shows (the header's is at least 1).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

import python_calamine

Cell = str | int | float | bool | date | datetime | time | timedelta
"""A cell as the file types it (a CSV's are all text)."""

CSV_SHEET = "CSV"
"""The one sheet of a CSV file."""

_SNIFF_BYTES = 64 * 1024
_DELIMITERS = ",;\t|"


class SheetError(Exception):
    """The file cannot be read as a sheet: ``code`` says why (``not_a_spreadsheet``,
    ``unknown_sheet``)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def cell_text(value: Cell) -> str:
    """A cell as the text a scanner would have read: a whole number is its digits (a code
    stored as a number is ``16586``, never ``16586.0``), a date or time its ISO form."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def is_number(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # as the spreadsheet numbers it
    cells: tuple[Cell, ...]  # as wide as the header
    merged: frozenset[int] = frozenset()  # columns covered by a merged range (not its top-left)


class Sheet(Protocol):
    name: str

    @property
    def headers(self) -> list[str]:
        """The header row's texts (a blank header reads ``Column N``); [] for an empty sheet."""
        ...

    @property
    def total(self) -> int:
        """At most this many rows follow the header (a bound known before reading them)."""
        ...

    def rows(self) -> Iterator[Row]:
        """The rows after the header that hold anything, in order."""
        ...


def _header_texts(cells: Sequence[Cell]) -> list[str]:
    return [cell_text(c) or f"Column {i + 1}" for i, c in enumerate(cells)]


def _blank(cells: Sequence[Cell]) -> bool:
    return all(c == "" or c is None for c in cells)


def _fit(cells: Sequence[Cell], width: int) -> tuple[Cell, ...]:
    out = tuple(cells[:width])
    return out + ("",) * (width - len(out))


class _CalamineSheet:
    def __init__(self, sheet: python_calamine.CalamineSheet) -> None:
        self.name = sheet.name
        self._sheet = sheet
        self._first_col = sheet.start[1] if sheet.start else 0
        self._header: tuple[int, list[str]] | None = None
        # merged ranges: every covered cell but the top-left reads empty
        self._covered: dict[int, set[int]] = {}
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self._covered.setdefault(r, set()).add(c - self._first_col)

    def _find_header(self) -> tuple[int, list[str]]:
        if self._header is None:
            self._header = (0, [])
            for index, cells in enumerate(self._sheet.iter_rows()):
                if not _blank(cells):
                    self._header = (index, _header_texts(cells))
                    break
        return self._header

    @property
    def headers(self) -> list[str]:
        return self._find_header()[1]

    @property
    def total(self) -> int:
        return max(self._sheet.height - 1, 0)

    def rows(self) -> Iterator[Row]:
        at, headers = self._find_header()
        width = len(headers)
        for index, cells in enumerate(self._sheet.iter_rows()):  # (rows from the sheet's first)
            if index <= at or _blank(cells):
                continue
            yield Row(index + 1, _fit(cells, width), frozenset(self._covered.get(index, ())))


class _CsvSheet:
    name = CSV_SHEET

    def __init__(self, data: bytes, encoding: str, dialect: type[csv.Dialect] | None) -> None:
        self._data = data
        self._encoding = encoding
        self._dialect = dialect
        self._header: tuple[int, list[str]] | None = None
        self._total: int | None = None

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        text = io.TextIOWrapper(io.BytesIO(self._data), encoding=self._encoding, newline="")
        reader = csv.reader(text, self._dialect) if self._dialect else csv.reader(text)
        for index, record in enumerate(reader):
            yield index + 1, [c.strip() for c in record]

    def _find_header(self) -> tuple[int, list[str]]:
        if self._header is None:
            self._header = (0, [])
            for number, cells in self._records():
                if not _blank(cells):
                    self._header = (number, _header_texts(cells))
                    break
        return self._header

    @property
    def headers(self) -> list[str]:
        return self._find_header()[1]

    @property
    def total(self) -> int:
        if self._total is None:  # one pass without keeping anything
            self._total = max(sum(1 for _ in self._records()) - self._find_header()[0], 0)
        return self._total

    def rows(self) -> Iterator[Row]:
        at, headers = self._find_header()
        for number, cells in self._records():
            if number > at and not _blank(cells):
                yield Row(number, _fit(cells, len(headers)))


@dataclass(frozen=True)
class Workbook:
    sheets: list[str]
    _open: dict[str, Sheet] | python_calamine.CalamineWorkbook

    def sheet(self, name: str | None = None) -> Sheet:
        """The sheet called ``name`` (the first if None).

        Raises:
            SheetError: ``unknown_sheet``.
        """
        if name is None:
            name = self.sheets[0]
        if name not in self.sheets:
            raise SheetError(
                "unknown_sheet",
                f"The file has no sheet {name!r}; its sheets are {', '.join(self.sheets)}.",
            )
        if isinstance(self._open, dict):
            return self._open[name]
        return _CalamineSheet(self._open.get_sheet_by_name(name))


def open_workbook(data: bytes) -> Workbook:
    """The workbook ``data`` holds (its format found from its bytes, not its name).

    Raises:
        SheetError: ``not_a_spreadsheet``.
    """
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.CalamineError:
        book = None  # not a workbook: perhaps a CSV
    except Exception as exc:  # a damaged workbook: calamine raises its own zip/xml errors
        raise SheetError("not_a_spreadsheet", f"The workbook cannot be read: {exc}.") from exc
    if book is not None:
        names = [
            m.name for m in book.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        if not names:
            raise SheetError("not_a_spreadsheet", "The workbook has no worksheet.")
        return Workbook(names, book)
    return Workbook([CSV_SHEET], {CSV_SHEET: _csv_sheet(data)})


def _csv_sheet(data: bytes) -> _CsvSheet:
    sample = data[:_SNIFF_BYTES]
    refusal = SheetError(
        "not_a_spreadsheet",
        "This file is not a spreadsheet: send an Excel (.xlsx, .xls), OpenDocument (.ods) "
        "or CSV file.",
    )
    if not data.strip() or b"\x00" in sample:
        raise refusal
    encoding = "utf-8-sig" if _valid_utf8(data) else "cp1252"
    try:
        text = sample.decode(encoding, errors="ignore" if encoding == "utf-8-sig" else "strict")
    except UnicodeDecodeError:
        raise refusal from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > len(text) // 100:  # binary, whatever its bytes decode to
        raise refusal
    dialect: type[csv.Dialect] | None
    try:
        dialect = csv.Sniffer().sniff(text, delimiters=_DELIMITERS)
    except csv.Error:
        dialect = None  # one column, or nothing the sniffer can tell: commas
    return _CsvSheet(data, encoding, dialect)


def _valid_utf8(data: bytes) -> bool:
    """Whether all of ``data`` is UTF-8 (checked in pieces: no second copy as text)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    step = 1 << 20
    try:
        for start in range(0, len(data), step):
            decoder.decode(data[start : start + step], final=start + step >= len(data))
    except UnicodeDecodeError:
        return False
    return True
