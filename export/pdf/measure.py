"""Text widths and line breaking for table cells, with caches of word and line widths.

Table cells are printed as plain (pre-broken) strings rather than `Paragraph`s: a paragraph cell costs several
times a plain one (markup parsing, a second wrap when the table draws it), and a register repeats the same words
(company forms, places, list labels) thousands of times, so measuring each word once pays off.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase.pdfmetrics import stringWidth


class Measure:
    """Widths of text in one font and size; `lines` breaks a text to a width (long words are cut)."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self._words: dict[str, float] = {}
        self._lines: dict[str, float] = {}  # cells repeat too ("tak", "—", dates, places)
        self.space = stringWidth(" ", font, size)

    def word(self, word: str) -> float:
        w = self._words.get(word)
        if w is None:
            w = self._words[word] = stringWidth(word, self.font, self.size)
        return w

    def line(self, line: str) -> float:
        w = self._lines.get(line)
        if w is None:
            parts = line.split(" ")
            w = sum(self.word(p) for p in parts if p) + self.space * (len(parts) - 1)
            if len(self._lines) < 200_000:
                self._lines[line] = w
        return w

    def width(self, text: str) -> float:
        """The widest line of `text`."""
        if "\n" not in text:
            return self.line(text)
        return max(self.line(line) for line in text.split("\n"))

    def longest_word(self, text: str) -> float:
        """The widest unbreakable run: words joined by non-breaking spaces count as one."""
        return max((self.word(w) for w in text.split(" ") if w), default=0.0)

    def lines(self, text: str, width: float) -> list[str]:
        out: list[str] = []
        for para in text.split("\n"):
            out.extend(self._break(para, width))
        return out

    def _break(self, para: str, width: float) -> list[str]:
        if self.line(para) <= width:
            return [para]
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        for word in [w for w in para.split(" ") if w]:  # not split(): a non-breaking space holds words together
            w = self.word(word)
            if w > width:  # a word longer than the column: cut it where it must
                if current:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                pieces = self._cut(word, width)
                lines.extend(pieces[:-1])
                word, w = pieces[-1], self.word(pieces[-1])
            need = w if not current else used + self.space + w
            if current and need > width:
                lines.append(" ".join(current))
                current, used = [word], w
            else:
                current.append(word)
                used = need
        if current:
            lines.append(" ".join(current))
        return lines or [""]

    def _cut(self, word: str, width: float) -> list[str]:
        pieces: list[str] = []
        start = 0
        for end in range(1, len(word) + 1):
            if end - start > 1 and stringWidth(word[start:end], self.font, self.size) > width:
                pieces.append(word[start : end - 1])
                start = end - 1
        pieces.append(word[start:])
        return pieces


@cache
def measure(font: str, size: float) -> Measure:
    return Measure(font, size)
