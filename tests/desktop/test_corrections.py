"""Corrections from the station window, on a real SQLite store (no Qt): what each bag allows
whom, each correction recorded with its reason, and what is refused before anything is written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tracetrack_core import rules as core
from tracetrack_core.events import CORRECTION_TYPES, CorrectionReason, EventType
from tracetrack_desktop.domain.corrections import (
    CORRECTIONS,
    CorrectionRequest,
    Corrections,
    reasons_for,
)
from tracetrack_desktop.domain.results import ActionResult, Feedback
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.storage.store import LocalStore

FEED = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "station" / "feed_users.json").read_text()
)
PASSWORDS: dict[str, str] = FEED[
    "passwords"
]  # ravi dispatcher, bina biller, sam admin, suma supervisor
CHILDREN = ("0016586", "0016587", "0016588")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=2)
        return self.now


class Station:
    """A workflow, its store and its corrections, as the window has them."""

    def __init__(self, store: LocalStore) -> None:
        clock = Clock()
        self.store = store
        self.wf = StationWorkflow(store, store.rules, clock)
        self.corrections = Corrections(store, store.rules, clock, self.wf)

    def login(self, user: str) -> None:
        assert self.wf.login(user, PASSWORDS[user]).ok

    def pack(self, parent: str, *children: str, finish: bool = False) -> None:
        """Pack as the admin (who packs and bills), then log out."""
        self.login("sam")
        assert self.wf.scan_parent(parent).ok
        for child in children:
            assert self.wf.scan_child(child).ok
        if finish:
            self.wf.finish()
            assert self.wf.confirm().feedback is Feedback.COMPLETE
        self.wf.logout()

    def bill(self, bill_id: str, *parents: str) -> None:
        self.login("sam")
        assert self.wf.create_bill(bill_id, 5).ok
        for parent in parents:
            assert self.wf.add_parent(parent).ok
        self.wf.logout()

    def bag(self, code: str) -> core.Bag:
        bag = self.store.bag(code)
        assert bag is not None
        return bag

    def possible(self, code: str) -> set[EventType]:
        target = self.corrections.target(code)
        assert target is not None
        return set(target.possible)

    def last_event(self) -> tuple[str, str, str, str, dict[str, object]]:
        e = self.store.events()[-1].event
        return e.type, e.code, e.parent, e.operator, dict(e.data)


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    store = LocalStore(tmp_path / "station")
    store.apply_changes(FEED["changes"], FEED["cursor"])
    yield Station(store)
    store.close()


def _recorded(result: ActionResult) -> None:
    assert result.feedback is Feedback.GOOD, result.message
    assert result.event_id is not None


def test_the_buttons_are_the_correction_types() -> None:
    assert frozenset(CORRECTIONS) == CORRECTION_TYPES
    assert len(CORRECTIONS) == len(CORRECTION_TYPES)
    assert CorrectionReason.VOIDED_IN_ERROR in reasons_for(EventType.BAG_RESTORE)
    assert CorrectionReason.VOIDED_IN_ERROR not in reasons_for(EventType.BAG_VOID)
    assert all(CorrectionReason.OTHER in reasons_for(c) for c in CORRECTIONS)


def test_a_biller_takes_a_child_out_of_its_parent_with_a_reason(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login("bina")
    target = station.corrections.target("0016586")
    assert target is not None
    assert (target.parent, target.parent_children) == ("SB00042", 3)
    assert set(target.possible) == {
        EventType.CHILD_REMOVE,
        EventType.CHILD_MOVE,
        EventType.BAG_VOID,
    }
    _recorded(station.corrections.remove_child("0016586", "wrong_parent"))
    assert station.bag("0016586").parent is None
    assert station.bag("SB00042").child_count == 2
    assert station.last_event() == (
        "child_remove",
        "0016586",
        "SB00042",
        "bina",
        {"reason": "wrong_parent"},
    )


def test_a_move_is_one_step_into_the_parent_scanned(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    station.pack("SB00043", "0016599")
    station.login("bina")
    before = len(station.store.events())
    result = station.corrections.make(
        CorrectionRequest(EventType.CHILD_MOVE, "0016587", "other", " label swapped ", " sb00043 ")
    )
    _recorded(result)
    assert len(station.store.events()) == before + 1  # one event, not a remove and a link
    assert station.bag("0016587").parent == "SB00043"
    assert (station.bag("SB00042").child_count, station.bag("SB00043").child_count) == (2, 2)
    assert station.last_event() == (
        "child_move",
        "0016587",
        "SB00043",
        "bina",
        {"from": "SB00042", "reason": "other", "note": "label swapped"},
    )


def test_a_move_needs_the_parent_to_move_into(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login("bina")
    before = len(station.store.events())
    refused = station.corrections.move_child("0016587", "  ", "wrong_parent")
    assert (refused.feedback, refused.reason) == (Feedback.ERROR, "missing_parent")
    assert len(station.store.events()) == before


def test_a_parent_finished_early_is_reopened(station: Station) -> None:
    station.pack("SB00042", *CHILDREN, finish=True)
    station.login("bina")
    assert station.bag("SB00042").status == core.COMPLETED
    assert station.possible("SB00042") == {EventType.PARENT_REOPEN}  # not empty: no void
    _recorded(station.corrections.reopen_parent("SB00042", "test_scan"))
    assert station.bag("SB00042").status == core.OPEN
    assert station.possible("SB00042") == set()


def test_void_a_child_then_an_admin_restores_it(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login("bina")
    _recorded(station.corrections.void_bag("0016588", "damaged", "torn"))
    child = station.bag("0016588")
    assert (child.status, child.parent) == (core.VOIDED, None)
    assert station.bag("SB00042").child_count == 2
    target = station.corrections.target("0016588")
    assert target is not None
    assert target.voided
    assert target.possible == ()  # only an admin restores
    refused = station.corrections.restore_bag("0016588", "voided_in_error")
    assert (refused.feedback, refused.reason) == (Feedback.ERROR, "not_allowed")
    assert "admin" in refused.message
    station.wf.logout()
    station.login("sam")
    assert station.possible("0016588") == {EventType.BAG_RESTORE}
    _recorded(station.corrections.restore_bag("0016588", "voided_in_error"))
    assert station.bag("0016588").status == core.OPEN
    assert station.last_event()[0] == "bag_restore"


def test_a_billed_parent_comes_off_its_bill_and_an_empty_one_can_be_voided(
    station: Station,
) -> None:
    station.pack("SB00042", *CHILDREN)
    station.pack("SB00044")  # scanned, nothing packed into it
    station.bill("BILL-7", "SB00042")
    station.login("bina")
    assert station.possible("SB00042") == {EventType.BILL_REMOVE_PARENT}
    assert station.possible("SB00044") == {EventType.BAG_VOID}
    _recorded(station.corrections.take_off_bill("SB00042", "wrong_bill"))
    assert station.bag("SB00042").bill is None
    bill = station.store.bill("BILL-7")
    assert bill is not None
    assert bill.parent_count == 0
    assert station.last_event()[4] == {"reason": "wrong_bill"}
    _recorded(station.corrections.void_bag("SB00044", "misprinted_label"))
    assert station.bag("SB00044").status == core.VOIDED


@pytest.mark.parametrize("user", ["ravi", "suma"])
def test_dispatchers_and_supervisors_correct_nothing(station: Station, user: str) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login(user)
    assert station.corrections.target("0016586") is None
    before = len(station.store.events())
    refused = station.corrections.remove_child("0016586", "wrong_parent")
    assert (refused.feedback, refused.reason) == (Feedback.ERROR, "not_allowed")
    assert station.bag("0016586").parent == "SB00042"
    assert len(station.store.events()) == before


def test_nobody_logged_in_corrects_nothing(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    refused = station.corrections.void_bag("0016586", "damaged")
    assert refused.reason == "not_logged_in"


@pytest.mark.parametrize(
    ("reason", "note", "why"),
    [
        ("", "", "missing_reason"),
        ("because", "", "missing_reason"),
        ("other", "   ", "missing_note"),
        ("other", "x" * 201, "note_too_long"),
    ],
)
def test_a_correction_without_a_usable_reason_writes_nothing(
    station: Station, reason: str, note: str, why: str
) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login("bina")
    before = len(station.store.events())
    refused = station.corrections.remove_child("0016586", reason, note)
    assert (refused.feedback, refused.reason) == (Feedback.ERROR, why)
    assert station.bag("0016586").parent == "SB00042"
    # not even a refused-read event: the operator only has to pick a reason
    assert len(station.store.events()) == before


def test_a_correction_of_what_changed_meanwhile_is_refused_by_the_rules(
    station: Station,
) -> None:
    station.pack("SB00042", *CHILDREN)
    station.pack("SB00043")
    station.login("bina")
    seen = station.corrections.target("0016586")  # on screen: in SB00042
    assert seen is not None
    # meanwhile (another station, or a second window) it moved
    _recorded(station.corrections.move_child("0016586", "SB00043", "wrong_parent"))
    stale = station.corrections.make(seen.request(EventType.CHILD_REMOVE, "wrong_parent"))
    assert (stale.feedback, stale.reason) == (Feedback.ERROR, "child_not_in_parent")
    assert "SB00043" in stale.message  # where it is now
    assert station.bag("0016586").parent == "SB00043"
    assert station.last_event()[0] == "scan_rejected"  # the server counts what was refused


def test_a_free_child_is_not_taken_out_of_anything(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login("bina")
    _recorded(station.corrections.remove_child("0016586", "wrong_parent"))
    before = len(station.store.events())
    again = station.corrections.remove_child("0016586", "wrong_parent")
    assert (again.feedback, again.reason) == (Feedback.ERROR, "not_in_parent")
    assert len(station.store.events()) == before


def test_options_follow_the_bag(station: Station) -> None:
    station.pack("SB00042", *CHILDREN)
    station.login("bina")
    assert station.possible("SB00042") == set()  # open, not empty, not billed
    _recorded(station.corrections.remove_child("0016586", "wrong_parent"))
    assert station.possible("0016586") == {EventType.BAG_VOID}  # a free child
    assert station.corrections.target("0099999") is None  # unknown here
