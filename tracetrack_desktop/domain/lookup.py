"""Bag and bill lookup from the station's local store (works offline)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracetrack_core import rules as core
from tracetrack_core.codes import CodeRules, InvalidReadError, decode, normalise
from tracetrack_desktop.storage.store import LocalStore, StoredEvent


@dataclass(frozen=True)
class LookupResult:
    """What the station knows about one code.

    Attributes:
        query: the code as looked up (normalised).
        bag: the bag, or None if unknown here.
        parent: the bag's parent (for a child).
        children: the bag's children (for a parent).
        bill: the bill the bag is on (or the bill looked up by id).
        bill_parents: the parents on ``bill``.
        history: local events about the code, oldest first.
        message: one line for the operator.
    """

    query: str
    bag: core.Bag | None = None
    parent: core.Bag | None = None
    children: list[str] = field(default_factory=list)
    bill: core.Bill | None = None
    bill_parents: list[str] = field(default_factory=list)
    history: list[StoredEvent] = field(default_factory=list)
    message: str = ""

    @property
    def found(self) -> bool:
        return self.bag is not None or self.bill is not None


def lookup_key(text: str, rules: CodeRules | None = None) -> str:
    """The code to look up for what was scanned or typed: the label number of a long printed
    child label, the bag code of a GS1 label, otherwise the normalised text."""
    code = normalise(text)
    if rules is None:
        return code
    try:
        decoded = decode(text, rules)
    except InvalidReadError:
        return code
    return decoded.code or code


def lookup(store: LocalStore, text: str, rules: CodeRules | None = None) -> LookupResult:
    """Everything the local store knows about a bag code or bill id."""
    code = lookup_key(text, rules)
    bag = store.bag(code)
    history = store.history(code)
    if bag is None:
        bill = store.bill(code)
        if bill is None:
            return LookupResult(
                code,
                history=history,
                message=f"{code} is not known at this station (it may not have synced yet).",
            )
        parents = store.parents_on_bill(bill.bill_id)
        return LookupResult(
            code,
            bill=bill,
            bill_parents=parents,
            history=history,
            message=f"Bill {bill.bill_id}: {bill.parent_count} / {bill.capacity} parents, "
            f"{bill.actual_kg} of {bill.expected_kg} kg, {bill.status}.",
        )
    if bag.status == core.VOIDED:  # out of use: what it once held or was on is history now
        return LookupResult(
            code,
            bag,
            history=history,
            message=f"{code} is voided: it counts nowhere until an admin restores it.",
        )
    if bag.kind == core.CHILD:
        parent = store.bag(bag.parent) if bag.parent else None
        bill = store.bill(parent.bill) if parent and parent.bill else None
        message = f"Child {code} is in {bag.parent}." if bag.parent else f"Child {code} is free."
        return LookupResult(code, bag, parent=parent, bill=bill, history=history, message=message)
    children = store.children_of(code)
    bill = store.bill(bag.bill) if bag.bill else None
    where = f", on bill {bag.bill}" if bag.bill else ""
    return LookupResult(
        code,
        bag,
        children=children,
        bill=bill,
        bill_parents=store.parents_on_bill(bill.bill_id) if bill else [],
        history=history,
        message=f"Parent {code}: {bag.child_count} children, {bag.status}{where}.",
    )
