"""Settings: server and enrollment, scanners, a scanner test, code rules, sounds, language.

Invalid values are refused with a message beside the field; OK stays available but does not
close the dialog until every field is valid. Enrollment happens in the background (the dialog
only emits ``enroll_requested``) so a slow server cannot freeze it. Return and Enter never
press a button here (:func:`~tracetrack_desktop.ui.dialog_keys.guard_enter`): a scan made
while the dialog is open must not save it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.ui.dialog_keys import guard_enter
from tracetrack_desktop.ui.scanner_test_panel import ScannerTestPanel
from tracetrack_desktop.ui.settings_model import (
    BAUD_RATES,
    IDLE_SUBMIT_RANGE_MS,
    LANGUAGES,
    MESSAGES,
    TERMINATORS,
    LearnedProfile,
    SettingsValues,
    needs_plain_http_opt_in,
    validate,
)
from tracetrack_desktop.ui.theme import named


def translate_error(text: str) -> str:
    """Translate a message from :data:`MESSAGES`, keeping any detail after a known prefix."""
    if not text:
        return ""
    prefix = MESSAGES["pattern"]
    if text.startswith(prefix):
        return QCoreApplication.translate("SettingsErrors", prefix) + text[len(prefix) :]
    return QCoreApplication.translate("SettingsErrors", text)


def _error_label() -> QLabel:
    label = named(QLabel(), "fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class SettingsDialog(QDialog):
    """Edits :class:`SettingsValues`.

    Signals:
        enroll_requested(str, str): server URL and enrollment code to trade for a token.
        settings_accepted(object): the valid :class:`SettingsValues` the operator saved.
    """

    enroll_requested = Signal(str, str)
    settings_accepted = Signal(object)

    def __init__(
        self,
        values: SettingsValues,
        ports: list[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        rules_editable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station settings"))
        self.errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget()

        self.server_url = QLineEdit(values.server_url)
        self.offline_only = QCheckBox(self.tr("Offline only (no server)"))
        self.offline_only.setChecked(values.offline_only)
        # Shown only for http:// to another machine (or while ticked): the admin's opt-in.
        self.allow_plain_http = QCheckBox(self.tr("Allow &unencrypted http:// to this server"))
        self.allow_plain_http.setChecked(values.allow_plain_http)
        self.plain_http_warning = named(QLabel(), "fieldError")
        self.plain_http_warning.setWordWrap(True)
        self.plain_http_warning.setText(
            self.tr(
                "Without https://, the users' password hashes and every scan travel over the "
                "network unencrypted: anyone on it can read or change them. Allow this only "
                "on a network you trust, until the server has TLS."
            )
        )
        self.enroll_code = QLineEdit()
        self.enroll_code.setPlaceholderText(self.tr("code from the admin, e.g. K7QF-92XD"))
        self.enroll_button = QPushButton(self.tr("&Enroll"))
        self.enroll_status = QLabel()
        self.enroll_status.setWordWrap(True)
        server = QWidget()
        server_form = QFormLayout(server)
        self._row(server_form, self.tr("Server &address"), self.server_url, "server_url")
        server_form.addRow("", self.offline_only)
        server_form.addRow("", self.allow_plain_http)
        server_form.addRow("", self.plain_http_warning)
        enroll_row = QHBoxLayout()
        enroll_row.addWidget(self.enroll_code, 1)
        enroll_row.addWidget(self.enroll_button)
        server_form.addRow(self.tr("Enrollment code"), enroll_row)
        server_form.addRow("", self.enroll_status)
        self.tabs.addTab(server, self.tr("Server"))

        self.port = QComboBox()
        self.port.addItem(self.tr("None (keyboard scanners only)"), "")
        for device, description in ports:
            self.port.addItem(f"{device} — {description}" if description else device, device)
        index = self.port.findData(values.serial_port)
        self.port.setCurrentIndex(max(0, index))
        self.baud = QComboBox()
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.baud.setCurrentIndex(max(0, self.baud.findData(values.baud)))
        self.terminator = QComboBox()
        for name in TERMINATORS:
            self.terminator.addItem(self._terminator_name(name), name)
        self.terminator.setCurrentIndex(max(0, self.terminator.findData(values.terminator)))
        self.wedge_gap = QSpinBox()
        self.wedge_gap.setRange(1, 1000)
        self.wedge_gap.setSuffix(" ms")
        self.wedge_gap.setValue(values.wedge_max_gap_ms)
        self.wedge_min = QSpinBox()
        self.wedge_min.setRange(0, 200)
        self.wedge_min.setValue(values.wedge_min_length)
        self.wedge_prefix = QLineEdit(values.wedge_prefix)
        self.wedge_prefix.setPlaceholderText(self.tr("none"))
        self.wedge_idle = QSpinBox()
        self.wedge_idle.setRange(0, IDLE_SUBMIT_RANGE_MS[1])
        self.wedge_idle.setSingleStep(50)
        self.wedge_idle.setSuffix(" ms")
        self.wedge_idle.setSpecialValueText(self.tr("off"))
        self.wedge_idle.setValue(values.wedge_idle_submit_ms)
        self._terminators = tuple(values.wedge_terminators)
        self.learned_note = QLabel()
        self.learned_note.setWordWrap(True)
        self.learned_note.hide()
        scanners = self.scanners_page = QWidget()
        scanners_form = QFormLayout(scanners)
        self._row(scanners_form, self.tr("Serial &port"), self.port, "serial_port")
        self._row(scanners_form, self.tr("&Baud"), self.baud, "baud")
        self._row(scanners_form, self.tr("&Terminator"), self.terminator, "terminator")
        self._row(
            scanners_form,
            self.tr("Keyboard scanner: slowest key gap"),
            self.wedge_gap,
            "wedge_max_gap_ms",
        )
        self._row(
            scanners_form,
            self.tr("Keyboard scanner: shortest code"),
            self.wedge_min,
            "wedge_min_length",
        )
        self._row(
            scanners_form,
            self.tr("Keyboard scanner: prefix"),
            self.wedge_prefix,
            "wedge_prefix",
        )
        self._row(
            scanners_form,
            self.tr("Keyboard scanner: no suffix, submit after (ms)"),
            self.wedge_idle,
            "wedge_idle_submit_ms",
        )
        scanners_form.addRow(self.learned_note)
        self.tabs.addTab(scanners, self.tr("Scanners"))

        self.test_panel = ScannerTestPanel()
        self.tabs.addTab(self.test_panel, self.tr("Test your scanner"))

        self.parent_patterns = QLineEdit(" ".join(values.parent_patterns))
        self.child_pattern = QLineEdit(values.child_pattern)
        rules = QWidget()
        rules_form = QFormLayout(rules)
        self._row(
            rules_form,
            self.tr("Parent patterns (space-separated)"),
            self.parent_patterns,
            "parent_patterns",
        )
        self._row(rules_form, self.tr("Child pattern"), self.child_pattern, "child_pattern")
        if not rules_editable:
            for field_edit in (self.parent_patterns, self.child_pattern):
                field_edit.setReadOnly(True)
            note = QLabel(self.tr("These are the site's rules, set on the server by an admin."))
            note.setWordWrap(True)
            rules_form.addRow(note)
        self.tabs.addTab(rules, self.tr("Code rules"))

        self.muted = QCheckBox(self.tr("&Mute sounds"))
        self.muted.setChecked(values.muted)
        self.high_contrast = QCheckBox(self.tr("&High-contrast colours"))
        self.high_contrast.setChecked(values.high_contrast)
        self.kiosk = QCheckBox(self.tr("&Kiosk mode from the next start"))
        self.kiosk.setToolTip(
            self.tr(
                "Full screen; only an admin can close it; started again after a crash "
                "(tracetrack-station --kiosk does the same)."
            )
        )
        self.kiosk.setChecked(values.kiosk)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        look = QWidget()
        look_form = QFormLayout(look)
        look_form.addRow(self.muted)
        look_form.addRow(self.high_contrast)
        look_form.addRow(self.kiosk)
        self._row(look_form, self.tr("&Language"), self.language, "language")
        self.tabs.addTab(look, self.tr("Sounds and language"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._extra = dict(values.extra)
        self._connect_signals()
        self.resize(760, 480)
        guard_enter(self)

    def _row(self, form: QFormLayout, text: str, widget: QWidget, key: str) -> None:
        error = _error_label()
        label = QLabel(text)
        label.setBuddy(widget)  # makes the "&" letter an Alt shortcut to the field
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label, box)
        self.errors[key] = error

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self.enroll_button.clicked.connect(self._on_enroll_clicked)
        self.offline_only.toggled.connect(self.server_url.setDisabled)
        self.server_url.textChanged.connect(self._on_server_changed)
        self.offline_only.toggled.connect(self._on_server_changed)
        self.allow_plain_http.toggled.connect(self._on_server_changed)
        self._on_server_changed()
        self.test_panel.profile_learned.connect(self.on_test_panel_profile_learned)

    def _on_server_changed(self) -> None:
        """Offer the plain-http opt-in, with its warning, only where it matters."""
        plain = (
            needs_plain_http_opt_in(self.server_url.text()) and not self.offline_only.isChecked()
        )
        self.allow_plain_http.setVisible(plain or self.allow_plain_http.isChecked())
        self.plain_http_warning.setVisible(plain)

    def _terminator_name(self, code: str) -> str:
        """A serial terminator's choice in words (the settings file keeps its code)."""
        names = {
            "AUTO": self.tr("Automatic (CR, LF or CRLF)"),
            "IDLE": self.tr("A pause (no suffix)"),
        }
        return names.get(code, code)

    def values(self) -> SettingsValues:
        return SettingsValues(
            server_url=self.server_url.text().strip(),
            offline_only=self.offline_only.isChecked(),
            allow_plain_http=self.allow_plain_http.isChecked(),
            serial_port=str(self.port.currentData() or ""),
            baud=int(self.baud.currentData()),
            terminator=str(self.terminator.currentData()),
            wedge_max_gap_ms=self.wedge_gap.value(),
            wedge_min_length=self.wedge_min.value(),
            wedge_prefix=self.wedge_prefix.text(),
            wedge_idle_submit_ms=self.wedge_idle.value(),
            wedge_terminators=self._terminators,
            parent_patterns=tuple(self.parent_patterns.text().split()),
            child_pattern=self.child_pattern.text().strip(),
            muted=self.muted.isChecked(),
            high_contrast=self.high_contrast.isChecked(),
            kiosk=self.kiosk.isChecked(),
            language=str(self.language.currentData()),
            extra=self._extra,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message beside its field; hide the rest."""
        for key, label in self.errors.items():
            text = errors.get(key, "")
            label.setText(translate_error(text))
            label.setVisible(bool(text))

    def _on_ok_clicked(self) -> None:
        values = self.values()
        errors = validate(values)
        self.show_errors(errors)
        if errors:
            for index in range(self.tabs.count()):
                page = self.tabs.widget(index)
                if page is not None and any(self.errors[k].isVisibleTo(page) for k in errors):
                    self.tabs.setCurrentIndex(index)
                    break
            return
        self.settings_accepted.emit(values)
        self.accept()

    def _on_enroll_clicked(self) -> None:
        url, code = self.server_url.text().strip(), self.enroll_code.text().strip()
        errors = validate(self.values())
        if "server_url" in errors or not code:
            self.show_errors(
                {"server_url": errors.get("server_url", "")} if "server_url" in errors else {}
            )
            if not code:
                self.enroll_status.setText(self.tr("Type the enrollment code first."))
            return
        self.enroll_button.setEnabled(False)
        self.enroll_status.setText(self.tr("Enrolling…"))
        self.enroll_requested.emit(url, code)

    def show_enrollment(self, ok: bool, message: str) -> None:
        """The answer to ``enroll_requested``."""
        self.enroll_button.setEnabled(True)
        self.enroll_status.setText(message)
        if ok:
            self.enroll_code.clear()

    def on_test_panel_profile_learned(self, profile: LearnedProfile) -> None:
        """Put what the scanner test learned into the scanner fields (kept only on OK)."""
        self.wedge_gap.setValue(profile.max_gap_ms)
        self.wedge_idle.setValue(profile.idle_submit_ms)
        self._terminators = profile.terminators
        self.learned_note.setText(
            self.tr("Learned from {n} test reads; press OK to keep.").format(n=profile.reads)
        )
        self.learned_note.show()
        self.tabs.setCurrentWidget(self.scanners_page)

    def show_scan(self, record: ScanRecord) -> None:
        """Feed the scanner test panel (the app routes reads here while the dialog is open)."""
        self.tabs.setCurrentWidget(self.test_panel)
        self.test_panel.show_record(record)
