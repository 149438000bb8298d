"""An in-memory :class:`StationPort` over the shared rules, for screenshots and demos.

It keeps bags and bills in a :class:`tracetrack_core.rules.MemoryState` and applies every
action through the same :class:`~tracetrack_core.rules.Rules` the station and server use, so the
window shows true messages; it stores nothing and syncs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tracetrack_core.codes import CodeKind, CodeRules, Command, InvalidReadError, decode
from tracetrack_core.events import EventType, Status
from tracetrack_core.rules import PARENT, EventInput, MemoryState, Rules
from tracetrack_core.rules import Outcome as RuleOutcome
from tracetrack_desktop.domain.lookup import lookup_key
from tracetrack_desktop.scanner.decode import Decoder
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.ui.views import (
    BillParentRow,
    BillView,
    ConflictRow,
    DashboardData,
    HistoryRow,
    LoginResult,
    LookupView,
    Mode,
    Outcome,
    ScanScreen,
    ThroughputRow,
)


@dataclass
class _Log:
    at: datetime
    type: str
    code: str
    parent: str
    bill: str
    operator: str


@dataclass
class PreviewStation:
    """A complete station in memory. Operators are ``name -> (password, role)``."""

    operators: dict[str, tuple[str, str]] = field(default_factory=dict)
    codes: CodeRules = field(default_factory=CodeRules)
    state: MemoryState = field(default_factory=MemoryState)
    operator: str = ""
    role: str = ""
    parent: str | None = None
    confirming: bool = False
    bill_id: str | None = None
    log: list[_Log] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rules = Rules(self.codes)

    # -- sessions --------------------------------------------------------------------

    def login(self, username: str, password: str) -> LoginResult:
        known = self.operators.get(username.strip().lower())
        if known is None or known[0] != password:
            return LoginResult(False, "Unknown username or wrong password. Try again.")
        self.operator, self.role = username.strip().lower(), known[1]
        return LoginResult(True, f"Welcome, {self.operator}.", self.operator, self.role)

    def login_badge(self, code: str) -> LoginResult:
        return LoginResult(False, "Badge login is not set up here; type your name.")

    def logout(self) -> None:
        self.operator = self.role = ""
        self.parent, self.confirming, self.bill_id = None, False, None

    def screen(self) -> ScanScreen:
        if not self.operator:
            return ScanScreen(Mode.LOGGED_OUT)
        if self.parent is None:
            return ScanScreen(Mode.PARENT, bill=self.bill_id)
        bag = self.state.bag(self.parent)
        mode = Mode.CONFIRM if self.confirming else Mode.CHILDREN
        count = bag.child_count if bag else 0
        return ScanScreen(mode, self.parent, count, self.rules.capacity_of(self.parent))

    # -- scanning --------------------------------------------------------------------

    def _apply(
        self,
        type_: str,
        code: str = "",
        parent: str = "",
        bill: str = "",
        data: dict[str, Any] | None = None,
    ) -> RuleOutcome:
        outcome = self.rules.apply(EventInput(type_, code, parent, bill, data or {}), self.state)
        if outcome.status is Status.ACCEPTED:
            self.log.append(_Log(datetime.now(UTC), type_, code, parent, bill, self.operator))
        return outcome

    def _out(self, kind: str, message: str, code: str = "") -> Outcome:
        return Outcome(kind, message, code, self.screen(), self.current_bill())

    def handle_scan(self, record: ScanRecord) -> Outcome:
        refusal = Decoder(debounce_ms=0).decode(record).refusal
        if refusal is not None and (record.suspect or record.truncated):
            return self._out("error", refusal.message)  # the input layer's refusals, as real
        try:
            decoded = decode(record.text, self.codes)
        except InvalidReadError as exc:
            return self._out("error", exc.message + " Scan the label again.")
        if decoded.kind is CodeKind.COMMAND:
            return self._command(decoded.command)
        if decoded.kind is CodeKind.PARENT:
            return self._parent(decoded.code)
        if decoded.kind is CodeKind.CHILD:
            return self._child(decoded.code)
        return self._out(
            "error",
            f"{decoded.code} is not a bag code. Scan a parent (SB00042) or a child label.",
            decoded.code,
        )

    def _command(self, command: Command | None) -> Outcome:
        actions = {
            Command.UNDO: self.undo,
            Command.FINISH: self.finish,
            Command.CONFIRM: self.confirm,
            Command.CANCEL: self.cancel,
        }
        if command is Command.LOGOUT:
            self.logout()
            return self._out("info", "Logged out.")
        action = actions.get(command) if command else None
        if action is None:
            return self._out("info", "That command is not used on this screen.")
        return action()

    def _parent(self, code: str) -> Outcome:
        self.confirming = False
        outcome = self._apply(EventType.PARENT_SCAN, code)
        if outcome.status is not Status.ACCEPTED:
            return self._out("error", outcome.message, code)
        bag = self.state.bag(code)
        if bag is not None and bag.status == "completed":
            self.parent = None
            return self._out("duplicate", outcome.message, code)
        self.parent = code
        return self._out("parent", outcome.message, code)

    def _child(self, code: str) -> Outcome:
        if self.parent is None:
            return self._out("error", f"{code} is a child. Scan its parent bag first.", code)
        self.confirming = False
        parent = self.parent
        outcome = self._apply(EventType.CHILD_LINK, code, parent)
        if outcome.status is Status.DUPLICATE:
            return self._out("duplicate", outcome.message, code)
        if outcome.status is not Status.ACCEPTED:
            return self._out("error", outcome.message, code)
        self.links.append((code, parent))
        if outcome.completed:
            self.parent = None
            return self._out("complete", outcome.message, code)
        return self._out("good", outcome.message, code)

    def undo(self) -> Outcome:
        self.confirming = False
        if not self.links:
            return self._out("info", "Nothing to undo.")
        code, parent = self.links.pop()
        outcome = self._apply(EventType.CHILD_UNLINK, code, parent)
        self.parent = parent
        return self._out("info", outcome.message, code)

    def finish(self) -> Outcome:
        if self.parent is None:
            return self._out("info", "No parent is open; scan a parent first.")
        bag = self.state.bag(self.parent)
        if bag is not None and bag.child_count < self.rules.capacity_of(self.parent):
            self.confirming = True
            return self._out(
                "needs_confirmation",
                f"{self.parent} is not full. Press F10 again or scan CONFIRM to finish it.",
            )
        return self.confirm()

    def confirm(self) -> Outcome:
        if self.parent is None:
            return self._out("info", "Nothing to confirm.")
        parent, self.confirming = self.parent, False
        outcome = self._apply(EventType.PARENT_FINISH, parent)
        if outcome.status is not Status.ACCEPTED:
            return self._out("error", outcome.message, parent)
        self.parent = None
        return self._out("complete", outcome.message, parent)

    def cancel(self) -> Outcome:
        self.confirming = False
        return self._out("info", "Kept scanning.")

    def idle_reset(self) -> Outcome:
        self.parent, self.confirming = None, False
        return self._out("info", "Idle for too long: scan a parent to continue.")

    # -- bills -----------------------------------------------------------------------

    def current_bill(self) -> BillView | None:
        if self.bill_id is None:
            return None
        bill = self.state.bill(self.bill_id)
        if bill is None:
            return None
        parents = tuple(
            BillParentRow(b.code, b.child_count, self.rules.expected_kg_of(b.code))
            for b in self.state.bags.values()
            if b.kind == PARENT and b.bill == bill.bill_id
        )
        return BillView(
            bill.bill_id,
            bill.capacity,
            bill.destination,
            bill.vehicle,
            bill.status,
            bill.parent_count,
            bill.actual_kg,
            bill.expected_kg,
            parents,
        )

    def _bill_out(self, outcome: RuleOutcome, good: str = "good", code: str = "") -> Outcome:
        if outcome.status is Status.DUPLICATE:
            return self._out("duplicate", outcome.message, code)
        if outcome.status is not Status.ACCEPTED:
            return self._out("error", outcome.message, code)
        return self._out(good, outcome.message, code)

    def create_bill(self, bill_id: str, capacity: int, destination: str, vehicle: str) -> Outcome:
        data = {"capacity": capacity, "destination": destination, "vehicle": vehicle}
        outcome = self._apply(EventType.BILL_CREATE, bill=bill_id, data=data)
        if outcome.status is Status.ACCEPTED:
            self.bill_id = outcome.detail["bill"]
        return self._bill_out(outcome, "info")

    def open_bill(self, bill_id: str) -> Outcome:
        bill = self.state.bill(bill_id.strip().upper())
        if bill is None:
            return self._out("error", f"There is no bill {bill_id}. Check the id or create it.")
        self.bill_id = bill.bill_id
        return self._out("info", f"Bill {bill.bill_id} is open: scan parents onto it.")

    def close_bill(self) -> Outcome:
        self.bill_id = None
        return self._out("info", "Bill closed.")

    def add_parent_to_bill(self, code: str) -> Outcome:
        if self.bill_id is None:
            return self._out("error", "Open or create a bill before scanning parents.", code)
        try:
            decoded = decode(code, self.codes)
        except InvalidReadError as exc:
            return self._out("error", exc.message, code)
        outcome = self._apply(EventType.BILL_ADD_PARENT, decoded.code, bill=self.bill_id)
        return self._bill_out(outcome, "parent", decoded.code)

    def remove_parent_from_bill(self, code: str) -> Outcome:
        if self.bill_id is None:
            return self._out("error", "No bill is open.", code)
        outcome = self._apply(EventType.BILL_REMOVE_PARENT, code, bill=self.bill_id)
        return self._bill_out(outcome, "info", code)

    def complete_bill(self) -> Outcome:
        if self.bill_id is None:
            return self._out("error", "No bill is open.")
        return self._bill_out(self._apply(EventType.BILL_COMPLETE, bill=self.bill_id), "complete")

    def return_parent(self, code: str, ticket: str, location: str) -> Outcome:
        data = {"ticket": ticket, "location": location}
        outcome = self._apply(EventType.RETURN_ADD, code, data=data)
        return self._bill_out(outcome, "info", code)

    # -- reading ---------------------------------------------------------------------

    def lookup_key(self, text: str) -> str:
        return lookup_key(text, CodeRules())

    def lookup(self, code: str) -> LookupView:
        key = self.lookup_key(code)
        bag = self.state.bag(key)
        if bag is None:
            near = tuple(c for c in self.state.bags if key[:4] and c.startswith(key[:4]))[:5]
            return LookupView(key, False, "local", suggestions=near)
        children = tuple(c.code for c in self.state.bags.values() if c.parent == key)
        history = tuple(
            HistoryRow(
                e.at.isoformat(timespec="seconds"),
                e.type,
                e.parent or e.bill,
                e.operator,
                "this station",
            )
            for e in self.log
            if key in (e.code, e.parent)
        )
        return LookupView(
            key,
            True,
            "local",
            bag.kind,
            bag.parent,
            children,
            bag.child_count,
            bag.status,
            bag.bill,
            history,
        )

    def local_dashboard(self, now: datetime) -> DashboardData:
        rows: dict[tuple[str, str], list[int]] = {}
        summary = {
            "children_linked": 0,
            "parents_completed": 0,
            "parent_scans": 0,
            "bills_created": 0,
        }
        for entry in self.log:
            hour = entry.at.astimezone().replace(minute=0, second=0, microsecond=0).isoformat()
            cell = rows.setdefault((hour, entry.operator), [0, 0])
            if entry.type == EventType.CHILD_LINK:
                cell[0] += 1
                summary["children_linked"] += 1
            elif entry.type == EventType.PARENT_SCAN:
                summary["parent_scans"] += 1
            elif entry.type == EventType.BILL_CREATE:
                summary["bills_created"] += 1
        summary["parents_completed"] = sum(
            1 for b in self.state.bags.values() if b.kind == PARENT and b.status == "completed"
        )
        by_operator = tuple(ThroughputRow(h, op, v[0], v[1]) for (h, op), v in rows.items())
        by_station = tuple(
            ThroughputRow(h, "this station", v[0], v[1]) for (h, _), v in rows.items()
        )
        bills: dict[str, int] = {}
        for bill in self.state.bills.values():
            bills[bill.status] = bills.get(bill.status, 0) + 1
        return DashboardData("local", now, summary, by_station, by_operator, bills)

    def pending(self) -> tuple[int, datetime | None]:
        return len(self.log), self.log[0].at if self.log else None

    def conflicts(self) -> list[ConflictRow]:
        return []
