"""Team mode (issue 18): the same storage, repository, command line and autosave on SQLite and PostgreSQL
(`backend` runs each test on both), who changed what, and on PostgreSQL two sessions at once: live refresh,
conflicts resolved each way, rows added by both, roles enforced by the server, finalisation refused while the other
has unsaved edits, a client killed mid-save."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import run
from forms.document import Row
from models.history import ValueConflict, history

ROOT = Path(__file__).resolve().parent.parent


def cli(*argv: str) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = run(list(argv), lines.append)
    return code, lines


# Both back-ends -----------------------------------------------------------------------------------------------
def test_repository_round_trip_and_history(backend, definition, doc):
    repo = backend.open()
    app_id = repo.create(definition.id, "Klaster A")
    repo.save_document(app_id, doc)
    repo.set_value(app_id, "cluster.name", "Klaster B")
    table = max(doc.tables, key=lambda t: len(doc.tables[t]))
    rows = repo.load(app_id).rows(table)
    first = rows[0]
    first.data = dict(first.data)
    repo.save_rows(app_id, table, [(first, 0)])
    repo.save_order(app_id, table, [r.uid for r in reversed(rows)])
    repo.delete_row(app_id, rows[-1].uid)
    loaded = repo.load(app_id)
    assert loaded.get("cluster.name") == "Klaster B"
    assert [r.uid for r in loaded.rows(table)] == [r.uid for r in reversed(rows)][1:]
    assert repo.info(app_id).name == "Klaster B"
    kinds = [e.kind for e in history(repo, app_id)]
    assert kinds[:2] == ["created", "import"] and "value" in kinds and "row-moved" in kinds
    assert kinds[-1] == "row-removed"
    change = history(repo, app_id, key="cluster.name")[-1]
    assert change.old == doc.get("cluster.name") and change.new == "Klaster B"
    assert change.author == repo.backend.author and change.author
    errors, checksum = repo.finalize(app_id)
    assert errors == [] or checksum is None
    if checksum:
        assert history(repo, app_id)[-1].kind == "finalised"


def test_finalize_seals_what_is_stored(backend, definition, doc):
    repo = backend.open()
    app_id = repo.create(definition.id)
    repo.save_document(app_id, doc)
    errors, checksum = repo.finalize(app_id)
    assert not errors and checksum == repo.load(app_id).checksum() == repo.info(app_id).checksum
    assert [e.kind for e in history(repo, app_id)][-1] == "finalised"
    with pytest.raises(Exception, match="sfinalizowany"):
        repo.set_value(app_id, "cluster.name", "x")


def test_command_line_on_both(backend, tmp_path):
    db = str(backend.location)
    code, out = cli("--db", db, "demo", "--members", "8")
    assert code == 0
    app_id = out[0]
    code, out = cli("--db", db, "list")
    assert code == 0 and len(out) == 2
    assert cli("--db", db, "check", app_id)[0] == 1
    assert cli("--db", db, "export", app_id, str(tmp_path / "a.kkk.json"))[0] == 0
    code, out = cli("--db", db, "import", str(tmp_path / "a.kkk.json"))
    assert code == 0
    code, out = cli("--db", db, "history", out[0])
    assert code == 0 and any("import" in line for line in out)
    code, out = cli("--db", db, "history", app_id, "--json")
    assert code == 0 and {e["kind"] for e in json.loads("\n".join(out))} >= {"created", "import"}
    assert cli("--db", db, "history", "999")[0] == 2


def test_autosave_on_both(qtbot, backend, definition):
    from ui.session import Session

    repo = backend.open()
    session = Session(repo, repo.create(definition.id))
    session.set_value("cluster.name", "Zapisane")
    qtbot.waitUntil(lambda: not session.dirty, timeout=3000)
    other = backend.open()
    assert other.load(session.app_id).get("cluster.name") == "Zapisane"
    assert history(other, session.app_id, key="cluster.name")[-1].new == "Zapisane"


def test_copy_between_back_ends(backend, tmp_path, definition, doc):
    """A local SQLite application copied to the team database and back: values, rows, files, state, history."""
    from models.copying import copy_application
    from models.db import open_database
    from models.repository import Repository

    local = Repository(open_database(tmp_path / "local.sqlite"))
    digest = doc.attach(b"%PDF-1.4 attachment")
    app_id = local.create(definition.id, "Lokalny")
    local.save_document(app_id, doc)
    local.set_value(app_id, "cluster.name", "Lokalny 2")
    errors, checksum = local.finalize(app_id)
    assert not errors
    team = backend.open()
    new_id = copy_application(local, app_id, team)
    assert team.info(new_id).is_final and team.info(new_id).checksum == checksum
    assert team.load(new_id).checksum() == checksum
    assert team.file_content(digest) is not None or digest not in local.load(app_id).files
    kinds = [e.kind for e in history(team, new_id)]
    assert kinds[-1] == "copied" and "finalised" in kinds and "value" in kinds
    back = Repository(open_database(tmp_path / "back.sqlite"))
    again = copy_application(team, new_id, back)
    assert back.load(again).checksum() == checksum
    local.db.close()
    back.db.close()


# PostgreSQL only ------------------------------------------------------------------------------------------
@pytest.fixture
def team(backend):
    if backend.kind != "postgresql":
        pytest.skip("PostgreSQL only")
    return backend


def test_two_people_live_refresh_conflicts_rows_and_history(qtbot, team, definition, monkeypatch):
    from ui import team as ui_team
    from ui.session import Session

    ala_url, bob_url = team.add_user("ala", "editor"), team.add_user("bob", "coordinator")
    setup = team.open()
    app_id = setup.create(definition.id, "Wspólny")
    ala_repo = team_open(team, ala_url)
    bob_repo = team_open(team, bob_url)
    ala, bob = Session(ala_repo, app_id), Session(bob_repo, app_id)

    # live refresh: Ala's saved edit appears in Bob's window within two seconds
    ala.set_value("cluster.name", "Od Ali")
    assert ala.flush()
    started = time.monotonic()
    qtbot.waitUntil(lambda: bob.doc.get("cluster.name") == "Od Ali", timeout=2000)
    assert time.monotonic() - started < 2.0

    # a conflict on one field, resolved "theirs": Bob's stale edit is not saved, Ala's value stays
    choices = []
    monkeypatch.setattr(ui_team, "CHOOSER", lambda s, c: choices.append(c) or choices_next.pop(0))
    ala.set_value("cluster.name", "Ala znowu")
    assert ala.flush()
    bob._seen_version = bob._data_version()  # Bob's window has not noticed yet
    bob.set_value("cluster.name", "Bob")
    choices_next = ["theirs"]
    bob.flush()
    assert choices and choices[-1].entry.author == "ala" and choices[-1].mine == "Bob"
    assert setup.load(app_id).get("cluster.name") == "Ala znowu" and bob.doc.get("cluster.name") == "Ala znowu"

    # ... and resolved "mine": Bob's value is saved over Ala's
    ala.set_value("cluster.name", "Ala trzeci raz")
    assert ala.flush()
    bob._seen_version = bob._data_version()
    bob.set_value("cluster.name", "Bob wygrywa")
    choices_next = ["mine"]
    assert bob.flush()
    assert setup.load(app_id).get("cluster.name") == "Bob wygrywa"

    # rows added by both at the same time both stay
    table = next(iter(definition.tables))
    ala.add_row(table, {})
    bob._seen_version = bob._data_version()
    bob.add_row(table, {})
    assert ala.flush() and bob.flush()
    assert len(setup.load(app_id).rows(table)) == 2

    # the history shows both authors
    authors = {e.author for e in history(setup, app_id)}
    assert {"ala", "bob"} <= authors


def team_open(team, url):
    from models.db import open_database
    from models.repository import Repository
    from tests import backend_fixtures

    repo = Repository(open_database(url))
    backend_fixtures._OPEN.append(repo)
    return repo


def test_cell_edited_by_one_and_row_by_other_merge(team, definition):
    """Two people edit different cells of one row: both values stay; the same cell: a conflict."""
    ala, bob = team_open(team, team.add_user("ala", "editor")), team_open(team, team.add_user("bob", "editor"))
    setup = team.open()
    app_id = setup.create(definition.id)
    table = next(t for t in definition.tables if len(definition.table(t).columns) >= 2)
    text_columns = [c.key for c in definition.table(table).columns if c.type in ("text", "textarea")][:2]
    if len(text_columns) < 2:
        pytest.skip("no table with two text columns")
    c1, c2 = text_columns
    row = Row({}, "r1")
    setup.save_rows(app_id, table, [(row, 0)])
    a_doc, b_doc = ala.load(app_id), bob.load(app_id)
    a_row, b_row = a_doc.rows(table)[0], b_doc.rows(table)[0]
    a_row.data[c1] = "od Ali"
    ala.save_rows(app_id, table, [(a_row, 0)])
    b_row.data[c2] = "od Boba"
    bob.save_rows(app_id, table, [(b_row, 0)])
    stored = setup.load(app_id).rows(table)[0].data
    assert stored[c1] == "od Ali" and stored[c2] == "od Boba"
    a_doc = ala.load(app_id)
    b_row.data[c2] = "Bob 2"
    bob.save_rows(app_id, table, [(b_row, 0)])
    a_row = a_doc.rows(table)[0]
    a_row.data[c2] = "Ala 2"
    with pytest.raises(ValueConflict, match="bob"):
        ala.save_rows(app_id, table, [(a_row, 0)])


def test_reader_is_refused_by_the_server_and_the_window_says_why(qtbot, team, definition):
    from peewee import DatabaseError

    from ui.session import Session

    app_id = team.open().create(definition.id)
    reader = team_open(team, team.add_user("zarzad", "reader"))
    assert reader.read_only and "czytelnik" in reader.db.read_only_reason
    assert Session(reader, app_id).read_only
    with pytest.raises(DatabaseError, match="permission denied"):
        reader.db.execute_sql("UPDATE value SET data = '1'")
    with pytest.raises(DatabaseError, match="permission denied"):
        reader.db.execute_sql("INSERT INTO history (application_id, author, at, kind) VALUES (1, 'x', now(), 'x')")
    code, _out = cli("--db", team.url_for("zarzad"), "demo")
    assert code == 2


def test_editor_cannot_finalise_or_delete_and_the_server_agrees(team, definition, doc):
    from peewee import DatabaseError

    from models.repository import RepositoryError

    setup = team.open()
    app_id = setup.create(definition.id)
    setup.save_document(app_id, doc)
    editor = team_open(team, team.add_user("ola", "editor"))
    with pytest.raises(RepositoryError, match="koordynator"):
        editor.finalize(app_id)
    with pytest.raises(RepositoryError, match="koordynator"):
        editor.delete(app_id)
    with pytest.raises(DatabaseError, match="permission denied"):
        editor.db.execute_sql("UPDATE application SET state = 'final'")
    with pytest.raises(DatabaseError, match="permission denied"):
        editor.db.execute_sql("DELETE FROM history")
    editor.set_value(app_id, "cluster.name", "redaktor pisze")


def test_finalise_refused_while_another_has_unsaved_edits(qtbot, team, definition, doc):
    from models.repository import RepositoryError
    from ui.session import Session

    coordinator = team.open()
    app_id = coordinator.create(definition.id)
    coordinator.save_document(app_id, doc)
    editor = team_open(team, team.add_user("ewa", "editor"))
    session = Session(editor, app_id)
    session.set_value("cluster.name", "jeszcze piszę")
    assert session.dirty
    with pytest.raises(RepositoryError, match="ewa ma niezapisane zmiany"):
        coordinator.finalize(app_id)
    assert session.flush()
    errors, checksum = coordinator.finalize(app_id)
    assert checksum is not None or errors


def test_client_killed_mid_save_leaves_no_partial_change(team, definition):
    setup = team.open()
    app_id = setup.create(definition.id, "Przed")
    table = next(iter(definition.tables))
    script = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
from models.db import open_database
from models.repository import Repository
from forms.document import Row
repo = Repository(open_database({team.location!r}))
with repo.transaction():
    repo.set_value({app_id}, "cluster.name", "Po")
    repo.save_rows({app_id}, {table!r}, [(Row({{}}, "r1"), 0)])
    print("written", flush=True)
    os._exit(9)  # killed before COMMIT
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert "written" in done.stdout, done.stderr
    stored = setup.load(app_id)
    assert stored.get("cluster.name") in (None, "", "Przed") and setup.info(app_id).name == "Przed"
    assert stored.rows(table) == [] and [e.kind for e in history(setup, app_id)] == ["created"]


def test_password_in_keyring_not_in_settings(team, monkeypatch, tmp_path):
    import keyring
    from keyring.backend import KeyringBackend

    from models import backend as backend_module
    from models.team import connect_params

    class Memory(KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, service, user):
            return self.store.get((service, user))

        def set_password(self, service, user, password):
            self.store[(service, user)] = password

        def delete_password(self, service, user):
            self.store.pop((service, user), None)

    keyring.set_keyring(Memory())
    url = "postgresql://ala@db.example:5433/klaster?sslmode=verify-full"
    backend_module.store_password(url, "tajne")
    params = connect_params(url)
    assert params["password"] == "tajne" and params["sslmode"] == "verify-full" and params["port"] == 5433
    assert "tajne" not in backend_module.display_url("postgresql://ala:tajne@db.example/klaster")


def test_history_view_and_connect_dialog(qtbot, backend, definition, monkeypatch):
    from ui.history_view import HistoryDialog
    from ui.session import Session
    from ui.team_connect import ConnectDialog, build_url, remember_connection, saved_connections

    repo = backend.open()
    session = Session(repo, repo.create(definition.id))
    session.set_value("cluster.name", "Pierwsza")
    assert session.flush()
    dialog = HistoryDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 2
    only_field = HistoryDialog(session, key="cluster.name")
    qtbot.addWidget(only_field)
    assert only_field.table.rowCount() == 1 and only_field.table.item(0, 5).text() == "Pierwsza"
    url = build_url("ala", "db.example", 5433, "klaster", "require")
    remember_connection("postgresql://ala:tajne@db.example:5433/klaster?sslmode=require")
    assert saved_connections()[0] == url and "tajne" not in str(saved_connections())
    connect = ConnectDialog()
    qtbot.addWidget(connect)
    assert connect.url() == url


def test_window_opens_a_team_database_without_a_lock_file(qtbot, team, definition):
    from ui.app import parse_args
    from ui.start.handle import open_handle

    args = parse_args(["--db", team.location])
    assert args.db == team.location  # the URL is not folded into a path
    handle = open_handle(args.db)
    try:
        assert handle.lock is None and str(handle.path).startswith("postgresql://")
        assert handle.path.name == team.location.split("/")[3].split("?")[0]
        assert handle.repo.list_applications() == []
    finally:
        handle.close()
        handle.repo.backend.close()
