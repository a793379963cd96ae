"""Columns of a data table and their widths, decided from the content.

One-line columns (numbers, dates, identifiers) get their content's width; wrapping columns share the rest by weight,
never narrower than their longest word (up to a cap). In a table with more columns than fit legibly, only the
leading columns that do fit stay in the grid (`fitting_prefix`); the others print under each row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from export.pdf.fonts import COND, COND_BOLD
from export.pdf.measure import Measure, measure
from export.pdf.styles import CELL_PAD, CELL_SIZE

LEFT, RIGHT, CENTER = "LEFT", "RIGHT", "CENTER"
PAD = 2 * CELL_PAD + 0.5  # horizontal padding of a cell, with a little air
MIN_FLEX = 42.0  # points: the narrowest a wrapping column may get
COMFORT_FLEX = 68.0  # points: a wrapping column narrower than this is hard to read (names: twice as much)
WORD_CAP = 110.0  # points: a longer word (an e-mail address, a URL) may break rather than widen its column


@dataclass(frozen=True)
class Column:
    title: str
    align: str = LEFT
    flexible: bool = True  # wraps (text); False: kept on one line (numbers, dates, identifiers)
    weight: float = 1.0  # share of the spare width among flexible columns


@dataclass
class Record:
    cells: list[str]  # printable plain text (see `text.plain`)
    details: list[tuple[str, str]] = field(default_factory=list)  # (label, text) printed under the row


def body_measure() -> Measure:
    return measure(COND, CELL_SIZE)


def head_measure() -> Measure:
    return measure(COND_BOLD, CELL_SIZE)


@dataclass(frozen=True)
class _Fit:
    """What a column needs: its widest line kept on one line (`natural`) and its narrowest legible width (`least`)."""

    natural: float
    least: float


def _fit(col: Column, texts: Sequence[str], comfortable: bool) -> _Fit:
    body = body_measure()
    head = head_measure().longest_word(col.title) + PAD
    # Never narrower than the header's longest word: a header breaks between words only.
    natural = max(max((body.width(t) for t in texts), default=0.0) + PAD, head)
    if not col.flexible:
        return _Fit(natural, max(head, natural))
    # The longest word decides how narrow a wrapping column may get; measure only the longest few by length.
    words = sorted({w for t in texts for w in t.replace("\n", " ").split(" ") if w}, key=len, reverse=True)[:8]
    word = max((body.word(w) for w in words), default=0.0) + PAD
    floor = (COMFORT_FLEX * (2 if col.weight >= 2.5 else 1)) if comfortable else MIN_FLEX
    return _Fit(natural, min(max(head, floor, min(word, WORD_CAP)), max(natural, head)))


def fitting_prefix(columns: Sequence[Column], texts: Sequence[Sequence[str]], total: float) -> int:
    """How many leading columns fit `total` at a comfortable width (at least two); the rest print under the row.

    `texts[i]` are the cell texts of column i."""
    used = 0.0
    for i, (col, col_texts) in enumerate(zip(columns, texts, strict=True)):
        used += _fit(col, col_texts, comfortable=True).least
        if used > total:
            return max(i, 2)
    return len(columns)


def column_widths(columns: Sequence[Column], records: Sequence[Record], total: float) -> list[float]:
    """Widths that fit `total`: one-line columns get their content's width, wrapping ones share the rest by weight
    (never below their longest word, up to a cap), and any room left goes to the wrapping ones."""
    fits = [_fit(col, [rec.cells[i] for rec in records], comfortable=False) for i, col in enumerate(columns)]
    widths = [f.least for f in fits]
    flex = [i for i, c in enumerate(columns) if c.flexible]
    fixed = sum(w for w, c in zip(widths, columns, strict=True) if not c.flexible)
    if not flex:
        return [w * total / fixed for w in widths] if fixed else widths
    spare = total - fixed
    if sum(fits[i].natural for i in flex) <= spare:
        # Everything fits on one line: the extra room goes to the flexible columns in proportion to their weights.
        extra = spare - sum(fits[i].natural for i in flex)
        weights = sum(columns[i].weight for i in flex)
        for i in flex:
            widths[i] = fits[i].natural + extra * columns[i].weight / weights
        return widths
    # Not enough room: share by weight, never below a column's least width nor above its natural one.
    free = list(flex)
    room = spare
    while free:
        weights = sum(columns[i].weight for i in free)
        share = {i: room * columns[i].weight / weights for i in free}
        pinned = [i for i in free if share[i] < fits[i].least or share[i] > fits[i].natural]
        if not pinned:
            for i in free:
                widths[i] = share[i]
            room = 0.0
            break
        for i in pinned:
            widths[i] = fits[i].least if share[i] < fits[i].least else fits[i].natural
            room -= widths[i]
            free.remove(i)
    if room > 0.5:  # every column pinned: hand the rest to those that wrap
        over = [i for i in flex if widths[i] < fits[i].natural] or flex
        weights = sum(columns[i].weight for i in over)
        for i in over:
            widths[i] += room * columns[i].weight / weights
    if sum(widths) > total + 0.5:  # even the least widths do not fit: shrink, keeping every header word whole
        widths = _shrink(columns, widths, total)
    return widths


def _shrink(columns: Sequence[Column], widths: list[float], total: float) -> list[float]:
    """Widths reduced to `total`: taken from the room each column has above its longest header word (a header
    never breaks inside a word), proportionally; only when that room is not enough, everything shrinks."""
    head = head_measure()
    floors = [min(head.longest_word(c.title) + PAD, w) for c, w in zip(columns, widths, strict=True)]
    excess = sum(widths) - total
    room = [w - f for w, f in zip(widths, floors, strict=True)]
    if sum(room) >= excess:
        return [w - r * excess / sum(room) for w, r in zip(widths, room, strict=True)]
    scale = total / sum(widths)
    return [w * scale for w in widths]
