"""The dashboard tab: flow over a picked range, stock now, stations, operators, bills, sync.

It only draws :class:`DashboardData` and says what it wants (a range, a file); fetching and
downloading happen in ``dashboard_client`` on its own thread (server) or in the composition
root from the local store (offline).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracetrack_core.rules import BILL_COMPLETED, BILL_NEW, BILL_PROCESSING
from tracetrack_desktop.ui.live_stats import LiveStatusLabel
from tracetrack_desktop.ui.messages import status_word
from tracetrack_desktop.ui.theme import named
from tracetrack_desktop.ui.views import (
    DashboardData,
    DayRange,
    Download,
    Stock,
    ThroughputRow,
    short_time,
)

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
STOCK_KEYS = ("parents_open", "parents_completed", "parents_billed", "children_in_open_parents")
BILL_STATUSES = (BILL_NEW, BILL_PROCESSING, BILL_COMPLETED)
RANGES = ("today", "yesterday", "week", "custom")
EXPORTS = ("bags", "bills", "activity", "conflicts")
"""What ``GET /api/v1/exports/{what}`` makes."""
EXPORT_FORMATS = ("xlsx", "csv")
EOD_FORMATS = ("pdf", "xlsx")


def _slot_of(bucket_start: str) -> datetime | None:
    """A row's bucket as a time: the chart orders by it (as text, 00:00 came before 23:00)."""
    try:
        return datetime.fromisoformat(bucket_start)
    except ValueError:
        return None


def _local_today() -> date:
    """Today in the station's calendar (its system zone)."""
    return datetime.now(UTC).astimezone().date()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def export_filename(what: str, span: DayRange, fmt: str) -> str:
    """The name the server gives the same export (``tracetrack-<what>-<from>-<to>.<ext>``)."""
    return f"tracetrack-{what}-{span.first.isoformat()}-{span.last.isoformat()}.{fmt}"


def export_download(what: str, fmt: str, span: DayRange, tz: str, target: str) -> Download:
    params = [("format", fmt), ("from", span.first.isoformat()), ("to", span.last.isoformat())]
    if tz:  # none: the server's own zone
        params.append(("tz", tz))
    return Download(f"/api/v1/exports/{what}", tuple(params), target)


def eod_download(day: date, fmt: str, tz: str, target: str) -> Download:
    params = [("date", day.isoformat()), ("format", fmt)]
    if tz:
        params.append(("tz", tz))
    return Download("/api/v1/reports/eod", tuple(params), target)


def _totals(rows: tuple[ThroughputRow, ...]) -> list[tuple[str, int, int]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        totals[row.key][0] += row.children_linked
        totals[row.key][1] += row.parents_completed
    return sorted(((k, v[0], v[1]) for k, v in totals.items()), key=lambda t: -t[1])


def _in_bill_order(counts: dict[str, int]) -> list[tuple[object, ...]]:
    """Bills by status as a bill goes: new, processing, completed (then anything else)."""
    order = {status: n for n, status in enumerate(BILL_STATUSES)}
    return [
        (status, counts[status])
        for status in sorted(counts, key=lambda s: (order.get(s, len(order)), s))
    ]


_MONTHS = (
    str(QT_TRANSLATE_NOOP("Dashboard", "Jan")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Feb")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Mar")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Apr")),
    str(QT_TRANSLATE_NOOP("Dashboard", "May")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Jun")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Jul")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Aug")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Sep")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Oct")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Nov")),
    str(QT_TRANSLATE_NOOP("Dashboard", "Dec")),
)


def _day_label(day: date) -> str:
    """A chart day, "07 Dec", its month in the operator's language (strftime's is English)."""
    month = QCoreApplication.translate("Dashboard", _MONTHS[day.month - 1])
    return f"{day.day:02d} {month}"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    # the names take the room left; the figures' columns are never narrower than their
    # headings (shared out evenly, "Parents completed" read "ents comple")
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))


def _tile(grid: QGridLayout, column: int, caption: str) -> QLabel:
    value = named(QLabel("-"), "counterSmall")
    value.setStyleSheet("font-size: 20pt; font-weight: 700;")
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label = QLabel(caption)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    grid.addWidget(value, 0, column)
    grid.addWidget(label, 1, column)
    return value


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ExportDialog(QDialog):
    """What to export and in which format; the range is the dashboard's."""

    def __init__(self, span: DayRange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.what = QComboBox()
        names = {
            "bags": self.tr("Bags (with children, state, bill)"),
            "bills": self.tr("Bills (totals and weights)"),
            "activity": self.tr("Operator activity"),
            "conflicts": self.tr("Conflicts"),
        }
        for key in EXPORTS:
            self.what.addItem(names[key], key)
        self.format = QComboBox()
        self.format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.format.addItem(self.tr("CSV"), "csv")
        form = QFormLayout(self)
        form.addRow(self.tr("&What"), self.what)
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(
            self.tr("Days"),
            QLabel(
                self.tr("{first} to {last}").format(
                    first=span.first.isoformat(), last=span.last.isoformat()
                )
            ),
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class EodDialog(QDialog):
    """Which day's end-of-day report, as PDF or XLSX."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End-of-day report"))
        self.day = _date_edit(day)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF"), "pdf")
        self.format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        form = QFormLayout(self)
        form.addRow(self.tr("&Day"), self.day)
        form.addRow(self.tr("&Format"), self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DashboardTab(QWidget):
    """Supervisor's view of a range of days, and of what the site holds now.

    Signals:
        refresh_requested: fresh figures are wanted now (the button, or another range).
        download_requested(object): a :class:`Download` the supervisor chose and named.
    """

    refresh_requested = Signal()
    download_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DashboardData | None = None
        self.tz = ""  # the zone the station's days are in (an IANA name; "": the server's)
        self.source = named(QLabel(), "sourceLabel")
        self.range_combo = QComboBox()
        names = {
            "today": self.tr("Today"),
            "yesterday": self.tr("Yesterday"),
            "week": self.tr("This week"),
            "custom": self.tr("Custom…"),
        }
        for key in RANGES:
            self.range_combo.addItem(names[key], key)
        range_label = QLabel(self.tr("Ran&ge"))
        range_label.setBuddy(self.range_combo)
        today = _local_today()
        self.from_edit = _date_edit(today)
        self.to_edit = _date_edit(today)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.eod_button = QPushButton(self.tr("E&nd-of-day report…"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.png_button = QPushButton(self.tr("Export &PNG…"))
        self.download_status = named(QLabel(), "downloadStatus")
        header = QHBoxLayout()
        header.addWidget(self.source, 1)
        self.live_status = LiveStatusLabel()  # live stats (ui/live_stats.py)
        header.addWidget(self.live_status)
        header.addWidget(range_label)
        header.addWidget(self.range_combo)
        header.addWidget(self.from_edit)
        header.addWidget(self.to_edit)
        header.addWidget(self.refresh_button)
        header.addWidget(self.export_button)
        header.addWidget(self.eod_button)
        header.addWidget(self.csv_button)
        header.addWidget(self.png_button)

        self.flow_box = QGroupBox()
        flow = QGridLayout(self.flow_box)
        captions = self._summary_names()
        self.tiles: dict[str, QLabel] = {
            key: _tile(flow, i, captions[key]) for i, key in enumerate(SUMMARY_KEYS)
        }
        stock_box = QGroupBox(self.tr("Now"))
        stock = QGridLayout(stock_box)
        captions = self._stock_names()
        self.stock_tiles: dict[str, QLabel] = {
            key: _tile(stock, i, captions[key]) for i, key in enumerate(STOCK_KEYS)
        }
        tiles = QHBoxLayout()
        tiles.addWidget(self.flow_box, 9)
        tiles.addWidget(stock_box, 4)

        self.chart = QChart()
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
        layout.addWidget(self.download_status)
        layout.addLayout(tiles)
        layout.addWidget(self.chart_view, 2)
        layout.addLayout(tables, 3)
        self._on_range_changed()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.range_combo.currentIndexChanged.connect(self._on_range_changed)
        self.range_combo.currentIndexChanged.connect(self.refresh_requested)
        self.from_edit.dateChanged.connect(self.refresh_requested)
        self.to_edit.dateChanged.connect(self.refresh_requested)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.eod_button.clicked.connect(self._on_eod_clicked)
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

    def _stock_names(self) -> dict[str, str]:
        return {
            "parents_open": self.tr("Parents open"),
            "parents_completed": self.tr("Parents complete, not billed"),
            "parents_billed": self.tr("Parents billed"),
            "children_in_open_parents": self.tr("Children in open parents"),
        }

    # -- the range -------------------------------------------------------------------

    def span(self, today: date | None = None) -> DayRange:
        """The days the picker names, in the station's calendar."""
        today = today or _local_today()
        choice = self.range_combo.currentData()
        if choice == "yesterday":
            return DayRange.yesterday(today)
        if choice == "week":
            return DayRange.this_week(today)
        if choice == "custom":
            first, last = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
            return DayRange(min(first, last), max(first, last))
        return DayRange.today(today)

    def set_span(self, span: DayRange) -> None:
        """Pick a custom range (as the supervisor would with the two date fields)."""
        self.range_combo.setCurrentIndex(self.range_combo.findData("custom"))
        self.from_edit.setDate(_qdate(span.first))
        self.to_edit.setDate(_qdate(span.last))

    def _on_range_changed(self) -> None:
        custom = self.range_combo.currentData() == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)

    def _span_text(self, span: DayRange) -> str:
        if span.one_day:
            return span.first.isoformat()
        return self.tr("{first} to {last}").format(
            first=span.first.isoformat(), last=span.last.isoformat()
        )

    # -- drawing ---------------------------------------------------------------------

    def show_data(self, data: DashboardData) -> None:
        """Draw a fresh set of figures."""
        self.data = data
        when = data.fetched_at.astimezone().strftime("%H:%M:%S")
        online = data.source == "server"
        if online:
            self.source.setText(self.tr("All stations, from the server · {when}").format(when=when))
        else:
            self.source.setText(
                self.tr("This station only (server not reachable) · {when}").format(when=when)
            )
        # offline there is only what this station recorded: no range to pick, nothing to
        # download (the server makes the files)
        for widget in (self.range_combo, self.from_edit, self.to_edit):
            widget.setEnabled(online)
        self.export_button.setEnabled(online)
        self.eod_button.setEnabled(online)
        self.flow_box.setTitle(
            self._span_text(data.span) if data.span else self.tr("This station's own records")
        )
        for key, label in self.tiles.items():
            label.setText(str(data.summary.get(key, 0)))
        self._show_stock(data.stock)
        self._draw_chart(data)
        _fill(self.stations_table, list(_totals(data.by_station)))
        _fill(self.operators_table, list(_totals(data.by_operator)))
        _fill(
            self.bills_table,
            [(status_word(str(s)), n) for s, n in _in_bill_order(data.bills_by_status)],
        )
        _fill(
            self.health_table,
            [
                (s.name, short_time(s.last_seen), s.last_seq, s.pending, s.lag)
                for s in data.stations
            ],
        )

    def _show_stock(self, stock: Stock | None) -> None:
        for key, label in self.stock_tiles.items():
            label.setText("-" if stock is None else str(getattr(stock, key)))

    def show_unavailable(self, reason: str) -> None:
        self.source.setText(self.tr("Figures unavailable: {reason}").format(reason=reason))

    def chart_categories(self) -> list[str]:
        """The chart's x-axis labels, left to right."""
        for axis in self.chart.axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QBarCategoryAxis):
                return list(axis.categories())
        return []

    def _draw_chart(self, data: DashboardData) -> None:
        """One day per hour, a longer range per day: children linked, a bar per station."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        per_day = data.span is not None and not data.span.one_day
        self.chart.setTitle(
            self.tr("Children linked per day") if per_day else self.tr("Children linked per hour")
        )
        # slots (a local hour, or a day: a datetime is a date too) in time order; a per-day
        # chart has every day of the range, quiet ones too
        slots: dict[date, str] = (
            {row.day: _day_label(row.day) for row in data.daily} if per_day else {}
        )
        per_key: dict[str, dict[date, int]] = defaultdict(dict)
        for row in data.by_station:
            moment = _slot_of(row.bucket_start)
            if moment is None:
                continue
            slot = moment.date() if per_day else moment
            if not per_day:
                slots.setdefault(slot, moment.strftime("%H:%M"))
            elif slot not in slots:
                continue
            per_key[row.key][slot] = per_key[row.key].get(slot, 0) + row.children_linked
        order = sorted(slots)
        if not order:
            return
        series = QBarSeries()
        top = 0
        for key in sorted(per_key):
            bar = QBarSet(key)
            values = [per_key[key].get(s, 0) for s in order]
            bar.append([float(v) for v in values])
            top = max(top, *values)
            series.append(bar)
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([slots[s] for s in order])
        y_axis = QValueAxis()
        y_axis.setRange(0, max(1, top))
        y_axis.setLabelFormat("%d")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    # -- files -----------------------------------------------------------------------

    def request_export(self, what: str, fmt: str, target: str) -> None:
        """Ask for the server's ``what`` export over the picked range, saved at ``target``."""
        self._downloading(target)
        self.download_requested.emit(export_download(what, fmt, self.span(), self.tz, target))

    def request_eod(self, day: date, fmt: str, target: str) -> None:
        """Ask for ``day``'s end-of-day report, saved at ``target``."""
        self._downloading(target)
        self.download_requested.emit(eod_download(day, fmt, self.tz, target))

    def _downloading(self, target: str) -> None:
        self.download_status.setText(self.tr("Downloading {name}…").format(name=Path(target).name))

    def show_download_done(self, target: str) -> None:
        self.download_status.setText(self.tr("Saved {path}").format(path=target))

    def show_download_failed(self, target: str, reason: str) -> None:
        self.download_status.setText(
            self.tr("Could not save {name}: {reason}").format(name=Path(target).name, reason=reason)
        )

    def _on_export_clicked(self) -> None:
        span = self.span()
        dialog = ExportDialog(span, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        what, fmt = str(dialog.what.currentData()), str(dialog.format.currentData())
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            export_filename(what, span, fmt),
            f"{fmt.upper()} (*.{fmt})",
        )
        if name:
            self.request_export(what, fmt, name)

    def _on_eod_clicked(self) -> None:
        dialog = EodDialog(self.span().last, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day, fmt = _pydate(dialog.day.date()), str(dialog.format.currentData())
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("End-of-day report"),
            f"tracetrack-eod-{day.isoformat()}.{fmt}",
            f"{fmt.upper()} (*.{fmt})",
        )
        if name:
            self.request_eod(day, fmt, name)

    def csv_rows(self) -> list[list[str]]:
        """What is on screen, as ``section, key, field, value`` rows."""
        rows: list[list[str]] = [["section", "key", "field", "value"]]
        if self.data is None:
            return rows
        data = self.data
        rows.append(["meta", "source", "", data.source])
        rows.append(["meta", "fetched_at", "", data.fetched_at.isoformat()])
        if data.span is not None:
            rows.append(["meta", "from", "", data.span.first.isoformat()])
            rows.append(["meta", "to", "", data.span.last.isoformat()])
        rows += [["summary", key, "", str(v)] for key, v in sorted(data.summary.items())]
        if data.stock is not None:
            rows += [["stock", key, "", str(getattr(data.stock, key))] for key in STOCK_KEYS]
        for day in data.daily:
            rows.append(["day", day.day.isoformat(), "children_linked", str(day.children_linked)])
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
