"""First-run guided setup: server (or offline only), enrollment, a scanner test, first operator.

Return and Enter never press Next or Finish (see ``ui.dialog_keys.guard_enter``): a label
scanned on any page must not skip it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tracetrack_desktop.scanner.decode import printable
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.token_store import TokenPlace, TokenStoreError
from tracetrack_desktop.ui.dialog_keys import guard_enter
from tracetrack_desktop.ui.enrollment import EnrollAnswer
from tracetrack_desktop.ui.scanner_test_panel import ScannerTestPanel
from tracetrack_desktop.ui.settings_model import LearnedProfile, check_server_url
from tracetrack_desktop.ui.theme import named

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MIN_PASSWORD = 6


@dataclass(frozen=True)
class FirstRunResult:
    """What the operator chose.

    Attributes:
        scanner_profile: keyboard-scanner settings learned on the scanner page and chosen
            with "Use these settings"; None to keep the defaults.
        enrollment: the server's answer whose token the wizard kept (None: not enrolled).
        token_file: the file the token was kept in (None: the OS keyring).
    """

    server_url: str
    offline_only: bool
    enrolled: bool
    username: str
    password: str
    scanner_profile: LearnedProfile | None = None
    enrollment: EnrollAnswer | None = None
    token_file: str | None = None


def _error() -> QLabel:
    label = named(QLabel(), "fieldError")
    label.setWordWrap(True)
    return label


class ServerPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Where is the server?"))
        self.setSubTitle(
            self.tr("Type the address your admin gave you, or run this station on its own.")
        )
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://tracetrack.example.com")
        self.offline = QCheckBox(self.tr("&Offline only: no server for now"))
        self.error = _error()
        form = QFormLayout(self)
        form.addRow(self.tr("Server &address"), self.url)
        form.addRow("", self.error)
        form.addRow("", self.offline)
        self.url.textChanged.connect(self._on_changed)
        self.offline.toggled.connect(self._on_changed)

    def _on_changed(self) -> None:
        self.url.setDisabled(self.offline.isChecked())
        problem = self.problem()
        self.error.setText(
            QCoreApplication.translate("SettingsErrors", problem)
            if problem and self.url.text()
            else ""
        )
        self.completeChanged.emit()

    def problem(self) -> str | None:
        """Why the address cannot be used; plain http to another machine is opted into in
        Settings (the setup does not offer it, so it is never a click on the way through)."""
        return check_server_url(
            self.url.text(), self.offline.isChecked(), plain_key="server_url_plain_setup"
        )

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.problem() is None


class EnrollPage(QWizardPage):
    """Trade the one-time code for this station's token (in the background) and keep it.

    Where the token will go is checked before the code is sent: with no working OS keyring
    the page offers a protected file (with a warning) and sends nothing until it is chosen.
    If keeping the token still fails after the server answered, the token stays in memory and
    "Save token" tries again: the code is never needed twice.
    """

    enroll_requested = Signal(str, str)

    def __init__(self, server: ServerPage, place: TokenPlace) -> None:
        super().__init__()
        self.server = server
        self.place = place
        self.setTitle(self.tr("Enroll this station"))
        self.setSubTitle(self.tr("Type the enrollment code from the admin, then press Enroll."))
        self.code = QLineEdit()
        self.button = QPushButton(self.tr("&Enroll"))
        self.keyring_note = named(QLabel(), "fieldWarning")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        self.use_file = QCheckBox()
        self.use_file.hide()
        self.file_path = QLabel()  # the path on its own lines: a deep folder is wider than a page
        self.file_path.setWordWrap(True)
        self.file_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_path.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.enrolled = False  # the token is kept: the station is enrolled
        self.answer: EnrollAnswer | None = None  # the server's answer, kept or not yet
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.use_file)
        layout.addWidget(self.file_path)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.button.clicked.connect(self._on_button_clicked)
        self.use_file.toggled.connect(self._on_use_file_toggled)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        if self.place.problem() is None:
            return
        self.keyring_note.setText(
            self.tr(
                "No OS keyring works on this computer, so the station's token cannot be kept "
                "there. Nothing has been sent yet."
            )
        )
        self.keyring_note.show()
        if self.place.fallback is not None:
            self.use_file.setText(self.tr("Keep the token in a protected file instead:"))
            # a zero-width space after each separator lets a long path wrap there
            path = str(self.place.fallback)
            self.file_path.setText(path.replace(os.sep, os.sep + "\u200b"))
            self.file_path.show()
            self.use_file.setToolTip(
                self.tr(
                    "Anyone who can log in as this computer's user can read that file and sync "
                    "as this station: use it only on a station PC that is locked down."
                )
            )
            self.use_file.show()
        self._on_use_file_toggled()

    def _on_use_file_toggled(self) -> None:
        blocked = self.place.problem(self.use_file.isChecked()) is not None
        self.button.setEnabled(not blocked)
        if self.use_file.isChecked():
            self.status.setText(self.use_file.toolTip())

    def _on_button_clicked(self) -> None:
        if self.answer is not None and not self.enrolled:
            self._keep(self.answer)  # the server answered; only keeping the token failed
            return
        code = self.code.text().strip()
        if not code:
            self.status.setText(self.tr("Type the enrollment code first."))
            return
        problem = self.place.problem(self.use_file.isChecked())
        if problem is not None:  # checked again: a keyring can lock between pages
            self.status.setText(problem)
            return
        self.button.setEnabled(False)
        self.status.setText(self.tr("Enrolling…"))
        self.enroll_requested.emit(self.server.url.text().strip(), code)

    def show_enrollment(self, answer: EnrollAnswer) -> None:
        self.button.setEnabled(True)
        if not answer.ok:
            self.status.setText(answer.message)
            return
        self.answer = answer
        self.code.setEnabled(False)
        self._keep(answer)

    def token_file(self) -> str | None:
        """The file the token was kept in (None: the OS keyring)."""
        return self.place.file(self.use_file.isChecked())

    def _keep(self, answer: EnrollAnswer) -> None:
        try:
            self.place.keep(answer.station_id, answer.token, self.use_file.isChecked())
        except TokenStoreError as exc:
            if self.place.fallback is not None:
                self.use_file.show()
                self.file_path.show()
            self.button.setText(self.tr("&Save token"))
            self.status.setText(
                self.tr(
                    "Enrolled, but the token could not be kept: {reason}. Choose where to keep "
                    "it and press Save token; the code is not needed again."
                ).format(reason=exc)
            )
            return
        where = self.token_file()
        kept = (
            self.tr("The token is kept in the OS keyring.")
            if where is None
            else self.tr("The token is kept in {path}, readable only by this user.").format(
                path=where
            )
        )
        self.enrolled = True
        self.button.setEnabled(False)
        self.use_file.setEnabled(False)
        self.status.setText(f"{answer.message} {kept}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.enrolled


class ScannerPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Test your scanner"))
        self.setSubTitle(self.tr("Scan any bag label. You can skip this and test later."))
        self.panel = ScannerTestPanel()
        self.profile: LearnedProfile | None = None
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.chosen)
        self.panel.profile_learned.connect(self.on_panel_profile_learned)

    def on_panel_profile_learned(self, profile: LearnedProfile) -> None:
        self.profile = profile
        self.chosen.setText(
            self.tr(
                "These scanner settings are saved when you finish; "
                "you can change them later in Settings."
            )
        )
        self.chosen.show()


class OperatorPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("First operator"))
        self.setSubTitle(self.tr("This person becomes the station's admin and can add others."))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error()
        form = QFormLayout(self)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Password &again"), self.again)
        form.addRow("", self.error)
        for field in (self.username, self.password, self.again):
            field.textChanged.connect(self._on_changed)

    def problem(self) -> str:
        name = self.username.text().strip().lower()
        if not USERNAME.fullmatch(name):
            return self.tr("Use 2 to 32 lower-case letters, digits, dot, dash or underscore.")
        if len(self.password.text()) < MIN_PASSWORD:
            return self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
        if self.password.text() != self.again.text():
            return self.tr("The two passwords differ; type them again.")
        return ""

    def _on_changed(self) -> None:
        self.error.setText(self.problem() if self.username.text() else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.problem()


class FirstRunWizard(QWizard):
    """The guided setup shown when the station has no configuration yet.

    Signals:
        enroll_requested(str, str): server URL and code; answer with :meth:`show_enrollment`.
    """

    enroll_requested = Signal(str, str)
    PAGE_SERVER, PAGE_ENROLL, PAGE_SCANNER, PAGE_OPERATOR = range(4)

    def __init__(self, parent: QWidget | None = None, place: TokenPlace | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up TraceTrack Station"))
        self.server_page = ServerPage()
        self.enroll_page = EnrollPage(self.server_page, place or TokenPlace())
        self.scanner_page = ScannerPage()
        self.operator_page = OperatorPage()
        self.setPage(self.PAGE_SERVER, self.server_page)
        self.setPage(self.PAGE_ENROLL, self.enroll_page)
        self.setPage(self.PAGE_SCANNER, self.scanner_page)
        self.setPage(self.PAGE_OPERATOR, self.operator_page)
        self.enroll_page.enroll_requested.connect(self.enroll_requested)
        self._subtitles: dict[int, str] = {}  # pages showing a note about a scan instead
        self.currentIdChanged.connect(self._on_current_id_changed)
        guard_enter(self)

    def nextId(self) -> int:  # noqa: N802 - Qt API
        offline = self.server_page.offline.isChecked()
        if self.currentId() == self.PAGE_SERVER and offline:
            return self.PAGE_SCANNER
        if self.currentId() == self.PAGE_SCANNER and not offline:
            return -1  # a server station's operators come from the server
        return super().nextId()

    def show_enrollment(self, answer: EnrollAnswer) -> None:
        self.enroll_page.show_enrollment(answer)

    def show_scan(self, record: ScanRecord) -> None:
        """A scanner read while the wizard is open: tested on the scanner page, else refused
        with a note on the page (it never types into a field or presses a button)."""
        self.scanner_page.panel.show_record(record)
        page = self.currentPage()
        if page is None or page is self.scanner_page:
            return
        self._subtitles.setdefault(self.currentId(), page.subTitle())
        page.setSubTitle(
            self.tr(
                "A scan was read ({code}) and not used: setup takes no scans. "
                "Try your scanner on the scanner test page."
            ).format(code=printable(record.text, 40))
        )
        QApplication.beep()

    def _on_current_id_changed(self, _page_id: int) -> None:
        for page_id, subtitle in self._subtitles.items():
            page = self.page(page_id)
            if page is not None:
                page.setSubTitle(subtitle)
        self._subtitles.clear()

    def result_values(self) -> FirstRunResult:
        offline = self.server_page.offline.isChecked()
        enrolled = self.enroll_page.enrolled and not offline
        return FirstRunResult(
            server_url=self.server_page.url.text().strip(),
            offline_only=offline,
            enrolled=enrolled,
            username=self.operator_page.username.text().strip().lower(),
            password=self.operator_page.password.text(),
            scanner_profile=self.scanner_page.profile,
            enrollment=self.enroll_page.answer if enrolled else None,
            token_file=self.enroll_page.token_file() if enrolled else None,
        )
