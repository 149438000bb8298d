"""The operator workflows as a Qt-free state machine.

``StationWorkflow`` turns operator actions (scans, keys, command barcodes) into local-store
records and typed :class:`~tracetrack_desktop.domain.results.ActionResult` values. It never
opens a window or plays a sound: the UI maps each result's ``feedback`` to those. The clock
is injected, so idle reset and the confirmation window are tested without waiting.

Modes: LOGGED_OUT → (login) → SCAN_PARENT ⇄ SCAN_CHILDREN, or BILL for billers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tracetrack_core import roles
from tracetrack_core import rules as core
from tracetrack_core.codes import CodeKind, Command, Decoded, InvalidReadError, decode, normalise
from tracetrack_core.events import EventType, Reason, Status
from tracetrack_desktop.domain import auth
from tracetrack_desktop.domain.lookup import LookupResult, lookup_key
from tracetrack_desktop.domain.lookup import lookup as lookup_code
from tracetrack_desktop.domain.results import ActionResult, Feedback, Mode, Screen
from tracetrack_desktop.scanner.decode import DEFAULT_DEBOUNCE_MS, Decoder
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.storage.errors import StorageError
from tracetrack_desktop.storage.outbox import OutboxEvent
from tracetrack_desktop.storage.store import LocalStore, UserRecord

IDLE_RESET = timedelta(minutes=10)
"""After this long without an action, SCAN_CHILDREN returns to SCAN_PARENT."""

CONFIRM_WINDOW = timedelta(seconds=10)
"""A second FINISH (or CONFIRM) within this window finishes a parent early; the same for a
second scan of a parent that is not full, which puts it on the bill."""

RulesProvider = Callable[[], core.Rules]
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class _Link:
    child: str
    parent: str
    event_id: str


_FINISH = "finish"
_BILL_ADD = "bill_add"


@dataclass(frozen=True)
class _Pending:
    """A question waiting for CONFIRM: finish ``parent`` early, or put it on the open bill."""

    action: str  # _FINISH or _BILL_ADD
    parent: str
    asked_at: datetime


class StationWorkflow:
    """One station's operator session: login, scan mode, bill mode, lookups."""

    def __init__(
        self,
        store: LocalStore,
        rules_provider: RulesProvider,
        clock: Clock,
        *,
        debounce_ms: int = DEFAULT_DEBOUNCE_MS,
    ) -> None:
        """Args:
        store: the local store every action is recorded in.
        rules_provider: returns the site's current rules (they change with the feed).
        clock: the station clock, returning aware datetimes.
        debounce_ms: the same label from the same scanner within this window is one read
            (a held trigger); 0 turns it off. Separate from "already in this parent".
        """
        self._store = store
        self._rules_provider = rules_provider
        self._clock = clock
        self._user: UserRecord | None = None
        self._mode = Mode.LOGGED_OUT
        self._parent = ""
        self._count = 0
        self._capacity = 0
        self._bill = ""
        self._links: list[_Link] = []
        self._pending: _Pending | None = None
        self._last_activity: datetime | None = None
        # reads without a monotonic stamp are timed by the injected clock (exact in tests)
        self._decoder = Decoder(
            debounce_ms=debounce_ms, clock=lambda: int(self._clock().timestamp() * 1e9)
        )
        self._acted = False  # an action other than a scan happened since the last scan

    # -- state ---------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def operator(self) -> str:
        return self._user.username if self._user else ""

    def screen(self) -> Screen:
        bill = self._store.bill(self._bill) if self._bill else None
        confirming = f"{self._pending.action} {self._pending.parent}" if self._pending else ""
        return Screen(
            mode=self._mode,
            operator=self.operator,
            role=self._user.role if self._user else "",
            parent=self._parent if self._mode is Mode.SCAN_CHILDREN else "",
            count=self._count if self._mode is Mode.SCAN_CHILDREN else 0,
            capacity=self._capacity if self._mode is Mode.SCAN_CHILDREN else 0,
            bill=bill.bill_id if bill else "",
            bill_count=bill.parent_count if bill else 0,
            bill_capacity=bill.capacity if bill else 0,
            bill_status=bill.status if bill else "",
            confirming=confirming,
        )

    def _result(
        self,
        feedback: Feedback,
        message: str,
        *,
        reason: str | Reason | None = None,
        event: OutboxEvent | None = None,
        code: str = "",
    ) -> ActionResult:
        return ActionResult(
            feedback=feedback,
            message=message,
            screen=self.screen(),
            reason=reason.value if isinstance(reason, Reason) else reason,
            event_id=event.id if event else None,
            code=code,
        )

    def _touch(self) -> datetime:
        self._acted = True
        now = self._clock()
        self._last_activity = now
        return now

    def _record(self, event: core.EventInput) -> tuple[core.Outcome, OutboxEvent] | ActionResult:
        try:
            outcome, written = self._store.record(
                event, self.operator, self._rules_provider(), at=self._clock()
            )
        except StorageError as exc:
            # nothing was written: say so, and leave the screen as it was
            return self._result(Feedback.ERROR, exc.message, reason=exc.reason, code=event.code)
        assert written is not None
        return outcome, written

    def _refuse(self, text: str, reason: str, message: str, attempted: str = "") -> ActionResult:
        try:
            event = self._store.record_refused_read(
                text, reason, self.operator, attempted_type=attempted, at=self._clock()
            )
        except StorageError as exc:
            return self._result(Feedback.ERROR, exc.message, reason=exc.reason)
        return self._result(Feedback.ERROR, message, reason=reason, event=event, code=text)

    def _not_allowed(self, what: str) -> ActionResult:
        role = self._user.role if self._user else "nobody"
        return self._result(
            Feedback.ERROR, f"A {role} cannot {what}. Ask an admin.", reason="not_allowed"
        )

    def _can_scan(self) -> bool:
        return self._user is not None and self._user.role in roles.SCAN_ROLES

    def _can_bill(self) -> bool:
        return self._user is not None and self._user.role in roles.BILL_ROLES

    # -- login ---------------------------------------------------------------------------

    def _start_session(self, user: UserRecord) -> ActionResult:
        self._user = user
        self._links.clear()
        self._pending = None
        self._parent, self._count, self._capacity, self._bill = "", 0, 0, ""
        self._touch()
        if user.role in roles.SCAN_ROLES:
            self._mode = Mode.SCAN_PARENT
            next_step = "Scan a parent bag."
        elif user.role in roles.BILL_ROLES:
            self._mode = Mode.BILL
            next_step = "Scan or create a bill."
        else:  # a supervisor watches: lookup and the dashboard
            self._mode = Mode.BILL
            next_step = "Scan a bag to look it up, or open the dashboard."
        name = user.display_name or user.username
        return self._result(Feedback.INFO, f"Welcome, {name}. {next_step}")

    def login(self, username: str, password: str) -> ActionResult:
        """Log in offline against the cached password hash (5 failures lock for 15 min)."""
        outcome = auth.check_password(self._store, username, password, self._clock())
        if outcome.user is None:
            return self._result(Feedback.ERROR, outcome.message, reason=outcome.reason)
        return self._start_session(outcome.user)

    def login_badge(self, badge_code: str) -> ActionResult:
        """Log in by scanning the operator's badge."""
        outcome = auth.check_badge(self._store, badge_code, self._clock())
        if outcome.user is None:
            return self._result(Feedback.ERROR, outcome.message, reason=outcome.reason)
        return self._start_session(outcome.user)

    def login_unattended(self, username: str) -> ActionResult:
        """Start a headless shift for ``username`` (see :func:`auth.check_unattended`)."""
        outcome = auth.check_unattended(self._store, username, self._clock())
        if outcome.user is None:
            return self._result(Feedback.ERROR, outcome.message, reason=outcome.reason)
        return self._start_session(outcome.user)

    def logout(self) -> ActionResult:
        name = self.operator
        self._acted = True
        self._user = None
        self._mode = Mode.LOGGED_OUT
        self._links.clear()
        self._pending = None
        self._parent, self._count, self._capacity, self._bill = "", 0, 0, ""
        message = f"{name} logged out. Log in to scan." if name else "Log in to scan."
        return self._result(Feedback.INFO, message)

    # -- scanner input -------------------------------------------------------------------

    def handle_scan(self, record: ScanRecord) -> ActionResult:
        """Decode one read under the site's rules and act on it.

        A repeat of the scanner's previous label inside the debounce window is answered
        without recording anything (the trigger was held, not a second scan), unless the
        operator did something else in between (an undo, a mode change).
        """
        if self._acted:
            self._decoder.reset()
        try:
            return self._handle_scan(record)
        finally:
            self._acted = False

    def _handle_scan(self, record: ScanRecord) -> ActionResult:
        self._decoder.rules = self._rules_provider().codes
        read = self._decoder.decode(record)
        if read.refusal is not None:
            refusal = read.refusal
            if self._user is None:
                return self._result(
                    Feedback.ERROR, f"{refusal.message} Log in first.", reason=refusal.reason
                )
            return self._refuse(
                record.text, refusal.reason, f"{refusal.message} Scan the label again."
            )
        decoded = read.decoded
        assert decoded is not None
        if read.debounced:
            return self._result(
                Feedback.INFO,
                f"{decoded.code or 'This label'} was read twice in a row by the scanner; "
                "it counts once.",
                reason="debounced",
                code=decoded.code,
            )
        if self._user is None:
            if decoded.kind is CodeKind.COMMAND:
                return self._result(
                    Feedback.ERROR, "Log in first, then scan.", reason="not_logged_in"
                )
            return self._badge_or_refuse(decoded)
        if decoded.kind is CodeKind.COMMAND and decoded.command is not None:
            return self.command(decoded.command)
        self._touch()
        if self._mode is Mode.BILL:
            return self._bill_scan(decoded, record.text)  # it answers a question itself
        if self._pending is not None:
            self._pending = None  # scanning on means "no, don't finish"
        if decoded.kind is CodeKind.PARENT:
            return self.scan_parent(decoded.code)
        if decoded.kind is CodeKind.CHILD:
            return self.scan_child(decoded.code)
        shown = decoded.code or normalise(record.text)[:40]
        return self._refuse(
            shown,
            Reason.INVALID_CODE.value,
            f"{shown} is not a parent or child label. Scan the bag's own label.",
        )

    def _badge_or_refuse(self, decoded: Decoded) -> ActionResult:
        if decoded.code and self._store.user_by_badge(decoded.code) is not None:
            return self.login_badge(decoded.code)
        return self._result(Feedback.ERROR, "Log in first, then scan.", reason="not_logged_in")

    def command(self, command: Command) -> ActionResult:
        """Run a command barcode (or the same key on the keyboard)."""
        actions: dict[Command, Callable[[], ActionResult]] = {
            Command.UNDO: self.undo,
            Command.FINISH: self.finish,
            Command.CONFIRM: self.confirm,
            Command.CANCEL: self.cancel,
            Command.LOGOUT: self.logout,
            Command.BILL_MODE: self.enter_bill_mode,
            Command.SCAN_MODE: self.enter_scan_mode,
        }
        return actions[command]()

    # -- scan mode -----------------------------------------------------------------------

    def scan_parent(self, code: str) -> ActionResult:
        """Open (or resume) a parent; in SCAN_CHILDREN this switches parents."""
        if not self._can_scan():
            return self._not_allowed("pack bags")
        self._touch()
        previous = (
            (self._parent, self._count, self._capacity)
            if self._mode is Mode.SCAN_CHILDREN and self._parent and self._parent != code
            else None
        )
        recorded = self._record(core.EventInput(EventType.PARENT_SCAN, code))
        if isinstance(recorded, ActionResult):
            return recorded
        outcome, event = recorded
        if outcome.status is not Status.ACCEPTED:
            return self._result(
                Feedback.ERROR, outcome.message, reason=outcome.reason, event=event, code=code
            )
        count = int(outcome.detail.get("child_count", 0))
        capacity = int(outcome.detail.get("capacity", 0))
        if outcome.detail.get("status") == core.COMPLETED:
            if previous is None:
                self._mode, self._parent = Mode.SCAN_PARENT, ""
                return self._result(
                    Feedback.INFO,
                    f"{code} is already complete ({count} / {capacity}). Scan the next parent.",
                    reason=Reason.ALREADY_COMPLETED.value,
                    event=event,
                    code=code,
                )
            return self._result(
                Feedback.INFO,
                f"{code} is already complete ({count} / {capacity}). "
                f"Keep filling {previous[0]} ({previous[1]} / {previous[2]}).",
                reason=Reason.ALREADY_COMPLETED.value,
                event=event,
                code=code,
            )
        already_current = self._mode is Mode.SCAN_CHILDREN and self._parent == code
        self._mode, self._parent, self._count, self._capacity = (
            Mode.SCAN_CHILDREN,
            code,
            count,
            capacity,
        )
        if already_current:
            message = f"{code} is already open ({count} / {capacity}). Keep scanning its children."
        elif previous is not None:
            message = (
                f"Now filling {code} ({count} / {capacity}). {previous[0]} stays open at "
                f"{previous[1]} / {previous[2]}; scan it again to resume it."
            )
        elif count:
            message = f"Resuming {code} ({count} / {capacity}). Scan its children."
        else:
            message = f"{code} opened (0 / {capacity}). Scan its children."
        return self._result(Feedback.PARENT, message, event=event, code=code)

    def scan_child(self, code: str) -> ActionResult:
        """Link a child into the current parent."""
        if not self._can_scan():
            return self._not_allowed("pack bags")
        self._touch()
        if self._mode is not Mode.SCAN_CHILDREN or not self._parent:
            return self._refuse(
                code,
                "no_parent",
                f"Scan a parent bag first: {code} is a child bag. Put it aside, scan the parent.",
                attempted=EventType.CHILD_LINK.value,
            )
        parent = self._parent
        recorded = self._record(core.EventInput(EventType.CHILD_LINK, code, parent))
        if isinstance(recorded, ActionResult):
            return recorded
        outcome, event = recorded
        if outcome.status is Status.DUPLICATE:
            return self._result(
                Feedback.DUPLICATE,
                f"{code} is already in {parent} ({self._count} / {self._capacity}). "
                "Nothing to do; scan the next child.",
                reason=outcome.reason,
                event=event,
                code=code,
            )
        if outcome.status is not Status.ACCEPTED:
            message = outcome.message
            if outcome.reason is Reason.CHILD_IN_OTHER_PARENT:
                holder = outcome.detail.get("current_parent")
                message = f"{holder} already holds this child ({code}) — put it back."
            elif outcome.reason is Reason.PARENT_COMPLETED:
                self._mode, self._parent = Mode.SCAN_PARENT, ""
            return self._result(
                Feedback.ERROR, message, reason=outcome.reason, event=event, code=code
            )
        self._links.append(_Link(code, parent, event.id))
        self._count = int(outcome.detail.get("child_count", self._count + 1))
        self._capacity = int(outcome.detail.get("capacity", self._capacity))
        if outcome.completed:
            self._mode, self._parent = Mode.SCAN_PARENT, ""
            return self._result(
                Feedback.COMPLETE,
                f"{parent} is complete ({self._count} / {self._capacity}). "
                "Close it and scan the next parent.",
                event=event,
                code=code,
            )
        return self._result(
            Feedback.GOOD,
            f"{code} into {parent}: {self._count} / {self._capacity}.",
            event=event,
            code=code,
        )

    def finish(self) -> ActionResult:
        """Finish the current parent early; needs CONFIRM (or FINISH again within 10 s)."""
        now = self._touch()
        if self._mode is not Mode.SCAN_CHILDREN or not self._parent:
            return self._result(
                Feedback.INFO, "No parent is open to finish. Scan a parent.", reason="no_parent"
            )
        if self._count == 0:
            return self._result(
                Feedback.ERROR,
                f"{self._parent} has no children yet. Scan its children, or scan another parent.",
                reason=Reason.PARENT_EMPTY.value,
                code=self._parent,
            )
        pending = self._pending
        if (
            pending is not None
            and pending.action == _FINISH
            and pending.parent == self._parent
            and now - pending.asked_at <= CONFIRM_WINDOW
        ):
            return self._finish_now()
        self._pending = _Pending(_FINISH, self._parent, now)
        return self._result(
            Feedback.NEEDS_CONFIRMATION,
            f"Finish {self._parent} with only {self._count} / {self._capacity}? "
            "Press FINISH again or CONFIRM to finish it; CANCEL to keep scanning.",
            reason="confirm_finish",
            code=self._parent,
        )

    def confirm(self) -> ActionResult:
        now = self._touch()
        pending = self._pending
        if pending is None:
            return self._result(Feedback.INFO, "Nothing to confirm.", reason="nothing_pending")
        adding = pending.action == _BILL_ADD
        if now - pending.asked_at > CONFIRM_WINDOW or (
            not adding and pending.parent != self._parent
        ):
            self._pending = None
            again = (
                f"Scan {pending.parent} again if you still want it on the bill."
                if adding
                else "Press FINISH again if you still want to finish."
            )
            return self._result(
                Feedback.INFO,
                f"That request timed out. {again}",
                reason="confirmation_expired",
            )
        if adding:
            return self.add_parent(pending.parent)
        return self._finish_now()

    def cancel(self) -> ActionResult:
        self._touch()
        pending = self._pending
        if pending is None:
            return self._result(Feedback.INFO, "Nothing to cancel.", reason="nothing_pending")
        self._pending = None
        if pending.action == _BILL_ADD:
            return self._result(
                Feedback.INFO,
                f"{pending.parent} stays off bill {self._bill}. Scan the next parent.",
                code=pending.parent,
            )
        return self._result(
            Feedback.INFO,
            f"Not finished. Keep scanning children of {self._parent} "
            f"({self._count} / {self._capacity}).",
        )

    def _finish_now(self) -> ActionResult:
        self._pending = None
        parent = self._parent
        recorded = self._record(core.EventInput(EventType.PARENT_FINISH, parent))
        if isinstance(recorded, ActionResult):
            return recorded
        outcome, event = recorded
        if outcome.status is Status.ACCEPTED:
            count = self._count
            self._mode, self._parent = Mode.SCAN_PARENT, ""
            return self._result(
                Feedback.COMPLETE,
                f"{parent} finished with {count} children. Close it and scan the next parent.",
                event=event,
                code=parent,
            )
        if outcome.status is Status.DUPLICATE:
            self._mode, self._parent = Mode.SCAN_PARENT, ""
            return self._result(
                Feedback.DUPLICATE,
                f"{parent} was already complete. Scan the next parent.",
                reason=outcome.reason,
                event=event,
                code=parent,
            )
        return self._result(
            Feedback.ERROR, outcome.message, reason=outcome.reason, event=event, code=parent
        )

    def undo(self) -> ActionResult:
        """Take the last child linked in this session back out (a ``child_unlink`` event)."""
        self._touch()
        self._pending = None
        if not self._links:
            return self._result(
                Feedback.INFO, "Nothing to undo in this session.", reason="nothing_to_undo"
            )
        link = self._links[-1]
        recorded = self._record(core.EventInput(EventType.CHILD_UNLINK, link.child, link.parent))
        if isinstance(recorded, ActionResult):
            return recorded
        outcome, event = recorded
        self._links.pop()
        if outcome.status is not Status.ACCEPTED:
            return self._result(
                Feedback.ERROR,
                f"{link.child} is no longer in {link.parent}; nothing to undo.",
                reason=outcome.reason,
                event=event,
                code=link.child,
            )
        reopened = self._mode is not Mode.SCAN_CHILDREN or self._parent != link.parent
        self._mode, self._parent = Mode.SCAN_CHILDREN, link.parent
        self._count = int(outcome.detail.get("child_count", 0))
        self._capacity = int(outcome.detail.get("capacity", self._capacity))
        again = f" {link.parent} is open again." if reopened else ""
        return self._result(
            Feedback.INFO,
            f"Undone: take {link.child} out of {link.parent} "
            f"({self._count} / {self._capacity}).{again}",
            event=event,
            code=link.child,
        )

    def tick(self, now: datetime) -> ActionResult | None:
        """Called by a timer: returns to SCAN_PARENT after :data:`IDLE_RESET` without actions."""
        if self._pending is not None and now - self._pending.asked_at > CONFIRM_WINDOW:
            self._pending = None
        if (
            self._mode is Mode.SCAN_CHILDREN
            and self._last_activity is not None
            and now - self._last_activity >= IDLE_RESET
        ):
            parent, count, capacity = self._parent, self._count, self._capacity
            self._mode, self._parent = Mode.SCAN_PARENT, ""
            self._pending = None
            minutes = int(IDLE_RESET.total_seconds() // 60)
            return self._result(
                Feedback.INFO,
                f"No scans for {minutes} minutes: scan a parent to continue "
                f"({parent} stays open at {count} / {capacity}).",
                reason="idle_reset",
            )
        return None

    # -- modes ---------------------------------------------------------------------------

    def enter_bill_mode(self) -> ActionResult:
        if not self._can_bill():
            return self._not_allowed("work on bills")
        self._touch()
        self._mode, self._parent, self._pending = Mode.BILL, "", None
        if self._bill:
            return self._result(Feedback.INFO, f"Bill mode: bill {self._bill} is open.")
        return self._result(Feedback.INFO, "Bill mode: scan or create a bill.")

    def enter_scan_mode(self) -> ActionResult:
        if not self._can_scan():
            return self._not_allowed("pack bags")
        self._touch()
        self._mode, self._parent, self._pending = Mode.SCAN_PARENT, "", None
        return self._result(Feedback.INFO, "Scan mode: scan a parent bag.")

    # -- bill mode -----------------------------------------------------------------------

    def _bill_scan(self, decoded: Decoded, raw: str) -> ActionResult:
        if self._pending is not None and self._pending.parent != decoded.code:
            self._pending = None  # scanning anything else answers "no"
        codes = self._rules_provider().codes
        text = decoded.code or normalise(raw)
        bill_id = core.normalise_bill_id(text)
        if decoded.kind is not CodeKind.PARENT and bill_id and self._store.bill(bill_id):
            return self.open_bill(bill_id)
        if not self._bill:
            if decoded.kind is CodeKind.PARENT:
                return self._result(
                    Feedback.ERROR,
                    f"{text} is a parent bag: open or create a bill first, then scan it.",
                    reason="no_bill",
                    code=text,
                )
            if codes.is_bill_id(bill_id):
                return self._result(
                    Feedback.ERROR,
                    f"There is no bill {bill_id} here. Create it first (or wait for sync).",
                    reason=Reason.UNKNOWN_BILL.value,
                    code=bill_id,
                )
            return self._refuse(
                text[:40],
                Reason.INVALID_BILL_ID.value,
                f"{text[:40]} is not a bill id or bag code. Scan the bill or the bag label.",
            )
        if not decoded.code:
            return self._refuse(
                text[:40],
                Reason.INVALID_CODE.value,
                f"{text[:40]} is not a bag code. Scan the parent bag's label.",
                attempted=EventType.BILL_ADD_PARENT.value,
            )
        return self.offer_parent(decoded.code)

    def _bill_event(
        self, event: core.EventInput, what: str
    ) -> tuple[core.Outcome, OutboxEvent] | ActionResult:
        if not self._can_bill():
            return self._not_allowed(what)
        self._touch()
        self._pending = None  # any other bill action answers "no" to a question
        return self._record(event)

    def _bill_result(
        self, recorded: tuple[core.Outcome, OutboxEvent] | ActionResult, code: str
    ) -> ActionResult:
        if isinstance(recorded, ActionResult):
            return recorded
        outcome, event = recorded
        if outcome.status is Status.DUPLICATE:
            return self._result(
                Feedback.DUPLICATE, outcome.message, reason=outcome.reason, event=event, code=code
            )
        if outcome.status is not Status.ACCEPTED:
            return self._result(
                Feedback.ERROR,
                _bill_message(outcome, code),
                reason=outcome.reason,
                event=event,
                code=code,
            )
        feedback = Feedback.COMPLETE if outcome.completed else Feedback.GOOD
        return self._result(feedback, outcome.message, event=event, code=code)

    def create_bill(
        self, bill_id: str, capacity: int, destination: str = "", vehicle: str = ""
    ) -> ActionResult:
        """Create a bill and open it."""
        normalised = core.normalise_bill_id(bill_id)
        data: dict[str, Any] = {"capacity": capacity}
        if destination:
            data["destination"] = destination
        if vehicle:
            data["vehicle"] = vehicle
        recorded = self._bill_event(
            core.EventInput(EventType.BILL_CREATE, bill=normalised, data=data), "create bills"
        )
        result = self._bill_result(recorded, normalised)
        if result.feedback is Feedback.GOOD:
            self._bill, self._mode = normalised, Mode.BILL
            return self._result(
                Feedback.GOOD,
                f"Bill {normalised} created for {capacity} parents. Scan its parent bags.",
                event=None if isinstance(recorded, ActionResult) else recorded[1],
                code=normalised,
            )
        return result

    def open_bill(self, bill_id: str) -> ActionResult:
        """Make ``bill_id`` the bill scanned parents go onto."""
        if not self._can_bill():
            return self._not_allowed("work on bills")
        self._touch()
        self._pending = None
        normalised = core.normalise_bill_id(bill_id)
        bill = self._store.bill(normalised)
        if bill is None:
            return self._result(
                Feedback.ERROR,
                f"There is no bill {normalised} here. Create it first (or wait for sync).",
                reason=Reason.UNKNOWN_BILL.value,
                code=normalised,
            )
        self._bill, self._mode = bill.bill_id, Mode.BILL
        state = "completed" if bill.status == core.BILL_COMPLETED else "open"
        return self._result(
            Feedback.INFO,
            f"Bill {bill.bill_id} ({state}): {bill.parent_count} / {bill.capacity} parents. "
            "Scan its parent bags.",
            code=bill.bill_id,
        )

    def offer_parent(self, code: str) -> ActionResult:
        """A parent scanned for the open bill: put on at once if full, else asked about first.

        The first scan of a parent that is not full records nothing and answers a question;
        the same parent again within :data:`CONFIRM_WINDOW` (or CONFIRM) puts it on, anything
        else answers "no". Only an add the rules would accept is asked about: a full bill or a
        parent on another bill is refused at once.
        """
        code = normalise(code)
        if not self._can_bill():
            return self._not_allowed("work on bills")
        if not self._bill:
            return self._result(
                Feedback.ERROR, "Open or create a bill first.", reason="no_bill", code=code
            )
        now = self._touch()
        pending, self._pending = self._pending, None
        if (
            pending is not None
            and pending.action == _BILL_ADD
            and pending.parent == code
            and now - pending.asked_at <= CONFIRM_WINDOW
        ):
            return self.add_parent(code)
        unfilled = self._unfilled(code)
        if unfilled is None:
            return self.add_parent(code)
        count, capacity = unfilled
        self._pending = _Pending(_BILL_ADD, code, now)
        return self._result(
            Feedback.NEEDS_CONFIRMATION,
            f"{code} holds {count} of {capacity} children. "
            "Scan it again or press Confirm to put it on the bill anyway.",
            reason="confirm_bill_add",
            code=code,
        )

    def _unfilled(self, code: str) -> tuple[int, int] | None:
        """(children, capacity) of ``code`` if it is a parent that is not full and the rules
        would put it on the open bill now, else None."""
        bag = self._store.bag(code)
        bill = self._store.bill(self._bill)
        rules = self._rules_provider()
        capacity = rules.capacity_of(code)
        if bag is None or bill is None or bag.child_count >= capacity:
            return None
        # a dry run on copies: the one definition of what may go onto a bill stays the rules'
        trial = core.MemoryState({bag.code: bag}, {bill.bill_id: bill})
        outcome = rules.apply(
            core.EventInput(EventType.BILL_ADD_PARENT, code, bill=bill.bill_id), trial
        )
        if outcome.status is not Status.ACCEPTED:
            return None
        return bag.child_count, capacity

    def add_parent(self, code: str) -> ActionResult:
        """Put a parent bag on the open bill, without asking (scans go to :meth:`offer_parent`)."""
        if not self._bill:
            return self._result(
                Feedback.ERROR, "Open or create a bill first.", reason="no_bill", code=code
            )
        recorded = self._bill_event(
            core.EventInput(EventType.BILL_ADD_PARENT, code, bill=self._bill), "work on bills"
        )
        return self._bill_result(recorded, code)

    def remove_parent(self, code: str) -> ActionResult:
        if not self._bill:
            return self._result(Feedback.ERROR, "Open a bill first.", reason="no_bill", code=code)
        recorded = self._bill_event(
            core.EventInput(EventType.BILL_REMOVE_PARENT, normalise(code), bill=self._bill),
            "work on bills",
        )
        return self._bill_result(recorded, code)

    def complete_bill(self) -> ActionResult:
        if not self._bill:
            return self._result(Feedback.ERROR, "Open a bill first.", reason="no_bill")
        recorded = self._bill_event(
            core.EventInput(EventType.BILL_COMPLETE, bill=self._bill), "work on bills"
        )
        return self._bill_result(recorded, self._bill)

    def update_bill(
        self,
        capacity: int | None = None,
        destination: str | None = None,
        vehicle: str | None = None,
    ) -> ActionResult:
        """Change the open bill's capacity, destination or vehicle (None: leave it).

        Only fields that differ from the bill are sent; with none, nothing is recorded.
        """
        if not self._can_bill():
            return self._not_allowed("change bills")
        if not self._bill:
            return self._result(Feedback.ERROR, "Open a bill first.", reason="no_bill")
        bill = self._store.bill(self._bill)
        if bill is None:  # pragma: no cover - the open bill is always in the store
            return self._result(Feedback.ERROR, f"There is no bill {self._bill}.")
        data: dict[str, Any] = {}
        changed: list[str] = []
        if capacity is not None and capacity != bill.capacity:
            data["capacity"] = capacity
            changed.append(f"capacity {bill.capacity} → {capacity}")
        for key, value, current in (
            ("destination", destination, bill.destination),
            ("vehicle", vehicle, bill.vehicle),
        ):
            if value is not None and value.strip() != current:
                data[key] = value.strip()
                changed.append(f"{key} {value.strip() or '(none)'}")
        if not data:
            self._touch()
            return self._result(
                Feedback.INFO,
                f"Nothing to change on bill {bill.bill_id}.",
                reason="unchanged",
                code=bill.bill_id,
            )
        recorded = self._bill_event(
            core.EventInput(EventType.BILL_UPDATE, bill=self._bill, data=data), "change bills"
        )
        result = self._bill_result(recorded, self._bill)
        if result.feedback is not Feedback.GOOD:
            return result
        return self._result(
            Feedback.GOOD,
            f"Bill {bill.bill_id} changed: {', '.join(changed)}.",
            event=None if isinstance(recorded, ActionResult) else recorded[1],
            code=bill.bill_id,
        )

    def complete_bill_early(self) -> ActionResult:
        """Complete the open bill with the parents on it now (the window asks first).

        A part-loaded bill's capacity is lowered to its parents (a ``bill_update``), then it is
        completed (a ``bill_complete``): two events, so its history shows the lowered capacity.
        A full bill is just completed.
        """
        if not self._can_bill():
            return self._not_allowed("complete bills")
        if not self._bill:
            return self._result(Feedback.ERROR, "Open a bill first.", reason="no_bill")
        bill = self._store.bill(self._bill)
        if bill is None:  # pragma: no cover - the open bill is always in the store
            return self._result(Feedback.ERROR, f"There is no bill {self._bill}.")
        lowered = bill.status != core.BILL_COMPLETED and bill.parent_count < bill.capacity
        if lowered:
            if bill.parent_count == 0:
                return self._result(
                    Feedback.ERROR,
                    f"Bill {bill.bill_id} has no parents yet: scan parents onto it first.",
                    reason=Reason.BILL_NOT_FULL.value,
                    code=bill.bill_id,
                )
            update = self.update_bill(capacity=bill.parent_count)
            if update.feedback is not Feedback.GOOD:
                return update
        done = self.complete_bill()
        if not lowered or done.feedback is not Feedback.COMPLETE:
            return done
        return ActionResult(
            done.feedback,
            f"Bill {bill.bill_id} completed with {bill.parent_count} parents "
            f"(capacity lowered from {bill.capacity}).",
            done.screen,
            event_id=done.event_id,
            code=done.code,
        )

    def reopen_bill(self) -> ActionResult:
        """Reopen the open bill after it was completed (``bill_reopen``)."""
        if not self._can_bill():
            return self._not_allowed("reopen bills")
        if not self._bill:
            return self._result(Feedback.ERROR, "Open a bill first.", reason="no_bill")
        recorded = self._bill_event(
            core.EventInput(EventType.BILL_REOPEN, bill=self._bill), "reopen bills"
        )
        result = self._bill_result(recorded, self._bill)
        if result.feedback is not Feedback.GOOD:
            return result
        screen = result.screen
        return self._result(
            Feedback.GOOD,
            f"Bill {screen.bill} is open again ({screen.bill_count} / {screen.bill_capacity} "
            "parents). Scan parents onto it, or edit its capacity.",
            event=None if isinstance(recorded, ActionResult) else recorded[1],
            code=screen.bill,
        )

    def return_parent(self, code: str, ticket: str, location: str) -> ActionResult:
        """Take a returned parent off its bill under a return ticket."""
        recorded = self._bill_event(
            core.EventInput(
                EventType.RETURN_ADD,
                normalise(code),
                data={"ticket": ticket, "location": location},
            ),
            "handle returns",
        )
        return self._bill_result(recorded, code)

    # -- lookup --------------------------------------------------------------------------

    def lookup(self, code: str) -> LookupResult:
        """What this station knows about a bag or bill (no login needed to read)."""
        return lookup_code(self._store, code, self._rules_provider().codes)

    def lookup_key(self, text: str) -> str:
        """What a lookup of ``text`` asks for (a long label's number, a GS1 label's code)."""
        return lookup_key(text, self._rules_provider().codes)

    def is_command(self, text: str) -> bool:
        """Whether ``text`` is a command barcode (``CMD-CONFIRM``...) under the site's rules."""
        try:
            return decode(text, self._rules_provider().codes).kind is CodeKind.COMMAND
        except InvalidReadError:
            return False


def _bill_message(outcome: core.Outcome, code: str) -> str:
    """Biller-facing wording for each bill error kind of docs/domain.md#bill-errors."""
    reason = outcome.reason
    detail = outcome.detail
    if reason is Reason.INVALID_CODE:
        return f"Invalid format: {code} is not a bag code. Scan the parent bag's label."
    if reason is Reason.UNKNOWN_BILL:
        return f"Unknown bill {detail.get('bill', '')}. Create it first."
    if reason is Reason.UNKNOWN_BAG:
        return f"Unknown bag {code}: it has never been packed. Send it to a packing station."
    if reason is Reason.WRONG_BAG_TYPE:
        return f"Wrong bag type: {code} is a child bag. Only parent bags go onto a bill."
    if reason is Reason.ALREADY_ON_OTHER_BILL:
        return (
            f"{code} is already on another bill ({detail.get('current_bill')}). "
            "Take it off that bill first."
        )
    if reason is Reason.BILL_FULL:
        capacity = detail.get("capacity")
        bags = "parent" if capacity == 1 else "parents"
        return f"Bill full ({capacity} {bags}). Complete it, or raise its capacity."
    if reason is Reason.CAPACITY_BELOW_LINKED:
        loaded = detail.get("parent_count")
        return (
            f"Bill {code} already holds {loaded} parents: its capacity cannot go below "
            f"{loaded}. Take parents off first to go lower."
        )
    return outcome.message
