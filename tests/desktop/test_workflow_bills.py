"""A biller's corrections to a bill on a real SQLite store, with an injected clock (no Qt):
editing a bill, completing a part-loaded one, reopening, and the question before a parent that
is not full goes onto a bill."""

from __future__ import annotations

from typing import Any

import pytest

from tests.desktop.test_workflow import Clock, Shift, login
from tracetrack_desktop.domain.results import ActionResult, Feedback
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.storage.store import LocalStore


@pytest.fixture
def shift(wf: StationWorkflow, clock: Clock) -> Shift:
    return Shift(wf, clock)


def pack(shift: Shift, parent: str, children: int, first: int) -> None:
    """As the admin: ``parent`` with ``children`` children, numbered from ``first``."""
    shift.scan(parent)
    for n in range(children):
        shift.scan(f"{first + n:07d}")


def bill_events(store: LocalStore) -> list[tuple[str, str, dict[str, Any]]]:
    """(type, code, data) of every recorded bill-side event, refused reads left out."""
    return [
        (e.event.type, e.event.code, dict(e.event.data))
        for e in store.events()
        if e.event.type.startswith("bill_")
    ]


def billed(shift: Shift, bill_id: str, capacity: int, parents: list[str]) -> None:
    """Create ``bill_id`` and put ``parents`` on it (any that is not full, confirmed)."""
    wf = shift.wf
    wf.enter_bill_mode()
    assert wf.create_bill(bill_id, capacity, "Akola", "MH12AB1234").ok
    for parent in parents:
        assert wf.add_parent(parent).feedback is Feedback.GOOD


def test_editing_a_bill_records_only_what_changed(
    wf: StationWorkflow, shift: Shift, store: LocalStore
) -> None:
    login(wf, "sam")
    billed(shift, "BILL-1", 5, [])
    changed = wf.update_bill(capacity=5, destination=" Indore ", vehicle="MH12AB1234")
    assert changed.feedback is Feedback.GOOD
    assert changed.message == "Bill BILL-1 changed: destination Indore."
    assert changed.event_id is not None
    assert wf.update_bill(capacity=8).screen.bill_capacity == 8
    assert wf.update_bill(vehicle="").message == "Bill BILL-1 changed: vehicle (none)."
    same = wf.update_bill(capacity=8, destination="Indore", vehicle="")
    assert (same.feedback, same.reason, same.event_id) == (Feedback.INFO, "unchanged", None)
    bill = store.bill("BILL-1")
    assert bill is not None
    assert (bill.capacity, bill.destination, bill.vehicle) == (8, "Indore", "")
    assert bill_events(store)[1:] == [
        ("bill_update", "", {"destination": "Indore"}),
        ("bill_update", "", {"capacity": 8}),
        ("bill_update", "", {"vehicle": ""}),
    ]


def test_a_capacity_below_the_load_or_out_of_range_is_refused(
    wf: StationWorkflow, shift: Shift, store: LocalStore
) -> None:
    login(wf, "sam")
    pack(shift, "SB00001", 30, 10_000)
    pack(shift, "SB00002", 30, 20_000)
    billed(shift, "BILL-2", 4, ["SB00001", "SB00002"])
    below = wf.update_bill(capacity=1)
    assert (below.feedback, below.reason) == (Feedback.ERROR, "capacity_below_linked")
    assert below.message == (
        "Bill BILL-2 already holds 2 parents: its capacity cannot go below 2. "
        "Take parents off first to go lower."
    )
    for wrong in (0, 51):
        refused = wf.update_bill(capacity=wrong, destination="Pune")
        assert (refused.feedback, refused.reason) == (Feedback.ERROR, "invalid_capacity")
        assert refused.message == f"A bill holds 1 to 50 parents, not {wrong}."
    bill = store.bill("BILL-2")
    assert bill is not None
    assert (bill.capacity, bill.destination) == (4, "Akola"), "a refused edit changes nothing"
    assert [t for t, _, _ in bill_events(store)].count("bill_update") == 0
    assert wf.update_bill(capacity=2).feedback is Feedback.GOOD, "down to the load is fine"


def test_a_part_loaded_bill_completes_early_with_its_capacity_lowered(
    wf: StationWorkflow, shift: Shift, store: LocalStore
) -> None:
    login(wf, "sam")
    for n in range(1, 4):
        pack(shift, f"SB0000{n}", 30, n * 10_000)
    billed(shift, "BILL-3", 10, ["SB00001", "SB00002", "SB00003"])
    assert wf.complete_bill().reason == "bill_not_full", "a plain complete still needs it full"
    done = wf.complete_bill_early()
    assert done.feedback is Feedback.COMPLETE
    assert done.message == "Bill BILL-3 completed with 3 parents (capacity lowered from 10)."
    assert (done.screen.bill_count, done.screen.bill_capacity, done.screen.bill_status) == (
        3,
        3,
        "completed",
    )
    assert bill_events(store)[-2:] == [
        ("bill_update", "", {"capacity": 3}),
        ("bill_complete", "", {}),
    ], "both steps are recorded: the lowered capacity is in the bill's history"


def test_completing_early_an_empty_or_full_bill(
    wf: StationWorkflow, shift: Shift, store: LocalStore
) -> None:
    login(wf, "sam")
    pack(shift, "SB00001", 30, 10_000)
    billed(shift, "BILL-4", 3, [])
    empty = wf.complete_bill_early()
    assert (empty.feedback, empty.reason) == (Feedback.ERROR, "bill_not_full")
    assert "has no parents yet" in empty.message
    assert [t for t, _, _ in bill_events(store)] == ["bill_create"]
    billed(shift, "BILL-5", 1, ["SB00001"])
    full = wf.complete_bill_early()
    assert (full.feedback, full.message) == (Feedback.COMPLETE, "Bill BILL-5 completed.")
    assert [t for t, _, _ in bill_events(store)][-2:] == ["bill_add_parent", "bill_complete"]


def test_a_completed_bill_reopens(wf: StationWorkflow, shift: Shift, store: LocalStore) -> None:
    login(wf, "sam")
    pack(shift, "SB00001", 30, 10_000)
    billed(shift, "BILL-6", 1, ["SB00001"])
    assert wf.complete_bill().feedback is Feedback.COMPLETE
    reopened = wf.reopen_bill()
    assert reopened.feedback is Feedback.GOOD
    assert reopened.message == (
        "Bill BILL-6 is open again (1 / 1 parents). Scan parents onto it, or edit its capacity."
    )
    bill = store.bill("BILL-6")
    assert bill is not None
    assert bill.status == "processing"
    again = wf.reopen_bill()
    assert (again.feedback, again.reason) == (Feedback.DUPLICATE, "bill_not_completed")
    assert [t for t, _, _ in bill_events(store)][-3:] == [
        "bill_complete",
        "bill_reopen",
        "bill_reopen",  # the duplicate is sent too: the server counts it
    ]


def asked(result: ActionResult, parent: str, children: int) -> None:
    assert result.feedback is Feedback.NEEDS_CONFIRMATION
    assert result.message == (
        f"{parent} holds {children} of 30 children. "
        "Scan it again or press Confirm to put it on the bill anyway."
    )
    assert result.event_id is None
    assert result.screen.confirming == f"bill_add {parent}"


def test_a_parent_that_is_not_full_goes_on_only_when_scanned_again(
    wf: StationWorkflow, shift: Shift, store: LocalStore
) -> None:
    login(wf, "sam")
    pack(shift, "SB00042", 11, 10_000)
    billed(shift, "BILL-7", 5, [])
    first = shift.scan("SB00042")
    asked(first, "SB00042", 11)
    assert first.screen.bill_count == 0
    assert [t for t, _, _ in bill_events(store)] == ["bill_create"], "a question records nothing"
    second = shift.scan("SB00042")
    assert (second.feedback, second.screen.bill_count) == (Feedback.GOOD, 1)
    assert second.screen.confirming == ""
    assert bill_events(store)[-1][:2] == ("bill_add_parent", "SB00042")


def test_the_question_is_answered_by_confirm_and_cancelled_by_anything_else(
    wf: StationWorkflow, shift: Shift, store: LocalStore, clock: Clock
) -> None:
    login(wf, "sam")
    pack(shift, "SB00001", 2, 10_000)
    pack(shift, "SB00002", 30, 20_000)
    pack(shift, "SB00003", 3, 30_000)
    billed(shift, "BILL-8", 5, [])

    asked(shift.scan("SB00001"), "SB00001", 2)
    cancelled = shift.scan("CMD-CANCEL")
    assert cancelled.message == "SB00001 stays off bill BILL-8. Scan the next parent."
    asked(shift.scan("SB00001"), "SB00001", 2)
    assert shift.scan("SB00002").feedback is Feedback.GOOD, "a full parent goes on at once"
    asked(shift.scan("SB00001"), "SB00001", 2)  # another scan answered "no": asked again
    asked(shift.scan("SB00003"), "SB00003", 3)
    asked(shift.scan("SB00001"), "SB00001", 2)
    clock.advance(seconds=11)
    late = wf.confirm()
    assert (late.reason, late.message) == (
        "confirmation_expired",
        "That request timed out. Scan SB00001 again if you still want it on the bill.",
    )
    asked(shift.scan("SB00001"), "SB00001", 2)
    clock.advance(seconds=11)
    asked(shift.scan("SB00001"), "SB00001", 2)  # too late to count as the second scan
    confirmed = shift.scan("CMD-CONFIRM")
    assert (confirmed.feedback, confirmed.code) == (Feedback.GOOD, "SB00001")
    asked(shift.scan("SB00003"), "SB00003", 3)
    wf.update_bill(destination="Pune")  # any other bill action answers "no" too
    assert wf.confirm().reason == "nothing_pending"
    adds = [code for kind, code, _ in bill_events(store) if kind == "bill_add_parent"]
    assert adds == ["SB00002", "SB00001"]


def test_only_an_add_the_rules_would_take_is_asked_about(
    wf: StationWorkflow, shift: Shift, store: LocalStore
) -> None:
    login(wf, "sam")
    pack(shift, "SB00001", 2, 10_000)
    pack(shift, "SB00002", 30, 20_000)
    pack(shift, "SB00003", 5, 30_000)
    billed(shift, "BILL-9", 1, ["SB00001"])
    billed(shift, "BILL-10", 1, ["SB00002"])
    on_other = shift.scan("SB00001")
    assert (on_other.feedback, on_other.reason) == (Feedback.ERROR, "already_on_other_bill")
    full = shift.scan("SB00003")
    assert (full.feedback, full.reason) == (Feedback.ERROR, "bill_full")


def test_a_held_trigger_is_not_a_second_scan(store: LocalStore, clock: Clock) -> None:
    wf = StationWorkflow(store, store.rules, clock, debounce_ms=700)
    shift = Shift(wf, clock)
    login(wf, "sam")
    pack(shift, "SB00001", 2, 10_000)
    billed(shift, "BILL-11", 2, [])
    asked(shift.scan("SB00001"), "SB00001", 2)
    held = wf.handle_scan(ScanRecord("SB00001", ScanSource.SIMULATED, "sim", clock()))
    assert held.reason == "debounced"
    bill = store.bill("BILL-11")
    assert bill is not None
    assert bill.parent_count == 0


@pytest.mark.parametrize("name", ["ravi", "suma"])
def test_only_billers_and_admins_change_bills(
    wf: StationWorkflow, store: LocalStore, name: str
) -> None:
    login(wf, "bina")
    assert wf.create_bill("BILL-12", 3).ok
    wf.logout()
    login(wf, name)
    for result in (
        wf.update_bill(capacity=2),
        wf.complete_bill_early(),
        wf.reopen_bill(),
        wf.offer_parent("SB00001"),
    ):
        assert (result.feedback, result.reason) == (Feedback.ERROR, "not_allowed")
    assert [t for t, _, _ in bill_events(store)] == ["bill_create"]
