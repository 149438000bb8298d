"""Guards against reference-count bugs of PySide6 6.12 that abort a long-running station.

1. Every ``signal.emit(...)`` made from Python returns ``True`` without a new reference, so
   each emit steals one reference from the ``True`` singleton. The guard measures this once
   and, only if present, wraps ``emit`` to give the reference back.
2. Every wrapped C++ method that returns nothing (``update()``, ``show()``,
   ``QTimer.start()``, ``setText()`` ...) returns ``None`` without a new reference. The window
   makes a few dozen such calls per scan, so after about 1,500 scans ``None`` is freed and the
   interpreter aborts (``none_dealloc``; found by ``bench/scan_path.py``). These calls are
   everywhere, so instead of wrapping them the guard makes ``None``, ``True`` and ``False``
   effectively immortal, as Python 3.12 does for every singleton: it adds 2**40 to their
   reference counts once (they are never freed anyway; at ~40 leaked references per scan that
   is 27 billion scans).

The guard is process-wide, so it is the composition roots' job (``window.py``, ``headless.py``,
``screenshots.py``; ``tests/conftest.py`` for the tests): each installs it before anything
emits. Widgets and adapters assume it is in place.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    pinged = Signal()


def emit_steals_references() -> bool:
    """True if ``emit`` on this PySide6 build loses a reference to its result."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.pinged.emit()
    return sys.getrefcount(True) < before - 4


PIN = 1 << 40
"""Added to the reference counts of ``None``, ``True`` and ``False`` on an affected build."""

_pinned = False


def void_calls_leak_none() -> bool:
    """True if a C++ method returning nothing loses a reference to ``None`` on this build."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 8


def pin_singletons() -> bool:
    """Make ``None``, ``True`` and ``False`` unfreeable if this build leaks them. Idempotent.

    Python 3.12 and later already make them immortal. Returns whether they are pinned.
    """
    global _pinned  # noqa: PLW0603 - one process-wide patch, applied once
    if _pinned:
        return True
    if sys.version_info >= (3, 12) or not void_calls_leak_none():
        return False
    for singleton in (None, True, False):
        # the count is the object's first field (ob_refcnt, a Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(singleton)).value += PIN
    _pinned = True
    return True


def install_emit_refcount_fix() -> bool:
    """Apply both guards if (and only if) this build has the bugs. Idempotent.

    Returns:
        Whether the ``emit`` wrapper is in place.
    """
    global _installed  # noqa: PLW0603 - one process-wide patch, applied once
    pin_singletons()
    if _installed:
        return True
    if not emit_steals_references():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        incref(result)  # the reference the C implementation forgot to take
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
