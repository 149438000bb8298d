"""The event vocabulary of sync protocol v1 (docs/protocol.md#event-types) and its extensions."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum


class EventType(StrEnum):
    PARENT_SCAN = "parent_scan"
    CHILD_LINK = "child_link"
    CHILD_UNLINK = "child_unlink"
    PARENT_FINISH = "parent_finish"
    BILL_CREATE = "bill_create"
    BILL_ADD_PARENT = "bill_add_parent"
    BILL_REMOVE_PARENT = "bill_remove_parent"
    BILL_COMPLETE = "bill_complete"
    RETURN_ADD = "return_add"
    SCAN_REJECTED = "scan_rejected"
    # extensions (v1 allows more event types)
    BILL_UPDATE = "bill_update"
    BILL_REOPEN = "bill_reopen"
    # corrections (docs/domain.md#corrections): recorded events, never edits
    CHILD_REMOVE = "child_remove"
    CHILD_MOVE = "child_move"
    PARENT_REOPEN = "parent_reopen"
    BAG_VOID = "bag_void"
    BAG_RESTORE = "bag_restore"


class Status(StrEnum):
    """Every result is final: the station may drop the event from its queue."""

    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class Reason(StrEnum):
    """Machine-readable reasons for duplicate, conflict and rejected results."""

    # duplicate
    ALREADY_RECEIVED = "already_received"  # the same event id came before
    ALREADY_LINKED = "already_linked"  # child already in this parent
    ALREADY_COMPLETED = "already_completed"
    ALREADY_ON_THIS_BILL = "already_on_this_bill"
    ALREADY_OPEN = "already_open"  # reopening a parent that is open
    ALREADY_VOIDED = "already_voided"
    NOT_VOIDED = "not_voided"  # restoring a bag that is not voided
    # conflict (valid event, but the shared state says no)
    CHILD_IN_OTHER_PARENT = "child_in_other_parent"
    CHILD_NOT_IN_PARENT = "child_not_in_parent"
    CODE_IS_PARENT = "code_is_parent"
    CODE_IS_CHILD = "code_is_child"
    PARENT_COMPLETED = "parent_completed"
    PARENT_EMPTY = "parent_empty"
    UNKNOWN_BAG = "unknown_bag"
    WRONG_BAG_TYPE = "wrong_bag_type"
    UNKNOWN_BILL = "unknown_bill"
    BILL_EXISTS = "bill_exists"
    ALREADY_ON_OTHER_BILL = "already_on_other_bill"
    NOT_ON_THIS_BILL = "not_on_this_bill"
    NOT_ON_A_BILL = "not_on_a_bill"
    BILL_FULL = "bill_full"
    BILL_NOT_FULL = "bill_not_full"
    BILL_COMPLETED = "bill_completed"
    BILL_NOT_COMPLETED = "bill_not_completed"
    CAPACITY_BELOW_LINKED = "capacity_below_linked"
    BAG_VOIDED = "bag_voided"  # the code was voided; an admin may restore it
    PARENT_NOT_EMPTY = "parent_not_empty"  # voiding a parent that still holds children
    PARENT_ON_BILL = "parent_on_bill"  # voiding a parent that is on a bill
    PARENT_FULL = "parent_full"  # reopening a parent that holds its capacity
    # rejected (the event itself is malformed)
    INVALID_CODE = "invalid_code"
    INVALID_BILL_ID = "invalid_bill_id"
    INVALID_FIELD = "invalid_field"
    INVALID_CAPACITY = "invalid_capacity"
    MISSING_FIELD = "missing_field"
    SELF_LINK = "self_link"
    UNKNOWN_TYPE = "unknown_type"
    BAD_TIMESTAMP = "bad_timestamp"
    INVALID_REASON = "invalid_reason"  # a correction's data.reason is not one of CorrectionReason
    # rejected (the operator it names may not record it)
    UNKNOWN_OPERATOR = "unknown_operator"
    OPERATOR_DISABLED = "operator_disabled"
    ROLE_NOT_ALLOWED = "role_not_allowed"


class Counter(StrEnum):
    """What an event did, as counted by the stats (one event adds to at most a few)."""

    PARENT_SCANS = "parent_scans"
    CHILDREN_LINKED = "children_linked"
    CHILDREN_UNLINKED = "children_unlinked"
    PARENTS_COMPLETED = "parents_completed"
    PARENTS_REOPENED = "parents_reopened"
    BILLS_CREATED = "bills_created"
    BILLS_COMPLETED = "bills_completed"
    PARENTS_BILLED = "parents_billed"
    PARENTS_UNBILLED = "parents_unbilled"
    RETURNS = "returns"
    SCANS_REFUSED = "scans_refused"
    DUPLICATES = "duplicates"
    CONFLICTS = "conflicts"
    REJECTED = "rejected"
    CORRECTIONS = "corrections"  # accepted corrections (CORRECTION_TYPES), besides what they did


class CorrectionReason(StrEnum):
    """Why a correction was made: the short list a biller picks from (``data.reason``)."""

    WRONG_PARENT = "wrong_parent"  # packed into the wrong parent bag
    WRONG_BILL = "wrong_bill"  # loaded onto the wrong bill
    DAMAGED = "damaged"  # the bag or its label is damaged
    MISPRINTED_LABEL = "misprinted_label"  # a duplicate or misprinted label
    TEST_SCAN = "test_scan"  # a test or training scan
    RETURNED = "returned"  # the goods came back
    VOIDED_IN_ERROR = "voided_in_error"  # (restores) the void was a mistake
    OTHER = "other"  # say why in data.note


CORRECTION_TYPES = frozenset(
    {
        EventType.CHILD_REMOVE,
        EventType.CHILD_MOVE,
        EventType.PARENT_REOPEN,
        EventType.BAG_VOID,
        EventType.BAG_RESTORE,
        EventType.BILL_REMOVE_PARENT,
    }
)
"""Events that correct earlier work. Each counts as a correction; each but
``bill_remove_parent`` (a v1 type older stations send without one) must carry
``data.reason``, one of :class:`CorrectionReason`, and may carry ``data.note``."""


EARLIEST_TIME = datetime(2020, 1, 1, tzinfo=UTC)
"""No time a station or a report names may lie before this (the product did not exist): a
time from a dead clock battery, or a hostile one, is refused where it enters instead of being
stored (a year-1 time stored by PostgreSQL could not be read back)."""

LATEST_TIME = datetime(2200, 1, 1, tzinfo=UTC)
"""Nor after this (report ranges; event times are bounded much closer, by the clock skew)."""

MAX_BATCH_EVENTS = 2000
"""Most events the server takes in one upload (published in OpenAPI and in settings).

Live uploads hold a few events; a station back from an outage sends its backlog in batches this
big. Measured (bench/NOTES.md): a 100k backlog drains at 8.4k events/s in batches of 500 and
11.7k in batches of 2,000, as the per-batch costs (a commit, the hand-over between a station's
batches, a round trip) are shared by more events. A batch row-locks only the bags and bills it
reads, so a big one holds up no other station but one touching the same bags."""

MAX_BATCH_BYTES = 1_048_576
"""Largest upload body in bytes."""

MAX_FIELD_LENGTH = 200
"""Longest code, parent, bill or operator string an event may carry."""

MAX_TYPE_LENGTH = 40
"""Longest event type name (the longest known is far shorter)."""

MAX_DATA_BYTES = 4096
"""Largest ``data`` object of one event, encoded as JSON."""
