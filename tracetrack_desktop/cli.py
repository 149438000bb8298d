"""``tracetrack-station``: the station's command line.

With no command it opens the station window; ``--headless`` runs the engine with no window
for fixed-mount serial scanners. ``enroll`` trades a one-time code for a token (kept in the
OS keyring), ``status`` reads the local store without disturbing a running station, ``sync``
runs one sync round. ``--data-dir`` and ``--config`` work with every command, before or after
its name.
"""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sys
from pathlib import Path
from typing import Any

from tracetrack_core.process import settle_collector
from tracetrack_desktop.composition import (
    Identity,
    ServerRefusedError,
    open_engine_factory,
    station_identity,
)
from tracetrack_desktop.config import (
    ConfigError,
    StationConfig,
    default_config_path,
    load_config,
    save_config,
    server_url_problem,
)
from tracetrack_desktop.kiosk import is_child, keep_running
from tracetrack_desktop.token_store import TokenStoreError, check_token_store, save_token

EXIT_USAGE = 2


def _data_dir(args: argparse.Namespace) -> Path:
    from tracetrack_desktop.storage.db import default_data_dir  # noqa: PLC0415

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def _config_path(args: argparse.Namespace) -> Path:
    return Path(args.config) if args.config else default_config_path()


def _config(args: argparse.Namespace) -> StationConfig:
    return load_config(_config_path(args))


def _token_file(args: argparse.Namespace) -> str | None:
    return _config(args).token_file(args.insecure_token_file)


def _fail(message: str, code: int = 1) -> int:
    print(f"tracetrack-station: {message}", file=sys.stderr)
    return code


def cmd_enroll(args: argparse.Namespace) -> int:
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415
    from tracetrack_desktop.sync.client import SyncError, enroll  # noqa: PLC0415

    config = _config(args)
    problem = server_url_problem(args.server, allow_plain_http=config.server.allow_plain_http)
    if problem:  # before the code is spent: the enrollment itself would cross in clear
        return _fail(f"--server: {problem}", EXIT_USAGE)
    try:
        token_file = config.token_file(args.insecure_token_file)
        check_token_store(token_file)
        enrolled = enroll(
            args.server, args.code, socket.gethostname(), ca_bundle=config.server.ca_bundle
        )
        where = save_token(enrolled.station_id, enrolled.token, token_file)
    except (SyncError, TokenStoreError) as exc:
        return _fail(f"enrollment failed: {exc}")
    if token_file and token_file != config.server.token_file:
        # later commands and the window find the token without the flag
        server = config.server.model_copy(update={"token_file": str(Path(token_file).resolve())})
        save_config(config.model_copy(update={"server": server}), _config_path(args))
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
        return _fail(f"no station data: {exc}")
    if args.json:
        print(json.dumps(status, default=str))
    else:
        for key, value in status.items():
            print(f"{key:>20}: {value}")
    return 0


def _identity(args: argparse.Namespace, server: str | None) -> Identity:
    """The enrolled identity (raises TokenStoreError with the fix)."""
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415

    store = LocalStore(_data_dir(args))
    try:
        return station_identity(store, _token_file(args), server)
    finally:
        store.close()


def cmd_sync(args: argparse.Namespace) -> int:
    config = _config(args)
    try:
        identity = _identity(args, None)
    except TokenStoreError as exc:
        return _fail(str(exc))
    try:
        open_engine = open_engine_factory(_data_dir(args), identity, config)
    except ServerRefusedError as exc:
        return _fail(str(exc), 2)
    engine, close = open_engine()
    settle_collector()
    try:
        report = engine.run_once(urgent=True)
    finally:
        close()
    print(
        f"uploaded {report.uploaded}, conflicts {len(report.conflicts)}, pending {report.pending}"
        + (f"; stopped: {report.error}" if report.error else "")
    )
    return 0 if report.drained else 1


def cmd_headless(args: argparse.Namespace) -> int:
    from tracetrack_desktop.headless import HeadlessError, parse_serial, run_headless  # noqa: PLC0415

    config = _config(args)
    if not args.operator:
        return _fail("--headless needs --operator NAME (whose shift the scans belong to)", 2)
    try:
        scanners = [parse_serial(spec) for spec in args.serial] or config.scanner.serial_scanners()
        if not scanners:
            raise HeadlessError("--headless needs --serial PORT[@BAUD] or [[scanner.serial]]")
        identity = None
        if args.server or config.server.url:
            identity = _identity(args, args.server or config.server.url)
        return run_headless(
            data_dir=_data_dir(args),
            config=config,
            scanners=scanners,
            operator=args.operator,
            identity=identity,
        )
    except (HeadlessError, TokenStoreError, ConfigError) as exc:
        return _fail(str(exc), 2)


def cmd_window(args: argparse.Namespace) -> int:
    from tracetrack_desktop.window import main as window_main  # noqa: PLC0415

    kiosk = args.kiosk or _config(args).ui.kiosk
    if kiosk and not is_child():  # this process keeps the window running
        return keep_running(args.argv)
    return window_main(
        config_path=_config_path(args),
        data_dir=_data_dir(args),
        token_file=_token_file(args),
        kiosk=kiosk,
    )


def cmd_config(args: argparse.Namespace) -> int:
    """Print where the settings file is and what it holds (defaults filled in)."""
    path = _config_path(args)
    config = _config(args)
    print(f"# {path}{'' if path.exists() else ' (not written yet: these are the defaults)'}")
    print(config.to_toml(), end="")
    return 0


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options every command takes, before or after its name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir", default=default, help="station data folder (default: platform data dir)"
    )
    parser.add_argument(
        "--config",
        default=default,
        metavar="FILE",
        help=f"settings file (default: {default_config_path()})",
    )
    parser.add_argument(
        "--insecure-token-file",
        default=default,
        metavar="PATH",
        help="keep the token in this file (0600) instead of the OS keyring",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=False if top else argparse.SUPPRESS
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tracetrack-station", description=__doc__)
    _common(parser, top=True)
    parser.add_argument(
        "--headless", action="store_true", help="no window: serial scanners, outcomes in the log"
    )
    parser.add_argument("--server", help="with --headless: the sync server URL it enrolled with")
    parser.add_argument(
        "--serial",
        action="append",
        default=[],
        metavar="PORT[@BAUD]",
        help="with --headless: a serial scanner (repeat for several)",
    )
    parser.add_argument("--operator", help="with --headless: the operator of this shift")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="full screen, closed only by an admin, started again after a crash "
        "(also [ui] kiosk = true)",
    )
    commands = parser.add_subparsers(dest="command")
    enroll = commands.add_parser("enroll", help="enroll this station with a one-time code")
    _common(enroll, top=False)
    enroll.add_argument("--server", required=True, help="sync server URL")
    enroll.add_argument("code", help="the enrollment code from the admin")
    enroll.set_defaults(run=cmd_enroll)
    status = commands.add_parser("status", help="pending, last sync, online, conflicts")
    _common(status, top=False)
    status.add_argument("--json", action="store_true", help="one JSON object on stdout")
    status.set_defaults(run=cmd_status)
    sync = commands.add_parser("sync", help="run one sync round")
    _common(sync, top=False)
    sync.set_defaults(run=cmd_sync)
    config = commands.add_parser("config", help="show the settings file and its values")
    _common(config, top=False)
    config.set_defaults(run=cmd_config)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # kiosk mode runs them again
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.command is not None:
            result: int = args.run(args)
        elif args.headless:
            result = cmd_headless(args)
        else:
            result = cmd_window(args)
    except ConfigError as exc:
        return _fail(str(exc), EXIT_USAGE)
    return result


if __name__ == "__main__":
    sys.exit(main())
