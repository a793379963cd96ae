"""A value of any field or column type as printed in the PDF, in Polish: money, dates and numbers through
`forms.fmt`, choices by their labels from the definition, "brak" for an empty optional item."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forms.fmt import format_date, format_decimal, format_int, format_money, format_percent
from forms.schema import FieldDef, FormDefinition
from forms.values import is_empty

EMPTY = "brak"
YES, NO = "tak", "nie"


def display(definition: FormDefinition, fdef: FieldDef, value: Any, lang: str = "pl") -> str:
    """The printed text of a value (not escaped; `EMPTY` when there is none)."""
    if is_empty(value):
        return EMPTY
    t = fdef.type
    if t == "money":
        return format_money(Decimal(value), lang)
    if t == "decimal":
        return format_decimal(Decimal(value), lang=lang)
    if t == "int":
        return format_int(int(value), lang)
    if t == "year":
        return str(value)  # never grouped: 2024, not 2 024
    if t == "date":
        return format_date(value, lang) if isinstance(value, dt.date) else str(value)
    if t == "bool":
        return YES if value else NO
    if t == "choice":
        return definition.choice_label(fdef.list or "", str(value), lang)
    if t == "multichoice":
        return ", ".join(definition.choice_label(fdef.list or "", str(v), lang) for v in value)
    return str(value)


def is_numeric(fdef: FieldDef) -> bool:
    """Printed right-aligned in tables."""
    return fdef.type in ("money", "decimal", "int")


def indicator_text(value: Any, is_percent: bool) -> str:
    """An indicator's value: a percentage, a count or a sum of money (counts by category print as rows)."""
    if value is None:
        return "—"
    if is_percent:
        return format_percent(Decimal(value))
    if isinstance(value, int):
        return format_int(value)
    return format_money(Decimal(value))


def difference_text(diff: Decimal | None) -> str:
    """Percentage points above (+) or below (−) the KKK average."""
    if diff is None:
        return "—"
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return f"{sign}{format_decimal(abs(diff), 2)}\u00a0p.p."
