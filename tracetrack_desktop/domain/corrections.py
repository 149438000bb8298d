"""Corrections a biller or admin makes from the station window (docs/domain.md#corrections).

A correction is an event like any scan, never an edit: it goes through the same rules and the
same store transaction as a scan before the operator is told it was recorded, and syncs like
one. This module says which corrections a looked-up bag allows the logged-in operator, checks
the reason they give, and records the event. It is Qt-free; the window only draws what it says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from tracetrack_core import roles
from tracetrack_core import rules as core
from tracetrack_core.events import (
    MAX_FIELD_LENGTH,
    CorrectionReason,
    EventType,
    Status,
)
from tracetrack_desktop.domain.lookup import lookup_key
from tracetrack_desktop.domain.results import ActionResult, Feedback, Screen
from tracetrack_desktop.storage.errors import StorageError
from tracetrack_desktop.storage.store import LocalStore

RulesProvider = Callable[[], core.Rules]
Clock = Callable[[], datetime]

CORRECTIONS: tuple[EventType, ...] = (
    EventType.CHILD_REMOVE,
    EventType.CHILD_MOVE,
    EventType.PARENT_REOPEN,
    EventType.BILL_REMOVE_PARENT,
    EventType.BAG_VOID,
    EventType.BAG_RESTORE,
)
"""The corrections the window offers, in the order of its buttons: each is named by its event
type (:data:`~tracetrack_core.events.CORRECTION_TYPES`, ordered)."""

_REASONS = frozenset(CorrectionReason)

MAX_NOTE_LENGTH = MAX_FIELD_LENGTH
"""Longest note an operator may give (the event's ``data`` must stay small)."""


def reasons_for(correction: EventType) -> tuple[CorrectionReason, ...]:
    """The reasons an operator picks from for ``correction``: "voided in error" only undoes a
    void, and only a restore is explained by it; "other" (with a note) always."""
    if correction is EventType.BAG_RESTORE:
        return (CorrectionReason.VOIDED_IN_ERROR, CorrectionReason.OTHER)
    return tuple(r for r in CorrectionReason if r is not CorrectionReason.VOIDED_IN_ERROR)


class Session(Protocol):
    """Who is logged in (the workflow): corrections are recorded in their name."""

    def screen(self) -> Screen: ...


@dataclass(frozen=True)
class CorrectionRequest:
    """One correction as the operator asked for it in the window.

    Attributes:
        correction: which one (its event type, one of :data:`CORRECTIONS`).
        code: the bag corrected.
        reason: a :class:`CorrectionReason` value ("" if none was picked).
        note: the operator's words (required when the reason is "other").
        to_parent: for a move, the parent the child goes into, as scanned or typed.
        seen_in: the parent a child was shown in, or the bill a parent was shown on (""
            reads the store now): if another station's change arrived meanwhile, the rules
            refuse the event instead of correcting what the operator did not see.
    """

    correction: EventType
    code: str
    reason: str
    note: str = ""
    to_parent: str = ""
    seen_in: str = ""


@dataclass(frozen=True)
class CorrectionTarget:
    """A bag as this station knows it, with the corrections its operator may make on it.

    Attributes:
        code: the bag's code.
        kind: ``parent`` or ``child``.
        status: open, completed or voided.
        parent: a child's parent, if it is in one.
        parent_children: children in ``parent`` now.
        children: a parent's children.
        capacity: children a parent holds when complete.
        bill: the bill a parent is on.
        bill_parents: parents on ``bill`` now.
        possible: the corrections allowed now, in :data:`CORRECTIONS` order.
    """

    code: str
    kind: str
    status: str
    parent: str | None = None
    parent_children: int = 0
    children: int = 0
    capacity: int = 0
    bill: str | None = None
    bill_parents: int = 0
    possible: tuple[EventType, ...] = ()

    @property
    def voided(self) -> bool:
        return self.status == core.VOIDED

    def request(
        self, correction: EventType, reason: str, note: str = "", to_parent: str = ""
    ) -> CorrectionRequest:
        """``correction`` of this bag as the operator saw it (its parent, its bill)."""
        seen = {
            EventType.CHILD_REMOVE: self.parent,
            EventType.CHILD_MOVE: self.parent,
            EventType.BILL_REMOVE_PARENT: self.bill,
        }.get(correction)
        return CorrectionRequest(correction, self.code, reason, note, to_parent, seen or "")


def allowed(bag: core.Bag, capacity: int) -> frozenset[EventType]:
    """What the bag's state allows, whoever asks (the rules decide the same again)."""
    if bag.status == core.VOIDED:
        return frozenset({EventType.BAG_RESTORE})
    if bag.kind == core.CHILD:
        linked = {EventType.CHILD_REMOVE, EventType.CHILD_MOVE} if bag.parent else set()
        return frozenset({*linked, EventType.BAG_VOID})
    possible: set[EventType] = set()
    if bag.status == core.COMPLETED and bag.child_count < capacity:
        possible.add(EventType.PARENT_REOPEN)  # a full parent is reopened by taking one out
    if bag.bill:
        possible.add(EventType.BILL_REMOVE_PARENT)
    elif bag.child_count == 0:
        possible.add(EventType.BAG_VOID)
    return frozenset(possible)


class Corrections:
    """Records corrections for the logged-in operator on the station's store."""

    def __init__(
        self, store: LocalStore, rules_provider: RulesProvider, clock: Clock, session: Session
    ) -> None:
        """Args:
        store: the local store the events are recorded in.
        rules_provider: the site's current rules.
        clock: the station clock (aware datetimes).
        session: says who is logged in, and the screen every result carries.
        """
        self._store = store
        self._rules_provider = rules_provider
        self._clock = clock
        self._session = session

    def target(self, code: str) -> CorrectionTarget | None:
        """The bag ``code`` and what its operator may do to it; None if this station does not
        know the bag (not synced yet) or the operator corrects nothing."""
        bag = self._store.bag(code)
        role = self._session.screen().role
        if bag is None or role not in roles.CORRECT_ROLES:
            return None
        rules = self._rules_provider()
        capacity = rules.capacity_of(bag.code) if bag.kind == core.PARENT else 0
        possible = allowed(bag, capacity)
        parent = self._store.bag(bag.parent) if bag.parent else None
        bill = self._store.bill(bag.bill) if bag.bill else None
        return CorrectionTarget(
            code=bag.code,
            kind=bag.kind,
            status=bag.status,
            parent=bag.parent,
            parent_children=parent.child_count if parent else 0,
            children=bag.child_count,
            capacity=capacity,
            bill=bag.bill,
            bill_parents=bill.parent_count if bill else 0,
            possible=tuple(c for c in CORRECTIONS if c in possible and role in roles.ROLES_FOR[c]),
        )

    def make(self, request: CorrectionRequest) -> ActionResult:
        """Record the correction ``request`` names (the window's one way in)."""
        code, reason, note, seen = request.code, request.reason, request.note, request.seen_in
        match request.correction:
            case EventType.CHILD_REMOVE:
                return self.remove_child(code, reason, note, parent=seen)
            case EventType.CHILD_MOVE:
                return self.move_child(code, request.to_parent, reason, note, from_parent=seen)
            case EventType.BILL_REMOVE_PARENT:
                return self.take_off_bill(code, reason, note, bill=seen)
            case EventType.PARENT_REOPEN:
                return self.reopen_parent(code, reason, note)
            case EventType.BAG_VOID:
                return self.void_bag(code, reason, note)
            case EventType.BAG_RESTORE:
                return self.restore_bag(code, reason, note)
        raise ValueError(f"{request.correction} is not a correction")

    # -- one method per correction ------------------------------------------------------

    def remove_child(
        self, code: str, reason: str, note: str = "", *, parent: str = ""
    ) -> ActionResult:
        """Take a child out of ``parent`` (default: the one it is in): it is free again."""
        parent = parent or self._parent_of(code)
        if not parent:
            return self._refused(f"{code} is in no parent.", "not_in_parent", code)
        return self._correct(EventType.CHILD_REMOVE, code, reason, note, parent=parent)

    def move_child(
        self, code: str, to_parent: str, reason: str, note: str = "", *, from_parent: str = ""
    ) -> ActionResult:
        """Move a child from ``from_parent`` (default: the one it is in) into ``to_parent``
        (scanned or typed) in one event."""
        from_parent = from_parent or self._parent_of(code)
        if not from_parent:
            return self._refused(f"{code} is in no parent.", "not_in_parent", code)
        target = lookup_key(to_parent, self._rules_provider().codes) if to_parent.strip() else ""
        if not target:
            return self._refused("Scan or type the parent to move it into.", "missing_parent")
        return self._correct(
            EventType.CHILD_MOVE, code, reason, note, parent=target, extra={"from": from_parent}
        )

    def reopen_parent(self, code: str, reason: str, note: str = "") -> ActionResult:
        """Open a completed parent again, so children can be added or taken out."""
        return self._correct(EventType.PARENT_REOPEN, code, reason, note)

    def void_bag(self, code: str, reason: str, note: str = "") -> ActionResult:
        """Void a label: a child leaves its parent; a parent must be empty and off any bill."""
        return self._correct(EventType.BAG_VOID, code, reason, note)

    def restore_bag(self, code: str, reason: str, note: str = "") -> ActionResult:
        """Bring a voided bag back (admins only)."""
        return self._correct(EventType.BAG_RESTORE, code, reason, note)

    def take_off_bill(
        self, code: str, reason: str, note: str = "", *, bill: str = ""
    ) -> ActionResult:
        """Take a parent off ``bill`` (default: the bill it is on)."""
        bag = self._store.bag(code)
        bill = bill or (bag.bill if bag and bag.bill else "")
        if not bill:
            return self._refused(f"{code} is on no bill.", "not_on_a_bill", code)
        return self._correct(EventType.BILL_REMOVE_PARENT, code, reason, note, bill=bill)

    # -- recording ----------------------------------------------------------------------

    def _parent_of(self, code: str) -> str:
        bag = self._store.bag(code)
        return bag.parent if bag and bag.parent else ""

    def _refused(self, message: str, reason: str, code: str = "") -> ActionResult:
        return ActionResult(Feedback.ERROR, message, self._session.screen(), reason, code=code)

    def _correct(
        self,
        correction: EventType,
        code: str,
        reason: str,
        note: str,
        *,
        parent: str = "",
        bill: str = "",
        extra: dict[str, Any] | None = None,
    ) -> ActionResult:
        # Checked here, before anything is written: the rules would refuse the same, but as a
        # recorded (and synced) refused event, for what is only an unfinished form.
        screen = self._session.screen()
        if not screen.operator:
            return self._refused("Log in first.", "not_logged_in", code)
        if screen.role not in roles.ROLES_FOR[correction]:
            return self._refused(_not_allowed(screen.role, correction), "not_allowed", code)
        if reason not in _REASONS:
            return self._refused("Pick the reason for this correction.", "missing_reason", code)
        note = note.strip()
        if reason == CorrectionReason.OTHER and not note:
            return self._refused("Say why in the note (the reason is Other).", "missing_note", code)
        if len(note) > MAX_NOTE_LENGTH:
            return self._refused(
                f"Keep the note under {MAX_NOTE_LENGTH} characters.", "note_too_long", code
            )
        data: dict[str, Any] = {**(extra or {}), "reason": reason}
        if note:
            data["note"] = note
        event = core.EventInput(correction, code, parent, bill, data)
        try:
            outcome, written = self._store.record(
                event, screen.operator, self._rules_provider(), at=self._clock()
            )
        except StorageError as exc:
            return self._refused(exc.message, exc.reason, code)  # nothing was written
        feedback = {
            Status.ACCEPTED: Feedback.GOOD,
            Status.DUPLICATE: Feedback.DUPLICATE,
        }.get(outcome.status, Feedback.ERROR)
        return ActionResult(
            feedback,
            outcome.message,
            self._session.screen(),
            outcome.reason.value if outcome.reason else None,
            written.id if written else None,
            code,
        )


def _not_allowed(role: str, correction: EventType) -> str:
    if correction is EventType.BAG_RESTORE:
        return f"Only an admin can restore a voided bag; a {role} cannot."
    return f"A {role} cannot correct bags. Ask a biller or an admin."
