"""What an import does to the register, and doing it in one transaction (or not at all).

`plan_import(preview, doc)`: each row read becomes an addition, an update of the stored member it names (the
member a questionnaire was written for, else the same NIP, else, for a row without a NIP, the only member of that
name), or a rejection with every reason (the cell problems found when reading, plus required values missing after
the merge, export above sales and the other `column_le` rules of the definition, a NIP or member twice).

An update changes only what the sheet says: columns absent from the sheet and empty cells keep the stored values;
a multi-choice answered one choice per column adds the "tak" choices and removes the "nie" ones.

`import_previews(repo, app_id, previews)` writes the accepted rows of one or more files with their provenance
(file name, SHA-256, sheet, row, time) in one transaction; a rejected "all or nothing" import, a dry run and a
cancelled one leave the database untouched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from stdnum.pl import nip as std_nip

from export.xlsx.model import CellProblem, ImportPreview, SheetRow
from forms.cells import fold
from forms.checks import field_required
from forms.document import Document, Row
from forms.schema import FormDefinition, TableDef

MEMBERS = "members"
ADD, UPDATE, REJECT = "add", "update", "reject"
ACTION_LABELS = {ADD: "dodanie", UPDATE: "aktualizacja", REJECT: "odrzucony"}


def nip_key(value: Any) -> str | None:
    """A NIP reduced to its digits (for matching), or None."""
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

    @property
    def name(self) -> str:
        return str(self.data.get("name") or "")


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


def merge(base: dict[str, Any], row: SheetRow, table: TableDef, definition: FormDefinition) -> dict[str, Any]:
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


class _RowKeys:
    """The matching keys of register values (NIP digits, folded name), each computed once: planning many files
    against one register (`plan_all`, a folder of questionnaires) would otherwise fold every member per file."""

    def __init__(self) -> None:
        self.nips: dict[str, str | None] = {}
        self.names: dict[str, str] = {}

    def nip(self, value: Any) -> str | None:
        if not value:
            return None
        text = str(value)
        if text not in self.nips:
            self.nips[text] = nip_key(text)
        return self.nips[text]

    def name(self, value: Any) -> str:
        text = str(value or "")
        if text not in self.names:
            self.names[text] = fold(text)
        return self.names[text]


class _Planner:
    def __init__(self, preview: ImportPreview, doc: Document, table_key: str, allow_add: bool, keys: _RowKeys) -> None:
        self.preview, self.doc, self.allow_add = preview, doc, allow_add
        self.definition = doc.definition
        self.table = self.definition.table(table_key)
        self.by_uid: dict[str, Row] = {}
        self.by_nip: dict[str, Row] = {}
        self.by_name: dict[str, list[Row]] = {}
        for r in doc.rows(table_key):
            self.by_uid[r.uid] = r
            key = keys.nip(r.get("nip"))
            if key:
                self.by_nip.setdefault(key, r)
            self.by_name.setdefault(keys.name(r.get("name")), []).append(r)
        self.places: dict[str, tuple[int | None, str, str]] = dict(preview.places)
        for m in preview.matched:
            self.places.setdefault(m.target.column, (None, m.letter, m.header))
        rules = [r for r in self.definition.rules if r.kind == "column_le" and r.params.get("table") == table_key]
        self.le_rules = [(r.params["column"], r.params["other"]) for r in rules]
        self.seen_nips: dict[str, int] = {}
        self.seen_uids: dict[str, int] = {}

    def _problem(self, row: SheetRow, column: str, message: str) -> CellProblem:
        at, letter, header = self.places.get(column, (None, "", self.table.column(column).label.pl))
        return CellProblem(row.number if at is None else at, letter, header, message)

    def _existing(self, row: SheetRow, problems: list[CellProblem]) -> Row | None:
        key = nip_key(row.data.get("nip"))
        if key:
            if key in self.seen_nips:
                problems.append(self._problem(row, "nip", f"ten sam NIP co w wierszu {self.seen_nips[key]}"))
                return None
            self.seen_nips[key] = row.number
        if row.uid is not None and row.uid in self.by_uid:
            return self.by_uid[row.uid]
        if key:
            return self.by_nip.get(key)
        name = fold(row.data.get("name") or "")
        same = self.by_name.get(name, []) if name else []
        return same[0] if len(same) == 1 else None

    def plan(self, row: SheetRow) -> PlanItem:
        problems = list(row.problems)
        existing = self._existing(row, problems)
        if existing is not None:
            if existing.uid in self.seen_uids:
                problems.append(
                    CellProblem(row.number, "", "", f"ten sam członek co w wierszu {self.seen_uids[existing.uid]}")
                )
            self.seen_uids.setdefault(existing.uid, row.number)
            nip, other = nip_key(row.data.get("nip")), self.by_nip.get(nip_key(row.data.get("nip")) or "")
            if nip and other is not None and other.uid != existing.uid:
                problems.append(self._problem(row, "nip", f"ten NIP ma już inny członek: {other.get('name')}"))
        elif not self.allow_add:
            problems.append(CellProblem(row.number, "", "", "nie dotyczy żadnego członka z rejestru tego wniosku"))
        base = existing.data if existing is not None else {}
        data = merge(base, row, self.table, self.definition)
        bad_cells = {(p.row, p.column) for p in problems if p.column}
        for col in self.table.columns:
            if col.key not in data and field_required(col, data):
                p = self._problem(row, col.key, "brak wymaganej wartości")
                if (p.row, p.column) not in bad_cells or not p.column:
                    problems.append(p)
        for column, other in self.le_rules:
            a, b = data.get(column), data.get(other)
            if a is not None and b is not None and a > b:
                label = self.table.column(other).label.pl
                problems.append(self._problem(row, column, f"wartość większa niż „{label}”"))
        uid = existing.uid if existing is not None else None
        if problems:
            return PlanItem(row, REJECT, data, uid, problems)
        if existing is None:
            return PlanItem(row, ADD, data)
        changed = tuple(c.key for c in self.table.columns if data.get(c.key) != base.get(c.key))
        return PlanItem(row, UPDATE, data, uid, [], changed)


def plan_import(
    preview: ImportPreview, doc: Document, *, table_key: str = MEMBERS, allow_add: bool = True
) -> ImportPlan:
    """What importing the preview into `doc` would do, row by row (nothing is changed)."""
    return _plan(preview, doc, table_key, allow_add, _RowKeys())


def _plan(preview: ImportPreview, doc: Document, table_key: str, allow_add: bool, keys: _RowKeys) -> ImportPlan:
    planner = _Planner(preview, doc, table_key, allow_add, keys)
    return ImportPlan(preview, [planner.plan(row) for row in preview.rows])


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


def plan_all(
    doc: Document, previews: Iterable[ImportPreview], *, table_key: str = MEMBERS, allow_add: bool = True
) -> list[tuple[ImportPlan, list[tuple[Row, int]]]]:
    """Plan and apply previews one after the other on `doc` (a later file sees what an earlier one did)."""
    out = []
    keys = _RowKeys()  # shared: the register's rows are the same from one preview to the next but the few it changed
    for preview in previews:
        plan = _plan(preview, doc, table_key, allow_add, keys)
        out.append((plan, apply_plan(doc, plan, table_key=table_key)))
    return out


# Applying to the database ------------------------------------------------------------------------------------
class ImportRejected(Exception):  # noqa: N818 - an outcome the user chose ("all or nothing")
    """Nothing was imported because some rows were rejected and the user asked for all or nothing."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__(
            f"plik „{plan.preview.file_name}”: odrzucono wierszy: {len(plan.rejected)}; nic nie zostało wczytane"
        )


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


def existing_sources(repo: Any, app_id: int) -> dict[str, dict[str, tuple[int, int | None]]]:
    """Provenance already stored, by table and row uid, so that rewriting the tables keeps it."""
    return repo.source_links(app_id)


def import_previews(
    repo: Any,
    app_id: int,
    previews: list[ImportPreview],
    *,
    only_valid: bool = True,
    table_key: str = MEMBERS,
    allow_add: bool = True,
) -> list[ImportResult]:
    """Import the accepted rows of every preview (or, with `only_valid=False`, all rows or nothing) at once.

    One transaction: ImportRejected (or any error, such as the RepositoryError of a finalised application)
    leaves the database as it was.
    """
    results: list[ImportResult] = []
    with repo.db.atomic():
        doc = repo.load(app_id)
        sources = existing_sources(repo, app_id)
        table_sources = sources.setdefault(table_key, {})
        for plan, written in plan_all(doc, previews, table_key=table_key, allow_add=allow_add):
            if plan.rejected and not only_valid:
                raise ImportRejected(plan)
            source_id = None
            if written:
                source_id = repo.add_import_source(plan.preview.file_name, plan.preview.sha256, plan.preview.sheet)
                for row, number in written:
                    table_sources[row.uid] = (source_id, number)
            results.append(ImportResult(plan, source_id, [row.uid for row, _ in written]))
        if any(r.uids for r in results):
            repo.save_document(app_id, doc, sources)
    return results


def apply_import(
    repo: Any, app_id: int, preview: ImportPreview, *, only_valid: bool = True, table_key: str = MEMBERS
) -> ImportResult:
    """Import one file's accepted rows (see `import_previews`)."""
    return import_previews(repo, app_id, [preview], only_valid=only_valid, table_key=table_key)[0]


def report_lines(plan: ImportPlan, *, done: bool = False) -> list[str]:
    """The import report in Polish: counts, skipped columns and rows, then every rejected row with its reasons."""
    preview = plan.preview
    counts = (
        f"Dodano: {len(plan.of(ADD))}, zaktualizowano: {len(plan.of(UPDATE))}"
        if done
        else f"Do dodania: {len(plan.of(ADD))}, do aktualizacji: {len(plan.of(UPDATE))}"
    )
    lines = [
        f"Plik „{preview.file_name}”, arkusz „{preview.sheet}”, nagłówki w wierszu {preview.header_row}.",
        f"{counts}, odrzucono: {len(plan.rejected)}.",
    ]
    for m in preview.unmatched:
        lines.append(f"Pominięta kolumna {m.letter} („{m.header}”): {m.reason}.")
    if preview.missing:
        lines.append("Brak kolumn: " + ", ".join(f"„{c.label.pl}”" for c in preview.missing) + ".")
    for number, why in preview.skipped:
        lines.append(f"Pominięty wiersz {number}: {why}.")
    for item in plan.rejected:
        for p in item.problems:
            lines.append(f"Odrzucony {p.text()}" + (f" [{item.name}]" if item.name else ""))
    return lines
