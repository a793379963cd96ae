"""Typed values of fields and columns: conversion to and from their JSON form, and emptiness.

In memory a money value is a `Decimal`, a date a `datetime.date`, a choice its code, a multichoice a tuple of codes
in the order of their list. On disk and in `.kkk.json` money is a decimal string, a date an ISO string.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from forms.schema import FieldDef, FormDefinition

CENT = Decimal("0.01")
TEXT_TYPES = ("text", "longtext", "email", "phone", "url", "nip", "regon", "krs", "postcode")


class ValueTypeError(ValueError):
    """A raw value does not fit its field type; the message is Polish and says what is allowed."""


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value == []


def clean_text(value: str) -> str:
    """NFC-normalised text without trailing white space at the ends (inner new lines kept)."""
    return unicodedata.normalize("NFC", value).strip()


def _decimal(raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, (int, str, Decimal)):
        raise ValueTypeError('oczekiwano liczby zapisanej jako tekst, np. "1250000.00"')
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise ValueTypeError(f"'{raw}' nie jest liczbą (oczekiwano np. \"1250000.00\")") from None
    if not value.is_finite():
        raise ValueTypeError(f"'{raw}' nie jest liczbą skończoną")
    return value


def from_json(fdef: FieldDef, raw: Any, definition: FormDefinition) -> Any:
    """Typed value from its JSON form; raises `ValueTypeError` with a Polish message."""
    if raw is None:
        return None
    t = fdef.type
    if t in TEXT_TYPES:
        if not isinstance(raw, str):
            raise ValueTypeError("oczekiwano tekstu")
        return clean_text(raw) or None
    if t in ("int", "year"):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueTypeError("oczekiwano liczby całkowitej")
        return raw
    if t == "money":
        return _decimal(raw).quantize(CENT, rounding=ROUND_HALF_UP)
    if t == "decimal":
        return _decimal(raw)
    if t == "bool":
        if not isinstance(raw, bool):
            raise ValueTypeError("oczekiwano true albo false")
        return raw
    if t == "date":
        if not isinstance(raw, str):
            raise ValueTypeError("oczekiwano daty w formacie RRRR-MM-DD")
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueTypeError(f"'{raw}' nie jest datą w formacie RRRR-MM-DD") from None
    codes = [c.code for c in definition.choices(fdef.list or "")]
    if t == "choice":
        if not isinstance(raw, str) or raw not in codes:
            raise ValueTypeError(f"'{raw}' nie jest kodem z listy (dozwolone: {', '.join(codes)})")
        return raw
    if t == "multichoice":
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise ValueTypeError("oczekiwano listy kodów")
        bad = [x for x in raw if x not in codes]
        if bad:
            raise ValueTypeError(f"nieznane kody {', '.join(bad)} (dozwolone: {', '.join(codes)})")
        return tuple(c for c in codes if c in raw) or None
    raise ValueTypeError(f"nieobsługiwany typ '{t}'")


def to_json(fdef: FieldDef, value: Any) -> Any:
    """The JSON form of a typed value (canonical: the same value always gives the same JSON)."""
    if is_empty(value):
        return None
    t = fdef.type
    if t == "money":
        return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))
    if t == "decimal":
        text = format(Decimal(value).normalize(), "f")
        return text
    if t == "date":
        return value.isoformat()
    if t == "multichoice":
        return list(value)
    if t in TEXT_TYPES:
        return clean_text(str(value))
    return value


def normalise(fdef: FieldDef, value: Any, definition: FormDefinition) -> Any:
    """A typed value in canonical form (None for empty); accepts typed or JSON input."""
    if is_empty(value):
        return None
    if fdef.type == "date" and isinstance(value, dt.date):
        return value
    if fdef.type in ("money", "decimal") and isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return from_json(fdef, str(value), definition)
    if fdef.type == "multichoice" and isinstance(value, (tuple, set, frozenset)):
        value = list(value)
    return from_json(fdef, value, definition)
