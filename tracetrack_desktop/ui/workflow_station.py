"""The real station behind the window: :class:`StationWorkflow` and :class:`LocalStore`
adapted to :class:`StationPort`.

Every scan action goes through the workflow, which commits the state change and its outbox
event in one SQLite transaction before it returns; only then does the window flash "good".
This module only translates results into the window's view snapshots.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tracetrack_core.events import CORRECTION_TYPES, EventType
from tracetrack_core.wire import WireEvent
from tracetrack_desktop.domain import results as domain
from tracetrack_desktop.domain.corrections import (
    CorrectionRequest,
    Corrections,
    CorrectionTarget,
)
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.storage.store import LocalStore, local_now
from tracetrack_desktop.ui.messages import translate_message
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
)

_MODES = {
    domain.Mode.LOGGED_OUT: Mode.LOGGED_OUT,
    domain.Mode.SCAN_PARENT: Mode.PARENT,
    domain.Mode.SCAN_CHILDREN: Mode.CHILDREN,
    domain.Mode.BILL: Mode.BILL,
}


class WorkflowStation:
    """A :class:`~tracetrack_desktop.ui.ports.StationPort` over the durable station engine."""

    def __init__(
        self, workflow: StationWorkflow, store: LocalStore, corrections: Corrections | None = None
    ) -> None:
        self.workflow = workflow
        self.store = store
        # corrections are recorded in the name of whoever the workflow has logged in
        self.corrections = corrections or Corrections(store, store.rules, local_now, workflow)

    # -- translation -----------------------------------------------------------------

    def _screen(self, screen: domain.Screen) -> ScanScreen:
        # CONFIRM is the scan tab's finish-early question; a question in bill mode (a parent
        # that is not full) is asked in the bills tab's message line
        asking = bool(screen.confirming) and screen.mode is not domain.Mode.BILL
        mode = Mode.CONFIRM if asking else _MODES[screen.mode]
        return ScanScreen(
            mode, screen.parent or None, screen.count, screen.capacity or 30, screen.bill or None
        )

    def _out(self, result: domain.ActionResult) -> Outcome:
        return Outcome(
            result.feedback.value,
            translate_message(result.message),
            result.code,
            self._screen(result.screen),
            self.current_bill(),
            recorded=result.event_id is not None,
        )

    def _login(self, result: domain.ActionResult) -> LoginResult:
        screen = result.screen
        message = translate_message(result.message)
        return LoginResult(result.ok, message, screen.operator, screen.role)

    # -- sessions and scanning ---------------------------------------------------------

    def login(self, username: str, password: str) -> LoginResult:
        return self._login(self.workflow.login(username, password))

    def login_badge(self, code: str) -> LoginResult:
        return self._login(self.workflow.login_badge(code))

    def logout(self) -> None:
        self.workflow.logout()

    def screen(self) -> ScanScreen:
        return self._screen(self.workflow.screen())

    def handle_scan(self, record: ScanRecord) -> Outcome:
        return self._out(self.workflow.handle_scan(record))

    def undo(self) -> Outcome:
        return self._out(self.workflow.undo())

    def finish(self) -> Outcome:
        return self._out(self.workflow.finish())

    def confirm(self) -> Outcome:
        return self._out(self.workflow.confirm())

    def cancel(self) -> Outcome:
        return self._out(self.workflow.cancel())

    def idle_reset(self) -> Outcome:
        # far past any idle limit: the workflow resets whatever it was waiting for
        result = self.workflow.tick(datetime.now().astimezone() + timedelta(days=1))
        if result is None:
            return Outcome("info", "", screen=self.screen(), recorded=False)
        return self._out(result)

    # -- bills -----------------------------------------------------------------------

    def create_bill(self, bill_id: str, capacity: int, destination: str, vehicle: str) -> Outcome:
        return self._out(self.workflow.create_bill(bill_id, capacity, destination, vehicle))

    def open_bill(self, bill_id: str) -> Outcome:
        return self._out(self.workflow.open_bill(bill_id))

    def close_bill(self) -> Outcome:
        return self._out(self.workflow.enter_scan_mode())

    def add_parent_to_bill(self, code: str) -> Outcome:
        # a scanned parent: one that is not full is asked about first
        return self._out(self.workflow.offer_parent(code))

    def remove_parent_from_bill(self, code: str) -> Outcome:
        return self._out(self.workflow.remove_parent(code))

    def complete_bill(self) -> Outcome:
        return self._out(self.workflow.complete_bill())

    def complete_bill_early(self) -> Outcome:
        return self._out(self.workflow.complete_bill_early())

    def reopen_bill(self) -> Outcome:
        return self._out(self.workflow.reopen_bill())

    def update_bill(
        self, capacity: int | None, destination: str | None, vehicle: str | None
    ) -> Outcome:
        return self._out(self.workflow.update_bill(capacity, destination, vehicle))

    def return_parent(self, code: str, ticket: str, location: str) -> Outcome:
        return self._out(self.workflow.return_parent(code, ticket, location))

    def current_bill(self) -> BillView | None:
        bill_id = self.workflow.screen().bill
        bill = self.store.bill(bill_id) if bill_id else None
        if bill is None:
            return None
        rules = self.store.rules()
        parents = []
        for code in self.store.parents_on_bill(bill.bill_id):
            bag = self.store.bag(code)
            parents.append(
                BillParentRow(code, bag.child_count if bag else 0, rules.expected_kg_of(code))
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
            tuple(parents),
        )

    # -- corrections -----------------------------------------------------------------

    def correction_target(self, code: str) -> CorrectionTarget | None:
        return self.corrections.target(code)

    def correct(self, request: CorrectionRequest) -> Outcome:
        return self._out(self.corrections.make(request))

    # -- reading ---------------------------------------------------------------------

    def lookup_key(self, text: str) -> str:
        return self.workflow.lookup_key(text)

    def is_command(self, text: str) -> bool:
        return self.workflow.is_command(text)

    def lookup(self, code: str) -> LookupView:
        found = self.workflow.lookup(code)
        history = tuple(_history_row(e.event) for e in found.history)
        bag = found.bag
        if bag is None:
            return LookupView(found.query, False, "local", history=history)
        return LookupView(
            found.query,
            True,
            "local",
            bag.kind,
            bag.parent,
            tuple(found.children),
            bag.child_count,
            bag.status,
            bag.bill,
            history,
        )

    def local_dashboard(self, now: datetime) -> DashboardData:
        summary = {
            "children_linked": 0,
            "parent_scans": 0,
            "parents_completed": 0,
            "bills_created": 0,
        }
        kinds = {
            "child_link": "children_linked",
            "parent_scan": "parent_scans",
            "parent_finish": "parents_completed",
            "bill_create": "bills_created",
        }
        summary["corrections"] = 0
        for stored in self.store.events():
            key = kinds.get(stored.event.type)
            if stored.local_status != "accepted":
                continue
            if key:
                summary[key] += 1
            if stored.event.type in CORRECTION_TYPES:
                summary["corrections"] += 1
            if stored.event.type in (EventType.CHILD_UNLINK, EventType.CHILD_REMOVE):
                summary["children_linked"] -= 1  # an undo or a removal: the child is out again
        return DashboardData("local", now, summary)

    def pending(self) -> tuple[int, datetime | None]:
        return self.store.pending_count(), self.store.oldest_pending_at()

    def conflicts(self) -> list[ConflictRow]:
        return [
            ConflictRow(
                c.received_at,
                c.type,
                c.code,
                c.reason,
                str(c.detail.get("current_parent") or c.detail.get("current_bill") or ""),
            )
            for c in self.store.conflicts()
        ]


def _history_row(event: WireEvent) -> HistoryRow:
    """A local event as a lookup's history row: a correction's ``data.reason`` and ``data.note``
    say why it was made, a refused read's ``data.reason`` why it was refused (as the server's
    history says both)."""
    data = event.data
    detail = event.parent or event.bill
    if event.type == EventType.CHILD_MOVE and data.get("from"):
        detail = f"{data['from']} → {event.parent}"
    return HistoryRow(
        event.occurred_at,
        event.type,
        detail,
        event.operator,
        QCoreApplication.translate("Lookup", "this station"),
        str(data.get("reason") or ""),
        str(data.get("note") or ""),
    )


def open_station(
    data_dir: Path,
    operators: Mapping[str, tuple[str, str]],
    hash_password: Callable[[str], str],
) -> WorkflowStation:
    """The real station on the store in ``data_dir``, on the wall clock, for screenshots and
    the window's tests; close ``station.store`` when done.

    ``operators`` (name -> (password, role)) are added the way an offline-only first run adds
    its admin, so logging in goes through the same argon2 check as on a station.
    """
    store = LocalStore(data_dir)
    for name, (password, role) in operators.items():
        store.add_local_user(name, hash_password(password), role)
    workflow = StationWorkflow(store, store.rules, lambda: datetime.now().astimezone())
    return WorkflowStation(workflow, store)
