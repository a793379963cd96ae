"""What the PDF prints besides field values (those are `forms.display.value_text`): the word for a missing item,
which columns are numeric, and indicators with their distance from the KKK averages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from forms.display import EMPTY as EMPTY_TEXTS
from forms.fmt import format_decimal, format_int, format_money, format_percent
from forms.schema import FieldDef

EMPTY = EMPTY_TEXTS["pl"]  # "brak"


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
