"""Page geometry, colours and paragraph styles of every PDF Klaster writes (one look for all of them)."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from export.pdf.fonts import COND, COND_BOLD, SANS, SANS_BOLD, SANS_ITALIC, register_fonts

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f3a68")  # headings, cover band, chart bars of the cluster
ACCENT_LIGHT = colors.HexColor("#e6ebf3")  # table header rows
MUTED = colors.HexColor("#5a6270")  # captions, header and footer
RULE = colors.HexColor("#aab2bf")  # table grid
ZEBRA = colors.HexColor("#f5f7fa")
AVERAGE = colors.HexColor("#9aa3b0")  # chart bars of the KKK average
GOOD = colors.HexColor("#1b7a2e")
BAD = colors.HexColor("#b3261e")
WARN = colors.HexColor("#9a6700")
WATERMARK = colors.HexColor("#c0392b")

BODY_SIZE = 9.5
CELL_SIZE = 8
CELL_LEADING = 10
CELL_PAD = 3


def frame_width(pagesize: tuple[float, float]) -> float:
    return pagesize[0] - 2 * MARGIN_X


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body", fontName=SANS, fontSize=BODY_SIZE, leading=13.2, textColor=INK, spaceAfter=4, bulletFontName=SANS
    )
    s = {"body": base}

    def add(name: str, **kw) -> None:
        parent = s[kw.pop("parent", "body")]
        s[name] = ParagraphStyle(name, parent=parent, **kw)

    add("text", spaceAfter=5, alignment=TA_LEFT)
    add(
        "h1", fontName=SANS_BOLD, fontSize=15, leading=19, textColor=ACCENT, spaceBefore=0, spaceAfter=8, keepWithNext=1
    )
    add(
        "h2",
        fontName=SANS_BOLD,
        fontSize=11.5,
        leading=15,
        textColor=ACCENT,
        spaceBefore=10,
        spaceAfter=5,
        keepWithNext=1,
    )
    add("h3", fontName=SANS_BOLD, fontSize=9.5, leading=13, textColor=INK, spaceBefore=6, spaceAfter=3, keepWithNext=1)
    add(
        "label",
        fontName=SANS_BOLD,
        fontSize=8.5,
        leading=11,
        textColor=MUTED,
        spaceBefore=5,
        spaceAfter=2,
        keepWithNext=1,
    )
    add("note", fontName=SANS_ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=4)
    add("empty", fontName=SANS_ITALIC, fontSize=BODY_SIZE, textColor=MUTED, spaceAfter=5)
    add("cell", fontName=COND, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0)
    add("cell_bold", parent="cell", fontName=COND_BOLD)
    add("cell_indent", parent="cell", leftIndent=12)
    add("kv_label", fontName=SANS, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=0)
    add("kv_value", fontSize=9, leading=12, spaceAfter=0)
    add("kv_empty", parent="kv_value", fontName=SANS_ITALIC, textColor=MUTED)
    add("cover_kind", fontName=SANS, fontSize=10, leading=14, textColor=colors.white, spaceAfter=0)
    add("cover_kind_big", fontName=SANS_BOLD, fontSize=13, leading=18, textColor=colors.white, spaceAfter=4)
    add("cover_title", fontName=SANS_BOLD, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=6)
    add("cover_sub", fontName=SANS, fontSize=12, leading=16, textColor=INK, spaceAfter=14)
    add("cover_draft", fontName=SANS_BOLD, fontSize=10, leading=13, textColor=WATERMARK, spaceAfter=6)
    add("small", fontSize=8, leading=10.5, spaceAfter=2)
    add("small_center", parent="small", alignment=TA_CENTER, textColor=MUTED)
    add("sign", parent="kv_value", alignment=TA_CENTER)
    add("declaration", fontSize=9.5, leading=13, spaceAfter=0)
    return s


def style(name: str) -> ParagraphStyle:
    return styles()[name]


def table_style(commands: list[tuple]) -> TableStyle:
    """A table style that starts every cell in the shipped font (reportlab's default cell font is Helvetica, which
    is set on the canvas for every cell, even one holding a Paragraph)."""
    register_fonts()
    return TableStyle([("FONT", (0, 0), (-1, -1), SANS, BODY_SIZE), *commands])
