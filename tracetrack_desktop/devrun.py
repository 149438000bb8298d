"""``make run``: a local sync server on its embedded database, and the station window.

The server is the real one (``tracetrack-server serve`` on 127.0.0.1, embedded SQLite in the
platform data dir, schema upgraded first). The window's dashboard and lookup read from it with a
read-only token made for this run and revoked when the window closes.

Until the station engine (local store + workflows) is wired into the window, the window runs on
the in-memory preview station: scans are shown with the real rules but neither kept nor synced.
This is said on start, in the terminal.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PORT = int(os.environ.get("TRACETRACK_PORT", "8600"))
URL = f"http://127.0.0.1:{PORT}"


def _server_cli() -> str:
    return shutil.which("tracetrack-server") or str(
        Path(sys.executable).with_name("tracetrack-server")
    )


def _wait_ready(process: subprocess.Popen[bytes], seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{URL}/readyz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def _first_operator() -> tuple[str, str]:
    if not sys.stdin.isatty():
        raise SystemExit("make run needs a terminal to ask for the first operator's name.")
    print("First operator for this run (no default credentials exist).")
    name = input("  operator name: ").strip() or getpass.getuser()
    password = getpass.getpass("  password: ")
    return name, password


def main() -> int:
    server = _server_cli()
    subprocess.run([server, "db", "upgrade"], check=True)
    process = subprocess.Popen([server, "serve", "--host", "127.0.0.1", "--port", str(PORT)])
    token_name = f"devrun-{os.getpid()}"
    try:
        if not _wait_ready(process):
            print(f"The sync server did not become ready at {URL}.", file=sys.stderr)
            return 1
        made = subprocess.run(
            [server, "token", "add", token_name, "--read-only", "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        token = json.loads(made.stdout)["token"]
        print(f"Sync server ready at {URL} (embedded database).")
        print(
            "Note: the station engine is not wired into the window yet; this window runs on the"
            " in-memory preview station (scans are not kept or synced)."
        )
        operator = _first_operator()
        return _run_window(token, operator)
    finally:
        subprocess.run([server, "token", "revoke", token_name], capture_output=True, check=False)
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _run_window(token: str, operator: tuple[str, str]) -> int:
    from tracetrack_desktop.ui.app import StationApp, qt_application, run_station  # noqa: PLC0415
    from tracetrack_desktop.ui.dashboard_client import ServerReader  # noqa: PLC0415
    from tracetrack_desktop.ui.preview_station import PreviewStation  # noqa: PLC0415

    qt_app = qt_application()
    station = PreviewStation(operators={operator[0]: (operator[1], "admin")})
    app = StationApp(station, reader=ServerReader(URL, token))
    return run_station(qt_app, app)


if __name__ == "__main__":
    sys.exit(main())
