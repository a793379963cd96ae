"""Cross-field rules named in a definition's `rules` list. Each kind is implemented once here; a definition
chooses the kinds and their parameters. Every function yields `Problem`s; their texts come from the catalogue
(`forms.messages`).
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
from forms.messages import Choice, Date, Money, Quoted, message, without_unit
from forms.schema import Rule, TableDef, Text

RuleFn = Callable[[Document, Rule, dt.date], Iterator[Problem]]

# Columns that name a row for people, in order of preference (a member's name, a project's title ...).
NAME_COLUMNS = ("name", "title", "school", "startup", "standard", "provider")


def row_name(table: TableDef, data: dict) -> str | None:
    """The name a coordinator knows a row by (`Kuźnia Matrycowa Dolpol`), shortened; None when it has none."""
    for key in NAME_COLUMNS:
        if table.has_column(key):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                text = " ".join(value.split())
                return text if len(text) <= 50 else text[:49] + "…"
    return None


def _place(doc: Document, key: str) -> tuple[str, str]:
    return doc.definition.place_of(key)


def _label(doc: Document, table: str, column: str) -> Text:
    label = doc.definition.table(table).column(column).label
    return Text(without_unit(label.pl), without_unit(label.en) if label.en else None)


def column_le(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    table, col, other = rule.params["table"], rule.params["column"], rule.params["other"]
    section, criterion = _place(doc, table)
    other_label = _label(doc, table, other)
    for i, row in enumerate(doc.rows(table)):
        a, b = row.get(col), row.get(other)
        if a is not None and b is not None and Decimal(a) > Decimal(b):
            yield Problem(
                rule.severity,
                "column_le",
                message("column_le", value=Money(a), other=Money(b), other_label=Quoted(other_label)),
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
            earlier = row_name(doc.definition.table(table), doc.rows(table)[first[norm]].data)
            yield Problem(
                rule.severity,
                "unique",
                message("unique", value=Quoted(value), first=first[norm] + 1, who=f" ({earlier})" if earlier else ""),
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
        listed = ", ".join(str(y) for y in years if y is not None)
        yield Problem(
            rule.severity,
            "consecutive_years",
            message(
                "consecutive_years" if listed else "consecutive_years_none",
                count=count,
                expected=", ".join(map(str, expected)),
                ref=ref,
                listed=listed,
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
            message(
                "eligibility_age" if age > 0 else "eligibility_age_new",
                min=elig.min_age_years,
                established=Date(established),
                on=Date(on),
                age=max(age, 0),
            ),
            section,
            criterion,
            field=elig.established_field,
        )


def eligibility_members(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    elig = doc.definition.eligibility
    count = len(doc.rows("members"))
    if 0 < count < elig.min_members:  # an empty register is a missing item of its table, not yet a mistake
        section, criterion = _place(doc, "members")
        yield Problem(
            rule.severity,
            "eligibility_members",
            message("eligibility_members", min=elig.min_members, n=count),
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
            list_id = tdef.column(col).list or ""
            label = Text(doc.definition.choice_label(list_id, kind), doc.definition.choice_label(list_id, kind, "en"))
            yield Problem(
                rule.severity,
                "attachment_missing",
                message("attachment_missing", kind=Choice(label)),
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
        name = Quoted(row.get("file_name") or "")
        if digest and content is None:
            text = message("attachment_file_missing", name=name)
        elif content is not None and hashlib.sha256(content).hexdigest() != digest:
            text = message("attachment_hash", name=name)
        else:
            continue
        yield Problem(rule.severity, "attachment_file", text, section, criterion, table=table, row=i, column="sha256")


def date_not_future(doc: Document, rule: Rule, today: dt.date) -> Iterator[Problem]:
    key = rule.params["field"]
    value: Any = doc.get(key)
    if value is not None and value > today:
        section, criterion = _place(doc, key)
        yield Problem(
            rule.severity,
            "date_future",
            message("date_future", value=Date(value), today=Date(today)),
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
                message("date_order", value=Date(b), start=Date(a)),
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
