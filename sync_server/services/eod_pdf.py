"""The end-of-day report as a PDF (reportlab): a title, the day's key figures, the hourly
chart, then every table of :func:`eod.tables`, split across pages with their headers repeated,
and "Page n of m" at the foot of each page."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sync_server.services import eod
from sync_server.services.sheets import Kind
from tracetrack_core.events import Counter

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4e89")
HEADER_FILL = colors.HexColor("#e4ebf5")
ZEBRA = colors.HexColor("#f6f8fb")
RULE = colors.HexColor("#cbd2d9")

KEY_FIGURES = (
    Counter.CHILDREN_LINKED,
    Counter.PARENTS_COMPLETED,
    Counter.PARENTS_BILLED,
    Counter.BILLS_COMPLETED,
    Counter.CORRECTIONS,
    Counter.CONFLICTS,
)
"""The figures in large type under the title."""

CHART_COUNTER = Counter.CHILDREN_LINKED


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=9, leading=11, textColor=INK)
    return {
        "title": ParagraphStyle(
            "title", parent=base["Title"], alignment=0, fontSize=20, leading=24, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=15),
        "meta": ParagraphStyle("meta", parent=body, textColor=MUTED),
        "heading": ParagraphStyle(
            "heading",
            parent=base["Heading2"],
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9),
        "number": ParagraphStyle(
            "number", parent=body, fontSize=7.5, leading=9, alignment=TA_RIGHT
        ),
        "head": ParagraphStyle(
            "head", parent=body, fontSize=7.5, leading=9, fontName="Helvetica-Bold"
        ),
        "head_number": ParagraphStyle(
            "head_number",
            parent=body,
            fontSize=7.5,
            leading=9,
            fontName="Helvetica-Bold",
            alignment=TA_RIGHT,
        ),
        "empty": ParagraphStyle(
            "empty", parent=body, textColor=MUTED, fontName="Helvetica-Oblique"
        ),
        "figure": ParagraphStyle(
            "figure", parent=body, fontSize=18, leading=22, fontName="Helvetica-Bold"
        ),
        "figure_label": ParagraphStyle("figure_label", parent=body, fontSize=8, textColor=MUTED),
    }


def _offset(moment: datetime) -> str:
    delta = moment.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _text(value: Any, kind: Kind) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if kind is Kind.ANY:  # a moment on its own (the Totals' generated time)
            return f"{value:%Y-%m-%d %H:%M %Z}"
        # in a column of the report's day: the time alone, to the second if it has one
        return f"{value:%H:%M}" if value.second == value.microsecond == 0 else f"{value:%H:%M:%S}"
    if isinstance(value, date):
        return f"{value:%d %B %Y}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _widths(header: list[str], cells: list[list[str]], full: float) -> list[float]:
    """Column widths sharing ``full``: each as wide as its longest header word or (up to a
    limit, past which it wraps) its longest cell."""
    wanted = [
        max(
            max((len(word) for word in header[col].split()), default=1),
            min(max((len(row[col]) for row in cells), default=0), 36),
        )
        + 2
        for col in range(len(header))
    ]
    total = sum(wanted)
    return [full * w / total for w in wanted]


FOLD_ROWS = 8
"""A two-column table longer than this (the Totals) is shown as two pairs of columns side by
side, so it takes half the height."""


def _table(section: eod.Section, styles: dict[str, ParagraphStyle]) -> Table:
    columns = section.table.columns
    # numbers line up on the right (the Totals' value column holds numbers below its dates)
    numeric = [column.kind in (Kind.INT, Kind.ANY) for column in columns]
    titles = [c.title for c in columns]
    texts = [
        [_text(value, c.kind) for value, c in zip(row, columns, strict=True)]
        for row in section.table.rows
    ]
    full = WIDTH
    folded = len(columns) == 2 and len(texts) > FOLD_ROWS
    if folded:
        half = -(-len(texts) // 2)
        right = texts[half:] + [["", ""]] * (2 * half - len(texts))
        texts = [left + more for left, more in zip(texts[:half], right, strict=True)]
        titles, numeric, full = titles * 2, numeric * 2, WIDTH * 0.7
    elif len(columns) == 2:
        full = WIDTH * 0.35
    header = [
        Paragraph(escape(title), styles["head_number" if n else "head"])
        for title, n in zip(titles, numeric, strict=True)
    ]
    # every cell a Paragraph: long codes and notes wrap in their column; codes are hostile
    # input, so they are escaped before reportlab reads them as markup
    body = [
        [
            Paragraph(escape(text), styles["number" if n else "cell"])
            for text, n in zip(row, numeric, strict=True)
        ]
        for row in texts
    ]
    style: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(body) + 1, 2)]
    if folded:
        style += [("LINEBEFORE", (2, 0), (2, -1), 0.5, RULE), ("LEFTPADDING", (2, 0), (2, -1), 10)]
    return Table(
        [header, *body],
        colWidths=_widths(titles, texts, full),
        repeatRows=1,
        hAlign="LEFT",
        style=TableStyle(style),
    )


def _key_figures(report: eod.EodReport, styles: dict[str, ParagraphStyle]) -> Table:
    cells = [
        [
            Paragraph(f"{report.totals[c]:,}", styles["figure"]),
            Paragraph(escape(eod.COUNTER_LABELS[c]), styles["figure_label"]),
        ]
        for c in KEY_FIGURES
    ]
    width = WIDTH / len(cells)
    return Table(
        [cells],
        colWidths=[width] * len(cells),
        hAlign="LEFT",
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
    )


def _chart(report: eod.EodReport) -> Drawing:
    """Bars of one counter per local hour."""
    height = 54 * mm
    drawing = Drawing(WIDTH, height)
    chart = VerticalBarChart()
    chart.x, chart.y = round(12 * mm), round(10 * mm)
    chart.width, chart.height = round(WIDTH - 16 * mm), round(height - 20 * mm)
    values = [h.counts[CHART_COUNTER] for h in report.hours]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [f"{h.start:%H}" for h in report.hours]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = max(values, default=0)
    chart.valueAxis.valueMax = max(top, 4) * 1.1
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:,}" if v else ""
    chart.barLabels.fontSize = 6
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 5
    drawing.add(chart)
    drawing.add(
        String(
            12 * mm,
            height - 6 * mm,
            f"{eod.COUNTER_LABELS[CHART_COUNTER]} per hour",
            fontName="Helvetica-Bold",
            fontSize=9,
            fillColor=INK,
        )
    )
    drawing.add(
        String(
            WIDTH - 4 * mm,
            2 * mm,
            f"local hour ({report.day.tz.key})",
            fontName="Helvetica",
            fontSize=7,
            fillColor=MUTED,
            textAnchor="end",
        )
    )
    return drawing


def _footer(text: str, total: int | None) -> Any:
    """Draws the foot of each page: what the document is, and "Page n of m"."""

    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        number = document.page
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, MARGIN - 3 * mm, PAGE[0] - MARGIN, MARGIN - 3 * mm)
        canvas.drawString(MARGIN, MARGIN - 7 * mm, text)
        page = f"Page {number} of {total}" if total else f"Page {number}"
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN - 7 * mm, page)
        canvas.restoreState()

    return draw


def _site(report: eod.EodReport) -> str:
    return ", ".join(report.areas) or "no station worked"


def _story(report: eod.EodReport) -> list[Any]:
    """What the pages hold, in order (fresh each time: a layout changes its flowables)."""
    styles = _styles()
    day = report.day
    midnight = datetime.combine(day.day, datetime.min.time(), day.tz)
    story: list[Any] = [
        Paragraph("End-of-day report", styles["title"]),
        Paragraph(
            escape(f"{day.day:%A %d %B %Y}  ·  {day.tz.key} ({_offset(midnight)})  ·  ")
            + f"<b>Site:</b> {escape(_site(report))}",
            styles["subtitle"],
        ),
        Paragraph(
            escape(
                f"Generated {report.generated_at:%Y-%m-%d %H:%M} {report.generated_at:%Z}  ·  "
                f"{report.stations_active} stations and {report.operators_active} operators "
                "at work  ·  times are local to the zone above"
            ),
            styles["meta"],
        ),
        Spacer(1, 4 * mm),
        _key_figures(report, styles),
        Spacer(1, 3 * mm),
        _chart(report),
    ]
    for section in eod.sections(report):
        name = section.table.name
        heading = Paragraph(escape(name), styles["heading"])
        cut = report.cut.get(name.lower())
        notes = (
            [Paragraph(f"The first {eod.LIST_LIMIT:,} of {cut:,}.", styles["meta"])] if cut else []
        )
        if not section.table.rows:
            empty = Paragraph(escape(section.empty), styles["empty"])
            story.append(KeepTogether([heading, empty]))
            continue
        # a heading never ends a page: it keeps at least its table's header and a few rows
        story += [CondPageBreak(40 * mm), heading, *notes, _table(section, styles)]
    return story


def render(report: eod.EodReport) -> bytes:
    """The report as a PDF document."""
    day = report.day
    footer = f"TraceTrack end-of-day report  ·  {day.day.isoformat()}  ·  {day.tz.key}"
    # laid out twice: the first time counts the pages that "Page n of m" names
    total: int | None = None
    for _ in range(2):
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=f"End-of-day report {day.day.isoformat()}",
            author="TraceTrack Station",
            subject=f"{_site(report)}, {day.tz.key}",
        )
        draw = _footer(footer, total)
        document.build(_story(report), onFirstPage=draw, onLaterPages=draw)
        total = document.page
    return buffer.getvalue()
