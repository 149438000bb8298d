"""PySide6 6.12 loses a reference to ``None`` on every void C++ call and to ``True`` on every
emit; a window making a few dozen such calls per scan aborted the interpreter after about
1,500 scans. These tests run a long shift's worth of such calls in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tracetrack_desktop.pyside_fix import void_calls_leak_none

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
calls = sys.getrefcount(None) + 10_000  # more void calls than None has references
emits = sys.getrefcount(True) + 10_000  # more emits than True has references
if sys.argv[1] == "guarded":
    from tracetrack_desktop.pyside_fix import install_emit_refcount_fix
    install_emit_refcount_fix()
app = QApplication([])

class Box(QObject):
    changed = Signal()

widget, box = QWidget(), Box()
for _ in range(calls):
    widget.update()
for _ in range(emits):
    box.changed.emit()
print("alive")
"""


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # our own interpreter and script
        [sys.executable, "-c", SCRIPT, mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )


def test_a_long_shift_of_void_calls_and_emits_does_not_abort_the_station() -> None:
    guarded = _run("guarded")
    assert guarded.returncode == 0, guarded.stderr[-2000:]
    assert guarded.stdout.strip() == "alive"


def test_without_the_guard_this_build_would_abort() -> None:
    """Shows the guard is needed here (and becomes a skip once PySide6 is fixed)."""
    if not void_calls_leak_none():
        pytest.skip("this PySide6 build does not leak None")
    bare = _run("bare")
    assert bare.returncode != 0
    assert "none_dealloc" in bare.stderr or "deallocating None" in bare.stderr
