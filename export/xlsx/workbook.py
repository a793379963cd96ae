"""The whole application as one workbook: summary, fields, members, every other table, indicators against the
KKK averages, and the problems the checks find.

Numbers stay numbers (money with two decimals, percentages as 0-100 with a `%` format), dates stay dates, lists
show their Polish labels, and no user text can become a formula (`writer.set_cell`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from export.xlsx.printing import print_setup
from export.xlsx.writer import (
    DATE_FORMAT,
    INT_FORMAT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    cell_value,
    header_width,
    new_workbook,
    number_format_of,
    save_workbook,
    set_cell,
    set_widths,
    write_header,
    write_title,
)
from forms.checks import check_document
from forms.document import Document, group_checksum
from forms.indicators import IndicatorValue, compute_indicators
from forms.progress import completeness, progress
from forms.schema import TableDef

MEMBERS = "members"
STATES = {"draft": "roboczy", "final": "sfinalizowany"}
SOURCE_HEADERS = ("Źródło: plik", "Źródło: arkusz", "Źródło: wiersz", "Zaimportowano")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = " ".join(_BAD_SHEET_CHARS.sub(" ", text).split()).strip("'")
    if len(base) > 31:
        head = base[:30].rsplit(" ", 1)[0]
        base = (head if len(head) >= 16 else base[:30]).rstrip(" ,;–-") + "…"
    base = base or "Arkusz"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def _table_sheet(wb: Workbook, doc: Document, table: TableDef, title: str, sources: dict[str, Any] | None) -> None:
    d = doc.definition
    ws = wb.create_sheet(title)
    headers = [c.label.pl for c in table.columns]
    widths = [header_width(c.label.pl, c) for c in table.columns]
    if sources is not None:
        headers += list(SOURCE_HEADERS)
        widths += [28, 14, 10, 18]
    write_header(ws, 1, ["Lp.", *headers], [6, *widths], freeze="B2")
    formats = [number_format_of(c, currency=True) for c in table.columns]
    for r, row in enumerate(doc.rows(table.key), start=2):
        set_cell(ws, r, 1, r - 1)
        for i, (col, fmt) in enumerate(zip(table.columns, formats, strict=True), start=2):
            value = cell_value(col, row.get(col.key), d)
            if value is not None:
                set_cell(ws, r, i, value, fmt)
        src = (sources or {}).get(row.uid)
        if src is not None:
            first = len(table.columns) + 2
            set_cell(ws, r, first, src.file_name)
            set_cell(ws, r, first + 1, src.sheet or "")
            set_cell(ws, r, first + 2, src.row)
            set_cell(ws, r, first + 3, src.imported_at, "DD.MM.YYYY HH:MM")


def _fields_sheet(wb: Workbook, doc: Document) -> None:
    d = doc.definition
    ws = wb.create_sheet("Dane wniosku")
    write_header(ws, 1, ("Część", "Kryterium", "Pole", "Wartość"), (28, 36, 44, 70), freeze="A2")
    r = 2
    for section in d.sections:
        for crit in section.criteria:
            for f in crit.fields:
                value = cell_value(f, doc.values.get(f.key), d)
                set_cell(ws, r, 1, section.display_title(), wrap=True)  # wrapped: printed whole, never cut
                set_cell(ws, r, 2, crit.title.pl, wrap=True)
                set_cell(ws, r, 3, f.label.pl, wrap=True)
                if value is not None:
                    set_cell(ws, r, 4, value, number_format_of(f, currency=True), wrap=True)
                r += 1


def _indicator_rows(doc: Document, v: IndicatorValue) -> list[tuple[str, Any, str | None]]:
    label = v.definition.label.pl
    if isinstance(v.value, dict):
        list_id = doc.definition.table(MEMBERS).column(v.definition.params["column"]).list or ""
        order = [c.code for c in doc.definition.lists.get(list_id, ())]
        keys = sorted(v.value, key=lambda k: (order.index(k) if k in order else len(order), k))
        return [(f"{label}: {doc.definition.choice_label(list_id, k)}", v.value[k], INT_FORMAT) for k in keys]
    if v.is_percent:
        return [(label, v.value, PERCENT_FORMAT)]
    if isinstance(v.value, int):
        return [(label, v.value, INT_FORMAT)]
    return [(label, v.value, MONEY_FORMAT)]


def _indicators_sheet(wb: Workbook, doc: Document, values: list[IndicatorValue]) -> None:
    ws = wb.create_sheet("Wskaźniki")
    write_header(
        ws,
        1,
        ("Wskaźnik", "Wartość", "Średnia KKK", "Różnica (p.p.)", "Licznik", "Mianownik"),
        (70, 16, 14, 14, 16, 16),
        freeze="A2",
    )
    r = 2
    for v in values:
        for label, value, fmt in _indicator_rows(doc, v):
            set_cell(ws, r, 1, label, wrap=True)
            if value is not None:
                set_cell(ws, r, 2, value, fmt)
            else:
                set_cell(ws, r, 2, "brak danych")
            if v.kkk_average is not None:
                set_cell(ws, r, 3, v.kkk_average, PERCENT_FORMAT)
                if v.difference is not None:
                    set_cell(ws, r, 4, v.difference, "+0.00;-0.00;0.00")
            if v.numerator is not None:
                fmt_part = INT_FORMAT if isinstance(v.numerator, int) else MONEY_FORMAT
                set_cell(ws, r, 5, v.numerator, fmt_part)
                set_cell(ws, r, 6, v.denominator, fmt_part)
            r += 1


def _problems_sheet(wb: Workbook, doc: Document, problems: list) -> None:
    ws = wb.create_sheet("Problemy")
    write_header(ws, 1, ("Ważność", "Miejsce", "Opis"), (10, 70, 80), freeze="A2")
    for r, p in enumerate(problems, start=2):
        set_cell(ws, r, 1, "błąd" if p.is_error else "uwaga")
        set_cell(ws, r, 2, p.location(doc.definition), wrap=True)
        set_cell(ws, r, 3, p.message.pl, wrap=True)


def _field_text(doc: Document, key: str) -> Any:
    d = doc.definition
    return cell_value(d.field(key), doc.values.get(key), d) if d.has_field(key) else None


def application_checksum(doc: Document, info: Any) -> str:
    """The data checksum the workbook shows: the recorded one of a stored version, else the document's own."""
    return info.checksum if info is not None and info.checksum else doc.checksum()


def application_title(doc: Document, info: Any) -> str:
    """The name in every printed page's header."""
    name = str(doc.get("cluster.name", "") or getattr(info, "name", "") or "").strip()
    return f"Wniosek o status KKK – {name}" if name else "Wniosek o status KKK"


def _summary(
    ws: Any,
    doc: Document,
    info: Any,
    problems: list,
    values: list[IndicatorValue],
    sheets: list[str],
    today: dt.date,
    checksum: str,
) -> None:
    d = doc.definition
    state = STATES.get(getattr(info, "state", "draft"), "roboczy")
    by_id = {v.id: v for v in values}
    lines: list[tuple[str, Any, str | None]] = [
        ("Klaster", _field_text(doc, "cluster.name") or getattr(info, "name", ""), None),
        ("Koordynator", _field_text(doc, "coordinator.name"), None),
        ("Runda konkursu", f"{d.title.pl} ({d.id}, wersja {d.version})", None),
        ("Rodzaj wniosku", _field_text(doc, "meta.application_type") or getattr(info, "kind", ""), None),
        ("Stan", state, None),
        ("Wersja wniosku", getattr(info, "version_no", 1), INT_FORMAT),
        (
            "Suma kontrolna",
            f"{group_checksum(checksum)} ({checksum})"
            + ("" if state == "sfinalizowany" else " – robocza, zmieni się po edycji"),
            None,
        ),
        ("Kompletność", f"{completeness(progress(doc, problems))} %", None),
        ("Błędy / uwagi", f"{sum(p.is_error for p in problems)} / {sum(not p.is_error for p in problems)}", None),
        ("Liczba członków", len(doc.rows(MEMBERS)), INT_FORMAT),
    ]
    for key in ("enterprises", "total_sales", "export_share", "rd_share"):
        if key in by_id and by_id[key].value is not None:
            v = by_id[key]
            lines.append((v.definition.label.pl, v.value, _indicator_rows(doc, v)[0][2]))
    lines.append(("Zestawienie sporządzono", today, DATE_FORMAT))
    write_title(ws, "Wniosek o status Krajowego Klastra Kluczowego")
    for r, (label, value, fmt) in enumerate(lines, start=3):
        set_cell(ws, r, 1, label, wrap=True)
        set_cell(ws, r, 2, value, fmt, wrap=True)
    r = len(lines) + 4
    set_cell(ws, r, 1, "Arkusze tego skoroszytu:")
    for i, name in enumerate(sheets, start=1):
        set_cell(ws, r + i, 1, f"• {name}")
    set_widths(ws, (48, 80))


def write_application_xlsx(
    doc: Document, info: Any, path: Path | str, *, sources: dict[str, Any] | None = None, today: dt.date | None = None
) -> None:
    """Write the application to one workbook (atomically). `info` is its ApplicationInfo (or None);
    `sources` the provenance of member rows by uid (`Repository.row_sources(app_id, "members")`)."""
    today = today or dt.date.today()
    d = doc.definition
    problems = check_document(doc, today)
    values = compute_indicators(doc)
    wb, summary = new_workbook("Podsumowanie", title=f"Wniosek KKK – {doc.get('cluster.name', '')}")
    taken = {"podsumowanie", "dane wniosku", "wskaźniki", "problemy"}
    _fields_sheet(wb, doc)
    members = d.table(MEMBERS) if d.has_table(MEMBERS) else None
    if members is not None:
        _table_sheet(wb, doc, members, sheet_title(members.label.pl, taken), sources or {})
    _indicators_sheet(wb, doc, values)
    for key, table in d.tables.items():
        if key != MEMBERS:
            _table_sheet(wb, doc, table, sheet_title(table.label.pl, taken), None)
    _problems_sheet(wb, doc, problems)
    checksum = application_checksum(doc, info)
    _summary(summary, doc, info, problems, values, wb.sheetnames[1:], today, checksum)
    title = application_title(doc, info)
    for ws in wb.worksheets:  # the summary is a list of facts, every other sheet a table under one header row
        summary_sheet = ws is summary
        print_setup(ws, title=title, checksum=checksum, header_row=None if summary_sheet else 1, data=not summary_sheet)
    save_workbook(wb, path)
