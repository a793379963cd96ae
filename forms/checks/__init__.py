"""Checks of a whole application: required items, types and limits, identifiers, cross-field rules, eligibility.

`check_document` is a pure function of the definition and the document, fast enough to run after every edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from forms.checks.problem import ERROR, WARNING, Problem
from forms.checks.rules import RULES
from forms.checks.validators import check_value
from forms.document import Document, Row
from forms.schema import FieldDef, TableDef, Text

__all__ = ["ERROR", "WARNING", "Problem", "check_document", "field_applies", "field_required"]

REQUIRED = Text("pole wymagane: uzupełnij je", "required field: please fill it in")


def field_applies(fdef: FieldDef, lookup: dict) -> bool:
    return fdef.applies_if is None or fdef.applies_if.holds(lookup.get(fdef.applies_if.key))


def field_required(fdef: FieldDef, lookup: dict) -> bool:
    if not field_applies(fdef, lookup):
        return False
    if fdef.required:
        return True
    return fdef.required_if is not None and fdef.required_if.holds(lookup.get(fdef.required_if.key))


def _check_fields(doc: Document) -> Iterator[Problem]:
    d = doc.definition
    for section in d.sections:
        for crit in section.criteria:
            for f in crit.fields:
                value = doc.values.get(f.key)
                if value is None:
                    if field_required(f, doc.values):
                        yield Problem(ERROR, "required", REQUIRED, section.id, crit.id, field=f.key)
                    continue
                if not field_applies(f, doc.values):
                    continue
                message = check_value(f, value)
                if message is not None:
                    yield Problem(ERROR, f.type, message, section.id, crit.id, field=f.key)


def _check_row(table: TableDef, row: Row, i: int, section: str, criterion: str) -> Iterator[Problem]:
    data = row.data
    for col in table.columns:
        value = data.get(col.key)
        if value is None:
            if field_required(col, data):
                yield Problem(ERROR, "required", REQUIRED, section, criterion, table=table.key, row=i, column=col.key)
            continue
        message = check_value(col, value)
        if message is not None:
            yield Problem(ERROR, col.type, message, section, criterion, table=table.key, row=i, column=col.key)


def _check_tables(doc: Document) -> Iterator[Problem]:
    for section in doc.definition.sections:
        for crit in section.criteria:
            for table in crit.tables:
                rows = doc.tables.get(table.key, [])
                n = len(rows)
                if n < table.min_rows and (table.required or n):
                    yield Problem(
                        ERROR,
                        "min_rows",
                        Text(
                            f"potrzeba co najmniej {table.min_rows} wierszy; jest {n}",
                            f"at least {table.min_rows} rows needed; there are {n}",
                        ),
                        section.id,
                        crit.id,
                        table=table.key,
                    )
                if table.max_rows is not None and n > table.max_rows:
                    yield Problem(
                        ERROR,
                        "max_rows",
                        Text(
                            f"dozwolone najwyżej {table.max_rows} wierszy; jest {n}",
                            f"at most {table.max_rows} rows allowed; there are {n}",
                        ),
                        section.id,
                        crit.id,
                        table=table.key,
                    )
                for i, row in enumerate(rows):
                    yield from _check_row(table, row, i, section.id, crit.id)


def check_document(doc: Document, today: dt.date | None = None) -> list[Problem]:
    """Every problem of the application, in the order of the form (sections, then rules)."""
    today = today or dt.date.today()
    problems = list(_check_fields(doc))
    problems.extend(_check_tables(doc))
    for rule in doc.definition.rules:
        problems.extend(RULES[rule.kind](doc, rule, today))
    order = {s.id: i for i, s in enumerate(doc.definition.sections)}
    problems.sort(key=lambda p: order.get(p.section, len(order)))
    return problems
