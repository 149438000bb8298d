"""Read side: latency of the dashboard and report endpoints over 100k, 1M and 10M events.

One PostgreSQL database grows in three steps (100k events, then to 1M, then to 10M; smoke:
one step of 20k). Each step writes, with ``COPY``, the rows ingest would have written for a
site of 200 stations (190 packing stations, 10 billing desks) and 400 operators scanning at a
constant rate of 40,000 events a day (``RATE_PER_DAY``): parents of 30 children, bills of 20
parents, about 1 % duplicate and conflicting scans. Every table agrees with the others:
``events``, ``bags`` (with their home area), ``bills``, the ``stat_buckets`` rollups
(incremented as ingest does), ``stations`` (seq, counters), the feed clock, the code rules of
the third parent series. Then ``VACUUM ANALYZE``, a fresh ``tracetrack-server serve``
(gunicorn, serve's defaults) and, per endpoint, 10 warm-up and 200 timed sequential requests
with a read-only token over one keep-alive connection, the endpoints taking turns.
``GET /healthz`` measured the same way is the floor of the HTTP path (the limit beside each
figure). "Whole day" is yesterday (of the first step, so the same day at every size): what
"today" costs at the end of a day; "1 h" is an hour of it.

The history grows backwards in time at that constant rate: the first step writes the most
recent 2.5 days (up to 15 minutes before the real current time: today so far, all of
yesterday and at least 12 hours of the day before), and each later step the days before the
oldest event already stored: 100k covers ~2.5 days, 1M ~25 days, 10M ~250 days. Today,
yesterday and an hour of yesterday therefore hold the same events, rollup rows and conflicts
at every size (the note of each load figure counts them), and a bounded-range figure's
10M/100k ratio measures its cost against the size of the history around its range, nothing
else.
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import requests

from bench.common import Context, Figure, percentile, scratch_database
from sync_server.db.models import STAT_COLUMNS
from sync_server.db.partitions import Month, ensure_months, months_between
from sync_server.db.session import make_engine
from tests.procs import BIN, clean_env, free_port, wait_for
from tracetrack_core.codes import CodeRules, ParentSeries

NAME = "Read side"
SECTION = "Read side (dashboard and report endpoints, tracetrack-server serve on PostgreSQL)"

SIZES_FULL = (100_000, 1_000_000, 10_000_000)
SIZES_SMOKE = (20_000,)
STATIONS = 200
DESKS = 10  # the last DESKS stations bill; the others pack
PACKERS = STATIONS - DESKS
OPERATORS = 400  # two per station: 00-12 UTC and 12-24 UTC
DAY_MS = 86_400_000
RATE_PER_DAY = 40_000  # events a day, whatever the size: 100k ≈ 2.5 days, 10M ≈ 250 days
NEWEST_MS = 15 * 60 * 1000  # the newest events are this long before the first step's time
CHILDREN = 30
BILL_PARENTS = 20
DUP_RATE = 0.005
CONFLICT_RATE = 0.005
AREAS = ("Hall A", "Hall B", "Hall C", "Hall D", "Hall E", "Hall F")
BUCKET_MS = 15 * 60 * 1000
EVENTS_PER_JOB = 1 + CHILDREN * (1 + DUP_RATE + CONFLICT_RATE) + (BILL_PARENTS + 2) / BILL_PARENTS
# A step's events all occur before the oldest event of the steps before it: its bills end
# BILL_SPAN_MS after they start, and start at least BILL_DELAY_MS after their last parent ends.
BILL_SPAN_MS = 10_000 * (BILL_PARENTS + 1) + 1_000
BILL_DELAY_MS = 300_000
JOB_SPAN_MS = CHILDREN * 10_000 + 2_500  # a parent's scan to its last child (and conflict)
# Station seq numbers: a station counts up in time, but older events are written later, so
# each step takes, per station, the seq range just below the lowest one it has used
# (contiguous, no gaps): the first step's range ends at SEQ_TOP - 1, the station's last_seq.
# A station's first recorded event then has a high seq, as if it had scanned before the
# history began; ingest counts no gap for a station's first event.
SEQ_TOP = 1_000_000_000
TIMED = 200
WARMUP = 10
TARGET_MS = 50.0
FLAT_RATIO = 1.5
PG_NULL = "\\N"
# A site that outgrows the default series' 200,000 parent codes prints a third series;
# ingest accepts its codes once the site's code_rules say so (written before they are used).
EXTRA_SERIES = ParentSeries(name="TT", pattern=r"TT\d{7}", capacity=CHILDREN, expected_kg=30)


def station_id(s: int) -> str:
    return f"ST{s:03d}"


def station_area(s: int) -> str:
    return AREAS[s % len(AREAS)] if s < PACKERS else "Dispatch"


def operator_of(s: int, ms: int) -> str:
    return f"op{2 * s + (ms // 3_600_000 % 24 >= 12):03d}"


def parent_code(p: int) -> str:
    if p < 100_000:
        return f"SB{p:05d}"
    if p < 200_000:
        return f"M444-{p - 100_000:05d}"
    return f"TT{p:07d}"


def expected_kg(p: int) -> int:
    return 15 if 100_000 <= p < 200_000 else 30


def child_code(p: int, k: int) -> str:
    return f"C{p:07d}{k:02d}"


class _Clock:
    """Epoch milliseconds → PostgreSQL timestamptz text, cached per minute."""

    def __init__(self) -> None:
        self._minutes: dict[int, str] = {}

    def __call__(self, ms: int) -> str:
        minute, rest = divmod(ms, 60_000)
        prefix = self._minutes.get(minute)
        if prefix is None:
            moment = datetime.fromtimestamp(minute * 60, UTC)
            prefix = self._minutes[minute] = moment.strftime("%Y-%m-%d %H:%M:")
        return f"{prefix}{rest // 1000:02d}.{rest % 1000:03d}+00"


def _uuid7(ms: int, bits: int) -> str:
    value = (ms << 80) | (0x7 << 76) | ((bits >> 62) & 0xFFF) << 64 | (0b10 << 62)
    value |= bits & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass
class _StationState:
    first_seq: int = SEQ_TOP  # the lowest seq used so far: the next step's range ends below it
    last_seq: int = 0  # the highest: the station's newest event
    received: int = 0
    last_recv: int = 0
    last_lag: int = 0


@dataclass(slots=True)
class _Job:
    """One parent filled at one packing station: its scan, its children and the extra scans."""

    start: int
    station: int
    step: int  # ms from one child to the next
    dups: tuple[int, ...]  # the children scanned a second time
    conflicts: tuple[int, ...]  # after these children, the previous parent's first child

    @property
    def events(self) -> int:
        return 1 + CHILDREN + len(self.dups) + len(self.conflicts)


@dataclass
class Site:
    """The growing site: what ingest would have stored so far, and where numbering goes on.

    Parent and bill numbers go on in the order the steps are written, so at 10M the oldest
    days hold the third series' parent codes; its code rules are written in the step that
    first needs them, before its events.
    """

    seed: int = 20261128
    next_parent: int = 0
    next_bill: int = 0
    events: int = 0
    max_version: int = 0
    newest_ms: int | None = None  # where the history ends: the first step's end
    oldest_ms: int | None = None  # where the history written so far begins
    stations: list[_StationState] = field(
        default_factory=lambda: [_StationState() for _ in range(STATIONS)]
    )
    sample_parent: int = 7  # written by the first step: in the most recent days

    def __post_init__(self) -> None:
        self.rnd = random.Random(self.seed)
        self.ts = _Clock()
        self.skew = [self.rnd.randint(-800, 800) for _ in range(STATIONS)]
        self.rules_written = False

    @property
    def days(self) -> float:
        """How many days the history written so far covers."""
        if self.newest_ms is None or self.oldest_ms is None:
            return 0.0
        return (self.newest_ms - self.oldest_ms) / DAY_MS

    # -- one growth step ---------------------------------------------------------------

    def _plan(self, add: int, t_begin: int, start_last: int) -> list[_Job]:
        """About ``add`` events' worth of parents starting in [t_begin, start_last), in order.

        A packing station fills one parent at a time. Every random draw that decides how many
        events a job has is made here, so each station's count is known before its seq
        numbers are given out.
        """
        rnd = self.rnd
        n_jobs = max(1, round(add / EVENTS_PER_JOB))
        starts: list[list[int]] = [[] for _ in range(PACKERS)]
        for _ in range(n_jobs):
            starts[rnd.randrange(PACKERS)].append(rnd.randrange(t_begin, start_last))
        planned: list[tuple[int, int, int]] = []  # (start, station, step)
        for s, mine in enumerate(starts):
            free = 0
            for wanted in sorted(mine):
                start = max(wanted, free)
                if start >= start_last:  # the station is busy up to the step's end: dropped
                    break
                step = rnd.randint(4_000, 10_000)
                free = start + CHILDREN * step + rnd.randint(5_000, 60_000)
                planned.append((start, s, step))
        planned.sort()
        jobs = []
        for i, (start, s, step) in enumerate(planned):
            dups = tuple(k for k in range(1, CHILDREN + 1) if rnd.random() < DUP_RATE)
            conflicts = (
                tuple(k for k in range(3, CHILDREN + 1) if rnd.random() < CONFLICT_RATE)
                if i
                else ()  # the step's first parent has no previous one to conflict with
            )
            jobs.append(_Job(start, s, step, dups, conflicts))
        return jobs

    def _seq_ranges(self, counts: list[int]) -> list[int]:
        """Each station's first seq in this step: the ``counts[s]`` numbers just below its
        lowest so far (older events, written later, keep seq increasing with time)."""
        first = [0] * STATIONS
        for s, n in enumerate(counts):
            if not n:
                continue
            state = self.stations[s]
            state.first_seq -= n
            if state.first_seq < 1:
                raise ValueError(f"SEQ_TOP is too low for {station_id(s)}")
            if not state.last_seq:  # its first events: the newest it will ever have here
                state.last_seq = state.first_seq + n - 1
            first[s] = state.first_seq
        return first

    def grow(self, conn: psycopg.Connection[Any], add: int, now_ms: int) -> int:
        """Add about ``add`` events at ``RATE_PER_DAY`` just before the oldest stored (the
        first step: before ``now_ms`` - ``NEWEST_MS``); return how many.

        Every event of the step occurs before the oldest event of the steps before it, so each
        station's events stay in seq order by time.
        """
        rnd = self.rnd
        ts = self.ts
        if self.newest_ms is None:
            self.newest_ms = now_ms - NEWEST_MS
        t_end = self.newest_ms if self.oldest_ms is None else self.oldest_ms
        t_begin = t_end - round(add / RATE_PER_DAY * DAY_MS)
        bill_last = t_end - BILL_SPAN_MS  # the latest start of a bill: it ends before t_end
        start_last = bill_last - BILL_DELAY_MS - JOB_SPAN_MS  # a parent can be billed after
        if start_last <= t_begin:
            raise ValueError(f"a step of {add} events is too short")
        jobs = self._plan(add, t_begin, start_last)
        if self.next_parent + len(jobs) > 200_000 and not self.rules_written:
            self._write_rules(conn, now_ms)

        # bills: parents in order of completion, 20 to a bill, at the billing desks
        ends = sorted(
            (job.start + CHILDREN * job.step, self.next_parent + i) for i, job in enumerate(jobs)
        )
        bill_events: list[tuple[int, int, int, int, int]] = []  # (t, desk, kind, b, p)
        bill_rows: list[tuple[int, list[int], str]] = []
        for i in range(0, len(ends), BILL_PARENTS):
            chunk = ends[i : i + BILL_PARENTS]
            b = self.next_bill
            self.next_bill += 1
            desk = PACKERS + b % DESKS
            t = min(chunk[-1][0] + rnd.randint(BILL_DELAY_MS, 3_600_000), bill_last)
            full = len(chunk) == BILL_PARENTS
            status = (
                "new"
                if b % 50 == 49
                else ("processing" if b % 50 == 48 or not full else "completed")
            )
            added = [] if status == "new" else [p for _, p in chunk]
            bill_events.append((t, desk, 0, b, -1))
            for j, p in enumerate(added):
                bill_events.append((t + 10_000 * (j + 1), desk, 1, b, p))
            if status == "completed":
                bill_events.append((t + 10_000 * (len(added) + 1), desk, 2, b, -1))
            bill_rows.append((b, added, status))
        bill_events.sort()

        counts = [0] * STATIONS
        for job in jobs:
            counts[job.station] += job.events
        for _, desk, *_ in bill_events:
            counts[desk] += 1
        seqs = self._seq_ranges(counts)

        buckets: dict[tuple[int, int, str], list[int]] = {}
        col = {c: i for i, c in enumerate(STAT_COLUMNS)}
        st = self.stations
        event_lines: list[str] = []
        bag_lines: list[str] = []
        counted = 0
        parent_touch: dict[int, tuple[int, int, int]] = {}  # p -> (created, updated, version)

        base = top = self.max_version

        def emit(
            s: int,
            occ: int,
            typ: str,
            op: str,
            code: str,
            parent: str,
            bill: str,
            data: str,
            status: str,
            reason: str,
            detail: str,
            counters: tuple[str, ...],
            in_feed: bool,
        ) -> tuple[int, int]:
            nonlocal counted, top
            state = st[s]
            seq = seqs[s]
            seqs[s] += 1
            state.received += 1
            lag = 200 + int(rnd.random() * 1800)
            recv = occ + lag
            version = (recv - t_begin) * 256 + s + 1 + base
            top = max(top, version)
            if recv > state.last_recv:
                state.last_recv, state.last_lag = recv, lag
            bstart = occ - occ % BUCKET_MS
            key = (bstart, s, op)
            row = buckets.get(key)
            if row is None:
                row = buckets[key] = [0] * len(STAT_COLUMNS)
            for c in counters:
                row[col[c]] += 1
            event_lines.append(
                f"{_uuid7(occ, rnd.getrandbits(74))}\t{station_id(s)}\t{seq}\t{typ}\t"
                f"{ts(occ)}\t{op}\t{code}\t{parent}\t{bill}\t{data}\t{ts(recv)}\t{ts(bstart)}\t"
                f"{status}\t{reason}\t{detail}\t{PG_NULL}\t{version if in_feed else 0}\n"
            )
            counted += 1
            return recv, version

        flush_every = 50_000
        with conn.cursor() as cur:
            with cur.copy(
                "COPY events (id, station_id, seq, type, occurred_at, operator, code, parent, "
                "bill, data, received_at, bucket_start, status, reason, detail, raw, version) "
                "FROM STDIN"
            ) as copy:
                for i, job in enumerate(jobs):
                    s, start, step = job.station, job.start, job.step
                    p = self.next_parent + i
                    pc = parent_code(p)
                    op = operator_of(s, start)
                    area = station_area(s)
                    created, _ = emit(
                        s,
                        start,
                        "parent_scan",
                        op,
                        pc,
                        "",
                        "",
                        "{}",
                        "accepted",
                        PG_NULL,
                        f'{{"child_count":0,"capacity":{CHILDREN},"status":"open","new":true}}',
                        ("parent_scans",),
                        False,
                    )
                    last = (created, created, 0)
                    for k in range(1, CHILDREN + 1):
                        occ = start + k * step
                        cc = child_code(p, k - 1)
                        counters = (
                            ("children_linked", "parents_completed")
                            if k == CHILDREN
                            else ("children_linked",)
                        )
                        recv, version = emit(
                            s,
                            occ,
                            "child_link",
                            op,
                            cc,
                            pc,
                            "",
                            "{}",
                            "accepted",
                            PG_NULL,
                            f'{{"parent":"{pc}","child_count":{k},"capacity":{CHILDREN}}}',
                            counters,
                            False,
                        )
                        bag_lines.append(
                            f"{cc}\tchild\t{pc}\t0\topen\t{PG_NULL}\t{ts(recv)}\t{ts(recv)}\t"
                            f"{version}\t{area}\n"
                        )
                        last = (created, recv, version)
                        if k in job.dups:
                            emit(
                                s,
                                occ + 1_500,
                                "child_link",
                                op,
                                cc,
                                pc,
                                "",
                                "{}",
                                "duplicate",
                                "already_linked",
                                f'{{"current_parent":"{pc}"}}',
                                ("duplicates",),
                                False,
                            )
                        if k in job.conflicts:  # the previous parent's first child, here
                            emit(
                                s,
                                occ + 2_500,
                                "child_link",
                                op,
                                child_code(p - 1, 0),
                                pc,
                                "",
                                "{}",
                                "conflict",
                                "child_in_other_parent",
                                f'{{"current_parent":"{parent_code(p - 1)}"}}',
                                ("conflicts",),
                                True,
                            )
                    parent_touch[p] = last
                    if len(event_lines) >= flush_every:
                        copy.write("".join(event_lines))
                        event_lines.clear()

                bill_touch: dict[int, tuple[int, int, int]] = {}
                count_on: dict[int, int] = {}
                for t, desk, kind, b, p in bill_events:
                    bid = f"BL{b:07d}"
                    op = operator_of(desk, t)
                    if kind == 0:
                        data = (
                            f'{{"capacity":{BILL_PARENTS},"destination":"DEPOT-{b % 37:02d}",'
                            f'"vehicle":"KA01AB{b % 9000 + 1000}"}}'
                        )
                        recv, version = emit(
                            desk,
                            t,
                            "bill_create",
                            op,
                            "",
                            "",
                            bid,
                            data,
                            "accepted",
                            PG_NULL,
                            f'{{"bill":"{bid}","capacity":{BILL_PARENTS}}}',
                            ("bills_created",),
                            False,
                        )
                        bill_touch[b] = (recv, recv, version)
                    elif kind == 1:
                        n = count_on[b] = count_on.get(b, 0) + 1
                        pc = parent_code(p)
                        recv, version = emit(
                            desk,
                            t,
                            "bill_add_parent",
                            op,
                            pc,
                            "",
                            bid,
                            "{}",
                            "accepted",
                            PG_NULL,
                            f'{{"bill":"{bid}","parent_count":{n},"capacity":{BILL_PARENTS}}}',
                            ("parents_billed",),
                            False,
                        )
                        created, _, _ = parent_touch[p]
                        parent_touch[p] = (created, recv, version)
                        bill_touch[b] = (bill_touch[b][0], recv, version)
                    else:
                        recv, version = emit(
                            desk,
                            t,
                            "bill_complete",
                            op,
                            "",
                            "",
                            bid,
                            "{}",
                            "accepted",
                            PG_NULL,
                            PG_NULL,
                            ("bills_completed",),
                            False,
                        )
                        bill_touch[b] = (bill_touch[b][0], recv, version)
                copy.write("".join(event_lines))
                event_lines.clear()

            billed = {p: b for b, added, _ in bill_rows for p in added}
            for p, (created, updated, version) in parent_touch.items():
                on_bill = billed.get(p)
                bill_text = PG_NULL if on_bill is None else f"BL{on_bill:07d}"
                area = station_area(jobs[p - self.next_parent].station)
                bag_lines.append(
                    f"{parent_code(p)}\tparent\t{PG_NULL}\t{CHILDREN}\tcompleted\t{bill_text}\t"
                    f"{ts(created)}\t{ts(updated)}\t{version}\t{area}\n"
                )
            with cur.copy(
                "COPY bags (code, kind, parent, child_count, status, bill, created_at, "
                "updated_at, version, area) FROM STDIN"
            ) as copy:
                for i in range(0, len(bag_lines), flush_every):
                    copy.write("".join(bag_lines[i : i + flush_every]))
            bag_lines.clear()
            with cur.copy(
                "COPY bills (bill_id, capacity, destination, vehicle, status, parent_count, "
                "actual_kg, expected_kg, created_at, updated_at, version) FROM STDIN"
            ) as copy:
                for b, added, status in bill_rows:
                    created, updated, version = bill_touch[b]
                    copy.write(
                        f"BL{b:07d}\t{BILL_PARENTS}\tDEPOT-{b % 37:02d}\tKA01AB{b % 9000 + 1000}\t"
                        f"{status}\t{len(added)}\t{CHILDREN * len(added)}\t"
                        f"{sum(expected_kg(p) for p in added)}\t{ts(created)}\t{ts(updated)}\t"
                        f"{version}\n"
                    )
            self._write_buckets(cur, buckets)
            self._write_stations(cur)
            self.max_version = top
            cur.execute("UPDATE feed_clock SET version = %s WHERE id = 1", (self.max_version,))
        if any(n and seqs[s] != st[s].first_seq + n for s, n in enumerate(counts)):
            raise AssertionError("a station's seq range was not used exactly")
        self.next_parent += len(jobs)
        self.events += counted
        self.oldest_ms = t_begin
        return counted

    def _write_rules(self, conn: psycopg.Connection[Any], now_ms: int) -> None:
        defaults = CodeRules()
        rules = CodeRules(parent_series=(*defaults.parent_series, EXTRA_SERIES))
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO settings (key, value, version) VALUES ('code_rules', %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "
                "version = EXCLUDED.version",
                (json.dumps(rules.model_dump(mode="json")), self.max_version + 1),
            )
        self.max_version += 1
        self.rules_written = True

    def _write_buckets(
        self, cur: psycopg.Cursor[Any], buckets: dict[tuple[int, int, str], list[int]]
    ) -> None:
        ts = self.ts
        cols = ", ".join(STAT_COLUMNS)
        cur.execute(
            "CREATE TEMP TABLE new_buckets (LIKE stat_buckets INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        with cur.copy(
            f"COPY new_buckets (bucket_start, station_id, operator, area, {cols}) FROM STDIN"
        ) as copy:
            lines = []
            for (start, s, op), counts in buckets.items():
                area = station_area(s)
                lines.append(
                    f"{ts(start)}\t{station_id(s)}\t{op}\t{area}\t"
                    + "\t".join(map(str, counts))
                    + "\n"
                )
                if len(lines) >= 50_000:
                    copy.write("".join(lines))
                    lines.clear()
            copy.write("".join(lines))
        sets = ", ".join(f"{c} = stat_buckets.{c} + EXCLUDED.{c}" for c in STAT_COLUMNS)
        cur.execute(
            f"INSERT INTO stat_buckets SELECT * FROM new_buckets "  # our own names
            f"ON CONFLICT (bucket_start, station_id, operator) DO UPDATE SET {sets}"
        )

    def _write_stations(self, cur: psycopg.Cursor[Any]) -> None:
        ts = self.ts
        for s, state in enumerate(self.stations):
            if not state.received:
                continue
            cur.execute(
                "UPDATE stations SET last_seen_at = %s, last_sent_at = %s, last_seq = %s, "
                "seq_gaps = 0, events_received = %s, clock_skew_ms = %s, sync_lag_ms = %s, "
                "reported_pending = 0, oldest_pending_at = NULL WHERE id = %s",
                (
                    ts(state.last_recv),
                    ts(state.last_recv - self.skew[s]),
                    state.last_seq,
                    state.received,
                    self.skew[s],
                    state.last_lag,
                    station_id(s),
                ),
            )

    # -- the site before any event ----------------------------------------------------

    def create(self, conn: psycopg.Connection[Any], now_ms: int, days: float) -> None:
        """Stations (enrolled, with their tokens) and operator accounts, a day before the
        oldest event of a history of ``days`` days up to ``now_ms``."""
        from sync_server.services.passwords import hash_password  # noqa: PLC0415

        ts = self.ts
        enrolled = ts(now_ms - round((days + 1) * DAY_MS))
        password = hash_password("bench-password")
        with conn.cursor() as cur:
            with cur.copy(
                "COPY stations (id, name, area, hostname, enrolled_at, created_at, last_seq, "
                "seq_gaps, events_received) FROM STDIN"
            ) as copy:
                for s in range(STATIONS):
                    area = station_area(s)
                    kind = "Pack" if s < PACKERS else "Bill"
                    copy.write(
                        f"{station_id(s)}\t{kind} {s:03d}\t{area}\tpc-{s:03d}\t{enrolled}\t"
                        f"{enrolled}\t0\t0\t0\n"
                    )
            with cur.copy(
                "COPY api_tokens (name, token_hash, scope, station_id, created_at) FROM STDIN"
            ) as copy:
                for s in range(STATIONS):
                    copy.write(
                        f"station {station_id(s)}\t{uuid.uuid4().hex}{uuid.uuid4().hex}\t"
                        f"station\t{station_id(s)}\t{enrolled}\n"
                    )
            with cur.copy(
                "COPY users (username, display_name, password_hash, role, area, disabled, "
                "failed_logins, created_at, version) FROM STDIN"
            ) as copy:
                for o in range(OPERATORS):
                    copy.write(
                        f"op{o:03d}\tOperator {o:03d}\t{password}\tdispatcher\t"
                        f"{AREAS[(o // 2) % len(AREAS)]}\tf\t0\t{enrolled}\t{o + 1}\n"
                    )
        self.max_version = OPERATORS


# -- loading helpers ------------------------------------------------------------------


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextmanager
def _secondary_indexes_dropped(
    conn: psycopg.Connection[Any], tables: tuple[str, ...]
) -> Iterator[None]:
    """Drop the non-unique indexes of ``tables`` for a bulk load, and build them again after."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "JOIN pg_class c ON c.relname = i.indexname "
            "JOIN pg_index x ON x.indexrelid = c.oid "
            "WHERE i.schemaname = 'public' AND i.tablename = ANY(%s) AND NOT x.indisunique",
            (list(tables),),
        )
        found = cur.fetchall()
        for name, _ in found:
            cur.execute(f'DROP INDEX "{name}"')
    conn.commit()
    yield
    with conn.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '512MB'")
        for _, definition in found:
            # a partitioned table's index reads "ON ONLY events" (that table alone, its
            # partitions none): made on the table, it is made on every partition
            cur.execute(definition.replace(" ON ONLY ", " ON ", 1))
    conn.commit()


@dataclass
class Endpoint:
    label: str
    path: str
    bounded: bool  # a bounded time range: should cost the same whatever the log's size


def _endpoints(site: Site, first: datetime) -> list[Endpoint]:
    """The endpoints; "whole day" and "1 h" are the day before ``first`` (the first step's
    time) and an hour of it, the same at every size even if the run goes past midnight."""
    hour = (first - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    rng = f"from={hour.isoformat()}&to={(hour + timedelta(hours=1)).isoformat()}".replace(
        "+", "%2B"
    )
    day = f"from={(first - timedelta(days=1)).date().isoformat()}"  # a date: that whole day
    p = site.sample_parent
    summary, throughput = "/api/v1/stats/summary", "/api/v1/stats/throughput"
    return [
        Endpoint("GET /healthz", "/healthz", False),
        Endpoint("stats/summary today", summary, True),
        Endpoint("stats/summary whole day", f"{summary}?{day}", True),
        Endpoint("stats/summary 1 h", f"{summary}?{rng}", True),
        Endpoint("stats/throughput today by station", f"{throughput}?by=station", True),
        Endpoint("stats/throughput today by operator", f"{throughput}?by=operator", True),
        Endpoint("stats/throughput whole day by station", f"{throughput}?by=station&{day}", True),
        Endpoint("stats/throughput whole day by operator", f"{throughput}?by=operator&{day}", True),
        Endpoint("stations", "/api/v1/stations", False),
        Endpoint("bags/{parent}", f"/api/v1/bags/{parent_code(p)}", False),
        Endpoint("bags/{child}", f"/api/v1/bags/{child_code(p, 11)}", False),
        Endpoint("bills?status=completed", "/api/v1/bills?status=completed", False),
        Endpoint("conflicts today", "/api/v1/conflicts", True),
        Endpoint("conflicts whole day", f"/api/v1/conflicts?{day}", True),
    ]


@dataclass
class Timing:
    p50: float
    p95: float
    size_bytes: int


def _measure(base: str, endpoints: list[Endpoint], token: str, n: int) -> dict[str, Timing]:
    """``WARMUP`` requests to each endpoint, then ``n`` rounds of one request to each.

    Interleaving the endpoints spreads whatever else the machine does evenly over all of
    them (and over the /healthz floor), so their ratios hold on a shared, noisy machine.
    """
    headers = {"Authorization": f"Bearer {token}"}
    samples: dict[str, list[float]] = {ep.label: [] for ep in endpoints}
    sizes: dict[str, int] = {}
    with requests.Session() as session:

        def get(ep: Endpoint) -> float:
            t0 = time.perf_counter()
            response = session.get(base + ep.path, headers=headers, timeout=60)
            body = response.content
            elapsed = time.perf_counter() - t0
            if response.status_code != 200:
                raise RuntimeError(f"{ep.path}: {response.status_code} {body[:300]!r}")
            sizes[ep.label] = len(body)
            return elapsed * 1000

        for ep in endpoints:
            for _ in range(WARMUP):
                get(ep)
        for _ in range(n):
            for ep in endpoints:
                samples[ep.label].append(get(ep))
    return {
        label: Timing(percentile(got, 50), percentile(got, 95), sizes[label])
        for label, got in samples.items()
    }


class _Server:
    """``tracetrack-server serve`` with serve's defaults (gunicorn, one worker per core).

    The per-client rate limit is raised: 2,000 requests a minute from one token is the
    benchmark, not a runaway client (the check itself still runs on every request).
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _Server:
        cmd = [str(BIN / "tracetrack-server"), "--database-url", self.db, "serve"]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port)]
        env = clean_env(TRACETRACK_RATE_LIMIT_PER_MINUTE="1000000")
        self.proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(self._ready, f"the server at {self.url}")
        return self

    def _ready(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise RuntimeError("tracetrack-server serve exited")
        try:
            return requests.get(f"{self.url}/readyz", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def _read_token(db: str) -> str:
    cmd = [str(BIN / "tracetrack-server"), "--database-url", db]
    done = subprocess.run(
        [*cmd, "token", "add", "bench", "--read-only", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(),
    )
    return str(json.loads(done.stdout)["token"])


def _rows_in_range(conn: psycopg.Connection[Any], start: datetime, end: datetime) -> int:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM stat_buckets WHERE bucket_start >= %s AND bucket_start < %s",
            (start, end),
        )
        row = cur.fetchone()
    return int(row[0]) if row else 0


def _conflicts_in_range(conn: psycopg.Connection[Any], start: datetime, end: datetime) -> int:
    """Conflicting and rejected events received in [start, end), as the conflicts list reads."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM events WHERE status IN ('conflict', 'rejected') "
            "AND received_at >= %s AND received_at < %s",
            (start, end),
        )
        row = cur.fetchone()
    return int(row[0]) if row else 0


_CLI = (str(BIN / "tracetrack-server"), "--database-url")

ARCHIVED = -1
"""The results' key of the largest log after archiving all but its recent months."""

KEEP_MONTHS = 2
"""Whole months kept before the current one when the largest log is archived."""


def _label(n: int) -> str:
    if n == ARCHIVED:
        return "10M archived"
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def _make_months(db: str, site: Site, add: int, now_ms: int) -> None:
    """The month partitions the next step writes into (the server makes only the months from
    the current one on; this history goes back in time)."""
    newest = site.newest_ms if site.newest_ms is not None else now_ms - NEWEST_MS
    end = site.oldest_ms if site.oldest_ms is not None else newest
    begin = end - round(add / RATE_PER_DAY * DAY_MS) - DAY_MS
    engine = make_engine(db)
    with engine.begin() as conn:
        ensure_months(
            conn,
            months_between(
                Month.of(datetime.fromtimestamp(begin / 1000, UTC)),
                Month.of(datetime.fromtimestamp(newest / 1000, UTC)),
            ),
        )
    engine.dispose()


def _archive_all_but_recent(db: str, conn: psycopg.Connection[Any]) -> tuple[float, str]:
    """``tracetrack-server archive`` of every month before the last :data:`KEEP_MONTHS` whole
    ones (into a temporary folder), then ``VACUUM ANALYZE``; its time and what it did."""
    now = datetime.now(UTC)
    index = now.year * 12 + now.month - 1 - KEEP_MONTHS
    before = date(index // 12, index % 12 + 1, 1)
    with tempfile.TemporaryDirectory(prefix="tt-bench-archive-") as folder:
        t0 = time.monotonic()
        done = subprocess.run(
            [*_CLI, db, "archive", "--json", "--before", str(before), "--to", folder],
            capture_output=True,
            text=True,
            check=True,
            env=clean_env(),
        )
        took = time.monotonic() - t0
        months = json.loads(done.stdout)["months"]
        size = sum(Path(m["file"]).stat().st_size for m in months)
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE")
    conn.autocommit = False
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM events")
        row = cur.fetchone()
    kept = int(row[0]) if row else 0
    moved = sum(int(m["events"]) for m in months)
    note = (
        f"{len(months)} months before {before} ({moved:,} events, {size / 1e6:,.0f} MB of dumps)"
        f" detached, dumped and dropped; {kept:,} events kept"
    )
    return took, note


def run(ctx: Context) -> list[Figure]:
    sizes = SIZES_SMOKE if ctx.smoke else SIZES_FULL
    timed = ctx.scale(TIMED, 10)
    site = Site()
    results: dict[int, dict[str, Timing]] = {}
    notes: dict[int, str] = {}
    figures: list[Figure] = []
    endpoints: list[Endpoint] = []
    with scratch_database("tt_bench_read") as db:
        token = _read_token(db)
        with psycopg.connect(_dsn(db)) as conn:
            site.create(conn, int(time.time() * 1000), sizes[-1] / RATE_PER_DAY)
            conn.commit()
            first: datetime | None = None  # the first step's time: "whole day" and "1 h" stay
            for size in sizes:
                t0 = time.monotonic()
                now_ms = int(time.time() * 1000)
                _make_months(db, site, size - site.events, now_ms)
                with _secondary_indexes_dropped(conn, ("events", "bags")):
                    site.grow(conn, size - site.events, now_ms)
                    conn.commit()
                loaded = time.monotonic() - t0
                conn.autocommit = True
                t1 = time.monotonic()
                conn.execute("VACUUM ANALYZE")
                conn.autocommit = False
                vacuumed = time.monotonic() - t1
                now = datetime.now(UTC)
                first = first or now
                today = now.replace(hour=0, minute=0, second=0, microsecond=0)
                day = (first - timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
                hour = (first - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
                rows_today = _rows_in_range(conn, today, now + timedelta(days=1))
                rows_day = _rows_in_range(conn, day, day + timedelta(days=1))
                rows_hour = _rows_in_range(conn, hour, hour + timedelta(hours=1))
                conflicts_today = _conflicts_in_range(conn, today, now + timedelta(days=1))
                conflicts_day = _conflicts_in_range(conn, day, day + timedelta(days=1))
                conn.commit()
                oldest = datetime.fromtimestamp((site.oldest_ms or 0) / 1000, UTC)
                notes[size] = (
                    f"{site.events:,} events over {site.days:.1f} days (from "
                    f"{oldest:%Y-%m-%d %H:%M} UTC, {RATE_PER_DAY:,} a day; "
                    f"{site.next_parent:,} parents, {site.next_bill:,} bills); "
                    f"rollup rows today {rows_today:,} "
                    f"(at {now:%H:%M} UTC), whole day {rows_day:,}, in the hour {rows_hour:,}; "
                    f"conflicts today {conflicts_today:,}, whole day {conflicts_day:,}"
                )
                print(
                    f"   {_label(size)}: {site.events:,} events loaded in {loaded:.0f} s, "
                    f"VACUUM ANALYZE {vacuumed:.0f} s; {notes[size]}",
                    flush=True,
                )
                figures.append(
                    Figure(
                        SECTION,
                        f"load to {_label(size)} (generate, COPY, index, VACUUM ANALYZE)",
                        loaded + vacuumed,
                        "s",
                        note=notes[size],
                    )
                )
                endpoints = _endpoints(site, first)
                with _Server(db) as server:
                    results[size] = _measure(server.url, endpoints, token, timed)
                for label, got in results[size].items():
                    print(
                        f"   {_label(size)} {label}: p50 {got.p50:.2f} ms, "
                        f"p95 {got.p95:.2f} ms, {got.size_bytes:,} B",
                        flush=True,
                    )
            if len(sizes) > 1:
                archived, archived_note = _archive_all_but_recent(db, conn)
                figures.append(Figure(SECTION, "archive", archived, "s", note=archived_note))
                print(f"   archived: {archived_note}", flush=True)
                with _Server(db) as server:
                    results[ARCHIVED] = _measure(server.url, endpoints, token, timed)
    for size in [*sizes, *([ARCHIVED] if ARCHIVED in results else [])]:
        floor = results[size]["GET /healthz"]
        limit = f"GET /healthz p95 {floor.p95:.2f} ms (p50 {floor.p50:.2f})"
        for ep in endpoints[1:]:
            got = results[size][ep.label]
            figures.append(
                Figure(
                    SECTION,
                    f"{ep.label} p95 @ {_label(size)}",
                    got.p95,
                    "ms",
                    target=f"< {TARGET_MS:.0f} ms",
                    met=got.p95 < TARGET_MS,
                    limit=limit,
                    note=f"p50 {got.p50:.2f} ms; {got.size_bytes:,} B; {timed} sequential "
                    f"after {WARMUP} warm-ups",
                )
            )
    if len(sizes) > 1:
        _flat_ratios(figures, results, endpoints, sizes[0], sizes[-1])
        _flat_ratios(figures, results, endpoints, sizes[0], ARCHIVED)
    return figures


def _flat_ratios(
    figures: list[Figure],
    results: dict[int, dict[str, Timing]],
    endpoints: list[Endpoint],
    small: int,
    big: int,
) -> None:
    """Each endpoint's p95 at ``big`` over its p95 at ``small``: flat where the range is bounded."""
    floor_ratio = results[big]["GET /healthz"].p95 / results[small]["GET /healthz"].p95
    for ep in endpoints[1:]:
        ratio = results[big][ep.label].p95 / results[small][ep.label].p95
        figures.append(
            Figure(
                SECTION,
                f"{ep.label} p95 {_label(big)}/{_label(small)}",
                ratio,
                "x",
                target=f"≤ {FLAT_RATIO}x (flat)" if ep.bounded else "",
                met=ratio <= FLAT_RATIO if ep.bounded else None,
                limit=f"GET /healthz {floor_ratio:.2f}x",
                note="bounded range" if ep.bounded else "not range-bounded",
            )
        )
