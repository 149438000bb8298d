"""Plain, Qt-free snapshots the widgets draw from.

Widgets never read the workflow or the store; the composition root turns each workflow result
into one of these and hands it to the view. That keeps every slot thin and lets a view be drawn
from canned data (screenshots, tests) without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from tracetrack_core.rules import VOIDED


class Mode(StrEnum):
    """What the scan screen is waiting for."""

    LOGGED_OUT = "logged_out"
    PARENT = "parent"
    CHILDREN = "children"
    CONFIRM = "confirm"
    BILL = "bill"


FEEDBACK_KINDS = (
    "good",
    "parent",
    "complete",
    "duplicate",
    "error",
    "info",
    "needs_confirmation",
)


@dataclass(frozen=True)
class ScanScreen:
    """The scan tab's state: the banner, the current parent and its counter."""

    mode: Mode = Mode.PARENT
    parent: str | None = None
    count: int = 0
    capacity: int = 30
    bill: str | None = None


@dataclass(frozen=True)
class ScanRow:
    """One line in the "last scans" table."""

    at: datetime
    code: str
    kind: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """What one operator action did, for the window to show and sound."""

    kind: str
    message: str
    code: str = ""
    screen: ScanScreen = field(default_factory=ScanScreen)
    bill: BillView | None = None
    recorded: bool = True


@dataclass(frozen=True)
class BillParentRow:
    code: str
    children: int
    expected_kg: int


@dataclass(frozen=True)
class BillView:
    """A bill as the bills tab shows it."""

    bill_id: str
    capacity: int
    destination: str
    vehicle: str
    status: str
    parent_count: int
    actual_kg: int
    expected_kg: int
    parents: tuple[BillParentRow, ...] = ()


@dataclass(frozen=True)
class HistoryRow:
    """One event about a bag: when, what, who, where, and why: a correction's reason (a
    ``CorrectionReason`` value) and note, or why the event was refused."""

    at: str
    event: str
    detail: str
    operator: str = ""
    station: str = ""
    reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class LookupView:
    """Everything known about one code, and where it came from."""

    code: str
    found: bool
    source: str  # "server" or "local"
    kind: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()
    child_count: int = 0
    status: str = ""
    bill: str | None = None
    history: tuple[HistoryRow, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str = ""

    @property
    def voided(self) -> bool:
        return self.status == VOIDED


@dataclass(frozen=True)
class ThroughputRow:
    bucket_start: str
    key: str
    children_linked: int
    parents_completed: int


@dataclass(frozen=True)
class StationHealth:
    name: str
    last_seen: str
    last_seq: int
    pending: int
    lag: str


@dataclass(frozen=True)
class DayRange:
    """The days the dashboard's flow figures cover, both inclusive, in the station's zone."""

    first: date
    last: date

    @classmethod
    def today(cls, today: date) -> DayRange:
        return cls(today, today)

    @classmethod
    def yesterday(cls, today: date) -> DayRange:
        day = today - timedelta(days=1)
        return cls(day, day)

    @classmethod
    def this_week(cls, today: date) -> DayRange:
        """Monday to today."""
        return cls(today - timedelta(days=today.weekday()), today)

    @property
    def one_day(self) -> bool:
        """One day is drawn per hour; a longer range per day."""
        return self.first == self.last


@dataclass(frozen=True)
class DashboardRequest:
    """What the dashboard asks the server for: a range of days in a zone (IANA name)."""

    span: DayRange
    tz: str


@dataclass(frozen=True)
class DayRow:
    """One day of the per-day chart (children net of undos, as the tiles count them)."""

    day: date
    children_linked: int
    parents_completed: int


@dataclass(frozen=True)
class Stock:
    """What the site holds now, whatever the range: the parents in each state (each counted
    once: billed are on a bill, open and completed are on none) and the children in open ones."""

    parents_open: int = 0
    parents_completed: int = 0
    parents_billed: int = 0
    children_in_open_parents: int = 0


@dataclass(frozen=True)
class Download:
    """A file the server makes (an export, the end-of-day report) to be saved at ``target``.

    ``path`` is the API path (``/api/v1/exports/bags``) and ``params`` its query."""

    path: str
    params: tuple[tuple[str, str], ...]
    target: str


@dataclass(frozen=True)
class DashboardData:
    """What the dashboard tab draws; ``source`` says whether it is the server's or ours.

    ``span`` is the range the flow figures cover (None: the station's own records, all of
    them); ``stock`` is None when nobody could say (offline)."""

    source: str  # "server" or "local"
    fetched_at: datetime
    summary: dict[str, int] = field(default_factory=dict)
    by_station: tuple[ThroughputRow, ...] = ()
    by_operator: tuple[ThroughputRow, ...] = ()
    bills_by_status: dict[str, int] = field(default_factory=dict)
    stations: tuple[StationHealth, ...] = ()
    span: DayRange | None = None
    daily: tuple[DayRow, ...] = ()
    stock: Stock | None = None


@dataclass(frozen=True)
class ConflictRow:
    """A local event the server refused, and what it lost to."""

    at: str
    event: str
    code: str
    reason: str
    lost_to: str


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    message: str
    operator: str = ""
    role: str = ""


def short_time(value: str) -> str:
    """An ISO time as local ``HH:MM:SS`` (today) or ``YYYY-MM-DD HH:MM``; other text as is."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if moment.date() == datetime.now(moment.tzinfo).date():
        return moment.strftime("%H:%M:%S")
    return moment.strftime("%Y-%m-%d %H:%M")
