"""Request and response models of the sync endpoints; the OpenAPI document is built from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from tracetrack_core.events import MAX_FIELD_LENGTH, EventType

Text = Field(default="", max_length=MAX_FIELD_LENGTH)


class HealthOut(BaseModel):
    """Service status."""

    status: str
    problem: str | None = None


class EventIn(BaseModel):
    """One event as a station sends it. A malformed event is answered ``rejected``, not 400."""

    model_config = ConfigDict(extra="ignore")

    id: UUID = Field(description="idempotency key (UUIDv7 recommended)")
    seq: int = Field(ge=0, le=2**62, description="strictly increasing per station")
    type: EventType
    occurred_at: AwareDatetime = Field(description="station clock, with its UTC offset")
    operator: str = Text
    code: str = Text
    parent: str = Text
    bill: str = Text
    data: dict[str, Any] = Field(default_factory=dict)


class BatchIn(BaseModel):
    """An upload. ``pending`` and ``oldest_pending_at`` (extensions) report the station's queue."""

    model_config = ConfigDict(extra="ignore")

    station_id: str = Field(min_length=1, max_length=40)
    sent_at: AwareDatetime
    events: list[dict[str, Any]] = Field(
        json_schema_extra={"x-items-model": "EventIn"},
        description="events, each as EventIn",
    )
    pending: int | None = Field(default=None, ge=0, le=10**9)
    oldest_pending_at: AwareDatetime | None = None
    after_event: UUID | None = Field(
        default=None,
        description="apply this batch only once this event is stored (the last event of the "
        "batch sent before it and not yet answered); if it does not arrive in time: 409 "
        "out_of_order, nothing written",
    )


class EventResult(BaseModel):
    id: str
    status: Literal["accepted", "duplicate", "conflict", "rejected"]
    reason: str | None = None
    detail: dict[str, Any] | None = None
    message: str | None = None


class BatchOut(BaseModel):
    """One result per event, in the order sent."""

    results: list[EventResult]
    server_time: datetime
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    after_event: bool = Field(
        default=True,
        description="this server honours a batch's after_event: a station may send its next "
        "batch before this one is answered",
    )
