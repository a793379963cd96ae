"""Checks of a whole application: required items, types and limits, identifiers, cross-field rules, eligibility.

`check_document` is a pure function of the definition and the document, fast enough to run after every edit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from forms.checks.problem import ERROR, MISSING, MISSING_CODES, WARNING, Problem
from forms.checks.rules import RULES, row_name
from forms.checks.validators import check_value
from forms.document import Document, Row
from forms.loader import CONSISTENCY_RULES
from forms.messages import message
from forms.schema import FieldDef, FormDefinition, TableDef, Text

__all__ = [
    "ERROR",
    "MISSING",
    "MISSING_CODES",
    "WARNING",
    "Problem",
    "check_document",
    "field_applies",
    "field_required",
    "position",
]


def required_message(fdef: FieldDef) -> Text:
    """What a missing required item asks for: a declaration is ticked, a list is chosen from, a field filled in."""
    if fdef.type == "bool" and fdef.must_be_true:
        return message("required_declaration")
    if fdef.type == "multichoice":
        return message("required_multichoice", min=fdef.min_selected or 1)
    if fdef.type == "choice":
        return message("required_choice")
    return message("required")


def _is_blank(fdef: FieldDef, value: object) -> bool:
    """No value; an unticked declaration counts as not filled in (it asks to be ticked, it is not wrong)."""
    return value is None or (fdef.type == "bool" and fdef.must_be_true and value is False)


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
                if _is_blank(f, value):
                    if field_required(f, doc.values):
                        yield Problem(ERROR, "required", required_message(f), section.id, crit.id, field=f.key)
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
        if _is_blank(col, value):
            if field_required(col, data):
                yield Problem(
                    ERROR, "required", required_message(col), section, criterion, table=table.key, row=i, column=col.key
                )
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
                        message("min_rows", min=table.min_rows, n=n),
                        section.id,
                        crit.id,
                        table=table.key,
                    )
                if table.max_rows is not None and n > table.max_rows:
                    yield Problem(
                        ERROR,
                        "max_rows",
                        message("max_rows", max=table.max_rows, n=n),
                        section.id,
                        crit.id,
                        table=table.key,
                    )
                for i, row in enumerate(rows):
                    yield from _check_row(table, row, i, section.id, crit.id)


def position(definition: FormDefinition) -> dict[str, tuple[int, int, int]]:
    """Where each field and table stands in the form: (section, criterion, item) indexes, for ordering problems."""
    cached = definition.__dict__.get("_positions")
    if cached is not None:
        return cached
    out: dict[str, tuple[int, int, int]] = {}
    for si, section in enumerate(definition.sections):
        for ci, crit in enumerate(section.criteria):
            for fi, f in enumerate(crit.fields):
                out[f.key] = (si, ci, fi)
            for ti, t in enumerate(crit.tables):
                out[t.key] = (si, ci, len(crit.fields) + ti)
    object.__setattr__(definition, "_positions", out)
    return out


def problem_order(definition: FormDefinition):
    """The sort key of problems in the order of the form: section, group, field or table, row, column; a table's
    own problems before its rows'; within one place the missing items first, then errors, then warnings."""
    places = position(definition)
    sections = {s.id: i for i, s in enumerate(definition.sections)}
    columns = {key: {c.key: i for i, c in enumerate(t.columns)} for key, t in definition.tables.items()}
    kinds = {MISSING: 0, ERROR: 1, WARNING: 2}

    def key(p: Problem) -> tuple:
        where = places.get(p.field or p.table or "", (sections.get(p.section, len(sections)), 999, 999))
        row = -1 if p.row is None else p.row
        column = -1 if p.column is None else columns.get(p.table or "", {}).get(p.column, 999)
        return (sections.get(p.section, len(sections)), *where[1:], row, column, kinds[p.kind])

    return key


def _as_recommendation(problem: Problem) -> Problem:
    text = problem.message
    prefixed = Text(f"Wskazówka programu: {text.pl}", f"Klaster's recommendation: {text.en or text.pl}")
    return dataclasses.replace(problem, message=prefixed)


def check_document(doc: Document, today: dt.date | None = None) -> list[Problem]:
    """Every problem of the application, in the order of the form (sections, groups, fields and tables, rows,
    cells), rows named by their member's (or item's) name."""
    today = today or dt.date.today()
    problems = list(_check_fields(doc))
    problems.extend(_check_tables(doc))
    for rule in doc.definition.rules:
        found = RULES[rule.kind](doc, rule, today)
        if rule.provenance.is_program and rule.kind not in CONSISTENCY_RULES:
            found = (_as_recommendation(p) for p in found)  # the program's own advice, never a ministry rule
        problems.extend(found)
    named = []
    for p in problems:
        if p.table is not None and p.row is not None and p.row_label is None and doc.definition.has_table(p.table):
            rows = doc.tables.get(p.table, [])
            if 0 <= p.row < len(rows):
                name = row_name(doc.definition.table(p.table), rows[p.row].data)
                if name:
                    p = dataclasses.replace(p, row_label=name)
        named.append(p)
    named.sort(key=problem_order(doc.definition))
    return named
