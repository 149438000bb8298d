"""Does every text on a shown screen fit where it is drawn?

:func:`misfits` walks a shown widget tree and names each visible text Qt would cut, elide or
overflow: labels (word-wrapped ones by their height for the width they have), buttons, tab
titles, table headers and cells, a field's placeholder, a combo box's current text, a group
box's title and a chart's axis labels (Qt Charts elides those with "..."). It also names a
keyboard-shortcut marker that would split a Devanagari cluster (``&`` before a vowel sign draws
पासवर्ड as "प◌ासव").

Used by ``tests/desktop/test_ui_fit.py`` on every screen the screenshots draw, in English and
Hindi at 1366x768 and 1920x1080. Qt-only, no logic of the station's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QTabBar,
    QWidget,
)

SLACK = 1
"""Pixels of rounding a text may overrun its rect by (advances are fractional)."""

BAD_MARKER = re.compile(r"(?<!&)&(?!&)(?=[^\x21-\x7e])")
"""A shortcut marker before anything but a printable ASCII character: Qt underlines the next
character, and inside Devanagari that splits a cluster. ``&&`` is a literal ampersand."""

ELIDED = ("…", "...")


@dataclass(frozen=True)
class Misfit:
    """One text that does not read whole: the widget (class and object name), the text, and
    why (``"needs 212 px, has 180"``, ``"elided"``, ``"shortcut inside Devanagari"``)."""

    widget: str
    text: str
    why: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.text!r} ({self.why})"


def shown_text(text: str) -> str:
    """``text`` as a button or tab draws it: ``&x`` drawn ``x`` (underlined), ``&&`` as ``&``."""
    return re.sub(r"&(.)", r"\1", text)


def misfits(root: QWidget) -> list[Misfit]:
    """Every visible text under ``root`` (itself included) that does not fit.

    ``root`` must be shown and laid out (process the events first). Widgets that are hidden, or
    inside a scroll area's viewport but scrolled out of sight, are not judged.
    """
    found: list[Misfit] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        found += _misfits_of(widget)
    return found


def _name(widget: QWidget) -> str:
    """The widget's class and object name, and its parents' names up to the window: enough to
    find it in the code."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 4:
        name = current.objectName()
        parts.append(f"{type(current).__name__}" + (f"#{name}" if name else ""))
        current = current.parentWidget()
    return " < ".join(parts)


def _misfits_of(widget: QWidget) -> list[Misfit]:
    found: Finding = []
    if isinstance(widget, QLabel):
        found = _label(widget)
    elif isinstance(widget, QAbstractButton):
        found = _button(widget)
    elif isinstance(widget, QTabBar):
        found = _tab_bar(widget)
    elif isinstance(widget, QHeaderView):
        found = _header(widget)
    elif isinstance(widget, QLineEdit):
        found = _placeholder(widget)
    elif isinstance(widget, QComboBox):
        found = _combo(widget)
    elif isinstance(widget, QGroupBox):
        found = _group_box(widget)
    elif isinstance(widget, QChartView):
        found = _chart(widget)
    elif isinstance(widget, QAbstractItemView):
        found = _cells(widget)
    return [Misfit(_name(widget), text, why) for text, why in found]


Finding = list[tuple[str, str]]


def _too_narrow(text: str, needs: int, has: int) -> Finding:
    return [(text, f"needs {needs} px, has {has}")] if needs > has + SLACK else []


def _marker(text: str) -> Finding:
    return (
        [(text, "shortcut marker inside a word of another script")]
        if BAD_MARKER.search(text)
        else []
    )


def _label(label: QLabel) -> Finding:
    text = label.text()
    if not text:
        return []
    found = _marker(text) if label.buddy() is not None else []
    rect = label.contentsRect()
    margin = label.margin()
    width = rect.width() - 2 * margin - max(label.indent(), 0)
    height = rect.height() - 2 * margin
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and text.lstrip().startswith("<")
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        plain = document.toPlainText()
        if label.wordWrap():
            document.setTextWidth(width)
            return found + _too_short(plain, int(document.size().height()), height)
        return found + _too_narrow(plain, int(document.idealWidth()), width)
    if text.endswith("…") and len(label.toolTip()) > len(text):
        found.append((text, "elided (the whole text only in its tooltip)"))
    metrics = QFontMetrics(label.font())
    if label.buddy() is not None:
        text = shown_text(text)
    if label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap)
        bound = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), flags, text)
        found += _too_short(text, bound.height(), height)
        # Qt breaks a line at white space and at a zero-width space (a long path's separators)
        words = re.split(r"[\s\u200b]+", text)
        longest = max(metrics.horizontalAdvance(word) for word in words)
        return found + _too_narrow(text, longest, width)  # one word wider than the label
    lines = text.split("\n")
    needs = max(metrics.horizontalAdvance(line) for line in lines)
    found += _too_narrow(text, needs, width)
    return found + _too_short(text, metrics.lineSpacing() * len(lines) - metrics.leading(), height)


def _too_short(text: str, needs: int, has: int) -> Finding:
    return [(text, f"needs {needs} px high, has {has}")] if needs > has + SLACK else []


def _button(button: QAbstractButton) -> Finding:
    text = button.text()
    if not text:
        return []
    found = _marker(text)
    shown = shown_text(text)
    metrics = QFontMetrics(button.font())
    needs = max(metrics.horizontalAdvance(line) for line in shown.split("\n"))
    if not button.icon().isNull():
        needs += button.iconSize().width() + 4
    style = button.style()
    option = QStyleOptionButton()
    option.initFrom(button)
    option.rect = button.rect()
    element = {
        QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
        QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
        QPushButton: QStyle.SubElement.SE_PushButtonContents,
    }
    for kind, sub in element.items():
        if isinstance(button, kind):
            has = style.subElementRect(sub, option, button).width()
            break
    else:
        has = button.contentsRect().width()
    return found + _too_narrow(text, needs, has)


def _tab_bar(bar: QTabBar) -> Finding:
    found: Finding = []
    visible = bar.rect()
    for index in range(bar.count()):
        text = bar.tabText(index)
        if not bar.isTabVisible(index):
            continue
        found += _marker(text)
        rect = bar.tabRect(index)
        needs = QFontMetrics(bar.font()).horizontalAdvance(shown_text(text))
        # the style's tab padding: the hint minus the text it was made for
        hint = bar.tabSizeHint(index).width()
        padding = hint - needs
        found += _too_narrow(text, hint, rect.width()) if padding >= 0 else []
        if not visible.contains(rect):
            found.append((text, "tab outside the bar (scrolled out of sight)"))
    return found


def _header(header: QHeaderView) -> Finding:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    metrics = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    found: Finding = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        needs = metrics.horizontalAdvance(text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needs += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + margin
        found += _too_narrow(text, needs, header.sectionSize(section))
        if header.sectionViewportPosition(section) + header.sectionSize(section) > (
            header.viewport().width() + SLACK
        ):
            found.append((text, "column past the table's right edge"))
    return found


def _cells(view: QAbstractItemView) -> Finding:
    """Visible cells whose text the view would elide (only the rows in sight)."""
    model = view.model()
    if model is None:
        return []
    found: Finding = []
    viewport = view.viewport().rect()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = QFontMetrics(view.font())
    wraps = bool(getattr(view, "wordWrap", lambda: False)())
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column, QModelIndex())
            rect = view.visualRect(index)
            if not rect.isValid() or not viewport.intersects(rect):
                continue
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            if not text:
                continue
            width = rect.width() - 2 * margin
            if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                width -= view.iconSize().width() + margin
            if wraps and "\n" not in text:
                bound = metrics.boundingRect(
                    QRect(0, 0, max(width, 1), 100_000), int(Qt.TextFlag.TextWordWrap), text
                )
                found += _too_short(text, bound.height(), rect.height())
            else:
                needs = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                found += _too_narrow(text, needs, width)
    return found


def _placeholder(field: QLineEdit) -> Finding:
    text = field.placeholderText()
    if not text or field.text():
        return []
    option = QStyleOptionFrame()
    option.initFrom(field)
    option.rect = field.rect()
    option.lineWidth = field.style().pixelMetric(
        QStyle.PixelMetric.PM_DefaultFrameWidth, option, field
    )
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    has = contents.width() - margins.left() - margins.right() - 4  # Qt's 2 px each side
    for action in field.actions():  # a clear button or an icon takes room
        if action.isVisible():
            has -= field.height()
    return _too_narrow(text, QFontMetrics(field.font()).horizontalAdvance(text), has)


def _combo(combo: QComboBox) -> Finding:
    text = combo.currentText()
    if not text or combo.isEditable():
        return []
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.rect = combo.rect()
    option.currentText = text
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needs = QFontMetrics(combo.font()).horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needs += combo.iconSize().width() + 4
    return _too_narrow(text, needs, field.width())


def _group_box(box: QGroupBox) -> Finding:
    text = box.title()
    if not text:
        return []
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.rect = box.rect()
    option.text = text
    option.subControls = QStyle.SubControl.SC_GroupBoxLabel
    if box.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
    needs = QFontMetrics(box.font()).horizontalAdvance(shown_text(text))
    return _marker(text) + _too_narrow(text, needs, box.contentsRect().width())


def _chart(view: QChartView) -> Finding:
    """Qt Charts elides an axis label (and a title) that does not fit with "..."."""
    scene = view.scene()
    if scene is None:
        return []
    found: Finding = []
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, QGraphicsTextItem):
            text = item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            text = item.text()
        else:
            continue
        if text.endswith(ELIDED):
            found.append((text, "elided by the chart"))
    return found
