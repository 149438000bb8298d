"""Spreadsheet imports (docs/api.md#imports): real files made here with XlsxWriter and csv, read
back by the server, applied through the real rules and ingest on PostgreSQL (and the embedded
SQLite); the ``tracetrack-server import`` command."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import requests
import xlsxwriter
from sqlalchemy import select

from sync_server.api.extension import ServerContext
from sync_server.app import create_app, dispose_app
from sync_server.cli import main
from sync_server.config import Settings
from sync_server.db.models import AuditLog, Bag, Bill
from sync_server.gunicorn_conf import IncomingRequest, ReadLimits, Verdict
from sync_server.services import users
from tests.procs import ServerProcess, server_admin
from tests.server.factories import event
from tests.server.test_ingest import post, station

PASSWORD = "correct horse"
Headers = dict[str, str]
LINKS = "/api/v1/imports/links"
BILLS = "/api/v1/imports/bills"


# --- files ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Formula:
    formula: str
    cached: str


@dataclass(frozen=True)
class Merged:
    """A value merged down over ``rows`` rows of its column."""

    value: str
    rows: int


Cell = str | int | float | Formula | Merged | None


def xlsx(sheets: dict[str, Sequence[Sequence[Cell]]], *, first_row: int = 0) -> bytes:
    """A workbook of ``sheets`` (rows from ``first_row``, 0-based; None is an empty cell)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows, start=first_row):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, Formula):
                    sheet.write_formula(r, c, value.formula, None, value.cached)
                elif isinstance(value, Merged):
                    sheet.merge_range(r, c, r + value.rows - 1, c, value.value)
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)  # a date typed as text stays text
                else:
                    sheet.write_number(r, c, value)
    book.close()
    return buffer.getvalue()


def read_back(path: Path) -> list[tuple[Any, ...]]:
    """The first sheet's rows of the workbook at ``path``, as openpyxl reads them."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.worksheets[0].values)
    finally:
        book.close()


def csv_bytes(
    rows: Sequence[Sequence[str]], delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    return "\r\n".join(delimiter.join(row) for row in rows).encode(encoding)


# --- the server -----------------------------------------------------------------------------


@pytest.fixture
def ctx(app: Any) -> ServerContext:
    context: ServerContext = app.extensions["tracetrack"]
    return context


def _user(ctx: ServerContext, username: str, role: str) -> None:
    with ctx.sessions() as session:
        users.add_user(session, username=username, password=PASSWORD, role=role, actor="test")


def _login(client: Any, username: str) -> Headers:
    response = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['session_token']}"}


@pytest.fixture
def anita(ctx: ServerContext, client: Any) -> Headers:
    """An admin's session."""
    _user(ctx, "anita", "admin")
    return _login(client, "anita")


def send(
    client: Any,
    headers: Headers,
    data: bytes,
    *,
    path: str = LINKS,
    filename: str = "sheet.xlsx",
    query: str = "",
    accept: str = "application/json",
    **form: Any,
) -> Any:
    fields: dict[str, Any] = {"file": (io.BytesIO(data), filename)}
    for key, value in form.items():
        if isinstance(value, dict):
            fields[key] = json.dumps(value)
        else:
            fields[key] = str(value).lower() if isinstance(value, bool) else value
    return client.post(
        path + query,
        data=fields,
        headers={**headers, "Accept": accept},
        content_type="multipart/form-data",
    )


def answer(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    body: dict[str, Any] = response.get_json()
    return body


def _bags(ctx: ServerContext) -> dict[str, tuple[str | None, int, str, str | None]]:
    with ctx.sessions() as session:
        return {
            b.code: (b.parent, b.child_count, b.status, b.bill)
            for b in session.scalars(select(Bag))
        }


def _packed(app: Any) -> None:
    """The stored state the bad rows meet: CA0001 in SB00001, CB0001 in SB00002, SB00009 full
    (30 children), bill B-1 for 5 parents."""
    station_id, headers = station(app)
    client = app.test_client()
    events = [event("parent_scan", "SB00001"), event("child_link", "CA0001", parent="SB00001")]
    events += [event("parent_scan", "SB00002"), event("child_link", "CB0001", parent="SB00002")]
    events += [event("parent_scan", "SB00009")]
    events += [event("child_link", f"CZ{i:04d}", parent="SB00009") for i in range(30)]
    events += [event("bill_create", bill="B-1", data={"capacity": 5})]
    results = post(client, station_id, headers, events)
    assert {r["status"] for r in results} == {"accepted"}


EVERY_BAD_ROW: list[list[Cell]] = [
    ["Child Bag No.", "Parent"],  # row 2 (row 1 is empty)
    ["CN0001", "SB00010"],  # 3 accepted (a parent never seen)
    ["CN0002", "SB00010"],  # 4 accepted
    ["CN0001", "SB00011"],  # 5 repeated in the sheet
    ["CA0001", "SB00001"],  # 6 already linked: a duplicate
    ["CB0001", "SB00003"],  # 7 child in another parent
    ["CF0001", "SB00009"],  # 8 parent full (30 / 30)
    ["C?1", "SB00010"],  # 9 not a code
    ["CN0003", None],  # 10 a missing cell
    [Formula('="CN"&"0004"', "CN0004"), "SB00010"],  # 11 a formula: its cached value
    ["CN0005", Merged("SB00012", 2)],  # 12 the merged range's top-left: accepted
    ["CN0006", None],  # 13 under the merge: empty
    ["07/12/2026", "SB00010"],  # 14 a date typed as text: text, not a code
    [123, "SB00010"],  # 15 a code typed as a number (0000123 lost its zeros)
    [16586, "SB00010"],  # 16 a number that is a code: "16586", never "16586.0"
    [None, None],  # 17 empty: skipped
    ["CN0007", "SB00010"],  # 18 accepted
]
EXPECTED_REASONS = {
    5: "repeated_in_sheet",
    6: "already_linked",
    7: "child_in_other_parent",
    8: "parent_completed",
    9: "invalid_code",
    10: "bad_row",
    13: "bad_row",
    14: "invalid_code",
    15: "invalid_code",
}


def _check_counts(body: dict[str, Any]) -> None:
    assert body["rows"] == 15
    assert (body["accepted"], body["duplicates"], body["refused"]) == (6, 1, 8)
    assert {r["row"]: r["reason"] for r in body["refusals"]} == EXPECTED_REASONS
    assert body["by_reason"] == {
        "already_linked": 1,
        "bad_row": 2,
        "child_in_other_parent": 1,
        "invalid_code": 3,
        "parent_completed": 1,
        "repeated_in_sheet": 1,
    }


def test_every_kind_of_bad_row_dry_run_then_import_then_again(
    app: Any, ctx: ServerContext, client: Any, anita: Headers
) -> None:
    _packed(app)
    data = xlsx({"Links": EVERY_BAD_ROW}, first_row=1)
    before = _bags(ctx)

    dry = answer(send(client, anita, data))
    assert dry["dry_run"] is True
    assert dry["columns"] == {"child": "Child Bag No.", "parent": "Parent"}
    _check_counts(dry)
    by_row = {r["row"]: r for r in dry["refusals"]}
    assert by_row[14]["values"] == {"Child Bag No.": "07/12/2026", "Parent": "SB00010"}
    assert "leading zeros" in by_row[15]["message"]
    assert by_row[15]["values"]["Child Bag No."] == "123"
    assert "merged" in by_row[13]["message"]
    assert "events" not in dry
    assert _bags(ctx) == before  # a dry run writes nothing

    done = answer(send(client, anita, data, dry_run=False))
    _check_counts(done)  # exactly what the dry run promised
    # 6 rows and 3 parent scans (SB00010, SB00003, SB00012: never seen) accepted; what the
    # rules refuse is stored as a station's scan would be (2 conflicts, 3 codes rejected);
    # the sheet's own refusals (repeated, missing cells) make no event
    assert done["events"] == {"accepted": 9, "duplicate": 1, "conflict": 2, "rejected": 3}
    bags = _bags(ctx)
    for child in ("CN0001", "CN0002", "CN0004", "CN0007", "16586"):
        assert bags[child][0] == "SB00010", child
    assert bags["SB00010"][1] == 5
    assert bags["CN0005"][0] == "SB00012"
    assert "16586.0" not in bags
    assert "CN0006" not in bags
    assert bags["CB0001"][0] == "SB00002"

    again = answer(send(client, anita, data, dry_run=False))
    assert _bags(ctx) == bags  # nothing changed
    assert again["accepted"] == 0
    assert again["by_reason"]["already_received"] == 12  # every row that made an event
    assert again["events"]["accepted"] == 0

    with ctx.sessions() as session:
        logged = session.scalars(select(AuditLog).where(AuditLog.action == "import_links")).all()
    assert [(row.actor, row.after["accepted"]) for row in logged] == [
        ("user:anita", 6),
        ("user:anita", 0),
    ]


def test_error_report_holds_the_rows_as_in_the_file(
    app: Any, client: Any, anita: Headers, tmp_path: Path
) -> None:
    _packed(app)
    response = send(
        client, anita, xlsx({"Links": EVERY_BAD_ROW}, first_row=1), query="?format=xlsx"
    )
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    path = tmp_path / "report.xlsx"
    path.write_bytes(response.get_data())
    rows = read_back(path)
    assert rows[0] == ("Child Bag No.", "Parent", "Row", "Reason")
    by_row = {row[2]: row for row in rows[1:]}
    assert sorted(by_row) == sorted(EXPECTED_REASONS)
    assert by_row[15][0] == 123  # typed as the file typed it
    assert by_row[14][0] == "07/12/2026"
    assert by_row[7][3].startswith("The child is in another parent")
    assert by_row[6][3].startswith("Duplicate")

    csv_report = send(client, anita, xlsx({"Links": EVERY_BAD_ROW}), query="?format=csv")
    assert csv_report.status_code == 200
    assert "Row,Reason" in csv_report.get_data(as_text=True).splitlines()[0]


def test_bills(app: Any, ctx: ServerContext, client: Any, anita: Headers) -> None:
    _packed(app)
    data = xlsx(
        {
            "Bills": [
                ["Parent Code", "Invoice No"],
                ["SB00001", "b-1"],  # folded as bill ids are: B-1
                ["SB00002", "NOPE"],
                ["SB00001", "B-1"],
                ["SB77777", "B-1"],
                ["CA0001", "B-1"],
            ]
        }
    )
    dry = answer(send(client, anita, data, path=BILLS))
    assert dry["columns"] == {"parent": "Parent Code", "bill": "Invoice No"}
    assert {r["row"]: r["reason"] for r in dry["refusals"]} == {
        3: "unknown_bill",
        4: "repeated_in_sheet",
        5: "unknown_bag",
        6: "wrong_bag_type",
    }
    done = answer(send(client, anita, data, path=BILLS, dry_run=False))
    assert (done["accepted"], done["refused"]) == (dry["accepted"], dry["refused"]) == (1, 4)
    assert _bags(ctx)["SB00001"][3] == "B-1"
    with ctx.sessions() as session:
        bill = session.get(Bill, "B-1")
        assert bill is not None
        assert bill.parent_count == 1


def test_columns_unknown_then_named_and_sheet_choice(client: Any, anita: Headers) -> None:
    unclear = xlsx({"Notes": [["Remarks"], ["hello"]], "Data": [["Bag", "Label", "Master"]]})
    body = answer(send(client, anita, unclear), 422)["error"]
    assert body["code"] == "columns_unknown"
    assert body["sheets"] == ["Notes", "Data"]
    assert body["sheet"] == "Notes"  # no sheet fits: the first
    assert body["needed"] == ["child", "parent"]
    assert body["guess"] == {"child": None, "parent": None}

    data = xlsx(
        {"Notes": [["Remarks"]], "Data": [["Bag", "Label", "Master"], ["CQ0001", "x", "SB00100"]]}
    )
    body = answer(send(client, anita, data, sheet="Data"), 422)["error"]
    assert body["guess"] == {"child": "Bag", "parent": "Master"}  # Bag or Label: unsure
    assert body["headers"] == ["Bag", "Label", "Master"]
    named = answer(send(client, anita, data, sheet="Data", columns={"child": "bag"}))
    assert named["columns"] == {"child": "Bag", "parent": "Master"}
    assert (named["sheet"], named["accepted"]) == ("Data", 1)

    fits = xlsx(
        {"Notes": [["Remarks"]], "Scan": [["child code", "PARENT-BAG"], ["CQ0002", "SB00100"]]}
    )
    assert answer(send(client, anita, fits))["sheet"] == "Scan"  # the first sheet that fits
    missing = answer(send(client, anita, fits, sheet="Nope"), 400)["error"]
    assert missing["code"] == "unknown_sheet"


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8"), (";", "utf-8-sig"), (";", "cp1252")]
)
def test_csv(client: Any, anita: Headers, delimiter: str, encoding: str) -> None:
    rows = [["Child", "Parent", "Note"], ["CS0001", "SB00200", "café"], ["CS0002", "SB00200", ""]]
    body = answer(send(client, anita, csv_bytes(rows, delimiter, encoding), filename="links.csv"))
    assert (body["sheet"], body["accepted"], body["refused"]) == ("CSV", 2, 0)


def test_files_that_are_not_sheets(client: Any, anita: Headers) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    noise = random.Random(7).randbytes(50_000)
    for data in (png, noise):
        assert answer(send(client, anita, data, filename="x.xlsx"), 400)["error"]["code"] == (
            "not_a_spreadsheet"
        )
    for data in (xlsx({"Empty": []}), xlsx({"Header": [["Child", "Parent"]]}), b"child,parent\r\n"):
        assert answer(send(client, anita, data), 400)["error"]["code"] == "empty_sheet"
    response = client.post(LINKS, data={}, headers=anita, content_type="multipart/form-data")
    assert answer(response, 400)["error"]["code"] == "missing_file"


def test_100000_garbage_rows_answered_in_a_summary(live_server: str, anita: Headers) -> None:
    pick = random.Random(3)
    junk = "!#$%&()*+-./:<=>?@[]^_`{}~"  # (no delimiter, no quote)
    rows = [["child", "parent"]] + [
        ["".join(pick.choices(junk, k=6)) + str(i), "".join(pick.choices(junk, k=6))]
        for i in range(100_000)
    ]
    # over a real connection (the test client keeps a large body's spool file open)
    response = requests.post(
        live_server + LINKS,
        files={"file": ("junk.csv", csv_bytes(rows))},
        headers=anita,
        timeout=120,
    )
    assert response.status_code == 200, response.text[:2000]
    body = response.json()
    assert (body["rows"], body["accepted"], body["refused"]) == (100_000, 0, 100_000)
    assert body["by_reason"] == {"invalid_code": 100_000}
    assert len(body["refusals"]) == 1000
    assert body["refusals"][0]["row"] == 2


def test_progress_streams_as_ndjson(client: Any, anita: Headers) -> None:
    rows = [["Child", "Parent"]] + [[f"CP{i:05d}", f"SB{30 + i // 30:05d}"] for i in range(4500)]
    response = send(client, anita, xlsx({"S": rows}), accept="application/x-ndjson", dry_run=False)
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [line["progress"] for line in lines[:-1]] == [2000, 4000, 4500]
    assert lines[0]["total"] == 4500
    assert lines[-1]["result"]["accepted"] == 4500
    assert lines[-1]["result"]["events"]["accepted"] == 4500 + 150  # and a scan per parent


def test_who_may_import(app: Any, ctx: ServerContext, client: Any) -> None:
    data = xlsx({"S": [["Child", "Parent"], ["CW0001", "SB00300"]]})
    station_id, station_token = station(app)
    refused = answer(send(client, station_token, data), 401)["error"]
    assert refused["code"] == "invalid_session"
    _user(ctx, "dev", "dispatcher")
    dispatcher = answer(send(client, _login(client, "dev"), data), 403)["error"]
    assert dispatcher["message"] == (
        "Only an admin or a biller may do this; log in as an admin or a biller."
    )
    _user(ctx, "binu", "biller")
    biller = _login(client, "binu")
    # a biller's scan of a child is refused (packing is a dispatcher's) ...
    [scanned] = post(
        client,
        station_id,
        station_token,
        [event("child_link", "CW0002", parent="SB00300", operator="binu")],
    )
    assert scanned["reason"] == "role_not_allowed"
    # ... while the biller's import of the same kind of row is recorded in their name
    done = answer(send(client, biller, data, dry_run=False))
    assert done["accepted"] == 1
    assert _bags(ctx)["CW0001"][0] == "SB00300"


def test_embedded_sqlite(sqlite_settings: Settings) -> None:
    app = create_app(sqlite_settings)
    try:
        context: ServerContext = app.extensions["tracetrack"]
        _user(context, "anita", "admin")
        client = app.test_client()
        headers = _login(client, "anita")
        data = xlsx({"S": [["Child", "Parent"], ["CL0001", "SB00400"], ["CL0002", "SB00400"]]})
        assert answer(send(client, headers, data, dry_run=False))["accepted"] == 2
        again = answer(send(client, headers, data, dry_run=False))
        assert (again["accepted"], again["duplicates"]) == (0, 2)
        assert _bags(context)["SB00400"][1] == 2
    finally:
        dispose_app(app)


# --- the command line -----------------------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_import(
    pg_db: str, ctx: ServerContext, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _user(ctx, "anita", "admin")
    sheet = tmp_path / "links.xlsx"
    rows: list[list[Cell]] = [["Bag No", "Outer"]]
    rows += [[f"CK{i:05d}", f"SB{500 + i // 30:05d}"] for i in range(4200)]
    rows += [[None, None], ["C?", "SB00500"]]  # (an empty row: the sheet's bound is one high)
    sheet.write_bytes(xlsx({"S": rows}))
    db = ("--database-url", pg_db)

    code, out, err = _cli(capsys, *db, "import", "links", str(sheet), "--dry-run", "--json")
    assert code == 0, err
    assert json.loads(out)["accepted"] == 4200
    progress = [line for line in err.splitlines() if line.startswith("Importing:")]
    assert progress[-1] == "Importing: 4,201 / 4,201 rows (100 %)"

    code, out, err = _cli(capsys, *db, "import", "links", str(sheet))
    assert code == 1
    assert "--as" in err

    report = tmp_path / "refused.xlsx"
    code, out, err = _cli(
        capsys, *db, "import", "links", str(sheet), "--as", "anita", "--error-report", str(report)
    )
    assert code == 0, err
    assert "4,200 were accepted" in out
    assert "Not a bag code (invalid_code)" in out
    rows_back = read_back(report)
    assert [row[:3] for row in rows_back] == [("Bag No", "Outer", "Row"), ("C?", "SB00500", 4203)]
    assert _bags(ctx)["CK04199"][0] == "SB00639"

    code, out, err = _cli(
        capsys, *db, "import", "links", str(sheet), "--column", "child=Outer", "--dry-run"
    )
    assert code == 1
    assert "Bag No, Outer" in err
    assert "--column ROLE=HEADER" in err


def test_cli_progress_is_a_line_per_tenth(
    pg_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "links.csv"
    rows = [["child", "parent"]] + [[f"CT{i:05d}", f"SB{700 + i // 30:05d}"] for i in range(30_000)]
    sheet.write_bytes(csv_bytes(rows))
    code, _out, err = _cli(
        capsys, "--database-url", pg_db, "import", "links", str(sheet), "--dry-run"
    )
    assert code == 0, err
    progress = [line for line in err.splitlines() if line.startswith("Importing:")]
    assert len(progress) == 10  # not one per chunk of 2,000 (15 of them)


def test_a_sheet_over_the_batch_limit_reaches_the_served_app(server: ServerProcess) -> None:
    """``tracetrack-server serve``: the slow-client guard lets an import's body past the
    1 MB batch limit (tests/faults/test_slow_clients.py holds every other route to it)."""
    server_admin(server.database_url, "user", "add", "anita", "--role", "admin",
                 "--password-stdin", stdin=PASSWORD)  # fmt: skip
    login = requests.post(
        server.url + "/api/v1/auth/login",
        json={"username": "anita", "password": PASSWORD},
        timeout=30,
    )
    headers = {"Authorization": f"Bearer {login.json()['session_token']}"}
    rows = [["child", "parent", "note"]]
    rows += [[f"CG{i:06d}", f"SB{800 + i // 30:05d}", "x" * 40] for i in range(30_000)]
    data = csv_bytes(rows)
    assert len(data) > Settings().max_batch_bytes
    response = requests.post(
        server.url + LINKS, files={"file": ("big.csv", data)}, headers=headers, timeout=120
    )
    assert response.status_code == 200, response.text[:500]
    assert response.json()["accepted"] == 30_000


def test_the_slow_client_guard_reads_an_import_up_to_its_own_limit() -> None:
    limits = ReadLimits(header_timeout=10, body_min_rate=1000, max_body_bytes=100, upload_bytes=500)

    def verdict(target: bytes, length: int) -> Verdict:
        incoming = IncomingRequest(limits)
        incoming.add(b"POST " + target + b" HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % length, 0.0)
        return incoming.examine(0.0)

    assert verdict(b"/api/v1/imports/links", 400) is Verdict.WAIT  # its body is awaited
    assert verdict(b"/api/v1/imports/bills?format=xlsx", 501) is Verdict.READY_UNREAD_BODY
    assert verdict(b"/api/v1/sync/events", 101) is Verdict.READY_UNREAD_BODY
