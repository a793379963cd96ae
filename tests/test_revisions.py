"""Drafts stored under an older version of their form: kkk-2019 drafts written when the round used the 13-item
KIS list keep what they meant on the 15-item list of 2019 (forms/revisions.py, Repository.upgrade_drafts)."""

from __future__ import annotations

import copy
import json

import pytest

from forms.loader import DEFINITIONS_DIR, DefinitionError, load_form, parse_definition
from models.backups import list_backups
from models.db import open_database
from models.repository import Repository
from models.tables import Application, Value


def stored_kis(repo: Repository, app_id: int) -> list[str]:
    value = Value.get_or_none((Value.application == app_id) & (Value.key == "cluster.kis"))
    return json.loads(value.data) if value else []


@pytest.fixture
def old_drafts(tmp_path):
    """A database with a kkk-2019 draft and a finalised kkk-2019 application, both of form version 1."""
    path = tmp_path / "k.sqlite"
    repo = Repository(open_database(path))
    draft = repo.create("kkk-2019", name="Klaster Stary")
    repo.set_value(draft, "cluster.kis", ("8", "9", "11"))
    final = repo.create("kkk-2019", name="Klaster Wysłany")
    repo.set_value(final, "cluster.kis", ("9",))
    Application.update(state="final", checksum="sealed").where(Application.id == final).execute()
    Application.update(form_version=1).execute()
    repo.db.close()
    return path, draft, final


def test_a_draft_is_upgraded_once_after_a_backup_and_the_coordinator_is_told(old_drafts):
    path, draft, final = old_drafts
    db = open_database(path, make_backup=False)
    repo = Repository(db)
    told = repo.upgrade_drafts()
    assert stored_kis(repo, draft) == ["8", "11", "13", "12"]  # 9 -> 11 and 13, 11 -> 12, in their order
    assert repo.info(draft).form_version == load_form("kkk-2019").version
    assert [b.reason for b in list_backups(path)].count("migrate") == 1
    (text,) = told
    assert f"Wniosek {draft} „Klaster Stary”" in text.pl and "9 → 11, 13; 11 → 12" in text.pl
    assert "lista 15 KIS" in text.pl and text.pl.endswith("Sprawdź wybór.")
    assert "9 → 11, 13; 11 → 12" in text.en and "Check the choice." in text.en
    assert text.pl in db.warnings
    assert repo.upgrade_drafts() == []  # nothing left to do
    assert [b.reason for b in list_backups(path)].count("migrate") == 1
    repo.db.close()


def test_a_finalised_application_is_never_changed(old_drafts):
    path, _draft, final = old_drafts
    repo = Repository(open_database(path, make_backup=False))
    repo.upgrade_drafts()
    assert stored_kis(repo, final) == ["9"] and repo.info(final).form_version == 1
    assert repo.load(final).get("cluster.kis") == ("9",)  # shown as it was sealed
    repo.db.close()


def test_a_read_only_open_shows_the_codes_as_they_mean_now_and_writes_nothing(old_drafts):
    path, draft, _final = old_drafts
    repo = Repository(open_database(path, make_backup=False, read_only=True))
    assert repo.upgrade_drafts() == []
    assert repo.load(draft).get("cluster.kis") == ("8", "11", "13", "12")
    assert stored_kis(repo, draft) == ["8", "9", "11"] and repo.info(draft).form_version == 1
    repo.db.close()


def test_the_command_line_upgrades_when_it_writes_and_says_so(old_drafts, capsys):
    from app.cli import run

    path, draft, _final = old_drafts
    lines: list[str] = []
    assert run(["--db", str(path), "check", str(draft)], lines.append) in (0, 1)  # reading: no change
    assert "zapisano na liście wersji" not in capsys.readouterr().err
    assert run(["--db", str(path), "new", "--round", "kkk-2021"], lines.append) == 0
    err = capsys.readouterr().err
    assert f"Wniosek {draft} „Klaster Stary”: pole „Krajowe Inteligentne Specjalizacje (KIS)”" in err
    repo = Repository(open_database(path, make_backup=False, read_only=True))
    assert stored_kis(repo, draft) == ["8", "11", "13", "12"]
    repo.db.close()


def test_the_start_window_opens_upgraded_and_shows_what_changed(old_drafts):
    from ui.start.handle import open_handle

    path, draft, _final = old_drafts
    handle = open_handle(path)
    try:
        assert stored_kis(handle.repo, draft) == ["8", "11", "13", "12"]
        assert any("Sprawdź wybór." in w for w in handle.repo.db.warnings)
    finally:
        handle.close()


def raw_2019() -> dict:
    return json.loads((DEFINITIONS_DIR / "kkk-2019.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r.update(recode={"cluster.nothing": {"9": ["11"]}}), "nie jest polem wyboru z listy"),
        (lambda r: r.update(recode={"cluster.kis": {"9": ["99"]}}), "kod 9 -> 99: spoza listy 'kis'"),
        (lambda r: r.update(recode={"cluster.kis": {"9": []}}), "kod 9 -> nic"),
        (lambda r: r.update(version=7), "wersja 7"),
        (lambda r: r.pop("source"), "brak źródła"),
        (lambda r: r.update(extra=1), "nieznany klucz"),
        (lambda r: r.update(lists_before={"nope": {"file": "lists/kis-13.json"}}), "lista 'nope' nie należy"),
        (lambda r: r.update(lists_before={"kis": {"file": "lists/none.json"}}), "nie można odczytać pliku listy"),
    ],
)
def test_the_loader_refuses_a_revision_it_cannot_apply(change, message):
    raw = copy.deepcopy(raw_2019())
    change(raw["revisions"][0])
    with pytest.raises(DefinitionError, match=message):
        parse_definition(raw, "kkk-2019.json")


def old_file(tmp_path, version: int = 1) -> object:
    """A `.kkk.json` of kkk-2019 as an earlier program wrote it: form version 1, KIS of the 13-item list."""
    from export import kkk_json
    from forms.document import Document

    doc = Document(load_form("kkk-2019"))
    doc.set("cluster.name", "Klaster z Pliku")
    doc.set("cluster.kis", ("9", "13"))
    data = json.loads(kkk_json.dumps(doc))
    data["form_version"] = version
    path = tmp_path / "stary.kkk.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_imported_file_of_an_older_version_is_stored_up_to_date(tmp_path, capsys):
    from app.cli import run

    db = tmp_path / "k.sqlite"
    lines: list[str] = []
    assert run(["--db", str(db), "import", str(old_file(tmp_path))], lines.append) == 0
    app_id = int(lines[-1])
    assert "9 → 11, 13; 13 → 15" in capsys.readouterr().err
    repo = Repository(open_database(db, make_backup=False, read_only=True))
    assert stored_kis(repo, app_id) == ["11", "13", "15"] and repo.info(app_id).form_version == 2
    repo.db.close()


@pytest.mark.parametrize(
    "version, message", [(3, "zaktualizuj program"), (0, "liczby całkowitej od 1"), ("1", "liczby całkowitej od 1")]
)
def test_a_file_of_a_newer_or_nonsense_version_is_refused(tmp_path, version, message):
    from export import kkk_json

    with pytest.raises(kkk_json.KkkFileError, match=message):
        kkk_json.read(old_file(tmp_path, version))


def test_the_start_window_import_says_what_now_means_what(qtbot, tmp_path, monkeypatch):
    from ui.settings import Settings
    from ui.start import dialogs
    from ui.start.handle import open_handle
    from ui.start.window import StartWindow

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text, details=None: shown.append(text))
    handle = open_handle(tmp_path / "k.sqlite")
    try:
        window = StartWindow(handle.repo, Settings(tmp_path / "settings"), handle=handle, lang="pl")
        qtbot.addWidget(window)
        app_id = window.import_file(old_file(tmp_path))
        assert app_id is not None and stored_kis(handle.repo, app_id) == ["11", "13", "15"]
        assert len(shown) == 1 and "9 → 11, 13; 13 → 15" in shown[0] and "Sprawdź wybór." in shown[0]
    finally:
        handle.close()


def test_a_sealed_application_reads_with_the_lists_it_was_sealed_with(old_drafts):
    path, _draft, final = old_drafts
    repo = Repository(open_database(path, make_backup=False))
    doc = repo.load(final)
    assert doc.definition.version == 1 and doc.definition.choice_label("kis", "9") == "Elektronika i fotonika"
    assert load_form("kkk-2019").choice_label("kis", "9").startswith("Sensory")  # what it would have read as
    info = doc.definition.list_info["kis"]
    assert info.file.endswith("kis-13.json")
    repo.db.close()


def test_a_correction_renewals_and_finalising_keep_the_meaning(old_drafts):
    path, draft, final = old_drafts
    repo = Repository(open_database(path, make_backup=False))
    korekta = repo.correct(final)  # a draft copied from the sealed version-1 application, brought up to date
    assert stored_kis(repo, korekta) == ["11", "13"] and repo.info(korekta).form_version == 2
    assert any(f"Wniosek {korekta} " in w for w in repo.db.warnings)
    into_2021, _report = repo.renew_into(final, "kkk-2021")  # the 13-item list again: KIS 9 carries as it is
    assert stored_kis(repo, into_2021) == ["9"]
    assert load_form("kkk-2021").choice_label("kis", "9") == "Elektronika i fotonika"
    same_round, _report = repo.renew_into(final, "kkk-2019")
    assert stored_kis(repo, same_round) == ["11", "13"]
    # finalising a draft nobody upgraded yet seals what is stored, in this version's terms
    errors, checksum = repo.finalize(draft)
    assert stored_kis(repo, draft) == ["8", "11", "13", "12"] and repo.info(draft).form_version == 2
    if checksum is not None:
        assert checksum == repo.load(draft).checksum()
    repo.db.close()


def test_finalising_an_outdated_complete_draft_seals_exactly_what_is_stored(tmp_path):
    from forms.demo import make_demo

    repo = Repository(open_database(tmp_path / "k.sqlite"))
    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    doc.set("cluster.kis", ("8", "11"))  # written with the 13-item list: materials, automation and robotics
    app_id = repo.create("kkk-2019", "Klaster Kompletny")
    repo.save_document(app_id, doc)
    Application.update(form_version=1).where(Application.id == app_id).execute()
    errors, checksum = repo.finalize(app_id)
    assert errors == [] and checksum is not None
    assert stored_kis(repo, app_id) == ["8", "12"] and repo.info(app_id).form_version == 2
    assert repo.load(app_id).checksum() == checksum == repo.info(app_id).checksum
    repo.db.close()


def test_a_draft_upgraded_meanwhile_by_another_program_is_not_recoded_twice(old_drafts):
    path, draft, _final = old_drafts
    mine = Repository(open_database(path, make_backup=False))
    stale = Application.get_by_id(draft)  # what this program read before the other one upgraded the draft
    other = Repository(open_database(path, make_backup=False))
    assert other.upgrade_drafts()
    other.db.close()
    mine.db.connect(reuse_if_open=True)
    assert mine._upgrade_draft(stale) == []
    assert stored_kis(mine, draft) == ["8", "11", "13", "12"]  # not 8, 12, 13, 15, 12 ...
    mine.db.close()
