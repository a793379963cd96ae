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

from forms.schema import FieldDef, Text

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
POSTCODE_RE = re.compile(r"^\d{2}-\d{3}$")
PHONE_RE = re.compile(r"^\+?[\d\s()-]+$")


def _stdnum_message(exc: ValidationError, what: str, rule: Text) -> Text:
    kind = type(exc).__name__
    if kind == "InvalidChecksum":
        return Text(f"{what}: błędna cyfra kontrolna ({rule.pl})", f"{what}: wrong check digit ({rule.en})")
    if kind == "InvalidLength":
        return Text(f"{what}: zła liczba cyfr ({rule.pl})", f"{what}: wrong number of digits ({rule.en})")
    return Text(f"{what}: niedozwolone znaki ({rule.pl})", f"{what}: invalid characters ({rule.en})")


def check_nip(value: str) -> Text | None:
    try:
        std_nip.validate(value)
    except ValidationError as exc:
        return _stdnum_message(
            exc,
            "NIP",
            Text(
                "10 cyfr, ostatnia kontrolna; myślniki i spacje są dozwolone",
                "10 digits, the last a check digit; dashes and spaces allowed",
            ),
        )
    return None


def check_regon(value: str) -> Text | None:
    try:
        std_regon.validate(value)
    except ValidationError as exc:
        return _stdnum_message(
            exc, "REGON", Text("9 albo 14 cyfr z cyfrą kontrolną", "9 or 14 digits with a check digit")
        )
    return None


def check_krs(value: str) -> Text | None:
    number = clean(value, " -").strip()
    if not isdigits(number) or len(number) != 10:
        return Text("KRS: numer ma 10 cyfr, np. 0000123456", "KRS: the number has 10 digits, e.g. 0000123456")
    if int(number) == 0:
        return Text("KRS: numer nie może składać się z samych zer", "KRS: the number cannot be all zeros")
    return None


def check_postcode(value: str) -> Text | None:
    if not POSTCODE_RE.match(value):
        return Text("kod pocztowy w formacie NN-NNN, np. 00-950", "postcode as NN-NNN, e.g. 00-950")
    return None


def check_email(value: str) -> Text | None:
    if not EMAIL_RE.match(value):
        return Text("adres e-mail w postaci nazwa@domena.pl", "e-mail address like name@domain.pl")
    return None


def check_url(value: str) -> Text | None:
    candidate = value if "://" in value else "https://" + value
    parsed = urlparse(candidate)
    if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in value:
        return Text("adres strony w postaci https://www.przyklad.pl", "web address like https://www.example.pl")
    return None


def check_phone(value: str) -> Text | None:
    digits = re.sub(r"\D", "", value)
    if not PHONE_RE.match(value) or not 9 <= len(digits) <= 15:
        return Text(
            "numer telefonu: 9-15 cyfr, może zaczynać się od +, np. +48 22 123 45 67",
            "phone number: 9-15 digits, may start with +, e.g. +48 22 123 45 67",
        )
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


def _fmt_number(value: Decimal) -> str:
    from forms.fmt import format_decimal

    return format_decimal(value)


def check_value(fdef: FieldDef, value: Any) -> Text | None:
    """What is wrong with a non-empty typed value of this field, or None."""
    t = fdef.type
    if t in _FORMAT_CHECKS:
        return _FORMAT_CHECKS[t](value)
    if t in ("text", "longtext"):
        if fdef.max_length is not None and len(value) > fdef.max_length:
            return Text(
                f"za długi tekst: {len(value)} znaków, dozwolone najwyżej {fdef.max_length}",
                f"text too long: {len(value)} characters, at most {fdef.max_length} allowed",
            )
        return None
    if t in ("int", "money", "decimal", "year"):
        number = Decimal(value)
        low, high = fdef.min, fdef.max
        if t == "year":
            low = Decimal(1900) if low is None else low
            high = Decimal(2100) if high is None else high
        if low is not None and number < low:
            return Text(
                f"wartość {_fmt_number(number)} mniejsza niż dozwolone minimum {_fmt_number(low)}",
                f"value {number} below the allowed minimum {low}",
            )
        if high is not None and number > high:
            return Text(
                f"wartość {_fmt_number(number)} większa niż dozwolone maksimum {_fmt_number(high)}",
                f"value {number} above the allowed maximum {high}",
            )
        return None
    if t == "date":
        if not dt.date(1900, 1, 1) <= value <= dt.date(2100, 12, 31):
            return Text("data spoza zakresu 1900-2100", "date outside 1900-2100")
        return None
    if t == "multichoice" and fdef.min_selected and len(value) < fdef.min_selected:
        return Text(
            f"wybierz co najmniej {fdef.min_selected} pozycje z listy",
            f"choose at least {fdef.min_selected} items",
        )
    if t == "bool" and fdef.must_be_true and value is not True:
        return Text("to oświadczenie musi być zaznaczone", "this declaration must be ticked")
    return None
