"""Query and response models of the read endpoints (they document /api/v1/openapi.json)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

_DATE = "a date (local midnight in tz; as `to`, the whole day) or an ISO time with offset"
_TZ = "IANA time zone; default: the site's (TRACETRACK_SITE_TZ, else UTC)"


class RangeQuery(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    from_: str | None = Field(default=None, alias="from", max_length=40, description=_DATE)
    to: str | None = Field(default=None, max_length=40, description=_DATE)
    tz: str | None = Field(default=None, max_length=64, description=_TZ)
    station: str | None = Field(default=None, max_length=100, description="station id or name")
    area: str | None = Field(default=None, max_length=100)
    operator: str | None = Field(default=None, max_length=200)
    format: Literal["json", "csv"] = "json"


class ThroughputQuery(RangeQuery):
    bucket: Literal["hour", "day"] = "hour"
    by: Literal["station", "operator", "area"] = "station"


class BillsQuery(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    from_: str | None = Field(default=None, alias="from", max_length=40, description=_DATE)
    to: str | None = Field(default=None, max_length=40)
    tz: str | None = Field(default=None, max_length=64, description=_TZ)
    status: Literal["new", "processing", "completed"] | None = None
    limit: int = Field(default=100, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=10**9)
    format: Literal["json", "csv"] = "json"


class DailyQuery(BaseModel):
    """A range of whole local days (default: today), optionally one station, area or operator."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    from_: str | None = Field(
        default=None, alias="from", max_length=10, description="first day, YYYY-MM-DD in tz"
    )
    to: str | None = Field(
        default=None, max_length=10, description="last day (inclusive); default: `from`"
    )
    tz: str | None = Field(default=None, max_length=64, description=_TZ)
    station: str | None = Field(default=None, max_length=100, description="station id or name")
    area: str | None = Field(default=None, max_length=100)
    operator: str | None = Field(default=None, max_length=200)
    format: Literal["json", "csv"] = "json"


class EodQuery(BaseModel):
    """One local day's end-of-day report."""

    model_config = ConfigDict(extra="ignore")

    date: str = Field(max_length=10, description="the day, YYYY-MM-DD in tz (2020 to 2199)")
    tz: str | None = Field(default=None, max_length=64, description=_TZ)
    format: Literal["pdf", "xlsx"] = "pdf"


class FormatQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format: Literal["json", "csv"] = "json"


class ChangesQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    since: int = Field(default=0, ge=0, le=2**62, description="cursor from the last page")
    limit: int = Field(default=1000, ge=1, le=5000)


class Counters(BaseModel):
    """Every counter of ``tracetrack_core.events.Counter``, summed from the 15-minute rollups."""

    model_config = ConfigDict(extra="allow")

    parent_scans: int
    children_linked: int
    children_unlinked: int
    parents_completed: int
    parents_reopened: int
    bills_created: int
    bills_completed: int
    parents_billed: int
    parents_unbilled: int
    returns: int
    scans_refused: int
    duplicates: int
    conflicts: int
    rejected: int
    corrections: int = Field(
        description="accepted corrections (child_remove, child_move, parent_reopen, bag_void, "
        "bag_restore, bill_remove_parent), besides what each did"
    )


class SummaryOut(Counters):
    """Totals over the range, and how many stations were active."""

    stations_active: int


class DayRow(Counters):
    """One local day."""

    day: str = Field(description="YYYY-MM-DD in tz")


class DailyOut(BaseModel):
    """Every day of the range, oldest first; a quiet day is all zeros."""

    days: list[DayRow]


class BillsByStatus(BaseModel):
    new: int
    processing: int
    completed: int


class StockOut(BaseModel):
    """What the site holds now (not a range). The parent figures are disjoint: billed is
    every parent on a bill, open and completed the parents on none; voided bags count nowhere."""

    parents_open: int
    parents_completed: int
    parents_billed: int
    children_in_open_parents: int = Field(description="children in the open parents")
    bills: BillsByStatus = Field(description="every bill, by status")


class HistoryEntry(BaseModel):
    """One event about a bag: what, who, where, when, and how it was answered."""

    model_config = ConfigDict(extra="allow")

    id: str
    type: str
    code: str
    parent: str
    bill: str
    operator: str = Field(description="who recorded it")
    station_id: str
    station: str | None = Field(description="where: the station's name")
    occurred_at: str = Field(description="when (the station's clock, corrected for its skew)")
    received_at: str
    status: Literal["accepted", "duplicate", "conflict", "rejected"]
    reason: str | None = Field(
        description="why: the server's reason for a refusal, or for an accepted correction "
        "the reason it was made (data.reason: wrong_parent, wrong_bill, damaged, "
        "misprinted_label, test_scan, returned, voided_in_error, other)"
    )
    note: str | None = Field(description="a correction's data.note")
    from_: str | None = Field(
        default=None, alias="from", description="child_move: the parent the child left"
    )
    detail: dict[str, Any] | None


class BagOut(BaseModel):
    """A bag, what it holds or where it is, and its history (newest first)."""

    model_config = ConfigDict(extra="allow")

    code: str
    kind: Literal["parent", "child"]
    status: Literal["open", "completed", "voided"] = Field(
        description="voided: taken out of use by a correction until an admin restores it"
    )
    child_count: int
    capacity: int | None
    parent: str | None
    children: list[str] = Field(description="a parent's current children")
    bill: dict[str, Any] | None
    history: list[HistoryEntry]


class ThroughputRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    bucket_start: str
    key: str
    children_linked: int
    parents_completed: int


class ThroughputOut(RootModel[list[ThroughputRow]]):
    """Rows per bucket and key."""


class ListOut(RootModel[list[dict[str, Any]]]):
    """A JSON array of objects."""


class ObjectOut(BaseModel):
    """A JSON object."""

    model_config = ConfigDict(extra="allow")


class ChangesOut(BaseModel):
    """One page of the changes feed."""

    changes: list[dict[str, Any]]
    cursor: str
    more: bool
    epoch: str | None = Field(
        default=None,
        description="the database epoch (extension): a new one means the server was restored",
    )
