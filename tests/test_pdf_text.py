"""The text layer of the PDFs: the shipped font and its licence, characters it lacks, markup escaping, Polish
values, line breaking of table cells, the QR payload and safe file names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.paths import resource_path
from export.pdf import fonts
from export.pdf.measure import measure
from export.pdf.qr import parse_payload, payload
from export.pdf.text import MAX_PIECE, markup, pieces, plain
from export.pdf.values import EMPTY, difference_text, indicator_text
from forms.display import value_text

POLISH = "ąęłśżźćńóĄĘŁŚŻŹĆŃÓ"


def test_the_font_ships_with_its_licence_and_covers_polish():
    for file_name in fonts.FILES.values():
        assert resource_path("fonts", file_name).is_file()
    licence = resource_path("fonts", fonts.LICENCE_FILE).read_text(encoding="utf-8")
    assert "Bitstream" in licence and "DejaVu" in licence
    fonts.register_fonts()
    assert fonts.covers(POLISH + "„”–—…«»§€")


def test_reportlab_starts_pages_and_drawings_in_the_shipped_font():
    from reportlab import rl_config

    fonts.register_fonts()
    assert rl_config.canvas_basefontname == fonts.SANS
    assert rl_config.defaultGraphicsFontName == fonts.SANS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zażółć gęślą jaźń", "zażółć gęślą jaźń"),
        ("rakieta 🛸 i 中文", "rakieta □ i □□"),
        ("uśmiech 😀", "uśmiech □"),  # in DejaVu, but beyond the BMP: it could not be read back (ToUnicode)
        ("serce ❤️", "serce ❤️"),  # both the heart and its variation selector are in the font
        ("z\x07er\x1bo", "zero"),  # control characters are dropped
        ("a\U000e0001b", "ab"),  # an invisible format character the font lacks is dropped, not boxed
        ("e\u0301", "é"),  # NFC
        ("sama\ud83dpołówka", "sama□połówka"),  # a lone surrogate never reaches the PDF
    ],
)
def test_printable_replaces_what_the_font_lacks(text, expected):
    assert fonts.printable(text) == expected


def test_markup_prints_as_typed():
    assert markup("<b>Tom & Jerry</b>\nx") == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;<br/>x"
    assert markup("x &amp; b") == "x &amp;amp; b"
    assert markup("a &amp; b") == "a\u00a0&amp;amp; b"  # a one-letter word never ends a line
    assert plain("a\tb\r\nc") == "a    b\nc"


def test_long_text_is_cut_into_paragraphs_at_sentence_ends():
    text = ("Zdanie numer jeden jest dość długie. " * 400).strip()
    parts = pieces(text)
    assert len(parts) > 1
    assert all(len(p) <= MAX_PIECE for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == text
    assert pieces("a\n\nb\nc") == ["a", "b<br/>c"]
    assert pieces("   ") == []


def test_table_cells_break_at_words_and_cut_overlong_words():
    fonts.register_fonts()
    m = measure(fonts.COND, 8)
    lines = m.lines("Przedsiębiorstwo Handlowo-Usługowe «Zażółć» sp. z o.o.", 90)
    assert len(lines) > 1 and all(m.line(line) <= 90 for line in lines)
    assert " ".join(lines) == "Przedsiębiorstwo Handlowo-Usługowe «Zażółć» sp. z o.o."
    long = m.lines("kontakt@przedsiebiorstwo-bardzo-dlugie.pl", 50)
    assert len(long) > 1 and "".join(long) == "kontakt@przedsiebiorstwo-bardzo-dlugie.pl"
    assert m.lines("a\nb", 100) == ["a", "b"]


def test_values_print_in_polish(definition):
    d = definition
    members = d.table("members")
    assert value_text(d, members.column("sales_pln"), Decimal("1234567.89")) == "1\u00a0234\u00a0567,89\u00a0zł"
    assert value_text(d, d.field("cluster.established_on"), dt.date(2015, 3, 1)) == "01.03.2015"
    assert value_text(d, d.field("meta.reference_year"), 2024) == "2024"
    assert value_text(d, members.column("employees"), 12500) == "12\u00a0500"
    assert value_text(d, members.column("rd"), True) == "tak"
    assert value_text(d, members.column("rd"), False) == "nie"
    assert value_text(d, d.field("cluster.voivodeship"), "12") == "małopolskie"
    assert value_text(d, d.field("cluster.kis"), ("7", "8")).startswith("Gospodarka o obiegu zamkniętym – woda")
    assert value_text(d, d.field("cluster.website"), None) == EMPTY == "brak"
    assert indicator_text(Decimal("34.42"), True) == "34,42\u00a0%"
    assert difference_text(Decimal("-1.5")) == "−1,50\u00a0p.p."
    assert difference_text(Decimal("7.44")) == "+7,44\u00a0p.p."


def test_qr_payload_carries_number_version_and_checksum():
    digest = "ab" * 32
    fields = parse_payload(payload("AB12-CD34-EF56", "u-1", 3, digest, "kkk-2019"))
    assert fields == {"nr": "AB12-CD34-EF56", "uuid": "u-1", "wersja": "3", "runda": "kkk-2019", "sha256": digest}
    fields = parse_payload(payload("AB12", "u-2", 2, digest, "kkk-2019", f"u-1/1/{digest}"))
    assert fields["koryguje"] == f"u-1/1/{digest}"  # a korekta names the version it replaces
    assert parse_payload("something else") == {}


def test_file_names_are_safe_on_windows():
    pytest.importorskip("PySide6.QtPrintSupport")
    from ui.printing import safe_file_name

    assert safe_file_name("Klaster «Dolina Stali»: A/B? <x>") == "Klaster_«Dolina_Stali»_A_B_x"
    assert safe_file_name("CON") == "wniosek_CON"
    assert safe_file_name(" ..  ") == "wniosek"
    assert safe_file_name("Łódzki Klaster Ż") == "Łódzki_Klaster_Ż"
