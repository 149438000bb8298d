"""Key events the way a USB keyboard-wedge scanner types them, with event timestamps."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_KEYS = {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "-": Qt.Key.Key_Minus}


def type_scan(
    fallback: QWidget, text: str, clock: list[int], gap_ms: int = 4, pause_ms: int = 1000
) -> None:
    """Send ``text`` + Enter to the focused widget (or ``fallback``), a key every ``gap_ms``.

    ``clock`` holds the key-event time in ms; it moves on by ``pause_ms`` after the scan.
    """
    target = QApplication.focusWidget() or fallback
    for char in text + "\r":
        key = _KEYS.get(char) or Qt.Key(ord(char.upper()))
        for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(etype, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(clock[0])
            QApplication.sendEvent(target, event)
        clock[0] += gap_ms
    clock[0] += pause_ms


def type_as_person(widget: QWidget, text: str, clock: list[int], then: str = "\r") -> None:
    """Type ``text`` (then Enter) into ``widget`` at a person's pace: a key every 150 ms.

    QTest's key clicks carry no timestamps, which a scan line would read as a scanner.
    """
    for char in text + then:
        key = _KEYS.get(char) or Qt.Key(ord(char.upper()))
        for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(etype, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(clock[0])
            QApplication.sendEvent(widget, event)
        clock[0] += 150


def send_keys(
    widget: QWidget,
    text: str,
    clock: list[int],
    gaps_ms: Sequence[int],
    then: str = "\r",
    pause_ms: int = 1000,
) -> None:
    """Send ``text`` + ``then`` to ``widget`` with the given gaps between key presses.

    ``gaps_ms`` is used in turn, over and over: gap *i* comes after key *i*, so a scanner's
    uneven pace (radio packets) can be played. ``then`` is the suffix (``"\r"``, ``"\t"``, or
    ``""`` for none). ``clock`` moves on by ``pause_ms`` after the last key.
    """
    keys = text + then
    for index, char in enumerate(keys):
        key = _KEYS.get(char) or Qt.Key(ord(char.upper()))
        for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(etype, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(clock[0])
            QApplication.sendEvent(widget, event)
        if index < len(keys) - 1:
            clock[0] += gaps_ms[index % len(gaps_ms)]
    clock[0] += pause_ms
