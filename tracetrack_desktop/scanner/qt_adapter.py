"""The thin Qt side of scanner input: the only module of the scanner layer that imports PySide6.

* :class:`WedgeEventFilter` sits on the QApplication and feeds every key press to a
  :class:`WedgeDetector`, whichever widget has focus. Scan keystrokes are swallowed (they never
  reach a text field); a person's keys that were held while the timing was unclear are sent on
  to the focused widget, in order.
* :class:`SettleTimer` decides on silence only after the key events already queued are handled,
  on the OS key clock (:data:`KEY_CLOCK`), so a stalled GUI thread never cuts a burst.
* :class:`SerialScannerBridge` runs serial scanners on their own threads and re-emits their
  reads and state changes as signals in the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.scanner.serial_reader import ScannerManager, SerialScannerConfig
from tracetrack_desktop.scanner.wedge import KeyInput, Verdict, WedgeDetector

_KEY_NAMES: dict[int, str] = {
    int(Qt.Key.Key_Return): "Return",
    int(Qt.Key.Key_Enter): "Enter",
    int(Qt.Key.Key_Tab): "Tab",
    int(Qt.Key.Key_Backtab): "Backtab",
    int(Qt.Key.Key_Backspace): "Backspace",
    int(Qt.Key.Key_Escape): "Escape",
    int(Qt.Key.Key_Shift): "Shift",
    int(Qt.Key.Key_Control): "Control",
    int(Qt.Key.Key_Alt): "Alt",
    int(Qt.Key.Key_AltGr): "AltGr",
    int(Qt.Key.Key_Meta): "Meta",
    int(Qt.Key.Key_CapsLock): "CapsLock",
    int(Qt.Key.Key_NumLock): "NumLock",
}


def key_name(key: int) -> str:
    """The detector's name for a Qt key code."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if int(Qt.Key.Key_0) <= key <= int(Qt.Key.Key_9):
        return chr(key)
    return QKeySequence(key).toString() or f"0x{key:x}"


@dataclass(frozen=True)
class _KeySnapshot:
    """Enough of a QKeyEvent to send it again later (Qt reuses the original)."""

    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    scan_code: int
    virtual_key: int
    native_modifiers: int
    text: str
    auto_repeat: bool
    count: int
    timestamp: int

    def rebuild(self) -> QKeyEvent:
        event = QKeyEvent(
            self.type,
            self.key,
            self.modifiers,
            self.scan_code,
            self.virtual_key,
            self.native_modifiers,
            self.text,
            self.auto_repeat,
            self.count,
        )
        event.setTimestamp(self.timestamp)
        return event


def key_input(event: QKeyEvent) -> KeyInput:
    """Translate a QKeyEvent (text as the OS delivered it, event timestamp) for the detector."""
    mods = event.modifiers()
    snapshot = _KeySnapshot(
        event.type(),
        event.key(),
        mods,
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
        event.timestamp(),
    )
    return KeyInput(
        text=event.text(),
        key=key_name(event.key()),
        timestamp_ms=float(event.timestamp()),
        alt=bool(mods & Qt.KeyboardModifier.AltModifier),
        ctrl=bool(mods & Qt.KeyboardModifier.ControlModifier),
        numpad=bool(mods & Qt.KeyboardModifier.KeypadModifier),
        auto_repeat=event.isAutoRepeat(),
        release=event.type() == QEvent.Type.KeyRelease,
        native=snapshot,
    )


def _monotonic_ms() -> float:
    return time.monotonic_ns() / 1_000_000


SCAN_LINE_PROPERTY = "scanLine"
"""A widget with this Qt property set to True judges its own keys (``ui.scan_line.ScanLine``):
the application-wide filter leaves them alone."""


def is_scan_line(widget: QObject | None) -> bool:
    return widget is not None and widget.property(SCAN_LINE_PROPERTY) is True


def takes_text(widget: QObject | None) -> bool:
    """Whether typed characters show up in ``widget`` (a line edit, text box, spin box)."""
    return isinstance(widget, QWidget) and widget.testAttribute(
        Qt.WidgetAttribute.WA_InputMethodEnabled
    )


class KeyClock:
    """ "Now" on the clock of the OS key timestamps.

    Key timestamps come from the window system's clock, not ours. Each key handled gives one
    reading of the offset between the two, late by however long the key waited in the queue;
    the largest reading is the least late, so a GUI thread that handles keys late after a
    stall does not make "now" look earlier than it is. A reading far below the best one means
    the window system's clock restarted (or wrapped): start again from it.
    """

    RESTART_MS = 10_000.0

    def __init__(self) -> None:
        self._offset: float | None = None

    def seen(self, timestamp_ms: float) -> None:
        """A key stamped ``timestamp_ms`` is being handled now."""
        reading = timestamp_ms - _monotonic_ms()
        best = self._offset
        if best is None or reading > best or reading < best - self.RESTART_MS:
            self._offset = reading

    def now(self) -> float:
        """The key clock's time now (0 before any key was seen)."""
        return _monotonic_ms() + (self._offset or 0.0)

    def until(self, deadline_ms: float) -> float:
        """Milliseconds from now to ``deadline_ms`` on the key clock."""
        return deadline_ms - self.now()


KEY_CLOCK = KeyClock()
"""The process's one reading of the window system's key clock: every key handled anywhere
improves it, so a scan line that sees its first key late still knows what time it is."""


class SettleTimer(QObject):
    """Calls back once a deadline has passed and every key queued before it has been seen.

    A deadline on silence ("no key for 300 ms") can pass while key events already stamped by
    the OS still wait in the queue behind a busy GUI thread (a repaint, a heavy handler); acting
    then would cut a burst in two. So when the timer fires, the events already queued are
    handled first; a key among them re-arms the timer (through the owner's own scheduling)
    and the decision waits for the new deadline.
    """

    def __init__(self, on_settled: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_settled = on_settled
        self._draining = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)

    def settle_at(self, deadline_ms: float | None) -> None:
        """Call back at ``deadline_ms`` on the OS key clock (:data:`KEY_CLOCK`); None: never."""
        if deadline_ms is None:
            self._timer.stop()
        else:
            self._timer.start(max(0, round(KEY_CLOCK.until(deadline_ms))))

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._draining:
            return
        self._draining = True
        try:
            # Input the OS delivered before now goes first; nothing here waits for more.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        finally:
            self._draining = False
        if self._timer.isActive():
            return  # a queued key moved the deadline on
        self._on_settled()


class WedgeEventFilter(QObject):
    """Catches keyboard-wedge scans anywhere in the application.

    Install with ``QApplication.instance().installEventFilter(filter)``.

    Keys typed into a scan line (:func:`is_scan_line`) are left to it: it judges its own.

    Signals:
        scan_read(object): a :class:`ScanRecord` from a keyboard-wedge scanner.
        key_unheard(str): a person typed where no field takes text (the text typed).
    """

    scan_read = Signal(object)
    key_unheard = Signal(str)

    def __init__(self, detector: WedgeDetector, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.detector = detector
        self.enabled = True
        self._replaying = False
        self._timer = SettleTimer(self.on_timer_settled, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._replaying or not self.enabled:
            return False
        etype = event.type()
        if etype == QEvent.Type.ShortcutOverride and self.detector.holding:
            # Mid-scan, a character must not trigger a shortcut: claim it as a key press.
            event.accept()
            return True
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent) or not self._is_receiver(watched):
            return False
        if etype == QEvent.Type.KeyPress:
            KEY_CLOCK.seen(float(event.timestamp()))
        if is_scan_line(watched):
            if self.detector.holding:
                self.flush()  # keys held before the scan line took focus go first, in order
            return False
        key = key_input(event)
        verdict = self.detector.feed(key)
        self._apply(verdict)
        self._schedule()
        typed = not verdict.consumed and not key.release and key.text.strip()
        if typed and key.text.isprintable() and not takes_text(watched):
            self.key_unheard.emit(key.text)
        return verdict.consumed

    @staticmethod
    def _is_receiver(watched: QObject) -> bool:
        """True for the first widget a key event reaches (not the window, not parents)."""
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            return watched is focus
        return watched.isWindow()

    @Slot()
    def on_timer_settled(self) -> None:
        self._apply(self.detector.poll(KEY_CLOCK.now()))
        self._schedule()

    def flush(self) -> None:
        """Hand any held keys to the focused widget now (e.g. before a dialog opens)."""
        self._apply(self.detector.flush())
        self._timer.stop()

    def _schedule(self) -> None:
        self._timer.settle_at(self.detector.deadline_ms())

    def _apply(self, verdict: Verdict) -> None:
        if verdict.replay:
            self._replay(verdict.replay)
        if verdict.record is not None:
            self.scan_read.emit(verdict.record)

    def _replay(self, keys: Sequence[KeyInput]) -> None:
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            return  # nobody to type into: the keys would have gone nowhere anyway
        if not takes_text(target):
            typed = "".join(key.text for key in keys if not key.release)
            if typed.strip():
                self.key_unheard.emit(typed)
        self._replaying = True
        try:
            for key in keys:
                if isinstance(key.native, _KeySnapshot):
                    QApplication.sendEvent(target, key.native.rebuild())
        finally:
            self._replaying = False


class SerialScannerBridge(QObject):
    """Serial scanners, their reads and states delivered as signals in the GUI thread.

    Signals:
        scan_read(object): a :class:`ScanRecord` from one of the serial scanners.
        scanner_state_changed(str, str, str): scanner id, state (``connected``, ``lost``,
            ``reconnecting``, ``stopped``) and a detail for a tooltip.
    """

    scan_read = Signal(object)
    scanner_state_changed = Signal(str, str, str)
    _scan_from_thread = Signal(object)
    _state_from_thread = Signal(str, str, str)

    def __init__(
        self,
        configs: Sequence[SerialScannerConfig] = (),
        parent: QObject | None = None,
        *,
        manager: ScannerManager | None = None,
    ) -> None:
        super().__init__(parent)
        # Scanner threads emit the private signals; the queued hop lands in this object's
        # thread, so every receiver of the public signals runs on the GUI thread.
        self._scan_from_thread.connect(self.scan_read, Qt.ConnectionType.QueuedConnection)
        self._state_from_thread.connect(
            self.scanner_state_changed, Qt.ConnectionType.QueuedConnection
        )
        self.manager = manager or ScannerManager(self._relay_scan, self._relay_state)
        if configs:
            self.manager.configure(configs)

    def configure(self, configs: Sequence[SerialScannerConfig]) -> None:
        """Run exactly these scanners (settings changed)."""
        self.manager.configure(configs)

    def stop(self) -> None:
        """Stop every scanner and join its thread (call before the app quits)."""
        self.manager.stop_all()

    def _relay_scan(self, record: ScanRecord) -> None:
        self._scan_from_thread.emit(record)

    def _relay_state(self, scanner_id: str, state: str, detail: str) -> None:
        self._state_from_thread.emit(scanner_id, state, detail)
