"""Corrections through the upload endpoint, on PostgreSQL and on the embedded SQLite: each is
applied once, counted (``/stats/summary`` ``corrections``, equal to a recount of the raw
log), allowed only to the roles that may make it, shown in the bag lookup with why, who,
where and when; and two stations correcting the same bags at once never both win."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from tests.faults.recount import assert_stats_match_recount, state_problems
from tests.server.factories import add_operators, batch, event, make_read_token, make_station

WHY = {"reason": "wrong_parent"}


@pytest.fixture(params=["postgresql", "sqlite"])
def server(request: pytest.FixtureRequest) -> Iterator[Flask]:
    name = "settings" if request.param == "postgresql" else "sqlite_settings"
    settings: Settings = request.getfixturevalue(name)
    app = create_app(settings)
    with app.extensions["tracetrack"].sessions() as session, session.begin():
        add_operators(session, {"dina": "dispatcher"})
    yield app
    dispose_app(app)


class Station:
    """An enrolled station posting batches to the upload endpoint."""

    def __init__(self, app: Flask, name: str) -> None:
        with app.extensions["tracetrack"].sessions() as session:
            self.id, token = make_station(session, name)
        self.app = app
        self.headers = {"Authorization": f"Bearer {token}"}

    def post(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        response = self.app.test_client().post(
            "/api/v1/sync/events", json=batch(self.id, events), headers=self.headers
        )
        assert response.status_code == 200, response.get_json()
        results: list[dict[str, Any]] = response.get_json()["results"]
        return results

    def one(self, sent: dict[str, Any]) -> dict[str, Any]:
        [answer] = self.post([sent])
        return answer


def read(app: Flask, path: str) -> Any:
    with app.extensions["tracetrack"].sessions() as session:
        token = make_read_token(session)
    response = app.test_client().get("/api/v1" + path, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def pack(line: Station, parent: str, kids: list[str], *, finish: bool = False) -> None:
    sent = [event("parent_scan", parent)] + [event("child_link", k, parent=parent) for k in kids]
    if finish:
        sent.append(event("parent_finish", parent))
    assert {a["status"] for a in line.post(sent)} == {"accepted"}


def corrections_counted(app: Flask) -> int:
    summary = assert_stats_match_recount(app)  # the rollups equal a recount of the raw log
    assert not state_problems(app)
    return int(summary["corrections"])


def test_each_correction_is_applied_and_counted(server: Flask) -> None:
    line = Station(server, "Line 1")
    pack(line, "SB00001", ["KA0001", "KA0002", "KA0003"])
    pack(line, "SB00002", ["KB0001"], finish=True)
    pack(line, "SB00003", [])
    biller = {"operator": "bina"}
    answers = line.post(
        [
            event("child_remove", "KA0001", parent="SB00001", data=WHY, **biller),
            event("parent_reopen", "SB00002", data=WHY, **biller),  # finished early: reopened
            event(
                "child_move", "KA0002", parent="SB00002", data={"from": "SB00001", **WHY}, **biller
            ),
            event("bag_void", "SB00003", data={"reason": "test_scan"}, **biller),
            event("bag_restore", "SB00003", data={"reason": "voided_in_error"}),
        ]
    )
    # a linked child, alone in its batch: no event names its parent, the server finds it
    answers += line.post([event("bag_void", "KA0003", data={"reason": "damaged"}, **biller)])
    assert [a["status"] for a in answers] == ["accepted"] * 6, answers
    assert answers[5]["detail"]["former_parent"] == "SB00001"
    parent = read(server, "/bags/SB00001")
    assert (parent["child_count"], parent["children"]) == (0, [])
    assert read(server, "/bags/SB00002")["children"] == ["KA0002", "KB0001"]
    assert read(server, "/bags/KA0003")["status"] == "voided"
    assert read(server, "/bags/SB00003")["status"] == "open"
    assert corrections_counted(server) == 6
    summary = read(server, "/stats/summary")
    assert (summary["children_unlinked"], summary["parents_reopened"]) == (3, 1)


def test_who_may_correct_and_who_may_restore(server: Flask) -> None:
    line = Station(server, "Line 1")
    pack(line, "SB00010", ["KC0001", "KC0002"])
    refused = line.one(event("child_remove", "KC0001", parent="SB00010", data=WHY, operator="dina"))
    assert (refused["status"], refused["reason"]) == ("rejected", "role_not_allowed")
    voided = line.one(event("bag_void", "KC0001", data=WHY, operator="bina"))
    assert voided["status"] == "accepted"
    restore = {"reason": "voided_in_error"}
    by_biller = line.one(event("bag_restore", "KC0001", data=restore, operator="bina"))
    assert (by_biller["status"], by_biller["reason"]) == ("rejected", "role_not_allowed")
    by_admin = line.one(event("bag_restore", "KC0001", data=restore, operator="ravi"))
    assert by_admin["status"] == "accepted"
    assert read(server, "/bags/KC0001")["status"] == "open"
    assert corrections_counted(server) == 2  # the void and the admin's restore


def test_a_refused_reason_is_answered_and_changes_nothing(server: Flask) -> None:
    line = Station(server, "Line 1")
    pack(line, "SB00011", ["KD0001"])
    bare = line.one(event("child_remove", "KD0001", parent="SB00011", operator="bina"))
    assert (bare["status"], bare["reason"]) == ("rejected", "missing_field")
    assert bare["detail"]["field"] == "data.reason"
    odd = line.one(
        event("bag_void", "KD0001", data={"reason": "because"}, operator="bina"),
    )
    assert (odd["status"], odd["reason"]) == ("rejected", "invalid_reason")
    assert read(server, "/bags/SB00011")["children"] == ["KD0001"]
    assert corrections_counted(server) == 0


def test_the_lookup_shows_a_voided_bag_and_why_who_where_when(server: Flask) -> None:
    line = Station(server, "Dock 3")
    pack(line, "SB00020", ["KE0001"])
    pack(line, "SB00021", [])
    moved = event(
        "child_move",
        "KE0001",
        parent="SB00021",
        data={"from": "SB00020", "reason": "other", "note": "two labels on one sack"},
        operator="bina",
    )
    voided = event(
        "bag_void", "SB00020", data={"reason": "damaged", "note": "torn"}, operator="bina"
    )
    assert [a["status"] for a in line.post([moved, voided])] == ["accepted", "accepted"]

    parent = read(server, "/bags/SB00020")
    assert parent["status"] == "voided"
    latest = parent["history"][0]
    assert latest["type"] == "bag_void"
    assert (latest["reason"], latest["note"]) == ("damaged", "torn")
    assert (latest["operator"], latest["station"], latest["station_id"]) == (
        "bina",
        "Dock 3",
        line.id,
    )
    assert latest["occurred_at"].startswith(voided["occurred_at"][:19])

    child = read(server, "/bags/KE0001")
    assert child["parent"] == "SB00021"
    step = child["history"][0]
    assert (step["type"], step["from"], step["parent"]) == ("child_move", "SB00020", "SB00021")
    assert (step["reason"], step["note"]) == ("other", "two labels on one sack")
    assert read(server, "/bags/SB00021")["children"] == ["KE0001"]
    with server.extensions["tracetrack"].sessions() as session:
        token = make_read_token(session)
    sheet = server.test_client().get(
        "/api/v1/bags/SB00020?format=csv", headers={"Authorization": f"Bearer {token}"}
    )
    rows = list(csv.DictReader(io.StringIO(sheet.get_data(as_text=True))))
    assert [(r["type"], r["station"], r["reason"], r["note"]) for r in rows[:1]] == [
        ("bag_void", "Dock 3", "damaged", "torn")
    ]
    assert "from" in rows[0]

    schemas = server.test_client().get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    bag = schemas["BagOut"]["properties"]
    assert "voided" in bag["status"]["enum"]
    assert {"reason", "note", "station", "from"} <= set(schemas["HistoryEntry"]["properties"])
    assert "corrections" in schemas["SummaryOut"]["properties"]


def test_a_resent_correction_is_applied_once(server: Flask) -> None:
    line = Station(server, "Line 1")
    pack(line, "SB00030", ["KF0001", "KF0002"])
    pack(line, "SB00031", [])
    sent = [
        event("child_move", "KF0001", parent="SB00031", data={"from": "SB00030", **WHY}),
        event("bag_void", "KF0002", data=WHY),
    ]
    first = line.post(sent)
    again = line.post(sent)
    assert [a["status"] for a in first] == ["accepted", "accepted"]
    assert {(a["status"], a["reason"]) for a in again} == {("duplicate", "already_received")}
    assert read(server, "/bags/SB00031")["child_count"] == 1
    assert read(server, "/bags/SB00030")["child_count"] == 0
    assert corrections_counted(server) == 2


def at_once(*sends: tuple[Station, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each station posts its one event at the same moment (each in its own thread)."""
    gate = threading.Barrier(len(sends))
    answers: list[dict[str, Any] | None] = [None] * len(sends)

    def send(i: int, line: Station, sent: dict[str, Any]) -> None:
        gate.wait()
        answers[i] = line.one(sent)

    threads = [
        threading.Thread(target=send, args=(i, line, sent)) for i, (line, sent) in enumerate(sends)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(a is not None for a in answers)
    return [a for a in answers if a is not None]


ROUNDS = 4


def test_two_stations_moving_the_same_child_at_once_move_it_once(server: Flask) -> None:
    east, west = Station(server, "East"), Station(server, "West")
    for n in range(ROUNDS):
        source, to_east, to_west, child = (f"SB{n}0040", f"SB{n}0041", f"SB{n}0042", f"KG{n}001")
        pack(east, source, [child])
        pack(east, to_east, [])
        pack(west, to_west, [])
        answers = at_once(
            (east, event("child_move", child, parent=to_east, data={"from": source, **WHY})),
            (west, event("child_move", child, parent=to_west, data={"from": source, **WHY})),
        )
        [won] = [a for a in answers if a["status"] == "accepted"]
        [lost] = [a for a in answers if a is not won]
        # the loser is told where the child went
        assert (lost["status"], lost["reason"]) == ("conflict", "child_not_in_parent")
        winner = won["detail"]["parent"]
        assert lost["detail"]["current_parent"] == winner
        assert read(server, f"/bags/{child}")["parent"] == winner
        assert read(server, f"/bags/{source}")["child_count"] == 0
    assert corrections_counted(server) == ROUNDS
    assert read(server, "/stats/summary")["conflicts"] == ROUNDS


def test_voiding_a_parent_while_another_station_moves_a_child_into_it(server: Flask) -> None:
    east, west = Station(server, "East"), Station(server, "West")
    for n in range(ROUNDS):
        source, target, child = f"SB{n}0050", f"SB{n}0051", f"KH{n}001"
        pack(east, source, [child])
        pack(west, target, [])
        move, void = at_once(
            (east, event("child_move", child, parent=target, data={"from": source, **WHY})),
            (west, event("bag_void", target, data={"reason": "damaged"}, operator="bina")),
        )
        # exactly one wins, and the other says why in the documented way
        assert [move["status"], void["status"]].count("accepted") == 1, (move, void)
        if move["status"] == "accepted":
            assert (void["status"], void["reason"]) == ("conflict", "parent_not_empty")
            assert read(server, f"/bags/{target}")["children"] == [child]
        else:
            assert (move["status"], move["reason"]) == ("conflict", "bag_voided")
            assert read(server, f"/bags/{target}")["status"] == "voided"
            assert read(server, f"/bags/{child}")["parent"] == source
    assert corrections_counted(server) == ROUNDS
