"""Issue 6 benchmark: packaging the finalised demo application (80 members) for the ministry, and its size.

Baseline in the same run: zipfile alone compressing the same files (what any packaging must do at the least).
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from bench.common import Result, best_of
from export.package.builder import build_package
from forms.demo import make_demo
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        repo = Repository(open_database(tmp / "p.sqlite", make_backup=False))
        doc = make_demo(load_form("kkk-2019"), problems=False)
        app_id = repo.create("kkk-2019")
        repo.save_document(app_id, doc)
        repo.finalize(app_id)
        results = []

        def package() -> None:
            results.append(build_package(repo, app_id, tmp / "out"))

        seconds = best_of(package, 3)
        result = results[-1]

        def raw_zip() -> None:
            with zipfile.ZipFile(tmp / "raw.zip", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
                for entry in result.entries:
                    zf.write(result.folder / entry.name, entry.name)

        baseline = best_of(raw_zip, 3)
        zip_mb = result.zip_path.stat().st_size / 1024 / 1024
        size = f"{result.total_size / 1024 / 1024:.2f} MB in {len(result.entries)} files, ZIP {zip_mb:.2f} MB"
        repo.db.close()
    return [
        Result("package of the finalised demo (80 members)", seconds, "zipfile of the same files", baseline, "-", size)
    ]
