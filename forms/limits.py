"""Hard limits on what enters the app, in one place: every input path (`.kkk.json`, Excel cells, edits through
`Document.set`) goes through these, so that nothing accepted can break a writer later (PDF, Excel, e-mail).

These are limits of the program, not of the form: a definition's `max_length`, `min` and `max` stay checks that a
draft may fail (and finalising refuses); the limits here are far above them and refuse the value at the door.

Control characters are removed, never stored: C0 except tab and new line, DEL, C1, lone surrogates and the
non-characters U+FFFE/U+FFFF, none of which XML (xlsx), PDF text or an e-mail header can carry. A carriage return
(alone or before a new line) and the Unicode line and paragraph separators become a new line; in a one-line field
(every type but `longtext`) new lines and tabs become spaces.
"""

from __future__ import annotations

import re
from decimal import Decimal

from forms.schema import Text

MB = 1024 * 1024

# Files ----------------------------------------------------------------------------------------------------------
MAX_KKK_JSON_BYTES = 100 * MB  # a `.kkk.json` larger than this is refused before it is read
MAX_ATTACHMENT_BYTES = 50 * MB  # one attached file (decoded)
MAX_JSON_DEPTH = 20  # nested objects and lists; the format itself needs 5
MAX_TABLE_ROWS = 20_000  # rows of one table

# Texts: characters after cleaning, per field type ------------------------------------------------------------
MAX_SHORT_TEXT = 2_000  # text, e-mail, phone, URL, identifiers, postcode (forms ask for at most 500)
MAX_LONG_TEXT = 20_000  # longtext (forms ask for at most 4,000)

# Numbers --------------------------------------------------------------------------------------------------------
MAX_NUMBER_CHARS = 40  # a number as written (JSON number or text), sign, point and exponent included
MAX_INT = 999_999_999_999  # int and year: at most 12 digits either way
MAX_MONEY = Decimal("9999999999999.99")  # below 10 trillion zł: 15 significant digits, exact in Excel
MAX_DECIMAL = Decimal("999999999")  # decimal (FTE and the like)
DECIMAL_PLACES = 6  # decimals are rounded half up to this many places

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")
_ONE_LINE = re.compile("[\n\t]")


def max_text(field_type: str) -> int:
    return MAX_LONG_TEXT if field_type == "longtext" else MAX_SHORT_TEXT


def clean_controls(text: str, multiline: bool) -> str:
    """`text` without control characters (see the module's notes); new lines kept only when `multiline`."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _LINE_BREAKS.sub("\n", text)
    if not multiline and ("\n" in text or "\t" in text):
        text = _ONE_LINE.sub(" ", text)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    return text


def strip_controls(text: str) -> str:
    """`text` without the characters XML cannot carry (new lines, tabs and carriage returns kept): the writers'
    second line of defence, for text that did not come through the door (older databases)."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def one_line(text: str, limit: int | None = None) -> str:
    """`text` fit for one line (an e-mail header, a title): no control characters, no line breaks; with `limit`
    shortened to that many characters (…)."""
    text = " ".join(clean_controls(str(text), False).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def fit_text(field_type: str, text: str) -> str:
    """An edited text (typed or pasted in the window) cut to the program's limit for its type: an edit keeps the
    first characters rather than failing; files and sheets are refused instead (`text_problem`)."""
    limit = max_text(field_type)
    if len(text) <= limit:
        return text
    return clean_controls(text[: 2 * limit], field_type == "longtext").strip()[:limit]


def text_problem(field_type: str, text: str) -> Text | None:
    """Why a (cleaned) text cannot be taken for a field of this type, or None."""
    limit = max_text(field_type)
    if len(text) <= limit:
        return None
    from forms.fmt import format_int

    return Text(
        f"tekst ma {format_int(len(text))} znaków, a program przyjmuje w tym polu najwyżej {format_int(limit)}",
        f"the text has {format_int(len(text), 'en')} characters; the program takes at most "
        f"{format_int(limit, 'en')} in this field",
    )


def number_range(field_type: str) -> Decimal:
    """The largest absolute value a number field of this type takes."""
    if field_type == "money":
        return MAX_MONEY
    if field_type == "decimal":
        return MAX_DECIMAL
    return Decimal(MAX_INT)


def range_text(field_type: str) -> Text:
    from forms.fmt import format_decimal, format_money

    high = number_range(field_type)
    if field_type == "money":
        return Text(
            f"dozwolone kwoty od -{format_money(high)} do {format_money(high)}",
            f"amounts from -{format_money(high, 'en')} to {format_money(high, 'en')} are allowed",
        )
    return Text(
        f"dozwolone liczby od -{format_decimal(high)} do {format_decimal(high)}",
        f"numbers from -{format_decimal(high, lang='en')} to {format_decimal(high, lang='en')} are allowed",
    )


def out_of_range(field_type: str, shown: str) -> Text:
    """The message for a number outside the program's range; `shown` is the value as already quoted."""
    allowed = range_text(field_type)
    return Text(f"liczba {shown} spoza zakresu: {allowed.pl}", f"the number {shown} is out of range: {allowed.en}")


def number_problem(field_type: str, number: Decimal | int) -> Text | None:
    """Why a finite number cannot be taken for a number field of this type (too large), or None."""
    value = Decimal(number) if isinstance(number, int) else number
    if value.adjusted() < 20 and abs(value) <= number_range(field_type):
        return None
    from forms.fmt import quote_value

    return out_of_range(field_type, quote_value(number))


class OversizedNumber:
    """A JSON number written with more than `MAX_NUMBER_CHARS` characters, kept as its text (never converted:
    Python refuses integers of more than 4,300 digits) so that the reader can refuse it with its place."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    @property
    def digits(self) -> int:
        return sum(ch.isdigit() for ch in self.text)
