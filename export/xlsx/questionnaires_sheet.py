"""Writing the questionnaire a member company fills without calling the coordinator.

One workbook per member, sheet "Ankieta" (columns: question | answer | the earlier application's value | what to
enter and what it means | the coordinator's remarks):
- prefilled with everything the register knows about the member; in a renewal the yearly figures (employees, sales,
  export) of the earlier application stand in column C beside an empty answer cell for this year;
- only the answer cells are unlocked; the sheet and the workbook's structure are protected without a password
  (nobody needs one to fill it; the questions and the hidden sheets stay where the import expects them);
- validations accept exactly what column D says (yes/no: tak, nie, T, N, x, 1, 0 in any case, checked by a formula,
  since a list would refuse all but its own items);
- definitions beside the questions come from `resources/questionnaire/objasnienia.json`;
- the deadline and the coordinator's contact at the top; printed landscape, one page wide, the header row repeated,
  a footer with the page number; row heights set for the wrapped texts so that LibreOffice does not overlap them.

A very hidden sheet records the member, the round and, per answer row, the question and the value prefilled there
(so that reading back tells an untouched file from a filled one).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from export import Cancelled
from export.xlsx.headers import Target, written_columns
from export.xlsx.printing import print_setup
from export.xlsx.questionnaires_help import QuestionnaireHelp, load_help
from export.xlsx.validation import ListSheet, add_validation, allowed_text
from export.xlsx.writer import (
    HEADER_FILL,
    HEADER_FONT,
    NO,
    TEXT_FORMAT,
    YES,
    cell_value,
    new_workbook,
    number_format_of,
    save_workbook,
    set_cell,
)
from forms import limits
from forms.cells import fold
from forms.document import Document, Row
from forms.fmt import format_date
from forms.schema import FieldDef, FormDefinition

MEMBERS = "members"
SHEET = "Ankieta"
META_SHEET = "_klaster"
FORMAT = "klaster-ankieta"
FORMAT_VERSION = 2
MAP_ROW = 20  # where the meta sheet lists (row, question, prefilled value)
CONFIRMED, FILLED_BY = "_confirmed", "_filled_by"  # answers that are not register columns

# Layout of the sheet
TITLE_ROW, MEMBER_ROW, DEADLINE_ROW, CONTACT_ROW, INTRO_ROW, STATUS_ROW, HEADER_ROW = 1, 2, 3, 4, 5, 6, 7
FIRST_ROW = HEADER_ROW + 1
QUESTION, ANSWER, PREVIOUS, HINT, NOTES = 1, 2, 3, 4, 5
HEADERS = ("Pytanie", "Odpowiedź", "Poprzedni wniosek", "Co wpisać i co to znaczy", "Uwagi koordynatora")
WIDTHS = (40, 26, 18, 62, 26)
LINE_HEIGHT = 15.0  # points per line of 11-point text
ANSWER_FILL = PatternFill("solid", start_color="FFF9DB")
SECTION_FILL = PatternFill("solid", start_color="EEF2F7")
DEADLINE_FONT = Font(bold=True, color="9C0006")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
YES_NO_ACCEPTED = ("tak", "nie", "t", "n", "x", "1", "0")
DEFAULT_DAYS = 14

SECTIONS = (  # (title, columns); numbered as written, sections without questions left out
    ("Dane podstawowe", ("name", "nip", "regon", "krs", "ceidg", "type", "voivodeship", "joined_on", "contact_email")),
    ("Położenie i powiązania", ("within_50km", "linked")),
    ("Dane za rok referencyjny", ("employees", "sales_pln", "export_pln")),
    ("Badania, normy, start-up", ("rd", "iso", "iso_norms", "startup")),
)
MULTI_TITLES = {
    "value_chain": "Miejsce w łańcuchu wartości",
    "mgmt_systems": "Systemy zarządzania",
    "industry40": "Przemysł 4.0",
}
OTHER_TITLE = "Pozostałe dane"
CONFIRM_TITLE = "Potwierdzenie"


@dataclass
class Contact:
    """Who the member writes to: the coordinator's contact person, from the application."""

    organisation: str = ""
    person: str = ""
    email: str = ""
    phone: str = ""

    @classmethod
    def of(cls, doc: Document) -> Contact:
        def get(key: str) -> str:
            d = doc.definition
            return limits.one_line(str(doc.get(key) or ""), 200) if d.has_field(key) else ""

        return cls(
            get("coordinator.name"),
            get("contact.name"),
            get("contact.email") or get("coordinator.email"),
            get("contact.phone") or get("coordinator.phone"),
        )

    def text(self) -> str:
        parts = [p for p in (self.person, self.organisation) if p]
        reach = [p for p in (self.email, f"tel. {self.phone}" if self.phone else "") if p]
        if not parts and not reach:
            return "Koordynator klastra (dane kontaktowe w piśmie przewodnim)."
        return "Pytania: " + ", ".join(parts + reach) + "."


@dataclass
class Setup:
    """What one round of questionnaires shares: the deadline, the contact, the earlier application (renewal)."""

    deadline: dt.date | None = None
    app_uuid: str = ""
    previous: Document | None = None
    previous_label: str = ""
    help: QuestionnaireHelp = field(default_factory=load_help)

    @staticmethod
    def default_deadline(today: dt.date | None = None) -> dt.date:
        return (today or dt.date.today()) + dt.timedelta(days=DEFAULT_DAYS)


# File names --------------------------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(limits.one_line(text))).strip("_")[:40] or "czlonek"


def member_ident(data: dict[str, Any], uid: str) -> str:
    return re.sub(r"\D", "", str(data.get("nip") or ""))[:20] or uid[:8]


def file_name_for(data: dict[str, Any], uid: str) -> str:
    return f"ankieta_{_slug(str(data.get('name') or ''))}_{member_ident(data, uid)}.xlsx"


# The previous application (renewal) ------------------------------------------------------------------------
def previous_member(previous: Document | None, row: Row) -> Row | None:
    """The member in the earlier application: the same row (a renewal keeps row ids), else the same NIP."""
    if previous is None:
        return None
    rows = previous.rows(MEMBERS)
    for r in rows:
        if r.uid == row.uid:
            return r
    nip = member_ident(row.data, "")
    if nip:
        for r in rows:
            if member_ident(r.data, "") == nip:
                return r
    return None


# Layout helpers ---------------------------------------------------------------------------------------------
def _lines(text: Any, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` characters wide (a slight overestimate)."""
    if text is None or text == "":
        return 1
    per_line = max(1.0, width * 1.2)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def _fit_height(ws: Any, row: int, widths: dict[int, float]) -> None:
    """An explicit height for a row of wrapped cells: LibreOffice does not grow rows read from .xlsx."""
    lines = 1
    for column, width in widths.items():
        lines = max(lines, _lines(ws.cell(row=row, column=column).value, width))
    ws.row_dimensions[row].height = LINE_HEIGHT * lines + 3


def _merged_text(ws: Any, row: int, text: str, *, font: Font | None = None) -> None:
    set_cell(ws, row, 1, text, wrap=True)
    if font is not None:
        ws.cell(row=row, column=1).font = font
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=NOTES)
    ws.row_dimensions[row].height = LINE_HEIGHT * _lines(text, sum(WIDTHS)) + 3


def yes_no_formula(cell: str) -> str:
    """A validation formula true exactly for the yes/no answers the instructions allow (case-insensitive in both
    Excel and LibreOffice: `=` compares text without case); a number 1 or 0 passes too."""
    words = ",".join(f'{cell}="{w}"' for w in YES_NO_ACCEPTED)
    return f"OR(ISBLANK({cell}),{words},{cell}=1,{cell}=0)"


def _yes_no_validation(ws: Any, cells: list[str]) -> None:
    """One validation for every yes/no answer cell: its formula is written for the first cell and, as in every
    spreadsheet, read relative to each cell of the range (one rule instead of dozens keeps the file quick to read)."""
    if not cells:
        return
    dv = DataValidation(
        type="custom",
        formula1=yes_no_formula(cells[0]),
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
        errorTitle="tak albo nie",
        error="Dozwolone: tak albo nie (także T/N, x, 1/0).",
        promptTitle="tak albo nie",
        prompt="tak / nie (także T/N, x, 1/0)",
    )
    for cell in cells:
        dv.add(cell)
    ws.add_data_validation(dv)


def _prefill(col: FieldDef, target: Target, data: dict[str, Any], d: FormDefinition) -> Any:
    value = data.get(col.key)
    if target.choice is not None:
        if not value:
            return None  # an empty set cannot tell "none of them" from "not asked yet"
        return YES if target.choice in value else NO
    return cell_value(col, value, d)


def _hint(col: FieldDef, target: Target, d: FormDefinition, help: QuestionnaireHelp) -> str:
    if target.choice is not None:
        text = help.choice(col.list or "", target.choice)
        return (text + " " if text else "") + "Wpisz: tak / nie (także T/N, x, 1/0)."
    allowed = "wybierz z listy (strzałka przy komórce)" if col.type == "choice" else allowed_text(col, d)
    definition = help.definition(col.key)
    parts = [f"Wpisz: {allowed}." if allowed else "", definition]
    if col.help and col.help.pl and col.help.pl not in definition:
        parts.append(col.help.pl)
    return " ".join(p for p in parts if p)


def _order(d: FormDefinition) -> list[tuple[str, list[tuple[Target, str, FieldDef]]]]:
    """The questions in sections: basic data, yearly figures, R&D and norms, one section per multi-choice, rest."""
    columns = written_columns(d.table(MEMBERS), d)
    by_key: dict[str, list[tuple[Target, str, FieldDef]]] = {}
    for item in columns:
        by_key.setdefault(item[2].key, []).append(item)
    out: list[tuple[str, list]] = []
    used: set[str] = set()
    for title, keys in SECTIONS:
        items = [i for k in keys for i in by_key.get(k, [])]
        used.update(keys)
        if items:
            out.append((title, items))
    for key, title in MULTI_TITLES.items():
        if key in by_key:
            out.append((title, by_key[key]))
            used.add(key)
    rest = [i for k, items in by_key.items() if k not in used for i in items]
    if rest:
        out.append((OTHER_TITLE, rest))
    return out


# One workbook --------------------------------------------------------------------------------------------------
def write_one(doc: Document, row: Row, path: Path, setup: Setup) -> None:
    d = doc.definition
    data = row.data
    help = setup.help
    wb, ws = new_workbook(SHEET, keywords=f"{FORMAT}:{d.id}:{d.version}")
    lists = ListSheet(wb, d)
    cluster = limits.one_line(str(doc.get("cluster.name", "") or "klastra"), 200)
    year = doc.get("meta.reference_year")
    name = limits.one_line(str(data.get("name") or ""), 300)
    renewal = setup.previous is not None
    before = previous_member(setup.previous, row)
    widths = dict(enumerate(WIDTHS, start=1))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    if not renewal:
        ws.column_dimensions["C"].hidden = True

    set_cell(ws, TITLE_ROW, 1, f"Ankieta dla członka klastra „{cluster}”").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=NOTES)
    ws.row_dimensions[TITLE_ROW].height = 22
    _merged_text(ws, MEMBER_ROW, f"Członek: {name}" + (f", NIP {data['nip']}" if data.get("nip") else ""))
    deadline = setup.deadline
    _merged_text(
        ws,
        DEADLINE_ROW,
        f"Termin odesłania: {format_date(deadline)}" if deadline else "Termin odesłania: jak najszybciej",
        font=DEADLINE_FONT,
    )
    _merged_text(ws, CONTACT_ROW, Contact.of(doc).text())
    intro = (
        "Wpisz odpowiedzi w żółte komórki kolumny „Odpowiedź” (tylko one są do edycji; arkusz jest chroniony bez "
        "hasła) i odeślij ten plik koordynatorowi jako załącznik, bez zmiany nazwy. Wpisaliśmy to, co już wiemy: "
        "sprawdź i popraw, jeśli się zmieniło. Pusta komórka oznacza brak odpowiedzi; aby odpowiedzieć „nie”, "
        "wpisz „nie”. Kwoty w złotych (np. 1 234 567,89), daty dd.mm.rrrr."
    )
    if year:
        intro += f" Dane finansowe i zatrudnienie dotyczą roku {year}."
    if renewal:
        intro += (
            f" W kolumnie „{HEADERS[PREVIOUS - 1]}” podajemy dla porównania dane z wniosku "
            f"{setup.previous_label or 'poprzedniego'}; wpisz obok dane aktualne."
        )
    _merged_text(ws, INTRO_ROW, intro)
    ws.row_dimensions[STATUS_ROW].height = 6
    for column, text in enumerate(HEADERS, start=1):
        if column == PREVIOUS and setup.previous_label:
            text = f"{text} ({setup.previous_label})"
        cell = set_cell(ws, HEADER_ROW, column, text, wrap=True)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    ws.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * 2 + 3
    ws.freeze_panes = f"A{FIRST_ROW}"

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    info = (
        ("format", FORMAT),
        ("format_version", FORMAT_VERSION),
        ("form", d.id),
        ("form_version", d.version),
        ("application", setup.app_uuid),
        ("member", row.uid),
        ("nip", str(data.get("nip") or "")),
        ("generated", dt.date.today()),
        ("deadline", deadline),
        ("member_type", str(data.get("type") or "")),
    )
    for r, (key, value) in enumerate(info, start=1):
        set_cell(meta, r, 1, key)
        set_cell(meta, r, 2, value)

    r = FIRST_ROW
    mapped = 0
    yes_no_cells: list[str] = []

    def section(title: str, note: str = "") -> None:
        nonlocal r
        heading = set_cell(ws, r, QUESTION, title, wrap=True)
        heading.font = HEADER_FONT
        for column in range(1, NOTES + 1):
            ws.cell(row=r, column=column).fill = SECTION_FILL
        if note:
            set_cell(ws, r, HINT, note, wrap=True)
        _fit_height(ws, r, {HINT: WIDTHS[HINT - 1]})
        r += 1

    def answer_row(question: str, spec: str, prefilled: Any, hint: str, previous: Any = None) -> int:
        nonlocal r, mapped
        set_cell(ws, r, QUESTION, question, wrap=True)
        cell = ws.cell(row=r, column=ANSWER)
        if prefilled is not None:
            set_cell(ws, r, ANSWER, prefilled)
        cell.protection, cell.fill = UNLOCKED, ANSWER_FILL
        cell.alignment = WRAP_TOP
        if previous is not None:
            set_cell(ws, r, PREVIOUS, previous).alignment = WRAP_TOP
        set_cell(ws, r, HINT, hint, wrap=True)
        _fit_height(ws, r, {QUESTION: WIDTHS[0], ANSWER: WIDTHS[1], HINT: WIDTHS[3]})
        set_cell(meta, MAP_ROW + mapped, 1, r)
        set_cell(meta, MAP_ROW + mapped, 2, spec)
        if prefilled is not None:
            set_cell(meta, MAP_ROW + mapped, 3, prefilled)
        mapped += 1
        r += 1
        return r - 1

    for number, (title, items) in enumerate(_order(d), start=1):
        col0 = items[0][2]
        multi = col0.type == "multichoice"
        section(f"Część {number}. {title}", help.definition(col0.key) if multi else "")
        for target, header, col in items:
            yearly = renewal and help.is_yearly(col.key) and target.choice is None
            value = _prefill(col, target, data, d)
            previous = _prefill(col, target, before.data, d) if before is not None and yearly else None
            if yearly and previous is not None and value == previous:
                value = None  # last year's figure: shown in column C, this year's to be entered
            question = header.split(": ", 1)[1] if multi and ": " in header else header
            if col.required and target.choice is None:
                question += " *"
            at = answer_row(question, target.spec, value, _hint(col, target, d, help), previous)
            fmt = number_format_of(col)
            if fmt and target.choice is None:
                ws.cell(row=at, column=ANSWER).number_format = fmt
                if previous is not None:
                    ws.cell(row=at, column=PREVIOUS).number_format = number_format_of(col, currency=True) or fmt
            if target.choice is not None or col.type == "bool":
                yes_no_cells.append(f"B{at}")
            else:
                add_validation(ws, col, lists, f"B{at}", header)
    section(CONFIRM_TITLE)
    answer_row("Dane sprawdził(a) – imię i nazwisko", FILLED_BY, None, "Kto wypełnił ankietę (do kontaktu).")
    ws.cell(row=r - 1, column=ANSWER).number_format = TEXT_FORMAT
    at = answer_row(
        "Potwierdzam, że dane są aktualne i zgodne z dokumentami firmy",
        CONFIRMED,
        None,
        "Wpisz „tak”, także gdy niczego nie trzeba było zmieniać.",
    )
    yes_no_cells.append(f"B{at}")
    _yes_no_validation(ws, yes_no_cells)
    last = r - 1

    ws.protection.sheet = True  # no password: filling needs none, the layout stays as the import expects
    ws.protection.formatColumns = False  # widening a column or a row is allowed
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    wb.security = WorkbookProtection(lockStructure=True)
    ws.print_area = f"A1:{get_column_letter(NOTES)}{last}"
    # a form, not a data table: no filter; no checksum either, since the application's changes with every edit
    # (the import of this very questionnaire included), so the member would see a stale one
    print_setup(ws, title=f"Ankieta: {name} – klaster „{cluster}”", header_row=HEADER_ROW, wide=True, data=False)
    ws.page_margins.left = ws.page_margins.right = 0.5
    wb.active = 0
    save_workbook(wb, path)


def write_round(
    doc: Document,
    folder: Path | str,
    setup: Setup,
    *,
    uids: set[str] | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> list[tuple[Row, Path]]:
    """One questionnaire per member (or per member of `uids`) in `folder`: (member, file) in register order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = [r for r in doc.rows(MEMBERS) if uids is None or r.uid in uids]
    written: list[tuple[Row, Path]] = []
    taken: set[str] = set()
    for i, row in enumerate(rows):
        if progress is not None and not progress(i, len(rows)):
            raise Cancelled()
        path = folder / file_name_for(row.data, row.uid)
        if path.name.casefold() in taken:  # the same NIP twice in the register: keep both questionnaires
            path = path.with_name(f"{path.stem}_{row.uid[:8]}.xlsx")
        taken.add(path.name.casefold())
        write_one(doc, row, path, setup)
        written.append((row, path))
    return written


def write_questionnaires(
    doc: Document,
    folder: Path | str,
    *,
    app_uuid: str = "",
    uids: set[str] | None = None,
    progress: Callable[[int, int], bool] | None = None,
    deadline: dt.date | None = None,
    previous: Document | None = None,
    previous_label: str = "",
) -> list[Path]:
    """One questionnaire per member in `folder`; returns the files written."""
    setup = Setup(deadline, app_uuid, previous, previous_label)
    return [p for _row, p in write_round(doc, folder, setup, uids=uids, progress=progress)]
