"""Draw the application icon: `resources/icons/klaster.svg`, `klaster.png` (256 px) and `klaster.ico` (16-256 px).

    python build_tools/make_icons.py

The mark is four connected circles: one central node (the cluster's coordinator) linked to three members, on a
rounded blue square. The geometry is declared once below, on a 256-unit grid, and both the SVG and the bitmaps are
drawn from it, so they never drift apart. Pillow (installed with reportlab) draws the bitmaps at 4x and scales
them down for smooth edges; the small ICO sizes get thicker links so the mark still reads at 16 px.
The outputs are committed; run this again only after changing the geometry or the colours.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"

GRID = 256
BACKGROUND = "#1d4e89"
LINK = "#ffffff"
MEMBER = "#ffffff"
CENTRE = "#f2b134"
CORNER = 52  # radius of the rounded square
LINK_WIDTH = 14
CENTRE_NODE = (128, 132, 30)  # x, y, radius
# Three members on an equilateral triangle round the centre (80 units away).
MEMBERS = [(59, 92, 26), (197, 92, 26), (128, 212, 26)]
RING = 9  # white ring round the centre node
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def svg() -> str:
    cx, cy, cr = CENTRE_NODE
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{GRID}" height="{GRID}" viewBox="0 0 {GRID} {GRID}">',
        "  <title>Klaster</title>",
        f'  <rect width="{GRID}" height="{GRID}" rx="{CORNER}" ry="{CORNER}" fill="{BACKGROUND}"/>',
        f'  <g stroke="{LINK}" stroke-width="{LINK_WIDTH}" stroke-linecap="round">',
    ]
    ring = [*MEMBERS, MEMBERS[0]]
    for (x1, y1, _), (x2, y2, _) in zip(ring, ring[1:], strict=False):
        parts.append(f'    <line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" opacity="0.55"/>')
    for x, y, _ in MEMBERS:
        parts.append(f'    <line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}"/>')
    parts.append("  </g>")
    for x, y, r in MEMBERS:
        parts.append(f'  <circle cx="{x}" cy="{y}" r="{r}" fill="{MEMBER}"/>')
    parts.append(f'  <circle cx="{cx}" cy="{cy}" r="{cr + RING}" fill="{LINK}"/>')
    parts.append(f'  <circle cx="{cx}" cy="{cy}" r="{cr}" fill="{CENTRE}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _blend(hex_colour: str, opacity: float) -> tuple[int, int, int, int]:
    """The colour drawn at `opacity` over the background (the bitmap has no layers)."""
    fg = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    bg = [int(BACKGROUND[i : i + 2], 16) for i in (1, 3, 5)]
    return (*(round(b + (f - b) * opacity) for f, b in zip(fg, bg, strict=True)), 255)


def bitmap(size: int) -> Image.Image:
    """The icon at `size` pixels: drawn at 4x on the 256 grid, then scaled down with a good filter."""
    scale = 4 * size / GRID
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)

    def s(v: float) -> float:
        return v * scale

    # Small icons: thicker links, otherwise they vanish when scaled down.
    width = LINK_WIDTH * (1.6 if size <= 24 else 1.25 if size <= 48 else 1.0)
    draw.rounded_rectangle((0, 0, s(GRID) - 1, s(GRID) - 1), radius=s(CORNER), fill=BACKGROUND)

    def line(a: tuple[int, int, int], b: tuple[int, int, int], colour) -> None:
        draw.line((s(a[0]), s(a[1]), s(b[0]), s(b[1])), fill=colour, width=max(1, round(s(width))))
        for x, y in ((a[0], a[1]), (b[0], b[1])):  # round caps
            r = s(width) / 2
            draw.ellipse((s(x) - r, s(y) - r, s(x) + r, s(y) + r), fill=colour)

    ring = [*MEMBERS, MEMBERS[0]]
    if size > 24:  # the faint outer links only clutter the smallest sizes
        for a, b in zip(ring, ring[1:], strict=False):
            line(a, b, _blend(LINK, 0.55))
    for m in MEMBERS:
        line(CENTRE_NODE, m, LINK)

    def circle(x: float, y: float, r: float, colour: str) -> None:
        draw.ellipse((s(x - r), s(y - r), s(x + r), s(y + r)), fill=colour)

    for x, y, r in MEMBERS:
        circle(x, y, r, MEMBER)
    cx, cy, cr = CENTRE_NODE
    circle(cx, cy, cr + RING, LINK)
    circle(cx, cy, cr, CENTRE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "klaster.svg").write_text(svg(), encoding="utf-8")
    bitmap(256).save(OUT / "klaster.png", optimize=True)
    images = [bitmap(n) for n in ICO_SIZES]
    # Pillow writes one entry per size in `sizes`, each resampled from the first image; give it the
    # largest and let `append_images` supply the hand-tuned small ones.
    images[-1].save(OUT / "klaster.ico", format="ICO", sizes=[(n, n) for n in ICO_SIZES], append_images=images[:-1])
    for name in ("klaster.svg", "klaster.png", "klaster.ico"):
        print(OUT / name, (OUT / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
