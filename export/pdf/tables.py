"""Data tables: column widths from the content, and a table drawn page by page with its header on every page.

`PagedTable` measures every row once and, at a page break, starts a new reportlab `Table` with the header row and
exactly the rows that fit. A single long `Table` re-measures all remaining rows at every page (quadratic: 19.9 s for
20,000 rows); fixed-size chunks repeat the header in the middle of a page. Here each page is one small table.

A record is one table row plus, optionally, a full-width detail line under it for long texts (project results,
descriptions) so that the short columns keep legible widths. A record taller than a whole page prints its main row
as a table and its long texts as ordinary paragraphs that split across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from export.pdf.fonts import COND, COND_BOLD
from export.pdf.styles import ACCENT, ACCENT_LIGHT, CELL_LEADING, CELL_PAD, CELL_SIZE, INK, RULE, ZEBRA, style
from export.pdf.text import markup, pieces

LEFT, RIGHT, CENTER = "LEFT", "RIGHT", "CENTER"
MIN_FLEX = 42.0  # points: the narrowest a wrapping column may get


@dataclass(frozen=True)
class Column:
    title: str
    align: str = LEFT
    flexible: bool = True  # wraps (text); False: kept on one line (numbers, dates, identifiers)
    weight: float = 1.0  # share of the spare width among flexible columns


@dataclass
class Record:
    cells: list[str]
    details: list[tuple[str, str]] = field(default_factory=list)  # (label, long text) printed under the row


def _width(text: str, font: str, size: float) -> float:
    return max((stringWidth(line, font, size) for line in text.split("\n")), default=0.0)


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(w, font, size) for w in text.split()), default=0.0)


def column_widths(columns: Sequence[Column], records: Sequence[Record], total: float, size: float = CELL_SIZE) -> list[float]:
    """Widths that fit `total`: one-line columns get their content's width, wrapping ones share the rest."""
    pad = 2 * CELL_PAD + 0.5
    natural = [0.0] * len(columns)
    for rec in records:
        for i, cell in enumerate(rec.cells):
            w = stringWidth(cell, COND, size) if "\n" not in cell else _width(cell, COND, size)
            if w > natural[i]:
                natural[i] = w
    widths = []
    for col, nat in zip(columns, natural, strict=True):
        head = _longest_word(col.title, COND_BOLD, size) + pad
        widths.append(max(head, nat + pad) if not col.flexible else max(head, MIN_FLEX))
    fixed = sum(w for w, c in zip(widths, columns, strict=True) if not c.flexible)
    flex = [i for i, c in enumerate(columns) if c.flexible]
    if not flex:
        scale = total / fixed if fixed else 1.0
        return [w * scale for w in widths]
    spare = total - fixed
    want = {i: max(widths[i], natural[i] + pad) for i in flex}
    if sum(want.values()) <= spare:
        # Everything fits on one line: give the extra room to the flexible columns in proportion to their weights.
        extra = spare - sum(want.values())
        weights = sum(columns[i].weight for i in flex)
        for i in flex:
            widths[i] = want[i] + extra * columns[i].weight / weights
        return widths
    # Not enough room: share by weight, never below each column's minimum.
    free = list(flex)
    room = spare
    while free:
        weights = sum(columns[i].weight for i in free)
        share = {i: room * columns[i].weight / weights for i in free}
        small = [i for i in free if share[i] < widths[i]]
        if not small:
            for i in free:
                widths[i] = share[i]
            break
        for i in small:
            room -= widths[i]
            free.remove(i)
    overflow = sum(widths) - total
    if overflow > 0.5:  # even the minimums do not fit: shrink everything proportionally
        scale = total / sum(widths)
        widths = [w * scale for w in widths]
    return widths


class PagedTable(Flowable):
    """A data table that splits at page breaks into tables that each start with the header row."""

    def __init__(
        self,
        columns: Sequence[Column],
        records: Sequence[Record],
        widths: Sequence[float],
        *,
        _header: tuple[list, float] | None = None,
        _rows: tuple[list, list] | None = None,
        first_index: int = 0,
        frame_height: float | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.records = list(records)
        self.widths = list(widths)
        self.width = sum(self.widths)
        self.first_index = first_index
        self.frame_height = frame_height  # a full page's frame: tells an oversized record from a full page
        if _header is None:
            header = [Paragraph(markup(c.title), style("cell_bold")) for c in self.columns]
            _header = (header, self._measure(header))
        self.header, self.header_height = _header
        if _rows is None:
            cells = [self._cells(rec) for rec in self.records]
            _rows = (cells, [self._heights(rows) for rows in cells])
        self.cells, self.row_heights = _rows  # per record: its rows (main, detail) and their heights
        self.heights = [sum(h) for h in self.row_heights]

    # Cells -----------------------------------------------------------------------------------------------------
    def _cells(self, rec: Record) -> list[list]:
        row: list = []
        for col, text, w in zip(self.columns, rec.cells, self.widths, strict=True):
            if "\n" not in text and (not col.flexible or stringWidth(text, COND, CELL_SIZE) <= w - 2 * CELL_PAD):
                row.append(text)
            else:
                row.append(Paragraph(markup(text), style("cell_right" if col.align == RIGHT else "cell")))
        rows = [row]
        if rec.details:
            body = "<br/>".join(f"<b>{markup(label)}:</b> {markup(text)}" for label, text in rec.details)
            rows.append(["", Paragraph(body, style("cell"))] + [""] * (len(self.columns) - 2))
        return rows

    def _heights(self, rows: list[list]) -> list[float]:
        out = [self._measure(rows[0])]
        if len(rows) > 1:  # the detail row: one paragraph spanning all columns but the first, no top padding
            para = rows[1][1]
            out.append(para.wrap(sum(self.widths[1:]) - 2 * CELL_PAD, 1e6)[1] + CELL_PAD)
        return out

    def _measure(self, row: list) -> float:
        """The height of one table row (what `Table` would compute), padding included."""
        tallest = CELL_LEADING
        for cell, w in zip(row, self.widths, strict=True):
            if cell.__class__ is str:
                h = CELL_LEADING * (cell.count("\n") + 1)
            else:
                h = cell.wrap(w - 2 * CELL_PAD, 1e6)[1]
            if h > tallest:
                tallest = h
        return tallest + 2 * CELL_PAD

    # Flowable --------------------------------------------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self.header_height + sum(self.heights)
        return self.width, self.height

    def _fits(self, height: float) -> int:
        used, n = self.header_height, 0
        for h in self.heights:
            if used + h > height + 1e-6:
                break
            used += h
            n += 1
        return n

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        n = self._fits(availHeight)
        if n == 0:
            if self.heights and self.frame_height is not None and self.header_height + self.heights[0] > self.frame_height:
                return self._split_oversized()
            return []
        if n >= len(self.records):
            return [self._table(0, len(self.records))]
        return [self._table(0, n), self._rest(n)]

    def _rest(self, n: int) -> PagedTable:
        rest = PagedTable(
            self.columns,
            self.records[n:],
            self.widths,
            _header=(self.header, self.header_height),
            _rows=(self.cells[n:], self.row_heights[n:]),
            first_index=self.first_index + n,
            frame_height=self.frame_height,
        )
        return rest

    def _split_oversized(self) -> list[Flowable]:
        """The first record alone is taller than a page: its main row as a table, its long texts as paragraphs."""
        rec = self.records[0]
        main = PagedTable(self.columns, [Record(rec.cells)], self.widths, _header=(self.header, self.header_height),
                          first_index=self.first_index)
        out: list[Flowable] = [main._table(0, 1)]
        for label, text in rec.details:
            out.append(Paragraph(f"{markup(label)}:", style("label")))
            out.extend(Paragraph(p, style("text")) for p in pieces(text))
        if len(self.records) > 1:
            out.append(self._rest(1))
        return out

    def draw(self) -> None:
        table = self._table(0, len(self.records))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def _table(self, start: int, stop: int) -> Table:
        data: list[list] = [self.header]
        heights = [self.header_height]
        commands: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), COND, CELL_SIZE, CELL_LEADING),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ]
        for i, col in enumerate(self.columns):
            if col.align != LEFT:
                commands.append(("ALIGN", (i, 1), (i, -1), col.align))
        row = 1
        for k in range(start, stop):
            rows = self.cells[k]
            data.extend(rows)
            heights.extend(self.row_heights[k])
            last = row + len(rows) - 1
            if (k + self.first_index) % 2 == 1:
                commands.append(("BACKGROUND", (0, row), (-1, last), ZEBRA))
            if last > row:
                commands.append(("SPAN", (1, last), (-1, last)))
                commands.append(("TOPPADDING", (0, last), (-1, last), 0))
            commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, RULE))
            row = last + 1
        return Table(data, colWidths=self.widths, rowHeights=heights, style=TableStyle(commands), hAlign="LEFT")
