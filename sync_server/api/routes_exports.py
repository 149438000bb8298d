"""Bulk exports as XLSX or CSV attachments, streamed (any valid token)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal

from flask import Blueprint, Response, stream_with_context
from pydantic import BaseModel, ConfigDict, Field

from sync_server.api.auth import require
from sync_server.api.errors import ApiError
from sync_server.api.extension import context, read_session
from sync_server.api.validation import parse_query, spec
from sync_server.services import exports, sheets
from sync_server.services.errors import ServiceError

bp = Blueprint("exports", __name__, url_prefix="/api/v1/exports")

_STREAMED = (
    "The file as an attachment (tracetrack-<what>-<from>-<to>.<xlsx|csv>), streamed: "
    "an XLSX workbook (bold frozen header, autofilter, typed cells) or UTF-8 CSV with a BOM"
)


class ExportQuery(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    format: Literal["xlsx", "csv"] = "xlsx"
    from_: date | None = Field(
        default=None, alias="from", description="first local day (YYYY-MM-DD); omit: no start"
    )
    to: date | None = Field(
        default=None, description="last local day, included (YYYY-MM-DD); omit: no end"
    )
    tz: str | None = Field(
        default=None,
        max_length=64,
        description="IANA time zone of the days and of every time in the file "
        "(default: the server's TRACETRACK_SITE_TZ)",
    )


class BagExportQuery(ExportQuery):
    kind: Literal["parent", "child"] | None = None
    status: Literal["open", "completed", "voided"] | None = None


def _export(what: str, query: ExportQuery) -> Response:
    try:
        win = exports.window(query.from_, query.to, query.tz or context().settings.site_tz)
    except ServiceError as exc:
        raise ApiError(400, "invalid_query", exc.message, **exc.detail) from exc
    extra = (
        {"kind": query.kind, "status": query.status} if isinstance(query, BagExportQuery) else {}
    )
    table = exports.table(what, read_session(), win, **extra)
    chunks: Iterator[bytes]
    if query.format == "xlsx":
        chunks, mimetype = sheets.xlsx_chunks([table], win.tz), sheets.XLSX_MIMETYPE
    else:
        chunks, mimetype = sheets.csv_chunks(table, win.tz), sheets.CSV_MIMETYPE
    # the rows are read as the body is sent, inside the request (its database session)
    response = Response(stream_with_context(chunks), mimetype=mimetype)
    filename = f"tracetrack-{what}-{win.label()}.{query.format}"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Accel-Buffering"] = "no"  # a reverse proxy passes it on as it comes
    return response


@bp.get("/bags")
@spec(
    summary="Every bag (code, kind, parent, children, status, bill, area, first seen, last "
    "change), voided ones too; the range is on the last change",
    tags=["exports"],
    query=BagExportQuery,
    responses={200: _STREAMED},
)
@require("read")
def export_bags() -> Response:
    return _export("bags", parse_query(BagExportQuery))


@bp.get("/bills")
@spec(
    summary="Every bill with its parents and weights; the range is on its creation",
    tags=["exports"],
    query=ExportQuery,
    responses={200: _STREAMED},
)
@require("read")
def export_bills() -> Response:
    return _export("bills", parse_query(ExportQuery))


@bp.get("/activity")
@spec(
    summary="Every stats counter per local day, station and operator",
    tags=["exports"],
    query=ExportQuery,
    responses={200: _STREAMED},
)
@require("read")
def export_activity() -> Response:
    return _export("activity", parse_query(ExportQuery))


@bp.get("/conflicts")
@spec(
    summary="Conflicting and rejected events; the range is on when the server received them",
    tags=["exports"],
    query=ExportQuery,
    responses={200: _STREAMED},
)
@require("read")
def export_conflicts() -> Response:
    return _export("conflicts", parse_query(ExportQuery))
