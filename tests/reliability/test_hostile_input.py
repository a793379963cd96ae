"""Hostile input refused at the door, with its place (issue 10, item 5): through the real command line, every case
ends with exit 2, exactly one line on stderr, never the catch-all, and the database unchanged; what is accepted
(the largest and most hostile values within `forms.limits`) never makes `package` (PDFs, workbook, e-mail) or
`questionnaires` fail."""

from __future__ import annotations

import copy
import datetime as dt
import email
import email.policy
import json
import os
import sqlite3
import time
from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import run
from export import kkk_json
from forms import limits
from forms.cells import CellError, parse_cell
from forms.demo import make_demo
from forms.document import Document
from forms.fmt import quote_value
from forms.loader import load_form
from forms.values import ValueTypeError

FORM = "kkk-2019"


# Helpers ----------------------------------------------------------------------------------------------------
def db_dump(path: Path) -> list:
    """Every row of every table: the database's content, independent of its pages and WAL."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_dict() -> dict:
    """A valid exported application (without its checksum, so that mutations are judged on their own)."""
    data = kkk_json.to_dict(make_demo(load_form(FORM), members=52, rows=2, problems=False))
    data.pop("checksum")
    return data


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.sqlite"
    assert run(["--db", str(path), "demo", "--members", "51", "--rows", "1"], lambda _: None) == 0
    return path


def refused(db: Path, path: Path, capsys: pytest.CaptureFixture) -> str:
    """Import `path` into `db` and assert the door's contract; returns the one line the user sees."""
    capsys.readouterr()
    before = db_dump(db)
    out: list[str] = []
    code = run(["--db", str(db), "import", str(path)], out.append)
    err = capsys.readouterr().err
    assert code == 2, err
    assert out == []
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert "Nieoczekiwany" not in err and "Traceback" not in err
    assert err.startswith("Błąd: ")
    assert db_dump(db) == before
    return err.strip()


def write_json(tmp_path: Path, data: dict, name: str = "x.kkk.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def mutated(demo_dict: dict, mutate) -> dict:
    data = copy.deepcopy(demo_dict)
    mutate(data)
    return data


# Refused at the door ------------------------------------------------------------------------------------------
def _raw_cases(demo_dict: dict) -> dict[str, tuple[str, str]]:
    """name -> (file text, expected fragment of the message)."""
    text = json.dumps(demo_dict, ensure_ascii=False)
    employees = '"employees": ' + str(demo_dict["tables"]["members"][0]["employees"])
    sales = f'"sales_pln": "{demo_dict["tables"]["members"][0]["sales_pln"]}"'
    assert employees in text and sales in text
    return {
        "deep 100,000": ("[" * 100_000 + "]" * 100_000, "plik: zagnieżdżenie głębsze niż 20 poziomów"),
        "deep in a value": (
            text.replace('"values": {', '"values": {"zagniezdzone": ' + "[" * 60 + "]" * 60 + ", ", 1),
            "values.zagniezdzone" + "[0]" * 18 + ": zagnieżdżenie głębsze niż 20 poziomów",
        ),
        "5,000 digits": (text.replace(employees, '"employees": ' + "9" * 5000, 1), "liczba o 5000 cyfrach spoza"),
        "4,000 digits": (text.replace(employees, '"employees": ' + "9" * 4000, 1), "liczba o 4000 cyfrach spoza"),
        "4,000 digit fraction": (text.replace(employees, '"employees": 1.' + "5" * 4000, 1), "spoza zakresu"),
        "duplicate value key": (
            text.replace('"values": {', '"values": {"cluster.name": "Pierwsza", ', 1),
            "values.cluster.name: klucz powtórzony w tym samym obiekcie",
        ),
        "duplicate row key": (
            text.replace(employees, f'"name": "Druga", {employees}', 1),
            "tables.members[0].name: klucz powtórzony",
        ),
        "NaN": (text.replace(sales, '"sales_pln": NaN', 1), "„NaN” nie jest liczbą skończoną"),
        "money 1e400 as a number": (
            text.replace(sales, '"sales_pln": 1e400', 1),
            "tables.members[0].sales_pln: liczba „1E+400” spoza zakresu",
        ),
    }


RAW_CASES = (
    "deep 100,000",
    "deep in a value",
    "5,000 digits",
    "4,000 digits",
    "4,000 digit fraction",
    "duplicate value key",
    "duplicate row key",
    "NaN",
    "money 1e400 as a number",
)


@pytest.mark.parametrize("case", RAW_CASES)
def test_raw_json_refused_with_its_place(case, demo_dict, db, tmp_path, capsys):
    text, fragment = _raw_cases(demo_dict)[case]
    path = tmp_path / "wniosek.kkk.json"
    path.write_text(text, encoding="utf-8")
    line = refused(db, path, capsys)
    assert line.startswith("Błąd: wniosek.kkk.json: ")
    assert fragment in line


def _set_value(key, value):
    return lambda d: d["values"].__setitem__(key, value)


def _set_cell(table, i, column, value):
    return lambda d: d["tables"][table][i].__setitem__(column, value)


MUTATIONS = {
    "money 1E+400": (_set_cell("members", 0, "sales_pln", "1E+400"), "liczba „1E+400” spoza zakresu: dozwolone kwoty"),
    "money 10^13": (_set_cell("members", 0, "sales_pln", "10000000000000.00"), "spoza zakresu"),
    "money of 60 digits": (_set_cell("members", 0, "sales_pln", "9" * 60), "liczba zapisana 60 znakami spoza"),
    "int 10^12": (_set_cell("members", 0, "employees", 10**12), "liczba „1000000000000” spoza zakresu"),
    "short text 10,000": (_set_value("coordinator.city", "x" * 10_000), "values.coordinator.city: tekst ma 10"),
    "long text over the cap": (
        _set_value("cluster.description", "słowo " * 4000),
        f"najwyżej {limits.MAX_LONG_TEXT:,}".replace(",", "\u00a0"),
    ),
    "cell text 10,000": (_set_cell("members", 1, "name", "ą" * 10_000), "tables.members[1].name: tekst ma"),
    "attachment without its file": (
        lambda d: d["tables"]["attachments"][0].pop("content_base64"),
        "tables.attachments[0].sha256: brak pliku załącznika",
    ),
    "attachment with another file": (
        _set_cell("attachments", 1, "content_base64", "aGVsbG8="),
        "tables.attachments[1].content_base64: treść pliku nie zgadza się z sumą SHA-256",
    ),
    "choice with a new line": (_set_value("cluster.voivodeship", "14\nBcc: x"), "„14\\nBcc: x” nie jest kodem"),
    "unknown key with escapes": (_set_value("\x1b[31m\nklucz", 1), "values.\\x1b[31m\\nklucz: nieznane pole"),
    "form with a new line": (
        lambda d: d.__setitem__("form", "kkk-2019\n"),
        "form: nieznana runda konkursu „kkk-2019\\n”",
    ),
    "format of 5,000 chars": (lambda d: d.__setitem__("format", "a" * 5000), "format: oczekiwano"),
    "too many rows": (
        lambda d: d["tables"].__setitem__("hr.staff", [{}] * (limits.MAX_TABLE_ROWS + 1)),
        "tables.hr.staff: 20001 wierszy, program przyjmuje w tabeli najwyżej 20000",
    ),
}


@pytest.mark.parametrize("case", list(MUTATIONS))
def test_value_refused_with_its_place(case, demo_dict, db, tmp_path, capsys):
    mutate, fragment = MUTATIONS[case]
    line = refused(db, write_json(tmp_path, mutated(demo_dict, mutate)), capsys)
    assert fragment in line, line
    assert len(line) < 1200


def test_million_character_name_refused_quickly(demo_dict, db, tmp_path, capsys):
    path = write_json(tmp_path, mutated(demo_dict, _set_value("cluster.name", "Nazwa " * 166_667)))
    start = time.perf_counter()
    line = refused(db, path, capsys)
    assert time.perf_counter() - start < 5
    assert "values.cluster.name: tekst ma 1\u00a0000\u00a0002 znaków" in line


def test_oversized_file_refused_before_reading(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(kkk_json, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "duzy.kkk.json"
    path.write_bytes(b"{" + b" " * 2000 + b"}")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before its size was checked"))
    line = refused(db, path, capsys)
    assert "program przyjmuje pliki wniosku do" in line


def test_default_file_cap_is_stated():
    assert kkk_json.MAX_FILE_BYTES == limits.MAX_KKK_JSON_BYTES == 100 * 1024 * 1024


def test_not_a_regular_file(db, tmp_path, capsys):
    folder = tmp_path / "folder.kkk.json"
    folder.mkdir()
    assert "to nie jest zwykły plik" in refused(db, folder, capsys)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "potok.kkk.json"
        os.mkfifo(fifo)
        assert "to nie jest zwykły plik" in refused(db, fifo, capsys)


def test_file_name_with_a_new_line_stays_one_line(db, tmp_path, capsys):
    path = tmp_path / "zły\nplik\x1b.kkk.json"
    path.write_text("{", encoding="utf-8")
    line = refused(db, path, capsys)
    assert "zły\\nplik\\x1b.kkk.json: niepoprawny JSON" in line


# Lenient where it costs nothing --------------------------------------------------------------------------------
def test_json_numbers_for_decimals_are_read_exactly(demo_dict, db, tmp_path):
    def mutate(d):
        d["tables"]["hr.staff"][0]["fte"] = "FTE"  # placeholder replaced in the text below
        d["tables"]["members"][0]["sales_pln"] = "SALES"

    text = json.dumps(mutated(demo_dict, mutate), ensure_ascii=False)
    text = text.replace('"FTE"', "1.0").replace('"SALES"', "1250000.5")
    path = tmp_path / "liczby.kkk.json"
    path.write_text(text, encoding="utf-8")
    out: list[str] = []
    assert run(["--db", str(db), "import", str(path)], out.append) == 0
    back = tmp_path / "z_powrotem.kkk.json"
    assert run(["--db", str(db), "export", out[0], str(back)], lambda _: None) == 0
    data = json.loads(back.read_text(encoding="utf-8"))
    assert data["tables"]["hr.staff"][0]["fte"] == "1"  # canonical
    assert data["tables"]["members"][0]["sales_pln"] == "1250000.50"


def test_fte_refusal_speaks_of_a_number_not_money(definition):
    fte = definition.table("hr.staff").column("fte")
    with pytest.raises(ValueTypeError, match='np. "1.5"'):
        Document(definition).add_row("hr.staff", {"fte": 1.5})  # a Python float: never money, never FTE
    assert fte.type == "decimal"


def test_control_characters_removed_on_every_path(definition):
    doc = Document(definition)
    assert doc.set("cluster.name", "Klaster\x00\x1b[31m\r\nBcc: x@y.pl\x7f\x85\ud800") == "Klaster[31m Bcc: x@y.pl"
    assert doc.set("cluster.description", "a\r\nb\rc\u2028d\x00\te") == "a\nb\nc\nd\te"
    column = definition.table("members").column("name")
    assert parse_cell(column, "Firma\x00\x1b\nsp. z o.o.", definition) == "Firma sp. z o.o."
    with pytest.raises(CellError, match="tekst ma"):
        parse_cell(column, "x" * (limits.MAX_SHORT_TEXT + 1), definition)
    money = definition.table("members").column("sales_pln")
    with pytest.raises(CellError, match="nie jest liczbą"):
        parse_cell(money, "1E+400", definition)
    with pytest.raises(CellError, match="spoza zakresu"):
        parse_cell(money, "9" * 30, definition)
    with pytest.raises(CellError, match="spoza zakresu"):
        parse_cell(money, 1e300, definition)
    with pytest.raises(ValueTypeError, match="spoza zakresu"):
        doc.set("meta.reference_year", 10**5000)
    with pytest.raises(ValueTypeError, match="spoza zakresu"):
        doc.add_row("members", {"sales_pln": Decimal("1E+400")})


def test_quote_value_is_short_and_one_line():
    assert quote_value("a\nb\x00c") == "„a\\nb\\x00c”"
    assert len(quote_value("x" * 10_000)) == 62
    assert "\n" not in quote_value(["\n" * 100] * 100)
    assert quote_value(10**5000).endswith("(5001 cyfr)")


# Accepted, and every writer holds -------------------------------------------------------------------------------
SHORT = ("ą" * 700 + " Zażółć <b>gęślą</b> & jaźń \x00\x1b\r\n" * 20 + "W" * limits.MAX_SHORT_TEXT)[
    : limits.MAX_SHORT_TEXT
]
LONG = ("Akapit <b>pierwszy</b> & drugi\r\n" * 40 + "ę" * 6000 + "\n" + "słowo " * 3000 + "x" * 20_000)[
    : limits.MAX_LONG_TEXT
]


def _largest(fdef, definition, i: int):
    t = fdef.type
    if t == "longtext":
        return LONG
    if t in ("int", "year"):
        return limits.MAX_INT if i % 2 == 0 else -limits.MAX_INT
    if t == "money":
        return limits.MAX_MONEY if i % 2 == 0 else -limits.MAX_MONEY
    if t == "decimal":
        return limits.MAX_DECIMAL
    if t == "date":
        return dt.date(9999, 12, 31) if i % 2 == 0 else dt.date(1, 1, 1)
    if t == "bool":
        return True
    if t == "choice":
        return definition.choices(fdef.list)[-1].code
    if t == "multichoice":
        return [c.code for c in definition.choices(fdef.list)]
    return SHORT


def hostile_document() -> Document:
    """Every field and one row of every table at the program's limits, with markup, control characters, unbroken
    words and the extreme dates and numbers."""
    definition = load_form(FORM)
    doc = make_demo(definition, members=3, rows=1, problems=False)
    for key, fdef in definition.fields.items():
        doc.set(key, _largest(fdef, definition, 0))
    for key, table in definition.tables.items():
        if table.has_column("sha256"):
            for i in range(len(doc.rows(key))):
                doc.set_cell(key, i, "title", SHORT)
                doc.set_cell(key, i, "file_name", SHORT[:1990] + "/../x.pdf")
            continue
        doc.tables[key] = []
        doc.add_row(key, {c.key: _largest(c, definition, 1) for c in table.columns})
    doc.set("cluster.name", "Klaster\r\nBcc: intruz@example.com\x00\x1b[31m " + SHORT)
    return doc


def test_largest_accepted_input_goes_through_every_writer(tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    db = tmp_path / "k.sqlite"
    source = tmp_path / "wrogi.kkk.json"
    kkk_json.write(hostile_document(), source)
    out: list[str] = []
    assert run(["--db", str(db), "import", str(source)], out.append) == 0, out
    app_id = out[0]
    lines: list[str] = []
    code = run(
        ["--db", str(db), "package", app_id, str(tmp_path / "pakiet"), "--draft", "--to", "a@b.pl\r\nBcc: c@d"],
        lines.append,
    )
    assert code == 0, lines
    folder = next(p for p in (tmp_path / "pakiet").iterdir() if p.is_dir())
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        assert "Klaster" in reader.pages[0].extract_text() or "Klaster" in reader.pages[1].extract_text()
    workbook = load_workbook(next(folder.glob("*.xlsx")))
    assert "\x00" not in (workbook.properties.title or "")
    workbook.close()
    eml = next((tmp_path / "pakiet").glob("*.eml"))
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert not message.defects
    for name, value in message.items():
        assert value.isprintable(), (name, value)
    assert "Bcc" not in message.keys()
    assert message["Subject"].startswith("[WERSJA ROBOCZA] Wniosek o status KKK – ")
    assert run(["--db", str(db), "questionnaires", app_id, str(tmp_path / "ankiety")], lambda _: None) == 0
    for path in (tmp_path / "ankiety").glob("*.xlsx"):
        load_workbook(path, read_only=True).close()
