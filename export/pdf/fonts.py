"""The shipped Unicode font (DejaVu Sans) registered with reportlab, and text made safe for it.

reportlab starts every page in Helvetica, which is never embedded and has no Polish letters: `register_fonts`
points `rl_config.canvas_basefontname` at the shipped font, and every style names it explicitly too.
TrueType fonts are always embedded as subsets by reportlab.

`printable` replaces the characters the font lacks (most emoji, CJK ...) with a visible "□" and drops invisible
format characters it cannot draw, so user text never breaks an export and never prints as silent boxes.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from klaster.resources import resource_path

SANS = "KlasterSans"
SANS_BOLD = "KlasterSans-Bold"
SANS_ITALIC = "KlasterSans-Oblique"
SANS_BOLD_ITALIC = "KlasterSans-BoldOblique"
COND = "KlasterSansCond"
COND_BOLD = "KlasterSansCond-Bold"

FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    COND: "DejaVuSansCondensed.ttf",
    COND_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
LICENCE_FILE = "LICENSE-DejaVu.txt"
POLISH_LETTERS = "ąęłśżźćńóĄĘŁŚŻŹĆŃÓ"
SUBSTITUTE = "\u25a1"  # □, drawn where the font has no glyph

_lock = threading.Lock()
_registered = False
_missing: re.Pattern[str] | None = None


class FontError(RuntimeError):
    """The shipped font is missing or broken (a damaged installation); the message is Polish."""


@dataclass(frozen=True)
class Family:
    regular: str
    bold: str
    italic: str
    bold_italic: str


BODY = Family(SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC)
CONDENSED = Family(COND, COND_BOLD, COND, COND_BOLD)


def register_fonts() -> None:
    """Register the shipped faces once per process (thread-safe) and make them the canvas default."""
    global _registered, _missing
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in FILES.items():
            path = resource_path("fonts", file_name)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # noqa: BLE001 - any failure here means a damaged installation
                raise FontError(f"nie można wczytać czcionki {path}: {exc}") from exc
        for family in (BODY, CONDENSED):
            pdfmetrics.registerFontFamily(
                family.regular,
                normal=family.regular,
                bold=family.bold,
                italic=family.italic,
                boldItalic=family.bold_italic,
            )
        # Pages and drawings start in these instead of Helvetica (never embedded, no Polish letters).
        rl_config.canvas_basefontname = SANS
        rl_config.defaultGraphicsFontName = SANS
        _missing = _missing_pattern(_charmap(SANS) & _charmap(SANS_BOLD) & _charmap(COND) & _charmap(COND_BOLD))
        _registered = True


def _charmap(name: str) -> set[int]:
    """Code points with a glyph. Those beyond the Basic Multilingual Plane (DejaVu has a few emoji there) are left
    out: reportlab's ToUnicode map writes them as 4 hex digits, so 😀 would print but be read back as ὠ."""
    font = pdfmetrics.getFont(name)
    return {code for code, glyph in font.face.charToGlyph.items() if glyph and code <= 0xFFFF}


def _missing_pattern(codes: set[int]) -> re.Pattern[str]:
    """A regex matching one character outside `codes` (a negated class built from runs of code points)."""
    runs: list[tuple[int, int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    parts = []
    for lo, hi in runs:
        parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    # Line breaks and tabs are handled by the text layer, never substituted.
    return re.compile("[^\n\t" + "".join(parts) + "]")


def covers(text: str) -> bool:
    """Does every character of `text` have a glyph in the shipped faces?"""
    register_fonts()
    assert _missing is not None
    return _missing.search(text) is None


def _substitute(match: re.Match[str]) -> str:
    ch = match.group()
    if unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Me") or 0xFE00 <= ord(ch) <= 0xFE0F:
        return ""  # control and format characters, variation selectors, stray combining marks: invisible anyway
    return SUBSTITUTE


def printable(text: str) -> str:
    """NFC text where every character the font lacks is replaced by "□" (invisible ones dropped)."""
    register_fonts()
    assert _missing is not None
    text = unicodedata.normalize("NFC", text)
    if _missing.search(text) is None:
        return text
    return _missing.sub(_substitute, text)
