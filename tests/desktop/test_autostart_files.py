"""The autostart files in packaging/ start the program this package installs, in kiosk mode."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

from tracetrack_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
AUTOSTART = ROOT / "packaging" / "autostart"


def _scripts() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return dict(project["project"]["scripts"])


def test_the_linux_autostart_entry_runs_the_installed_station_in_kiosk_mode() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(AUTOSTART / "tracetrack-station.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    program, *args = desktop["Exec"].split()
    assert program in _scripts()
    assert build_parser().parse_args(args).kiosk


def test_the_windows_autostart_value_runs_the_installed_exe_in_kiosk_mode() -> None:
    text = (AUTOSTART / "tracetrack-station-kiosk.reg").read_text(encoding="utf-8")
    assert text.startswith("Windows Registry Editor Version 5.00")
    assert r"[HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run]" in text
    installer = (ROOT / "packaging" / "windows" / "tracetrack-station.iss").read_text()
    assert "DefaultDirName={autopf}\\TraceTrack Station" in installer  # the path the value uses
    value = next(line for line in text.splitlines() if line.startswith('"TraceTrack Station"='))
    assert value.endswith(' --kiosk"')
    assert "tracetrack-station.exe" in value
