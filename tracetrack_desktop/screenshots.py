"""Walk every station screen: render each to PNG, or check that its texts fit.

``python -m tracetrack_desktop.screenshots DIR [LANGUAGE...]`` (``en``, ``hi``; both by
default) saves ``DIR/LANGUAGE/1366x768/NAME.png`` and ``.../1920x1080/NAME.png``.
:func:`walk` hands each screen to a :class:`Camera`; ``tests/desktop/test_ui_fit.py`` walks
the same screens with one that checks every text reads whole (``ui/fit.py``).

The window is driven through its real slots on the real station (the workflow and its SQLite
store, in a temporary folder), so the pictures show what an operator sees. The Admin screen talks
to a real ``tracetrack-server`` started here on 127.0.0.1 with its own SQLite file in the same
temporary folder, filled through its command line, and stopped at the end whatever happens.
Run it with ``QT_QPA_PLATFORM=offscreen`` (``make screenshots`` does).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from tracetrack_core.events import CorrectionReason, EventType
from tracetrack_desktop.pyside_fix import install_emit_refcount_fix
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect
from tracetrack_desktop.storage.db import default_data_dir
from tracetrack_desktop.token_store import SETUP_TOKEN_FILE, TokenPlace
from tracetrack_desktop.ui.admin.stations_page import EnrollmentCodeDialog, NewStationDialog
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.conflicts_dialog import ConflictsDialog
from tracetrack_desktop.ui.correction_dialog import CorrectionDialog
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.first_run import FirstRunWizard
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.main_window import MainWindow
from tracetrack_desktop.ui.settings_model import SettingsValues, validate
from tracetrack_desktop.ui.theme import apply_theme
from tracetrack_desktop.ui.views import (
    ConflictRow,
    DashboardData,
    DayRange,
    DayRow,
    StationHealth,
    Stock,
    ThroughputRow,
)
from tracetrack_desktop.ui.workflow_station import WorkflowStation, open_station

ADMIN_PASSWORD = "screenshots-only"  # noqa: S105 - the throwaway server's admin, gone after
ANSWER_SECONDS = 20.0
"""The longest the Admin screen waits for the local server before the run fails, saying so."""

SITE_STATIONS = (("Lucknow-1", "Lucknow"), ("Lucknow-2", "Lucknow"), ("Indore-1", "Indore"))
SITE_USERS = (
    # username, role, area, display name, badge; meena is the station's admin (see render)
    ("meena", "admin", "Lucknow", "Meena Sharma", ""),
    ("ravi", "biller", "Lucknow", "Ravi Kumar", "BDG-0142"),
    ("farida", "supervisor", "Lucknow", "Farida Khan", "BDG-0117"),
    ("arjun", "dispatcher", "Indore", "Arjun Patel", "BDG-0203"),
    ("sunil", "dispatcher", "Indore", "Sunil Verma", "BDG-0219"),
    ("priya", "biller", "Kanpur", "Priya Singh", ""),
)
DISABLED_USER = "sunil"
EMPTY_AREA = "Varanasi"
SAMPLE_CODES = ("SB00042", "M444-00017", "LABEL NO.0420005 LOT NO.:STAR44GG", "BILL-2025-001", "#X")
"""Codes tried on the code rules page: a parent of each series, a label, a bill, one unknown."""


def _server_command() -> str:
    """This environment's ``tracetrack-server`` console script (beside the interpreter)."""
    beside = Path(sys.executable).with_name("tracetrack-server")
    return str(beside) if beside.exists() else shutil.which("tracetrack-server") or str(beside)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Server:
    """A throwaway sync server on 127.0.0.1: its SQLite file and its log in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.command = _server_command()
        self.folder = folder
        self.env = {**os.environ, "TRACETRACK_DATABASE_URL": f"sqlite:///{folder / 'server.db'}"}
        self.log = folder / "server.log"
        self.url = f"http://127.0.0.1:{_free_port()}"
        self.process: subprocess.Popen[bytes] | None = None
        self.filled: Future[None] | None = None

    def cli(self, *args: str, stdin: str | None = None) -> None:
        """Run one ``tracetrack-server`` command on this server's database."""
        done = subprocess.run(  # noqa: S603 - our own console script, arguments of our own
            [self.command, *args],
            input=stdin,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,  # its stderr says why: raised below
        )
        if done.returncode != 0:
            raise RuntimeError(f"tracetrack-server {' '.join(args)}: {done.stderr.strip()}")

    def start(self) -> None:
        """Create the schema and start serving (one worker: it is for one window)."""
        self.cli("db", "upgrade")
        port = self.url.rsplit(":", 1)[1]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - as above
                [self.command, "serve", "--host", "127.0.0.1", "--port", port, "--workers", "1"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def fill(self) -> None:
        """A plausible site: stations in two areas, an area nobody uses yet, a user of each
        role (one disabled). Each command is audited, so the audit log has entries too."""
        for name, area in SITE_STATIONS:
            self.cli("station", "add", name, "--area", area, "--json")
        self.cli("area", "add", EMPTY_AREA, "--json")
        for username, role, area, display_name, badge in SITE_USERS:
            password = ADMIN_PASSWORD if role == "admin" else f"{username}-first-day"
            extra = ("--badge", badge) if badge else ()
            self.cli(
                *("user", "add", username, "--role", role, "--area", area),
                *("--display-name", display_name, *extra, "--password-stdin", "--json"),
                stdin=password + "\n",
            )
        self.cli("user", "disable", DISABLED_USER, "--json")

    def ready(self) -> None:
        """Filled, and answering: a fill that failed, or a server that stopped or never
        answers ``/readyz``, is an error."""
        if self.filled is not None:
            self.filled.result()
        self._wait_ready()

    def _wait_ready(self, seconds: float = ANSWER_SECONDS) -> None:
        assert self.process is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tracetrack-server stopped: {self._log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as answer:  # noqa: S310 - our http://127.0.0.1 URL
                    if answer.status == 200:
                        return
            except OSError:
                pass  # not listening yet
            time.sleep(0.1)
        raise RuntimeError(f"tracetrack-server not ready at {self.url} after {seconds:.0f} s")

    def _log_tail(self) -> str:
        lines = self.log.read_text(errors="replace").strip().splitlines()
        return "\n".join(lines[-5:])

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def _running_server(folder: Path) -> Iterator[_Server]:
    """A server being filled (:meth:`_Server.fill`) while the station's screens are drawn;
    :meth:`_Server.ready` waits for both. Stopped on the way out whatever happened."""
    server = _Server(folder)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="server-fill") as pool:
        try:
            server.start()
            server.filled = pool.submit(server.fill)
            yield server
        finally:
            server.stop()


class _Scanner(QObject):
    scan_read = Signal(object)
    scanner_state_changed = Signal(str, str, str)

    def read(self, text: str) -> None:
        self.scan_read.emit(ScanRecord(text, ScanSource.SERIAL, "/dev/ttyACM0", datetime.now(UTC)))

    def wedge(self, text: str, gaps: tuple[float, ...], suspect: str = "") -> None:
        """A keyboard-wedge read with its key gaps (and, for a refused one, why)."""
        self.scan_read.emit(_wedge_record(text, gaps, suspect))


def _wedge_record(text: str, gaps: tuple[float, ...], suspect: str = "") -> ScanRecord:
    return ScanRecord(
        text,
        ScanSource.WEDGE,
        "keyboard",
        datetime.now(UTC),
        char_intervals_ms=gaps,
        duration_ms=sum(gaps),
        suspect=suspect,
        terminator="Enter",
    )


def _server_dashboard(now: datetime) -> DashboardData:
    """A plausible mid-morning across three stations and four operators."""
    start = now.astimezone().replace(minute=0, second=0, microsecond=0) - timedelta(hours=5)
    stations = ("Lucknow-1", "Lucknow-2", "Indore-1")
    operators = ("ravi", "meena", "arjun", "farida")
    by_station, by_operator = [], []
    for hour in range(6):
        bucket = (start + timedelta(hours=hour)).isoformat()
        for index, name in enumerate(stations):
            linked = 180 + 40 * index + 25 * hour - 9 * (hour % 2)
            by_station.append(ThroughputRow(bucket, name, linked, linked // 30))
        for index, name in enumerate(operators):
            linked = 120 + 30 * index + 10 * hour
            by_operator.append(ThroughputRow(bucket, name, linked, linked // 30))
    total = sum(r.children_linked for r in by_station)
    return DashboardData(
        source="server",
        fetched_at=now,
        summary={
            "children_linked": total,
            "parents_completed": total // 30,
            "parent_scans": total // 30 + 7,
            "bills_created": 12,
            "bills_completed": 5,
            "duplicates": 41,
            "conflicts": 2,
            "stations_active": 3,
        },
        by_station=tuple(by_station),
        by_operator=tuple(by_operator),
        bills_by_status={"new": 3, "processing": 4, "completed": 5},
        stations=(
            StationHealth("Lucknow-1", (now - timedelta(seconds=4)).isoformat(), 18234, 0, "1 s"),
            StationHealth("Lucknow-2", (now - timedelta(seconds=9)).isoformat(), 15022, 3, "2 s"),
            StationHealth(
                "Indore-1", (now - timedelta(minutes=14)).isoformat(), 9876, 412, "840 s"
            ),
        ),
    )


def _week_dashboard(now: datetime) -> DashboardData:
    """The same site over its last seven days: a day per bar, and what it holds now."""
    today = now.astimezone().date()
    span = DayRange(today - timedelta(days=6), today)  # the last seven days
    days = [span.first + timedelta(days=n) for n in range((span.last - span.first).days + 1)]
    daily = tuple(
        DayRow(day, 3100 + 370 * (n % 3), (3100 + 370 * (n % 3)) // 30)
        for n, day in enumerate(days)
    )
    base = _server_dashboard(now)
    stations = sorted({row.key for row in base.by_station})
    by_station = tuple(
        ThroughputRow(
            datetime.combine(day, datetime.min.time()).astimezone().isoformat(),
            name,
            row.children_linked // len(stations) + 90 * index,
            row.parents_completed // len(stations),
        )
        for row in daily
        for day in (row.day,)
        for index, name in enumerate(stations)
    )
    total = sum(row.children_linked for row in daily)
    summary = {
        **base.summary,
        "children_linked": total,
        "parents_completed": total // 30,
        "parent_scans": total // 30 + 40,
        "bills_created": 61,
        "bills_completed": 48,
        "corrections": 9,
    }
    return DashboardData(
        source="server",
        fetched_at=now,
        summary=summary,
        by_station=by_station,
        by_operator=base.by_operator,
        bills_by_status={"new": 4, "processing": 9, "completed": 48},
        stations=base.stations,
        span=span,
        daily=daily,
        stock=Stock(
            parents_open=37,
            parents_completed=212,
            parents_billed=1430,
            children_in_open_parents=611,
        ),
    )


SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080))
"""The screens a station is drawn for: a small laptop's, and a full-HD monitor's."""

TITLE_BAR = 30


class Camera:
    """Where each screen of the walk goes, at each of ``sizes``: :class:`PngCamera` saves it,
    the fit test (``tests/desktop/test_ui_fit.py``) checks that its texts read whole."""

    def __init__(self, sizes: tuple[tuple[int, int], ...] = SIZES) -> None:
        self.sizes = sizes

    def shot(
        self, name: str, window: QWidget, dialog: QWidget | None = None, *, resize: bool = True
    ) -> list[Path]:
        """``window`` (with ``dialog`` over it) at each size, then back at the first; a
        window of its own size (the wizard: ``resize=False``) stays as it is."""
        taken: list[Path] = []
        for size in self.sizes:
            if resize:
                window.resize(*size)
            _settle()
            taken += self.take(name, size, window, dialog)
        if resize:
            window.resize(*self.sizes[0])
        return taken

    def take(
        self, name: str, size: tuple[int, int], window: QWidget, dialog: QWidget | None
    ) -> list[Path]:
        """One screen at one size (the window is at that size and drawn)."""
        raise NotImplementedError


class PngCamera(Camera):
    """Saves each screen as ``folder/WxH/name.png``."""

    def __init__(self, folder: Path, sizes: tuple[tuple[int, int], ...] = SIZES) -> None:
        super().__init__(sizes)
        self.folder = folder

    def take(
        self, name: str, size: tuple[int, int], window: QWidget, dialog: QWidget | None
    ) -> list[Path]:
        folder = self.folder / f"{size[0]}x{size[1]}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        shot = window.grab() if dialog is None else _framed_over(window, dialog)
        shot.save(str(path), "PNG")
        return [path]


def _settle() -> None:
    """Let the window draw what it was just given; a running event loop would also delete
    what it replaced (an old chart axis), which processEvents alone leaves for later."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _framed_over(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with ``dialog`` over its middle, framed and titled as a window manager would
    (offscreen there is none, and a dialog's grab has neither)."""
    shot = window.grab()
    over = dialog.grab()
    framed = QPixmap(over.width() + 2, over.height() + TITLE_BAR + 1)
    framed.fill(QColor("#475569"))
    painter = QPainter(framed)
    painter.setPen(QColor("white"))
    painter.drawText(
        framed.rect().adjusted(10, 0, -10, -(over.height() + 1)),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
        dialog.windowTitle(),
    )
    painter.drawPixmap(1, TITLE_BAR, over)
    painter.end()
    painter = QPainter(shot)
    corner = QPoint(
        max(0, (shot.width() - framed.width()) // 2), max(0, (shot.height() - framed.height()) // 2)
    )
    painter.drawPixmap(corner, framed)
    painter.end()
    return shot


def _wait_for(ready: Callable[[], bool], what: str, window: MainWindow) -> None:
    """Run the window's events until ``ready()``: the Admin screen's calls answer on them."""
    deadline = time.monotonic() + ANSWER_SECONDS
    while not ready():
        if time.monotonic() > deadline:
            shown = window.admin_tab.message.text()
            raise RuntimeError(
                f"The local server did not answer within {ANSWER_SECONDS:.0f} s ({what})"
                + (f": {shown}" if shown else ".")
            )
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _accept(dialog: QDialog) -> None:
    """Press the dialog's OK as the operator would (Enter does not: a scanner's would)."""
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
    if button is None or not button.isEnabled():
        raise RuntimeError(f"{dialog.windowTitle()}: OK cannot be pressed")
    button.click()


def walk(camera: Camera) -> list[Path]:
    """Drive a fresh station through a morning and hand each screen to ``camera``: the
    first-run wizard's pages, then the window's (the tabs, their dialogs, the Admin pages)."""
    paths = _walk_wizard(camera)
    with tempfile.TemporaryDirectory(prefix="tracetrack-screenshots-") as data:
        station = open_station(Path(data), {"meena": ("pw", "admin")}, PasswordHasher().hash)
        try:
            with _running_server(Path(data)) as server:
                return paths + _render(station, server, camera)
        finally:
            station.store.close()


def _render(station: WorkflowStation, server: _Server, camera: Camera) -> list[Path]:
    scanner = _Scanner()
    app = StationApp(
        station,
        sounds=SilentPlayer(),
        scan_inputs=[scanner],
        settings=SettingsValues(server_url="https://tracetrack.example.com"),
        list_ports=lambda: [
            ("/dev/ttyACM0", "Honeywell Xenon 1900 (USB CDC)"),
            ("/dev/ttyUSB0", "FTDI FT232R USB UART"),
        ],
    )
    window = app.window
    window.resize(*camera.sizes[0])
    app.start()
    scanner.read("BDG-9999")  # a badge nobody has: the login page says so
    paths = camera.shot("login", window)
    app.on_login_requested("meena", "pw")
    scanner.scanner_state_changed.emit("/dev/ttyACM0", "connected", "9600 baud")
    window.connection.set_state(
        online=True, last_sync=datetime.now(UTC) - timedelta(seconds=3), error=None
    )
    for parent, count in (("SB00041", 30), ("M444-00017", 12), ("SB00042", 17)):
        scanner.read(parent)
        for n in range(count):
            scanner.read(f"LABEL NO.{parent[-3:]}{n:04d} LOT NO.:STAR44GG D.O.T.:30/09/2025")
        if parent == "M444-00017":
            scanner.read("CMD-FINISH")
            scanner.read("CMD-CONFIRM")
    window.pending.set_pending(4, datetime.now(UTC) - timedelta(seconds=40))
    window.overlay.stop()
    paths += camera.shot("scan", window)
    window.scan_tab.entry.setText("0016")  # a person half way through typing a label
    paths += camera.shot("scan_typing", window)
    window.scan_tab.entry.clear()

    scanner.read("LABEL NO.0410003 LOT NO.:STAR44GG")  # already in SB00041: names the parent
    window.conflicts.set_count(2)
    window.overlay.stop()
    paths += camera.shot("scan_error", window)

    scanner.wedge("0420017004201", (3.0,) * 12, Suspect.TWO_READS)  # a lost Enter: refused
    window.overlay.stop()
    paths += camera.shot("scan_refused", window)

    scanner.read("SB00043")  # another parent while SB00042 is open: the longest message
    window.overlay.stop()
    paths += camera.shot("scan_switch_parent", window)
    scanner.read("SB00042")  # back to it
    scanner.read("CMD-FINISH")  # 17 of 30: asked first, in the bar
    window.overlay.stop()
    paths += camera.shot("scan_finish_early", window)
    scanner.read("CMD-CANCEL")
    conflicts = ConflictsDialog(_conflict_rows(), window)
    conflicts.show()
    paths += camera.shot("scan_conflicts", window, conflicts)
    conflicts.reject()
    conflicts.deleteLater()
    window.overlay.stop()

    window.show_tab("bills")
    app.on_bill_create_requested("BILL-2025-001", 4, "Indore C&F", "MP09 HX 4471")
    for parent in ("SB00041", "M444-00017"):  # M444-00017 holds 12 of 30: asked about first
        scanner.read(parent)
    window.overlay.stop()
    paths += camera.shot("bills", window)
    paths += _render_bill_changes(app, camera)

    window.show_tab("lookup")
    scanner.read("LABEL NO.0420005 LOT NO.:STAR44GG")
    paths += camera.shot("lookup", window)  # with the corrections an admin may make
    paths += _render_corrections(app, scanner, camera)

    window.show_tab("dashboard")
    window.dashboard_tab.show_data(_server_dashboard(datetime.now(UTC)))
    paths += camera.shot("dashboard", window)
    week = _week_dashboard(datetime.now(UTC))
    assert week.span is not None
    picker = window.dashboard_tab
    for widget in (picker.range_combo, picker.from_edit, picker.to_edit):
        widget.blockSignals(True)  # the picture's figures are drawn here, not fetched
    picker.set_span(week.span)
    picker.from_edit.setVisible(True)
    picker.to_edit.setVisible(True)
    for widget in (picker.range_combo, picker.from_edit, picker.to_edit):
        widget.blockSignals(False)
    picker.show_data(week)
    paths += camera.shot("dashboard_week", window)

    app.on_settings_requested()
    dialog = app.settings_dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(1)
    paths += camera.shot("settings", dialog)
    dialog.tabs.setCurrentWidget(dialog.test_panel)
    for gaps in ((14.0, 52.0, 9.0, 61.0, 33.0, 18.0), (22.0, 47.0, 12.0, 58.0, 30.0, 25.0)) * 2:
        dialog.test_panel.show_record(_wedge_record("0016586", gaps))
    paths += camera.shot("settings_scanner_test", dialog)
    dialog.server_url.setText("tracetrack.local")
    dialog.tabs.setCurrentIndex(0)
    dialog.show_errors(validate(dialog.values()))
    paths += camera.shot("settings_error", dialog)
    dialog.server_url.setText("http://10.0.0.5:8000")  # plain http to another machine
    dialog.allow_plain_http.setChecked(True)
    dialog.show_errors(validate(dialog.values()))
    paths += camera.shot("settings_plain_http", dialog)
    dialog.reject()
    window.show_tab("scan")
    window.connection.set_server("http://10.0.0.5:8000")  # what the opt-in looks like after
    paths += camera.shot("scan_plain_http", window)
    window.connection.set_server("https://tracetrack.example.com")

    qt_app = QApplication.instance()
    if isinstance(qt_app, QApplication):
        apply_theme(qt_app, high_contrast=True)
        window.show_tab("scan")
        paths += camera.shot("scan_high_contrast", window)
        apply_theme(qt_app)
        window.resize(*camera.sizes[0])  # the bigger type widened the window; not the screen
    paths += _render_kiosk(app, camera)
    paths += _render_admin(app, server, camera)
    window.overlay.stop()
    app.stop()
    window.close()
    return paths


def _render_kiosk(app: StationApp, camera: Camera) -> list[Path]:
    """A kiosk station after its operator logged out: closing it is refused, and it says so."""
    window = app.window
    window.set_presentation("kiosk")
    app.on_logout_requested()
    window.close()  # nobody is logged in: only an admin closes a kiosk
    window.overlay.stop()
    paths = camera.shot("kiosk_close_refused", window)
    window.set_presentation("normal")
    app.on_login_requested("meena", "pw")
    return paths


def _conflict_rows() -> list[ConflictRow]:
    """Scans another station won, as the conflicts dialog lists them."""
    at = (datetime.now(UTC) - timedelta(minutes=12)).isoformat()
    return [
        ConflictRow(at, "child_link", "0420011", "child_in_other_parent", "SB00040"),
        ConflictRow(at, "bill_add", "SB00041", "parent_on_other_bill", "BILL-2025-000"),
        ConflictRow(at, "parent_finish", "SB00039", "already_completed", ""),
    ]


def _walk_wizard(camera: Camera) -> list[Path]:
    """Each page of the first-run wizard, as a new station shows it (before any window): where
    no keyring works (as here) the enrollment page offers the protected file the window would."""
    wizard = FirstRunWizard(place=TokenPlace(None, default_data_dir() / SETUP_TOKEN_FILE))
    wizard.show()
    paths: list[Path] = []
    pages = (
        ("wizard_server", wizard.PAGE_SERVER),
        ("wizard_enroll", wizard.PAGE_ENROLL),
        ("wizard_scanner", wizard.PAGE_SCANNER),
        ("wizard_operator", wizard.PAGE_OPERATOR),
    )
    wizard.server_page.url.setText("https://tracetrack.example.com")
    for name, page in pages:
        wizard.setStartId(page)
        wizard.restart()
        wizard.adjustSize()  # Next grows the wizard to a taller page; restart does not
        paths += camera.shot(name, wizard, resize=False)
    wizard.close()
    wizard.deleteLater()
    _settle()
    return paths


def _render_bill_changes(app: StationApp, camera: Camera) -> list[Path]:
    """The open bill's edit dialog, and the question before completing it part-loaded."""
    window, tab, bills = app.window, app.window.bills_tab, app.bills
    tab.confirm_button.click()  # yes: M444-00017 goes on part-full
    window.overlay.stop()
    tab.edit_button.click()
    assert bills.dialog is not None
    bills.dialog.destination.setText("Indore C&F, Sanwer Road")
    paths = camera.shot("bills_edit", window, bills.dialog)
    bills.dialog.reject()
    tab.complete_button.click()  # 2 of 4 parents: asked first (opened, never executed)
    assert bills.question is not None
    paths += camera.shot("bills_complete_early", window, bills.question)
    bills.question.reject()
    window.overlay.stop()
    return paths


def _correct(
    app: StationApp, correction: EventType, reason: CorrectionReason, note: str = ""
) -> CorrectionDialog:
    """Press a correction button of the bag the lookup tab shows; say why."""
    app.window.lookup_tab.correction_buttons[correction].click()
    dialog = app.corrections.dialog
    assert dialog is not None, f"{correction} is not offered"
    dialog.reason.setCurrentIndex(dialog.reason.findData(reason.value))
    dialog.note.setText(note)
    return dialog


def _render_corrections(app: StationApp, scanner: _Scanner, camera: Camera) -> list[Path]:
    """A child moved to another parent (the dialog), and a voided child's lookup."""
    window = app.window
    app.on_lookup_requested("M444-00017")  # reopened first, so there is a parent to move into
    _accept(_correct(app, EventType.PARENT_REOPEN, CorrectionReason.OTHER, "more of its lot found"))
    app.on_lookup_requested("LABEL NO.0420005 LOT NO.:STAR44GG")
    dialog = _correct(app, EventType.CHILD_MOVE, CorrectionReason.WRONG_PARENT)
    scanner.read("M444-00017")  # a serial scanner's read fills the dialog's parent field
    window.overlay.stop()
    paths = camera.shot("lookup_correction_move", window, dialog)
    _accept(dialog)
    app.on_lookup_requested("LABEL NO.0420006 LOT NO.:STAR44GG")
    _accept(_correct(app, EventType.BAG_VOID, CorrectionReason.DAMAGED, "label torn at the seam"))
    window.overlay.stop()
    paths += camera.shot("lookup_voided", window)
    return paths


def _render_admin(app: StationApp, server: _Server, camera: Camera) -> list[Path]:
    """Each Admin page as the station's admin sees it, signed in to the real server."""
    window, tab = app.window, app.window.admin_tab
    server.ready()
    app.admin.use_server(server.url)  # the station has a server now: the Admin tab shows
    app.on_logout_requested()  # from the next login
    app.on_login_requested("meena", "pw")
    window.show_tab("admin")
    tab.sign_in.password.setText(ADMIN_PASSWORD)
    tab.sign_in.button.click()
    _wait_for(tab.signed_in, "signing in", window)
    _wait_for(lambda: tab.users.table.rowCount() == len(SITE_USERS), "the users", window)
    usernames = [user.get("username") for user in tab.users.users]
    tab.users.table.selectRow(usernames.index(DISABLED_USER))  # its button says Enable
    paths = camera.shot("admin_users", window)

    stations = tab.stations
    tab.page_tabs.setCurrentWidget(stations)
    _wait_for(lambda: len(stations.areas) > 0, "the areas", window)
    stations.new_button.click()
    assert isinstance(stations.dialog, NewStationDialog)
    stations.dialog.name.setText("Lucknow-3")
    stations.dialog.area.setCurrentIndex(stations.dialog.area.findData("Lucknow"))
    _accept(stations.dialog)
    _wait_for(lambda: isinstance(stations.dialog, EnrollmentCodeDialog), "a new station", window)
    _wait_for(lambda: stations.table.rowCount() == len(SITE_STATIONS) + 1, "stations", window)
    assert stations.dialog is not None
    paths += camera.shot("admin_stations", window, stations.dialog)
    stations.dialog.reject()

    tab.page_tabs.setCurrentWidget(tab.areas)
    _wait_for(lambda: tab.areas.table.rowCount() >= 4, "the areas", window)
    paths += camera.shot("admin_areas", window)

    rules = tab.rules
    tab.page_tabs.setCurrentWidget(rules)
    _wait_for(lambda: rules.series.rowCount() > 0, "the code rules", window)
    rules.samples.setPlainText("\n".join(SAMPLE_CODES))
    rules.try_button.click()
    _wait_for(lambda: rules.results.rowCount() == len(SAMPLE_CODES), "trying codes", window)
    paths += camera.shot("admin_rules", window)

    tab.page_tabs.setCurrentWidget(tab.audit)
    _wait_for(lambda: tab.audit.table.rowCount() > 0, "the audit log", window)
    paths += camera.shot("admin_audit", window)
    paths += _render_import(app, server, camera)
    app.admin.sign_out()
    return paths


def _import_sheet(folder: Path) -> Path:
    """A supplier's sheet of child -> parent links, with the mistakes real sheets carry."""
    rows = [("Bag No.", "Master Bag")]
    rows += [(f"{16600 + n:07d}", "SB00077") for n in range(1, 21)]
    rows += [(f"{16700 + n:07d}", "SB00078") for n in range(1, 32)]  # one more than fits
    rows += [("0016601", "SB00079"), ("12", "SB00079"), ("0016799", "")]
    path = folder / "supplier-links.csv"
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def _render_import(app: StationApp, server: _Server, camera: Camera) -> list[Path]:
    """The import dialog's answer to a dry run of a supplier's sheet (the admin is signed in)."""
    window = app.window
    window.show_tab("bills")
    app.imports.on_import_requested()
    dialog = app.imports.dialog
    assert dialog is not None
    dialog.path.setText(str(_import_sheet(server.folder)))
    dialog.check_button.click()
    _wait_for(lambda: bool(dialog.summary.text()) and not dialog.busy, "the dry run", window)
    paths = camera.shot("import_dry_run", window, dialog)
    dialog.reject()
    return paths


def main(argv: list[str] | None = None) -> int:
    """``DIR [LANGUAGE...]``: every screen in each language (default ``en hi``) at each of
    :data:`SIZES`, into ``DIR/LANGUAGE/WxH/``."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "build/screenshots")
    languages = args[1:] or ["en", "hi"]
    install_emit_refcount_fix()
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    apply_theme(qt_app)
    for language in languages:
        translator = install_translator(qt_app, language)
        try:
            for path in walk(PngCamera(folder / language)):
                print(path)  # noqa: T201 - the command's output is the list of files
        finally:
            if translator is not None:
                qt_app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
