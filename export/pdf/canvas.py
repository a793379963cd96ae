"""A canvas that holds every page until `save` and then stamps each one: the header (application name and version),
the footer (checksum, "Strona X z Y"), the "WERSJA ROBOCZA" watermark on drafts and the table of contents."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from export.pdf.fonts import FILES, SANS, SANS_BOLD
from export.pdf.outline import draw_outlined, text_width
from export.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE, WATERMARK
from export.pdf.text import plain
from export.pdf.toc import Toc

WATERMARK_TEXT = "WERSJA ROBOCZA"
HEAD_SIZE = 7.5


@dataclass(frozen=True)
class Decor:
    """What every page carries."""

    name: str  # the application's name (the cluster)
    version: str  # e.g. "wersja 2 (korekta) · sfinalizowana 12.03.2025"
    checksum: str  # grouped, e.g. "3f9a-1c02-77be-90d4"
    draft: bool
    toc: Toc | None = None
    moment: dt.datetime | None = None  # the document's creation date in its metadata


class _Stamp:
    """What reportlab reads the creation and modification dates from (`TimeStamp`): a fixed moment, so that the
    same document gives the same bytes and still carries its real date."""

    def __init__(self, moment: dt.datetime) -> None:
        offset = moment.utcoffset() if moment.tzinfo else moment.astimezone().utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        self.YMDhms = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
        self.dhh, self.dmm = int(minutes / 60), abs(minutes) % 60
        self.t = moment.timestamp()
        self.lt = self.YMDhms
        self.tzname = ""


def page_label(number: int, total: int) -> str:
    return f"Strona {number} z {total}"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut a text with "…" so that it fits `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class NumberedCanvas(Canvas):
    def __init__(self, *args, decor: Decor, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        if decor.moment is not None:
            self._doc._timeStamp = _Stamp(decor.moment)
        self._held: list[dict] = []
        self._marks: dict[int, list[tuple[str, dict]]] = {}  # page number -> bookmarks set on it
        self._forms: set[str] = set()

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def bookmarkPage(self, key: str, **kwargs) -> None:  # noqa: N802 - reportlab's name
        """A destination refers to the page object being written, so it is set when the held page is written."""
        self._marks.setdefault(self.getPageNumber(), []).append((key, kwargs))

    def save(self) -> None:
        total = len(self._held)
        count = getattr(self, "_annotationCount", 0)  # links named while laying out: later ones never reuse a name
        for state in self._held:
            self.__dict__.update(state)
            self._annotationCount = max(count, getattr(self, "_annotationCount", 0))
            for key, kwargs in self._marks.get(self.getPageNumber(), ()):
                Canvas.bookmarkPage(self, key, **kwargs)
            self._stamp(total)
            count = self._annotationCount
            Canvas.showPage(self)
        self._held = []
        Canvas.save(self)

    # Stamps ----------------------------------------------------------------------------------------------------
    def _stamp(self, total: int) -> None:
        """The page's own parts (contents, page number, watermark) and, as one form drawn on every page of the same
        size, the parts all pages share (header, checksum): a 200-page PDF then holds them once."""
        d = self._decor
        number = self.getPageNumber()
        if d.toc is not None:
            d.toc.draw(self, number)
        width, height = self._pagesize
        name = f"KlasterPage{int(width)}x{int(height)}"
        if name not in self._forms:
            self.beginForm(name)
            self._shared(width, height)
            self.endForm()
            self._forms.add(name)
        self.doForm(name)
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(SANS_BOLD, HEAD_SIZE)
        self.drawRightString(width - MARGIN_X, MARGIN_BOTTOM - 14, page_label(number, total))
        if d.draft:  # as text in the footer, so that a search or `verify` finds it
            self.setFillColor(WATERMARK)
            self.drawCentredString(width / 2, MARGIN_BOTTOM - 14, WATERMARK_TEXT)
        self.restoreState()
        if d.draft:
            self._watermark(width, height)

    def _shared(self, width: float, height: float) -> None:
        d = self._decor
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        # Header: name left, version right, a hairline under them.
        y = height - MARGIN_TOP + 9
        version = plain(d.version)
        right = stringWidth(version, SANS, HEAD_SIZE)
        self.setFont(SANS, HEAD_SIZE)
        self.drawRightString(width - MARGIN_X, y, version)
        self.setFont(SANS_BOLD, HEAD_SIZE)
        self.drawString(MARGIN_X, y, _fit(plain(d.name), SANS_BOLD, HEAD_SIZE, width - 2 * MARGIN_X - right - 20))
        self.line(MARGIN_X, y - 3.5, width - MARGIN_X, y - 3.5)
        # Footer: checksum left (the page number is drawn per page), a hairline above.
        y = MARGIN_BOTTOM - 14
        self.line(MARGIN_X, y + 9, width - MARGIN_X, y + 9)
        self.setFont(SANS, HEAD_SIZE)
        self.drawString(MARGIN_X, y, f"Suma kontrolna SHA-256: {d.checksum}")

    def _watermark(self, width: float, height: float) -> None:
        """The diagonal "WERSJA ROBOCZA" as outlines (a drawing, not text: copying and searching skip it), once as a
        form per page size; the transparency is set on the page, and the form inherits it."""
        name = f"KlasterWatermark{int(width)}x{int(height)}"
        if name not in self._forms:
            font = FILES[SANS_BOLD]
            size = 0.62 * math.hypot(width, height) / text_width(WATERMARK_TEXT, 1, font)
            self.beginForm(name)
            self.setFillColor(WATERMARK)
            self.translate(width / 2, height / 2)
            self.rotate(math.degrees(math.atan2(height, width)))
            draw_outlined(self, WATERMARK_TEXT, -text_width(WATERMARK_TEXT, size, font) / 2, -size * 0.35, size, font)
            self.endForm()
            self._forms.add(name)
        self.saveState()
        self.setFillAlpha(0.13)
        self.doForm(name)
        self.restoreState()
