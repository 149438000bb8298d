"""The end-of-day report on real PostgreSQL: a day in Asia/Kolkata with two stations, two
operators, a completed bill, a conflict and a correction, the zone's midnight on both sides;
its PDF read back with poppler (text and a rendered page) and its workbook with openpyxl."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PIL import Image, ImageStat

from sync_server.app import create_app, dispose_app
from sync_server.cli import main
from sync_server.db.models import User
from sync_server.services import eod, eod_pdf, sheets
from tests.server.factories import children, event
from tests.server.test_ingest import ctx, post, station
from tests.server.test_reports import read_headers
from tracetrack_core.events import Counter

IST = ZoneInfo("Asia/Kolkata")
SHEETS = ["Totals", "Hourly", "Stations", "Operators", "Bills", "Conflicts", "Corrections"]

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed; .ci/run installs it",
)


def _day() -> date:
    # a recent day: the server refuses event times far from its own clock
    return datetime.now(IST).date() - timedelta(days=3)


def at(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=IST)


def _parent(sid: str, code: str, n: int, when: datetime, operator: str) -> list[dict[str, Any]]:
    return [event("parent_scan", code, at=when, operator=operator)] + [
        event("child_link", kid, parent=code, at=when, operator=operator) for kid in children(n)
    ]


def fill_day(app: Any, client: Any) -> dict[str, Any]:
    """The test day's work (see the module docstring); what it sent, by name."""
    day = _day()
    a, ha = station(app, "Line A", area="Lucknow")
    b, hb = station(app, "Line B", area="Lucknow")
    with ctx(app).sessions() as session, session.begin():
        ravi = session.get(User, "ravi")
        assert ravi is not None
        ravi.display_name = "Ravi Kumar"
    eve, morrow = day - timedelta(days=1), day + timedelta(days=1)
    post(client, a, ha, _parent(a, "SB00009", 1, at(eve, 23, 50), "ravi"))  # the day before
    post(client, a, ha, _parent(a, "SB00003", 2, at(day, 0, 10), "ravi"))
    full = _parent(a, "SB00001", 30, at(day, 10, 5), "ravi")
    post(client, a, ha, full)
    post(client, b, hb, _parent(b, "SB00002", 5, at(day, 11, 20), "meena"))
    noon = at(day, 12, 0)
    billing = [
        event(
            "bill_create",
            bill="eod-1",
            data={"capacity": 1, "destination": "C&F Jaipur", "vehicle": "RJ14 GA 1234"},
            at=noon,
        ),
        event("bill_add_parent", "SB00001", bill="EOD-1", at=noon),
        event("bill_complete", bill=" eod-1", at=noon),  # stored as sent: found all the same
    ]
    assert [r["status"] for r in post(client, a, ha, billing)] == ["accepted"] * 3
    taken = full[1]["code"]  # a child of SB00001, linked again at station B: a conflict
    [clash] = post(
        client,
        b,
        hb,
        [event("child_link", taken, parent="SB00002", at=at(day, 13, 0), operator="meena")],
    )
    assert clash["status"] == "conflict"
    torn = children(1)[0]
    post(
        client,
        b,
        hb,
        [event("child_link", torn, parent="SB00002", at=at(day, 13, 30), operator="meena")],
    )
    why = {"reason": "damaged", "note": "label torn <&> in transit"}
    [fix] = post(
        client,
        b,
        hb,
        [
            event(
                "child_remove",
                torn,
                parent="SB00002",
                data=why,
                at=at(day, 14, 0),
                operator="meena",
            )
        ],
    )
    assert fix["status"] == "accepted"
    post(client, a, ha, _parent(a, "SB00004", 3, at(day, 23, 50), "ravi"))
    post(client, a, ha, _parent(a, "SB00005", 4, at(morrow, 0, 10), "ravi"))  # the day after
    return {"day": day, "taken": taken, "torn": torn, "a": a, "b": b}


def report_of(app: Any, day: date) -> eod.EodReport:
    with ctx(app).sessions() as session:
        return eod.build(session, eod.resolve_day(day.isoformat(), "Asia/Kolkata"))


def test_the_days_figures_lists_and_midnight(app, client) -> None:
    sent = fill_day(app, client)
    day = sent["day"]
    report = report_of(app, day)
    totals = report.totals
    # 2 at 00:10, 30, 5, one more at B (later removed), 3 at 23:50; not the eve's, not the morrow's
    assert totals[Counter.CHILDREN_LINKED] == 2 + 30 + 5 + 1 + 3
    assert totals[Counter.PARENT_SCANS] == 4
    assert (totals[Counter.BILLS_COMPLETED], totals[Counter.CONFLICTS]) == (1, 1)
    assert totals[Counter.CORRECTIONS] == 1
    # every counter is the rollups' own figure for that day
    summary = client.get(
        f"/api/v1/stats/summary?from={day}&to={day}&tz=Asia/Kolkata", headers=read_headers(app)
    ).get_json()
    assert totals == {c.value: summary[c.value] for c in Counter}
    assert (report.stations_active, report.operators_active) == (2, 2)

    hours = report.hours
    assert len(hours) == 24
    assert [h.start.strftime("%H:%M") for h in hours[:2]] == ["00:00", "01:00"]
    linked = {h.start.hour: h.counts[Counter.CHILDREN_LINKED] for h in hours}
    assert (linked[0], linked[10], linked[11], linked[13], linked[23]) == (2, 30, 5, 1, 3)
    assert sum(linked.values()) == totals[Counter.CHILDREN_LINKED]

    stations = {s.name: s for s in report.stations}
    assert set(stations) == {"Line A", "Line B"}
    assert stations["Line A"].counts[Counter.CHILDREN_LINKED] == 35
    assert stations["Line B"].counts[Counter.CHILDREN_LINKED] == 6
    assert stations["Line B"].counts[Counter.CORRECTIONS] == 1
    operators = {o.username: o for o in report.operators}
    assert operators["ravi"].name == "Ravi Kumar"
    assert operators["ravi"].counts[Counter.BILLS_COMPLETED] == 1
    assert operators["meena"].counts[Counter.CONFLICTS] == 1

    [bill] = report.bills
    assert (bill.bill_id, bill.station, bill.completed_by) == ("EOD-1", "Line A", "ravi")
    assert (bill.parents, bill.capacity, bill.destination) == (1, 1, "C&F Jaipur")
    assert (bill.expected_kg, bill.actual_kg, bill.status) == (30, 30, "completed")
    assert bill.completed_at == at(day, 12, 0)

    [conflict] = report.conflicts
    assert (conflict.code, conflict.parent, conflict.operator) == (
        sent["taken"],
        "SB00002",
        "meena",
    )
    assert (conflict.station, conflict.reason) == ("Line B", "child in other parent")
    assert "SB00001" in conflict.detail  # what it lost to
    [fix] = report.corrections
    assert (fix.type, fix.code, fix.parent, fix.operator) == (
        "child_remove",
        sent["torn"],
        "SB00002",
        "meena",
    )
    assert (fix.reason, fix.note, fix.at) == (
        "damaged",
        "label torn <&> in transit",
        at(day, 14, 0),
    )

    # the zone's midnight: the morrow holds its 00:10 work and nothing of this day's 23:50
    morrow = report_of(app, day + timedelta(days=1))
    assert morrow.totals[Counter.CHILDREN_LINKED] == 4
    assert morrow.hours[0].counts[Counter.CHILDREN_LINKED] == 4
    assert (morrow.bills, morrow.conflicts, morrow.corrections) == ([], [], [])


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


@needs_poppler
def test_the_pdf_holds_its_tables_and_draws_a_page(app, client, tmp_path: Path) -> None:
    sent = fill_day(app, client)
    report = report_of(app, sent["day"])
    pdf = eod_pdf.render(report)
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf, tmp_path)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "End-of-day report" in text
    assert f"{sent['day']:%A %d %B %Y}" in text
    assert "Asia/Kolkata (UTC+05:30)" in text
    assert re.search(r"Page 1 of \d", text)
    for heading in SHEETS:
        assert heading in lines, heading
    for header in ("Children linked", "Parents completed", "Expected kg", "Why", "Note"):
        assert header.split()[0] in text, header
    # each table's rows, figures and names on one line as the table shows them
    for section in eod.sections(report):
        if section.table.name in ("Totals", "Hourly"):
            continue
        for row in section.table.rows:
            first = eod_pdf._text(row[0], section.table.columns[0].kind)
            assert any(line.startswith(first) for line in lines), (section.table.name, first)
    station_a = next(line for line in lines if line.startswith("Line A"))
    assert station_a.startswith("Line A Lucknow 3 35 0 1 1 1 0")
    assert any(line.startswith("Children linked 41") for line in lines)  # Totals
    assert any(line.startswith("ravi Ravi Kumar") for line in lines)
    assert any(line.startswith("meena") for line in lines)
    for shown in ("EOD-1", "C&F Jaipur", "RJ14 GA 1234", "child in other parent"):
        assert shown in text
    assert "label torn <&> in transit" in text  # hostile markup shown as text

    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "report.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    [png] = sorted(tmp_path.glob("page*.png"))
    image = Image.open(png).convert("L")
    assert image.width > image.height  # landscape
    stat = ImageStat.Stat(image)
    assert stat.extrema[0][0] < 80  # there is ink on the page
    assert stat.stddev[0] > 10  # and it is not one flat colour


def test_the_workbook_holds_the_same_figures(app, client) -> None:
    sent = fill_day(app, client)
    report = report_of(app, sent["day"])
    book = openpyxl.load_workbook(io.BytesIO(b"".join(eod.xlsx_chunks(report))))
    assert book.sheetnames == SHEETS
    for section in eod.sections(report):
        ws = book[section.table.name]
        assert ws.freeze_panes == "A2"
        # (an empty text may come back as an empty cell)
        got = [[None if v == "" else v for v in row] for row in ws.iter_rows(values_only=True)]
        assert got[0] == sheets.headers(section.table.columns, IST)
        want = [
            [
                _as_cell(value, column.kind)
                for value, column in zip(row, section.table.columns, strict=True)
            ]
            for row in section.table.rows
        ]
        assert got[1:] == want, section.table.name
    assert book["Stations"]["A1"].value == "Station"
    hourly = book["Hourly"]
    assert hourly["A1"].value == "Hour (Asia/Kolkata)"
    assert hourly["A2"].value == datetime.combine(sent["day"], datetime.min.time())
    assert hourly["C12"].value == 30  # 10:00, children linked: a number
    assert isinstance(hourly["C12"].value, int)
    bills = book["Bills"]
    assert [c.value for c in bills[2]][:1] == ["EOD-1"]
    assert [c.value for c in book["Corrections"][2]][-2:] == [
        "damaged",
        "label torn <&> in transit",
    ]


def _as_cell(value: Any, kind: sheets.Kind) -> Any:
    """What openpyxl reads back from a cell the workbook wrote for ``value``."""
    if isinstance(value, datetime):
        return value.astimezone(IST).replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    if isinstance(value, str):
        return sheets.neutralise(value) or None
    return value


def test_the_api_answers_a_read_token_in_both_formats(app, client) -> None:
    sent = fill_day(app, client)
    day = sent["day"].isoformat()
    headers = read_headers(app)
    url = f"/api/v1/reports/eod?date={day}&tz=Asia/Kolkata"
    pdf = client.get(url, headers=headers)
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert pdf.headers["Content-Disposition"] == f'attachment; filename="tracetrack-eod-{day}.pdf"'
    xlsx = client.get(url + "&format=xlsx", headers=headers)
    assert xlsx.status_code == 200
    assert xlsx.mimetype == sheets.XLSX_MIMETYPE
    assert xlsx.headers["Content-Disposition"].endswith(f'tracetrack-eod-{day}.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(xlsx.data))
    assert (book["Totals"]["A6"].value, book["Totals"]["B6"].value) == ("Parent scans", 4)
    assert client.get(url).status_code == 401
    documented = client.get("/api/v1/openapi.json").get_json()["paths"]["/api/v1/reports/eod"]
    assert {p["name"] for p in documented["get"]["parameters"]} == {"date", "tz", "format"}
    for bad in (
        "date=2019-12-31",
        "date=2200-01-01",
        "date=2026-02-30",
        "date=yesterday",
        f"date={day}&tz=Mars/Olympus",
        f"date={day}&format=docx",
        "",
    ):
        answer = client.get(f"/api/v1/reports/eod?{bad}", headers=headers)
        assert answer.status_code == 400, bad
        assert answer.get_json()["error"]["code"] == "invalid_query"


def test_the_site_zone_is_the_default(app, client) -> None:
    """Without ``tz`` the day is the site's (``TRACETRACK_SITE_TZ``): here UTC, in which the
    IST 00:10 work of the test day belongs to the day before."""
    sent = fill_day(app, client)
    headers = read_headers(app)
    eve = (sent["day"] - timedelta(days=1)).isoformat()
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/api/v1/reports/eod?date={eve}&format=xlsx", headers=headers).data)
    )
    figures = {row[0]: row[1] for row in book["Totals"].iter_rows(min_row=2, values_only=True)}
    assert figures["Time zone"] == "UTC"
    assert figures["Children linked"] == 1 + 2  # the eve's 23:50 IST and the day's 00:10 IST


def test_the_cli_writes_the_file(
    app, client, pg_db: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    sent = fill_day(app, client)
    day = sent["day"].isoformat()
    monkeypatch.chdir(tmp_path)
    db = ["--database-url", pg_db]
    assert main([*db, "report", "eod", "--date", day, "--tz", "Asia/Kolkata"]) == 0
    written = tmp_path / f"tracetrack-eod-{day}.pdf"
    assert capsys.readouterr().out.strip() == str(written)
    assert written.read_bytes().startswith(b"%PDF")
    out = tmp_path / "sub.xlsx"
    code = main([*db, "report", "eod", "--date", day, "--format", "xlsx", "--out", str(out)])
    assert code == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert openpyxl.load_workbook(out).sheetnames == SHEETS
    assert main([*db, "report", "eod", "--date", "2019-12-31"]) == 1
    assert "outside the days" in capsys.readouterr().err


@needs_poppler
def test_a_quiet_day_and_a_day_the_clocks_change(app, tmp_path: Path) -> None:
    # Europe/Berlin on 2026-10-25 has 25 hours: 02:00 comes twice
    with ctx(app).sessions() as session:
        report = eod.build(session, eod.resolve_day("2026-10-25", "Europe/Berlin"))
    assert len(report.hours) == 25
    assert [h.start.strftime("%H:%M %Z") for h in report.hours[2:4]] == [
        "02:00 CEST",
        "02:00 CET",
    ]
    assert not any(report.totals.values())
    assert (report.stations, report.bills, report.conflicts, report.corrections) == ([], [], [], [])
    text = _pdf_text(eod_pdf.render(report), tmp_path)
    for empty in ("No station worked this day.", "No bill was completed", "No corrections."):
        assert empty in text
    # a long table goes on over the pages, under its header on each
    void = eod.EventRow(
        at=report.hours[9].start,
        station="Line A",
        operator="ravi",
        type="bag_void",
        code="SB00001",
        parent="",
        bill="",
        status="accepted",
        reason="test scan",
        note="",
    )
    long = eod_pdf.render(dataclasses.replace(report, corrections=[void] * 150))
    pages = _pdf_text(long, tmp_path).split("\f")
    headed = [page for page in pages if re.search(r"When\s+Station\s+Who\s+What", page)]
    assert len(headed) >= 3
    assert all("Bag voided" in page for page in headed)
    # the first and last days a report covers, whatever the zone's offset
    for day, zone in (("2020-01-01", "Asia/Kolkata"), ("2199-12-31", "Pacific/Kiritimati")):
        assert eod.resolve_day(day, zone).day == date.fromisoformat(day)


def test_the_embedded_sqlite_server_reports_the_same_day(sqlite_settings) -> None:
    """The embedded server stores times without a zone: the day's bounds still hold."""
    app = create_app(sqlite_settings)
    try:
        fill_day(app, app.test_client())
        report = report_of(app, _day())
    finally:
        dispose_app(app)
    assert report.totals[Counter.CHILDREN_LINKED] == 41
    assert [h.counts[Counter.CHILDREN_LINKED] for h in report.hours][::23] == [2, 3]
    assert [b.bill_id for b in report.bills] == ["EOD-1"]
    assert (len(report.conflicts), len(report.corrections)) == (1, 1)
