"""Issue benchmarks: importing 1,000 and 10,000 member rows from a workbook, with every check and the database
write (read, type and check every cell, plan against the register, store with provenance in one transaction);
reading back a folder of 150 returned questionnaires (the dry run of `questionnaires-import`).

Baseline in the same run: openpyxl alone reading the same file(s) in read-only mode (every row's values), the least
an openpyxl-based import must do. Target: at most twice the baseline; the questionnaires at most 3 s (they are read
by the lean reader, so below the baseline).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from bench.common import Result, best_of
from export.xlsx.headers import written_columns
from export.xlsx.members_import import apply_import, read_members
from forms.demo import seeded_nip
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository

TYPES = (
    "mikroprzedsiębiorstwo",
    "małe przedsiębiorstwo",
    "średnie przedsiębiorstwo",
    "duże przedsiębiorstwo",
    "uczelnia",
    "instytucja otoczenia biznesu",
)


def _value(key: str, i: int, rng: random.Random) -> object:
    """A realistic mix: numbers as numbers and as Polish text, NIPs with dashes, dates and dd.mm.rrrr."""
    if key == "name":
        return f"Przedsiębiorstwo {i + 1} sp. z o.o."
    if key == "nip":
        n = seeded_nip(i)
        return f"{n[:3]}-{n[3:6]}-{n[6:8]}-{n[8:]}" if i % 2 else n
    if key == "type":
        return TYPES[i % len(TYPES)]
    if key == "voivodeship":
        return rng.choice(("mazowieckie", "Śląskie", "lodzkie", "14"))
    if key == "joined_on":
        day = dt.date(2015, 1, 1) + dt.timedelta(days=i % 3000)
        return day if i % 2 else day.strftime("%d.%m.%Y")
    if key == "employees":
        return rng.randint(1, 900)
    if key == "sales_pln":
        return 2_000_000.5 + i if i % 3 else f"{2_000_000 + i:,}".replace(",", " ") + ",50"
    if key == "export_pln":
        return rng.choice((0, 1000.25, "12 500,00 zł"))
    if key in ("rd", "iso", "startup"):
        return rng.choice(("tak", "nie", "T", "N", "x", None))
    if key == "iso_norms":
        return "ISO 9001" if i % 3 == 0 else None
    if key == "contact_email":
        return f"biuro{i}@firma{i}.pl"
    return None


def make_workbook(path: Path, rows: int) -> None:
    definition = load_form("kkk-2019")
    columns = written_columns(definition.table("members"), definition)
    rng = random.Random(rows)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Członkowie")
    ws.append(["Rejestr członków klastra"])
    ws.append([])
    ws.append([header for _t, header, _c in columns])
    for i in range(rows):
        ws.append([rng.choice(("tak", "nie", None)) if t.choice else _value(t.column, i, rng) for t, _h, _c in columns])
    wb.save(path)


def alternated(raw: Callable[[], object], full: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best times of the baseline and of the work, run in turn so that a busy moment of the machine does not
    fall on one of them only."""
    baseline = seconds = float("inf")
    for _ in range(repeat):
        baseline = min(baseline, best_of(raw, 1))
        seconds = min(seconds, best_of(full, 1))
    return baseline, seconds


def bench_import(rows: int, tmp: Path) -> Result:
    path = tmp / f"members-{rows}.xlsx"
    make_workbook(path, rows)
    definition = load_form("kkk-2019")
    repo = Repository(open_database(tmp / f"bench-{rows}.sqlite", make_backup=False))
    outcome = {}

    def full() -> None:
        app_id = repo.create("kkk-2019")
        preview = read_members(path, definition)
        outcome["result"] = apply_import(repo, app_id, preview)

    def raw() -> None:
        wb = load_workbook(path, read_only=True, data_only=True)
        for _values in wb.worksheets[0].iter_rows(values_only=True):
            pass
        wb.close()

    baseline, seconds = alternated(raw, full, 5 if rows <= 1000 else 2)
    repo.db.close()
    result = outcome["result"]
    return Result(
        f"members import of {rows} rows (checks + database)",
        seconds,
        "openpyxl read-only read of the file",
        baseline,
        "<= x2",
        f"{result.added} added, {result.rejected} rejected, {path.stat().st_size / 1024:.0f} KB",
    )


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        return [bench_import(n, Path(tmp)) for n in (1000, 10_000)] + [bench_questionnaires(150, Path(tmp))]


def bench_questionnaires(members: int, tmp: Path) -> Result:
    """Reading back a folder of returned questionnaires (issue 17): every workbook checked at the door, its sheet
    found, typed and planned against the register (the dry run of `questionnaires-import`); target <= 3 s for 150.
    Baseline: openpyxl alone opening each workbook read-only and reading its question sheet."""
    from export.xlsx.questionnaires import import_folder, write_questionnaires
    from forms.document import Document

    definition = load_form("kkk-2019")
    doc = Document(definition)
    doc.set("cluster.name", "Klaster benchmarku")
    for i in range(members):
        doc.add_row("members", {"name": f"Firma {i}", "nip": seeded_nip(i), "type": "small"})
    db = open_database(tmp / "q.sqlite", make_backup=False)
    repo = Repository(db)
    app_id = repo.create("kkk-2019", "bench")
    repo.save_document(app_id, doc)
    folder = tmp / "ankiety"
    files = write_questionnaires(repo.load(app_id), folder, app_uuid=repo.info(app_id).uuid)
    for i, path in enumerate(files):  # each member answers the figures
        wb = load_workbook(path)
        ws = wb["Ankieta"]
        meta = wb["_klaster"]
        rows = {meta.cell(r, 2).value: meta.cell(r, 1).value for r in range(20, meta.max_row + 1)}
        ws.cell(rows["employees"], 2, 10 + i)
        ws.cell(rows["sales_pln"], 2, 100_000 + i)
        ws.cell(rows["export_pln"], 2, i)
        ws.cell(rows["rd"], 2, "tak" if i % 2 else "N")
        wb.save(path)
    outcome: dict = {}

    def full() -> None:
        outcome["done"] = import_folder(repo, app_id, folder, dry_run=True)

    def raw() -> None:
        for path in files:
            wb = load_workbook(path, read_only=True, data_only=True)
            for _ in wb["Ankieta"].iter_rows(values_only=True):
                pass
            wb.close()

    baseline, seconds = alternated(raw, full, 3)
    db.close()
    done = outcome["done"]
    returned = sum(1 for s in done.statuses if s.status == "returned")
    return Result(
        f"questionnaires read back: {members} (dry run)",
        seconds,
        "openpyxl read-only read of each",
        baseline,
        "<= 3 s",
        f"{returned} returned, {len(done.unknown)} unknown",
    )
