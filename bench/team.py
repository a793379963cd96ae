"""Issue 18 benchmarks: team mode on a local PostgreSQL server (a throw-away one, fsync on: PostgreSQL's defaults).

- Saving one field, round trip: `Repository.set_value` (advisory lock, the value, its history row, NOTIFY, COMMIT)
  against psycopg alone doing the one upsert and COMMIT. Target <= 20 ms.
- Opening the large application (300 members, 200 rows a table): `Repository.load`, against the same on SQLite.
  Target <= 1 s.
- A change seen by the other session: from one session's COMMIT until the other's `data_version()` (what an open
  window polls) has changed, against a bare LISTEN/NOTIFY round trip. Target <= 2 s (a window polls every 400 ms).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Result, best_of
from forms.demo import make_demo
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository


def _store(repo: Repository, doc) -> int:
    with repo.db.atomic():
        app_id = repo.create(doc.definition.id)
        repo.save_document(app_id, doc)
    return app_id


def run() -> list[Result]:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.postgres.server import missing_reason, throwaway_server

    why = missing_reason()
    if why:
        print(f"team: skipped ({why})")
        return []
    from models.team import admin_init

    results = []
    with throwaway_server(durable=True) as server, tempfile.TemporaryDirectory() as tmp:
        url = server.create_database("bench")
        admin_init(url)
        repo = Repository(open_database(url))
        other = Repository(open_database(url))
        small = _store(repo, make_demo(load_form("kkk-2019"), members=20))
        counter = iter(range(10**9))

        def save_one() -> None:
            repo.set_value(small, "cluster.name", f"Klaster {next(counter)}")

        with server.connect("bench") as raw:
            raw.autocommit = False

            def raw_save() -> None:
                raw.execute(
                    "INSERT INTO value (application_id, key, data) VALUES (%s, %s, %s) "
                    "ON CONFLICT (application_id, key) DO UPDATE SET data = EXCLUDED.data",
                    (small, "cluster.name", f'"x{next(counter)}"'),
                )
                raw.commit()

            results.append(
                Result(
                    "team: save one field (round trip)",
                    _median(save_one),
                    "psycopg: one upsert + COMMIT",
                    _median(raw_save),
                    "<= 20 ms",
                )  # fmt: skip
            )
        doc = make_demo(load_form("kkk-2019"), members=300, rows=200)
        large = _store(repo, doc)
        sqlite_repo = Repository(open_database(Path(tmp) / "large.sqlite", make_backup=False))
        sqlite_large = _store(sqlite_repo, doc)
        results.append(
            Result(
                "team: open the large application",
                best_of(lambda: other.load(large), 3),
                "the same on SQLite",
                best_of(lambda: sqlite_repo.load(sqlite_large), 3),
                "<= 1 s",
            )  # fmt: skip
        )
        sqlite_repo.db.close()
        other.data_version()  # listening from now on

        def seen_by_other() -> None:
            before = other.data_version()
            repo.set_value(small, "cluster.name", f"Zmiana {next(counter)}")
            deadline = time.monotonic() + 5
            while other.data_version() == before and time.monotonic() < deadline:
                time.sleep(0.002)

        with server.connect("bench") as listener, server.connect("bench") as sender:
            listener.execute("LISTEN bench_ping")

            def ping() -> None:
                sender.execute("NOTIFY bench_ping, 'x'")
                for _note in listener.notifies(timeout=5, stop_after=1):
                    pass

            results.append(
                Result(
                    "team: a change seen by the other session",
                    best_of(seen_by_other, 5),
                    "LISTEN/NOTIFY round trip",
                    best_of(ping, 5),
                    "<= 2 s",
                    "an open window polls every 400 ms",
                )  # fmt: skip
            )
        repo.db.close()
        other.db.close()
        repo.backend.close()
        other.backend.close()
    return results


def _median(fn, n: int = 41) -> float:
    for _ in range(3):
        fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[n // 2]
