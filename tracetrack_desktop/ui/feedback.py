"""What the operator sees and hears after a scan: a full-window colour flash and a sound.

Sound sits behind :class:`SoundPlayer` so a station with no audio device (or a test run) stays
silent and harmless: :func:`make_sound_player` returns a :class:`SilentPlayer` when Qt reports no
audio output or its audio libraries cannot load, instead of letting QtMultimedia complain on
every scan. Such a player says why (``SilentPlayer.reason``): the status bar tells the operator
the station is mute, and the log says it once; the colour flash carries on.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QEvent,
    QLoggingCategory,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from tracetrack_desktop.ui.theme import FLASH_COLOURS, RESOURCES

SOUND_FILES = {
    "parent": "parent.wav",
    "good": "child.wav",
    "complete": "complete.wav",
    "duplicate": "duplicate.wav",
    "error": "error.wav",
    "needs_confirmation": "duplicate.wav",
    "info": "info.wav",
}
"""Feedback kind → WAV in ``resources/sounds`` (made by ``make_sounds.py``)."""

FLASH_MS = 450
NO_AUDIO_DEVICE = "no audio device"

log = logging.getLogger(__name__)


class SoundPlayer(Protocol):
    """Plays the sound of a feedback kind; never raises, never blocks."""

    def play(self, kind: str) -> None: ...
    def set_muted(self, muted: bool) -> None: ...


class SilentPlayer:
    """A player for stations without audio: remembers what it would have played.

    Attributes:
        reason: why the station is mute (:data:`NO_AUDIO_DEVICE`), or "" when silence was
            asked for (tests, screenshots, sound disabled).
    """

    def __init__(self, reason: str = "") -> None:
        self.played: list[str] = []
        self.muted = False
        self.reason = reason

    def play(self, kind: str) -> None:
        if not self.muted:
            self.played.append(kind)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted


def quiet_multimedia_logging() -> None:
    """Silence QtMultimedia's backend probing (pipewire, pulse) before any media object exists.

    Those lines are warnings about the machine, not about us, and would fail a test run that
    treats Qt warnings as errors.
    """
    QLoggingCategory.setFilterRules("qt.multimedia.*=false")


class QtSoundPlayer:
    """Plays WAVs through ``QSoundEffect`` (low latency, preloaded)."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 - only with audio

        self._effects: dict[str, QSoundEffect] = {}
        self._muted = False
        for kind, name in SOUND_FILES.items():
            effect = QSoundEffect(parent)
            effect.setSource(QUrl.fromLocalFile(str(folder / name)))
            effect.setVolume(0.8)
            self._effects[kind] = effect

    def play(self, kind: str) -> None:
        effect = self._effects.get(kind)
        if effect is not None and not self._muted:
            effect.play()

    def set_muted(self, muted: bool) -> None:
        self._muted = muted


def make_sound_player(parent: QObject | None = None, *, enabled: bool = True) -> SoundPlayer:
    """The real player when the machine has an audio output, else a silent one."""
    quiet_multimedia_logging()
    if not enabled:
        return SilentPlayer()
    said: list[str] = []  # what the audio backend complains of while it looks for devices

    def hold(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        said.append(message)

    previous = qInstallMessageHandler(hold)
    try:
        from PySide6.QtMultimedia import QMediaDevices  # noqa: PLC0415 - loads audio backends

        outputs = QMediaDevices.audioOutputs()
    except ImportError as exc:  # e.g. libpulse missing: QtMultimedia cannot load at all
        said.append(str(exc))
        outputs = []
    finally:
        qInstallMessageHandler(previous)
    if not outputs:
        detail = f" ({'; '.join(said)})" if said else ""
        log.warning("sound off: %s%s; the colour flash carries on", NO_AUDIO_DEVICE, detail)
        return SilentPlayer(NO_AUDIO_DEVICE)
    return QtSoundPlayer(RESOURCES / "sounds", parent)


def mute_reason(player: SoundPlayer) -> str:
    """Why ``player`` can make no sound ("" if it can, or was made silent on purpose)."""
    return player.reason if isinstance(player, SilentPlayer) else ""


ERROR_FLASH_MS = 900
FADE_MS = 150
"""The flash holds its colour, then shows it at half strength for this long, then goes: two
timed repaints per scan. Each repaint covers the whole window (~3.5 ms at 1366x768) and a scan
that arrives during one waits for it; a fade in 75 ms steps made six to twelve of them per
scan, and during a burst they kept landing on the next scan (``bench/scan_path.py``). A new
scan restarts the flash, so a burst of scans has no timed repaints at all."""


class FlashOverlay(QWidget):
    """A translucent colour over the whole window after a scan: held, dimmed, then gone.

    It ignores the mouse and never takes focus, so it cannot swallow a key or a click.
    """

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._colour = QColor(0, 0, 0, 0)
        self._alpha = 0.0
        self._dimmed = False
        self.last_kind = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.hide()

    def flash(self, kind: str) -> None:
        """Start a flash in the colour of ``kind``."""
        self.last_kind = kind
        self._colour = QColor(FLASH_COLOURS.get(kind, FLASH_COLOURS["info"]))
        # errors stay longer and stronger: they must be noticed from across the table
        self._alpha = 0.75 if kind == "error" else 0.55
        self._dimmed = False
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()
        self.update()
        self._timer.start((ERROR_FLASH_MS if kind == "error" else FLASH_MS) - FADE_MS)

    def stop(self) -> None:
        self._timer.stop()
        self._alpha = 0.0
        self.hide()

    def _on_timer_timeout(self) -> None:
        if self._dimmed:
            self.stop()
            return
        self._dimmed = True
        self._alpha /= 2
        self.update()
        self._timer.start(FADE_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        colour = QColor(self._colour)
        colour.setAlphaF(max(0.0, min(1.0, self._alpha)))
        painter = QPainter(self)
        painter.fillRect(self.rect(), colour)
        painter.end()


class FeedbackPresenter(QObject):
    """Turns a feedback kind into a flash and a sound."""

    def __init__(self, overlay: FlashOverlay, sounds: SoundPlayer) -> None:
        super().__init__(overlay)
        self.overlay = overlay
        self.sounds = sounds

    def present(self, kind: str) -> None:
        self.overlay.flash(kind)
        self.sounds.play(kind)

    def set_muted(self, muted: bool) -> None:
        self.sounds.set_muted(muted)
