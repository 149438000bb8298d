"""The scan line: the field a scanning screen keeps focused, for scanners and people alike.

Every key goes straight into the line in the order the OS delivered it; Enter or Tab (the
scanner's suffix) ends the read, and :class:`~tracetrack_desktop.scanner.wedge.LineReader`
judges from the keys' OS timestamps whether a scanner or a person typed it, or whether two
reads ran together. Tab never moves focus out of the line and Enter never clicks a button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from tracetrack_core.codes import GS
from tracetrack_desktop.scanner.qt_adapter import (
    KEY_CLOCK,
    SCAN_LINE_PROPERTY,
    SettleTimer,
    key_name,
)
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.scanner.wedge import LineReader, WedgeConfig


class ScanLine(QLineEdit):
    """A line edit that reads whole scans and typed codes.

    Signals:
        read_submitted(object): a :class:`ScanRecord`: ``source`` says scanner (``wedge``)
            or person (``typed``); a ``suspect`` read is to be refused, not used.
    """

    read_submitted = Signal(object)

    def __init__(self, config: WedgeConfig | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(SCAN_LINE_PROPERTY, True)
        self.reader = LineReader(config)
        self._settle = SettleTimer(self._on_settled, self)
        self.textChanged.connect(self._on_text_changed)

    def configure(self, config: WedgeConfig) -> None:
        """New scanner settings (what ends a read, the gap, a prefix); the line is cleared."""
        self.reader = LineReader(config)
        self._reset()

    def event(self, event: QEvent) -> bool:
        # Tab is taken before QWidget::event turns it into a focus change.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if self.reader.terminates("Tab"):
                self._submit(self.reader.end(self.text(), "Tab", float(event.timestamp())))
            return True  # a scan line is never left by Tab
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        name = key_name(event.key())
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        stamp = float(event.timestamp())
        if name in ("Return", "Enter") and not ctrl:
            if self.reader.terminates(name):
                self._submit(self.reader.end(self.text(), name, stamp))
            return  # Enter is never passed on: no default button is ever clicked from here
        text = event.text()
        before = self.text()
        if text == GS:
            self.insert(GS)  # QLineEdit drops control characters; GS1 needs this one
        else:
            super().keyPressEvent(event)
        after = self.text()
        if text and not ctrl and after == before + text:
            KEY_CLOCK.seen(stamp)
            record = self.reader.key(text, stamp, after)  # a text suffix may end the read
            if record is not None:
                self._submit(record)
            else:
                self._schedule()
        elif after != before:
            self.reader.edited()

    def _submit(self, *records: ScanRecord | None) -> None:
        """The line's read (or reads) are done: start afresh, then hand them on."""
        self._reset()
        for record in records:
            if record is not None:
                self.read_submitted.emit(record)

    def _reset(self) -> None:
        self._settle.stop()
        self.reader.clear()
        self.clear()

    def _schedule(self) -> None:
        self._settle.settle_at(self.reader.deadline_ms())

    def _on_text_changed(self, text: str) -> None:
        if not text:  # emptied by the program or the person: the next read starts afresh
            self._settle.stop()
            self.reader.clear()

    def _on_settled(self) -> None:
        now = KEY_CLOCK.now()
        records = self.reader.poll(now)
        if records:
            self._submit(*records)
            return
        deadline = self.reader.deadline_ms()
        if deadline is not None and now < deadline:
            self._schedule()  # not due yet (the timer runs on our clock, deadlines on the OS's)
