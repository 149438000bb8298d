"""Backup and restore of the server's database, wrapping the database's own tools.

PostgreSQL: ``pg_dump`` in its custom format and ``pg_restore`` (one transaction). The
embedded SQLite database: SQLite's online backup API, both ways. Every restore gives the
database a new epoch (``services/epochs.py``), so stations send again what the backup lacks.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from sync_server.db.epoch import read_epoch, write_new_epoch
from sync_server.db.schema import current_revision, upgrade
from sync_server.services.epochs import forget_epoch
from sync_server.services.errors import ServiceError

DATA_TABLES = ("stations", "events", "users", "bags", "bills")
"""A database with a row in any of these holds data a restore would overwrite."""

_TOC_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ")


class BackupError(ServiceError):
    """A backup or restore could not be done; nothing was changed (the message says why)."""

    status = 409
    code = "backup_failed"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    database: str  # the URL without its password
    epoch: str | None  # the epoch of the database backed up


@dataclass(frozen=True)
class RestoreInfo:
    path: Path
    database: str
    revision: str | None  # the schema after the restore (upgraded to this server's)
    epoch: str  # the new epoch
    backup_epoch: str | None  # the epoch stored in the backup


def backup_database(engine: Engine, path: Path) -> BackupInfo:
    """Write a consistent copy of the database to ``path`` (replaced only once complete)."""
    path = path.resolve()
    partial = path.with_name(path.name + ".partial")
    with engine.connect() as conn:
        epoch = read_epoch(conn)
    try:
        if _is_sqlite(engine):
            _sqlite_copy(_sqlite_file(engine), partial)
        else:
            dbname, env = libpq_target(engine)
            run_tool(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-unlogged-table-data",  # rate-limit counters: nothing to keep
                    f"--file={partial}",
                    dbname,
                ],
                env,
            )
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupInfo(path=path, size=path.stat().st_size, database=_safe(engine), epoch=epoch)


def restore_database(engine: Engine, path: Path, *, overwrite: bool) -> RestoreInfo:
    """Replace the database's contents with the backup at ``path``, then give it a new epoch.

    Args:
        overwrite: the database may hold data (without it, a database with any station,
            event, user, bag or bill is refused and left as it is).

    Raises:
        BackupError: the file is not a backup, a server is still connected, the database
            holds data and ``overwrite`` is false, or the tool failed (its message is kept).
    """
    path = path.resolve()
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    if _is_sqlite(engine):
        backup_epoch = _check_sqlite_backup(path)
    else:
        backup_epoch = None  # read from the restored database below
        _check_archive(path)
        _refuse_if_connected(engine)
    if not overwrite and _holds_data(engine):
        raise BackupError(
            f"{_safe(engine)} holds data; a restore replaces all of it. "
            "Add --yes to restore anyway."
        )
    engine.dispose()  # our own pooled connections must not hold a lock the restore needs
    if _is_sqlite(engine):
        _sqlite_copy(path, Path(_sqlite_file(engine)))
    else:
        _pg_restore(engine, path)
    with engine.begin() as conn:
        backup_epoch = read_epoch(conn) if backup_epoch is None else backup_epoch
    upgrade(engine)  # a backup of an older version: bring its schema to this server's
    with engine.begin() as conn:
        epoch = write_new_epoch(conn)
    forget_epoch(engine)
    return RestoreInfo(
        path=path,
        database=_safe(engine),
        revision=current_revision(engine),
        epoch=epoch,
        backup_epoch=backup_epoch,
    )


# -- PostgreSQL ---------------------------------------------------------------------------


def libpq_target(engine: Engine) -> tuple[str, dict[str, str]]:
    """``--dbname=`` with the libpq URI (without the password: it would show in the process
    list) and the environment that carries the password."""
    url: URL = engine.url.set(drivername="postgresql")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return "--dbname=" + url.set(password=None).render_as_string(hide_password=False), env


def run_tool(argv: list[str], env: dict[str, str] | None = None) -> str:
    """Run a PostgreSQL tool; its output, or :class:`BackupError` with its last words."""
    tool = argv[0]
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} is not installed or not on PATH (install the PostgreSQL client tools, "
            "the same major version as the server or newer)."
        )
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError(
            f"{tool} failed: " + (" / ".join(detail[-5:]) or f"exit {done.returncode}")
        )
    return done.stdout


def _check_archive(path: Path) -> None:
    """Refuse a file that is not a pg_dump archive of a TraceTrack database."""
    listing = run_tool(["pg_restore", "--list", str(path)])
    tables = set()
    for line in listing.splitlines():
        found = _TOC_TABLE.match(line)
        if found and found.group(1) == "public":
            tables.add(found.group(2))
    if "alembic_version" not in tables:
        raise BackupError(f"{path} is a pg_dump archive but not of a TraceTrack database.")


def _refuse_if_connected(engine: Engine) -> None:
    with engine.connect() as conn:
        others = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar_one()
    if others:
        raise BackupError(
            f"{others} other connection(s) to {_safe(engine)}: stop every "
            "`tracetrack-server serve` (on every app node) before a restore."
        )


_DROP_ALL = """DO $$ DECLARE found record; BEGIN
FOR found IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', found.tablename);
END LOOP;
FOR found IN SELECT p.oid::regprocedure AS routine FROM pg_proc AS p
    JOIN pg_namespace AS n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP
    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', found.routine);
END LOOP;
FOR found IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', found.sequencename);
END LOOP;
END $$"""
"""Everything of the schema in ``public``: what the backup holds comes back, and what a
newer schema added is made again by the upgrade that follows the restore."""


def _pg_restore(engine: Engine, path: Path) -> None:
    """Replace the database's contents with the archive's in one transaction: a failure
    anywhere leaves the database as it was.

    ``pg_restore --clean`` cannot be used: it drops a month partition's primary key before the
    parent's, which PostgreSQL refuses (an inherited constraint). So the archive becomes SQL
    first (a damaged archive fails here, before anything is touched), and ``psql`` runs the
    drop of everything and that SQL in one transaction."""
    dbname, env = libpq_target(engine)
    with tempfile.TemporaryDirectory(prefix="tracetrack-restore-") as work:  # TMPDIR: room
        script = Path(work) / "restore.sql"
        run_tool(["pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(path)])
        run_tool(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                dbname,
                f"--command={_DROP_ALL}",
                f"--file={script}",
            ],
            env,
        )


# -- SQLite ------------------------------------------------------------------------------


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_file(engine: Engine) -> str:
    name = engine.url.database
    if not name or name == ":memory:":
        raise BackupError("An in-memory database has nothing to back up or restore.")
    return name


def _sqlite_copy(source: Path | str, target: Path) -> None:
    """Copy a whole database with SQLite's backup API: consistent while others read, and
    into a live WAL database it replaces every page under the writer's lock."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(f"copying {source} to {target} failed: {exc}") from exc
    finally:
        src.close()


def _check_sqlite_backup(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT version_num FROM alembic_version").fetchall()
            row = conn.execute("SELECT value FROM settings WHERE key = 'database_epoch'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table: settings" in str(exc):
                return None
            raise
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a backup of a TraceTrack database ({exc}).") from exc
    if row is None:
        return None
    found = re.search(r'"epoch":\s*"([0-9a-f]+)"', str(row[0]))
    return found.group(1) if found else None


def _holds_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        for table in DATA_TABLES:
            if (
                table in present
                and conn.execute(
                    text(f"SELECT EXISTS (SELECT 1 FROM {table})")  # noqa: S608 - our own names
                ).scalar()
            ):
                return True
    return False


def _safe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
