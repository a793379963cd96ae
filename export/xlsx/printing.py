"""How every sheet we write prints: one mechanism for the members template, the application workbook and the
questionnaires.

`print_setup(ws, title=…)` gives a sheet
- print titles: its header row repeated on every page;
- one page wide, as many pages long as needed (A4; landscape where the columns are wider than a portrait page);
- a header with the workbook's name (application or cluster) and the sheet's name, a footer with "Strona N z M"
  and, where the workbook belongs to an application, the data checksum in its short grouped form;
- rows as high as their wrapped text (LibreOffice does not grow them);
- on data sheets an autofilter from the header row to the last data row and column, and gridlines on paper.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from export.xlsx.writer import LINE_HEIGHT, wrapped_lines
from forms import limits
from forms.document import group_checksum

PAGE_TEXT = "Strona &P z &N"
SHEET_NAME = "&A"  # header/footer code: the sheet's name
CHECKSUM_TEXT = "Suma kontrolna danych: {}"
PORTRAIT_WIDTH = 100.0  # column-width units (characters) that still print legibly on a portrait A4 page
DEFAULT_WIDTH = 8.43  # a column whose width was never set
TITLE_LIMIT = 90  # characters of the name in the header (Excel allows 255 for all parts of a header together)


def header_text(text: str) -> str:
    """Text for a header or footer part: one line, its `&` doubled (a single one starts a code such as &P)."""
    return limits.one_line(text, TITLE_LIMIT).replace("&", "&&")


def checksum_text(checksum: str) -> str:
    """The footer's checksum: the short form people compare (`3f9a-1c02-77be-90d4`)."""
    return CHECKSUM_TEXT.format(group_checksum(checksum))


def sheet_width(ws: Any, last_column: int | None = None) -> float:
    """The printed width of the sheet's visible columns, in column-width units."""
    total = 0.0
    for column in range(1, (last_column or ws.max_column) + 1):
        dim = ws.column_dimensions.get(get_column_letter(column))
        if dim is not None and dim.hidden:
            continue
        total += dim.width if dim is not None and dim.width else DEFAULT_WIDTH
    return total


def fit_row_heights(ws: Any, first_row: int = 1) -> None:
    """An explicit height for every row from `first_row` whose wrapped cells need more than one line and whose
    height was not set: LibreOffice does not grow rows read from .xlsx, so the second line would print over the
    next row. Merged cells are left to their writer."""
    merged = {(r, c) for m in ws.merged_cells.ranges for r, c in m.cells}
    widths: dict[int, float] = {}
    for row in ws.iter_rows(min_row=first_row):
        if not row or ws.row_dimensions[row[0].row].height is not None:
            continue
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text or (cell.row, cell.column) in merged:
                continue
            if cell.column not in widths:
                dim = ws.column_dimensions.get(get_column_letter(cell.column))
                widths[cell.column] = dim.width if dim is not None and dim.width else DEFAULT_WIDTH
            lines = max(lines, wrapped_lines(cell.value, widths[cell.column]))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_HEIGHT * lines + 3
            for cell in row:  # a number beside a text of two lines stands on its first line, not the last
                if cell.value is not None and cell.alignment.vertical is None:
                    old = cell.alignment
                    cell.alignment = Alignment(
                        horizontal=old.horizontal, wrap_text=old.wrap_text, indent=old.indent, vertical="top"
                    )


def print_setup(
    ws: Any,
    *,
    title: str,
    checksum: str | None = None,
    header_row: int | None = 1,
    wide: bool | None = None,
    data: bool = True,
    last_row: int | None = None,
    last_column: int | None = None,
) -> None:
    """Set up how `ws` prints (see the module). `title`: the application's or cluster's name for the header;
    `checksum`: the application's data checksum (a full digest) for the footer, None where the workbook belongs to
    no application; `header_row`: the row repeated on every page (None: no print titles); `wide`: landscape (None:
    when the visible columns are wider than a portrait page); `data`: an autofilter over the header row and the
    data below it; `last_row`/`last_column`: where the data ends when it is not the last written cell (e.g. the
    empty rows of a template)."""
    columns = last_column or ws.max_column
    fit_row_heights(ws, (header_row or 0) + 1)
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    if wide is None:
        wide = sheet_width(ws, columns) > PORTRAIT_WIDTH
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    ws.oddHeader.left.text = header_text(title)
    ws.oddHeader.right.text = SHEET_NAME
    ws.oddFooter.left.text = checksum_text(checksum) if checksum else None
    ws.oddFooter.right.text = PAGE_TEXT
    ws.HeaderFooter.scaleWithDoc = False  # the header stays legible however small the fitted table prints

    if data and header_row is not None:
        rows = max(last_row or ws.max_row, header_row)
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{rows}"
        ws.print_options.gridLines = True
