"""The table of contents, built in one pass.

reportlab's `TableOfContents` needs `multiBuild` (every page laid out at least twice). Here the entries are known
before the build (they come from the definition), so the number of pages the contents need is known too: the
story reserves those pages, headings report their page numbers while the document is laid out, and the canvas
(which holds every page until `save`) draws the contents onto the reserved pages at the end, with links.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from export.pdf.fonts import SANS, SANS_BOLD
from export.pdf.measure import measure  # breaks at spaces, never at a non-breaking one
from export.pdf.styles import ACCENT, INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PORTRAIT
from export.pdf.text import plain

TITLE = "Spis treści"
TITLE_SIZE = 15
NUMBER_COLUMN = 34.0
LEVELS = {  # level: (font, size, leading, indent, space before)
    0: (SANS_BOLD, 9.5, 13.0, 0.0, 7.0),
    1: (SANS, 8.8, 11.6, 14.0, 1.5),
    2: (SANS, 8.2, 10.8, 28.0, 0.0),
}


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    key: str


@dataclass
class _Placed:
    entry: TocEntry
    lines: list[str]
    y: float  # baseline of the first line


@dataclass
class Toc:
    entries: list[TocEntry]
    pagesize: tuple[float, float] = PORTRAIT
    page_of: dict[str, int] = field(default_factory=dict)  # entry key -> page number, filled during the build
    reserved: list[int] = field(default_factory=list)  # page numbers of the pages reserved for the contents
    _pages: list[list[_Placed]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._pages = self._layout()

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def _layout(self) -> list[list[_Placed]]:
        width = self.pagesize[0] - 2 * MARGIN_X
        top = self.pagesize[1] - MARGIN_TOP - TITLE_SIZE * 2.4
        bottom = MARGIN_BOTTOM + 10
        pages: list[list[_Placed]] = [[]]
        y = top
        for entry in self.entries:
            font, size, leading, indent, before = LEVELS[min(entry.level, 2)]
            lines = measure(font, size).lines(plain(entry.text), width - indent - NUMBER_COLUMN - 8)
            need = before + leading * len(lines)
            if y - need < bottom and pages[-1]:
                pages.append([])
                y = self.pagesize[1] - MARGIN_TOP - 10
            y -= before
            pages[-1].append(_Placed(entry, lines, y - size))
            y -= leading * len(lines)
        return pages

    def flowables(self) -> list[Flowable]:
        """What the story holds in place of the contents: one marker per reserved page."""
        from reportlab.platypus import PageBreak

        out: list[Flowable] = []
        for i in range(self.page_count):
            out.append(_Reserved(self, i))
            if i < self.page_count - 1:
                out.append(PageBreak())
        return out

    def draw(self, canv, page_number: int) -> None:
        """Draw the contents' part that belongs on `page_number` (called by the canvas at save)."""
        if page_number not in self.reserved:
            return
        index = self.reserved.index(page_number)
        width = self.pagesize[0] - 2 * MARGIN_X
        canv.saveState()
        if index == 0:
            canv.setFont(SANS_BOLD, TITLE_SIZE)
            canv.setFillColor(ACCENT)
            canv.drawString(MARGIN_X, self.pagesize[1] - MARGIN_TOP - TITLE_SIZE, TITLE)
        for placed in self._pages[index]:
            font, size, leading, indent, _ = LEVELS[min(placed.entry.level, 2)]
            page = self.page_of.get(placed.entry.key)
            canv.setFont(font, size)
            canv.setFillColor(MUTED if placed.entry.level > 1 else INK)
            y = placed.y
            for line in placed.lines:
                canv.drawString(MARGIN_X + indent, y, line)
                y -= leading
            last_y = y + leading
            end = MARGIN_X + indent + stringWidth(placed.lines[-1], font, size) + 4
            number = str(page) if page is not None else "—"
            right = MARGIN_X + width
            canv.drawRightString(right, last_y, number)
            dots_from = end
            dots_to = right - stringWidth(number, font, size) - 4
            if dots_to - dots_from > 6:
                canv.setFillColor(MUTED)
                dot = stringWidth(". ", font, size)
                count = int((dots_to - dots_from) / dot)
                canv.drawRightString(dots_to, last_y, ". " * count)
            if page is not None:
                canv.linkRect(
                    "",
                    placed.entry.key,
                    (MARGIN_X + indent, last_y - 2, right, placed.y + size),
                    relative=0,
                    thickness=0,
                )
        canv.restoreState()


class _Reserved(Flowable):
    """Marks a page reserved for the contents (draws nothing itself)."""

    def __init__(self, toc: Toc, index: int) -> None:
        super().__init__()
        self.toc, self.index = toc, index
        if index == 0:
            self.outline = (0, TITLE, "toc")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 1

    def draw(self) -> None:
        self.toc.reserved.append(self.canv.getPageNumber())
