"""Reading the member register from a workbook people really send, and applying it to an application.

Three steps, each usable alone (the GUI shows the second before the third):
1. `load_sheet(path, definition)`: the checked file's values (`safety`), the sheet and header row that match the
   register best (`headers`). Nothing is interpreted yet, so re-mapping columns does not read the file again.
2. `build_preview(sheet, definition, mapping)` / `read_members(path, definition, mapping)`: typed rows with every
   cell that cannot be taken (row, column letter, header, reason); notes and blank rows skipped.
3. `plan_import(preview, doc)`: each row becomes an addition, an update of the member with the same NIP (or,
   without a NIP, the same name), or a rejection (with the row-level reasons: required values, export above
   sales, a NIP twice in the file). `apply_import(repo, app_id, preview)` writes the accepted rows with their
   provenance (file, SHA-256, sheet, row, time) in one transaction, or nothing.

An update changes only what the sheet says: columns absent from the sheet and empty cells keep the stored values.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from export.xlsx.cells import CellError, check_cell, display, fold, parse_yes_no
from export.xlsx.headers import (
    SCAN_ROWS,
    HeaderMatch,
    HeaderMatcher,
    find_header_row,
    missing_columns,
)
from export.xlsx.safety import Progress, WorkbookBytes, XlsxFileError, iter_values, open_workbook, read_checked
from forms.checks import field_required
from forms.document import Document, Row
from forms.schema import FieldDef, FormDefinition, TableDef
from stdnum.pl import nip as std_nip

MEMBERS = "members"
ADD, UPDATE, REJECT = "add", "update", "reject"
NOTE_WORDS = ("uwaga", "uwagi", "zrodlo", "sporzadzil", "razem", "suma", "ogolem", "objasnienia", "legenda",
              "stan na", "dane wg", "dane wedlug", "przypis", "*")


# What was read ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CellProblem:
    """Why a cell (or, with no column, a row) cannot be taken."""

    row: int  # the row number in the sheet
    column: str  # column letter, "" when the problem is the row's
    header: str
    message: str
    value: str = ""

    def text(self) -> str:
        where = f"wiersz {self.row}"
        if self.column:
            where += f", kolumna {self.column}"
        if self.header:
            where += f" („{self.header}”)"
        return f"{where}: {self.message}"


@dataclass
class SheetRow:
    number: int
    data: dict[str, Any]  # typed, non-empty values by column key
    options: dict[str, dict[str, bool]]  # multi-choice answered one choice per column: column -> code -> yes?
    problems: list[CellProblem]
    raw: tuple = ()

    @property
    def ok(self) -> bool:
        return not self.problems


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
    sheet_data: SheetData | None = field(default=None, repr=False)

    @property
    def matched(self) -> list[HeaderMatch]:
        return [m for m in self.columns if m.target is not None]

    @property
    def unmatched(self) -> list[HeaderMatch]:
        return [m for m in self.columns if m.target is None]

    @property
    def problems(self) -> list[CellProblem]:
        return [p for r in self.rows for p in r.problems]


# Choosing the sheet ------------------------------------------------------------------------------------
def _head(ws: Any, file_name: str) -> list[tuple[int, tuple]]:
    rows = iter_values(ws, file_name)
    try:
        return list(itertools.islice(rows, SCAN_ROWS))
    finally:
        rows.close()


def load_sheet(path: Path | str, definition: FormDefinition, *, table_key: str = MEMBERS,
               progress: Progress | None = None) -> SheetData:
    """The values of the sheet whose header row matches the table best; XlsxFileError when there is none."""
    table = definition.table(table_key)
    source = read_checked(path)
    matcher = HeaderMatcher(table, definition)
    with open_workbook(source) as wb:
        sheets = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
        best: tuple[int, Any, int] | None = None  # (score, sheet, header row)
        for ws in sheets:
            found = find_header_row(_head(ws, source.file_name), matcher)
            if found is not None:
                score = matcher.score(found[1])
                if best is None or score > best[0]:
                    best = (score, ws, found[0])
        if best is None:
            examples = ", ".join(f"„{c.label.pl}”" for c in table.columns[:3])
            raise XlsxFileError(
                source.file_name, f"nie znaleziono wiersza nagłówków tabeli „{table.label.pl}” w pierwszych "
                f"{SCAN_ROWS} wierszach żadnego arkusza (oczekiwano kolumn takich jak {examples})")
        _score, ws, header_row = best
        headers: tuple = ()
        rows: list[tuple[int, tuple]] = []
        for number, values in iter_values(ws, source.file_name, progress=progress):
            if number == header_row:
                headers = values
            elif number > header_row:
                rows.append((number, values))
        return SheetData(source, ws.title, header_row, headers, rows)


# Interpreting rows ---------------------------------------------------------------------------------------
def _is_note(values: tuple, used: set[int]) -> str | None:
    """Why a non-blank row is not a member: "" for a row to skip silently (only an "Lp." number), or None."""
    filled = [(i, v) for i, v in enumerate(values) if v is not None and str(v).strip()]
    first = filled[0][1]
    if isinstance(first, str) and (fold(first).startswith(NOTE_WORDS) or first.lstrip().startswith("*")):
        return "uwaga lub podsumowanie"
    if all(i not in used for i, _ in filled):
        if all(isinstance(v, (int, float)) for _, v in filled):
            return ""  # a numbered but otherwise empty row of a prepared list
        return "tekst poza kolumnami tabeli"
    return None


class _RowReader:
    """Turns the values of one sheet row into a `SheetRow`; built once per preview (parsers per column)."""

    def __init__(self, matches: list[HeaderMatch], table: TableDef, definition: FormDefinition) -> None:
        self.definition = definition
        self.plain = [(m.index, table.column(m.target.column), m.header or m.letter, m.letter)
                      for m in matches if m.target is not None and m.target.choice is None]
        self.options = [(m.index, m.target.column, m.target.choice, m.header or m.letter, m.letter)
                        for m in matches if m.target is not None and m.target.choice is not None]

    def read(self, number: int, values: tuple) -> SheetRow:
        size = len(values)
        data: dict[str, Any] = {}
        problems: list[CellProblem] = []
        definition = self.definition
        for index, column, header, letter in self.plain:
            raw = values[index] if index < size else None
            if raw is None:
                continue
            typed, message = check_cell(column, raw, definition)
            if message is not None:
                problems.append(CellProblem(number, letter, header, message, display(raw)))
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
                problems.append(CellProblem(number, letter, header, str(exc), display(raw)))
                continue
            if answer is not None:
                options.setdefault(key, {})[code] = answer
        return SheetRow(number, data, options, problems, values)


def build_preview(sheet: SheetData, definition: FormDefinition, mapping: dict[str, str] | None = None, *,
                  table_key: str = MEMBERS) -> ImportPreview:
    """Typed rows of a loaded sheet; `mapping` (column letter -> target spec, "" to skip) fixes the columns."""
    table = definition.table(table_key)
    matches = HeaderMatcher(table, definition).match_row(sheet.headers, mapping)
    reader = _RowReader(matches, table, definition)
    used = {m.index for m in matches if m.target is not None}
    name_index = next((m.index for m in matches if m.target is not None and m.target.spec == "name"), None)
    rows: list[SheetRow] = []
    skipped: list[tuple[int, str]] = []
    for number, values in sheet.rows:
        if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
            continue
        note = _is_note(values, used)
        if note is None and name_index is not None and name_index < len(values) \
                and values[name_index] is not None and values[name_index] == sheet.headers[name_index]:
            note = "powtórzony wiersz nagłówków"
        if note is not None:
            if note:
                skipped.append((number, note))
            continue
        rows.append(reader.read(number, values))
    return ImportPreview(sheet.file_name, sheet.source.sha256, sheet.sheet, sheet.header_row, matches,
                         missing_columns(matches, table), rows, skipped, sheet)


def read_members(path: Path | str, definition: FormDefinition, mapping: dict[str, str] | None = None, *,
                 progress: Progress | None = None) -> ImportPreview:
    """Read a members workbook; raises XlsxFileError for a file that cannot be taken at all."""
    return build_preview(load_sheet(path, definition, progress=progress), definition, mapping)


# Planning against the stored register ----------------------------------------------------------------------
def nip_key(value: Any) -> str | None:
    """A NIP reduced to its 10 digits (for matching), or None."""
    if not value:
        return None
    return std_nip.compact(str(value)) or None


@dataclass
class PlanItem:
    row: SheetRow
    action: str  # ADD, UPDATE, REJECT
    data: dict[str, Any]  # the member's data after the import (merged with the stored one for an update)
    uid: str | None = None  # the stored member an update changes
    problems: list[CellProblem] = field(default_factory=list)  # cell problems and row-level ones
    changed: tuple[str, ...] = ()  # columns an update changes


@dataclass
class ImportPlan:
    preview: ImportPreview
    items: list[PlanItem]

    def of(self, action: str) -> list[PlanItem]:
        return [i for i in self.items if i.action == action]

    @property
    def accepted(self) -> list[PlanItem]:
        return [i for i in self.items if i.action != REJECT]

    @property
    def rejected(self) -> list[PlanItem]:
        return self.of(REJECT)

    @property
    def problems(self) -> list[CellProblem]:
        return [p for i in self.items for p in i.problems]


def _merge(base: dict[str, Any], row: SheetRow, table: TableDef, definition: FormDefinition) -> dict[str, Any]:
    data = dict(base)
    data.update(row.data)
    for key, answers in row.options.items():
        current = set(data.get(key) or ())
        current |= {c for c, yes in answers.items() if yes}
        current -= {c for c, yes in answers.items() if not yes}
        order = [c.code for c in definition.choices(table.column(key).list or "")]
        data[key] = tuple(c for c in order if c in current)
        if not data[key]:
            data.pop(key)
    return data


class _Planner:
    def __init__(self, preview: ImportPreview, doc: Document, table_key: str) -> None:
        self.preview, self.doc = preview, doc
        self.definition = doc.definition
        self.table = self.definition.table(table_key)
        rows = doc.rows(table_key)
        self.by_nip: dict[str, Row] = {}
        self.by_name: dict[str, list[Row]] = {}
        for r in rows:
            key = nip_key(r.get("nip"))
            if key:
                self.by_nip.setdefault(key, r)
            self.by_name.setdefault(fold(r.get("name") or ""), []).append(r)
        self.letters = {}
        for m in preview.matched:
            self.letters.setdefault(m.target.column, (m.letter, m.header))
        rules = [r for r in self.definition.rules if r.kind == "column_le" and r.params.get("table") == table_key]
        self.le_rules = [(r.params["column"], r.params["other"]) for r in rules]
        self.seen_nips: dict[str, int] = {}
        self.seen_uids: dict[str, int] = {}

    def _where(self, column: str) -> tuple[str, str]:
        return self.letters.get(column, ("", self.table.column(column).label.pl))

    def _problem(self, row: SheetRow, column: str, message: str) -> CellProblem:
        letter, header = self._where(column)
        return CellProblem(row.number, letter, header, message)

    def _existing(self, row: SheetRow, problems: list[CellProblem]) -> Row | None:
        key = nip_key(row.data.get("nip"))
        if key:
            if key in self.seen_nips:
                problems.append(self._problem(row, "nip", f"ten sam NIP co w wierszu {self.seen_nips[key]}"))
                return None
            self.seen_nips[key] = row.number
            return self.by_nip.get(key)
        name = fold(row.data.get("name") or "")
        same = self.by_name.get(name, []) if name else []
        return same[0] if len(same) == 1 else None

    def plan(self, row: SheetRow) -> PlanItem:
        problems = list(row.problems)
        existing = self._existing(row, problems)
        if existing is not None:
            if existing.uid in self.seen_uids:
                problems.append(CellProblem(row.number, "", "", f"ten sam członek co w wierszu "
                                            f"{self.seen_uids[existing.uid]}"))
            self.seen_uids.setdefault(existing.uid, row.number)
        base = existing.data if existing is not None else {}
        data = _merge(base, row, self.table, self.definition)
        for col in self.table.columns:
            if col.key not in data and field_required(col, data) and not any(
                p.column and p.column == self._where(col.key)[0] for p in problems
            ):
                problems.append(self._problem(row, col.key, "brak wymaganej wartości"))
        for column, other in self.le_rules:
            a, b = data.get(column), data.get(other)
            if a is not None and b is not None and a > b:
                label = self.table.column(other).label.pl
                problems.append(self._problem(row, column, f"wartość większa niż „{label}”"))
        if problems:
            return PlanItem(row, REJECT, data, existing.uid if existing else None, problems)
        if existing is None:
            return PlanItem(row, ADD, data)
        changed = tuple(c.key for c in self.table.columns if data.get(c.key) != base.get(c.key))
        return PlanItem(row, UPDATE, data, existing.uid, [], changed)


def plan_import(preview: ImportPreview, doc: Document, *, table_key: str = MEMBERS) -> ImportPlan:
    """What importing the preview into `doc` would do, row by row (nothing is changed)."""
    planner = _Planner(preview, doc, table_key)
    return ImportPlan(preview, [planner.plan(row) for row in preview.rows])


# Applying --------------------------------------------------------------------------------------------------
class ImportRejected(Exception):  # noqa: N818 - an outcome the user chose ("all or nothing")
    """Nothing was imported because some rows were rejected and the user asked for all or nothing."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__(f"plik „{plan.preview.file_name}”: odrzucono {len(plan.rejected)} wierszy; "
                         "nic nie zostało wczytane")


@dataclass
class ImportResult:
    plan: ImportPlan
    source_id: int | None
    uids: list[str]  # rows written, in the order of the sheet

    @property
    def added(self) -> int:
        return len(self.plan.of(ADD))

    @property
    def updated(self) -> int:
        return len(self.plan.of(UPDATE))

    @property
    def rejected(self) -> int:
        return len(self.plan.rejected)


def existing_sources(repo: Any, app_id: int) -> dict[str, dict[str, tuple[int, int]]]:
    """Provenance already stored, by table and row uid, so that rewriting a table keeps it.

    `Repository.row_sources` gives the file but not the id `save_document` takes; until it does, read the two
    columns here (read-only, inside the caller's transaction).
    """
    from models.tables import TableRow

    out: dict[str, dict[str, tuple[int, int]]] = {}
    query = TableRow.select(TableRow.table_key, TableRow.uid, TableRow.source, TableRow.source_row).where(
        (TableRow.application == app_id) & TableRow.source.is_null(False))
    for r in query.tuples():
        out.setdefault(r[0], {})[r[1]] = (r[2], r[3])
    return out


def apply_plan(doc: Document, plan: ImportPlan, *, table_key: str = MEMBERS) -> list[tuple[Row, int]]:
    """Change `doc` as the plan says; returns (row, sheet row number) of every row written."""
    table = doc.definition.table(table_key)
    rows = doc.rows(table_key)
    by_uid = {r.uid: r for r in rows}
    written = []
    for item in plan.accepted:
        data = doc.normalise_row(table, item.data)
        if item.action == UPDATE:
            row = by_uid[item.uid]
            row.data = data
        else:
            row = Row(data)
            rows.append(row)
        written.append((row, item.row.number))
    return written


def apply_import(repo: Any, app_id: int, preview: ImportPreview, *, only_valid: bool = True,
                 table_key: str = MEMBERS, on_plan: Callable[[ImportPlan], None] | None = None) -> ImportResult:
    """Import the accepted rows (or, with `only_valid=False`, all rows or nothing) in one transaction.

    Raises ImportRejected (nothing written) when rows were rejected and `only_valid` is False; a finalised
    application raises the repository's RepositoryError.
    """
    with repo.db.atomic():
        doc = repo.load(app_id)
        plan = plan_import(preview, doc, table_key=table_key)
        if on_plan is not None:
            on_plan(plan)
        if plan.rejected and not only_valid:
            raise ImportRejected(plan)
        if not plan.accepted:
            return ImportResult(plan, None, [])
        sources = existing_sources(repo, app_id)
        source_id = repo.add_import_source(preview.file_name, preview.sha256, preview.sheet)
        written = apply_plan(doc, plan, table_key=table_key)
        table_sources = sources.setdefault(table_key, {})
        for row, number in written:
            table_sources[row.uid] = (source_id, number)
        repo.save_document(app_id, doc, sources)
    return ImportResult(plan, source_id, [row.uid for row, _ in written])


def report_lines(plan: ImportPlan) -> list[str]:
    """The import report in Polish: counts, skipped columns and rows, then every rejected row with reasons."""
    preview = plan.preview
    lines = [
        f"Plik „{preview.file_name}”, arkusz „{preview.sheet}”, nagłówki w wierszu {preview.header_row}.",
        f"Do dodania: {len(plan.of(ADD))}, do aktualizacji: {len(plan.of(UPDATE))}, "
        f"odrzucone: {len(plan.rejected)}.",
    ]
    for m in preview.unmatched:
        lines.append(f"Pominięta kolumna {m.letter} („{m.header}”): {m.reason}.")
    if preview.missing:
        lines.append("Brak kolumn: " + ", ".join(f"„{c.label.pl}”" for c in preview.missing) + ".")
    for number, why in preview.skipped:
        lines.append(f"Pominięty wiersz {number}: {why}.")
    for item in plan.rejected:
        name = item.data.get("name") or ""
        for p in item.problems:
            lines.append(f"Odrzucony {p.text()}" + (f" [{name}]" if name else ""))
    return lines
