"""Test data builders for the server: stations with tokens, events, batches."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db.models import Station, User
from sync_server.db.versions import next_version
from sync_server.services.tokens import SCOPE_READ, SCOPE_STATION, issue_token

_seq = itertools.count(1)


TEST_OPERATORS = {"ravi": "admin", "meena": "admin", "bina": "biller", "op": "admin"}
"""The operators test events name (a server refuses events from anyone who is not a user
allowed to record them): admins may pack, bill and correct."""


def make_station(session: Session, name: str, area: str = "Lucknow") -> tuple[str, str]:
    """Create an enrolled station directly, and the test operators if they are missing;
    returns (station_id, token)."""
    station_id = "st_" + uuid.uuid4().hex[:12]
    with session.begin():
        add_operators(session, TEST_OPERATORS)
        session.add(Station(id=station_id, name=name, area=area, enrolled_at=datetime.now(UTC)))
        session.flush()
        token = issue_token(session, name, SCOPE_STATION, station_id)
    return station_id, token


def add_operators(session: Session, roles: Mapping[str, str]) -> None:
    """Accounts for the operators ``roles`` names (name -> role) that are missing, inside the
    caller's transaction. No password: nobody logs in to the server as them."""
    known = set(session.scalars(select(User.username)))
    missing = [name for name in roles if name not in known]
    if missing:
        version = next_version(session)
        for name in missing:
            session.add(User(username=name, password_hash="!", role=roles[name], version=version))


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
