"""The server's import API (docs/api.md "Imports"), one blocking call at a time.

Called off the GUI thread (``import_controller.py``). Like :class:`AdminClient` it never raises
for what a server or a network can do: every call ends in an :class:`AdminAnswer`. The
spreadsheet goes up as ``multipart/form-data``; a check or an import is read as the NDJSON
stream (``{"progress": n, "total": N}`` lines, then ``{"result": ...}``), so the dialog's bar
moves while the server works through a long sheet.
"""

from __future__ import annotations

import json
import mimetypes
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tracetrack_desktop.sync.client import StationSession
from tracetrack_desktop.ui.admin_client import UNREACHABLE, AdminAnswer, AdminClient, answer_from

KINDS = ("links", "bills")
"""What a sheet holds: child -> parent links, or parent -> bill assignments."""

ROLES: dict[str, tuple[str, ...]] = {"links": ("child", "parent"), "bills": ("parent", "bill")}
"""The columns each kind of sheet needs (the server's ``needed``)."""

SPREADSHEET_SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")

TIMEOUT = (5.0, 120.0)
"""Connect, and read between two bytes: the server sends a progress line every ~2,000 rows."""

NDJSON = "application/x-ndjson"

Progress = Callable[[int, int], None]
"""Told ``(rows done, rows in all)`` on the calling thread as the server reports them."""


@dataclass(frozen=True)
class ImportForm:
    """What the operator chose: the kind, the file, and (once asked) the sheet and columns.

    Attributes:
        kind: one of :data:`KINDS`.
        path: the spreadsheet on this computer.
        sheet: the sheet to read; None: the server's choice (the first).
        columns: role -> header, for the roles the operator picked.
    """

    kind: str
    path: str
    sheet: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)

    def fields(self, dry_run: bool) -> dict[str, str]:
        form = {"dry_run": "true" if dry_run else "false"}
        if self.sheet:
            form["sheet"] = self.sheet
        if self.columns:
            form["columns"] = json.dumps(dict(self.columns))
        return form


def _mime(path: str) -> str:
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


class ImportClient:
    """Sends spreadsheets to the server that ``client`` talks to, trusting the same CA."""

    def __init__(self, client: AdminClient, timeout: tuple[float, float] = TIMEOUT) -> None:
        self.base_url = client.base_url
        self.ca_bundle = client.ca_bundle
        self.timeout = timeout

    def _post(
        self,
        http: requests.Session,
        form: ImportForm,
        dry_run: bool,
        token: str,
        params: Mapping[str, str] | None = None,
        accept: str = NDJSON,
    ) -> requests.Response:
        with open(form.path, "rb") as sheet:
            return http.post(
                f"{self.base_url}/api/v1/imports/{form.kind}",
                headers={"Authorization": f"Bearer {token}", "Accept": accept},
                data=form.fields(dry_run),
                files={"file": (Path(form.path).name, sheet, _mime(form.path))},
                params=dict(params or {}) or None,
                timeout=self.timeout,
                stream=True,
            )

    def send(self, form: ImportForm, dry_run: bool, token: str, progress: Progress) -> AdminAnswer:
        """Check (``dry_run``) or import the sheet; the answer's body is the server's result."""
        try:
            with StationSession(self.ca_bundle) as http:
                response = self._post(http, form, dry_run, token)
                with response:
                    if response.headers.get("Content-Type", "").startswith(NDJSON):
                        return _read_stream(response, progress)
                    return answer_from(response)
        except OSError as exc:  # the file went away, or the network (requests' errors are)
            return _failed(exc)

    def report(self, form: ImportForm, token: str, out: str) -> AdminAnswer:
        """Save the error report (the refused rows, a reason each) as ``out``, an XLSX file."""
        partial = f"{out}.part"
        try:
            with StationSession(self.ca_bundle) as http:
                response = self._post(
                    http, form, True, token, {"format": "xlsx"}, accept="application/json, */*"
                )
                with response:
                    if response.status_code != 200:
                        return answer_from(response)
                    with open(partial, "wb") as file:
                        for chunk in response.iter_content(64 * 1024):
                            file.write(chunk)
            os.replace(partial, out)  # a half-written report never takes the chosen name
        except OSError as exc:
            Path(partial).unlink(missing_ok=True)
            return _failed(exc)
        return AdminAnswer(200, {"path": out})


def _failed(exc: OSError) -> AdminAnswer:
    if isinstance(exc, requests.RequestException):
        return AdminAnswer(UNREACHABLE, None, "unreachable", type(exc).__name__)
    return AdminAnswer(UNREACHABLE, None, "file", str(exc))


def _lines(response: requests.Response) -> Iterator[Mapping[str, Any]]:
    for line in response.iter_lines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            continue  # not a line of the stream (a proxy's noise): the result still comes
        if isinstance(item, Mapping):
            yield item


def _read_stream(response: requests.Response, progress: Progress) -> AdminAnswer:
    for item in _lines(response):
        if "result" in item:
            return AdminAnswer(response.status_code, item["result"])
        error = item.get("error")
        if isinstance(error, Mapping):
            status = int(error.get("status") or 500)
            code, message = str(error.get("code") or ""), str(error.get("message") or "")
            return AdminAnswer(status, {"error": error}, code, message)
        done, total = item.get("progress"), item.get("total")
        if isinstance(done, int) and isinstance(total, int):
            progress(done, total)
    # the stream ended without a result: the connection dropped mid-way
    return AdminAnswer(UNREACHABLE, None, "unreachable", "the answer was cut off")
