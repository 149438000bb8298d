"""Exports (issue 21) over the real app and PostgreSQL, read back with openpyxl and csv.

Each export in both formats: its header, typed cells (an int is an int, a time a datetime in
the site's zone), the frozen bold header, hostile text neutralised, ranges in the zone, an
empty export, who may read; the rows are read a page at a time as the body is sent; the XLSX
writer keeps its memory whatever the number of rows.
"""

from __future__ import annotations

import csv
import io
import tracemalloc
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import delete, select, text, update

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Bag, Bill, Event
from sync_server.services import exports, sheets
from tests.server.factories import event
from tests.server.test_ingest import ctx, post, station
from tests.server.test_reports import fill_parent, read_headers

SITE = "Asia/Kolkata"
IST = ZoneInfo(SITE)
HOSTILE = ('=HYPERLINK("http://x","y")', "+1+2", "@SUM(A1)", "\uff1d1+1")
"""Text a spreadsheet would run: a station's name and area, a bill's destination and vehicle
(bill ids and codes follow the site's code rules, so none of these can be one)."""

BAG_HEADERS = [
    "Code",
    "Kind",
    "Parent",
    "Children",
    "Status",
    "Bill",
    "Area",
    f"First seen ({SITE})",
    f"Last change ({SITE})",
]
BILL_HEADERS = [
    "Bill",
    "Status",
    "Capacity",
    "Parents",
    "Expected kg",
    "Actual kg",
    "Destination",
    "Vehicle",
    f"Created ({SITE})",
    f"Completed ({SITE})",
]
CONFLICT_HEADERS = [
    f"When ({SITE})",
    "Station",
    "Operator",
    "Type",
    "Code",
    "Parent",
    "Bill",
    "Reason",
    "Detail",
    "Outcome",
    f"Received ({SITE})",
]


@pytest.fixture
def settings(pg_db: str) -> Settings:
    """The site works in India time: exports use it when a request names no zone."""
    return replace(Settings(database_url=pg_db), site_tz=SITE)


LINE_A = "'" + HOSTILE[0]
"""The station's name as every export shows it."""


# --- reading an export back ------------------------------------------------------------------


def xlsx(client: Any, app: Any, path: str) -> Any:
    response = client.get(f"/api/v1/exports/{path}", headers=read_headers(app))
    assert response.status_code == 200, response.data[:500]
    assert response.mimetype == sheets.XLSX_MIMETYPE
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    return book.worksheets[0]


def csv_rows(client: Any, app: Any, path: str) -> list[list[str]]:
    joiner = "&" if "?" in path else "?"
    response = client.get(f"/api/v1/exports/{path}{joiner}format=csv", headers=read_headers(app))
    assert response.status_code == 200, response.data[:500]
    assert response.mimetype == "text/csv"
    body = response.data.decode("utf-8")
    assert body.startswith("\ufeff")  # Excel reads UTF-8 only after a byte order mark
    return list(csv.reader(io.StringIO(body[1:])))


def sheet_rows(ws: Any) -> list[list[Any]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def wall(moment: datetime) -> datetime:
    return moment.astimezone(IST).replace(tzinfo=None)


def same_time(cell: Any, moment: datetime) -> bool:
    """An Excel time (a day fraction: sub-millisecond rounding) is the moment's IST wall time."""
    return isinstance(cell, datetime) and abs(cell - wall(moment)) < timedelta(milliseconds=1)


def assert_sheet_shape(ws: Any, header: list[str]) -> None:
    assert [c.value for c in ws[1]] == header
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1])
    assert ws.auto_filter.ref is not None
    assert ws.auto_filter.ref.startswith("A1:")
    assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1])


# --- the site's data -------------------------------------------------------------------------


def pack_and_bill(app: Any, client: Any) -> dict[str, Any]:
    """A parent of 30 on a completed bill, a voided child in another parent, a refused and
    a conflicting scan, at a station with a hostile name and area; all in the past."""
    a, ha = station(app, HOSTILE[0], area=HOSTILE[2])
    at = datetime.now(UTC) - timedelta(hours=30)
    kids = fill_parent(client, a, ha, "SB00001", 30, at)
    other = fill_parent(client, a, ha, "SB00002", 2, at, operator="meena")
    answers = post(
        client,
        a,
        ha,
        [
            event("bill_create", bill="BILL-1", data={"capacity": 1, "destination": "+1"}, at=at),
            event("bill_add_parent", "SB00001", bill="BILL-1", at=at),
            event("bill_complete", bill="BILL-1", at=at),
            event(
                "bill_create",
                bill="BILL-2",
                data={"capacity": 5, "destination": HOSTILE[1], "vehicle": HOSTILE[3]},
                at=at,
            ),
            event("bag_void", other[0], data={"reason": "damaged"}, operator="bina", at=at),
            event("child_link", kids[0], parent="SB00002", at=at),  # in SB00001: conflict
            event("teleport", "X", at=at),  # rejected
        ],
    )
    assert [r["status"] for r in answers] == [
        "accepted",
        "accepted",
        "accepted",
        "accepted",
        "accepted",
        "conflict",
        "rejected",
    ], answers
    return {"at": at, "kids": kids, "other": other, "station": a}


# --- bags ------------------------------------------------------------------------------------


def test_bags_export_one_typed_row_per_bag_in_both_formats(app, client) -> None:
    site = pack_and_bill(app, client)
    with ctx(app).sessions() as session:
        stored = {b.code: b for b in session.scalars(select(Bag))}
    ws = xlsx(client, app, "bags")
    assert_sheet_shape(ws, BAG_HEADERS)
    rows = {r[0]: r for r in sheet_rows(ws)[1:]}
    assert set(rows) == set(stored)  # one row per bag, the voided child too
    parent = rows["SB00001"]
    assert parent[1:7] == ["parent", None, 30, "completed", "BILL-1", "'" + HOSTILE[2]]
    assert type(parent[3]) is int
    assert same_time(parent[7], stored["SB00001"].created_at)
    assert same_time(parent[8], stored["SB00001"].updated_at)
    child = rows[site["kids"][1]]
    # a child: its parent, no child count, the bill it is on through its parent
    assert child[1:6] == ["child", "SB00001", None, "open", "BILL-1"]
    voided = rows[site["other"][0]]
    assert (voided[2], voided[4]) == (None, "voided")

    table = csv_rows(client, app, "bags")
    assert table[0] == BAG_HEADERS
    by_code = {r[0]: r for r in table[1:]}
    assert set(by_code) == set(stored)
    assert by_code["SB00001"][1:7] == [
        "parent",
        "",
        "30",
        "completed",
        "BILL-1",
        "'" + HOSTILE[2],
    ]
    first_seen = datetime.fromisoformat(by_code["SB00001"][7])
    assert abs(first_seen - wall(stored["SB00001"].created_at)) < timedelta(seconds=1)
    assert by_code[site["other"][0]][4] == "voided"


def test_bags_filters_and_ranges_in_the_sites_zone(app, client) -> None:
    pack_and_bill(app, client)
    # 20:00 UTC on 1 November is 01:30 on 2 November in India
    late = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
    early = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
    with ctx(app).sessions() as session, session.begin():
        session.execute(update(Bag).where(Bag.code == "SB00001").values(updated_at=late))
        session.execute(update(Bag).where(Bag.code == "SB00002").values(updated_at=early))
    day = "from=2026-11-01&to=2026-11-01"
    assert [r[0] for r in csv_rows(client, app, f"bags?{day}")[1:]] == ["SB00002"]
    assert [r[0] for r in csv_rows(client, app, f"bags?{day}&tz=UTC")[1:]] == [
        "SB00001",
        "SB00002",
    ]
    both = csv_rows(client, app, "bags?from=2026-11-01&to=2026-11-02")
    assert [r[0] for r in both[1:]] == ["SB00001", "SB00002"]
    # a time is shown in the zone asked for, and the header says which
    utc = sheet_rows(xlsx(client, app, f"bags?{day}&tz=UTC&kind=parent"))
    assert utc[0][8] == "Last change (UTC)"
    assert utc[1][8] == datetime(2026, 11, 1, 20, 0)
    ist = sheet_rows(xlsx(client, app, "bags?from=2026-11-02&to=2026-11-02"))
    assert ist[1][8] == datetime(2026, 11, 2, 1, 30)
    # the calendar's edges are no bounds (India's 0001-01-01 began in the year 0 in UTC)
    for what in exports.EXPORTS:
        edges = csv_rows(client, app, f"{what}?from=0001-01-01&to=9999-12-31")
        assert edges == csv_rows(client, app, what), what
    parents = csv_rows(client, app, "bags?kind=parent")
    assert [r[0] for r in parents[1:]] == ["SB00001", "SB00002"]
    assert {r[1] for r in csv_rows(client, app, "bags?kind=child&status=voided")[1:]} == {"child"}
    assert len(csv_rows(client, app, "bags?kind=child&status=voided")) == 2


def test_the_file_is_named_for_what_and_when(app, client) -> None:
    response = client.get(
        "/api/v1/exports/bills?from=2026-11-01&to=2026-11-07&format=csv",
        headers=read_headers(app),
    )
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="tracetrack-bills-2026-11-01-2026-11-07.csv"'
    )


# --- bills, activity, conflicts ----------------------------------------------------------------


def test_bills_export_totals_weights_and_completion(app, client) -> None:
    site = pack_and_bill(app, client)
    with ctx(app).sessions() as session:
        bill = session.scalars(select(Bill).where(Bill.status == "completed")).one()
    ws = xlsx(client, app, "bills")
    assert_sheet_shape(ws, BILL_HEADERS)
    rows = sheet_rows(ws)[1:]
    assert [r[0] for r in rows] == ["BILL-1", "BILL-2"]  # by id
    done, new = rows
    assert done[1:8] == [
        "completed",
        1,
        1,
        bill.expected_kg,
        bill.actual_kg,
        "+1",  # a plain number is no formula: it stays (a text cell in the workbook)
        None,
    ]
    assert all(type(n) is int for n in done[2:6])
    assert same_time(done[8], bill.created_at)
    assert same_time(done[9], site["at"])  # when the bill_complete was recorded
    assert new[6:8] == ["'" + HOSTILE[1], "'" + HOSTILE[3]]
    assert new[9] is None
    table = csv_rows(client, app, "bills")
    assert table[0] == BILL_HEADERS
    assert table[1][:8] == ["BILL-1", "completed", "1", "1", *table[1][4:6], "+1", ""]
    assert table[2][6:8] == ["'" + HOSTILE[1], "'" + HOSTILE[3]]


def test_activity_export_counts_per_local_day_station_and_operator(app, client) -> None:
    site = pack_and_bill(app, client)
    day = site["at"].astimezone(IST).date()
    ws = xlsx(client, app, "activity")
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Day", "Station", "Operator"]
    assert "Children linked" in header
    assert "Corrections" in header
    rows = {(r[1], r[2]): dict(zip(header, r, strict=True)) for r in sheet_rows(ws)[1:]}
    assert set(rows) == {(LINE_A, "ravi"), (LINE_A, "meena"), (LINE_A, "bina")}
    ravi = rows[(LINE_A, "ravi")]
    assert ravi["Day"] == datetime.combine(day, datetime.min.time())
    assert (ravi["Children linked"], ravi["Parents completed"]) == (30, 1)
    assert type(ravi["Children linked"]) is int
    assert (ravi["Conflicts"], ravi["Rejected"], ravi["Bills completed"]) == (1, 1, 1)
    assert rows[(LINE_A, "bina")]["Corrections"] == 1
    assert ws.freeze_panes == "A2"
    table = csv_rows(client, app, "activity")
    assert table[0] == header
    ravi_csv = next(r for r in table[1:] if r[2] == "ravi")
    assert ravi_csv[0] == day.isoformat()
    assert ravi_csv[header.index("Children linked")] == "30"
    # a range of days with nothing counted in them: the header alone
    assert csv_rows(client, app, "activity?from=2020-01-01&to=2020-01-31") == [header]


def test_conflicts_export_what_lost_and_why(app, client) -> None:
    site = pack_and_bill(app, client)
    with ctx(app).sessions() as session:
        lost = {
            e.status: e
            for e in session.scalars(select(Event).where(Event.status != "accepted"))
            if e.status in ("conflict", "rejected")
        }
    ws = xlsx(client, app, "conflicts")
    assert_sheet_shape(ws, CONFLICT_HEADERS)
    rows = sheet_rows(ws)[1:]
    assert len(rows) == 2
    conflict = next(r for r in rows if r[9] == "conflict")
    assert conflict[1:8] == [
        LINE_A,
        "ravi",
        "child_link",
        site["kids"][0],
        "SB00002",
        None,
        "child_in_other_parent",
    ]
    assert "SB00001" in conflict[8]  # the detail names the parent that holds it
    assert same_time(conflict[0], lost["conflict"].occurred_at)
    assert same_time(conflict[10], lost["conflict"].received_at)
    rejected = next(r for r in rows if r[9] == "rejected")
    assert (rejected[3], rejected[7]) == ("teleport", "unknown_type")
    table = csv_rows(client, app, "conflicts")
    assert table[0] == CONFLICT_HEADERS
    assert sorted(r[9] for r in table[1:]) == ["conflict", "rejected"]


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_pages_neither_lose_nor_repeat_rows(request, monkeypatch, backend: str) -> None:
    """Every export read a row a page is the export read in one page, on both databases."""
    if backend == "sqlite":
        app = create_app(replace(request.getfixturevalue("sqlite_settings"), site_tz=SITE))
    else:
        app = request.getfixturevalue("app")
    client = app.test_client()
    pack_and_bill(app, client)
    whole = {what: csv_rows(client, app, what) for what in exports.EXPORTS}
    assert [len(whole[what]) for what in exports.EXPORTS] == [35, 3, 4, 3]
    monkeypatch.setattr(exports, "PAGE_ROWS", 1)
    for what in exports.EXPORTS:
        assert csv_rows(client, app, what) == whole[what], what
    if backend == "sqlite":
        dispose_app(app)


# --- every export --------------------------------------------------------------------------


@pytest.mark.parametrize("what", exports.EXPORTS)
def test_an_empty_export_is_its_header(app, client, what: str) -> None:
    ws = xlsx(client, app, what)
    assert ws.max_row == 1
    assert ws.freeze_panes == "A2"
    table = csv_rows(client, app, what)
    assert len(table) == 1
    assert table[0] == [c.value for c in ws[1]]


@pytest.mark.parametrize("what", exports.EXPORTS)
def test_any_token_may_export_and_none_may_not(app, client, what: str) -> None:
    _, station_headers = station(app, "Line Z")
    assert client.get(f"/api/v1/exports/{what}", headers=read_headers(app)).status_code == 200
    assert client.get(f"/api/v1/exports/{what}", headers=station_headers).status_code == 200
    refused = client.get(f"/api/v1/exports/{what}")
    assert refused.status_code == 401
    assert refused.get_json()["error"]["code"] == "missing_token"


def test_bad_queries_are_refused_before_anything_is_sent(app, client) -> None:
    headers = read_headers(app)
    for query, field in (
        ("tz=Mars/Olympus", "tz"),
        ("from=2026-11-07&to=2026-11-01", "to"),
    ):
        response = client.get(f"/api/v1/exports/bags?{query}", headers=headers)
        assert response.status_code == 400, query
        assert response.get_json()["error"]["field"] == field
    for query in ("from=yesterday", "format=pdf", "kind=box"):
        assert client.get(f"/api/v1/exports/bags?{query}", headers=headers).status_code == 400


def test_the_exports_are_in_the_openapi_document(client) -> None:
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for what in exports.EXPORTS:
        operation = paths[f"/api/v1/exports/{what}"]["get"]
        assert operation["security"] == [{"bearer": []}]
        names = {p["name"] for p in operation["parameters"]}
        assert {"format", "from", "to", "tz"} <= names
    bag_params = {p["name"] for p in paths["/api/v1/exports/bags"]["get"]["parameters"]}
    assert {"kind", "status"} <= bag_params


def test_an_unknown_site_zone_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="TRACETRACK_SITE_TZ"):
        Settings.from_env({"TRACETRACK_SITE_TZ": "Mars/Olympus"})
    assert Settings.from_env({"TRACETRACK_SITE_TZ": SITE}).site_tz == SITE


# --- bounded memory ------------------------------------------------------------------------


def test_rows_are_read_a_page_at_a_time_as_the_body_is_sent(app, client) -> None:
    """The first chunk arrives while most rows are still in the table: taken away then,
    they are never sent (nothing was read ahead of the page being written)."""
    total = exports.PAGE_ROWS * 3
    with ctx(app).sessions() as session, session.begin():
        session.execute(
            text(
                "INSERT INTO bags (code, kind, child_count, status, created_at, updated_at, "
                "version, area) SELECT 'C' || lpad(g::text, 9, '0'), 'child', 0, 'open', "
                "now(), now(), 1, '' FROM generate_series(1, :n) g"
            ),
            {"n": total},
        )
    response = client.get("/api/v1/exports/bags?format=csv", headers=read_headers(app))
    body = iter(response.response)
    first = next(body)
    assert 1 < first.count(b"\r\n") < total
    with ctx(app).sessions() as session, session.begin():
        session.execute(delete(Bag))
    rest = b"".join(body)
    response.close()
    sent = (first + rest).count(b"\r\n") - 1
    assert first.count(b"\r\n") - 1 <= sent < total


def test_the_xlsx_writer_keeps_its_memory_whatever_the_rows(tmp_path) -> None:
    """XlsxWriter in constant memory: rows go to disk as they are written (in its default
    mode it keeps every cell until the end, some 200 bytes each)."""
    moment = datetime(2026, 12, 1, 4, 30, tzinfo=UTC)

    def rows(n: int) -> Any:
        for i in range(n):
            yield (
                f"SB{i:08d}",
                "parent",
                None,
                i,
                "open",
                "BILL-1",
                "Hall A",
                moment,
                moment,
            )

    def peak(n: int) -> int:
        tracemalloc.start()
        try:
            table = sheets.Table("Bags", exports.BAG_COLUMNS, rows(n))
            sheets.write_xlsx(tmp_path / f"{n}.xlsx", [table], IST)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(100), peak(3000)  # 27,000 cells: ~5 MB if they were kept
    assert large < small + 1_000_000, (small, large)
    book = openpyxl.load_workbook(tmp_path / "3000.xlsx", read_only=True)
    try:
        ws = book.worksheets[0]
        assert ws.max_row == 3001
        last = next(ws.iter_rows(min_row=3001, values_only=True))
    finally:
        book.close()
    assert last[0] == "SB00002999"
    assert last[7] == datetime(2026, 12, 1, 10, 0)


def test_a_table_past_excels_row_limit_goes_on_in_another_sheet(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sheets, "EXCEL_MAX_ROWS", 4)  # 3 rows under the header a sheet
    columns = [sheets.Column("N", sheets.Kind.INT), sheets.Column("Day", sheets.Kind.DATE)]
    table = sheets.Table("Numbers", columns, ((n, date(2026, 12, n)) for n in range(1, 8)))
    sheets.write_xlsx(tmp_path / "n.xlsx", [table], IST)
    book = openpyxl.load_workbook(tmp_path / "n.xlsx")
    assert book.sheetnames == ["Numbers", "Numbers (2)", "Numbers (3)"]
    assert [sheet_rows(ws) for ws in book.worksheets] == [
        [["N", "Day"], *([n, datetime(2026, 12, n)] for n in part)]
        for part in ((1, 2, 3), (4, 5, 6), (7,))
    ]
    assert all(ws.freeze_panes == "A2" for ws in book.worksheets)
