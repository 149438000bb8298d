"""``make run``: a local sync server on its embedded database, and a real station against it.

1. The server: ``tracetrack-server db upgrade`` then ``serve`` on 127.0.0.1 (embedded SQLite in
   the platform data dir). On the first run it asks, on the terminal, for the first admin.
2. The station: its SQLite store in the platform data dir; enrolled with a fresh one-time code
   on every run (``station new-code``), so the token lives only in memory for this run and is
   never written anywhere.
3. The window, exactly as ``tracetrack-station`` opens it (``ui/app.py:main``): the sync worker
   in its own thread, every scan committed locally before it is shown.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PORT = int(os.environ.get("TRACETRACK_PORT", "8600"))
URL = f"http://127.0.0.1:{PORT}"
STATION_NAME = f"dev-{socket.gethostname()}"[:100]


def _server_cli() -> str:
    return shutil.which("tracetrack-server") or str(
        Path(sys.executable).with_name("tracetrack-server")
    )


def _cli(*args: str, stdin: str | None = None) -> object:
    done = subprocess.run(
        [_server_cli(), *args, "--json"], input=stdin, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


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


def _ensure_admin() -> None:
    listed = _cli("user", "list")
    if isinstance(listed, dict) and listed.get("users"):
        return
    if not sys.stdin.isatty():
        raise SystemExit("The first run needs a terminal to create the first admin.")
    print("No operators yet. Create the first admin (no default credentials exist).")
    name = input("  admin name: ").strip() or getpass.getuser()
    password = getpass.getpass("  password (8 or more characters): ")
    _cli("user", "add", name, "--role", "admin", "--password-stdin", stdin=password + "\n")


def _enrollment_code() -> str:
    listed = _cli("station", "list")
    stations = listed.get("stations", []) if isinstance(listed, dict) else []
    names = {s.get("name") for s in stations}
    action = "new-code" if STATION_NAME in names else "add"
    made = _cli("station", action, STATION_NAME)
    assert isinstance(made, dict)
    return str(made["enrollment_code"])


def main() -> int:
    server = _server_cli()
    subprocess.run([server, "db", "upgrade"], check=True)
    process = subprocess.Popen([server, "serve", "--host", "127.0.0.1", "--port", str(PORT)])
    try:
        if not _wait_ready(process):
            print(f"The sync server did not become ready at {URL}.", file=sys.stderr)
            return 1
        _ensure_admin()
        print(f"Sync server ready at {URL} (embedded database).")
        return _run_station(_enrollment_code())
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _run_station(code: str) -> int:
    from tracetrack_desktop.composition import Identity  # noqa: PLC0415
    from tracetrack_desktop.config import default_config_path  # noqa: PLC0415
    from tracetrack_desktop.storage.db import default_data_dir  # noqa: PLC0415
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415
    from tracetrack_desktop.sync.client import enroll  # noqa: PLC0415
    from tracetrack_desktop.window import main as window_main  # noqa: PLC0415

    data_dir = Path(os.environ.get("TRACETRACK_STATION_DATA") or default_data_dir())
    enrolled = enroll(URL, code, socket.gethostname())
    store = LocalStore(data_dir)
    try:
        store.set_identity(enrolled.station_id, URL)
    finally:
        store.close()
    print(f"Station {enrolled.station_id} enrolled; its data is in {data_dir}.")
    return window_main(
        config_path=default_config_path(),
        data_dir=data_dir,
        identity=Identity(enrolled.station_id, URL, enrolled.token),
    )


if __name__ == "__main__":
    sys.exit(main())
