"""The members template: the workbook a coordinator hands out to collect the member register.

Sheet "Członkowie": one row per member under a frozen header row of Polish labels from the definition (a
multi-choice column becomes one tak/nie column per choice), drop-down lists, number and date formats and input
prompts. Sheet "Instrukcja": how to fill it and what every column accepts. A hidden sheet holds the lists.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from export.xlsx import writer
from export.xlsx.headers import written_columns
from export.xlsx.printing import print_setup
from export.xlsx.validation import LISTS_SHEET, ListSheet, add_validation, allowed_text
from forms.schema import FieldDef, FormDefinition, TableDef

MEMBERS = "members"
DATA_SHEET = "Członkowie"
INSTRUCTIONS_SHEET = "Instrukcja"
DEFAULT_ROWS = 2000
REQUIRED_MARK = " *"

GENERAL_RULES = (
    "Jeden wiersz to jeden członek klastra. Nie zmieniaj nazw kolumn w pierwszym wierszu; kolejność kolumn "
    "i dodatkowe kolumny (np. „Uwagi”) nie przeszkadzają.",
    "Kolumny oznaczone gwiazdką (*) są wymagane. NIP jest wymagany dla przedsiębiorstw (mikro, małych, "
    "średnich i dużych); po nim rozpoznajemy członka przy ponownym wczytaniu, więc dane się nie dublują.",
    "Kwoty wpisuj jako liczby w złotych (np. 1 234 567,89); dane finansowe dotyczą ostatniego zamkniętego roku "
    "obrotowego (roku referencyjnego wniosku).",
    "Daty w formacie dd.mm.rrrr, odpowiedzi tak/nie z listy (można też wpisać T/N, x, 1/0).",
    "Pusta komórka nie usuwa danych zapisanych wcześniej we wniosku; aby odpowiedzieć „nie”, wpisz „nie”.",
    "Wiersze z błędami zostaną pokazane z opisem, co jest nie tak (wiersz i kolumna), i nie zostaną wczytane, "
    "dopóki nie zostaną poprawione.",
)


def _yes_no_width(header: str) -> float:
    """A tak/nie column of a multi-choice ("Stosowane systemy zarządzania: ERP") holds three letters: its header
    wraps into three or four lines, so that two dozen of them still print legibly one page wide."""
    longest = max((len(word) for word in header.split()), default=0)
    return max(writer.MIN_WIDTH + 2, min(longest + 2.5, 18), min(len(header) / 3 + 2, 16))


def _required_text(column: FieldDef) -> str:
    if column.required:
        return "tak"
    if column.required_if is not None:
        return "dla przedsiębiorstw" if column.required_if.key == "type" else "warunkowo"
    return ""


def _instructions(wb: Workbook, table: TableDef, definition: FormDefinition) -> None:
    ws = wb.create_sheet(INSTRUCTIONS_SHEET)
    writer.write_title(ws, f"{table.label.pl}: instrukcja wypełniania")
    writer.set_cell(ws, 2, 1, f"{definition.title.pl} (runda {definition.id}, wersja {definition.version})")
    row = 4
    for rule in GENERAL_RULES:
        writer.set_cell(ws, row, 1, f"• {rule}", wrap=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 32
        row += 1
    row += 1
    header_row = row
    writer.write_header(ws, row, ("Kolumna", "Wymagana", "Co wpisać", "Dozwolone wartości"), (44, 18, 50, 60))
    for col in table.columns:
        row += 1
        writer.set_cell(ws, row, 1, col.label.pl)
        writer.set_cell(ws, row, 2, _required_text(col))
        hint = col.help.pl if col.help else ""
        if col.type == "multichoice":
            hint = (hint + " " if hint else "") + "Osobna kolumna tak/nie dla każdej pozycji listy."
        writer.set_cell(ws, row, 3, hint, wrap=True)
        writer.set_cell(ws, row, 4, allowed_text(col, definition), wrap=True)
    print_setup(ws, title=template_title(table, definition), header_row=header_row, data=False)


def template_title(table: TableDef, definition: FormDefinition) -> str:
    """The name in every printed page's header (a template belongs to a round, not to an application)."""
    return f"{table.label.pl} – szablon (runda {definition.id}, wersja {definition.version})"


def write_members_template(definition: FormDefinition, path: Path | str, *, rows: int | None = None) -> None:
    """Write the members template of a round to `path` (atomically)."""
    table = definition.table(MEMBERS)
    rows = rows or table.max_rows or DEFAULT_ROWS
    wb, ws = writer.new_workbook(
        DATA_SHEET,
        title=f"{table.label.pl} – szablon",
        keywords=f"klaster:members-template:{definition.id}:{definition.version}",
    )
    lists = ListSheet(wb, definition)
    columns = written_columns(table, definition)
    headers = [
        header + (REQUIRED_MARK if col.required and target.choice is None else "") for target, header, col in columns
    ]
    widths = [
        _yes_no_width(h) if target.choice is not None else writer.header_width(h, col)
        for h, (target, _h, col) in zip(headers, columns, strict=True)
    ]
    writer.write_header(ws, 1, headers, widths, freeze="B2")  # with the height of its wrapped headers
    last = rows + 1
    for index, (target, header, col) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        fmt = writer.number_format_of(col)
        if fmt:
            ws.column_dimensions[letter].number_format = fmt  # the format of every cell typed into the column
        add_validation(ws, col, lists, f"{letter}2:{letter}{last}", header, yes_no=target.choice is not None)
    print_setup(ws, title=template_title(table, definition), last_row=last, last_column=len(columns))
    _instructions(wb, table, definition)
    wb.move_sheet(wb[LISTS_SHEET], offset=len(wb.sheetnames))
    wb.active = 0
    writer.save_workbook(wb, path)
