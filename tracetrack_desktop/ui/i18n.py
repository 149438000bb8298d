"""Loads the station's translations (English source strings, Hindi in ``tracetrack_hi.qm``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from tracetrack_desktop.ui.theme import RESOURCES

TRANSLATIONS = RESOURCES / "translations"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translator for ``language`` (``"hi"``); English needs none.

    Must run before the window is built: widgets translate their texts when they are created.
    Returns the translator (keep a reference to it) or None if there is nothing to load.
    """
    if language in ("", "en"):
        return None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"tracetrack_{language}.qm")):
        return None
    app.installTranslator(translator)
    return translator
