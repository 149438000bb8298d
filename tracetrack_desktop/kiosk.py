"""Kiosk mode's keeper: runs the station window as a child process and starts it again after a
crash (Qt-free).

``tracetrack-station --kiosk`` (or ``[ui] kiosk = true``) runs :func:`keep_running`, which
starts the same program again with :data:`CHILD_ENV` set; that child opens the window full
screen, and only an admin can close it (``ui/main_window.py``). The child's exit code says what
happened: 0 is an admin closing the station on purpose, so the keeper ends too; anything else
(a crash, a signal, an unhandled error) starts it again, after a pause that grows while it
keeps failing fast, so a station that cannot start does not spin a core. SIGTERM and SIGINT
to the keeper (a shutdown, a logout) are passed to the child, which closes cleanly, and then
the keeper ends with it.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from types import FrameType

CHILD_ENV = "TRACETRACK_KIOSK_CHILD"
FIRST_PAUSE_S = 1.0
LONGEST_PAUSE_S = 30.0
STEADY_S = 60.0
"""A child that ran this long before failing was not failing fast: the pause starts again
from :data:`FIRST_PAUSE_S`."""

log = logging.getLogger(__name__)


def is_child() -> bool:
    """True in the window process a keeper started."""
    return os.environ.get(CHILD_ENV) == "1"


def own_command(argv: Sequence[str]) -> list[str]:
    """The command that runs this program again with ``argv`` (a frozen bundle is its own
    executable; an installed package runs through this interpreter)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *argv]
    return [sys.executable, "-m", "tracetrack_desktop.cli", *argv]


def keep_running(
    argv: Sequence[str],
    *,
    command: Callable[[Sequence[str]], list[str]] = own_command,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run the window again and again until it ends with 0 or the keeper is told to stop.

    Returns the last child's exit code (0 after an admin closed it or a SIGTERM was passed).
    """
    stopping: list[int] = []
    child: list[subprocess.Popen[bytes]] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)
        if child and child[0].poll() is None:
            child[0].send_signal(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    fast_failures = 0
    try:
        while True:
            started = time.monotonic()
            env = {**os.environ, CHILD_ENV: "1"}
            child[:] = [subprocess.Popen(command(argv), env=env)]  # noqa: S603 - our own program
            code = child[0].wait()
            if code == 0 or stopping:
                return 0 if stopping else code
            fast_failures = 1 if time.monotonic() - started >= STEADY_S else fast_failures + 1
            pause = min(FIRST_PAUSE_S * 2 ** (fast_failures - 1), LONGEST_PAUSE_S)
            log.warning("the window ended with %s; starting it again in %.0f s", code, pause)
            sleep(pause)
            if stopping:
                return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


__all__ = ["CHILD_ENV", "is_child", "keep_running", "own_command"]
