"""Typed results of every operator action: what to show, what to play, what happens next."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Feedback(StrEnum):
    """The sound and colour flash the station gives (one per result)."""

    GOOD = "good"  # a child went in
    PARENT = "parent"  # a parent was opened
    COMPLETE = "complete"  # a parent or bill was completed
    DUPLICATE = "duplicate"  # harmless repeat
    ERROR = "error"  # nothing happened; the message says what to do
    INFO = "info"  # state change without a scan (mode, login, lookup)
    NEEDS_CONFIRMATION = "needs_confirmation"  # confirm or cancel


class Mode(StrEnum):
    LOGGED_OUT = "logged_out"
    SCAN_PARENT = "scan_parent"
    SCAN_CHILDREN = "scan_children"
    BILL = "bill"


@dataclass(frozen=True)
class Screen:
    """What the station window shows after an action.

    Attributes:
        mode: the workflow mode.
        operator: the logged-in username ("" when logged out).
        role: the operator's role.
        parent: the parent being filled (SCAN_CHILDREN), else "".
        count: children in ``parent``.
        capacity: children ``parent`` holds when complete.
        bill: the open bill in bill mode, else "".
        bill_count: parents on ``bill``.
        bill_capacity: parents ``bill`` takes.
        bill_status: new, processing or completed.
        confirming: what a CONFIRM would do ("finish SB00042"), or "".
    """

    mode: Mode
    operator: str = ""
    role: str = ""
    parent: str = ""
    count: int = 0
    capacity: int = 0
    bill: str = ""
    bill_count: int = 0
    bill_capacity: int = 0
    bill_status: str = ""
    confirming: str = ""


@dataclass(frozen=True)
class ActionResult:
    """The outcome of one operator action.

    Attributes:
        feedback: which sound and flash.
        message: for the operator; says what to do next.
        reason: machine-readable reason (``child_in_other_parent``, ``locked``...) or None.
        event_id: the outbox event written for this action, if any.
        screen: the screen state after the action.
        code: the code the action was about, if any.
    """

    feedback: Feedback
    message: str
    screen: Screen
    reason: str | None = None
    event_id: str | None = None
    code: str = ""

    @property
    def ok(self) -> bool:
        return self.feedback not in (Feedback.ERROR, Feedback.NEEDS_CONFIRMATION)
