"""The shared bag rules: examples from docs/domain.md and invariants under random event streams."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_core.events import Counter, Reason, Status
from tracetrack_core.rules import EventInput, MemoryState, Rules

rules = Rules()


def apply(state: MemoryState, type_: str, code: str = "", **kw: object) -> object:
    return rules.apply(EventInput(type=type_, code=code, **kw), state)  # type: ignore[arg-type]


def test_thirtieth_child_completes_and_a_completed_parent_takes_no_more() -> None:
    state = MemoryState()
    apply(state, "parent_scan", "SB00001")
    outcomes = [apply(state, "child_link", f"K{i:05d}", parent="SB00001") for i in range(30)]
    assert outcomes[-1].completed  # type: ignore[attr-defined]
    assert Counter.PARENTS_COMPLETED in outcomes[-1].counts  # type: ignore[attr-defined]
    late = rules.apply(EventInput("child_link", "K99999", parent="SB00001"), state)
    assert (late.status, late.reason) == (Status.CONFLICT, Reason.PARENT_COMPLETED)


def test_m444_parents_hold_thirty_and_weigh_fifteen_on_a_bill() -> None:
    state = MemoryState()
    apply(state, "parent_scan", "M444-00017")
    for i in range(3):
        apply(state, "child_link", f"KID{i:04d}", parent="M444-00017")
    apply(state, "bill_create", bill="bill-2025-001", data={"capacity": 2})
    apply(state, "bill_add_parent", "M444-00017", bill="BILL-2025-001")
    bill = state.bill("BILL-2025-001")
    assert bill is not None
    assert (bill.expected_kg, bill.actual_kg) == (15, 3)
    assert rules.capacity_of("M444-00017") == 30


def test_a_code_is_a_parent_or_a_child_never_both() -> None:
    state = MemoryState()
    apply(state, "parent_scan", "SB00001")
    apply(state, "child_link", "KID00001", parent="SB00001")
    as_parent = rules.apply(EventInput("parent_scan", "KID00001"), state)
    assert (as_parent.status, as_parent.reason) == (Status.CONFLICT, Reason.CODE_IS_CHILD)
    assert as_parent.detail["current_parent"] == "SB00001"
    apply(state, "parent_scan", "SB00002")
    parent_as_child = rules.apply(EventInput("child_link", "SB00001", parent="SB00002"), state)
    assert (parent_as_child.status, parent_as_child.reason) == (
        Status.CONFLICT,
        Reason.CODE_IS_PARENT,
    )
    self_link = rules.apply(EventInput("child_link", "SB00002", parent="SB00002"), state)
    assert self_link.reason is Reason.SELF_LINK


def test_duplicate_child_into_same_parent_is_harmless() -> None:
    state = MemoryState()
    apply(state, "parent_scan", "SB00001")
    apply(state, "child_link", "KID00001", parent="SB00001")
    again = rules.apply(EventInput("child_link", "KID00001", parent="SB00001"), state)
    assert (again.status, again.reason) == (Status.DUPLICATE, Reason.ALREADY_LINKED)
    assert state.bag("SB00001").child_count == 1  # type: ignore[union-attr]


def test_bill_capacity_cannot_drop_below_linked_and_complete_needs_full() -> None:
    state = MemoryState()
    for code in ("SB00001", "SB00002"):
        apply(state, "parent_scan", code)
        apply(state, "child_link", "K" + code, parent=code)
    apply(state, "bill_create", bill="B1", data={"capacity": 3})
    apply(state, "bill_add_parent", "SB00001", bill="B1")
    apply(state, "bill_add_parent", "SB00002", bill="B1")
    early = rules.apply(EventInput("bill_complete", bill="B1"), state)
    assert early.reason is Reason.BILL_NOT_FULL
    shrink = rules.apply(EventInput("bill_update", bill="B1", data={"capacity": 1}), state)
    assert shrink.reason is Reason.CAPACITY_BELOW_LINKED
    apply(state, "bill_update", bill="B1", data={"capacity": 2})
    done = rules.apply(EventInput("bill_complete", bill="B1"), state)
    assert done.status is Status.ACCEPTED
    assert state.bill("B1").status == "completed"  # type: ignore[union-attr]


PARENTS = ["SB00001", "SB00002", "M444-00001"]
KIDS = [f"KID{i:04d}" for i in range(40)]
BILLS = ["B1", "B2"]

events = st.one_of(
    st.builds(lambda c: EventInput("parent_scan", c), st.sampled_from(PARENTS + KIDS[:2])),
    st.builds(
        lambda c, p: EventInput("child_link", c, parent=p),
        st.sampled_from(KIDS + PARENTS[:1]),
        st.sampled_from(PARENTS),
    ),
    st.builds(
        lambda c, p: EventInput("child_unlink", c, parent=p),
        st.sampled_from(KIDS),
        st.sampled_from(PARENTS),
    ),
    st.builds(lambda p: EventInput("parent_finish", p), st.sampled_from(PARENTS)),
    st.builds(
        lambda b, n: EventInput("bill_create", bill=b, data={"capacity": n}),
        st.sampled_from(BILLS),
        st.integers(0, 3),
    ),
    st.builds(
        lambda p, b: EventInput("bill_add_parent", p, bill=b),
        st.sampled_from(PARENTS + KIDS[:1]),
        st.sampled_from(BILLS),
    ),
    st.builds(
        lambda p, b: EventInput("bill_remove_parent", p, bill=b),
        st.sampled_from(PARENTS),
        st.sampled_from(BILLS),
    ),
    st.builds(lambda b: EventInput("bill_complete", bill=b), st.sampled_from(BILLS)),
    st.builds(
        lambda p: EventInput("return_add", p, data={"ticket": "T1"}), st.sampled_from(PARENTS)
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(events, max_size=120))
def test_state_invariants_hold_for_any_event_stream(stream: list[EventInput]) -> None:
    state = MemoryState()
    for ev in stream:
        before = {k: (b.parent, b.child_count, b.bill, b.status) for k, b in state.bags.items()}
        outcome = rules.apply(ev, state)
        if outcome.status is not Status.ACCEPTED:
            after = {k: (b.parent, b.child_count, b.bill, b.status) for k, b in state.bags.items()}
            assert after == before, "a refused event must not change state"
    parents = {c: b for c, b in state.bags.items() if b.kind == "parent"}
    for code, parent in parents.items():
        linked = [b for b in state.bags.values() if b.parent == code]
        assert parent.child_count == len(linked)
        assert parent.child_count <= rules.capacity_of(code)
        assert all(b.kind == "child" for b in linked)
    for bill in state.bills.values():
        on_bill = [p for p in parents.values() if p.bill == bill.bill_id]
        assert bill.parent_count == len(on_bill) <= bill.capacity
        assert bill.actual_kg == sum(p.child_count for p in on_bill)
        assert bill.expected_kg == sum(rules.expected_kg_of(p.code) for p in on_bill)
