"""Reading the member register from a workbook people really send.

1. `load_sheet(path, definition)`: the checked file's values (`safety`), the sheet and header row that match the
   register best (`headers`). Nothing is interpreted yet, so re-mapping columns does not read the file again.
2. `build_preview(sheet, definition, mapping)`: typed rows with every cell that cannot be taken (row, column
   letter, header, reason); blank rows, "Lp." numbers, notes, totals and repeated headers skipped.
`read_members(path, definition, mapping)` does both. What the rows then do to the register (add, update by NIP,
reject) and writing them with their provenance is `plan.py` (`plan_import`, `apply_import`, re-exported here).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from export.xlsx.headers import SCAN_ROWS, HeaderMatch, HeaderMatcher, find_header_row, missing_columns
from export.xlsx.model import CellProblem, ImportPreview, SheetRow
from export.xlsx.plan import (  # noqa: F401 - the import's public interface in one place
    ADD,
    REJECT,
    UPDATE,
    ImportPlan,
    ImportRejected,
    ImportResult,
    apply_import,
    plan_import,
    report_lines,
)
from export.xlsx.safety import Progress, WorkbookBytes, XlsxFileError, iter_values, open_workbook, read_checked
from forms.cells import CellError, check_cell, fold, needs_check, parse_yes_no, raw_text
from forms.schema import FormDefinition, TableDef

MEMBERS = "members"
INSTRUCTION_TITLES = ("instrukcja", "objasnienia", "instructions", "pomoc")
NOTE_WORDS = (
    "uwaga",
    "uwagi",
    "zrodlo",
    "sporzadzil",
    "razem",
    "suma",
    "ogolem",
    "objasnienia",
    "legenda",
    "stan na",
    "dane wg",
    "dane wedlug",
    "przypis",
)


@dataclass
class SheetData:
    """The values of the chosen sheet; what `build_preview` interprets."""

    source: WorkbookBytes
    sheet: str
    header_row: int
    headers: tuple
    rows: list[tuple[int, tuple]]  # (row number, values) below the header row

    @property
    def file_name(self) -> str:
        return self.source.file_name


# Choosing the sheet ------------------------------------------------------------------------------------
def _head(ws: Any, file_name: str) -> list[tuple[int, tuple]]:
    rows = iter_values(ws, file_name)
    try:
        return list(itertools.islice(rows, SCAN_ROWS))
    finally:
        rows.close()


def load_sheet(
    path: Path | str, definition: FormDefinition, *, table_key: str = MEMBERS, progress: Progress | None = None
) -> SheetData:
    """The values of the sheet whose header row matches the table best; XlsxFileError when there is none."""
    table = definition.table(table_key)
    source = read_checked(path)
    matcher = HeaderMatcher(table, definition)
    with open_workbook(source) as wb:
        # Every sheet, hidden ones too (the data may sit on a third, hidden sheet), visible ones first on a tie;
        # never an instructions sheet, whose rows name the columns and would read as members.
        sheets = [ws for ws in wb.worksheets if not _is_instructions(ws.title)]
        sheets.sort(key=lambda ws: getattr(ws, "sheet_state", "visible") != "visible")
        best: tuple[int, Any, int, tuple] | None = None  # (score, sheet, header row, headers)
        for ws in sheets:
            found = find_header_row(_head(ws, source.file_name), matcher)
            if found is not None:
                score = matcher.score(found[1])
                if best is None or score > best[0]:
                    best = (score, ws, found[0], found[1])
        if best is None:
            examples = ", ".join(f"„{c.label.pl}”" for c in table.columns[:3])
            raise XlsxFileError(
                source.file_name,
                f"nie znaleziono wiersza nagłówków tabeli „{table.label.pl}” w pierwszych "
                f"{SCAN_ROWS} wierszach żadnego arkusza (oczekiwano kolumn takich jak {examples})",
            )
        _score, ws, header_row, headers = best
        width = max(i for i, v in enumerate(headers) if _filled(v)) + 1  # cells with no header are not read
        rows = [
            (number, values)
            for number, values in iter_values(
                ws, source.file_name, progress=progress, max_columns=width, first_row=header_row + 1
            )
        ]
        return SheetData(source, ws.title, header_row, tuple(headers[:width]), rows)


def _is_instructions(title: str) -> bool:
    return fold(title).startswith(INSTRUCTION_TITLES)


# Interpreting rows ---------------------------------------------------------------------------------------
def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _is_note(values: tuple, used: list[int]) -> str | None:
    """Why a non-blank row is not a member: "" for a row to skip silently (only an "Lp." number), or None."""
    first = next(v for v in values if _filled(v))
    if isinstance(first, str):
        text = first.strip()
        key = fold(text) if text[:1].isalpha() else ""
        if (
            text.startswith("*")
            or key.startswith(NOTE_WORDS)
            and (sum(map(_filled, values)) == 1 or ":" in text or key in NOTE_WORDS)
        ):  # "Razem" with sums
            return "uwaga lub podsumowanie"
    size = len(values)
    if not any(i < size and _filled(values[i]) for i in used):
        if all(isinstance(v, (int, float)) for v in values if _filled(v)):
            return ""  # a numbered but otherwise empty row of a prepared list
        return "tekst poza kolumnami tabeli"
    return None


class _RowReader:
    """Turns the values of one sheet row into a `SheetRow`; built once per preview (parsers per column)."""

    def __init__(self, matches: list[HeaderMatch], table: TableDef, definition: FormDefinition) -> None:
        self.definition = definition
        self.plain = [
            (
                m.index,
                table.column(m.target.column),
                m.header or m.letter,
                m.letter,
                needs_check(table.column(m.target.column)),
            )
            for m in matches
            if m.target is not None and m.target.choice is None
        ]
        self.options = [
            (m.index, m.target.column, m.target.choice, m.header or m.letter, m.letter)
            for m in matches
            if m.target is not None and m.target.choice is not None
        ]

    def read(self, number: int, values: tuple) -> SheetRow:
        size = len(values)
        data: dict[str, Any] = {}
        problems: list[CellProblem] = []
        definition = self.definition
        for index, column, header, letter, checked in self.plain:
            raw = values[index] if index < size else None
            if raw is None:
                continue
            typed, message = check_cell(column, raw, definition, checked=checked)
            if message is not None:
                problems.append(CellProblem(number, letter, header, message, raw_text(raw)))
            elif typed is not None:
                data[column.key] = typed
        options: dict[str, dict[str, bool]] = {}
        for index, key, code, header, letter in self.options:
            raw = values[index] if index < size else None
            if raw is None:
                continue
            try:
                answer = parse_yes_no(raw)
            except CellError as exc:
                problems.append(CellProblem(number, letter, header, str(exc), raw_text(raw)))
                continue
            if answer is not None:
                options.setdefault(key, {})[code] = answer
        if len(problems) > 1:  # in the order of the sheet's columns
            problems.sort(key=lambda p: (len(p.column), p.column))
        return SheetRow(number, data, options, problems, values)


def build_preview(
    sheet: SheetData, definition: FormDefinition, mapping: dict[str, str] | None = None, *, table_key: str = MEMBERS
) -> ImportPreview:
    """Typed rows of a loaded sheet; `mapping` (column letter -> target spec, "" to skip) fixes the columns."""
    table = definition.table(table_key)
    matches = HeaderMatcher(table, definition).match_row(sheet.headers, mapping)
    reader = _RowReader(matches, table, definition)
    used = sorted({m.index for m in matches if m.target is not None})
    name_index = next((m.index for m in matches if m.target is not None and m.target.spec == "name"), None)
    rows: list[SheetRow] = []
    skipped: list[tuple[int, str]] = []
    for number, values in sheet.rows:
        if not any(map(_filled, values)):
            continue
        note = _is_note(values, used)
        if (
            note is None
            and name_index is not None
            and name_index < len(values)
            and values[name_index] is not None
            and values[name_index] == sheet.headers[name_index]
        ):
            note = "powtórzony wiersz nagłówków"
        if note is not None:
            if note:
                skipped.append((number, note))
            continue
        rows.append(reader.read(number, values))
    return ImportPreview(
        sheet.file_name,
        sheet.source.sha256,
        sheet.sheet,
        sheet.header_row,
        matches,
        missing_columns(matches, table),
        rows,
        skipped,
        sheet_data=sheet,
    )


def read_members(
    path: Path | str,
    definition: FormDefinition,
    mapping: dict[str, str] | None = None,
    *,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read a members workbook; raises XlsxFileError for a file that cannot be taken at all."""
    return build_preview(load_sheet(path, definition, progress=progress), definition, mapping)
