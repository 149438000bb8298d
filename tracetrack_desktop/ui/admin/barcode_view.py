"""An enrollment code as a Code 128 barcode: python-barcode writes the SVG, QtSvg draws it."""

from __future__ import annotations

from barcode import Code128  # type: ignore[import-untyped]
from barcode.writer import SVGWriter  # type: ignore[import-untyped]
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QWidget

MODULE_MM = 0.3
PIXELS_PER_MM = 10
"""3 pixels a bar module: wide enough for a scanner to read the code off the screen."""


def code128_svg(code: str) -> bytes:
    """The SVG of ``code`` as Code 128, bars only (the code is shown as text beside it).

    python-barcode sizes everything in millimetres; QtSvg scales the root's ``mm`` but not the
    bars' (they landed in the wrong places), so the numbers are kept as plain user units: the
    drawing is then one consistent space, scaled to the widget as a whole.
    """
    svg: bytes = Code128(code, writer=SVGWriter()).render(
        {"module_width": MODULE_MM, "module_height": 8.0, "quiet_zone": 3.0, "write_text": False}
    )
    return svg.replace(b'mm"', b'"')


class BarcodeView(QSvgWidget):
    """Shows one code as a scannable barcode, at a fixed number of pixels per module."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svg = b""

    def show_code(self, code: str) -> None:
        self.svg = code128_svg(code)
        self.load(QByteArray(self.svg))
        box = self.renderer().viewBoxF()
        self.setFixedSize(
            QSize(round(box.width() * PIXELS_PER_MM), round(box.height() * PIXELS_PER_MM))
        )
