"""First-run guided setup: server (or offline only), enrollment, a scanner test, first operator.

Return and Enter never press Next or Finish (see ``ui.dialog_keys.guard_enter``): a label
scanned on any page must not skip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
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
from tracetrack_desktop.ui.dialog_keys import guard_enter
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
    """

    server_url: str
    offline_only: bool
    enrolled: bool
    username: str
    password: str
    scanner_profile: LearnedProfile | None = None


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
    """Trade the one-time code for this station's token (in the background)."""

    enroll_requested = Signal(str, str)

    def __init__(self, server: ServerPage) -> None:
        super().__init__()
        self.server = server
        self.setTitle(self.tr("Enroll this station"))
        self.setSubTitle(self.tr("Type the enrollment code from the admin, then press Enroll."))
        self.code = QLineEdit()
        self.button = QPushButton(self.tr("&Enroll"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.enrolled = False
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.button.clicked.connect(self._on_button_clicked)

    def _on_button_clicked(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.status.setText(self.tr("Type the enrollment code first."))
            return
        self.button.setEnabled(False)
        self.status.setText(self.tr("Enrolling…"))
        self.enroll_requested.emit(self.server.url.text().strip(), code)

    def show_enrollment(self, ok: bool, message: str) -> None:
        self.button.setEnabled(True)
        self.enrolled = ok
        self.status.setText(message)
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up TraceTrack Station"))
        self.server_page = ServerPage()
        self.enroll_page = EnrollPage(self.server_page)
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

    def show_enrollment(self, ok: bool, message: str) -> None:
        self.enroll_page.show_enrollment(ok, message)

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
        return FirstRunResult(
            server_url=self.server_page.url.text().strip(),
            offline_only=self.server_page.offline.isChecked(),
            enrolled=self.enroll_page.enrolled,
            username=self.operator_page.username.text().strip().lower(),
            password=self.operator_page.password.text(),
            scanner_profile=self.scanner_page.profile,
        )
