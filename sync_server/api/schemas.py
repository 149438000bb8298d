"""Request and response models of the sync endpoints; the OpenAPI document is built from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, create_model, model_validator

from tracetrack_core.events import EventType
from tracetrack_core.wire import EVENT_FIELDS, Kind, WireField


class HealthOut(BaseModel):
    """Service status."""

    status: str
    problem: str | None = None


def _event_field(f: WireField) -> tuple[Any, Any]:
    """A pydantic field for one field of the wire declaration (tracetrack_core.wire)."""
    annotation: Any = {
        Kind.ID: UUID,
        Kind.SEQ: int,
        Kind.NAME: EventType,
        Kind.TIME: AwareDatetime,
        Kind.TEXT: str,
        Kind.USER: str,
        Kind.CODE: str,
        Kind.OBJECT: dict[str, Any],
    }[f.kind]
    limits: dict[str, Any] = {}
    if f.kind is Kind.SEQ:
        limits = {"ge": 0, "le": f.limit}
    elif f.kind in (Kind.TEXT, Kind.USER, Kind.CODE):
        limits = {"max_length": f.limit}
    if f.required:
        return annotation, Field(description=f.doc, **limits)
    if f.kind is Kind.OBJECT:
        return annotation, Field(default_factory=dict, description=f.doc)
    return annotation, Field(default="", description=f.doc, **limits)


class _EventBase(BaseModel):
    """One event as a station sends it. A malformed event is answered ``rejected``, not 400."""

    model_config = ConfigDict(extra="ignore")


_EVENT_FIELDS: dict[str, Any] = {f.name: _event_field(f) for f in EVENT_FIELDS}
EventIn = create_model("EventIn", __base__=_EventBase, __doc__=_EventBase.__doc__, **_EVENT_FIELDS)
"""The OpenAPI schema of an event, derived from :class:`tracetrack_core.wire.WireEvent`
(the server checks events with :func:`tracetrack_core.wire.decode_event`, not with this)."""


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
    epoch: str | None = Field(
        default=None,
        max_length=64,
        description="the database epoch this station last saw (extension); if the server's "
        "differs (a restore): 409 epoch_changed naming the new one, nothing written",
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
    epoch: str | None = Field(
        default=None,
        description="the database epoch (extension): a new one means the server was restored "
        "from a backup; ask POST /api/v1/sync/held what it still holds",
    )


MAX_HELD_RANGES = 10_000


class HeldIn(BaseModel):
    """Seq ranges a station delivered; which of them does the server still hold?"""

    model_config = ConfigDict(extra="ignore")

    station_id: str = Field(min_length=1, max_length=40)
    ranges: list[tuple[int, int]] = Field(
        max_length=MAX_HELD_RANGES,
        description="inclusive [first, last] seq ranges, first <= last, seqs 0 .. 2^63-1",
    )

    @model_validator(mode="after")
    def _ordered(self) -> HeldIn:
        for first, last in self.ranges:
            if not 0 <= first <= last < 2**63:
                raise ValueError(f"range [{first}, {last}] is not 0 <= first <= last < 2^63")
        return self


class HeldOut(BaseModel):
    """The station's seqs the server holds an event for, within the ranges asked."""

    epoch: str
    held: list[tuple[int, int]] = Field(description="inclusive [first, last] ranges, in order")
