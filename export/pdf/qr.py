"""The QR code on the cover: the application's id, its version and its checksum, readable by any phone."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

PREFIX = "KLASTER-KKK"


def payload(number: str, uuid: str, version: int, checksum: str, form_id: str, corrects: str | None = None) -> str:
    """`KLASTER-KKK;nr=275C-8348-EE26;uuid=…;wersja=2;runda=kkk-2019;sha256=<64 hex>`, and in a korekta
    `;koryguje=<uuid>/<version>/<sha256>` (the version it replaces)."""
    text = f"{PREFIX};nr={number};uuid={uuid};wersja={version};runda={form_id};sha256={checksum}"
    return text + (f";koryguje={corrects}" if corrects else "")


def parse_payload(text: str) -> dict[str, str]:
    """The fields of a payload (for `verify` and the tests); empty when it is not ours."""
    parts = text.split(";")
    if not parts or parts[0] != PREFIX:
        return {}
    return dict(p.split("=", 1) for p in parts[1:] if "=" in p)


def qr_drawing(text: str, size: float) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    drawing = Drawing(size, size, transform=[size / w, 0, 0, size / h, -x0 * size / w, -y0 * size / h])
    drawing.add(widget)
    return drawing
