"""``make run``: a local sync server on its embedded database, and a real station against it.

1. The server: ``tracetrack-server db upgrade`` then ``serve`` on 127.0.0.1 (embedded SQLite in
   the platform data dir). On the first run it asks, on the terminal, for the first admin.
2. The station: its SQLite store in the platform data dir; enrolled with a fresh one-time code
   on every run (``station new-code``), so the token lives only in memory for this run and is
   never written anywhere.
3. The window, exactly as ``tracetrack-station`` opens it (``ui/app.py:main``): the sync worker
   in its own thread, every scan committed locally before it is shown.

Ctrl+C or SIGTERM closes the window (its threads stopped, its store closed) and then stops
the server: nothing is left running.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import FrameType

PORT = int(os.environ.get("TRACETRACK_PORT", "8600"))
URL = f"http://127.0.0.1:{PORT}"
STATION_NAME = f"dev-{socket.gethostname()}"[:100]


def _server_cli() -> str:
    return shutil.which("tracetrack-server") or str(
        Path(sys.executable).with_name("tracetrack-server")
    )


def _cli(*args: str) -> object:
    command = [_server_cli(), *args, "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
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


ADMIN_TRIES = 3


def _ensure_admin() -> None:
    """Ask for the first admin on the terminal. The server's own ``user add`` asks for the
    password twice, states its rule and explains a refusal in one line; a refusal asks again."""
    listed = _cli("user", "list")
    if isinstance(listed, dict) and listed.get("users"):
        return
    if not sys.stdin.isatty():
        raise SystemExit("The first run needs a terminal to create the first admin.")
    print("No operators yet. Create the first admin (no default credentials exist).")
    for _ in range(ADMIN_TRIES):
        name = input("Admin name: ").strip() or getpass.getuser()
        added = subprocess.run([_server_cli(), "user", "add", name, "--role", "admin"], check=False)
        if added.returncode == 0:
            return
        print("No admin was created (the line above says why); try again.")
    raise SystemExit(f"No admin was created after {ADMIN_TRIES} tries; run `make run` again.")


def _enrollment_code() -> str:
    listed = _cli("station", "list")
    stations = listed.get("stations", []) if isinstance(listed, dict) else []
    names = {s.get("name") for s in stations}
    action = "new-code" if STATION_NAME in names else "add"
    made = _cli("station", action, STATION_NAME)
    assert isinstance(made, dict)
    return str(made["enrollment_code"])


def _stop_on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)  # through main's ``finally``: the server is stopped too


def main() -> int:
    server = _server_cli()
    subprocess.run([server, "db", "upgrade"], check=True)
    # Its own session: Ctrl+C reaches only this process, which closes the window and then
    # stops the server in order (the window's last sync, then the server).
    process = subprocess.Popen(
        [server, "serve", "--host", "127.0.0.1", "--port", str(PORT)], start_new_session=True
    )
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        if not _wait_ready(process):
            print(f"The sync server did not become ready at {URL}.", file=sys.stderr)
            return 1
        _ensure_admin()
        print(f"Sync server ready at {URL} (embedded database).")
        return _run_station(_enrollment_code())
    except KeyboardInterrupt:  # Ctrl+C before the window opened (at the admin prompt)
        print()
        return 130
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        print("Sync server stopped.")


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
        on_open=lambda: print(
            "The station window is open. Ctrl+C here (or closing it) stops both.", flush=True
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
