"""Building blocks both PDFs are made of: headings that feed the bookmarks and the contents, label/value tables,
long texts, data tables generated from table definitions, indicator tables and charts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from export.pdf.charts import Bar, indicator_chart
from export.pdf.columns import CENTER, LEFT, RIGHT, Column, Record, column_widths, fitting_prefix
from export.pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    BAD,
    CELL_LEADING,
    CELL_PAD,
    CELL_SIZE,
    GOOD,
    RULE,
    style,
    table_style,
)
from export.pdf.tables import PagedTable
from export.pdf.text import markup, pieces, plain, split_text
from export.pdf.values import EMPTY, difference_text, indicator_text, is_numeric
from forms.checks import field_applies
from forms.display import value_text
from forms.document import Document, Row
from forms.fmt import format_decimal, format_percent
from forms.indicators import IndicatorValue
from forms.schema import FieldDef, FormDefinition, TableDef
from forms.values import is_empty

CELL_EMPTY = "—"
WIDE_GRID = 9  # a table with more grid columns than this prints on landscape pages
DETAIL_FROM = 6  # tables with more columns than this print their long texts under each row


class Heading(Paragraph):
    """A heading that becomes a PDF bookmark and (levels 0-1) an entry of the contents."""

    def __init__(self, text: str, level: int, key: str, style_name: str) -> None:
        super().__init__(markup(text), style(style_name))
        self.outline = (level, text, key)


def heading(text: str, level: int, key: str) -> Heading:
    return Heading(text, level, key, ("h1", "h2", "h3")[min(level, 2)])


def empty_note(text: str = EMPTY) -> Paragraph:
    return Paragraph(markup(text), style("empty"))


def long_text(label: str, value: str | None) -> list[Flowable]:
    """A labelled long text that wraps and splits across pages; "brak" when empty."""
    out: list[Flowable] = [Paragraph(markup(label), style("label"))]
    if not value:
        out.append(empty_note())
    else:
        out.extend(Paragraph(p, style("text")) for p in pieces(value))
    return out


KV_PIECE = 500  # characters of a value per row of a label | value table
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:)]", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def linked(text: str) -> str:
    """`markup(text)` with its web and e-mail addresses as links (clickable in a PDF viewer)."""
    out, at = [], 0
    for found in sorted([*_URL.finditer(text), *_EMAIL.finditer(text)], key=lambda m: m.start()):
        if found.start() < at:
            continue
        address = found.group(0)
        target = ("mailto:" + address) if "@" in address and "://" not in address else address
        target = "https://" + target if target.lower().startswith("www.") else target
        out.append(markup(text[at : found.start()]))
        href = escape(target, {'"': "&quot;"})
        out.append(f'<a href="{href}" color="#{ACCENT.hexval()[2:]}">{markup(address)}</a>')
        at = found.end()
    out.append(markup(text[at:]))
    return "".join(out)


def kv_table(pairs: Sequence[tuple[str, str]], width: float, label_share: float = 0.36) -> Table:
    """Label | value rows; a value "brak" prints in grey italics."""
    data = []
    for label, value in pairs:
        vstyle = style("kv_empty") if value == EMPTY else style("kv_value")
        # A table splits only between rows, so a long value is continued on rows of its own, each well below a page.
        for n, part in enumerate(split_text(value, KV_PIECE)):
            head = Paragraph(markup(label) if n == 0 else "", style("kv_label"))
            data.append([head, Paragraph(linked(part), vstyle)])
    table = Table(data, colWidths=[width * label_share, width * (1 - label_share)], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ]
        )
    )
    return table


def field_blocks(doc: Document, fields: Iterable[FieldDef], width: float) -> list[Flowable]:
    """The fields of a criterion: short ones as a label/value table, long texts as paragraphs; fields that do not
    apply (an unmet `applies_if`) are left out."""
    d = doc.definition
    out: list[Flowable] = []
    pairs: list[tuple[str, str]] = []

    def flush() -> None:
        if pairs:
            out.append(kv_table(list(pairs), width))
            out.append(Spacer(1, 4))
            pairs.clear()

    for f in fields:
        if not field_applies(f, doc.values):
            continue
        value = doc.values.get(f.key)
        if f.type == "longtext":
            flush()
            out.extend(long_text(f.label.pl, value))
        else:
            pairs.append((f.label.pl, value_text(d, f, value)))
    flush()
    return out


# Data tables ---------------------------------------------------------------------------------------------------
def cell_text(d: FormDefinition, col: FieldDef, value: Any) -> str:
    """A value in a table cell: compact (money without the currency, which the header names; short list labels)."""
    if is_empty(value):
        return CELL_EMPTY
    if col.type == "money":
        return format_decimal(Decimal(value), 2)
    return value_text(d, col, value, short_labels=True)


def column_title(col: FieldDef) -> str:
    label = col.label.pl
    if col.type == "money" and "PLN" not in label and "zł" not in label:
        label += " (zł)"
    return label.replace("(PLN)", "(zł)")


def _column(col: FieldDef) -> Column:
    align = RIGHT if is_numeric(col) else CENTER if col.type == "bool" else LEFT
    flexible = col.type in ("text", "longtext", "email", "url", "choice", "multichoice", "phone")
    flexible = flexible and col.key != "sha256"  # a hash prints as two fixed lines, never wrapped further
    weight = {"longtext": 2.6, "text": 1.7, "multichoice": 1.3, "email": 1.3, "url": 1.3}.get(col.type, 1.0)
    if col.key in ("name", "title"):
        weight = 2.6
    return Column(plain(column_title(col)), align, flexible, weight)


def is_wide(table: TableDef) -> bool:
    return len(table.columns) > WIDE_GRID


def data_table(
    d: FormDefinition,
    table: TableDef,
    rows: Sequence[Row],
    width: float,
    frame_height: float,
    *,
    overrides: dict[str, Any] | None = None,
) -> Flowable:
    """A table of the definition as a `PagedTable` (numbered rows, header on every page); "brak" when empty.

    The leading columns that fit at a legible width form the grid; the others (and, in tables of many columns,
    the long texts) print under each row. `overrides` maps a column key to a function (row) -> cell text, for
    columns computed at print time."""
    if not rows:
        return empty_note()
    overrides = overrides or {}
    cols = list(table.columns)
    texts = [
        [plain(overrides[c.key](row) if c.key in overrides else cell_text(d, c, row.data.get(c.key))) for row in rows]
        for c in cols
    ]
    candidates = [i for i, c in enumerate(cols) if not (c.type == "longtext" and len(cols) > DETAIL_FROM)]
    lp = Column("Lp.", RIGHT, False, 0.5)
    numbers = [f"{i}." for i in range(1, len(rows) + 1)]
    keep = (
        fitting_prefix([lp] + [_column(cols[i]) for i in candidates], [numbers] + [texts[i] for i in candidates], width)
        - 1
    )
    grid = candidates[:keep]
    rest = [i for i in range(len(cols)) if i not in grid]
    columns = [lp] + [_column(cols[i]) for i in grid]
    records = []
    for r in range(len(rows)):
        details = [(plain(cols[i].label.pl), texts[i][r]) for i in rest if texts[i][r] != CELL_EMPTY]
        records.append(Record([numbers[r]] + [texts[i][r] for i in grid], details))
    widths = column_widths(columns, records, width)
    return PagedTable(columns, records, widths, frame_height=frame_height)


# Indicators ----------------------------------------------------------------------------------------------------
def _count_labels(d: FormDefinition, value: IndicatorValue) -> dict[str, str]:
    column = value.definition.params.get("column")
    table = value.definition.params.get("table", "members")
    if column and d.has_table(table) and d.table(table).has_column(column):
        list_id = d.table(table).column(column).list
        if list_id:
            return {c.code: c.label.pl for c in d.choices(list_id)}
    return {}


def indicator_table(d: FormDefinition, values: Sequence[IndicatorValue], width: float) -> Table:
    """Indicator | the cluster's value | KKK average | difference in percentage points (green above, red below).
    Counts by category (members by type) follow their indicator as indented rows."""
    width = min(width, 540.0)
    averaged = any(v.kkk_average is not None for v in values)  # no empty columns: without averages, two
    head = ["Wskaźnik", "Wartość", "Średnia KKK", "Różnica"] if averaged else ["Wskaźnik", "Wartość"]
    widths = [width - 92 - 64 - 62, 92, 64, 62] if averaged else [width - 92, 92]
    cell, bold = style("cell"), style("cell_bold")
    data: list[list] = [[Paragraph(markup(h), bold) for h in head]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 1), (-1, -1), cell.fontName, CELL_SIZE, CELL_LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    for v in values:
        r = len(data)
        if isinstance(v.value, dict):
            data.append([Paragraph(markup(v.definition.label.pl), cell), "", "", ""])
            labels = _count_labels(d, v)
            order = list(labels)
            for code in sorted(v.value, key=lambda k: (order.index(k) if k in order else len(order), k)):
                data.append(
                    [
                        Paragraph(markup(labels.get(code, code)), style("cell_indent")),
                        indicator_text(v.value[code], False),
                        "",
                        "",
                    ]
                )
        else:
            data.append(
                [
                    Paragraph(markup(v.definition.label.pl), cell),
                    indicator_text(v.value, v.is_percent),
                    format_percent(v.kkk_average) if v.kkk_average is not None else "",
                    difference_text(v.difference) if v.kkk_average is not None else "",
                ]
            )
            if v.difference is not None and v.difference != 0:
                commands.append(("TEXTCOLOR", (3, r), (3, r), GOOD if v.difference > 0 else BAD))
        commands.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), 0.4, RULE))
    if not averaged:
        data = [row[:2] for row in data]
        commands = [c for c in commands if not (c[0] == "TEXTCOLOR" and c[1][0] == 3)]
    return Table(data, colWidths=widths, repeatRows=1, style=table_style(commands), hAlign="LEFT")


def indicator_chart_block(values: Sequence[IndicatorValue], width: float) -> list[Flowable]:
    """The percentages that have a KKK average, as a bar chart (nothing when there are none)."""
    bars = [Bar(v.definition.label.pl, v.value, v.kkk_average) for v in values if v.kkk_average is not None]
    if not bars:
        return []
    return [indicator_chart(bars, width)]  # a drawing never splits; a heading before it stays with it


def status_paragraph(ok: bool | None, text: str) -> Paragraph:
    """A one-line verdict: ✓ green, ✗ red, – grey (unknown)."""
    mark, colour = {True: ("✓", GOOD), False: ("✗", BAD), None: ("–", RULE)}[ok]
    return Paragraph(f'<font color="#{colour.hexval()[2:]}"><b>{mark}</b></font> {markup(text)}', style("kv_value"))
