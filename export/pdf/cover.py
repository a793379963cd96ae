"""The cover page of the application PDF: what it is, whose, which version, and the checksum with its QR code."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from export.pdf.blocks import kv_table
from export.pdf.facts import Facts
from export.pdf.qr import payload, qr_drawing
from export.pdf.styles import ACCENT, ACCENT_LIGHT, style, table_style
from export.pdf.text import markup
from export.pdf.values import EMPTY
from forms.display import value_text
from forms.document import Document
from forms.fmt import format_date

QR_SIZE = 38 * mm


def full_checksum_lines(checksum: str) -> str:
    """64 hex digits as two lines of four 8-digit groups (easy to compare by eye)."""
    groups = [checksum[i : i + 8] for i in range(0, len(checksum), 8)]
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


def moment_pair(f: Facts) -> tuple[str, str]:
    """A final document is dated by its finalisation (the same bytes whenever it is printed), a draft by its
    printing."""
    when = f.moment
    text = f"{format_date(when.date())}, godz. {when:%H:%M}" if when is not None else format_date(f.today)
    return ("Data finalizacji", text) if f.final else ("Data wydruku", text)


def cover(doc: Document, f: Facts, width: float) -> list[Flowable]:
    d = doc.definition
    band = Table(
        [
            [Paragraph(markup(f.title), style("cover_kind_big"))],
            [Paragraph(markup(f"Runda: {f.round} · formularz {f.form}"), style("cover_kind"))],
        ],
        colWidths=[width],
    )
    band.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, 0), 12),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
            ]
        )
    )
    out: list[Flowable] = [band, Spacer(1, 16 * mm)]
    out.append(Paragraph(markup(f.name), style("cover_title")))
    if f.coordinator:
        out.append(Paragraph(markup(f"Koordynator: {f.coordinator}"), style("cover_sub")))
    if not f.final:
        out.append(
            Paragraph(
                "WERSJA ROBOCZA – dokument do wglądu, nie jest wnioskiem złożonym (nie został sfinalizowany).",
                style("cover_draft"),
            )
        )
    out.append(Spacer(1, 6 * mm))

    def field(key: str) -> str:
        return value_text(d, d.field(key), doc.values.get(key)) if d.has_field(key) else EMPTY

    pairs = [
        ("Numer wniosku", f.number or EMPTY),
        ("Rodzaj wniosku", f.kind_label or EMPTY),
        ("Runda konkursu", f.round),
        ("Formularz", f.form),
        ("Wersja wniosku", f.version),
        ("Stan", f.state),
        ("Koordynator klastra", f.coordinator or EMPTY),
        ("NIP koordynatora", field("coordinator.nip")),
        ("Województwo", field("cluster.voivodeship")),
        ("Rok referencyjny", field("meta.reference_year")),
        moment_pair(f),
    ]
    if f.corrects is not None:
        pairs.insert(5, ("Korekta – zastępuje", f.corrects.text))
    out.append(kv_table(pairs, width, label_share=0.34))
    out.append(Spacer(1, 10 * mm))
    text = [
        Paragraph("Suma kontrolna SHA-256 danych wniosku", style("h3")),
        Paragraph(markup(full_checksum_lines(f.checksum)), style("kv_value")),
        Spacer(1, 4),
        Paragraph(markup(f"Skrót (na każdej stronie): {f.short_checksum}"), style("kv_value")),
        Spacer(1, 6),
        Paragraph(
            "Suma kontrolna obejmuje wszystkie dane wniosku (pola i tabele) w postaci kanonicznej; "
            "ta sama suma w pliku .kkk.json i w pakiecie dowodzi, że to te same dane. "
            "Kod QR zawiera numer i identyfikator wniosku, jego wersję i pełną sumę kontrolną"
            + (", a w korekcie także wersję, którą zastępuje." if f.corrects else "."),
            style("note"),
        ),
    ]
    corrects = f"{f.corrects.uuid}/{f.corrects.version_no}/{f.corrects.checksum}" if f.corrects else None
    qr = qr_drawing(payload(f.number, f.uuid, f.version_no, f.checksum, d.id, corrects), QR_SIZE)
    box = Table([[text, qr]], colWidths=[width - QR_SIZE - 24, QR_SIZE + 24])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    out.append(box)
    return out
