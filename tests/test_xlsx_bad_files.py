"""Files that are not what they claim: each is refused within seconds with a Polish message naming the file (and the
row and column where that applies), and the register stays exactly as it was."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import run
from export.xlsx.members_import import read_members
from export.xlsx.safety import MAX_ROWS, OLE2_MAGIC, XlsxFileError
from tests.test_xlsx_import import db_dump

SHEET = "xl/worksheets/sheet1.xml"


def small_workbook() -> bytes:
    wb = Workbook()
    wb.active.append(["Nazwa członka", "NIP", "Rodzaj podmiotu"])
    wb.active.append(["Alfa", "5261040828", "mikro"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, content: bytes | None = None, *, chunks=None, level: int = 1) -> bytes:
    """The same zip with one member's content replaced (from bytes or streamed from `chunks`)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst,
    ):
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
            elif chunks is not None:
                with dst.open(name, "w", force_zip64=False) as fh:
                    for chunk in chunks:
                        fh.write(chunk)
            else:
                dst.writestr(name, content)
    return out.getvalue()


def declare_size(data: bytes, name: str, size: int) -> bytes:
    """Patch the central directory so that `name` claims to inflate to `size` bytes (a zip bomb's directory)."""
    raw = bytearray(data)
    pos = raw.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len].decode() == name:
            struct.pack_into("<I", raw, pos + 24, size)
            return bytes(raw)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(name)


def sheet_rows(rows: int, dimension: bool) -> list[bytes]:
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (f'<dimension ref="A1:B{rows}"/>' if dimension else "")
        + "<sheetData>"
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nazwa członka</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Liczba pracowników</t></is></c></row>'
    )
    body = [head.encode()]
    block = 50_000
    for start in range(2, rows + 1, block):
        body.append(
            "".join(
                f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(start, min(rows, start + block - 1) + 1)
            ).encode()
        )
    body.append(b"</sheetData></worksheet>")
    return body


def refused(path: Path, definition) -> XlsxFileError:
    start = time.perf_counter()
    with pytest.raises(XlsxFileError) as info:
        read_members(path, definition)
    assert time.perf_counter() - start < 5
    assert f"plik „{path.name}”" in str(info.value)
    return info.value


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notatki.xlsx", b"Nazwa;NIP\nAlfa;5261040828\n", "to nie jest skoroszyt Excel (.xlsx)"),
        ("pusty.xlsx", b"", "plik jest pusty"),
        (
            "stary.xls",
            OLE2_MAGIC + b"\0" * 4000 + "Workbook".encode("utf-16-le") + b"\0" * 600,
            "to plik w starym formacie Excel 97-2003 (.xls)",
        ),
        (
            "tajny.xlsx",
            OLE2_MAGIC + b"\0" * 4000 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600,
            "skoroszyt jest zabezpieczony hasłem",
        ),
        ("obcy.xlsx", None, "to archiwum zip, ale nie skoroszyt Excel (.xlsx)"),
        ("urwany.xlsx", b"PK\x03\x04" + b"\0" * 100, "plik jest uszkodzony (niepoprawne archiwum .xlsx)"),
    ],
)
def test_not_a_workbook(tmp_path, definition, name, content, message):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("hello.txt", "zwykłe archiwum")
        content = buffer.getvalue()
    path = tmp_path / name
    path.write_bytes(content)
    assert message in refused(path, definition).reason


def test_ods_and_broken_xml(tmp_path, definition):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    (tmp_path / "calc.xlsx").write_bytes(buffer.getvalue())
    assert refused(tmp_path / "calc.xlsx", definition).reason.startswith("to arkusz LibreOffice (.ods)")
    broken = replace_member(small_workbook(), SHEET, b"<worksheet><sheetData><row r='1'><c")
    (tmp_path / "zepsuty.xlsx").write_bytes(broken)
    reason = refused(tmp_path / "zepsuty.xlsx", definition).reason
    assert "plik jest uszkodzony lub niezgodny z formatem .xlsx" in reason
    entity = replace_member(
        small_workbook(), "xl/workbook.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>'
    )
    (tmp_path / "encje.xlsx").write_bytes(entity)
    assert "plik jest uszkodzony" in refused(tmp_path / "encje.xlsx", definition).reason


def test_a_sheet_damaged_past_its_start_is_refused_as_damaged(tmp_path, definition):
    """Its start (the declared size) reads, its rows are cut off: found only while reading, still a refusal."""
    data = small_workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read(SHEET)
    (tmp_path / "obciety.xlsx").write_bytes(replace_member(data, SHEET, xml[:-60]))
    assert str(refused(tmp_path / "obciety.xlsx", definition)) == (
        "plik „obciety.xlsx”: nie można odczytać skoroszytu: plik jest uszkodzony lub niezgodny z formatem .xlsx "
        "(ParseError)"
    )


def test_zip_bomb_is_refused_from_its_directory_before_inflating(tmp_path, definition):
    bomb = declare_size(small_workbook(), SHEET, 3_000_000_000)
    (tmp_path / "bomba.xlsx").write_bytes(bomb)
    error = refused(tmp_path / "bomba.xlsx", definition)
    assert "rozpakowuje się do 2861 MB" in error.reason
    ratio = replace_member(small_workbook(), SHEET, chunks=[b" " * 1_000_000] * 20, level=9)
    assert len(ratio) < 200_000
    (tmp_path / "proporcja.xlsx").write_bytes(ratio)
    assert "plik może być „bombą zip”" in refused(tmp_path / "proporcja.xlsx", definition).reason


@pytest.mark.parametrize("dimension", [True, False])
def test_a_sheet_of_a_million_rows_is_refused_quickly(tmp_path, definition, dimension):
    if dimension:
        data = replace_member(small_workbook(), SHEET, chunks=sheet_rows(1_000_000, True))
    else:  # without a declared size the limit is met while reading, still within seconds
        data = replace_member(small_workbook(), SHEET, chunks=sheet_rows(MAX_ROWS + 50, False))
    path = tmp_path / "milion.xlsx"
    path.write_bytes(data)
    error = refused(path, definition)
    if dimension:
        assert (
            str(error) == "plik „milion.xlsx” (arkusz „Sheet”): arkusz ma 1 000 000 wierszy; dozwolone najwyżej 20 000"
        )
    else:
        assert (
            str(error) == f"plik „milion.xlsx” (arkusz „Sheet”, wiersz {MAX_ROWS + 1}): arkusz ma ponad 20 000 wierszy"
        )


def test_no_header_row(tmp_path, definition):
    wb = Workbook()
    for i in range(40):
        wb.active.append([f"tekst {i}", i])
    wb.save(tmp_path / "bez_naglowkow.xlsx")
    assert refused(tmp_path / "bez_naglowkow.xlsx", definition).reason.startswith(
        "nie znaleziono wiersza nagłówków tabeli „Rejestr członków” w pierwszych 30 wierszach"
    )


def test_wrong_types_in_every_cell_reject_every_row_and_leave_the_database(
    tmp_path, definition, repo, app_id, db_path, capsys
):
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "Nazwa członka",
            "NIP",
            "REGON",
            "Rodzaj podmiotu",
            "Województwo",
            "Data przystąpienia do klastra",
            "Liczba pracowników",
            "Przychody ze sprzedaży",
            "Przychody z eksportu",
            "B+R",
            "ISO",
            "Start-up technologiczny",
            "E-mail kontaktowy",
        ]
    )
    for i in range(20):
        ws.append(
            [
                f"Firma {i}",
                "NIP?",
                "12",
                "prawie duża",
                99,
                "wczoraj",
                "dużo",
                "sporo",
                True,
                "chyba",
                "2021-13-01",
                7,
                "brak@",
            ]
        )
    path = tmp_path / "zle_typy.xlsx"
    wb.save(path)
    preview = read_members(path, definition)
    assert len(preview.rows) == 20
    assert all({p.column for p in r.problems} == set("BCDEFGHIJKLM") for r in preview.rows)
    first = [p.text() for p in preview.rows[0].problems]
    assert (
        first[0] == "wiersz 2, kolumna B („NIP”): „NIP?”: niedozwolone znaki (numer ma 10 cyfr; myślniki i spacje "
        "są dozwolone)"
    )
    assert (
        first[8] == "wiersz 2, kolumna J („B+R”): „chyba” nie jest odpowiedzią tak/nie (dozwolone: tak, nie, T, "
        "N, x, 1, 0)"
    )
    before = db_dump(db_path)
    lines: list[str] = []
    assert run(["--db", str(db_path), "members-import", str(app_id), str(path)], lines.append) == 1
    assert lines[1] == "Dodano: 0, zaktualizowano: 0, odrzucono: 20."
    assert db_dump(db_path) == before


def test_cli_bad_file_exit_2_one_line_naming_the_file(tmp_path, repo, app_id, db_path, capsys):
    path = tmp_path / "stary.xls"
    path.write_bytes(OLE2_MAGIC + b"\0" * 2000)
    before = db_dump(db_path)
    assert run(["--db", str(db_path), "members-import", str(app_id), str(path)], print) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "Błąd: plik „stary.xls”: to plik w starym formacie Excel 97-2003 (.xls); otwórz go w Excelu lub "
        "LibreOffice i zapisz jako „Skoroszyt programu Excel (.xlsx)”"
    ]
    assert db_dump(db_path) == before


def test_a_wrong_declared_size_neither_truncates_nor_inflates(tmp_path, definition):
    import re

    wb = Workbook()
    wb.active.append(["Nazwa członka", "Rodzaj podmiotu"])
    for i in range(5):
        wb.active.append([f"Firma {i}", "mikro"])
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    xml = zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    small = re.sub(r'<dimension ref="[^"]+"\s*/>', '<dimension ref="A1:B2"/>', xml)
    assert small != xml
    (tmp_path / "wymiar.xlsx").write_bytes(replace_member(data, SHEET, small.encode()))
    assert [r.data["name"] for r in read_members(tmp_path / "wymiar.xlsx", definition).rows] == [
        f"Firma {i}" for i in range(5)
    ]
    lying = declare_size(data, SHEET, 100)  # says 100 bytes, holds more: read no further, refused as broken
    (tmp_path / "klamie.xlsx").write_bytes(lying)
    assert "plik jest uszkodzony" in refused(tmp_path / "klamie.xlsx", definition).reason
