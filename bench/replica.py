"""Read replica: the dashboard's reads on the primary and on a streaming replica, while stations
upload.

A private primary and a ``pg_basebackup`` replica of it run on this machine
(tests/server/replica_setup.py). ``tracetrack-server serve`` (2 workers) runs twice on the
primary: once alone, once with ``TRACETRACK_READ_DATABASE_URL`` naming the replica. Each time
``STATIONS`` threads upload batches (a parent and ``CHILDREN`` children) back to back while one
reader requests the dashboard's mix (summary, throughput by station, daily, stock, stations) in
turn; the figures are the mix's latency, the uploads' latency and rate, and which database
answered the reads (``X-TraceTrack-Read-Source``). Both clusters and the app share this
machine's two cores, so what this shows is the routing's cost and the share the replica takes
under load, not the CPU a replica on its own host takes off the primary.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections import Counter
from typing import Any

import requests
from sqlalchemy.orm import Session

from bench.common import Context, Figure, percentile
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine
from tests.procs import BIN, clean_env, free_port, wait_for
from tests.server.factories import batch, children, event, make_read_token, make_station
from tests.server.replica_setup import Replicated, pg_tools_found

NAME = "Read replica"
SECTION = (
    "Read replica (dashboard reads while stations upload; primary and replica on this machine)"
)

STATIONS = 8
CHILDREN = 20
MIX = (
    "/api/v1/stats/summary",
    "/api/v1/stats/throughput?bucket=hour&by=station",
    "/api/v1/stats/daily",
    "/api/v1/stats/stock",
    "/api/v1/stations",
)


def _serve(primary: str, replica: str | None) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {"TRACETRACK_DATABASE_URL": primary, "TRACETRACK_RATE_LIMIT_PER_MINUTE": "1000000"}
    if replica:
        env["TRACETRACK_READ_DATABASE_URL"] = replica
    command = [str(BIN / "tracetrack-server"), "serve", "--host", "127.0.0.1"]
    proc = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        env=clean_env(**env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return requests.get(f"{url}/readyz", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    wait_for(ready, "the server")
    return proc, url


def _phase(
    url: str, stations: list[tuple[str, str]], read_token: str, seconds: float
) -> dict[str, Any]:
    stop = threading.Event()
    uploads: list[float] = []
    events = [0]
    lock = threading.Lock()

    def upload(station_id: str, token: str) -> None:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            while not stop.is_set():
                parent = f"SB{time.time_ns() % 100_000:05d}"
                batch_events = [event("parent_scan", parent)]
                batch_events += [event("child_link", c, parent=parent) for c in children(CHILDREN)]
                t0 = time.perf_counter()
                http.post(f"{url}/api/v1/sync/events", json=batch(station_id, batch_events))
                with lock:
                    uploads.append(time.perf_counter() - t0)
                    events[0] += len(batch_events)

    threads = [threading.Thread(target=upload, args=s, daemon=True) for s in stations]
    for thread in threads:
        thread.start()
    reads: list[float] = []
    sources: Counter[str] = Counter()
    with requests.Session() as http:
        http.headers["Authorization"] = f"Bearer {read_token}"
        started = time.monotonic()
        n = 0
        while time.monotonic() - started < seconds:
            t0 = time.perf_counter()
            response = http.get(url + MIX[n % len(MIX)])
            reads.append(time.perf_counter() - t0)
            sources[response.headers.get("X-TraceTrack-Read-Source", "?")] += 1
            n += 1
        elapsed = time.monotonic() - started
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    return {
        "reads": reads,
        "sources": sources,
        "uploads": uploads,
        "events_per_s": events[0] / elapsed,
    }


def run(ctx: Context) -> list[Figure]:
    if not pg_tools_found():
        ctx.notes.append("read replica: PostgreSQL's server tools are not here; not measured")
        return []
    seconds = ctx.scale(30, 5)
    pair = Replicated()
    figures: list[Figure] = []
    try:
        pair.start()
        engine = make_engine(pair.primary_url)
        upgrade(engine)
        with Session(engine) as session:
            stations = [make_station(session, f"Line {n}") for n in range(STATIONS)]
            read_token = make_read_token(session)
        engine.dispose()
        for label, replica in (("primary only", None), ("with replica", pair.replica_url)):
            proc, url = _serve(pair.primary_url, replica)
            try:
                got = _phase(url, stations, read_token, seconds)
            finally:
                proc.terminate()
                proc.wait(timeout=60)
            served = got["sources"]
            share = 100 * served["replica"] / max(1, sum(served.values()))
            note = (
                f"{STATIONS} stations uploading {CHILDREN + 1}-event batches back to back, "
                f"{seconds} s; reads answered by: "
                + ", ".join(f"{k} {v}" for k, v in sorted(served.items()))
            )
            reads_ms = [r * 1000 for r in got["reads"]]
            uploads_ms = [u * 1000 for u in got["uploads"]]
            figures += [
                Figure(SECTION, f"{label}: dashboard mix p50", percentile(reads_ms, 50), "ms"),
                Figure(
                    SECTION,
                    f"{label}: dashboard mix p99",
                    percentile(reads_ms, 99),
                    "ms",
                    note=note,
                ),
                Figure(SECTION, f"{label}: upload p99", percentile(uploads_ms, 99), "ms"),
                Figure(SECTION, f"{label}: events stored", got["events_per_s"], "events/s"),
            ]
            if replica:
                figures.append(Figure(SECTION, f"{label}: reads served by the replica", share, "%"))
            print(f"   {label}: {note}", flush=True)
    finally:
        pair.close()
    return figures
