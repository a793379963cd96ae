"""One cell and one header at a time: how the values and headers people write are read (pure, no files)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from export.xlsx.headers import HeaderMatcher, Target, find_header_row, norm
from export.xlsx.writer import set_cell
from forms.cells import CellError, check_cell, parse_cell


@pytest.fixture(scope="module")
def members(definition):
    return definition.table("members")


@pytest.mark.parametrize(
    ("column", "raw", "expected"),
    [
        ("sales_pln", "1 234 567,89", Decimal("1234567.89")),
        ("sales_pln", "1.234.567,89 zł", Decimal("1234567.89")),
        ("sales_pln", "1\u00a0234\u00a0567,89\u00a0zł", Decimal("1234567.89")),
        ("sales_pln", "1234567.89", Decimal("1234567.89")),
        ("sales_pln", 1234567.89, Decimal("1234567.89")),
        ("sales_pln", 0.1 + 0.2, Decimal("0.30")),
        ("sales_pln", 2500000, Decimal("2500000.00")),
        ("sales_pln", "-", None),
        ("employees", "12", 12),
        ("employees", 12.0, 12),
        ("employees", "1 250", 1250),
        ("nip", "526-104-08-28", "5261040828"),
        ("nip", "PL 526 104 08 28", "5261040828"),
        ("nip", 5261040828, "5261040828"),
        ("joined_on", "05.03.2021", dt.date(2021, 3, 5)),
        ("joined_on", "5.3.2021", dt.date(2021, 3, 5)),
        ("joined_on", "2021-03-05 00:00:00", dt.date(2021, 3, 5)),
        ("joined_on", dt.datetime(2021, 3, 5, 0, 0), dt.date(2021, 3, 5)),
        ("joined_on", 44260, dt.date(2021, 3, 5)),  # an Excel serial day in a cell without a date format
        ("type", "Mikro", "micro"),
        ("type", "ŚREDNIE PRZEDSIĘBIORSTWO", "medium"),
        ("type", "large", "large"),
        ("voivodeship", "woj. Łódzkie", "10"),
        ("voivodeship", 2, "02"),
        ("voivodeship", "malopolskie", "12"),
        ("mgmt_systems", "ERP; crm / BI", ("erp", "crm", "bi")),
        ("industry40", "druk 3D, Internet rzeczy (IoT)", ("iot", "printing_3d")),
        ("contact_email", "mailto:biuro@firma.pl", "biuro@firma.pl"),
        ("name", "  Firma\u0301 ", "Firm\u00e1"),  # NFC, trimmed
    ],
)
def test_cells_people_write(definition, members, column, raw, expected):
    assert parse_cell(members.column(column), raw, definition) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tak", True),
        ("T", True),
        ("x", True),
        ("X", True),
        (1, True),
        (True, True),
        ("1", True),
        ("Tak ", True),
        ("nie", False),
        ("N", False),
        (0, False),
        ("0", False),
        (False, False),
        ("", None),
        (None, None),
        ("  ", None),
    ],
)
def test_yes_no(definition, members, raw, expected):
    assert parse_cell(members.column("rd"), raw, definition) is expected


@pytest.mark.parametrize(
    ("column", "raw", "message"),
    [
        ("sales_pln", "#DIV/0!", "komórka zawiera błąd Excela #DIV/0!; wpisz liczbę"),
        ("sales_pln", "12,345", "„12,345”: kwota w złotych może mieć najwyżej 2 miejsca po przecinku"),
        ("sales_pln", dt.date(2021, 1, 1), "„01.01.2021” to data, a oczekiwano liczby"),
        ("employees", True, "„PRAWDA” nie jest liczbą"),
        ("type", "ma", "„ma” nie ma na liście"),
        ("joined_on", "2021/13/45", "„2021/13/45” nie jest datą"),
    ],
)
def test_cells_refused_with_a_reason(definition, members, column, raw, message):
    with pytest.raises(CellError) as info:
        parse_cell(members.column(column), raw, definition)
    assert str(info.value).startswith(message)


def test_checks_of_the_column_follow_reading(definition, members):
    assert check_cell(members.column("nip"), "526-104-08-29", definition)[1].startswith("„5261040829”: błędna cyfra")
    assert check_cell(members.column("name"), "x" * 301, definition)[1].startswith("za długi tekst: 301 znaków")
    assert (
        check_cell(members.column("joined_on"), "01.01.1850", definition)[1]
        == "01.01.1850: dozwolone są daty od 01.01.1900 do 31.12.2100"
    )


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Nazwa firmy", Target("name")),
        ("NAZWA CZŁONKA *", Target("name")),
        ("nazwa czlonka", Target("name")),
        ("Member name", Target("name")),
        ("NIP firmy", Target("nip")),
        ("Przychody", Target("sales_pln")),
        ("Przychody 2024 r. (w zł)", Target("sales_pln")),
        ("Przychody z eksportu 2024", Target("export_pln")),
        ("Wdrożone normy ISO – jakie", Target("iso_norms")),
        ("Wdrożone normy ISO", Target("iso")),
        ("B + R", Target("rd")),
        ("Stosowane systemy zarządzania: CRM", Target("mgmt_systems", "crm")),
        ("Systemy zarządzania – WMS", Target("mgmt_systems", "wms")),
        ("Big Data", Target("industry40", "big_data")),
        ("Uwagi", None),
        ("Lp.", None),
    ],
)
def test_headers_match_by_normalised_name_and_synonyms(definition, members, header, target):
    assert HeaderMatcher(members, definition).match(header) == target


def test_header_row_below_titles_and_duplicates(definition, members):
    matcher = HeaderMatcher(members, definition)
    rows = [
        (1, ("Rejestr członków",)),
        (2, ("stan na 31.12.2024", None)),
        (3, ()),
        (4, ("Lp.", "Nazwa", "NIP", "Przychody", "Przychody 2023")),
        (5, (1, "Alfa", "5261040828", 1, 2)),
    ]
    number, cells = find_header_row(rows, matcher)
    assert number == 4
    matches = matcher.match_row(cells)
    assert [(m.letter, m.target and m.target.spec, m.reason) for m in matches] == [
        ("A", None, "nieznana kolumna"),
        ("B", "name", ""),
        ("C", "nip", ""),
        ("D", "sales_pln", ""),
        ("E", None, "„Przychody ze sprzedaży w roku referencyjnym (PLN)” jest już w kolumnie D"),
    ]
    assert norm("  Województwo (PLN) 2024 r. ") == "wojewodztwo"


def test_set_cell_keeps_formula_text_as_text():
    from openpyxl import Workbook

    ws = Workbook().active
    for i, text in enumerate(["=1+1", "+48", "-5", "@A1", "zwykły", "\x07dzwonek"], start=1):
        set_cell(ws, i, 1, text)
    assert [ws.cell(row=i, column=1).data_type for i in range(1, 7)] == ["s"] * 6
    assert [ws.cell(row=i, column=1).quotePrefix for i in range(1, 5)] == [True] * 4
    assert ws["A6"].value == "dzwonek"
