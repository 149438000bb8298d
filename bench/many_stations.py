"""Many stations: 20, 100 and 500 simulated stations against ``tracetrack-server serve`` with
its default settings, on this machine's cores; then 1,000 stations scanning every ~2 s against
one node, and against two nodes behind nginx running the shipped site over TLS (issue 20).

Each simulated station behaves like the real sync worker at a packing line: an operator scans
a bag every ~2.5 s (a parent, then its 30 children); after each scan the station uploads what
is pending (one event, or several if a request was still out: batched sync) at once, and pulls
the changes feed every ``PULL_EVERY_S`` as the sync worker does (``SyncEngine.pull_every_s``);
it keeps one HTTP/1.1 keep-alive connection. The stations are spread over ten areas, as
stations are over a site's dispatch areas; a pull carries the bags of the station's own area.
The first ``WARMUP_S`` seconds (every station connecting and taking its first whole pull) are
reported on their own line, apart from the measured minute.
The load generator is a single asyncio process with a minimal HTTP client, so it costs the
server's cores as little as possible. Beside it, the figures of the web app this replaces.
Two nodes on one 2-core machine share its cores: that row shows what nginx, TLS and a second
node cost, not what a second host buys (docs/scaling.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import ssl
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Context, Figure, percentile, scratch_database
from tests.procs import ServerProcess

NAME = "Many stations"
SECTION = "Many stations (tracetrack-server serve, default settings, this machine)"
PULL_EVERY_S = 5.0  # the station's default sync_interval_s
WARMUP_S = 10.0  # every station connects and takes its first whole pull; reported apart
TARGET_P99_MS = 300


@dataclass(frozen=True)
class Level:
    stations: int
    scan_interval_s: float  # a scan (and its upload) every 0.5-1.5x this
    nodes: int = 1  # more than one: behind nginx (the shipped site, TLS)
    target: bool = False  # the row the targets are for

    @property
    def label(self) -> str:
        if self.nodes == 1 and self.scan_interval_s == 2.5:  # the rows from before issue 20
            return f"{self.stations} stations"
        where = "" if self.nodes == 1 else f", {self.nodes} nodes behind nginx"
        return f"{self.stations:,} stations (every {self.scan_interval_s:g} s{where})"


LEVELS = (
    Level(20, 2.5),
    Level(100, 2.5),
    Level(500, 2.5, target=True),
    Level(1000, 2.0, target=True),  # issue 20: 1,000 stations each uploading every ~2 s
    Level(1000, 2.0, nodes=2, target=True),
)
SMOKE_LEVELS = (Level(5, 2.5), Level(5, 2.5, nodes=2))


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)  # upload round trips, seconds
    pull_latencies: list[float] = field(default_factory=list)
    ok: int = 0
    failed: int = 0
    events: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def fail(self, why: str) -> None:
        self.failed += 1
        self.errors[why] = self.errors.get(why, 0) + 1


class Http:
    """One keep-alive HTTP/1.1 connection; just enough protocol for this benchmark."""

    def __init__(
        self,
        host: str,
        port: int,
        token: str,
        tls: ssl.SSLContext | None = None,
        source: str | None = None,
    ) -> None:
        self.host, self.port, self.token, self.tls = host, port, token, tls
        self.source = None if source is None else (source, 0)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        for attempt in (1, 2):  # a server-closed keep-alive connection is reopened once
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(
                    self.host, self.port, ssl=self.tls, local_addr=self.source
                )
            assert self.reader is not None
            head = (
                f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n"
                f"Authorization: Bearer {self.token}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode()
            try:
                self.writer.write(head + body)
                await self.writer.drain()
                status_line = await self.reader.readline()
                if not status_line:
                    raise ConnectionResetError("closed")
                status = int(status_line.split()[1])
                length = 0
                close = False
                while True:
                    line = await self.reader.readline()
                    if line in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                    elif name.lower() == "connection" and value.strip().lower() == "close":
                        close = True
                data = await self.reader.readexactly(length) if length else b""
                if close:
                    await self.close()
                return status, data
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


@dataclass(frozen=True)
class Target:
    """Where the stations connect: a node, or nginx over TLS."""

    port: int
    tls: ssl.SSLContext | None = None


async def station(
    index: int,
    station_id: str,
    token: str,
    target: Target,
    interval: float,
    until: float,
    book: Callable[[], Stats],
    rng: random.Random,
) -> None:
    # Behind nginx each station connects from its own loopback address, as each is its own
    # PC: nginx's limit_conn counts requests per address.
    source = f"127.0.{1 + index // 250}.{1 + index % 250}" if target.tls else None
    http = Http("127.0.0.1", target.port, token, target.tls, source)
    seq = 0
    pending: list[dict[str, object]] = []
    parent = ""
    children = 0
    parents_made = 0
    cursor: str | None = None
    last_pull = 0.0
    await asyncio.sleep(rng.uniform(0, interval))  # stations do not start in step
    try:
        while time.monotonic() < until:
            stats = book()
            seq += 1
            now = datetime.now(UTC).isoformat()
            if not parent or children >= 30:
                parents_made += 1  # SB + 5 digits: 100 parents per station before reuse
                parent, children = f"SB{(index * 100 + parents_made) % 100_000:05d}", 0
                event: dict[str, object] = {"type": "parent_scan", "code": parent}
            else:
                children += 1
                event = {"type": "child_link", "code": f"C{index:04d}{seq:06d}", "parent": parent}
            pending.append(
                {"id": str(uuid.uuid4()), "seq": seq, "occurred_at": now, "operator": "op", **event}
            )
            body = json.dumps(
                {"station_id": station_id, "sent_at": now, "events": pending}
            ).encode()
            started = time.perf_counter()
            try:
                status, data = await http.request("POST", "/api/v1/sync/events", body)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                stats.fail(type(exc).__name__)
            else:
                elapsed = time.perf_counter() - started
                if status == 200:
                    results = json.loads(data).get("results", [])
                    refused = [r for r in results if r.get("status") == "rejected"]
                    if refused:  # a benchmark of refusals would measure the wrong work
                        stats.fail(f"rejected: {refused[0].get('reason')}")
                    elif len(results) == len(pending):
                        stats.ok += 1
                        stats.events += len(pending)
                        stats.latencies.append(elapsed)
                        pending = []
                    else:
                        stats.fail("incomplete results")
                else:
                    stats.fail(f"HTTP {status}")
            if time.monotonic() - last_pull < PULL_EVERY_S:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * interval)
                continue
            last_pull = time.monotonic()
            started = time.perf_counter()
            try:
                path = "/api/v1/sync/changes" + (f"?since={cursor}" if cursor else "")
                status, data = await http.request("GET", path)
                if status == 200:
                    cursor = _cursor_of(data)
                    stats.pull_latencies.append(time.perf_counter() - started)
                else:
                    stats.fail(f"pull HTTP {status}")
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                stats.fail(f"pull {type(exc).__name__}")
            await asyncio.sleep(rng.uniform(0.5, 1.5) * interval)
    finally:
        await http.close()


_CURSOR = b'"cursor":"'


def _cursor_of(page: bytes) -> str:
    """A pull's cursor, read without decoding its changes: a simulated station applies none,
    and decoding a busy area's ~60 KB page every pull was over a third of this process's CPU,
    taken from the cores the server is measured on (bench/NOTES.md). The key is the last
    ``"cursor":"`` in the page: one inside a change would be escaped."""
    at = page.rindex(_CURSOR) + len(_CURSOR)
    return page[at : page.index(b'"', at)].decode()


async def _run_level(
    credentials: list[tuple[str, str]],
    target: Target,
    interval: float,
    seconds: float,
    warmup: float,
) -> tuple[Stats, Stats]:
    """Run every station for ``warmup + seconds``; returns (warm-up, measured) figures.

    In the warm-up every station connects, takes its first whole pull of the feed and
    starts scanning; each round (scan, upload, pull) is booked to the part it started in.
    """
    cold, warm = Stats(), Stats()
    start = time.monotonic()
    until = start + warmup + seconds
    rng = random.Random(len(credentials))

    def book() -> Stats:
        return cold if time.monotonic() < start + warmup else warm

    await asyncio.gather(
        *(
            station(i, sid, tok, target, interval, until, book, random.Random(rng.random()))
            for i, (sid, tok) in enumerate(credentials)
        )
    )
    return cold, warm


def _make_stations(db: str, n: int) -> list[tuple[str, str]]:
    from sync_server.config import Settings  # noqa: PLC0415
    from sync_server.db.session import make_engine, make_session_factory  # noqa: PLC0415
    from tests.server.factories import make_station  # noqa: PLC0415

    engine = make_engine(Settings(database_url=db).database_url)
    sessions = make_session_factory(engine)
    try:
        out = []
        for i in range(n):
            with sessions() as session:
                out.append(make_station(session, f"sim-{i:03d}", area=f"area-{i % 10}"))
        return out
    finally:
        engine.dispose()


@contextlib.contextmanager
def _serving(db: str, level: Level) -> Iterator[Target]:
    """``serve`` with its defaults on ``level.nodes`` ports; behind nginx if more than one."""
    nodes = [ServerProcess(db, workers=None) for _ in range(level.nodes)]
    try:
        for node in nodes:
            node.start()
        if level.nodes == 1:
            yield Target(nodes[0].port)
            return
        with _nginx([node.port for node in nodes]) as target:
            yield target
    finally:
        for node in nodes:
            node.stop()


@contextlib.contextmanager
def _nginx(ports: list[int]) -> Iterator[Target]:
    """nginx running the shipped site (tests/server/proxy_setup.py) in front of ``ports``."""
    from tests.server.proxy_setup import Nginx, write_certificate  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        cert, key = write_certificate(Path(folder))
        nginx = Nginx(Path(folder) / "nginx", ports, cert, key)
        # Debian's 768 connections a worker cannot hold 1,000 stations and their upstream
        # connections (docs/server-admin.md says so for sites of this size).
        conf = nginx.conf.read_text(encoding="utf-8")
        nginx.conf.write_text(
            conf.replace("worker_connections 768;", "worker_connections 4096;"), encoding="utf-8"
        )
        nginx.start()
        try:
            yield Target(nginx.https_port, ssl.create_default_context(cafile=str(cert)))
        finally:
            nginx.stop()


def _nginx_present() -> bool:
    from tests.server.proxy_setup import nginx_binary  # noqa: PLC0415

    return nginx_binary() is not None


def run(ctx: Context) -> list[Figure]:
    levels = SMOKE_LEVELS if ctx.smoke else LEVELS
    seconds = 4.0 if ctx.smoke else 60.0
    warmup = 1.0 if ctx.smoke else WARMUP_S
    figures: list[Figure] = []
    for level in levels:
        if level.nodes > 1 and not _nginx_present():
            ctx.notes.append(f"{level.label}: skipped, nginx is not installed")
            continue
        with scratch_database("tt_bench_many") as db:
            credentials = _make_stations(db, level.stations)
            with _serving(db, level) as target:
                cold, stats = asyncio.run(
                    _run_level(credentials, target, level.scan_interval_s, seconds, warmup)
                )
        figures += _figures(level, cold, stats, seconds, warmup)
    return figures


def _figures(
    level: Level, cold: Stats, stats: Stats, seconds: float, warmup: float
) -> list[Figure]:
    total = stats.ok + stats.failed
    success = 100 * stats.ok / total if total else 0.0
    lat = [s * 1000 for s in stats.latencies]
    p99 = percentile(lat, 99)
    label = level.label
    errors = ", ".join(f"{k}: {v}" for k, v in sorted(stats.errors.items())) or "none"
    pulls = [s * 1000 for s in stats.pull_latencies]
    return [
        Figure(
            SECTION,
            f"{label}: upload success",
            success,
            "%",
            target="100 %" if level.target else "",
            met=success == 100 if level.target else None,
            limit="replaced web app: 97.9 % at 20 users",
            note=f"{total:,} uploads in {seconds:.0f} s; failures: {errors}",
        ),
        Figure(SECTION, f"{label}: upload p50", percentile(lat, 50), "ms"),
        Figure(
            SECTION,
            f"{label}: upload p99",
            p99,
            "ms",
            target=f"< {TARGET_P99_MS} ms" if level.target else "",
            met=p99 < TARGET_P99_MS if level.target else None,
            limit="replaced web app: 3.1 s average at 20 users, 5-10 s at 50",
        ),
        Figure(SECTION, f"{label}: upload max", max(lat) if lat else 0.0, "ms"),
        Figure(
            SECTION,
            f"{label}: upload p99 in the warm-up",
            percentile([x * 1000 for x in cold.latencies], 99),
            "ms",
            note=(
                f"the first {warmup:.0f} s, not in the figures above: every station "
                f"connects and takes its first whole pull; {cold.ok:,} uploads, "
                f"{cold.failed} failed"
            ),
        ),
        Figure(
            SECTION,
            f"{label}: events/s",
            stats.events / seconds,
            "events/s",
            note=f"changes-feed pulls p99 {percentile(pulls, 99):.1f} ms",
        ),
    ]


if __name__ == "__main__":  # pragma: no cover
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as work:
        for figure in run(Context(smoke="--smoke" in sys.argv, work_dir=Path(work))):
            print(figure.name, round(figure.value, 2), figure.unit, figure.note)
