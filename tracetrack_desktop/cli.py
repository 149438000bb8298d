"""``tracetrack-station``: the station's command line.

``enroll`` trades a one-time code for a token (kept in the OS keyring), ``status`` reads the
local store without disturbing a running station, ``sync`` runs one sync round. The window is
opened by ``make run`` for now (it also starts a local server).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from pathlib import Path
from typing import Any

KEYRING_SERVICE = "tracetrack-station"


class TokenStoreError(Exception):
    """No safe place to keep the station's token; the message names the fix."""


def _data_dir(args: argparse.Namespace) -> Path:
    from tracetrack_desktop.storage.db import default_data_dir  # noqa: PLC0415

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def save_token(station_id: str, token: str, token_file: str | None) -> str:
    """Keep the token in the OS keyring, or in ``token_file`` (0600) only when asked to."""
    if token_file:
        path = Path(token_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(token)
        return f"token written to {path} (readable only by you) as asked: keep that file safe"
    import keyring  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    backend = keyring.get_keyring()
    if type(backend).__module__.startswith(("keyring.backends.fail", "keyring.backends.null")):
        raise TokenStoreError(
            "No OS keyring is available to keep the station's token. Run the station in a "
            "desktop session with a Secret Service (gnome-keyring or KWallet) unlocked, or pass "
            "--insecure-token-file PATH to keep it in a file only you can read."
        )
    try:
        keyring.set_password(KEYRING_SERVICE, station_id, token)
    except KeyringError as exc:
        raise TokenStoreError(f"The OS keyring refused the token: {exc}") from exc
    return "token kept in the OS keyring"


def load_token(station_id: str, token_file: str | None) -> str | None:
    if token_file:
        path = Path(token_file)
        return path.read_text().strip() if path.exists() else None
    import keyring  # noqa: PLC0415

    return keyring.get_password(KEYRING_SERVICE, station_id)


def cmd_enroll(args: argparse.Namespace) -> int:
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415
    from tracetrack_desktop.sync.client import SyncError, enroll  # noqa: PLC0415

    try:
        enrolled = enroll(args.server, args.code, socket.gethostname())
        where = save_token(enrolled.station_id, enrolled.token, args.insecure_token_file)
    except (SyncError, TokenStoreError) as exc:
        print(f"enrollment failed: {exc}", file=sys.stderr)
        return 1
    store = LocalStore(_data_dir(args))
    try:
        store.set_identity(enrolled.station_id, args.server.rstrip("/"))
    finally:
        store.close()
    print(f"enrolled as station {enrolled.station_id}; {where}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from tracetrack_desktop.storage.errors import StorageError  # noqa: PLC0415
    from tracetrack_desktop.storage.store import read_status  # noqa: PLC0415

    try:
        status: dict[str, Any] = read_status(_data_dir(args)).as_dict()
    except (StorageError, FileNotFoundError) as exc:
        print(f"no station data: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(status, default=str))
    else:
        for key, value in status.items():
            print(f"{key:>20}: {value}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415
    from tracetrack_desktop.sync.client import SyncClient  # noqa: PLC0415
    from tracetrack_desktop.sync.engine import SyncEngine  # noqa: PLC0415

    store = LocalStore(_data_dir(args))
    try:
        station_id, server = store.meta("station_id"), store.meta("server_url")
        if not station_id or not server:
            print("this station is not enrolled: run `tracetrack-station enroll`", file=sys.stderr)
            return 1
        token = load_token(station_id, args.insecure_token_file)
        if not token:
            print("no token for this station: enroll it again", file=sys.stderr)
            return 1
        report = SyncEngine(store, SyncClient(server, token), station_id).run_once(urgent=True)
    finally:
        store.close()
    print(
        f"uploaded {report.uploaded}, conflicts {len(report.conflicts)}, pending {report.pending}"
    )
    return 0 if report.drained else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tracetrack-station", description=__doc__)
    parser.add_argument("--data-dir", help="station data folder (default: the platform data dir)")
    parser.add_argument("--config", help="settings file (reserved; settings live in the store)")
    parser.add_argument(
        "--insecure-token-file",
        metavar="PATH",
        help="keep the token in this file (0600) instead of the OS keyring",
    )
    commands = parser.add_subparsers(dest="command")
    enroll = commands.add_parser("enroll", help="enroll this station with a one-time code")
    enroll.add_argument("--server", required=True, help="sync server URL")
    enroll.add_argument("code", help="the enrollment code from the admin")
    enroll.set_defaults(run=cmd_enroll)
    status = commands.add_parser("status", help="pending, last sync, online, conflicts")
    status.add_argument("--json", action="store_true", help="one JSON object on stdout")
    status.set_defaults(run=cmd_status)
    sync = commands.add_parser("sync", help="run one sync round")
    sync.set_defaults(run=cmd_sync)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print(
            "The station window starts with `make run` (it also starts a local server).",
            file=sys.stderr,
        )
        return 1
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
