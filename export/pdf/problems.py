"""„Lista braków i błędów”: the application's open problems as a PDF to work from (printed, or e-mailed to the
colleagues who hold the missing data), grouped by section with the places named as the review names them.

It reads the same `Assessment` as the review page, the status bar and `check`, so its numbers are theirs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from export.pdf.canvas import Decor
from export.pdf.facts import facts, pdf_meta
from export.pdf.render import render, write_pdf
from export.pdf.styles import ACCENT, ACCENT_LIGHT, BAD, CELL_PAD, MUTED, RULE, WARN, frame_width, style, table_style
from export.pdf.text import markup
from forms.checks.problem import ERROR, KIND_NAMES, MISSING, WARNING
from forms.document import Document
from forms.messages import render as render_message
from forms.progress import Assessment, assess

TITLE = {"pl": "Lista braków i błędów", "en": "List of missing items and errors"}
HEAD = {
    "pl": ("Rodzaj", "Miejsce", "Opis"),
    "en": ("Kind", "Place", "Description"),
}
COLOURS = {MISSING: MUTED, ERROR: BAD, WARNING: WARN}


def problems_story(doc: Document, review: Assessment, lang: str = "pl") -> list[Flowable]:
    d = doc.definition
    width = frame_width((595.27, 841.89))
    name = doc.get("cluster.name") or ("(bez nazwy)" if lang == "pl" else "(no name)")
    out: list[Flowable] = [Paragraph(markup(TITLE.get(lang, TITLE["pl"])), style("h1"))]
    out.append(Paragraph(markup(name), style("h3")))
    totals = render_message("totals", lang, missing=review.missing, errors=review.errors, warnings=review.warnings)
    filled = render_message("section_required", lang, filled=review.filled, required=review.required)
    intro = (
        f"Razem: {totals}. Wypełniono {filled} ({review.completeness}\u00a0%)."
        if lang == "pl"
        else f"In all: {totals}. Filled in: {filled} ({review.completeness}\u00a0%)."
    )
    out.append(Paragraph(markup(intro), style("text")))
    if not review.problems:
        none = (
            "Kontrola nie znalazła braków ani błędów: wniosek można sfinalizować."
            if lang == "pl"
            else "The check found nothing missing and no errors: the application can be finalised."
        )
        out.append(Paragraph(markup(none), style("text")))
        return out
    kind_names = KIND_NAMES.get(lang, KIND_NAMES["pl"])
    for part in review.sections:
        mine = [p for p in review.problems if p.section == part.section.id]
        if not mine:
            continue
        head = render_message("totals", lang, missing=part.missing, errors=part.errors, warnings=part.warnings)
        out.append(Paragraph(markup(f"{part.section.display_title(lang)} — {head}"), style("h2")))
        cell, bold = style("cell"), style("cell_bold")
        data: list[list[Any]] = [[Paragraph(markup(h), bold) for h in HEAD.get(lang, HEAD["pl"])]]
        commands: list[tuple] = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ]
        for p in mine:
            colour = COLOURS[p.kind].hexval()[2:]
            data.append(
                [
                    Paragraph(f'<font color="#{colour}"><b>{markup(kind_names[p.kind])}</b></font>', cell),
                    Paragraph(markup(" › ".join(p.place(d, lang)) or part.section.display_title(lang)), cell),
                    Paragraph(markup(p.message.get(lang)), cell),
                ]
            )
        table = Table(data, colWidths=[82, (width - 82) * 0.45, (width - 82) * 0.55], repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(commands))
        out += [table, Spacer(1, 6)]
    return out


def problems_pdf_bytes(
    doc: Document,
    review: Assessment | None = None,
    *,
    info: Any = None,
    lang: str = "pl",
    today: dt.date | None = None,
) -> bytes:
    review = review if review is not None else assess(doc, today)
    f = facts(doc, info, today)
    extra = {"moment": f.moment} if hasattr(f, "moment") else {}  # the document's date, where Decor carries it
    decor = Decor(f.name, f.header_version, f.short_checksum, draft=not f.final, **extra)
    return render(problems_story(doc, review, lang), decor, pdf_meta(doc, f, TITLE.get(lang, TITLE["pl"])))


def write_problems_pdf(
    doc: Document,
    review: Assessment | None,
    path: Path | str,
    *,
    info: Any = None,
    lang: str = "pl",
    today: dt.date | None = None,
) -> None:
    write_pdf(problems_pdf_bytes(doc, review, info=info, lang=lang, today=today), path)
