"""What every benchmark shares: the context it runs in, its figures, percentiles, PostgreSQL.

A benchmark module exposes ``NAME`` (a section title) and ``run(ctx) -> list[Figure]``. It
measures its figure *and* the physical limit beside it in the same run, so the ratio holds on
a noisy machine. With ``ctx.smoke`` it runs a few seconds' worth, only to prove it still works.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One measured number, with its target and the limit it is compared with.

    Attributes:
        section: the benchmark (e.g. "Station scan path").
        name: what was measured ("durable commit p99").
        value: the number.
        unit: "ms", "events/s", "%", "MB", ...
        target: the goal as text ("< 5 ms"), or "" if none.
        met: whether the target was met (None: no target).
        limit: the physical limit measured beside it, as text ("bare SQLite insert p99 0.31 ms").
        note: anything a reader needs (sizes, settings).
    """

    section: str
    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    limit: str = ""
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Context:
    smoke: bool
    work_dir: Path
    notes: list[str] = field(default_factory=list)

    def scale(self, full: int, smoke: int) -> int:
        return smoke if self.smoke else full


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary_ms(samples_s: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/max/mean in milliseconds of samples in seconds."""
    ms = [s * 1000 for s in samples_s]
    return {
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms) if ms else 0.0,
        "mean": statistics.fmean(ms) if ms else 0.0,
    }


def scratch_database(prefix: str = "tt_bench") -> AbstractContextManager[str]:
    """A fresh PostgreSQL database at the current schema; dropped afterwards (the tests' own
    :func:`tests.server.fresh_db.fresh_database`, imported only when a benchmark needs one)."""
    from tests.server.fresh_db import fresh_database  # noqa: PLC0415

    return fresh_database(prefix)


@contextmanager
def station_process() -> Iterator[None]:
    """This process plays the station: its garbage collector runs as the station's does once
    started (:func:`tracetrack_core.process.settle_collector`), and is given back after."""
    from tracetrack_core.process import settle_collector  # noqa: PLC0415

    thresholds = gc.get_threshold()
    settle_collector()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def machine() -> dict[str, str]:
    """What this ran on (written at the top of RESULTS.md)."""

    def first_line(cmd: list[str]) -> str:
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
        except OSError:
            return "?"
        return (
            (out.stdout or out.stderr).strip().splitlines()[0] if out.stdout or out.stderr else "?"
        )

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "python": platform.python_version(),
        "os": platform.platform(),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "postgresql": first_line(["psql", "--version"]),
    }
