"""The import dialog: a spreadsheet of links or bill assignments, checked, then imported.

The dialog only lays out and keeps the operator's choices; ``import_controller.py`` signs in,
talks to the server and hands each answer back (:meth:`ImportDialog.show_check`,
:meth:`ImportDialog.ask_columns`, :meth:`ImportDialog.show_imported`...). Import is possible
only right after a check of the very same choices, and asks first, restating the counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_core.events import Reason
from tracetrack_desktop.ui.import_client import ROLES, SPREADSHEET_SUFFIXES, ImportForm
from tracetrack_desktop.ui.theme import named


def role_name(role: str) -> str:
    """A column's role in words."""
    names = {
        "child": QCoreApplication.translate("ImportDialog", "Child bag"),
        "parent": QCoreApplication.translate("ImportDialog", "Parent bag"),
        "bill": QCoreApplication.translate("ImportDialog", "Bill"),
    }
    return names.get(role, role)


def reason_text(reason: str) -> str:
    """A refusal's reason in words (an unknown code is shown as the server wrote it)."""

    words = {
        Reason.ALREADY_LINKED: QCoreApplication.translate(
            "ImportDialog", "Duplicate: the child is in this parent already"
        ),
        Reason.ALREADY_ON_THIS_BILL: QCoreApplication.translate(
            "ImportDialog", "Duplicate: the parent is on this bill already"
        ),
        Reason.ALREADY_RECEIVED: QCoreApplication.translate(
            "ImportDialog", "Duplicate: this row was imported before"
        ),
        Reason.CHILD_IN_OTHER_PARENT: QCoreApplication.translate(
            "ImportDialog", "The child is in another parent"
        ),
        Reason.PARENT_COMPLETED: QCoreApplication.translate("ImportDialog", "The parent is full"),
        Reason.UNKNOWN_BILL: QCoreApplication.translate("ImportDialog", "No such bill"),
        Reason.UNKNOWN_BAG: QCoreApplication.translate(
            "ImportDialog", "The parent has never been packed"
        ),
        Reason.INVALID_CODE: QCoreApplication.translate("ImportDialog", "Not a bag code"),
        Reason.INVALID_BILL_ID: QCoreApplication.translate("ImportDialog", "Not a bill id"),
        Reason.CODE_IS_PARENT: QCoreApplication.translate(
            "ImportDialog", "The child is a parent bag"
        ),
        Reason.CODE_IS_CHILD: QCoreApplication.translate(
            "ImportDialog", "The parent is a child bag"
        ),
        Reason.WRONG_BAG_TYPE: QCoreApplication.translate(
            "ImportDialog", "A child bag cannot go onto a bill"
        ),
        Reason.ALREADY_ON_OTHER_BILL: QCoreApplication.translate(
            "ImportDialog", "The parent is on another bill"
        ),
        Reason.BILL_COMPLETED: QCoreApplication.translate("ImportDialog", "The bill is completed"),
        Reason.BILL_FULL: QCoreApplication.translate("ImportDialog", "The bill is full"),
        Reason.BAG_VOIDED: QCoreApplication.translate("ImportDialog", "The bag was voided"),
        Reason.SELF_LINK: QCoreApplication.translate(
            "ImportDialog", "The child and the parent are the same code"
        ),
        # the import's own two (sync_server/services/imports.py)
        "bad_row": QCoreApplication.translate("ImportDialog", "A cell is missing"),
        "repeated_in_sheet": QCoreApplication.translate(
            "ImportDialog", "Repeated: an earlier row of the sheet names this bag"
        ),
    }
    return words.get(reason, reason.replace("_", " ").capitalize())


def imported_text(result: Mapping[str, Any]) -> str:
    """What the server recorded for an import, in one sentence: rows, then events (a parent
    never seen before is scanned first, so a sheet of links can make more events than rows)."""
    events = result.get("events")
    return QCoreApplication.translate(
        "ImportDialog",
        "Imported {accepted} of {rows} rows; {duplicates} were recorded already and "
        "{refused} refused. New events on the server: {events}.",
    ).format(
        accepted=_count(result, "accepted"),
        rows=_count(result, "rows"),
        duplicates=_count(result, "duplicates"),
        refused=_count(result, "refused"),
        events=_count(events, "accepted") if isinstance(events, Mapping) else 0,
    )


def _count(result: Mapping[str, Any], name: str) -> int:
    value = result.get(name)
    return value if isinstance(value, int) else 0


class ImportDialog(QDialog):
    """Choose the kind and the file, check, then import.

    Signals:
        check_requested(object): check this :class:`ImportForm` (a dry run).
        import_requested(object): import it for real (the operator said yes).
        report_requested(object, str): save its error report as this file.
    """

    check_requested = Signal(object)
    import_requested = Signal(object)
    report_requested = Signal(object, str)

    def __init__(self, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.setMinimumSize(760, 620)
        self.checked: ImportForm | None = None
        """The choices the last check answered for: Import uses exactly these."""
        self.answer: Mapping[str, Any] = {}
        self.busy = False
        self.importing = False
        self.file_dialog: QFileDialog | None = None
        self.confirmation: QMessageBox | None = None

        self.links = QRadioButton(self.tr("&Links: child bag → parent bag"))
        self.bills = QRadioButton(self.tr("&Bills: parent bag → bill"))
        self.links.setChecked(True)
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.links)
        self.kinds.addButton(self.bills)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An .xlsx, .xls, .ods or .csv file"))
        self.browse_button = QPushButton(self.tr("Bro&wse…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.links)
        kind_row.addWidget(self.bills)
        kind_row.addStretch(1)

        self.username = QLineEdit(operator)
        self.username.setReadOnly(True)
        self.username.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_box = QGroupBox(self.tr("Sign in: the server records the import in your name"))
        sign_in = QFormLayout(self.sign_in_box)
        sign_in.addRow(self.tr("Username"), self.username)
        sign_in.addRow(self.tr("&Password"), self.password)

        self.sheet = QComboBox()
        self.column_combos: dict[str, QComboBox] = {}
        self.columns_box = QGroupBox(self.tr("Sheet and columns"))
        self.columns_form = QFormLayout(self.columns_box)
        self.columns_form.addRow(self.tr("S&heet"), self.sheet)
        self.columns_box.hide()

        form = QFormLayout()
        form.addRow(self.tr("What the sheet holds"), kind_row)
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path)  # a label beside a layout has no buddy of its own
        form.addRow(file_label, file_row)

        self.summary = named(QLabel(), "importSummary")
        self.summary.setWordWrap(True)
        self.message = named(QLabel(), "scanMessage")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.reasons = self._table([self.tr("Refused because"), self.tr("Rows")])
        self.refusals = self._table([self.tr("Row"), self.tr("Values"), self.tr("Reason")])
        self.reasons.setMaximumHeight(140)

        self.check_button = QPushButton(self.tr("&Check"))
        self.report_button = QPushButton(self.tr("&Save error report…"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.close_button = QPushButton(self.tr("Cancel"))
        self.check_button.setDefault(True)  # Enter in the path or the password checks
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sign_in_box)
        layout.addWidget(self.columns_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.reasons)
        layout.addWidget(self.refusals, 1)
        layout.addLayout(buttons)

        self.links.toggled.connect(self._on_file_changed)
        self.path.textChanged.connect(self._on_file_changed)
        self.sheet.activated.connect(self._on_sheet_picked)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.report_button.clicked.connect(self._on_report_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.close_button.clicked.connect(self.reject)
        self._update_buttons()

    def _table(self, headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        # a reason wraps in the last column: its row grows to show it whole
        table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    # -- the operator's choices ------------------------------------------------------------

    def kind(self) -> str:
        return "bills" if self.bills.isChecked() else "links"

    def form(self) -> ImportForm:
        """The choices as they stand."""
        columns = {
            role: combo.currentText()
            for role, combo in self.column_combos.items()
            if combo.currentIndex() >= 0
        }
        sheet = self.sheet.currentText() if self.sheet.count() else None
        return ImportForm(self.kind(), self.path.text().strip(), sheet, columns)

    def set_signed_in(self, signed_in: bool) -> None:
        """Whether a server session exists (no: the password is asked with the next call)."""
        self.sign_in_box.setVisible(not signed_in)
        if signed_in:
            self.password.clear()

    def _forget_answer(self) -> None:
        self.checked = None
        self.answer = {}
        self.summary.clear()
        self.message.clear()
        self.reasons.setRowCount(0)
        self.refusals.setRowCount(0)

    def _clear_columns(self) -> None:
        for combo in self.column_combos.values():
            self.columns_form.removeRow(combo)  # deletes the combo and its label
        self.column_combos.clear()

    def _on_file_changed(self) -> None:
        """Another file or kind: its sheets and columns are the server's to tell again."""
        if self.importing:
            return
        self._clear_columns()
        self.sheet.clear()
        self.columns_box.hide()
        self._forget_answer()
        self._update_buttons()

    def _on_sheet_picked(self) -> None:
        # the column combos named the other sheet's headers: the server names this one's
        self._clear_columns()
        self._forget_answer()
        self._update_buttons()

    def _on_columns_picked(self) -> None:
        self.checked = None  # the last check was of other columns
        self._update_buttons()

    def _on_browse_clicked(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SPREADSHEET_SUFFIXES)
        dialog = QFileDialog(self, self.tr("Choose a spreadsheet"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Spreadsheets ({patterns})").format(patterns=patterns)])
        dialog.fileSelected.connect(self.path.setText)
        self._open_file_dialog(dialog)

    def _open_file_dialog(self, dialog: QFileDialog) -> None:
        self.file_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(lambda: setattr(self, "file_dialog", None))
        dialog.open()  # not exec(): the window (and tests) go on while it is up

    def _on_check_clicked(self) -> None:
        form = self.form()
        if not form.path:
            self.show_error(self.tr("Choose the spreadsheet first."))
            return
        missing = [
            role for role in ROLES[form.kind] if self.column_combos and role not in form.columns
        ]
        if missing:
            self.show_error(
                self.tr("Pick the column for: {roles}.").format(
                    roles=", ".join(role_name(role) for role in missing)
                )
            )
            return
        self.check_requested.emit(form)

    def _on_report_clicked(self) -> None:
        form = self.checked
        if form is None:
            return
        dialog = QFileDialog(self, self.tr("Save the error report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.setNameFilters([self.tr("Excel workbook (*.xlsx)")])
        dialog.selectFile(f"{Path(form.path).stem}-refused.xlsx")
        dialog.fileSelected.connect(lambda out: self.report_requested.emit(form, out))
        self._open_file_dialog(dialog)

    def _on_import_clicked(self) -> None:
        form, result = self.checked, self.answer
        if form is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import spreadsheet"),
            self.tr(
                "Import {accepted} rows from “{file}”? {duplicates} rows are recorded already "
                "and change nothing; {refused} refused rows are left out."
            ).format(
                accepted=_count(result, "accepted"),
                file=Path(form.path).name,
                duplicates=_count(result, "duplicates"),
                refused=_count(result, "refused"),
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        yes = box.addButton(self.tr("&Import"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        self.confirmation = box

        def answered() -> None:
            self.confirmation = None
            if box.clickedButton() is yes:
                self.import_requested.emit(form)

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    def _update_buttons(self) -> None:
        idle = not self.busy and not self.importing
        for widget in (self.links, self.bills, self.path, self.browse_button, self.sheet):
            widget.setEnabled(idle)
        for combo in self.column_combos.values():
            combo.setEnabled(idle)
        self.check_button.setEnabled(idle)
        self.report_button.setEnabled(
            idle and self.checked is not None and _count(self.answer, "refused") > 0
        )
        self.import_button.setEnabled(
            idle and self.checked is not None and _count(self.answer, "accepted") > 0
        )

    # -- the server's answers ------------------------------------------------------------

    def show_busy(self, text: str) -> None:
        """A call is running: the bar moves (from the first progress line), buttons wait."""
        self.busy = True
        self.message.setText(text)
        self.progress.setRange(0, 0)  # "working" until the server says how many rows
        self.progress.show()
        self._update_buttons()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _idle(self) -> None:
        self.busy = False
        if self.progress.maximum() == 0:
            self.progress.hide()
        self._update_buttons()

    def show_error(self, text: str) -> None:
        self._idle()
        self.message.setText(text)

    def show_check(self, form: ImportForm, result: Mapping[str, Any]) -> None:
        """A dry run's answer: what would be accepted, and why each other row would not."""
        self.checked, self.answer = form, result
        self._show_sheets(result.get("sheets"), result.get("sheet"))
        self.summary.setText(
            self.tr(
                "Sheet “{sheet}”, {rows} rows: {accepted} would be imported, "
                "{duplicates} are recorded already, {refused} refused."
            ).format(
                sheet=result.get("sheet", ""),
                rows=_count(result, "rows"),
                accepted=_count(result, "accepted"),
                duplicates=_count(result, "duplicates"),
                refused=_count(result, "refused"),
            )
        )
        self._show_refusals(result)
        self.show_progress(1, 1)
        self._idle()
        columns = result.get("columns")
        if isinstance(columns, Mapping):
            self.message.setText(
                self.tr("Columns: {columns}").format(
                    columns="; ".join(
                        f"{role_name(str(role))} = “{header}”" for role, header in columns.items()
                    )
                )
            )

    def _show_sheets(self, sheets: Any, sheet: Any) -> None:
        if not isinstance(sheets, list):
            return
        self.sheet.clear()
        self.sheet.addItems([str(name) for name in sheets])
        if isinstance(sheet, str):
            self.sheet.setCurrentText(sheet)
        self.columns_box.setVisible(len(sheets) > 1 or bool(self.column_combos))

    def _show_refusals(self, result: Mapping[str, Any]) -> None:
        by_reason = result.get("by_reason")
        reasons = list(by_reason.items()) if isinstance(by_reason, Mapping) else []
        self.reasons.setRowCount(len(reasons))
        for row, (reason, count) in enumerate(reasons):
            self.reasons.setItem(row, 0, QTableWidgetItem(reason_text(str(reason))))
            self.reasons.setItem(row, 1, QTableWidgetItem(str(count)))
        refusals = result.get("refusals")
        refused = (
            [r for r in refusals if isinstance(r, Mapping)] if isinstance(refusals, list) else []
        )
        self.refusals.setRowCount(len(refused))
        for row, refusal in enumerate(refused):
            values = refusal.get("values")
            shown = (
                ", ".join(f"{header}: {value}" for header, value in values.items())
                if isinstance(values, Mapping)
                else ""
            )
            reason = QTableWidgetItem(reason_text(str(refusal.get("reason", ""))))
            reason.setToolTip(str(refusal.get("message") or ""))  # the server's own words
            self.refusals.setItem(row, 0, QTableWidgetItem(str(refusal.get("row", ""))))
            self.refusals.setItem(row, 1, QTableWidgetItem(shown))
            self.refusals.setItem(row, 2, reason)
        self.reasons.resizeRowsToContents()
        self.refusals.resizeRowsToContents()

    def ask_columns(self, detail: Mapping[str, Any], message: str) -> None:
        """422 ``columns_unknown``: a combo per needed column, the server's guess picked."""
        self._forget_answer()
        self._clear_columns()
        self._show_sheets(detail.get("sheets"), detail.get("sheet"))
        raw_headers = detail.get("headers")
        headers = [str(h) for h in raw_headers] if isinstance(raw_headers, list) else []
        raw_guess = detail.get("guess")
        guess = raw_guess if isinstance(raw_guess, Mapping) else {}
        needed = detail.get("needed")
        for role in needed if isinstance(needed, list) else ROLES[self.kind()]:
            combo = QComboBox()
            combo.addItems(headers)
            combo.setCurrentIndex(headers.index(guess[role]) if guess.get(role) in headers else -1)
            combo.setPlaceholderText(self.tr("Choose…"))
            combo.currentIndexChanged.connect(self._on_columns_picked)
            self.column_combos[str(role)] = combo
            self.columns_form.addRow(role_name(str(role)), combo)
        self.columns_box.show()
        self.show_error(
            message or self.tr("Which columns hold what? Pick them, then press Check again.")
        )

    def show_importing(self) -> None:
        self.importing = True
        self.close_button.setText(self.tr("Close"))
        self.show_busy(
            self.tr("Importing… If you close this window the import goes on on the server.")
        )

    def show_imported(self, result: Mapping[str, Any]) -> None:
        """What the server recorded; the choices are free again (a new check, another file)."""
        self.importing = False
        self.checked = None
        self.show_progress(1, 1)
        self._show_refusals(result)
        self._idle()
        self.summary.setText(imported_text(result))
        self.message.clear()

    def show_import_failed(self, text: str) -> None:
        self.importing = False
        self.checked = None
        self.show_error(text)

    def show_report_saved(self, path: str) -> None:
        self._idle()
        self.message.setText(self.tr("Error report saved as {path}.").format(path=path))
