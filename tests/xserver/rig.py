"""A real X server (Xvfb), the real station window on it, and xdotool typing into it.

Keys reach the station as they do on a packing-station PC: xdotool's XTEST requests become X
key events stamped by the X server, read by Qt's xcb connection and delivered to the window.
Scanner profiles are xdotool command chains (``type --delay`` for even timing, ``key`` and
``sleep`` steps for uneven Bluetooth timing). What the station recorded is read from its
SQLite outbox while it runs. Every process started here is ended by :meth:`XStation.close`,
and every wait has a deadline.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from tests.procs import clean_env, wait_for
from tracetrack_desktop.storage.db import database_path
from tracetrack_desktop.storage.store import LocalStore

PASSWORDS = {"ravi": "ravi-secret-1", "bina": "bina-secret-1", "ada": "ada-secret-1"}
ROLES = {"ravi": "dispatcher", "bina": "biller", "ada": "admin"}

MAIN_TITLE = "^TraceTrack Station$"
WIZARD_TITLE = "^Set up TraceTrack Station$"
SETTINGS_TITLE = "^Station settings$"

_XDOTOOL_KEYS = {"-": "minus", ".": "period", ":": "colon", "/": "slash", " ": "space"}


def _type_delay(gap_ms: float) -> int:
    """xdotool ``type --delay`` for ``gap_ms`` between presses: it waits half after the press
    and half after the release (measured: ``--delay 120`` gives 60 ms between presses)."""
    return max(1, round(2 * gap_ms))


def have_x_tools() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "xdotool"))


@dataclass(frozen=True)
class Profile:
    """How a scanner types: the gap between keys (ms, as a range) and its suffix key."""

    name: str
    gap_ms: tuple[float, float]
    suffix: str  # "Return", "Tab" or "" (none: the station submits after a pause)

    def chain(self, code: str, rng: random.Random) -> list[str]:
        """xdotool arguments that type ``code`` and the suffix the way this scanner does."""
        low, high = self.gap_ms
        if high <= 5:  # cabled: even, fast; xdotool's own delay between keys
            args = ["type", "--delay", str(_type_delay(high)), "--args", "1", code]
        else:  # Bluetooth: uneven, radio packets bunch keys
            args = []
            for ch in code:
                args += [
                    "key",
                    _XDOTOOL_KEYS.get(ch, ch),
                    "sleep",
                    f"{rng.uniform(low, high) / 1000:.3f}",
                ]
        if self.suffix:
            args += ["key", self.suffix]
        return args


CABLED_ENTER = Profile("cabled-enter", (1, 4), "Return")
CABLED_TAB = Profile("cabled-tab", (1, 4), "Tab")
BLUETOOTH_ENTER = Profile("bluetooth-enter", (15, 60), "Return")
BLUETOOTH_TAB = Profile("bluetooth-tab", (15, 60), "Tab")
CABLED_NO_SUFFIX = Profile("cabled-no-suffix", (1, 4), "")
PROFILES = (CABLED_ENTER, CABLED_TAB, BLUETOOTH_ENTER, BLUETOOTH_TAB, CABLED_NO_SUFFIX)


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A private X server; yields its DISPLAY."""
    for number in range(90 + os.getpid() % 50, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    display = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), "Xvfb", timeout=20)
        yield display
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(10)
        if proc.poll() is None:
            proc.kill()


@contextlib.contextmanager
def busy_cores(count: int = 2, seconds: float = 300) -> Iterator[None]:
    """Keep ``count`` cores busy (each burner stops by itself after ``seconds``)."""
    loop = f"import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"
    burners = [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(count)]
    try:
        yield
    finally:
        for proc in burners:
            proc.kill()
            proc.wait()


def seed_station(data_dir: Path, config_path: Path, extra_config: str = "") -> None:
    """An offline-only station with three local operators (dispatcher, biller, admin)."""
    hasher = PasswordHasher()
    store = LocalStore(data_dir)
    try:
        for name, role in ROLES.items():
            store.add_local_user(name, hasher.hash(PASSWORDS[name]), role)
        store.set_meta("setup_done", "2026-12-01T00:00:00+00:00")
    finally:
        store.close()
    config_path.write_text('[server]\nurl = ""\n\n[ui]\nmuted = true\n' + extra_config)


class XStation:
    """The station window as a process on ``display``; xdotool types into it."""

    def __init__(
        self,
        display: str,
        data_dir: Path,
        config_path: Path,
        stall_ms: int = 0,
        *,
        seeded: bool = True,
    ) -> None:
        self.display = display
        self.data_dir = data_dir
        self.env = clean_env(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONUNBUFFERED="1")
        self.env.pop("XDG_SESSION_TYPE", None)
        cmd = [sys.executable, "-m", "tests.xserver.station_driver"]
        cmd += ["--data-dir", str(data_dir), "--config", str(config_path)]
        if stall_ms:
            cmd += ["--stall-ms", str(stall_ms), "--stall-every-ms", "450"]
        self.log = (data_dir / "station.log").open("wb")
        self.proc = subprocess.Popen(
            cmd, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, cwd=Path.cwd()
        )
        title = MAIN_TITLE if seeded else WIZARD_TITLE
        self.window = wait_for(lambda: self.find(title), f"a window {title}", timeout=60)
        self.focus(self.window)

    def find(self, title: str) -> str | None:
        """The id of a visible window whose title matches the regex ``title``, or None."""
        if self.proc.poll() is not None:
            raise AssertionError(f"the station exited: {self.output()}")
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        ids = found.stdout.split()
        return ids[-1] if ids else None

    def focus(self, window: str) -> None:
        """Give ``window`` the X input focus (there is no window manager to do it)."""
        self.xdotool("windowfocus", "--sync", window)
        self.xdotool("mousemove", "--window", window, "5", "5")

    def screenshot(self, path: Path) -> None:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=False)

    def output(self) -> str:
        self.log.flush()
        return (self.data_dir / "station.log").read_text(errors="replace")[-4000:]

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=120)

    def type_slowly(self, text: str, delay_ms: int = 150, then: str = "") -> None:
        """A person typing ``text``, then pressing the key ``then`` (``Return``, ``Tab``)."""
        args = ["type", "--delay", str(_type_delay(delay_ms)), "--args", "1", text]
        if then:
            args += ["sleep", f"{delay_ms / 1000:.3f}", "key", then]
        self.xdotool(*args)

    def press(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "120", *keys)

    def login(self, name: str) -> None:
        self.type_slowly(name, delay_ms=120, then="Return")
        self.type_slowly(PASSWORDS[name], delay_ms=120, then="Return")

    def scan(
        self, profile: Profile, codes: Sequence[str], rng: random.Random, pause_ms: int = 250
    ) -> None:
        """Scan ``codes`` with ``profile``, ``pause_ms`` between reads (aiming at the next)."""
        args: list[str] = []
        for code in codes:
            args += profile.chain(code, rng)
            args += ["sleep", f"{pause_ms / 1000:.3f}"]
        self.xdotool(*args)

    # -- what the station recorded ----------------------------------------------------

    def events(self) -> list[dict[str, str]]:
        with contextlib.closing(sqlite3.connect(database_path(self.data_dir), timeout=10)) as db:
            rows = db.execute("SELECT type, code, parent, data FROM events ORDER BY seq").fetchall()
        return [{"type": t, "code": c, "parent": p, "data": d} for t, c, p, d in rows]

    def wait_events(self, count: int, timeout: float = 60) -> list[dict[str, str]]:
        return wait_for(
            lambda: ev if len(ev := self.events()) >= count else None,
            f"{count} events (log: {self.output()})",
            timeout=timeout,
            every=0.2,
        )

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def codes_of(events: Sequence[dict[str, str]], *types: str) -> list[str]:
    return [e["code"] for e in events if e["type"] in types]


def rejected(events: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    return [json.loads(e["data"]) for e in events if e["type"] == "scan_rejected"]
