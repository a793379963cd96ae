"""Questionnaires per member: generated pre-filled, filled in by members (here with openpyxl), a whole folder read
back at once, status per member, exact figures imported, and corrected copies for the ones with problems."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import run
from export.xlsx.questionnaires import (
    MISSING,
    PROBLEMS,
    RETURNED,
    import_folder,
    read_questionnaire,
    write_correction,
    write_questionnaires,
)
from forms.document import Document
from tests.conftest import make_nip, store
from tests.test_xlsx_import import db_dump

EMPLOYEES = "Liczba pracowników"


def small_doc(definition) -> Document:
    doc = Document(definition)
    doc.set("cluster.name", "Klaster Ankietowy")
    doc.set("meta.reference_year", 2024)
    for data in (
        {"name": "Alfa sp. z o.o.", "nip": make_nip(1), "type": "small", "rd": True},
        {"name": "Beta S.A.", "nip": make_nip(2), "type": "large", "sales_pln": Decimal("5000000")},
        {"name": "Gamma", "nip": make_nip(3), "type": "micro"},
        {"name": "Uniwersytet Delta", "type": "university"},
    ):
        doc.add_row("members", data)
    return doc


def fill(path: Path, answers: dict[str, object]) -> None:
    """Answer questions as a member would: in column B next to the question."""
    wb = load_workbook(path)
    ws = wb["Ankieta"]
    rows = {str(c.value).rstrip(" *"): c.row for c in ws["A"] if c.value}
    for question, answer in answers.items():
        ws.cell(row=rows[question], column=2, value=answer)
    wb.save(path)


@pytest.fixture
def app(repo, definition):
    return store(repo, small_doc(definition), "Klaster Ankietowy")


def test_questionnaire_is_prefilled_and_asks_only_about_that_member(tmp_path, repo, app):
    doc = repo.load(app)
    files = write_questionnaires(doc, tmp_path, app_uuid=repo.info(app).uuid)
    assert [f.name for f in files] == [
        f"ankieta_alfa_sp_z_o_o_{make_nip(1)}.xlsx",
        f"ankieta_beta_s_a_{make_nip(2)}.xlsx",
        f"ankieta_gamma_{make_nip(3)}.xlsx",
        f"ankieta_uniwersytet_delta_{doc.rows('members')[3].uid[:8]}.xlsx",
    ]
    wb = load_workbook(files[0])
    assert wb.sheetnames == ["Ankieta", "Listy", "_klaster"]
    assert wb["_klaster"].sheet_state == "veryHidden" and wb["Listy"].sheet_state == "hidden"
    ws = wb["Ankieta"]
    assert ws["A1"].value == "Ankieta dla członka klastra „Klaster Ankietowy”"
    assert ws["A2"].value == f"Członek: Alfa sp. z o.o., NIP {make_nip(1)}"
    assert (ws["A6"].value, ws["B6"].value) == ("Nazwa członka *", "Alfa sp. z o.o.")
    assert (ws["A7"].value, ws["B7"].value) == ("NIP", make_nip(1))
    assert ws["B8"].value is None  # nothing else pre-filled
    assert "Beta" not in str([c.value for row in ws.iter_rows() for c in row])
    targets = {str(dv.sqref): dv.type for dv in ws.data_validations.dataValidation}
    rows = {str(c.value).rstrip(" *"): c.row for c in ws["A"] if c.value}
    assert targets[f"B{rows['Rodzaj podmiotu']}"] == "list"
    assert targets[f"B{rows[EMPLOYEES]}"] == "whole"
    assert targets[f"B{rows['Stosowane systemy zarządzania: ERP']}"] == "list"


def test_folder_round_trip_statuses_exact_figures_and_corrections(tmp_path, definition, repo, app, db_path):
    folder = tmp_path / "ankiety"
    files = write_questionnaires(repo.load(app), folder, app_uuid=repo.info(app).uuid)
    fill(
        files[0],
        {
            "Przychody ze sprzedaży w roku referencyjnym (PLN)": "1 500 000,00",
            "Przychody z eksportu w roku referencyjnym (PLN)": 250000,
            "Prowadzi działalność B+R": "nie",
            EMPLOYEES: 42,
            "Stosowane systemy zarządzania: ERP": "tak",
            "Stosowane systemy zarządzania: CRM": "x",
            "Rozwiązania Przemysłu 4.0: chmura danych": "T",
            "Data przystąpienia do klastra": "01.02.2020",
            "Województwo": "Małopolskie",
        },
    )
    fill(files[1], {EMPLOYEES: "dużo", "Przychody z eksportu w roku referencyjnym (PLN)": "6 000 000"})
    files[3].unlink()
    (folder / "smieci.xlsx").write_text("to nie ankieta")
    (folder / "~$ankieta_alfa.xlsx").write_bytes(b"lock")
    before = db_dump(db_path)
    checked = import_folder(repo, app, folder, dry_run=True)
    assert db_dump(db_path) == before
    assert [(s.name, s.status) for s in checked.statuses] == [
        ("Alfa sp. z o.o.", RETURNED),
        ("Beta S.A.", PROBLEMS),
        ("Gamma", MISSING),
        ("Uniwersytet Delta", MISSING),
    ]
    assert checked.statuses[2].problems == ["ankieta nie została wypełniona"]
    assert checked.statuses[1].problems == [
        "wiersz 12, kolumna B („Liczba pracowników”): „dużo” nie jest liczbą (np. 1 234 567,89)",
        "wiersz 14, kolumna B („Przychody z eksportu w roku referencyjnym (PLN)”): wartość większa niż „Przychody "
        "ze sprzedaży w roku referencyjnym (PLN)”",
    ]
    assert checked.unknown == [
        ("smieci.xlsx", "plik „smieci.xlsx”: to nie jest skoroszyt Excel (.xlsx); zapisz dane w Excelu jako .xlsx")
    ]

    done = import_folder(repo, app, folder)
    assert [s.status for s in done.statuses] == [RETURNED, PROBLEMS, MISSING, MISSING]
    rows = repo.load(app).rows("members")
    assert rows[0].data == {
        "name": "Alfa sp. z o.o.",
        "nip": make_nip(1),
        "type": "small",
        "voivodeship": "12",
        "joined_on": dt.date(2020, 2, 1),
        "employees": 42,
        "sales_pln": Decimal("1500000.00"),
        "export_pln": Decimal("250000.00"),
        "rd": False,
        "mgmt_systems": ("erp", "crm"),
        "industry40": ("cloud",),
    }
    assert rows[1].data == small_doc(definition).rows("members")[1].data  # came back wrong: unchanged
    sources = repo.row_sources(app, "members")
    assert list(sources) == [rows[0].uid]
    src = sources[rows[0].uid]
    assert (src.file_name, src.sha256, src.sheet) == (
        files[0].name,
        hashlib.sha256(files[0].read_bytes()).hexdigest(),
        "Ankieta",
    )

    beta = read_questionnaire(files[1], definition)
    out = write_correction(
        beta, done.problems_of(next(r for r in done.returns if r.path == files[1])), folder / "do_poprawy"
    )
    assert out.name == f"ankieta_beta_s_a_{make_nip(2)}_do_poprawy.xlsx"
    ws = load_workbook(out)["Ankieta"]
    assert ws["B12"].fill.start_color.rgb == "00F4CCCC" and ws["B14"].fill.start_color.rgb == "00F4CCCC"
    assert ws["B12"].comment.text == "„dużo” nie jest liczbą (np. 1 234 567,89)"
    assert ws["D12"].value == "„dużo” nie jest liczbą (np. 1 234 567,89)"
    assert ws["A4"].value == "Do poprawy: 2 – zaznaczone na czerwono (opis w kolumnie D)."
    assert ws["B12"].value == "dużo" and ws["B6"].value == "Beta S.A."
    fixed = read_questionnaire(out, definition)  # the corrected copy is still a questionnaire of the same member
    assert fixed.member_uid == rows[1].uid and fixed.preview.rows[0].problems[0].cell == "B12"


def test_cli_questionnaires(tmp_path, repo, app, db_path):
    lines: list[str] = []
    folder = tmp_path / "ankiety"
    assert run(["--db", str(db_path), "questionnaires", str(app), str(folder)], lines.append) == 0
    assert lines == [f"Zapisano ankiet: 4 w folderze {folder}"]
    files = sorted(folder.iterdir())
    fill(files[0], {EMPLOYEES: "dużo"})
    fill(files[1], {EMPLOYEES: 5})
    lines.clear()
    code = run(
        ["--db", str(db_path), "questionnaires-import", str(app), str(folder), "--corrections", str(tmp_path / "popr")],
        lines.append,
    )
    assert code == 1
    assert lines[0] == "Zwrócone: 1, z problemami: 1, brak: 2, pliki spoza rejestru: 0."
    assert lines[1] == f"Z PROBLEMAMI: Alfa sp. z o.o. NIP {make_nip(1)} ({files[0].name})"
    assert lines[3] == f"ZWRÓCONA: Beta S.A. NIP {make_nip(2)} ({files[1].name})"
    assert lines[-1] == f"Kopie do poprawy: 1 w folderze {tmp_path / 'popr'}"
    assert repo.load(app).rows("members")[1].get("employees") == 5
