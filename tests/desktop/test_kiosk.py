"""Kiosk mode and a clean end, with real processes: the keeper starts the window again after it
is killed, passes SIGTERM on, and the window closes cleanly on SIGTERM and on Ctrl+C
(SIGINT). ``make run`` asks for its admin on a real terminal (a pseudo-terminal) and leaves
nothing running after Ctrl+C."""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import re
import signal
import subprocess
import sys
import termios
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pytest
import requests
from argon2 import PasswordHasher

from tests.procs import BIN, clean_env, free_port, wait_for
from tracetrack_desktop.kiosk import keep_running
from tracetrack_desktop.storage.store import LocalStore

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="signals and pseudo-terminals are POSIX"),
    pytest.mark.timeout(180),
]

OPEN = re.compile(rb"the station window is open \(pid (\d+)\)")
WAIT_S = 60.0


class Lines:
    """The lines a process writes to one of its pipes, read by a thread."""

    def __init__(self, pipe: IO[bytes]) -> None:
        self.queue: queue.Queue[bytes] = queue.Queue()
        self.all: list[bytes] = []
        self.pipe = pipe
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.pipe:
            self.queue.put(line)

    def close(self) -> None:
        """After the process ended: the reader has met the pipe's end."""
        self.thread.join(timeout=WAIT_S)
        self.pipe.close()

    def expect(self, pattern: re.Pattern[bytes]) -> re.Match[bytes]:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.5)
            except queue.Empty:
                continue
            self.all.append(line)
            found = pattern.search(line)
            if found:
                return found
        raise AssertionError(f"no line matching {pattern.pattern!r}; got {b''.join(self.all)!r}")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie of ours still answers kill(0); its state says it has ended
    state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    return state == "Z"


@pytest.fixture
def offline_station(tmp_path: Path) -> list[str]:
    """A station set up offline only, with an admin: the window opens on its login page."""
    data = tmp_path / "data"
    store = LocalStore(data)
    store.add_local_user("sam", PasswordHasher().hash("sam-secret-1"), "admin")
    store.set_meta("setup_done", datetime.now(UTC).isoformat())
    store.close()
    return ["--data-dir", str(data), "--config", str(tmp_path / "station.toml")]


def _station(*args: str) -> tuple[subprocess.Popen[bytes], Lines]:
    proc = subprocess.Popen(
        [str(BIN / "tracetrack-station"), *args],
        env=clean_env(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    return proc, Lines(proc.stderr)


def test_the_keeper_starts_a_crashed_window_again_and_ends_when_it_closes(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    # the "window": fails twice (an error, then a signal), then an admin closes it (0)
    script = (
        "import os, pathlib, signal, sys\n"
        f"p = pathlib.Path({str(runs)!r})\n"
        "n = len(p.read_text()) if p.exists() else 0\n"
        "p.write_text('x' * (n + 1))\n"
        "assert os.environ['TRACETRACK_KIOSK_CHILD'] == '1'\n"
        "if n == 0: sys.exit(3)\n"
        "if n == 1: os.kill(os.getpid(), signal.SIGKILL)\n"
        "sys.exit(0)\n"
    )
    pauses: list[float] = []
    code = keep_running(
        ["--kiosk"], command=lambda argv: [sys.executable, "-c", script], sleep=pauses.append
    )
    assert code == 0
    assert runs.read_text() == "xxx"
    assert pauses == [1.0, 2.0]  # failing fast: each pause longer than the last


def test_a_kiosk_window_killed_comes_back_and_sigterm_ends_both(
    offline_station: list[str],
) -> None:
    keeper, lines = _station(*offline_station, "--kiosk")
    windows: list[int] = []
    try:
        windows.append(int(lines.expect(OPEN).group(1)))
        assert windows[0] != keeper.pid, "the window runs in a child the keeper watches"
        os.kill(windows[0], signal.SIGKILL)  # a crash
        windows.append(int(lines.expect(OPEN).group(1)))
        assert windows[1] != windows[0]
        keeper.send_signal(signal.SIGTERM)  # the PC shuts down
        assert keeper.wait(timeout=WAIT_S) == 0
        wait_for(lambda: _gone(windows[1]), "the kiosk window to close")
    finally:
        if keeper.poll() is None:
            keeper.kill()
            keeper.wait()
        for pid in windows:  # a failed test leaves no window behind its killed keeper
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        lines.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_the_window_closes_cleanly_on_a_signal(offline_station: list[str], sig: int) -> None:
    window, lines = _station(*offline_station)
    try:
        lines.expect(OPEN)
        window.send_signal(sig)
        assert window.wait(timeout=WAIT_S) == 0
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
        lines.close()


def _controlling_terminal() -> None:  # runs in the child, before exec
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A pseudo-terminal whose slave is a child's controlling terminal."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.seen = b""
        self.cursor = 0  # what expect() has matched so far
        self.chunks: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return
            if not chunk:
                return
            self.chunks.put(chunk)

    def expect(self, text: bytes) -> None:
        """Wait for ``text`` after what was matched before."""
        deadline = time.monotonic() + WAIT_S
        while (found := self.seen.find(text, self.cursor)) < 0:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} on the terminal; it shows {self.seen[-3000:]!r}")
            try:
                self.seen += self.chunks.get(timeout=0.5)
            except queue.Empty:
                continue
        self.cursor = found + len(text)

    def type(self, text: bytes) -> None:
        os.write(self.master, text)


def test_make_run_asks_for_the_admin_twice_and_ctrl_c_leaves_nothing_running(
    tmp_path: Path,
) -> None:
    port = free_port()
    terminal = Terminal()
    env = clean_env(
        QT_QPA_PLATFORM="offscreen",
        TRACETRACK_PORT=str(port),
        TRACETRACK_STATION_DATA=str(tmp_path / "station"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PATH=f"{BIN}:{os.environ['PATH']}",
    )
    devrun = subprocess.Popen(
        [sys.executable, "-m", "tracetrack_desktop.devrun"],
        env=env,
        stdin=terminal.slave,
        stdout=terminal.slave,
        stderr=terminal.slave,
        preexec_fn=_controlling_terminal,  # noqa: PLW1509 - nothing threaded runs before exec
    )
    try:
        terminal.expect(b"Admin name: ")
        terminal.type(b"boss\n")
        terminal.expect(b"(at least 8 characters): ")
        terminal.type(b"short\n")
        terminal.expect(b"Same password again: ")
        terminal.type(b"short\n")
        terminal.expect(b"A password needs at least 8 characters.")
        terminal.expect(b"Admin name: ")  # asked again, no traceback
        assert b"Traceback" not in terminal.seen
        terminal.type(b"boss\n")
        terminal.expect(b"(at least 8 characters): ")
        terminal.type(b"long-enough-1\n")
        terminal.expect(b"Same password again: ")
        terminal.type(b"long-enough-2\n")
        terminal.expect(b"The two passwords differ")
        terminal.expect(b"Admin name: ")
        terminal.type(b"boss\n")
        terminal.expect(b"(at least 8 characters): ")
        terminal.type(b"long-enough-1\n")
        terminal.expect(b"Same password again: ")
        terminal.type(b"long-enough-1\n")
        terminal.expect(b"The station window is open")
        url = f"http://127.0.0.1:{port}/readyz"
        assert requests.get(url, timeout=10).status_code == 200
        terminal.type(b"\x03")  # Ctrl+C
        assert devrun.wait(timeout=WAIT_S) == 0
        terminal.expect(b"Sync server stopped.")
        with pytest.raises(requests.ConnectionError):
            requests.get(url, timeout=5)
        assert b"Traceback" not in terminal.seen
    finally:
        if devrun.poll() is None:
            devrun.kill()
        os.close(terminal.slave)
