"""Issue 3 benchmarks: cold start to the first window, opening the large application in the wizard, and the
longest the UI is blocked by one edit.

Baselines in the same run: a bare QApplication + QWizard process started and shown the same way; reading the
same application's rows with sqlite3 + json alone; `check_document` alone for an edit.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Result, best_of

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication([])
w = QWizard(); w.addPage(QWizardPage()); w.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), KLASTER_QUIT_WHEN_SHOWN="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached; compile once, as users do
    return env


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)
    if "ready" not in proc.stdout:
        raise RuntimeError(f"{cmd} did not start: {proc.stdout[-500:]} {proc.stderr[-500:]}")


def bench_cold_start(tmp: Path) -> Result:
    db = tmp / "start.sqlite"
    subprocess.run([sys.executable, "main.py", "--db", str(db), "demo"], cwd=ROOT, check=True, capture_output=True)
    _run([sys.executable, "main.py", "--db", str(db)])  # warm the bytecode cache and the OS file cache
    _run([sys.executable, "-c", BARE])
    app = best_of(lambda: _run([sys.executable, "main.py", "--db", str(db)]), 5)
    bare = best_of(lambda: _run([sys.executable, "-c", BARE]), 5)
    return Result("cold start to the start window", app, "bare QApplication + QWizard", bare, "<= x2.5")


def _large_db(tmp: Path) -> tuple[Path, int]:
    from forms.demo import make_demo
    from forms.loader import load_form
    from models.db import open_database
    from models.repository import Repository

    path = tmp / "large.sqlite"
    repo = Repository(open_database(path))
    doc = make_demo(load_form("kkk-2019"), members=300, rows=200)
    app_id = repo.create("kkk-2019")
    repo.save_document(app_id, doc)
    repo.db.close()
    return path, app_id


def bench_open_and_edit(tmp: Path) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from forms.checks import check_document
    from models.db import open_database
    from models.repository import Repository
    from ui.session import Session
    from ui.wizard.window import WizardWindow

    app = QApplication.instance() or QApplication([])
    path, app_id = _large_db(tmp)
    repo = Repository(open_database(path, make_backup=False))
    windows = []

    def open_wizard() -> None:
        w = WizardWindow(Session(repo, app_id))
        w.show()
        app.processEvents()
        windows.append(w)

    def raw_read() -> None:
        conn = sqlite3.connect(path)
        for (data,) in conn.execute("SELECT data FROM row WHERE application_id = ?", (app_id,)):
            json.loads(data)
        for (data,) in conn.execute("SELECT data FROM value WHERE application_id = ?", (app_id,)):
            json.loads(data)
        conn.close()

    opened = best_of(open_wizard, 3)
    baseline = best_of(raw_read, 3)
    w = windows[-1]
    session = w.session
    editor = w.pages["general"].editors["cluster.description"]
    worst = 0.0
    text = session.doc.get("cluster.description", "")
    for i in range(15):
        start = time.perf_counter()
        editor.edit.setPlainText(text + "x" * (i + 1))  # one keystroke: the edit reaches the session
        app.processEvents()
        typed = time.perf_counter() - start
        start = time.perf_counter()
        session.recheck()  # what the check timer runs after the keystrokes (pages refresh on its signal)
        app.processEvents()
        checked = time.perf_counter() - start
        start = time.perf_counter()
        session.flush()  # what the autosave timer runs
        saved = time.perf_counter() - start
        worst = max(worst, typed, checked, saved)
    check_alone = best_of(lambda: check_document(session.doc), 5)
    for win in windows:
        win.close()
    repo.db.close()
    return [
        Result(
            "open the large application in the wizard", opened, "sqlite3 + json read of its rows", baseline, "<= 1 s"
        ),
        Result(
            "longest UI block of one edit (type/check/save)", worst, "check_document alone", check_alone, "<= 100 ms"
        ),
    ]


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        return [bench_cold_start(tmp), *bench_open_and_edit(tmp)]
