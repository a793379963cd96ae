"""The message catalogue: every generated message of the checks (and the counts of the review, the status bar,
the command line and the PDF) in Polish and English, written once.

A template is a `str.format` text with two additions:
- `{n:błąd}` writes a count with its noun in the right form (`1 błąd`, `2 błędy`, `5 błędów`, `22 błędy`) through
  the one plural rule, `forms.fmt.plural`; the noun names the form used for one and must be in `NOUNS`;
- values wrapped in `Money`, `Date`, `Percent`, `Number` or `Quoted` are written in the language of the message
  (`1 234 567,89 zł`, `31.12.2024`, `34,42 %`, `„…”`).

A message never repeats the label of the place it is shown at: the place (`Problem.location`) names the field or
the column, the message says what is wrong with it and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from forms.schema import Text

# Polish nouns by the form for one: (one, few: 2-4 / 22-24 ..., many: 0, 5-21, 25-31 ..., 12-14, 112 ...);
# English: (one, other). Accusative and genitive forms are nouns of their own where a template needs them.
NOUNS: dict[str, tuple[tuple[str, str, str], tuple[str, str]]] = {
    "błąd": (("błąd", "błędy", "błędów"), ("error", "errors")),
    "brak": (("brak", "braki", "braków"), ("missing item", "missing items")),
    "uwaga": (("uwaga", "uwagi", "uwag"), ("warning", "warnings")),
    "problem": (("problem", "problemy", "problemów"), ("problem", "problems")),
    "inny problem": (("inny problem", "inne problemy", "innych problemów"), ("other problem", "other problems")),
    "wiersz": (("wiersz", "wiersze", "wierszy"), ("row", "rows")),
    "znak": (("znak", "znaki", "znaków"), ("character", "characters")),
    "pozycja": (("pozycja", "pozycje", "pozycji"), ("item", "items")),
    "pozycję": (("pozycję", "pozycje", "pozycji"), ("item", "items")),  # accusative: wybierz 1 pozycję
    "rok": (("rok", "lata", "lat"), ("year", "years")),
    "rok obrotowy": (("rok obrotowy", "lata obrotowe", "lat obrotowych"), ("financial year", "financial years")),
    "członek": (("członek", "członków", "członków"), ("member", "members")),  # jest 1 członek, jest 2 członków
    "członka": (("członka", "członków", "członków"), ("member", "members")),  # accusative: mieć 1 członka
    "plik": (("plik", "pliki", "plików"), ("file", "files")),
    "strona": (("strona", "strony", "stron"), ("page", "pages")),
    "dzień": (("dzień", "dni", "dni"), ("day", "days")),
    "cyfra": (("cyfra", "cyfry", "cyfr"), ("digit", "digits")),
    "wymaganego": (("wymaganego", "wymaganych", "wymaganych"), ("required", "required")),  # genitive: 7 z 12 …
    "poziom": (("poziom", "poziomy", "poziomów"), ("level", "levels")),
}


def count(n: int, noun: str, lang: str = "pl") -> str:
    """`count(22, "błąd")` -> `22 błędy`; `count(1, "wiersz", "en")` -> `1 row`. The one way to write a count."""
    from forms.fmt import format_int, plural_word

    polish, english = NOUNS[noun]
    if lang == "en":
        return f"{format_int(n, 'en')} {english[0] if n == 1 else english[1]}"
    return f"{format_int(n)} {plural_word(n, *polish)}"


def noun_form(n: int, noun: str, lang: str = "pl") -> str:
    """Only the word of `count` (for a count written elsewhere)."""
    return count(n, noun, lang).split(" ", 1)[1]


# Values written in the language of the message.
@dataclass(frozen=True)
class Money:
    value: Decimal | int | str


@dataclass(frozen=True)
class Number:
    value: Decimal | int | str


@dataclass(frozen=True)
class Percent:
    value: Decimal | None


@dataclass(frozen=True)
class Date:
    value: dt.date


@dataclass(frozen=True)
class Quoted:
    value: Any
    limit: int = 60


@dataclass(frozen=True)
class Choice:
    """A value that differs by language (a choice's label, a column's label)."""

    text: Text


# id -> (Polish, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # Missing items (brak)
    "required": ("do uzupełnienia", "to be filled in"),
    "required_choice": ("do uzupełnienia: wybierz z listy", "to be filled in: choose from the list"),
    "required_multichoice": (
        "do uzupełnienia: wybierz co najmniej {min:pozycję}",
        "to be filled in: choose at least {min:pozycję}",
    ),
    "required_declaration": ("zaznacz to oświadczenie", "tick this declaration"),
    "min_rows": ("dodaj co najmniej {min:wiersz} (teraz: {n})", "add at least {min:wiersz} (now: {n})"),
    "attachment_missing": ("dodaj wymagany załącznik: {kind}", "add the required attachment: {kind}"),
    # Wrong values (błąd)
    "max_rows": (
        "tabela może mieć najwyżej {max:wiersz}; ma {n}",
        "the table may have at most {max:wiersz}; it has {n}",
    ),
    "too_long": (
        "za długi tekst: {n:znak}, dozwolone najwyżej {max}",
        "text too long: {n:znak}, at most {max} allowed",
    ),
    "below_min": ("{value} to mniej niż dozwolone minimum {min}", "{value} is below the allowed minimum {min}"),
    "above_max": ("{value} to więcej niż dozwolone maksimum {max}", "{value} is above the allowed maximum {max}"),
    "date_range": ("{value}: dozwolone są daty od {low} do {high}", "{value}: dates from {low} to {high} are allowed"),
    "multichoice_min": ("wybierz co najmniej {min:pozycję}", "choose at least {min:pozycję}"),
    "nip_checksum": (
        "{value}: błędna cyfra kontrolna (numer ma 10 cyfr, ostatnia jest kontrolna; myślniki i spacje są dozwolone)",
        "{value}: wrong check digit (the number has 10 digits, the last a check digit; dashes and spaces allowed)",
    ),
    "nip_length": (
        "{value}: zła liczba cyfr (numer ma 10 cyfr; myślniki i spacje są dozwolone)",
        "{value}: wrong number of digits (the number has 10 digits; dashes and spaces allowed)",
    ),
    "nip_chars": (
        "{value}: niedozwolone znaki (numer ma 10 cyfr; myślniki i spacje są dozwolone)",
        "{value}: invalid characters (the number has 10 digits; dashes and spaces allowed)",
    ),
    "regon_checksum": (
        "{value}: błędna cyfra kontrolna (numer ma 9 albo 14 cyfr, ostatnia jest kontrolna)",
        "{value}: wrong check digit (the number has 9 or 14 digits, the last a check digit)",
    ),
    "regon_length": (
        "{value}: zła liczba cyfr (numer ma 9 albo 14 cyfr)",
        "{value}: wrong number of digits (the number has 9 or 14 digits)",
    ),
    "regon_chars": (
        "{value}: niedozwolone znaki (numer ma 9 albo 14 cyfr)",
        "{value}: invalid characters (the number has 9 or 14 digits)",
    ),
    "krs_format": (
        "{value}: numer ma 10 cyfr, np. 0000123456",
        "{value}: the number has 10 digits, e.g. 0000123456",
    ),
    "krs_zeros": ("numer nie może składać się z samych zer", "the number cannot be all zeros"),
    "postcode": ("{value}: wpisz kod w formacie NN-NNN, np. 00-950", "{value}: write the code as NN-NNN, e.g. 00-950"),
    "email": (
        "{value}: wpisz adres w postaci nazwa@domena.pl",
        "{value}: write the address like name@domain.pl",
    ),
    "url": (
        "{value}: wpisz adres strony w postaci https://www.przyklad.pl",
        "{value}: write the web address like https://www.example.pl",
    ),
    "phone": (
        "{value}: wpisz 9–15 cyfr, na początku może być +, np. +48 22 123 45 67",
        "{value}: write 9–15 digits, optionally starting with +, e.g. +48 22 123 45 67",
    ),
    "declaration_unticked": ("zaznacz to oświadczenie", "tick this declaration"),
    "column_le": (
        "kwota {value} przekracza wartość z kolumny {other_label} w tym wierszu ({other})",
        "the amount {value} exceeds the value in the column {other_label} in this row ({other})",
    ),
    "unique": (
        "{value} jest już w wierszu {first}{who}; każdy członek klastra może być wpisany tylko raz",
        "{value} is already in row {first}{who}; each cluster member may be listed only once",
    ),
    "consecutive_years": (
        "potrzebne są dane za {count:rok obrotowy}: {expected} (ostatni to rok obrotowy {ref}); podano: {listed}",
        "data for {count:rok obrotowy} are needed: {expected} (the last is the financial year {ref}); given: {listed}",
    ),
    "consecutive_years_none": (
        "potrzebne są dane za {count:rok obrotowy}: {expected} (ostatni to rok obrotowy {ref}); nie podano roku",
        "data for {count:rok obrotowy} are needed: {expected} (the last is the financial year {ref}); no year given",
    ),
    "eligibility_age": (
        "klaster musi działać co najmniej {min:rok}; założony {established}, na dzień {on} działa {age:rok}",
        "the cluster must have operated for at least {min:rok}; founded on {established}, on {on} it has "
        "operated for {age:rok}",
    ),
    "eligibility_age_new": (
        "klaster musi działać co najmniej {min:rok}; założony {established}, na dzień {on} działa krócej niż rok",
        "the cluster must have operated for at least {min:rok}; founded on {established}, on {on} it has "
        "operated for less than a year",
    ),
    "eligibility_members": (
        "klaster musi mieć co najmniej {min:członka}; w rejestrze jest {n:członek}",
        "the cluster needs at least {min:członka}; the register has {n:członek}",
    ),
    "attachment_file_missing": (
        "plik {name} nie został dołączony; dodaj go ponownie",
        "the file {name} is not attached; add it again",
    ),
    "attachment_hash": (
        "plik {name} ma inną sumę SHA-256 niż zapisana; dodaj go ponownie",
        "the file {name} has a different SHA-256 than the one recorded; add it again",
    ),
    "date_future": ("{value} to data w przyszłości (dziś jest {today})", "{value} is in the future (today is {today})"),
    "date_order": (
        "{value} to data wcześniejsza niż data rozpoczęcia ({start})",
        "{value} is earlier than the start date ({start})",
    ),
    # Reading typed or imported values
    "not_a_date": (
        "{value} nie jest datą; wpisz ją jako dd.mm.rrrr, np. 31.12.2024",
        "{value} is not a date; write it as dd.mm.yyyy, e.g. 31.12.2024",
    ),
    "no_such_day": (
        "{value}: {day} {month_of} {year} nie istnieje ({month} {year} ma {days:dzień})",
        "{value}: {month} {day}, {year} does not exist ({month} {year} has {days:dzień})",
    ),
    "no_such_month": (
        "{value}: miesiąc {month} nie istnieje (miesiące mają numery od 1 do 12)",
        "{value}: there is no month {month} (months are numbered 1 to 12)",
    ),
    "not_a_number": ("{value} nie jest liczbą (np. 1 234 567,89)", "{value} is not a number (e.g. 1,234,567.89)"),
    # Counts and lists
    "more_problems": ("…i {n:inny problem}", "…and {n:inny problem}"),
    "section_required": ("{filled} z {required:wymaganego}", "{filled} of {required} required"),
    "totals": ("{missing:brak}, {errors:błąd}, {warnings:uwaga}", "{missing:brak}, {errors:błąd}, {warnings:uwaga}"),
    "finalize_refused": (
        "Nie można sfinalizować wniosku {id}: {missing:brak} i {errors:błąd} do poprawienia.",
        "Application {id} cannot be finalised: {missing:brak} and {errors:błąd} to correct.",
    ),
    "finalize_blocked": (
        "Wniosku nie można jeszcze sfinalizować: {missing:brak} i {errors:błąd} do poprawienia.",
        "The application cannot be finalised yet: {missing:brak} and {errors:błąd} to correct.",
    ),
    "check_summary": (
        "Wniosek {id}: {missing:brak}, {errors:błąd}, {warnings:uwaga}; wypełniono {filled} z {required:wymaganego} "
        "({percent}).",
        "Application {id}: {missing:brak}, {errors:błąd}, {warnings:uwaga}; {filled} of {required} required items "
        "filled ({percent}).",
    ),
    "row_place": ("{name} (wiersz {row})", "{name} (row {row})"),
    "row_only": ("wiersz {row}", "row {row}"),
    # A draft brought up to the current version of its form (forms/revisions.py)
    "form_revised": (
        "Wniosek {id} {name}: pole {field} zapisano na liście wersji {version} formularza ({changes}); {note} "
        "Sprawdź wybór.",
        "Application {id} {name}: the field {field} was written on the list of version {version} of the form "
        "({changes}); {note} Check the choice.",
    ),
}

# Polish month names: nominative (luty) and genitive (31 lutego).
MONTHS = (
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień".split(),
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),
)
MONTHS_EN = "January February March April May June July August September October November December".split()


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        from forms.fmt import format_date, format_decimal, format_money, format_percent, quote_value

        lang = self.lang
        if format_spec in NOUNS:
            return count(int(value), format_spec, lang)
        if isinstance(value, Money):
            return format_money(Decimal(value.value), lang)
        if isinstance(value, Number):
            return format_decimal(Decimal(value.value), lang=lang)
        if isinstance(value, Percent):
            return format_percent(value.value, lang)
        if isinstance(value, Date):
            return format_date(value.value, lang)
        if isinstance(value, Quoted):
            inner = value.value.get(lang) if isinstance(value.value, Text) else value.value
            return quote_value(inner, value.limit, lang)
        if isinstance(value, Choice):
            return value.text.get(lang)
        if isinstance(value, Text):
            return value.get(lang)
        if isinstance(value, int) and not isinstance(value, bool) and not format_spec:
            return str(value)
        return super().format_field(value, format_spec)


def render(key: str, lang: str = "pl", **params: Any) -> str:
    """The message `key` in `lang` (pl, en) with its parameters written in that language."""
    polish, english = MESSAGES[key]
    return _Formatter(lang).format(english if lang == "en" else polish, **params)


def message(key: str, **params: Any) -> Text:
    """The message `key` in both languages (what a `Problem` carries)."""
    return Text(render(key, "pl", **params), render(key, "en", **params))


def placeholders(key: str) -> dict[str, str]:
    """The parameters of a template and their format (a noun for counts, "" otherwise), for tests and tools."""
    out: dict[str, str] = {}
    for template in MESSAGES[key]:
        for _text, name, spec, _conv in string.Formatter().parse(template):
            if name:
                out[name] = spec or out.get(name, "")
    return out


def totals_text(missing: int, errors: int, warnings: int, lang: str = "pl") -> str:
    """`3 braki, 1 błąd, 0 uwag`."""
    return render("totals", lang, missing=missing, errors=errors, warnings=warnings)


def without_unit(label: str) -> str:
    """A column's label inside a sentence: `Budżet klastra (PLN)` -> `Budżet klastra` (the amount says zł)."""
    for unit in (" (PLN)", " (zł)"):
        if label.endswith(unit):
            return label[: -len(unit)]
    return label


def lower_first(label: str) -> str:
    """`Przychody ze sprzedaży` -> `przychody ze sprzedaży` (inside a sentence); acronyms (`NIP`, `KIS`) kept."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label
