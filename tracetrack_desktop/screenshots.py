"""Render each station screen at 1366x768 to PNG.

``python -m tracetrack_desktop.screenshots DIR [LANGUAGE]`` (``en`` or ``hi``).

The window is driven through its real slots on the real station (the workflow and its SQLite
store, in a temporary folder; no server), so the pictures show what an operator sees. Run it with
``QT_QPA_PLATFORM=offscreen`` (``make screenshots`` does).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from tracetrack_desktop.pyside_fix import install_emit_refcount_fix
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect
from tracetrack_desktop.ui.app import StationApp
from tracetrack_desktop.ui.feedback import SilentPlayer
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.settings_model import SettingsValues, validate
from tracetrack_desktop.ui.theme import apply_theme
from tracetrack_desktop.ui.views import DashboardData, StationHealth, ThroughputRow
from tracetrack_desktop.ui.workflow_station import WorkflowStation, open_station

SIZE = (1366, 768)


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


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path), "PNG")
    return path


def render(folder: Path) -> list[Path]:
    """Drive a fresh station through a morning and save one PNG per screen."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tracetrack-screenshots-") as data:
        station = open_station(Path(data), {"meena": ("pw", "admin")}, PasswordHasher().hash)
        try:
            return _render(station, folder)
        finally:
            station.store.close()


def _render(station: WorkflowStation, folder: Path) -> list[Path]:
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
    window.resize(*SIZE)
    app.start()
    window.login_page.show_error(
        QCoreApplication.translate("StationApp", "This badge belongs to nobody. Log in by name.")
    )
    paths = [_save(window, folder, "login")]
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
    paths.append(_save(window, folder, "scan"))
    window.scan_tab.entry.setText("0016")  # a person half way through typing a label
    paths.append(_save(window, folder, "scan_typing"))
    window.scan_tab.entry.clear()

    scanner.read("LABEL NO.0410003 LOT NO.:STAR44GG")  # already in SB00041: names the parent
    window.conflicts.set_count(2)
    window.overlay.stop()
    paths.append(_save(window, folder, "scan_error"))

    scanner.wedge("0420017004201", (3.0,) * 12, Suspect.TWO_READS)  # a lost Enter: refused
    window.overlay.stop()
    paths.append(_save(window, folder, "scan_refused"))

    window.show_tab("bills")
    app.on_bill_create_requested("BILL-2025-001", 4, "Indore C&F", "MP09 HX 4471")
    for parent in ("SB00041", "M444-00017"):
        scanner.read(parent)
    window.overlay.stop()
    paths.append(_save(window, folder, "bills"))

    window.show_tab("lookup")
    scanner.read("LABEL NO.0420005 LOT NO.:STAR44GG")
    paths.append(_save(window, folder, "lookup"))

    window.show_tab("dashboard")
    window.dashboard_tab.show_data(_server_dashboard(datetime.now(UTC)))
    paths.append(_save(window, folder, "dashboard"))

    app.on_settings_requested()
    dialog = app.settings_dialog
    assert dialog is not None
    dialog.resize(*SIZE)
    dialog.tabs.setCurrentIndex(1)
    paths.append(_save(dialog, folder, "settings"))
    dialog.tabs.setCurrentWidget(dialog.test_panel)
    for gaps in ((14.0, 52.0, 9.0, 61.0, 33.0, 18.0), (22.0, 47.0, 12.0, 58.0, 30.0, 25.0)) * 2:
        dialog.test_panel.show_record(_wedge_record("0016586", gaps))
    paths.append(_save(dialog, folder, "settings_scanner_test"))
    dialog.server_url.setText("tracetrack.local")
    dialog.tabs.setCurrentIndex(0)
    dialog.show_errors(validate(dialog.values()))
    paths.append(_save(dialog, folder, "settings_error"))
    dialog.server_url.setText("http://10.0.0.5:8000")  # plain http to another machine
    dialog.allow_plain_http.setChecked(True)
    dialog.show_errors(validate(dialog.values()))
    paths.append(_save(dialog, folder, "settings_plain_http"))
    dialog.reject()
    window.show_tab("scan")
    window.connection.set_server("http://10.0.0.5:8000")  # what the opt-in looks like after
    paths.append(_save(window, folder, "scan_plain_http"))
    window.connection.set_server("https://tracetrack.example.com")

    qt_app = QApplication.instance()
    if isinstance(qt_app, QApplication):
        apply_theme(qt_app, high_contrast=True)
        window.show_tab("scan")
        paths.append(_save(window, folder, "scan_high_contrast"))
        apply_theme(qt_app)
    window.overlay.stop()
    app.stop()
    window.close()
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "build/screenshots")
    language = args[1] if len(args) > 1 else "en"
    install_emit_refcount_fix()
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    translator = install_translator(qt_app, language)
    apply_theme(qt_app)
    for path in render(folder):
        print(path)  # noqa: T201 - the command's output is the list of files
    del translator  # installed on the application, which keeps it
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
