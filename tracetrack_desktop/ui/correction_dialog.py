"""The dialog of one correction: what will happen, why (picked, never defaulted), OK/Cancel.

It only asks; the corrections controller records what was asked through the station port,
where the rules decide. The parent a child moves into is scanned (or typed) into a scan line,
so the keyboard scanner's keys land there and not in a lookup behind the dialog; Return from a
scanner never presses OK (:func:`guard_enter`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracetrack_core.events import CorrectionReason, EventType
from tracetrack_desktop.domain.corrections import (
    MAX_NOTE_LENGTH,
    CorrectionRequest,
    CorrectionTarget,
    reasons_for,
)
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.scanner.wedge import WedgeConfig
from tracetrack_desktop.ui.dialog_keys import guard_enter
from tracetrack_desktop.ui.scan_line import ScanLine

REASON_LABELS: dict[str, str] = {
    reason.value: str(text)
    for reason, text in {
        CorrectionReason.WRONG_PARENT: QT_TRANSLATE_NOOP(
            "Corrections", "Packed into the wrong parent"
        ),
        CorrectionReason.WRONG_BILL: QT_TRANSLATE_NOOP("Corrections", "Loaded onto the wrong bill"),
        CorrectionReason.DAMAGED: QT_TRANSLATE_NOOP("Corrections", "Bag or label damaged"),
        CorrectionReason.MISPRINTED_LABEL: QT_TRANSLATE_NOOP(
            "Corrections", "Duplicate or misprinted label"
        ),
        CorrectionReason.TEST_SCAN: QT_TRANSLATE_NOOP("Corrections", "Test or training scan"),
        CorrectionReason.RETURNED: QT_TRANSLATE_NOOP("Corrections", "The goods came back"),
        CorrectionReason.VOIDED_IN_ERROR: QT_TRANSLATE_NOOP("Corrections", "Voided by mistake"),
        CorrectionReason.OTHER: QT_TRANSLATE_NOOP("Corrections", "Other (say why in the note)"),
    }.items()
}
"""Each reason as operators read it: the one place that names them (English source text)."""

FIELD_CHARS = 44
"""Characters the dialog's fields show at once."""

_SHORTCUT_HINT = re.compile(r"\s*\(&\w\)$")


def reason_label(value: str) -> str:
    """A reason's text in the operator's language; a reason this station does not know (a newer
    server's) is shown as it was sent."""
    text = REASON_LABELS.get(value)
    return QCoreApplication.translate("Corrections", text) if text else value


def why_text(reason: str, note: str) -> str:
    """A correction's reason and note as one cell: "Bag or label damaged: torn at the seam"."""
    label = reason_label(reason) if reason else ""
    return f"{label}: {note}" if label and note else label or note


def correction_title(correction: EventType) -> str:
    """The button and dialog title of each correction (with its Alt+letter)."""
    titles = {
        EventType.CHILD_REMOVE: QCoreApplication.translate("Corrections", "&Remove from parent"),
        EventType.CHILD_MOVE: QCoreApplication.translate("Corrections", "Move to &another parent"),
        EventType.PARENT_REOPEN: QCoreApplication.translate("Corrections", "Re&open parent"),
        EventType.BILL_REMOVE_PARENT: QCoreApplication.translate("Corrections", "&Take off bill"),
        EventType.BAG_VOID: QCoreApplication.translate("Corrections", "&Void"),
        EventType.BAG_RESTORE: QCoreApplication.translate("Corrections", "Restor&e"),
    }
    return titles[correction]


def without_shortcut(label: str) -> str:
    """A button's label as a title: "Re&open parent" → "Reopen parent", and a translation's
    bracketed English letter goes too ("... डालें (&A)" → "... डालें")."""
    return _SHORTCUT_HINT.sub("", label).replace("&", "")


def what_happens(correction: EventType, target: CorrectionTarget) -> str:
    """One sentence: what the correction will do to ``target``, with the counts it changes."""
    code, parent, bill = target.code, target.parent or "", target.bill or ""
    n = target.parent_children
    if correction is EventType.CHILD_REMOVE:
        return QCoreApplication.translate(
            "Corrections", "Take {code} out of {parent} ({n} children → {m})."
        ).format(code=code, parent=parent, n=n, m=n - 1)
    if correction is EventType.CHILD_MOVE:
        return QCoreApplication.translate(
            "Corrections",
            "Move {code} out of {parent} ({n} children → {m}) into the parent you scan below.",
        ).format(code=code, parent=parent, n=n, m=n - 1)
    if correction is EventType.PARENT_REOPEN:
        return QCoreApplication.translate(
            "Corrections", "Reopen {code} ({n} / {capacity} children) so more can be scanned in."
        ).format(code=code, n=target.children, capacity=target.capacity)
    if correction is EventType.BILL_REMOVE_PARENT:
        return QCoreApplication.translate(
            "Corrections", "Take {code} off bill {bill} ({n} parents → {m})."
        ).format(code=code, bill=bill, n=target.bill_parents, m=target.bill_parents - 1)
    if correction is EventType.BAG_VOID and parent:
        return QCoreApplication.translate(
            "Corrections", "Void {code} and take it out of {parent} ({n} children → {m})."
        ).format(code=code, parent=parent, n=n, m=n - 1)
    if correction is EventType.BAG_VOID:
        return QCoreApplication.translate(
            "Corrections", "Void {code}: it counts nowhere until an admin restores it."
        ).format(code=code)
    return QCoreApplication.translate(
        "Corrections", "Restore {code}: it can be packed and billed again."
    ).format(code=code)


class CorrectionDialog(QDialog):
    """Asks for one correction of ``target``; :meth:`request` is what the operator asked.

    OK is enabled only once a reason is picked, a note given if the reason is "other" and, for
    a move, the parent to move into is filled in.
    """

    def __init__(
        self,
        correction: EventType,
        target: CorrectionTarget,
        parent: QWidget | None = None,
        scanner: WedgeConfig | None = None,
    ) -> None:
        """``scanner``: the keyboard scanner's settings, as the window's scan lines have them."""
        super().__init__(parent)
        self.correction = correction
        self.target = target
        self.setWindowTitle(without_shortcut(correction_title(correction)))
        self.sentence = QLabel(what_happens(correction, target))
        self.sentence.setWordWrap(True)
        self.reason = QComboBox()
        for reason in reasons_for(correction):
            self.reason.addItem(reason_label(reason), reason.value)
        self.reason.setPlaceholderText(self.tr("Pick why"))
        self.reason.setCurrentIndex(-1)  # no default: the operator must say why
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.note.setPlaceholderText(self.tr("Required when the reason is Other"))
        self.to_parent = ScanLine(scanner)
        self.to_parent.setPlaceholderText(self.tr("Scan or type the parent bag"))
        # wide enough for the note's hint and a reason's whole text, in Hindi too
        self.note.setMinimumWidth(self.note.fontMetrics().averageCharWidth() * FIELD_CHARS)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("&Note"), self.note)
        if correction is EventType.CHILD_MOVE:
            form.addRow(self.tr("&Into parent"), self.to_parent)
        else:
            self.to_parent.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&OK"))  # Enter never presses it (a scanner's would)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))  # Qt has no Hindi of its own
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentIndexChanged.connect(self._on_changed)
        self.note.textChanged.connect(self._on_changed)
        self.to_parent.textChanged.connect(self._on_changed)
        self.to_parent.read_submitted.connect(self.take_read)
        self._on_changed()
        guard_enter(self)
        # a move starts where the scanner will read; otherwise the reason is the first choice
        (self.to_parent if correction is EventType.CHILD_MOVE else self.reason).setFocus()

    def take_read(self, record: ScanRecord) -> None:
        """A read of the parent to move into, from the field or from a serial scanner."""
        # a scan line empties itself when a read ends: show what was read, to be checked
        if not record.suspect:
            self.to_parent.setText(record.text)

    def _on_changed(self) -> None:
        self.ok_button.setEnabled(self.complete())

    def complete(self) -> bool:
        """Everything this correction needs is given (the rules check the rest)."""
        reason = self.reason.currentData()
        if not reason:
            return False
        if reason == CorrectionReason.OTHER and not self.note.text().strip():
            return False
        return self.correction is not EventType.CHILD_MOVE or bool(self.to_parent.text().strip())

    def request(self) -> CorrectionRequest:
        """The correction as asked for."""
        return self.target.request(
            self.correction,
            str(self.reason.currentData() or ""),
            self.note.text().strip(),
            self.to_parent.text().strip(),
        )
