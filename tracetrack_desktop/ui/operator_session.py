"""The logged-in operator's session with the server, shared by the Admin tab and the import dialog.

Signing in (``POST /api/v1/auth/login``) takes the operator's password again; the ``tts_``
token is kept in memory only, dropped (and the server told) when the operator logs out of the
station, and forgotten when the server answers 401 (expired, or the user changed). Every call
runs in a :class:`BackgroundCall`, so a slow server never holds the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from tracetrack_desktop.ui.admin_client import (
    AdminAnswer,
    AdminClient,
    AdminRequest,
    login_request,
    logout_request,
)
from tracetrack_desktop.ui.background import BackgroundCall
from tracetrack_desktop.ui.main_window import MainWindow


class OperatorSession(QObject):
    """Who is signed in to the server, and the calls running for them.

    Signals:
        changed: signed in or out (read :attr:`token`).
    """

    changed = Signal()

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.client: AdminClient | None = None
        self.operator = ""
        self.token: str | None = None
        self.calls: set[BackgroundCall] = set()
        window.workspace_shown.connect(self.on_workspace_shown)
        window.login_shown.connect(self.on_login_shown)

    def use_server(self, base_url: str | None, ca_bundle: str | None = None) -> None:
        """The server the station syncs with (None: offline)."""
        self.client = AdminClient(base_url, ca_bundle) if base_url else None
        self.token = None
        self.changed.emit()

    def stop(self) -> None:
        """Wait for calls still running (each carries its own timeouts)."""
        for call in list(self.calls):
            call.stop()
        self.calls.clear()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run ``work`` off the GUI thread; ``on_done`` gets what it returned, on the GUI thread."""
        call = BackgroundCall(work, self)
        self.calls.add(call)

        def finished(result: Any) -> None:
            self.calls.discard(call)
            call.deleteLater()
            on_done(result)

        call.done.connect(finished)
        call.start()

    def call(
        self,
        request: AdminRequest,
        token: str | None,
        on_done: Callable[[AdminAnswer], None],
    ) -> None:
        """Make ``request`` with ``token`` (None: without a session, as login)."""
        client = self.client
        if client is not None:
            self.run(lambda: client.call(request, token), on_done)

    def sign_in(self, password: str, on_done: Callable[[AdminAnswer], None]) -> None:
        """Sign the logged-in operator in; ``on_done`` gets the server's answer either way."""

        def signed_in(answer: AdminAnswer) -> None:
            token = answer.field("session_token") if answer.ok else None
            if isinstance(token, str) and not self.window.logged_in():
                self.call(logout_request(), token, lambda answer: None)  # logged out meanwhile
                return
            if isinstance(token, str):
                self.token = token
                self.changed.emit()
            on_done(answer)

        self.call(login_request(self.operator, password), None, signed_in)

    def expired(self, token: str) -> None:
        """The server answered 401 to ``token``: forget it (unless a newer one replaced it)."""
        if token == self.token:
            self.token = None
            self.changed.emit()

    def sign_out(self) -> None:
        """End the server session (told in the background) and forget its token."""
        token, self.token = self.token, None
        if token is not None:
            self.call(logout_request(), token, lambda answer: None)
            self.changed.emit()

    def on_workspace_shown(self, operator: str, role: str) -> None:
        self.operator = operator

    def on_login_shown(self) -> None:
        self.sign_out()
        self.operator = ""
