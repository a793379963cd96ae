"""The Excel dialogs offscreen with pytest-qt: the import preview (actions, problems per cell, column mapping),
importing the valid rows and reloading the session, cancelling, bad files, the background worker with its cancel
button, questionnaires and the export. Every modal step is replaced; an unexpected message box fails the test."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from export.xlsx.safety import Cancelled
from tests.conftest import make_nip, refusing_dialogs
from tests.test_xlsx_import import NEW_NIP, db_dump, quirky_workbook
from tests.test_xlsx_questionnaires import fill
from ui.background import run_in_background
from ui.session import Session
from ui.xlsx import export_xlsx, import_members_dialog, prompts, questionnaires_dialog
from ui.xlsx.import_dialog import ImportMembersDialog

no_unexpected_dialogs = refusing_dialogs(
    prompts, ("choose_open_file", "choose_save_file", "choose_folder", "show_error", "show_info", "exec_dialog")
)


@pytest.fixture
def session(qtbot, repo, app_id):
    s = Session(repo, app_id)
    yield s
    s.flush()


@pytest.fixture
def shown(monkeypatch):
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "show_info", lambda parent, title, text, details="": messages.append(("info", text)))
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text, details="": messages.append(("error", text)))
    return messages


def test_import_dialog_previews_maps_imports_and_reloads(qtbot, monkeypatch, tmp_path, session, shown):
    path = quirky_workbook(tmp_path / "czlonkowie.xlsx")
    monkeypatch.setattr(prompts, "choose_open_file", lambda parent, title, filters=None: str(path))
    seen = {}
    reloaded = []
    monkeypatch.setattr(session, "reload", lambda orig=session.reload: (reloaded.append(1), orig())[1])

    def look(dialog: ImportMembersDialog) -> bool:
        qtbot.addWidget(dialog)
        model = dialog.model
        seen["rows"] = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
        seen["summary"] = dialog.summary.text()
        seen["combos"] = sorted(dialog.combos)
        delta = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "10"][0]
        nip_column = [
            c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "C: Nr NIP"
        ][0]
        seen["tooltip"] = model.index(delta, nip_column).data(Qt.ItemDataRole.ToolTipRole)
        seen["background"] = model.index(delta, nip_column).data(Qt.ItemDataRole.BackgroundRole).color().name()
        dialog.only_rejected.setChecked(True)
        seen["filtered"] = dialog.proxy.rowCount()
        dialog.only_rejected.setChecked(False)
        combo = dialog.combos["L"]  # "Uwagi": say it holds the ISO norms
        combo.setCurrentIndex(combo.findData("iso_norms"))
        seen["after_mapping"] = dialog.plan.items[0].data.get("iso_norms")
        seen["button"] = dialog.import_button.text()
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(tmp_path / "import_dialog.png"))
        return True

    monkeypatch.setattr(prompts, "exec_dialog", look)
    result = import_members_dialog(None, session)
    assert seen["rows"] == [
        ("5", "dodanie"),
        ("6", "dodanie"),
        ("7", "dodanie"),
        ("9", "aktualizacja"),
        ("10", "odrzucony"),
        ("11", "odrzucony"),
        ("12", "odrzucony"),
    ]
    assert "Do dodania: <b>3</b> · do aktualizacji: <b>1</b> · odrzucone: <b>3</b>" in seen["summary"]
    assert seen["combos"] == ["A", "L"]
    assert "błędna cyfra kontrolna" in seen["tooltip"]
    assert seen["background"] == "#f4c7c3"
    assert seen["filtered"] == 3
    assert seen["after_mapping"] == "nowy członek"
    assert seen["button"] == "Importuj poprawne wiersze (4)"
    assert (tmp_path / "import_dialog.png").stat().st_size > 10_000
    assert (result.added, result.updated, result.rejected) == (3, 1, 3)
    assert reloaded == [1]
    members = session.doc.rows("members")
    assert len(members) == 54 and members[-3].get("iso_norms") == "nowy członek"
    assert next(r for r in members if r.get("nip") == NEW_NIP).get("sales_pln") == Decimal("2500000.50")
    assert session.repo.load(session.app_id).rows("members")[-1].get("name") == "Politechnika Testowa"
    assert shown == [("info", "Dodano członków: 3, zaktualizowano: 1, pominięto odrzucone wiersze: 3.")]


def test_cancelled_preview_and_bad_file_leave_the_register(qtbot, monkeypatch, tmp_path, session, shown):
    db = session.repo.path
    before = db_dump(db)
    path = quirky_workbook(tmp_path / "czlonkowie.xlsx")
    monkeypatch.setattr(prompts, "choose_open_file", lambda parent, title, filters=None: str(path))
    monkeypatch.setattr(prompts, "exec_dialog", lambda dialog: False)  # "Anuluj"
    assert import_members_dialog(None, session) is None
    assert db_dump(db) == before
    bad = tmp_path / "stary.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    monkeypatch.setattr(prompts, "choose_open_file", lambda parent, title, filters=None: str(bad))
    assert import_members_dialog(None, session) is None
    assert shown == [
        (
            "error",
            "Nie można wczytać pliku. Plik „stary.xls”: to plik w starym formacie Excel 97-2003 "
            "(.xls); otwórz go w Excelu lub LibreOffice i zapisz jako „Skoroszyt programu Excel "
            "(.xlsx)”.",
        )
    ]
    assert db_dump(db) == before


def test_worker_runs_off_the_ui_thread_reports_progress_and_cancels(qtbot):
    threads = []

    def work(progress):
        threads.append(threading.current_thread())
        for i in range(1000):
            if not progress(i, 1000):
                raise Cancelled()
            time.sleep(0.02)  # 20 s unless cancelled
        return "done"

    def press_cancel(attempt: int = 0) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if (not shown or shown[0].maximum() != 1000) and attempt < 200:  # the first report may come late under load
            QTimer.singleShot(25, lambda: press_cancel(attempt + 1))
            return
        widget = shown[0]
        assert widget.labelText() == "Wczytywanie…" and widget.maximum() == 1000
        button = next(b for b in widget.findChildren(QPushButton) if b.text() == "Anuluj")
        button.click()

    QTimer.singleShot(400, press_cancel)
    start = time.perf_counter()
    with pytest.raises(Cancelled):
        run_in_background(None, "Wczytywanie…", work)
    assert time.perf_counter() - start < 15  # stopped well before the 20 s of work
    assert threads[0] is not threading.main_thread()
    assert run_in_background(None, "Szybko…", lambda progress: 42) == 42
    with pytest.raises(ZeroDivisionError):
        run_in_background(None, "Błąd…", lambda progress: 1 / 0)


def test_questionnaires_dialog_generates_checks_and_imports(qtbot, monkeypatch, tmp_path, session, shown):
    folder = tmp_path / "ankiety"
    folder.mkdir()
    monkeypatch.setattr(prompts, "choose_folder", lambda parent, title, start="": str(folder))
    dialogs = []

    def drive(dialog) -> bool:
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        dialog.generate_button.click()
        files = sorted(folder.iterdir())
        fill(next(f for f in files if make_nip(0) in f.name), {"Liczba pracowników": 77})
        fill(next(f for f in files if make_nip(1) in f.name), {"Liczba pracowników": "dużo"})
        dialog.scan_button.click()
        assert dialog.summary.text() == "Zwrócone: 1 · z problemami: 1 · brak: 49"
        assert dialog.import_button.isEnabled() and dialog.corrections_button.isEnabled()
        dialog.import_button.click()
        dialog.corrections_button.click()
        return False

    monkeypatch.setattr(prompts, "exec_dialog", drive)
    questionnaires_dialog(None, session)
    assert shown[0] == ("info", f"Utworzono ankiet: 51 w folderze {folder}.")
    assert shown[1] == ("info", "Wczytano ankiet: 1; z problemami (pominięte): 1.")
    assert shown[2][1].startswith("Zapisano kopii do poprawy: 1 w folderze")
    assert session.doc.rows("members")[0].get("employees") == 77
    assert session.doc.rows("members")[1].get("employees") == 11
    assert len(list((folder / "do_poprawy").iterdir())) == 1
    table = dialogs[0].table
    assert [table.item(r, 2).text() for r in range(2)] == ["zwrócona", "z problemami"]


def test_export_xlsx_writes_the_workbook(qtbot, monkeypatch, tmp_path, session, shown):
    target = tmp_path / "wniosek"
    monkeypatch.setattr(prompts, "choose_save_file", lambda parent, title, suggested, filters=None: str(target))
    path = export_xlsx(None, session)
    assert path == tmp_path / "wniosek.xlsx"
    assert load_workbook(path).sheetnames[:3] == ["Podsumowanie", "Dane wniosku", "Rejestr członków"]
    assert shown == [("info", f"Zapisano wniosek w pliku {path}.")]


def test_finalised_application_cannot_import(qtbot, monkeypatch, session, shown):
    session.repo.finalize(session.app_id)
    session.info = session.repo.info(session.app_id)
    assert import_members_dialog(None, session) is None
    assert shown == [("error", "Wniosek jest sfinalizowany i nie można go zmieniać; utwórz korektę.")]


def test_mapping_step_lists_only_free_targets(qtbot, tmp_path, session):
    wb = Workbook()
    wb.active.append(["Nazwa", "NIP", "Rodzaj", "Przych. netto", "Kolor logo"])
    wb.active.append(["Omega", make_nip(200), "małe", "1 000,00", "zielony"])
    path = tmp_path / "m.xlsx"
    wb.save(path)
    from export.xlsx.members_import import load_sheet

    dialog = ImportMembersDialog(load_sheet(path, session.definition), session.doc)
    qtbot.addWidget(dialog)
    combo = dialog.combos["D"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0] == "(pomiń tę kolumnę)" and "Nazwa członka" not in labels and "NIP" not in labels
    combo.setCurrentIndex(combo.findData("sales_pln"))
    assert dialog.plan.items[0].data["sales_pln"] == Decimal("1000.00")
    assert dialog.preview.unmatched[0].letter == "E"
