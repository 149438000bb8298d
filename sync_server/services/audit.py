"""The audit log: admin actions and refused attempts, with before/after snapshots.

Snapshots never hold secrets: no passwords, token values, enrollment codes or their hashes.
Refused attempts double as the throttle's memory, so the limit holds across worker processes.
An attempt reserves its refusal row before it is checked (:func:`reserve_attempt`), under a
lock per address, so parallel attempts cannot all slip under the limit. Attempts refused by the
throttle itself are summarised: one row per address per minute with a count.
"""

from __future__ import annotations

import getpass
import hashlib
import math
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from sync_server.db.models import AuditLog
from sync_server.services.errors import ThrottledError

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
) -> AuditLog:
    """Add an audit row inside the caller's transaction; returns it (unflushed)."""
    row = AuditLog(
        at=at or datetime.now(UTC),
        actor=actor[:200],
        action=action,
        target=target[:200],
        outcome=outcome,
        before=before,
        after=after,
    )
    session.add(row)
    return row


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
    return max(1, math.ceil((nth + window - now).total_seconds()))


_LOCK_THROTTLE = text("SELECT pg_advisory_xact_lock(2, CAST(:key AS int))")
"""Class 2 of the two-key advisory locks (ingest's stations use class 1)."""


@dataclass(frozen=True)
class Reservation:
    """One attempt's place under a throttle: its refusal row, or how long to wait."""

    row_id: int | None
    retry_after: int | None

    def row_or_throttle(self, refusal: str) -> int:
        """The reserved row; over the limit, raises ThrottledError saying ``refusal`` and
        how long to wait. Call it after the reserving transaction, which keeps the summary."""
        if self.row_id is None:
            wait = self.retry_after or 1
            raise ThrottledError(f"{refusal}; try again in {wait} seconds.", retry_after=wait)
        return self.row_id


def _lock_key(action: str, actor: str) -> int:
    digest = hashlib.sha256(f"{action}\0{actor}".encode()).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


def reserve_attempt(
    session: Session,
    *,
    action: str,
    actor: str,
    target: str = "",
    limit: int,
    window: timedelta,
    now: datetime,
    throttled_action: str,
) -> Reservation:
    """Count ``actor``'s refusals and, under the limit, write this attempt's refusal row now.

    Inside the caller's transaction. The row is written before the attempt is checked, so N
    parallel attempts see each other's rows: at most ``limit`` get through however many race
    (a check-then-record leaves a gap that 60 parallel logins widened to 32 of 30). On
    PostgreSQL an advisory lock per (action, actor) orders them; SQLite's transactions begin
    IMMEDIATE, so its writers already run one at a time. The caller settles the row with
    :func:`settle_attempt` (refused) or :func:`release_attempt` (allowed). Over the limit,
    the refusal is summarised under ``throttled_action`` and no row is reserved.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_LOCK_THROTTLE, {"key": _lock_key(action, actor)})
    wait = retry_after_seconds(
        session, action=action, actor=actor, limit=limit, window=window, now=now
    )
    if wait is not None:
        summarise_refusal(session, action=throttled_action, actor=actor, now=now)
        return Reservation(row_id=None, retry_after=wait)
    row = record(
        session,
        actor=actor,
        action=action,
        target=target,
        outcome=OUTCOME_REFUSED,
        after={"reason": "pending"},
        at=now,
    )
    session.flush()
    return Reservation(row_id=row.id, retry_after=None)


def settle_attempt(
    session: Session, row_id: int, *, target: str, after: dict[str, Any] | None
) -> None:
    """Fill in a reserved refusal row (inside the caller's transaction)."""
    session.execute(
        update(AuditLog).where(AuditLog.id == row_id).values(target=target[:200], after=after)
    )


def release_attempt(session: Session, row_id: int) -> None:
    """Drop a reserved row: the attempt succeeded, so it does not count as a refusal."""
    session.execute(delete(AuditLog).where(AuditLog.id == row_id))


def summarise_refusal(session: Session, *, action: str, actor: str, now: datetime) -> None:
    """Count a refusal in ``actor``'s row for this minute (one row, not one per refusal).

    A throttled client can retry thousands of times a second; a row each would flood the log.
    Callers hold :func:`reserve_attempt`'s lock, so the read-modify-write does not race.
    """
    bucket = now.replace(second=0, microsecond=0)
    row = session.scalars(
        select(AuditLog)
        .where(AuditLog.action == action, AuditLog.actor == actor[:200], AuditLog.at == bucket)
        .with_for_update()
    ).first()
    if row is None:
        record(
            session,
            actor=actor,
            action=action,
            outcome=OUTCOME_REFUSED,
            after={"count": 1, "last_at": now.isoformat()},
            at=bucket,
        )
        return
    count = int((row.after or {}).get("count", 0)) + 1
    row.after = {"count": count, "last_at": now.isoformat()}


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


def _matching(column: Any, wanted: str) -> Any:
    """``wanted`` exactly, or as a prefix when it ends in ``*`` (``user:*``)."""
    if wanted.endswith("*"):
        return column.startswith(wanted[:-1], autoescape=True)
    return column == wanted


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to list: ``actor``, ``action`` and ``target`` match exactly, or by prefix
    when they end in ``*``; ``since`` is inclusive, ``until`` exclusive."""

    actor: str | None = None
    action: str | None = None
    target: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def conditions(self) -> list[Any]:
        found: list[Any] = []
        for column, wanted in (
            (AuditLog.actor, self.actor),
            (AuditLog.action, self.action),
            (AuditLog.target, self.target),
        ):
            if wanted:
                found.append(_matching(column, wanted))
        if self.since is not None:
            found.append(AuditLog.at >= self.since)
        if self.until is not None:
            found.append(AuditLog.at < self.until)
        return found


def list_entries(
    session: Session,
    *,
    limit: int = 100,
    offset: int = 0,
    where: AuditFilter | None = None,
) -> AuditPage:
    """The newest entries first, those ``where`` picks (all by default)."""
    conditions = (where or AuditFilter()).conditions()
    with session.begin():
        total = session.execute(
            select(func.count()).select_from(AuditLog).where(*conditions)
        ).scalar_one()
        rows = session.scalars(
            select(AuditLog)
            .where(*conditions)
            .order_by(AuditLog.id.desc())
            .limit(limit)
            .offset(offset)
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


def distinct_actions(session: Session) -> list[str]:
    """Every action name the log holds, sorted (for a filter list)."""
    with session.begin():
        return list(session.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)))
