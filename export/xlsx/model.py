"""What was read from a workbook, before it touches the register: rows of typed values and what was wrong.

Shared by the members import (one row per member, headers on top) and the questionnaires (one member per
workbook, questions down column A): both end as an `ImportPreview` that `plan.py` applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from export.xlsx.headers import HeaderMatch
from forms.schema import FieldDef


@dataclass(frozen=True)
class CellProblem:
    """Why a cell (or, with no column, a row) cannot be taken."""

    row: int  # the row number in the sheet
    column: str  # column letter, "" when the problem is the row's
    header: str
    message: str
    value: str = ""

    @property
    def cell(self) -> str | None:
        return f"{self.column}{self.row}" if self.column else None

    def text(self) -> str:
        where = f"wiersz {self.row}"
        if self.column:
            where += f", kolumna {self.column}"
        if self.header:
            where += f" („{self.header}”)"
        return f"{where}: {self.message}"


@dataclass
class SheetRow:
    """One member as a sheet gives it."""

    number: int  # the row in the sheet (a questionnaire: its first answer row)
    data: dict[str, Any]  # typed, non-empty values by column key
    options: dict[str, dict[str, bool]]  # multi-choice answered one choice per cell: column -> code -> yes?
    problems: list[CellProblem]
    raw: tuple = ()
    uid: str | None = None  # the member the sheet was written for (questionnaires)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportPreview:
    file_name: str
    sha256: str
    sheet: str
    header_row: int
    columns: list[HeaderMatch]
    missing: list[FieldDef]
    rows: list[SheetRow]
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why): notes, repeated headers
    # Where each column's value sits when it is not "this row, that column" (questionnaires): key -> (row, letter)
    places: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    sheet_data: Any = field(default=None, repr=False)  # the SheetData it was built from, for re-mapping

    @property
    def matched(self) -> list[HeaderMatch]:
        return [m for m in self.columns if m.target is not None]

    @property
    def unmatched(self) -> list[HeaderMatch]:
        return [m for m in self.columns if m.target is None]

    @property
    def problems(self) -> list[CellProblem]:
        return [p for r in self.rows for p in r.problems]
