"""What every workbook we write shares: header style, column widths, typed values of columns in Polish form,
formula-safe text, and saving without ever leaving a half-written file.

Text that starts with `=`, `+`, `-` or `@` is stored as a string cell with Excel's quote prefix, so neither Excel
nor LibreOffice evaluates it, not even after the user edits the cell.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from export.atomic import write_bytes_atomic
from forms import limits
from forms.display import YES_NO, value_text
from forms.schema import FieldDef, FormDefinition
from forms.values import is_empty

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = '#,##0.00 "zł"'
NUMBER_FORMAT = "#,##0.00"
INT_FORMAT = "0"
DATE_FORMAT = "DD.MM.YYYY"
TEXT_FORMAT = "@"
PERCENT_FORMAT = '0.00" %"'
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDE7F3")
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60
MIN_WIDTH = 8
LINE_HEIGHT = 15.0  # points per line of 11-point text
YES, NO = YES_NO["pl"]


def safe_text(text: str) -> str:
    """Text without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", limits.strip_controls(text))


def set_cell(
    ws: Any, row: int, column: int, value: Any, number_format: str | None = None, *, wrap: bool = False
) -> Any:
    """Write one value (`wrap`: in lines wrapped to the column's width); user text never becomes a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = safe_text(value)
        cell.value = value
        if value.startswith(FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = WRAP
    return cell


def write_title(ws: Any, text: str, row: int = 1) -> None:
    """A sheet's title, in large bold letters in column A."""
    set_cell(ws, row, 1, text).font = TITLE_FONT


def new_workbook(sheet: str, *, title: str | None = None, keywords: str | None = None) -> tuple[Workbook, Any]:
    """A workbook made by Klaster (with a title and keywords in its properties) and its first sheet, `sheet`."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    wb.properties.creator = "Klaster"
    if title is not None:  # docProps/core.xml: a control character there makes a workbook that does not open
        wb.properties.title = limits.one_line(title, 200)
    if keywords is not None:
        wb.properties.keywords = limits.one_line(keywords, 200)
    return wb, ws


def write_header(
    ws: Any, row: int, headers: Iterable[str], widths: Iterable[float] | None = None, *, freeze: str | None = None
) -> None:
    """A row of column headers; with `widths` the columns' widths, with `freeze` the cell above and left of which
    the sheet stays in view while scrolling (e.g. "A2")."""
    headers = list(headers)
    for index, text in enumerate(headers, start=1):
        cell = set_cell(ws, row, index, text)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    if widths is not None:
        set_widths(ws, widths)
        # an explicit height for the wrapped headers: LibreOffice does not grow rows read from .xlsx, so a third
        # line would print over the first data row
        clamped = [max(MIN_WIDTH, min(MAX_WIDTH, w)) for w in widths]
        lines = max((wrapped_lines(str(h), w, bold=True) for h, w in zip(headers, clamped, strict=False)), default=1)
        ws.row_dimensions[row].height = LINE_HEIGHT * lines + 3
    if freeze is not None:
        ws.freeze_panes = freeze


def wrapped_lines(text: str, width: float, *, bold: bool = False) -> int:
    """How many lines `text` takes wrapped at word boundaries in a column `width` characters wide (a slight
    overestimate: a width counts digits, most letters are narrower, bold ones about as wide)."""
    capacity = max(1.0, width - 1.5 if bold else width * 1.1 - 0.5)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            if used and used + 1 + len(word) > capacity:
                lines += 1
                used = 0.0
            used += (1 if used else 0) + len(word)
            while used > capacity:  # a word longer than the column breaks inside
                lines += 1
                used -= capacity
    return max(1, lines)


def set_widths(ws: Any, widths: Iterable[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(MIN_WIDTH, min(MAX_WIDTH, width))


def header_width(header: str, column: FieldDef | None = None) -> float:
    """A width that shows a header in at most two or three lines, none broken inside a word, and the column's
    typical content."""
    base = {
        "money": 16,
        "date": 12,
        "int": 10,
        "bool": 8,
        "nip": 14,
        "regon": 16,
        "email": 26,
        "text": 30,
        "longtext": 40,
        "choice": 24,
        "multichoice": 30,
    }.get(column.type if column else "", 14)
    longest = max((len(word) for word in header.split()), default=0)  # no header breaks inside a word
    return max(base, min(longest + 2.5, 30), min(len(header) / 2 + 2, 30))


def number_format_of(column: FieldDef, *, currency: bool = False) -> str | None:
    t = column.type
    if t == "money":
        return MONEY_FORMAT if currency else NUMBER_FORMAT
    if t == "decimal":
        return NUMBER_FORMAT
    if t in ("int", "year"):
        return INT_FORMAT
    if t == "date":
        return DATE_FORMAT
    if t in ("nip", "regon", "krs", "phone", "postcode"):
        return TEXT_FORMAT
    return None


def cell_value(column: FieldDef, value: Any, definition: FormDefinition) -> Any:
    """A typed value as a workbook shows it: numbers and dates as such, yes/no and lists by their Polish labels
    (`forms.display.value_text`; several choices separated by "; ", as the import reads them back)."""
    if is_empty(value):
        return None
    t = column.type
    if t in ("bool", "choice", "multichoice"):
        return value_text(definition, column, value, separator="; ")
    if t in ("money", "decimal"):
        return Decimal(value)
    if isinstance(value, (int, dt.date)):
        return value
    return str(value)


def save_workbook(wb: Any, path: Path | str) -> None:
    """Save through a temporary file and rename, so a crash never leaves a half-written workbook."""
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes_atomic(Path(path), buffer.getvalue())
