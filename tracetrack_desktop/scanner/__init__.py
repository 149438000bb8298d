"""Station scanner input: serial scanners, keyboard wedge, paste and simulate, decoding.

Everything here is Qt-free except :mod:`tracetrack_desktop.scanner.qt_adapter`, which is not
imported by this package so that importing it never pulls in PySide6.
"""

from tracetrack_desktop.scanner.decode import Decoder, DecodeResult, Refusal, refusal_summary
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.simulate import from_paste, simulate
from tracetrack_desktop.scanner.wedge import KeyInput, Verdict, WedgeConfig, WedgeDetector

__all__ = [
    "DecodeResult",
    "Decoder",
    "KeyInput",
    "Refusal",
    "ScanRecord",
    "ScanSource",
    "Verdict",
    "WedgeConfig",
    "WedgeDetector",
    "from_paste",
    "refusal_summary",
    "simulate",
]
