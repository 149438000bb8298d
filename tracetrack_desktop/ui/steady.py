"""A box that keeps a label's text changes from relayouting the window.

A ``QLabel`` asks its layout for a new geometry on every ``setText``; the request climbs to the
main window, which lays out everything again, often moves something by a pixel, and repaints
the whole window a second time. On the scan tab that happened on every scan, and a scan that
arrived during that second frame waited for it on the GUI thread before it could commit
(``bench/scan_path.py``: durable-commit p99 over 7 ms, under 4 ms once it stopped).

:class:`SteadyBox` holds one label in a widget without a layout: the label's requests stop at
the box, which keeps a size measured once from a sample text in the label's own style, and is
measured again only when the label's font or style changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyBox(QWidget):
    """Hosts ``label`` at a steady size: as tall as ``sample`` (use ``\\n`` for more lines),
    as wide as the layout gives it (``expanding``) or exactly as wide as ``sample``."""

    def __init__(self, label: QLabel, sample: str, *, expanding: bool = True) -> None:
        super().__init__(label.parentWidget())
        self.label = label
        self._sample = sample
        self._expanding = expanding
        self._hint: QSize | None = None
        label.setParent(self)
        label.installEventFilter(self)
        horizontal = QSizePolicy.Policy.Expanding if expanding else QSizePolicy.Policy.Fixed
        self.setSizePolicy(horizontal, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        if self._hint is None:
            probe = QLabel(self._sample)  # styled like the label: same name, same sheet
            probe.setObjectName(self.label.objectName())
            probe.setFont(self.label.font())
            probe.ensurePolished()
            self._hint = probe.sizeHint()
            probe.deleteLater()
        return self._hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = self.sizeHint()
        return QSize(0 if self._expanding else hint.width(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.label and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._hint = None  # a new theme: measure again, once
            self.updateGeometry()
        return False
