"""The application PDF the ministry receives, generated from the definition in its order: cover, contents, every
section with its criteria, fields and tables, the member register on landscape pages, the indicators against the KKK
averages with a chart, the attachment list with SHA-256 of each file, the declarations and the signature block."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from export.pdf.blocks import (
    data_table,
    field_blocks,
    heading,
    indicator_chart_block,
    indicator_table,
    is_wide,
)
from export.pdf.canvas import Decor
from export.pdf.closing import attachment_overrides, declarations, file_tables
from export.pdf.cover import cover
from export.pdf.facts import Facts, facts, pdf_meta
from export.pdf.render import Meta, Progress, frame_height, render, to_landscape, to_portrait, write_pdf
from export.pdf.styles import LANDSCAPE, PORTRAIT, frame_width, style
from export.pdf.text import markup
from export.pdf.toc import Toc, TocEntry
from forms.document import Document
from forms.indicators import IndicatorValue, compute_indicators
from forms.schema import Section

INDICATORS_TITLE = "Wskaźniki klastra na tle średnich KKK"


def build_application_pdf(
    doc: Document,
    info: Any,
    path: Path | str,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    corrects: Any = None,
) -> None:
    """Write the application PDF to `path` (atomically: a failed or cancelled export leaves no file behind).
    `corrects`: the info of the version a korekta replaces (named on the cover and in the QR code)."""
    write_pdf(application_pdf_bytes(doc, info, today=today, progress=progress, corrects=corrects), path)


def application_pdf_bytes(
    doc: Document, info: Any, *, today: dt.date | None = None, progress: Progress | None = None, corrects: Any = None
) -> bytes:
    story, decor, meta = application_story(doc, info, today=today, corrects=corrects)
    return render(story, decor, meta, progress)


def application_story(
    doc: Document, info: Any, *, today: dt.date | None = None, corrects: Any = None
) -> tuple[list[Flowable], Decor, Meta]:
    """The flowables of the application PDF and what its pages carry (also used by the benchmark)."""
    f = facts(doc, info, today, corrects)
    builder = _Story(doc, f)
    story, entries = builder.build()
    toc = Toc(entries)
    at = story.index(builder.toc_marker)
    story[at : at + 1] = toc.flowables()
    decor = Decor(f.name, f.header_version, f.short_checksum, draft=not f.final, toc=toc, moment=f.moment)
    return story, decor, pdf_meta(doc, f, "Wniosek")


class _Story:
    def __init__(self, doc: Document, f: Facts) -> None:
        self.doc, self.f = doc, f
        self.d = doc.definition
        self.entries: list[TocEntry] = []
        self.indicators = compute_indicators(doc)
        self.files = file_tables(doc)
        self.toc_marker = Spacer(0, 0)  # where the contents go once their entries are known

    def heading(self, text: str, level: int, key: str) -> Flowable:
        if level <= 1:
            self.entries.append(TocEntry(level, text, key))
        return heading(text, level, key)

    def build(self) -> tuple[list[Flowable], list[TocEntry]]:
        story: list[Flowable] = cover(self.doc, self.f, frame_width(PORTRAIT))
        story += [PageBreak(), self.toc_marker]
        for i, section in enumerate(self.d.sections):
            story += self.section(section, f"s{i}")
            if section.kind == "members":
                story += self.indicator_part()
        if not any(s.kind == "members" for s in self.d.sections):
            story += self.indicator_part()
        return story, self.entries

    def section(self, section: Section, key: str) -> list[Flowable]:
        wide = any(is_wide(t) for t in section.tables)
        size = LANDSCAPE if wide else PORTRAIT
        width, height = frame_width(size), frame_height(size)
        out = to_landscape() if wide else to_portrait()
        out.append(self.heading(section.display_title(), 0, key))
        for j, crit in enumerate(section.criteria):
            single = len(section.criteria) == 1 and crit.title.pl == section.title.pl
            if not single:
                out.append(self.heading(crit.title.pl, 1, f"{key}c{j}"))
            if section.kind == "declarations":
                out += declarations(self.doc, crit.fields, width)
            else:
                out += field_blocks(self.doc, crit.fields, width)
            wanted = [v for v in self.indicators if v.id in crit.indicators]
            if wanted:
                out.append(Paragraph("Wskaźniki (obliczone z danych wniosku)", style("label")))
                out += [indicator_table(self.d, wanted, width), Spacer(1, 6)]
            for t in crit.tables:
                if crit.fields or len(crit.tables) > 1 or t.label.pl != crit.title.pl:
                    out.append(Paragraph(markup(t.label.pl), style("h3")))
                overrides = attachment_overrides(self.doc) if t.key in self.files else None
                out.append(data_table(self.d, t, self.doc.rows(t.key), width, height, overrides=overrides))
                out.append(Spacer(1, 8))
        return out

    def indicator_part(self) -> list[Flowable]:
        values: list[IndicatorValue] = self.indicators
        if not values:
            return []
        width = frame_width(PORTRAIT)
        out = to_portrait()
        out.append(self.heading(INDICATORS_TITLE, 0, "indicators"))
        out.append(
            Paragraph(
                "Wskaźniki obliczone z rejestru członków klastra (populacja: przedsiębiorstwa, o ile nie zaznaczono "
                "inaczej); udziały w procentach, różnica w punktach procentowych względem średniej Krajowych Klastrów "
                "Kluczowych.",
                style("note"),
            )
        )
        out += [indicator_table(self.d, values, width), Spacer(1, 14)]
        out += indicator_chart_block(values, width)
        return out
