"""The closing part of the application: the attachment list with the SHA-256 of each file as held, the
declarations as ticked boxes, and the signature block."""

from __future__ import annotations

import hashlib

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from export.pdf.blocks import kv_table
from export.pdf.styles import style, table_style
from export.pdf.text import clip, markup
from forms.checks import field_applies
from forms.display import value_text
from forms.document import Document, Row
from forms.fmt import format_decimal
from forms.schema import FieldDef

SIGN_CHARS = 200  # place and date, name and position under the signature line (a block kept on one page)

TICKED, UNTICKED = "☒", "☐"


def file_tables(doc: Document) -> set[str]:
    """Tables whose rows name held files (an `attachment_files` rule points at them)."""
    return {r.params.get("table", "") for r in doc.definition.rules if r.kind == "attachment_files"}


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{format_decimal(n / 1024, 1)} kB"
    return f"{format_decimal(n / 1024 / 1024, 1)} MB"


def attachment_overrides(doc: Document) -> dict:
    """Cell texts computed from the held files: the file's size beside its name, and its SHA-256 as computed now."""

    def content(row: Row) -> bytes | None:
        return doc.files.get(row.get("sha256") or "")

    def file_name(row: Row) -> str:
        name = row.get("file_name") or "—"
        data = content(row)
        return f"{name}\n{_size(len(data))}" if data is not None else f"{name}\n(plik nie jest dołączony)"

    def sha256(row: Row) -> str:
        data = content(row)
        if data is None:
            return row.get("sha256") or "—"
        digest = hashlib.sha256(data).hexdigest()
        return digest[:32] + "\n" + digest[32:]

    return {"file_name": file_name, "sha256": sha256}


def declarations(doc: Document, fields: tuple[FieldDef, ...], width: float) -> list[Flowable]:
    """Bool fields as ticked statements; the other fields (signatory, place, date) as the signature block."""
    d = doc.definition
    out: list[Flowable] = []
    statements = [f for f in fields if f.type == "bool" and field_applies(f, doc.values)]
    others = [f for f in fields if f.type != "bool" and field_applies(f, doc.values)]
    if statements:
        rows = []
        for f in statements:
            value = doc.values.get(f.key)
            mark = TICKED if value else UNTICKED
            note = "" if value is not None else " (brak odpowiedzi)"
            rows.append([Paragraph(mark, style("h2")), Paragraph(markup(f.label.pl + note), style("declaration"))])
        table = Table(rows, colWidths=[18, width - 18], hAlign="LEFT")
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        out += [table, Spacer(1, 8)]
    if others:
        pairs = [(f.label.pl, value_text(d, f, doc.values.get(f.key))) for f in others]
        out.append(kv_table(pairs, width))
    out.append(Spacer(1, 18 * mm))
    out.append(signature_block(doc, width))
    return out


def signature_block(doc: Document, width: float) -> Flowable:
    d = doc.definition

    def text(key: str) -> str:
        if not d.has_field(key) or doc.values.get(key) is None:
            return ""
        return value_text(d, d.field(key), doc.values.get(key))

    place_date = clip(", ".join(p for p in (text("signatory.place"), text("signatory.date")) if p), SIGN_CHARS)
    who = clip(", ".join(p for p in (text("signatory.name"), text("signatory.position")) if p), SIGN_CHARS)
    dots = "." * 48
    caption = "podpis osoby upoważnionej do reprezentowania koordynatora" + (f"\n{who}" if who else "")
    data = [
        [Paragraph(markup(place_date), style("sign")), Paragraph("", style("sign"))],
        [Paragraph(dots, style("small_center")), Paragraph(dots + "." * 24, style("small_center"))],
        [Paragraph("miejscowość i data", style("small_center")), Paragraph(markup(caption), style("small_center"))],
    ]
    table = Table(data, colWidths=[width * 0.4, width * 0.6], rowHeights=[30, None, None])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 2), (-1, 2), "TOP"),
            ]
        )
    )
    return KeepTogether([Paragraph("Podpis", style("h3")), table])
