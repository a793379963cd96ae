"""The single place where numbers, money, percentages and dates get their Polish (or English) written form,
and where Polish-written numbers and dates are read back (Excel sheets, typed input).

`1 234 567,89 zł`, `34,42 %`, `dd.mm.rrrr`. Grouping uses a no-break space so that a number never wraps.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import reprlib
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_ENGLISH_GROUPED = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?")


def _group(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


def format_decimal(value: Decimal | int, places: int | None = None, lang: str = "pl") -> str:
    """`1234567.891` -> `1 234 567,891`; with `places` rounded half up to that many decimals."""
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, frac = text.partition(".")
    if lang == "en":
        body = _group(whole, ",") + ("." + frac if frac else "")
    else:
        body = _group(whole, NBSP) + ("," + frac if frac else "")
    return sign + body


def format_money(value: Decimal | int, lang: str = "pl") -> str:
    if lang == "en":
        return "PLN " + format_decimal(value, 2, lang)
    return format_decimal(value, 2) + NBSP + "zł"


def format_megabytes(size: int, lang: str = "pl") -> str:
    """A file size in MB with two decimals: `0,38 MB`."""
    return format_decimal(Decimal(size) / (1024 * 1024), 2, lang) + NBSP + "MB"


def format_percent(value: Decimal | None, lang: str = "pl") -> str:
    if value is None:
        return "—"
    return format_decimal(value, 2, lang) + NBSP + "%"


def format_date(value: dt.date | None, lang: str = "pl") -> str:
    if value is None:
        return ""
    if lang == "en":
        return value.isoformat()
    return value.strftime("%d.%m.%Y")


def format_int(value: int, lang: str = "pl") -> str:
    return format_decimal(value, None, lang)


def parse_number(text: str) -> Decimal:
    """Read a number as people write it in Poland: `1 234 567,89`, `1.234.567,89 zł`, `1234567.89`, `-5`.

    Raises ValueError with a Polish message when the text is not a number.
    """
    raw = str(text).strip()
    cleaned = re.sub(r"(?i)\s*(zł|zl|pln)\.?$", "", raw)
    cleaned = _SPACES.sub("", cleaned)
    if not cleaned:
        raise ValueError("pusta wartość")
    if "," in cleaned and "." in cleaned:
        # The later separator is the decimal one: 1.234.567,89 or 1,234,567.89
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".") if cleaned.count(",") == 1 else cleaned.replace(",", "")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise _not_a_number(raw)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise _not_a_number(raw) from None


def _not_a_number(raw: str) -> InputError:
    from forms.messages import Quoted, message

    return InputError(message("not_a_number", value=Quoted(raw)))


def number_input(text: str, lang: str = "pl") -> str:
    """A typed number made readable for `parse_number` in the user's language.

    In English a comma groups thousands (`12,345` is twelve thousand ...), while `parse_number` reads a lone comma
    as the Polish decimal comma; so an English text grouped by commas loses them. Anything else is left as it is.
    """
    stripped = text.strip()
    if lang == "en" and _ENGLISH_GROUPED.fullmatch(stripped):
        return stripped.replace(",", "")
    return text


class InputError(ValueError):
    """A typed or imported value that cannot be read; `text` says why in Polish and English (str() is Polish)."""

    def __init__(self, text) -> None:  # forms.schema.Text
        super().__init__(text.pl)
        self.text = text


def parse_date(text: str) -> dt.date:
    """`dd.mm.rrrr`, `d.m.rrrr`, `rrrr-mm-dd` (also with `/`).

    Raises InputError: not a date at all, or written right but not in the calendar (`31 lutego 2020 nie istnieje`)."""
    import calendar

    from forms.messages import MONTHS, MONTHS_EN, Quoted, message

    raw = str(text).strip()
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", raw)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", raw)
        if not m:
            raise InputError(message("not_a_date", value=Quoted(raw)))
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1 <= month <= 12:
        raise InputError(message("no_such_month", value=Quoted(raw), month=month))
    try:
        return dt.date(year, month, day)
    except ValueError:
        days = calendar.monthrange(year, month)[1] if dt.MINYEAR <= year <= dt.MAXYEAR else 31
        polish = message(
            "no_such_day",
            value=Quoted(raw),
            day=day,
            month_of=MONTHS[1][month - 1],
            year=year,
            month=MONTHS[0][month - 1],
            days=days,
        )
        english = message(
            "no_such_day", value=Quoted(raw), day=day, month_of="", year=year, month=MONTHS_EN[month - 1], days=days
        )
        raise InputError(type(polish)(polish.pl, english.en)) from None


def plural_word(n: int, one: str, few: str, many: str) -> str:
    """The Polish plural rule, the only one in the program: 1 błąd; 2-4 błędy, also 22-24, 32-34 ... (but 12-14
    błędów); every other count (0, 5-21, 25-31 ..., 112) błędów."""
    n = abs(n)
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def plural(n: int, one: str, few: str, many: str) -> str:
    """`plural(22, "błąd", "błędy", "błędów")` -> `22 błędy`. Nouns used by messages live in `forms.messages.NOUNS`
    (`forms.messages.count(22, "błąd")`)."""
    return f"{n} {plural_word(n, one, few, many)}"


def plural_en(n: int, one: str, other: str) -> str:
    """English plural: 1 error, 0 errors, 2 errors."""
    return f"{n} {one if n == 1 else other}"


def errors_text(n: int, lang: str = "pl") -> str:
    from forms.messages import count

    return count(n, "błąd", lang)


def warnings_text(n: int, lang: str = "pl") -> str:
    from forms.messages import count

    return count(n, "uwaga", lang)


def missing_text(n: int, lang: str = "pl") -> str:
    from forms.messages import count

    return count(n, "brak", lang)


def quote_value(value: object, limit: int = 60, lang: str = "pl") -> str:
    """A user's value for a message: in Polish quotes, shortened to `limit` characters (…), control characters and
    line breaks written as escapes (`\\n`, `\\x1b`), so that a message that echoes it is always one line."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int) and value.bit_length() > 3 * limit:  # str() refuses more than 4,300 digits
        digits = int(math.log10(abs(value))) + 1
        lead = abs(value) // 10 ** (digits - 12)
        if lead < 10**11:  # log10 rounded up (999…9)
            digits -= 1
            lead = abs(value) // 10 ** (digits - 12)
        opening, closing = ("'", "'") if lang == "en" else ("„", "”")
        return f"{opening}{'-' if value < 0 else ''}{lead}…{closing} ({digits} {'digits' if lang == 'en' else 'cyfr'})"
    elif isinstance(value, (list, tuple, dict, set)):
        shorten = reprlib.Repr()
        shorten.maxlevel, shorten.maxstring, shorten.maxother = 2, limit, limit
        text = shorten.repr(value)
    else:
        text = value if isinstance(value, str) else str(value)
    text = text[: limit + 1]
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else repr(ch)[1:-1] for ch in text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'" if lang == "en" else f"„{text}”"
