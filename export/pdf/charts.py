"""The indicators of the cluster against the KKK averages as a horizontal bar chart (vector, drawn with reportlab's
graphics primitives so that labels wrap and every text uses the shipped font).

The value axis always starts at 0 (an auto-scaled axis would hide the smallest bar) and ends at the next multiple of
10 % above the largest value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from export.pdf.fonts import COND, SANS, SANS_BOLD
from export.pdf.measure import measure  # breaks at spaces, never at a non-breaking one
from export.pdf.styles import ACCENT, AVERAGE, INK, MUTED, RULE
from export.pdf.text import plain
from forms.fmt import format_percent

LABEL_SIZE = 8
VALUE_SIZE = 7.5
BAR = 8.0
GAP = 2.0
AFTER = 9.0
LEGEND = 16.0
AXIS = 16.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    average: Decimal | None


def _scale_max(bars: list[Bar]) -> float:
    top = max([float(b.value or 0) for b in bars] + [float(b.average or 0) for b in bars] + [10.0])
    return min(100.0, math.ceil(top / 10.0 + 0.05) * 10.0) if top < 100 else 100.0


def indicator_chart(bars: list[Bar], width: float) -> Drawing:
    """One block per indicator: its label, the cluster's bar and the KKK average's bar, with their values."""
    value_room = 58.0
    plot = width - value_room
    top = _scale_max(bars)
    blocks = []
    for b in bars:
        lines = measure(SANS, LABEL_SIZE).lines(plain(b.label), width)
        blocks.append((b, lines))
    height = LEGEND + AXIS + sum(len(lines) * (LABEL_SIZE + 2) + 2 * BAR + GAP + AFTER + 3 for _, lines in blocks)
    d = Drawing(width, height)
    # Legend.
    y = height - 9
    x = 0.0
    for colour, text in ((ACCENT, "Klaster"), (AVERAGE, "Średnia KKK")):
        d.add(Rect(x, y - 1, 9, 8, fillColor=colour, strokeColor=None))
        d.add(String(x + 13, y, text, fontName=SANS, fontSize=LABEL_SIZE, fillColor=INK))
        x += 13 + stringWidth(text, SANS, LABEL_SIZE) + 18
    y = height - LEGEND
    plot_top = y
    for b, lines in blocks:
        for line in lines:
            y -= LABEL_SIZE + 2
            d.add(String(0, y + 2, line, fontName=SANS, fontSize=LABEL_SIZE, fillColor=INK))
        y -= 3
        for value, colour, bold in ((b.value, ACCENT, True), (b.average, AVERAGE, False)):
            y -= BAR
            if value is None:
                d.add(String(0, y + 1.5, "brak danych", fontName=SANS, fontSize=VALUE_SIZE, fillColor=MUTED))
            else:
                length = plot * min(float(value), top) / top
                d.add(Rect(0, y, max(length, 0.6), BAR - 1, fillColor=colour, strokeColor=None))
                d.add(
                    String(
                        length + 4,
                        y + 1.3,
                        format_percent(value),
                        fontName=SANS_BOLD if bold else SANS,
                        fontSize=VALUE_SIZE,
                        fillColor=INK if bold else MUTED,
                    )
                )
            y -= GAP
        y -= AFTER
    # Value axis from 0: grid lines every 10 % (20 % when the scale is wide), labels under the plot.
    step = 10 if top <= 50 else 20
    bottom = y + AFTER - 2
    for tick in range(0, int(top) + 1, step):
        x = plot * tick / top
        d.insert(0, Line(x, bottom, x, plot_top, strokeColor=RULE, strokeWidth=0.4 if tick else 0.8))
        d.add(String(x, bottom - 9, f"{tick}\u00a0%", fontName=COND, fontSize=7, fillColor=MUTED, textAnchor="middle"))
    return d
