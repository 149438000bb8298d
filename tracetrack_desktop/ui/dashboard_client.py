"""Reads the server's read API on its own thread, for the dashboard and the lookup tab.

:class:`ServerReader` is a ``QObject`` moved to a ``QThread``; the GUI asks by emitting a
signal connected to one of its slots (so the call is queued onto the reader's thread) and gets
the answer back as a signal. A server that hangs holds up only this thread: the window keeps
scanning. Requests carry short connect/read timeouts so a hung server costs seconds, not forever.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from PySide6.QtCore import QObject, Signal, Slot

from tracetrack_desktop.sync.client import StationSession
from tracetrack_desktop.ui.views import (
    DashboardData,
    DashboardRequest,
    DayRow,
    Download,
    HistoryRow,
    LookupView,
    StationHealth,
    Stock,
    ThroughputRow,
)

DEFAULT_TIMEOUT = (3.0, 8.0)
DOWNLOAD_READ_TIMEOUT = 120.0
"""Seconds a download may wait for its next bytes: a report is drawn before it is sent."""
DOWNLOAD_CHUNK = 1 << 16


class ReadError(Exception):
    """The server could not answer (unreachable, timed out, refused, malformed)."""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def net_of_undos(summary: dict[str, int]) -> dict[str, int]:
    """``children_linked`` minus the links undone since (the children really in bags)."""
    out = dict(summary)
    out["children_linked"] = out.get("children_linked", 0) - out.get("children_unlinked", 0)
    return out


def parse_throughput(rows: Any) -> tuple[ThroughputRow, ...]:
    """Rows of ``GET /stats/throughput`` (a JSON array, or ``{"rows": [...]}``)."""
    if isinstance(rows, Mapping):
        rows = rows.get("rows", rows.get("items", []))
    return tuple(
        ThroughputRow(
            bucket_start=_text(row.get("bucket_start")),
            key=_text(row.get("key")) or "—",
            # an undone link is not a child in a bag: show what is really packed
            children_linked=_int(row.get("children_linked")) - _int(row.get("children_unlinked")),
            parents_completed=_int(row.get("parents_completed")),
        )
        for row in rows or []
        if isinstance(row, Mapping)
    )


def _lag_text(row: Mapping[str, Any]) -> str:
    for key in ("sync_lag_s", "lag_s", "sync_lag_seconds", "lag_seconds", "sync_lag"):
        if row.get(key) is not None:
            value = row[key]
            return f"{float(value):.0f} s" if isinstance(value, int | float) else _text(value)
    return ""


def parse_stations(rows: Any) -> tuple[StationHealth, ...]:
    """Rows of ``GET /stations``: name, last seen, last seq, pending it reported, lag."""
    if isinstance(rows, Mapping):
        rows = rows.get("stations", rows.get("items", []))
    result = []
    for row in rows or []:
        if not isinstance(row, Mapping):
            continue
        pending = row.get("pending", row.get("pending_reported", row.get("reported_pending")))
        result.append(
            StationHealth(
                name=_text(row.get("name") or row.get("station_id") or row.get("id")),
                last_seen=_text(row.get("last_seen")) or "never",
                last_seq=_int(row.get("last_seq")),
                pending=_int(pending),
                lag=_lag_text(row),
            )
        )
    return tuple(result)


def parse_bills_by_status(rows: Any) -> dict[str, int]:
    """Bills by status: counted from a list of bills, or as ``GET /stats/stock`` counted them
    (``{"new": n, ...}``: every bill, not one page)."""
    if isinstance(rows, Mapping) and all(isinstance(v, int) for v in rows.values()):
        return {_text(status): n for status, n in rows.items()}
    if isinstance(rows, Mapping):
        rows = rows.get("bills", rows.get("items", []))
    counts: dict[str, int] = {}
    for row in rows or []:
        if isinstance(row, Mapping):
            status = _text(row.get("status")) or "unknown"
            counts[status] = counts.get(status, 0) + 1
    return counts


def parse_stock(body: Any) -> Stock:
    """``GET /stats/stock``'s parent figures."""
    body = body if isinstance(body, Mapping) else {}
    return Stock(
        parents_open=_int(body.get("parents_open")),
        parents_completed=_int(body.get("parents_completed")),
        parents_billed=_int(body.get("parents_billed")),
        children_in_open_parents=_int(body.get("children_in_open_parents")),
    )


def parse_daily(body: Any) -> tuple[DayRow, ...]:
    """``GET /stats/daily``'s days (children net of undos, as the tiles count them)."""
    rows = body.get("days", []) if isinstance(body, Mapping) else []
    out = []
    for row in rows or []:
        try:
            day = date.fromisoformat(_text(row.get("day")))
        except (AttributeError, ValueError):
            continue
        out.append(
            DayRow(
                day=day,
                children_linked=_int(row.get("children_linked"))
                - _int(row.get("children_unlinked")),
                parents_completed=_int(row.get("parents_completed")),
            )
        )
    return tuple(sorted(out, key=lambda r: r.day))


def error_text(response: requests.Response) -> str:
    """The server's own words for a refusal (``{"error": {"message": ...}}``), else its status."""
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, Mapping) else None
    if isinstance(error, Mapping) and error.get("message"):
        return _text(error["message"])
    return f"the server answered {response.status_code}"


def parse_bag(code: str, body: Mapping[str, Any]) -> LookupView:
    """``GET /bags/{code}`` → a :class:`LookupView` (tolerant of extra or nested fields)."""
    bag = body.get("bag", body)
    if not isinstance(bag, Mapping):
        bag = {}
    children_raw = body.get("children", bag.get("children", []))
    children = tuple(
        _text(c.get("code")) if isinstance(c, Mapping) else _text(c) for c in children_raw or []
    )
    bill = body.get("bill", bag.get("bill"))
    if isinstance(bill, Mapping):
        bill = bill.get("bill_id")
    parent = body.get("parent", bag.get("parent"))
    if isinstance(parent, Mapping):
        parent = parent.get("code")
    history = tuple(
        _history_row(h) for h in body.get("history", []) or [] if isinstance(h, Mapping)
    )
    return LookupView(
        code=_text(bag.get("code")) or code,
        found=True,
        source="server",
        kind=_text(bag.get("kind")),
        parent=_text(parent) or None,
        children=children,
        child_count=_int(bag.get("child_count", len(children))),
        status=_text(bag.get("status")),
        bill=_text(bill) or None,
        history=history,
    )


def _history_row(h: Mapping[str, Any]) -> HistoryRow:
    """One ``history`` entry; ``reason``, ``note`` and ``from`` (a move's old parent) are absent
    from servers older than corrections, and read as empty."""
    detail = _text(h.get("parent") or h.get("bill") or h.get("code"))
    if h.get("from"):
        detail = f"{_text(h.get('from'))} → {detail}"
    return HistoryRow(
        at=_text(h.get("occurred_at") or h.get("at")),
        event=_text(h.get("type") or h.get("event")),
        detail=detail,
        operator=_text(h.get("operator")),
        station=_text(h.get("station") or h.get("station_id")),
        reason=_text(h.get("reason")),
        note=_text(h.get("note")),
    )


def suggestions_of(body: Any) -> tuple[str, ...]:
    """The "did you mean" list from a 404 body, wherever the server put it."""
    if not isinstance(body, Mapping):
        return ()
    error = body.get("error", body)
    if not isinstance(error, Mapping):
        return ()
    for key in ("did_you_mean", "suggestions"):
        value = error.get(key, body.get(key))
        if isinstance(value, list):
            return tuple(
                _text(v.get("code")) if isinstance(v, Mapping) else _text(v) for v in value
            )
    return ()


class ServerReader(QObject):
    """Fetches dashboard figures, bag lookups and files (exports, reports) from the server,
    off the GUI thread, with the station's token (it may read).

    Signals:
        dashboard_fetched(object): a :class:`DashboardData` from the server.
        dashboard_failed(str): why the figures could not be fetched.
        bag_fetched(object): a :class:`LookupView` (found, or not found with suggestions).
        bag_failed(str, str): the code and why the server could not be asked.
        download_done(str): a :class:`Download` is saved at this path.
        download_failed(str, str): the path and why nothing was saved there.

    Args:
        ca_bundle: the site's CA bundle (``[server] ca_bundle``), trusted as the sync client
            trusts it; None: the system's certificates.
    """

    dashboard_fetched = Signal(object)
    dashboard_failed = Signal(str)
    bag_fetched = Signal(object)
    bag_failed = Signal(str, str)
    download_done = Signal(str)
    download_failed = Signal(str, str)

    def __init__(
        self,
        base_url: str,
        token: str,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        *,
        ca_bundle: str | None = None,
    ) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.ca_bundle = ca_bundle
        self._session: requests.Session | None = None

    def _get(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        stream: bool = False,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        if self._session is None:  # created on the reader's own thread, used only there
            self._session = StationSession(self.ca_bundle)
            self._session.headers["Authorization"] = f"Bearer {self.token}"
            self._session.headers["Accept"] = "application/json"
        try:
            return self._session.get(
                self.base_url + path,
                params=params,
                timeout=timeout or self.timeout,
                stream=stream,
            )
        except requests.RequestException as exc:
            raise ReadError(type(exc).__name__) from exc

    def _json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        response = self._get(path, params)
        if response.status_code != 200:
            raise ReadError(f"{path} answered {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise ReadError(f"{path} sent no JSON") from exc

    @Slot(object)
    def fetch_dashboard(self, request: DashboardRequest) -> None:
        """The figures of ``request.span`` for every station, and the stock now.

        One day comes per hour (the hourly chart); a longer range per day (the per-day chart).
        """
        span = request.span
        window = {"from": span.first.isoformat(), "to": span.last.isoformat(), "tz": request.tz}
        bucket = "hour" if span.one_day else "day"
        try:
            summary = self._json("/api/v1/stats/summary", window)
            by_station = self._json(
                "/api/v1/stats/throughput", {**window, "bucket": bucket, "by": "station"}
            )
            by_operator = self._json(
                "/api/v1/stats/throughput", {**window, "bucket": bucket, "by": "operator"}
            )
            daily = None if span.one_day else self._json("/api/v1/stats/daily", window)
            stock = self._json("/api/v1/stats/stock")
            stations = self._json("/api/v1/stations")
        except ReadError as exc:
            self.dashboard_failed.emit(str(exc))
            return
        totals = summary.get("totals", summary) if isinstance(summary, Mapping) else {}
        self.dashboard_fetched.emit(
            DashboardData(
                source="server",
                fetched_at=datetime.now(UTC),
                summary=net_of_undos(
                    {k: _int(v) for k, v in totals.items() if isinstance(v, int | float)}
                ),
                by_station=parse_throughput(by_station),
                by_operator=parse_throughput(by_operator),
                bills_by_status=parse_bills_by_status(
                    stock.get("bills", {}) if isinstance(stock, Mapping) else {}
                ),
                stations=parse_stations(stations),
                span=span,
                daily=parse_daily(daily),
                stock=parse_stock(stock),
            )
        )

    @Slot(object)
    def download(self, job: Download) -> None:
        """Stream ``job`` into its target: whole or not at all (a ``.part`` file until done)."""
        target = Path(job.target)
        partial = target.with_name(target.name + ".part")
        try:
            response = self._get(
                job.path,
                dict(job.params),
                stream=True,
                timeout=(self.timeout[0], DOWNLOAD_READ_TIMEOUT),
            )
            with response:
                if response.status_code != 200:
                    self.download_failed.emit(job.target, error_text(response))
                    return
                with partial.open("wb") as handle:
                    for chunk in response.iter_content(DOWNLOAD_CHUNK):
                        handle.write(chunk)
            os.replace(partial, target)
        except (ReadError, requests.RequestException, OSError) as exc:
            partial.unlink(missing_ok=True)
            reason = str(exc) if isinstance(exc, ReadError | OSError) else type(exc).__name__
            self.download_failed.emit(job.target, reason)
            return
        self.download_done.emit(job.target)

    @Slot(str)
    def fetch_bag(self, code: str) -> None:
        try:
            response = self._get(f"/api/v1/bags/{quote(code, safe='')}")
        except ReadError as exc:
            self.bag_failed.emit(code, str(exc))
            return
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code == 404:
            self.bag_fetched.emit(
                LookupView(
                    code=code, found=False, source="server", suggestions=suggestions_of(body)
                )
            )
        elif response.status_code == 200 and isinstance(body, Mapping):
            self.bag_fetched.emit(parse_bag(code, body))
        else:
            self.bag_failed.emit(code, f"the server answered {response.status_code}")

    @Slot()
    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
