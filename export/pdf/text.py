"""User text on its way into reportlab: NFC, glyphs the font has, markup escaped, line breaks kept.

A `Paragraph` parses its text as markup (`<b>` is honoured, `Tom & Jerry <b>x` raises), so everything typed by a
person goes through `markup` first and prints exactly as typed. Plain table cells and `drawString` are not parsed
and only need `plain`.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from export.pdf.fonts import printable

# A Paragraph wraps in time roughly quadratic in its length; longer lines are cut into pieces of about this size
# at a sentence (or at least a word) boundary. Only pathological texts ever reach it: form limits are 4000.
MAX_PIECE = 3000
_BLANKS = re.compile(r"\n\s*\n+")


NBSP = "\u00a0"
# Polish typesetting: a one-letter word (a conjunction or preposition) never ends a line; it is glued to the next.
_SINGLE = re.compile(r"(?<![\w.\-/@])([aiouwzAIOUWZ]) (?=\S)")
# "sp. z o.o.", "sp. j.", "sp. k." and "S.A." never split, nor are they parted from the name before them.
_COMPANY = re.compile(r"\b(sp\.)[ ]+(z)[ ]+(o\.)[ ]?(o\.)", re.IGNORECASE)
_COMPANY_TAIL = re.compile(r"[ ]+(?=(?:sp\.\u00a0z\u00a0o\.o\.|S\.A\.|sp\.[ ]?[jk]\.|s\.c\.)(?!\w))", re.IGNORECASE)
# Numbers stay with their units and abbreviations with their numbers: "12 %", "5 osób", "nr 3", "2025 r.".
_UNIT = re.compile(r"(\d)[ ]+(?=(?:zł|%|r\.|tys\.|mln|mld|km|kg|ha|m²|m2|osób|os\.|p\.p\.|pkt|szt\.)(?!\w))")
_BEFORE_NUMBER = re.compile(r"(?<!\w)(nr|ust\.|pkt|art\.|§|poz\.|str\.|s\.|tel\.)[ ]+(?=\d|\+)", re.IGNORECASE)


def typeset(text: str) -> str:
    """Non-breaking spaces where Polish typesetting wants them: after one-letter words, inside and before
    "sp. z o.o." / "S.A.", between numbers and their units, after "nr", "ust.", "tel." before a number."""
    if " " not in text:
        return text
    text = _COMPANY.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}{NBSP}{m.group(3)}{m.group(4)}", text)
    text = _COMPANY_TAIL.sub(NBSP, text)
    text = _SINGLE.sub(lambda m: m.group(1) + NBSP, text)
    text = _UNIT.sub(lambda m: m.group(1) + NBSP, text)
    return _BEFORE_NUMBER.sub(lambda m: m.group(1) + NBSP, text)


def plain(text: str) -> str:
    """Text for a plain table cell or `drawString`: printable characters, tabs as spaces, Polish non-breaking
    spaces (`typeset`)."""
    return typeset(printable(str(text)).replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n"))


def markup(text: str) -> str:
    """Text for a `Paragraph`: printable, escaped (`<`, `>`, `&` print as typed), new lines as `<br/>`."""
    return escape(plain(text)).replace("\n", "<br/>")


def clip(text: str, limit: int) -> str:
    """`text` shortened to `limit` characters (…) for a place that cannot split across pages (a table row that
    must fit one page, a signature block kept together); the full text is printed where it belongs."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def pieces(text: str) -> list[str]:
    """A long text as paragraph markups: one per block separated by a blank line, long blocks cut further."""
    out: list[str] = []
    for block in _BLANKS.split(plain(text).strip()):
        block = block.strip("\n")
        if not block:
            continue
        while len(block) > MAX_PIECE:
            cut = _cut_at(block, MAX_PIECE)
            out.append(markup(block[:cut].rstrip()))
            block = block[cut:].lstrip(" ")
        out.append(markup(block))
    return out


def split_text(text: str, limit: int) -> list[str]:
    """`text` in parts of at most about `limit` characters, cut at a sentence, line or word boundary if any."""
    parts: list[str] = []
    while len(text) > limit:
        cut = _cut_at(text, limit)
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" \n")
    parts.append(text)
    return parts


def _cut_at(block: str, limit: int) -> int:
    """Where to cut a long block: after the last sentence end, line break or space before `limit`."""
    for pattern in (". ", "\n", " "):
        at = block.rfind(pattern, limit // 2, limit)
        if at > 0:
            return at + len(pattern)
    return limit
