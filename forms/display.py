"""A typed value of any field type as people read it (Polish by default): the one function the PDF, the
comparison of versions, the command line and the Excel export use to print a value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forms.fmt import format_date, format_decimal, format_money
from forms.schema import FieldDef, FormDefinition
from forms.values import is_empty

EMPTY = {"pl": "brak", "en": "none"}
YES_NO = {"pl": ("tak", "nie"), "en": ("yes", "no")}


def value_text(
    definition: FormDefinition, fdef: FieldDef, value: Any, lang: str = "pl", empty: str | None = None
) -> str:
    if is_empty(value):
        return EMPTY.get(lang, EMPTY["pl"]) if empty is None else empty
    t = fdef.type
    if t == "money":
        return format_money(Decimal(value), lang)
    if t in ("int", "decimal"):
        return format_decimal(value, lang=lang)
    if t == "year":
        return str(value)
    if t == "date" and isinstance(value, dt.date):
        return format_date(value, lang)
    if t == "bool":
        yes, no = YES_NO.get(lang, YES_NO["pl"])
        return yes if value else no
    if t == "choice":
        return definition.choice_label(fdef.list or "", value, lang)
    if t == "multichoice":
        return ", ".join(definition.choice_label(fdef.list or "", code, lang) for code in value)
    return str(value)
