"""The changes feed a station downloads to work offline (GET /api/v1/sync/changes).

Items are ordered by the feed version of the transaction that wrote them, and a pull reads
only up to the feed's horizon (``db/versions.py``), so a cursor never skips a row
committed later with a lower version. A page is cut only between versions; a version bigger
than a page goes whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import TextClause, select, text
from sqlalchemy.orm import Session

from sync_server.db.models import Bag, Bill, Event, Setting, User
from sync_server.db.session import read_planned, run_keyed, run_on_driver
from sync_server.db.versions import PG_HORIZON_SQL, horizon
from sync_server.services.site_rules import code_rules_from
from tracetrack_core.rules import BAG_FIELDS, BILL_FIELDS

FeedItem = dict[str, Any] | orjson.Fragment
"""One change: built in Python (SQLite), or JSON text PostgreSQL built, sent on as it is."""


@dataclass(frozen=True)
class FeedPage:
    changes: list[FeedItem]
    cursor: int
    more: bool


_Item = tuple[int, FeedItem]

_USER_FIELDS = ("username", "display_name", "password_hash", "role", "area", "badge", "disabled")
_CONFLICT_FIELDS = ("type", "code", "parent", "bill", "status", "reason", "detail")


@dataclass(frozen=True)
class _Source:
    """One table in the feed: the columns a station gets, read as plain rows (no ORM objects:
    a pull may carry thousands)."""

    version: Any
    columns: tuple[Any, ...]
    convert: Callable[[Any], _Item]


def _plain(kind: str, model: Any, names: tuple[str, ...]) -> _Source:
    """A table whose feed item is its named columns, keyed by the first."""

    def convert(row: Any) -> _Item:
        return row[0], {"kind": kind, "key": row[1], "data": dict(zip(names, row[1:], strict=True))}

    return _Source(model.version, tuple(getattr(model, n) for n in names), convert)


def _conflict(row: Any) -> _Item:
    key = str(row[1])
    data = dict(zip(_CONFLICT_FIELDS, row[2:-1], strict=True))
    data = {"id": key, **data, "occurred_at": row[-1].isoformat()}
    return row[0], {"kind": "conflict", "key": key, "data": data}


_USERS = _plain("user", User, _USER_FIELDS)
_BAGS = _plain("bag", Bag, BAG_FIELDS)
_BILLS = _plain("bill", Bill, BILL_FIELDS)
_CONFLICTS = _Source(
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
    pg = session.get_bind().dialect.name == "postgresql"
    with session.begin():
        # PostgreSQL: one statement, the horizon and every source, the JSON built there
        fetch = _pg_fetch if pg else _fetch
        upper, items = fetch(session, since, None, limit, station_id, area)
        settings = _settings(session, since, limits)
        if len(items) <= limit:
            return FeedPage(settings + [i for _, i in items], max(since, upper), more=False)
        cut = items[limit - 1][0]
        page = [i for v, i in items if v < cut]
        if page:
            return FeedPage(settings + page, cut - 1, more=True)
        whole = fetch(session, cut - 1, cut, None, station_id, area)[1]  # one version, whole
        return FeedPage(settings + [i for _, i in whole], cut, more=True)


def _fetch(
    session: Session,
    low: int,
    high: int | None,
    bound: int | None,
    station_id: str | None,
    area: str,
) -> tuple[int, list[_Item]]:
    """(the horizon used, items with ``low < version <= high or the horizon``), at most
    ``bound + 1`` of each kind, in order."""
    if high is None:
        high = horizon(session)  # first: every row up to it is final
        if high <= low:
            return high, []  # the common pull: nothing became final since the cursor

    def where(version: Any) -> Any:
        return (version > low) & (version <= high)

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
        items += map(source.convert, read_planned(session, ordered))
    items.sort(key=lambda item: item[0])
    return high, items


def _json_object(pairs: Sequence[tuple[str, str]]) -> str:
    return "json_build_object(" + ", ".join(f"'{k}', {v}" for k, v in pairs) + ")"


def _pg_item(kind: str, key: str, data: Sequence[tuple[str, str]]) -> str:
    """A feed item built by PostgreSQL as JSON text, from a row's columns."""
    item = _json_object([("kind", f"'{kind}'"), ("key", key), ("data", _json_object(data))])
    return f"CAST({item} AS text)"


def _pg_part(table: str, item: str, extra: str) -> str:
    """One source of the pull: (version, the item as JSON text), in order, at most :bound."""
    return (
        f"(SELECT version, {item} FROM {table} "  # noqa: S608 - our own names
        f"WHERE version > :low AND version <= (SELECT high FROM h){extra} "
        "ORDER BY version LIMIT :bound)"
    )


def _pg_feed(*, by_area: bool) -> TextClause:
    """The whole pull in one statement; ``by_area``: the bags of one area (``:area``) and
    those without one, else every bag. A bag's item was made when it was written
    (``bags.feed_item``, migration 0011): each change goes to every station of its area."""
    bag = ("bags", "feed_item")
    # a station's area: two ordered scans of (area, version), its own and the homeless bags';
    # one scan of version filtered by area read every area's changes to keep a tenth of them
    # (500 stations in ten areas: half of PostgreSQL's time went to pulls)
    bags = (
        [
            _pg_part(*bag, " AND area = CAST(:area AS text)"),
            _pg_part(*bag, " AND area = ''"),
        ]
        if by_area
        else [_pg_part(*bag, "")]
    )
    parts = [
        _pg_part("users", _pg_item("user", "username", [(f, f) for f in _USER_FIELDS]), ""),
        *bags,
        _pg_part("bills", _pg_item("bill", "bill_id", [(f, f) for f in BILL_FIELDS]), ""),
    ]
    horizon_sql = (
        f"WITH h AS (SELECT COALESCE(CAST(:high AS bigint), {PG_HORIZON_SQL}) AS high"  # noqa: S608
        " FROM feed_clock WHERE id = 1) SELECT high, NULL FROM h"
        # the station's newest conflict's version, marked by an empty item
        " UNION ALL SELECT own_feed_version, '' FROM stations WHERE id = CAST(:station AS text)"
    )
    return text(" UNION ALL ".join([horizon_sql, *parts]))


_PG_OWN_CONFLICTS = text(
    "WITH h AS (SELECT CAST(:high AS bigint) AS high) "
    + _pg_part(
        "events",
        _pg_item(
            "conflict",
            "CAST(id AS text)",
            [
                ("id", "CAST(id AS text)"),
                *[(f, f) for f in _CONFLICT_FIELDS],
                ("occurred_at", "occurred_at"),
            ],
        ),
        " AND station_id = CAST(:station AS text) AND status IN ('conflict', 'rejected')",
    )
)
"""The station's own conflicts and rejections in ``(:low, :high]``: a statement of its own,
run only when the station has one past its cursor (``stations.own_feed_version``), so the
common pull plans nothing over the months of ``events``. Every row at or below the horizon
was committed before the pull's first statement began, so this second one reads the same."""


_PG_FEED = {False: _pg_feed(by_area=False), True: _pg_feed(by_area=True)}
"""The whole pull in one statement on PostgreSQL (by whether the station has an area). Its
snapshot gives the horizon, so the rows it reads and the horizon agree; each item arrives as
JSON text and goes out as is. Each source returns at most ``:bound`` rows in version order,
so every row of a source below the page's cut is in the page."""


def _pg_fetch(
    session: Session,
    low: int,
    high: int | None,
    bound: int | None,
    station_id: str | None,
    area: str,
) -> tuple[int, list[_Item]]:
    """(the horizon used, items with ``low < version <= high or the horizon``)."""
    params = {
        "low": low,
        "high": high,
        "bound": None if bound is None else bound + 1,  # LIMIT NULL: no limit
        "station": station_id or "",
        "area": area,
    }
    [rows] = run_keyed(session, (_PG_FEED[bool(area)], params))
    upper = next(int(v) for v, item in rows if item is None)
    own = next((int(v) for v, item in rows if item == ""), 0)
    items: list[_Item] = [(int(v), orjson.Fragment(item)) for v, item in rows if item]
    if station_id and own > low:
        params["high"] = upper
        conflicts = run_on_driver(session, _PG_OWN_CONFLICTS, params)
        items += [(int(v), orjson.Fragment(item)) for v, item in conflicts]
    items.sort(key=lambda pair: pair[0])
    return upper, items


_CODE_RULES = select(Setting.value, Setting.version).where(Setting.key == "code_rules")


def _settings(session: Session, since: int, limits: dict[str, int]) -> list[FeedItem]:
    out: list[FeedItem] = []
    # plain columns on the connection: every pull runs this (an ORM load was 7 % of a worker)
    found = run_on_driver(session, _CODE_RULES)
    rules_row = found[0] if found else None
    if since == 0 or (rules_row is not None and rules_row[1] > since):
        rules = code_rules_from(rules_row[0] if rules_row else None)
        out.append({"kind": "setting", "key": "code_rules", "data": rules.model_dump(mode="json")})
    if since == 0:
        out.append({"kind": "setting", "key": "limits", "data": dict(limits)})
    return out
