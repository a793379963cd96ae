"""Reading table cells typed or pasted by people: Excel's tab-separated clipboard text and single cell texts.

No widgets: `parse_cell` turns one text into the typed value of a column (Polish numbers and dates through
`forms.fmt`, in English also `12,345.6`; choices by code or Polish or English label, tak/nie or yes/no),
`parse_clipboard_rows` turns a block copied from Excel into row dicts plus problem messages that name the row and
the column. The messages are in the user interface's language (Qt's translation, context "TablePaste").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication

from forms.fmt import parse_date, parse_number
from forms.schema import Choice, FieldDef, FormDefinition, TableDef
from ui.i18n import current_language, number_input

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


def _choice_error(raw: str, choices: tuple[Choice, ...], lang: str) -> ValueError:
    examples = ", ".join(c.label.get(lang) for c in choices[:4]) + (", …" if len(choices) > 4 else "")
    return ValueError(
        QCoreApplication.translate("TablePaste", "'{text}' nie ma na liście (np. {examples})").format(
            text=raw, examples=examples
        )
    )


# One cell --------------------------------------------------------------------------------------
def _number(text: str, lang: str) -> Any:
    try:
        return parse_number(number_input(text, lang))
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("TablePaste", "'{text}' nie jest liczbą (np. 1 234 567,89)").format(
                text=text.strip()
            )
        ) from None


def _integer(text: str, lang: str) -> int:
    number = _number(text, lang)
    if number != number.to_integral_value():
        raise ValueError(
            QCoreApplication.translate("TablePaste", "'{text}' nie jest liczbą całkowitą").format(text=text)
        )
    return int(number)


def _date(text: str) -> Any:
    try:
        return parse_date(text)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("TablePaste", "'{text}' nie jest datą (oczekiwano dd.mm.rrrr)").format(
                text=text.strip()
            )
        ) from None


def _bool(text: str) -> bool:
    key = text.strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise ValueError(QCoreApplication.translate("TablePaste", "'{text}' nie jest wartością tak/nie").format(text=text))


def _choice(text: str, choices: tuple[Choice, ...], lang: str) -> str:
    code = _choice_index(choices).get(fold(text))
    if code is None:
        raise _choice_error(text, choices, lang)
    return code


def _multichoice(text: str, choices: tuple[Choice, ...], lang: str) -> tuple[str, ...]:
    index = _choice_index(choices)
    whole = index.get(fold(text))
    if whole is not None:  # a single label that itself contains a comma
        return (whole,)
    parts = [p for p in (s.strip() for s in _SEPARATORS.split(text)) if p]
    unknown = [p for p in parts if fold(p) not in index]
    if unknown:
        raise _choice_error(", ".join(unknown), choices, lang)
    picked = {index[fold(p)] for p in parts}
    return tuple(c.code for c in choices if c.code in picked)


def parse_cell(column: FieldDef, text: str, definition: FormDefinition, lang: str | None = None) -> Any:
    """The typed value of `text` for `column` (None when empty); otherwise ValueError with a message in `lang`
    (by default the user interface's language)."""
    raw = text.strip()
    if not raw:
        return None
    lang = lang or current_language()
    t = column.type
    if t in NUMBER_TYPES:
        return _number(raw, lang)
    if t in INTEGER_TYPES:
        return _integer(raw, lang)
    if t == "date":
        return _date(raw)
    if t == "bool":
        return _bool(raw)
    if t == "choice":
        return _choice(raw, definition.choices(column.list or ""), lang)
    if t == "multichoice":
        return _multichoice(raw, definition.choices(column.list or ""), lang)
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
    names = [{fold(c.label.pl), fold(c.label.en or c.label.pl), fold(c.key)} for c in columns]
    filled = [(cell, names[j]) for j, cell in enumerate(cells[: len(names)]) if cell.strip()]
    return bool(filled) and all(fold(cell.rstrip(" *")) in known for cell, known in filled)


def _place(number: int, column: FieldDef, lang: str) -> str:
    return QCoreApplication.translate("TablePaste", "wiersz {row}, kolumna „{column}”").format(
        row=number, column=column.label.get(lang)
    )


def parse_clipboard_rows(
    text: str, table: TableDef, definition: FormDefinition, start_column: int = 0, lang: str | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Typed rows from a block copied from Excel, its cells filling the columns from `start_column` on.

    Returns (rows, problems). A cell that cannot be read is left out of its row (the row is still added) and
    reported as `wiersz 3, kolumna „Przychód”: 'abc' nie jest liczbą …`; rows are numbered as in the block.
    A first row that repeats the column headers is skipped; blank rows are skipped. The messages are in `lang`
    (by default the user interface's language).
    """
    lang = lang or current_language()
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
                value = parse_cell(column, cell, definition, lang)
            except ValueError as exc:
                problems.append(f"{_place(number, column, lang)}: {exc}")
                continue
            if value is not None:
                row[column.key] = value
        overflow = max(overflow, sum(1 for c in cells[len(columns) :] if c.strip()))
        rows.append(row)
    if overflow:
        problems.append(
            QCoreApplication.translate(
                "TablePaste", "pominięto komórki wykraczające poza ostatnią kolumnę tabeli (do {n} w wierszu)"
            ).format(n=overflow)
        )
    return rows, problems
