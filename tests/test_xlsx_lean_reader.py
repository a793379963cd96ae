"""The lean reader of returned questionnaires (export/xlsx/lean_reader.py): the same values as openpyxl for the same
file (our questionnaires filled in, the same re-saved by LibreOffice, workbooks written part by part as other
programs write them: shared and inline strings, rich text, numbers, booleans, dates as serials in either calendar,
errors, formulas), openpyxl taking over what it does not read, and hostile or damaged files refused."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference

from export.xlsx import lean_reader
from export.xlsx.lean_reader import Unsupported, open_lean
from export.xlsx.questionnaires import _read_book, read_questionnaire, scan_folder, write_questionnaires
from export.xlsx.safety import MAX_ROWS, XlsxFileError, iter_values, open_workbook, read_checked
from tests.conftest import make_nip, store
from tests.test_xlsx_bad_files import replace_member
from tests.test_xlsx_questionnaires import EMPLOYEES, EXPORT, SALES, fill, small_doc

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ANSWERS = {  # every kind of value a member's program may leave in an answer cell
    SALES: Decimal("1500000.25"),
    EXPORT: 250000,
    EMPLOYEES: "=1+1",  # a formula without a computed value
    "Data przystąpienia do klastra": dt.date(2020, 2, 1),
    "Województwo": "Małopolskie",
    "Prowadzi działalność B+R": True,
    "mgmt_systems:erp": "tak",
    "mgmt_systems:crm": 0,
    "industry40:cloud": 1.0,
    "Nazwa członka": "Alfa\tsp. z o.o. 🚀",
    "_filled_by": "Jan Nowak",
}


def everything(wb, file_name: str) -> dict:
    """What a reader gives: the sheets (title, visibility, declared rows) and every sheet's rows of values."""
    out: dict = {"sheets": [(ws.title, ws.sheet_state, ws.max_row) for ws in wb.worksheets]}
    out["names"] = list(wb.sheetnames)
    for ws in wb.worksheets:
        out[ws.title] = list(iter_values(ws, file_name, max_rows=MAX_ROWS, max_columns=6))
    out["modified"] = wb.properties.modified
    return out


def both(path: Path) -> tuple[dict, dict]:
    source = read_checked(path)
    with open_lean(source) as wb:
        lean = everything(wb, source.file_name)
    with open_workbook(source) as wb:
        full = everything(wb, source.file_name)
    return lean, full


@pytest.fixture
def returned(tmp_path, repo, definition) -> list[Path]:
    """The questionnaires of a small register, the first two filled in with every kind of answer."""
    app = store(repo, small_doc(definition), "Klaster Ankietowy")
    files = write_questionnaires(repo.load(app), tmp_path / "q", app_uuid=repo.info(app).uuid)
    fill(files[0], ANSWERS)
    fill(files[1], {EMPLOYEES: 12, SALES: "1 000,50", "Prowadzi działalność B+R": "N", "NIP": make_nip(2)})
    return files


# The same values as openpyxl ----------------------------------------------------------------------------------
def test_our_questionnaires_read_the_same_as_with_openpyxl(returned, definition):
    for path in returned:
        lean, full = both(path)
        assert lean == full, path.name
        assert [s[:2] for s in lean["sheets"]] == [
            ("Ankieta", "visible"),
            ("Listy", "hidden"),
            ("_klaster", "veryHidden"),
        ]
    lean, _full = both(returned[0])
    answers = {values[1] for _n, values in lean["Ankieta"]}
    assert {1500000.25, 250000, dt.datetime(2020, 2, 1), True, "Alfa\tsp. z o.o. 🚀"} <= answers
    for path in returned:  # and what the questionnaire makes of them
        source = read_checked(path)
        with open_lean(source) as wb:
            lean_book = _read_book(wb, source.file_name, path)
        with open_workbook(source) as wb:
            full_book = _read_book(wb, source.file_name, path)
        assert lean_book == full_book


def test_a_folder_of_our_questionnaires_is_read_without_openpyxl(returned, definition, monkeypatch):
    def no_openpyxl(*_args, **_kwargs):
        raise AssertionError("a questionnaire was opened with openpyxl")

    monkeypatch.setattr(lean_reader, "open_workbook", no_openpyxl)
    returns = scan_folder(returned[0].parent, definition)
    assert [r.error for r in returns] == [None] * len(returned)
    assert returns[0].preview.rows[0].data["sales_pln"] == Decimal("1500000.25") and returns[0].answered


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_questionnaire_resaved_by_libreoffice_reads_the_same(returned, definition, tmp_path):
    out = tmp_path / "lo"
    proc = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile"]
        + ["--convert-to", "xlsx", "--outdir", str(out), str(returned[0]), str(returned[1])],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    for original in returned[:2]:
        resaved = out / original.name
        with zipfile.ZipFile(resaved) as z:
            assert "xl/sharedStrings.xml" in z.namelist()  # LibreOffice's strings are shared, not inline
        lean, full = both(resaved)
        assert lean == full
        source = read_checked(resaved)
        with open_lean(source) as wb:  # the lean reader itself reads it (no fallback to openpyxl)
            assert wb["_klaster"].sheet_state == "hidden"  # LibreOffice keeps "very hidden" as hidden
            everything(wb, source.file_name)
        before, after = read_questionnaire(original, definition), read_questionnaire(resaved, definition)
        assert after.error is None and after.member_uid == before.member_uid
        assert after.preview.sheet == "Ankieta" and after.preview.header_row == before.preview.header_row
        computed = {"employees": 2} if original == returned[0] else {}  # LibreOffice computed "=1+1": its value
        assert after.preview.rows[0].data == before.preview.rows[0].data | computed
        assert after.preview.rows[0].options == before.preview.rows[0].options
        assert [p.message for p in after.preview.problems] == [p.message for p in before.preview.problems]
        assert after.filled_by == before.filled_by and after.answered == before.answered


# Workbooks written part by part ---------------------------------------------------------------------------------
def package(
    sheets: list[tuple[str, str, str]],
    *,
    shared: list[str] = (),
    formats: str = "",
    xfs: tuple[int, ...] = (0,),
    date1904: bool = False,
    modified: str | None = "2025-03-02T12:00:00Z",
) -> bytes:
    """A workbook as another program may write it: (title, state, sheetData rows) per sheet, shared strings
    (as <si> contents), custom number formats and the number format of each cell style."""
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    rels += (
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/>'
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' + overrides + "</Types>",
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships"><workbookPr date1904="{"true" if date1904 else "false"}"/><sheets>'
        + "".join(
            f'<sheet name="{title}" sheetId="{i}" state="{state}" r:id="rId{i}"/>'
            for i, (title, state, _rows) in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{rels}</Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}"><numFmts>{formats}</numFmts><fonts count="1"><font/></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/>'
        "</cellStyleXfs><cellXfs>"
        + "".join(f'<xf numFmtId="{n}" applyNumberFormat="1"/>' for n in xfs)
        + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>",
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">' + "".join(f"<si>{s}</si>" for s in shared) + "</sst>",
    }
    if modified is not None:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>'
        )
    for i, (_title, _state, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text if isinstance(text, bytes) else text.encode("utf-8"))
    return out.getvalue()


QUESTIONNAIRE_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Odp</t></r>'
    "<r><rPr><b/></rPr><t>owiedź</t></r></is></c></row>"
    f'<row r="2"><c r="A2" t="inlineStr"><is><t>{EMPLOYEES}</t></is></c><c r="B2"><v>42</v></c></row>'
)
VALUE_ROWS = (
    '<row r="3"><c r="A3" t="inlineStr"><is><t>liczby</t></is></c><c r="B3"><v>4.5</v></c><c r="C3"><v>1E3</v></c>'
    '<c r="D3" s="0"><v>-7</v></c></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>tak/nie</t></is></c><c r="B4" t="b"><v>1</v></c>'
    '<c r="C4" t="b"><v>0</v></c></row>'
    '<row r="5"><c r="A5" t="inlineStr"><is><t>daty</t></is></c><c r="B5" s="1"><v>45000</v></c>'
    '<c r="C5" s="2"><v>45000.5</v></c><c r="D5" s="3"><v>1.5</v></c><c r="E5" s="1"><v>0.25</v></c></row>'
    '<row r="7"><c t="s"><v>1</v></c><c t="str"><f>A1</f><v>wynik</v></c><c t="s"><v>2</v></c></row>'
    '<row><c r="A8" t="e"><v>#N/A</v></c><c r="B8"><f>1+1</f></c><c r="C8" t="d"><v>2024-05-01T00:00:00</v></c>'
    '<c r="D8" t="inlineStr"><is><t xml:space="preserve"> spacje </t></is></c><c r="F8"><v>9</v></c></row>'
)
SHARED = [
    "<r><t>Pyt</t></r><r><rPr><b/></rPr><t>anie</t></r>",  # rich text
    '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>',  # a phonetic reading is not the value
    "<t>ąę_x005F_x000D_</t>",
]
FORMATS = '<numFmt numFmtId="164" formatCode="dd.mm.yyyy hh:mm"/><numFmt numFmtId="165" formatCode="[h]:mm"/>'


def test_strings_numbers_booleans_dates_errors_and_formulas_of_other_programs(tmp_path, definition):
    data = package(
        [
            ("Instrukcja", "visible", '<row r="1"><c r="A1" t="inlineStr"><is><t>Jak wypełnić</t></is></c></row>'),
            ("Dane", "hidden", QUESTIONNAIRE_ROWS + VALUE_ROWS),
        ],
        shared=SHARED,
        formats=FORMATS,
        xfs=(0, 14, 164, 165),
    )
    path = tmp_path / "inny_program.xlsx"
    path.write_bytes(data)
    lean, full = both(path)
    assert lean == full
    rows = dict(lean["Dane"])
    assert lean["sheets"] == [("Instrukcja", "visible", None), ("Dane", "hidden", None)]
    assert rows[1][:2] == ("Pytanie", "Odpowiedź") and rows[2][:2] == (EMPLOYEES, 42)
    assert rows[3][1:4] == (4.5, 1000.0, -7) and isinstance(rows[3][2], float) and isinstance(rows[3][3], int)
    assert rows[4][1:3] == (True, False)
    assert rows[5][1:5] == (dt.datetime(2023, 3, 15), dt.datetime(2023, 3, 15, 12), dt.timedelta(hours=36), dt.time(6))
    assert rows[6] == (None,) * 6  # a missing row
    assert rows[7][:3] == ("漢字", "wynik", "ąę_x000D_")  # openpyxl's unescaping of "_x005F_"
    assert rows[8] == ("#N/A", None, dt.datetime(2024, 5, 1), " spacje ", None, 9)
    assert lean["modified"] == dt.datetime(2025, 3, 2, 12, 0)
    ret = read_questionnaire(path, definition)  # a questionnaire on a hidden second sheet, without our map
    assert ret.error is None and ret.preview.sheet == "Dane" and ret.preview.rows[0].data == {"employees": 42}


def test_dates_in_the_1904_calendar(tmp_path):
    rows = '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>366</v></c><c r="C1"><v>1</v></c></row>'
    path = tmp_path / "mac.xlsx"
    path.write_bytes(package([("Arkusz", "visible", rows)], xfs=(0, 14), date1904=True))
    lean, full = both(path)
    assert lean == full and lean["Arkusz"] == [
        (1, (dt.datetime(1904, 1, 2), dt.datetime(1905, 1, 1), 1, None, None, None))
    ]


def test_without_a_saved_time_the_files_time_is_taken(tmp_path, definition):
    path = tmp_path / "bez_daty.xlsx"
    path.write_bytes(package([("Ankieta", "visible", QUESTIONNAIRE_ROWS)], shared=SHARED, modified=None))
    os.utime(path, (1_700_000_000, 1_700_000_000))
    with open_lean(read_checked(path)) as wb:
        assert wb.properties.modified is None  # (openpyxl would say "now")
    assert read_questionnaire(path, definition).saved_at == dt.datetime.fromtimestamp(1_700_000_000)


# What the lean reader leaves to openpyxl ----------------------------------------------------------------------
def test_what_the_lean_reader_does_not_read_openpyxl_does(returned, definition, tmp_path):
    wb = load_workbook(returned[0])
    wb.security = None
    chart = BarChart()
    chart.add_data(Reference(wb["_klaster"], min_col=1, min_row=1, max_row=2))
    wb.create_chartsheet("Wykres").add_chart(chart)  # a chart sheet: not read by the lean reader
    path = tmp_path / returned[0].name
    wb.save(path)
    with pytest.raises(Unsupported), open_lean(read_checked(path)):
        pass
    before, after = read_questionnaire(returned[0], definition), read_questionnaire(path, definition)
    assert after.error is None and after.preview.rows[0].data == before.preview.rows[0].data


def changed_byte(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    """The workbook with its parts stored uncompressed and `old` changed to `new` in `part`: a wrong CRC."""
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(stored, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info), zipfile.ZIP_STORED)
    raw = stored.getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        info = z.getinfo(part)
    at = raw.index(old, info.header_offset + 30 + len(part))
    assert at < info.header_offset + 30 + len(part) + info.compress_size
    return raw[:at] + new + raw[at + len(old) :]


def test_a_damaged_part_is_read_by_openpyxl_and_reported_as_damaged(returned, definition, tmp_path):
    data = returned[0].read_bytes()
    meta = "xl/worksheets/sheet3.xml"  # the hidden map, read to its end
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read(meta)
    broken_at_start = tmp_path / "zle_xml.xlsx"
    broken_at_start.write_bytes(replace_member(data, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row r='1'>"))
    broken_further = tmp_path / "obciety_arkusz.xlsx"  # its dimension is fine, its XML is cut off near the end
    broken_further.write_bytes(replace_member(data, meta, xml[:-300]))
    bad_map, bad_answer = tmp_path / "zla_mapa.xlsx", tmp_path / "zla_odpowiedz.xlsx"
    bad_map.write_bytes(changed_byte(data, meta, b"format_version", b"format_versiom"))
    # an answer changed in a sheet whose data ends long before its part does: found once the part is read to its end
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b"</worksheet>", b"<!--" + b" " * 100_000 + b"--></worksheet>")
    long_tail = replace_member(data, "xl/worksheets/sheet1.xml", sheet)
    bad_answer.write_bytes(changed_byte(long_tail, "xl/worksheets/sheet1.xml", b"Alfa sp.", b"Alfb sp."))
    cases = [(broken_at_start, "Ankieta"), (broken_further, "_klaster"), (bad_map, "_klaster"), (bad_answer, "Ankieta")]
    for path, part in cases:
        source = read_checked(path)  # the door lets it in: the zip's directory is fine
        with pytest.raises(Unsupported), open_lean(source) as wb:
            list(wb[part].iter_rows(max_row=1000, max_col=3, values_only=True))
        ret = read_questionnaire(path, definition)  # openpyxl's reading of it: damaged, never a crash
        assert ret.preview is None and "plik jest uszkodzony lub niezgodny z formatem .xlsx" in ret.error, path.name
    truncated = tmp_path / "obciety.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    assert read_questionnaire(truncated, definition).error == (
        "plik „obciety.xlsx”: plik jest uszkodzony (niepoprawne archiwum .xlsx)"
    )


# Huge and hostile sheets ----------------------------------------------------------------------------------------
def test_a_long_sheet_without_a_declared_size_is_refused_at_the_first_row_too_many(tmp_path, definition):
    rows = QUESTIONNAIRE_ROWS + "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(3, 30_001))
    path = tmp_path / "dlugi.xlsx"
    path.write_bytes(package([("Ankieta", "visible", rows)], shared=SHARED))
    with open_lean(read_checked(path)) as wb:
        ws = wb["Ankieta"]
        assert ws.max_row is None
        with pytest.raises(XlsxFileError) as err:
            for _ in iter_values(ws, path.name, max_rows=1000, max_columns=2):
                pass
    assert err.value.row == 1001
    assert read_questionnaire(path, definition).error == (
        "plik „dlugi.xlsx” (arkusz „Ankieta”, wiersz 1001): arkusz ma ponad 1 000 wierszy"
    )


def test_rows_and_cells_beyond_any_sheet_are_refused_without_reading_on(tmp_path):
    same_row = '<row r="1"/>' * (MAX_ROWS + 1)  # never past the row limit by number, always the same row
    wide = '<row r="1">' + '<c t="b"><v>1</v></c>' * 16_385 + "</row>"
    for name, rows, message in (
        ("powtorzony.xlsx", same_row, "arkusz ma ponad 20 000 wierszy"),
        ("szeroki.xlsx", wide, "wiersz 1 ma ponad 16 384 komórki"),
    ):
        path = tmp_path / name
        path.write_bytes(package([("Ankieta", "visible", rows)]))
        with open_lean(read_checked(path)) as wb, pytest.raises(XlsxFileError, match=message):
            list(iter_values(wb["Ankieta"], name, max_rows=1000, max_columns=2))


LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
@pytest.mark.parametrize("dtd", [LAUGHS, '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'])
def test_entities_further_in_than_the_door_looks_are_refused(tmp_path, definition, part, dtd):
    data = package([("Ankieta", "visible", QUESTIONNAIRE_ROWS.replace(EMPLOYEES, "&d;"))], shared=SHARED)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read(part).decode()
    padding = "<!--" + " " * 8000 + "-->"  # past the first 4 KB the door check reads
    path = tmp_path / "encje.xlsx"
    path.write_bytes(replace_member(data, part, ('<?xml version="1.0"?>' + padding + dtd + xml).encode()))
    source = read_checked(path)  # let in: the declaration is beyond the door's look
    with pytest.raises(XlsxFileError, match="zawiera deklarację DTD albo encje"):
        with open_lean(source) as wb:
            list(wb["Ankieta"].iter_rows(max_row=10, max_col=2, values_only=True))
    assert read_questionnaire(path, definition).error == (
        f"plik „encje.xlsx”: plik jest uszkodzony lub niezgodny z formatem .xlsx (część „{part}” zawiera deklarację "
        "DTD albo encje, niedozwolone w skoroszycie)"
    )
