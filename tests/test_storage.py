"""Storage: round trips, states and versions (on SQLite and on PostgreSQL: the `repo` below runs each such test on
both back-ends, tests/backend_fixtures.py), and for the SQLite file alone migrations, refusing bad files, pragmas
and backups (the tests after "SQLite file only", which open a file of their own)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal

import pytest

from forms.demo import make_demo
from forms.document import Row
from forms.loader import load_form
from models.db import StorageError, backups_dir, open_database
from models.migrations import APPLICATION_ID, SCHEMA_VERSION, V1
from models.repository import Repository, RepositoryError
from tests.backend_fixtures import reopen


@pytest.fixture
def repo(backend):
    """An empty database of its own, on SQLite and on PostgreSQL in turn (closed by `backend`)."""
    return backend.open()


def test_document_round_trip_through_database(repo):
    doc = make_demo(load_form("kkk-2019"), members=60)
    app_id = repo.create("kkk-2019", "x")
    repo.save_document(app_id, doc)
    repo = reopen(repo)
    loaded = repo.load(app_id)
    assert loaded.canonical_json() == doc.canonical_json()
    assert loaded.files == doc.files
    assert [r.uid for r in loaded.rows("members")] == [r.uid for r in doc.rows("members")]
    assert repo.info(app_id).name == doc.get("cluster.name")


def test_single_edits_are_stored_one_by_one(repo):
    app_id = repo.create("kkk-2019", kind="odnowienie")
    repo.set_value(app_id, "cluster.name", "Klaster Testowy")
    repo.set_value(app_id, "cluster.established_on", dt.date(2015, 5, 4))
    row = Row({"name": "Firma A", "type": "small", "sales_pln": Decimal("1000.5")})
    repo.save_row(app_id, "members", row, 0)
    row.data["export_pln"] = Decimal("10")
    repo.save_row(app_id, "members", row, 0)
    other = Row({"name": "Firma B", "type": "micro"})
    repo.save_row(app_id, "members", other, 1)
    repo.save_order(app_id, "members", [other.uid, row.uid])
    repo.set_value(app_id, "cluster.established_on", None)
    repo = reopen(repo)
    doc = repo.load(app_id)
    assert doc.get("cluster.name") == "Klaster Testowy"
    assert doc.get("meta.application_type") == "odnowienie"
    assert "cluster.established_on" not in doc.values
    assert [r.get("name") for r in doc.rows("members")] == ["Firma B", "Firma A"]
    assert doc.rows("members")[1].get("sales_pln") == Decimal("1000.50")
    assert doc.rows("members")[1].get("export_pln") == Decimal("10.00")
    repo.delete_row(app_id, other.uid)
    assert [r.get("name") for r in repo.load(app_id).rows("members")] == ["Firma A"]
    assert repo.info(app_id).name == "Klaster Testowy"


def test_finalised_application_is_read_only_and_correction_copies_it(repo):
    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    app_id = repo.create("kkk-2019")
    repo.save_document(app_id, doc)
    repo.finalize(app_id)
    with pytest.raises(RepositoryError, match="sfinalizowany"):
        repo.set_value(app_id, "cluster.name", "zmiana")
    with pytest.raises(RepositoryError):
        repo.save_document(app_id, doc)
    new_id = repo.correct(app_id)
    info = repo.info(new_id)
    assert (info.state, info.version_no, info.parent_id) == ("draft", 2, app_id)
    assert repo.load(new_id).checksum() == doc.checksum()
    repo.set_value(new_id, "cluster.name", "Nowa nazwa")
    assert repo.load(app_id).get("cluster.name") == doc.get("cluster.name")
    assert [v.id for v in repo.versions(new_id)] == [app_id, new_id]
    with pytest.raises(RepositoryError, match="roboczy"):
        repo.correct(new_id)


def test_renewal_carries_members_and_texts_only(repo):
    doc = make_demo(load_form("kkk-2019"), members=55)
    app_id = repo.create("kkk-2019")
    repo.save_document(app_id, doc)
    new_id = repo.renew(app_id, {"cluster", "coordinator", "members"})
    renewed = repo.load(new_id)
    assert renewed.get("meta.application_type") == "odnowienie"
    assert len(renewed.rows("members")) == 55
    assert renewed.get("cluster.name") == doc.get("cluster.name")
    assert renewed.rows("hr.staff") == []
    assert repo.info(new_id).kind == "odnowienie"


def test_delete_removes_the_application(repo):
    keep = repo.create("kkk-2019", "Zostaje")
    app_id = repo.create("kkk-2019", "Do usunięcia")
    repo.set_value(app_id, "cluster.name", "Do usunięcia")
    repo.save_row(app_id, "members", Row({"name": "Firma A", "type": "small"}), 0)
    repo.delete(app_id)
    assert [a.id for a in repo.list_applications()] == [keep]
    with pytest.raises(RepositoryError, match=f"nie ma wniosku o numerze {app_id}"):
        repo.load(app_id)


def test_names_are_stored_as_clean_text(repo):
    """A name with control characters (a NUL pasted from another program) is stored cleaned, the same on both:
    PostgreSQL's text refuses a NUL, SQLite kept it in the list's name while the field lost it."""
    app_id = repo.create("kkk-2019", " Nowy\x00 wniosek ")
    assert repo.info(app_id).name == "Nowy wniosek"
    repo.set_value(app_id, "cluster.name", "  Klaster\x00 Testowy\t")
    assert repo.load(app_id).get("cluster.name") == repo.info(app_id).name == "Klaster Testowy"
    repo.rename(app_id, "Inna\x00 nazwa")
    assert repo.info(app_id).name == "Inna nazwa"


def test_unknown_application(repo):
    with pytest.raises(RepositoryError, match="nie ma wniosku o numerze 99"):
        repo.load(99)


# SQLite file only ---------------------------------------------------------------------------------------------
# These are about the file itself (its backups, migrations, pragmas, refusing foreign and damaged files): a team
# database lives on a server, is migrated by models.team and backed up with pg_dump (README "Working as a team").
def test_delete_keeps_a_backup_with_the_application(tmp_path):
    repo = Repository(open_database(tmp_path / "k.sqlite"))
    app_id = repo.create("kkk-2019", "Do usunięcia")
    repo.delete(app_id)
    assert repo.list_applications() == []
    repo.db.close()
    copies = sorted(backups_dir(repo.path).glob("*-delete.sqlite"))
    assert copies
    conn = sqlite3.connect(copies[-1])
    assert conn.execute("SELECT name FROM application").fetchall() == [("Do usunięcia",)]
    conn.close()


def test_migration_from_version_1_keeps_every_value(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1)
    conn.execute(
        "INSERT INTO application (id, uuid, name, form_id, form_version, kind, state, version_no, created_at,"
        " updated_at) VALUES (1, 'u-1', 'Stary klaster', 'kkk-2019', 1, 'nadanie', 'draft', 1,"
        " '2024-01-01 10:00:00', '2024-01-01 10:00:00')"
    )
    conn.execute(
        "INSERT INTO value (application_id, key, data) VALUES (1, 'cluster.name', ?)", (json.dumps("Stary klaster"),)
    )
    conn.execute(
        "INSERT INTO row (application_id, table_key, uid, position, data) VALUES (1, 'members', 'r1', 0, ?)",
        (json.dumps({"name": "Firma", "type": "micro", "sales_pln": "12.30"}),),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()

    db = open_database(path)
    repo = Repository(db)
    doc = repo.load(1)
    assert doc.get("cluster.name") == "Stary klaster"
    assert doc.rows("members")[0].get("sales_pln") == Decimal("12.30")
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    cols = [r[1] for r in db.execute_sql("PRAGMA table_info(row)").fetchall()]
    assert "source_id" in cols and "source_row" in cols
    assert list(backups_dir(path).glob("*-before-v*.sqlite")), "a backup is taken before migrating"
    db.close()


def test_refuses_newer_foreign_and_corrupt_files(tmp_path):
    newer = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="nowszej wersji"):
        open_database(newer)

    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="innego programu"):
        open_database(foreign)

    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError, match="corrupt.sqlite"):
        open_database(corrupt)
    assert corrupt.read_bytes() == b"this is not a database at all" * 100


def test_pragmas_and_rotating_backups(tmp_path):
    path = tmp_path / "k.sqlite"
    for _ in range(8):
        db = open_database(path)
        Repository(db).create("kkk-2019")
        db.close()
    db = open_database(path)
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()
    # One rolling copy a day is enough (the rules for more days: tests/reliability/test_backups.py).
    assert len(list(backups_dir(path).glob("k-*-open.sqlite"))) == 1
