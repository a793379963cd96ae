"""Cross-field rules named in a definition's `rules` list. Each kind is implemented once here; a definition
chooses the kinds and their parameters. Every function yields `Problem`s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from stdnum.util import clean

from forms.checks.problem import Problem
from forms.document import Document
from forms.fmt import format_date, format_money
from forms.schema import Rule, Text

RuleFn = Callable[[Document, Rule, dt.date], Iterator[Problem]]


def _place(doc: Document, key: str) -> tuple[str, str]:
    return doc.definition.place_of(key)


def _label(doc: Document, table: str, column: str, lang: str = "pl") -> str:
    return doc.definition.table(table).column(column).label.get(lang)


def column_le(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    table, col, other = rule.params["table"], rule.params["column"], rule.params["other"]
    section, criterion = _place(doc, table)
    for i, row in enumerate(doc.rows(table)):
        a, b = row.get(col), row.get(other)
        if a is not None and b is not None and Decimal(a) > Decimal(b):
            yield Problem(
                rule.severity,
                "column_le",
                Text(
                    f"{_label(doc, table, col)} ({format_money(a)}) nie może przekraczać: "
                    f"{_label(doc, table, other)} ({format_money(b)})",
                    f"{_label(doc, table, col, 'en')} ({format_money(a, 'en')}) may not exceed "
                    f"{_label(doc, table, other, 'en')} ({format_money(b, 'en')})",
                ),
                section,
                criterion,
                table=table,
                row=i,
                column=col,
            )


def unique(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    table, col = rule.params["table"], rule.params["column"]
    section, criterion = _place(doc, table)
    is_nip = doc.definition.table(table).column(col).type == "nip"
    first: dict[str, int] = {}
    for i, row in enumerate(doc.rows(table)):
        value = row.get(col)
        if value is None:
            continue
        norm = clean(str(value), " -.").upper()
        if is_nip:
            norm = norm.removeprefix("PL")  # "PL 526-104-08-28" is the same NIP as "5261040828"
        if norm in first:
            yield Problem(
                rule.severity,
                "unique",
                Text(
                    f"{_label(doc, table, col)} {value} występuje już w wierszu {first[norm] + 1}; "
                    "każdy podmiot może być wpisany tylko raz",
                    f"{_label(doc, table, col, 'en')} {value} already appears in row {first[norm] + 1}; "
                    "each member may be listed only once",
                ),
                section,
                criterion,
                table=table,
                row=i,
                column=col,
            )
        else:
            first[norm] = i


def consecutive_years(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    table, col, count = rule.params["table"], rule.params["column"], int(rule.params["count"])
    ref = doc.get(rule.params["ending_at"])
    rows = doc.rows(table)
    if ref is None or not rows:
        return
    section, criterion = _place(doc, table)
    expected = list(range(int(ref) - count + 1, int(ref) + 1))
    years = [row.get(col) for row in rows]
    if sorted(y for y in years if y is not None) != expected:
        listed = ", ".join(str(y) for y in years if y is not None) or "brak"
        yield Problem(
            rule.severity,
            "consecutive_years",
            Text(
                f"potrzebne są dane za {count} lata obrotowe: {', '.join(map(str, expected))} "
                f"(kończące się rokiem odniesienia {ref}); podano: {listed}",
                f"{count} financial years needed: {', '.join(map(str, expected))}; given: {listed}",
            ),
            section,
            criterion,
            table=table,
            column=col,
        )


def _years_between(start: dt.date, end: dt.date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def eligibility_age(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    elig = doc.definition.eligibility
    established = doc.get(elig.established_field)
    if established is None:
        return
    on = doc.get("signatory.date") if doc.definition.has_field("signatory.date") else None
    on = on or today
    age = _years_between(established, on)
    if age < elig.min_age_years:
        section, criterion = _place(doc, elig.established_field)
        yield Problem(
            rule.severity,
            "eligibility_age",
            Text(
                f"klaster musi działać co najmniej {elig.min_age_years} lata; założony "
                f"{format_date(established)}, na dzień {format_date(on)} działa {age} lat(a)",
                f"the cluster must have operated for at least {elig.min_age_years} years; it has {age}",
            ),
            section,
            criterion,
            field=elig.established_field,
        )


def eligibility_members(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    elig = doc.definition.eligibility
    count = len(doc.rows("members"))
    if count < elig.min_members:
        section, criterion = _place(doc, "members")
        yield Problem(
            rule.severity,
            "eligibility_members",
            Text(
                f"klaster musi mieć co najmniej {elig.min_members} członków; w rejestrze jest {count}",
                f"the cluster needs at least {elig.min_members} members; the register has {count}",
            ),
            section,
            criterion,
            table="members",
        )


def attachment_kinds(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    table, col = rule.params["table"], rule.params["column"]
    tdef = doc.definition.table(table)
    present = {row.get(col) for row in doc.rows(table)}
    section, criterion = _place(doc, table)
    for kind in rule.params["required"]:
        if kind not in present:
            label = doc.definition.choice_label(tdef.column(col).list or "", kind)
            yield Problem(
                rule.severity,
                "attachment_missing",
                Text(f"brak wymaganego załącznika: {label}", f"required attachment missing: {kind}"),
                section,
                criterion,
                table=table,
            )


def attachment_files(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    """Every attachment row must name a file that is held, with a matching hash."""
    table = rule.params["table"]
    section, criterion = _place(doc, table)
    for i, row in enumerate(doc.rows(table)):
        digest = row.get("sha256")
        content = doc.files.get(digest) if digest else None
        if digest and content is None:
            message = Text(
                f"plik załącznika „{row.get('file_name', '')}” nie został dołączony; dodaj go ponownie",
                "the attachment's file is missing; add it again",
            )
        elif content is not None and hashlib.sha256(content).hexdigest() != digest:
            message = Text("plik załącznika ma inną sumę SHA-256 niż zapisana", "the file's SHA-256 differs")
        else:
            continue
        yield Problem(
            rule.severity, "attachment_file", message, section, criterion, table=table, row=i, column="sha256"
        )


def date_not_future(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    key = rule.params["field"]
    value: Any = doc.get(key)
    if value is not None and value > today:
        section, criterion = _place(doc, key)
        yield Problem(
            rule.severity,
            "date_future",
            Text(
                f"data {format_date(value)} jest w przyszłości (dziś {format_date(today)})",
                f"date {value} is in the future",
            ),
            section,
            criterion,
            field=key,
        )


def date_order(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    table, start, end = rule.params["table"], rule.params["start"], rule.params["end"]
    section, criterion = _place(doc, table)
    for i, row in enumerate(doc.rows(table)):
        a, b = row.get(start), row.get(end)
        if a is not None and b is not None and b < a:
            yield Problem(
                rule.severity,
                "date_order",
                Text(
                    f"data zakończenia {format_date(b)} jest wcześniejsza niż data rozpoczęcia {format_date(a)}",
                    f"end date {b} is before start date {a}",
                ),
                section,
                criterion,
                table=table,
                row=i,
                column=end,
            )


RULES: dict[str, RuleFn] = {
    "column_le": column_le,
    "unique": unique,
    "consecutive_years": consecutive_years,
    "eligibility_age": eligibility_age,
    "eligibility_members": eligibility_members,
    "attachment_kinds": attachment_kinds,
    "attachment_files": attachment_files,
    "date_not_future": date_not_future,
    "date_order": date_order,
}
