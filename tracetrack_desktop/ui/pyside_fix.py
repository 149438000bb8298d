"""A guard against a reference-count bug in ``SignalInstance.emit`` (seen in PySide6 6.12).

On the affected build every ``signal.emit(...)`` made from Python returns ``True`` without a
new reference, so each emit steals one reference from the ``True`` singleton. A station emits a
few signals per scan; after a few thousand scans ``True`` is freed and the interpreter aborts
("bool_dealloc: deallocating True or False"). The guard measures the bug once at start-up and,
only if it is present, wraps ``emit`` to give the reference back.
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


def install_emit_refcount_fix() -> bool:
    """Wrap ``SignalInstance.emit`` if (and only if) this build has the bug. Idempotent.

    Returns:
        Whether the wrapper is in place.
    """
    global _installed  # noqa: PLW0603 - one process-wide patch, applied once
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
