"""The station's main window: the login page, or the tabs the operator's role may use.

The window only lays widgets out and exposes them; ``app.py`` connects them to the logic.
Keys: F9 undo, F10 finish (F10 again confirms), Esc cancels, Ctrl+L logs out, Ctrl+, settings,
Ctrl+1..5 switch tabs, Ctrl+Q closes the station (in kiosk mode only for an admin).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.feedback import FlashOverlay
from tracetrack_desktop.ui.login import LoginPage
from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.statusbar.conflicts import ConflictsWidget
from tracetrack_desktop.ui.statusbar.connection import ConnectionWidget
from tracetrack_desktop.ui.statusbar.operator import OperatorWidget
from tracetrack_desktop.ui.statusbar.pending import PendingWidget
from tracetrack_desktop.ui.statusbar.scanner_alarm import ScannerAlarm
from tracetrack_desktop.ui.statusbar.scanners import ScannersWidget
from tracetrack_desktop.ui.steady import SteadyBox
from tracetrack_desktop.ui.tabs.admin_tab import AdminTab
from tracetrack_desktop.ui.tabs.bills_tab import BillsTab
from tracetrack_desktop.ui.tabs.dashboard_tab import DashboardTab
from tracetrack_desktop.ui.tabs.lookup_tab import LookupTab
from tracetrack_desktop.ui.tabs.scan_tab import ScanTab
from tracetrack_desktop.ui.theme import named

ROLE_TABS: dict[str, tuple[str, ...]] = {
    "dispatcher": ("scan", "lookup"),
    "biller": ("bills", "lookup"),
    "supervisor": ("lookup", "dashboard"),
    "admin": ("scan", "bills", "lookup", "dashboard", "admin"),
}
"""Which tabs each role sees (docs/domain.md#roles); unknown roles get only the lookup."""

SERVER_TABS = frozenset({"admin"})
"""Tabs that only work with the server: hidden on a station that has none."""


class MainWindow(QMainWindow):
    """Login page or tabs, the status bar, the scanner alarm and the flash overlay.

    Signals:
        settings_requested: open the settings dialog.
        closing: the window is about to close (the app stops its threads).
        close_refused: a kiosk refused to close: nobody or a non-admin is logged in.
        workspace_shown(str, str): an operator (name, role) logged in.
        login_shown: the login page is back (the operator logged out).
    """

    settings_requested = Signal()
    closing = Signal()
    close_refused = Signal()
    workspace_shown = Signal(str, str)
    login_shown = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAnimated(False)  # no docks to animate; its animator ran on every relayout
        self.setWindowTitle(self.tr("TraceTrack Station"))
        self.login_page = LoginPage()
        self.scan_tab = ScanTab()
        self.bills_tab = BillsTab()
        self.lookup_tab = LookupTab()
        self.dashboard_tab = DashboardTab()
        self.admin_tab = AdminTab()
        self.server_available = False
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scanner_alarm = ScannerAlarm()
        work = QWidget()
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(4, 4, 4, 4)
        work_layout.addWidget(self.scanner_alarm)
        work_layout.addWidget(self.tabs, 1)
        self.message_line = named(QLabel(), "messageLine")
        self.message_line.setWordWrap(True)
        work_layout.addWidget(SteadyBox(self.message_line, "Ag\nAg"))  # changes every scan
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login_page)
        self.stack.addWidget(work)
        self.setCentralWidget(self.stack)
        self.overlay = FlashOverlay(self.stack)

        self.connection = ConnectionWidget()
        self.pending = PendingWidget()
        self.conflicts = ConflictsWidget()
        self.scanners = ScannersWidget()
        self.operator = OperatorWidget()
        bar = QStatusBar()
        bar.addWidget(self.connection)
        bar.addWidget(SteadyBox(self.pending, self.pending.widest_text(), expanding=False))
        bar.addWidget(self.conflicts)
        self.sound_off = named(QLabel(self.tr("sound off: no audio device")), "soundOff")
        self.sound_off.hide()
        bar.addPermanentWidget(self.sound_off)
        bar.addPermanentWidget(self.scanners)
        bar.addPermanentWidget(self.operator)
        self.setStatusBar(bar)

        self.undo_action = self._action(self.tr("Undo last link"), "F9")
        self.finish_action = self._action(self.tr("Finish parent"), "F10")
        self.cancel_action = self._action(self.tr("Cancel"), "Esc")
        self.logout_action = self._action(self.tr("Log out"), "Ctrl+L")
        self.settings_action = self._action(self.tr("Settings"), "Ctrl+,")
        self.settings_action.triggered.connect(self.settings_requested)
        self._tab_actions = [self._action(f"tab {i}", f"Ctrl+{i}") for i in range(1, 6)]
        for index, action in enumerate(self._tab_actions):
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
        self.role = ""
        self.presentation = "normal"
        self._may_close = False
        self.close_action = self._action(self.tr("Close the station"), "Ctrl+Q")
        self.close_action.triggered.connect(self.close)
        self.show_login()

    def _action(self, text: str, keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def tab_widgets(self) -> dict[str, QWidget]:
        return {
            "scan": self.scan_tab,
            "bills": self.bills_tab,
            "lookup": self.lookup_tab,
            "dashboard": self.dashboard_tab,
            "admin": self.admin_tab,
        }

    def tab_titles(self) -> dict[str, str]:
        return {
            "scan": self.tr("&Scan"),
            "bills": self.tr("&Bills"),
            "lookup": self.tr("&Lookup"),
            "dashboard": self.tr("&Dashboard"),
            "admin": self.tr("Ad&min"),
        }

    def visible_tabs(self) -> list[str]:
        names = {id(widget): name for name, widget in self.tab_widgets().items()}
        return [names[id(self.tabs.widget(i))] for i in range(self.tabs.count())]

    def current_tab(self) -> str:
        widget = self.tabs.currentWidget()
        for name, candidate in self.tab_widgets().items():
            if candidate is widget:
                return name
        return ""

    def show_tab(self, name: str) -> None:
        widget = self.tab_widgets()[name]
        index = self.tabs.indexOf(widget)
        if index >= 0:
            self.tabs.setCurrentIndex(index)

    def show_workspace(self, operator: str, role: str) -> None:
        """Show the tabs ``role`` may use, in a fixed order."""
        self.role = role
        self.tabs.clear()
        widgets, titles = self.tab_widgets(), self.tab_titles()
        for name in ROLE_TABS.get(role, ("lookup",)):
            if self.server_available or name not in SERVER_TABS:
                self.tabs.addTab(widgets[name], titles[name])
        self.operator.set_operator(operator, role)
        self.stack.setCurrentIndex(1)
        self.settings_action.setEnabled(role == "admin")
        self.activateWindow()
        self.focus_scan_line()
        self.workspace_shown.emit(operator, role)

    def set_mute_reason(self, reason: str) -> None:
        """Say in the status bar that the station makes no sound ("" hides it)."""
        self.sound_off.setVisible(bool(reason))

    def set_server_available(self, available: bool) -> None:
        """Whether the station has a server (the server's tabs show from the next login)."""
        self.server_available = available

    def show_login(self) -> None:
        self.role = ""
        self.tabs.clear()
        self.operator.set_operator("", "")
        self.stack.setCurrentIndex(0)
        self.settings_action.setEnabled(True)
        self.login_page.reset()
        self.login_shown.emit()

    def scan_lines(self) -> dict[str, ScanLine]:
        """Every scan line, by the screen it owns the keyboard on."""
        return {
            "login": self.login_page.username,
            "scan": self.scan_tab.entry,
            "bills": self.bills_tab.entry,
            "lookup": self.lookup_tab.entry,
        }

    def scan_line(self) -> ScanLine | None:
        """The field that owns the keyboard on the screen now showing (None: the dashboard)."""
        screen = self.current_tab() if self.logged_in() else "login"
        return self.scan_lines().get(screen)

    def focus_scan_line(self) -> None:
        """Give the keyboard back to the screen's scan line (after a click, a tab, a dialog)."""
        line = self.scan_line()
        if line is not None and line.isEnabled():
            line.setFocus(Qt.FocusReason.OtherFocusReason)

    def logged_in(self) -> bool:
        return self.stack.currentIndex() == 1

    def show_message(self, level: str, text: str) -> None:
        """Where the message bridge lands: a line under the tabs, coloured by level."""
        if self.message_line.property("level") != level:
            # a style sheet re-polishes the label: only when the level changes, not per scan
            colours = {"error": "#b91c1c", "warning": "#b45309"}
            self.message_line.setStyleSheet(f"color: {colours.get(level, 'palette(text)')};")
            self.message_line.setProperty("level", level)
        self.message_line.setText(text)

    def set_presentation(self, presentation: str) -> None:
        """How :meth:`present` shows the window: "normal" (its own size, for tests and
        tools), "maximized" (a station), or "kiosk" (full screen; only an admin closes it)."""
        self.presentation = presentation

    def present(self) -> None:
        screen = self.screen()
        if self.presentation != "normal" and screen is not None:
            # a bare X session (no window manager) ignores "maximised": fill the screen first
            self.setGeometry(screen.availableGeometry())
        if self.presentation == "kiosk":
            self.showFullScreen()
        elif self.presentation == "maximized":
            self.showMaximized()
        else:
            self.show()

    def close_now(self) -> None:
        """Close even in kiosk mode (the system is shutting down, or an admin asked)."""
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.presentation == "kiosk" and not self._may_close and self.role != "admin":
            event.ignore()  # a kiosk stays up: only an admin closes it
            self.close_refused.emit()
            return
        self.closing.emit()
        super().closeEvent(event)
