"""Checks of one value against its field definition (type, limits, identifiers).

Each returns None when the value is fine, or a `Text` saying what is wrong and what is allowed. Identifiers go
through python-stdnum. Pure functions, cheap enough to run on every keystroke.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

from stdnum.exceptions import ValidationError
from stdnum.pl import nip as std_nip
from stdnum.pl import regon as std_regon
from stdnum.util import clean, isdigits

from forms.messages import Date, Money, Number, Quoted, message
from forms.schema import FieldDef, Text

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
POSTCODE_RE = re.compile(r"^\d{2}-\d{3}$")
PHONE_RE = re.compile(r"^\+?[\d\s()-]+$")


def _stdnum_message(exc: ValidationError, what: str, value: str) -> Text:
    kind = {"InvalidChecksum": "checksum", "InvalidLength": "length"}.get(type(exc).__name__, "chars")
    return message(f"{what}_{kind}", value=Quoted(value))


def check_nip(value: str) -> Text | None:
    try:
        std_nip.validate(value)
    except ValidationError as exc:
        return _stdnum_message(exc, "nip", value)
    return None


def check_regon(value: str) -> Text | None:
    try:
        std_regon.validate(value)
    except ValidationError as exc:
        return _stdnum_message(exc, "regon", value)
    return None


def check_krs(value: str) -> Text | None:
    number = clean(value, " -").strip()
    if not isdigits(number) or len(number) != 10:
        return message("krs_format", value=Quoted(value))
    if int(number) == 0:
        return message("krs_zeros")
    return None


def check_postcode(value: str) -> Text | None:
    if not POSTCODE_RE.match(value):
        return message("postcode", value=Quoted(value))
    return None


def check_email(value: str) -> Text | None:
    if not EMAIL_RE.match(value):
        return message("email", value=Quoted(value))
    return None


def check_url(value: str) -> Text | None:
    candidate = value if "://" in value else "https://" + value
    parsed = urlparse(candidate)
    if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in value:
        return message("url", value=Quoted(value))
    return None


def check_phone(value: str) -> Text | None:
    digits = re.sub(r"\D", "", value)
    if not PHONE_RE.match(value) or not 9 <= len(digits) <= 15:
        return message("phone", value=Quoted(value))
    return None


_FORMAT_CHECKS: dict[str, Callable[[str], Text | None]] = {
    "nip": check_nip,
    "regon": check_regon,
    "krs": check_krs,
    "postcode": check_postcode,
    "email": check_email,
    "url": check_url,
    "phone": check_phone,
}


def check_value(fdef: FieldDef, value: Any) -> Text | None:
    """What is wrong with a non-empty typed value of this field, or None."""
    t = fdef.type
    if t in _FORMAT_CHECKS:
        return _FORMAT_CHECKS[t](value)
    if t in ("text", "longtext"):
        if fdef.max_length is not None and len(value) > fdef.max_length:
            return message("too_long", n=len(value), max=Number(fdef.max_length))
        return None
    if t in ("int", "money", "decimal", "year"):
        number = Decimal(value)
        low, high = fdef.min, fdef.max
        if t == "year":
            low = Decimal(1900) if low is None else low
            high = Decimal(2100) if high is None else high
        shown = Money if t == "money" else (str if t == "year" else Number)
        if low is not None and number < low:
            return message("below_min", value=shown(number), min=shown(low))
        if high is not None and number > high:
            return message("above_max", value=shown(number), max=shown(high))
        return None
    if t == "date":
        low, high = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
        if not low <= value <= high:
            return message("date_range", value=Date(value), low=Date(low), high=Date(high))
        return None
    if t == "multichoice" and fdef.min_selected and len(value) < fdef.min_selected:
        return message("multichoice_min", min=fdef.min_selected)
    if t == "bool" and fdef.must_be_true and value is not True:
        return message("declaration_unticked")
    return None
