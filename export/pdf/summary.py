"""The summary managers print (one or two pages): key facts, completeness per part, eligibility, the indicators
against the KKK averages as a chart, and the open errors and warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from export.pdf.blocks import indicator_chart_block, kv_table, status_paragraph
from export.pdf.canvas import Decor
from export.pdf.facts import Facts, facts, pdf_meta
from export.pdf.render import Progress, render, write_pdf
from export.pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    BAD,
    CELL_PAD,
    GOOD,
    PORTRAIT,
    RULE,
    WARN,
    frame_width,
    style,
    table_style,
)
from export.pdf.text import markup
from export.pdf.values import EMPTY, indicator_text
from forms.checks import Problem, check_document
from forms.display import value_text
from forms.document import Document
from forms.fmt import format_date
from forms.indicators import compute_indicators
from forms.progress import COMPLETE, HAS_ERRORS, STATUS_LABELS, completeness, progress

MAX_PROBLEMS = 12  # listed one by one; the rest are counted


def build_summary_pdf(
    doc: Document,
    info: Any,
    path: Path | str,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    corrects: Any = None,
) -> None:
    write_pdf(summary_pdf_bytes(doc, info, today=today, progress=progress, corrects=corrects), path)


def summary_pdf_bytes(
    doc: Document, info: Any, *, today: dt.date | None = None, progress: Progress | None = None, corrects: Any = None
) -> bytes:
    f = facts(doc, info, today, corrects)
    story = summary_story(doc, f)
    decor = Decor(f.name, f.header_version, f.short_checksum, draft=not f.final, moment=f.moment)
    return render(story, decor, pdf_meta(doc, f, "Podsumowanie wniosku"), progress)


def summary_story(doc: Document, f: Facts) -> list[Flowable]:
    d = doc.definition
    width = frame_width(PORTRAIT)
    problems = check_document(doc, today=f.today)
    values = compute_indicators(doc)
    out: list[Flowable] = [
        Paragraph("Podsumowanie wniosku", style("h1")),
        Paragraph(markup(f.name), style("h2")),
    ]

    def field(key: str) -> str:
        return value_text(d, d.field(key), doc.values.get(key)) if d.has_field(key) else EMPTY

    pairs = [
        ("Numer wniosku", f.number or EMPTY),
        ("Koordynator", f"{f.coordinator or EMPTY} (NIP {field('coordinator.nip')})"),
        ("Rodzaj wniosku, runda", f"{f.kind_label or EMPTY}; {f.round}"),
        ("Wersja i stan", f"{f.version}; {f.state}"),
        *([("Korekta – zastępuje", f.corrects.text)] if f.corrects else []),
        ("Data utworzenia klastra", field("cluster.established_on")),
        ("Województwo", field("cluster.voivodeship")),
        ("Krajowe Inteligentne Specjalizacje", field("cluster.kis")),
        ("Rok referencyjny", field("meta.reference_year")),
    ]
    for v in values:  # counts and sums; the percentages with a KKK average are in the chart
        if v.kkk_average is None and not isinstance(v.value, dict):
            pairs.append((v.definition.label.pl, indicator_text(v.value, v.is_percent)))
    pairs.append(("Data wydruku; suma kontrolna", f"{format_date(f.today)}; {f.short_checksum}"))
    out += [kv_table(pairs, width, label_share=0.42), Spacer(1, 6)]
    out += _completeness(doc, problems, width)
    out += _eligibility(doc, problems)
    chart = indicator_chart_block(values, width)
    if chart:
        out.append(Paragraph("Wskaźniki na tle średnich KKK", style("h2")))
        out += chart
    out += _problems(doc, problems)
    return out


def _completeness(doc: Document, problems: list[Problem], width: float) -> list[Flowable]:
    parts = progress(doc, problems)
    pct = completeness(parts)
    labels = STATUS_LABELS["pl"]
    data = [["Część wniosku", "Stan", "Wypełnione", "Błędy", "Uwagi"]]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, 0), style("cell_bold").fontName, 8, 10),
        ("FONT", (0, 1), (-1, -1), style("cell").fontName, 8, 10),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, p in enumerate(parts, 1):
        data.append(
            [
                p.section.display_title(),
                labels[p.status],
                f"{min(p.filled, p.required)} z {p.required}" if p.required else "—",
                str(p.errors),
                str(p.warnings),
            ]
        )
        colour = GOOD if p.status == COMPLETE else BAD if p.status == HAS_ERRORS else WARN if p.errors else None
        if colour is not None:
            commands.append(("TEXTCOLOR", (1, r), (1, r), colour))
    table = Table(data, colWidths=[width - 4 * 62, 72, 62, 52, 52], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(commands))
    return [Paragraph(markup(f"Kompletność: {pct} % wymaganych pozycji"), style("h2")), table, Spacer(1, 4)]


def _eligibility(doc: Document, problems: list[Problem]) -> list[Flowable]:
    d = doc.definition
    elig = d.eligibility
    codes = {p.code for p in problems}
    established = doc.values.get(elig.established_field)
    members = len(doc.tables.get("members", []))
    age_ok = None if established is None else "eligibility_age" not in codes
    since = f" (utworzony {format_date(established)})" if established else " (brak daty utworzenia)"
    errors = sum(p.is_error for p in problems)
    return [
        Paragraph("Warunki formalne", style("h2")),
        status_paragraph(age_ok, f"Klaster działa co najmniej {elig.min_age_years} lata{since}"),
        status_paragraph(
            "eligibility_members" not in codes, f"Co najmniej {elig.min_members} członków (w rejestrze: {members})"
        ),
        status_paragraph(
            errors == 0,
            "Wniosek bez błędów – można go sfinalizować"
            if errors == 0
            else "Wniosek ma błędy do poprawienia przed finalizacją",
        ),
        Spacer(1, 4),
    ]


def _problems(doc: Document, problems: list[Problem]) -> list[Flowable]:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    out: list[Flowable] = [
        Paragraph(markup(f"Otwarte problemy: błędy {len(errors)}, ostrzeżenia {len(warnings)}"), style("h2"))
    ]
    if not problems:
        out.append(Paragraph("Kontrola nie wykazała błędów ani ostrzeżeń.", style("text")))
        return out
    for p in (errors + warnings)[:MAX_PROBLEMS]:
        tag = "BŁĄD" if p.is_error else "UWAGA"
        colour = BAD if p.is_error else WARN
        out.append(
            Paragraph(
                f'<font color="#{colour.hexval()[2:]}"><b>{tag}</b></font> '
                f"{markup(p.location(doc.definition))}: {markup(p.message.pl)}",
                style("small"),
            )
        )
    rest = len(problems) - MAX_PROBLEMS
    if rest > 0:
        out.append(Paragraph(markup(f"… i {rest} więcej (pełna lista w programie: Sprawdź wniosek)."), style("note")))
    return out
