"""The Admin tab: sign in once with the admin's password, then the site's pages as sub-tabs.

The tab only lays out; ``admin_controller.py`` signs in, carries each page's requests to the
server and shows the answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.admin.areas_page import AreasPage
from tracetrack_desktop.ui.admin.audit_page import AuditPage
from tracetrack_desktop.ui.admin.page import AdminPage
from tracetrack_desktop.ui.admin.rules_page import RulesPage
from tracetrack_desktop.ui.admin.stations_page import StationsPage
from tracetrack_desktop.ui.admin.users_page import UsersPage
from tracetrack_desktop.ui.theme import named


class SignInPanel(QWidget):
    """ "Sign in to manage the site": the logged-in admin's name, fixed, and a password.

    Signals:
        sign_in_requested(str): the password typed.
    """

    sign_in_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = named(QLabel(self.tr("Sign in to manage the site")), "currentParent")
        explain = QLabel(
            self.tr("The Admin screen changes the site on the server: give your password again.")
        )
        explain.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setReadOnly(True)
        self.username.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("Sign &in"))
        self.button.clicked.connect(self._submit)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        box = QWidget()
        box.setMaximumWidth(480)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(explain)
        inner.addLayout(form)
        inner.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _submit(self) -> None:
        if self.password.text():
            self.button.setEnabled(False)  # until the server answers
            self.sign_in_requested.emit(self.password.text())

    def reset(self, username: str) -> None:
        self.username.setText(username)
        self.password.clear()
        self.button.setEnabled(True)


class AdminTab(QWidget):
    """The sign-in panel, or the pages; one message line under both.

    Attributes:
        pages: the pages in the order of their sub-tabs, by name.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sign_in = SignInPanel()
        self.users = UsersPage()
        self.stations = StationsPage()
        self.areas = AreasPage()
        self.rules = RulesPage()
        self.audit = AuditPage()
        self.pages: dict[str, AdminPage] = {
            "users": self.users,
            "stations": self.stations,
            "areas": self.areas,
            "rules": self.rules,
            "audit": self.audit,
        }
        titles = {
            "users": self.tr("Users"),
            "stations": self.tr("Stations"),
            "areas": self.tr("Areas"),
            "rules": self.tr("Code rules"),
            "audit": self.tr("Audit log"),
        }
        self.page_tabs = QTabWidget()
        for name, page in self.pages.items():
            self.page_tabs.addTab(page, titles[name])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in)
        self.stack.addWidget(self.page_tabs)
        self.message = named(QLabel(), "messageLine")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)

    def signed_in(self) -> bool:
        return self.stack.currentWidget() is self.page_tabs

    def current_page(self) -> AdminPage:
        return list(self.pages.values())[self.page_tabs.currentIndex()]

    def show_sign_in(self, username: str) -> None:
        self.sign_in.reset(username)
        self.stack.setCurrentWidget(self.sign_in)
        self.sign_in.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_pages(self) -> None:
        self.stack.setCurrentWidget(self.page_tabs)

    def show_message(self, level: str, text: str) -> None:
        colours = {"error": "#b91c1c", "warning": "#b45309"}
        self.message.setStyleSheet(f"color: {colours.get(level, 'palette(text)')};")
        self.message.setText(text.splitlines()[0] if text else "")  # one line, always
