"""Station footprint: how long ``tracetrack-station --headless`` takes to be ready, how much
memory it holds after a shift, and how much disk a shift's scans take.

The station runs as a real process (``tests.procs.StationProcess``), offline only (no
``--server``), reading a serial scanner on a pseudo-terminal this benchmark writes to; its
operator is a local user made in the store before it starts.

* *Start-up to ready*: from ``Popen`` to its ``scanner`` line with state ``connected``
  (the median of several launches, each on a fresh data folder).
* *Resident memory*: ``VmRSS`` from ``/proc/PID/status`` after the shift, each scan sent only
  once the previous one's ``scan`` line arrived (closed loop: a steady pace, as fast as the
  station answers).
* *Database size*: every file in the data folder once the station has exited cleanly on
  SIGTERM, scaled to 10,000 scans.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import Context, Figure
from bench.scan_path import scan_codes
from tests.procs import Pty, StationProcess
from tracetrack_desktop.storage.store import LocalStore

NAME = "Station footprint"
SECTION = NAME

OPERATOR = "bench"
SCAN_WAIT_S = 10.0
"""How long one scan may take to come back as a ``scan`` line before the run is broken."""
PER = 10_000
MB = 1024 * 1024


class _TimedStation(StationProcess):
    """A :class:`StationProcess` that stamps every stdout line as it is read."""

    def _read(self) -> None:
        assert self.proc is not None
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            stamp = time.perf_counter_ns()
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if isinstance(line, dict):
                line["_read_ns"] = stamp
                self.lines.put(line)


def _prepare(data_dir: Path, password_hash: str) -> None:
    """A store that knows the shift's operator (what an offline-only setup leaves behind)."""
    store = LocalStore(data_dir)
    try:
        store.add_local_user(OPERATOR, password_hash, "dispatcher")
    finally:
        store.close()


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _status_kb(pid: int, field: str) -> int:
    """A ``kB`` field of ``/proc/PID/status`` (``VmRSS``, ``VmHWM``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def _launch(work: Path, data_dir: Path, pty: Pty) -> tuple[_TimedStation, float]:
    """Start the station; (the running process, seconds from Popen to the scanner connected)."""
    station = _TimedStation(data_dir, work / "token", pty.path, OPERATOR)
    started = time.perf_counter_ns()
    station.start()  # Popen, then waits for "started" and the scanner's "connected"
    connected = next(
        line
        for line in reversed(station.seen)
        if line.get("kind") == "scanner" and line.get("state") == "connected"
    )
    return station, (connected["_read_ns"] - started) / 1e9


@contextmanager
def _running(work: Path, data_dir: Path) -> Iterator[tuple[_TimedStation, float, Pty]]:
    """A headless station on a fresh pty, ready; always stopped and closed afterwards."""
    pty = Pty()
    station: _TimedStation | None = None
    try:
        station, seconds = _launch(work, data_dir, pty)
        yield station, seconds, pty
    finally:
        if station is not None:
            station.ensure_stopped()
        pty.close()


def _terminate(station: _TimedStation) -> None:
    code = station.terminate()
    if code != 0:
        raise RuntimeError(f"the station exited with {code} on SIGTERM")


def startup_seconds(work: Path, password_hash: str, runs: int) -> list[float]:
    """Seconds from ``Popen`` to ready, for ``runs`` launches on fresh data folders."""
    samples: list[float] = []
    for run_no in range(runs):
        data_dir = work / f"startup-{run_no}"
        _prepare(data_dir, password_hash)
        with _running(work, data_dir) as (station, seconds, _pty):
            samples.append(seconds)
            _terminate(station)
    return samples


def shift(work: Path, password_hash: str, n: int) -> dict[str, float]:
    """Run a shift of ``n`` scans; memory (kB), database bytes and the pace it kept."""
    data_dir = work / "shift"
    _prepare(data_dir, password_hash)
    empty_bytes = _folder_bytes(data_dir)
    with _running(work, data_dir) as (station, _ready, pty):
        assert station.proc is not None
        pid = station.proc.pid
        rss_ready = _status_kb(pid, "VmRSS")
        began = time.monotonic()
        for code in scan_codes(n):
            pty.send(code.encode() + b"\r")
            line = station.expect("scan", timeout=SCAN_WAIT_S)
            if line.get("code") != code or not line.get("recorded"):
                raise RuntimeError(f"scan {code} came back as {line}")
        seconds = time.monotonic() - began
        rss_after = _status_kb(pid, "VmRSS")
        peak = _status_kb(pid, "VmHWM")
        station.seen.clear()
        _terminate(station)
    return {
        "rss_ready_kb": rss_ready,
        "rss_after_kb": rss_after,
        "peak_kb": peak,
        "empty_bytes": empty_bytes,
        "db_bytes": _folder_bytes(data_dir),
        "seconds": seconds,
    }


def run(ctx: Context) -> list[Figure]:
    from argon2 import PasswordHasher  # noqa: PLC0415

    if not Path("/proc/self/status").exists():
        raise RuntimeError("resident memory is read from /proc (Linux only)")
    work = ctx.work_dir / "footprint"
    work.mkdir(parents=True, exist_ok=True)
    password_hash = PasswordHasher().hash("bench-secret-1")
    runs = ctx.scale(3, 1)
    n = ctx.scale(PER, 200)

    load = os.getloadavg()[0]
    starts = startup_seconds(work, password_hash, runs)
    got = shift(work, password_hash, n)
    startup_ms = statistics.median(starts) * 1000
    per_10k = got["db_bytes"] * PER / n
    growth_10k = (got["db_bytes"] - got["empty_bytes"]) * PER / n
    return [
        Figure(
            SECTION,
            "start-up to ready (headless)",
            startup_ms,
            "ms",
            note=(
                f"median of {runs}: "
                + ", ".join(f"{s * 1000:.0f}" for s in starts)
                + f" ms; Popen to the scanner connected, offline only; load average {load:.1f}"
            ),
        ),
        Figure(
            SECTION,
            f"resident memory after {n:,} scans",
            got["rss_after_kb"] / 1024,
            "MB",
            note=(
                f"VmRSS; {got['rss_ready_kb'] / 1024:.1f} MB when ready, "
                f"peak {got['peak_kb'] / 1024:.1f} MB; "
                f"{n / got['seconds']:,.0f} scans/s, each sent after the last one's line"
            ),
        ),
        Figure(
            SECTION,
            "local database per 10,000 scans",
            per_10k / MB,
            "MB",
            note=(
                f"{got['db_bytes'] / MB:.2f} MB after {n:,} scans and a clean exit; "
                f"the empty store {got['empty_bytes'] / 1024:.0f} kB, "
                f"growth {growth_10k / MB:.2f} MB per 10,000"
            ),
        ),
    ]
