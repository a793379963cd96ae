"""`main.py --selftest`: prove that a build works end to end without a display or user data.

Opens a temporary database, loads every round, makes and checks a demo application for each, writes and reads
back its `.kkk.json`, renders the application PDF, the summary PDF and the Excel workbook and reads each back, and
rasterises a PDF page the way printing does.
Prints one line per step (Polish, or English with `--lang en`), then a closing sentence and the marker line
"selftest ok" (the same in every language: CI and scripts look for it) and exits 0, or prints what failed and
"selftest FAILED" and exits 1.
Nothing is written outside a temporary folder (or `KLASTER_SELFTEST_OUT`): no user data, settings or logs.

Run on the frozen build in CI: it must exercise the real features, because a module PyInstaller left out (or a
resource not copied into the folder) only shows when the code that needs it runs. The PDF check therefore does
not rely on pypdf (a test-only dependency, absent from the frozen build): it reads the fonts' ToUnicode maps
and requires the Polish letters among the glyphs drawn with an embedded font. Where pypdf is importable (the
source tree) the page text is extracted too.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import traceback
import zlib
from pathlib import Path

from klaster.messages import language

POLISH = set("ąęłśżźćńóĄĘŁŚŻŹĆŃÓ")

# English -> Polish for the step lines (the problems found stay as written: they are for whoever fixes the build).
_PL = {
    "database, checks, indicators, .kkk.json": "baza danych, kontrola, wskaźniki, .kkk.json",
    "application PDF": "PDF wniosku",
    "summary PDF": "PDF podsumowania",
    "printing rasteriser": "rasteryzacja do druku",
    "signature checks": "sprawdzanie podpisów",
    "all works.": "wszystko działa.",
    "failed.": "błąd.",
}


def _t(text: str) -> str:
    return _PL.get(text, text) if language() == "pl" else text


def pdf_problems(path: Path) -> list[str]:
    """What is wrong with a PDF we wrote: empty, not a PDF, an unembedded base-14 font, no Polish glyphs."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return [f"{path.name}: not a PDF ({len(data)} bytes)"]
    problems = []
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", data))
    base14 = sorted(f.decode() for f in fonts if b"+" not in f)  # embedded subsets are named ABCDEF+Name
    if base14:
        problems.append(f"{path.name}: fonts not embedded: {', '.join(base14)}")
    mapped: set[str] = set()
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            stream = zlib.decompressobj().decompress(match.group(1))
        except zlib.error:
            continue
        if b"beginbfchar" in stream:
            for target in re.findall(rb"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]{4})>", stream):
                mapped.add(chr(int(target, 16)))
    if not POLISH & mapped:
        problems.append(f"{path.name}: no Polish letter among the embedded glyphs")
    try:
        from pypdf import PdfReader
    except ImportError:  # the frozen build: the glyph check above has to do
        return problems
    text = "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages[:3])
    if not POLISH & set(text):
        problems.append(f"{path.name}: no Polish letter in the text of the first pages")
    return problems


def xlsx_problems(path: Path) -> list[str]:
    """The workbook opens with openpyxl, has sheets with data, and Polish letters survived."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        cells = 0
        polish = False
        for ws in wb.worksheets:
            for row in ws.iter_rows(max_row=200, values_only=True):
                for value in row:
                    if value is None:
                        continue
                    cells += 1
                    polish = polish or (isinstance(value, str) and bool(POLISH & set(value)))
        problems = []
        if cells == 0:
            problems.append(f"{path.name}: no cells with data")
        if not polish:
            problems.append(f"{path.name}: no Polish letter in any cell")
        return problems
    finally:
        wb.close()


def printing_problems(pdf: Path) -> list[str]:
    """Printing draws the PDF's pages as images (pypdfium2, or QtPdf where installed): the first page of `pdf`
    must come out as a non-blank image. Needs no display."""
    from ui.printing import can_rasterise, pdf_pages

    if not can_rasterise():
        return ["printing: no PDF rasteriser (pypdfium2 / QtPdf) in this build"]
    image, _landscape, count = next(pdf_pages(pdf.read_bytes(), lambda _pages: 24.0))
    if image.isNull() or count < 1:
        return [f"printing: {pdf.name}: the first page did not render"]
    w, h = image.width(), image.height()
    samples = {image.pixel(x * w // 8, y * h // 8) for x in range(1, 8) for y in range(1, 8)}
    if len(samples) < 2:
        return [f"printing: {pdf.name}: the first page rendered blank"]
    return []


def signing_problems(pdf: Path) -> list[str]:
    """The signed application is checked with pyHanko (PAdES) and signxml (XAdES): both must load in this build
    (they need cryptography, cffi and lxml), read an unsigned application PDF and refuse an unsigned XML."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from signxml import XMLVerifier
    from signxml.exceptions import InvalidInput

    problems = []
    with pdf.open("rb") as f:
        if PdfFileReader(f).embedded_signatures:
            problems.append(f"signing: {pdf.name}: an unsigned PDF reads as signed")
    try:
        XMLVerifier().verify(b"<a/>")
        problems.append("signing: an unsigned XML passed the XAdES check")
    except InvalidInput:
        pass
    return problems


def _exports(repo, app_id: int, folder: Path, stem: str) -> str:
    from export.pdf import build_application_pdf, build_summary_pdf
    from export.xlsx.workbook import write_application_xlsx

    doc, info = repo.load(app_id), repo.info(app_id)
    application, summary, workbook = (folder / f"{stem}{suffix}" for suffix in (".pdf", "-summary.pdf", ".xlsx"))
    build_application_pdf(doc, info, application)
    build_summary_pdf(doc, info, summary)
    write_application_xlsx(doc, info, workbook)
    problems = pdf_problems(application) + pdf_problems(summary) + xlsx_problems(workbook)
    problems += printing_problems(summary) + signing_problems(application)
    if problems:
        raise RuntimeError("; ".join(problems))
    kb = [f"{p.stat().st_size // 1024} KB" for p in (application, summary, workbook)]
    done = f"{_t('printing rasteriser')}, {_t('signature checks')}"
    return f"{_t('application PDF')} {kb[0]}, {_t('summary PDF')} {kb[1]}, Excel {kb[2]}, {done}"


def _steps(folder: Path):
    from export import kkk_json
    from forms.checks import check_document
    from forms.demo import make_demo
    from forms.indicators import compute_indicators
    from forms.loader import load_all
    from models.db import open_database
    from models.repository import Repository

    repo = Repository(open_database(folder / "selftest.sqlite"))
    try:
        definitions = load_all()
        if not definitions:
            raise RuntimeError("no form definitions found")
        for definition in definitions:
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
            yield f"{definition.id}: {_t('database, checks, indicators, .kkk.json')}"
            yield f"{definition.id}: {_exports(repo, app_id, folder, definition.id)}"
    finally:
        repo.db.close()


_TITLE = {"pl": "Autotest", "en": "Self-test"}


def run_selftest() -> int:
    """`KLASTER_SELFTEST_OUT=DIR` keeps the database and the files written in DIR (to look at them after CI)."""
    keep = os.environ.get("KLASTER_SELFTEST_OUT")
    try:
        with tempfile.TemporaryDirectory(prefix="klaster-selftest-") as tmp:
            folder = Path(keep) if keep else Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            for line in _steps(folder):
                print(line, flush=True)
    except Exception:  # noqa: BLE001 - report whatever broke, the build is not usable
        traceback.print_exc(file=sys.stdout)
        print(f"{_TITLE[language()]}: {_t('failed.')}", flush=True)
        print("selftest FAILED", flush=True)
        return 1
    print(f"{_TITLE[language()]}: {_t('all works.')}", flush=True)
    print("selftest ok", flush=True)
    return 0
