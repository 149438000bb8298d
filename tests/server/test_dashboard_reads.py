"""The dashboard's reads over real HTTP and PostgreSQL: stock now, days in a zone, ranges."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from tests.server.factories import event
from tests.server.test_ingest import post, station
from tests.server.test_reports import IST, fill_parent, read_headers


def _accepted(results: list[dict[str, Any]]) -> None:
    refused = [r for r in results if r["status"] != "accepted"]
    assert not refused, refused


def test_stock_counts_each_parent_once_and_voided_bags_nowhere(app, client) -> None:
    sid, headers = station(app)
    now = datetime.now(UTC)
    fill_parent(client, sid, headers, "SB00001", 30, now)  # completed, on no bill
    fill_parent(client, sid, headers, "SB00004", 30, now)  # completed, then billed
    kids = fill_parent(client, sid, headers, "SB00002", 6, now)  # open
    fill_parent(client, sid, headers, "SB00005", 2, now)  # open, then loaded part-full
    void = {"data": {"reason": "damaged"}}
    _accepted(
        post(
            client,
            sid,
            headers,
            [
                event("bag_void", kids[0], **void),  # leaves SB00002 first: 5 children in it
                event("parent_scan", "SB00003"),
                event("bag_void", "SB00003", **void),  # an empty parent voided: nowhere
                event("bill_create", bill="BILL-1", data={"capacity": 1}),
                event("bill_create", bill="BILL-2", data={"capacity": 2}),
                event("bill_add_parent", "SB00004", bill="BILL-1"),
                event("bill_complete", bill="BILL-1"),
                event("bill_add_parent", "SB00005", bill="BILL-2"),
            ],
        )
    )
    stock = client.get("/api/v1/stats/stock", headers=read_headers(app)).get_json()
    assert stock == {
        "parents_open": 1,
        "parents_completed": 1,
        "parents_billed": 2,
        "children_in_open_parents": 5,
        "bills": {"new": 0, "processing": 1, "completed": 1},
    }


def test_bills_by_status_count_every_bill_not_the_newest_hundred(app, client) -> None:
    sid, headers = station(app)
    fill_parent(client, sid, headers, "SB00001", 30, datetime.now(UTC))
    creates = [event("bill_create", bill=f"B-{n:03d}", data={"capacity": 1}) for n in range(130)]
    _accepted(post(client, sid, headers, creates))
    # the oldest bill is the one in progress: a newest-100 count would not see it
    _accepted(post(client, sid, headers, [event("bill_add_parent", "SB00001", bill="B-000")]))
    stock = client.get("/api/v1/stats/stock", headers=read_headers(app)).get_json()
    assert stock["bills"] == {"new": 129, "processing": 1, "completed": 0}
    assert stock["parents_billed"] == 1


def test_daily_rows_split_at_the_zones_midnight_and_keep_quiet_days(app, client) -> None:
    sid, headers = station(app)
    day = (datetime.now(IST) - timedelta(days=3)).date()
    midnight = datetime.combine(day + timedelta(days=1), time(), IST)
    # 23:50 and 00:10 in India: one UTC day (18:20 and 18:40 UTC), two local days
    fill_parent(client, sid, headers, "SB00001", 4, midnight - timedelta(minutes=10))
    fill_parent(client, sid, headers, "SB00002", 7, midnight + timedelta(minutes=10))
    first, last = day - timedelta(days=1), day + timedelta(days=1)
    answer = client.get(
        f"/api/v1/stats/daily?from={first}&to={last}&tz=Asia/Kolkata", headers=read_headers(app)
    )
    assert answer.status_code == 200, answer.get_json()
    days = answer.get_json()["days"]
    assert [d["day"] for d in days] == [str(first), str(day), str(last)]
    assert [d["children_linked"] for d in days] == [0, 4, 7]
    assert [d["parent_scans"] for d in days] == [0, 1, 1]
    in_utc = client.get(
        f"/api/v1/stats/daily?from={day}&to={last}&tz=UTC", headers=read_headers(app)
    ).get_json()["days"]
    assert [d["children_linked"] for d in in_utc] == [11, 0]


def test_summary_over_a_range_of_days_is_the_sum_of_its_days(app, client) -> None:
    sid, headers = station(app)
    today = datetime.now(IST).date()
    noon = [datetime.combine(today - timedelta(days=n), time(12), IST) for n in range(4)]
    for n, at in enumerate(noon):
        fill_parent(client, sid, headers, f"SB0001{n}", n + 1, at)  # 1, 2, 3, 4 children
    first, last = today - timedelta(days=2), today - timedelta(days=1)

    def summary(query: str) -> dict[str, Any]:
        answer = client.get(f"/api/v1/stats/summary?{query}", headers=read_headers(app))
        assert answer.status_code == 200, answer.get_json()
        body: dict[str, Any] = answer.get_json()
        return body

    ranged = summary(f"from={first}&to={last}&tz=Asia/Kolkata")
    assert ranged["children_linked"] == 3 + 2
    assert ranged["parent_scans"] == 2
    assert ranged["from"].startswith(str(first))
    assert ranged["to"].startswith(str(today))
    assert summary(f"from={last}&tz=Asia/Kolkata")["children_linked"] == 2
    days = client.get(
        f"/api/v1/stats/daily?from={first}&to={last}&tz=Asia/Kolkata", headers=read_headers(app)
    ).get_json()["days"]
    assert sum(d["children_linked"] for d in days) == ranged["children_linked"]


def test_daily_refuses_a_backwards_range_and_an_unknown_zone(app, client) -> None:
    headers = read_headers(app)
    today = date.today()
    backwards = client.get(
        f"/api/v1/stats/daily?from={today}&to={today - timedelta(days=2)}", headers=headers
    )
    assert backwards.status_code == 400
    assert backwards.get_json()["error"]["code"] == "invalid_query"
    unknown = client.get("/api/v1/stats/daily?tz=Mars/Olympus", headers=headers)
    assert unknown.status_code == 400


def test_embedded_sqlite_days_in_the_sites_zone_and_stock(sqlite_settings: Settings) -> None:
    """SQLite folds the rollups into days itself; no `tz` means the site's (TRACETRACK_SITE_TZ)."""
    app = create_app(replace(sqlite_settings, site_tz="Asia/Kolkata"))
    client = app.test_client()
    sid, headers = station(app)
    day = (datetime.now(IST) - timedelta(days=2)).date()
    midnight = datetime.combine(day + timedelta(days=1), time(), IST)
    fill_parent(client, sid, headers, "SB00001", 30, midnight - timedelta(minutes=10))
    fill_parent(client, sid, headers, "SB00002", 3, midnight + timedelta(minutes=10))
    days = client.get(
        f"/api/v1/stats/daily?from={day}&to={day + timedelta(days=1)}", headers=read_headers(app)
    ).get_json()["days"]
    assert [(d["day"], d["children_linked"]) for d in days] == [
        (str(day), 30),
        (str(day + timedelta(days=1)), 3),
    ]
    stock = client.get("/api/v1/stats/stock", headers=read_headers(app)).get_json()
    assert (stock["parents_open"], stock["parents_completed"]) == (1, 1)
    dispose_app(app)
    assert stock["children_in_open_parents"] == 3
