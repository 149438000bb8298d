"""Exports: a million bags as XLSX and as CSV through ``GET /api/v1/exports/bags``.

A scratch PostgreSQL database gets 1,000,000 bags (smoke: 10,000) straight from
``generate_series`` (parents of 30 children, every other parent on a bill; not through ingest:
the export reads the ``bags`` table, nothing else), then ``VACUUM ANALYZE``. For each format a
fresh ``tracetrack-server serve`` with one worker is started, warmed up with an empty export,
and the whole file downloaded over HTTP with a read-only token. Figures: the download's time
(request to last byte) and the worker's peak resident memory (``VmHWM``), beside the worker's
memory at rest and PostgreSQL's own ``COPY ... TO STDOUT`` of the same rows (the floor of
reading them out of the database).
"""

from __future__ import annotations

import json
import subprocess
import time
import zipfile
from pathlib import Path

import psycopg
import requests

from bench.common import Context, Figure, scratch_database
from tests.procs import BIN, ServerProcess, clean_env

NAME = "Exports"
SECTION = "Exports (GET /api/v1/exports/bags, tracetrack-server serve on PostgreSQL, 1 worker)"

ROWS_FULL = 1_000_000
ROWS_SMOKE = 10_000
CHILDREN = 30
PEAK_TARGET_MB = 200.0
"""The worker's peak memory, whatever the number of rows (bounded: it holds one page)."""

_PARENTS = """
INSERT INTO bags (code, kind, parent, child_count, status, bill, created_at, updated_at,
                  version, area)
SELECT 'SB' || lpad(g::text, 8, '0'), 'parent', NULL, %(children)s, 'completed',
       CASE WHEN mod(g, 2) = 0 THEN 'BILL-' || lpad((g / 40)::text, 6, '0') END,
       now() - interval '2 days' + g * interval '100 ms',
       now() - interval '1 day' + g * interval '100 ms',
       1, 'Hall ' || chr(65 + mod(g, 6))
FROM generate_series(1, %(n)s) g
"""
_CHILDREN = """
INSERT INTO bags (code, kind, parent, child_count, status, bill, created_at, updated_at,
                  version, area)
SELECT 'CB' || lpad(g::text, 9, '0'), 'child',
       'SB' || lpad(((g - 1) / %(children)s + 1)::text, 8, '0'), 0, 'open', NULL,
       now() - interval '2 days' + g * interval '3 ms',
       now() - interval '2 days' + g * interval '3 ms',
       1, 'Hall ' || chr(65 + mod((g - 1) / %(children)s + 1, 6))
FROM generate_series(1, %(n)s) g
"""


TOKEN_ADD = ("token", "add", "bench", "--read-only", "--json")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _fill(url: str, rows: int) -> float:
    """``rows`` bags (a parent to every 30 children), analysed; returns the seconds taken."""
    parents = rows // (CHILDREN + 1)
    started = time.monotonic()
    with psycopg.connect(_dsn(url)) as conn:
        conn.execute(_PARENTS, {"children": CHILDREN, "n": parents})
        conn.execute(_CHILDREN, {"children": CHILDREN, "n": rows - parents})
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE bags")
    return time.monotonic() - started


def _copy_seconds(url: str) -> float:
    """PostgreSQL's own COPY of every bag to this process, read and dropped."""
    started = time.monotonic()
    sql = "COPY (SELECT * FROM bags ORDER BY code) TO STDOUT (FORMAT csv)"
    with psycopg.connect(_dsn(url)) as conn, conn.cursor() as cur, cur.copy(sql) as copy:
        for _ in copy:
            pass
    return time.monotonic() - started


def _read_token(url: str) -> str:
    done = subprocess.run(
        [str(BIN / "tracetrack-server"), "--database-url", url, *TOKEN_ADD],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(),
    )
    return str(json.loads(done.stdout)["token"])


def _worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    if len(children) != 1:
        raise RuntimeError(f"expected one gunicorn worker, found {children}")
    return int(children[0])


def _memory_mb(pid: int, field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (the peak so far) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")


def _export(
    url: str, token: str, fmt: str, out: Path, rows: int
) -> tuple[float, float, float, int]:
    """Downloads the bags export; returns (seconds, peak MB, MB at rest, bytes)."""
    headers = {"Authorization": f"Bearer {token}"}
    server = ServerProcess(url, workers=1).start()
    try:
        assert server.proc is not None
        worker = _worker_pid(server.proc.pid)
        warm = requests.get(
            f"{server.url}/api/v1/exports/bags?format={fmt}&from=2000-01-01&to=2000-01-01",
            headers=headers,
            timeout=60,
        )
        warm.raise_for_status()
        rest = _memory_mb(worker, "VmRSS")
        started = time.monotonic()
        with requests.get(
            f"{server.url}/api/v1/exports/bags?format={fmt}",
            headers=headers,
            stream=True,
            timeout=(10, 900),
        ) as response:
            response.raise_for_status()
            with out.open("wb") as sink:
                for chunk in response.iter_content(1 << 16):
                    sink.write(chunk)
        seconds = time.monotonic() - started
        peak = _memory_mb(worker, "VmHWM")
    finally:
        server.stop()
    size = out.stat().st_size
    _check(out, fmt, rows)
    out.unlink()
    return seconds, peak, rest, size


def _check(path: Path, fmt: str, rows: int) -> None:
    """The file holds every row (CSV: counted; XLSX: a workbook with one sheet of them)."""
    if fmt == "csv":
        with path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        if lines != rows + 1:
            raise RuntimeError(f"the CSV has {lines} lines for {rows} bags")
        return
    with zipfile.ZipFile(path) as book, book.open("xl/worksheets/sheet1.xml") as sheet:
        tail = b""
        for chunk in iter(lambda: sheet.read(1 << 20), b""):
            tail = (tail + chunk)[-4096:]
    last_row = tail.rsplit(b'<row r="', 1)[-1].split(b'"', 1)[0]
    if int(last_row) != rows + 1:
        raise RuntimeError(f"the workbook's last row is {last_row!r} for {rows} bags")


def run(ctx: Context) -> list[Figure]:
    rows = ctx.scale(ROWS_FULL, ROWS_SMOKE)
    label = f"{rows:,} bags"
    figures: list[Figure] = []
    with scratch_database("tt_bench_exports") as url:
        filled = _fill(url, rows)
        print(f"   {label} written in {filled:.1f} s", flush=True)
        token = _read_token(url)
        copy = _copy_seconds(url)
        floor = f"PostgreSQL COPY of the same rows {copy:.1f} s"
        for fmt in ("csv", "xlsx"):
            seconds, peak, rest, size = _export(url, token, fmt, ctx.work_dir / f"bags.{fmt}", rows)
            print(
                f"   {fmt}: {seconds:.1f} s, peak {peak:.0f} MB (at rest {rest:.0f} MB), "
                f"{size:,} B",
                flush=True,
            )
            name = fmt.upper()
            figures += [
                Figure(
                    SECTION,
                    f"{name} export of {label}: time to the last byte",
                    seconds,
                    "s",
                    limit=floor,
                    note=f"{size / 1e6:,.0f} MB file; {rows / seconds:,.0f} rows/s",
                ),
                Figure(
                    SECTION,
                    f"{name} export of {label}: server worker's peak memory",
                    peak,
                    "MB",
                    target=f"< {PEAK_TARGET_MB:.0f} MB",
                    met=peak < PEAK_TARGET_MB,
                    limit=f"the worker at rest {rest:.0f} MB",
                    note="VmHWM of the one gunicorn worker, started fresh for this export",
                ),
            ]
    return figures
