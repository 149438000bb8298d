"""Connects the Admin tab to the server's admin API: the session, each page's calls, errors.

The tab signs in with the logged-in admin's password; the session is an
:class:`OperatorSession` (in memory only, shared with the import dialog), so a 401
``invalid_session`` (expired, or the user changed) asks for the password again here and
there. Every call runs off the GUI thread, so a slow server never holds the window; the
server's own message is shown for every error it answers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.ui.admin.page import AdminPage
from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest
from tracetrack_desktop.ui.background import BackgroundCall
from tracetrack_desktop.ui.main_window import MainWindow
from tracetrack_desktop.ui.operator_session import OperatorSession


def unreachable_text() -> str:
    return QCoreApplication.translate(
        "AdminController", "The server cannot be reached; the Admin screen needs the server."
    )


class AdminController(QObject):
    """The Admin tab's logic. Call :meth:`use_server` when the station has (or changes) its
    server, :meth:`stop` before the application ends."""

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.tab = window.admin_tab
        self.session = OperatorSession(window, self)
        self.session.changed.connect(self.on_session_changed)
        self.tab.sign_in.sign_in_requested.connect(self.on_sign_in_requested)
        for page in self.tab.pages.values():
            page.requested.connect(lambda request, page=page: self.send(page, request))
            page.message.connect(self.tab.show_message)
        self.tab.page_tabs.currentChanged.connect(self.on_page_changed)
        window.tabs.currentChanged.connect(self.on_page_changed)
        window.workspace_shown.connect(self.on_workspace_shown)
        window.login_shown.connect(self.on_login_shown)

    @property
    def token(self) -> str | None:
        return self.session.token

    @property
    def calls(self) -> set[BackgroundCall]:
        return self.session.calls

    def use_server(self, base_url: str | None, ca_bundle: str | None = None) -> None:
        """The server the station syncs with (None: offline, and no Admin tab)."""
        self.session.use_server(base_url, ca_bundle)
        self.window.set_server_available(self.session.client is not None)

    def stop(self) -> None:
        """Wait for calls still running (each carries its own timeouts)."""
        self.session.stop()

    # -- calls -----------------------------------------------------------------------

    def send(self, page: AdminPage, request: AdminRequest) -> None:
        """Carry a page's request to the server; the answer goes back to the page."""
        token = self.token
        if token is None:
            self.tab.show_sign_in(self.session.operator)
            return
        self.session.call(
            request, token, lambda answer: self.on_answer(page, request, token, answer)
        )

    def on_answer(
        self, page: AdminPage, request: AdminRequest, token: str, answer: AdminAnswer
    ) -> None:
        if token != self.token:
            return  # signed out (or in again) since: the answer is for a session now gone
        if answer.unreachable:
            self.tab.show_message("error", unreachable_text())
            return
        if answer.status == 401:
            self.session.expired(token)  # the sign-in panel comes back (on_session_changed)
            self.tab.show_message("error", answer.message)
            return
        if not answer.ok:
            self.tab.show_message("error", answer.message)
        page.show_answer(request, answer)

    # -- session ---------------------------------------------------------------------

    def on_sign_in_requested(self, password: str) -> None:
        if self.session.client is None:
            return
        self.tab.show_message("info", "")
        self.session.sign_in(password, self.on_signed_in)

    def on_signed_in(self, answer: AdminAnswer) -> None:
        if answer.field("session_token") is None:  # signed in: on_session_changed shows pages
            self.tab.show_sign_in(self.session.operator)
            self.tab.show_message(
                "error", unreachable_text() if answer.unreachable else answer.message
            )

    def on_session_changed(self) -> None:
        """Signed in (here or in the import dialog): the pages; signed out: the password."""
        if self.session.token is None:
            self.tab.show_sign_in(self.session.operator)
            return
        self.tab.show_pages()
        self.tab.show_message("info", "")
        self.on_page_changed()

    def sign_out(self) -> None:
        """End the server session (told in the background) and forget its token."""
        self.session.sign_out()
        self.tab.show_sign_in(self.session.operator)
        self.tab.show_message("info", "")

    def on_workspace_shown(self, operator: str, role: str) -> None:
        self.tab.show_sign_in(operator)

    def on_login_shown(self) -> None:
        self.sign_out()

    def on_scan_read(self, record: ScanRecord) -> None:
        """A scan while the Admin tab shows goes into the field being filled in (a badge, codes
        to try), never into a password, and is never recorded as work."""
        field = QApplication.focusWidget()
        if record.suspect:
            field = None
        if (
            isinstance(field, QLineEdit)
            and not field.isReadOnly()
            and field.echoMode() == QLineEdit.EchoMode.Normal
        ):
            field.setText(record.text)
        elif isinstance(field, QPlainTextEdit) and not field.isReadOnly():
            field.insertPlainText(record.text + "\n")  # one code per line
        else:
            self.tab.show_message(
                "warning",
                QCoreApplication.translate(
                    "AdminController",
                    "Scans are not recorded on the Admin screen; to fill a field, click it first.",
                ),
            )

    def on_page_changed(self, index: int = 0) -> None:
        """Whatever page comes into view shows the server's data as it is now."""
        if self.window.current_tab() == "admin" and self.token is not None:
            self.tab.current_page().reload()
