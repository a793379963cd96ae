"""Members import from the workbooks people really send: every quirk, the exact members and figures that result,
updates by NIP, provenance, and imports that are rejected leaving the database exactly as it was.

The workbooks are generated here; `quirky_workbook` is also used by the GUI tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import run
from export.xlsx.members_import import (
    ImportRejected,
    apply_import,
    build_preview,
    load_sheet,
    plan_import,
    read_members,
)
from export.xlsx.members_template import write_members_template
from models.db import open_database
from models.repository import Repository, RepositoryError
from tests.conftest import make_nip

NEW_NIP, SPARE_NIP = make_nip(100), make_nip(101)
HEADERS = [
    "Lp.",
    "NAZWA FIRMY",
    "Nr NIP",
    "rodzaj podmiotu",
    "Wojewodztwo",
    "Przychody ze sprzedaży 2024 r. (PLN)",
    "Eksport",
    "B+R",
    "Normy ISO",
    "Data przystąpienia",
    "Zatrudnienie",
    "Uwagi",
    "Systemy zarządzania: ERP",
    "CRM",
    "Przemysł 4.0",
    "E-mail",
]


def quirky_workbook(path: Path) -> Path:
    """Title rows, renamed/reordered/extra columns, Polish numbers as text, NIPs with dashes and as numbers,
    tak/nie/T/N/x/1/0, Excel dates and dd.mm.rrrr, wrong cells, a totals row, blank and trailing note rows."""
    wb = Workbook()
    wb.active.title = "Instrukcja"
    wb.active["A1"] = "Wypełnij arkusz „Dane”."
    ws = wb.create_sheet("Dane")
    ws.append(["Rejestr członków Klastra Testowego"])
    ws.append(["stan na 31.12.2024"])
    ws.append([])
    ws.append(HEADERS)
    spaced = f"PL {NEW_NIP[:3]} {NEW_NIP[3:6]} {NEW_NIP[6:8]} {NEW_NIP[8:]}"
    # fmt: off
    rows = [
        [1, "Alfa Sp. z o.o.", "526-104-08-28", "mikro", "MAZOWIECKIE", "1 234 567,89", "1.234,50 zł", "tak", "x",
         "05.03.2021", "12", "nowy członek", "T", 1, "IoT, Big Data", "biuro@alfa.pl"],
        [2, "  Beta S.A. ", spaced, "Duże przedsiębiorstwo", "łódzkie", 2500000.5, 0, "N", "nie",
         dt.datetime(2019, 6, 1), 250, None, "nie", None, None, None],
        [3, "Politechnika Testowa", None, "uczelnia", "śląskie", None, None, "nie", None, "2018-10-01", None, None,
         None, None, None, None],
        [],
        [4, "Przedsiębiorstwo 4 – nowa nazwa", int(make_nip(3)), None, None, "2 000 000,00", "0", 1, None, None,
         None, None, 0, "X", None, None],
        [5, "Delta", "123-456-78-90", "kosmita", "Mazowsze", "abc", "-5", "może", "tak", "31.02.2021", "12,5", None,
         "być może", None, "teleportacja", "nie-email"],
        [6, "Epsilon", SPARE_NIP, "małe", None, "100", "200", None, None, None, None, None, None, None, None, None],
        [7, "Alfa sp. z o.o. (duplikat)", "5261040828", "mikro", None, None, None, None, None, None, None, None,
         None, None, None, None],
        [None, "Razem", None, None, None, 3734567.89, None],
        [],
        ["Uwaga: dane za 2024 r."],
        [None, "Sporządziła: Anna Nowak, 12.01.2025"],
        [8],
    ]
    # fmt: on
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def db_dump(path: Path) -> dict[str, list]:
    """Every row of every table: what "the database is the same in content" compares."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


def members_by_nip(repo, app_id):
    return {r.get("nip") or r.get("name"): r for r in repo.load(app_id).rows("members")}


# Reading -----------------------------------------------------------------------------------------------
def test_preview_finds_sheet_header_columns_and_every_quirk(tmp_path, definition):
    preview = read_members(quirky_workbook(tmp_path / "czlonkowie.xlsx"), definition)
    assert (preview.sheet, preview.header_row) == ("Dane", 4)
    matched = {m.letter: m.target.spec for m in preview.matched}
    assert matched == {
        "B": "name",
        "C": "nip",
        "D": "type",
        "E": "voivodeship",
        "F": "sales_pln",
        "G": "export_pln",
        "H": "rd",
        "I": "iso",
        "J": "joined_on",
        "K": "employees",
        "M": "mgmt_systems:erp",
        "N": "mgmt_systems:crm",
        "O": "industry40",
        "P": "contact_email",
    }
    assert [(m.letter, m.header, m.reason) for m in preview.unmatched] == [
        ("A", "Lp.", "nieznana kolumna"),
        ("L", "Uwagi", "nieznana kolumna"),
    ]
    assert [c.key for c in preview.missing][:3] == ["regon", "iso_norms", "startup"]
    # the columns real forms ask for (issue 16) are not in this older sheet either
    assert [c.key for c in preview.missing][3:] == ["value_chain", "within_50km", "linked", "krs", "ceidg"]
    assert preview.skipped == [
        (13, "uwaga lub podsumowanie"),
        (15, "uwaga lub podsumowanie"),
        (16, "uwaga lub podsumowanie"),
    ]
    assert [r.number for r in preview.rows] == [5, 6, 7, 9, 10, 11, 12]
    alfa, beta, poli = preview.rows[:3]
    assert alfa.data == {
        "name": "Alfa Sp. z o.o.",
        "nip": "5261040828",
        "type": "micro",
        "voivodeship": "14",
        "sales_pln": Decimal("1234567.89"),
        "export_pln": Decimal("1234.50"),
        "rd": True,
        "iso": True,
        "joined_on": dt.date(2021, 3, 5),
        "employees": 12,
        "industry40": ("iot", "big_data"),
        "contact_email": "biuro@alfa.pl",
    }
    assert alfa.options == {"mgmt_systems": {"erp": True, "crm": True}}
    assert beta.data == {
        "name": "Beta S.A.",
        "nip": NEW_NIP,
        "type": "large",
        "voivodeship": "10",
        "sales_pln": Decimal("2500000.50"),
        "export_pln": Decimal("0.00"),
        "rd": False,
        "iso": False,
        "joined_on": dt.date(2019, 6, 1),
        "employees": 250,
    }
    assert beta.options == {"mgmt_systems": {"erp": False}}
    assert poli.data == {
        "name": "Politechnika Testowa",
        "type": "university",
        "voivodeship": "24",
        "rd": False,
        "joined_on": dt.date(2018, 10, 1),
    }


def test_every_wrong_cell_is_reported_with_row_column_header_and_reason(tmp_path, definition):
    preview = read_members(quirky_workbook(tmp_path / "czlonkowie.xlsx"), definition)
    delta = preview.rows[4]
    assert [p.text() for p in delta.problems] == [
        "wiersz 10, kolumna C („Nr NIP”): „1234567890”: błędna cyfra kontrolna (numer ma 10 cyfr, ostatnia jest "
        "kontrolna; myślniki i spacje są dozwolone)",
        "wiersz 10, kolumna D („rodzaj podmiotu”): „kosmita” nie ma na liście (dozwolone np.: "
        "mikroprzedsiębiorstwo, małe przedsiębiorstwo, średnie przedsiębiorstwo, duże przedsiębiorstwo, …)",
        "wiersz 10, kolumna E („Wojewodztwo”): „Mazowsze” nie ma na liście (dozwolone np.: dolnośląskie, "
        "kujawsko-pomorskie, lubelskie, lubuskie, …)",
        "wiersz 10, kolumna F („Przychody ze sprzedaży 2024 r. (PLN)”): „abc” nie jest liczbą (np. 1 234 567,89)",
        "wiersz 10, kolumna G („Eksport”): -5,00\u00a0zł to mniej niż dozwolone minimum 0,00\u00a0zł",
        "wiersz 10, kolumna H („B+R”): „może” nie jest odpowiedzią tak/nie (dozwolone: tak, nie, T, N, x, 1, 0)",
        "wiersz 10, kolumna J („Data przystąpienia”): „31.02.2021” nie jest datą (oczekiwano dd.mm.rrrr, np. "
        "05.03.2021)",
        "wiersz 10, kolumna K („Zatrudnienie”): „12,5” nie jest liczbą całkowitą",
        "wiersz 10, kolumna M („Systemy zarządzania: ERP”): „być może” nie jest odpowiedzią tak/nie (dozwolone: "
        "tak, nie, T, N, x, 1, 0)",
        "wiersz 10, kolumna O („Przemysł 4.0”): „teleportacja” nie ma na liście (dozwolone np.: Internet rzeczy "
        "(IoT), Big Data, inteligentne roboty przemysłowe, chmura danych, …)",
        "wiersz 10, kolumna P („E-mail”): „nie-email”: wpisz adres w postaci nazwa@domena.pl",
    ]
    assert {p.column for p in delta.problems} == set("CDEFGHJKMOP")
    assert all(p.value for p in delta.problems)


def test_plan_adds_updates_by_nip_and_rejects_with_row_level_reasons(tmp_path, definition, repo, app_id):
    preview = read_members(quirky_workbook(tmp_path / "czlonkowie.xlsx"), definition)
    plan = plan_import(preview, repo.load(app_id))
    assert [(i.row.number, i.action) for i in plan.items] == [
        (5, "add"),
        (6, "add"),
        (7, "add"),
        (9, "update"),
        (10, "reject"),
        (11, "reject"),
        (12, "reject"),
    ]
    assert [p.text() for p in plan.items[5].problems] == [
        "wiersz 11, kolumna G („Eksport”): wartość większa niż „Przychody ze sprzedaży w roku referencyjnym (PLN)”"
    ]
    assert [p.text() for p in plan.items[6].problems] == ["wiersz 12, kolumna C („Nr NIP”): ten sam NIP co w wierszu 5"]
    assert plan.items[3].changed == ("name", "sales_pln", "export_pln", "rd", "mgmt_systems")


# Applying ------------------------------------------------------------------------------------------------
def test_import_writes_exact_members_updates_by_nip_and_keeps_provenance(tmp_path, definition, repo, app_id):
    path = quirky_workbook(tmp_path / "czlonkowie.xlsx")
    before = repo.load(app_id).rows("members")
    result = apply_import(repo, app_id, read_members(path, definition))
    assert (result.added, result.updated, result.rejected) == (3, 1, 3)
    rows = repo.load(app_id).rows("members")
    assert len(rows) == len(before) + 3
    assert [r.uid for r in rows[: len(before)]] == [r.uid for r in before]  # updated in place, nothing duplicated
    assert [r.data for r in rows[len(before) :]] == [
        {
            "name": "Alfa Sp. z o.o.",
            "nip": "5261040828",
            "type": "micro",
            "voivodeship": "14",
            "joined_on": dt.date(2021, 3, 5),
            "employees": 12,
            "sales_pln": Decimal("1234567.89"),
            "export_pln": Decimal("1234.50"),
            "rd": True,
            "iso": True,
            "mgmt_systems": ("erp", "crm"),
            "industry40": ("iot", "big_data"),
            "contact_email": "biuro@alfa.pl",
        },
        {
            "name": "Beta S.A.",
            "nip": NEW_NIP,
            "type": "large",
            "voivodeship": "10",
            "joined_on": dt.date(2019, 6, 1),
            "employees": 250,
            "sales_pln": Decimal("2500000.50"),
            "export_pln": Decimal("0.00"),
            "rd": False,
            "iso": False,
        },
        {
            "name": "Politechnika Testowa",
            "type": "university",
            "voivodeship": "24",
            "joined_on": dt.date(2018, 10, 1),
            "rd": False,
        },
    ]
    updated = next(r for r in rows if r.get("nip") == make_nip(3))
    assert updated.data == {  # the sheet's values; what it left empty or did not have is kept
        "name": "Przedsiębiorstwo 4 – nowa nazwa",
        "nip": make_nip(3),
        "type": "large",
        "voivodeship": "14",
        "employees": 13,
        "sales_pln": Decimal("2000000.00"),
        "export_pln": Decimal("0.00"),
        "rd": True,
        "mgmt_systems": ("crm",),
    }
    sources = repo.row_sources(app_id, "members")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert sorted((s.file_name, s.sha256, s.sheet, s.row) for s in sources.values()) == [
        ("czlonkowie.xlsx", digest, "Dane", n) for n in (5, 6, 7, 9)
    ]
    assert sources[updated.uid].row == 9
    assert abs((dt.datetime.now() - sources[updated.uid].imported_at).total_seconds()) < 120


def test_second_import_keeps_first_provenance_and_does_not_duplicate(tmp_path, definition, repo, app_id):
    first = quirky_workbook(tmp_path / "pierwszy.xlsx")
    apply_import(repo, app_id, read_members(first, definition))
    count = len(repo.load(app_id).rows("members"))
    wb = Workbook()
    wb.active.append(["Nazwa", "NIP", "Liczba pracowników"])
    wb.active.append(["Beta S.A.", NEW_NIP, 260])
    second = tmp_path / "drugi.xlsx"
    wb.save(second)
    result = apply_import(repo, app_id, read_members(second, definition))
    assert (result.added, result.updated, result.rejected) == (0, 1, 0)
    rows = repo.load(app_id).rows("members")
    assert len(rows) == count
    beta = next(r for r in rows if r.get("nip") == NEW_NIP)
    assert beta.get("employees") == 260 and beta.get("sales_pln") == Decimal("2500000.50")
    sources = repo.row_sources(app_id, "members")
    assert (sources[beta.uid].file_name, sources[beta.uid].row) == ("drugi.xlsx", 2)
    alfa = next(r for r in rows if r.get("nip") == "5261040828")
    assert (sources[alfa.uid].file_name, sources[alfa.uid].row) == ("pierwszy.xlsx", 5)


def test_all_or_nothing_dry_run_and_finalised_leave_the_database_identical(tmp_path, definition, repo, app_id, db_path):
    path = quirky_workbook(tmp_path / "czlonkowie.xlsx")
    before = db_dump(db_path)
    with pytest.raises(ImportRejected, match="odrzucono wierszy: 3; nic nie zostało wczytane"):
        apply_import(repo, app_id, read_members(path, definition), only_valid=False)
    assert db_dump(db_path) == before
    lines: list[str] = []
    assert run(["--db", str(db_path), "members-import", str(app_id), str(path), "--dry-run"], lines.append) == 1
    assert lines[1] == "Do dodania: 3, do aktualizacji: 1, odrzucono: 3."
    assert lines[-1] == "Próba (--dry-run): baza nie została zmieniona."
    assert run(["--db", str(db_path), "members-import", str(app_id), str(path), "--all-or-nothing"], lines.append) == 1
    assert db_dump(db_path) == before
    # The CLI opened the database again, and the models follow the last database opened: do the same here.
    repo = Repository(open_database(db_path, make_backup=False))
    repo.finalize(app_id)
    final = db_dump(db_path)
    with pytest.raises(RepositoryError, match="sfinalizowany"):
        apply_import(repo, app_id, read_members(path, definition))
    assert db_dump(db_path) == final
    assert run(["--db", str(db_path), "members-import", str(app_id), str(path)], lines.append) == 2
    assert db_dump(db_path) == final
    repo.db.close()


def test_cli_import_reports_and_exit_codes(tmp_path, definition, repo, app_id, db_path, capsys):
    path = quirky_workbook(tmp_path / "czlonkowie.xlsx")
    lines: list[str] = []
    assert run(["--db", str(db_path), "members-import", str(app_id), str(path)], lines.append) == 1
    assert lines[:2] == [
        "Plik „czlonkowie.xlsx”, arkusz „Dane”, nagłówki w wierszu 4.",
        "Dodano: 3, zaktualizowano: 1, odrzucono: 3.",
    ]
    assert "Odrzucony wiersz 12, kolumna C („Nr NIP”): ten sam NIP co w wierszu 5 [Alfa sp. z o.o. (duplikat)]" in lines
    clean = tmp_path / "dobre.xlsx"
    wb = Workbook()
    wb.active.append(["Nazwa członka", "NIP", "Rodzaj podmiotu"])
    wb.active.append(["Gamma sp. z o.o.", SPARE_NIP, "średnie"])
    wb.save(clean)
    lines.clear()
    assert run(["--db", str(db_path), "members-import", str(app_id), str(clean)], lines.append) == 0
    assert lines[1] == "Dodano: 1, zaktualizowano: 0, odrzucono: 0."
    assert run(["--db", str(db_path), "members-import", str(app_id), str(tmp_path / "brak.xlsx")], lines.append) == 2
    assert capsys.readouterr().err.strip() == "Błąd: plik „brak.xlsx”: nie ma takiego pliku"


def test_column_mapping_assigns_an_unrecognised_column(tmp_path, definition, repo, app_id):
    wb = Workbook()
    wb.active.append(["Nazwa", "NIP", "Rodzaj", "Przych. netto"])
    wb.active.append(["Omega sp. z o.o.", SPARE_NIP, "małe", "1 000,00"])
    path = tmp_path / "mapowanie.xlsx"
    wb.save(path)
    sheet = load_sheet(path, definition)
    preview = build_preview(sheet, definition)
    assert [(m.letter, m.header) for m in preview.unmatched] == [("D", "Przych. netto")]
    preview = build_preview(sheet, definition, {"D": "sales_pln"})
    assert preview.rows[0].data["sales_pln"] == Decimal("1000.00")
    assert apply_import(repo, app_id, preview).added == 1


def test_template_round_trip(tmp_path, definition, repo, app_id):
    path = tmp_path / "szablon.xlsx"
    write_members_template(definition, path)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Członkowie"]
    headers = [c.value for c in ws[1]]
    values = {
        "Nazwa członka *": "Zeta sp. z o.o.",
        "NIP": SPARE_NIP,
        "Rodzaj podmiotu *": "średnie przedsiębiorstwo",
        "Województwo": "pomorskie",
        "Przychody ze sprzedaży w roku referencyjnym (PLN)": 5000000,
        "Przychody z eksportu w roku referencyjnym (PLN)": 1000000,
        "Prowadzi działalność B+R": "tak",
        "Stosowane systemy zarządzania: ERP": "tak",
        "Stosowane systemy zarządzania: BI": "tak",
        "Rozwiązania Przemysłu 4.0: druk 3D": "tak",
        "Start-up technologiczny": "nie",
    }
    for header, value in values.items():
        ws.cell(row=2, column=headers.index(header) + 1, value=value)
    wb.save(path)
    result = apply_import(repo, app_id, read_members(path, definition))
    assert (result.added, result.rejected) == (1, 0)
    added = repo.load(app_id).rows("members")[-1].data
    assert added == {
        "name": "Zeta sp. z o.o.",
        "nip": SPARE_NIP,
        "type": "medium",
        "voivodeship": "22",
        "sales_pln": Decimal("5000000.00"),
        "export_pln": Decimal("1000000.00"),
        "rd": True,
        "mgmt_systems": ("erp", "bi"),
        "industry40": ("printing_3d",),
        "startup": False,
    }
