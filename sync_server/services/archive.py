"""Archiving old months of the event log: each month's partition detached, dumped, dropped.

``events`` holds one partition per month (``db/partitions.py``). Archiving a month takes its
partition out of the table without stopping ingest (``DETACH PARTITION … CONCURRENTLY``),
writes it to a file with ``pg_dump`` (a standalone table: ``pg_restore`` puts it back into
any database to read it), records the file and its SHA-256 in ``event_archives``, then drops
it. If the dump fails the partition is attached again: nothing leaves the database that is
not in a finished file.

What stays: every bag's and bill's state, the stats rollups (dashboards and counts over any
range), and every event's id in ``event_keys`` (an archived event sent again is answered
``duplicate``). What goes: the archived months' event rows (history lines in Lookup, the
event exports and reports of those months).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, insert, text

from sync_server.db.models import EventArchive
from sync_server.db.partitions import Month, attached_months, detach_pending, detached_months
from sync_server.services.backup import BackupError, libpq_target, run_tool
from sync_server.services.errors import ServiceError


class ArchiveError(ServiceError):
    """An archive could not be made; the month it names is still in the database."""

    status = 409
    code = "archive_failed"


@dataclass(frozen=True)
class ArchivedMonth:
    month: Month
    events: int
    file: Path | None  # None on a dry run
    sha256: str | None


def months_before(engine: Engine, before: date) -> list[tuple[Month, bool]]:
    """The months that end on or before ``before`` (never the current one), oldest first,
    each with whether it is still attached (not: an archive cut short after its detach)."""
    current = Month.of(datetime.now(UTC))
    with engine.connect() as conn:
        attached = set(attached_months(conn))
        months = sorted(attached | set(detached_months(conn)))
    return [(m, m in attached) for m in months if m.next().start.date() <= before and m < current]


def archive_before(
    engine: Engine, before: date, directory: Path, *, dry_run: bool = False
) -> list[ArchivedMonth]:
    """Archive every month of events that ends on or before ``before`` into ``directory``
    (one ``events-YYYY-MM.dump`` each), oldest first; with ``dry_run`` only count them."""
    if engine.dialect.name != "postgresql":
        raise ArchiveError(
            "Archiving needs PostgreSQL: the embedded database keeps its events in one table."
        )
    _finish_interrupted(engine)
    months = months_before(engine, before)
    done = []
    for month, attached in months:
        with engine.connect() as conn:
            count = int(conn.execute(text(f"SELECT count(*) FROM {month.table}")).scalar_one())  # noqa: S608
        if dry_run:
            done.append(ArchivedMonth(month, count, None, None))
            continue
        directory.mkdir(parents=True, exist_ok=True)
        done.append(_archive_month(engine, month, attached, count, directory.resolve()))
    return done


def _archive_month(
    engine: Engine, month: Month, attached: bool, count: int, directory: Path
) -> ArchivedMonth:
    if attached:
        _autocommit(engine, f"ALTER TABLE events DETACH PARTITION {month.table} CONCURRENTLY")
    target = directory / f"events-{month}.dump"
    partial = target.with_name(target.name + ".partial")
    try:
        dbname, env = libpq_target(engine)
        run_tool(
            [
                "pg_dump",
                "--format=custom",
                f"--table=public.{month.table}",
                f"--file={partial}",
                dbname,
            ],
            env,
        )
        run_tool(["pg_restore", "--list", str(partial)])  # a whole archive, readable
        digest = _sha256(partial)
        os.replace(partial, target)
    except (BackupError, OSError) as exc:
        partial.unlink(missing_ok=True)
        _autocommit(
            engine,
            f"ALTER TABLE events ATTACH PARTITION {month.table} {month.bounds}",
        )
        raise ArchiveError(f"{month} was not archived and stays in the database: {exc}") from exc
    with engine.begin() as conn:
        conn.execute(
            insert(EventArchive).values(
                month=str(month),
                events=count,
                file=str(target),
                sha256=digest,
                archived_at=datetime.now(UTC),
            )
        )
        conn.execute(text(f"DROP TABLE {month.table}"))
    return ArchivedMonth(month, count, target, digest)


def _finish_interrupted(engine: Engine) -> None:
    """A detach cut short (the command killed mid-way) leaves its partition half detached;
    finish it, so the month is archived again from the start (it is still whole)."""
    with engine.connect() as conn:
        pending = detach_pending(conn)
    for table in pending:
        _autocommit(engine, f"ALTER TABLE events DETACH PARTITION {table} FINALIZE")


def _autocommit(engine: Engine, statement: str) -> None:
    """Run a statement outside a transaction block (``CONCURRENTLY`` needs that)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(statement))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
