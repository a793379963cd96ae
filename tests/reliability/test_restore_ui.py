"""Damage found, recovery offered in the window: the list of backups, "Przywróć z kopii zapasowej", and restoring
from the start window's "Kopie zapasowe…"."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from models import backups as bk  # noqa: E402
from tests.reliability.storage_helpers import cli, damage_pages, make_db  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.start import dialogs as start_dialogs  # noqa: E402
from ui.start.handle import open_handle  # noqa: E402
from ui.start.restore import RestoreDialog  # noqa: E402

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@pytest.fixture(autouse=True)
def no_real_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("KLASTER_SETTINGS_DIR", str(tmp_path / "settings"))


class Answer:
    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    def __call__(self, *args, **kwargs):
        self.calls.append(args)
        return self.answer


def _damaged_with_backup(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    good = bk.take_backup(db, "import")
    damage_pages(db)
    return db, good


def test_dialog_lists_backups_and_only_a_healthy_one_can_be_restored(qtbot, tmp_path):
    db, good = _damaged_with_backup(tmp_path)
    bk.backups_dir(db).joinpath(f"{db.stem}-20200101-000000-000000-damaged.sqlite").write_bytes(b"\0" * 8192)
    dialog = RestoreDialog(db, "Baza jest uszkodzona.")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 3).text() == "sprawna" and dialog.table.item(1, 3).text() == "uszkodzona"
    assert dialog.chosen == good and dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.chosen is None and not dialog.restore_button.isEnabled()


def test_opening_a_damaged_database_offers_the_backups_and_opens_the_restored_one(qtbot, tmp_path, monkeypatch):
    from ui import start_window as sw

    db, good = _damaged_with_backup(tmp_path)
    other = make_db(tmp_path / "inna.sqlite")
    ask = Answer(good)
    monkeypatch.setattr(start_dialogs, "ask_restore", ask)
    monkeypatch.setattr(start_dialogs, "show_error", Answer(None))
    w = sw.StartWindow(None, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w)
    w.show_database(open_handle(other))
    assert w.switch_database(db) is True
    assert ask.calls and "uszkodzona" in ask.calls[0][2] and str(good) in ask.calls[0][2]
    assert bk.health(db) is None and w.table.rowCount() == 1
    assert [b.reason for b in bk.list_backups(db)].count("damaged") == 1
    w.handle.close()


def test_declining_the_restore_changes_nothing(qtbot, tmp_path, monkeypatch):
    from ui import start_window as sw

    db, good = _damaged_with_backup(tmp_path)
    before = db.read_bytes()
    monkeypatch.setattr(start_dialogs, "ask_restore", Answer(None))
    errors = Answer(None)
    monkeypatch.setattr(start_dialogs, "show_error", errors)
    w = sw.StartWindow(None, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w)
    assert w.switch_database(db) is False
    assert db.read_bytes() == before and bk.list_backups(db) == [bk.list_backups(db)[0]]


def test_restore_from_the_start_window_keeps_the_lock_and_lists_the_restored_data(qtbot, tmp_path, monkeypatch):
    from ui import start_window as sw

    db = make_db(tmp_path / "k.sqlite")
    first = bk.take_backup(db, "import")
    cli("--db", str(db), "demo", "--members", "3")
    handle = open_handle(db)
    w = sw.StartWindow(None, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w)
    w.show_database(handle)
    assert w.table.rowCount() == 2
    monkeypatch.setattr(start_dialogs, "ask_restore", Answer(first))
    assert w.manage_backups() is True
    assert w.table.rowCount() == 1
    assert handle.lock.isLocked(), "the window still owns the database"
    code, _, err = cli("--db", str(db), "demo")
    assert code == 2 and "PID" in err[0]
    assert any(b.reason == "restore" for b in bk.list_backups(db))
    handle.close()
