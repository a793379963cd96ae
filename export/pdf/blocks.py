"""Building blocks both PDFs are made of: headings that feed the bookmarks and the contents, label/value tables,
long texts, data tables generated from table definitions, indicator tables and charts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from export.pdf.charts import Bar, indicator_chart
from export.pdf.styles import ACCENT, ACCENT_LIGHT, CELL_PAD, GOOD, BAD, RULE, style
from export.pdf.tables import CENTER, LEFT, RIGHT, Column, PagedTable, Record, column_widths
from export.pdf.text import markup, pieces
from export.pdf.values import EMPTY, difference_text, display, indicator_text, is_numeric
from forms.checks import field_applies
from forms.document import Document, Row
from forms.fmt import format_decimal, format_percent
from forms.indicators import IndicatorValue
from forms.schema import FieldDef, FormDefinition, TableDef

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


def kv_table(pairs: Sequence[tuple[str, str]], width: float, label_share: float = 0.36) -> Table:
    """Label | value rows; a value "brak" prints in grey italics."""
    data = []
    for label, value in pairs:
        vstyle = style("kv_empty") if value == EMPTY else style("kv_value")
        data.append([Paragraph(markup(label), style("kv_label")), Paragraph(markup(value), vstyle)])
    table = Table(data, colWidths=[width * label_share, width * (1 - label_share)], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]))
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
            pairs.append((f.label.pl, display(d, f, value)))
    flush()
    return out


# Data tables ---------------------------------------------------------------------------------------------------
def short_label(label: str) -> str:
    """`ERP – planowanie zasobów przedsiębiorstwa` -> `ERP` (only a dash outside parentheses cuts)."""
    cut = label.find(" – ")
    if cut > 0 and label[:cut].count("(") == label[:cut].count(")"):
        return label[:cut]
    return label


def cell_text(d: FormDefinition, col: FieldDef, value: Any) -> str:
    """A value in a table cell: compact (money without the currency, which the header names; short list labels)."""
    if value is None or value == "" or value == ():
        return CELL_EMPTY
    if col.type == "money":
        return format_decimal(Decimal(value), 2)
    if col.type == "multichoice":
        return ", ".join(short_label(d.choice_label(col.list or "", str(v))) for v in value)
    return display(d, col, value)


def column_title(col: FieldDef) -> str:
    label = col.label.pl
    if col.type == "money" and "PLN" not in label and "zł" not in label:
        label += " (zł)"
    return label.replace("(PLN)", "(zł)")


def _column(col: FieldDef) -> Column:
    align = RIGHT if is_numeric(col) else CENTER if col.type == "bool" else LEFT
    flexible = col.type in ("text", "longtext", "email", "url", "choice", "multichoice", "phone")
    weight = {"longtext": 2.6, "text": 1.7, "multichoice": 1.3, "email": 1.3, "url": 1.3}.get(col.type, 1.0)
    if col.key in ("name", "title"):
        weight = 2.6
    return Column(column_title(col), align, flexible, weight)


def is_wide(table: TableDef) -> bool:
    return len(grid_columns(table)) > WIDE_GRID


def grid_columns(table: TableDef) -> list[FieldDef]:
    """The columns printed as grid columns; long texts go under the row when the table has many columns."""
    if len(table.columns) > DETAIL_FROM:
        return [c for c in table.columns if c.type != "longtext"]
    return list(table.columns)


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

    `overrides` maps a column key to a function (row) -> cell text, for columns computed at print time."""
    if not rows:
        return empty_note()
    cols = grid_columns(table)
    details = [c for c in table.columns if c not in cols]
    overrides = overrides or {}
    columns = [Column("Lp.", RIGHT, False, 0.5)] + [_column(c) for c in cols]
    records = []
    for i, row in enumerate(rows, 1):
        cells = [f"{i}."]
        for c in cols:
            fn = overrides.get(c.key)
            cells.append(fn(row) if fn else cell_text(d, c, row.data.get(c.key)))
        extra = [(c.label.pl, str(row.data[c.key])) for c in details if row.data.get(c.key)]
        records.append(Record(cells, extra))
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


def indicator_rows(d: FormDefinition, values: Sequence[IndicatorValue]) -> list[list[str]]:
    rows = []
    for v in values:
        rows.append([
            v.definition.label.pl,
            indicator_text(v.value, v.is_percent, _count_labels(d, v)),
            format_percent(v.kkk_average) if v.kkk_average is not None else "",
            difference_text(v.difference) if v.kkk_average is not None else "",
        ])
    return rows


def indicator_table(d: FormDefinition, values: Sequence[IndicatorValue], width: float) -> Table:
    """Indicator | the cluster's value | KKK average | difference in percentage points (green above, red below)."""
    head = ["Wskaźnik", "Wartość", "Średnia KKK", "Różnica"]
    widths = [width - 3 * 68 - 20, 88, 68, 64]
    body = indicator_rows(d, values)
    data = [[Paragraph(markup(h), style("cell_bold")) for h in head]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 1), (-1, -1), style("cell").fontName, 8, 10),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    for r, (row, v) in enumerate(zip(body, values, strict=True), 1):
        data.append([Paragraph(markup(row[0]), style("cell"))] + [
            Paragraph(markup(row[1]), style("cell_right")) if isinstance(v.value, dict) else row[1],
            row[2], row[3]])
        if v.difference is not None and v.difference != 0:
            commands.append(("TEXTCOLOR", (3, r), (3, r), GOOD if v.difference > 0 else BAD))
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(commands), hAlign="LEFT")


def indicator_chart_block(values: Sequence[IndicatorValue], width: float) -> list[Flowable]:
    """The percentages that have a KKK average, as a bar chart (nothing when there are none)."""
    bars = [Bar(v.definition.label.pl, v.value, v.kkk_average) for v in values if v.kkk_average is not None]
    if not bars:
        return []
    return [KeepTogether([indicator_chart(bars, width)])]


def status_paragraph(ok: bool | None, text: str) -> Paragraph:
    """A one-line verdict: ✓ green, ✗ red, – grey (unknown)."""
    mark, colour = {True: ("✓", GOOD), False: ("✗", BAD), None: ("–", RULE)}[ok]
    return Paragraph(f'<font color="#{colour.hexval()[2:]}"><b>{mark}</b></font> {markup(text)}',
                     style("kv_value"))
