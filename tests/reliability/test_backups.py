"""Backups that can be trusted: a damaged database never replaces good copies, no empty or partial file enters the
rotation, copies are kept by reason, and `backups` / `restore` put a good one back."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from models import backups as bk
from models.faults import DatabaseDamaged, DiskFull
from tests.reliability.storage_helpers import cli, damage_pages, db_content, digest_folder, make_db


def _age_rolling_copy(db, days: int) -> None:
    """Pretend the day's rolling copy was taken `days` ago (the clock is not ours to move)."""
    for b in bk.list_backups(db):
        old = b.time - dt.timedelta(days=days)
        b.path.rename(b.path.with_name(f"{db.stem}-{old:%Y%m%d-%H%M%S-%f}-{b.reason}.sqlite"))


def test_damaged_database_never_overwrites_good_backups(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    cli("--db", str(db), "demo", "--members", "5")  # a writing command: the day's rolling copy
    good = digest_folder(bk.backups_dir(db))
    assert len(good) == 1
    damage_pages(db)
    before = db.read_bytes()
    for argv in (["list"], ["check", "1"], ["finalize", "1"], ["demo"], ["correct", "1"], ["indicators", "1"]):
        code, out, err = cli("--db", str(db), *argv)
        assert code == 2, (argv, out, err)
        assert len(err) == 1, err
        line = err[0]
        assert "jest uszkodzona" in line and "uszkodzone strony pliku: 3, 5, 8" in line
        assert "nic w niej nie zapisano" in line and "restore" in line
        assert "Nieoczekiwany" not in line
    assert digest_folder(bk.backups_dir(db)) == good, "no damaged copy joined the good ones, none was deleted"
    assert db.read_bytes() == before, "nothing was written to the damaged file"


def test_export_reads_what_it_can_from_a_damaged_database(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    damage_pages(db, (2,))  # the page may hold data or not: either the export works or it says why
    code, out, err = cli("--db", str(db), "export", "1", str(tmp_path / "ratunek.kkk.json"))
    assert code in (0, 2)
    assert all("Nieoczekiwany" not in line for line in err)
    if code == 0:
        assert any("uszkodzona" in line for line in err) and (tmp_path / "ratunek.kkk.json").exists()


def test_restore_puts_the_newest_healthy_copy_back_and_keeps_the_damaged_file(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    content = db_content(db)  # what the rolling copy of the next writing command holds
    cli("--db", str(db), "demo", "--members", "5")
    damage_pages(db)
    code, out, err = cli("--db", str(db), "backups")
    assert code == 0 and len(out) == 1 and "sprawna" in out[0] and "przy otwarciu" in out[0]
    code, out, err = cli("--db", str(db), "restore", "1")
    assert code == 0, err
    assert db_content(db) == content and bk.health(db) is None
    assert cli("--db", str(db), "check", "1")[0] in (0, 1)
    kinds = sorted(b.reason for b in bk.list_backups(db))
    assert kinds == ["damaged", "open"], "the damaged file was set aside, never counted as a healthy copy"
    code, out, _ = cli("--db", str(db), "backups")
    assert any("USZKODZONA" in line for line in out)


def test_restore_backs_up_a_healthy_current_file_first(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    first = bk.take_backup(db, "import")
    cli("--db", str(db), "demo", "--members", "3")
    assert len(cli("--db", str(db), "list")[1]) == 3  # header and two applications
    assert cli("--db", str(db), "restore", str(first))[0] == 0
    assert len(cli("--db", str(db), "list")[1]) == 2
    restored_from = [b for b in bk.list_backups(db) if b.reason == "restore"]
    assert restored_from, "the state before the restore is kept"
    conn = sqlite3.connect(restored_from[0].path)
    assert conn.execute("SELECT count(*) FROM application").fetchone()[0] == 2
    conn.close()


def test_restore_refuses_a_damaged_or_missing_copy(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\0" * 4096)
    for target, fragment in ((bad, "nie nadaje się do przywrócenia"), (tmp_path / "nope.sqlite", "nie ma pliku")):
        before = db.read_bytes()
        code, _, err = cli("--db", str(db), "restore", str(target))
        assert code == 2 and len(err) == 1 and fragment in err[0]
        assert db.read_bytes() == before
    assert cli("--db", str(db), "restore", "7")[0] == 2


def test_zero_byte_and_partial_files_never_enter_the_rotation(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    folder = bk.backups_dir(db)
    folder.mkdir()
    now = dt.datetime.now()
    for days in range(1, 8):  # a week of empty files, as a full disk would have left them
        stamp = now - dt.timedelta(days=days)
        (folder / f"k-{stamp:%Y%m%d-%H%M%S-%f}-open.sqlite").write_bytes(b"")
    (folder / "k-20260101-000000-000000-open.sqlite.partial").write_bytes(b"half")
    made = bk.take_backup(db, "open")
    assert made is not None and bk.health(made) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == [made.name], "empty and partial files are removed, the good copy stays"


def test_full_disk_during_a_backup_leaves_no_file_and_keeps_the_good_ones(tmp_path, monkeypatch):
    db = make_db(tmp_path / "k.sqlite")
    good = bk.take_backup(db, "delete")

    def full(source, target):
        target.write_bytes(b"")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(bk, "_copy_into", full)
    with pytest.raises(DiskFull, match="Brak miejsca na dysku"):
        bk.take_backup(db, "import")
    assert sorted(p.name for p in bk.backups_dir(db).iterdir()) == [good.name]


def test_a_backup_is_verified_before_it_is_renamed_into_place(tmp_path, monkeypatch):
    db = make_db(tmp_path / "k.sqlite")
    real = bk._copy_into

    def damaged_copy(source, target):
        real(source, target)
        damage_pages(target, (2, 3))
        if bk.health(target) is not None:
            raise bk.StorageError(f"Kopia zapasowa {target} nie przeszła sprawdzenia")

    monkeypatch.setattr(bk, "_copy_into", damaged_copy)
    with pytest.raises(bk.StorageError, match="nie przeszła sprawdzenia"):
        bk.take_backup(db, "import")
    assert not any(bk.backups_dir(db).iterdir())


def test_rolling_copies_one_a_day_five_kept_others_thirty_days(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    now = dt.datetime.now().replace(hour=12, minute=0)  # noon: an hour either way stays on the same day
    for day in range(9, -1, -1):
        bk.take_backup(db, "open", now=now - dt.timedelta(days=day))
        assert bk.take_backup(db, "open", now=now - dt.timedelta(days=day, hours=-1)) is None, "one a day"
    rolling = [b for b in bk.list_backups(db) if b.rolling]
    assert len(rolling) == bk.ROLLING_KEPT
    assert rolling[0].time.date() == now.date()
    old_delete = bk.take_backup(db, "delete", now=now - dt.timedelta(days=40))
    recent_delete = bk.take_backup(db, "delete", now=now - dt.timedelta(days=20))
    bk.rotate(db, now=now)
    paths = {b.path for b in bk.list_backups(db)}
    assert recent_delete in paths and old_delete not in paths
    assert len([b for b in bk.list_backups(db) if b.rolling]) == bk.ROLLING_KEPT


def test_the_newest_healthy_copy_is_never_deleted_however_old(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    now = dt.datetime.now()
    only = bk.take_backup(db, "delete", now=now - dt.timedelta(days=400))
    bk.rotate(db, now=now)
    assert only.exists()


def test_commands_that_only_read_take_no_backup(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    for argv in (["list"], ["check", "1"], ["indicators", "1"], ["export", "1", str(tmp_path / "a.kkk.json")]):
        cli("--db", str(db), *argv)
    assert bk.list_backups(db) == []
    cli("--db", str(db), "import", str(tmp_path / "a.kkk.json"))
    assert [b.reason for b in bk.list_backups(db)] == ["import"]


def test_damaged_error_names_the_newest_healthy_copy(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    copy = bk.take_backup(db, "import")
    damage_pages(db)
    with pytest.raises(DatabaseDamaged) as info:
        bk.check_healthy(db)
    assert str(copy) in str(info.value) and "Przywróć z kopii zapasowej" in str(info.value)
    assert "\n" not in str(info.value)


def test_a_reading_command_on_an_older_schema_migrates_it_after_a_backup(tmp_path):
    from models.migrations import APPLICATION_ID, SCHEMA_VERSION, V1

    db = tmp_path / "stara.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(V1)
    conn.execute(
        "INSERT INTO application (id, uuid, name, form_id, form_version, kind, state, version_no, created_at,"
        " updated_at) VALUES (1, 'u-1', 'Stary klaster', 'kkk-2019', 1, 'nadanie', 'draft', 1,"
        " '2024-01-01 10:00:00', '2024-01-01 10:00:00')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()
    code, out, err = cli("--db", str(db), "list")
    assert code == 0 and "Stary klaster" in out[1], err
    assert [b.reason for b in bk.list_backups(db)] == [f"before-v{SCHEMA_VERSION}"]
    assert bk.list_backups(db)[0].reason_text == "przed aktualizacją bazy"
