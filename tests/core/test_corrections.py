"""Corrections on the pure engine (docs/domain.md#corrections): removing, moving, reopening,
voiding and restoring bags; each refusal, what each counts, and what follows for parents and
bills."""

from __future__ import annotations

from collections import Counter as Tally
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_core.codes import CodeRules, ParentSeries
from tracetrack_core.events import CORRECTION_TYPES, Counter, EventType, Reason, Status
from tracetrack_core.rules import (
    BAG_FIELDS,
    COMPLETED,
    OPEN,
    VOIDED,
    Bag,
    EventInput,
    MemoryState,
    Outcome,
    Rules,
    codes_touched,
    fields_of,
    keys_touched,
    parents_of_voided,
)

# parents of the T series hold three children, so filling one takes three links
rules = Rules(
    CodeRules(parent_series=(ParentSeries(name="T", pattern=r"T\d{3}", capacity=3, expected_kg=9),))
)
WHY = {"reason": "wrong_parent"}


def apply(state: MemoryState, type_: str, code: str = "", **kw: Any) -> Outcome:
    return rules.apply(EventInput(type=type_, code=code, **kw), state)


def ok(state: MemoryState, type_: str, code: str = "", **kw: Any) -> Outcome:
    outcome = apply(state, type_, code, **kw)
    assert outcome.status is Status.ACCEPTED, outcome
    return outcome


def packed(parents: dict[str, int]) -> MemoryState:
    """Parents holding ``n`` children each, named ``<parent>-K<i>`` (``KT001x0``...)."""
    state = MemoryState()
    for parent, n in parents.items():
        ok(state, "parent_scan", parent)
        for i in range(n):
            ok(state, "child_link", kid(parent, i), parent=parent)
    return state


def kid(parent: str, i: int) -> str:
    return f"K{parent}X{i}"


def billed(state: MemoryState, *parents: str, bill: str = "B1") -> None:
    ok(state, "bill_create", bill=bill, data={"capacity": 5})
    for parent in parents:
        ok(state, "bill_add_parent", parent, bill=bill)


def bag(state: MemoryState, code: str) -> Bag:
    found = state.bag(code)
    assert found is not None
    return found


def kg(state: MemoryState, bill: str = "B1") -> int:
    found = state.bill(bill)
    assert found is not None
    return found.actual_kg


def refused(outcome: Outcome, status: Status, reason: Reason) -> None:
    assert (outcome.status, outcome.reason) == (status, reason), outcome
    assert outcome.message  # one sentence for the operator
    assert Counter.CORRECTIONS not in outcome.counts


# -- the reason every correction carries ---------------------------------------------------

CORRECTIONS = sorted(CORRECTION_TYPES - {EventType.BILL_REMOVE_PARENT})


@pytest.mark.parametrize("type_", CORRECTIONS)
def test_a_correction_without_a_reason_is_rejected(type_: str) -> None:
    state = packed({"T001": 1})
    out = apply(state, type_, kid("T001", 0), parent="T001", data={"from": "T001"})
    refused(out, Status.REJECTED, Reason.MISSING_FIELD)
    assert out.detail["field"] == "data.reason"
    assert out.counts == {Counter.REJECTED: 1}


@pytest.mark.parametrize("type_", CORRECTIONS)
def test_a_correction_with_an_unknown_reason_is_rejected(type_: str) -> None:
    state = packed({"T001": 1})
    for reason in ("fat_finger", 7, ["wrong_parent"]):
        out = apply(state, type_, kid("T001", 0), parent="T001", data={"reason": reason})
        refused(out, Status.REJECTED, Reason.INVALID_REASON)
        assert out.detail["field"] == "data.reason"


def test_other_needs_a_note_and_a_note_is_short_text() -> None:
    state = packed({"T001": 2})
    bare = apply(state, "child_remove", kid("T001", 0), parent="T001", data={"reason": "other"})
    refused(bare, Status.REJECTED, Reason.MISSING_FIELD)
    assert bare.detail["field"] == "data.note"
    blank = apply(
        state,
        "child_remove",
        kid("T001", 0),
        parent="T001",
        data={"reason": "other", "note": "   "},
    )
    assert blank.detail["field"] == "data.note"
    too_long = apply(
        state,
        "child_remove",
        kid("T001", 0),
        parent="T001",
        data={"reason": "damaged", "note": "x" * 201},
    )
    refused(too_long, Status.REJECTED, Reason.INVALID_FIELD)
    assert too_long.detail["field"] == "data.note"
    assert bag(state, "T001").child_count == 2  # nothing happened
    ok(
        state,
        "child_remove",
        kid("T001", 0),
        parent="T001",
        data={"reason": "other", "note": "label fell off"},
    )


def test_bill_remove_parent_works_without_a_reason_and_checks_one_it_carries() -> None:
    state = packed({"T001": 1, "T002": 1})
    billed(state, "T001", "T002")
    v1 = ok(state, "bill_remove_parent", "T001", bill="B1")
    assert v1.counts == {Counter.PARENTS_UNBILLED: 1, Counter.CORRECTIONS: 1}
    wrong = apply(state, "bill_remove_parent", "T002", bill="B1", data={"reason": "oops"})
    refused(wrong, Status.REJECTED, Reason.INVALID_REASON)
    assert bag(state, "T002").bill == "B1"
    ok(state, "bill_remove_parent", "T002", bill="B1", data={"reason": "wrong_bill"})


# -- child_remove -----------------------------------------------------------------------


def test_child_remove_takes_the_child_out_and_counts_a_correction() -> None:
    state = packed({"T001": 2})
    out = ok(state, "child_remove", kid("T001", 0), parent="T001", data=WHY)
    assert out.counts == {Counter.CHILDREN_UNLINKED: 1, Counter.CORRECTIONS: 1}
    assert out.detail == {"parent": "T001", "child_count": 1, "capacity": 3}
    assert bag(state, kid("T001", 0)).parent is None
    assert bag(state, "T001").child_count == 1


def test_child_remove_reopens_a_full_parent_and_lightens_its_bill() -> None:
    state = packed({"T001": 3})
    billed(state, "T001")
    assert (bag(state, "T001").status, kg(state)) == (COMPLETED, 3)
    out = ok(state, "child_remove", kid("T001", 2), parent="T001", data=WHY)
    assert out.counts == {
        Counter.CHILDREN_UNLINKED: 1,
        Counter.PARENTS_REOPENED: 1,
        Counter.CORRECTIONS: 1,
    }
    assert (bag(state, "T001").status, kg(state)) == (OPEN, 2)


def test_child_remove_of_a_child_elsewhere_names_where_it_is() -> None:
    state = packed({"T001": 1, "T002": 0})
    out = apply(state, "child_remove", kid("T001", 0), parent="T002", data=WHY)
    refused(out, Status.CONFLICT, Reason.CHILD_NOT_IN_PARENT)
    assert out.detail["current_parent"] == "T001"
    assert "T001" in out.message
    unknown = apply(state, "child_remove", "KNEVER", parent="T001", data=WHY)
    refused(unknown, Status.CONFLICT, Reason.CHILD_NOT_IN_PARENT)
    assert unknown.detail["current_parent"] is None


# -- child_move ---------------------------------------------------------------------------


def move(state: MemoryState, child: str, source: str, target: str) -> Outcome:
    return apply(state, "child_move", child, parent=target, data={"from": source, **WHY})


def test_child_move_is_one_step_out_of_one_parent_into_another() -> None:
    state = packed({"T001": 2, "T002": 1})
    out = move(state, kid("T001", 0), "T001", "T002")
    assert out.status is Status.ACCEPTED
    assert out.counts == {
        Counter.CHILDREN_UNLINKED: 1,
        Counter.CHILDREN_LINKED: 1,
        Counter.CORRECTIONS: 1,
    }
    assert out.detail == {
        "from": "T001",
        "from_child_count": 1,
        "from_capacity": 3,
        "parent": "T002",
        "child_count": 2,
        "capacity": 3,
    }
    assert bag(state, kid("T001", 0)).parent == "T002"
    assert (bag(state, "T001").child_count, bag(state, "T002").child_count) == (1, 2)


def test_child_move_reopens_the_source_completes_the_target_and_bills_follow() -> None:
    state = packed({"T001": 3, "T002": 2})
    billed(state, "T001")
    billed(state, "T002", bill="B2")
    out = move(state, kid("T001", 0), "T001", "T002")
    assert out.completed
    assert out.counts == {
        Counter.CHILDREN_UNLINKED: 1,
        Counter.CHILDREN_LINKED: 1,
        Counter.PARENTS_REOPENED: 1,
        Counter.PARENTS_COMPLETED: 1,
        Counter.CORRECTIONS: 1,
    }
    assert (bag(state, "T001").status, bag(state, "T002").status) == (OPEN, COMPLETED)
    assert (kg(state, "B1"), kg(state, "B2")) == (2, 3)


def test_child_move_within_one_bill_keeps_its_weight() -> None:
    state = packed({"T001": 2, "T002": 1})
    billed(state, "T001", "T002")
    move(state, kid("T001", 0), "T001", "T002")
    assert kg(state) == 3


def test_child_move_into_a_parent_never_seen_brings_it_into_being() -> None:
    state = packed({"T001": 1})
    out = move(state, kid("T001", 0), "T001", "T009")
    assert out.status is Status.ACCEPTED
    assert bag(state, "T009").child_count == 1


def test_child_move_refusals() -> None:
    state = packed({"T001": 2, "T002": 3, "T003": 0})
    child = kid("T001", 0)
    lost = move(state, child, "T003", "T002")
    refused(lost, Status.CONFLICT, Reason.CHILD_NOT_IN_PARENT)
    assert lost.detail["current_parent"] == "T001"
    refused(move(state, child, "T001", "T001"), Status.DUPLICATE, Reason.ALREADY_LINKED)
    refused(move(state, child, "T001", "T002"), Status.CONFLICT, Reason.PARENT_COMPLETED)
    into_child = move(state, child, "T001", kid("T001", 1))
    refused(into_child, Status.CONFLICT, Reason.CODE_IS_CHILD)
    refused(move(state, "T003", "T001", "T002"), Status.CONFLICT, Reason.CODE_IS_PARENT)
    no_source = apply(state, "child_move", child, parent="T003", data=WHY)
    refused(no_source, Status.REJECTED, Reason.MISSING_FIELD)
    assert no_source.detail["field"] == "data.from"
    assert bag(state, child).parent == "T001"
    assert [bag(state, p).child_count for p in ("T001", "T002", "T003")] == [2, 3, 0]


def test_child_move_from_is_folded_like_a_code_and_locked() -> None:
    state = packed({"T001": 1, "T002": 0})
    out = move(state, kid("T001", 0), " t001 ", "T002")
    assert out.status is Status.ACCEPTED
    event = EventInput("child_move", "KX", parent="T002", data={"from": " t001 ", **WHY})
    assert codes_touched(event) == {"KX", "T001", "T002"}
    assert keys_touched([event])[0] == {"KX", "T001", "T002"}


# -- parent_reopen ---------------------------------------------------------------------------


def test_parent_reopen_opens_a_finished_parent() -> None:
    state = packed({"T001": 2})
    ok(state, "parent_finish", "T001")
    out = ok(state, "parent_reopen", "T001", data=WHY)
    assert out.counts == {Counter.PARENTS_REOPENED: 1, Counter.CORRECTIONS: 1}
    assert bag(state, "T001").status == OPEN
    ok(state, "child_link", "KLATE1", parent="T001")  # it takes children again


def test_parent_reopen_refusals() -> None:
    state = packed({"T001": 3, "T002": 1})
    full = apply(state, "parent_reopen", "T001", data=WHY)
    refused(full, Status.CONFLICT, Reason.PARENT_FULL)
    assert "remove a child first" in full.message
    refused(apply(state, "parent_reopen", "T002", data=WHY), Status.DUPLICATE, Reason.ALREADY_OPEN)
    refused(apply(state, "parent_reopen", "T005", data=WHY), Status.CONFLICT, Reason.UNKNOWN_BAG)
    ok(state, "parent_scan", "T003")
    ok(state, "bag_void", "T003", data=WHY)
    refused(apply(state, "parent_reopen", "T003", data=WHY), Status.CONFLICT, Reason.BAG_VOIDED)


# -- bag_void and bag_restore ------------------------------------------------------------


def test_voiding_a_linked_child_takes_it_out_first() -> None:
    state = packed({"T001": 3})
    billed(state, "T001")
    out = ok(state, "bag_void", kid("T001", 1), data={"reason": "damaged"})
    assert out.counts == {
        Counter.CHILDREN_UNLINKED: 1,
        Counter.PARENTS_REOPENED: 1,
        Counter.CORRECTIONS: 1,
    }
    assert out.detail["former_parent"] == "T001"
    voided = bag(state, kid("T001", 1))
    assert (voided.status, voided.parent) == (VOIDED, None)
    assert (bag(state, "T001").child_count, bag(state, "T001").status) == (2, OPEN)
    assert kg(state) == 2


def test_voiding_a_free_child_or_an_empty_parent_counts_only_a_correction() -> None:
    state = packed({"T001": 1, "T002": 0})
    ok(state, "child_unlink", kid("T001", 0), parent="T001")
    for code in (kid("T001", 0), "T002"):
        out = ok(state, "bag_void", code, data={"reason": "test_scan"})
        assert out.counts == {Counter.CORRECTIONS: 1}
        assert "former_parent" not in out.detail
        assert bag(state, code).status == VOIDED


def test_bag_void_refusals() -> None:
    state = packed({"T001": 2, "T002": 1})
    billed(state, "T002")
    holding = apply(state, "bag_void", "T001", data=WHY)
    refused(holding, Status.CONFLICT, Reason.PARENT_NOT_EMPTY)
    assert holding.detail["child_count"] == 2
    assert "move or remove its 2 children first" in holding.message
    on_bill = apply(state, "bag_void", "T002", data=WHY)
    refused(on_bill, Status.CONFLICT, Reason.PARENT_ON_BILL)
    assert on_bill.detail["bill"] == "B1"
    refused(apply(state, "bag_void", "KNEVER", data=WHY), Status.CONFLICT, Reason.UNKNOWN_BAG)
    ok(state, "bag_void", kid("T001", 0), data=WHY)
    again = apply(state, "bag_void", kid("T001", 0), data=WHY)
    refused(again, Status.DUPLICATE, Reason.ALREADY_VOIDED)


def test_a_voided_bag_takes_part_in_nothing() -> None:
    state = packed({"T001": 1, "T002": 1, "T003": 0})
    billed(state)
    ok(state, "bag_void", "T003", data=WHY)  # an empty parent
    child = kid("T001", 0)
    ok(state, "bag_void", child, data=WHY)  # a child (taken out of T001)
    attempts = [
        ("parent_scan", "T003", {}),
        ("child_link", "KNEW01", {"parent": "T003"}),
        ("child_link", child, {"parent": "T001"}),
        ("child_link", child, {"parent": "T002"}),
        ("child_unlink", child, {"parent": "T001"}),
        ("parent_finish", "T003", {}),
        ("bill_add_parent", "T003", {"bill": "B1"}),
        ("bill_remove_parent", "T003", {"bill": "B1"}),
        ("return_add", "T003", {"data": {"ticket": "R1"}}),
        ("child_remove", child, {"parent": "T001", "data": WHY}),
        ("child_move", child, {"parent": "T002", "data": {"from": "T001", **WHY}}),
        ("child_move", kid("T002", 0), {"parent": "T003", "data": {"from": "T002", **WHY}}),
        ("parent_reopen", "T003", {"data": WHY}),
    ]
    before = {code: (b.parent, b.child_count, b.status) for code, b in state.bags.items()}
    for type_, code, kw in attempts:
        out = apply(state, type_, code, **kw)
        refused(out, Status.CONFLICT, Reason.BAG_VOIDED)
        assert "voided" in out.message
        assert "restore" in out.message
        assert out.counts == {Counter.CONFLICTS: 1}
    assert {code: (b.parent, b.child_count, b.status) for code, b in state.bags.items()} == before


def test_bag_restore_brings_a_voided_bag_back_open() -> None:
    state = packed({"T001": 1, "T002": 0})
    child = kid("T001", 0)
    ok(state, "bag_void", child, data=WHY)
    ok(state, "bag_void", "T002", data=WHY)
    why = {"reason": "voided_in_error"}
    out = ok(state, "bag_restore", child, data=why)
    assert out.counts == {Counter.CORRECTIONS: 1}
    assert (bag(state, child).status, bag(state, child).parent) == (OPEN, None)
    ok(state, "bag_restore", "T002", data=why)
    ok(state, "child_link", child, parent="T002")  # both take part again
    not_voided = apply(state, "bag_restore", "T002", data=why)
    refused(not_voided, Status.DUPLICATE, Reason.NOT_VOIDED)
    unknown = apply(state, "bag_restore", "T404", data=why)
    refused(unknown, Status.CONFLICT, Reason.UNKNOWN_BAG)


def test_the_server_learns_which_parents_a_batch_of_voids_needs() -> None:
    state = packed({"T001": 1, "T002": 1})
    voids = [
        EventInput("bag_void", kid("T001", 0), data=WHY),
        EventInput("bag_void", kid("T002", 0), parent="T002", data=WHY),
        EventInput("bag_void", "KNEVER", data=WHY),
    ]
    read = {code: b for code, b in state.bags.items() if code != "T001"}
    assert parents_of_voided(voids, read) == {"T001"}
    assert parents_of_voided(voids, state.bags) == set()


# -- any mix of work and corrections --------------------------------------------------------

PARENTS = ["T001", "T002", "T003"]
KIDS = [f"KID{i:02d}" for i in range(8)]
REASONS = st.sampled_from(["wrong_parent"] * 6 + ["other", "bogus"])  # mostly good ones
SETUP = [
    # T001 open with two children, T002 full and on bill B1, T003 empty: every correction
    # has something to act on from the first event
    *(EventInput("child_link", kid, parent="T001") for kid in KIDS[:2]),
    *(EventInput("child_link", kid, parent="T002") for kid in KIDS[2:5]),
    EventInput("parent_scan", "T003"),
    EventInput("bill_create", bill="B1", data={"capacity": 2}),
    EventInput("bill_add_parent", "T002", bill="B1"),
]


def _correction(type_: str, code: str, parent: str = "", **data: Any) -> EventInput:
    return EventInput(type_, code, parent=parent, data=data)


work_and_corrections = st.one_of(
    st.builds(lambda p: EventInput("parent_scan", p), st.sampled_from(PARENTS)),
    st.builds(
        lambda c, p: EventInput("child_link", c, parent=p),
        st.sampled_from(KIDS),
        st.sampled_from(PARENTS),
    ),
    st.builds(
        lambda c, p: EventInput("child_unlink", c, parent=p),
        st.sampled_from(KIDS),
        st.sampled_from(PARENTS),
    ),
    st.builds(lambda p: EventInput("parent_finish", p), st.sampled_from(PARENTS)),
    st.just(EventInput("bill_create", bill="B1", data={"capacity": 2})),
    st.builds(lambda p: EventInput("bill_add_parent", p, bill="B1"), st.sampled_from(PARENTS)),
    st.builds(lambda p: EventInput("bill_remove_parent", p, bill="B1"), st.sampled_from(PARENTS)),
    st.builds(
        lambda c, p, r: _correction("child_remove", c, p, reason=r),
        st.sampled_from(KIDS[:5]),  # (the children SETUP packs)
        st.sampled_from(PARENTS),
        REASONS,
    ),
    st.builds(
        lambda c, src, dst, r: _correction("child_move", c, dst, reason=r, **{"from": src}),
        st.sampled_from(KIDS[:5]),
        st.sampled_from(PARENTS),
        st.sampled_from(PARENTS),
        REASONS,
    ),
    st.builds(
        lambda p, r: _correction("parent_reopen", p, reason=r), st.sampled_from(PARENTS), REASONS
    ),
    st.builds(
        lambda c, r: _correction("bag_void", c, reason=r), st.sampled_from(PARENTS + KIDS), REASONS
    ),
    st.builds(
        lambda c: _correction("bag_restore", c, reason="voided_in_error"),
        st.sampled_from(PARENTS + KIDS),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(work_and_corrections, max_size=80))
def test_any_mix_of_work_and_corrections_keeps_the_state_and_the_counts_whole(
    stream: list[EventInput],
) -> None:
    state = MemoryState()
    counted: Tally[Counter] = Tally()
    for ev in SETUP + stream:
        before = {k: fields_of(b, BAG_FIELDS) for k, b in state.bags.items()}
        outcome = rules.apply(ev, state)
        counted.update(outcome.counts)
        if outcome.status is not Status.ACCEPTED:
            after = {k: fields_of(b, BAG_FIELDS) for k, b in state.bags.items()}
            assert after == before, "a refused event must not change state"
        corrects = outcome.status is Status.ACCEPTED and ev.type in CORRECTION_TYPES
        assert (Counter.CORRECTIONS in outcome.counts) == corrects
    bags = state.bags.values()
    for parent in (b for b in bags if b.kind == "parent"):
        held = [b for b in bags if b.parent == parent.code]
        assert parent.child_count == len(held) <= rules.capacity_of(parent.code)
        if parent.child_count == rules.capacity_of(parent.code):
            assert parent.status == COMPLETED
    for bag_ in (b for b in bags if b.status == VOIDED):
        assert (bag_.parent, bag_.child_count, bag_.bill) == (None, 0, None)
    for bill in state.bills.values():
        on_bill = [b for b in bags if b.bill == bill.bill_id]
        assert bill.parent_count == len(on_bill)
        assert bill.actual_kg == sum(p.child_count for p in on_bill)
    # the counters tell the same story as the state they left
    linked = sum(1 for b in bags if b.parent is not None)
    assert counted[Counter.CHILDREN_LINKED] - counted[Counter.CHILDREN_UNLINKED] == linked
    completed = sum(1 for b in bags if b.kind == "parent" and b.status == COMPLETED)
    assert counted[Counter.PARENTS_COMPLETED] - counted[Counter.PARENTS_REOPENED] == completed
