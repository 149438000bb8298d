"""Spreadsheet imports: a sheet of child -> parent links or of parent -> bill assignments becomes
the events a station's scans make, applied by the same rules through the same exactly-once
ingest (``services/ingest.py``).

* Codes are read as a scanner's reads are (:func:`tracetrack_core.codes.decode` under the
  site's rules: a long printed label gives its label number, GS1 is understood), bill ids
  folded as the rules fold them.
* A **dry run** applies every row, in sheet order, to a copy of the stored state of the
  bags and bills the sheet names (read a chunk of keys at a time), through
  :class:`tracetrack_core.rules.Rules`; nothing is written.
* An **import** sends each row as its event (``child_link``, after a ``parent_scan`` for a
  parent the server has never seen, as a station does; ``bill_add_parent``) in batches of
  up to ``MAX_BATCH_EVENTS`` from the server-side station "Spreadsheet import", in the
  importer's name. Event ids are derived from the file's SHA-256, the kind, the sheet and
  the row, so the same sheet imported again is answered ``already_received`` and changes
  nothing.

Rows a sheet cannot make an event of (a missing cell, an unreadable code, a key already
named by an earlier row of the sheet) are refused before any rule sees them, the same way
in both. Each row ends as accepted, a duplicate (its effect holds already) or refused.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import tempfile
import uuid
from collections import Counter as Tally
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.db.models import Bag as BagRow
from sync_server.db.models import Bill as BillRow
from sync_server.db.models import Setting, Station, User
from sync_server.services import audit, ingest, sheets
from sync_server.services.errors import ForbiddenError, ServiceError
from sync_server.services.sheet_reader import (
    Cell,
    Row,
    Sheet,
    SheetError,
    Workbook,
    cell_text,
    is_number,
    open_workbook,
)
from sync_server.services.site_rules import SiteRules
from tracetrack_core import rules as core
from tracetrack_core.codes import CodeKind, InvalidReadError, decode
from tracetrack_core.events import MAX_BATCH_EVENTS, MAX_FIELD_LENGTH, EventType, Reason, Status
from tracetrack_core.roles import IMPORT_ROLES

LINKS = "links"
BILLS = "bills"
KINDS = (LINKS, BILLS)

ROLES: dict[str, tuple[str, str]] = {LINKS: ("child", "parent"), BILLS: ("parent", "bill")}
"""The columns each kind of sheet needs, in the order its events name them."""

SPELLINGS: dict[str, tuple[str, ...]] = {
    "child": (
        "child", "child bag", "child code", "child bag no", "child no", "child label",
        "bag", "bag no", "bag code", "bag id", "label", "label no", "label code", "inner",
        "inner bag", "inner code",
    ),
    "parent": (
        "parent", "parent bag", "parent code", "parent bag no", "parent no", "master",
        "master bag", "master code", "outer", "outer bag", "outer code", "sb", "sb no",
        "sb code",
    ),
    "bill": (
        "bill", "bill no", "bill id", "bill number", "invoice", "invoice no", "invoice id",
        "invoice number", "dispatch", "dispatch no", "dispatch id",
    ),
}  # fmt: skip
"""The headers each role is recognised by, compared with case, spaces and punctuation taken
out (``Child Bag No.`` is ``childbagno``). docs/api.md#imports lists them."""

MAX_UPLOAD_BYTES = 64 * 1024 * 1024
"""A sheet's upload (the server's own body limit, ``max_batch_bytes``, is an event batch's)."""
UPLOAD_PATH_PREFIX = "/api/v1/imports/"
"""Where sheets are uploaded (the routes, and the slow-client guard that lets them be large)."""

MAX_ROWS = 200_000
MAX_REFUSALS = 1000
"""Refused rows an answer lists (the first ones; ``by_reason`` counts them all)."""
CHUNK_ROWS = 2000
"""Rows read, checked and applied at a time: the state read for a dry run, the events of an
import's batches, a progress step."""

IMPORT_STATION_ID = "st_spreadsheet_import"
IMPORT_STATION_NAME = "Spreadsheet import"

REPEATED_IN_SHEET = "repeated_in_sheet"
BAD_ROW = "bad_row"

REASON_WORDS: dict[str, str] = {
    Reason.ALREADY_LINKED: "Duplicate: the child is in this parent already",
    Reason.ALREADY_ON_THIS_BILL: "Duplicate: the parent is on this bill already",
    Reason.ALREADY_RECEIVED: "Duplicate: this row was imported before",
    Reason.CHILD_IN_OTHER_PARENT: "The child is in another parent",
    Reason.PARENT_COMPLETED: "The parent is full",
    Reason.UNKNOWN_BILL: "No such bill",
    Reason.UNKNOWN_BAG: "The parent has never been packed",
    Reason.INVALID_CODE: "Not a bag code",
    Reason.INVALID_BILL_ID: "Not a bill id",
    Reason.CODE_IS_PARENT: "The child is a parent bag",
    Reason.CODE_IS_CHILD: "The parent is a child bag",
    Reason.WRONG_BAG_TYPE: "A child bag cannot go onto a bill",
    Reason.ALREADY_ON_OTHER_BILL: "The parent is on another bill",
    Reason.BILL_COMPLETED: "The bill is completed",
    Reason.BILL_FULL: "The bill is full",
    Reason.BAG_VOIDED: "The bag was voided",
    Reason.SELF_LINK: "The child and the parent are the same code",
    BAD_ROW: "A cell is missing",
    REPEATED_IN_SHEET: "Repeated: an earlier row of the sheet names this bag",
}
"""A refusal's reason in words (the error report's Reason column)."""


def reason_words(reason: str) -> str:
    return REASON_WORDS.get(reason, reason.replace("_", " ").capitalize())


# --- errors -----------------------------------------------------------------------------------


class ImportRefusedError(ServiceError):
    """The file as a whole cannot be imported (nothing is applied)."""

    def __init__(self, code: str, message: str, *, status: int = 400, **detail: Any) -> None:
        super().__init__(message, **detail)
        self.code = code
        self.status = status


class ColumnsUnknownError(ImportRefusedError):
    """Which columns hold what is not certain: the client asks the operator and sends
    ``columns``."""

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__("columns_unknown", message, status=422, **detail)


# --- what a client asks and gets ------------------------------------------------------------


@dataclass(frozen=True)
class ImportRequest:
    kind: str  # links | bills
    data: bytes
    operator: str  # the importer: the events are recorded in their name
    filename: str = ""
    sheet: str | None = None
    columns: Mapping[str, str] | None = None  # role -> header
    dry_run: bool = True


@dataclass(frozen=True, slots=True)
class Refusal:
    row: int
    cells: tuple[Cell, ...]  # as the file types them (the error report writes them back)
    values: dict[str, str]  # header -> text
    reason: str
    message: str

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "values": self.values,
            "reason": self.reason,
            "message": self.message,
        }


class RefusalSink(Protocol):
    """Takes every row not accepted, in sheet order (the error report)."""

    def start(self, headers: Sequence[str]) -> None: ...
    def add(self, refusal: Refusal) -> None: ...


@dataclass
class ImportSummary:
    dry_run: bool
    kind: str
    sheet: str
    sheets: list[str]
    columns: dict[str, str]
    rows: int = 0
    accepted: int = 0
    duplicates: int = 0
    refused: int = 0
    by_reason: Tally[str] = field(default_factory=Tally)
    refusals: list[Refusal] = field(default_factory=list)
    events: Tally[str] = field(default_factory=Tally)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "dry_run": self.dry_run,
            "kind": self.kind,
            "sheet": self.sheet,
            "sheets": self.sheets,
            "columns": self.columns,
            "rows": self.rows,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "refused": self.refused,
            "by_reason": dict(sorted(self.by_reason.items())),
            "refusals": [r.as_json() for r in self.refusals],
        }
        if not self.dry_run:
            out["events"] = {s.value: self.events.get(s.value, 0) for s in Status}
        return out

    def audit_counts(self) -> dict[str, Any]:
        return {
            k: v for k, v in self.as_json().items() if k not in ("refusals", "sheets", "dry_run")
        }


@dataclass(frozen=True)
class Progress:
    done: int  # rows read so far
    total: int  # rows the sheet holds at most


# --- columns --------------------------------------------------------------------------------

_FOLD = re.compile(r"[\W_]+")


def _folded(header: str) -> str:
    return _FOLD.sub("", header.casefold())


_KNOWN = {role: frozenset(_folded(s) for s in names) for role, names in SPELLINGS.items()}


def guess_columns(kind: str, headers: Sequence[str]) -> dict[str, list[str]]:
    """Every header that could be each role of ``kind``'s sheet (one each: certain)."""
    return {role: [h for h in headers if _folded(h) in _KNOWN[role]] for role in ROLES[kind]}


def _resolve_columns(request: ImportRequest, workbook: Workbook, sheet: Sheet) -> dict[str, int]:
    """The column index of each role.

    Raises:
        ColumnsUnknownError: a role is missing, ambiguous or named as no header has it.
    """
    headers = sheet.headers
    found = guess_columns(request.kind, headers)
    given = dict(request.columns or {})
    chosen: dict[str, int] = {}
    problems: list[str] = []
    by_fold = {_folded(h): i for i, h in reversed(list(enumerate(headers)))}
    for role in ROLES[request.kind]:
        if role in given:
            name = given[role]
            index = headers.index(name) if name in headers else by_fold.get(_folded(name))
            if index is None:
                problems.append(f"there is no column {name!r} for the {role}")
            else:
                chosen[role] = index
        elif len(found[role]) == 1:
            chosen[role] = headers.index(found[role][0])
        elif found[role]:
            problems.append(f"{' and '.join(found[role])} could each be the {role}")
        else:
            problems.append(f"no column looks like the {role}")
    unknown_roles = set(given) - set(ROLES[request.kind])
    if unknown_roles:
        problems.append(f"{', '.join(sorted(unknown_roles))} is not a column of this import")
    if len(set(chosen.values())) < len(chosen):
        problems.append("one column cannot be two things")
    if problems:
        raise ColumnsUnknownError(
            f"Pick the columns: {'; '.join(problems)}.",
            sheets=workbook.sheets,
            sheet=sheet.name,
            headers=headers,
            needed=list(ROLES[request.kind]),
            guess={role: (names[0] if names else None) for role, names in found.items()},
        )
    return chosen


def _pick_sheet(request: ImportRequest, workbook: Workbook) -> Sheet:
    """The sheet asked for; else the first whose headers name every column; else the first."""
    if request.sheet is not None or len(workbook.sheets) == 1:
        return workbook.sheet(request.sheet)
    for name in workbook.sheets:
        sheet = workbook.sheet(name)
        if all(len(names) == 1 for names in guess_columns(request.kind, sheet.headers).values()):
            return sheet
    return workbook.sheet(None)


# --- rows -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Prepared:
    """A row after its cells are read: the event it makes, or why it makes none."""

    row: Row
    event: core.EventInput | None = None
    key: str = ""  # the bag it settles (child for links, parent for bills)
    refusal: tuple[str, str] | None = None  # reason, message
    numeric: frozenset[str] = frozenset()  # roles whose cell was a number


def _read_code(role: str, value: Cell, merged: bool, rules: core.Rules) -> str | tuple[str, str]:
    """The code (or bill id) a cell holds, or (reason, message) if it holds none."""
    text = cell_text(value)
    if not text:
        note = (
            " (it is part of a merged range: only the range's first cell holds the value)"
            if merged
            else ""
        )
        return BAD_ROW, f"The {role} cell is empty{note}."
    if len(text) > MAX_FIELD_LENGTH:
        return Reason.INVALID_CODE, f"The {role} cell holds {len(text)} characters; no code does."
    if role == "bill":
        return core.normalise_bill_id(text)
    try:
        decoded = decode(text, rules.codes)
    except InvalidReadError as exc:
        return Reason.INVALID_CODE, f"The {role} cell {text!r} is not a code: {exc.message}"
    if not decoded.code:
        return Reason.INVALID_CODE, f"The {role} cell {text!r} names no bag."
    return decoded.code


def _prepare(kind: str, row: Row, columns: Mapping[str, int], rules: core.Rules) -> _Prepared:
    found: dict[str, str] = {}
    for role, index in columns.items():
        value = row.cells[index]
        code = _read_code(role, value, index in row.merged, rules)
        if isinstance(code, tuple):
            return _Prepared(row, refusal=code)
        found[role] = code
    numeric = frozenset(role for role, index in columns.items() if is_number(row.cells[index]))
    if kind == LINKS:
        event = core.EventInput(EventType.CHILD_LINK, found["child"], found["parent"])
        return _Prepared(row, event, found["child"], numeric=numeric)
    event = core.EventInput(EventType.BILL_ADD_PARENT, found["parent"], bill=found["bill"])
    return _Prepared(row, event, found["parent"], numeric=numeric)


_ZEROS = (
    " The cell holds a number, so any leading zeros of the code were lost: format the "
    "column as Text and type the codes again."
)


def _explained(prepared: _Prepared, reason: str, message: str) -> str:
    """``message``, saying why a code typed as a number may not classify."""
    if reason == Reason.INVALID_CODE and prepared.numeric:
        return message + _ZEROS
    return message


# --- the import -----------------------------------------------------------------------------


def import_station(session: Session) -> str:
    """The server-side station imports are recorded from (made once; it has no token)."""
    with session.begin():
        if session.get(Station, IMPORT_STATION_ID) is not None:
            return IMPORT_STATION_ID
    try:
        with session.begin():
            session.add(
                Station(
                    id=IMPORT_STATION_ID,
                    name=IMPORT_STATION_NAME,
                    area="",
                    hostname="",
                    enrolled_at=datetime.now(UTC),
                    last_seq=0,
                    seq_gaps=0,
                    events_received=0,
                )
            )
    except IntegrityError:  # another import made it meanwhile (or the name is taken)
        pass
    return IMPORT_STATION_ID


def _check_importer(session: Session, username: str) -> None:
    with session.begin():
        user = session.scalar(select(User).where(User.username == username))
        if user is None or user.disabled:
            raise ForbiddenError(f"{username!r} is not an active user of this site.")
        if user.role not in IMPORT_ROLES:
            raise ForbiddenError(
                f"{username} is a {user.role}; only billers and admins import spreadsheets."
            )


def run(
    session: Session,
    request: ImportRequest,
    *,
    site_rules: SiteRules | None = None,
    report: RefusalSink | None = None,
    now: datetime | None = None,
) -> Generator[Progress, None, ImportSummary]:
    """Check (``request.dry_run``) or import a sheet, yielding progress after every chunk of
    rows; returns the summary. ``report`` receives every row not accepted.

    Raises:
        ImportRefusedError: ``not_a_spreadsheet``, ``empty_sheet``, ``too_many_rows``,
            ``unknown_sheet``, ``columns_unknown`` (422); nothing is applied.
        ForbiddenError: the importer may not import.
        ServiceError: ingest refused a batch (rows before it stay imported; importing the
            sheet again completes it).
    """
    if request.kind not in KINDS:
        raise ImportRefusedError(
            "unknown_kind", f"Import {' or '.join(KINDS)}, not {request.kind!r}."
        )
    try:
        workbook = open_workbook(request.data)
        sheet = _pick_sheet(request, workbook)
    except SheetError as exc:
        raise ImportRefusedError(exc.code, exc.message, sheets=_sheets_of(request.data)) from exc
    if not sheet.headers:
        raise ImportRefusedError(
            "empty_sheet", f"The sheet {sheet.name!r} is empty.", sheets=workbook.sheets
        )
    columns = _resolve_columns(request, workbook, sheet)
    total = sheet.total
    if total > MAX_ROWS:
        raise ImportRefusedError(
            "too_many_rows",
            f"The sheet has {total:,} rows; an import takes at most {MAX_ROWS:,}. Split it.",
            rows=total,
            limit=MAX_ROWS,
        )
    moment = now or datetime.now(UTC)
    site_rules = site_rules or SiteRules()
    rules = _current_rules(session, site_rules)
    station = ""
    if not request.dry_run:
        _check_importer(session, request.operator)
        station = import_station(session)
    headers = sheet.headers
    summary = ImportSummary(
        request.dry_run,
        request.kind,
        sheet.name,
        workbook.sheets,
        {role: headers[i] for role, i in columns.items()},
    )
    if report is not None:
        report.start(headers)
    job = _Job(session, request, rules, site_rules, summary, report, headers, station, moment)
    rows = sheet.rows()
    done = 0
    while chunk := list(islice(rows, CHUNK_ROWS)):
        job.apply(chunk, columns)
        done += len(chunk)
        yield Progress(done, max(total, done))
    if 0 < done < total:  # empty rows made the bound high: the end says so
        yield Progress(done, done)
    if summary.rows == 0:
        raise ImportRefusedError(
            "empty_sheet",
            f"The sheet {sheet.name!r} has a header row and nothing under it.",
            sheets=workbook.sheets,
        )
    if not request.dry_run:
        with session.begin():
            audit.record(
                session,
                actor=f"user:{request.operator}",
                action=f"import_{request.kind}",
                target=(request.filename or sheet.name)[:200],
                after=summary.audit_counts(),
                at=moment,
            )
    return summary


def complete(
    job: Generator[Progress, None, ImportSummary],
    progress: Callable[[Progress], None] | None = None,
) -> ImportSummary:
    """Run ``job`` to its end, telling ``progress`` each step; its summary."""
    while True:
        try:
            step = next(job)
        except StopIteration as stop:
            summary: ImportSummary = stop.value
            return summary
        if progress is not None:
            progress(step)


def _sheets_of(data: bytes) -> list[str]:
    try:
        return open_workbook(data).sheets
    except SheetError:
        return []


def _current_rules(session: Session, site_rules: SiteRules) -> core.Rules:
    store = ingest.store_for(session)
    with session.begin():
        version = _rules_version(session)
        return site_rules.at(version, lambda: store.read_code_rules(session))


def _rules_version(session: Session) -> int:
    found = session.scalar(select(Setting.version).where(Setting.key == "code_rules"))
    return -1 if found is None else int(found)


_ID_SPACE = uuid.UUID("6f1d3c52-77b4-4b8e-9a43-5d1f0e2a9c10")
"""The namespace of import event ids (uuid5)."""

_BAG_COLUMNS = tuple(BagRow.__table__.c[f] for f in core.BAG_FIELDS)
_BILL_COLUMNS = tuple(BillRow.__table__.c[f] for f in core.BILL_FIELDS)


class _Job:
    """One import's running state: the rules' view of the sheet's bags and bills so far."""

    def __init__(
        self,
        session: Session,
        request: ImportRequest,
        rules: core.Rules,
        site_rules: SiteRules,
        summary: ImportSummary,
        report: RefusalSink | None,
        headers: list[str],
        station: str,
        now: datetime,
    ) -> None:
        self.session = session
        self.request = request
        self.rules = rules
        self.site_rules = site_rules
        self.summary = summary
        self.report = report
        self.headers = headers
        self.station = station
        self.now = now
        self.state = core.MemoryState()
        self.read: set[str] = set()  # bag codes and "bill:" ids read (absent ones too)
        self.settled: set[str] = set()  # keys earlier rows named
        digest = hashlib.sha256(request.data).hexdigest()
        self.id_prefix = f"{digest}/{request.kind}/{summary.sheet}/"
        self.occurred = now.isoformat()

    # the rows of one chunk

    def apply(self, chunk: list[Row], columns: Mapping[str, int]) -> None:
        prepared = [_prepare(self.request.kind, row, columns, self.rules) for row in chunk]
        for item in prepared:
            if item.refusal is None:
                if item.key in self.settled:
                    item.refusal = (
                        REPEATED_IN_SHEET,
                        f"{item.key} is named by an earlier row of this sheet.",
                    )
                self.settled.add(item.key)
        self._load(item.event for item in prepared if item.event and item.refusal is None)
        events: list[dict[str, Any]] = []
        answers: list[tuple[_Prepared, int]] = []  # a row and its event's index in ``events``
        for item in prepared:
            self.summary.rows += 1
            if item.refusal is not None or item.event is None:
                reason, message = item.refusal or (BAD_ROW, "")
                self._record(item, Status.REJECTED, reason, message)
                continue
            event = item.event
            if event.type == EventType.CHILD_LINK and self._unseen_parent(event.parent):
                scan = core.EventInput(EventType.PARENT_SCAN, event.parent)
                self.rules.apply(scan, self.state)  # as the station does: scan it, then fill it
                if not self.request.dry_run:
                    events.append(self._wire(item.row.number, scan))
            if self.request.dry_run:
                outcome = self.rules.apply(event, self.state)
                self._record(
                    item,
                    outcome.status,
                    outcome.reason.value if outcome.reason else "",
                    outcome.message,
                )
            else:  # ingest's answer is the row's (what a station's scan meets in between too)
                answers.append((item, len(events)))
                events.append(self._wire(item.row.number, event))
        if events:
            results = self._ingest(events)
            for item, index in answers:
                result = results[index]
                self._record(item, result.status, result.reason or "", result.message or "")

    def _unseen_parent(self, code: str) -> bool:
        return self.state.bag(code) is None and self.rules.codes.kind_of(code) is CodeKind.PARENT

    def _record(self, item: _Prepared, status: Status, reason: str, message: str) -> None:
        summary = self.summary
        if status is Status.ACCEPTED:
            summary.accepted += 1
            return
        if status is Status.DUPLICATE:
            summary.duplicates += 1
        else:
            summary.refused += 1
        summary.by_reason[reason] += 1
        cells = item.row.cells
        refusal = Refusal(
            item.row.number,
            cells,
            {h: cell_text(c) for h, c in zip(self.headers, cells, strict=True) if cell_text(c)},
            reason,
            _explained(item, reason, message) or reason_words(reason),
        )
        if len(summary.refusals) < MAX_REFUSALS:
            summary.refusals.append(refusal)
        if self.report is not None:
            self.report.add(refusal)

    # the stored state

    def _load(self, events: Iterator[core.EventInput]) -> None:
        """Read the stored bags and bills these events name that are not read yet."""
        codes, bills = core.keys_touched(events)
        codes -= self.read
        bills = {b for b in bills if "bill:" + b not in self.read}
        if not codes and not bills:
            return
        with self.session.begin():
            for start in range(0, len(codes), 5000):
                part = sorted(codes)[start : start + 5000]
                for row in self.session.execute(select(*_BAG_COLUMNS).where(BagRow.code.in_(part))):
                    bag = core.Bag(*row)
                    self.state.bags.setdefault(bag.code, bag)
                    if bag.bill and "bill:" + bag.bill not in self.read:
                        bills.add(bag.bill)
            if bills:
                for row in self.session.execute(
                    select(*_BILL_COLUMNS).where(BillRow.bill_id.in_(sorted(bills)))
                ):
                    self.state.bills.setdefault(row[0], core.Bill(*row))
        self.read |= codes
        self.read |= {"bill:" + b for b in bills}

    # the events

    def _wire(self, row: int, event: core.EventInput) -> dict[str, Any]:
        return {
            "id": str(uuid.uuid5(_ID_SPACE, f"{self.id_prefix}{row}/{event.type}")),
            "seq": row,  # a re-import reaches back to the station's seq: its ids are looked up
            "type": str(event.type),  # (the log stores plain text)
            "occurred_at": self.occurred,
            "operator": self.request.operator,
            "code": event.code,
            "parent": event.parent,
            "bill": event.bill,
            "data": {},
        }

    def _ingest(self, events: list[dict[str, Any]]) -> list[ingest.Result]:
        results: list[ingest.Result] = []
        for start in range(0, len(events), MAX_BATCH_EVENTS):
            part = events[start : start + MAX_BATCH_EVENTS]
            try:
                outcome = ingest.ingest_batch(
                    self.session,
                    ingest.BatchInput(self.station, datetime.now(UTC), part, imported=True),
                    rules=self.site_rules,
                )
            except ingest.BatchError as exc:
                raise ImportRefusedError(exc.code, exc.message, status=exc.status) from exc
            self.summary.events.update(r.status.value for r in outcome.results)
            results.extend(outcome.results)
        return results


# --- the error report -----------------------------------------------------------------------

ROW_HEADER = "Row"
REASON_HEADER = "Reason"


class ErrorReport:
    """A :class:`RefusalSink` keeping the rows not accepted (spooled to a temporary file, so
    100,000 of them cost no memory) for :meth:`table`: the rows as the file had them (typed
    cells), then ``Row`` and ``Reason`` (in words), for ``services/sheets.py`` to write."""

    def __init__(self) -> None:
        self._spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by table()'s reader
        self._headers: list[str] = []

    def start(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)

    def add(self, refusal: Refusal) -> None:
        words = reason_words(refusal.reason)
        if refusal.message and refusal.message != words:
            words = f"{words}: {refusal.message}"
        pickle.dump((*refusal.cells, refusal.row, words), self._spool)

    def table(self) -> sheets.Table:
        columns = [sheets.Column(h, sheets.Kind.ANY) for h in self._headers]
        columns += [sheets.Column(ROW_HEADER, sheets.Kind.INT), sheets.Column(REASON_HEADER)]
        return sheets.Table("Refused rows", columns, self._rows())

    def close(self) -> None:
        """Drop what was kept (when :meth:`table` will not be read)."""
        self._spool.close()

    def _rows(self) -> Iterator[tuple[Any, ...]]:
        spool = self._spool
        with spool:
            spool.seek(0)
            while True:
                try:
                    yield pickle.load(spool)  # noqa: S301 - our own spool of our own cells
                except EOFError:
                    return
