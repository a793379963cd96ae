"""Questionnaires per member: generated prefilled, protected, with definitions and validations; filled in by members
(here with openpyxl), a whole folder read back at once, status per member, exact figures imported, and corrected
copies for the ones with problems; hostile returns refused with their reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli import run
from export.xlsx.questionnaires import (
    MISSING,
    PROBLEMS,
    RETURNED,
    import_folder,
    read_questionnaire,
    scan_folder,
    write_correction,
    write_questionnaires,
)
from export.xlsx.questionnaires_sheet import CONFIRMED, FIRST_ROW, YES_NO_ACCEPTED, yes_no_formula
from forms.document import Document
from tests.conftest import make_nip, store
from tests.test_xlsx_import import db_dump

EMPLOYEES = "Liczba pracowników"
SALES = "Przychody ze sprzedaży w roku referencyjnym (PLN)"
EXPORT = "Przychody z eksportu w roku referencyjnym (PLN)"


def small_doc(definition) -> Document:
    doc = Document(definition)
    doc.set("cluster.name", "Klaster Ankietowy")
    doc.set("meta.reference_year", 2024)
    doc.set("contact.name", "Anna Kowalska")
    doc.set("contact.email", "anna@klaster.pl")
    doc.set("contact.phone", "+48 22 123 45 67")
    for data in (
        {"name": "Alfa sp. z o.o.", "nip": make_nip(1), "type": "small", "rd": True, "contact_email": "biuro@alfa.pl"},
        {"name": "Beta S.A.", "nip": make_nip(2), "type": "large", "sales_pln": Decimal("5000000")},
        {"name": "Gamma", "nip": make_nip(3), "type": "micro", "mgmt_systems": ("crm",)},
        {"name": "Uniwersytet Delta", "type": "university"},
    ):
        doc.add_row("members", data)
    return doc


def question_rows(ws, wb=None) -> dict[str, int]:
    """Question text (without the required mark) and target spec (from the hidden map) -> row."""
    rows = {str(c.value).rstrip(" *"): c.row for c in ws["A"] if c.value and c.row >= FIRST_ROW}
    if wb is not None and "_klaster" in wb.sheetnames:
        meta = wb["_klaster"]
        for r in range(20, meta.max_row + 1):
            if meta.cell(r, 1).value is not None:
                rows[str(meta.cell(r, 2).value)] = meta.cell(r, 1).value
    return rows


def fill(path: Path, answers: dict[str, object], *, sheet: str = "Ankieta") -> None:
    """Answer questions as a member would: in column B next to the question (by its text or its target spec)."""
    wb = load_workbook(path)
    ws = wb[sheet]
    rows = question_rows(ws, wb)
    for question, answer in answers.items():
        ws.cell(row=rows[question], column=2, value=answer)
    wb.save(path)


@pytest.fixture
def app(repo, definition):
    return store(repo, small_doc(definition), "Klaster Ankietowy")


# Writing ------------------------------------------------------------------------------------------------------
def test_questionnaire_is_prefilled_protected_and_explained(tmp_path, repo, app):
    doc = repo.load(app)
    files = write_questionnaires(doc, tmp_path, app_uuid=repo.info(app).uuid, deadline=dt.date(2025, 3, 31))
    assert [f.name for f in files] == [
        f"ankieta_alfa_sp_z_o_o_{make_nip(1)}.xlsx",
        f"ankieta_beta_s_a_{make_nip(2)}.xlsx",
        f"ankieta_gamma_{make_nip(3)}.xlsx",
        f"ankieta_uniwersytet_delta_{doc.rows('members')[3].uid[:8]}.xlsx",
    ]
    wb = load_workbook(files[0])
    assert wb.sheetnames == ["Ankieta", "Listy", "_klaster"]
    assert wb["_klaster"].sheet_state == "veryHidden" and wb["Listy"].sheet_state == "hidden"
    assert wb.security.lockStructure and not wb.security.workbookPassword
    ws = wb["Ankieta"]
    assert ws["A1"].value == "Ankieta dla członka klastra „Klaster Ankietowy”"
    assert ws["A2"].value == f"Członek: Alfa sp. z o.o., NIP {make_nip(1)}"
    assert ws["A3"].value == "Termin odesłania: 31.03.2025"
    assert ws["A4"].value == "Pytania: Anna Kowalska, anna@klaster.pl, tel. +48 22 123 45 67."
    rows = question_rows(ws, wb)
    # everything the register knows is prefilled, nothing about other members
    assert ws.cell(rows["Nazwa członka"], 2).value == "Alfa sp. z o.o."
    assert ws.cell(rows["NIP"], 2).value == make_nip(1)
    assert ws.cell(rows["Rodzaj podmiotu"], 2).value == "małe przedsiębiorstwo"
    assert ws.cell(rows["Prowadzi działalność B+R"], 2).value == "tak"
    assert ws.cell(rows["E-mail kontaktowy"], 2).value == "biuro@alfa.pl"
    assert ws.cell(rows[EMPLOYEES], 2).value is None
    assert "Beta" not in str([c.value for row in ws.iter_rows() for c in row])
    # protection on without a password; exactly the answer cells unlocked
    assert ws.protection.sheet and not ws.protection.password
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row if c.protection.locked is False}
    meta = wb["_klaster"]
    answer_rows = {meta.cell(r, 1).value for r in range(20, meta.max_row + 1)} - {None}
    from export.xlsx.headers import written_columns

    questions = len(written_columns(doc.definition.table("members"), doc.definition))
    assert unlocked == {f"B{r}" for r in answer_rows} and len(unlocked) == questions + 2  # and the confirmation
    # definitions beside the questions, from the data file
    hint = {name: ws.cell(rows[name], 4).value for name in ("Rodzaj podmiotu", "Prowadzi działalność B+R", "ERP")}
    assert "mniej niż 250 pracowników" in hint["Rodzaj podmiotu"] and "43 mln EUR" in hint["Rodzaj podmiotu"]
    assert "badania podstawowe" in hint["Prowadzi działalność B+R"]
    assert hint["ERP"].startswith("ERP: zintegrowany system")
    assert "Wskazówka programu: Start-up technologiczny" in ws.cell(rows["Start-up technologiczny"], 4).value
    # yes/no cells accept what the instructions say; lists for choices, numbers for numbers
    dvs = {cell: dv for dv in ws.data_validations.dataValidation for cell in str(dv.sqref).split()}
    rd = dvs[f"B{rows['Prowadzi działalność B+R']}"]
    first = str(rd.sqref).split()[0]  # one rule for every yes/no cell, written for its first cell
    assert rd.type == "custom" and rd.formula1 == yes_no_formula(first)
    assert dvs[f"B{rows['mgmt_systems:erp']}"] is rd and dvs[f"B{rows[CONFIRMED]}"] is rd
    assert dvs[f"B{rows['Rodzaj podmiotu']}"].type == "list"
    assert dvs[f"B{rows[EMPLOYEES]}"].type == "whole"
    # prints landscape, one page wide, header repeated, footer with the page
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0 and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$7:$7"
    assert ws.oddFooter.right.text == "Strona &P z &N"
    assert ws.column_dimensions["C"].hidden  # no earlier application: no "previous" column
    gamma = load_workbook(files[2])
    g = gamma["Ankieta"]
    grow = question_rows(g, gamma)
    assert g.cell(grow["mgmt_systems:crm"], 2).value == "tak" and g.cell(grow["mgmt_systems:erp"], 2).value == "nie"
    assert ws.cell(rows["mgmt_systems:erp"], 2).value is None  # nothing known: not guessed as "nie"


def test_renewal_shows_last_years_figures_beside_this_years_cells(tmp_path, repo, app, definition):
    previous = repo.load(app)
    previous.rows("members")[1].data.update({"employees": 120, "sales_pln": Decimal("5000000")})
    doc = previous.copy()
    doc.rows("members")[1].data["employees"] = 130  # already updated this year: kept as the answer
    files = write_questionnaires(doc, tmp_path, previous=previous, previous_label="2023")
    wb = load_workbook(files[1])
    ws = wb["Ankieta"]
    rows = question_rows(ws, wb)
    assert not ws.column_dimensions["C"].hidden and ws["C7"].value == "Poprzedni wniosek (2023)"
    assert (ws.cell(rows[SALES], 2).value, ws.cell(rows[SALES], 3).value) == (None, Decimal("5000000"))
    assert (ws.cell(rows[EMPLOYEES], 2).value, ws.cell(rows[EMPLOYEES], 3).value) == (130, 120)
    assert ws.cell(rows["Nazwa członka"], 2).value == "Beta S.A." and ws.cell(rows["Nazwa członka"], 3).value is None
    assert "dane z wniosku 2023" in ws["A5"].value


def test_every_yes_no_the_instructions_allow_passes_validation_and_import(tmp_path, repo, app, definition):
    allowed = ["tak", "nie", "T", "N", "x", "X", "1", "0", 1, 0, "TAK", "Nie", "t", "n"]
    import re

    formula = yes_no_formula("A1")
    words = [w.lower() for w in re.findall(r'A1="([^"]*)"', formula)]
    for value in allowed:  # the formula's own logic (case-insensitive text, or the number 1 / 0)
        assert (isinstance(value, int) and value in (0, 1)) or str(value).lower() in words
    assert set(words) == set(YES_NO_ACCEPTED)
    files = write_questionnaires(repo.load(app), tmp_path, app_uuid=repo.info(app).uuid)
    for value in allowed:
        fill(files[0], {"Prowadzi działalność B+R": value, "mgmt_systems:erp": value})
        ret = read_questionnaire(files[0], definition)
        assert ret.preview.problems == [], value
        expected = str(value).lower() in ("tak", "t", "x", "1")
        assert ret.preview.rows[0].data["rd"] is expected
        assert ret.preview.rows[0].options["mgmt_systems"]["erp"] is expected
    fill(files[0], {"Prowadzi działalność B+R": "może"})
    ret = read_questionnaire(files[0], definition)
    assert [p.message for p in ret.preview.problems] == [
        "„może” nie jest odpowiedzią tak/nie (dozwolone: tak, nie, T, N, x, 1, 0)"
    ]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_evaluates_the_yes_no_validation_as_the_instructions_say(tmp_path):
    """The validation formula, evaluated by LibreOffice itself beside each value, is TRUE exactly for the allowed."""
    import csv
    import subprocess

    values = ["tak", "nie", "T", "N", "x", "X", 1, 0, "TAK", "Nie", "1", "0", "może", "2", 2, "tak!", "yes"]
    wb = Workbook()
    ws = wb.active
    for r, value in enumerate(values, start=1):
        cell = ws.cell(r, 1, value)
        if value in ("1", "0"):
            cell.data_type = "s"
        ws.cell(r, 2, "=" + yes_no_formula(f"A{r}"))
    wb.save(tmp_path / "v.xlsx")
    proc = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "csv"]
        + ["--outdir", str(tmp_path), str(tmp_path / "v.xlsx")],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    with open(tmp_path / "v.csv", encoding="utf-8") as f:
        results = [row[1].upper() for row in csv.reader(f)]
    assert results == ["TRUE"] * 12 + ["FALSE"] * 5


# Reading ----------------------------------------------------------------------------------------------------
def test_folder_round_trip_statuses_exact_figures_and_corrections(tmp_path, definition, repo, app, db_path):
    folder = tmp_path / "ankiety"
    files = write_questionnaires(repo.load(app), folder, app_uuid=repo.info(app).uuid)
    fill(
        files[0],
        {
            SALES: "1 500 000,00",
            EXPORT: 250000,
            "Prowadzi działalność B+R": "nie",
            EMPLOYEES: 42,
            "mgmt_systems:erp": "tak",
            "mgmt_systems:crm": "x",
            "industry40:cloud": "T",
            "Data przystąpienia do klastra": "01.02.2020",
            "Województwo": "Małopolskie",
        },
    )
    fill(files[1], {EMPLOYEES: "dużo", EXPORT: "6 000 000"})
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
    wb = load_workbook(files[1])
    rows = question_rows(wb["Ankieta"], wb)
    assert checked.statuses[1].problems == [
        f"wiersz {rows[EMPLOYEES]}, kolumna B („{EMPLOYEES}”): „dużo” nie jest liczbą (np. 1 234 567,89)",
        f"wiersz {rows[EXPORT]}, kolumna B („{EXPORT}”): wartość większa niż „{SALES}”",
    ]
    assert checked.unknown == [
        ("smieci.xlsx", "plik „smieci.xlsx”: to nie jest skoroszyt Excel (.xlsx); zapisz dane w Excelu jako .xlsx")
    ]

    done = import_folder(repo, app, folder)
    assert [s.status for s in done.statuses] == [RETURNED, PROBLEMS, MISSING, MISSING]
    rows_after = repo.load(app).rows("members")
    assert rows_after[0].data == {
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
        "contact_email": "biuro@alfa.pl",
    }
    assert rows_after[1].data == small_doc(definition).rows("members")[1].data  # came back wrong: unchanged
    sources = repo.row_sources(app, "members")
    assert list(sources) == [rows_after[0].uid]
    src = sources[rows_after[0].uid]
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
    e, x = rows[EMPLOYEES], rows[EXPORT]
    assert ws[f"B{e}"].fill.start_color.rgb == "00F4CCCC" and ws[f"B{x}"].fill.start_color.rgb == "00F4CCCC"
    assert ws[f"B{e}"].comment.text == "„dużo” nie jest liczbą (np. 1 234 567,89)"
    assert ws[f"E{e}"].value == "„dużo” nie jest liczbą (np. 1 234 567,89)"
    assert ws["A6"].value == "Do poprawy: błędne odpowiedzi: 2 (na czerwono) – opis w kolumnie „Uwagi koordynatora”."
    assert ws[f"B{e}"].value == "dużo" and ws[f"B{rows['Nazwa członka']}"].value == "Beta S.A."
    assert ws.protection.sheet  # still protected, still fillable
    fixed = read_questionnaire(out, definition)  # the corrected copy is still a questionnaire of the same member
    assert fixed.member_uid == rows_after[1].uid and fixed.preview.rows[0].problems[0].cell == f"B{e}"


def test_untouched_file_is_missing_a_confirmed_one_returned(tmp_path, repo, app, definition):
    files = write_questionnaires(repo.load(app), tmp_path, app_uuid=repo.info(app).uuid)
    assert not read_questionnaire(files[0], definition).answered
    fill(files[0], {CONFIRMED: "tak", "_filled_by": "Jan Nowak"})
    ret = read_questionnaire(files[0], definition)
    assert ret.answered and ret.confirmed is True and ret.filled_by == "Jan Nowak"
    statuses = import_folder(repo, app, tmp_path, dry_run=True).statuses
    assert [s.status for s in statuses] == [RETURNED, MISSING, MISSING, MISSING]


def test_data_on_a_hidden_third_sheet_imports_and_the_instructions_are_never_read(tmp_path, repo, app, definition):
    files = write_questionnaires(repo.load(app), tmp_path / "q", app_uuid=repo.info(app).uuid)
    fill(files[0], {EMPLOYEES: 17})
    wb = load_workbook(files[0])
    wb.security = None
    ws = wb["Ankieta"]
    ws.title = "Dane"
    info = wb.create_sheet("Instrukcja", 0)
    for r, text in enumerate(("Pytanie", "Nazwa członka", "NIP", "Liczba pracowników"), start=1):
        info.cell(r, 1, text)
        info.cell(r, 2, "Odpowiedź" if r == 1 else "tak")
    wb.move_sheet("Dane", offset=len(wb.sheetnames) - 1 - wb.sheetnames.index("Dane"))
    ws.sheet_state = "hidden"
    wb.active = 0
    # the instructions sheet has a header too, but the questionnaire's own sheet wins by its map; without a map:
    del wb["_klaster"]
    wb["Instrukcja"].title = "Objaśnienia"
    folder = tmp_path / "back"
    folder.mkdir()
    wb.save(folder / files[0].name)
    ret = read_questionnaire(folder / files[0].name, definition)
    assert ret.error is None and ret.preview.sheet in ("Objaśnienia", "Dane")
    ours = load_workbook(files[0])
    ours.security = None
    ours.move_sheet("Ankieta", offset=2)
    ours["Ankieta"].sheet_state = "hidden"
    extra = ours.create_sheet("Instrukcja", 0)
    extra["A1"] = "Jak wypełnić ankietę"
    ours.active = 0
    ours.save(folder / files[0].name)
    ret = read_questionnaire(folder / files[0].name, definition)
    assert ret.error is None and ret.preview.sheet == "Ankieta"
    assert ret.preview.rows[0].data["employees"] == 17 and ret.member_uid == repo.load(app).rows("members")[0].uid


def test_hostile_returns_are_refused_with_their_reason(tmp_path, repo, app, definition):
    doc = repo.load(app)
    files = write_questionnaires(doc, tmp_path / "q", app_uuid=repo.info(app).uuid)
    back = tmp_path / "back"
    back.mkdir()
    # another member's NIP typed into Alfa's questionnaire
    shutil.copy(files[0], back / files[0].name)
    fill(back / files[0].name, {"NIP": make_nip(2), EMPLOYEES: 5})
    # the instructions only (a workbook with no questionnaire sheet)
    wb = Workbook()
    wb.active.title = "Instrukcja"
    wb.active["A1"] = "Nazwa członka"
    wb.active["B1"] = "tak"
    wb.save(back / "instrukcja.xlsx")
    # formulas, wrong types, control characters and an emoji in Beta's answers
    shutil.copy(files[1], back / files[1].name)
    fill(
        back / files[1].name,
        {EMPLOYEES: "=1+1", SALES: dt.date(2024, 1, 1), "Nazwa członka": "Beta\tS.A. 🚀", "mgmt_systems:erp": 7},
    )
    # a damaged file named as Gamma's, and a questionnaire of another application
    (back / files[2].name).write_bytes(files[2].read_bytes()[:500])
    other = write_questionnaires(doc, tmp_path / "other", app_uuid="another-application")
    shutil.copy(other[3], back / other[3].name)
    fill(back / other[3].name, {EMPLOYEES: 3})
    done = import_folder(repo, app, back, dry_run=True)
    by_name = {s.name: s for s in done.statuses}
    assert by_name["Alfa sp. z o.o."].status == PROBLEMS
    assert by_name["Alfa sp. z o.o."].problems == [
        f"plik „{files[0].name}”: NIP w ankiecie ({make_nip(2)}) jest inny niż NIP członka, dla którego ją "
        f"przygotowano ({make_nip(1)}): to ankieta innego członka albo błędny NIP; nic z niej nie wczytano"
    ]
    beta = by_name["Beta S.A."]
    assert beta.status == PROBLEMS
    # a formula without a computed value (openpyxl writes none) reads as no answer: never evaluated by us
    assert "employees" in {b.target.column for b in beta.ret.blanks}
    assert any("to data, a oczekiwano liczby" in p for p in beta.problems)
    assert any("„7” nie jest odpowiedzią tak/nie" in p for p in beta.problems)
    assert by_name["Gamma"].status == PROBLEMS and "uszkodzony" in by_name["Gamma"].problems[0]
    delta = by_name["Uniwersytet Delta"]
    assert delta.status == PROBLEMS and "to ankieta z innego wniosku" in delta.problems[0]
    assert done.unknown == [
        (
            "instrukcja.xlsx",
            "plik „instrukcja.xlsx”: to nie jest ankieta członka klastra (w żadnym arkuszu nie ma nagłówka "
            "„Pytanie | Odpowiedź”); odeślij plik ankiety otrzymany od koordynatora",
        )
    ]


def test_a_file_returned_twice_takes_the_newest_and_says_so(tmp_path, repo, app, definition):
    files = write_questionnaires(repo.load(app), tmp_path, app_uuid=repo.info(app).uuid)
    copy = tmp_path / "ankieta_alfa (1).xlsx"
    shutil.copy(files[0], copy)
    fill(files[0], {EMPLOYEES: 10})
    fill(copy, {EMPLOYEES: 20})
    for path, day in ((files[0], 1), (copy, 2)):  # as the member's program saved them
        _set_modified(path, dt.datetime(2025, 3, day, 12, 0))
        os.utime(path, (0, 0))  # the file times say nothing (attachments saved in any order)
    done = import_folder(repo, app, tmp_path)
    alfa = done.statuses[0]
    assert alfa.status == RETURNED and alfa.file == copy.name
    assert alfa.notes == [
        f"zwrócono plików: 2; wzięto najnowszy „{copy.name}” (zapisany 02.03.2025 12:00), pominięto: „{files[0].name}”"
    ]
    assert repo.load(app).rows("members")[0].get("employees") == 20


def _set_modified(path: Path, when: dt.datetime) -> None:
    import re
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data[name] = z.read(name)
    core = data["docProps/core.xml"].decode()
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{when:%Y-%m-%dT%H:%M:%S}Z\g<2>", core)
    data["docProps/core.xml"] = core.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in data.items():
            z.writestr(name, content)


def test_a_huge_sheet_is_refused_before_it_is_read(tmp_path, definition):
    wb = Workbook()
    ws = wb.active
    ws.title = "Ankieta"
    ws["A1"], ws["B1"] = "Pytanie", "Odpowiedź"
    ws["A2"], ws["B2"] = EMPLOYEES, 5
    ws.cell(row=30_000, column=1, value="x")
    wb.save(tmp_path / "duzy.xlsx")
    (ret,) = scan_folder(tmp_path, definition)
    assert ret.error == "plik „duzy.xlsx” (arkusz „Ankieta”): arkusz ma 30 000 wierszy; dozwolone najwyżej 1 000"


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


def test_members_template_with_its_data_on_a_hidden_third_sheet_imports(tmp_path, definition):
    from export.xlsx.members_import import read_members
    from export.xlsx.members_template import write_members_template

    path = tmp_path / "szablon.xlsx"
    write_members_template(definition, path)
    wb = load_workbook(path)
    ws = wb["Członkowie"]
    columns = {str(c.value).rstrip(" *"): c.column for c in ws[1] if c.value}
    for header, value in (
        ("Nazwa członka", "Alfa"),
        ("NIP", make_nip(1)),
        ("Rodzaj podmiotu", "małe przedsiębiorstwo"),
    ):
        ws.cell(2, columns[header], value)
    wb.move_sheet(ws, offset=2)
    ws.sheet_state = "hidden"
    wb.active = 0
    wb.save(path)
    assert load_workbook(path).sheetnames == ["Instrukcja", "Listy", "Członkowie"]
    preview = read_members(path, definition)
    assert preview.sheet == "Członkowie" and preview.problems == []
    assert [r.data for r in preview.rows] == [{"name": "Alfa", "nip": make_nip(1), "type": "small"}]
    del wb["Członkowie"]
    wb.save(path)
    from export.xlsx.safety import XlsxFileError

    with pytest.raises(XlsxFileError, match="nie znaleziono wiersza nagłówków"):
        read_members(path, definition)  # the instructions alone are never read as members
