"""Who may record what: the roles of docs/domain.md#roles, and the one spelling of a user name.

The station enforces these when an operator acts; the server enforces them again on every
event it is sent, so a station's token cannot record work for someone who may not do it.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from tracetrack_core.events import EventType


class Role(StrEnum):
    DISPATCHER = "dispatcher"
    BILLER = "biller"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


SCAN_ROLES = frozenset({Role.DISPATCHER, Role.ADMIN})
"""Who packs: parents, children, undo, finish. (Supervisors watch: dashboard, lookup, reports.)"""

BILL_ROLES = frozenset({Role.BILLER, Role.ADMIN})
"""Who bills: bills, parents on and off them, returns."""

CORRECT_ROLES = BILL_ROLES
"""Who corrects packed and billed work, from any station (docs/domain.md#corrections)."""

RESTORE_ROLES = frozenset({Role.ADMIN})
"""Who brings a voided bag back."""

MANAGE_ROLES = frozenset({Role.ADMIN})
"""Who manages users, stations, areas, code rules and reads the audit log."""

DASHBOARD_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
"""Who sees the dashboard and reports."""

IMPORT_ROLES = frozenset({Role.BILLER, Role.ADMIN})
"""Who imports spreadsheets of child -> parent links and parent -> bill assignments. An
imported row is recorded as the event a scan makes, in the importer's name, whatever role that
event type asks of a scan."""

ROLES_FOR: dict[str, frozenset[Role]] = {
    **dict.fromkeys(
        (
            EventType.PARENT_SCAN,
            EventType.CHILD_LINK,
            EventType.CHILD_UNLINK,
            EventType.PARENT_FINISH,
        ),
        SCAN_ROLES,
    ),
    **dict.fromkeys(
        (
            EventType.BILL_CREATE,
            EventType.BILL_ADD_PARENT,
            EventType.BILL_REMOVE_PARENT,
            EventType.BILL_COMPLETE,
            EventType.BILL_UPDATE,
            EventType.BILL_REOPEN,
            EventType.RETURN_ADD,
        ),
        BILL_ROLES,
    ),
    **dict.fromkeys(
        (
            EventType.CHILD_REMOVE,
            EventType.CHILD_MOVE,
            EventType.PARENT_REOPEN,
            EventType.BAG_VOID,
        ),
        CORRECT_ROLES,
    ),
    EventType.BAG_RESTORE: RESTORE_ROLES,
    EventType.SCAN_REJECTED: frozenset(Role),  # a refused read, whoever was logged in
}
"""The roles that may record each event type (an unknown type is the rules' to refuse)."""


def user_key(name: str) -> str:
    """A user name as stored and compared: NFKC (a full-width "ravi" is "ravi"),
    trimmed, lower case. Look-alikes from other scripts and invisible characters stay what
    they are, so they never match an account (accounts are plain ASCII)."""
    if name.isascii():
        return name.strip().lower()
    return unicodedata.normalize("NFKC", name).strip().lower()
