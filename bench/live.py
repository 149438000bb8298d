"""Live dashboards: a scan at station A until station B's dashboard shows it, over the server's
stats stream (``GET /api/v1/stats/events``), against ``tracetrack-server serve`` with its
default settings on PostgreSQL.

* **Scan to figure.** 200 dashboards hold a stream open. Station A uploads a parent scan;
  dashboard B, on the ``stats`` event, fetches ``/stats/summary`` as the station's dashboard
  does and waits for the figure to grow. Measured from the start of A's upload to B holding
  the new figure (the station's Qt paint adds a few ms); p50 and p95 over the scans. Beside
  it, when the event reached every one of the 200 streams.
* **Idle cost.** The server's CPU (every gunicorn process, from ``/proc``) while the 200
  streams are open and nothing happens, beside the same server with none open.
* **Uploads beside them.** The 500-station upload benchmark (``bench/many_stations.py``) run
  with the 200 streams open the whole time (each reads every event; the dashboards' own
  fetches are left out: a station fetches at most once a second, ``ui/live_stats.py``).

The clients are asyncio tasks with a minimal HTTP client, in one process, as in
``many_stations``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Context, Figure, percentile, scratch_database
from bench.many_stations import LEVELS, WARMUP_S, Http, Stats, _make_stations, _run_level
from tests.procs import ServerProcess

NAME = "Live dashboards"
SECTION = "Live dashboards (server-sent events, tracetrack-server serve, this machine)"
STREAMS = 200
SCANS = 50
IDLE_SECONDS = 10.0
EVENTS_PATH = "/api/v1/stats/events"


@dataclass
class Stream:
    """One dashboard's stream: when each ``stats`` event arrived."""

    host: str
    port: int
    token: str
    arrivals: list[float] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    opened: asyncio.Event = field(default_factory=asyncio.Event)

    async def follow(self) -> None:
        """Read events until cancelled, reconnecting when the server ends the stream."""
        while True:
            reader, writer = await asyncio.open_connection(self.host, self.port)
            try:
                writer.write(
                    f"GET {EVENTS_PATH} HTTP/1.1\r\nHost: {self.host}\r\n"
                    f"Authorization: Bearer {self.token}\r\n"
                    "Accept: text/event-stream\r\n\r\n".encode()
                )
                await writer.drain()
                status = await reader.readline()
                if b" 200 " not in status:
                    raise RuntimeError(f"the stream was refused: {status!r}")
                while await reader.readline() not in (b"\r\n", b"\n", b""):
                    pass
                self.opened.set()
                async for line in reader:
                    if line.startswith(b"event: stats"):
                        self.arrivals.append(time.perf_counter())
                        self.changed.set()
            finally:
                writer.close()
                with contextlib.suppress(ConnectionError):
                    await writer.wait_closed()


async def _open_streams(
    port: int, token: str, n: int
) -> tuple[list[Stream], list[asyncio.Task[None]]]:
    streams = [Stream("127.0.0.1", port, token) for _ in range(n)]
    tasks = [asyncio.create_task(s.follow()) for s in streams]
    await asyncio.wait_for(asyncio.gather(*(s.opened.wait() for s in streams)), timeout=60)
    return streams, tasks


async def _close(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _parent_scan(station_id: str, seq: int) -> bytes:
    now = datetime.now(UTC).isoformat()
    event = {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "type": "parent_scan",
        "code": f"SB{seq:05d}",
        "occurred_at": now,
        "operator": "op",
    }
    return json.dumps({"station_id": station_id, "sent_at": now, "events": [event]}).encode()


def _reached(seen: dict[str, int], count: int) -> Callable[[], bool]:
    return lambda: seen["parent_scans"] >= count


async def _scan_to_figure(
    port: int, station: tuple[str, str], read_token: str, scans: int, n_streams: int
) -> tuple[list[float], list[float]]:
    """(A's upload to B's fetched figure, A's upload to the event at each stream), seconds."""
    streams, tasks = await _open_streams(port, read_token, n_streams)
    b = streams[0]
    upload = Http("127.0.0.1", port, station[1])
    dashboard = Http("127.0.0.1", port, read_token)
    seen = {"parent_scans": -1}
    fetched = asyncio.Condition()

    async def dashboard_b() -> None:  # one fetch in flight; changes meanwhile make one more
        while True:
            await b.changed.wait()
            b.changed.clear()
            status, data = await dashboard.request("GET", "/api/v1/stats/summary")
            if status == 200:
                async with fetched:
                    seen["parent_scans"] = int(json.loads(data)["parent_scans"])
                    fetched.notify_all()

    fetcher = asyncio.create_task(dashboard_b())
    paint: list[float] = []
    fanout: list[float] = []
    rng = random.Random(7)
    try:
        async with fetched:  # the figures before the first scan
            await asyncio.wait_for(fetched.wait_for(lambda: seen["parent_scans"] >= 0), 30)
        for seq in range(1, scans + 1):
            await asyncio.sleep(rng.uniform(0.4, 0.8))  # apart: each is its own change
            started = time.perf_counter()
            status, _ = await upload.request(
                "POST", "/api/v1/sync/events", _parent_scan(station[0], seq)
            )
            if status != 200:
                raise RuntimeError(f"the upload was answered {status}")
            async with fetched:
                await asyncio.wait_for(fetched.wait_for(_reached(seen, seq)), 30)
            paint.append(time.perf_counter() - started)
            await asyncio.sleep(0.3)  # every stream has had its event
            fanout += [
                min(t for t in s.arrivals if t >= started) - started
                for s in streams
                if any(t >= started for t in s.arrivals)
            ]
    finally:
        fetcher.cancel()
        await asyncio.gather(fetcher, return_exceptions=True)
        await upload.close()
        await dashboard.close()
        await _close(tasks)
    return paint, fanout


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of ``pid`` and its children, from ``/proc``."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for p in pids:
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


async def _idle_cpu(server: ServerProcess, read_token: str, n: int, seconds: float) -> float:
    """Percent of one core the server used over ``seconds`` with ``n`` idle streams open."""
    assert server.proc is not None
    _, tasks = await _open_streams(server.port, read_token, n) if n else ([], [])
    try:
        await asyncio.sleep(1.0)  # the connects are done with
        before = _cpu_seconds(server.proc.pid)
        await asyncio.sleep(seconds)
        used = _cpu_seconds(server.proc.pid) - before
    finally:
        await _close(tasks)
    return 100 * used / seconds


async def _uploads_beside_streams(
    credentials: list[tuple[str, str]],
    port: int,
    read_token: str,
    n: int,
    seconds: float,
    warmup: float,
) -> tuple[Stats, Stats, int]:
    streams, tasks = await _open_streams(port, read_token, n) if n else ([], [])
    try:
        cold, warm = await _run_level(credentials, port, seconds, warmup)
    finally:
        await _close(tasks)
    return cold, warm, sum(len(s.arrivals) for s in streams)


def _uploads_run(stations: int, n_streams: int, seconds: float, warmup: float) -> tuple[Stats, int]:
    """The measured part of a many-stations run beside ``n_streams`` streams, and how many
    events the streams received."""
    with scratch_database("tt_bench_live") as db:
        credentials = _make_stations(db, stations)
        read_token = _read_token(db)
        server = ServerProcess(db, workers=None).start()  # serve's defaults
        try:
            _cold, warm, delivered = asyncio.run(
                _uploads_beside_streams(
                    credentials, server.port, read_token, n_streams, seconds, warmup
                )
            )
        finally:
            server.stop()
    return warm, delivered


def _read_token(db: str) -> str:
    from sync_server.db.session import make_engine, make_session_factory  # noqa: PLC0415
    from tests.server.factories import make_read_token  # noqa: PLC0415

    engine = make_engine(db)
    try:
        with make_session_factory(engine)() as session:
            return make_read_token(session, "dashboards")
    finally:
        engine.dispose()


def run(ctx: Context) -> list[Figure]:
    n_streams = 5 if ctx.smoke else STREAMS
    scans = 5 if ctx.smoke else SCANS
    idle = 2.0 if ctx.smoke else IDLE_SECONDS
    stations = 5 if ctx.smoke else max(LEVELS)
    seconds = 4.0 if ctx.smoke else 60.0
    warmup = 1.0 if ctx.smoke else WARMUP_S
    figures: list[Figure] = []
    with scratch_database("tt_bench_live") as db:
        credentials = _make_stations(db, 1)
        read_token = _read_token(db)
        server = ServerProcess(db, workers=None).start()  # serve's defaults
        try:
            paint, fanout = asyncio.run(
                _scan_to_figure(server.port, credentials[0], read_token, scans, n_streams)
            )
            cpu_none = asyncio.run(_idle_cpu(server, read_token, 0, idle))
            cpu_idle = asyncio.run(_idle_cpu(server, read_token, n_streams, idle))
        finally:
            server.stop()
    # the same 500 stations twice, without streams and then beside them: the difference is
    # what the streams cost the uploads (the machine may be busy with other work)
    control, _ = _uploads_run(stations, 0, seconds, warmup)
    warm, delivered = _uploads_run(stations, n_streams, seconds, warmup)
    ms = [s * 1000 for s in paint]
    spread = [s * 1000 for s in fanout]
    p95 = percentile(ms, 95)
    figures += [
        Figure(
            SECTION,
            f"scan at A to figure at B, p50 ({n_streams} streams open)",
            percentile(ms, 50),
            "ms",
            note=f"{len(ms)} scans",
        ),
        Figure(
            SECTION,
            f"scan at A to figure at B, p95 ({n_streams} streams open)",
            p95,
            "ms",
            target="< 2,000 ms",
            met=p95 < 2000,
            limit="polling every 5 s: 2,500 ms on average, up to 5,000 ms",
            note="upload, then the event (the server looks every 250 ms), then a summary fetch",
        ),
        Figure(
            SECTION,
            "event at every stream after the upload, p95",
            percentile(spread, 95),
            "ms",
            note=f"{len(spread):,} deliveries (every stream, every scan)",
        ),
        Figure(
            SECTION,
            f"server CPU, {n_streams} idle streams open",
            cpu_idle,
            "% of a core",
            limit=f"no stream open: {cpu_none:.1f} %",
            note=f"over {idle:.0f} s; every gunicorn process",
        ),
    ]
    total = warm.ok + warm.failed
    success = 100 * warm.ok / total if total else 0.0
    p99 = percentile([s * 1000 for s in warm.latencies], 99)
    control_total = control.ok + control.failed
    control_success = 100 * control.ok / control_total if control_total else 0.0
    control_p99 = percentile([s * 1000 for s in control.latencies], 99)
    figures += [
        Figure(
            SECTION,
            f"{stations} stations beside {n_streams} streams: upload success",
            success,
            "%",
            target="100 %",
            met=success == 100,
            note=f"{total:,} uploads in {seconds:.0f} s; {delivered:,} events delivered",
        ),
        Figure(
            SECTION,
            f"{stations} stations beside {n_streams} streams: upload p99",
            p99,
            "ms",
            target="< 300 ms",
            met=p99 < 300,
            limit=f"the same run without streams: p99 {control_p99:.0f} ms, "
            f"{control_success:.1f} % answered",
        ),
    ]
    return figures


if __name__ == "__main__":  # pragma: no cover
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        for figure in run(Context(smoke="--smoke" in sys.argv, work_dir=Path(work))):
            print(figure.name, round(figure.value, 2), figure.unit, figure.limit, figure.note)
