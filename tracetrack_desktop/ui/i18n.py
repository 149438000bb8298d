"""The station's translations (English source strings, Hindi in ``tracetrack_hi.qm``), and a
language switch that needs no restart.

Widgets translate their texts once, when they are built (``self.tr(...)``). To switch while
the station runs, :class:`Language` keeps one translator installed for the life of the app:
it answers from the chosen language's catalogue and remembers, for every text it hands out,
the source it came from. :meth:`Language.retranslate` then walks a widget tree and puts every
text that is such a handed-out text (labels, buttons, tabs, titles, placeholders, tooltips,
table headers, actions) into the new language. A text filled in with values ("Logged in as
sam.") was never handed out as it stands: its owner draws it again on :attr:`Language.changed`,
or a widget that draws its own text offers ``retranslate()``, which the walk calls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
    QWizardPage,
)

from tracetrack_desktop.ui.theme import RESOURCES

TRANSLATIONS = RESOURCES / "translations"

Source = tuple[str, str, str | None, int]
"""Where a shown text came from: context, source text, disambiguation, plural count."""


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translator for ``language`` (``"hi"``); English needs none.

    For a fixed language (tests, screenshots): widgets built afterwards speak it. Returns the
    translator (keep a reference to it) or None if there is nothing to load.
    """
    if language in ("", "en"):
        return None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"tracetrack_{language}.qm")):
        return None
    app.installTranslator(translator)
    return translator


class _RecordingTranslator(QTranslator):
    """Answers from the current catalogue (or leaves the English source) and remembers which
    source each text it handed out came from."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.catalogue: QTranslator | None = None
        self.sources: dict[str, Source] = {}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = (
            self.catalogue.translate(context, source, disambiguation, n) if self.catalogue else ""
        )
        self.sources.setdefault(found or source, (context, source, disambiguation, n))
        return found or None  # None: Qt shows the source text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


class Language(QObject):
    """The language the station speaks, switchable while it runs.

    Signals:
        changed(str): the language is now this code (``"en"``, ``"hi"``); texts drawn with
            values are drawn again by their owners.
    """

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, code: str = "en") -> None:
        super().__init__(app)
        self.code = "en"
        self._translator = _RecordingTranslator(self)
        app.installTranslator(self._translator)
        self._load(code)

    def uninstall(self) -> None:
        """Stop translating (the app speaks its English sources again)."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeTranslator(self._translator)

    def _load(self, code: str) -> bool:
        if code in ("", "en"):
            self._translator.catalogue, self.code = None, "en"
            return True
        catalogue = QTranslator(self)
        if not catalogue.load(str(TRANSLATIONS / f"tracetrack_{code}.qm")):
            return False
        self._translator.catalogue, self.code = catalogue, code
        return True

    def switch(self, code: str, *roots: QWidget) -> bool:
        """Speak ``code`` from now on and put the texts of ``roots`` into it.

        Returns False (and changes nothing) if there is no catalogue for ``code``.
        """
        if code == self.code:
            return True
        if not self._load(code):
            return False
        for root in roots:
            self.retranslate(root)
        self.changed.emit(self.code)
        return True

    def retranslate(self, root: QWidget) -> None:
        """Every handed-out text in ``root`` and its children, in the current language."""
        for widget in (root, *root.findChildren(QWidget)):
            self._widget(widget)
            for action in widget.actions():
                action.setText(self._again(action.text()))
                action.setToolTip(self._again(action.toolTip()))
            own = getattr(widget, "retranslate", None)
            if callable(own):
                own()

    def _again(self, text: str) -> str:
        source = self._translator.sources.get(text)
        return text if source is None else QCoreApplication.translate(*source)

    def _widget(self, widget: QWidget) -> None:
        again = self._again
        widget.setToolTip(again(widget.toolTip()))
        if widget.isWindow():
            widget.setWindowTitle(again(widget.windowTitle()))
        if isinstance(widget, QLabel | QAbstractButton):
            widget.setText(again(widget.text()))
        if isinstance(widget, QLineEdit):
            widget.setPlaceholderText(again(widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            widget.setTitle(again(widget.title()))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                widget.setTabText(i, again(widget.tabText(i)))
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                widget.setItemText(i, again(widget.itemText(i)))
        if isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                if item is not None:
                    item.setText(again(item.text()))
        if isinstance(widget, QWizardPage):
            widget.setTitle(again(widget.title()))
            widget.setSubTitle(again(widget.subTitle()))
        if isinstance(widget, QWizard):
            for which in QWizard.WizardButton:
                button = widget.button(which)
                if button is not None:
                    button.setText(again(button.text()))


__all__ = ["Language", "install_translator"]
