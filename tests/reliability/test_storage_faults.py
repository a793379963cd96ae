"""Every storage fault named: the window's lock honoured by the command line, a full disk, a read-only file or
folder, a database locked by another program, a database on a network share. Never "Nieoczekiwany błąd"."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import uuid

import pytest

from models import faults
from models.db import open_database
from tests.reliability.storage_helpers import ROOT, cli, db_content, main_py, make_db

HOLD_LOCK = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from app.lock import lock_database
lock = lock_database(Path({db!r}))
print("locked", flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def window_holding(db):
    """Another process holding the database's lock, as an open window does."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK.format(root=str(ROOT), db=str(db))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield proc.pid
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_writing_commands_are_refused_while_a_window_holds_the_database(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    cli("--db", str(db), "export", "1", str(tmp_path / "a.kkk.json"))
    before = db_content(db)
    with window_holding(db) as pid:
        for argv in (
            ["demo"],
            ["finalize", "1"],
            ["correct", "1"],
            ["import", str(tmp_path / "a.kkk.json")],
            ["members-import", "1", str(tmp_path / "none.xlsx")],
            ["restore", "1"],
        ):
            code, out, err = cli("--db", str(db), *argv)
            if argv[0] == "restore":  # no backup exists: refused before the lock is even asked
                assert code == 2
                continue
            assert code == 2, (argv, err)
            assert len(err) == 1 and f"PID {pid}" in err[0] and "Zamknij okno" in err[0], err
        for argv in (["list"], ["check", "1"], ["indicators", "1"], ["export", "1", str(tmp_path / "b.kkk.json")]):
            code, out, err = cli("--db", str(db), *argv)
            assert code in (0, 1), (argv, err)
        assert cli("--db", str(db), "pdf", "1", str(tmp_path / "w.pdf"))[0] == 0
    assert db_content(db) == before, "nothing was written behind the window's back"
    assert cli("--db", str(db), "finalize", "1")[0] == 0, "once the window is closed the command works"


def test_a_dry_run_is_a_reading_command(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    with window_holding(db):
        code, out, err = cli("--db", str(db), "members-import", "1", str(tmp_path / "none.xlsx"), "--dry-run")
    assert code == 2 and not any("PID" in line for line in err)  # refused for the missing file, not the lock


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (root only); skipped where mounting is not allowed."""
    point = tmp_path / "disk"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)]).returncode:
        pytest.skip("a small disk needs root and mount (the SQLite-level fault is tested below)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)])


def fill(folder):
    with open(folder / "filler.bin", "wb") as f:
        with contextlib.suppress(OSError):
            while True:
                f.write(b"\0" * 65536)
                f.flush()


def test_full_disk_writes_are_named_and_reading_commands_still_work(small_disk, tmp_path):
    db = make_db(small_disk / "k.sqlite")
    before = db_content(db)
    for side in ("-wal", "-shm"):  # as a clean close leaves it: SQLite must create its WAL index to read
        db.with_name(db.name + side).unlink(missing_ok=True)
    fill(small_disk)
    code, out, err = cli("--db", str(db), "demo", "--members", "200")
    assert code == 2 and len(err) == 1 and "Brak miejsca na dysku" in err[0], err
    assert "niczego w niej nie zmieniono" in err[0]
    assert "Nieoczekiwany" not in err[0]
    # The rescue to another drive works on a full disk, and so does every reading command.
    code, _, err = cli("--db", str(db), "export", "1", str(tmp_path / "ratunek.kkk.json"))
    assert code == 0, err
    for argv in (["list"], ["check", "1"], ["indicators", "1"]):
        assert cli("--db", str(db), *argv)[0] in (0, 1)
    (small_disk / "filler.bin").unlink()
    assert db_content(db) == before


def test_full_disk_at_the_sqlite_layer_keeps_edits_in_memory(qtbot, tmp_path):
    from ui.session import Session

    db = make_db(tmp_path / "k.sqlite")
    repo_db = open_database(db, make_backup=False)
    from models.repository import Repository

    repo = Repository(repo_db)
    session = Session(repo, 1)
    pages = repo_db.execute_sql("PRAGMA page_count").fetchone()[0]
    repo_db.execute_sql(f"PRAGMA max_page_count = {pages}")  # the file may not grow: SQLITE_FULL
    failures = []
    session.saveFailed.connect(failures.append)
    session.set_value("cluster.description", "Długi opis klastra. " * 900)
    assert session.flush() is False
    assert failures and "Brak miejsca na dysku" in failures[-1] and "zmiany są w pamięci" in failures[-1]
    assert session.dirty and session._retry.isActive(), "kept in memory, retried later, not in a tight loop"
    repo_db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert session.flush() is True
    assert (
        Repository(open_database(db, make_backup=False, read_only=True))
        .load(1)
        .get("cluster.description")
        .startswith("Długi opis")
    )
    session.deleteLater()


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder whose database cannot be written: a read-only bind mount as root, permissions otherwise."""
    source = tmp_path / "src"
    source.mkdir()
    db = make_db(source / "k.sqlite")
    if os.geteuid() == 0:
        view = tmp_path / "ro"
        view.mkdir()
        if subprocess.run(["mount", "--bind", str(source), str(view)]).returncode:
            pytest.skip("bind mounts are not allowed here")
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        try:
            yield view / db.name
        finally:
            subprocess.run(["umount", "-l", str(view)])
    else:
        db.chmod(0o444)
        source.chmod(0o555)
        try:
            yield db
        finally:
            source.chmod(0o755)


def test_read_only_database_opens_for_reading_and_refuses_changes_by_name(read_only_folder, tmp_path):
    db = read_only_folder
    for argv in (["list"], ["check", "1"], ["indicators", "1"], ["export", "1", str(tmp_path / "a.kkk.json")]):
        code, out, err = cli("--db", str(db), *argv)
        assert code in (0, 1), (argv, err)
    for argv in (["demo"], ["finalize", "1"]):
        code, out, err = cli("--db", str(db), *argv)
        assert code == 2 and len(err) >= 1
        assert "tylko do odczytu" in err[-1] and "Nieoczekiwany" not in err[-1], err
        assert "nie jest bazą" not in err[-1] and "uszkodzon" not in err[-1]


def test_read_only_database_in_the_window_is_read_only_with_a_banner(qtbot, read_only_folder):
    from ui.session import Session
    from ui.start.handle import open_handle

    handle = open_handle(read_only_folder)
    try:
        assert handle.repo.read_only
        session = Session(handle.repo, 1)
        assert session.read_only
        assert session.set_value("cluster.name", "Zmiana") != "Zmiana"
        assert session.flush() is True and not session.dirty
    finally:
        handle.close()


def test_database_locked_by_another_program_is_busy_not_damaged(tmp_path, monkeypatch):
    db = make_db(tmp_path / "k.sqlite")
    monkeypatch.setattr(faults, "BUSY_SECONDS", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE application SET name = name")
    try:
        for argv in (["list"], ["check", "1"], ["demo"]):
            code, out, err = cli("--db", str(db), *argv)
            assert code == 2 and len(err) == 1, (argv, err)
            assert "zajęta przez inny program" in err[0] and "spróbuj za chwilę" in err[0], err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cli("--db", str(db), "check", "1")[0] == 0


def test_network_share_warns_and_still_works(tmp_path, monkeypatch):
    db = make_db(tmp_path / "k.sqlite")
    monkeypatch.setattr(faults, "_mounts", lambda: [f"//server/share {tmp_path} cifs rw 0 0"])
    code, out, err = cli("--db", str(db), "check", "1")
    assert code == 0
    assert len(err) == 1 and "udziale sieciowym (cifs)" in err[0] and "może zostać uszkodzona" in err[0]
    assert faults.network_share(tmp_path / "x.sqlite") == "cifs"
    monkeypatch.setattr(faults, "_mounts", lambda: ["/dev/sda1 / ext4 rw 0 0"])
    assert faults.network_share(tmp_path / "x.sqlite") is None


def test_storage_faults_are_classified_through_the_whole_chain():
    full = sqlite3.OperationalError("database or disk is full")
    try:
        try:
            raise full
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except sqlite3.OperationalError as masked:
        error = faults.classify(masked, "/x/k.sqlite")
    assert isinstance(error, faults.DiskFull) and "Brak miejsca na dysku" in str(error)
    assert isinstance(faults.classify(OSError(30, "Read-only file system"), "/x/k"), faults.ReadOnlyDatabase)
    assert isinstance(faults.classify(sqlite3.OperationalError("database is locked"), "/x/k"), faults.DatabaseLocked)


def test_subprocess_commands_on_faults_never_print_a_traceback(tmp_path):
    db = make_db(tmp_path / "k.sqlite")
    from tests.reliability.storage_helpers import damage_pages

    damage_pages(db)
    proc = main_py("--db", str(db), "finalize", "1")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "Nieoczekiwany" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_window_notices_a_change_made_elsewhere_and_finalises_what_is_stored(qtbot, tmp_path):
    from models.repository import Repository
    from ui.session import Session

    db = make_db(tmp_path / "k.sqlite")
    repo = Repository(open_database(db, make_backup=False))
    session = Session(repo, 1)
    other = Repository(open_database(db, make_backup=False))  # another program's connection
    marker = f"Zmiana z innego programu {uuid.uuid4().hex[:6]}"
    other.set_value(1, "cluster.description", marker)
    repo.db.bind_ctx  # noqa: B018 - the models are bound per call by the repository
    changes = []
    session.changedElsewhere.connect(changes.append)
    assert session.check_elsewhere() is True
    assert session.doc.get("cluster.description") == marker and changes
    # A stale copy in memory is never what gets sealed: finalising checks and seals what is stored.
    other.set_value(1, "cluster.name", "Klaster zmieniony obok")
    session._seen_version = repo.data_version()  # pretend the window missed it
    assert session.finalize() == []
    stored = other.load(1)
    assert session.info.checksum == stored.checksum()
    assert stored.get("cluster.name") == "Klaster zmieniony obok"


def test_finalised_elsewhere_stops_the_retries_and_says_what_was_not_saved(qtbot, tmp_path):
    from models.repository import Repository
    from ui.session import Session

    db = make_db(tmp_path / "k.sqlite")
    repo = Repository(open_database(db, make_backup=False))
    session = Session(repo, 1)
    session.set_value("cluster.description", "Edycja w oknie")
    other = Repository(open_database(db, make_backup=False))
    assert other.finalize(1)[0] == []
    messages = []
    session.changedElsewhere.connect(messages.append)
    session.saveFailed.connect(messages.append)
    session.flush()
    assert session.read_only and not session.dirty and not session._retry.isActive()
    assert any("sfinalizowano gdzie indziej" in m and "(1)" in m for m in messages), messages
