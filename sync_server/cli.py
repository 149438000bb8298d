"""``tracetrack-server``: the admin's command line (database, backup and restore, stations,
tokens, users, areas, code rules, the audit log, reports, serve).

Every admin command takes ``--json``: then stdout holds exactly one JSON document and
nothing else. Errors go to stderr with exit code 1 (2 for a wrong command line).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from sync_server.config import Settings, normalise_database_url
from sync_server.db.schema import current_revision, head_revision, schema_problem, upgrade
from sync_server.db.session import make_engine, make_session_factory
from sync_server.services import (
    admin,
    archive,
    areas,
    audit,
    backup,
    eod,
    eod_pdf,
    imports,
    sheets,
    site_rules,
    users,
)
from sync_server.services.errors import ServiceError
from sync_server.services.passwords import MIN_PASSWORD_LENGTH
from sync_server.services.tokens import SCOPE_ADMIN, SCOPE_READ

PROG = "tracetrack-server"


class CliError(Exception):
    """A problem the admin can fix; printed to stderr, exit code 1."""


class _Output:
    """Writes either human text or one JSON document to stdout."""

    def __init__(self, as_json: bool, stream: TextIO) -> None:
        self.as_json = as_json
        self.stream = stream

    def emit(self, data: Any, human: str | Callable[[], str]) -> None:
        if self.as_json:
            self.stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        else:
            text = human() if callable(human) else human
            self.stream.write(text.rstrip("\n") + "\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    if not rows:
        return "(none)"
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# --- the parser ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run and administer the TraceTrack sync server.",
    )
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL, e.g. postgresql://tracetrack@localhost/tracetrack "
        "(default: $TRACETRACK_DATABASE_URL, else an SQLite file in the data directory)",
    )
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument(
        "--json", action="store_true", help="print one JSON document on stdout, nothing else"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    db = commands.add_parser("db", help="database schema").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    db.add_parser("upgrade", parents=[json_flag], help="create or update the schema")
    db.add_parser("status", parents=[json_flag], help="is the schema current? (exit 1 if not)")

    station = commands.add_parser("station", help="packing stations").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = station.add_parser("add", parents=[json_flag], help="add a station, print its code")
    p.add_argument("name")
    p.add_argument("--area", default="", help="dispatch area, e.g. Lucknow")
    station.add_parser("list", parents=[json_flag], help="list stations")
    p = station.add_parser("revoke", parents=[json_flag], help="cut a station off at once")
    p.add_argument("station", metavar="NAME_OR_ID")
    p = station.add_parser(
        "new-code", parents=[json_flag], help="fresh enrollment code (old tokens stop working)"
    )
    p.add_argument("station", metavar="NAME_OR_ID")

    token = commands.add_parser("token", help="tokens for scripts and admins").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = token.add_parser("add", parents=[json_flag], help="create a token, print it once")
    p.add_argument("name")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("--read-only", dest="scope", action="store_const", const=SCOPE_READ)
    scope.add_argument("--admin", dest="scope", action="store_const", const=SCOPE_ADMIN)
    token.add_parser("list", parents=[json_flag], help="list tokens (never the tokens)")
    p = token.add_parser("revoke", parents=[json_flag], help="revoke tokens by name")
    p.add_argument("name")

    user = commands.add_parser("user", help="operator accounts").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = user.add_parser("add", parents=[json_flag], help="add an operator account")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=users.ROLES)
    p.add_argument("--area", default="")
    p.add_argument("--badge", default=None, help="badge code the operator may scan to log in")
    p.add_argument("--display-name", default="")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    user.add_parser("list", parents=[json_flag], help="list accounts")
    for action, text in (("disable", "disable an account"), ("enable", "re-enable, unlock")):
        p = user.add_parser(action, parents=[json_flag], help=text)
        p.add_argument("username")
    p = user.add_parser("set-role", parents=[json_flag], help="change someone's role")
    p.add_argument("username")
    p.add_argument("role", choices=users.ROLES)
    p.add_argument("--by", required=True, metavar="ADMIN_USERNAME", help="the admin deciding")
    p = user.add_parser("passwd", parents=[json_flag], help="set a new password (unlocks)")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p = user.add_parser("set", parents=[json_flag], help="change display name, area or badge")
    p.add_argument("username")
    p.add_argument("--display-name", default=None)
    p.add_argument("--area", default=None, help="an area (added if new); '' for none")
    badge = p.add_mutually_exclusive_group()
    badge.add_argument("--badge", default=None, help="badge code the operator may scan")
    badge.add_argument("--no-badge", action="store_true", help="take the badge away")

    area = commands.add_parser("area", help="dispatch areas").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = area.add_parser("add", parents=[json_flag], help="add an area")
    p.add_argument("name")
    area.add_parser("list", parents=[json_flag], help="areas, with their users and stations")
    p = area.add_parser("remove", parents=[json_flag], help="remove an area nobody is given")
    p.add_argument("name")

    rules = commands.add_parser("rules", help="the site's code rules").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    rules.add_parser("show", parents=[json_flag], help="print the code rules as JSON")
    p = rules.add_parser("test", parents=[json_flag], help="how the rules read sample codes")
    p.add_argument("codes", nargs="+", metavar="CODE")
    p = rules.add_parser("set", parents=[json_flag], help="save code rules from a JSON file")
    p.add_argument("file", type=Path, help="the rules, as `rules show` prints them")
    p.add_argument(
        "--version",
        type=int,
        default=None,
        help="refuse if the stored version is not this one (default: the one stored now)",
    )

    log = commands.add_parser("audit", help="the audit log").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = log.add_parser("list", parents=[json_flag], help="entries, newest first")
    for name, text in (
        ("actor", "e.g. user:anita, or user:* for every user"),
        ("action", "e.g. user_update, or station_*"),
        ("target", "a username, station id, area..."),
    ):
        p.add_argument(
            f"--{name}",
            dest=f"{name}_filter",  # (``action`` names the subcommand)
            default=None,
            help=text + " (a trailing * matches a prefix)",
        )
    p.add_argument("--since", type=_moment, default=None, help="ISO time, inclusive (UTC default)")
    p.add_argument("--until", type=_moment, default=None, help="ISO time, exclusive")
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")

    report = commands.add_parser("report", help="reports to send").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = report.add_parser(
        "eod", parents=[json_flag], help="the end-of-day report of one day, as PDF or XLSX"
    )
    p.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    p.add_argument(
        "--tz", default=None, help="IANA time zone (default: $TRACETRACK_SITE_TZ, else UTC)"
    )
    p.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="file to write (default: tracetrack-eod-DATE.FORMAT in the current folder)",
    )

    p = commands.add_parser(
        "import",
        parents=[json_flag],
        help="import a spreadsheet of child -> parent links or parent -> bill assignments",
    )
    p.add_argument("kind", choices=("links", "bills"))
    p.add_argument("file", type=Path, help="an .xlsx, .xls, .ods or .csv file")
    p.add_argument("--sheet", default=None, help="the sheet (default: the first that fits)")
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=HEADER",
        help="which header holds child, parent or bill (when the headers are not clear)",
    )
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.add_argument(
        "--as", dest="as_user", default=None, help="the biller or admin the rows are recorded for"
    )
    p.add_argument(
        "--error-report",
        type=Path,
        default=None,
        metavar="OUT.xlsx",
        help="write the rows not accepted, with Row and Reason (.xlsx or .csv)",
    )

    p = commands.add_parser(
        "backup",
        parents=[json_flag],
        help="write a consistent copy of the database to FILE (pg_dump custom format; "
        "SQLite's backup API for the embedded database)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p = commands.add_parser(
        "restore",
        parents=[json_flag],
        help="replace the database with a backup (pg_restore); stop every server first. "
        "Stations then send again what the backup lacks",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--yes", action="store_true", help="replace a database that holds data (else refused)"
    )

    p = commands.add_parser(
        "archive",
        parents=[json_flag],
        help="take whole months of events received before DATE out of the database into "
        "dump files (PostgreSQL); bags, bills, counts and every id stay",
    )
    p.add_argument("--before", required=True, type=_day, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument(
        "--to",
        dest="directory",
        type=Path,
        default=Path("tracetrack-archive"),
        metavar="DIR",
        help="where the events-YYYY-MM.dump files go (default: ./tracetrack-archive)",
    )
    p.add_argument("--dry-run", action="store_true", help="list the months and counts only")

    p = commands.add_parser("serve", help="run the HTTP server (gunicorn)")
    p.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default 8600)")
    p.add_argument("--workers", type=int, default=None, help="processes (default: CPU cores + 1)")
    p.add_argument("--threads", type=int, default=None, help="threads per process (default 4)")
    return parser


def _moment(text: str) -> datetime:
    """An ISO 8601 time from the command line; without an offset it is UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO time: {text!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


# --- commands ------------------------------------------------------------------------------


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    if not sys.stdin.isatty():
        raise CliError("No terminal to ask for the password on; pipe it in with --password-stdin.")
    first = getpass.getpass(f"Password (at least {MIN_PASSWORD_LENGTH} characters): ")
    second = getpass.getpass("Same password again: ")
    if first != second:
        raise CliError("The two passwords differ; nothing was changed.")
    return first


def _cmd_db(args: argparse.Namespace, engine: Engine, out: _Output) -> int:
    if args.action == "upgrade":
        upgrade(engine)
        head = head_revision()
        out.emit({"revision": head}, f"Database schema is up to date (revision {head}).")
        return 0
    current, head = current_revision(engine), head_revision()
    problem = schema_problem(engine)
    out.emit(
        {"current": current, "head": head, "up_to_date": problem is None, "problem": problem},
        f"Schema revision {current or '(none)'}; this server needs {head}. "
        + ("Up to date." if problem is None else problem),
    )
    return 0 if problem is None else 1


def _cmd_backup(args: argparse.Namespace, engine: Engine, out: _Output) -> int:
    if args.command == "backup":
        made = backup.backup_database(engine, args.file)
        out.emit(
            {"file": str(made.path), "bytes": made.size, "epoch": made.epoch},
            f"Backed up {made.database} to {made.path} ({made.size} bytes).",
        )
        return 0
    restored = backup.restore_database(engine, args.file, overwrite=args.yes)
    out.emit(
        {
            "file": str(restored.path),
            "revision": restored.revision,
            "epoch": restored.epoch,
            "backup_epoch": restored.backup_epoch,
        },
        f"Restored {restored.database} from {restored.path} (schema {restored.revision}). "
        f"New database epoch {restored.epoch}: stations will send again what the backup lacks "
        "once the server runs.",
    )
    return 0


def _cmd_archive(args: argparse.Namespace, engine: Engine, out: _Output) -> int:
    months = archive.archive_before(engine, args.before, args.directory, dry_run=args.dry_run)
    rows = [
        {
            "month": str(m.month),
            "events": m.events,
            "file": str(m.file) if m.file else None,
            "sha256": m.sha256,
        }
        for m in months
    ]

    def human() -> str:
        if not months:
            return f"No month of events ends on or before {args.before}: nothing to archive."
        verb = "Would archive" if args.dry_run else "Archived"
        table = _table(
            ("Month", "Events", "File"),
            [(str(m.month), f"{m.events:,}", str(m.file or "-")) for m in months],
        )
        return f"{verb} {len(months)} month(s), {sum(m.events for m in months):,} events:\n{table}"

    out.emit({"dry_run": args.dry_run, "months": rows}, human)
    return 0


def _issued_text(issued: admin.IssuedCode) -> str:
    station = issued.station
    return (
        f"Station {station.name!r} ({station.id}"
        + (f", area {station.area}" if station.area else "")
        + ")\n"
        + f"Enrollment code: {issued.enrollment_code}\n"
        + f"Valid until {issued.expires_at.isoformat(timespec='minutes')}, for one use.\n"
        + "Type this code into the station when it asks to be enrolled."
    )


def _cmd_station(
    args: argparse.Namespace, session: Session, settings: Settings, out: _Output
) -> int:
    actor = audit.cli_actor()
    ttl = settings.enrollment_ttl_minutes
    if args.action == "add":
        issued = admin.add_station(session, args.name, area=args.area, actor=actor, ttl_minutes=ttl)
        out.emit(issued.as_json(), _issued_text(issued))
    elif args.action == "new-code":
        issued = admin.new_station_code(session, args.station, actor=actor, ttl_minutes=ttl)
        out.emit(
            issued.as_json(),
            _issued_text(issued) + "\nIts previous token no longer works.",
        )
    elif args.action == "revoke":
        info = admin.revoke_station(session, args.station, actor=actor)
        out.emit(
            info.as_json(),
            f"Station {info.name!r} ({info.id}) is revoked; its token no longer works.",
        )
    else:
        stations = admin.list_stations(session)
        out.emit(
            {"stations": [s.as_json() for s in stations]},
            lambda: _table(
                ["ID", "NAME", "AREA", "STATUS", "HOSTNAME", "LAST SEEN"],
                [
                    [
                        s.id,
                        s.name,
                        s.area,
                        s.status,
                        s.hostname,
                        s.last_seen_at.isoformat(timespec="seconds") if s.last_seen_at else "",
                    ]
                    for s in stations
                ],
            ),
        )
    return 0


def _cmd_token(args: argparse.Namespace, session: Session, out: _Output) -> int:
    actor = audit.cli_actor()
    if args.action == "add":
        token = admin.add_token(session, args.name, args.scope, actor=actor)
        out.emit(
            {"token": token, "name": args.name.strip(), "scope": args.scope},
            f"{token}\n\nThis {args.scope} token is shown only now; store it safely. "
            f"Revoke it with `{PROG} token revoke {args.name.strip()}`.",
        )
    elif args.action == "revoke":
        revoked = admin.revoke_token(session, args.name, actor=actor)
        out.emit(
            {"name": args.name.strip(), "revoked": len(revoked)},
            f"Revoked {len(revoked)} token(s) named {args.name.strip()!r}.",
        )
    else:
        tokens = admin.list_tokens(session)
        out.emit(
            {"tokens": [t.as_json() for t in tokens]},
            lambda: _table(
                ["NAME", "SCOPE", "STATION", "ACTIVE", "CREATED"],
                [
                    [
                        t.name,
                        t.scope,
                        t.station_id or "",
                        "yes" if t.revoked_at is None else "revoked",
                        t.created_at.isoformat(timespec="seconds") if t.created_at else "",
                    ]
                    for t in tokens
                ],
            ),
        )
    return 0


def _user_text(info: users.UserInfo, what: str) -> str:
    state = "disabled" if info.disabled else "enabled"
    return f"User {info.username!r} {what}: role {info.role}, area {info.area or '-'}, {state}."


def _cmd_user(args: argparse.Namespace, session: Session, out: _Output) -> int:
    actor = audit.cli_actor()
    if args.action == "list":
        found = users.list_users(session)
        out.emit(
            {"users": [u.as_json() for u in found]},
            lambda: _table(
                ["USERNAME", "NAME", "ROLE", "AREA", "BADGE", "STATE"],
                [
                    [
                        u.username,
                        u.display_name,
                        u.role,
                        u.area,
                        u.badge or "",
                        "disabled" if u.disabled else "locked" if u.locked_until else "enabled",
                    ]
                    for u in found
                ],
            ),
        )
        return 0
    if args.action == "add":
        password = _read_password(args.password_stdin)
        info = users.add_user(
            session,
            username=args.username,
            password=password,
            role=args.role,
            actor=actor,
            area=args.area,
            badge=args.badge,
            display_name=args.display_name,
        )
        what = "added"
    elif args.action == "passwd":
        password = _read_password(args.password_stdin)
        info = users.set_password(session, args.username, password, actor=actor)
        what = "has a new password"
    elif args.action == "set-role":
        info = users.set_role(session, args.username, args.role, by=args.by, actor=actor)
        what = "changed"
    elif args.action == "set":
        changes: dict[str, Any] = {
            name: value
            for name, value in (("display_name", args.display_name), ("area", args.area))
            if value is not None
        }
        if args.no_badge or args.badge is not None:
            changes["badge"] = None if args.no_badge else args.badge
        if not changes:
            raise CliError("Nothing to change: give --display-name, --area, --badge or --no-badge.")
        info = users.update_user(session, args.username, actor=actor, create_area=True, **changes)
        what = "changed"
    else:
        info = users.set_disabled(session, args.username, args.action == "disable", actor=actor)
        what = args.action + "d"
    out.emit(info.as_json(), _user_text(info, what))
    return 0


def _cmd_area(args: argparse.Namespace, session: Session, out: _Output) -> int:
    actor = audit.cli_actor()
    if args.action == "add":
        info = areas.add_area(session, args.name, actor=actor)
        out.emit(info.as_json(), f"Area {info.name!r} added.")
    elif args.action == "remove":
        areas.remove_area(session, args.name, actor=actor)
        out.emit({"removed": args.name.strip()}, f"Area {args.name.strip()!r} removed.")
    else:
        found = areas.list_areas(session)
        out.emit(
            {"areas": [a.as_json() for a in found]},
            lambda: _table(
                ["AREA", "USERS", "STATIONS"], [[a.name, a.users, a.stations] for a in found]
            ),
        )
    return 0


def _cmd_rules(args: argparse.Namespace, session: Session, out: _Output) -> int:
    if args.action == "show":
        stored = site_rules.stored_rules(session)
        out.as_json = True  # the rules are JSON whichever way they are asked for
        out.emit(stored.as_json(), "")
        return 0
    if args.action == "test":
        rules = site_rules.stored_rules(session).rules
        results = site_rules.try_codes(rules, args.codes)
        out.emit(
            {
                "results": [r.as_json() for r in results],
                **site_rules.problem_fields(site_rules.problems(rules)),
            },
            lambda: _table(
                ["CODE", "KIND", "SERIES", "NOTE"],
                [[r.code, r.kind, r.series or "", r.note or ""] for r in results],
            ),
        )
        return 0
    try:
        value = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(f"Cannot read code rules from {args.file}: {exc}") from exc
    if isinstance(value, dict) and "rules" in value:  # what `rules show` printed
        value = value["rules"]
    version = args.version
    if version is None:
        version = site_rules.stored_rules(session).version
    saved = site_rules.save_code_rules(session, value, version=version, actor=audit.cli_actor())
    out.emit(
        {"rules": saved.rules.model_dump(mode="json"), "version": saved.version},
        f"Code rules saved (version {saved.version}); stations take them with their next pull.",
    )
    return 0


def _cmd_audit(args: argparse.Namespace, session: Session, out: _Output) -> int:
    if not 1 <= args.limit <= 1000:
        raise CliError("--limit is 1 to 1000.")
    where = audit.AuditFilter(
        actor=args.actor_filter,
        action=args.action_filter,
        target=args.target_filter,
        since=args.since,
        until=args.until,
    )
    page = audit.list_entries(session, limit=args.limit, where=where)
    out.emit(
        {
            "entries": [e.as_json() for e in page.entries],
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
        },
        lambda: (
            _table(
                ["AT", "ACTOR", "ACTION", "TARGET", "OUTCOME"],
                [
                    [e.at.isoformat(timespec="seconds"), e.actor, e.action, e.target, e.outcome]
                    for e in page.entries
                ],
            )
            + (f"\n({len(page.entries)} of {page.total})" if page.total > len(page.entries) else "")
        ),
    )
    return 0


def _cmd_report(
    args: argparse.Namespace, session: Session, settings: Settings, out: _Output
) -> int:
    day = eod.resolve_day(args.date, args.tz or settings.site_tz)
    report = eod.build(session, day)
    path: Path = args.out or Path.cwd() / eod.filename(day, args.format)
    try:
        with path.open("wb") as file:
            if args.format == "xlsx":
                for chunk in eod.xlsx_chunks(report):
                    file.write(chunk)
            else:
                file.write(eod_pdf.render(report))
    except OSError as exc:
        raise CliError(f"Cannot write {path}: {exc}") from exc
    out.emit(
        {"path": str(path), "date": day.day.isoformat(), "tz": day.tz.key, "format": args.format},
        str(path),
    )
    return 0


def _gunicorn_server(factory: Callable[[], Any], opts: dict[str, Any]) -> Any:
    """A gunicorn application that builds the Flask app in each worker (no preload).

    Building it after the fork gives every worker its own database pool. gunicorn is
    imported here, not at the top, because it does not exist on Windows, where the
    admin commands still work against the embedded database.
    """
    from gunicorn.app.base import BaseApplication  # noqa: PLC0415

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in opts.items():
                if key in self.cfg.settings and value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return factory()

    return _Server()


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    engine = make_engine(settings.database_url, pool_size=1)
    try:
        problem = schema_problem(engine)
    finally:
        engine.dispose()
    if problem:
        raise CliError(f"not starting: {problem}")

    # The metrics directory must exist in the environment before prometheus_client is
    # first imported (by the app below), so the workers forked later share it.
    from sync_server import gunicorn_conf  # noqa: PLC0415

    gunicorn_conf.prepare_metrics_dir()
    from sync_server.app import create_app  # noqa: PLC0415

    opts = gunicorn_conf.options(
        host=args.host or gunicorn_conf.DEFAULT_HOST,
        port=args.port or gunicorn_conf.DEFAULT_PORT,
        workers=args.workers,
        threads=args.threads,
        limits=gunicorn_conf.ReadLimits.from_settings(settings),
    )
    print(  # noqa: T201 - the one line an admin wants to see
        f"{PROG}: serving {_safe_url(settings.database_url)} on http://{opts['bind']} "
        f"({opts['workers']} workers x {opts['threads']} threads; requests must arrive within "
        f"{settings.header_timeout_seconds} s for headers, "
        f"{settings.body_min_bytes_per_second} bytes/s for bodies)",
        file=sys.stderr,
        flush=True,
    )
    try:
        _gunicorn_server(lambda: create_app(settings), opts).run()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def _cmd_import(args: argparse.Namespace, session: Session, out: _Output) -> int:
    columns: dict[str, str] = {}
    for given in args.column:
        role, equals, header = given.partition("=")
        if not equals or not role.strip() or not header.strip():
            raise CliError(f"--column takes ROLE=HEADER (e.g. child='Bag No'), not {given!r}.")
        columns[role.strip().lower()] = header.strip()
    if not args.dry_run and not args.as_user:
        raise CliError("Name the biller or admin the rows are recorded for: --as USERNAME.")
    fmt = "csv" if args.error_report and args.error_report.suffix.lower() == ".csv" else "xlsx"
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CliError(f"Cannot read {args.file}: {exc.strerror or exc}") from exc
    request = imports.ImportRequest(
        kind=args.kind,
        data=data,
        operator=users.normalise_username(args.as_user or ""),
        filename=args.file.name,
        sheet=args.sheet,
        columns=columns or None,
        dry_run=args.dry_run,
    )
    report = imports.ErrorReport() if args.error_report else None
    progress = _ProgressLine(sys.stderr)
    try:
        summary = imports.complete(
            imports.run(session, request, report=report), progress=progress.show
        )
    except imports.ColumnsUnknownError as exc:
        guess = ", ".join(f"{role}={name or '?'}" for role, name in exc.detail["guess"].items())
        other_sheets = ", or pick a --sheet" if len(exc.detail["sheets"]) > 1 else ""
        raise CliError(
            f"{exc.message} The sheet {exc.detail['sheet']!r} has the columns "
            f"{', '.join(exc.detail['headers'])} (best guess: {guess}); name them with "
            f"--column ROLE=HEADER{other_sheets}."
        ) from exc
    finally:
        progress.end()
    if report is not None:
        utc = ZoneInfo("UTC")
        table = report.table()
        if fmt == "xlsx":
            sheets.write_xlsx(args.error_report, [table], utc)
        else:
            with args.error_report.open("wb") as target:
                for chunk in sheets.csv_chunks(table, utc):
                    target.write(chunk)
    out.emit(summary.as_json(), lambda: _import_text(summary, args.error_report))
    return 0


def _import_text(summary: imports.ImportSummary, report: Path | None) -> str:
    verb = "would be" if summary.dry_run else "were"
    lines = [
        f"{'Dry run: ' if summary.dry_run else ''}sheet {summary.sheet!r} "
        f"({', '.join(f'{role}: {header}' for role, header in summary.columns.items())}), "
        f"{summary.rows:,} rows: {summary.accepted:,} {verb} accepted, "
        f"{summary.duplicates:,} duplicates, {summary.refused:,} refused."
    ]
    for reason, count in summary.by_reason.most_common():
        lines.append(f"  {count:>7,}  {imports.reason_words(reason)} ({reason})")
    shown = summary.refusals[:20]
    if shown:
        lines.append("First rows not accepted:")
        lines += [f"  row {r.row}: {r.message}" for r in shown]
    if report is not None:
        lines.append(f"Every row not accepted, with its reason: {report}")
    return "\n".join(lines)


class _ProgressLine:
    """ "Importing: n / N rows" on stderr: rewritten in place on a terminal, else a line at
    every tenth of the sheet (a log stays short)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.tenth = 0
        self.drawn = False

    def show(self, step: imports.Progress) -> None:
        percent = 100 * step.done // max(step.total, 1)
        text = f"Importing: {step.done:,} / {step.total:,} rows ({percent} %)"
        if self.live:
            self.stream.write("\r" + text)
            self.drawn = True
        elif percent // 10 > self.tenth or step.done == step.total:
            self.tenth = percent // 10
            self.stream.write(text + "\n")
        self.stream.flush()

    def end(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "serve":
        return _cmd_serve(args, settings)
    out = _Output(bool(getattr(args, "json", False)), sys.stdout)
    engine = make_engine(settings.database_url, pool_size=1)
    try:
        if args.command == "db":
            return _cmd_db(args, engine, out)
        if args.command in ("backup", "restore"):
            return _cmd_backup(args, engine, out)
        problem = schema_problem(engine)
        if problem:
            raise CliError(problem)
        if args.command == "archive":
            return _cmd_archive(args, engine, out)
        session = make_session_factory(engine)()
        try:
            if args.command == "station":
                return _cmd_station(args, session, settings, out)
            if args.command == "token":
                return _cmd_token(args, session, out)
            if args.command == "area":
                return _cmd_area(args, session, out)
            if args.command == "rules":
                return _cmd_rules(args, session, out)
            if args.command == "audit":
                return _cmd_audit(args, session, out)
            if args.command == "import":
                return _cmd_import(args, session, out)
            if args.command == "report":
                return _cmd_report(args, session, settings, out)
            return _cmd_user(args, session, out)
        finally:
            session.close()
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tracetrack-server`` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return exc.code if isinstance(exc.code, int) else 2
    try:
        settings = Settings.from_env()
        if args.database_url:
            settings = replace(settings, database_url=normalise_database_url(args.database_url))
        return _run(args, settings)
    except (CliError, ServiceError, ValueError) as exc:
        message = exc.message if isinstance(exc, ServiceError) else str(exc)
        print(f"{PROG}: error: {message}", file=sys.stderr)  # noqa: T201
        return 1
    except OperationalError as exc:
        print(  # noqa: T201
            f"{PROG}: error: cannot use the database: {exc.orig or exc}",
            file=sys.stderr,
        )
        return 1
    except SQLAlchemyError as exc:  # e.g. a stored value the driver cannot read back
        print(  # noqa: T201
            f"{PROG}: error: the database answered with an error: {getattr(exc, 'orig', exc)}; "
            "if it persists, run `tracetrack-server db upgrade` (it repairs known bad rows)",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
