"""Users: who may log in, with which role, area and badge; disable, enable, reset a password."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracetrack_core.roles import Role
from tracetrack_desktop.ui.admin.page import (
    AdminPage,
    dialog_buttons,
    fill_table,
    local_time,
    make_table,
    text,
)
from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest, segment
from tracetrack_desktop.ui.dialog_keys import guard_enter
from tracetrack_desktop.ui.messages import status_word

USERS = "/api/v1/admin/users"
AREAS = "/api/v1/admin/areas"


def state_text(user: Mapping[str, Any]) -> str:
    """Active, disabled, or locked until when (a lock ends by itself, or on a new password)."""
    if user.get("disabled"):
        return QCoreApplication.translate("UsersPage", "disabled")
    if user.get("locked_until"):
        return QCoreApplication.translate("UsersPage", "locked until {when}").format(
            when=local_time(user["locked_until"])
        )
    return QCoreApplication.translate("UsersPage", "active")


class UserDialog(QDialog):
    """Add a user (username and password too) or edit one (display name, role, area, badge)."""

    def __init__(
        self,
        areas: Sequence[str],
        user: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.adding = user is None
        self.user = dict(user or {})
        self.setWindowTitle(self.tr("Add a user") if self.adding else self.tr("Edit a user"))
        self.username = QLineEdit(text((user or {}).get("username")))
        self.username.setReadOnly(not self.adding)
        self.display_name = QLineEdit(text((user or {}).get("display_name")))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value)
        self.role.setCurrentText(text((user or {}).get("role")) or Role.DISPATCHER.value)
        self.area = QComboBox()
        self.area.addItem(self.tr("(no area)"), "")
        for name in areas:
            self.area.addItem(name, name)
        current_area = (user or {}).get("area")
        if current_area:
            index = self.area.findData(current_area)
            if index < 0:  # named by the user, not (any longer) in the list
                self.area.addItem(current_area, current_area)
                index = self.area.count() - 1
            self.area.setCurrentIndex(index)
        self.badge = QLineEdit(text((user or {}).get("badge")))
        self.badge.setPlaceholderText(self.tr("Scan the badge here, or leave empty"))
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Name"), self.display_name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&Area"), self.area)
        form.addRow(self.tr("&Badge"), self.badge)
        self.password = PasswordFields(form)
        if not self.adding:
            self.password.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        buttons = dialog_buttons(
            QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        guard_enter(self)  # a badge scan ends with Enter: it must not press OK

    def _check(self) -> None:
        problem = ""
        if self.adding:
            if not self.username.text().strip():
                problem = self.tr("Type a username.")
            else:
                problem = self.password.problem()
        if problem:
            self.error.setText(problem)
        else:
            self.accept()

    def values(self) -> dict[str, Any]:
        """The JSON body: every field for a new user; for an edit, only what changed (the
        server refuses some changes, such as one's own role, even to the same value)."""
        body: dict[str, Any] = {
            "display_name": self.display_name.text().strip(),
            "role": self.role.currentText(),
            "area": self.area.currentData(),
            "badge": self.badge.text().strip() or None,  # null clears it
        }
        if self.adding:
            return {
                **body,
                "username": self.username.text().strip(),
                "password": self.password.value(),
            }
        was = {key: self.user.get(key) or (None if key == "badge" else "") for key in body}
        return {key: value for key, value in body.items() if value != was[key]}


class PasswordFields:
    """A password typed twice, with the server's rule stated (the server enforces it)."""

    def __init__(self, form: QFormLayout) -> None:
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.rule = QLabel(QCoreApplication.translate("UsersPage", "At least 8 characters."))
        self._rows = (
            (QLabel(QCoreApplication.translate("UsersPage", "&Password")), self.first),
            (QLabel(QCoreApplication.translate("UsersPage", "Password &again")), self.again),
        )
        for label, field in self._rows:
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.rule)

    def hide(self) -> None:
        for label, field in self._rows:
            label.hide()
            field.hide()
        self.rule.hide()

    def problem(self) -> str:
        if not self.first.text():
            return QCoreApplication.translate("UsersPage", "Type the password.")
        if self.first.text() != self.again.text():
            return QCoreApplication.translate("UsersPage", "The two passwords differ.")
        return ""

    def value(self) -> str:
        return self.first.text()


class PasswordDialog(QDialog):
    """A new password for one user (typed twice); a locked user is unlocked by it."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New password for {name}").format(name=username))
        form = QFormLayout()
        self.password = PasswordFields(form)
        self.error = QLabel()
        buttons = dialog_buttons(
            QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        guard_enter(self)

    def _check(self) -> None:
        problem = self.password.problem()
        if problem:
            self.error.setText(problem)
        else:
            self.accept()


class UsersPage(AdminPage):
    """The site's users; Add, Edit, Disable/Enable, Reset password."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users: list[dict[str, Any]] = []
        self.areas: list[str] = []
        self.table = make_table(
            [
                self.tr("Username"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Area"),
                self.tr("Badge"),
                self.tr("State"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.on_edit_clicked)
        self.add_button = QPushButton(self.tr("&Add user"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.password_button = QPushButton(self.tr("Reset &password"))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.disable_button.clicked.connect(self.on_disable_clicked)
        self.password_button.clicked.connect(self.on_password_clicked)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.disable_button,
            self.password_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def reload(self) -> None:
        self.ask("users", "GET", USERS)
        self.ask("areas", "GET", AREAS)

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.disable_button, self.password_button):
            button.setEnabled(user is not None)
        disabled = bool(user and user.get("disabled"))
        self.disable_button.setText(self.tr("&Enable") if disabled else self.tr("&Disable"))

    def show_answer(self, request: AdminRequest, answer: AdminAnswer) -> None:
        if not answer.ok:
            return
        if request.purpose == "users":
            self.users = [u for u in answer.field("users") or [] if isinstance(u, dict)]
            fill_table(
                self.table,
                [
                    [
                        text(u.get("username")),
                        text(u.get("display_name")),
                        status_word(text(u.get("role"))),
                        text(u.get("area")),
                        text(u.get("badge")),
                        state_text(u),
                    ]
                    for u in self.users
                ],
            )
            self._update_buttons()
        elif request.purpose == "areas":
            self.areas = [text(a.get("name")) for a in answer.field("areas") or []]
        else:  # a change: say what was done, show the list as it is now
            name = text(answer.field("username"))
            done = {
                "add": self.tr("User {name} added."),
                "edit": self.tr("User {name} saved."),
                "disable": self.tr("User {name} disabled."),
                "enable": self.tr("User {name} enabled."),
                "password": self.tr("New password set for {name}."),
            }
            self.message.emit("info", done.get(request.purpose, "{name}").format(name=name))
            self.ask("users", "GET", USERS)

    def on_add_clicked(self) -> None:
        dialog = UserDialog(self.areas, None, self)
        dialog.accepted.connect(lambda: self.ask("add", "POST", USERS, dialog.values()))
        self.open_dialog(dialog)

    def on_edit_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserDialog(self.areas, user, self)
        path = f"{USERS}/{segment(text(user.get('username')))}"
        dialog.accepted.connect(lambda: self.ask("edit", "PATCH", path, dialog.values()))
        self.open_dialog(dialog)

    def on_disable_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        name = text(user.get("username"))
        path = f"{USERS}/{segment(name)}"
        if user.get("disabled"):
            self.ask("enable", "PATCH", path, {"disabled": False})
            return
        self.confirm(
            self.tr("Disable {name}? They can no longer log in anywhere.").format(name=name),
            self.tr("Disable {name}").format(name=name),
            lambda: self.ask("disable", "PATCH", path, {"disabled": True}),
        )

    def on_password_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        name = text(user.get("username"))
        dialog = PasswordDialog(name, self)
        path = f"{USERS}/{segment(name)}/password"
        dialog.accepted.connect(
            lambda: self.ask("password", "POST", path, {"password": dialog.password.value()})
        )
        self.open_dialog(dialog)
