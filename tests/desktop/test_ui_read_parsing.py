"""The read API's JSON (docs/protocol.md#read-side) made into what the dashboard and lookup draw."""

from __future__ import annotations

import json
from pathlib import Path

from tracetrack_desktop.ui.dashboard_client import (
    parse_bag,
    parse_bills_by_status,
    parse_stations,
    parse_throughput,
    suggestions_of,
)

DATA = json.loads((Path(__file__).parents[1] / "data" / "ui_read_api.json").read_text("utf-8"))


def test_throughput_rows_keep_bucket_key_and_counts() -> None:
    rows = parse_throughput(DATA["throughput"])
    assert [(r.key, r.children_linked) for r in rows] == [
        ("Lucknow-1", 120),
        ("Lucknow-1", 90),
        ("Indore-1", 91),
    ]
    assert parse_throughput({"rows": DATA["throughput"]}) == rows


def test_stations_show_name_pending_and_lag_even_when_never_seen() -> None:
    first, second = parse_stations(DATA["stations"])
    assert (first.name, first.pending, first.lag, first.last_seq) == ("Lucknow-1", 3, "2 s", 1041)
    assert (second.name, second.last_seen, second.pending) == ("Indore-1", "never", 0)


def test_bills_are_counted_by_status() -> None:
    assert parse_bills_by_status(DATA["bills"]) == {"processing": 2, "completed": 1}


def test_a_bag_with_children_bill_and_history() -> None:
    view = parse_bag("SB00042", DATA["bag"])
    assert (view.kind, view.child_count, view.bill, view.source) == (
        "parent",
        2,
        "BILL-1",
        "server",
    )
    assert view.children == ("0016586", "0016587")
    assert view.history[0].operator == "ravi"
    assert view.history[0].station == "st_1"


def test_a_miss_brings_its_suggestions() -> None:
    assert suggestions_of(DATA["bag_missing"]) == ("SB00042", "SB00034")
    assert suggestions_of(None) == ()
