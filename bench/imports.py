"""Spreadsheet import: an 80,000-row XLSX of new child -> parent links (2,667 parents of 30),
checked (dry run) and imported into a fresh PostgreSQL database by the real service
(``sync_server.services.imports``: calamine, the rules, ingest in batches of 2,000).

Each run is a process of its own (``python -m bench.imports URL FILE MODE``), so its peak
resident memory (``ru_maxrss``) is the import's, not this harness's. Beside the figures, the
same process reads the sheet alone (every row as the import reads it, nothing checked): the
floor the file format sets.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import xlsxwriter

from bench.common import Context, Figure, scratch_database

NAME = "Spreadsheet import"
SECTION = "Spreadsheet import (80,000-row XLSX of new links → PostgreSQL, the real service)"
TARGET_S = 60.0
OPERATOR = "bench"
MB = 1024


def write_sheet(path: Path, rows: int) -> None:
    """``rows`` new links under a header, as a supplier's sheet would hold them."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Links")
    sheet.write_row(0, 0, ["Child Bag No", "Parent Bag"])
    for i in range(rows):
        sheet.write_string(i + 1, 0, f"CB{i:08d}")
        sheet.write_string(i + 1, 1, f"SB{i // 30:05d}")
    book.close()


def _measure(url: str, path: Path, mode: str) -> dict[str, Any]:
    """One import (``dry`` or ``real``) or a bare read (``read``), in this process."""
    from sync_server.db.models import User  # noqa: PLC0415
    from sync_server.db.session import make_engine, make_session_factory  # noqa: PLC0415
    from sync_server.db.versions import next_version  # noqa: PLC0415
    from sync_server.services import imports, sheet_reader  # noqa: PLC0415
    from sync_server.services.site_rules import SiteRules  # noqa: PLC0415

    data = path.read_bytes()
    started = time.perf_counter()
    if mode == "read":
        sheet = sheet_reader.open_workbook(data).sheet(None)
        rows = sum(1 for _ in sheet.rows())
        accepted = rows
    else:
        engine = make_engine(url, pool_size=1)
        session = make_session_factory(engine)()
        if mode == "real":  # (the dry run before it needs no one)
            with session.begin():  # no password: hashing one would be this process's peak
                version = next_version(session)
                session.add(
                    User(username=OPERATOR, password_hash="!", role="admin", version=version)
                )
            started = time.perf_counter()
        request = imports.ImportRequest("links", data, OPERATOR, dry_run=mode == "dry")
        summary = imports.complete(imports.run(session, request, site_rules=SiteRules()))
        rows, accepted = summary.rows, summary.accepted
        session.close()
        engine.dispose()
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"rows": rows, "accepted": accepted, "seconds": seconds, "peak_mb": peak_kb / MB}


def _in_process(url: str, path: Path, mode: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.imports", url, str(path), mode],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.imports {mode} failed: {done.stderr[-2000:]}")
    got: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return got


def run(ctx: Context) -> list[Figure]:
    rows = ctx.scale(80_000, 600)
    path = ctx.work_dir / "links.xlsx"
    write_sheet(path, rows)
    size_mb = path.stat().st_size / (1024 * 1024)
    figures: list[Figure] = []
    with scratch_database("tt_bench_imports") as url:
        bare = _in_process(url, path, "read")
        floor = f"reading the sheet alone: {bare['rows'] / bare['seconds']:,.0f} rows/s"
        for mode, label in (("dry", "dry run"), ("real", "import")):
            got = _in_process(url, path, mode)
            if got["accepted"] != rows:
                raise RuntimeError(f"{label}: {got['accepted']} of {rows} rows accepted")
            note = f"{rows:,} rows, {size_mb:.1f} MB file; peak RSS {got['peak_mb']:.0f} MB"
            figures += [
                Figure(
                    SECTION,
                    f"{label}: {rows:,} rows",
                    got["seconds"],
                    "s",
                    target=f"< {TARGET_S:.0f} s",
                    met=got["seconds"] < TARGET_S,
                    limit=floor,
                    note=note,
                ),
                Figure(SECTION, f"{label}: rows/s", rows / got["seconds"], "rows/s", note=note),
                Figure(
                    SECTION,
                    f"{label}: peak resident memory",
                    got["peak_mb"],
                    "MB",
                    limit=f"the bare read's process: {bare['peak_mb']:.0f} MB",
                    note="ru_maxrss of the process that ran it (interpreter and libraries "
                    "included)",
                ),
            ]
    return figures


if __name__ == "__main__":
    print(json.dumps(_measure(sys.argv[1], Path(sys.argv[2]), sys.argv[3])))
