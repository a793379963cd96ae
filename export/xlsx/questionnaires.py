"""Questionnaires: one workbook per member, pre-filled with its name and NIP, asking only about that company.

- `write_questionnaires(doc, folder)` writes them (sheet "Ankieta": question | answer | what to enter | the
  coordinator's remarks; a very hidden sheet records the member and which question is on which row).
- `scan_folder(folder, definition)` reads every returned workbook of a folder (a broken file is reported, not
  fatal); `import_folder(repo, app_id, folder)` imports the good answers of all of them in one transaction;
  `member_statuses(doc, returns, plans)` tells, per member, returned / missing / came back with problems.
- `write_correction(ret, problems, folder)` writes a copy of a returned workbook with the wrong answers
  highlighted and commented, ready to send back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from export.xlsx.headers import HeaderMatch, HeaderMatcher, Target, missing_columns, written_columns
from export.xlsx.model import CellProblem, ImportPreview, SheetRow
from export.xlsx.plan import (
    REJECT,
    ImportPlan,
    ImportResult,
    import_previews,
    plan_all,
)
from export.xlsx.safety import Cancelled, XlsxFileError, iter_values, open_workbook, read_checked
from export.xlsx.validation import ListSheet, add_validation, allowed_text
from export.xlsx.writer import (
    fit_to_width,
    new_workbook,
    number_format_of,
    save_workbook,
    set_cell,
    write_header,
    write_title,
)
from forms.cells import CellError, check_cell, fold, parse_yes_no, raw_text
from forms.document import Document
from forms.schema import FormDefinition

MEMBERS = "members"
SHEET = "Ankieta"
META_SHEET = "_klaster"
FORMAT = "klaster-ankieta"
FIRST_ROW = 6  # the first question
PREFILLED = ("name", "nip")
MAP_ROW = 20  # where the meta sheet lists (row, question) pairs
MAX_QUESTION_ROWS = 500
CORRECTIONS_DIR = "do_poprawy"
ERROR_FILL = PatternFill("solid", start_color="F4CCCC")
RETURNED, MISSING, PROBLEMS = "returned", "missing", "problems"
STATUS_LABELS = {RETURNED: "zwrócona", MISSING: "brak", PROBLEMS: "z problemami"}


# Writing ---------------------------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")[:40] or "czlonek"


def member_ident(data: dict[str, Any], uid: str) -> str:
    return re.sub(r"\D", "", str(data.get("nip") or "")) or uid[:8]


def file_name_for(data: dict[str, Any], uid: str) -> str:
    return f"ankieta_{_slug(str(data.get('name') or ''))}_{member_ident(data, uid)}.xlsx"


def _write_one(doc: Document, uid: str, data: dict[str, Any], path: Path, app_uuid: str) -> None:
    d = doc.definition
    table = d.table(MEMBERS)
    wb, ws = new_workbook(SHEET, keywords=f"{FORMAT}:{d.id}:{d.version}")
    lists = ListSheet(wb, d)
    cluster = doc.get("cluster.name", "") or "klastra"
    year = doc.get("meta.reference_year")
    name = str(data.get("name") or "")
    write_title(ws, f"Ankieta dla członka klastra „{cluster}”")
    set_cell(ws, 2, 1, f"Członek: {name}" + (f", NIP {data['nip']}" if data.get("nip") else ""))
    set_cell(
        ws,
        3,
        1,
        "Wypełnij kolumnę „Odpowiedź” i odeślij plik koordynatorowi. Nie zmieniaj kolumny "
        "„Pytanie” ani układu arkusza." + (f" Dane finansowe dotyczą roku {year}." if year else ""),
        wrap=True,
    )
    ws.merge_cells("A3:D3")
    ws.row_dimensions[3].height = 30
    write_header(
        ws,
        FIRST_ROW - 1,
        ("Pytanie", "Odpowiedź", "Co wpisać", "Uwagi koordynatora"),
        (48, 30, 44, 40),
        freeze=f"A{FIRST_ROW}",
    )
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    for r, (key, value) in enumerate(
        (
            ("format", FORMAT),
            ("format_version", 1),
            ("form", d.id),
            ("form_version", d.version),
            ("application", app_uuid),
            ("member", uid),
            ("nip", str(data.get("nip") or "")),
            ("generated", dt.date.today()),
        ),
        start=1,
    ):
        set_cell(meta, r, 1, key)
        set_cell(meta, r, 2, value)
    for offset, (target, header, col) in enumerate(written_columns(table, d)):
        r = FIRST_ROW + offset
        set_cell(ws, r, 1, header + (" *" if col.required and target.choice is None else ""), wrap=True)
        if target.choice is None and col.key in PREFILLED and data.get(col.key):
            set_cell(ws, r, 2, str(data[col.key]))
        fmt = number_format_of(col)
        if fmt:
            ws.cell(row=r, column=2).number_format = fmt
        set_cell(ws, r, 3, allowed_text(col, d, yes_no=target.choice is not None), wrap=True)
        add_validation(ws, col, lists, f"B{r}", header, yes_no=target.choice is not None)
        set_cell(meta, MAP_ROW + offset, 1, r)
        set_cell(meta, MAP_ROW + offset, 2, target.spec)
    fit_to_width(ws)
    save_workbook(wb, path)


def write_questionnaires(
    doc: Document,
    folder: Path | str,
    *,
    app_uuid: str = "",
    uids: set[str] | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> list[Path]:
    """One questionnaire per member (or per member of `uids`) in `folder`; returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = [r for r in doc.rows(MEMBERS) if uids is None or r.uid in uids]
    written: list[Path] = []
    for i, row in enumerate(rows):
        if progress is not None and not progress(i, len(rows)):
            raise Cancelled()
        path = folder / file_name_for(row.data, row.uid)
        if path in written:  # the same NIP twice in the register: keep both questionnaires
            path = path.with_name(f"{path.stem}_{row.uid[:8]}.xlsx")
        _write_one(doc, row.uid, row.data, path, app_uuid)
        written.append(path)
    return written


# Reading -----------------------------------------------------------------------------------------------------
@dataclass
class QuestionnaireReturn:
    """One returned workbook: its answers as a one-row preview, or why it could not be read."""

    path: Path
    preview: ImportPreview | None = None
    error: str | None = None
    member_uid: str | None = None

    @property
    def file_name(self) -> str:
        return self.path.name


def _meta(wb: Any, file_name: str) -> tuple[dict[str, Any], dict[int, str]]:
    if META_SHEET not in wb.sheetnames:
        return {}, {}
    info: dict[str, Any] = {}
    rows: dict[int, str] = {}
    for number, values in iter_values(wb[META_SHEET], file_name, max_rows=MAP_ROW + MAX_QUESTION_ROWS, max_columns=2):
        if len(values) < 2 or values[0] is None:
            continue
        if number < MAP_ROW:
            info[str(values[0])] = values[1]
        elif isinstance(values[0], int) and isinstance(values[1], str):
            rows[values[0]] = values[1]
    return info, rows


def _answers(
    rows: list[tuple[int, tuple]],
    map_rows: dict[int, str],
    matcher: HeaderMatcher,
    definition: FormDefinition,
    file_name: str,
) -> tuple[SheetRow, list[HeaderMatch], dict]:
    table = matcher.table
    data: dict[str, Any] = {}
    options: dict[str, dict[str, bool]] = {}
    problems: list[CellProblem] = []
    matches: list[HeaderMatch] = []
    places: dict[str, tuple[int, str, str]] = {}
    first = None
    for number, values in rows:
        question = values[0] if values else None
        if map_rows:  # our own workbook: the hidden map says which question is on which row
            spec = map_rows.get(number)
            target = Target.parse(spec) if spec else None
        else:  # the map is gone (answers copied to a new workbook): match the questions by their text
            target = matcher.match(question) if number >= FIRST_ROW else None
        if target is None or not table.has_column(target.column) or target.column in places and target.choice is None:
            continue
        header = str(question or "").strip().rstrip(" *")
        answer = values[1] if len(values) > 1 else None
        first = first or number
        places.setdefault(target.column, (number, "B", header))
        matches.append(HeaderMatch(1, header, target))
        if answer is None:
            continue
        col = table.column(target.column)
        if target.choice is None:
            typed, message = check_cell(col, answer, definition)
            if message is not None:
                problems.append(CellProblem(number, "B", header, message, raw_text(answer)))
            elif typed is not None:
                data[col.key] = typed
            continue
        try:
            yes = parse_yes_no(answer)
        except CellError as exc:
            problems.append(CellProblem(number, "B", header, str(exc), raw_text(answer)))
            continue
        if yes is not None:
            options.setdefault(col.key, {})[target.choice] = yes
    if first is None:
        raise XlsxFileError(file_name, "to nie jest ankieta członka klastra (nie znaleziono pytań w kolumnie A)")
    return SheetRow(first, data, options, problems), matches, places


def read_questionnaire(path: Path | str, definition: FormDefinition) -> QuestionnaireReturn:
    """The answers of one returned questionnaire; a file that cannot be read becomes `error`, never an exception."""
    path = Path(path)
    try:
        source = read_checked(path)
        with open_workbook(source) as wb:
            info, map_rows = _meta(wb, source.file_name)
            ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
            rows = list(iter_values(ws, source.file_name, max_rows=FIRST_ROW + MAX_QUESTION_ROWS, max_columns=2))
            sheet_title = ws.title
        if info.get("form") not in (None, definition.id):
            raise XlsxFileError(
                source.file_name, f"ankieta dotyczy rundy {info.get('form')}, a wniosek rundy {definition.id}"
            )
        matcher = HeaderMatcher(definition.table(MEMBERS), definition)
        row, matches, places = _answers(rows, map_rows, matcher, definition, source.file_name)
    except XlsxFileError as exc:
        return QuestionnaireReturn(path, error=str(exc))
    uid = str(info["member"]) if info.get("member") else None
    row.uid = uid
    preview = ImportPreview(
        source.file_name,
        source.sha256,
        sheet_title,
        FIRST_ROW - 1,
        matches,
        missing_columns(matches, matcher.table),
        [row],
        places=places,
    )
    return QuestionnaireReturn(path, preview, None, uid)


def questionnaire_files(folder: Path | str) -> list[Path]:
    """The workbooks of a folder a questionnaire may be (not Excel's lock files, not our corrections)."""
    folder = Path(folder)
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".xls") and not p.name.startswith(("~$", "."))
    )


def scan_folder(
    folder: Path | str, definition: FormDefinition, progress: Callable[[int, int], bool] | None = None
) -> list[QuestionnaireReturn]:
    folder = Path(folder)
    if not folder.is_dir():
        raise XlsxFileError(folder.name, "to nie jest folder")
    files = questionnaire_files(folder)
    out = []
    for i, path in enumerate(files):
        if progress is not None and not progress(i, len(files)):
            raise Cancelled()
        out.append(read_questionnaire(path, definition))
    return out


# Status and import --------------------------------------------------------------------------------------------
@dataclass
class MemberStatus:
    uid: str
    name: str
    nip: str
    status: str  # RETURNED, MISSING, PROBLEMS
    file: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class FolderImport:
    returns: list[QuestionnaireReturn]
    plans: list[ImportPlan]  # one per readable return, in the same order
    statuses: list[MemberStatus]
    unknown: list[tuple[str, str]]  # (file, why) of files that belong to no member
    results: list[ImportResult] = field(default_factory=list)

    def problems_of(self, ret: QuestionnaireReturn) -> list[CellProblem]:
        for plan in self.plans:
            if ret.preview is plan.preview:
                return plan.problems
        return []


def is_answered(ret: QuestionnaireReturn) -> bool:
    """Whether a questionnaire holds any answer beyond what we pre-filled (or a problem to report)."""
    if ret.preview is None:
        return False
    row = ret.preview.rows[0]
    return bool(row.problems or row.options or any(k not in PREFILLED for k in row.data))


def answered_previews(returns: list[QuestionnaireReturn]) -> list[ImportPreview]:
    """The previews worth importing: readable questionnaires somebody filled in."""
    return [r.preview for r in returns if r.preview is not None and is_answered(r)]


def _plan_member(plan: ImportPlan) -> str | None:
    item = plan.items[0] if plan.items else None
    return item.uid if item is not None else None


def member_statuses(
    doc: Document, returns: list[QuestionnaireReturn], plans: list[ImportPlan]
) -> tuple[list[MemberStatus], list[tuple[str, str]]]:
    """Per member: returned, missing or with problems; and files that belong to no member."""
    plan_of = {id(p.preview): p for p in plans}
    by_member: dict[str, tuple[QuestionnaireReturn, ImportPlan | None]] = {}
    unknown: list[tuple[str, str]] = []
    idents = {member_ident(r.data, r.uid): r.uid for r in doc.rows(MEMBERS)}
    uids = {r.uid for r in doc.rows(MEMBERS)}
    for ret in returns:
        plan = plan_of.get(id(ret.preview)) if ret.preview is not None else None
        uid = _plan_member(plan) if plan is not None else None
        if uid is None and plan is None:  # unread or unanswered: the member we wrote it for, or its file name
            uid = ret.member_uid if ret.member_uid in uids else idents.get(ret.path.stem.rsplit("_", 1)[-1])
        if uid is None:
            why = ret.error or "; ".join(p.message for p in (plan.problems if plan else [])) or "nieznany członek"
            unknown.append((ret.file_name, why))
            continue
        by_member[uid] = (ret, plan)
    out = []
    for row in doc.rows(MEMBERS):
        name, nip = str(row.get("name") or ""), str(row.get("nip") or "")
        if row.uid not in by_member:
            out.append(MemberStatus(row.uid, name, nip, MISSING))
            continue
        ret, plan = by_member[row.uid]
        if ret.error is None and not is_answered(ret):
            out.append(MemberStatus(row.uid, name, nip, MISSING, ret.file_name, ["ankieta nie została wypełniona"]))
        elif ret.error is not None:
            out.append(MemberStatus(row.uid, name, nip, PROBLEMS, ret.file_name, [ret.error]))
        elif plan is not None and plan.items and plan.items[0].action == REJECT:
            out.append(MemberStatus(row.uid, name, nip, PROBLEMS, ret.file_name, [p.text() for p in plan.problems]))
        else:
            out.append(MemberStatus(row.uid, name, nip, RETURNED, ret.file_name))
    return out, unknown


def import_folder(
    repo: Any,
    app_id: int,
    folder: Path | str,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> FolderImport:
    """Read a folder of returned questionnaires and (unless `dry_run`) import every good one in one transaction."""
    doc = repo.load(app_id)
    returns = scan_folder(folder, doc.definition, progress)
    previews = answered_previews(returns)
    planned = doc.copy()
    plans = [plan for plan, _ in plan_all(planned, previews, allow_add=False)]
    results: list[ImportResult] = []
    if not dry_run and any(p.accepted for p in plans):
        results = import_previews(repo, app_id, previews, allow_add=False)
        plans = [r.plan for r in results]
    statuses, unknown = member_statuses(doc, returns, plans)
    return FolderImport(returns, plans, statuses, unknown, results)


# Corrections ------------------------------------------------------------------------------------------------
def write_correction(ret: QuestionnaireReturn, problems: list[CellProblem], folder: Path | str) -> Path:
    """A copy of a returned questionnaire with every wrong answer highlighted, commented and explained."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = read_checked(ret.path)
    out = folder / f"{ret.path.stem}_{CORRECTIONS_DIR}.xlsx"
    with open_workbook(source, read_only=False) as wb:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        for p in problems:
            cell = ws[p.cell] if p.cell else ws.cell(row=p.row, column=1)
            cell.fill = ERROR_FILL
            cell.comment = Comment(p.message, "Koordynator klastra", width=300, height=90)
            note = ws.cell(row=cell.row, column=4)
            set_cell(ws, cell.row, 4, (f"{note.value}; " if note.value else "") + p.message, wrap=True)
        set_cell(ws, 4, 1, f"Do poprawy: {len(problems)} – zaznaczone na czerwono (opis w kolumnie D).")
        ws["A4"].fill = ERROR_FILL
        save_workbook(wb, out)
    return out
