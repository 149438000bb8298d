"""Read side for dashboards and scripts (any valid token) and the station's changes feed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import orjson
from flask import Blueprint, Response, jsonify, request

from sync_server.api.auth import current_principal, require
from sync_server.api.csvio import csv_response, wants_csv
from sync_server.api.errors import ApiError
from sync_server.api.extension import context, db_session, read_session
from sync_server.api.schemas_reports import (
    BagOut,
    BillsQuery,
    ChangesOut,
    ChangesQuery,
    DailyOut,
    DailyQuery,
    EodQuery,
    FormatQuery,
    ListOut,
    ObjectOut,
    RangeQuery,
    StockOut,
    SummaryOut,
    ThroughputOut,
    ThroughputQuery,
)
from sync_server.api.validation import parse_query, spec
from sync_server.services import eod, eod_pdf, epochs, feed, reports, sheets
from sync_server.services.errors import ServiceError

bp = Blueprint("reports", __name__, url_prefix="/api/v1")


def _range(query: RangeQuery | BillsQuery | DailyQuery) -> reports.Range:
    """The asked range, in the asked zone or else the site's (``TRACETRACK_SITE_TZ``)."""
    try:
        return reports.resolve_range(query.from_, query.to, query.tz or context().settings.site_tz)
    except ServiceError as exc:
        raise ApiError(400, "invalid_query", exc.message, **exc.detail) from exc


def _filters(query: RangeQuery | DailyQuery) -> reports.Filters:
    return reports.Filters(station=query.station, area=query.area, operator=query.operator)


def _answer(data: Any, filename: str) -> Response:
    if wants_csv():
        rows = data if isinstance(data, list) else [data]
        return csv_response(rows, filename)
    return jsonify(data)


ECHO_LIMIT = 200
"""Longest piece of a request echoed in an error (codes are at most 200 characters)."""


def _clip(text: str, limit: int = ECHO_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _detail(fetch: Callable[[], dict[str, Any]], missing: str, rows_key: str) -> Response:
    """One object as JSON, or its ``rows_key`` list as CSV; a miss is a 404 named ``missing``."""
    parse_query(FormatQuery)
    try:
        found = fetch()
    except ServiceError as exc:
        # the looked-up text is echoed back only as far as a code can be long
        detail: dict[str, Any] = {
            k: _clip(v) if isinstance(v, str) else v for k, v in exc.detail.items()
        }
        raise ApiError(404, missing, _clip(exc.message, 300), **detail) from exc
    if wants_csv():
        return csv_response(found[rows_key], rows_key)
    return jsonify(found)


@bp.get("/stats/summary")
@spec(
    summary="Totals over a range (rollups, never a scan of events)",
    tags=["stats"],
    query=RangeQuery,
    responses={200: SummaryOut},
    csv=True,
)
@require("read")
def stats_summary() -> Response:
    query = parse_query(RangeQuery)
    return _answer(
        reports.summarize_range(read_session(), _range(query), _filters(query)), "summary"
    )


@bp.get("/stats/throughput")
@spec(
    summary="Children linked and parents completed per hour or day, by station/operator/area",
    tags=["stats"],
    query=ThroughputQuery,
    responses={200: ThroughputOut},
    csv=True,
)
@require("read")
def stats_throughput() -> Response:
    query = parse_query(ThroughputQuery)
    rows = reports.throughput(
        read_session(), _range(query), _filters(query), bucket=query.bucket, by=query.by
    )
    return _answer(rows, "throughput")


@bp.get("/stats/daily")
@spec(
    summary="Every counter per local day over a range of days (rollups)",
    tags=["stats"],
    query=DailyQuery,
    responses={200: DailyOut},
    csv=True,
)
@require("read")
def stats_daily() -> Response:
    query = parse_query(DailyQuery)
    rows = reports.daily(read_session(), _range(query), _filters(query))
    if wants_csv():
        return csv_response(rows, "daily")
    return jsonify({"days": rows})


@bp.get("/stats/stock")
@spec(
    summary="Parents open, completed and billed, children in open parents, bills by status",
    tags=["stats"],
    responses={200: StockOut},
)
@require("read")
def stats_stock() -> Response:
    return jsonify(reports.stock(read_session()))


@bp.get("/stations")
@spec(
    summary="Every station with last seen, last seq, pending, lag and clock skew",
    tags=["stations"],
    query=FormatQuery,
    responses={200: ListOut},
    csv=True,
)
@require("read")
def stations() -> Response:
    parse_query(FormatQuery)
    return _answer(reports.list_stations(read_session()), "stations")


@bp.get("/bags/<path:code>")
@spec(
    summary="A bag: its parent or children, its bill, its history; 404 with did_you_mean",
    tags=["bags"],
    query=FormatQuery,
    responses={200: BagOut},
    csv=True,
)
@require("read")
def bag(code: str) -> Response:
    return _detail(lambda: reports.lookup_bag(read_session(), code), "bag_not_found", "history")


@bp.get("/bills")
@spec(
    summary="Bills, newest first (X-Total-Count, Link rel=next)",
    tags=["bills"],
    query=BillsQuery,
    responses={200: ListOut},
    csv=True,
)
@require("read")
def bills() -> Response:
    query = parse_query(BillsQuery)
    rng = _range(query) if query.from_ or query.to else None
    rows, total = reports.list_bills(read_session(), rng, query.status, query.limit, query.offset)
    response = _answer(rows, "bills")
    response.headers["X-Total-Count"] = str(total)
    if query.offset + len(rows) < total:
        args = request.args.to_dict()
        args.update(offset=str(query.offset + query.limit), limit=str(query.limit))
        link = request.base_url + "?" + urlencode(args)
        response.headers["Link"] = f'<{link}>; rel="next"'
    return response


@bp.get("/bills/<path:bill_id>")
@spec(
    summary="A bill with its parents, actual vs expected weight, and returns",
    tags=["bills"],
    query=FormatQuery,
    responses={200: ObjectOut},
    csv=True,
)
@require("read")
def bill(bill_id: str) -> Response:
    return _detail(
        lambda: reports.bill_detail(read_session(), bill_id), "bill_not_found", "parents"
    )


@bp.get("/conflicts")
@spec(
    summary="Conflicting and rejected events: what lost, and to what",
    tags=["stats"],
    query=RangeQuery,
    responses={200: ListOut},
    csv=True,
)
@require("read")
def conflicts() -> Response:
    query = parse_query(RangeQuery)
    rows = reports.list_conflicts(read_session(), _range(query), query.station)
    return _answer(rows, "conflicts")


@bp.get("/reports/eod")
@spec(
    summary="The end-of-day report of one local day, as PDF or XLSX",
    tags=["reports"],
    query=EodQuery,
    responses={200: "the report, an attachment named tracetrack-eod-<date>.pdf (or .xlsx)"},
)
@require("read")
def eod_report() -> Response:
    """Totals, the hourly series, stations, operators, bills completed, conflicts and
    corrections of one day in ``tz`` (default: the site's ``TRACETRACK_SITE_TZ``)."""
    query = parse_query(EodQuery)
    try:
        day = eod.resolve_day(query.date, query.tz or context().settings.site_tz)
    except ServiceError as exc:
        raise ApiError(400, "invalid_query", exc.message, **exc.detail) from exc
    report = eod.build(read_session(), day)
    if query.format == "xlsx":
        # a day's workbook is small: whole, it goes with a Content-Length
        response = Response(b"".join(eod.xlsx_chunks(report)), mimetype=sheets.XLSX_MIMETYPE)
    else:
        response = Response(eod_pdf.render(report), mimetype="application/pdf")
    name = eod.filename(day, query.format)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/sync/changes")
@spec(
    summary="What a station needs offline, by cursor (station or admin token)",
    tags=["sync"],
    query=ChangesQuery,
    responses={200: ChangesOut},
)
@require("read")
def changes() -> Response:
    principal = current_principal()
    if principal.scope not in ("station", "admin"):
        raise ApiError(
            403,
            "station_token_required",
            "The changes feed carries password hashes; it needs a station token.",
        )
    query = parse_query(ChangesQuery)
    settings = context().settings
    page = feed.read_changes(
        db_session(),
        query.since,
        query.limit,
        station_id=principal.station_id,
        area=principal.station_area,
        limits={
            "max_batch_events": settings.max_batch_events,
            "max_batch_bytes": settings.max_batch_bytes,
        },
    )
    body = {
        "changes": page.changes,
        "cursor": str(page.cursor),
        "more": page.more,
        "epoch": epochs.current_epoch(db_session()),  # a restore shows here to idle stations
    }
    return Response(orjson.dumps(body), mimetype="application/json")  # a pull can be large
