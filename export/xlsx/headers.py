"""Column headers: the ones our workbooks write, and finding and matching the ones people send.

Every header comes from the definition (a column's Polish label; a multi-choice column is written as one yes/no
column per choice, "Stosowane systemy zarządzania: ERP"). Reading, a header is matched by its normalised name
(case, diacritics, punctuation, units and years ignored) to a column's label (Polish or English), key or a known
synonym ("Nazwa firmy" -> name, "Przychody 2024" -> sales_pln); failing that, by the longest such name it begins
with. The header row is the row, among the first `SCAN_ROWS`, that matches most columns: title rows above it
are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from forms.cells import fold, match_choice
from forms.schema import FieldDef, FormDefinition, TableDef

SCAN_ROWS = 30
MIN_HEADER_MATCHES = 2
CHOICE_SEPARATOR = ": "

# Other names people give the columns of a table (by column key; used only where the table has that column).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "nazwa",
        "nazwa firmy",
        "nazwa podmiotu",
        "nazwa przedsiębiorstwa",
        "firma",
        "podmiot",
        "członek",
        "nazwa członka klastra",
        "pełna nazwa",
        "nazwa instytucji",
    ),
    "nip": ("numer nip", "nr nip", "numer identyfikacji podatkowej"),
    "regon": ("numer regon", "nr regon"),
    "type": (
        "rodzaj",
        "typ",
        "typ podmiotu",
        "rodzaj członka",
        "wielkość przedsiębiorstwa",
        "wielkość",
        "kategoria",
        "kategoria podmiotu",
        "status przedsiębiorstwa",
    ),
    "voivodeship": ("województwo", "woj", "region"),
    "joined_on": (
        "data przystąpienia",
        "data przystąpienia do klastra",
        "data dołączenia",
        "przystąpienie",
        "członek od",
        "data przystąpienia do porozumienia",
    ),
    "employees": ("zatrudnienie", "liczba pracowników", "pracownicy", "liczba zatrudnionych", "zatrudnienie etaty"),
    "sales_pln": (
        "przychody",
        "przychód",
        "przychody ze sprzedaży",
        "przychód ze sprzedaży",
        "sprzedaż",
        "wartość sprzedaży",
        "obroty",
        "przychody netto ze sprzedaży",
    ),
    "export_pln": (
        "eksport",
        "przychody z eksportu",
        "przychód z eksportu",
        "sprzedaż eksportowa",
        "wartość eksportu",
        "przychody eksportowe",
    ),
    "rd": ("b+r", "działalność b+r", "prowadzi b+r", "badania i rozwój", "działalność badawczo-rozwojowa"),
    "iso": ("iso", "normy iso", "certyfikat iso", "certyfikaty iso"),
    "iso_norms": ("jakie normy iso", "normy iso jakie", "nazwy norm iso", "które normy iso", "jakie normy"),
    "startup": ("start-up", "startup", "start up"),
    "contact_email": ("e-mail", "email", "adres e-mail", "mail", "adres email"),
    "mgmt_systems": ("systemy zarządzania", "systemy it", "systemy informatyczne"),
    "industry40": ("przemysł 4.0", "industry 4.0", "rozwiązania przemysłu 4.0"),
}

_NOISE = re.compile(r"\b(pln|w zl|zl|(19|20)\d\d( r\b)?)\b")


def norm(text: object) -> str:
    """A header's matching key: `Przychody ze sprzedaży 2024 (PLN) *` -> `przychody ze sprzedazy`."""
    key = fold(str(text))
    key = re.sub(r"[^0-9a-z+ ]", " ", key)
    key = re.sub(r"\s*\+\s*", "+", key)
    key = _NOISE.sub(" ", key)
    return " ".join(key.split())


@dataclass(frozen=True)
class Target:
    """What a sheet column fills: a table column, or one choice of a multi-choice column (yes/no)."""

    column: str
    choice: str | None = None

    @property
    def spec(self) -> str:
        return self.column if self.choice is None else f"{self.column}:{self.choice}"

    @classmethod
    def parse(cls, spec: str) -> Target:
        column, _, choice = spec.partition(":")
        return cls(column, choice or None)


@dataclass(frozen=True)
class HeaderMatch:
    index: int  # 0-based column of the sheet
    header: str
    target: Target | None
    reason: str = ""  # why it is not matched

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


def choice_header(column: FieldDef, label: str) -> str:
    return f"{column.label.pl}{CHOICE_SEPARATOR}{label.split(' – ')[0]}"


def written_columns(table: TableDef, definition: FormDefinition) -> list[tuple[Target, str, FieldDef]]:
    """The columns our workbooks write for a table: (target, header, column), multi-choice expanded."""
    out: list[tuple[Target, str, FieldDef]] = []
    for col in table.columns:
        if col.type == "multichoice":
            for choice in definition.choices(col.list or ""):
                out.append((Target(col.key, choice.code), choice_header(col, choice.label.pl), col))
        else:
            out.append((Target(col.key), col.label.pl, col))
    return out


def target_label(target: Target, table: TableDef, definition: FormDefinition) -> str:
    col = table.column(target.column)
    if target.choice is None:
        return col.label.pl
    return choice_header(col, definition.choice_label(col.list or "", target.choice))


class HeaderMatcher:
    """Matches header texts to the columns of one table."""

    def __init__(self, table: TableDef, definition: FormDefinition) -> None:
        self.table, self.definition = table, definition
        self.names: dict[str, Target] = {}
        self.column_names: dict[str, str] = {}  # name -> column key, for "label: choice" headers
        for col in table.columns:
            for name in (col.label.pl, col.label.en or "", col.key, *SYNONYMS.get(col.key, ())):
                key = norm(name)
                if key:
                    self.names.setdefault(key, Target(col.key))
                    self.column_names.setdefault(key, col.key)
        for target, header, _col in written_columns(table, definition):
            if target.choice is not None:
                self.names.setdefault(norm(header), target)
        for target, header, _col in written_columns(table, definition):  # a bare "ERP" under a group header
            if target.choice is not None:
                self.names.setdefault(norm(header.split(CHOICE_SEPARATOR, 1)[1]), target)
        self._by_length = sorted((n for n in self.names if len(n) >= 3), key=len, reverse=True)

    def _choice_header(self, text: str) -> Target | None:
        for sep in (":", " – ", " - "):
            left, found, right = text.partition(sep)
            if not found or not right.strip():
                continue
            column = self.column_names.get(norm(left)) or self._prefix(norm(left), column_only=True)
            if column is None:
                continue
            col = self.table.column(column if isinstance(column, str) else column.column)
            if col.type != "multichoice":
                continue
            code = match_choice(right.strip(), self.definition.choices(col.list or ""))
            if code is not None:
                return Target(col.key, code)
        return None

    def _prefix(self, key: str, column_only: bool = False) -> Target | None:
        for name in self._by_length:  # the longest known name the header begins with
            if key.startswith(name + " ") and (not column_only or self.names[name].choice is None):
                return self.names[name]
        return None

    def match(self, text: object) -> Target | None:
        if text is None or not str(text).strip():
            return None
        key = norm(text)
        if not key:
            return None
        if key in self.names:
            return self.names[key]
        return self._choice_header(str(text)) or self._prefix(key)

    def match_row(self, cells: Iterable[object], mapping: dict[str, str] | None = None) -> list[HeaderMatch]:
        """Every non-empty header of a row with its target; a target taken by an earlier column is refused.

        `mapping` (column letter -> target spec, "" to skip) overrides the automatic match of those columns.
        """
        mapping = mapping or {}
        out: list[HeaderMatch] = []
        taken: dict[Target, str] = {}
        for index, cell in enumerate(cells):
            letter = get_column_letter(index + 1)
            header = "" if cell is None else str(cell).strip()
            if letter in mapping:
                spec = mapping[letter]
                target = Target.parse(spec) if spec else None
                reason = "" if target else "pominięta na życzenie"
            elif not header:
                continue
            else:
                target = self.match(header)
                reason = "" if target else "nieznana kolumna"
            if target is not None and target in taken:
                reason = f"„{target_label(target, self.table, self.definition)}” jest już w kolumnie {taken[target]}"
                target = None
            if target is not None:
                taken[target] = letter
            if header or target is not None:
                out.append(HeaderMatch(index, header, target, reason))
        return out

    def score(self, cells: Iterable[object]) -> int:
        return len({t for t in (self.match(c) for c in cells) if t is not None})


def find_header_row(rows: list[tuple[int, tuple]], matcher: HeaderMatcher) -> tuple[int, tuple] | None:
    """(row number, cells) of the header row among the first rows of a sheet, or None."""
    best: tuple[int, tuple] | None = None
    best_score = MIN_HEADER_MATCHES - 1
    for number, cells in rows[:SCAN_ROWS]:
        score = matcher.score(cells)
        if score > best_score:
            best, best_score = (number, cells), score
    return best


def missing_columns(matches: list[HeaderMatch], table: TableDef) -> list[FieldDef]:
    """Columns of the table no sheet column fills."""
    present = {m.target.column for m in matches if m.target is not None}
    return [c for c in table.columns if c.key not in present]


def target_choices(table: TableDef, definition: FormDefinition) -> list[tuple[str, str]]:
    """(spec, label) of every target a sheet column may be mapped to, in the order of the table."""
    out = []
    for col in table.columns:
        out.append((col.key, col.label.pl))
        if col.type == "multichoice":
            for choice in definition.choices(col.list or ""):
                out.append((f"{col.key}:{choice.code}", choice_header(col, choice.label.pl)))
    return out
