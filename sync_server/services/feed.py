"""The changes feed a station downloads to work offline (GET /api/v1/sync/changes).

Items are ordered by the feed version of the transaction that wrote them, and a pull reads
only up to the feed's horizon (``services/versions.py``), so a cursor never skips a row
committed later with a lower version. A page is cut only between versions; a version bigger
than a page goes whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db.models import Bag, Bill, Event, Setting, User
from sync_server.services.versions import horizon
from tracetrack_core.codes import CodeRules
from tracetrack_core.rules import BAG_FIELDS, BILL_FIELDS


@dataclass(frozen=True)
class FeedPage:
    changes: list[dict[str, Any]]
    cursor: int
    more: bool


_Item = tuple[int, dict[str, Any]]

_USER_FIELDS = ("username", "display_name", "password_hash", "role", "area", "badge", "disabled")
_CONFLICT_FIELDS = ("type", "code", "parent", "bill", "status", "reason", "detail")


@dataclass(frozen=True)
class _Source:
    """One table in the feed: the columns a station gets, read as plain rows (no ORM objects:
    a pull may carry thousands)."""

    kind: str
    version: Any
    columns: tuple[Any, ...]
    convert: Callable[[Any], _Item]


def _plain(kind: str, model: Any, names: tuple[str, ...]) -> _Source:
    """A table whose feed item is its named columns, keyed by the first."""

    def convert(row: Any) -> _Item:
        return row[0], {"kind": kind, "key": row[1], "data": dict(zip(names, row[1:], strict=True))}

    return _Source(kind, model.version, tuple(getattr(model, n) for n in names), convert)


def _conflict(row: Any) -> _Item:
    key = str(row[1])
    data = dict(zip(_CONFLICT_FIELDS, row[2:-1], strict=True))
    data = {"id": key, **data, "occurred_at": row[-1].isoformat()}
    return row[0], {"kind": "conflict", "key": key, "data": data}


_USERS = _plain("user", User, _USER_FIELDS)
_BAGS = _plain("bag", Bag, BAG_FIELDS)
_BILLS = _plain("bill", Bill, BILL_FIELDS)
_CONFLICTS = _Source(
    "conflict",
    Event.version,
    (Event.id, *(getattr(Event, f) for f in _CONFLICT_FIELDS), Event.occurred_at),
    _conflict,
)


def read_changes(
    session: Session,
    since: int,
    limit: int,
    *,
    station_id: str | None,
    area: str = "",
    limits: dict[str, int],
) -> FeedPage:
    """One page of changes after ``since`` (0 = from the beginning).

    A station with an ``area`` gets the bags whose home is that area (where they were first
    scanned) and bags without one; a station without an area gets every bag. Operators, bills,
    settings and the station's own conflicts go to it whatever its area.
    """
    with session.begin():
        upper = horizon(session)  # first: every row up to it is final (services/versions.py)

        def fetch(where: Callable[[Any], Any], bound: int | None) -> list[_Item]:
            queries = [
                (source, select(source.version, *source.columns).where(where(source.version)))
                for source in (_USERS, _BAGS, _BILLS)
            ]
            if area:
                source, query = queries[1]
                queries[1] = (source, query.where(Bag.area.in_((area, ""))))
            if station_id:
                own_conflicts = select(_CONFLICTS.version, *_CONFLICTS.columns).where(
                    where(Event.version),
                    Event.station_id == station_id,
                    Event.status.in_(("conflict", "rejected")),
                )
                queries.append((_CONFLICTS, own_conflicts))
            items: list[_Item] = []
            for source, query in queries:
                ordered = query.order_by(source.version)
                if bound is not None:
                    ordered = ordered.limit(bound + 1)
                items += map(source.convert, session.execute(ordered))
            items.sort(key=lambda item: item[0])
            return items

        settings = _settings(session, since, limits)
        # the common pull: nothing became final since the station's cursor
        items = fetch(lambda v: (v > since) & (v <= upper), limit) if upper > since else []
        if len(items) <= limit:
            return FeedPage(settings + [i for _, i in items], max(since, upper), more=False)
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
