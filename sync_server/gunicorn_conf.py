"""Gunicorn settings for the sync server: the one source of truth.

``tracetrack-server serve`` passes :func:`options` to gunicorn programmatically, and
``packaging/gunicorn.conf.py`` (for ``gunicorn -c packaging/gunicorn.conf.py
sync_server.wsgi:app``) loads the same values from here, so the two never drift apart.

Why these values: gthread workers let one process overlap a few slow requests (a large
upload, a report) without the memory of more processes; one worker per core, plus one,
keeps the cores busy while other workers wait on the database (500 simulated stations on
2 cores: p99 ~170 ms with 3 workers against ~500 ms with 2, bench/NOTES.md);
``max_requests`` with jitter recycles workers one at a time so a slow leak never takes the
whole server down. Each request is already logged as one JSON line by the app, so
gunicorn's own access log is off.

Prometheus metrics from several worker processes add up only when every process writes
to one ``PROMETHEUS_MULTIPROC_DIR``; :func:`prepare_metrics_dir` makes a fresh one when the
admin did not set it, and :func:`child_exit` tells prometheus_client a worker is gone.
This module imports prometheus_client only inside hooks: the variable must be set before
the library is first imported, or the workers fall back to per-process counters.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tracetrack_core.process import (
    GC_THRESHOLDS,  # noqa: F401 - the workers' thresholds
    settle_collector,
)

METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8600
DEFAULT_THREADS = 4
MAX_THREADS = 8
TIMEOUT_SECONDS = 60
GRACEFUL_TIMEOUT_SECONDS = 30
KEEPALIVE_SECONDS = 5
MAX_REQUESTS = 100_000
MAX_REQUESTS_JITTER = 10_000
# 500 stations make ~300 requests/s: a worker is recycled about every five minutes. At 5,000
# (the first value) each worker restarted every ~30 s, dropping its keep-alive connections
# and paying its start-up inside the many-stations benchmark's tail.

_created_metrics_dir: str | None = None


def cpu_count() -> int:
    """CPU cores this process may use (respects taskset/cgroup affinity where Linux tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def prepare_metrics_dir() -> str:
    """Point ``PROMETHEUS_MULTIPROC_DIR`` at an empty directory; return its path.

    Unset: a fresh temporary directory (removed again by :func:`on_exit`). Set by the admin:
    created if missing and emptied of the previous run's files, as prometheus_client asks.
    """
    global _created_metrics_dir  # noqa: PLW0603 - one master process, one directory
    path = os.environ.get(METRICS_DIR_ENV)
    if not path:
        path = tempfile.mkdtemp(prefix="tracetrack-metrics-")
        os.environ[METRICS_DIR_ENV] = path
        _created_metrics_dir = path
        return path
    directory = Path(path)
    directory.mkdir(parents=True, exist_ok=True)
    if path != _created_metrics_dir:
        for stale in directory.glob("*.db"):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
    return path


def on_starting(_server: Any) -> None:
    """Gunicorn hook (master, before any worker): make sure the metrics directory is ready."""
    prepare_metrics_dir()


def child_exit(_server: Any, worker: Any) -> None:
    """Gunicorn hook (master): drop a dead worker's live gauges from the metrics."""
    if os.environ.get(METRICS_DIR_ENV):
        from prometheus_client import multiprocess  # noqa: PLC0415 - see module docstring

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def post_worker_init(_worker: Any) -> None:
    """Move everything loaded so far (Flask, SQLAlchemy, the app) out of the garbage
    collector's sight: a full collection then walks only what requests made, instead of
    pausing a large report for 40-60 ms (measured by ``bench/read_side.py``); then collect
    less often (:data:`GC_THRESHOLDS`)."""
    settle_collector()


def on_exit(_server: Any) -> None:
    """Gunicorn hook (master, last): remove the metrics directory if we made it."""
    if _created_metrics_dir:
        shutil.rmtree(_created_metrics_dir, ignore_errors=True)


def options(
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int | None = None,
    threads: int | None = None,
) -> dict[str, Any]:
    """Gunicorn settings by their config-file names (``bind``, ``workers`` ...)."""
    # Heartbeat files in RAM, so a slow disk cannot make workers look dead; gunicorn
    # creates them with mkstemp, so a shared directory is safe.
    shm = Path("/dev/shm")  # noqa: S108
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "worker_class": "gthread",
        "workers": workers or cpu_count() + 1,
        "threads": min(max(threads or DEFAULT_THREADS, 1), 64),
        "timeout": TIMEOUT_SECONDS,
        "graceful_timeout": GRACEFUL_TIMEOUT_SECONDS,
        "keepalive": KEEPALIVE_SECONDS,
        "max_requests": MAX_REQUESTS,
        "max_requests_jitter": MAX_REQUESTS_JITTER,
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "tracetrack-server",
        # gunicorn 24+ opens a control socket at a fixed path in $HOME; two servers on one
        # machine would fight over it, and nothing here uses it (older gunicorn: ignored).
        "control_socket_disable": True,
        "worker_tmp_dir": str(shm) if shm.is_dir() else None,
        "on_starting": on_starting,
        "child_exit": child_exit,
        "post_worker_init": post_worker_init,
        "on_exit": on_exit,
    }
