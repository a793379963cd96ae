"""The start window, its dialogs, settings and translations, and the GUI start-up (in subprocesses).

Offscreen, with every dialog replaced: an autouse fixture fails the test if a modal event loop is reached.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QLocale, QLockFile, Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMessageBox  # noqa: E402

from export import kkk_json  # noqa: E402
from forms.checks import check_document  # noqa: E402
from forms.fmt import NBSP  # noqa: E402
from forms.loader import DEFAULT_FORM  # noqa: E402
from forms.progress import completeness, progress  # noqa: E402
from models.db import backups_dir, open_database  # noqa: E402
from models.repository import Repository  # noqa: E402
from tests.conftest import store  # noqa: E402
from ui import start_window as sw  # noqa: E402
from ui.dialogs.new_application import NewApplicationDialog  # noqa: E402
from ui.settings import MAX_RECENT, Settings, updated_recent  # noqa: E402
from ui.start import dialogs as start_dialogs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATE_TIME = re.compile(r"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$")


# Guards and fixtures --------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def no_real_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("KLASTER_SETTINGS_DIR", str(tmp_path / "settings"))


pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


class FakeWizard(QMainWindow):
    """Stands in for ui.wizard.window.WizardWindow (same constructor and page interface)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.current = None

    def page_ids(self):
        return [s.id for s in self.session.definition.sections] + ["review"]

    def show_page(self, page_id):
        self.current = page_id


class Recorder:
    """Replaces a dialog function: records its calls and returns a fixed answer."""

    def __init__(self, answer=None):
        self.answer = answer
        self.calls: list[tuple] = []

    def __call__(self, *args, **kwargs):
        self.calls.append(args)
        return self.answer

    @property
    def texts(self) -> str:
        return "\n".join(str(a) for call in self.calls for a in call[1:] if isinstance(a, str))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "baza.sqlite"


@pytest.fixture
def errors(monkeypatch):
    rec = Recorder()
    monkeypatch.setattr(start_dialogs, "show_error", rec)
    return rec


@pytest.fixture
def window(qtbot, repo, tmp_path, monkeypatch, errors):
    monkeypatch.setattr(start_dialogs, "make_wizard", FakeWizard)
    w = sw.StartWindow(repo, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w)
    w.show()
    return w


def add_app(repo, doc):
    return store(repo, doc, doc.get("cluster.name", ""))


def cell(window, app_id, col) -> str:
    row = window.row_of(app_id)
    assert row >= 0, f"application {app_id} is not listed"
    return window.table.item(row, col).text()


def db_dump(repo) -> list:
    """Every row of every table, to prove a rejected import changed nothing."""
    tables = [r[0] for r in repo.db.execute_sql("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return [(t, repo.db.execute_sql(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()) for t in tables]


# The list ------------------------------------------------------------------------------------------
def test_list_shows_applications_in_polish(qtbot, window, repo, doc):
    first = add_app(repo, doc)
    second = repo.create("kkk-2019", "Drugi klaster", "odnowienie")
    # An empty application cannot pass the check: set its state as a finalised one would be stored.
    repo.db.execute_sql("UPDATE application SET state = 'final', checksum = ? WHERE id = ?", ("a" * 64, second))
    window.refresh()
    assert window.table.rowCount() == 2
    # Completeness is worked out just after the list is shown, so that the window appears at once.
    qtbot.waitUntil(lambda: not window._pending and not window._pending_scheduled, timeout=3000)
    assert window.stack.currentWidget() is window.table
    expected = completeness(progress(doc, check_document(doc)))
    assert cell(window, first, sw.COL_NAME) == "Mazowiecki Klaster Testowy"
    assert cell(window, first, sw.COL_ROUND) == "konkurs 2019"
    assert cell(window, first, sw.COL_KIND) == "nadanie"
    assert cell(window, first, sw.COL_STATE) == "roboczy"
    assert cell(window, first, sw.COL_VERSION) == "1"
    assert cell(window, first, sw.COL_COMPLETE) == f"{expected}{NBSP}%"
    assert DATE_TIME.match(cell(window, first, sw.COL_SAVED))
    assert cell(window, second, sw.COL_KIND) == "odnowienie"
    assert cell(window, second, sw.COL_STATE) == "sfinalizowany"
    assert cell(window, second, sw.COL_COMPLETE) != f"{expected}{NBSP}%"  # an empty application is less complete
    assert window.windowTitle() == "Klaster — baza.sqlite"


def test_empty_database_shows_a_hint(window):
    assert window.table.rowCount() == 0
    assert window.stack.currentWidget() is window.empty_hint
    assert "Brak wniosków" in window.empty_hint.text()
    assert not window.act_open.isEnabled() and not window.act_delete.isEnabled()
    assert window.act_new.isEnabled() and window.act_import.isEnabled()


def test_window_waits_for_its_database(qtbot, tmp_path, doc):
    """The program shows the window before it opens the database: until then only a hint and no database actions."""
    from ui.start.handle import open_handle

    handle = open_handle(tmp_path / "later.sqlite")
    app_id = add_app(handle.repo, doc)
    w = sw.StartWindow(None, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w)
    try:
        w.show()
        assert w.windowTitle() == "Klaster"
        assert w.stack.currentWidget() is w.loading_page and "Otwieram bazę danych" in w.loading_hint.text()
        assert not any(a.isEnabled() for a in (w.act_new, w.act_open, w.act_open_db, w.act_import, w.act_delete))
        assert not w.btn_new.isEnabled() and not w.btn_import.isEnabled()
        assert w.act_about.isEnabled() and w.act_quit.isEnabled()
        assert w.selected_id() is None and w.row_of(app_id) == -1
        w.show_database(handle)
        assert w.windowTitle() == "Klaster — later.sqlite"
        assert w.stack.currentWidget() is w.table and w.row_of(app_id) >= 0
        assert w.act_new.isEnabled() and w.act_open.isEnabled() and w.btn_import.isEnabled()
        assert w.settings.recent_databases() == []  # remembering it is the caller's choice (not for a demo)
    finally:
        handle.close()


def test_first_window_needs_no_database_modules():
    """What the program imports before its first window is shown brings neither peewee, the models nor the checks."""
    code = (
        "import sys, ui.app, ui.start.window; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('peewee', 'models', 'forms', 'stdnum', 'export')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_buttons_have_distinct_mnemonics(window):
    keys = []
    for b in (
        window.btn_new,
        window.btn_open,
        window.btn_duplicate,
        window.btn_renew,
        window.btn_delete,
        window.btn_import,
        window.btn_export,
    ):
        m = re.search(r"&(\w)", b.text())
        assert m, b.text()
        keys.append(m.group(1).lower())
    menus = [re.search(r"&(\w)", a.text()).group(1).lower() for a in window.menuBar().actions()]
    assert len(set(keys + menus)) == len(keys + menus)


# New application -------------------------------------------------------------------------------------
def test_new_application_through_the_dialog(window, repo, monkeypatch):
    def fill_and_accept(dialog):
        assert dialog.select_form("kkk-2021")
        dialog.set_kind("odnowienie")
        dialog.name_edit.setText("Śląski Klaster Żywności")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(NewApplicationDialog, "exec", fill_and_accept)
    app_id = window.new_application()
    assert app_id is not None
    info = repo.info(app_id)
    assert (info.form_id, info.kind, info.name) == ("kkk-2021", "odnowienie", "Śląski Klaster Żywności")
    assert repo.load(app_id).get("cluster.name") == "Śląski Klaster Żywności"
    assert cell(window, app_id, sw.COL_NAME) == "Śląski Klaster Żywności"
    assert cell(window, app_id, sw.COL_ROUND) == "konkurs 2021"
    assert window.selected_id() == app_id
    assert isinstance(window.wizards[app_id], FakeWizard)  # opened straight away


def test_new_application_cancelled_creates_nothing(window, repo, monkeypatch):
    monkeypatch.setattr(NewApplicationDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert window.new_application() is None
    assert repo.list_applications() == []


def test_new_application_dialog_keys(qtbot):
    dialog = NewApplicationDialog(lang="pl")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form_id == DEFAULT_FORM == "kkk-2021" and dialog.kind == "nadanie" and dialog.name == ""
    assert "Krajowego Klastra Kluczowego" in dialog.round_title.text()
    dialog.name_edit.setText("  Klaster   Łódzki ")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.name == "Klaster Łódzki"
    dialog.show()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


# Opening -----------------------------------------------------------------------------------------------
def test_open_by_double_click_and_refresh_on_close(window, repo, doc, qtbot):
    app_id = add_app(repo, doc)
    window.refresh()
    row = window.row_of(app_id)
    index = window.table.model().index(row, sw.COL_NAME)
    window.table.doubleClicked.emit(index)
    wizard = window.wizards[app_id]
    assert wizard.session.app_id == app_id
    assert window.open_selected() is wizard  # a second open shows the same window, not a second session
    wizard.session.set_value("cluster.name", "Nowa nazwa")
    wizard.close()
    qtbot.waitUntil(lambda: app_id not in window.wizards, timeout=3000)
    assert repo.info(app_id).name == "Nowa nazwa"  # flushed on close
    assert cell(window, app_id, sw.COL_NAME) == "Nowa nazwa"


def test_open_with_enter(window, repo, doc, qtbot):
    app_id = add_app(repo, doc)
    window.refresh()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert app_id in window.wizards


# Duplicate, renewal, delete ---------------------------------------------------------------------------
def test_duplicate(window, repo, doc):
    app_id = add_app(repo, doc)
    window.refresh(app_id)
    new_id = window.duplicate_selected()
    assert new_id is not None and new_id != app_id
    assert window.table.rowCount() == 2
    assert window.selected_id() == new_id
    assert repo.load(new_id).checksum() == repo.load(app_id).checksum()
    assert cell(window, new_id, sw.COL_NAME) == cell(window, app_id, sw.COL_NAME)


def test_renewal_carries_members_and_texts(window, repo, doc, monkeypatch):
    monkeypatch.setattr("forms.loader.DEFAULT_FORM", doc.definition.id)  # a renewal within the same round
    app_id = add_app(repo, doc)
    window.refresh(app_id)
    confirm = Recorder(True)
    monkeypatch.setattr(start_dialogs, "ask_confirm", confirm)
    new_id = window.renew_selected()
    assert new_id is not None
    assert "Mazowiecki Klaster Testowy" in confirm.texts and "rejestr członków" in confirm.texts
    info = repo.info(new_id)
    assert info.kind == "odnowienie" and info.parent_id == app_id and info.state == "draft"
    renewed = repo.load(new_id)
    assert len(renewed.rows("members")) == len(doc.rows("members"))
    assert renewed.get("cluster.name") == doc.get("cluster.name")
    assert renewed.get("coordinator.nip") == doc.get("coordinator.nip")
    assert renewed.get("contact.email") == doc.get("contact.email")
    assert renewed.get("hr.staff_description") == doc.get("hr.staff_description")
    assert renewed.get("policy.kis_justification") == doc.get("policy.kis_justification")  # a text of another area
    assert renewed.get("meta.application_type") == "odnowienie"
    assert renewed.get("signatory.name") is None and renewed.get("declaration.truth") is None
    assert renewed.rows("infra.finance") == [] and renewed.rows("attachments") == []
    assert cell(window, new_id, sw.COL_KIND) == "odnowienie"


def test_renewal_into_the_newest_round(window, repo, doc, monkeypatch):
    app_id = add_app(repo, doc)
    window.refresh(app_id)
    confirm, shown = Recorder(True), Recorder()
    monkeypatch.setattr(start_dialogs, "ask_confirm", confirm)
    monkeypatch.setattr("ui.start.actions.show_renewal_report", shown)
    new_id = window.renew_selected()
    assert new_id is not None and "w rundzie kkk-2021" in confirm.texts and len(shown.calls) == 1
    info = repo.info(new_id)
    assert (info.form_id, info.kind, info.parent_id) == ("kkk-2021", "odnowienie", app_id)
    report = window.applications.last_renewal_report
    assert "members" in report.carried and any(d.key == "signatory.name" for d in report.dropped)
    assert len(repo.load(new_id).rows("members")) == len(doc.rows("members"))


def test_renewal_declined_creates_nothing(window, repo, doc, monkeypatch):
    add_app(repo, doc)
    window.refresh()
    monkeypatch.setattr(start_dialogs, "ask_confirm", Recorder(False))
    assert window.renew_selected() is None
    assert len(repo.list_applications()) == 1


def test_delete_asks_and_no_keeps_it(window, repo, doc, monkeypatch):
    app_id = add_app(repo, doc)
    window.refresh(app_id)
    confirm = Recorder(False)
    monkeypatch.setattr(start_dialogs, "ask_confirm", confirm)
    assert window.delete_selected() is False
    assert [a.id for a in repo.list_applications()] == [app_id]
    assert "Mazowiecki Klaster Testowy" in confirm.texts
    assert "kopię zapasową" in confirm.texts
    confirm.answer = True
    assert window.delete_selected() is True
    assert repo.list_applications() == []
    assert window.stack.currentWidget() is window.empty_hint
    assert list(backups_dir(repo.path).glob("*-delete.sqlite"))


def test_delete_refused_while_open(window, repo, doc, errors, monkeypatch):
    app_id = add_app(repo, doc)
    window.refresh(app_id)
    window.open_selected()
    monkeypatch.setattr(start_dialogs, "ask_confirm", Recorder(True))
    assert window.delete_selected() is False
    assert "otwarty" in errors.texts
    assert len(repo.list_applications()) == 1


# Import and export -------------------------------------------------------------------------------------
def test_import_good_file(window, repo, doc, tmp_path, monkeypatch):
    path = tmp_path / "wniosek.kkk.json"
    kkk_json.write(doc, path)
    monkeypatch.setattr(start_dialogs, "choose_open_file", Recorder(path))
    app_id = window.import_file()
    assert app_id is not None
    assert repo.load(app_id).checksum() == doc.checksum()
    assert cell(window, app_id, sw.COL_NAME) == "Mazowiecki Klaster Testowy"
    assert window.selected_id() == app_id


def test_import_bad_file_changes_nothing(window, repo, doc, tmp_path, monkeypatch, errors):
    add_app(repo, doc)
    window.refresh()
    data = kkk_json.to_dict(doc)
    data["values"]["cluster.nonsense"] = 1
    data["values"]["cluster.established_on"] = "31.02.2015"
    data["tables"]["members"][0]["employees"] = "dużo"
    path = tmp_path / "zly.kkk.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = db_dump(repo)
    monkeypatch.setattr(start_dialogs, "choose_open_file", Recorder(path))
    assert window.import_file() is None
    assert db_dump(repo) == before
    assert window.table.rowCount() == 1
    assert len(errors.calls) == 1
    text = errors.texts
    assert "zly.kkk.json" in text and "bez zmian" in text
    assert "cluster.nonsense" in text and "members" in text


def test_import_cancelled(window, repo, monkeypatch):
    monkeypatch.setattr(start_dialogs, "choose_open_file", Recorder(None))
    assert window.import_file() is None
    assert repo.list_applications() == []


def test_export_writes_a_file_that_reads_back(window, repo, doc, tmp_path, monkeypatch):
    app_id = add_app(repo, doc)
    window.refresh(app_id)
    chooser = Recorder(tmp_path / "eksport")
    monkeypatch.setattr(start_dialogs, "choose_save_file", chooser)
    written = window.export_selected()
    assert written == tmp_path / "eksport.kkk.json"
    assert chooser.calls[0][2].name == "Mazowiecki Klaster Testowy.kkk.json"  # the suggested name
    assert kkk_json.read(written).checksum() == repo.load(app_id).checksum()


def test_export_error_is_reported(window, repo, doc, tmp_path, monkeypatch, errors):
    add_app(repo, doc)
    window.refresh()
    monkeypatch.setattr(start_dialogs, "choose_save_file", Recorder(tmp_path / "brak" / "folderu" / "x.kkk.json"))
    assert window.export_selected() is None
    assert "Nie można zapisać pliku" in errors.texts


def test_export_file_name():
    assert sw.export_file_name('Klaster: "A/B"', 3) == "Klaster A B.kkk.json"
    assert sw.export_file_name("", 7) == "wniosek-7.kkk.json"


# Databases, menus, about -------------------------------------------------------------------------------
def test_switch_database_moves_the_lock(qtbot, tmp_path, monkeypatch, errors):
    from ui.app import lock_path, open_handle

    monkeypatch.setattr(start_dialogs, "make_wizard", FakeWizard)
    first = open_handle(tmp_path / "a.sqlite")
    settings = Settings(tmp_path / "settings")
    w = sw.StartWindow(first.repo, settings, handle=first, lang="pl")
    qtbot.addWidget(w)
    other = tmp_path / "b.sqlite"
    Repository(open_database(other)).db.close()
    monkeypatch.setattr(start_dialogs, "choose_open_file", Recorder(other))
    try:
        assert w.open_database_dialog()
        assert w.windowTitle() == "Klaster — b.sqlite"
        assert w.repo.path == other
        probe = QLockFile(str(lock_path(tmp_path / "a.sqlite")))
        assert probe.tryLock(0)  # released
        probe.unlock()
        probe = QLockFile(str(lock_path(other)))
        assert not probe.tryLock(0)  # held by the window
        assert settings.recent_databases()[0] == str(other)
        w._fill_recent_menu()
        assert w.recent_menu.actions()[0].text() == "(brak)"  # the current one is not offered
    finally:
        w.handle.close()


def test_about(window, monkeypatch):
    from app import __version__
    from ui.dialogs.about import AboutDialog

    rec = Recorder()
    monkeypatch.setattr(start_dialogs, "show_about", rec)
    window.about()
    assert rec.calls and rec.calls[0][1] == window.repo.path
    dialog = AboutDialog(window.repo.path, Path("/tmp/log"), None)
    assert __version__ in dialog.details.text() and "baza.sqlite" in dialog.details.text()
    dialog.deleteLater()


def test_geometry_is_remembered(qtbot, repo, tmp_path):
    settings = Settings(tmp_path / "settings")
    w = sw.StartWindow(repo, settings, lang="pl")
    qtbot.addWidget(w)
    w.resize(777, 555)
    w.show()
    w.close()
    w2 = sw.StartWindow(repo, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (777, 555)


# Settings (pure logic and the file) -----------------------------------------------------------------------
def test_recent_databases_logic(tmp_path):
    files = [tmp_path / f"{i}.sqlite" for i in range(12)]
    for f in files:
        f.touch()
    names = [str(f) for f in files]
    assert updated_recent([], names[0]) == [names[0]]
    assert updated_recent([names[0], names[1]], names[1]) == [names[1], names[0]]  # moved to the front, once
    assert updated_recent([names[0]], str(tmp_path / "." / "0.sqlite")) == [names[0]]  # same file, other spelling
    full = updated_recent(names[1:], names[0])
    assert len(full) == MAX_RECENT and full[0] == names[0]
    assert updated_recent([names[0], str(tmp_path / "gone.sqlite"), names[1]]) == [names[0], names[1]]
    assert updated_recent(["/x/a", "/x/b"], "/x/c", exists=lambda p: True) == ["/x/c", "/x/a", "/x/b"]


def test_settings_file_round_trip(tmp_path, monkeypatch):
    folder = tmp_path / "cfg"
    db = tmp_path / "one.sqlite"
    db.touch()
    s = Settings(folder)
    assert s.language == "pl" and s.recent_databases() == [] and s.mail_limit_mb == 20
    s.add_recent_database(db)
    s.set("mail_limit_mb", 25)
    s.language = "en"
    s.sync()
    assert Path(s.file_name).parent == folder
    again = Settings(folder)
    assert again.recent_databases() == [str(db)]  # a one-element list survives the INI file
    assert again.mail_limit_mb == 25 and again.language == "en"
    monkeypatch.setenv("KLASTER_SETTINGS_DIR", str(folder))
    assert Settings().file_name == s.file_name


# Translations and the error hook ------------------------------------------------------------------------
def test_translators(qapp):
    from ui.i18n import install_translators

    old_locale = QLocale()
    try:
        install_translators(qapp, "pl")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Anuluj"
        assert QLocale().name() == "pl_PL"
        box.deleteLater()
        install_translators(qapp, "en")
        assert QLocale().name() == "en_GB"
        if (ROOT / "resources" / "translations" / "klaster_en.qm").exists():
            assert QCoreApplication.translate("ApplicationTable", "Ostatni zapis") == "Last saved"
    finally:
        for t in getattr(qapp, "_klaster_translators", []):
            qapp.removeTranslator(t)
        qapp._klaster_translators = []
        qapp._klaster_language = "pl"
        QLocale.setDefault(old_locale)


def test_excepthook_logs_and_speaks_polish(qapp, monkeypatch, capsys):
    from ui import app as gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    gui.install_excepthook(Path("/tmp/klaster.log"), dialogs=False)
    try:
        raise ValueError("zepsuło się")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert "Wystąpił nieoczekiwany błąd" in err and "Zapisane dane są bezpieczne" in err
    assert "/tmp/klaster.log" in err and "Traceback" not in err
    shown = Recorder()
    monkeypatch.setattr(QMessageBox, "critical", shown)
    gui.install_excepthook(Path("/tmp/klaster.log"), dialogs=True)
    sys.excepthook(RuntimeError, RuntimeError("x"), None)
    assert len(shown.calls) == 1 and "Dziennik: /tmp/klaster.log" in shown.calls[0][2]


# Start-up in a subprocess (a second QApplication in this process would abort) ---------------------------
def _env(tmp_path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KLASTER_SETTINGS_DIR"] = str(tmp_path / "settings")
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.mark.skipif(not (ROOT / "ui" / "wizard" / "window.py").exists(), reason="ui/wizard/window.py not written yet")
def test_demo_screenshots(tmp_path):
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "main.py", "--demo", "--screenshot", str(out)],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    start = out / "00-start.png"
    assert start.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pages = sorted(p.name for p in out.glob("*.png") if p.name != "00-start.png")
    assert pages and pages[0].startswith("01-") and pages[-1].endswith("-review.png")


def test_second_instance_on_a_locked_database_exits_2(tmp_path):
    db = tmp_path / "zajeta.sqlite"
    lock = QLockFile(str(db) + ".lock")
    lock.setStaleLockTime(0)
    assert lock.tryLock(100)
    try:
        result = subprocess.run(
            [sys.executable, "main.py", "--db", str(db)],
            cwd=ROOT,
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        lock.unlock()
    assert result.returncode == 2
    assert "Ta baza jest już otwarta w innym oknie programu Klaster" in result.stderr
    assert f"PID {os.getpid()}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()  # the database was not even opened (no migration, no backup)


def test_bad_arguments_exit_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "main.py", "--lang", "de"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Błąd: niepoprawne wywołanie") and "Traceback" not in result.stderr
