"""Spreadsheet imports over HTTP: the form in, the summary (JSON, or NDJSON with progress) or the
error report (XLSX, CSV) out. The work is ``services/imports.py``'s."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from flask import Blueprint, Response, g, request, stream_with_context
from pydantic import ValidationError
from werkzeug.datastructures import FileStorage

from sync_server.api.auth import current_operator, require_session
from sync_server.api.errors import ApiError
from sync_server.api.extension import context, db_session
from sync_server.api.routes_admin import service_error
from sync_server.api.schemas_imports import ColumnsUnknownOut, ImportForm, ImportOut, ImportQuery
from sync_server.api.validation import parse_query, spec
from sync_server.services import imports, sheets
from sync_server.services.errors import ServiceError
from tracetrack_core.roles import IMPORT_ROLES

bp = Blueprint("imports", __name__, url_prefix=imports.UPLOAD_PATH_PREFIX.rstrip("/"))

NDJSON = "application/x-ndjson"

_Job = Generator[imports.Progress, None, imports.ImportSummary]


@bp.before_request
def _allow_sheets() -> None:
    # before anything reads the body: Flask checks the limit as the stream is read
    request.max_content_length = imports.MAX_UPLOAD_BYTES


_RESPONSES: dict[int, type[Any] | str] = {
    200: ImportOut,
    400: "not_a_spreadsheet, empty_sheet, too_many_rows (over 200,000), unknown_sheet, "
    "missing_file, invalid_form",
    403: "The operator is not a biller or an admin",
    413: "The file is over 64 MB",
    422: ColumnsUnknownOut,
}


@bp.post("/links")
@spec(
    summary="Import a sheet of child -> parent links (dry run by default)",
    tags=["imports"],
    query=ImportQuery,
    responses=_RESPONSES,
    auth="session",
)
@require_session(roles=IMPORT_ROLES)
def import_links() -> Response:
    """Each row is a ``child_link`` (after a ``parent_scan`` for a parent never seen).

    Multipart form: ``file`` (xlsx, xls, ods or csv), ``sheet`` (default: the first whose
    headers name every column, else the first), ``columns`` (JSON: role -> header),
    ``dry_run`` (default true). ``Accept: application/x-ndjson`` streams
    ``{"progress": n, "total": N}`` lines every 2,000 rows, then ``{"result": ...}`` or
    ``{"error": ...}``. ``?format=xlsx|csv`` answers the error report instead."""
    return _import(imports.LINKS)


@bp.post("/bills")
@spec(
    summary="Import a sheet of parent -> bill assignments (dry run by default)",
    tags=["imports"],
    query=ImportQuery,
    responses=_RESPONSES,
    auth="session",
)
@require_session(roles=IMPORT_ROLES)
def import_bills() -> Response:
    """Each row is a ``bill_add_parent``; the bills must exist. The form and the answers are
    those of ``POST /api/v1/imports/links``."""
    return _import(imports.BILLS)


def _import(kind: str) -> Response:
    try:
        return _answer(kind)
    except _RefusedError as refused:
        return refused.response


def _answer(kind: str) -> Response:
    query = parse_query(ImportQuery)
    upload = request.files.get("file")
    if upload is None:
        raise ApiError(400, "missing_file", "Send the spreadsheet as the form's `file`.")
    form = _form()
    report = imports.ErrorReport() if query.format != "json" else None
    operator = current_operator()
    job = imports.run(
        db_session(),
        imports.ImportRequest(
            kind=kind,
            data=_read(upload),
            operator=operator.username,
            filename=upload.filename or "",
            sheet=form.sheet,
            columns=form.columns,
            dry_run=form.dry_run,
        ),
        site_rules=context().site_rules,
        report=report,
    )
    g.log_fields.update({"import": kind, "dry_run": form.dry_run})
    try:
        first = _first_step(job)  # the file's refusals (422, 400) answer as errors, not a stream
        if report is not None:
            _finish(job, first)
    except (ApiError, _RefusedError):
        if report is not None:
            report.close()
        raise
    if report is not None:
        return _report(report, kind, query.format)
    if NDJSON in request.accept_mimetypes.values():
        return Response(stream_with_context(_lines(job, first)), mimetype=NDJSON)
    summary = _finish(job, first)
    return Response(orjson.dumps(summary.as_json()), mimetype="application/json")


def _read(upload: FileStorage) -> bytes:
    try:
        data: bytes = upload.stream.read()
        return data
    finally:
        upload.close()  # (a large upload is spooled to a temporary file: gone at once)


class _RefusedError(Exception):
    """The file was refused: ``response`` says why."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def _refused(exc: ServiceError) -> Exception:
    """A service's refusal as an HTTP answer, its details beside the code and message (said
    here: an import's ``columns_unknown`` has a ``headers`` field, and the app's error path
    takes that name for HTTP headers)."""
    if not isinstance(exc, imports.ImportRefusedError):
        return service_error(exc)
    body = {"error": {"code": exc.code, "message": exc.message, **exc.detail}}
    return _RefusedError(Response(orjson.dumps(body), exc.status, mimetype="application/json"))


def _form() -> ImportForm:
    fields: dict[str, Any] = {k: v for k, v in request.form.items() if v != ""}
    try:
        if "columns" in fields:
            fields["columns"] = orjson.loads(fields["columns"])
        return ImportForm.model_validate(fields)
    except (orjson.JSONDecodeError, ValidationError) as exc:
        raise ApiError(
            400,
            "invalid_form",
            "The form's fields are not valid: `columns` is a JSON object of role -> header, "
            "`dry_run` true or false.",
        ) from exc


def _first_step(job: _Job) -> imports.Progress | imports.ImportSummary:
    try:
        return next(job)
    except StopIteration as stop:  # (a sheet always yields once before it ends)
        summary: imports.ImportSummary = stop.value
        return summary
    except ServiceError as exc:
        raise _refused(exc) from exc


def _finish(job: _Job, first: imports.Progress | imports.ImportSummary) -> imports.ImportSummary:
    if isinstance(first, imports.ImportSummary):
        return first
    try:
        return imports.complete(job)
    except ServiceError as exc:
        raise _refused(exc) from exc


def _lines(job: _Job, first: imports.Progress | imports.ImportSummary) -> Iterator[bytes]:
    step: imports.Progress | imports.ImportSummary = first
    try:
        while isinstance(step, imports.Progress):
            yield orjson.dumps({"progress": step.done, "total": step.total}) + b"\n"
            try:
                step = next(job)
            except StopIteration as stop:
                step = stop.value
        yield orjson.dumps({"result": step.as_json()}) + b"\n"
    except ServiceError as exc:
        error = {"code": exc.code, "message": exc.message, **exc.detail}
        yield orjson.dumps({"error": error}) + b"\n"


def _report(report: imports.ErrorReport, kind: str, fmt: str) -> Response:
    table = report.table()
    utc = ZoneInfo("UTC")  # (a sheet's own times have no zone: they are written as read)
    if fmt == "xlsx":
        chunks, mimetype = sheets.xlsx_chunks([table], utc), sheets.XLSX_MIMETYPE
    else:
        chunks, mimetype = sheets.csv_chunks(table, utc), sheets.CSV_MIMETYPE
    response = Response(chunks, mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="tracetrack-import-{kind}-refused.{fmt}"'
    )
    return response
