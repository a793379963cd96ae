"""Reading table cells typed or pasted by people: Excel's tab-separated clipboard text and single cell texts.

Pure Python (no Qt): `parse_cell` turns one text into the typed value of a column (Polish numbers and dates through
`forms.fmt`, choices by code or Polish label, tak/nie), `parse_clipboard_rows` turns a block copied from Excel into
row dicts plus Polish problem messages that name the row and the column.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from forms.fmt import parse_date, parse_number
from forms.schema import Choice, FieldDef, FormDefinition, TableDef

TRUE_WORDS = frozenset({"tak", "t", "x", "1", "yes", "y", "true", "prawda"})
FALSE_WORDS = frozenset({"nie", "n", "0", "no", "false", "fałsz", "falsz"})
NUMBER_TYPES = ("money", "decimal")
INTEGER_TYPES = ("int", "year")
_SEPARATORS = re.compile(r"[;,\n]")
_QUOTE_END = frozenset({"\t", "\n", ""})


# Folding ---------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Case- and diacritics-insensitive key: `Łódzkie ` -> `lodzkie`."""
    text = unicodedata.normalize("NFKD", text.strip().casefold()).replace("ł", "l")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def _choice_index(choices: tuple[Choice, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for c in choices:
        for name in (c.label.pl, c.label.en or "", c.code):
            if name:
                index.setdefault(fold(name), c.code)
    return index


def _choice_error(raw: str, choices: tuple[Choice, ...]) -> ValueError:
    examples = ", ".join(c.label.pl for c in choices[:4]) + (", …" if len(choices) > 4 else "")
    return ValueError(f"'{raw}' nie ma na liście (np. {examples})")


# One cell --------------------------------------------------------------------------------------
def _integer(text: str) -> int:
    number = parse_number(text)
    if number != number.to_integral_value():
        raise ValueError(f"'{text}' nie jest liczbą całkowitą")
    return int(number)


def _bool(text: str) -> bool:
    key = text.strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise ValueError(f"'{text}' nie jest wartością tak/nie")


def _choice(text: str, choices: tuple[Choice, ...]) -> str:
    code = _choice_index(choices).get(fold(text))
    if code is None:
        raise _choice_error(text, choices)
    return code


def _multichoice(text: str, choices: tuple[Choice, ...]) -> tuple[str, ...]:
    index = _choice_index(choices)
    whole = index.get(fold(text))
    if whole is not None:  # a single label that itself contains a comma
        return (whole,)
    parts = [p for p in (s.strip() for s in _SEPARATORS.split(text)) if p]
    unknown = [p for p in parts if fold(p) not in index]
    if unknown:
        raise _choice_error(", ".join(unknown), choices)
    picked = {index[fold(p)] for p in parts}
    return tuple(c.code for c in choices if c.code in picked)


def parse_cell(column: FieldDef, text: str, definition: FormDefinition) -> Any:
    """The typed value of `text` for `column` (None when empty); ValueError with a Polish message otherwise."""
    raw = text.strip()
    if not raw:
        return None
    t = column.type
    if t in NUMBER_TYPES:
        return parse_number(raw)
    if t in INTEGER_TYPES:
        return _integer(raw)
    if t == "date":
        return parse_date(raw)
    if t == "bool":
        return _bool(raw)
    if t == "choice":
        return _choice(raw, definition.choices(column.list or ""))
    if t == "multichoice":
        return _multichoice(raw, definition.choices(column.list or ""))
    return text if t == "longtext" else raw


# Excel's clipboard text ------------------------------------------------------------------------
def _quoted_cell(text: str, start: int) -> tuple[str, int] | None:
    """A cell Excel wrapped in quotes at `start`: (its text, index after the closing quote) or None if not one."""
    out: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == '"':
            if text[i + 1 : i + 2] == '"':
                out.append('"')
                i += 2
                continue
            return ("".join(out), i + 1) if text[i + 1 : i + 2] in _QUOTE_END else None
        out.append(ch)
        i += 1
    return None


def split_clipboard(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text (\\n, \\r\\n or \\r between rows; quoted cells may hold new lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    i = 0
    while i <= len(text):
        quoted = _quoted_cell(text, i) if text[i : i + 1] == '"' else None
        if quoted is not None:
            cell, i = quoted
        else:
            end = i
            while end < len(text) and text[end] not in "\t\n":
                end += 1
            cell, i = text[i:end], end
        row.append(cell)
        sep = text[i : i + 1]
        i += 1
        if sep != "\t":
            rows.append(row)
            row = []
    if rows and rows[-1] == [""]:
        rows.pop()  # the line break after the last row
    return rows


def _is_header(cells: list[str], columns: tuple[FieldDef, ...]) -> bool:
    names = [{fold(c.label.pl), fold(c.key)} for c in columns]
    filled = [(cell, names[j]) for j, cell in enumerate(cells[: len(names)]) if cell.strip()]
    return bool(filled) and all(fold(cell.rstrip(" *")) in known for cell, known in filled)


def _place(number: int, column: FieldDef) -> str:
    return f"wiersz {number}, kolumna „{column.label.pl}”"


def parse_clipboard_rows(
    text: str, table: TableDef, definition: FormDefinition, start_column: int = 0
) -> tuple[list[dict[str, Any]], list[str]]:
    """Typed rows from a block copied from Excel, its cells filling the columns from `start_column` on.

    Returns (rows, problems). A cell that cannot be read is left out of its row (the row is still added) and
    reported as `wiersz 3, kolumna „Przychód”: 'abc' nie jest liczbą …`; rows are numbered as in the block.
    A first row that repeats the column headers is skipped; blank rows are skipped.
    """
    columns = table.columns[max(0, start_column) :]
    lines = split_clipboard(text)
    if lines and _is_header(lines[0], columns):
        lines = [[]] + lines[1:]  # keep the numbering of the block
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    overflow = 0
    for number, cells in enumerate(lines, start=1):
        if not any(c.strip() for c in cells):
            continue
        row: dict[str, Any] = {}
        for column, cell in zip(columns, cells, strict=False):
            try:
                value = parse_cell(column, cell, definition)
            except ValueError as exc:
                problems.append(f"{_place(number, column)}: {exc}")
                continue
            if value is not None:
                row[column.key] = value
        overflow = max(overflow, sum(1 for c in cells[len(columns) :] if c.strip()))
        rows.append(row)
    if overflow:
        problems.append(f"pominięto komórki wykraczające poza ostatnią kolumnę tabeli (do {overflow} w wierszu)")
    return rows, problems
