"""Every workbook prints: the members template, the application workbook and the questionnaires repeat their header
row, print one page wide (landscape where wide), carry a header with the application's or cluster's name and a
footer with the page and, where the workbook belongs to an application, the data checksum; data sheets have an
autofilter over their data. Where LibreOffice is installed, the converted PDF is checked page by page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from export.xlsx.members_template import write_members_template
from export.xlsx.printing import PAGE_TEXT, fit_row_heights, print_setup, sheet_width
from export.xlsx.questionnaires import write_questionnaires
from export.xlsx.workbook import write_application_xlsx
from export.xlsx.writer import wrapped_lines
from forms.document import group_checksum
from tests.conftest import TODAY, build_complete_document
from tests.test_xlsx_questionnaires import small_doc

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")


def assert_one_page_wide(ws, orientation: str = "landscape") -> None:
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == orientation and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.oddFooter.right.text == PAGE_TEXT and ws.oddHeader.right.text == "&A"


def visible(wb) -> list:
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def test_application_workbook_prints_every_sheet_with_titles_filter_and_checksum(tmp_path, repo, app_id):
    doc = repo.load(app_id)
    info = repo.info(app_id)
    path = tmp_path / "wniosek.xlsx"
    write_application_xlsx(doc, info, path, sources=repo.row_sources(app_id, "members"), today=TODAY)
    checksum = info.checksum or doc.checksum()
    wb = load_workbook(path)
    sheets = visible(wb)
    assert len(sheets) == len(wb.worksheets) >= 6
    for ws in sheets:
        assert_one_page_wide(ws)  # every sheet of the application is wider than a portrait page
        assert ws.oddHeader.left.text == "Wniosek o status KKK – Mazowiecki Klaster Testowy"
        assert ws.oddFooter.left.text == f"Suma kontrolna danych: {group_checksum(checksum)}"
        if ws.title == "Podsumowanie":  # a list of facts: no header row, no filter
            assert ws.print_title_rows is None and ws.auto_filter.ref is None
            continue
        assert ws.print_title_rows == "$1:$1"
        assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{max(ws.max_row, 1)}"
    # LibreOffice does not grow rows read from .xlsx: wrapped headers and texts have explicit heights
    fields = wb["Dane wniosku"]
    long_label = next(c.row for c in fields["C"] if c.value and len(str(c.value)) > 60)
    assert fields.row_dimensions[long_label].height >= 33 and fields.row_dimensions[2].height is None
    members = wb["Rejestr członków"]
    assert members.row_dimensions[1].height >= 33
    assert members.auto_filter.ref == f"A1:{get_column_letter(members.max_column)}{1 + len(doc.rows('members'))}"
    assert members.freeze_panes == "B2" and members.print_options.gridLines


def test_members_template_prints_and_filters_its_empty_rows(tmp_path, definition):
    path = tmp_path / "szablon.xlsx"
    write_members_template(definition, path, rows=300)
    wb = load_workbook(path)
    assert [ws.title for ws in visible(wb)] == ["Członkowie", "Instrukcja"]
    ws = wb["Członkowie"]
    assert_one_page_wide(ws)
    assert ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}301"  # the rows to fill included
    title = f"Rejestr członków – szablon (runda {definition.id}, wersja {definition.version})"
    assert ws.oddHeader.left.text == title
    assert ws.oddFooter.left.text is None  # a template belongs to no application: no checksum
    instructions = wb["Instrukcja"]
    assert_one_page_wide(instructions)
    header = next(c.row for c in instructions["A"] if c.value == "Kolumna")
    assert instructions.print_title_rows == f"${header}:${header}" and instructions.auto_filter.ref is None


def test_questionnaire_prints_one_page_wide_with_the_cluster_and_member(tmp_path, definition):
    files = write_questionnaires(small_doc(definition), tmp_path)
    wb = load_workbook(files[0])
    assert [ws.title for ws in visible(wb)] == ["Ankieta"]
    ws = wb["Ankieta"]
    assert_one_page_wide(ws)
    assert ws.print_title_rows == "$7:$7" and ws.auto_filter.ref is None  # a protected form, not a data table
    assert ws.oddHeader.left.text == "Ankieta: Alfa sp. z o.o. – klaster „Klaster Ankietowy”"
    assert ws.print_area == f"'Ankieta'!$A$1:$E${ws.max_row}"


def test_print_setup_is_portrait_for_narrow_sheets_and_escapes_ampersands():
    ws = Workbook().active
    for column, width in enumerate((20, 30, 20), start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
        ws.cell(row=1, column=column, value=f"k{column}")
    ws.cell(row=5, column=2, value="x")
    assert sheet_width(ws) == 70
    print_setup(ws, title="Klaster A&B", checksum="0123456789abcdef" * 4, header_row=1)
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.fitToWidth == 1
    assert ws.oddHeader.left.text == "Klaster A&&B" and ws.auto_filter.ref == "A1:C5"
    assert ws.oddFooter.left.text == "Suma kontrolna danych: 0123-4567-89ab-cdef"
    ws.cell(row=3, column=1, value="słowo " * 10).alignment = Alignment(wrap_text=True)
    ws.cell(row=3, column=2, value=7)
    fit_row_heights(ws, 2)
    assert ws.row_dimensions[3].height == 15 * 4 + 3  # three words a line in 20 characters
    assert ws.row_dimensions[5].height is None
    assert ws.cell(row=3, column=2).alignment.vertical == "top"  # the number beside it on the first line
    assert wrapped_lines("Liczba pracowników", 12) == 2 and wrapped_lines("x" * 30, 10, bold=True) == 4
    ws.column_dimensions["D"].width = 40
    ws.column_dimensions["D"].hidden = True
    ws.cell(row=1, column=4, value="ukryta")
    print_setup(ws, title="x")  # a hidden column does not make the sheet wide
    assert ws.page_setup.orientation == "portrait"
    print_setup(ws, title="x", wide=True, data=False, header_row=None)
    assert ws.page_setup.orientation == "landscape"


# LibreOffice ------------------------------------------------------------------------------------------------
def convert(files: list[Path], out: Path) -> list[Path]:
    proc = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{out / 'profile'}", "--convert-to", "pdf"]
        + ["--outdir", str(out)]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr
    pdfs = [out / f"{f.stem}.pdf" for f in files]
    assert all(p.exists() for p in pdfs), (proc.stdout, proc.stderr)
    return pdfs


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_application_and_the_template_one_page_wide(tmp_path, definition):
    pypdf = pytest.importorskip("pypdf")
    doc = build_complete_document(definition)
    sources = tmp_path / "in"
    sources.mkdir()
    application, template = sources / "wniosek.xlsx", sources / "szablon.xlsx"
    write_application_xlsx(doc, None, application, today=TODAY)
    write_members_template(definition, template, rows=60)
    pdf_app, pdf_template = convert([application, template], tmp_path / "pdf")

    reader = pypdf.PdfReader(pdf_app)
    sheets = len(load_workbook(application).worksheets)
    # one page wide: every sheet of 51 members and a dozen tables on a handful of pages, never columns cut off
    assert sheets <= len(reader.pages) <= 3 * sheets
    short = group_checksum(doc.checksum())
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert float(box.width) > float(box.height), f"page {number} is not landscape"
        text = page.extract_text()
        assert f"Suma kontrolna danych: {short}" in text, f"page {number}"
        assert "Wniosek o status KKK – Mazowiecki Klaster Testowy" in text
        assert "Strona " in text and f" z {len(reader.pages)}" in text
    members = next(p.extract_text() for p in reader.pages if "Nazwa członka" in p.extract_text())
    assert "Zaimportowano" in members  # the last column is on the same page as the first

    reader = pypdf.PdfReader(pdf_template)
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) <= 6 and all(t.strip() for t in texts)  # no blank page (LibreOffice's sign of a too-wide sheet)
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    assert "Nazwa członka *" in texts[0] and "Rejestr członków – szablon" in texts[0] and "Strona 1 z " in texts[0]
    ws = load_workbook(template)["Członkowie"]
    last_header = str(ws.cell(row=1, column=ws.max_column).value).split()[0]
    assert last_header in texts[0] and "Członkowie" not in texts[1]  # the register: one page, all its columns

    if PDFTOPPM is not None:  # a picture of the members page to look at (kept next to the PDF)
        members_page = next(
            i for i, p in enumerate(pypdf.PdfReader(pdf_app).pages, 1) if "Zaimportowano" in (p.extract_text())
        )
        subprocess.run(
            [PDFTOPPM, "-png", "-r", "60", "-f", str(members_page), "-l", str(members_page), str(pdf_app)]
            + [str(tmp_path / "pdf" / "strona")],
            check=True,
            timeout=60,
        )
        assert list((tmp_path / "pdf").glob("strona*.png"))
