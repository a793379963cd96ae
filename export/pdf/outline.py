"""Text drawn as outlines: the glyphs of the shipped TrueType font turned into vector paths, for the draft watermark.

A watermark written as text is text: copying a paragraph or searching the PDF picks up its letters. As paths it is
a drawing, invisible to text extraction, as sharp as the font at any zoom. Simple (non-composite) glyphs only, which
covers the capitals the watermark uses; others are left out (their advance is kept).
"""

from __future__ import annotations

import struct
from functools import cache

from reportlab.pdfbase.ttfonts import TTFontFile

from klaster.resources import resource_path

Point = tuple[float, float, bool]  # x, y, on the curve


@cache
def _font(file_name: str) -> TTFontFile:
    return TTFontFile(str(resource_path(f"fonts/{file_name}")))


def _contours(font: TTFontFile, glyph: int) -> list[list[Point]]:
    start = font.table["glyf"]["offset"] + font.glyphPos[glyph]
    end = font.table["glyf"]["offset"] + font.glyphPos[glyph + 1]
    data = font._ttf_data[start:end]
    if len(data) < 10:
        return []
    (count,) = struct.unpack(">h", data[:2])
    if count <= 0:  # composite glyph (or empty): not drawn
        return []
    ends = struct.unpack(f">{count}H", data[10 : 10 + 2 * count])
    pos = 10 + 2 * count
    (skip,) = struct.unpack(">H", data[pos : pos + 2])
    pos += 2 + skip
    total = ends[-1] + 1
    flags: list[int] = []
    while len(flags) < total:
        flag = data[pos]
        pos += 1
        flags.append(flag)
        if flag & 8:
            flags.extend([flag] * data[pos])
            pos += 1
    coords: list[list[int]] = []
    for short, same in ((2, 16), (4, 32)):
        values, value = [], 0
        for flag in flags[:total]:
            if flag & short:
                delta = data[pos]
                pos += 1
                value += delta if flag & same else -delta
            elif not flag & same:
                value += struct.unpack(">h", data[pos : pos + 2])[0]
                pos += 2
            values.append(value)
        coords.append(values)
    points = [(x, y, bool(f & 1)) for x, y, f in zip(coords[0], coords[1], flags, strict=False)]
    out, first = [], 0
    for last in ends:
        out.append(points[first : last + 1])
        first = last + 1
    return out


def _segments(contour: list[Point]) -> list[tuple[str, tuple[float, ...]]]:
    """A closed contour of quadratic B-splines as moveTo, lineTo and cubic curveTo steps."""
    if not contour:
        return []
    pts = list(contour)
    if not pts[0][2]:  # start on a curve point: the first on-curve one, or the midpoint of two off-curve ones
        on = next((i for i, p in enumerate(pts) if p[2]), None)
        if on is None:
            a, b = pts[0], pts[1]
            pts.insert(0, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, True))
        else:
            pts = pts[on:] + pts[:on]
    steps: list[tuple[str, tuple[float, ...]]] = [("move", (pts[0][0], pts[0][1]))]
    current = pts[0]
    control: Point | None = None
    for p in pts[1:] + [pts[0]]:
        if p[2]:
            if control is None:
                steps.append(("line", (p[0], p[1])))
            else:
                steps.append(("curve", _cubic(current, control, p)))
                control = None
            current = p
        else:
            if control is not None:
                mid = ((control[0] + p[0]) / 2, (control[1] + p[1]) / 2, True)
                steps.append(("curve", _cubic(current, control, mid)))
                current = mid
            control = p
    steps.append(("close", ()))
    return steps


def _cubic(p0: Point, c: Point, p1: Point) -> tuple[float, ...]:
    return (
        p0[0] + 2 / 3 * (c[0] - p0[0]),
        p0[1] + 2 / 3 * (c[1] - p0[1]),
        p1[0] + 2 / 3 * (c[0] - p1[0]),
        p1[1] + 2 / 3 * (c[1] - p1[1]),
        p1[0],
        p1[1],
    )


@cache
def _glyph(file_name: str, ch: str) -> tuple[float, tuple[tuple[str, tuple[float, ...]], ...]]:
    """(advance, path steps) of one character in font units."""
    font = _font(file_name)
    glyph = font.charToGlyph.get(ord(ch), 0)
    advance = font.hmetrics[min(glyph, len(font.hmetrics) - 1)][0]
    steps: list[tuple[str, tuple[float, ...]]] = []
    for contour in _contours(font, glyph):
        steps += _segments(contour)
    return advance, tuple(steps)


def text_width(text: str, size: float, file_name: str = "DejaVuSans-Bold.ttf") -> float:
    units = _font(file_name).unitsPerEm
    return sum(_glyph(file_name, ch)[0] for ch in text) * size / units


def draw_outlined(canvas, text: str, x: float, y: float, size: float, file_name: str = "DejaVuSans-Bold.ttf") -> None:
    """Fill `text` as paths with the canvas's fill colour, its baseline starting at (x, y)."""
    scale = size / _font(file_name).unitsPerEm
    path = canvas.beginPath()
    pen = 0.0
    for ch in text:
        advance, steps = _glyph(file_name, ch)
        for kind, args in steps:
            pts = [x + (pen + v) * scale if i % 2 == 0 else y + v * scale for i, v in enumerate(args)]
            if kind == "move":
                path.moveTo(*pts)
            elif kind == "line":
                path.lineTo(*pts)
            elif kind == "curve":
                path.curveTo(*pts)
            else:
                path.close()
        pen += advance
    canvas.drawPath(path, stroke=0, fill=1, fillMode=1)  # nonzero winding: TrueType contours
