"""Operator workflows on a real SQLite store, with an injected clock (no Qt, no sleeping)."""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracetrack_desktop.domain.results import ActionResult, Feedback, Mode
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.storage.store import LocalStore

DATA = Path(__file__).resolve().parents[1] / "data" / "station"
IST = timezone(timedelta(hours=5, minutes=30))
FEED = json.loads((DATA / "feed_users.json").read_text())
PASSWORDS: dict[str, str] = FEED["passwords"]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 0, tzinfo=IST)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


class Shift:
    """Drives a workflow like a scanner would, remembering every event it was told about."""

    def __init__(self, wf: StationWorkflow, clock: Clock) -> None:
        self.wf = wf
        self.clock = clock
        self.confirmed: list[str] = []

    def note(self, result: ActionResult) -> ActionResult:
        if result.event_id:
            self.confirmed.append(result.event_id)
        return result

    def scan(self, text: str) -> ActionResult:
        self.clock.advance(seconds=2)
        record = ScanRecord(text, ScanSource.SIMULATED, "sim", self.clock())
        return self.note(self.wf.handle_scan(record))


def login(wf: StationWorkflow, user: str) -> None:
    result = wf.login(user, PASSWORDS[user])
    assert result.feedback is Feedback.INFO, result.message


def test_full_shift(wf: StationWorkflow, store: LocalStore, clock: Clock) -> None:
    shift = Shift(wf, clock)
    login(wf, "ravi")
    assert wf.mode is Mode.SCAN_PARENT

    first = shift.scan("0016586")
    assert first.feedback is Feedback.ERROR
    assert first.reason == "no_parent"
    assert "Scan a parent bag first" in first.message

    opened = shift.scan("SB00042")
    assert opened.feedback is Feedback.PARENT
    assert (opened.screen.mode, opened.screen.parent) == (Mode.SCAN_CHILDREN, "SB00042")
    assert opened.screen.capacity == 30

    labels = [line for line in (DATA / "child_labels.txt").read_text().splitlines() if line]
    children = labels + [f"{17000 + n:07d}" for n in range(30 - len(labels))]
    results = [shift.scan(text) for text in children]
    assert [r.feedback for r in results[:-1]] == [Feedback.GOOD] * 29
    assert results[0].code == "0016586"  # the label number, not the whole label text
    assert results[28].screen.count == 29
    done = results[-1]
    assert done.feedback is Feedback.COMPLETE
    assert done.screen.mode is Mode.SCAN_PARENT
    assert "SB00042 is complete (30 / 30)" in done.message

    undone = shift.note(wf.undo())
    assert undone.screen.mode is Mode.SCAN_CHILDREN
    assert (undone.screen.parent, undone.screen.count) == ("SB00042", 29)
    assert f"take {children[-1]} out of SB00042" in undone.message
    again = shift.scan(children[-1])
    assert again.feedback is Feedback.COMPLETE

    # finish early: the first FINISH asks, a second within 10 s does it
    shift.scan("SB00043")
    for n in range(5):
        shift.scan(f"{18000 + n:07d}")
    ask = shift.note(wf.finish())
    assert ask.feedback is Feedback.NEEDS_CONFIRMATION
    assert ask.event_id is None
    assert ask.screen.confirming == "finish SB00043"
    clock.advance(seconds=3)
    finished = shift.note(wf.finish())
    assert finished.feedback is Feedback.COMPLETE
    assert finished.screen.mode is Mode.SCAN_PARENT

    # CONFIRM works too; CANCEL keeps scanning; a stale confirmation does nothing
    shift.scan("SB00044")
    shift.scan("0019001")
    assert wf.finish().feedback is Feedback.NEEDS_CONFIRMATION
    assert shift.scan("CMD-CANCEL").screen.mode is Mode.SCAN_CHILDREN
    assert wf.finish().feedback is Feedback.NEEDS_CONFIRMATION
    clock.advance(seconds=11)
    stale = wf.confirm()
    assert stale.reason == "confirmation_expired"
    assert stale.screen.mode is Mode.SCAN_CHILDREN
    assert wf.finish().feedback is Feedback.NEEDS_CONFIRMATION
    confirmed = shift.scan("CMD-CONFIRM")
    assert confirmed.feedback is Feedback.COMPLETE
    parent = store.bag("SB00044")
    assert parent is not None
    assert parent.status == "completed"

    # idle reset after 10 minutes
    shift.scan("SB00045")
    shift.scan("0019002")
    assert wf.tick(clock.advance(minutes=9)) is None
    idle = wf.tick(clock.advance(minutes=1))
    assert idle is not None
    assert idle.reason == "idle_reset"
    assert idle.screen.mode is Mode.SCAN_PARENT
    assert "SB00045 stays open at 1 / 30" in idle.message

    # the outbox holds exactly the confirmed actions, in order
    rows = store.events()
    assert [r.event.id for r in rows] == shift.confirmed
    seqs = [r.event.seq for r in rows]
    assert all(b > a for a, b in itertools.pairwise(seqs))
    ids = [uuid.UUID(r.event.id) for r in rows]
    assert ids == sorted(ids)
    types = [r.event.type for r in rows]
    assert types[0] == "scan_rejected"
    assert types.count("child_link") == 30 + 1 + 5 + 1 + 1
    assert types.count("child_unlink") == 1
    assert types.count("parent_finish") == 2
    assert {r.event.operator for r in rows} == {"ravi"}
    assert all(datetime.fromisoformat(r.event.occurred_at).utcoffset() for r in rows)


def test_switching_parents_and_errors_say_what_to_do(wf: StationWorkflow, clock: Clock) -> None:
    shift = Shift(wf, clock)
    login(wf, "ravi")
    shift.scan("SB00017")
    shift.scan("0016586")
    shift.scan("SB00042")
    moved = shift.scan("0016586")
    assert moved.feedback is Feedback.ERROR
    assert moved.message == "SB00017 already holds this child (0016586) — put it back."
    assert moved.event_id is not None  # recorded as scan_rejected
    shift.scan("0016587")
    switched = shift.scan("SB00017")
    assert switched.feedback is Feedback.PARENT
    assert "SB00042 stays open at 1 / 30" in switched.message
    assert switched.screen.count == 1
    dup = shift.scan("0016586")
    assert dup.feedback is Feedback.DUPLICATE
    noise = shift.scan("\x00\x01\x02")
    assert noise.feedback is Feedback.ERROR
    assert noise.reason == "binary_noise"
    assert noise.event_id is not None
    unknown = shift.scan("HELLO WORLD!")
    assert unknown.feedback is Feedback.ERROR
    assert unknown.reason == "invalid_code"
    # undo takes the last link of the session, whichever parent it was in
    undone = wf.undo()
    assert (undone.screen.parent, undone.screen.count) == ("SB00042", 0)
    assert wf.undo().screen.parent == "SB00017"
    assert wf.undo().reason == "nothing_to_undo"


def test_roles_are_enforced(wf: StationWorkflow, clock: Clock) -> None:
    login(wf, "ravi")
    assert wf.enter_bill_mode().reason == "not_allowed"
    assert wf.create_bill("B-1", 5).reason == "not_allowed"
    wf.logout()
    login(wf, "bina")
    assert wf.mode is Mode.BILL
    assert wf.enter_scan_mode().reason == "not_allowed"
    assert wf.scan_parent("SB00001").reason == "not_allowed"
    wf.logout()
    login(wf, "suma")  # supervisors watch: neither pack nor bill
    assert wf.scan_parent("SB00001").reason == "not_allowed"
    assert wf.create_bill("B-1", 5).reason == "not_allowed"
    wf.logout()
    login(wf, "sam")  # admins do everything
    assert wf.enter_bill_mode().screen.mode is Mode.BILL
    assert wf.enter_scan_mode().screen.mode is Mode.SCAN_PARENT
    assert wf.logout().screen.mode is Mode.LOGGED_OUT
    shift = Shift(wf, clock)
    assert shift.scan("SB00001").reason == "not_logged_in"


def test_bill_flows_and_each_error_kind(
    wf: StationWorkflow, store: LocalStore, clock: Clock
) -> None:
    shift = Shift(wf, clock)
    login(wf, "ravi")
    for n in range(1, 5):
        shift.scan(f"SB{n:05d}")
        shift.scan(f"{20000 + n:07d}")
    shift.scan("M444-00001")
    shift.scan("0030001")
    wf.logout()
    login(wf, "bina")

    unknown_bill = shift.scan("BILL-2025-009")
    assert unknown_bill.reason == "unknown_bill"
    no_bill = shift.scan("SB00001")
    assert no_bill.reason == "no_bill"

    created = wf.create_bill("bill-2025-001", 2, "Akola", "MH12AB1234")
    assert created.feedback is Feedback.GOOD
    assert created.screen.bill == "BILL-2025-001"
    assert created.screen.bill_capacity == 2
    assert wf.create_bill("BILL-2025-001", 3).reason == "bill_exists"

    asked = shift.scan("SB00001")  # 1 of 30 children: asked about, put on when scanned again
    assert asked.feedback is Feedback.NEEDS_CONFIRMATION
    added = shift.scan("SB00001")
    assert added.feedback is Feedback.GOOD
    assert added.screen.bill_count == 1
    again = shift.scan("SB00001")
    assert (again.feedback, again.reason) == (Feedback.DUPLICATE, "already_on_this_bill")
    child = shift.scan("0020001")
    assert (child.feedback, child.reason) == (Feedback.ERROR, "wrong_bag_type")
    assert "Wrong bag type" in child.message
    unpacked = shift.scan("SB99999")
    assert (unpacked.feedback, unpacked.reason) == (Feedback.ERROR, "unknown_bag")
    bad = shift.scan("XX-1")
    assert (bad.feedback, bad.reason) == (Feedback.ERROR, "invalid_code")
    assert "Invalid format" in bad.message
    shift.scan("SB00002")
    assert shift.scan("SB00002").screen.bill_count == 2
    full = shift.scan("SB00003")
    assert (full.feedback, full.reason) == (Feedback.ERROR, "bill_full")

    wf.create_bill("BILL-2025-002", 5)
    other = shift.scan("SB00001")
    assert (other.feedback, other.reason) == (Feedback.ERROR, "already_on_other_bill")
    assert "BILL-2025-001" in other.message
    shift.scan("M444-00001")
    assert shift.scan("M444-00001").feedback is Feedback.GOOD
    bill2 = store.bill("BILL-2025-002")
    assert bill2 is not None
    assert (bill2.expected_kg, bill2.actual_kg) == (15, 1)

    reopened = shift.scan("BILL-2025-001")  # scanning a bill id opens it
    assert reopened.screen.bill == "BILL-2025-001"
    assert wf.complete_bill().feedback is Feedback.COMPLETE
    assert wf.update_bill(capacity=3).feedback is Feedback.GOOD
    bill1 = store.bill("BILL-2025-001")
    assert bill1 is not None
    assert (bill1.capacity, bill1.status) == (3, "processing")
    assert wf.remove_parent("SB00002").feedback is Feedback.GOOD
    assert wf.remove_parent("SB00002").reason == "not_on_this_bill"

    returned = wf.return_parent("SB00001", "RT-7", "C&F Akola")
    assert returned.feedback is Feedback.GOOD
    bag = store.bag("SB00001")
    assert bag is not None
    assert bag.bill is None
    bill1 = store.bill("BILL-2025-001")
    assert bill1 is not None
    assert bill1.parent_count == 0
    events = [r.event for r in store.events() if r.event.operator == "bina"]
    assert [e.type for e in events if e.type != "scan_rejected"] == [
        "bill_create",
        "bill_add_parent",
        "bill_add_parent",  # the duplicate is sent: the server counts it
        "bill_add_parent",
        "bill_create",
        "bill_add_parent",
        "bill_complete",
        "bill_update",
        "bill_remove_parent",
        "return_add",
    ]
    ret = next(e for e in events if e.type == "return_add")
    assert ret.data == {"ticket": "RT-7", "location": "C&F Akola"}


def test_lookup_from_local_store(wf: StationWorkflow, clock: Clock) -> None:
    shift = Shift(wf, clock)
    login(wf, "sam")
    shift.scan("SB00042")
    shift.scan("0016586")
    shift.scan("0016587")
    wf.enter_bill_mode()
    wf.create_bill("BILL-X", 1)
    shift.scan("SB00042")
    shift.scan("SB00042")  # 2 of 30 children: the second scan puts it on
    parent = wf.lookup("sb00042")
    assert parent.bag is not None
    assert parent.children == ["0016586", "0016587"]
    assert parent.bill is not None
    assert parent.bill.bill_id == "BILL-X"
    assert [h.event.type for h in parent.history] == [
        "parent_scan",
        "child_link",
        "child_link",
        "bill_add_parent",
    ]
    child = wf.lookup("0016586")
    assert child.parent is not None
    assert child.parent.code == "SB00042"
    assert "in SB00042" in child.message
    bill = wf.lookup("bill-x")
    assert bill.bill_parents == ["SB00042"]
    assert not wf.lookup("SB77777").found


def test_a_held_trigger_counts_once_but_a_real_second_scan_is_answered(
    store: LocalStore, clock: Clock
) -> None:
    wf = StationWorkflow(store, store.rules, clock, debounce_ms=700)
    login(wf, "ravi")

    def read(text: str, after_ms: float, scanner: str = "sim") -> ActionResult:
        clock.advance(milliseconds=after_ms)
        return wf.handle_scan(ScanRecord(text, ScanSource.SERIAL, scanner, clock()))

    assert read("SB00031", 0).feedback is Feedback.PARENT
    assert read("0031001", 2000).feedback is Feedback.GOOD
    repeat = read("0031001", 150)  # the trigger was held: the scanner sent it again
    assert (repeat.reason, repeat.event_id) == ("debounced", None)
    assert repeat.screen.count == 1
    again = read("0031001", 150)  # a held trigger keeps extending the window
    assert again.reason == "debounced"
    later = read("0031001", 1500)  # a real second scan, later: the rules answer it
    assert (later.feedback, later.reason) == (Feedback.DUPLICATE, "already_linked")
    other_scanner = read("0031001", 10, scanner="dock-2")  # debounce is per scanner
    assert other_scanner.reason == "already_linked"
    assert read("0031002", 2000).feedback is Feedback.GOOD
    wf.undo()  # after an undo the same label may be scanned again at once
    assert read("0031002", 100).feedback is Feedback.GOOD
    assert store.pending_count() == 1 + 2 + 2 + 1 + 1  # parent, 2 links, 2 dups, undo, relink


def test_headless_operator_must_be_a_known_active_scanner(store: LocalStore, clock: Clock) -> None:
    wf = StationWorkflow(store, store.rules, clock)
    unknown = wf.login_unattended("nobody")
    assert unknown.reason == "unknown_user"
    assert "sync once" in unknown.message
    assert wf.login_unattended("bina").reason == "not_allowed"  # a biller does not scan bags
    assert wf.login_unattended("old").reason == "disabled"
    started = wf.login_unattended("RAVI")
    assert started.screen.mode is Mode.SCAN_PARENT
    assert wf.operator == "ravi"
