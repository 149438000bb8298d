"""The import dialog against a real sync server on PostgreSQL, over real HTTP on 127.0.0.1,
with real XLSX files written by openpyxl."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import requests
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from sync_server.api.extension import ServerContext
from sync_server.services import users
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tests.server.factories import make_read_token
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.import_dialog import ImportDialog, reason_text
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

SERVER_PASSWORD = "correct horse battery"
"""bina's password on the server (the station's own login uses tests/desktop/stations.PASSWORD)."""

WAIT_MS = 60_000

station = station_fixture(bina="biller", ravi="dispatcher")


@pytest.fixture
def server(app: Any, live_server: str) -> tuple[str, str]:
    """The server with bina, a biller with a password; returns (url, read token)."""
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        users.add_user(
            session, username="bina", password=SERVER_PASSWORD, role="biller", actor="test"
        )
        token = make_read_token(session)
    return live_server, token


@pytest.fixture
def biller_app(
    qtbot: QtBot, server: tuple[str, str], station: WorkflowStation
) -> Iterator[StationApp]:
    """bina logged in on the station, the Bills tab showing."""
    url, token = server
    app = StationApp(
        station, sounds=SilentPlayer(), scan_inputs=[FakeScanner()], reader=ServerReader(url, token)
    )
    qtbot.addWidget(app.window)
    app.start()
    login(qtbot, app, "bina")
    app.window.show_tab("bills")
    yield app
    app.stop()


def write_sheet(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Links"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


LINKS = [
    ("C0001", "SB00001"),  # row 2
    ("C0002", "SB00001"),  # row 3
    ("bad code!", "SB00001"),  # row 4: not a child code
    ("C0003", "SB00002"),  # row 5
    ("C0001", "SB00002"),  # row 6: already in SB00001 (row 2)
]


def open_dialog(app: StationApp) -> ImportDialog:
    app.window.bills_tab.import_button.click()
    dialog = app.imports.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def check(qtbot: QtBot, dialog: ImportDialog, path: Path | None = None) -> None:
    if path is not None:
        dialog.path.setText(str(path))
    if dialog.sign_in_box.isVisible():
        dialog.password.setText(SERVER_PASSWORD)
    dialog.summary.clear()
    dialog.message.clear()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.message.text()), timeout=WAIT_MS)


def cells(table: QTableWidget, column: int) -> list[str]:
    return [item.text() for r in range(table.rowCount()) if (item := table.item(r, column))]


def server_check(url: str, path: Path, **form: str) -> dict[str, Any]:
    """The server's own dry-run answer for ``path``, asked by the test."""
    login = requests.post(
        f"{url}/api/v1/auth/login",
        json={"username": "bina", "password": SERVER_PASSWORD},
        timeout=30,
    )
    headers = {"Authorization": f"Bearer {login.json()['session_token']}"}
    with path.open("rb") as file:
        answer = requests.post(
            f"{url}/api/v1/imports/links",
            headers=headers,
            files={"file": (path.name, file)},
            data={"dry_run": "true", **form},
            timeout=60,
        )
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def press_import(qtbot: QtBot, dialog: ImportDialog) -> str:
    """Press Import, say yes; returns what the confirmation restated."""
    dialog.import_button.click()
    box = dialog.confirmation
    assert box is not None
    text = box.text()
    (yes,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    yes.click()
    return text


@pytest.mark.postgres
def test_a_dry_run_shows_the_counts_and_why_rows_are_refused(
    qtbot: QtBot, biller_app: StationApp, server: tuple[str, str], tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "links.xlsx", ["Child", "Parent"], LINKS)
    dialog = open_dialog(biller_app)
    assert dialog.sign_in_box.isVisible()  # no server session yet: the password is asked
    check(qtbot, dialog, path)
    assert biller_app.admin.token is not None  # one sign-in, shared with the Admin screen
    assert not dialog.sign_in_box.isVisible()
    expected = server_check(server[0], path)
    assert expected["accepted"] == 3
    summary = dialog.summary.text()
    for count in ("rows", "accepted", "duplicates", "refused"):
        assert str(expected[count]) in summary
    assert cells(dialog.reasons, 0) == [reason_text(r) for r in expected["by_reason"]]
    assert cells(dialog.reasons, 1) == [str(n) for n in expected["by_reason"].values()]
    refused_rows = [str(r["row"]) for r in expected["refusals"]]
    assert cells(dialog.refusals, 0) == refused_rows
    assert {"4", "6"} <= set(refused_rows)
    assert "bad code!" in cells(dialog.refusals, 1)[refused_rows.index("4")]
    assert dialog.import_button.isEnabled()
    assert dialog.report_button.isEnabled()
    assert not lookup_children(server, "SB00001")  # a check writes nothing


def lookup_children(server: tuple[str, str], code: str) -> list[str]:
    answer = requests.get(
        f"{server[0]}/api/v1/bags/{code}",
        headers={"Authorization": f"Bearer {server[1]}"},
        timeout=30,
    )
    if answer.status_code == 404:
        return []
    assert answer.status_code == 200, answer.text
    children = answer.json().get("children") or []
    return sorted(c if isinstance(c, str) else c["code"] for c in children)


@pytest.mark.postgres
def test_unknown_columns_are_picked_and_checked_again(
    qtbot: QtBot, biller_app: StationApp, tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "odd.xlsx", ["Sack", "Bundle", "Note"], [*LINKS[:2]])
    dialog = open_dialog(biller_app)
    check(qtbot, dialog, path)
    assert dialog.columns_box.isVisible()
    assert set(dialog.column_combos) == {"child", "parent"}
    assert not dialog.import_button.isEnabled()
    for role, header in (("child", "Sack"), ("parent", "Bundle")):
        combo = dialog.column_combos[role]
        assert [combo.itemText(i) for i in range(combo.count())] == ["Sack", "Bundle", "Note"]
        combo.setCurrentText(header)
    check(qtbot, dialog)
    assert dialog.checked is not None
    assert dialog.checked.columns == {"child": "Sack", "parent": "Bundle"}
    assert dialog.answer["accepted"] == 2
    assert "“Sack”" in dialog.message.text()
    assert dialog.import_button.isEnabled()


@pytest.mark.postgres
def test_the_error_report_holds_the_refused_rows_and_their_reasons(
    qtbot: QtBot, biller_app: StationApp, tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "links.xlsx", ["Child", "Parent"], LINKS)
    dialog = open_dialog(biller_app)
    check(qtbot, dialog, path)
    dialog.report_button.click()
    chooser = dialog.file_dialog
    assert chooser is not None
    out = tmp_path / "refused.xlsx"
    chooser.selectFile(str(out))
    chooser.accept()
    qtbot.waitUntil(lambda: "refused.xlsx" in dialog.message.text(), timeout=WAIT_MS)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    header = [str(h) for h in rows[0]]
    assert {"Child", "Parent", "Row", "Reason"} <= set(header)
    by_row = {row[header.index("Row")]: row for row in rows[1:]}
    assert set(by_row) == {int(r) for r in cells(dialog.refusals, 0)}
    bad = by_row[4]
    assert bad[header.index("Child")] == "bad code!"
    assert bad[header.index("Reason")]  # in words


@pytest.mark.postgres
def test_an_import_fills_the_bar_the_server_records_the_links_and_again_changes_nothing(
    qtbot: QtBot, biller_app: StationApp, server: tuple[str, str], tmp_path: Path
) -> None:
    # enough rows for the server to report progress before its answer (every ~2,000 rows)
    links = [(f"C{n:05d}", f"SB{n // 30 + 1:05d}") for n in range(4_500)]
    path = write_sheet(tmp_path / "many.xlsx", ["Child bag", "Parent bag"], links)
    dialog = open_dialog(biller_app)
    check(qtbot, dialog, path)
    assert dialog.answer["accepted"] == 4_500
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(
        lambda value: seen.append((value, dialog.progress.maximum()))
    )
    asked = press_import(qtbot, dialog)
    assert "4500" in asked
    assert "If you close" in dialog.message.text()  # the import goes on on the server
    assert dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.importing, timeout=WAIT_MS)
    assert dialog.summary.text().startswith("Imported 4500 of 4500 rows; 0 were recorded already")
    assert any(0 < value < maximum for value, maximum in seen)  # the stream moved the bar
    assert dialog.progress.value() == dialog.progress.maximum()
    assert lookup_children(server, "SB00001") == [f"C{n:05d}" for n in range(30)]
    assert lookup_children(server, "SB00150") == sorted(f"C{n:05d}" for n in range(4_470, 4_500))

    check(qtbot, dialog)  # the same sheet again: everything is recorded already
    assert dialog.answer["accepted"] == 0
    assert dialog.answer["duplicates"] == 4_500
    assert not dialog.import_button.isEnabled()
    assert lookup_children(server, "SB00001") == sorted(f"C{n:05d}" for n in range(30))


@pytest.mark.postgres
def test_closing_the_dialog_during_the_import_leaves_it_to_the_server(
    qtbot: QtBot, biller_app: StationApp, server: tuple[str, str], tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "links.xlsx", ["Child", "Parent"], LINKS)
    dialog = open_dialog(biller_app)
    check(qtbot, dialog, path)
    press_import(qtbot, dialog)
    dialog.close_button.click()
    assert biller_app.imports.dialog is None
    tab = biller_app.window.bills_tab
    qtbot.waitUntil(lambda: tab.message.text().startswith("Imported 3 of 5"), timeout=WAIT_MS)
    assert lookup_children(server, "SB00001") == ["C0001", "C0002"]


@pytest.mark.postgres
def test_an_ended_session_asks_for_the_password_again(
    qtbot: QtBot, biller_app: StationApp, server: tuple[str, str], tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "links.xlsx", ["Child", "Parent"], LINKS)
    dialog = open_dialog(biller_app)
    check(qtbot, dialog, path)
    token = biller_app.admin.token
    ended = requests.post(
        f"{server[0]}/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert ended.status_code == 204
    dialog.message.clear()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.message.text()), timeout=WAIT_MS)
    assert biller_app.admin.token is None
    assert dialog.sign_in_box.isVisible()
    check(qtbot, dialog)  # the password again: a new session
    assert biller_app.admin.token not in (None, token)
    assert dialog.answer["accepted"] == 3


@pytest.mark.postgres
def test_a_file_that_is_not_a_spreadsheet_gets_the_servers_answer(
    qtbot: QtBot, biller_app: StationApp, server: tuple[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "photo.xlsx"  # a picture saved under a spreadsheet's name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    dialog = open_dialog(biller_app)
    check(qtbot, dialog, path)
    login = requests.post(
        f"{server[0]}/api/v1/auth/login",
        json={"username": "bina", "password": SERVER_PASSWORD},
        timeout=30,
    )
    with path.open("rb") as file:
        answer = requests.post(
            f"{server[0]}/api/v1/imports/links",
            headers={"Authorization": f"Bearer {login.json()['session_token']}"},
            files={"file": (path.name, file)},
            timeout=60,
        )
    assert answer.status_code == 400
    assert dialog.message.text() == answer.json()["error"]["message"]
    assert not dialog.import_button.isEnabled()
    assert not dialog.summary.text()


@pytest.mark.postgres
def test_a_dispatcher_has_no_import_button(
    qtbot: QtBot, biller_app: StationApp, server: tuple[str, str]
) -> None:
    biller_app.window.logout_action.trigger()
    login(qtbot, biller_app, "ravi")
    assert "bills" not in biller_app.window.visible_tabs()
    assert not biller_app.window.bills_tab.import_button.isVisibleTo(biller_app.window)


def test_offline_the_button_says_imports_need_the_server(
    qtbot: QtBot, station: WorkflowStation
) -> None:
    app = StationApp(station, sounds=SilentPlayer(), scan_inputs=[FakeScanner()])
    qtbot.addWidget(app.window)
    app.start()
    login(qtbot, app, "bina")
    app.window.show_tab("bills")
    app.window.bills_tab.import_button.click()
    assert app.imports.dialog is None
    assert "needs the server" in app.window.bills_tab.message.text()
    app.stop()
