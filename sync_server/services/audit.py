"""The audit log: admin actions and refused attempts, with before/after snapshots.

Snapshots never hold secrets: no passwords, token values, enrollment codes or their hashes.
Refused attempts double as the throttle's memory, so the limit holds across worker processes.
"""

from __future__ import annotations

import getpass
import math
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_server.db.models import AuditLog

OUTCOME_OK = "ok"
OUTCOME_REFUSED = "refused"


def cli_actor() -> str:
    """``cli:<os user>`` for actions taken on the server's command line."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER variable (some containers)
        name = f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return f"cli:{name}"


def address_actor(address: str | None) -> str:
    """The actor recorded for an unauthenticated request from ``address``."""
    return f"ip:{address or 'unknown'}"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    target: str = "",
    outcome: str = OUTCOME_OK,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Add an audit row inside the caller's transaction."""
    session.add(
        AuditLog(
            at=at or datetime.now(UTC),
            actor=actor[:200],
            action=action,
            target=target[:200],
            outcome=outcome,
            before=before,
            after=after,
        )
    )


def retry_after_seconds(
    session: Session, *, action: str, actor: str, limit: int, window: timedelta, now: datetime
) -> int | None:
    """Seconds until ``actor`` may try again, or None while under ``limit`` rows in ``window``.

    The ``limit``-th most recent refusal inside the window is the one that must age out
    before the count drops below the limit again.
    """
    nth = session.execute(
        select(AuditLog.at)
        .where(AuditLog.action == action, AuditLog.actor == actor, AuditLog.at > now - window)
        .order_by(AuditLog.at.desc())
        .limit(1)
        .offset(limit - 1)
    ).scalar_one_or_none()
    if nth is None:
        return None
    if nth.tzinfo is None:  # SQLite returns the stored UTC time without its offset
        nth = nth.replace(tzinfo=UTC)
    return max(1, math.ceil((nth + window - now).total_seconds()))


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    outcome: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            # SQLite hands back the stored UTC time without its offset
            "at": (self.at if self.at.tzinfo else self.at.replace(tzinfo=UTC)).isoformat(),
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "outcome": self.outcome,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    limit: int
    offset: int


def list_entries(session: Session, *, limit: int = 100, offset: int = 0) -> AuditPage:
    """The newest entries first."""
    with session.begin():
        total = session.execute(select(func.count()).select_from(AuditLog)).scalar_one()
        rows = session.scalars(
            select(AuditLog).order_by(AuditLog.id.desc()).limit(limit).offset(offset)
        ).all()
        entries = [
            AuditEntry(
                id=row.id,
                at=row.at,
                actor=row.actor,
                action=row.action,
                target=row.target,
                outcome=row.outcome,
                before=row.before,
                after=row.after,
            )
            for row in rows
        ]
    return AuditPage(entries=entries, total=int(total), limit=limit, offset=offset)
