"""The bag rules of docs/domain.md#bag-rules as one pure state machine.

The server applies every uploaded event through :func:`apply_event` against the shared
state; the station applies the same function against its local state before it tells
the operator "good". Both therefore agree on what an event means, and the server's
answer differs from the station's only when another station got there first.

State is reached through the small :class:`State` protocol so the server can back it
with rows it preloaded for a batch and the station with its SQLite store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from tracetrack_core.codes import DEFAULT_RULES, CodeKind, CodeRules, normalise
from tracetrack_core.events import (
    CORRECTION_TYPES,
    CorrectionReason,
    Counter,
    EventType,
    Reason,
    Status,
)

PARENT = "parent"
CHILD = "child"
OPEN = "open"
COMPLETED = "completed"
VOIDED = "voided"  # taken out of use by a correction; counts nowhere until an admin restores it
BILL_NEW = "new"
BILL_PROCESSING = "processing"
BILL_COMPLETED = "completed"


@dataclass(slots=True)
class Bag:
    """A parent or child bag. ``parent`` is set on linked children, ``bill`` on billed parents."""

    code: str
    kind: str
    parent: str | None = None
    child_count: int = 0
    status: str = OPEN
    bill: str | None = None


@dataclass(slots=True)
class Bill:
    bill_id: str
    capacity: int
    destination: str = ""
    vehicle: str = ""
    status: str = BILL_NEW
    parent_count: int = 0
    actual_kg: int = 0
    expected_kg: int = 0


BAG_FIELDS = ("code", "kind", "parent", "child_count", "status", "bill")
"""The state of a bag, as stored and as sent to stations."""

BILL_FIELDS = (
    "bill_id",
    "capacity",
    "destination",
    "vehicle",
    "status",
    "parent_count",
    "actual_kg",
    "expected_kg",
)
"""The state of a bill, as stored and as sent to stations."""


def fields_of(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of a bag or bill (core dataclass or database row) as a dict."""
    return {name: getattr(obj, name) for name in names}


@dataclass(slots=True)
class ReturnRecord:
    """A parent taken off its bill by a return ticket, with the bill's totals around it."""

    parent: str
    bill: str
    ticket: str
    location: str
    before_parents: int
    after_parents: int
    before_kg: int
    after_kg: int


class State(Protocol):
    """The bags and bills an event may read and change."""

    def bag(self, code: str) -> Bag | None: ...
    def bill(self, bill_id: str) -> Bill | None: ...
    def save_bag(self, bag: Bag) -> None: ...
    def save_bill(self, bill: Bill) -> None: ...


@dataclass
class MemoryState:
    """A dict-backed :class:`State` that remembers what changed (``dirty_*``)."""

    bags: dict[str, Bag] = field(default_factory=dict)
    bills: dict[str, Bill] = field(default_factory=dict)
    dirty_bags: set[str] = field(default_factory=set)
    dirty_bills: set[str] = field(default_factory=set)

    def bag(self, code: str) -> Bag | None:
        return self.bags.get(code)

    def bill(self, bill_id: str) -> Bill | None:
        return self.bills.get(bill_id)

    def save_bag(self, bag: Bag) -> None:
        self.bags[bag.code] = bag
        self.dirty_bags.add(bag.code)

    def save_bill(self, bill: Bill) -> None:
        self.bills[bill.bill_id] = bill
        self.dirty_bills.add(bill.bill_id)


@dataclass(frozen=True, slots=True)
class EventInput:
    """The parts of an event the rules read (already validated in shape)."""

    type: str
    code: str = ""
    parent: str = ""
    bill: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    """What an event did.

    Attributes:
        status: accepted, duplicate, conflict or rejected (docs/protocol.md#statuses-and-reasons).
        reason: machine-readable, for anything but a plain accept.
        detail: facts the reader needs (``current_parent``, ``bill``...).
        message: one sentence an operator understands, saying what to do next.
        counts: what the stats count for this event.
        completed: the parent or bill this event completed, if any.
        return_record: for an accepted return.
    """

    status: Status
    reason: Reason | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    counts: dict[Counter, int] = field(default_factory=dict)
    completed: bool = False
    return_record: ReturnRecord | None = None

    @property
    def changed_state(self) -> bool:
        return self.status is Status.ACCEPTED and bool(self.counts)


def _ok(message: str, *counters: Counter, completed: bool = False) -> Outcome:
    return Outcome(
        Status.ACCEPTED, message=message, counts=dict.fromkeys(counters, 1), completed=completed
    )


def _dup(reason: Reason, message: str, **detail: Any) -> Outcome:
    return Outcome(Status.DUPLICATE, reason, detail, message, {Counter.DUPLICATES: 1})


def _conflict(reason: Reason, message: str, **detail: Any) -> Outcome:
    return Outcome(Status.CONFLICT, reason, detail, message, {Counter.CONFLICTS: 1})


def rejected(reason: Reason, message: str, **detail: Any) -> Outcome:
    """An outcome for an event that is malformed in itself."""
    return Outcome(Status.REJECTED, reason, detail, message, {Counter.REJECTED: 1})


def normalise_bill_id(text: str) -> str:
    """Bill ids are free text but unique regardless of case, width, surrounding spaces and
    invisible characters: the same folding as every code (:func:`codes.normalise`)."""
    return normalise(text)


class Rules:
    """Applies events to a :class:`State` under a site's :class:`CodeRules`."""

    def __init__(self, codes: CodeRules = DEFAULT_RULES) -> None:
        self.codes = codes

    def capacity_of(self, parent_code: str) -> int:
        series = self.codes.series_of(parent_code)
        return series.capacity if series else 30

    def expected_kg_of(self, parent_code: str) -> int:
        series = self.codes.series_of(parent_code)
        return series.expected_kg if series else 0

    def apply(self, event: EventInput, state: State) -> Outcome:
        """Apply one event; state changes only when the outcome is ``accepted``."""
        handler = _HANDLERS.get(event.type)
        if handler is None:
            return rejected(Reason.UNKNOWN_TYPE, f"Unknown event type {event.type!r}.")
        if event.type not in CORRECTION_TYPES:
            return handler(self, event, state)
        refusal = self._correction_reason(event)
        if refusal is not None:
            return refusal
        outcome = handler(self, event, state)
        if outcome.status is Status.ACCEPTED:
            outcome.counts[Counter.CORRECTIONS] = 1  # besides what it did
        return outcome

    def _correction_reason(self, event: EventInput) -> Outcome | None:
        """Why a correction's ``data.reason`` / ``data.note`` are unusable, if they are."""
        data = event.data
        reason = data.get("reason")
        if reason is None and event.type == EventType.BILL_REMOVE_PARENT:
            return None  # a v1 type: older stations send it without a reason
        if reason is None or reason == "":
            return rejected(
                Reason.MISSING_FIELD, "Pick why this correction is made.", field="data.reason"
            )
        if not isinstance(reason, str) or reason not in _CORRECTION_REASONS:
            return rejected(
                Reason.INVALID_REASON,
                f"{reason!r} is not a correction reason; pick one from the list.",
                field="data.reason",
            )
        note = self._text(data, "note")
        if isinstance(note, Outcome):
            return note
        if reason == CorrectionReason.OTHER and not note:
            return rejected(
                Reason.MISSING_FIELD,
                "The reason is 'other': say why in a note.",
                field="data.note",
            )
        return None

    # -- parents and children ---------------------------------------------------------

    def _parent_or_error(self, code: str, state: State, *, create: bool) -> Bag | Outcome:
        if not code:
            return rejected(Reason.MISSING_FIELD, "No parent code was given.", field="parent")
        kind = self.codes.kind_of(code)
        existing = state.bag(code)
        if existing is not None and existing.status == VOIDED:
            return _voided(existing)
        if existing is not None and existing.kind == CHILD:
            return _conflict(
                Reason.CODE_IS_CHILD,
                f"{code} is a child bag, not a parent. Scan a parent bag.",
                code=code,
                current_parent=existing.parent,
            )
        if kind is not CodeKind.PARENT:
            return rejected(
                Reason.INVALID_CODE,
                f"{code} is not a parent bag code. Scan a parent label.",
                code=code,
            )
        if existing is None:
            bag = Bag(code=code, kind=PARENT)
            if create:
                state.save_bag(bag)
            return bag
        return existing

    def _parent_scan(self, event: EventInput, state: State) -> Outcome:
        is_new = state.bag(event.code) is None
        parent = self._parent_or_error(event.code, state, create=True)
        if isinstance(parent, Outcome):
            return parent
        capacity = self.capacity_of(parent.code)
        if parent.status == COMPLETED:
            outcome = _ok(
                f"{parent.code} is already complete with {parent.child_count} children.",
                Counter.PARENT_SCANS,
            )
        else:
            outcome = _ok(
                f"{parent.code}: scan its children ({parent.child_count} / {capacity}).",
                Counter.PARENT_SCANS,
            )
        outcome.detail = {
            "child_count": parent.child_count,
            "capacity": capacity,
            "status": parent.status,
            "new": is_new,
        }
        return outcome

    def _child_link(self, event: EventInput, state: State) -> Outcome:
        code, parent_code = event.code, event.parent
        if not code:
            return rejected(Reason.MISSING_FIELD, "No child code was given.", field="code")
        if code == parent_code:
            return rejected(Reason.SELF_LINK, f"{code} cannot go into itself.", code=code)
        parent = self._parent_or_error(parent_code, state, create=False)
        if isinstance(parent, Outcome):
            return parent
        child = state.bag(code)
        if child is not None and child.status == VOIDED:
            return _voided(child)
        kind = self.codes.kind_of(code) if child is None or child.kind != PARENT else None
        if (child is not None and child.kind == PARENT) or kind is CodeKind.PARENT:
            return _conflict(
                Reason.CODE_IS_PARENT,
                f"{code} is a parent bag, not a child. Scan a child label.",
                code=code,
            )
        # (a code the command prefix claims may still fit the child pattern)
        if child is None and kind is not CodeKind.CHILD and not self.codes.is_child(code):
            return rejected(
                Reason.INVALID_CODE,
                f"{code} is not a child bag code. Scan a child label.",
                code=code,
            )
        if child is not None and child.parent == parent.code:
            return _dup(
                Reason.ALREADY_LINKED,
                f"{code} is already in {parent.code}. Nothing to do.",
                current_parent=parent.code,
            )
        if child is not None and child.parent is not None:
            return _conflict(
                Reason.CHILD_IN_OTHER_PARENT,
                f"{child.parent} already holds {code}. Put it back.",
                current_parent=child.parent,
            )
        capacity = self.capacity_of(parent.code)
        if parent.status == COMPLETED:
            return _parent_completed(parent, capacity)
        completed = self._put_in(child or Bag(code=code, kind=CHILD), parent, capacity, state)
        if completed:
            counts = {Counter.CHILDREN_LINKED: 1, Counter.PARENTS_COMPLETED: 1}
        else:
            counts = {Counter.CHILDREN_LINKED: 1}
        message = (
            f"{parent.code} is complete: {parent.child_count} / {capacity}. Scan the next parent."
            if completed
            else f"{code} into {parent.code}: {parent.child_count} / {capacity}."
        )
        detail = {"parent": parent.code, "child_count": parent.child_count, "capacity": capacity}
        # positional: every child of a backlog passes here
        return Outcome(Status.ACCEPTED, None, detail, message, counts, completed)

    def _put_in(self, child: Bag, parent: Bag, capacity: int, state: State) -> bool:
        """Link ``child`` into the open ``parent`` (its bill gains the weight); True if that
        completed the parent."""
        if state.bag(parent.code) is None:  # first seen through a link: the parent exists now
            state.save_bag(parent)
        child.parent = parent.code
        parent.child_count += 1
        completed = parent.child_count >= capacity
        if completed:
            parent.status = COMPLETED
        self._add_bill_weight(parent, state, self.codes.kg_per_child)
        state.save_bag(child)
        state.save_bag(parent)
        return completed

    def _take_out(self, child: Bag, parent: Bag, capacity: int, state: State) -> list[Counter]:
        """Unlink ``child`` from ``parent`` (its bill loses the weight); what that counts.

        Taking out the child that completed the parent (or any after finishing) reopens it."""
        counters = [Counter.CHILDREN_UNLINKED]
        child.parent = None
        parent.child_count -= 1
        if parent.status == COMPLETED and parent.child_count < capacity:
            parent.status = OPEN
            counters.append(Counter.PARENTS_REOPENED)
        self._add_bill_weight(parent, state, -self.codes.kg_per_child)
        state.save_bag(child)
        state.save_bag(parent)
        return counters

    def _add_bill_weight(self, parent: Bag, state: State, kg: int) -> None:
        if parent.bill is None:
            return
        bill = state.bill(parent.bill)
        if bill is not None:
            bill.actual_kg += kg
            state.save_bill(bill)

    def _child_unlink(self, event: EventInput, state: State) -> Outcome:
        return self._child_out(event, state, undo=True)

    def _child_remove(self, event: EventInput, state: State) -> Outcome:
        return self._child_out(event, state, undo=False)

    def _child_out(self, event: EventInput, state: State, *, undo: bool) -> Outcome:
        """``child_unlink`` (the packer's undo) and ``child_remove`` (a correction, from any
        station at any time): the child leaves the parent the event names."""
        code, parent_code = event.code, event.parent
        if not code or not parent_code:
            what = "Undo" if undo else "Removing a child"
            return rejected(Reason.MISSING_FIELD, f"{what} needs both the child and its parent.")
        child = state.bag(code)
        parent = state.bag(parent_code)
        for bag in (child, parent):
            if bag is not None and bag.status == VOIDED:
                return _voided(bag)
        if child is None or parent is None or child.parent != parent_code:
            current = child.parent if child else None
            return _conflict(
                Reason.CHILD_NOT_IN_PARENT,
                f"{code} is not in {parent_code}; nothing to undo."
                if undo
                else f"{code} is not in {parent_code}; {_whereabouts(code, current)}",
                current_parent=current,
            )
        capacity = self.capacity_of(parent.code)
        counters = self._take_out(child, parent, capacity, state)
        outcome = _ok(
            f"Undone: {code} is out of {parent.code} ({parent.child_count} / {capacity})."
            if undo
            else f"{code} removed from {parent.code} ({parent.child_count} / {capacity}).",
            *counters,
        )
        outcome.detail = {
            "parent": parent.code,
            "child_count": parent.child_count,
            "capacity": capacity,
        }
        return outcome

    def _child_move(self, event: EventInput, state: State) -> Outcome:
        """One step: the child out of ``data.from`` and into ``parent``."""
        code, source_code = event.code, move_source(event)
        if not code:
            return rejected(Reason.MISSING_FIELD, "No child code was given.", field="code")
        if not source_code:
            return rejected(
                Reason.MISSING_FIELD, "Name the parent the child leaves.", field="data.from"
            )
        if code == event.parent:
            return rejected(Reason.SELF_LINK, f"{code} cannot go into itself.", code=code)
        target = self._parent_or_error(event.parent, state, create=False)
        if isinstance(target, Outcome):
            return target
        child = state.bag(code)
        if child is not None and child.status == VOIDED:
            return _voided(child)
        if child is not None and child.kind == PARENT:
            return _conflict(
                Reason.CODE_IS_PARENT,
                f"{code} is a parent bag, not a child. Scan a child label.",
                code=code,
            )
        source = state.bag(source_code)
        if child is None or source is None or child.parent != source_code:
            current = child.parent if child else None
            return _conflict(
                Reason.CHILD_NOT_IN_PARENT,
                f"{code} is not in {source_code}; {_whereabouts(code, current)}",
                current_parent=current,
            )
        if target.code == source.code:
            return _dup(
                Reason.ALREADY_LINKED,
                f"{code} is already in {target.code}. Nothing to do.",
                current_parent=target.code,
            )
        capacity = self.capacity_of(target.code)
        if target.status == COMPLETED:
            return _parent_completed(target, capacity)
        source_capacity = self.capacity_of(source.code)
        counters = self._take_out(child, source, source_capacity, state)
        counters.append(Counter.CHILDREN_LINKED)
        completed = self._put_in(child, target, capacity, state)
        if completed:
            counters.append(Counter.PARENTS_COMPLETED)
            message = (
                f"{code} moved from {source.code}; {target.code} is complete: "
                f"{target.child_count} / {capacity}."
            )
        else:
            message = (
                f"{code} moved from {source.code} to {target.code}: "
                f"{target.child_count} / {capacity}."
            )
        outcome = _ok(message, *counters, completed=completed)
        outcome.detail = {
            "from": source.code,
            "from_child_count": source.child_count,
            "from_capacity": source_capacity,
            "parent": target.code,
            "child_count": target.child_count,
            "capacity": capacity,
        }
        return outcome

    def _parent_finish(self, event: EventInput, state: State) -> Outcome:
        parent = self._parent_or_error(event.code, state, create=False)
        if isinstance(parent, Outcome):
            return parent
        if state.bag(parent.code) is None:
            return _conflict(Reason.UNKNOWN_BAG, f"{parent.code} is not a known bag.")
        if parent.status == COMPLETED:
            return _dup(Reason.ALREADY_COMPLETED, f"{parent.code} is already complete.")
        if parent.child_count == 0:
            return _conflict(
                Reason.PARENT_EMPTY, f"{parent.code} has no children; scan some before finishing."
            )
        parent.status = COMPLETED
        state.save_bag(parent)
        outcome = _ok(
            f"{parent.code} finished with {parent.child_count} children.",
            Counter.PARENTS_COMPLETED,
            completed=True,
        )
        outcome.detail = {"parent": parent.code, "child_count": parent.child_count, "early": True}
        return outcome

    def _parent_reopen(self, event: EventInput, state: State) -> Outcome:
        parent = self._parent_or_error(event.code, state, create=False)
        if isinstance(parent, Outcome):
            return parent
        if state.bag(parent.code) is None:
            return _conflict(Reason.UNKNOWN_BAG, f"{parent.code} is not a known bag.")
        capacity = self.capacity_of(parent.code)
        if parent.status != COMPLETED:
            return _dup(Reason.ALREADY_OPEN, f"{parent.code} is open already; nothing to reopen.")
        if parent.child_count >= capacity:
            return _conflict(
                Reason.PARENT_FULL,
                f"{parent.code} holds {parent.child_count} / {capacity}: remove a child first.",
                parent=parent.code,
                child_count=parent.child_count,
                capacity=capacity,
            )
        parent.status = OPEN
        state.save_bag(parent)
        outcome = _ok(
            f"{parent.code} reopened ({parent.child_count} / {capacity}); scan more children.",
            Counter.PARENTS_REOPENED,
        )
        outcome.detail = {
            "parent": parent.code,
            "child_count": parent.child_count,
            "capacity": capacity,
        }
        return outcome

    def _bag_void(self, event: EventInput, state: State) -> Outcome:
        """Take a bag out of use: a linked child leaves its parent first; a parent must be
        empty and off any bill (what it holds or is on is corrected first, on its own)."""
        code = event.code
        if not code:
            return rejected(Reason.MISSING_FIELD, "No bag code was given.", field="code")
        bag = state.bag(code)
        if bag is None:
            return _conflict(Reason.UNKNOWN_BAG, f"{code} is not a known bag.", code=code)
        if bag.status == VOIDED:
            return _dup(Reason.ALREADY_VOIDED, f"{code} is voided already.")
        if bag.bill is not None:
            return _conflict(
                Reason.PARENT_ON_BILL,
                f"{code} is on bill {bag.bill}: take it off the bill first.",
                bill=bag.bill,
            )
        if bag.child_count > 0:
            return _conflict(
                Reason.PARENT_NOT_EMPTY,
                f"{code} still holds children: move or remove its {bag.child_count} "
                "children first.",
                child_count=bag.child_count,
            )
        counters: list[Counter] = []
        detail: dict[str, Any] = {"code": code}
        message = f"{code} voided."
        if bag.parent is not None:
            parent = state.bag(bag.parent)
            if parent is None:  # pragma: no cover - ingest reads the parent (parents_of_voided)
                raise LookupError(f"{bag.parent}, the parent of {code}, was not read")
            capacity = self.capacity_of(parent.code)
            counters = self._take_out(bag, parent, capacity, state)
            detail |= {
                "former_parent": parent.code,
                "child_count": parent.child_count,
                "capacity": capacity,
            }
            message = f"{code} taken out of {parent.code} and voided."
        bag.status = VOIDED
        state.save_bag(bag)
        outcome = _ok(message, *counters)
        outcome.detail = detail
        return outcome

    def _bag_restore(self, event: EventInput, state: State) -> Outcome:
        code = event.code
        if not code:
            return rejected(Reason.MISSING_FIELD, "No bag code was given.", field="code")
        bag = state.bag(code)
        if bag is None:
            return _conflict(Reason.UNKNOWN_BAG, f"{code} is not a known bag.", code=code)
        if bag.status != VOIDED:
            return _dup(Reason.NOT_VOIDED, f"{code} is not voided; nothing to restore.")
        bag.status = OPEN  # a free child, or an empty open parent (a void left it so)
        state.save_bag(bag)
        outcome = _ok(f"{code} restored; it can be used again.")
        outcome.detail = {"code": code}
        return outcome

    # -- bills --------------------------------------------------------------------------

    def _bill_fields(self, event: EventInput) -> tuple[str, Outcome | None]:
        bill_id = normalise_bill_id(event.bill)
        if not bill_id:
            return bill_id, rejected(Reason.MISSING_FIELD, "No bill id was given.", field="bill")
        if not self.codes.is_bill_id(bill_id):
            return bill_id, rejected(
                Reason.INVALID_BILL_ID, f"{bill_id!r} is not a valid bill id.", bill=bill_id
            )
        return bill_id, None

    def _capacity(self, raw: Any, at_least: int = 1) -> int | Outcome:
        limit = self.codes.bill_capacity_max
        if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= limit:
            return rejected(
                Reason.INVALID_CAPACITY, f"A bill holds 1 to {limit} parents, not {raw!r}."
            )
        if raw < at_least:
            return _conflict(
                Reason.CAPACITY_BELOW_LINKED,
                f"The bill already holds {at_least} parents; capacity cannot be {raw}.",
                parent_count=at_least,
            )
        return raw

    @staticmethod
    def _text(data: Mapping[str, Any], key: str, default: str = "") -> str | Outcome:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str) or len(value) > 200:
            return rejected(
                Reason.INVALID_FIELD,
                f"data.{key} must be text of up to 200 characters.",
                field=f"data.{key}",
            )
        return value.strip()

    def _bill_create(self, event: EventInput, state: State) -> Outcome:
        bill_id, error = self._bill_fields(event)
        if error:
            return error
        capacity = self._capacity(event.data.get("capacity"))
        if isinstance(capacity, Outcome):
            return capacity
        destination = self._text(event.data, "destination")
        vehicle = self._text(event.data, "vehicle")
        for value in (destination, vehicle):
            if isinstance(value, Outcome):
                return value
        assert isinstance(destination, str)
        assert isinstance(vehicle, str)
        if state.bill(bill_id) is not None:
            return _conflict(
                Reason.BILL_EXISTS, f"Bill {bill_id} exists already; open it instead.", bill=bill_id
            )
        state.save_bill(Bill(bill_id, capacity, destination, vehicle))
        outcome = _ok(f"Bill {bill_id} created for {capacity} parents.", Counter.BILLS_CREATED)
        outcome.detail = {"bill": bill_id, "capacity": capacity}
        return outcome

    def _bill_update(self, event: EventInput, state: State) -> Outcome:
        bill_id, error = self._bill_fields(event)
        if error:
            return error
        bill = state.bill(bill_id)
        if bill is None:
            return _conflict(Reason.UNKNOWN_BILL, f"There is no bill {bill_id}.", bill=bill_id)
        changes: dict[str, Any] = {}
        if "capacity" in event.data:
            capacity = self._capacity(event.data["capacity"], at_least=bill.parent_count)
            if isinstance(capacity, Outcome):
                return capacity
            changes["capacity"] = capacity
        for key in ("destination", "vehicle"):
            if key in event.data:
                value = self._text(event.data, key)
                if isinstance(value, Outcome):
                    return value
                changes[key] = value
        for key, value in changes.items():
            setattr(bill, key, value)
        if bill.status == BILL_COMPLETED and bill.parent_count < bill.capacity:
            bill.status = BILL_PROCESSING
        state.save_bill(bill)
        outcome = _ok(f"Bill {bill_id} updated.")
        outcome.detail = {"bill": bill_id, **changes}
        return outcome

    def _bill_and_parent(self, event: EventInput, state: State) -> tuple[Bill, Bag] | Outcome:
        bill_id, error = self._bill_fields(event)
        if error:
            return error
        code = event.code
        if not code:
            return rejected(Reason.MISSING_FIELD, "No parent code was given.", field="code")
        kind = self.codes.kind_of(code)
        bag = state.bag(code)
        if kind not in (CodeKind.PARENT, CodeKind.CHILD) and bag is None:
            return rejected(Reason.INVALID_CODE, f"{code} is not a bag code.", code=code)
        bill = state.bill(bill_id)
        if bill is None:
            return _conflict(
                Reason.UNKNOWN_BILL, f"There is no bill {bill_id}. Create it first.", bill=bill_id
            )
        if (bag is not None and bag.kind == CHILD) or kind is CodeKind.CHILD:
            return _conflict(
                Reason.WRONG_BAG_TYPE,
                f"{code} is a child bag; only parent bags go onto a bill.",
                code=code,
            )
        if bag is None:
            return _conflict(
                Reason.UNKNOWN_BAG,
                f"{code} has never been packed; pack it at a station first.",
                code=code,
            )
        if bag.status == VOIDED:
            return _voided(bag)
        return bill, bag

    def _bill_add_parent(self, event: EventInput, state: State) -> Outcome:
        found = self._bill_and_parent(event, state)
        if isinstance(found, Outcome):
            return found
        bill, parent = found
        if parent.bill == bill.bill_id:
            return _dup(
                Reason.ALREADY_ON_THIS_BILL,
                f"{parent.code} is already on bill {bill.bill_id}.",
                bill=bill.bill_id,
            )
        if parent.bill is not None:
            return _conflict(
                Reason.ALREADY_ON_OTHER_BILL,
                f"{parent.code} is already on bill {parent.bill}. Take it off there first.",
                current_bill=parent.bill,
            )
        if bill.status == BILL_COMPLETED:
            return _conflict(
                Reason.BILL_COMPLETED, f"Bill {bill.bill_id} is completed.", bill=bill.bill_id
            )
        if bill.parent_count >= bill.capacity:
            return _conflict(
                Reason.BILL_FULL,
                f"Bill {bill.bill_id} is full ({bill.parent_count} / {bill.capacity}).",
                bill=bill.bill_id,
                capacity=bill.capacity,
            )
        parent.bill = bill.bill_id
        bill.parent_count += 1
        bill.actual_kg += parent.child_count * self.codes.kg_per_child
        bill.expected_kg += self.expected_kg_of(parent.code)
        bill.status = BILL_PROCESSING
        state.save_bag(parent)
        state.save_bill(bill)
        outcome = _ok(
            f"{parent.code} on bill {bill.bill_id}: {bill.parent_count} / {bill.capacity}.",
            Counter.PARENTS_BILLED,
        )
        outcome.detail = {
            "bill": bill.bill_id,
            "parent_count": bill.parent_count,
            "capacity": bill.capacity,
        }
        return outcome

    def _take_off_bill(self, parent: Bag, bill: Bill, state: State) -> None:
        parent.bill = None
        bill.parent_count -= 1
        bill.actual_kg -= parent.child_count * self.codes.kg_per_child
        bill.expected_kg -= self.expected_kg_of(parent.code)
        if bill.status == BILL_COMPLETED:
            bill.status = BILL_PROCESSING
        state.save_bag(parent)
        state.save_bill(bill)

    def _bill_remove_parent(self, event: EventInput, state: State) -> Outcome:
        found = self._bill_and_parent(event, state)
        if isinstance(found, Outcome):
            return found
        bill, parent = found
        if parent.bill != bill.bill_id:
            return _conflict(
                Reason.NOT_ON_THIS_BILL,
                f"{parent.code} is not on bill {bill.bill_id}.",
                current_bill=parent.bill,
            )
        self._take_off_bill(parent, bill, state)
        outcome = _ok(f"{parent.code} taken off bill {bill.bill_id}.", Counter.PARENTS_UNBILLED)
        outcome.detail = {"bill": bill.bill_id, "parent_count": bill.parent_count}
        return outcome

    def _bill_complete(self, event: EventInput, state: State) -> Outcome:
        bill_id, error = self._bill_fields(event)
        if error:
            return error
        bill = state.bill(bill_id)
        if bill is None:
            return _conflict(Reason.UNKNOWN_BILL, f"There is no bill {bill_id}.", bill=bill_id)
        if bill.status == BILL_COMPLETED:
            return _dup(Reason.ALREADY_COMPLETED, f"Bill {bill_id} is already completed.")
        if bill.parent_count < bill.capacity:
            return _conflict(
                Reason.BILL_NOT_FULL,
                f"Bill {bill_id} holds {bill.parent_count} of {bill.capacity} parents; "
                "lower its capacity to close it early.",
                parent_count=bill.parent_count,
                capacity=bill.capacity,
            )
        bill.status = BILL_COMPLETED
        state.save_bill(bill)
        return _ok(f"Bill {bill_id} completed.", Counter.BILLS_COMPLETED, completed=True)

    def _bill_reopen(self, event: EventInput, state: State) -> Outcome:
        bill_id, error = self._bill_fields(event)
        if error:
            return error
        bill = state.bill(bill_id)
        if bill is None:
            return _conflict(Reason.UNKNOWN_BILL, f"There is no bill {bill_id}.", bill=bill_id)
        if bill.status != BILL_COMPLETED:
            return _dup(Reason.BILL_NOT_COMPLETED, f"Bill {bill_id} is open already.")
        bill.status = BILL_PROCESSING
        state.save_bill(bill)
        return _ok(f"Bill {bill_id} reopened.")

    def _return_add(self, event: EventInput, state: State) -> Outcome:
        code = event.code
        ticket = self._text(event.data, "ticket")
        location = self._text(event.data, "location")
        for value in (ticket, location):
            if isinstance(value, Outcome):
                return value
        assert isinstance(ticket, str)
        assert isinstance(location, str)
        parent = self._parent_or_error(code, state, create=False)
        if isinstance(parent, Outcome):
            return parent
        if state.bag(code) is None:
            return _conflict(Reason.UNKNOWN_BAG, f"{code} is not a known bag.", code=code)
        if parent.bill is None:
            return _conflict(Reason.NOT_ON_A_BILL, f"{code} is not on any bill.", code=code)
        bill = state.bill(parent.bill)
        if bill is None:  # pragma: no cover - a bag points only at bills that exist
            return _conflict(Reason.UNKNOWN_BILL, f"There is no bill {parent.bill}.")
        before = (bill.parent_count, bill.actual_kg)
        self._take_off_bill(parent, bill, state)
        record = ReturnRecord(
            code,
            bill.bill_id,
            ticket,
            location,
            before[0],
            bill.parent_count,
            before[1],
            bill.actual_kg,
        )
        outcome = _ok(f"{code} returned from bill {bill.bill_id}.", Counter.RETURNS)
        outcome.return_record = record
        outcome.detail = {
            "bill": bill.bill_id,
            "before": {"parents": record.before_parents, "actual_kg": record.before_kg},
            "after": {"parents": record.after_parents, "actual_kg": record.after_kg},
        }
        return outcome

    def _scan_rejected(self, event: EventInput, state: State) -> Outcome:
        reason = event.data.get("reason", "")
        return _ok(f"Refused read recorded ({reason}).", Counter.SCANS_REFUSED)


_HANDLERS = {
    EventType.PARENT_SCAN.value: Rules._parent_scan,
    EventType.CHILD_LINK.value: Rules._child_link,
    EventType.CHILD_UNLINK.value: Rules._child_unlink,
    EventType.PARENT_FINISH.value: Rules._parent_finish,
    EventType.BILL_CREATE.value: Rules._bill_create,
    EventType.BILL_UPDATE.value: Rules._bill_update,
    EventType.BILL_ADD_PARENT.value: Rules._bill_add_parent,
    EventType.BILL_REMOVE_PARENT.value: Rules._bill_remove_parent,
    EventType.BILL_COMPLETE.value: Rules._bill_complete,
    EventType.BILL_REOPEN.value: Rules._bill_reopen,
    EventType.RETURN_ADD.value: Rules._return_add,
    EventType.SCAN_REJECTED.value: Rules._scan_rejected,
    EventType.CHILD_REMOVE.value: Rules._child_remove,
    EventType.CHILD_MOVE.value: Rules._child_move,
    EventType.PARENT_REOPEN.value: Rules._parent_reopen,
    EventType.BAG_VOID.value: Rules._bag_void,
    EventType.BAG_RESTORE.value: Rules._bag_restore,
}

_CORRECTION_REASONS = frozenset(CorrectionReason)


def _voided(bag: Bag) -> Outcome:
    return _conflict(
        Reason.BAG_VOIDED,
        f"{bag.code} was voided; put it aside (an admin may restore it).",
        code=bag.code,
    )


def _parent_completed(parent: Bag, capacity: int) -> Outcome:
    return _conflict(
        Reason.PARENT_COMPLETED,
        f"{parent.code} is full ({parent.child_count} / {capacity}). Scan a new parent.",
        parent=parent.code,
        child_count=parent.child_count,
    )


def _whereabouts(code: str, parent: str | None) -> str:
    return f"it is in {parent}." if parent else f"{code} is in no parent bag."


def move_source(event: EventInput) -> str:
    """The parent a ``child_move`` takes its child out of (``data.from``), folded as codes are."""
    raw = event.data.get("from") if event.type == EventType.CHILD_MOVE else None
    return normalise(raw) if isinstance(raw, str) else ""


def parents_of_voided(events: Iterable[EventInput], bags: Mapping[str, Bag]) -> set[str]:
    """The parents that ``bag_void`` events take their children out of, where ``bags`` (what
    a batch read for :func:`keys_touched`) lacks them: only the stored child names its
    parent, so the server reads and locks these too before it applies the batch."""
    return {
        bag.parent
        for event in events
        if event.type == EventType.BAG_VOID
        and (bag := bags.get(event.code)) is not None
        and bag.parent is not None
        and bag.parent not in bags
    }


def codes_touched(event: EventInput) -> set[str]:
    """Bag codes and bill ids (prefixed ``bill:``) an event may read or change.

    The server locks these before applying a batch, so two stations can never both
    win the same child or parent.
    """
    codes, bills = keys_touched((event,))
    return codes | {"bill:" + b for b in bills}


def keys_touched(events: Iterable[EventInput]) -> tuple[set[str], set[str]]:
    """The bag codes and the bill ids ``events`` may read or change (see :func:`codes_touched`),
    in one pass over a whole batch."""
    codes: set[str] = set()
    bills: set[str] = set()
    for event in events:
        if event.code:
            codes.add(event.code)
        if event.parent:
            codes.add(event.parent)
        if event.type == EventType.CHILD_MOVE and (source := move_source(event)):
            codes.add(source)  # the parent the child leaves
        if event.bill:
            bills.add(normalise_bill_id(event.bill))
    return codes, bills
