"""Lists the station's sync conflicts: what it tried, and what it lost to."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.views import ConflictRow


class ConflictsDialog(QDialog):
    """A read-only table of conflicts; nothing here changes data."""

    def __init__(self, rows: list[ConflictRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync conflicts"))
        intro = QLabel(
            self.tr(
                "The server kept another station's scan for these bags. Nothing was lost: "
                "each line says what this station did and what won. Fix the bag by hand if needed."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Action"),
                self.tr("Code"),
                self.tr("Why"),
                self.tr("Lost to"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            for c, value in enumerate((row.at, row.event, row.code, row.reason, row.lost_to)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)
