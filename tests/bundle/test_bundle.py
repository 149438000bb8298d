"""The station bundle (``make bundle``: ``dist/tracetrack-station/``) run from its built files.

Nothing here runs the project's Python: every station command is the bundle's own executable,
started with an environment that names no virtual environment (``PATH=/usr/bin:/bin``, no
``VIRTUAL_ENV``, ``PYTHONPATH`` or ``PYTHONHOME``, a home folder of its own). The server and the
admin commands are the project's as usual. The bundle enrolls with a real ``tracetrack-server
serve`` on a fresh PostgreSQL database, opens its window offscreen and quits by itself
(``TRACETRACK_QUIT_AFTER``, ``tracetrack_desktop/window.py``), then runs ``--headless`` on a
pseudo-terminal scanner; every confirmed scan reaches the server exactly once.

Skipped when the bundle has not been built, unless ``TRACETRACK_REQUIRE_BUNDLE=1`` (CI, after
``make bundle``): then a missing bundle fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.procs import Pty, ServerProcess, StationProcess, server_admin, wait_for

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="built and tested on Linux"),
]

BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "tracetrack-station"
EXE = BUNDLE / "tracetrack-station"
RUN_S = 120
OPERATOR = "ravi"


def bundle_env(home: Path, **extra: str) -> dict[str, str]:
    """What a packing-station PC without Python gives the station: no venv, no Python paths."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "",
    }
    env.update(extra)
    return env


@pytest.fixture
def bundle() -> Path:
    """The built executable; skip (or fail, with TRACETRACK_REQUIRE_BUNDLE=1) without it."""
    if EXE.is_file() and os.access(EXE, os.X_OK):
        return EXE
    reason = f"the station bundle is not built ({EXE} is missing): run `make bundle` first"
    if os.environ.get("TRACETRACK_REQUIRE_BUNDLE") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


class BundleStation(StationProcess):
    """``--headless`` run by the bundle's executable, in :func:`bundle_env`."""

    def __init__(
        self, exe: Path, home: Path, data: Path, token: Path, serial: str, server: str, config: Path
    ) -> None:
        super().__init__(data, token, serial, OPERATOR, server=server, config=config)
        self.exe = exe
        self.home = home

    def command(self) -> list[str]:
        return [str(self.exe), *self.args]

    def env(self) -> dict[str, str]:
        return bundle_env(self.home)


@pytest.fixture
def pty() -> Iterator[Pty]:
    port = Pty()
    yield port
    port.close()


def mapped_files(pid: int) -> set[str]:
    """Every file mapped into the process (its executable, libpython, Qt, extension modules)."""
    files = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5].startswith("/"):
            files.add(parts[5])
    return files


def test_the_bundle_enrolls_opens_its_window_and_syncs_headless_scans_exactly_once(
    bundle: Path, pg_db: str, server: ServerProcess, pty: Pty, tmp_path: Path
) -> None:
    server_admin(
        pg_db, "user", "add", OPERATOR, "--role", "dispatcher", "--password-stdin",
        stdin="ravi-secret-1\n",
    )  # fmt: skip
    code = server_admin(pg_db, "station", "add", "Line 7")["enrollment_code"]
    home, data, token = tmp_path / "home", tmp_path / "station", tmp_path / "token"
    home.mkdir()
    base = ["--data-dir", str(data), "--insecure-token-file", str(token)]
    config = tmp_path / "station.toml"
    base += ["--config", str(config)]

    def station(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # the bundle's own executable
            [str(bundle), *base, *args],
            capture_output=True,
            text=True,
            check=False,
            env=bundle_env(home, **env),
            timeout=RUN_S,
        )

    enrolled = station("enroll", "--server", server.url, code)
    assert enrolled.returncode == 0, enrolled.stderr
    assert "enrolled as station" in enrolled.stdout
    assert token.stat().st_mode & 0o777 == 0o600
    synced = station("sync")  # the operator list arrives
    assert synced.returncode == 0, synced.stderr

    # (a) the window: offscreen, shown, then it quits by itself and exits cleanly
    window = station(TRACETRACK_QUIT_AFTER="1")
    assert window.returncode == 0, window.stderr
    assert "window shown" in window.stderr
    assert "Traceback" not in window.stderr, window.stderr

    # (b) the headless station reads a serial scanner on a pty and syncs to the server
    headless = BundleStation(bundle, home, data, token, pty.path, server.url, config)
    try:
        headless.start()
        assert headless.proc is not None
        loaded = mapped_files(headless.proc.pid)
        libpython = [f for f in loaded if Path(f).name.startswith("libpython")]
        assert libpython, "no libpython mapped"
        assert all(f.startswith(str(BUNDLE)) for f in libpython), libpython
        assert not [f for f in loaded if f.startswith(sys.prefix)], "the bundle used the venv"

        codes = ["SB00001", *(f"KID{n:05d}" for n in range(1, 6))]
        for scanned in codes:
            pty.send(scanned.encode() + b"\r")
            line = headless.expect("scan")
            assert line["code"] == scanned, line
            assert line["recorded"], line
        headless.expect("sync", lambda line: line["online"] and line["pending"] == 0)
        confirmed = [line["event_id"] for line in headless.confirmed()]
        assert headless.terminate() == 0  # SIGTERM: a clean end of shift
        assert headless.expect("stopped")["pending"] == 0
    finally:
        headless.ensure_stopped()

    status = station("status", "--json")
    assert status.returncode == 0, status.stderr

    engine = create_engine(pg_db)
    try:

        def held() -> list[tuple[str, str]]:
            with engine.connect() as conn:
                rows = conn.execute(text("SELECT id::text, code FROM events")).all()
            return [(row[0], row[1]) for row in rows]

        rows = wait_for(held, "the scans on the server")
    finally:
        engine.dispose()
    server_ids = [event_id for event_id, _code in rows]
    assert sorted(server_ids) == sorted(confirmed)  # each one, once
    assert sorted(scanned for _id, scanned in rows) == sorted(codes)
