"""Issue 2 benchmarks: the whole check of the large application (300 members, 200 rows per table) and the import
of its `.kkk.json` into the database; and making that application with the demo (its content read from data/).

Baselines in the same run: python-stdnum validating the same identifiers (the least any check must do),
`json.loads` of the same file (the least any import must do), and putting the same rows into a fresh Document
(the least any generator must do).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.common import Result, best_of
from export import kkk_json
from forms.checks import check_document
from forms.demo import make_demo
from forms.document import Document
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository


def large_document():
    return make_demo(load_form("kkk-2019"), members=300, rows=200)


def bench_check(doc) -> Result:
    from stdnum.pl import nip, regon

    ids = [(r.get("nip"), r.get("regon")) for r in doc.rows("members")]

    def raw() -> None:
        for n, r in ids:
            if n:
                nip.is_valid(n)
            if r:
                regon.is_valid(r)

    problems = check_document(doc)
    return Result(
        "check of the large application",
        best_of(lambda: check_document(doc), 7),
        "stdnum on its identifiers",
        best_of(raw, 7),
        "<= 50 ms",
        f"{len(problems)} problems",
    )


def bench_import(doc) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.kkk.json"
        kkk_json.write(doc, path)
        size_kb = path.stat().st_size / 1024
        repo = Repository(open_database(Path(tmp) / "b.sqlite", make_backup=False))

        def full() -> None:
            loaded = kkk_json.read(path)
            with repo.db.atomic():
                app_id = repo.create(loaded.definition.id)
                repo.save_document(app_id, loaded)

        def raw() -> None:
            json.loads(path.read_text(encoding="utf-8"))

        seconds = best_of(full, 3)
        baseline = best_of(raw, 3)
        repo.db.close()
    return Result(
        ".kkk.json import (read, validate, store)",
        seconds,
        "json.loads of the same file",
        baseline,
        "<= 1 s",
        f"{size_kb:.0f} KB",
    )


def bench_demo(doc) -> Result:
    definition = doc.definition
    tables = {key: [dict(row.data) for row in doc.rows(key)] for key in definition.tables}

    def raw() -> None:
        fresh = Document(definition)
        for key, rows in tables.items():
            for data in rows:
                fresh.add_row(key, data)

    rows = sum(len(r) for r in tables.values())
    return Result(
        "demo: the large application made",
        best_of(lambda: make_demo(definition, members=300, rows=200), 3),
        "the same rows put into a Document",
        best_of(raw, 3),
        "<= 1 s",
        f"{rows} rows",
    )


def run() -> list[Result]:
    doc = large_document()
    return [bench_check(doc), bench_import(doc), bench_demo(doc)]
