"""Run the real station window (``compose.main``) on an X server, for the xdotool suite.

``python -m tests.xserver.station_driver --data-dir D --config C [--stall-ms 300]``

Everything is the product's own composition root; the only addition is the fault a test asks
for: ``--stall-ms N --stall-every-ms M`` blocks the GUI thread for N ms every M ms (a slow
repaint, a heavy handler), so a test can prove that a stall mid-read never splits a burst.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from tracetrack_desktop.window import main, qt_application


def _stall(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        pass  # busy, as a handler doing real work would be: the event loop waits behind it


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--stall-ms", type=int, default=0)
    parser.add_argument("--stall-every-ms", type=int, default=0)
    args = parser.parse_args(argv)
    qt_app = qt_application()
    if args.stall_ms and args.stall_every_ms:
        timer = QTimer(qt_app)
        timer.setInterval(args.stall_every_ms)
        timer.timeout.connect(lambda: _stall(args.stall_ms))
        timer.start()
    return main(config_path=Path(args.config), data_dir=Path(args.data_dir), token_file=None)


if __name__ == "__main__":
    raise SystemExit(run())
