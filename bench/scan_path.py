"""Station scan path: from the scanner's last byte on the wire to the durable commit and to the
operator's feedback on screen, on the window exactly as ``tracetrack-station`` builds it.

A pseudo-terminal stands in for the serial cable. The station under test is the real one
(:func:`tracetrack_desktop.window.build_station`): its serial reader thread
(``SerialScannerBridge``, configured from the settings like a docked scanner), the queued hop to
the GUI thread, the workflow with its SQLite store (WAL, ``synchronous=FULL``), and the window
with its flash overlay. For each scan we take three clocks (``time.perf_counter_ns``):

* ``t0`` right after ``os.write`` of the terminator byte ``\\r``;
* *committed* when ``WorkflowStation.handle_scan`` returns (the transaction with the state
  change and the outbox row has committed inside it);
* *painted* at the first ``Paint`` event the scan tab's counter receives after
  ``StationApp.outcome_shown`` (the flash overlay covers the tab, so every outcome repaints it).

The next scan is written only once the previous one's frame has been painted to the end (the
window is 1366x768, the offscreen platform paints in software). Beside it, the physical
limit: one bare ``sqlite3`` insert and commit of an outbox-shaped row into a fresh WAL file
with ``synchronous=FULL`` in the same folder (same disk, same fsync).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import sqlite3
import sys
import time
import tty
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from bench.common import Context, Figure, percentile, station_process, summary_ms
from tracetrack_desktop.storage import schema as outbox_schema

NAME = "Station scan path"
SECTION = NAME

CHILDREN_PER_PARENT = 30
COMMIT_TARGET_MS = 5.0
PAINT_TARGET_MS = 20.0
SCAN_DEADLINE_S = 10.0
"""How long one scan may take from the write to its paint before the run is called broken."""
READY_DEADLINE_S = 30.0
WINDOW_SIZE = (1366, 768)
"""The reference station screen (the screenshots are taken at this size too)."""
GUARD_REFS_PER_SCAN = 200
"""Extra references to ``None`` per planned scan, where PySide6 leaks them (about 40 a scan)."""
OPERATOR, PASSWORD = "bench", "bench-secret-1"


def scan_codes(n: int) -> list[str]:
    """``n`` scans of a real shift: a parent (SB00001, ...), then 30 unique 7-digit children."""
    codes: list[str] = []
    parent = child = 0
    while len(codes) < n:
        if len(codes) % (CHILDREN_PER_PARENT + 1) == 0:
            parent += 1
            codes.append(f"SB{parent:05d}")
        else:
            child += 1
            codes.append(f"{child:07d}")
    return codes


# -- the station -----------------------------------------------------------------------------


@dataclass
class _Marks:
    """Clocks of the scan in flight (nanoseconds, ``perf_counter_ns``)."""

    committed: int = 0
    shown: bool = False
    painted: int = 0
    frame_done: bool = False
    frame_end: int = 0
    outcomes: list[Any] = field(default_factory=list)

    def reset(self) -> None:
        self.committed = self.painted = 0
        self.shown = self.frame_done = False


class _Pump:
    """Runs the Qt event loop until a condition holds; counts its own ``processEvents`` calls."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QEventLoop  # noqa: PLC0415

        self.app = app
        self.calls = 0
        flag = QEventLoop.ProcessEventsFlag
        self.flags = flag.AllEvents | flag.WaitForMoreEvents

    def until(self, done: Any, deadline_s: float, what: str) -> None:
        """Process events until ``done()``; the heartbeat timer bounds each wait."""
        end = time.monotonic() + deadline_s
        while not done():
            if time.monotonic() > end:
                raise TimeoutError(f"timed out after {deadline_s:.0f} s waiting for {what}")
            self.app.processEvents(self.flags)
            self.calls += 1


def _none_lost_per_call(call: Any, times: int = 200) -> float:
    """How many references to ``None`` one ``call()`` loses (0 on a sound PySide6 build)."""
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    return (before - sys.getrefcount(None)) / times


def _guard_none(refs: int) -> None:
    """Give ``None`` ``refs`` extra references, so a leaking binding cannot free it mid-run."""
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for _ in range(refs):
        incref(None)


@dataclass
class PathResult:
    """What one run of the composed window measured."""

    commit_s: list[float]
    painted_s: list[float]
    frame_s: list[float]
    """From the first Paint to the end of that frame (the whole window repainted)."""
    window_size: str
    none_lost_per_scan: float
    """References to ``None`` the station's own Qt calls dropped per scan (harness excluded)."""
    none_at_login: int
    """``sys.getrefcount(None)`` when scanning began, before the guard."""


def station_scan_path(work_dir: Path, n: int, warmup: int) -> PathResult:
    """Scan ``warmup + n`` codes through the composed window; the last ``n`` are measured.

    PySide6 6.12 as installed here returns ``None`` from every void method without a new
    reference; on Python 3.11 (``None`` is not immortal) the window would abort with
    ``none_dealloc`` after about 1,500 scans. The run measures that loss per scan and, only if
    it is present, gives ``None`` enough extra references first to finish the run.
    """
    from argon2 import PasswordHasher  # noqa: PLC0415
    from PySide6.QtCore import (  # noqa: PLC0415
        QCoreApplication,
        QEvent,
        QEventLoop,
        QObject,
        Qt,
        QTimer,
    )
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from tracetrack_desktop.config import StationConfig  # noqa: PLC0415
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415
    from tracetrack_desktop.ui.feedback import SilentPlayer  # noqa: PLC0415
    from tracetrack_desktop.window import build_station  # noqa: PLC0415

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if app is None:
        app = QApplication(["bench-scan-path"])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication already exists; the window needs a QApplication")

    class PaintProbe(QObject):
        """Stamps the first Paint of the watched widget after an outcome was shown, then
        posts itself an event that arrives once the whole frame is painted."""

        def __init__(self, marks: _Marks) -> None:
            super().__init__()
            self.marks = marks
            self.posts = 0

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and self.marks.shown and not self.marks.painted:
                self.marks.painted = time.perf_counter_ns()
                QCoreApplication.postEvent(self, QEvent(QEvent.Type.User))
                self.posts += 1
            return False

        def event(self, event: QEvent) -> bool:
            if event.type() == QEvent.Type.User:
                self.marks.frame_done = True
                self.marks.frame_end = time.perf_counter_ns()
                return True
            return super().event(event)

    master, slave = os.openpty()
    tty.setraw(master)
    data_dir = work_dir / "data"
    store = LocalStore(data_dir)
    store.add_local_user(OPERATOR, PasswordHasher().hash(PASSWORD), "admin")
    config = StationConfig.model_validate(
        {"scanner": {"serial": [{"id": "dock", "port": os.ttyname(slave)}]}}
    )
    station_app = build_station(
        store,
        config,
        config_path=work_dir / "station.toml",
        data_dir=data_dir,
        identity=None,  # offline only: nothing else competes for the GUI thread
        sounds=SilentPlayer(),
    )
    marks = _Marks()
    station = station_app.station
    handle_scan = station.handle_scan

    def timed_handle_scan(record: Any) -> Any:
        outcome = handle_scan(record)  # the workflow commits before this returns
        marks.committed = time.perf_counter_ns()
        return outcome

    def on_outcome_shown(outcome: Any) -> None:
        marks.shown = True
        marks.outcomes.append(outcome)

    station.handle_scan = timed_handle_scan  # type: ignore[method-assign]
    station_app.outcome_shown.connect(on_outcome_shown)
    window = station_app.window
    probe = PaintProbe(marks)
    heartbeat = QTimer()  # wakes processEvents(WaitForMoreEvents) so deadlines are checked
    heartbeat.setTimerType(Qt.TimerType.CoarseTimer)
    heartbeat.setInterval(100)
    commit_s: list[float] = []
    painted_s: list[float] = []
    frame_s: list[float] = []
    pump = _Pump(app)
    no_wait = QEventLoop.ProcessEventsFlag.AllEvents
    station_app.start()
    heartbeat.start()
    collector = contextlib.ExitStack()
    collector.enter_context(station_process())  # as run_station() does once started
    try:
        pump.until(
            lambda: "dock connected" in window.scanners.text(),
            READY_DEADLINE_S,
            "the serial scanner to connect",
        )
        window.login_page.username.setText(OPERATOR)
        window.login_page.password.setText(PASSWORD)
        window.login_page.button.click()
        if not window.logged_in():
            raise RuntimeError("the bench operator could not log in")
        window.show_tab("scan")
        window.resize(*WINDOW_SIZE)  # paint cost grows with the area: a station's screen
        size = f"{window.width()}x{window.height()}"
        settled = time.monotonic() + 0.3  # the login repaint and its flash go by
        pump.until(lambda: time.monotonic() > settled, 5, "the window to settle")
        window.scan_tab.counter.installEventFilter(probe)
        # the harness's own processEvents calls may leak too: measured, then subtracted
        pump_loss = _none_lost_per_call(lambda: app.processEvents(no_wait))
        sink = QObject()
        post_loss = _none_lost_per_call(
            lambda: QCoreApplication.postEvent(sink, QEvent(QEvent.Type.User))
        )
        app.processEvents(no_wait)
        none_at_login = sys.getrefcount(None)
        if _none_lost_per_call(heartbeat.start) > 0.5:
            _guard_none(GUARD_REFS_PER_SCAN * (warmup + n))
        none_before = sys.getrefcount(None)
        calls_before, posts_before = pump.calls, probe.posts
        for index, code in enumerate(scan_codes(warmup + n)):
            marks.reset()
            os.write(master, code.encode())
            os.write(master, b"\r")
            t0 = time.perf_counter_ns()
            # the next scan goes once this one's frame is painted to the end
            pump.until(lambda: marks.frame_done, SCAN_DEADLINE_S, f"scan {code} painted")
            outcome = marks.outcomes[-1]
            if not outcome.recorded or outcome.code != code:
                raise RuntimeError(
                    f"scan {code} was not recorded: {outcome.kind} {outcome.message}"
                )
            if index >= warmup:
                commit_s.append((marks.committed - t0) / 1e9)
                painted_s.append((marks.painted - t0) / 1e9)
                frame_s.append((marks.frame_end - marks.painted) / 1e9)
        lost = (
            none_before
            - sys.getrefcount(None)
            - (pump.calls - calls_before) * pump_loss
            - (probe.posts - posts_before) * post_loss
        )
        expected = warmup + n
        if store.pending_count() != expected:
            raise RuntimeError(f"{store.pending_count()} events queued, expected {expected}")
    finally:
        collector.close()
        heartbeat.stop()
        window.scan_tab.counter.removeEventFilter(probe)
        station_app.stop()  # joins the scanner thread
        window.close()
        window.deleteLater()
        app.processEvents()
        store.close()
        for fd in (master, slave):
            with contextlib.suppress(OSError):
                os.close(fd)
    return PathResult(
        commit_s, painted_s, frame_s, size, max(0.0, lost / (warmup + n)), none_at_login
    )


# -- the limit -------------------------------------------------------------------------------

# the outbox table exactly as the station declares it (same columns and constraints)
_OUTBOX = str(CreateTable(outbox_schema.events).compile(dialect=sqlite_dialect.dialect()))
_INSERT = (
    "INSERT INTO events (id, seq, type, occurred_at, operator, code, parent, bill, data,"
    " created_at, sync_state, local_status, undo)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 'accepted', ?)"
)


def bare_sqlite_commits(path: Path, n: int) -> list[float]:
    """Seconds for each of ``n`` single-row insert+commit transactions of an outbox row."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(_OUTBOX)
        for index in (  # the outbox's own indexes: each insert maintains them too
            "CREATE INDEX ix_events_pending ON events (sync_state, seq)",
            "CREATE INDEX ix_events_code ON events (code)",
            "CREATE INDEX ix_events_parent ON events (parent)",
        ):
            conn.execute(index)
        samples: list[float] = []
        for seq, code in enumerate(scan_codes(n), start=1):
            now = datetime.now(UTC).isoformat()
            parent = "SB00001" if not code.startswith("SB") else ""
            row = (
                str(uuid.uuid4()),
                seq,
                "parent_scan" if code.startswith("SB") else "child_link",
                now,
                OPERATOR,
                code,
                parent,
                "",
                json.dumps({"scanner": "dock", "source": "serial"}),
                now,
                json.dumps({"bags": {code: None}}),
            )
            start = time.perf_counter_ns()
            conn.execute("BEGIN IMMEDIATE")  # the store's writers take the lock the same way
            conn.execute(_INSERT, row)
            conn.execute("COMMIT")
            samples.append((time.perf_counter_ns() - start) / 1e9)
        return samples
    finally:
        conn.close()


# -- the figures -----------------------------------------------------------------------------


def run(ctx: Context) -> list[Figure]:
    n = ctx.scale(5_000, 60)
    warmup = ctx.scale(CHILDREN_PER_PARENT + 1, 0)
    work = ctx.work_dir / "scan_path"
    work.mkdir(parents=True, exist_ok=True)
    bare = summary_ms(bare_sqlite_commits(work / "bare.db", ctx.scale(5_000, 200)))
    load_before = os.getloadavg()[0]
    got = station_scan_path(work, n, warmup)
    load_after = os.getloadavg()[0]
    commit, painted = summary_ms(got.commit_s), summary_ms(got.painted_s)
    limit = f"bare SQLite WAL insert+commit p99 {bare['p99']:.2f} ms"
    note = (
        f"{n:,} serial scans over a pty"
        + (f" after {warmup} warm-up" if warmup else "")
        + f"; load average {load_before:.1f} before, {load_after:.1f} after"
        + f" on {os.cpu_count()} cores"
    )

    def fig(
        name: str, value: float, target_ms: float | None, lim: str = "", extra: str = ""
    ) -> Figure:
        return Figure(
            SECTION,
            name,
            value,
            "ms",
            target=f"< {target_ms:g} ms" if target_ms is not None else "",
            met=None if target_ms is None else value < target_ms,
            limit=lim,
            note=extra,
        )

    figures = [
        fig("durable commit p50", commit["p50"], None, limit, note),
        fig(
            "durable commit p99",
            commit["p99"],
            COMMIT_TARGET_MS,
            limit,
            f"max {commit['max']:.2f} ms, mean {commit['mean']:.2f} ms",
        ),
        fig("feedback painted p50", painted["p50"], None, extra=note),
        fig(
            "feedback painted p99",
            painted["p99"],
            PAINT_TARGET_MS,
            extra=(
                f"max {painted['max']:.2f} ms, mean {painted['mean']:.2f} ms; the frame takes "
                f"{percentile(got.frame_s, 50) * 1000:.2f} ms more to finish (p50), "
                f"window {got.window_size}, offscreen"
            ),
        ),
        fig(
            "bare SQLite insert+commit p50 (the limit)",
            bare["p50"],
            None,
            extra="sqlite3, WAL, synchronous=FULL, one outbox row per transaction",
        ),
        fig("bare SQLite insert+commit p99 (the limit)", bare["p99"], None),
    ]
    lost = got.none_lost_per_scan
    figures.append(
        Figure(
            SECTION,
            "references to None lost per scan (PySide6)",
            lost,
            "refs",
            target="0",
            met=lost < 1,
            note=(
                f"None held {got.none_at_login:,} references at login: the window aborts "
                f"(none_dealloc) after about {got.none_at_login / lost:,.0f} scans; the bench "
                "guards None to finish"
                if lost >= 1
                else "no leak"
            ),
        )
    )
    return figures
