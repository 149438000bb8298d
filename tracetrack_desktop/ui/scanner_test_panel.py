"""The "test your scanner" panel: what was read, how it decodes, and its keystroke timing."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from tracetrack_core.codes import CodeRules, InvalidReadError, decode
from tracetrack_desktop.scanner.records import ScanRecord


def _visible(text: str) -> str:
    """Show control characters (GS, CR, TAB) so a setup problem is visible."""
    names = {"\x1d": "<GS>", "\r": "<CR>", "\n": "<LF>", "\t": "<TAB>"}
    return "".join(names.get(ch, ch if ch.isprintable() else f"<{ord(ch):02X}>") for ch in text)


class ScannerTestPanel(QWidget):
    """Scan anything while this panel is visible to see exactly what the station received."""

    def __init__(self, rules: CodeRules | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules or CodeRules()
        hint = QLabel(self.tr("Scan a label now. Nothing is recorded while you test."))
        hint.setWordWrap(True)
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
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)

    def show_record(self, record: ScanRecord) -> None:
        self.raw.setText(_visible(record.text))
        self.source.setText(f"{record.source.value} · {record.scanner_id}")
        try:
            decoded = decode(record.text, self.rules)
        except InvalidReadError as exc:
            self.code.setText(self.tr("refused: {why}").format(why=exc.message))
            self.symbology.setText("-")
            self.gs1.setText("-")
        else:
            line = f"{decoded.code} · {decoded.kind.value}"
            self.code.setText(line + (f" ({decoded.note})" if decoded.note else ""))
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
