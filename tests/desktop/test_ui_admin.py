"""The Admin tab against a real sync server on PostgreSQL, over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from sync_server.api.extension import ServerContext
from sync_server.services import users
from tests.desktop.stations import station_fixture
from tests.desktop.test_ui_shift import FakeScanner, login
from tests.procs import free_port
from tests.server.factories import make_read_token
from tracetrack_desktop.ui.admin.page import AdminPage
from tracetrack_desktop.ui.admin.rules_page import RulesPage
from tracetrack_desktop.ui.admin.stations_page import EnrollmentCodeDialog
from tracetrack_desktop.ui.admin.users_page import PasswordDialog, UserDialog
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.tabs.admin_tab import AdminTab
from tracetrack_desktop.ui.workflow_station import WorkflowStation

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

SERVER_PASSWORD = "correct horse battery"
"""sam's password on the server (the station's own login uses tests/desktop/stations.PASSWORD)."""

WAIT_MS = 15_000

station = station_fixture(sam="admin", bina="biller")


@pytest.fixture
def server(app: Any, live_server: str) -> tuple[str, str]:
    """The server with sam, an admin with a password; returns (url, read token)."""
    ctx: ServerContext = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        users.add_user(
            session, username="sam", password=SERVER_PASSWORD, role="admin", actor="test"
        )
        token = make_read_token(session)
    return live_server, token


def start_app(qtbot: QtBot, station: WorkflowStation, url: str, token: str) -> StationApp:
    app = StationApp(
        station, sounds=SilentPlayer(), scan_inputs=[FakeScanner()], reader=ServerReader(url, token)
    )
    qtbot.addWidget(app.window)
    app.start()
    return app


@pytest.fixture
def admin_app(
    qtbot: QtBot, server: tuple[str, str], station: WorkflowStation
) -> Iterator[StationApp]:
    """sam logged in on the station, the Admin tab showing (not signed in yet)."""
    app = start_app(qtbot, station, *server)
    login(qtbot, app, "sam")
    app.window.show_tab("admin")
    yield app
    app.stop()


class ServerAdmin:
    """The test's own admin session with the server, to see what the tab did there."""

    def __init__(self, url: str) -> None:
        self.url = url
        answer = requests.post(
            f"{url}/api/v1/auth/login",
            json={"username": "sam", "password": SERVER_PASSWORD},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        self.headers = {"Authorization": f"Bearer {answer.json()['session_token']}"}

    def get(self, path: str) -> Any:
        answer = requests.get(self.url + path, headers=self.headers, timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def call(self, method: str, path: str, body: Any = None) -> requests.Response:
        return requests.request(
            method, self.url + path, json=body, headers=self.headers, timeout=30
        )


def sign_in(qtbot: QtBot, tab: AdminTab, password: str = SERVER_PASSWORD) -> None:
    qtbot.keyClicks(tab.sign_in.password, password)
    qtbot.keyClick(tab.sign_in.password, Qt.Key.Key_Return)


def signed_in(qtbot: QtBot, app: StationApp) -> AdminTab:
    tab = app.window.admin_tab
    sign_in(qtbot, tab)
    qtbot.waitUntil(tab.signed_in, timeout=WAIT_MS)
    return tab


def column(table: QTableWidget, c: int) -> list[str]:
    return [item.text() for r in range(table.rowCount()) if (item := table.item(r, c))]


def row_of(table: QTableWidget, text: str) -> int:
    return column(table, 0).index(text)


def show_page(tab: AdminTab, name: str) -> AdminPage:
    page = tab.pages[name]
    tab.page_tabs.setCurrentWidget(page)
    return page


def press_ok(dialog: Any) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def answer_yes(page: AdminPage) -> str:
    """Press the confirmation's "do it" button; returns what the box asked."""
    box = page.confirmation
    assert box is not None
    assert box.isVisible()
    (yes,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    yes.click()
    return box.text()


def idle(app: StationApp) -> bool:
    return not app.admin.calls


@pytest.mark.postgres
def test_a_wrong_password_shows_the_servers_message_and_the_right_one_signs_in(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = admin_app.window.admin_tab
    assert not tab.signed_in()
    assert tab.sign_in.username.text() == "sam"  # the logged-in operator, fixed
    expected = requests.post(
        f"{server[0]}/api/v1/auth/login", json={"username": "sam", "password": "nope"}, timeout=30
    ).json()["error"]["message"]
    sign_in(qtbot, tab, "wrong password")
    qtbot.waitUntil(lambda: tab.message.text() == expected, timeout=WAIT_MS)
    assert not tab.signed_in()
    assert tab.sign_in.button.isEnabled()
    sign_in(qtbot, tab)
    qtbot.waitUntil(tab.signed_in, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "sam" in column(tab.users.table, 0), timeout=WAIT_MS)


@pytest.mark.postgres
def test_logging_out_of_the_station_ends_the_server_session(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    token = admin_app.admin.token
    assert token is not None
    assert token.startswith("tts_")
    admin_app.window.logout_action.trigger()
    assert admin_app.admin.token is None
    qtbot.waitUntil(lambda: idle(admin_app), timeout=WAIT_MS)
    answer = requests.get(
        f"{server[0]}/api/v1/admin/users",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert answer.status_code == 401
    login(qtbot, admin_app, "sam")
    admin_app.window.show_tab("admin")
    assert not tab.signed_in()  # the password again, for a new session


@pytest.mark.postgres
def test_add_a_user_then_disable_them(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    page = tab.users
    qtbot.waitUntil(lambda: "sam" in column(page.table, 0), timeout=WAIT_MS)
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, UserDialog)
    dialog.username.setText("meena")
    dialog.display_name.setText("Meena Kumari")
    dialog.role.setCurrentText("biller")
    dialog.activateWindow()
    dialog.badge.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.badge, timeout=WAIT_MS)
    scanner = admin_app.scan_inputs[0]
    assert isinstance(scanner, FakeScanner)
    scanner.read("BADGE-0042")  # a badge scanned into its field: nothing recorded
    assert dialog.badge.text() == "BADGE-0042"
    assert admin_app.window.current_tab() == "admin"
    assert admin_app.station.pending()[0] == 0
    dialog.password.first.setText("a long password")
    dialog.password.again.setText("a long passwort")
    press_ok(dialog)
    assert dialog.isVisible()  # typed twice, checked here
    assert "differ" in dialog.error.text()
    dialog.password.again.setText("a long password")
    press_ok(dialog)
    qtbot.waitUntil(lambda: "meena" in column(page.table, 0), timeout=WAIT_MS)
    row = row_of(page.table, "meena")
    assert [page.table.item(row, c).text() for c in range(6)] == [
        "meena",
        "Meena Kumari",
        "biller",
        "",
        "BADGE-0042",
        "active",
    ]
    admin = ServerAdmin(server[0])
    on_server = {u["username"]: u for u in admin.get("/api/v1/admin/users")["users"]}
    assert on_server["meena"]["role"] == "biller"
    assert on_server["meena"]["badge"] == "BADGE-0042"

    page.table.selectRow(row)
    page.disable_button.click()
    assert "meena" in answer_yes(page)
    qtbot.waitUntil(
        lambda: page.table.item(row_of(page.table, "meena"), 5).text() == "disabled",
        timeout=WAIT_MS,
    )
    on_server = {u["username"]: u for u in admin.get("/api/v1/admin/users")["users"]}
    assert on_server["meena"]["disabled"] is True
    assert page.disable_button.text() == "&Enable"

    page.password_button.click()
    reset = page.dialog
    assert isinstance(reset, PasswordDialog)
    reset.password.first.setText("short")
    reset.password.again.setText("short")
    press_ok(reset)
    expected = admin.call(
        "POST", "/api/v1/admin/users/meena/password", {"password": "short"}
    ).json()["error"]["message"]
    qtbot.waitUntil(lambda: tab.message.text() == expected, timeout=WAIT_MS)


@pytest.mark.postgres
def test_nobody_disables_themself_the_server_says_why(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    page = tab.users
    qtbot.waitUntil(lambda: "sam" in column(page.table, 0), timeout=WAIT_MS)
    page.table.selectRow(row_of(page.table, "sam"))
    page.disable_button.click()
    answer_yes(page)
    expected = (
        ServerAdmin(server[0])
        .call("PATCH", "/api/v1/admin/users/sam", {"disabled": True})
        .json()["error"]["message"]
    )
    qtbot.waitUntil(lambda: tab.message.text() == expected, timeout=WAIT_MS)
    assert page.table.item(row_of(page.table, "sam"), 5).text() == "active"


@pytest.mark.postgres
def test_a_new_station_shows_its_code_as_text_and_barcode_then_it_is_revoked(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    page = show_page(tab, "stations")
    page.new_button.click()
    dialog = page.dialog
    assert dialog is not None
    dialog.name.setText("Kanpur-1")  # type: ignore[attr-defined]
    press_ok(dialog)
    qtbot.waitUntil(lambda: isinstance(page.dialog, EnrollmentCodeDialog), timeout=WAIT_MS)
    shown = page.dialog
    assert isinstance(shown, EnrollmentCodeDialog)
    code = shown.code.text()
    assert len(code) >= 8
    assert b"<rect" in shown.barcode.svg
    assert shown.barcode.renderer().isValid()
    assert shown.barcode.width() > 200
    image = shown.barcode.grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, image.height() // 2).value() < 80
    )
    assert dark > 10  # bars were drawn
    assert "until" in shown.expiry.text()
    shown.close()
    # the code is a real one: a station enrolls with it
    enrolled = requests.post(
        f"{server[0]}/api/v1/stations/enroll",
        json={"enrollment_code": code, "hostname": "kanpur-pc"},
        timeout=30,
    )
    assert enrolled.status_code in (200, 201), enrolled.text

    qtbot.waitUntil(lambda: "Kanpur-1" in column(page.table, 0), timeout=WAIT_MS)
    page.table.selectRow(row_of(page.table, "Kanpur-1"))
    page.revoke_button.click()
    assert "Kanpur-1" in answer_yes(page)
    qtbot.waitUntil(lambda: "revoked" in tab.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: page.table.item(row_of(page.table, "Kanpur-1"), 2).text() == "revoked",
        timeout=WAIT_MS,
    )
    stations = ServerAdmin(server[0]).get("/api/v1/admin/stations")["stations"]
    assert [s["revoked_at"] is not None for s in stations if s["name"] == "Kanpur-1"] == [True]


@pytest.mark.postgres
def test_areas_are_added_and_removed_and_one_in_use_stays(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    page = show_page(tab, "areas")
    qtbot.keyClicks(page.name, "Kanpur")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Kanpur" in column(page.table, 0), timeout=WAIT_MS)
    assert page.table.item(row_of(page.table, "Kanpur"), 1).text() == "0"
    page.table.selectRow(row_of(page.table, "Kanpur"))
    page.remove_button.click()
    qtbot.waitUntil(lambda: "Kanpur" not in column(page.table, 0), timeout=WAIT_MS)

    admin = ServerAdmin(server[0])
    assert admin.call("POST", "/api/v1/admin/areas", {"name": "Agra"}).status_code == 201
    assert (
        admin.call("POST", "/api/v1/admin/stations", {"name": "Agra-1", "area": "Agra"}).status_code
        == 201
    )
    page.reload()
    qtbot.waitUntil(lambda: "Agra" in column(page.table, 0), timeout=WAIT_MS)
    page.table.selectRow(row_of(page.table, "Agra"))
    page.remove_button.click()
    expected = admin.call("DELETE", "/api/v1/admin/areas/Agra").json()["error"]["message"]
    qtbot.waitUntil(lambda: tab.message.text() == expected, timeout=WAIT_MS)
    assert "Agra" in column(page.table, 0)


@pytest.mark.postgres
def test_code_rules_are_tried_then_published_and_a_bad_rule_is_refused(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    page = show_page(tab, "rules")
    qtbot.waitUntil(lambda: page.series.rowCount() > 0, timeout=WAIT_MS)
    page.add_series_button.click()
    row = page.series.rowCount() - 1
    for c, value in enumerate(("KB", "KB[0-9]{4}", "25", "20")):
        page.series.item(row, c).setText(value)
    page.samples.setPlainText("KB1234\nSB00042\n")
    page.try_button.click()
    qtbot.waitUntil(lambda: page.results.rowCount() == 2, timeout=WAIT_MS)
    assert [page.results.item(0, c).text() for c in range(3)] == ["KB1234", "parent", "KB"]
    assert [page.results.item(1, c).text() for c in range(3)] == ["SB00042", "parent", "SB"]
    assert page.problems.text() == ""
    stored = ServerAdmin(server[0]).get("/api/v1/admin/code-rules")
    assert "KB" not in [s["name"] for s in stored["rules"]["parent_series"]]  # tried, not saved

    page.publish_button.click()
    qtbot.waitUntil(lambda: tab.message.text() == "Code rules published.", timeout=WAIT_MS)
    stored = ServerAdmin(server[0]).get("/api/v1/admin/code-rules")
    series = {s["name"]: s for s in stored["rules"]["parent_series"]}
    assert series["KB"] == {
        "name": "KB",
        "pattern": "KB[0-9]{4}",
        "capacity": 25,
        "expected_kg": 20,
    }
    assert stored["version"] == page.version

    page.child_pattern.setText(".*")  # matches anything: refused
    page.try_button.click()
    qtbot.waitUntil(lambda: page.problems.text() != "", timeout=WAIT_MS)
    admin = ServerAdmin(server[0])
    details = admin.call(
        "POST", "/api/v1/admin/code-rules/test", {"rules": page.edited(), "codes": ["X"]}
    ).json()["problem_details"]
    assert details == [
        {"code": "matches_anything", "subject": "child", "examples": ["X", "12", "HELLO WORLD"]}
    ]
    said = "The child pattern matches almost anything, even X, 12, HELLO WORLD."
    assert page.problems.text() == said  # the station's words (so its language), from the data
    page.problems.clear()
    page.publish_button.click()
    qtbot.waitUntil(
        lambda: tab.message.text() not in ("", "Code rules published."), timeout=WAIT_MS
    )
    assert page.problems.text() == said
    assert admin.get("/api/v1/admin/code-rules")["rules"]["child_pattern"] != ".*"


@pytest.mark.postgres
def test_publishing_over_someone_elses_change_reloads_theirs(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    tab = signed_in(qtbot, admin_app)
    page = show_page(tab, "rules")
    qtbot.waitUntil(lambda: page.series.rowCount() > 0, timeout=WAIT_MS)
    admin = ServerAdmin(server[0])
    theirs = dict(page.edited(), bill_pattern="BILL-[0-9]{6}")
    saved = admin.call(
        "PUT", "/api/v1/admin/code-rules", {"rules": theirs, "version": page.version}
    )
    assert saved.status_code == 200, saved.text
    page.bill_pattern.setText("B[0-9]{3}")
    page.publish_button.click()
    qtbot.waitUntil(lambda: "Someone else" in tab.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.bill_pattern.text() == "BILL-[0-9]{6}", timeout=WAIT_MS)


@pytest.mark.postgres
def test_the_audit_log_lists_the_changes_and_filters_by_action(
    qtbot: QtBot, admin_app: StationApp, server: tuple[str, str]
) -> None:
    admin = ServerAdmin(server[0])
    for name in ("Agra", "Bhopal"):
        assert admin.call("POST", "/api/v1/admin/areas", {"name": name}).status_code == 201
    assert (
        admin.call(
            "POST",
            "/api/v1/admin/users",
            {"username": "ravi", "password": "a long password", "role": "dispatcher"},
        ).status_code
        == 201
    )
    tab = signed_in(qtbot, admin_app)
    page = show_page(tab, "audit")
    qtbot.waitUntil(lambda: page.action.count() > 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.table.rowCount() >= 3, timeout=WAIT_MS)
    actions = column(page.table, 2)
    assert "user:sam" in column(page.table, 1)
    targets = column(page.table, 3)
    assert any("Agra" in t for t in targets)
    assert any("ravi" in t for t in targets)
    area_action = actions[targets.index(next(t for t in targets if "Bhopal" in t))]
    page.table.selectRow(targets.index(next(t for t in targets if "Bhopal" in t)))
    assert "Bhopal" in page.details.toPlainText()  # the after snapshot

    page.action.setCurrentIndex(page.action.findData(area_action))
    page.filter_button.click()
    qtbot.waitUntil(lambda: set(column(page.table, 2)) == {area_action}, timeout=WAIT_MS)
    assert page.table.rowCount() == 2  # Agra and Bhopal
    assert page.position.text() == "1 to 2 of 2"
    assert not page.older_button.isEnabled()

    page.action.setCurrentIndex(0)  # any action
    page.who.setText("nobody")
    page.filter_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=WAIT_MS)
    page.who.setText("sam")  # a bare name: that user
    page.filter_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() >= 3, timeout=WAIT_MS)
    assert set(column(page.table, 1)) == {"user:sam"}


@pytest.mark.postgres
def test_a_biller_never_sees_the_admin_tab(
    qtbot: QtBot, server: tuple[str, str], station: WorkflowStation
) -> None:
    app = start_app(qtbot, station, *server)
    try:
        login(qtbot, app, "bina")
        assert "admin" not in app.window.visible_tabs()
        app.window.logout_action.trigger()
        login(qtbot, app, "sam")
        assert app.window.visible_tabs()[-1] == "admin"
    finally:
        app.stop()


def test_an_offline_station_has_no_admin_tab(qtbot: QtBot, station: WorkflowStation) -> None:
    app = StationApp(station, sounds=SilentPlayer(), scan_inputs=[FakeScanner()])
    qtbot.addWidget(app.window)
    app.start()
    try:
        login(qtbot, app, "sam")
        assert "admin" not in app.window.visible_tabs()
    finally:
        app.stop()


def test_without_the_server_the_tab_says_so_and_stays_usable(
    qtbot: QtBot, station: WorkflowStation
) -> None:
    app = start_app(qtbot, station, f"http://127.0.0.1:{free_port()}", "unused")
    try:
        login(qtbot, app, "sam")
        app.window.show_tab("admin")
        tab = app.window.admin_tab
        sign_in(qtbot, tab)
        qtbot.waitUntil(
            lambda: (
                tab.message.text()
                == "The server cannot be reached; the Admin screen needs the server."
            ),
            timeout=WAIT_MS,
        )
        assert tab.sign_in.button.isEnabled()
        assert tab.sign_in.password.text() == ""
    finally:
        app.stop()


def test_a_refused_rule_is_said_in_the_operators_language(qtbot: QtBot, qapp: QApplication) -> None:
    """The server names each problem as data; the station words it, in Hindi when it speaks it."""
    translator = install_translator(qapp, "hi")
    assert translator is not None
    try:
        page = RulesPage()
        qtbot.addWidget(page)
        page.show_problems(
            [
                {"code": "matches_nothing", "subject": "SB", "examples": []},
                {"code": "matches_anything", "subject": "child", "examples": ["X", "12"]},
            ]
        )
        assert page.problems.text().splitlines() == [
            "पैरेंट सीरीज़ SB किसी भी ऐसे कोड से मेल नहीं खाता जो स्कैनर दे सकता है (कोड बड़े अक्षरों में पढ़े जाते हैं)।",
            "चाइल्ड पैटर्न लगभग किसी भी चीज़ से मेल खाता है, X, 12 से भी।",
        ]
    finally:
        qapp.removeTranslator(translator)
