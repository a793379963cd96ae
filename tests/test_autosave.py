"""Autosave: every edit reaches the database within a second, continuous typing still saves (on SQLite and on
PostgreSQL: `repo` below runs each test on both back-ends), and a killed process reopens a SQLite file with the last
saved value (SQLite only; on PostgreSQL a client killed mid-save is tests/test_team.py's)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.db import open_database
from models.repository import Repository
from tests.backend_fixtures import reopen
from tests.conftest import store
from ui.session import MAX_MS, Session

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(backend):
    """An empty database of its own, on SQLite and on PostgreSQL in turn (closed by `backend`)."""
    return backend.open()


@pytest.fixture
def session(qtbot, repo):
    s = Session(repo, repo.create("kkk-2019"))
    yield s
    s.flush()


def stored_document(session: Session):
    """What another connection reads from the database: what was saved, not what the session holds."""
    return reopen(session.repo, close=False, make_backup=False).load(session.app_id)


def stored(session: Session, key: str):
    return stored_document(session).values.get(key)


def test_an_edit_is_on_disk_within_a_second(qtbot, session):
    start = time.perf_counter()
    with qtbot.waitSignal(session.saved, timeout=1500):
        session.set_value("cluster.name", "Klaster Żółtej Łąki")
    assert time.perf_counter() - start < 1.0
    assert stored(session, "cluster.name") == "Klaster Żółtej Łąki"
    assert not session.dirty


def test_continuous_typing_is_saved_by_the_maximum_delay(qtbot, session):
    saved_at: list[float] = []
    session.saved.connect(lambda _when: saved_at.append(time.perf_counter()))
    start = time.perf_counter()
    text = ""
    while time.perf_counter() - start < 1.6:  # a keystroke every 100 ms: the idle timer never runs out
        text += "a"
        session.set_value("cluster.description", text)
        qtbot.wait(100)
    assert saved_at, "nothing was saved while typing"
    assert saved_at[0] - start < (MAX_MS + 250) / 1000


def test_table_edits_are_saved(qtbot, session):
    with qtbot.waitSignal(session.saved, timeout=1500):
        row = session.add_row("members", {"name": "Firma", "type": "micro"})
        session.set_cell("members", 0, "employees", 7)
    doc = stored_document(session)
    assert doc.rows("members")[0].uid == row.uid
    assert doc.rows("members")[0].get("employees") == 7
    with qtbot.waitSignal(session.saved, timeout=1500):
        session.remove_rows("members", [0])
    doc = stored_document(session)
    assert doc.rows("members") == []


def test_finalised_session_ignores_edits(qtbot, repo):
    from forms.demo import make_demo
    from forms.loader import load_form

    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    s = Session(repo, store(repo, doc))
    assert s.finalize() == []
    assert s.read_only
    s.set_value("cluster.name", "zmiana")
    assert s.doc.get("cluster.name") == doc.get("cluster.name")
    assert not s.dirty


CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QTimer
    from models.db import open_database
    from models.repository import Repository
    from ui.session import Session

    app = QCoreApplication([])
    repo = Repository(open_database(sys.argv[1]))
    app_id = repo.create("kkk-2019")
    session = Session(repo, app_id)
    state = {"n": 0}

    def type_more():
        state["n"] += 1
        session.set_value("cluster.name", f"wersja {state['n']}")

    def report(_when):
        print(f"saved {session.doc.get('cluster.name')}", flush=True)

    session.saved.connect(report)
    timer = QTimer()
    timer.timeout.connect(type_more)
    timer.start(40)
    app.exec()
    """
)


# SQLite file only ---------------------------------------------------------------------------------------------
# A writer of the SQLite file killed with SIGKILL: the file's journal keeps every committed save (the same on
# PostgreSQL, a client killed mid-save, is test_team.py's test_client_killed_mid_save_leaves_no_partial_change).
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_process_reopens_with_last_saved_value(tmp_path):
    db = tmp_path / "kill.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    last = None
    try:
        deadline = time.time() + 30
        saves = 0
        while saves < 4 and time.time() < deadline:
            line = proc.stdout.readline()
            if line.startswith("saved "):
                saves += 1
                last = line[len("saved ") :].strip()
        assert saves >= 4, "the child never saved"
        os.kill(proc.pid, signal.SIGKILL)  # in the middle of typing, possibly in the middle of a write
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    repo = Repository(open_database(db))
    value = repo.load(1).get("cluster.name")
    assert db.exists() and repo.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    n_last, n_value = int(last.split()[-1]), int(value.split()[-1])
    assert n_value >= n_last  # nothing saved was lost (later unsaved keystrokes may be)
    assert n_value - n_last <= 30  # and at most about a second of typing is lost
