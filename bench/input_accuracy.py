"""Station input under load: of the reads a scanner sent, how many the station recorded right.

Keyboard-wedge profiles drive the real window on Xvfb with xdotool (``tests.xserver.rig``),
both cores kept busy by two spinning processes *and* the GUI thread blocked for 300 ms every
450 ms; each profile sends parents and their children (29 to a parent) with its own key
timing and suffix. The serial row feeds ``tracetrack-station --headless`` on default settings
through a pseudo-terminal, each read ended at random by CR, LF or CRLF.

The outbox is then compared with what was sent: *right* is a sent code recorded once as a
good scan; *lost* a sent code neither recorded nor refused; *cut* a recorded code that is
part of a sent one; *glued* a recorded code that holds more than one; *refused* a read the
station turned down out loud (a ``scan_rejected`` event). The target is 100 % right: 0 lost,
0 cut, 0 glued.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from bench.common import Context, Figure
from tests.procs import Pty, StationProcess
from tests.xserver.rig import (
    CABLED_ENTER,
    PROFILES,
    Profile,
    XStation,
    busy_cores,
    have_x_tools,
    seed_station,
    xvfb,
)
from tracetrack_desktop.storage.db import database_path

NAME = "Station input under load"
SECTION = NAME
STALL_MS = 300
NO_SUFFIX_CONFIG = "\n[scanner]\nwedge_idle_submit_ms = 300\n"
SMOKE_PROFILES = (CABLED_ENTER,)


def shift_codes(rng: random.Random, reads: int) -> list[str]:
    """Parents each followed by 29 distinct children (4-16 characters), ``reads`` in all."""
    codes: list[str] = []
    used: set[str] = set()
    parent = 100
    while len(codes) < reads:
        parent += 1
        codes.append(f"SB{parent:05d}")
        for _ in range(29):
            while (
                child := "".join(rng.choices("0123456789", k=rng.choice((4, 7, 10, 16))))
            ) in used:
                pass
            used.add(child)
            codes.append(child)
    return codes[:reads]


def tally(sent: Sequence[str], events: Sequence[tuple[str, str]]) -> Counter[str]:
    """Right, lost, cut, glued and refused reads (see the module docstring)."""
    good = [code for kind, code in events if kind in ("parent_scan", "child_link")]
    refused = sum(1 for kind, _ in events if kind == "scan_rejected")
    count: Counter[str] = Counter(refused=refused)
    recorded = Counter(good)
    for code in sent:
        if recorded[code] > 0:
            recorded[code] -= 1
            count["right"] += 1
    for code, extra in recorded.items():
        if extra <= 0:
            continue
        if any(code in other and code != other for other in sent):
            count["cut"] += extra
        else:
            count["glued"] += extra
    count["lost"] = max(0, len(sent) - count["right"] - refused)
    return count


def outbox(data_dir: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(database_path(data_dir), timeout=10)) as db:
        rows = db.execute("SELECT type, code FROM events ORDER BY seq").fetchall()
    return [(str(kind), str(code)) for kind, code in rows]


def settled(data_dir: Path, expected: int, timeout: float) -> list[tuple[str, str]]:
    """The outbox once ``expected`` events are in and nothing more came for a second."""
    deadline = time.monotonic() + timeout
    last: list[tuple[str, str]] = []
    while time.monotonic() < deadline:
        events = outbox(data_dir)
        if len(events) >= expected and events == last:
            return events
        last = events
        time.sleep(1.0)
    return last


def figures(label: str, sent: int, count: Counter[str], note: str) -> list[Figure]:
    right = 100.0 * count["right"] / sent if sent else 0.0
    detail = ", ".join(f"{count[k]} {k}" for k in ("lost", "cut", "glued", "refused"))
    return [
        Figure(
            SECTION,
            f"{label}: reads right",
            right,
            "%",
            target="100 %: 0 lost, 0 cut, 0 glued",
            met=count["right"] == sent and not (count["lost"] + count["cut"] + count["glued"]),
            limit=f"{sent} reads sent: {detail}",
            note=note,
        )
    ]


def wedge_profile(ctx: Context, display: str, profile: Profile, reads: int) -> list[Figure]:
    work = ctx.work_dir / f"wedge-{profile.name}"
    work.mkdir(parents=True)
    config = NO_SUFFIX_CONFIG if not profile.suffix else ""
    seed_station(work / "data", work / "station.toml", config)
    station = XStation(display, work / "data", work / "station.toml", stall_ms=STALL_MS)
    rng = random.Random(profile.name)
    sent = shift_codes(rng, reads)
    pause = 500 if not profile.suffix else 150
    try:
        station.login("ravi")
        with busy_cores(2, seconds=reads * 1.5 + 60):
            for start in range(0, len(sent), 50):  # xdotool command lines of 50 reads
                station.scan(profile, sent[start : start + 50], rng, pause_ms=pause)
            events = settled(work / "data", len(sent), timeout=60)
    finally:
        station.close()
    note = (
        f"xdotool on Xvfb, {pause} ms between reads; both cores busy and the GUI thread "
        f"blocked {STALL_MS} ms every 450 ms"
    )
    return figures(f"wedge {profile.name}", len(sent), tally(sent, events), note)


def serial_mixed(ctx: Context, reads: int) -> list[Figure]:
    work = ctx.work_dir / "serial"
    work.mkdir(parents=True)
    seed_station(work / "data", work / "station.toml")
    (work / "station.toml").unlink()  # factory settings: no settings file at all
    pty = Pty()
    station = StationProcess(work / "data", work / "token", pty.path, "ravi").start()
    rng = random.Random("serial")
    sent = shift_codes(rng, reads)
    try:
        with busy_cores(2, seconds=reads * 0.2 + 60):
            for code in sent:
                pty.send(code.encode() + rng.choice((b"\r", b"\n", b"\r\n")))
                time.sleep(0.03)
            events = settled(work / "data", len(sent), timeout=60)
    finally:
        station.terminate()
        pty.close()
    note = "tracetrack-station --headless on default settings, a pseudo-terminal, 30 ms apart"
    return figures("serial, CR/LF/CRLF mixed", len(sent), tally(sent, events), note)


def run(ctx: Context) -> list[Figure]:
    if not have_x_tools():
        raise RuntimeError("needs Xvfb and xdotool (apt install xvfb xdotool)")
    reads = ctx.scale(500, 12)
    out: list[Figure] = []
    with xvfb() as display:
        for profile in SMOKE_PROFILES if ctx.smoke else PROFILES:
            out += wedge_profile(ctx, display, profile, reads)
    out += serial_mixed(ctx, reads)
    return out
