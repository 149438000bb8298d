"""The "test your scanner" panel: what was read, how it decodes, and its keystroke timing.

A few test reads from a keyboard scanner teach the station that scanner's key gap and suffix
(:func:`~tracetrack_desktop.ui.settings_model.learn_profile`); the operator takes them over with
one button.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracetrack_core.codes import CodeRules, InvalidReadError, decode
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.scanner.wedge import WedgeConfig
from tracetrack_desktop.ui.messages import status_word, translate_message
from tracetrack_desktop.ui.scan_line import ScanLine
from tracetrack_desktop.ui.settings_model import (
    LEARN_KEEP_READS,
    LEARN_MIN_READS,
    LearnedProfile,
    learn_profile,
)
from tracetrack_desktop.ui.theme import named

TEST_LINE_CONFIG = WedgeConfig(idle_submit_ms=1000.0)
"""The test line also takes reads that end in a pause: a scanner set up without a suffix."""


def _visible(text: str) -> str:
    """Show control characters (GS, CR, TAB) so a setup problem is visible."""
    names = {"\x1d": "<GS>", "\r": "<CR>", "\n": "<LF>", "\t": "<TAB>"}
    return "".join(names.get(ch, ch if ch.isprintable() else f"<{ord(ch):02X}>") for ch in text)


def _translate_profile(text: str) -> str:
    return QCoreApplication.translate("ScannerProfile", text)


class ScannerTestPanel(QWidget):
    """Scan anything while this panel is visible to see exactly what the station received.

    Signals:
        profile_learned(object): the operator chose to use the :class:`LearnedProfile`
            worked out from the latest test reads.
    """

    profile_learned = Signal(object)

    def __init__(self, rules: CodeRules | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules or CodeRules()
        self.samples: deque[ScanRecord] = deque(maxlen=LEARN_KEEP_READS)
        self.profile: LearnedProfile | None = None
        self.line = ScanLine(TEST_LINE_CONFIG)
        self.line_label = QLabel(self.tr("Scan &here"))
        self.line_label.setBuddy(self.line)
        hint = QLabel(self.tr("Scan a label now. Nothing is recorded while you test."))
        hint.setWordWrap(True)
        self.learn_status = QLabel(self._reads_needed_text())
        self.learn_status.setWordWrap(True)
        self.learned = named(QLabel(), "learnedProfile")
        self.learned.setWordWrap(True)
        self.learned.hide()
        self.use_button = QPushButton(self.tr("&Use these settings"))
        # A scanner's Enter or Tab must never land on it; Space would press it.
        self.use_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.use_button.hide()
        self.raw = QLabel("-")
        self.source = QLabel("-")
        self.code = QLabel("-")
        self.symbology = QLabel("-")
        self.gs1 = QLabel("-")
        self.timing = QPlainTextEdit()
        self.timing.setReadOnly(True)
        self.timing.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("Received"), self.raw)
        form.addRow(self.tr("From"), self.source)
        form.addRow(self.tr("Code and kind"), self.code)
        form.addRow(self.tr("Symbology"), self.symbology)
        form.addRow(self.tr("GS1 fields"), self.gs1)
        form.addRow(self.tr("Gaps between keys (ms)"), self.timing)
        top = QFormLayout()
        top.addRow(self.line_label, self.line)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.learn_status)
        layout.addWidget(self.learned)
        layout.addWidget(self.use_button)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.line.read_submitted.connect(self.show_record)
        self.use_button.clicked.connect(self._on_use_button_clicked)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.line.setFocus()  # a scan made now lands here, not in another field of the dialog

    def show_record(self, record: ScanRecord) -> None:
        """Show what a read was and, for a keyboard scanner, learn from its timing."""
        self.raw.setText(_visible(record.text))
        self.source.setText(
            f"{status_word(record.source.value)} · {status_word(record.scanner_id)}"
        )
        try:
            decoded = decode(record.text, self.rules)
        except InvalidReadError as exc:
            self.code.setText(self.tr("refused: {why}").format(why=exc.message))
            self.symbology.setText("-")
            self.gs1.setText("-")
        else:
            line = f"{decoded.code} · {status_word(decoded.kind.value)}"
            note = translate_message(decoded.note or "")
            self.code.setText(line + (f" ({note})" if note else ""))
            self.symbology.setText(decoded.symbology or self.tr("none sent"))
            self.gs1.setText(
                ", ".join(f"({ai}) {value}" for ai, value in decoded.gs1.items()) or "-"
            )
        if record.char_intervals_ms:
            gaps = " ".join(f"{gap:.0f}" for gap in record.char_intervals_ms)
            self.timing.setPlainText(
                self.tr("{gaps}\ntotal {total:.0f} ms, slowest gap {worst:.0f} ms").format(
                    gaps=gaps, total=record.duration_ms, worst=max(record.char_intervals_ms)
                )
            )
        else:
            self.timing.setPlainText(self.tr("(serial scanner: no keystroke timing)"))
        self._learn_from(record)

    def _learn_from(self, record: ScanRecord) -> None:
        # A refused read (two run together, cut, mixed with typing) is not one clean label:
        # its gaps say nothing about the scanner. Typed reads count: a scanner slower than the
        # test line's gap is judged typing there, and learning its pace is the point.
        if record.suspect or len(record.char_intervals_ms) < 2:
            return
        self.samples.append(record)
        if len(self.samples) < LEARN_MIN_READS:
            self.learn_status.setText(self._reads_needed_text())
            return
        self.profile = learn_profile(list(self.samples), _translate_profile)
        self.learn_status.hide()
        self.learned.setText(self.profile.summary)
        self.learned.show()
        self.use_button.show()

    def _reads_needed_text(self) -> str:
        return self.tr(
            "Scan the same label a few times to learn this scanner's settings: {done} of {need}."
        ).format(done=len(self.samples), need=LEARN_MIN_READS)

    def _on_use_button_clicked(self) -> None:
        if self.profile is not None:
            self.profile_learned.emit(self.profile)
