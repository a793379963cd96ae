"""One cell -> the typed value of a column, as people really type, paste and fill spreadsheets; pure Python.

`parse_cell(column, value, definition, lang)` takes a text (typed in a table, pasted from Excel) or what a spreadsheet
holds (text, int, float, bool, date, datetime, None) and returns the typed value `forms.document.Document` stores
(None for an empty cell, also for "-"), or raises `CellError` saying what is allowed, in `lang` ("pl" or "en"; the
error's `text` holds both). Numbers and dates go through `forms.fmt` (Polish `1 234 567,89`, and in English also
`12,345.6`); yes/no accepts tak/nie/T/N/x/1/0 and yes/no (empty is "no answer"); choices accept a code, the Polish
or English label, or an unambiguous beginning of a label ("mikro", "woj. mazow."), several of them separated by
`;`, `,`, `/` or `+`; NIP and REGON lose dashes, spaces and a "PL" prefix.
`check_cell` adds the checks of `forms.checks.validators.check_value` (check digits, limits, lengths).

Used by the Excel import and questionnaires (`export/xlsx`) and by the table editors' typing and paste (`ui/tables`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from forms import limits
from forms.checks.validators import check_value
from forms.fmt import format_date, number_input, parse_date, parse_number, quote_value
from forms.schema import Choice, FieldDef, FormDefinition, Text

TRUE_WORDS = frozenset({"tak", "t", "x", "1", "yes", "y", "true", "prawda", "✓", "✔", "+"})
FALSE_WORDS = frozenset({"nie", "n", "0", "no", "false", "falsz", "fałsz"})
EMPTY_WORDS = frozenset({"-", "–", "—"})
_YES_NO_TEXTS = (
    {w: True for w in TRUE_WORDS}
    | {w: False for w in FALSE_WORDS}
    | {"T": True, "N": False, "X": True, "Tak": True, "Nie": False}
)
CENT = Decimal("0.01")
ID_TYPES = ("nip", "regon", "krs")
_SEPARATORS = re.compile(r"[;,\n/+]")
_FOLD_PUNCT = re.compile(r"[\s_\-–—.]+")
_TIME_TAIL = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")


class CellError(ValueError):
    """A cell that does not fit its column: `text` says why in Polish and English, `str(err)` in `lang`."""

    def __init__(self, pl: str, en: str, lang: str = "pl") -> None:
        super().__init__(pl)
        self.text = Text(pl, en)
        self.lang = lang

    def __str__(self) -> str:
        return self.text.get(self.lang)


# Folding -----------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Case-, diacritics- and punctuation-insensitive key: ` Łódzkie.` -> `lodzkie`, `big_data` -> `big data`."""
    text = unicodedata.normalize("NFKD", str(text).casefold()).replace("ł", "l")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _FOLD_PUNCT.sub(" ", text).strip()


class _ChoiceIndex:
    """Names of a list's choices, and the texts already matched (sheets repeat the same few values)."""

    def __init__(self, choices: tuple[Choice, ...]) -> None:
        self.choices = choices  # kept so that its id is not reused while this index lives
        self.exact, self.labels = _names(choices)
        self.memo: dict[str, str | None] = {}


_INDEXES: dict[int, _ChoiceIndex] = {}
MEMO_LIMIT = 20_000


def _index_of(choices: tuple[Choice, ...]) -> _ChoiceIndex:
    index = _INDEXES.get(id(choices))
    if index is None or index.choices is not choices:
        index = _INDEXES[id(choices)] = _ChoiceIndex(choices)
    return index


def _names(choices: tuple[Choice, ...]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(exact names -> code, (folded label, code) for prefix matching)."""
    exact: dict[str, str] = {}
    labels: list[tuple[str, str]] = []
    for c in choices:
        for name in (c.code, c.label.pl, c.label.en or ""):
            if name:
                exact.setdefault(fold(name), c.code)
        for name in (c.label.pl, c.label.en or ""):
            if name:
                labels.append((fold(name), c.code))
                head = fold(re.split(r"\s[–-]\s|\s\(", name)[0])  # "ERP – planowanie ..." -> "erp"
                exact.setdefault(head, c.code)
    return exact, tuple(labels)


def match_choice(text: str, choices: tuple[Choice, ...]) -> str | None:
    """The code `text` names: exactly (code or label) or by an unambiguous beginning of at least 3 letters."""
    index = _index_of(choices)
    if text in index.memo:
        return index.memo[text]
    code = _match(fold(text), index.exact, index.labels)
    if len(index.memo) < MEMO_LIMIT:
        index.memo[text] = code
    return code


def _match(key: str, exact: dict[str, str], labels: tuple[tuple[str, str], ...]) -> str | None:
    if key.startswith("woj "):
        key = key[4:]
    if key in exact:
        return exact[key]
    if len(key) < 3:
        return None
    hits = {code for label, code in labels if label.startswith(key)}
    return hits.pop() if len(hits) == 1 else None


def _choice_error(raw: Any, choices: tuple[Choice, ...]) -> CellError:
    more = ", …" if len(choices) > 4 else ""
    pl = ", ".join(c.label.pl for c in choices[:4]) + more
    en = ", ".join(c.label.get("en") for c in choices[:4]) + more
    shown, shown_en = quote_value(raw), quote_value(raw, lang="en")
    return CellError(f"{shown} nie ma na liście (dozwolone np.: {pl})", f"{shown_en} is not on the list (e.g. {en})")


# Numbers -----------------------------------------------------------------------------------------
def _text_number(text: str, lang: str) -> Decimal:
    if len(text) > limits.MAX_NUMBER_CHARS:
        problem = limits.out_of_range("decimal", f"zapisana {len(text)} znakami")
        raise CellError(problem.pl, problem.en)
    if text.upper() in _EXCEL_ERRORS:
        raise CellError(
            f"komórka zawiera błąd Excela {text}; wpisz liczbę",
            f"the cell holds the Excel error {text}; enter a number",
        )
    try:
        return parse_number(number_input(text, lang))
    except ValueError:
        raise CellError(
            f"{quote_value(text)} nie jest liczbą (np. 1 234 567,89)",
            f"{quote_value(text, lang='en')} is not a number (e.g. 1,234,567.89)",
        ) from None


def _number(value: Any, lang: str) -> Decimal:
    if isinstance(value, bool):
        raise CellError(
            f"„{'PRAWDA' if value else 'FAŁSZ'}” nie jest liczbą", f"'{'TRUE' if value else 'FALSE'}' is not a number"
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("wartość nie jest liczbą skończoną", "the value is not a finite number")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        day = _as_date(value)
        raise CellError(
            f"„{format_date(day)}” to data, a oczekiwano liczby",
            f"'{format_date(day, 'en')}' is a date, but a number was expected",
        )
    return _text_number(str(value).strip(), lang)


def _in_range(field_type: str, number: Decimal) -> Decimal:
    problem = limits.number_problem(field_type, number)
    if problem is not None:
        raise CellError(problem.pl, problem.en)
    return number


def _money(value: Any, lang: str) -> Decimal:
    number = _in_range("money", _number(value, lang))
    rounded = number.quantize(CENT, rounding=ROUND_HALF_UP)
    if isinstance(value, float):
        if abs(number - rounded) > Decimal("0.000001"):  # Excel's binary fractions, not real fractions of a grosz
            raise CellError(
                f"kwota {quote_value(value)} ma więcej niż 2 miejsca po przecinku",
                f"the amount {quote_value(value, lang='en')} has more than 2 decimal places",
            )
        return rounded
    if number != rounded:
        raise CellError(
            f"{quote_value(value)}: kwota w złotych może mieć najwyżej 2 miejsca po przecinku",
            f"{quote_value(value, lang='en')}: an amount in złoty may have at most 2 decimal places",
        )
    return rounded


def _integer(value: Any, lang: str) -> int:
    number = _in_range("int", _number(value, lang))
    if isinstance(value, float):
        number = number.quantize(Decimal("0.000001"))
    if number != number.to_integral_value():
        raise CellError(
            f"{quote_value(value)} nie jest liczbą całkowitą", f"{quote_value(value, lang='en')} is not a whole number"
        )
    return int(number)


# Dates, yes/no -------------------------------------------------------------------------------------
def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _not_a_date(value: Any) -> CellError:
    return CellError(
        f"{quote_value(value)} nie jest datą (oczekiwano dd.mm.rrrr, np. 05.03.2021)",
        f"{quote_value(value, lang='en')} is not a date (expected yyyy-mm-dd or dd.mm.yyyy)",
    )


def _date(value: Any) -> dt.date:
    if isinstance(value, (dt.date, dt.datetime)):
        return _as_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80_000:  # an Excel serial day number in a cell without a date format
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise _not_a_date(value)
    text = _TIME_TAIL.sub("", str(value).strip())
    try:
        return parse_date(text)
    except ValueError:
        raise _not_a_date(value) from None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in _YES_NO_TEXTS:
        return _YES_NO_TEXTS[value]
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = str(value).strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError(
        f"{quote_value(value)} nie jest odpowiedzią tak/nie (dozwolone: tak, nie, T, N, x, 1, 0)",
        f"{quote_value(value, lang='en')} is not a yes/no value (allowed: yes, no, tak, nie, x, 1, 0)",
    )


# Choices -------------------------------------------------------------------------------------------
def _choice(value: Any, choices: tuple[Choice, ...]) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(value):
        digits = str(int(value))
        for c in choices:  # a TERYT code typed as a number: 2 -> "02"
            if c.code.isdigit() and c.code.lstrip("0") == digits.lstrip("0"):
                return c.code
    code = match_choice(str(value), choices) if len(str(value)) <= limits.MAX_SHORT_TEXT else None
    if code is None:
        raise _choice_error(value, choices)
    return code


def _multichoice(value: Any, choices: tuple[Choice, ...]) -> tuple[str, ...]:
    text = str(value)
    if len(text) > limits.MAX_SHORT_TEXT:
        raise _choice_error(text, choices)
    whole = match_choice(text, choices)
    if whole is not None:  # a single label that itself contains a comma
        return (whole,)
    parts = [p for p in (s.strip() for s in _SEPARATORS.split(text)) if p]
    picked: set[str] = set()
    unknown = []
    for part in parts:
        code = match_choice(part, choices)
        if code is None:
            unknown.append(part)
        else:
            picked.add(code)
    if unknown:
        raise _choice_error(", ".join(unknown), choices)
    return tuple(c.code for c in choices if c.code in picked)


# Texts and identifiers -----------------------------------------------------------------------------
def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, float) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(_as_date(value))
    return str(value)


def _identifier(kind: str, value: Any) -> str:
    text = _as_text(value).strip()
    compact = re.sub(r"[\s\-.\u00a0]", "", text)
    if kind == "nip" and compact[:2].upper() == "PL":
        compact = compact[2:]
    if kind == "krs" and compact.isdigit() and len(compact) < 10 and not isinstance(value, str):
        compact = compact.zfill(10)  # 123456 typed as a number
    return compact


# One cell ------------------------------------------------------------------------------------------
def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        stripped = value.strip()
        return not stripped or stripped in EMPTY_WORDS
    return False


def parse_cell(column: FieldDef, value: Any, definition: FormDefinition, lang: str = "pl") -> Any:
    """The typed value of a cell for `column` (None when empty); CellError with a message in `lang` otherwise.

    In English (`lang="en"`) a comma may also group thousands: `12,345` is twelve thousand three hundred and five."""
    if is_blank(value):
        return None
    try:
        return _parse(column, value, definition, lang)
    except CellError as exc:
        exc.lang = lang
        raise


def _parse(column: FieldDef, value: Any, definition: FormDefinition, lang: str) -> Any:
    t = column.type
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
    if t == "money":
        return _money(value, lang)
    if t == "decimal":
        number = _in_range("decimal", _number(value, lang))
        if number.as_tuple().exponent < -limits.DECIMAL_PLACES:  # type: ignore[operator]
            number = number.quantize(Decimal(1).scaleb(-limits.DECIMAL_PLACES), rounding=ROUND_HALF_UP)
        return number
    if t in ("int", "year"):
        return _integer(value, lang)
    if t == "date":
        return _date(value)
    if t == "bool":
        return _bool(value)
    if t == "choice":
        return _choice(value, definition.choices(column.list or ""))
    if t == "multichoice":
        return _multichoice(value, definition.choices(column.list or ""))
    if t in ID_TYPES:
        return _limited(t, _identifier(t, value))
    text = _as_text(value)
    if t == "email" and text.strip().casefold().startswith("mailto:"):
        text = text.strip()[7:]
    return _limited(t, text)


def _limited(field_type: str, text: str) -> str:
    """Text without control characters, within the program's limit for the type (`forms.limits`)."""
    if len(text) <= 2 * limits.max_text(field_type):
        text = limits.clean_controls(text, field_type == "longtext").strip()
    problem = limits.text_problem(field_type, text)
    if problem is not None:
        raise CellError(problem.pl, problem.en)
    return text


def parse_yes_no(value: Any, lang: str = "pl") -> bool | None:
    """A yes/no answer (None when empty); CellError with a message in `lang` otherwise."""
    if is_blank(value):
        return None
    try:
        return _bool(value)
    except CellError as exc:
        exc.lang = lang
        raise


def needs_check(column: FieldDef) -> bool:
    """Whether `check_value` can find anything wrong with a value `parse_cell` accepted for this column."""
    if column.type in ("bool", "choice"):
        return column.must_be_true
    if column.type == "multichoice":
        return bool(column.min_selected)
    return True


def check_cell(
    column: FieldDef, value: Any, definition: FormDefinition, *, checked: bool = True, lang: str = "pl"
) -> tuple[Any, str | None]:
    """(typed value, None) or (None, the reason in `lang`): reading plus (when `checked`) the field's own checks."""
    try:
        typed = parse_cell(column, value, definition, lang)
    except CellError as exc:
        return None, str(exc)
    if typed is None or not checked:
        return typed, None
    problem = check_value(column, typed)
    if problem is not None:
        return None, problem.get(lang)
    return typed, None


def raw_text(value: Any) -> str:
    """A raw cell as the user sees it, for messages and previews."""
    if value is None:
        return ""
    return _as_text(value)
