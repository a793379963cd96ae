"""The summary a cluster's board decides from, on one A4 page: readiness (the counts of `forms.progress.assess`,
the same the side list, the review and the command line show), the key facts, eligibility with its source (a
program recommendation is never printed as a requirement), the indicators against the KKK averages as a bar
table, the coordinator's finances over the three years, the members by type and voivodeship, what is still open,
who signs and by when."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from export.pdf.blocks import column_title, status_paragraph
from export.pdf.canvas import Decor
from export.pdf.charts import Bar, _scale_max
from export.pdf.facts import Facts, facts, pdf_meta
from export.pdf.render import Progress, render, write_pdf
from export.pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    AVERAGE,
    BAD,
    CELL_PAD,
    GOOD,
    MUTED,
    PORTRAIT,
    RULE,
    WARN,
    ZEBRA,
    frame_width,
    style,
    table_style,
)
from export.pdf.text import markup
from export.pdf.values import EMPTY, difference_text, indicator_text
from forms.checks import Problem
from forms.display import value_text
from forms.document import Document
from forms.fmt import format_date, format_decimal, format_int, format_percent
from forms.indicators import IndicatorValue, compute_indicators
from forms.messages import count, totals_text
from forms.progress import COMPLETE, HAS_ERRORS, IN_PROGRESS, Assessment, assess, status_text

MAX_PROBLEMS = 6  # listed one by one; the rest are counted
MAX_VOIVODESHIPS = 8  # the largest ones; the others are summed up
GUTTER = 14  # between the two columns of a row
BAR_WIDTH = 100  # the bar column of the indicator table
FINANCE_TABLE = "infra.finance"
FINANCE_YEARS = 3


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


# Styles of the compact page ------------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    h2 = style("h2")
    return {
        "title": ParagraphStyle("sum_title", parent=style("h1"), fontSize=14, leading=17, spaceAfter=1),
        "sub": ParagraphStyle("sum_sub", parent=style("small"), textColor=MUTED, spaceAfter=4),
        "head": ParagraphStyle("sum_head", parent=h2, fontSize=9.5, leading=12, spaceBefore=3, spaceAfter=1.5),
        "line": ParagraphStyle("sum_line", parent=style("small"), fontSize=8, leading=10, spaceAfter=1),
        "big": ParagraphStyle("sum_big", parent=h2, fontSize=16, leading=19, spaceBefore=0, spaceAfter=0),
        "verdict": ParagraphStyle("sum_verdict", parent=style("kv_value"), fontSize=9, leading=11.5),
    }


def _colour(c: Any) -> str:
    return f"#{c.hexval()[2:]}"


def _grid(data: list[list], widths: list[float], commands: Sequence[tuple] = (), *, numbers_from: int = 1) -> Table:
    """A compact data table: header row in the accent colour, hairlines, numbers right-aligned from a column."""
    cell, bold = style("cell"), style("cell_bold")
    base: list[tuple] = [
        ("FONT", (0, 0), (-1, 0), bold.fontName, 7.5, 9),
        ("FONT", (0, 1), (-1, -1), cell.fontName, 7.5, 9),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 0.3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1),
    ]
    return Table(data, colWidths=widths, hAlign="LEFT", style=table_style([*base, *commands]))


SUMMARY_TEXT_CHARS = 400  # a one-page summary shows the start of a long value (the application PDF has it whole)


def _short(text: str, limit: int = SUMMARY_TEXT_CHARS) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _markup(text: str, limit: int = SUMMARY_TEXT_CHARS) -> str:
    """Paragraph markup of a text shortened for the one page (every text of the summary goes through it)."""
    return markup(_short(text, limit))


def _cell(text: str, name: str = "cell") -> Paragraph:
    """A table cell that wraps; `cell_empty` for "brak" in grey italics. Long values are shortened: a cell taller
    than the page would stop the summary (reportlab's LayoutError)."""
    s = style("kv_empty") if name == "cell_empty" else style(name)
    return Paragraph(_markup(text), ParagraphStyle(f"sum_{name}", parent=s, fontSize=7.5, leading=9))


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float, share: float = 0.5) -> Table:
    """Two columns of flowables on one row (a table with one row: it never splits, so keep both short)."""
    lw = (width - GUTTER) * share
    table = Table([[left, right]], colWidths=[lw + GUTTER, width - GUTTER - lw], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), GUTTER),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _half(width: float, share: float = 0.5) -> tuple[float, float]:
    left = (width - GUTTER) * share
    return left, width - GUTTER - left


# The story -----------------------------------------------------------------------------------------------------
def summary_story(doc: Document, f: Facts) -> list[Flowable]:
    s = _styles()
    width = frame_width(PORTRAIT)
    assessment = assess(doc, today=f.today)
    values = compute_indicators(doc)
    left_w, right_w = _half(width)
    subtitle = " · ".join(p for p in (f.kind_label, f.round, f.version, f.state) if p)
    return [
        Paragraph(_markup(f.name, 200), s["title"]),
        Paragraph(_markup(f"Podsumowanie wniosku · {subtitle}"), s["sub"]),
        _readiness(assessment, f, width, s),
        *_key_facts(doc, f, values, width, s),
        _side_by_side(
            [Paragraph("Gotowość według części", s["head"]), _sections(assessment, left_w)],
            [*_eligibility(doc, assessment, s), *_signature(doc, f, s)],
            width,
        ),
        *_indicators(values, width, s),
        *_finances(doc, values, width, s),
        _side_by_side(_members_by_type(doc, left_w, s), _members_by_voivodeship(doc, right_w, s), width),
        *_open_items(doc, assessment, s),
    ]


def _readiness(a: Assessment, f: Facts, width: float, s: dict[str, ParagraphStyle]) -> Table:
    """A band: the percentage of required items filled in, the counts, and the verdict."""
    totals = totals_text(a.missing, a.errors, a.warnings)
    if f.final:
        verdict, colour = f"Wniosek sfinalizowany {f.finalized_on}".rstrip() + ".", GOOD
    elif a.blocking == 0:
        verdict, colour = "Wniosek kompletny i bez błędów – można go sfinalizować.", GOOD
    else:
        todo = []
        if a.missing:
            todo.append(f"uzupełnić {count(a.missing, 'brak')}")
        if a.errors:
            todo.append(f"poprawić {count(a.errors, 'błąd')}")
        verdict, colour = "Przed finalizacją trzeba " + " i ".join(todo) + ".", BAD if a.errors else WARN
    big = Paragraph(f'<font color="{_colour(colour)}">{a.completeness}\u00a0%</font>', s["big"])
    text = [
        Paragraph(
            _markup(f"Gotowość: {a.completeness} % wymaganych pozycji ({a.filled} z {a.required}); {totals}"),
            s["verdict"],
        ),
        Paragraph(f'<font color="{_colour(colour)}"><b>{_markup(verdict)}</b></font>', s["verdict"]),
    ]
    table = Table([[big, text]], colWidths=[74, width - 74], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("LINEBEFORE", (0, 0), (0, 0), 3, colour),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _field(doc: Document, key: str) -> str:
    d = doc.definition
    return value_text(d, d.field(key), doc.values.get(key)) if d.has_field(key) else EMPTY


def _key_facts(
    doc: Document, f: Facts, values: Sequence[IndicatorValue], width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """Label | value | label | value (the indicators without a KKK average among them); the KIS, which run long,
    over the whole width."""
    pairs = [
        ("Numer wniosku", f.number or EMPTY),
        ("Data utworzenia klastra", _field(doc, "cluster.established_on")),
        ("Koordynator", f"{f.coordinator or EMPTY} (NIP {_field(doc, 'coordinator.nip')})"),
        ("Województwo", _field(doc, "cluster.voivodeship")),
        ("Rok obrotowy danych", _field(doc, "meta.reference_year")),
        ("Data wydruku", format_date(f.today)),
        *([("Korekta – zastępuje", f.corrects.text)] if f.corrects else []),
        *_business(values),
    ]
    label = ParagraphStyle("sum_kv_label", parent=style("kv_label"), fontSize=7.5, leading=9)

    def value(v: str) -> Paragraph:
        return _cell(v, "cell_empty" if v == EMPTY else "cell")

    data = []
    for i in range(0, len(pairs), 2):
        row = [Paragraph(_markup(pairs[i][0]), label), value(pairs[i][1])]
        row += [Paragraph(_markup(pairs[i + 1][0]), label), value(pairs[i + 1][1])] if i + 1 < len(pairs) else ["", ""]
        data.append(row)
    data.append([Paragraph("Krajowe Inteligentne Specjalizacje", label), value(_field(doc, "cluster.kis")), "", ""])
    commands = [
        ("SPAN", (1, len(data) - 1), (3, len(data) - 1)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1),
    ]
    left, right = _half(width)
    widths = [left * 0.43, left * 0.57 + GUTTER, right * 0.5, right * 0.5]
    return [
        Paragraph("Dane wniosku", s["head"]),
        Table(data, colWidths=widths, hAlign="LEFT", style=table_style(commands)),
    ]


SHORT_LABELS = {  # indicators without a KKK average in the two-column facts table, where a long label would wrap
    "enterprises": "Przedsiębiorstwa",
    "sme_share": "Udział MŚP",
    "total_sales": "Sprzedaż przedsiębiorstw",
    "export_intensity": "Intensywność eksportu",
    "startups": "Start-upy technologiczne",
}


def _business(values: Sequence[IndicatorValue]) -> list[tuple[str, str]]:
    """The counts, sums and shares without a KKK average (the member count is in the members table, the
    non-public share with the finances)."""
    skip = {"members_total", "non_public_share"}
    return [
        (SHORT_LABELS.get(v.definition.id, v.definition.label.pl), indicator_text(v.value, v.is_percent))
        for v in values
        if v.kkk_average is None and not isinstance(v.value, dict) and v.definition.id not in skip
    ]


def _sections(a: Assessment, width: float) -> Table:
    data: list[list] = [["Część wniosku", "Stan"]]
    for p in a.sections:
        colour = {COMPLETE: GOOD, HAS_ERRORS: BAD, IN_PROGRESS: WARN}.get(p.status)
        state = _cell(status_text(p))
        if colour is not None:
            state = Paragraph(f'<font color="{_colour(colour)}">{state.text}</font>', state.style)
        data.append([_cell(p.section.display_title()), state])
    return _grid(data, [width * 0.6, width * 0.4], [("ALIGN", (0, 0), (-1, -1), "LEFT")], numbers_from=2)


def _eligibility(doc: Document, a: Assessment, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The age and size thresholds with their source: a program recommendation says so on every line."""
    elig = doc.definition.eligibility
    source = elig.provenance
    codes = {p.code for p in a.problems}
    established = doc.values.get(elig.established_field)
    members = len(doc.tables.get("members", []))
    age_ok = None if established is None else "eligibility_age" not in codes
    since = f" (utworzony {format_date(established)})" if established else " (brak daty utworzenia)"
    age = f"klaster działa co najmniej {count(elig.min_age_years, 'rok')}{since}"
    size = f"co najmniej {count(elig.min_members, 'członek')} (w rejestrze: {format_int(members)})"
    if source.is_program:
        head = "Kwalifikowalność (wskazówki programu)"
        lines = [f"{source.label()}: {age}", f"{source.label()}: {size}"]
        note = "Progi są zaleceniem programu, nie wymogiem regulaminu tego naboru."
    else:
        head = "Warunki formalne naboru"
        lines = [age[0].upper() + age[1:], size[0].upper() + size[1:]]
        note = f"Źródło: {source.label()}."
    line = s["line"]
    return [
        Paragraph(_markup(head), s["head"]),
        _small(status_paragraph(age_ok, lines[0]), line),
        _small(status_paragraph("eligibility_members" not in codes, lines[1]), line),
        Paragraph(_markup(note), ParagraphStyle("sum_note", parent=style("note"), fontSize=7.5, leading=9.5)),
    ]


def _small(p: Paragraph, s: ParagraphStyle) -> Paragraph:
    return Paragraph(p.text, s)


class _Bars(Flowable):
    """The cluster's bar over the KKK average's, both from 0 on the same scale (a cell of the indicator table)."""

    def __init__(self, value: Decimal | None, average: Decimal | None, top: float, width: float) -> None:
        super().__init__()
        self.value, self.average, self.top, self.width, self.height = value, average, top, width, 9.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        d = Drawing(self.width, self.height)
        for y, v, colour in ((4.8, self.value, ACCENT), (0.6, self.average, AVERAGE)):
            if v is not None:
                length = self.width * min(float(v), self.top) / self.top
                d.add(Rect(0, y, max(length, 0.6), 3.6, fillColor=colour, strokeColor=None))
        d.drawOn(self.canv, 0, 0)


def _indicators(values: Sequence[IndicatorValue], width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    averaged = [v for v in values if v.kkk_average is not None]
    if not averaged:
        return []
    top = _scale_max([Bar(v.definition.label.pl, v.value, v.kkk_average) for v in averaged])
    legend = f'<font color="{_colour(ACCENT)}">■</font> klaster  <font color="{_colour(AVERAGE)}">■</font> średnia KKK'

    data: list[list] = [
        ["Wskaźnik", "Klaster", "Średnia KKK", "Różnica", Paragraph(legend, _cell("", "cell_bold").style)]
    ]
    commands: list[tuple] = [("ALIGN", (4, 0), (4, -1), "LEFT")]
    for r, v in enumerate(averaged, 1):
        data.append(
            [
                _cell(v.definition.label.pl),
                indicator_text(v.value, v.is_percent),
                format_percent(v.kkk_average),
                difference_text(v.difference),
                _Bars(v.value, v.kkk_average, top, BAR_WIDTH),
            ]
        )
        if v.difference is not None and v.difference != 0:
            commands.append(("TEXTCOLOR", (3, r), (3, r), GOOD if v.difference > 0 else BAD))
    fixed = [42, 50, 46, BAR_WIDTH + 2 * CELL_PAD + 30]
    widths = [width - sum(fixed), *fixed]
    head = Paragraph(f"Wskaźniki na tle średnich KKK (słupki od 0 do {int(top)}\u00a0%)", s["head"])
    return [head, _grid(data, widths, commands)]


def _finances(
    doc: Document, values: Sequence[IndicatorValue], width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """The coordinator's finances of the last three years (columns) with the change from the first to the last."""
    d = doc.definition
    if not d.has_table(FINANCE_TABLE):
        return []
    table = d.table(FINANCE_TABLE)
    rows = sorted(
        (r for r in doc.tables.get(FINANCE_TABLE, []) if r.data.get("year") is not None),
        key=lambda r: int(r.data["year"]),
    )[-FINANCE_YEARS:]
    head = Paragraph(_markup(f"Finanse koordynatora – {count(FINANCE_YEARS, 'rok obrotowy')}"), s["head"])
    if not rows:
        return [head, Paragraph(_markup("Brak danych finansowych."), style("empty"))]
    years = [int(r.data["year"]) for r in rows]
    change_head = f"Zmiana {years[0]}–{years[-1]}" if len(years) > 1 else "Zmiana"
    data: list[list] = [["Pozycja (zł)", *map(str, years), change_head]]
    commands: list[tuple] = []
    money = [c for c in table.columns if c.key != "year" and c.type == "money"]
    for col in money:
        amounts = [r.data.get(col.key) for r in rows]
        cells = [format_decimal(Decimal(a), 0) if a is not None else "—" for a in amounts]
        data.append([_cell(column_title(col).replace(" (zł)", "")), *cells, _change(amounts)])
        for i, a in enumerate(amounts, 1):
            if a is not None and Decimal(a) < 0:
                commands.append(("TEXTCOLOR", (i, len(data) - 1), (i, len(data) - 1), BAD))
    budget, non_public = "cluster_budget_pln", "non_public_pln"
    if table.has_column(budget) and table.has_column(non_public):
        shares = [_share(r.data.get(non_public), r.data.get(budget)) for r in rows]
        pooled = next((v.value for v in values if v.definition.id == "non_public_share"), None)
        data.append(
            [
                _cell("Udział środków niepublicznych w budżecie klastra"),
                *[format_percent(x) if x is not None else "—" for x in shares],
                _cell(f"łącznie {format_percent(pooled)}" if pooled is not None else "—"),
            ]
        )
    n = len(years)
    widths = [width - 62 * n - 76, *([62] * n), 76]
    return [head, _grid(data, widths, commands)]


def _share(part: Any, whole: Any) -> Decimal | None:
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"))


def _change(amounts: list[Any]) -> str:
    """The change from the first to the last year in percent (only between two positive amounts)."""
    first, last = amounts[0], amounts[-1]
    if len(amounts) < 2 or first is None or last is None or Decimal(first) <= 0 or Decimal(last) < 0:
        return "—"
    diff = (Decimal(last) - Decimal(first)) * 100 / Decimal(first)
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return f"{sign}{_percent1(abs(diff))}"


def _members_by_type(doc: Document, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    d = doc.definition
    rows = doc.tables.get("members", [])
    column = d.table("members").column("type") if d.has_table("members") else None
    labels = {c.code: c.label.pl for c in d.choices(column.list)} if column is not None and column.list else {}
    counts = Counter(r.data.get("type") for r in rows)
    data: list[list] = [["Rodzaj podmiotu", "Liczba", "Udział"]]
    for code in [*labels, *sorted(k for k in counts if k not in labels and k is not None)]:
        if counts.get(code):
            data.append([_cell(labels.get(code, code)), format_int(counts[code]), _pct(counts[code], len(rows))])
    if counts.get(None):
        data.append([_cell("bez rodzaju"), format_int(counts[None]), _pct(counts[None], len(rows))])
    data.append([_cell("Razem", "cell_bold"), format_int(len(rows)), _pct(len(rows), len(rows))])
    total = [("FONT", (0, len(data) - 1), (-1, len(data) - 1), style("cell_bold").fontName, 7.5, 9)]
    head = Paragraph("Członkowie według rodzaju", s["head"])
    return [head, _grid(data, [width - 90, 42, 48], total)]


def _members_by_voivodeship(doc: Document, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    d = doc.definition
    rows = doc.tables.get("members", [])
    column = d.table("members").column("voivodeship") if d.has_table("members") else None
    list_id = column.list if column is not None else None
    counts = Counter(r.data.get("voivodeship") for r in rows)
    known = sorted(((c, n) for c, n in counts.items() if c), key=lambda cn: (-cn[1], cn[0]))
    data: list[list] = [["Województwo", "Liczba", "Udział"]]
    for code, n in known[:MAX_VOIVODESHIPS]:
        label = d.choice_label(list_id, code) if list_id else str(code)
        data.append([_cell(label), format_int(n), _pct(n, len(rows))])
    rest = known[MAX_VOIVODESHIPS:]
    if rest:
        n = sum(n for _, n in rest)
        data.append([_cell(f"pozostałe ({format_int(len(rest))})"), format_int(n), _pct(n, len(rows))])
    if counts.get(None):
        data.append([_cell("bez województwa"), format_int(counts[None]), _pct(counts[None], len(rows))])
    head = Paragraph(_markup(f"Członkowie według województwa ({format_int(len(known))})"), s["head"])
    return [head, _grid(data, [width - 90, 42, 48])]


def _pct(n: int, total: int) -> str:
    return _percent1(Decimal(n) * 100 / Decimal(total)) if total else "—"


def _percent1(value: Decimal) -> str:
    """A share with one decimal place (`3,8 %`): enough for a board, narrower in a compact table."""
    return format_decimal(value.quantize(Decimal("0.1")), 1) + "\u00a0%"


def _open_items(doc: Document, a: Assessment, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """What is still open: errors first, then missing items, then warnings, each with its place."""
    out: list[Flowable] = [
        Paragraph(_markup(f"Do zrobienia: {totals_text(a.missing, a.errors, a.warnings)}"), s["head"])
    ]
    if not a.problems:
        out.append(Paragraph("Kontrola nie wykazała braków, błędów ani uwag.", s["line"]))
        return out
    shown = _pick(a.problems, MAX_PROBLEMS)
    for p in shown:
        tag, colour = ("BŁĄD", BAD) if p.is_mistake else ("BRAK", WARN) if p.is_missing else ("UWAGA", MUTED)
        out.append(
            Paragraph(
                f'<font color="{_colour(colour)}"><b>{tag}</b></font> '
                f"{_markup(p.location(doc.definition))}: {_markup(p.message.pl)}",
                s["line"],
            )
        )
    rest = len(a.problems) - len(shown)
    if rest > 0:
        more = f"… i {count(rest, 'inny problem')} (pełna lista: „Sprawdź wniosek” w programie)."
        out.append(Paragraph(_markup(more), s["line"]))
    return out


def _rank(p: Problem) -> int:
    return 0 if p.is_mistake else 1 if p.is_missing else 2


def _pick(problems: Sequence[Problem], limit: int) -> list[Problem]:
    """At most `limit` problems, taken in turn from each kind (so that 30 member errors do not hide the missing
    items), listed errors first, then missing items, then warnings, each kind in the order of the form."""
    kinds: list[list[Problem]] = [[p for p in problems if _rank(p) == k] for k in range(3)]
    taken = [0, 0, 0]
    while sum(taken) < min(limit, len(problems)):
        for k in range(3):
            if taken[k] < len(kinds[k]) and sum(taken) < limit:
                taken[k] += 1
    return [p for k in range(3) for p in kinds[k][: taken[k]]]


def _signature(doc: Document, f: Facts, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Who signs, where and when, and by when the application must reach the ministry."""
    d = doc.definition

    def text(key: str) -> str:
        return value_text(d, d.field(key), doc.values[key]) if d.has_field(key) and doc.values.get(key) else ""

    who = ", ".join(p for p in (text("signatory.name"), text("signatory.position")) if p) or EMPTY
    where = ", ".join(p for p in (text("signatory.place"), text("signatory.date")) if p) or EMPTY
    deadline = f"według ogłoszenia naboru ({f.round}); formularz nie podaje daty – sprawdź ją w ogłoszeniu"
    if text("status.valid_until"):
        deadline += f"; obecny status ważny do {text('status.valid_until')}"
    line = s["line"]
    return [
        Paragraph("Podpis i termin", s["head"]),
        Paragraph(f"<b>Podpisuje:</b> {_markup(who)}", line),
        Paragraph(f"<b>Miejscowość i data podpisu:</b> {_markup(where)}", line),
        Paragraph(f"<b>Termin złożenia:</b> {_markup(deadline)}", line),
        Spacer(1, 2),
    ]
