"""Questionnaires: one workbook per member (written by `questionnaires_sheet`), read back a folder at a time.

- `write_questionnaires(doc, folder)` writes them (see `questionnaires_sheet`).
- `scan_folder(folder, definition)` reads every returned workbook of a folder (a broken file is reported, not
  fatal). The questionnaire's sheet is the one with the "Pytanie | Odpowiedź" header, whatever its position or
  visibility (an instructions sheet, a list sheet or a lone copy of the instructions is never read as answers).
  A workbook whose NIP is not the NIP of the member it was written for, or that belongs to another application,
  is refused with that reason. Two files of one member: the newest (as saved by the member's program) is taken,
  and the status says so.
- `import_folder(repo, app_id, folder)` imports the good answers of all of them in one transaction, each value
  with its provenance (file, SHA-256, sheet, row);
  `member_statuses(doc, returns, plans)` tells, per member, returned / missing / came back with problems.
- `write_correction(ret, problems, folder)` writes a copy of a returned workbook with the wrong (and the missing)
  answers highlighted and commented, ready to send back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from export.xlsx.headers import HeaderMatch, HeaderMatcher, Target, missing_columns
from export.xlsx.lean_reader import read_values
from export.xlsx.model import CellProblem, ImportPreview, SheetRow
from export.xlsx.plan import REJECT, ImportPlan, ImportResult, import_previews, nip_key, plan_all
from export.xlsx.questionnaires_sheet import (  # noqa: F401 - the questionnaires' interface in one place
    CONFIRMED,
    FILLED_BY,
    FIRST_ROW,
    FORMAT,
    MAP_ROW,
    META_SHEET,
    SHEET,
    Setup,
    file_name_for,
    member_ident,
    write_questionnaires,
    write_round,
)
from export.xlsx.safety import Cancelled, XlsxFileError, iter_values, open_workbook, read_checked
from export.xlsx.validation import LISTS_SHEET
from export.xlsx.writer import safe_text, save_workbook, set_cell
from forms.cells import CellError, check_cell, fold, parse_cell, parse_yes_no, raw_text
from forms.document import Document
from forms.fmt import format_date
from forms.schema import FormDefinition

MEMBERS = "members"
PREFILLED = ("name", "nip")  # what questionnaires of format 1 prefilled
MAX_QUESTION_ROWS = 500
MAX_SHEET_ROWS = 1000  # a questionnaire sheet longer than this is not ours
HEADER_SCAN = 15  # rows searched for the "Pytanie | Odpowiedź" header
CORRECTIONS_DIR = "do_poprawy"
ERROR_FILL = PatternFill("solid", start_color="F4CCCC")
MISSING_FILL = PatternFill("solid", start_color="FCE5CD")
RETURNED, MISSING, PROBLEMS = "returned", "missing", "problems"
STATUS_LABELS = {RETURNED: "zwrócona", MISSING: "brak", PROBLEMS: "z problemami"}
QUESTION_HEADER, ANSWER_HEADER, NOTES_HEADER = "pytanie", "odpowiedz", "uwagi koordynatora"


# Reading -----------------------------------------------------------------------------------------------------
@dataclass
class Blank:
    """A question left without an answer: its row, what it fills and its text."""

    row: int
    target: Target
    question: str


@dataclass
class QuestionnaireReturn:
    """One returned workbook: its answers as a one-row preview, or why it could not be read."""

    path: Path
    preview: ImportPreview | None = None
    error: str | None = None
    member_uid: str | None = None
    answered: bool = False  # something differs from what was prefilled, or the data were confirmed
    confirmed: bool | None = None
    filled_by: str = ""
    blanks: list[Blank] = field(default_factory=list)
    member_type: str = ""  # as written for (the answer may change it)
    saved_at: dt.datetime | None = None  # when the member's program saved it (else the file's time)
    superseded_by: str | None = None  # a newer file of the same member was taken instead
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return self.path.name


def _meta(wb: Any, file_name: str) -> tuple[dict[str, Any], dict[int, tuple[str, Any]]]:
    if META_SHEET not in wb.sheetnames:
        return {}, {}
    info: dict[str, Any] = {}
    rows: dict[int, tuple[str, Any]] = {}
    for number, values in iter_values(wb[META_SHEET], file_name, max_rows=MAP_ROW + MAX_QUESTION_ROWS, max_columns=3):
        if len(values) < 2 or values[0] is None:
            continue
        if number < MAP_ROW:
            info[str(values[0])] = values[1]
        elif isinstance(values[0], int) and isinstance(values[1], str):
            rows[values[0]] = (values[1], values[2] if len(values) > 2 else None)
    return info, rows


def _is_header(values: tuple) -> bool:
    cells = [fold(v) if isinstance(v, str) else "" for v in values[:2]]
    return len(cells) == 2 and cells[0].startswith(QUESTION_HEADER) and cells[1].startswith(ANSWER_HEADER)


def _find_sheet(wb: Any, file_name: str) -> tuple[Any, int, list[tuple[int, tuple]]]:
    """The sheet with the questionnaire's header (ours first, then visible, then hidden ones), its header row and
    its rows (read in the same pass: a read-only sheet is parsed again on every reading)."""
    sheets = [ws for ws in wb.worksheets if ws.title not in (META_SHEET, LISTS_SHEET)]
    sheets.sort(key=lambda ws: (ws.title != SHEET, getattr(ws, "sheet_state", "visible") != "visible"))
    for ws in sheets:
        rows: list[tuple[int, tuple]] = []
        header = None
        for number, values in iter_values(ws, file_name, max_rows=MAX_SHEET_ROWS, max_columns=2):
            rows.append((number, values))
            if header is None and _is_header(values):
                header = number
            if header is None and number >= HEADER_SCAN:
                break
        if header is not None:
            return ws, header, rows
    raise XlsxFileError(
        file_name,
        "to nie jest ankieta członka klastra (w żadnym arkuszu nie ma nagłówka „Pytanie | Odpowiedź”); "
        "odeślij plik ankiety otrzymany od koordynatora",
    )


def _typed(col: Any, target: Target, value: Any, definition: FormDefinition) -> Any:
    """The typed value of a cell, or None (empty or unreadable): for telling an answer from the prefilled value."""
    try:
        return parse_yes_no(value) if target.choice is not None else parse_cell(col, value, definition)
    except CellError:
        return ("unreadable", raw_text(value))


@dataclass
class _Read:
    row: SheetRow
    matches: list[HeaderMatch]
    places: dict
    blanks: list[Blank]
    changed: bool
    confirmed: bool | None
    filled_by: str


def _answers(
    rows: list[tuple[int, tuple]],
    header_row: int,
    map_rows: dict[int, tuple[str, Any]],
    matcher: HeaderMatcher,
    definition: FormDefinition,
    file_name: str,
) -> _Read:
    table = matcher.table
    data: dict[str, Any] = {}
    options: dict[str, dict[str, bool]] = {}
    problems: list[CellProblem] = []
    matches: list[HeaderMatch] = []
    places: dict[str, tuple[int, str, str]] = {}
    blanks: list[Blank] = []
    changed, confirmed, filled_by = False, None, ""
    has_prefill = any(prefill is not None for _spec, prefill in map_rows.values())
    first = None
    for number, values in rows:
        if number <= header_row:
            continue
        question = values[0] if values else None
        answer = values[1] if len(values) > 1 else None
        header = " ".join(safe_text(str(question or "")).split()).rstrip(" *")[:200]
        prefill = None
        if map_rows:  # our own workbook: the hidden map says which question is on which row
            spec, prefill = map_rows.get(number, (None, None))
            if spec == CONFIRMED:
                try:
                    confirmed = parse_yes_no(answer)
                except CellError as exc:
                    problems.append(CellProblem(number, "B", header, str(exc), raw_text(answer)))
                changed = changed or bool(confirmed)
                continue
            if spec == FILLED_BY:
                filled_by = " ".join(safe_text(raw_text(answer)).split())[:200]
                continue
            target = Target.parse(spec) if spec else None
        else:  # the map is gone (answers copied to a new workbook): match the questions by their text
            target = matcher.match(question)
        if target is None or not table.has_column(target.column) or target.column in places and target.choice is None:
            continue
        first = first or number
        places.setdefault(target.column, (number, "B", header))
        matches.append(HeaderMatch(1, header, target))
        col = table.column(target.column)
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            blanks.append(Blank(number, target, header))
            continue
        if map_rows and has_prefill:
            changed = changed or _typed(col, target, answer, definition) != _typed(col, target, prefill, definition)
        elif target.choice is not None or target.column not in PREFILLED:
            changed = True
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
    changed = changed or (bool(problems) and not has_prefill)  # a wrong prefilled value is no answer
    return _Read(SheetRow(first, data, options, problems), matches, places, blanks, changed, confirmed, filled_by)


def _saved_at(wb: Any, path: Path) -> dt.datetime | None:
    modified = getattr(getattr(wb, "properties", None), "modified", None)
    if isinstance(modified, dt.datetime):
        return modified.replace(tzinfo=None)
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


@dataclass
class _Book:
    """What a questionnaire's workbook holds: its hidden map and the questionnaire's sheet (or why there is none)."""

    info: dict[str, Any]
    map_rows: dict[int, tuple[str, Any]]
    sheet: str = ""
    header_row: int = 0
    rows: list[tuple[int, tuple]] = field(default_factory=list)
    saved_at: dt.datetime | None = None
    error: XlsxFileError | None = None  # no questionnaire's sheet (the map may still name the member)


def _read_book(wb: Any, file_name: str, path: Path) -> _Book:
    info, map_rows = _meta(wb, file_name)
    try:
        ws, header_row, rows = _find_sheet(wb, file_name)
    except XlsxFileError as exc:
        return _Book(info, map_rows, error=exc)
    return _Book(info, map_rows, ws.title, header_row, rows, _saved_at(wb, path))


def read_questionnaire(
    path: Path | str,
    definition: FormDefinition,
    *,
    app_uuids: Iterable[str] = (),
    matcher: HeaderMatcher | None = None,
) -> QuestionnaireReturn:
    """The answers of one returned questionnaire; a file that cannot be read becomes `error`, never an exception.

    `app_uuids`: the application (and its versions) the questionnaires were written for; a questionnaire of
    another application (last year's, another cluster's) is refused. `matcher`: the register's question matcher,
    built once for a folder (`scan_folder`) rather than for every file.

    The values are read by the lean reader (`lean_reader`), or by openpyxl for a file it does not understand."""
    path = Path(path)
    uid: str | None = None
    try:
        source = read_checked(path)
        book = read_values(source, lambda wb: _read_book(wb, source.file_name, path))
        info, map_rows = book.info, book.map_rows
        uid = str(info["member"]) if info.get("member") else None
        if book.error is not None:
            raise book.error
        sheet_title, header_row, rows, saved_at = book.sheet, book.header_row, book.rows, book.saved_at
        if info.get("form") not in (None, definition.id):
            raise XlsxFileError(
                source.file_name, f"ankieta dotyczy rundy {info.get('form')}, a wniosek rundy {definition.id}"
            )
        wanted = {u for u in app_uuids if u}
        if wanted and info.get("application") and str(info["application"]) not in wanted:
            raise XlsxFileError(
                source.file_name,
                "to ankieta z innego wniosku (np. z poprzedniego roku); nic z niej nie wczytano – wyślij członkowi "
                "ankietę tego wniosku",
            )
        matcher = matcher or HeaderMatcher(definition.table(MEMBERS), definition)
        read = _answers(rows, header_row, map_rows, matcher, definition, source.file_name)
        sent_nip, answered_nip = nip_key(info.get("nip")), nip_key(read.row.data.get("nip"))
        if sent_nip and answered_nip and sent_nip != answered_nip:
            raise XlsxFileError(
                source.file_name,
                f"NIP w ankiecie ({answered_nip}) jest inny niż NIP członka, dla którego ją przygotowano "
                f"({sent_nip}): to ankieta innego członka albo błędny NIP; nic z niej nie wczytano",
            )
    except XlsxFileError as exc:
        return QuestionnaireReturn(path, error=str(exc), member_uid=uid)
    read.row.uid = uid
    preview = ImportPreview(
        source.file_name,
        source.sha256,
        sheet_title,
        header_row,
        read.matches,
        missing_columns(read.matches, matcher.table),
        [read.row],
        places=read.places,
    )
    return QuestionnaireReturn(
        path,
        preview,
        None,
        uid,
        read.changed,
        read.confirmed,
        read.filled_by,
        read.blanks,
        str(info.get("member_type") or ""),
        saved_at,
        info=info,
    )


def questionnaire_files(folder: Path | str) -> list[Path]:
    """The workbooks of a folder a questionnaire may be (not Excel's lock files, not hidden files)."""
    folder = Path(folder)
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".xls") and not p.name.startswith(("~$", "."))
    )


def _newest_first(ret: QuestionnaireReturn) -> tuple:
    try:
        mtime = ret.path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return (ret.answered, ret.saved_at or dt.datetime.min, mtime, ret.file_name)


def mark_superseded(returns: list[QuestionnaireReturn]) -> None:
    """Of the readable files of one member, keep the newest (answered before unanswered); mark the others."""
    by_member: dict[str, list[QuestionnaireReturn]] = {}
    for ret in returns:
        if ret.preview is not None and ret.member_uid:
            by_member.setdefault(ret.member_uid, []).append(ret)
    for group in by_member.values():
        if len(group) > 1:
            group.sort(key=_newest_first, reverse=True)
            for older in group[1:]:
                older.superseded_by = group[0].file_name


def scan_folder(
    folder: Path | str,
    definition: FormDefinition,
    progress: Callable[[int, int], bool] | None = None,
    *,
    app_uuids: Iterable[str] = (),
) -> list[QuestionnaireReturn]:
    folder = Path(folder)
    if not folder.is_dir():
        raise XlsxFileError(folder.name, "to nie jest folder")
    files = questionnaire_files(folder)
    uuids = tuple(app_uuids)
    matcher = HeaderMatcher(definition.table(MEMBERS), definition)  # once for the folder: it is the same for all
    out = []
    for i, path in enumerate(files):
        if progress is not None and not progress(i, len(files)):
            raise Cancelled()
        out.append(read_questionnaire(path, definition, app_uuids=uuids, matcher=matcher))
    mark_superseded(out)
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
    notes: list[str] = field(default_factory=list)  # what the status does not say (a file returned twice ...)
    ret: QuestionnaireReturn | None = None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class FolderImport:
    returns: list[QuestionnaireReturn]
    plans: list[ImportPlan]  # one per answered, current return, in the same order
    statuses: list[MemberStatus]
    unknown: list[tuple[str, str]]  # (file, why) of files that belong to no member
    results: list[ImportResult] = field(default_factory=list)

    def problems_of(self, ret: QuestionnaireReturn) -> list[CellProblem]:
        return problems_of(self.plans, ret)


def problems_of(plans: list[ImportPlan], ret: QuestionnaireReturn) -> list[CellProblem]:
    for plan in plans:
        if ret.preview is plan.preview:
            return plan.problems
    return []


def is_answered(ret: QuestionnaireReturn) -> bool:
    """Whether a questionnaire holds any answer beyond what we prefilled (or a problem to report)."""
    return ret.preview is not None and ret.answered


def answered_previews(returns: list[QuestionnaireReturn]) -> list[ImportPreview]:
    """The previews worth importing: readable questionnaires somebody filled in, the newest of each member."""
    return [r.preview for r in returns if r.preview is not None and is_answered(r) and r.superseded_by is None]


def _plan_member(plan: ImportPlan) -> str | None:
    item = plan.items[0] if plan.items else None
    return item.uid if item is not None else None


def _saved_text(ret: QuestionnaireReturn) -> str:
    return f" (zapisany {format_date(ret.saved_at.date())} {ret.saved_at:%H:%M})" if ret.saved_at else ""


def member_statuses(
    doc: Document, returns: list[QuestionnaireReturn], plans: list[ImportPlan]
) -> tuple[list[MemberStatus], list[tuple[str, str]]]:
    """Per member: returned, missing or with problems; and files that belong to no member."""
    plan_of = {id(p.preview): p for p in plans}
    by_member: dict[str, tuple[QuestionnaireReturn, ImportPlan | None]] = {}
    older: dict[str, list[str]] = {}
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
        if ret.superseded_by is not None:
            older.setdefault(uid, []).append(ret.file_name)
            continue
        current = by_member.get(uid)
        if current is not None and current[0].error is None and ret.error is not None:
            older.setdefault(uid, []).append(ret.file_name)  # an unreadable extra file beside a good one
            continue
        if current is not None:
            older.setdefault(uid, []).append(current[0].file_name)
        by_member[uid] = (ret, plan)
    out = []
    for row in doc.rows(MEMBERS):
        name, nip = str(row.get("name") or ""), str(row.get("nip") or "")
        if row.uid not in by_member:
            out.append(MemberStatus(row.uid, name, nip, MISSING))
            continue
        ret, plan = by_member[row.uid]
        notes = []
        if row.uid in older:
            notes.append(
                f"zwrócono plików: {len(older[row.uid]) + 1}; wzięto najnowszy „{ret.file_name}”{_saved_text(ret)}, "
                "pominięto: " + ", ".join(f"„{n}”" for n in sorted(older[row.uid]))
            )
        if ret.error is None and not is_answered(ret):
            status = MemberStatus(row.uid, name, nip, MISSING, ret.file_name, ["ankieta nie została wypełniona"])
        elif ret.error is not None:
            status = MemberStatus(row.uid, name, nip, PROBLEMS, ret.file_name, [ret.error])
        elif plan is not None and plan.items and plan.items[0].action == REJECT:
            status = MemberStatus(row.uid, name, nip, PROBLEMS, ret.file_name, [p.text() for p in plan.problems])
        else:
            status = MemberStatus(row.uid, name, nip, RETURNED, ret.file_name)
        status.notes, status.ret = notes, ret
        out.append(status)
    return out, unknown


def application_uuids(repo: Any, app_id: int) -> list[str]:
    """The uuids of every version of an application: questionnaires of any of them belong to it."""
    return [v.uuid for v in repo.versions(app_id)]


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
    returns = scan_folder(folder, doc.definition, progress, app_uuids=application_uuids(repo, app_id))
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
def _layout_of(wb: Any, file_name: str) -> tuple[Any, int, int]:
    """(sheet, header row, notes column) of a questionnaire opened for writing, of this format or the first one."""
    sheets = sorted(wb.worksheets, key=lambda ws: ws.title != SHEET)
    for ws in sheets:
        if ws.title in (META_SHEET, LISTS_SHEET):
            continue
        for row in ws.iter_rows(min_row=1, max_row=HEADER_SCAN, max_col=8):
            texts = [fold(c.value) if isinstance(c.value, str) else "" for c in row]
            if len(texts) >= 2 and texts[0].startswith(QUESTION_HEADER) and texts[1].startswith(ANSWER_HEADER):
                notes = next((i + 1 for i, t in enumerate(texts) if t.startswith(NOTES_HEADER)), 4)
                return ws, row[0].row, notes
    raise XlsxFileError(file_name, "to nie jest ankieta członka klastra (brak nagłówka „Pytanie | Odpowiedź”)")


def _note(ws: Any, row: int, column: int, text: str) -> None:
    note = ws.cell(row=row, column=column)
    set_cell(ws, row, column, (f"{note.value}; " if note.value else "") + text, wrap=True)


def write_correction(
    ret: QuestionnaireReturn, problems: list[CellProblem], folder: Path | str, *, missing: Iterable[Blank] = ()
) -> Path:
    """A copy of a returned questionnaire with every wrong answer (and every needed one left empty) highlighted,
    commented and explained in the coordinator's column."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = read_checked(ret.path)
    stem = ret.path.stem.removesuffix(f"_{CORRECTIONS_DIR}")
    out = folder / f"{stem}_{CORRECTIONS_DIR}.xlsx"
    missing = list(missing)
    with open_workbook(source, read_only=False) as wb:
        ws, header_row, notes = _layout_of(wb, source.file_name)
        for p in problems:
            cell = ws[p.cell] if p.cell else ws.cell(row=p.row, column=1)
            cell.fill = ERROR_FILL
            cell.comment = Comment(p.message, "Koordynator klastra", width=300, height=90)
            _note(ws, cell.row, notes, p.message)
        for blank in missing:
            cell = ws.cell(row=blank.row, column=2)
            cell.fill = MISSING_FILL
            _note(ws, blank.row, notes, "brak odpowiedzi – uzupełnij")
        parts = []
        if problems:
            parts.append(f"błędne odpowiedzi: {len(problems)} (na czerwono)")
        if missing:
            parts.append(f"brakujące odpowiedzi: {len(missing)} (na pomarańczowo)")
        status_row = max(1, header_row - 1)
        set_cell(ws, status_row, 1, "Do poprawy: " + "; ".join(parts) + " – opis w kolumnie „Uwagi koordynatora”.")
        ws.cell(row=status_row, column=1).fill = ERROR_FILL
        ws.row_dimensions[status_row].height = 18
        if not any(status_row in range(m.min_row, m.max_row + 1) for m in ws.merged_cells.ranges):
            ws.merge_cells(start_row=status_row, start_column=1, end_row=status_row, end_column=notes)
        save_workbook(wb, out)
    return out
