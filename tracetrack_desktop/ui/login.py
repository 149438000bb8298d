"""The offline login screen: username and password, or a scanned badge."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.theme import named


class LoginPage(QWidget):
    """Asks who is at the station. Works offline against the operators the station knows.

    The username field is a scan line: a badge scanned into it (or anywhere on the page) logs
    in; a name typed into it moves on to the password.

    Signals:
        login_requested(str, str): username and password to check.
        badge_read(object): a scanner read on this page (a ``ScanRecord``): a badge, or a read
            to refuse.
    """

    login_requested = Signal(str, str)
    badge_read = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = named(QLabel(self.tr("TraceTrack Station")), "stateBanner")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = ScanLine()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(self.tr("Log in"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error = named(QLabel(), "fieldError")
        self.error.setWordWrap(True)
        hint = QLabel(self.tr("Or scan your badge."))
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        box = QWidget()
        # one width, so a wrapped error's height is measured at the width it is drawn at (a
        # centred box narrower than its maximum squeezed the form's labels under a long error)
        box.setFixedWidth(520)
        inner = QVBoxLayout(box)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.error)
        inner.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.button.clicked.connect(self._on_submit)
        self.username.read_submitted.connect(self._on_username_read)
        self.password.returnPressed.connect(self._on_submit)

    def _on_username_read(self, record: ScanRecord) -> None:
        if record.source is ScanSource.TYPED and not record.suspect:
            self.username.setText(record.text.strip())  # the line cleared itself on Enter
            self.password.setFocus()
        else:
            self.badge_read.emit(record)

    def _on_submit(self) -> None:
        name = self.username.text().strip()
        if not name:
            self.show_error(self.tr("Type your username, then your password."))
            self.username.setFocus()
            return
        self.login_requested.emit(name, self.password.text())

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def reset(self) -> None:
        """Clear the form for the next operator."""
        self.password.clear()
        self.username.clear()
        self.error.clear()
        self.username.setFocus()
