"""Test data builders for the server: stations with tokens, events, batches."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from sync_server.db.models import Station
from sync_server.services.tokens import SCOPE_READ, SCOPE_STATION, issue_token

_seq = itertools.count(1)


def make_station(session: Session, name: str, area: str = "Lucknow") -> tuple[str, str]:
    """Create an enrolled station directly; returns (station_id, token)."""
    station_id = "st_" + uuid.uuid4().hex[:12]
    with session.begin():
        session.add(Station(id=station_id, name=name, area=area, enrolled_at=datetime.now(UTC)))
        session.flush()
        token = issue_token(session, name, SCOPE_STATION, station_id)
    return station_id, token


def make_read_token(session: Session, name: str = "reports") -> str:
    with session.begin():
        return issue_token(session, name, SCOPE_READ)


def event(
    type_: str,
    code: str = "",
    *,
    parent: str = "",
    bill: str = "",
    data: dict[str, Any] | None = None,
    seq: int | None = None,
    operator: str = "ravi",
    at: datetime | None = None,
) -> dict[str, Any]:
    when = at or datetime.now(UTC)
    return {
        "id": str(uuid.uuid4()),
        "seq": next(_seq) if seq is None else seq,
        "type": type_,
        "occurred_at": when.astimezone(UTC).isoformat(),
        "operator": operator,
        "code": code,
        "parent": parent,
        "bill": bill,
        "data": data or {},
    }


def batch(station_id: str, events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "station_id": station_id,
        "sent_at": (datetime.now(UTC) + timedelta(milliseconds=1)).isoformat(),
        "events": events,
        **extra,
    }


def children(n: int, prefix: str = "C") -> list[str]:
    return [f"{prefix}{uuid.uuid4().hex[:10].upper()}" for _ in range(n)]
