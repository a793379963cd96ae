"""The application PDF and the managers' summary, read back as an evaluator's software would: text (pdftotext, or
pypdf where poppler is missing), fonts (pdffonts, or the font dictionaries), bookmarks, page sizes."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from export.pdf import Cancelled, build_application_pdf, build_summary_pdf, read_checksum
from export.pdf.application import application_pdf_bytes
from forms.demo import make_demo
from forms.document import group_checksum
from forms.loader import load_form
from forms.messages import totals_text
from forms.progress import assess
from tests.app_info import info_of

TODAY = dt.date(2025, 6, 30)
POLISH_SENTENCE = "Zażółć gęślą jaźń – ZAŻÓŁĆ GĘŚLĄ JAŹŃ: ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ."
MARKUP = "<b>Tom & Jerry</b> <i>nie kursywa</i> &amp; 5 < 6 > 4 <br/> <font color=red>x</font>"
MEMBER_MARKUP = "Spółka <Alfa> & Beta sp. z o.o."
EMOJI_NAME = "Start-up 🛸 «Rakieta» 😀"


def page_texts(path: Path) -> list[str]:
    if shutil.which("pdftotext"):
        # -raw keeps the order of the content: the diagonal watermark, drawn last, does not split the lines it crosses
        command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
        out = subprocess.run(command, capture_output=True, check=True).stdout
        pages = out.decode("utf-8").split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Text with line breaks and repeated spaces folded (a wrapped sentence reads as one)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def font_rows(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the PDF uses."""
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = []
        for line in out.splitlines()[2:]:
            parts = line.split()
            emb = [p for p in parts if p in ("yes", "no")]
            rows.append((parts[0], emb[0] == "yes"))
        return rows
    rows = []
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            embedded = desc is not None and any(k in desc.get_object() for k in files)
            rows.append((str(font["/BaseFont"]).lstrip("/"), embedded))
    return rows


@pytest.fixture(scope="module")
def draft(definition, tmp_path_factory):
    """A demo draft with typed markup, Polish letters, an emoji, an empty optional field and a field that does
    not apply; its PDF and page texts."""
    doc = make_demo(definition, members=60, today=TODAY)
    doc.set("cluster.description", f"{POLISH_SENTENCE}\n{MARKUP}\nKoniec opisu.")
    doc.set("cluster.website", None)
    doc.set("hr.cluster_label", "none")
    doc.set("hr.cluster_label_date", TODAY)  # stored, but does not apply to "none": never printed
    doc.set_cell("members", 0, "name", MEMBER_MARKUP)
    doc.set_cell("members", 1, "name", EMOJI_NAME)
    path = tmp_path_factory.mktemp("pdf") / "wniosek.pdf"
    build_application_pdf(doc, info_of(doc), path, today=TODAY)
    return doc, path, page_texts(path)


@pytest.fixture(scope="module")
def final(definition, tmp_path_factory):
    doc = make_demo(definition, members=60, today=TODAY, problems=False)
    path = tmp_path_factory.mktemp("pdf") / "wniosek-final.pdf"
    build_application_pdf(doc, info_of(doc, "final", version=2), path, today=TODAY)
    return doc, path, page_texts(path)


# Every page ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["draft", "final"])
def test_every_page_has_number_name_version_and_the_checksum(which, request):
    doc, path, texts = request.getfixturevalue(which)
    total = len(PdfReader(str(path)).pages)
    assert len(texts) == total > 10
    short = group_checksum(doc.checksum())
    version = "wersja 1 · robocza" if which == "draft" else "wersja 2 (korekta) · sfinalizowana 30.06.2025"
    for number, text in enumerate(texts, 1):
        assert f"Strona {number} z {total}" in text, number
        assert f"Suma kontrolna SHA-256: {short}" in text, number
        assert doc.get("cluster.name") in flat(text), number
        assert version in text, number
    assert read_checksum(path) == doc.checksum()


def test_the_watermark_is_on_every_draft_page_and_on_no_final_page(draft, final):
    # pypdf reads the rotated watermark as one string (pdftotext breaks rotated text into pieces); `verify` reads
    # the checksum the same way.
    short = group_checksum(draft[0].checksum())
    for number, page in enumerate(PdfReader(str(draft[1])).pages, 1):
        text = page.extract_text()
        assert "WERSJA ROBOCZA" in text and short in text, number
    for number, page in enumerate(PdfReader(str(final[1])).pages, 1):
        assert "WERSJA ROBOCZA" not in page.extract_text().upper(), number
    for number, text in enumerate(final[2], 1):
        assert "· robocza" not in text and "roboczy (niesfinalizowany)" not in text, number


def test_fonts_are_embedded_subsets_and_helvetica_never_appears(draft):
    rows = font_rows(draft[1])
    assert rows
    for name, embedded in rows:
        assert embedded, name
        assert "Helvetica" not in name
        assert re.match(r"[A-Z]{6}\+DejaVuSans", name), name


def test_same_input_gives_the_same_bytes(definition):
    doc = make_demo(definition, members=5, rows=1, today=TODAY)
    first = application_pdf_bytes(doc, info_of(doc), today=TODAY)
    assert application_pdf_bytes(doc, info_of(doc), today=TODAY) == first


# Content -------------------------------------------------------------------------------------------------------
def test_polish_letters_and_typed_markup_print_literally(draft):
    text = flat("\n".join(draft[2]))
    assert POLISH_SENTENCE in text
    assert flat(MARKUP) in text
    assert MEMBER_MARKUP in text
    assert "Start-up □ «Rakieta» □" in text  # no glyph for these: a visible box, read back as a box


def test_cover_has_kind_round_version_date_and_full_checksum(draft):
    doc, _, texts = draft
    cover = flat(texts[0])
    assert "Wniosek o nadanie statusu Krajowego Klastra Kluczowego" in cover
    assert doc.get("cluster.name") in cover and doc.get("coordinator.name") in cover
    assert "konkurs 2019" in cover and "wersja 1" in cover and "30.06.2025" in cover
    digest = doc.checksum()
    groups = " ".join(digest[i : i + 8] for i in range(0, 64, 8))
    assert groups in cover


def test_contents_and_bookmarks_follow_the_definition_with_right_page_numbers(draft):
    doc, path, texts = draft
    contents = flat(texts[1])
    assert contents.startswith("Spis treści") or "Spis treści" in contents
    reader = PdfReader(str(path))
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    expected = [s.display_title() for s in doc.definition.sections]
    assert [t for t in titles if t in expected] == expected
    assert "Spis treści" in titles and "Wskaźniki klastra na tle średnich KKK" in titles
    for item in outline:
        if isinstance(item, list):
            continue
        page = reader.get_destination_page_number(item) + 1
        # The contents name the same page, and that page starts with the heading.
        assert re.search(re.escape(item.title) + r"[ .]*" + str(page) + r"\b", contents) or item.title == "Spis treści"
        assert item.title in flat(texts[page - 1]), item.title


def test_optional_empty_fields_print_brak_and_fields_that_do_not_apply_are_left_out(draft):
    text = flat("\n".join(draft[2]))
    assert "Strona internetowa klastra brak" in text
    assert "Data przyznania etykiety" not in text
    assert "Uzasadnienie zgodności specjalizacji klastra z KIS brak" in text  # the demo's empty required text


def test_member_register_is_on_landscape_pages_with_its_header_on_every_page(draft):
    doc, path, texts = draft
    reader = PdfReader(str(path))
    names = [r.get("name") for r in doc.rows("members")]
    pages = [i for i, t in enumerate(texts) if any(n in flat(t) for n in names[2:])]
    register = [i for i in pages if "Nazwa członka" in texts[i]]
    assert len(register) >= 3
    for i in register:
        box = reader.pages[i].mediabox
        assert box.width > box.height, i + 1
        assert "Nazwa członka" in texts[i] and "NIP" in texts[i]
    # Every member is listed once with its number.
    whole = flat("\n".join(texts[i] for i in register))
    assert f"{len(names)}. " in whole
    for name in names[2:]:
        assert flat(name) in whole


def test_tables_spanning_pages_repeat_their_header(definition, tmp_path):
    doc = make_demo(definition, members=55, rows=30, today=TODAY)
    path = tmp_path / "rows.pdf"
    build_application_pdf(doc, info_of(doc), path, today=TODAY)
    texts = page_texts(path)
    names = [r.get("name") for r in doc.rows("infra.coordinator_assets")]
    carrying = [t for t in texts if any(f"{i}. {name}" in flat(t) for i, name in enumerate(names, 1))]
    assert len(carrying) >= 2  # the table spans pages
    for t in carrying:
        assert "Opis i sposób wykorzystania" in flat(t)  # its header row is on each of them


def test_indicators_against_kkk_averages_and_the_chart(draft):
    text = flat("\n".join(draft[2]))
    assert "Wskaźniki klastra na tle średnich KKK" in text
    for average in ("34,42 %", "28,80 %", "26,98 %", "31,63 %", "35,30 %"):
        assert average in text
    assert "Klaster Średnia KKK" in text  # the chart's legend
    assert "0 %" in text and "10 %" in text  # its axis, from 0


def test_attachments_list_the_sha256_of_each_held_file(draft):
    doc, _, texts = draft
    text = "".join(flat(t).replace(" ", "") for t in texts)
    rows = doc.rows("attachments")
    assert rows
    for row in rows:
        digest = hashlib.sha256(doc.files[row.get("sha256")]).hexdigest()
        assert digest[:32] in text and digest[32:] in text


def test_declarations_and_signature_block(draft):
    last = flat(draft[2][-1])
    assert "Oświadczam, że informacje zawarte we wniosku są zgodne z prawdą." in last
    assert "☒" in last
    assert "podpis osoby upoważnionej do reprezentowania koordynatora" in last
    assert "miejscowość i data" in last


# Robustness ----------------------------------------------------------------------------------------------------
def test_a_100000_character_text_and_emoji_export_without_error(definition, tmp_path):
    doc = make_demo(definition, members=5, rows=1, today=TODAY)
    sentence = "Klaster rozwija współpracę B+R z uczelniami regionu. "
    long_text = "POCZĄTEK " + sentence * (100_000 // len(sentence) + 1) + " KONIEC"
    assert len(long_text) >= 100_000
    doc.values["cluster.description"] = long_text  # past the form's limit: the check reports it, the PDF prints it
    doc.values["hr.quality_description"] = "🛸" * 2000 + "\U0001f9ea\u200d🔬 👩‍🔬 🇵🇱"
    doc.set_cell("hr.staff", 0, "qualifications", "Bardzo długi opis kwalifikacji. " * 600)
    path = tmp_path / "long.pdf"
    build_application_pdf(doc, info_of(doc), path, today=TODAY)
    texts = page_texts(path)
    whole = flat("\n".join(texts))
    assert "POCZĄTEK" in whole and "KONIEC" in whole
    assert whole.count("rozwija współpracę") >= 1800
    assert "□□□" in whole


def test_a_cancelled_export_leaves_no_file(definition, tmp_path):
    doc = make_demo(definition, members=10, rows=2, today=TODAY)
    seen = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if fraction > 0.3:
            raise Cancelled()

    path = tmp_path / "anulowany.pdf"
    with pytest.raises(Cancelled):
        build_application_pdf(doc, info_of(doc), path, today=TODAY, progress=progress)
    assert seen and not path.exists()
    assert not list(tmp_path.iterdir())


def test_another_round_renders_from_its_own_definition(tmp_path):
    d = load_form("kkk-2021")
    doc = make_demo(d, members=55, today=TODAY)
    path = tmp_path / "2021.pdf"
    build_application_pdf(doc, info_of(doc), path, today=TODAY)
    text = flat("\n".join(page_texts(path)))
    for section in d.sections:
        assert section.display_title() in text


# Summary -------------------------------------------------------------------------------------------------------
def test_summary_has_one_or_two_pages_with_the_key_facts(draft, tmp_path):
    doc = draft[0]
    path = tmp_path / "podsumowanie.pdf"
    build_summary_pdf(doc, info_of(doc), path, today=TODAY)
    texts = page_texts(path)
    assert len(texts) == 1
    text = flat("\n".join(texts))
    truth = assess(doc, TODAY)
    for expected in (
        "Podsumowanie wniosku",
        doc.get("cluster.name"),
        "Gotowość: ",
        "1. Zasoby ludzkie i organizacyjne",
        "Kwalifikowalność",
        "co najmniej 51 członków (w rejestrze: 60)",
        "Wskaźniki na tle średnich KKK",
        "34,42 %",
        "Do zrobienia: " + totals_text(truth.missing, truth.errors, truth.warnings),
        "Razem 60",
    ):
        assert expected in text, expected
    for number, page in enumerate(texts, 1):
        assert f"Strona {number} z {len(texts)}" in page
        assert group_checksum(doc.checksum()) in page
    for number, page in enumerate(PdfReader(str(path)).pages, 1):
        assert "WERSJA ROBOCZA" in page.extract_text(), number
    assert all(embedded for _, embedded in font_rows(path))
    assert read_checksum(path) == doc.checksum()


def test_summary_of_a_final_application_has_no_watermark(final, tmp_path):
    doc = final[0]
    path = tmp_path / "podsumowanie.pdf"
    build_summary_pdf(doc, info_of(doc, "final"), path, today=TODAY)
    text = "\n".join(page_texts(path))
    assert all("WERSJA ROBOCZA" not in page.extract_text() for page in PdfReader(str(path)).pages)
    assert "Do zrobienia: 0 braków, 0 błędów, 0 uwag" in flat(text)
