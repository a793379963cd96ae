"""A typed value of any field or column type as people read it (Polish by default, or English): the one function
the PDF, the comparison of versions, the table editors, the command line and the Excel export use to print a value.

Money, numbers and dates through `forms.fmt` (`1 234 567,89 zł`, `05.03.2024`; in English `PLN 1,234,567.89`,
`2024-03-05`), a year never grouped (2024), yes/no as tak/nie (yes/no), choices by their labels from the definition.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forms.fmt import format_date, format_decimal, format_int, format_money
from forms.schema import FieldDef, FormDefinition
from forms.values import is_empty

EMPTY = {"pl": "brak", "en": "none"}
YES_NO = {"pl": ("tak", "nie"), "en": ("yes", "no")}


def yes_no(value: bool, lang: str = "pl") -> str:
    yes, no = YES_NO.get(lang, YES_NO["pl"])
    return yes if value else no


def short_label(label: str) -> str:
    """`ERP – planowanie zasobów przedsiębiorstwa` -> `ERP`: the lead of a label that explains itself after a dash
    (only a dash outside parentheses cuts: `koordynacja (diady – pary podmiotów)` stays whole)."""
    cut = label.find(" – ")
    if cut > 0 and label[:cut].count("(") == label[:cut].count(")"):
        return label[:cut]
    return label


def value_text(
    definition: FormDefinition,
    fdef: FieldDef,
    value: Any,
    lang: str = "pl",
    empty: str | None = None,
    *,
    short_labels: bool = False,
    separator: str = ", ",
) -> str:
    """The written form of a typed value of `fdef` in `lang` (not escaped for any markup).

    `empty` is what an empty value prints as (by default "brak" / "none"). Several choices are joined by
    `separator`, each by the short lead of its label (`short_label`) when `short_labels` (a table cell)."""
    if is_empty(value):
        return EMPTY.get(lang, EMPTY["pl"]) if empty is None else empty
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
        return yes_no(value, lang)
    if t == "choice":
        return definition.choice_label(fdef.list or "", str(value), lang)
    if t == "multichoice":
        labels = (definition.choice_label(fdef.list or "", str(code), lang) for code in value)
        return separator.join(short_label(label) if short_labels else label for label in labels)
    return str(value)
