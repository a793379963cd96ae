"""PDFs set as a typesetter would, read back from the bytes: no line ends with a one-letter word, "sp. z o.o." is
never split, table headers break between words only, the draft watermark is a drawing (not text), and the
metadata carry real dates while the same final version still gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from export.pdf.application import application_pdf_bytes
from export.pdf.blocks import data_table, is_wide
from export.pdf.columns import head_measure
from export.pdf.render import frame_height
from export.pdf.styles import CELL_PAD, LANDSCAPE, PORTRAIT, frame_width
from export.pdf.summary import summary_pdf_bytes
from export.pdf.text import NBSP, typeset
from forms.demo import make_demo
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository
from tests.conftest import store

pytestmark = pytest.mark.timeout(120)
ONE_LETTER_END = re.compile(r"(?:^|\s)[aiouwzAIOUWZ]$")


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    repo = Repository(open_database(tmp_path_factory.mktemp("typeset") / "k.sqlite"))
    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    doc.set("coordinator.name", "Huta Stali Kielce sp. z o.o. i Partnerzy w Kielcach")
    app_id = store(repo, doc)
    assert repo.finalize(app_id)[1]
    info = repo.info(app_id)
    yield repo.load(app_id), info
    repo.db.close()


@pytest.fixture(scope="module")
def final_pdf(stored) -> bytes:
    doc, info = stored
    return application_pdf_bytes(doc, info)


@pytest.fixture(scope="module")
def draft_pdf(stored) -> bytes:
    doc, info = stored
    return application_pdf_bytes(doc, replace(info, state="draft", finalized_at=None))


def lines_of(data: bytes) -> list[tuple[int, str]]:
    reader = PdfReader(io.BytesIO(data))
    return [
        (n, line.replace(NBSP, " ").rstrip())
        for n, page in enumerate(reader.pages, start=1)
        for line in (page.extract_text() or "").splitlines()
    ]


def test_typeset_glues_what_polish_keeps_together():
    assert (
        typeset("Huta sp. z o.o. w Kielcach i u nas")
        == f"Huta{NBSP}sp.{NBSP}z{NBSP}o.o. w{NBSP}Kielcach i{NBSP}u{NBSP}nas"
    )
    assert typeset("Firma S.A. ma 12 % i 5 osób, nr 3") == f"Firma{NBSP}S.A. ma 12{NBSP}% i{NBSP}5{NBSP}osób, nr{NBSP}3"
    assert typeset("e-mail: a@b.pl") == "e-mail: a@b.pl"


@pytest.mark.parametrize("which", ["final_pdf", "draft_pdf"])
def test_no_line_ends_with_a_one_letter_word(request, which):
    lines = lines_of(request.getfixturevalue(which))
    assert len(lines) > 300
    bad = [(n, line[-50:]) for n, line in lines if ONE_LETTER_END.search(line)]
    assert not bad, bad[:10]
    assert not [(n, line) for n, line in lines if re.search(r"\bsp\.( z)?$|\bz o\.$", line)]
    assert any("sp. z o.o." in line for _n, line in lines)


def test_summary_lines_too(stored):
    doc, info = stored
    lines = lines_of(summary_pdf_bytes(doc, info))
    assert not [line for _n, line in lines if ONE_LETTER_END.search(line)]


def test_table_headers_break_between_words_only(stored):
    doc, _info = stored
    d = doc.definition
    for key, table in d.tables.items():
        size = LANDSCAPE if is_wide(table) else PORTRAIT
        flowable = data_table(d, table, doc.rows(key), frame_width(size), frame_height(size))
        for column, width, header in zip(
            getattr(flowable, "columns", []),
            getattr(flowable, "widths", []),
            getattr(flowable, "header", []),
            strict=False,
        ):
            words = [w for w in column.title.split(" ") if w]
            assert all(head_measure().word(w) <= width - 2 * CELL_PAD + 0.01 for w in words), (key, column.title)
            assert header.replace("\n", " ") == column.title, (key, header)


def test_draft_watermark_is_not_text(draft_pdf, final_pdf):
    pages = PdfReader(io.BytesIO(draft_pdf)).pages
    for page in pages:
        text = page.extract_text()
        assert [line for line in text.splitlines() if line.strip() == "WERSJA ROBOCZA"] == ["WERSJA ROBOCZA"]  # footer
        # the diagonal letters, had they been text, would come out as stray capitals on their own lines
        assert not re.search(r"^(?:[WERSJABOCZ] ?){1,3}$", text, re.MULTILINE)
    assert b"KlasterWatermark" in draft_pdf  # drawn, as one form per page size
    assert "WERSJA ROBOCZA" not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(final_pdf)).pages)


def test_real_dates_in_the_metadata(stored, final_pdf, draft_pdf):
    _doc, info = stored
    final = PdfReader(io.BytesIO(final_pdf)).metadata
    assert final.creation_date.replace(tzinfo=None) == info.finalized_at
    assert final.modification_date.replace(tzinfo=None) == info.finalized_at
    assert "stan:final" in final["/Keywords"] and f"sha256:{info.checksum}" in final["/Keywords"]
    draft = PdfReader(io.BytesIO(draft_pdf)).metadata
    assert abs(draft.creation_date.replace(tzinfo=None) - dt.datetime.now()) < dt.timedelta(minutes=10)
    cover = PdfReader(io.BytesIO(final_pdf)).pages[0].extract_text()
    assert f"Data finalizacji\n{info.finalized_at:%d.%m.%Y}, godz. {info.finalized_at:%H:%M}" in cover
    assert "Numer wniosku\n" + info.uuid.replace("-", "")[:4].upper() in cover


def test_final_pdf_is_reproducible(stored, final_pdf):
    doc, info = stored
    assert application_pdf_bytes(doc, info) == final_pdf


def test_web_and_e_mail_addresses_are_links(final_pdf):
    reader = PdfReader(io.BytesIO(final_pdf))
    uris = {
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/A") is not None
    }
    assert any(u and u.startswith("https://www.") for u in uris) and any(u and u.startswith("mailto:") for u in uris)
    assert reader.trailer["/Root"]["/Lang"] == "pl-PL"
