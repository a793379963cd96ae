"""Data tables drawn page by page with their header row on every page (widths: `columns`).

`PagedTable` measures every row once and, at a page break, starts a new reportlab `Table` with the header row and
exactly the rows that fit. A single long `Table` re-measures all remaining rows at every page (quadratic: 19.9 s for
20,000 rows); fixed-size chunks repeat the header in the middle of a page. Here each page is one small table.

Cells are plain strings broken into lines here (see `measure`). A record is one table row plus, optionally, a
full-width detail line under it (the columns that do not fit the width, long texts) so that the grid keeps legible
widths. A record taller than a whole page prints its main row as a table and its details as paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.tables import CellStyle

from export.pdf.columns import Column, Record, body_measure, head_measure
from export.pdf.fonts import COND, COND_BOLD
from export.pdf.measure import Measure
from export.pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    CELL_LEADING,
    CELL_PAD,
    CELL_SIZE,
    INK,
    RULE,
    ZEBRA,
    style,
)
from export.pdf.text import markup, pieces

INLINE_MAX = 90  # detail items up to this many characters share a line, longer ones get lines of their own


class DetailLines(Flowable):
    """The detail line under a row: `Label: value · Label: value` with bold labels; long items on lines of their own.

    Laid out with the cached word widths and drawn as plain runs: a `Paragraph` per record (markup parsing, two
    wraps) cost more than the rest of the table together."""

    def __init__(self, items: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.items = list(items)
        self._lines: list[list[tuple[str, list[str]]]] = []  # per line: runs of (font, words)
        self._for_width = -1.0

    def _layout(self, width: float) -> list[list[tuple[str, list[str]]]]:
        """Greedy line filling; the space after a word is printed in that word's font (it ends its run)."""
        body, bold = body_measure(), head_measure()
        lines: list[list[tuple[str, list[str]]]] = [[]]
        x = 0.0
        before = body  # the font of the previous word on the line: its space separates it from the next

        def put(font: Measure, word: str) -> None:
            nonlocal x, before
            w = font.word(word)
            if w > width:
                for piece in font._cut(word, width):
                    put(font, piece)
                return
            line = lines[-1]
            if line and x + before.space + w > width:
                line = []
                lines.append(line)
                x = 0.0
            if line:
                x += before.space
            if line and line[-1][0] == font.font:
                line[-1][1].append(word)
            else:
                line.append((font.font, [word]))
            x += w
            before = font

        def newline() -> None:
            nonlocal x
            if lines[-1]:
                lines.append([])
                x = 0.0

        previous_long = False
        for n, (label, text) in enumerate(self.items):
            long = len(text) > INLINE_MAX or "\n" in text
            if n and (long or previous_long):
                newline()
            elif n:
                put(body, "\u00b7")
            for word in f"{label}:".split(" "):
                if word:
                    put(bold, word)
            for k, para in enumerate(text.split("\n")):
                if k:
                    newline()
                for word in para.split(" "):  # not split(): non-breaking spaces hold words together
                    if word:
                        put(body, word)
            previous_long = long
        return [line for line in lines if line] or [[]]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._for_width:
            self._lines, self._for_width = self._layout(availWidth), availWidth
        self.width, self.height = availWidth, CELL_LEADING * len(self._lines)
        return self.width, self.height

    def draw(self) -> None:
        text = self.canv.beginText()
        text.setFillColor(INK)
        y = self.height - CELL_SIZE
        font = None
        for line in self._lines:
            text.setTextOrigin(0, y)
            for n, (run_font, words) in enumerate(line):
                if run_font != font:
                    text.setFont(run_font, CELL_SIZE)
                    font = run_font
                text.textOut(" ".join(words) + (" " if n < len(line) - 1 else ""))
            y -= CELL_LEADING
        self.canv.drawText(text)


class PagedTable(Flowable):
    """A data table that splits at page breaks into tables that each start with the header row."""

    def __init__(
        self,
        columns: Sequence[Column],
        records: Sequence[Record],
        widths: Sequence[float],
        *,
        frame_height: float | None = None,
        first_index: int = 0,
        _prepared: tuple | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.records = list(records)
        self.widths = list(widths)
        self.width = sum(self.widths)
        self.frame_height = frame_height  # a full page's frame: tells an oversized record from a full page
        self.first_index = first_index
        if _prepared is None:
            header = [
                "\n".join(head_measure().lines(c.title, w - 2 * CELL_PAD))
                for c, w in zip(self.columns, self.widths, strict=True)
            ]
            header_height = _height(header)
            cells = [self._rows(rec) for rec in self.records]
            _prepared = (header, header_height, cells, [self._heights(rows) for rows in cells])
        self.header, self.header_height, self.cells, self.row_heights = _prepared
        self.heights = [sum(h) for h in self.row_heights]

    # Cells -----------------------------------------------------------------------------------------------------
    def _rows(self, rec: Record) -> list[list]:
        body = body_measure()
        row: list = []
        for col, text, w in zip(self.columns, rec.cells, self.widths, strict=True):
            if col.flexible or "\n" in text:
                text = "\n".join(body.lines(text, w - 2 * CELL_PAD))
            row.append(text)
        rows = [row]
        if rec.details:
            rows.append(["", DetailLines(rec.details)] + [""] * (len(self.columns) - 2))
        return rows

    def _heights(self, rows: list[list]) -> list[float]:
        out = [_height(rows[0])]
        if len(rows) > 1:  # the detail row: one paragraph spanning all columns but the first, no top padding
            out.append(rows[1][1].wrap(sum(self.widths[1:]) - 2 * CELL_PAD, 1e6)[1] + CELL_PAD)
        return out

    # Flowable --------------------------------------------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self.header_height + sum(self.heights)
        return self.width, self.height

    def keep_height(self) -> float:
        """What must fit below a heading kept with this table: the header and the first row."""
        return self.header_height + (self.heights[0] if self.heights else 0.0)

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
            if self.heights and self.frame_height is not None and self.keep_height() > self.frame_height:
                return self._split_oversized(availHeight)
            return []
        if n >= len(self.records):
            return [self._table(0, len(self.records))]
        return [self._table(0, n), self._rest(n)]

    def _rest(self, n: int) -> PagedTable:
        return PagedTable(
            self.columns,
            self.records[n:],
            self.widths,
            frame_height=self.frame_height,
            first_index=self.first_index + n,
            _prepared=(self.header, self.header_height, self.cells[n:], self.row_heights[n:]),
        )

    def _split_oversized(self, available: float) -> list[Flowable]:
        """The first record alone is taller than a page: its main row as a table with any cell too long for a page
        printed below it, as paragraphs that split across pages, like its details. Nothing (the next page) when
        not even that main row fits in what is left of this page."""
        rec = self.records[0]
        limit = (self.frame_height or 0.0) - self.header_height
        cells, moved = list(rec.cells), []
        for i, (col, text) in enumerate(zip(self.columns, self.cells[0][0], strict=True)):
            if CELL_LEADING * (text.count("\n") + 1) + 2 * CELL_PAD > limit / 2:
                moved.append((col.title, rec.cells[i]))
                cells[i] = "(tekst poniżej)"
        main = PagedTable(self.columns, [Record(cells)], self.widths, first_index=self.first_index)
        if main.header_height + main.heights[0] > available + 1e-6:
            return []
        out: list[Flowable] = [main._table(0, 1)]
        for label, text in moved + rec.details:
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
        """One page's table. Cell styles are made from classes that already carry the font, padding and alignment:
        style commands spanning every cell cost a pass over all of them each."""
        head, body, detail = _cell_classes(tuple(c.align for c in self.columns))
        data: list[list] = [self.header]
        heights = [self.header_height]
        styles = [[cls("") for cls in head]]
        commands: list[tuple] = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ]
        row = 1
        for k in range(start, stop):
            rows = self.cells[k]
            data.extend(rows)
            heights.extend(self.row_heights[k])
            styles.append([cls("") for cls in body])
            last = row + len(rows) - 1
            if last > row:
                styles.append([cls("") for cls in detail])
                commands.append(("SPAN", (1, last), (-1, last)))
            if (k + self.first_index) % 2 == 1:
                commands.append(("BACKGROUND", (0, row), (-1, last), ZEBRA))
            commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, RULE))
            row = last + 1
        return Table(data, colWidths=self.widths, rowHeights=heights, style=commands, cellStyles=styles, hAlign="LEFT")


@cache
def _cell_classes(aligns: tuple[str, ...]) -> tuple[list[type], list[type], list[type]]:
    """Cell style classes for the header row, a main row and a detail row of a table with these alignments."""
    base = {
        "fontname": COND,
        "fontsize": CELL_SIZE,
        "leading": CELL_LEADING,
        "leftPadding": CELL_PAD,
        "rightPadding": CELL_PAD,
        "topPadding": CELL_PAD,
        "bottomPadding": CELL_PAD,
        "valign": "TOP",
        "color": INK,
    }
    made: dict[tuple, type] = {}

    def cls(**extra) -> type:
        key = tuple(sorted(extra.items()))
        if key not in made:
            made[key] = type("KlasterCell", (CellStyle,), {**base, **extra})
        return made[key]

    head = [cls(fontname=COND_BOLD) for _ in aligns]
    body = [cls(alignment=a) for a in aligns]
    detail = [cls(topPadding=0) for _ in aligns]
    return head, body, detail


def _height(row: list[str]) -> float:
    """A row of plain cells: its tallest cell's lines, with padding."""
    return CELL_LEADING * max((c.count("\n") + 1 for c in row), default=1) + 2 * CELL_PAD
