"""`IndicatorBars`: the cluster's indicators live, each percentage as a bar against its KKK average.

A percentage row: the indicator's label, a bar of the cluster's value (0-100 %) with a mark at the KKK average,
the two numbers and the difference in percentage points (green above the average, red below). Counts and sums
follow as plain lines (`Liczba przedsiębiorstw w klastrze: 57`). Colours come from the palette, so a dark
palette works too. Labels come from the definition and numbers are written in the user interface's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from forms.fmt import format_decimal, format_int, format_money, format_percent
from forms.indicators import IndicatorValue
from forms.schema import FormDefinition
from ui.i18n import current_language

DIFF_COLOURS = {True: ("#1b7a2e", "#7ed491"), False: ("#b3261e", "#ff8a80")}  # above?: (light, dark palette)
COLUMNS = 2  # bar (or label), value


def _dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    def channel(x: int, y: int) -> int:
        return round(x + (y - x) * share_of_b)

    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()))


class Bar(QWidget):
    """A horizontal 0-100 % bar with an optional mark at the KKK average."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value: Decimal | None = None
        self.average: Decimal | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, value: Decimal | None, average: Decimal | None) -> None:
        self.value, self.average = value, average
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().height() + 4)

    def _x(self, track: QRectF, percent: Decimal) -> float:
        share = min(max(float(percent), 0.0), 100.0) / 100.0
        return track.left() + share * track.width()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(self.rect()).adjusted(1, 4, -2, -4)
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        painter.setPen(QPen(_mix(base, text, 0.35), 1))
        painter.setBrush(_mix(base, text, 0.10))
        painter.drawRoundedRect(track, 3, 3)
        if self.value is not None and self.value > 0:
            filled = QRectF(track.left(), track.top(), self._x(track, self.value) - track.left(), track.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, 3, 3)
        if self.average is not None:
            x = self._x(track, self.average)
            painter.setPen(QPen(text, 2))
            painter.drawLine(QPointF(x, 1), QPointF(x, self.height() - 1))
        painter.end()


class _PercentRow:
    """One percentage in the grid: its label; the bar and the value; the KKK average and the difference."""

    def __init__(self, owner: IndicatorBars, grid: QGridLayout, line: int) -> None:
        self.owner = owner
        self.label = owner.wrapped_label()
        self.bar = Bar(owner)
        self.value = QLabel(owner)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.comparison = owner.secondary_label()
        grid.addWidget(self.label, line, 0, 1, COLUMNS)
        grid.addWidget(self.bar, line + 1, 0)
        grid.addWidget(self.value, line + 1, 1)
        grid.addWidget(self.comparison, line + 2, 0, 1, COLUMNS)

    def show(self, iv: IndicatorValue) -> None:
        lang = self.owner.lang
        self.label.setText(iv.definition.label.get(lang))
        self.bar.set_values(iv.value, iv.kkk_average)
        no_data = QCoreApplication.translate("IndicatorBars", "brak danych")
        value = format_percent(iv.value, lang) if iv.value is not None else no_data
        self.value.setText(f"<b>{value}</b>")
        tip = QCoreApplication.translate("IndicatorBars", "Klaster: {v}").format(v=value)
        if iv.kkk_average is not None:
            average = format_percent(iv.kkk_average, lang)
            tip += "\n" + QCoreApplication.translate("IndicatorBars", "Średnia KKK: {v}").format(v=average)
            comparison = QCoreApplication.translate("IndicatorBars", "średnia KKK {v}").format(v=average)
            difference = self._difference(iv.difference)
            self.comparison.setText(comparison + (" · " + difference if difference else ""))
        self.comparison.setVisible(iv.kkk_average is not None)
        self.bar.setToolTip(tip)

    def _difference(self, diff: Decimal | None) -> str:
        if diff is None:
            return ""
        points = QCoreApplication.translate("IndicatorBars", "p.p.")
        text = ("+" if diff > 0 else "") + format_decimal(diff, 2, self.owner.lang) + "\u00a0" + points
        if diff == 0:
            return text
        colour = DIFF_COLOURS[diff > 0][_dark(self.owner)]
        return f'<span style="color:{colour}">{text}</span>'


class _PlainRow:
    """A count or a sum: the label and the value on one grid line; counts by category go under their label."""

    def __init__(self, owner: IndicatorBars, grid: QGridLayout, line: int, below: bool) -> None:
        self.owner = owner
        self.label = owner.wrapped_label()
        self.value = QLabel(owner)
        self.value.setWordWrap(below)
        grid.addWidget(self.label, line, 0, 1, COLUMNS if below else 1)
        if below:
            grid.addWidget(self.value, line + 1, 0, 1, COLUMNS)
            self.value.setIndent(12)
        else:
            self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.value, line, 1, 1, COLUMNS - 1)

    def show(self, iv: IndicatorValue) -> None:
        self.label.setText(iv.definition.label.get(self.owner.lang) + ":")
        text = self.owner.format_value(iv)
        self.value.setText(text if iv.definition.kind == "count_by" else f"<b>{text}</b>")


class IndicatorBars(QWidget):
    """Percentages as bars against the KKK averages, then counts and sums; call `set_indicators` to refresh."""

    def __init__(self, parent: QWidget | None = None, definition: FormDefinition | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        self.lang = current_language()
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._shape: tuple[tuple[str, bool], ...] = ()
        self._rows: list[_PercentRow | _PlainRow] = []
        self.indicators: list[IndicatorValue] = []

    def follow(self, session: Any, ids: list[str] | None = None) -> None:
        """Refresh from `session.indicators` whenever the session's checks ran."""
        self.definition = session.definition
        session.problemsChanged.connect(lambda: self.set_indicators(session.indicators, ids))
        self.set_indicators(session.indicators, ids)

    def set_indicators(self, indicators: list[IndicatorValue], ids: list[str] | None = None) -> None:
        chosen = [iv for iv in indicators if ids is None or iv.id in ids]
        if ids is not None:
            chosen.sort(key=lambda iv: ids.index(iv.id))
        bars = [iv for iv in chosen if iv.is_percent]
        plain = [iv for iv in chosen if not iv.is_percent]
        self.indicators = bars + plain
        shape = tuple((iv.id, iv.definition.kind) for iv in self.indicators)
        if shape != self._shape:
            self._rebuild(bars, plain)
            self._shape = shape
        for row, iv in zip(self._rows, self.indicators, strict=True):
            row.show(iv)

    # Building -----------------------------------------------------------------------------------
    def _rebuild(self, bars: list[IndicatorValue], plain: list[IndicatorValue]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 0)
            self._grid.setRowMinimumHeight(r, 0)
        self._rows = []
        line = 0
        if any(iv.kkk_average is not None for iv in bars):
            legend = self.secondary_label()
            legend.setText(self.tr("Pasek: wartość klastra; pionowa kreska: średnia KKK"))
            legend.setWordWrap(True)
            self._grid.addWidget(legend, line, 0, 1, COLUMNS)
            self._grid.setRowMinimumHeight(line + 1, 4)
            line += 2
        for _ in bars:
            self._rows.append(_PercentRow(self, self._grid, line))
            self._grid.setRowMinimumHeight(line + 3, 6)  # a gap between indicators
            line += 4
        for iv in plain:
            below = iv.definition.kind == "count_by"
            self._rows.append(_PlainRow(self, self._grid, line, below))
            line += 2 if below else 1
        self._grid.setRowStretch(line, 1)

    def wrapped_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def secondary_label(self) -> QLabel:
        label = QLabel(self)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        label.setPalette(palette)
        return label

    # Values -------------------------------------------------------------------------------------
    def format_value(self, iv: IndicatorValue) -> str:
        kind, value = iv.definition.kind, iv.value
        if value is None:
            return self.tr("brak danych")
        if kind == "count_by":
            return self._format_counts(iv, value)
        if kind == "sum":
            if self._column_type(iv) == "money":
                return format_money(value, self.lang)
            return format_decimal(value, lang=self.lang)
        return format_int(value, self.lang)

    def _column_type(self, iv: IndicatorValue) -> str | None:
        column, table = iv.definition.params.get("column"), iv.definition.params.get("table", "members")
        d = self.definition
        if d is None or not column or not d.has_table(table) or not d.tables[table].has_column(column):
            return None
        return d.table(table).column(column).type

    def _format_counts(self, iv: IndicatorValue, counts: dict[str, int]) -> str:
        if not counts:
            return format_int(0, self.lang)
        list_id = None
        if self._column_type(iv) in ("choice", "multichoice") and self.definition is not None:
            params = iv.definition.params
            list_id = self.definition.table(params.get("table", "members")).column(params["column"]).list
        parts = []
        for code, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            name = self.definition.choice_label(list_id, code, self.lang) if list_id and self.definition else code
            parts.append(f"{name}:\u00a0{format_int(n, self.lang)}")
        return ", ".join(parts)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 380), hint.height())
