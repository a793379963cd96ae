"""Pasting a block copied from Excel into a table: its tab-separated clipboard text split into rows and cells, each
cell read by `forms.cells.parse_cell` (Polish numbers and dates, in English also `12,345.6`; choices by code or
Polish or English label, tak/nie or yes/no).

`parse_clipboard_rows` returns row dicts plus problem messages that name the row and the column, in the user
interface's language (Qt's translation, context "TablePaste", for the place; the cell's reason from `forms.cells`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from forms.cells import CellError, fold, parse_cell
from forms.schema import FieldDef, FormDefinition, TableDef
from ui.i18n import current_language

_QUOTE_END = frozenset({"\t", "\n", ""})


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
            except CellError as exc:
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
