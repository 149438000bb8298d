"""Opens the import dialog from the bills tab and carries its checks and imports to the server.

Every call runs off the GUI thread in the :class:`OperatorSession` the Admin tab uses too (one
sign-in serves both); the server's progress lines reach the dialog's bar by a queued signal.
A dialog closed while its import runs is gone, the import is not: its outcome is told on the
bills tab.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from tracetrack_core.roles import IMPORT_ROLES
from tracetrack_desktop.ui.admin_client import AdminAnswer
from tracetrack_desktop.ui.import_client import ImportClient, ImportForm
from tracetrack_desktop.ui.import_dialog import ImportDialog, imported_text
from tracetrack_desktop.ui.main_window import MainWindow
from tracetrack_desktop.ui.operator_session import OperatorSession


class _ProgressRelay(QObject):
    """Emitted from the worker thread; its GUI-thread receivers get it queued."""

    progressed = Signal(int, int)


class ImportController(QObject):
    """The bills tab's "Import spreadsheet…" and the dialog it opens (tests: :attr:`dialog`)."""

    def __init__(
        self, window: MainWindow, session: OperatorSession, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.tab = window.bills_tab
        self.session = session
        self.dialog: ImportDialog | None = None
        self.tab.import_requested.connect(self.on_import_requested)
        window.workspace_shown.connect(self.on_workspace_shown)
        window.login_shown.connect(self.close_dialog)
        session.changed.connect(self.on_session_changed)

    def on_workspace_shown(self, operator: str, role: str) -> None:
        self.tab.import_button.setVisible(role in IMPORT_ROLES)

    def on_import_requested(self) -> None:
        if self.session.client is None:
            self.tab.show_message(
                "error",
                self.tr("Importing spreadsheets needs the server; this station works offline."),
            )
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = ImportDialog(self.session.operator, self.window)
        dialog.set_signed_in(self.session.token is not None)
        dialog.check_requested.connect(self.on_check_requested)
        dialog.import_requested.connect(self.on_run_requested)
        dialog.report_requested.connect(self.on_report_requested)
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def on_dialog_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def close_dialog(self) -> None:
        """The operator logged out: their dialog goes (an import already sent goes on)."""
        if self.dialog is not None:
            self.dialog.reject()

    def on_session_changed(self) -> None:
        if self.dialog is not None:
            self.dialog.set_signed_in(self.session.token is not None)

    # -- calls -----------------------------------------------------------------------

    def _signed_in(self, dialog: ImportDialog, then: Callable[[str], None]) -> None:
        """Run ``then`` with the session, signing in first with the dialog's password."""
        token = self.session.token
        if token is not None:
            then(token)
            return
        password = dialog.password.text()
        if not password:
            dialog.show_error(self.tr("Type your password: the server records imports by name."))
            dialog.password.setFocus()
            return
        dialog.show_busy(self.tr("Signing in…"))

        def answered(answer: AdminAnswer) -> None:
            token = self.session.token
            if dialog is not self.dialog:
                return  # closed meanwhile
            if token is not None:
                then(token)
            else:
                dialog.show_error(self._failure(answer))

        self.session.sign_in(password, answered)

    def _failure(self, answer: AdminAnswer) -> str:
        if answer.unreachable and answer.code == "file":
            return self.tr("The file cannot be read: {why}").format(why=answer.message)
        if answer.unreachable:
            return self.tr("The server cannot be reached; try again when it is.")
        return answer.message or self.tr("The server answered {status}.").format(
            status=answer.status
        )

    def _client(self) -> ImportClient | None:
        client = self.session.client
        return ImportClient(client) if client is not None else None

    def _relay(self, dialog: ImportDialog) -> _ProgressRelay:
        relay = _ProgressRelay(self)
        relay.progressed.connect(dialog.show_progress)
        return relay

    def _answered(self, dialog: ImportDialog, token: str, answer: AdminAnswer) -> bool:
        """Whether ``answer`` is for the dialog still open; a 401 ends the session."""
        if answer.status == 401:
            self.session.expired(token)
        return dialog is self.dialog

    def on_check_requested(self, form: ImportForm) -> None:
        dialog, client = self.dialog, self._client()
        if dialog is None or client is None:
            return

        def check(token: str) -> None:
            dialog.show_busy(self.tr("Checking the sheet…"))
            relay = self._relay(dialog)
            self.session.run(
                lambda: client.send(form, True, token, relay.progressed.emit),
                lambda answer: self.on_checked(dialog, form, token, relay, answer),
            )

        self._signed_in(dialog, check)

    def on_checked(
        self,
        dialog: ImportDialog,
        form: ImportForm,
        token: str,
        relay: QObject,
        answer: AdminAnswer,
    ) -> None:
        relay.deleteLater()
        if not self._answered(dialog, token, answer):
            return
        if answer.ok and isinstance(answer.body, Mapping):
            dialog.show_check(form, answer.body)
        elif answer.code == "columns_unknown":
            dialog.ask_columns(_error_detail(answer), answer.message)
        else:
            dialog.show_error(self._failure(answer))

    def on_run_requested(self, form: ImportForm) -> None:
        dialog, client = self.dialog, self._client()
        if dialog is None or client is None:
            return

        def run(token: str) -> None:
            dialog.show_importing()
            relay = self._relay(dialog)
            self.session.run(
                lambda: client.send(form, False, token, relay.progressed.emit),
                lambda answer: self.on_imported(dialog, token, relay, answer),
            )

        self._signed_in(dialog, run)

    def on_imported(
        self, dialog: ImportDialog, token: str, relay: QObject, answer: AdminAnswer
    ) -> None:
        relay.deleteLater()
        done = answer.ok and isinstance(answer.body, Mapping)
        if self._answered(dialog, token, answer):
            if done:
                dialog.show_imported(answer.body)
            else:
                dialog.show_import_failed(self._failure(answer))
        elif done:  # the dialog was closed meanwhile: say it where the operator is
            self.tab.show_message("info", imported_text(answer.body))
        else:
            self.tab.show_message("error", self._failure(answer))

    def on_report_requested(self, form: ImportForm, out: str) -> None:
        dialog, client = self.dialog, self._client()
        if dialog is None or client is None:
            return

        def save(token: str) -> None:
            dialog.show_busy(self.tr("Saving the error report…"))
            self.session.run(
                lambda: client.report(form, token, out),
                lambda answer: self.on_report_saved(dialog, token, out, answer),
            )

        self._signed_in(dialog, save)

    def on_report_saved(
        self, dialog: ImportDialog, token: str, out: str, answer: AdminAnswer
    ) -> None:
        if not self._answered(dialog, token, answer):
            return
        if answer.ok:
            dialog.show_report_saved(out)
        else:
            dialog.show_error(self._failure(answer))


def _error_detail(answer: AdminAnswer) -> Mapping[str, Any]:
    """The fields beside ``code`` and ``message`` of an error answer (``headers``, ``guess``...)."""
    error = answer.field("error")
    return error if isinstance(error, Mapping) else {}
