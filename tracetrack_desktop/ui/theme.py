"""Look and feel: the base style sheet, the high-contrast variant and the feedback colours."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
"""The repository's ``resources/`` folder (sounds, styles, translations)."""

FLASH_COLOURS: dict[str, QColor] = {
    "good": QColor("#1f9d55"),
    "parent": QColor("#2563eb"),
    "complete": QColor("#7c3aed"),
    "duplicate": QColor("#d97706"),
    "error": QColor("#dc2626"),
    "info": QColor("#64748b"),
    "needs_confirmation": QColor("#d97706"),
}
"""Full-window flash colour per feedback kind (also used for the outcome column)."""

BASE_QSS = """
QWidget { font-size: 11pt; }
QLabel#stateBanner { font-size: 34pt; font-weight: 700; padding: 6px 12px; border-radius: 6px;
    color: white; background: #2563eb; }
QLabel#stateBanner[mode="children"] { background: #1f9d55; }
QLabel#stateBanner[mode="confirm"] { background: #d97706; }
QLabel#stateBanner[mode="bill"] { background: #0f766e; }
QLabel#counter { font-size: 64pt; font-weight: 800; }
QLabel#currentParent { font-size: 26pt; font-weight: 600; }
QLabel#scanMessage { font-size: 15pt; }
QLabel#importSummary { font-size: 15pt; font-weight: 600; }
QLabel#scanMessage[kind="error"] { color: #b91c1c; font-weight: 700; }
QLabel#scanMessage[kind="needs_confirmation"] { color: #b45309; font-weight: 700; }
QLabel#scannerAlarm { background: #b91c1c; color: white; font-size: 16pt; font-weight: 700;
    padding: 6px; }
QLabel#fieldError { color: #b91c1c; }
QLabel#fieldWarning { color: #b45309; }
QLabel#sourceLabel { font-style: italic; }
QFrame#confirmBar { background: #fef3c7; border: 2px solid #d97706; }
"""


def load_style(high_contrast: bool) -> str:
    """The application style sheet: the base rules, plus the high-contrast file if asked."""
    qss = BASE_QSS
    if high_contrast:
        path = RESOURCES / "styles" / "high_contrast.qss"
        if path.exists():
            qss += "\n" + path.read_text(encoding="utf-8")
    return qss


def apply_theme(app: QApplication, *, high_contrast: bool = False) -> None:
    """Apply the station's style to the whole application."""
    font = QFont(app.font())
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet(load_style(high_contrast))


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (the style sheet's handle) and return it."""
    widget.setObjectName(name)
    return widget
