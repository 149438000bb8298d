"""The dashboard tab: today's throughput, stations, operators, bills and sync health.

It only draws :class:`DashboardData`; fetching happens in ``dashboard_client`` on its own
thread (server) or in the composition root from the local store (offline).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_desktop.ui.theme import named
from tracetrack_desktop.ui.views import DashboardData, ThroughputRow, short_time

SUMMARY_KEYS = (
    "children_linked",
    "parents_completed",
    "parent_scans",
    "bills_created",
    "bills_completed",
    "duplicates",
    "conflicts",
    "corrections",
    "stations_active",
)


def _hour_of(bucket_start: str) -> str:
    """``2026-11-28T10:00:00+05:30`` → ``10:00``."""
    time_part = bucket_start.split("T", 1)[-1]
    return time_part[:5]


def _totals(rows: tuple[ThroughputRow, ...]) -> list[tuple[str, int, int]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        totals[row.key][0] += row.children_linked
        totals[row.key][1] += row.parents_completed
    return sorted(((k, v[0], v[1]) for k, v in totals.items()), key=lambda t: -t[1])


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))


class DashboardTab(QWidget):
    """Supervisor's view of the day.

    Signals:
        refresh_requested: the supervisor asked for fresh figures now.
    """

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DashboardData | None = None
        self.source = named(QLabel(), "sourceLabel")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.png_button = QPushButton(self.tr("Export &PNG…"))
        header = QHBoxLayout()
        header.addWidget(self.source, 1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.csv_button)
        header.addWidget(self.png_button)

        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        names = self._summary_names()
        for index, key in enumerate(SUMMARY_KEYS):
            value = named(QLabel("-"), "counterSmall")
            value.setStyleSheet("font-size: 20pt; font-weight: 700;")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(names[key])
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tiles.addWidget(value, 0, index)
            tiles.addWidget(caption, 1, index)
            self.tiles[key] = value

        self.chart = QChart()
        self.chart.setTitle(self.tr("Children linked per hour today"))
        self.chart.legend().setVisible(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)

        self.stations_table = _table(
            [self.tr("Station"), self.tr("Children"), self.tr("Parents completed")]
        )
        self.operators_table = _table(
            [self.tr("Operator"), self.tr("Children"), self.tr("Parents completed")]
        )
        self.bills_table = _table([self.tr("Bill status"), self.tr("Bills")])
        self.health_table = _table(
            [
                self.tr("Station"),
                self.tr("Last seen"),
                self.tr("Last seq"),
                self.tr("Pending"),
                self.tr("Lag"),
            ]
        )
        tables = QGridLayout()
        tables.addWidget(self.stations_table, 0, 0)
        tables.addWidget(self.operators_table, 0, 1)
        tables.addWidget(self.bills_table, 0, 2)
        tables.addWidget(self.health_table, 1, 0, 1, 3)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addWidget(self.chart_view, 2)
        layout.addLayout(tables, 3)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.png_button.clicked.connect(self._on_png_clicked)

    def _summary_names(self) -> dict[str, str]:
        return {
            "children_linked": self.tr("Children linked"),
            "parents_completed": self.tr("Parents completed"),
            "parent_scans": self.tr("Parent scans"),
            "bills_created": self.tr("Bills created"),
            "bills_completed": self.tr("Bills completed"),
            "duplicates": self.tr("Duplicates"),
            "conflicts": self.tr("Conflicts"),
            "corrections": self.tr("Corrections"),
            "stations_active": self.tr("Stations active"),
        }

    def show_data(self, data: DashboardData) -> None:
        """Draw a fresh set of figures."""
        self.data = data
        when = data.fetched_at.astimezone().strftime("%H:%M:%S")
        if data.source == "server":
            self.source.setText(self.tr("All stations, from the server · {when}").format(when=when))
        else:
            self.source.setText(
                self.tr("This station only (server not reachable) · {when}").format(when=when)
            )
        for key, label in self.tiles.items():
            label.setText(str(data.summary.get(key, 0)))
        self._draw_chart(data)
        _fill(self.stations_table, list(_totals(data.by_station)))
        _fill(self.operators_table, list(_totals(data.by_operator)))
        _fill(self.bills_table, sorted(data.bills_by_status.items()))
        _fill(
            self.health_table,
            [
                (s.name, short_time(s.last_seen), s.last_seq, s.pending, s.lag)
                for s in data.stations
            ],
        )

    def show_unavailable(self, reason: str) -> None:
        self.source.setText(self.tr("Figures unavailable: {reason}").format(reason=reason))

    def _draw_chart(self, data: DashboardData) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        hours = sorted({_hour_of(r.bucket_start) for r in data.by_station})
        if not hours:
            return
        per_key: dict[str, dict[str, int]] = defaultdict(dict)
        for row in data.by_station:
            hour = _hour_of(row.bucket_start)
            per_key[row.key][hour] = per_key[row.key].get(hour, 0) + row.children_linked
        series = QBarSeries()
        top = 0
        for key in sorted(per_key):
            bar = QBarSet(key)
            values = [per_key[key].get(h, 0) for h in hours]
            bar.append([float(v) for v in values])
            top = max(top, *values)
            series.append(bar)
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(hours)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(1, top))
        y_axis.setLabelFormat("%d")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    def csv_rows(self) -> list[list[str]]:
        """What is on screen, as ``section, key, field, value`` rows."""
        rows: list[list[str]] = [["section", "key", "field", "value"]]
        if self.data is None:
            return rows
        data = self.data
        rows.append(["meta", "source", "", data.source])
        rows.append(["meta", "fetched_at", "", data.fetched_at.isoformat()])
        rows += [["summary", key, "", str(v)] for key, v in sorted(data.summary.items())]
        for section, source in (("station", data.by_station), ("operator", data.by_operator)):
            for row in source:
                rows.append([section, row.key, row.bucket_start, str(row.children_linked)])
        rows += [
            ["bills", status, "", str(n)] for status, n in sorted(data.bills_by_status.items())
        ]
        for station in data.stations:
            rows.append(["sync", station.name, "pending", str(station.pending)])
            rows.append(["sync", station.name, "last_seen", station.last_seen])
        return rows

    def export_csv(self, path: Path) -> None:
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(self.csv_rows())

    def export_png(self, path: Path) -> bool:
        return self.grab().save(str(path), "PNG")

    def _on_csv_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "dashboard.csv", "CSV (*.csv)"
        )
        if name:
            self.export_csv(Path(name))

    def _on_png_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PNG"), "dashboard.png", "PNG (*.png)"
        )
        if name:
            self.export_png(Path(name))
