"""Drop-down lists and input checks (data validation) for the cells people fill in our workbooks.

Lists live on a hidden sheet and are referenced by range: an inline list is limited to 255 characters, and the
16 voivodeships alone come close. Validations only guide the user (openpyxl and our import never rely on them):
the import reads whatever comes back.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from export.xlsx.writer import NO, YES, set_cell
from forms.fmt import format_decimal
from forms.schema import FieldDef, FormDefinition

LISTS_SHEET = "Listy"
YES_NO_LIST = f'"{YES},{NO}"'


class ListSheet:
    """The hidden sheet of choice lists; `range_of(list_id)` writes a list the first time it is asked for."""

    def __init__(self, wb: Any, definition: FormDefinition) -> None:
        self.ws = wb.create_sheet(LISTS_SHEET)
        self.ws.sheet_state = "hidden"
        self.definition = definition
        self.ranges: dict[str, str] = {}

    def range_of(self, list_id: str) -> str:
        if list_id not in self.ranges:
            column = len(self.ranges) + 1
            set_cell(self.ws, 1, column, list_id)
            choices = self.definition.choices(list_id)
            for row, choice in enumerate(choices, start=2):
                set_cell(self.ws, row, column, choice.label.pl)
            letter = get_column_letter(column)
            self.ranges[list_id] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(choices) + 1}"
        return self.ranges[list_id]


def _number_rule(column: FieldDef, kind: str) -> dict[str, Any]:
    low, high = column.min, column.max
    if column.type == "year":
        low, high = low if low is not None else 1900, high if high is not None else 2100
    if low is not None and high is not None:
        return {"type": kind, "operator": "between", "formula1": str(low), "formula2": str(high)}
    if low is not None:
        return {"type": kind, "operator": "greaterThanOrEqual", "formula1": str(low)}
    if high is not None:
        return {"type": kind, "operator": "lessThanOrEqual", "formula1": str(high)}
    return {"type": kind, "operator": "between", "formula1": "-1E+15", "formula2": "1E+15"}


def _limits_text(column: FieldDef) -> str:
    if column.min is not None and column.max is not None:
        return f" od {format_decimal(column.min)} do {format_decimal(column.max)}"
    if column.min is not None:
        return f" nie mniejsza niż {format_decimal(column.min)}"
    return ""


def rule_for(column: FieldDef, lists: ListSheet, *, yes_no: bool = False) -> tuple[dict[str, Any], str] | None:
    """(DataValidation arguments, what is allowed in Polish) for a column, or None when anything goes."""
    t = column.type
    if yes_no or t == "bool":
        return {"type": "list", "formula1": YES_NO_LIST}, "tak albo nie"
    if t == "choice":
        return {"type": "list", "formula1": lists.range_of(column.list or "")}, "wybierz z listy"
    if t in ("int", "year"):
        return _number_rule(column, "whole"), "liczba całkowita" + _limits_text(column)
    if t in ("money", "decimal"):
        return _number_rule(column, "decimal"), "kwota w złotych, np. 1 234 567,89" + _limits_text(column)
    if t == "date":
        return (
            {"type": "date", "operator": "between", "formula1": "DATE(1900,1,1)", "formula2": "DATE(2100,12,31)"},
            "data w formacie dd.mm.rrrr",
        )
    if t in ("text", "longtext") and column.max_length:
        return (
            {"type": "textLength", "operator": "lessThanOrEqual", "formula1": str(column.max_length)},
            f"tekst, najwyżej {column.max_length} znaków",
        )
    return None


def allowed_text(column: FieldDef, definition: FormDefinition, *, yes_no: bool = False) -> str:
    """What a column accepts, for instructions and prompts."""
    t = column.type
    if yes_no or t == "bool":
        return "tak / nie (także T/N, x, 1/0)"
    if t == "choice":
        return "; ".join(c.label.pl for c in definition.choices(column.list or ""))
    if t == "multichoice":
        return "; ".join(c.label.pl for c in definition.choices(column.list or ""))
    return {
        "int": "liczba całkowita",
        "year": "rok, np. 2024",
        "money": "kwota w złotych, np. 1 234 567,89",
        "decimal": "liczba, np. 12,5",
        "date": "data dd.mm.rrrr, np. 05.03.2021",
        "nip": "10 cyfr; myślniki i spacje dozwolone, np. 526-104-08-28",
        "regon": "9 albo 14 cyfr",
        "krs": "10 cyfr, np. 0000123456",
        "email": "adres e-mail, np. biuro@firma.pl",
        "phone": "numer telefonu, np. +48 22 123 45 67",
        "url": "adres strony, np. https://www.firma.pl",
        "postcode": "NN-NNN, np. 00-950",
    }.get(t, f"tekst, najwyżej {column.max_length} znaków" if column.max_length else "tekst")


def add_validation(
    ws: Any, column: FieldDef, lists: ListSheet, cells: str, title: str, *, yes_no: bool = False
) -> DataValidation | None:
    """Attach the column's validation (with a Polish prompt and error) to a range like `D2:D2001`."""
    rule = rule_for(column, lists, yes_no=yes_no)
    if rule is None:
        return None
    args, allowed = rule
    strict = args["type"] == "list"
    dv = DataValidation(
        **args,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle=title[:32],
        error=f"Dozwolone: {allowed}."[:255],
        promptTitle=title[:32],
        prompt=allowed[:255],
    )
    dv.add(cells)
    ws.add_data_validation(dv)
    return dv
