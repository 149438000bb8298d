"""Code rules: the site's parent series and patterns, tried on sample codes, then published.

The page edits the rules as the server sent them (``CodeRules`` as JSON), so fields it does not
show (label pattern, command prefix, weights) go back unchanged. "Try codes" asks the server to
judge samples against the unsaved edit: one definition of what a rule accepts, the server's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.admin.page import AdminPage, fill_table, make_table, text
from tracetrack_desktop.ui.admin_client import AdminAnswer, AdminRequest
from tracetrack_desktop.ui.messages import translate_message

RULES = "/api/v1/admin/code-rules"
TEST = "/api/v1/admin/code-rules/test"
SERIES_FIELDS = ("name", "pattern", "capacity", "expected_kg")
MAX_SAMPLES = 200
"""The most codes the server tries at once."""

KIND_LABELS: dict[str, str] = {
    "parent": str(QT_TRANSLATE_NOOP("RulesPage", "parent")),
    "child": str(QT_TRANSLATE_NOOP("RulesPage", "child")),
    "bill": str(QT_TRANSLATE_NOOP("RulesPage", "bill")),
    "command": str(QT_TRANSLATE_NOOP("RulesPage", "command")),
    "unknown": str(QT_TRANSLATE_NOOP("RulesPage", "unknown")),
}
"""What the server says a tried code is, as the admin reads it (English source text)."""


def kind_text(kind: str) -> str:
    """``kind`` in the operator's language; one this station does not know, as sent."""
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate("RulesPage", label) if label else kind


def _number(value: str) -> int | str:
    """A typed count as a number; anything else goes as typed, for the server to refuse."""
    try:
        return int(value.strip())
    except ValueError:
        return value.strip()


class RulesPage(AdminPage):
    """Parent series, child and bill patterns; Try codes; Publish."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: dict[str, Any] = {}
        self.version: Any = None
        self.series = QTableWidget(0, len(SERIES_FIELDS))
        self.series.setHorizontalHeaderLabels(
            [
                self.tr("Series name"),
                self.tr("Pattern"),
                self.tr("Children per parent"),
                self.tr("kg per parent"),
            ]
        )
        self.series.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.series.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.series.horizontalHeader().setStretchLastSection(True)
        self.series.verticalHeader().setVisible(False)
        self.add_series_button = QPushButton(self.tr("Add &series"))
        self.remove_series_button = QPushButton(self.tr("Remove s&eries"))
        self.add_series_button.clicked.connect(self.on_add_series_clicked)
        self.remove_series_button.clicked.connect(self.on_remove_series_clicked)
        self.series_hint = QLabel(
            self.tr('Parent pattern, e.g. "SB followed by 5 digits": SB[0-9]{5}')
        )
        self.child_pattern = QLineEdit()
        self.child_hint = QLabel(
            self.tr("Child pattern, e.g. 4 to 20 capital letters or digits: [A-Z0-9]{4,20}")
        )
        self.bill_pattern = QLineEdit()
        self.bill_hint = QLabel(self.tr("Bill pattern, e.g. BILL- and 6 digits: BILL-[0-9]{6}"))
        self.samples = QPlainTextEdit()
        self.samples.setPlaceholderText(self.tr("One code per line, e.g. SB00042"))
        self.try_button = QPushButton(self.tr("&Try codes"))
        self.try_button.clicked.connect(self.on_try_clicked)
        self.results = make_table(
            [self.tr("Code"), self.tr("Kind"), self.tr("Series"), self.tr("Note")]
        )
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b91c1c;")
        self.publish_button = QPushButton(self.tr("&Publish to every station"))
        self.publish_button.clicked.connect(self.on_publish_clicked)
        self.state = QLabel()

        series_buttons = QHBoxLayout()
        series_buttons.addWidget(self.add_series_button)
        series_buttons.addWidget(self.remove_series_button)
        series_buttons.addWidget(self.series_hint, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Child pattern"), self.child_pattern)
        form.addRow("", self.child_hint)
        form.addRow(self.tr("&Bill pattern"), self.bill_pattern)
        form.addRow("", self.bill_hint)
        trying = QVBoxLayout()
        trying.addWidget(QLabel(self.tr("Try codes against these rules (not saved):")))
        trying.addWidget(self.samples)
        trying.addWidget(self.try_button)
        tried = QHBoxLayout()
        tried.addLayout(trying, 1)
        tried.addWidget(self.results, 2)
        publish = QHBoxLayout()
        publish.addWidget(self.publish_button)
        publish.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Parent series:")))
        layout.addWidget(self.series, 2)
        layout.addLayout(series_buttons)
        layout.addLayout(form)
        layout.addLayout(tried, 3)  # every tried code in view, the series list scrolls
        layout.addWidget(self.problems)
        layout.addLayout(publish)

    def reload(self) -> None:
        self.ask("load", "GET", RULES)

    def show_rules(self, rules: dict[str, Any]) -> None:
        self.loaded = rules
        series = [s for s in rules.get("parent_series") or [] if isinstance(s, dict)]
        self.series.setRowCount(len(series))
        for r, row in enumerate(series):
            for c, key in enumerate(SERIES_FIELDS):
                self.series.setItem(r, c, QTableWidgetItem(text(row.get(key))))
        self.child_pattern.setText(text(rules.get("child_pattern")))
        self.bill_pattern.setText(text(rules.get("bill_pattern")))
        self.problems.clear()

    def edited(self) -> dict[str, Any]:
        """The rules as edited: the loaded ones with what the page shows replaced."""
        series = []
        for r in range(self.series.rowCount()):
            cells = [self.series.item(r, c) for c in range(len(SERIES_FIELDS))]
            values = [cell.text().strip() if cell is not None else "" for cell in cells]
            if not any(values):
                continue  # a row added and left empty
            name, pattern, capacity, kg = values
            series.append(
                {
                    "name": name,
                    "pattern": pattern,
                    "capacity": _number(capacity),
                    "expected_kg": _number(kg),
                }
            )
        return {
            **self.loaded,
            "parent_series": series,
            "child_pattern": self.child_pattern.text().strip(),
            "bill_pattern": self.bill_pattern.text().strip(),
        }

    def sample_codes(self) -> list[str]:
        lines = (line.strip() for line in self.samples.toPlainText().splitlines())
        return [line for line in lines if line][:MAX_SAMPLES]

    def on_add_series_clicked(self) -> None:
        row = self.series.rowCount()
        self.series.insertRow(row)
        cells = [QTableWidgetItem("") for _ in SERIES_FIELDS]
        for c, cell in enumerate(cells):
            self.series.setItem(row, c, cell)
        self.series.setCurrentCell(row, 0)
        self.series.editItem(cells[0])

    def on_remove_series_clicked(self) -> None:
        row = self.series.currentRow()
        if row >= 0:
            self.series.removeRow(row)

    def on_try_clicked(self) -> None:
        codes = self.sample_codes()
        if codes:
            self.ask("test", "POST", TEST, {"rules": self.edited(), "codes": codes})
        else:
            self.message.emit("error", self.tr("Type at least one code to try."))

    def on_publish_clicked(self) -> None:
        self.ask("publish", "PUT", RULES, {"rules": self.edited(), "version": self.version})

    def show_problems(self, details: Any, sentences: Any = None) -> None:
        """The server's problems with the edited rules, in the operator's language where the
        server names them (``problem_details``), else its own sentences."""
        if isinstance(details, list) and details:
            lines = [self.problem_text(d) for d in details if isinstance(d, dict)]
        else:
            lines = [text(p) for p in sentences or []]
        self.problems.setText("\n".join(lines))

    def problem_text(self, problem: dict[str, Any]) -> str:
        subject = text(problem.get("subject"))
        what = (
            self.tr("The child pattern")
            if subject == "child"
            else self.tr("The parent series {name}").format(name=subject)
        )
        if problem.get("code") == "matches_nothing":
            return self.tr(
                "{what} matches no code a scanner can deliver (codes are read in capitals)."
            ).format(what=what)
        examples = ", ".join(text(e) for e in problem.get("examples") or [])
        return self.tr("{what} matches almost anything, even {examples}.").format(
            what=what, examples=examples
        )

    def show_answer(self, request: AdminRequest, answer: AdminAnswer) -> None:
        if request.purpose == "load" and answer.ok:
            self.version = answer.field("version")
            self.show_rules(dict(answer.field("rules") or {}))
            self.state.setText(
                self.tr("The site uses the default rules.")
                if answer.field("defaults")
                else self.tr("Version {version} of the site's rules.").format(version=self.version)
            )
        elif request.purpose == "test":
            self.show_problems(answer.field("problem_details"), answer.field("problems"))
            if answer.ok:
                fill_table(
                    self.results,
                    [
                        [
                            text(r.get("code")),
                            kind_text(text(r.get("kind"))),
                            text(r.get("series")),
                            translate_message(text(r.get("note"))),
                        ]
                        for r in answer.field("results") or []
                        if isinstance(r, dict)
                    ],
                )
        elif request.purpose == "publish":
            if answer.ok:
                self.version = answer.field("version")
                self.show_rules(dict(answer.field("rules") or {}))
                self.state.setText(
                    self.tr("Version {version} published to every station.").format(
                        version=self.version
                    )
                )
                self.message.emit("info", self.tr("Code rules published."))
            elif answer.code == "stale_rules":
                self.message.emit(
                    "error",
                    self.tr(
                        "Someone else changed the code rules meanwhile: showing theirs; "
                        "make your change again."
                    ),
                )
                self.reload()
            else:
                error = answer.field("error")
                error = error if isinstance(error, dict) else {}
                self.show_problems(error.get("problem_details"), error.get("problems"))
