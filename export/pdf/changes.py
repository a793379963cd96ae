"""The "zestawienie zmian": what changed between two versions of an application (a correction and the version
it corrects), field by field, with both checksums. Uses the same page machinery as the application PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer

from export.pdf.blocks import kv_table
from export.pdf.canvas import Decor
from export.pdf.facts import facts, pdf_meta
from export.pdf.render import render, write_pdf
from export.pdf.styles import ACCENT_LIGHT, CELL_PAD, PORTRAIT, RULE, frame_width, style, table_style
from export.pdf.text import clip, markup
from forms.diff import ADDED, KIND_LABELS, REMOVED, Change, diff_documents
from forms.document import Document

COLUMNS = ("Miejsce", "Zmiana", "Było", "Jest")
SHARES = (0.34, 0.12, 0.27, 0.27)
CELL_CHARS = 800  # a changed value as shown in a row (a row must fit one page); the application PDF has it all


def _place(change: Change) -> str:
    where = change.label
    if change.row is not None:
        where += f" › {change.row}"
    if change.column_label:
        where += f" › {change.column_label}"
    return where


def _table(changes: list[Change], width: float) -> LongTable:
    cell = style("cell")
    head = [Paragraph(markup(c), style("cell_bold")) for c in COLUMNS]
    rows = [head]
    for change in changes:
        whole_row = change.row is not None and change.column is None
        old, new = change.old or "—", change.new or "—"
        if whole_row and change.kind == REMOVED:
            new = "(wiersz usunięty)"
        elif whole_row and change.kind == ADDED:
            old = "(nie było wiersza)"
        rows.append(
            [
                Paragraph(markup(clip(_place(change), CELL_CHARS)), cell),
                Paragraph(KIND_LABELS["pl"][change.kind], cell),
                Paragraph(markup(clip(old, CELL_CHARS)), cell),
                Paragraph(markup(clip(new, CELL_CHARS)), cell),
            ]
        )
    table = LongTable(rows, colWidths=[width * s for s in SHARES], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
            ]
        )
    )
    return table


def changes_story(old: Document, old_info: Any, new: Document, new_info: Any, today: dt.date) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    before, after = facts(old, old_info, today), facts(new, new_info, today, old_info)
    changes = diff_documents(old, new)
    out: list[Flowable] = [
        Paragraph("Zestawienie zmian", style("h1")),
        Paragraph(markup(after.name), style("h2")),
        kv_table(
            [
                ("Numer wniosku (wersja późniejsza)", after.number),
                ("Wersja wcześniejsza", f"{before.version}; {before.state}"),
                ("Suma kontrolna (wcześniejsza)", before.checksum),
                ("Wersja późniejsza", f"{after.version}; {after.state}"),
                ("Suma kontrolna (późniejsza)", after.checksum),
                ("Liczba zmian", str(len(changes))),
            ],
            width,
        ),
        Spacer(1, 10),
    ]
    if not changes:
        out.append(Paragraph("Brak zmian: obie wersje zawierają te same dane.", style("body")))
        return out
    by_section: dict[str, list[Change]] = {}
    for change in changes:
        by_section.setdefault(change.section, []).append(change)
    for section in new.definition.sections:
        if section.id in by_section:
            out.append(Paragraph(markup(section.display_title()), style("h2")))
            out.append(_table(by_section[section.id], width))
            out.append(Spacer(1, 8))
    return out


def changes_pdf_bytes(
    old: Document, old_info: Any, new: Document, new_info: Any, *, today: dt.date | None = None
) -> bytes:
    after = facts(new, new_info, today, old_info)
    today = after.today
    decor = Decor(after.name, after.header_version, after.short_checksum, draft=not after.final, moment=after.moment)
    return render(changes_story(old, old_info, new, new_info, today), decor, pdf_meta(new, after, "Zestawienie zmian"))


def build_changes_pdf(
    old: Document, old_info: Any, new: Document, new_info: Any, path: Path | str, *, today: dt.date | None = None
) -> None:
    write_pdf(changes_pdf_bytes(old, old_info, new, new_info, today=today), path)
