"""Issue 10 benchmarks: what trust costs when a database is opened.

- Opening the large application's database for a writing command: `quick_check`, the verified backup (written to a
  temporary name, checked, flushed, renamed) and the connection, against SQLite alone doing `quick_check` and the
  backup API copy of the same file (the least a checked backup can cost).
- Opening it for a reading command (quick_check, read-only connection, no backup), against SQLite's quick_check alone.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from bench.common import Result, best_of
from forms.demo import make_demo
from forms.loader import load_form
from models import backups
from models.db import open_database
from models.repository import Repository


def _large_db(folder: Path) -> Path:
    path = folder / "large.sqlite"
    repo = Repository(open_database(path, make_backup=False))
    doc = make_demo(load_form("kkk-2019"), members=300, rows=200)
    with repo.db.atomic():
        app_id = repo.create(doc.definition.id)
        repo.save_document(app_id, doc)
    repo.db.close()
    return path


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _large_db(folder)
        size_mb = path.stat().st_size / 1e6

        def writing_open() -> None:
            for b in backups.list_backups(path):  # every run takes its backup (not skipped as "one a day")
                b.path.unlink()
            open_database(path).close()

        def raw_backup() -> None:
            target = folder / "raw.sqlite"
            target.unlink(missing_ok=True)
            src = sqlite3.connect(path)
            src.execute("PRAGMA quick_check").fetchall()
            dst = sqlite3.connect(target)
            src.backup(dst)
            dst.close()
            src.close()

        def reading_open() -> None:
            open_database(path, make_backup=False, read_only=True).close()

        def raw_check() -> None:
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA quick_check").fetchall()
            conn.close()

        return [
            Result(
                "open for writing (check, verified backup)",
                best_of(writing_open, 5),
                "sqlite quick_check + backup API",
                best_of(raw_backup, 5),
                "<= 0.5 s",
                f"{size_mb:.1f} MB database",
            ),
            Result(
                "open for reading (check, read-only)",
                best_of(reading_open, 5),
                "sqlite quick_check alone",
                best_of(raw_check, 5),
                "<= 0.2 s",
                f"{size_mb:.1f} MB database",
            ),
        ]
