"""The changes feed a station downloads to work offline (GET /api/v1/sync/changes).

Items are ordered by the feed version each writing transaction stamps last (its row lock
orders versions by commit), so a cursor never skips a row committed later with a lower
version. A page is cut only between versions; a version bigger than a page goes whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_server.db.models import Bag, Bill, Event, FeedClock, Setting, User
from tracetrack_core.codes import CodeRules
from tracetrack_core.rules import BAG_FIELDS, BILL_FIELDS, fields_of


@dataclass(frozen=True)
class FeedPage:
    changes: list[dict[str, Any]]
    cursor: int
    more: bool


_Item = tuple[int, dict[str, Any]]


def _users(rows: list[User]) -> list[_Item]:
    return [
        (
            u.version,
            {
                "kind": "user",
                "key": u.username,
                "data": {
                    "username": u.username,
                    "display_name": u.display_name,
                    "password_hash": u.password_hash,
                    "role": u.role,
                    "area": u.area,
                    "badge": u.badge,
                    "disabled": u.disabled,
                },
            },
        )
        for u in rows
    ]


def _bags(rows: list[Bag]) -> list[_Item]:
    return [
        (
            b.version,
            {
                "kind": "bag",
                "key": b.code,
                "data": fields_of(b, BAG_FIELDS),
            },
        )
        for b in rows
    ]


def _bills(rows: list[Bill]) -> list[_Item]:
    return [
        (
            b.version,
            {
                "kind": "bill",
                "key": b.bill_id,
                "data": fields_of(b, BILL_FIELDS),
            },
        )
        for b in rows
    ]


def _conflicts(rows: list[Event]) -> list[_Item]:
    return [
        (
            e.version,
            {
                "kind": "conflict",
                "key": str(e.id),
                "data": {
                    "id": str(e.id),
                    "type": e.type,
                    "code": e.code,
                    "parent": e.parent,
                    "bill": e.bill,
                    "status": e.status,
                    "reason": e.reason,
                    "detail": e.detail,
                    "occurred_at": e.occurred_at.isoformat(),
                },
            },
        )
        for e in rows
    ]


def read_changes(
    session: Session,
    since: int,
    limit: int,
    *,
    station_id: str | None,
    limits: dict[str, int],
) -> FeedPage:
    """One page of changes after ``since`` (0 = from the beginning)."""
    sources: list[tuple[Any, Any, Callable[[Any], list[_Item]]]] = [
        (User, User.version, _users),
        (Bag, Bag.version, _bags),
        (Bill, Bill.version, _bills),
    ]
    with session.begin():
        if since > 0:
            # the common pull: nothing happened since. One read of the clock answers it
            # (every feed row takes its version from the clock; settings carry their own)
            newest = session.execute(
                select(
                    select(FeedClock.version).where(FeedClock.id == 1).scalar_subquery(),
                    select(func.coalesce(func.max(Setting.version), 0)).scalar_subquery(),
                )
            ).one()
            if since >= max(int(newest[0] or 0), int(newest[1] or 0)):
                return FeedPage([], since, more=False)

        def fetch(where: Callable[[Any], Any], bound: int | None) -> list[_Item]:
            queries = [(v, conv, select(m).where(where(v))) for m, v, conv in sources]
            if station_id:
                own_conflicts = select(Event).where(
                    where(Event.version),
                    Event.station_id == station_id,
                    Event.status.in_(("conflict", "rejected")),
                )
                queries.append((Event.version, _conflicts, own_conflicts))
            items: list[_Item] = []
            for version, convert, query in queries:
                ordered = query.order_by(version)
                if bound is not None:
                    ordered = ordered.limit(bound + 1)
                items += convert(list(session.scalars(ordered)))
            items.sort(key=lambda item: item[0])
            return items

        items = fetch(lambda v: v > since, limit)
        settings = _settings(session, since, limits)
        if len(items) <= limit:
            cursor = max([since] + [v for v, _ in items])
            return FeedPage(settings + [i for _, i in items], cursor, more=False)
        cut = items[limit - 1][0]
        page = [i for v, i in items if v < cut]
        if page:
            return FeedPage(settings + page, cut - 1, more=True)
        whole = fetch(lambda v: v == cut, None)  # one version bigger than a page
        return FeedPage(settings + [i for _, i in whole], cut, more=True)


def _settings(session: Session, since: int, limits: dict[str, int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    rules_row = session.get(Setting, "code_rules")
    if since == 0 or (rules_row is not None and rules_row.version > since):
        rules = CodeRules.model_validate(rules_row.value) if rules_row else CodeRules()
        out.append({"kind": "setting", "key": "code_rules", "data": rules.model_dump(mode="json")})
    if since == 0:
        out.append({"kind": "setting", "key": "limits", "data": dict(limits)})
    return out
