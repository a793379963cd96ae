"""Workbooks we write: the members template (lists, formats, frozen header, instructions) and the whole application
(members, every table, indicators against the KKK averages, summary) with text that never becomes a formula.
Every one opens again in openpyxl and, where LibreOffice is installed, converts with it without errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import run
from export.xlsx.members_template import write_members_template
from export.xlsx.workbook import sheet_title, write_application_xlsx
from tests.conftest import TODAY, build_complete_document

FORMULAS = ['=HYPERLINK("http://zlo.example","klik")', "+48 22 123 45 67", "-5 zł", "@SUMA(A1)", "=1+1"]


def test_members_template_lists_formats_frozen_header_and_instructions(tmp_path, definition):
    path = tmp_path / "szablon.xlsx"
    write_members_template(definition, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Członkowie", "Instrukcja", "Listy"]
    assert wb["Listy"].sheet_state == "hidden"
    ws = wb["Członkowie"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Nazwa członka *", "NIP", "REGON", "Rodzaj podmiotu *"]
    assert "Stosowane systemy zarządzania: ERP" in headers and "Rozwiązania Przemysłu 4.0: druk 3D" in headers
    assert ws.freeze_panes == "B2" and ws["A1"].font.b
    by_range = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}

    def validation(header):
        letter = ws.cell(row=1, column=headers.index(header) + 1).column_letter
        return by_range[f"{letter}2:{letter}2001"]

    member_type = validation("Rodzaj podmiotu *")
    assert (member_type.type, member_type.formula1) == ("list", "'Listy'!$A$2:$A$11")
    assert [wb["Listy"].cell(row=r, column=1).value for r in range(2, 12)][:2] == [
        "mikroprzedsiębiorstwo",
        "małe przedsiębiorstwo",
    ]
    voivodeship = validation("Województwo")
    assert voivodeship.formula1 == "'Listy'!$B$2:$B$17" and wb["Listy"]["B15"].value == "warmińsko-mazurskie"
    for header in ("Prowadzi działalność B+R", "Stosowane systemy zarządzania: ERP", "Start-up technologiczny"):
        assert (validation(header).type, validation(header).formula1) == ("list", '"tak,nie"')
    sales = validation("Przychody ze sprzedaży w roku referencyjnym (PLN)")
    assert (sales.type, sales.operator, sales.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert validation("Data przystąpienia do klastra").type == "date"
    assert validation("Liczba pracowników").type == "whole"
    letter = ws.cell(row=1, column=headers.index("Przychody ze sprzedaży w roku referencyjnym (PLN)") + 1).column_letter
    assert ws.column_dimensions[letter].number_format == "#,##0.00"
    assert ws.column_dimensions["B"].number_format == "@"  # NIP as text
    date_letter = ws.cell(row=1, column=headers.index("Data przystąpienia do klastra") + 1).column_letter
    assert ws.column_dimensions[date_letter].number_format == "DD.MM.YYYY"
    instructions = [c.value for c in wb["Instrukcja"]["A"] if c.value]
    assert instructions[0] == "Rejestr członków: instrukcja wypełniania"
    assert any("Pusta komórka nie usuwa danych" in text for text in instructions)


def test_application_workbook_has_every_part_and_exact_figures(tmp_path, definition, repo, app_id):
    doc = repo.load(app_id)
    path = tmp_path / "wniosek.xlsx"
    write_application_xlsx(doc, repo.info(app_id), path, sources=repo.row_sources(app_id, "members"), today=TODAY)
    wb = load_workbook(path)
    tables = [sheet_title(t.label.pl, set()) for k, t in definition.tables.items()]
    assert wb.sheetnames[:4] == ["Podsumowanie", "Dane wniosku", "Rejestr członków", "Wskaźniki"]
    assert wb.sheetnames[-1] == "Problemy" and set(tables) <= set(wb.sheetnames)
    assert all(len(name) <= 31 for name in wb.sheetnames)
    members = wb["Rejestr członków"]
    assert members.max_row == 1 + len(doc.rows("members"))
    header = [c.value for c in members[1]]
    assert header[:3] == ["Lp.", "Nazwa członka", "NIP"] and header[-4:] == [
        "Źródło: plik",
        "Źródło: arkusz",
        "Źródło: wiersz",
        "Zaimportowano",
    ]
    first = {h: c.value for h, c in zip(header, members[2], strict=False)}
    assert first["Nazwa członka"] == "Przedsiębiorstwo 1 sp. z o.o."
    assert first["Rodzaj podmiotu"] == "mikroprzedsiębiorstwo" and first["Województwo"] == "mazowieckie"
    assert first["Przychody ze sprzedaży w roku referencyjnym (PLN)"] == 1000000
    assert first["Prowadzi działalność B+R"] == "tak"
    indicators = {r[0]: r[1:] for r in wb["Wskaźniki"].iter_rows(min_row=2, values_only=True)}
    share = indicators["Udział przedsiębiorstw prowadzących działalność eksportową w ogólnej liczbie przedsiębiorstw"]
    assert share[:5] == (33.33, 34.42, -1.09, 10, 30)
    assert indicators["Członkowie klastra według rodzaju podmiotu: mikroprzedsiębiorstwo"][0] == 8
    summary = {r[0]: r[1] for r in wb["Podsumowanie"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert summary["Klaster"] == "Mazowiecki Klaster Testowy" and summary["Stan"] == "roboczy"
    assert summary["Liczba członków"] == 51 and summary["Rodzaj wniosku"] == "nadanie statusu"
    assert summary["Suma kontrolna"].startswith(f"{doc.checksum()[:4]}-")
    finance = wb[sheet_title(definition.table("infra.finance").label.pl, set())]
    assert [[c.value for c in row] for row in finance.iter_rows(min_row=2)] == [
        [n, year, 500000, 12000.5, 80000, 200000, 50000] for n, year in ((1, 2022), (2, 2023), (3, 2024))
    ]
    assert finance["C2"].number_format == '#,##0.00 "zł"' and finance["B2"].number_format == "0"


def test_user_text_is_never_a_formula(tmp_path, definition):
    doc = build_complete_document(definition)
    for i, text in enumerate(FORMULAS):
        doc.set_cell("members", i, "name", text)
    doc.set("cluster.description", '=WEBSERVICE("http://x")')
    doc.add_row("hr.staff", {"name": "@Jan", "role": "-kierownik"})
    path = tmp_path / "formuly.xlsx"
    write_application_xlsx(doc, None, path, today=TODAY)
    wb = load_workbook(path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    members = wb["Rejestr członków"]
    assert [members.cell(row=r, column=2).value for r in range(2, 7)] == FORMULAS
    assert all(members.cell(row=r, column=2).quotePrefix for r in range(2, 7))
    read_only = load_workbook(path, read_only=True)
    assert [
        row[1] for row in read_only["Rejestr członków"].iter_rows(min_row=2, max_row=6, values_only=True)
    ] == FORMULAS
    read_only.close()


def test_cli_writes_template_and_application(tmp_path, db_path, app_id, capsys):
    assert run(["--db", str(db_path), "members-template", str(tmp_path / "t.xlsx")], print) == 0
    assert run(["--db", str(db_path), "xlsx", str(app_id), str(tmp_path / "w.xlsx")], print) == 0
    assert load_workbook(tmp_path / "w.xlsx").sheetnames[0] == "Podsumowanie"
    assert run(["--db", str(db_path), "xlsx", str(app_id), str(tmp_path / "brak" / "w.xlsx")], print) == 2
    assert capsys.readouterr().err.startswith("Błąd: nie można zapisać „")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_every_generated_workbook(tmp_path, definition):
    from export.xlsx.questionnaires import write_correction, write_questionnaires
    from tests.test_xlsx_questionnaires import fill, small_doc

    sources = tmp_path / "in"
    sources.mkdir()
    write_members_template(definition, sources / "szablon.xlsx")
    doc = build_complete_document(definition)
    doc.set_cell("members", 0, "name", FORMULAS[0])
    write_application_xlsx(doc, None, sources / "wniosek.xlsx", today=TODAY)
    small = small_doc(definition)
    files = write_questionnaires(small, tmp_path / "ankiety")
    shutil.copy(files[0], sources / "ankieta.xlsx")
    fill(files[1], {"Liczba pracowników": "dużo"})
    from export.xlsx.plan import plan_import
    from export.xlsx.questionnaires import read_questionnaire

    ret = read_questionnaire(files[1], definition)
    shutil.copy(
        write_correction(ret, plan_import(ret.preview, small).problems, tmp_path / "popr"), sources / "poprawka.xlsx"
    )
    out = tmp_path / "out"
    names = sorted(p.name for p in sources.iterdir())
    proc = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            *[str(sources / n) for n in names],
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Error" not in proc.stderr
    for name in names:
        converted = load_workbook(out / name)
        original = load_workbook(sources / name)
        assert [ws.title for ws in converted] == [ws.title for ws in original]
    lo_template = load_workbook(out / "szablon.xlsx")["Członkowie"]
    kinds = {dv.type for dv in lo_template.data_validations.dataValidation}
    assert {"list", "decimal", "whole", "date"} <= kinds
    lo_members = load_workbook(out / "wniosek.xlsx")["Rejestr członków"]
    assert lo_members["B2"].value == FORMULAS[0] and lo_members["B2"].data_type != "f"
    assert Path(out / "poprawka.xlsx").stat().st_size > 0
