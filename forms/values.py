"""Typed values of fields and columns: conversion to and from their JSON form, and emptiness.

In memory a money value is a `Decimal`, a date a `datetime.date`, a choice its code, a multichoice a tuple of codes
in the order of their list. On disk and in `.kkk.json` money is a decimal string, a date an ISO string.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from forms import limits
from forms.fmt import quote_value
from forms.schema import FieldDef, FormDefinition

CENT = Decimal("0.01")
TEXT_TYPES = ("text", "longtext", "email", "phone", "url", "nip", "regon", "krs", "postcode")


class ValueTypeError(ValueError):
    """A raw value does not fit its field type; the message is Polish and says what is allowed."""


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value == []


def clean_text(value: str, multiline: bool = True) -> str:
    """NFC-normalised text without white space at the ends and without control characters (`forms.limits`);
    inner new lines kept only when `multiline`."""
    return limits.clean_controls(unicodedata.normalize("NFC", value), multiline).strip()


def _text(fdef: FieldDef, raw: str) -> str | None:
    """A text value cleaned and within the program's limit for its type (`forms.limits`)."""
    if len(raw) > 2 * limits.max_text(fdef.type):  # far too long: refused before any work on it
        problem = limits.text_problem(fdef.type, raw)
    else:
        raw = clean_text(raw, fdef.type == "longtext")
        problem = limits.text_problem(fdef.type, raw)
    if problem is not None:
        raise ValueTypeError(problem.pl)
    return raw or None


def _example(t: str) -> str:
    return '"1250000.00"' if t == "money" else '"1.5"'


def _decimal(raw: Any, t: str) -> Decimal:
    if isinstance(raw, limits.OversizedNumber):
        raise ValueTypeError(limits.out_of_range(t, f"o {raw.digits} cyfrach").pl)
    if isinstance(raw, bool) or not isinstance(raw, (int, str, Decimal)):
        raise ValueTypeError(f"oczekiwano liczby zapisanej jako tekst, np. {_example(t)}")
    if isinstance(raw, str) and len(raw.strip()) > limits.MAX_NUMBER_CHARS:
        raise ValueTypeError(limits.out_of_range(t, f"zapisana {len(raw.strip())} znakami").pl)
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(raw.strip() if isinstance(raw, str) else raw)
    except InvalidOperation:
        raise ValueTypeError(f"{quote_value(raw)} nie jest liczbą (oczekiwano np. {_example(t)})") from None
    if not value.is_finite():
        raise ValueTypeError(f"{quote_value(raw)} nie jest liczbą skończoną")
    problem = limits.number_problem(t, value)
    if problem is not None:
        raise ValueTypeError(problem.pl)
    if t == "decimal" and value.as_tuple().exponent < -limits.DECIMAL_PLACES:  # type: ignore[operator]
        value = value.quantize(Decimal(1).scaleb(-limits.DECIMAL_PLACES), rounding=ROUND_HALF_UP)
    return value


def from_json(fdef: FieldDef, raw: Any, definition: FormDefinition) -> Any:
    """Typed value from its JSON form; raises `ValueTypeError` with a Polish message."""
    if raw is None:
        return None
    t = fdef.type
    if t in TEXT_TYPES:
        if not isinstance(raw, str):
            raise ValueTypeError("oczekiwano tekstu")
        return _text(fdef, raw)
    if t in ("int", "year"):
        if isinstance(raw, limits.OversizedNumber):
            raise ValueTypeError(limits.out_of_range(t, f"o {raw.digits} cyfrach").pl)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueTypeError("oczekiwano liczby całkowitej")
        problem = limits.number_problem(t, raw)
        if problem is not None:
            raise ValueTypeError(problem.pl)
        return raw
    if t == "money":
        return _decimal(raw, t).quantize(CENT, rounding=ROUND_HALF_UP)
    if t == "decimal":
        return _decimal(raw, t)
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
            raise ValueTypeError(f"{quote_value(raw)} nie jest datą w formacie RRRR-MM-DD") from None
    codes = [c.code for c in definition.choices(fdef.list or "")]
    if t == "choice":
        if not isinstance(raw, str) or raw not in codes:
            raise ValueTypeError(f"{quote_value(raw)} nie jest kodem z listy (dozwolone: {', '.join(codes)})")
        return raw
    if t == "multichoice":
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise ValueTypeError("oczekiwano listy kodów")
        bad = [x for x in raw if x not in codes]
        if bad:
            raise ValueTypeError(f"nieznane kody {quote_value(', '.join(bad[:10]))} (dozwolone: {', '.join(codes)})")
        return tuple(c for c in codes if c in raw) or None
    raise ValueTypeError(f"nieobsługiwany typ {quote_value(t)}")


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
        return clean_text(str(value), t == "longtext")
    return value


def normalise(fdef: FieldDef, value: Any, definition: FormDefinition) -> Any:
    """A typed value in canonical form (None for empty); accepts typed or JSON input."""
    if is_empty(value):
        return None
    if fdef.type == "date" and isinstance(value, dt.date):
        return value
    if fdef.type in ("money", "decimal") and isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return from_json(fdef, Decimal(value), definition)
    if fdef.type == "multichoice" and isinstance(value, (tuple, set, frozenset)):
        value = list(value)
    return from_json(fdef, value, definition)
