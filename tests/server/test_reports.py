"""Read side over real HTTP and PostgreSQL: stats equal a recount, time zones, CSV, lookups."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import requests
from sqlalchemy import select

from sync_server.db.models import Event, Setting
from tests.server.factories import children, event, make_read_token
from tests.server.test_ingest import ctx, post, station
from tracetrack_core.codes import CodeRules, ParentSeries

IST = ZoneInfo("Asia/Kolkata")


def read_headers(app: Any) -> dict[str, str]:
    with ctx(app).sessions() as session:
        return {"Authorization": f"Bearer {make_read_token(session)}"}


def fill_parent(
    client: Any,
    sid: str,
    headers: dict[str, str],
    parent: str,
    n: int,
    at: datetime,
    operator: str = "ravi",
) -> list[str]:
    kids = children(n)
    post(
        client,
        sid,
        headers,
        [event("parent_scan", parent, at=at, operator=operator)]
        + [event("child_link", k, parent=parent, at=at, operator=operator) for k in kids],
    )
    return kids


def test_summary_equals_a_recount_of_the_event_log(app, client) -> None:
    a, ha = station(app, "Line A")
    b, hb = station(app, "Line B")
    now = datetime.now(UTC)
    fill_parent(client, a, ha, "SB00001", 30, now)
    kids = fill_parent(client, b, hb, "SB00002", 5, now, operator="meena")
    post(
        client,
        b,
        hb,
        [
            event("child_unlink", kids[0], parent="SB00002", operator="meena"),
            event("child_link", kids[1], parent="SB00001", operator="meena"),
            event("child_link", kids[2], parent="SB00002", operator="meena"),
            event("teleport", "X"),
        ],
    )
    summary = client.get("/api/v1/stats/summary", headers=read_headers(app)).get_json()
    with ctx(app).sessions() as session:
        log = session.scalars(select(Event)).all()
    accepted = [e for e in log if e.status == "accepted"]
    assert summary["parent_scans"] == sum(e.type == "parent_scan" for e in accepted)
    assert summary["children_linked"] == sum(e.type == "child_link" for e in accepted) == 35
    assert summary["children_unlinked"] == 1
    assert summary["parents_completed"] == 1
    assert summary["duplicates"] == sum(e.status == "duplicate" for e in log) == 1
    assert summary["conflicts"] == sum(e.status == "conflict" for e in log) == 1
    assert summary["rejected"] == sum(e.status == "rejected" for e in log) == 1
    assert summary["stations_active"] == 2
    only_b = client.get(
        "/api/v1/stats/summary?station=Line B&operator=meena", headers=read_headers(app)
    ).get_json()
    assert only_b["children_linked"] == 5


def test_days_follow_the_asked_time_zone(app, client) -> None:
    a, ha = station(app)
    # 00:10 IST on 2026-11-20 is 18:40 UTC on the 19th
    early = datetime(2026, 11, 20, 0, 10, tzinfo=IST)
    fill_parent(client, a, ha, "SB00010", 3, early)
    headers = read_headers(app)
    ist_day = client.get(
        "/api/v1/stats/summary?from=2026-11-20&to=2026-11-20&tz=Asia/Kolkata", headers=headers
    ).get_json()
    utc_day = client.get(
        "/api/v1/stats/summary?from=2026-11-20&to=2026-11-20&tz=UTC", headers=headers
    ).get_json()
    assert (ist_day["children_linked"], utc_day["children_linked"]) == (3, 0)
    rows = client.get(
        "/api/v1/stats/throughput?bucket=hour&from=2026-11-20&to=2026-11-20&tz=Asia/Kolkata",
        headers=headers,
    ).get_json()
    assert [(r["bucket_start"], r["children_linked"]) for r in rows] == [
        ("2026-11-20T00:00:00+05:30", 3)
    ]
    berlin = client.get(
        "/api/v1/stats/throughput?bucket=day&from=2026-11-19&to=2026-11-20&tz=Europe/Berlin",
        headers=headers,
    ).get_json()
    assert [r["bucket_start"] for r in berlin] == ["2026-11-19T00:00:00+01:00"]
    bad = client.get("/api/v1/stats/summary?tz=Mars/Olympus", headers=headers)
    assert bad.status_code == 400
    assert bad.get_json()["error"]["code"] == "invalid_query"


def test_throughput_by_station_operator_area_and_csv_round_trip(app, client) -> None:
    a, ha = station(app, "Line A")
    now = datetime.now(UTC)
    fill_parent(client, a, ha, "SB00020", 30, now, operator="ravi")
    fill_parent(client, a, ha, "SB00021", 4, now, operator="meena")
    headers = read_headers(app)
    by_station = client.get(
        "/api/v1/stats/throughput?bucket=day&by=station", headers=headers
    ).get_json()
    assert [(r["key"], r["children_linked"], r["parents_completed"]) for r in by_station] == [
        ("Line A", 34, 1)
    ]
    by_operator = client.get(
        "/api/v1/stats/throughput?bucket=day&by=operator", headers=headers
    ).get_json()
    assert {r["key"]: r["children_linked"] for r in by_operator} == {"meena": 4, "ravi": 30}
    by_area = client.get("/api/v1/stats/throughput?bucket=day&by=area", headers=headers)
    assert by_area.get_json()[0]["key"] == "Lucknow"
    as_csv = client.get(
        "/api/v1/stats/throughput?bucket=day&by=operator&format=csv", headers=headers
    )
    assert as_csv.content_type.startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    assert {r["key"]: int(r["children_linked"]) for r in parsed} == {"meena": 4, "ravi": 30}
    accept = client.get("/api/v1/stations", headers={**headers, "Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(accept.get_data(as_text=True))))
    assert [r["name"] for r in rows] == ["Line A"]
    [health] = client.get("/api/v1/stations", headers=headers).get_json()
    assert health["last_seq"] > 0
    assert 0 <= health["sync_lag_ms"] < 60_000
    assert abs(health["clock_skew_ms"]) < 60_000


def test_bag_lookup_history_and_did_you_mean(app, client) -> None:
    a, ha = station(app)
    kids = fill_parent(client, a, ha, "SB00042", 30, datetime.now(UTC))
    headers = read_headers(app)
    parent = client.get("/api/v1/bags/sb00042", headers=headers).get_json()
    assert parent["kind"] == "parent"
    assert parent["status"] == "completed"
    assert sorted(parent["children"]) == sorted(kids)
    assert len(parent["history"]) == 31
    child = client.get(f"/api/v1/bags/{kids[3]}", headers=headers).get_json()
    assert child["parent"] == "SB00042"
    miss = client.get("/api/v1/bags/SB00O42", headers=headers)
    assert miss.status_code == 404
    assert miss.get_json()["error"]["code"] == "bag_not_found"
    assert "SB00042" in miss.get_json()["error"]["did_you_mean"]


def test_lookup_and_bill_weights_follow_the_sites_own_series(app, client) -> None:
    site = CodeRules(
        parent_series=(ParentSeries(name="JX", pattern=r"JX\d{4}", capacity=12, expected_kg=40),),
        kg_per_child=3,
    )
    with ctx(app).sessions() as session, session.begin():
        session.add(Setting(key="code_rules", value=site.model_dump(mode="json"), version=1))
    a, ha = station(app)
    post(client, a, ha, [event("parent_scan", "JX0001")])
    post(client, a, ha, [event("child_link", f"K{i:05d}", parent="JX0001") for i in range(5)])
    post(
        client,
        a,
        ha,
        [
            event("bill_create", "", bill="B-JX", data={"capacity": 3}),
            event("bill_add_parent", "JX0001", bill="B-JX"),
        ],
    )
    headers = read_headers(app)
    bag = client.get("/api/v1/bags/JX0001", headers=headers).get_json()
    assert (bag["kind"], bag["capacity"], bag["child_count"]) == ("parent", 12, 5)
    bill = client.get("/api/v1/bills/B-JX", headers=headers).get_json()
    assert bill["parents"] == [
        {"code": "JX0001", "child_count": 5, "status": "open", "actual_kg": 15, "expected_kg": 40}
    ]


def test_bills_weights_pagination_and_formula_safe_csv(app, client) -> None:
    a, ha = station(app)
    now = datetime.now(UTC)
    fill_parent(client, a, ha, "SB00050", 30, now)
    fill_parent(client, a, ha, "M444-00050", 10, now)
    post(
        client,
        a,
        ha,
        [
            event("bill_create", bill="=HYPERLINK(1)", data={"capacity": 2}),
            event("bill_create", bill="BILL-1", data={"capacity": 2, "destination": "Jaipur"}),
            event("bill_add_parent", "SB00050", bill="BILL-1"),
            event("bill_add_parent", "M444-00050", bill="bill-1"),
        ],
    )
    headers = read_headers(app)
    detail = client.get("/api/v1/bills/bill-1", headers=headers).get_json()
    assert (detail["actual_kg"], detail["expected_kg"], detail["parent_count"]) == (40, 45, 2)
    assert {p["code"]: p["expected_kg"] for p in detail["parents"]} == {
        "SB00050": 30,
        "M444-00050": 15,
    }
    page = client.get("/api/v1/bills?limit=1", headers=headers)
    assert page.headers["X-Total-Count"] == "1"  # the formula-like id was rejected as invalid
    assert len(page.get_json()) == 1
    post(client, a, ha, [event("bill_create", bill="bill-2/a", data={"capacity": 3})])
    first = client.get("/api/v1/bills?limit=1&status=new", headers=headers)
    assert first.headers["X-Total-Count"] == "1"
    both = client.get("/api/v1/bills?limit=1", headers=headers)
    assert both.headers["X-Total-Count"] == "2"
    next_url = both.headers["Link"].split(";")[0].strip("<>")
    second = client.get(next_url.replace("http://localhost", ""), headers=headers)
    assert {b["bill_id"] for b in both.get_json() + second.get_json()} == {"BILL-1", "BILL-2/A"}
    assert client.get("/api/v1/bills/NOPE", headers=headers).status_code == 404


def test_changes_feed_pages_by_cursor_and_is_for_stations_only(app, client) -> None:
    a, ha = station(app, "A")
    b, hb = station(app, "B")
    now = datetime.now(UTC)
    for i in range(5):
        fill_parent(client, a, ha, f"SB0010{i}", 3, now)
    post(
        client,
        b,
        hb,
        [event("parent_scan", "SB00200"), event("child_link", "LOSTCHILD", parent="SB00200")],
    )
    post(client, a, ha, [event("child_link", "LOSTCHILD", parent="SB00100")])  # a's conflict
    seen: dict[str, int] = {}
    cursor, pages, conflicts = "0", 0, []
    while True:
        body = client.get(f"/api/v1/sync/changes?since={cursor}&limit=4", headers=ha).get_json()
        pages += 1
        for item in body["changes"]:
            seen[f"{item['kind']}:{item['key']}"] = seen.get(item["key"], 0) + 1
            if item["kind"] == "conflict":
                conflicts.append(item["data"]["reason"])
        cursor = body["cursor"]
        if not body["more"]:
            break
    bags = {k for k in seen if k.startswith("bag:")}
    assert len(bags) == 5 + 15 + 2  # every bag, at least once
    assert pages > 2
    assert conflicts == ["child_in_other_parent"]
    assert "setting:code_rules" in seen
    again = client.get(f"/api/v1/sync/changes?since={cursor}", headers=ha).get_json()
    assert [c["kind"] for c in again["changes"]] == []
    b_view = client.get("/api/v1/sync/changes", headers=hb).get_json()
    assert not [c for c in b_view["changes"] if c["kind"] == "conflict"]
    refused = client.get("/api/v1/sync/changes", headers=read_headers(app))
    assert refused.status_code == 403


def test_reporting_script_prints_yesterday_per_station(app, client, live_server) -> None:
    a, ha = station(app, "Line A")
    yesterday = datetime.now(IST) - timedelta(days=1)
    fill_parent(client, a, ha, "SB00300", 30, yesterday.replace(hour=11))
    script = Path(__file__).parents[2] / "docs" / "examples" / "yesterday_throughput.py"
    token = read_headers(app)["Authorization"].split()[1]
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--url",
            live_server,
            "--token",
            token,
            "--tz",
            "Asia/Kolkata",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = next(row for row in result.stdout.splitlines() if row.startswith("Line A"))
    assert line.split()[-2:] == ["30", "1"]
    assert requests.get(f"{live_server}/healthz", timeout=5).ok
