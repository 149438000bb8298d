"""Station bundle: how big ``make bundle``'s folder is and how fast its window opens.

The bundle is ``dist/tracetrack-station/`` (``packaging/pyinstaller/tracetrack-station.spec``);
a full run builds it with ``make bundle`` when it is missing, a smoke run skips this benchmark
instead (a build takes minutes).

* *Size*: every file of the folder, as copied to a station PC; and the same folder as a
  ``.tar.gz`` (what is carried to forty PCs). Beside it: the Qt part of it (``PySide6/``), the
  floor of any bundle of this window.
* *Start-up to a shown window*: from ``Popen`` of the built executable to its "window shown"
  log line (``TRACETRACK_QUIT_AFTER=0``: the event loop runs with the window shown, then it
  quits), offscreen, on a data folder whose setup is done (the login page), with no Python on
  the ``PATH``. Median and maximum of several launches. Beside it: the same window started the
  same way from the project's venv (``tracetrack-station`` console script).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Context, Figure
from bench.footprint import MB
from tracetrack_desktop.storage.store import LocalStore

NAME = "Station bundle"
SECTION = NAME

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "tracetrack-station"
EXE = BUNDLE / "tracetrack-station"
VENV_EXE = Path(sys.executable).parent / "tracetrack-station"
SHOWN = "window shown"
"""What ``tracetrack_desktop/window.py`` logs once the window is up (TRACETRACK_QUIT_AFTER)."""
WAIT_S = 120.0


def build() -> float:
    """``make bundle``; seconds it took."""
    started = time.monotonic()
    subprocess.run(["make", "bundle"], cwd=ROOT, check=True)  # our own Makefile
    return time.monotonic() - started


def _setup_done(data_dir: Path) -> None:
    """A data folder past the guided setup: the window opens on its login page."""
    store = LocalStore(data_dir)
    try:
        store.set_meta("setup_done", datetime.now(UTC).isoformat())
    finally:
        store.close()


def seconds_to_window(exe: Path, work: Path) -> float:
    """Seconds from ``Popen`` to the "window shown" line; the process must then exit with 0."""
    home = work / "home"
    home.mkdir(parents=True)
    _setup_done(work / "data")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TRACETRACK_QUIT_AFTER": "0",
    }
    cmd = [str(exe), "--data-dir", str(work / "data"), "--config", str(work / "station.toml")]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watchdog = threading.Timer(WAIT_S, proc.kill)  # a window that never shows ends the run
    watchdog.start()
    shown: float | None = None
    tail: list[bytes] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if shown is None and SHOWN.encode() in line:
                shown = time.perf_counter()
            tail = [*tail[-20:], line]
        code = proc.wait()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if shown is None or code != 0:
        raise RuntimeError(f"{exe} exited with {code} (shown: {shown is not None}): {tail!r}")
    return shown - started


def startups(exe: Path, work: Path, runs: int) -> list[float]:
    """:func:`seconds_to_window` of ``runs`` launches, each in a fresh folder under ``work``."""
    return [seconds_to_window(exe, work / str(n)) for n in range(runs)]


def disk_bytes(folder: Path) -> tuple[int, int]:
    """Bytes and number of the files under ``folder``; a symbolic link (PyInstaller links Qt's
    libraries into ``_internal/``) counts as the link it is, not as its target again."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def tar_gz_bytes(folder: Path, work: Path) -> int:
    archive = work / "bundle.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    size = archive.stat().st_size
    archive.unlink()
    return size


def run(ctx: Context) -> list[Figure]:
    built = ""
    if not EXE.is_file():
        if ctx.smoke:
            print(f"   skipped: {EXE} is not built (make bundle) and a smoke run does not build it")
            return []
        built = f"; built by this run in {build():.0f} s"
    work = ctx.work_dir / "bundle"
    work.mkdir(parents=True, exist_ok=True)
    runs = ctx.scale(7, 2)
    when = datetime.fromtimestamp(EXE.stat().st_mtime, UTC).isoformat(timespec="minutes")

    total, files = disk_bytes(BUNDLE)
    qt, _ = disk_bytes(BUNDLE / "_internal" / "PySide6")
    load = os.getloadavg()[0]
    bundled = startups(EXE, work / "bundled", runs)
    venv = startups(VENV_EXE, work / "venv", runs) if VENV_EXE.exists() else []
    median_ms = statistics.median(bundled) * 1000
    venv_note = (
        f"the same window from the venv: median {statistics.median(venv) * 1000:.0f} ms"
        if venv
        else "no venv console script to compare"
    )
    figures = [
        Figure(
            SECTION,
            "bundle size on disk",
            total / MB,
            "MB",
            limit=f"its Qt part (PySide6/) {qt / MB:.0f} MB",
            note=f"{files:,} files in dist/tracetrack-station/ (built {when}{built})",
        ),
    ]
    if not ctx.smoke:
        packed = tar_gz_bytes(BUNDLE, work)
        figures.append(
            Figure(SECTION, "bundle as .tar.gz", packed / MB, "MB", note="tarfile, gzip level 9")
        )
    figures += [
        Figure(
            SECTION,
            "start-up to a shown window, median",
            median_ms,
            "ms",
            limit=venv_note,
            note=(
                f"{runs} launches: "
                + ", ".join(f"{s * 1000:.0f}" for s in bundled)
                + f" ms; offscreen, login page, PATH=/usr/bin:/bin; load average {load:.1f}"
            ),
        ),
        Figure(
            SECTION,
            "start-up to a shown window, max",
            max(bundled) * 1000,
            "ms",
            limit=f"venv max {max(venv) * 1000:.0f} ms" if venv else "",
        ),
    ]
    shutil.rmtree(work, ignore_errors=True)
    return figures
