"""Typed values (forms/values.py), Polish formatting and parsing (forms/fmt.py), and the document's canonical form."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from forms import fmt
from forms.document import Document, group_checksum
from forms.values import ValueTypeError, from_json, is_empty, normalise, to_json

NBSP = "\u00a0"


def col(definition, table: str, column: str):
    return definition.table(table).column(column)


# from_json / to_json round trips -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "raw", "typed"),
    [
        ("cluster.name", "Klaster Żółć", "Klaster Żółć"),
        ("cluster.description", "Linia 1\nLinia 2", "Linia 1\nLinia 2"),
        ("meta.reference_year", 2024, 2024),
        ("cluster.established_on", "2015-03-01", dt.date(2015, 3, 1)),
        ("declaration.truth", True, True),
        ("hr.satisfaction_survey", False, False),
        ("cluster.voivodeship", "14", "14"),
        ("cluster.kis", ["3", "10"], ("3", "10")),
        ("coordinator.email", "biuro@klaster.pl", "biuro@klaster.pl"),
        ("coordinator.phone", "+48 22 123 45 67", "+48 22 123 45 67"),
        ("cluster.website", "https://klaster.pl", "https://klaster.pl"),
        ("coordinator.nip", "526-104-08-28", "526-104-08-28"),
        ("coordinator.regon", "012100784", "012100784"),
        ("coordinator.krs", "0000123456", "0000123456"),
        ("coordinator.postcode", "00-950", "00-950"),
    ],
)
def test_field_round_trip(definition, key, raw, typed):
    f = definition.field(key)
    value = from_json(f, raw, definition)
    assert value == typed
    assert type(value) is type(typed)
    assert to_json(f, value) == raw
    assert from_json(f, to_json(f, value), definition) == value


@pytest.mark.parametrize(
    ("table", "column", "raw", "typed"),
    [
        ("members", "employees", 250, 250),
        ("members", "sales_pln", "1250000.00", Decimal("1250000.00")),
        ("members", "mgmt_systems", ["erp", "crm"], ("erp", "crm")),
        ("members", "startup", True, True),
        ("hr.staff", "fte", "0.5", Decimal("0.5")),
        ("infra.finance", "net_result_pln", "-12000.50", Decimal("-12000.50")),
        ("knowledge.rd_projects", "start", "2023-01-31", dt.date(2023, 1, 31)),
    ],
)
def test_column_round_trip(definition, table, column, raw, typed):
    c = col(definition, table, column)
    value = from_json(c, raw, definition)
    assert value == typed and type(value) is type(typed)
    assert to_json(c, value) == raw


def test_money_quantised_to_two_places(definition):
    c = col(definition, "members", "sales_pln")
    assert from_json(c, "1250000", definition) == Decimal("1250000.00")
    assert str(from_json(c, "1250000", definition)) == "1250000.00"
    assert str(from_json(c, "10.5", definition)) == "10.50"
    assert str(from_json(c, 7, definition)) == "7.00"
    assert str(from_json(c, " 3.14159 ", definition)) == "3.14"
    assert to_json(c, Decimal("12")) == "12.00"
    # grosze are rounded half up, as everywhere in the app (fmt, indicators)
    assert to_json(c, Decimal("12.345")) == "12.35"
    assert to_json(c, Decimal("12.344")) == "12.34"
    assert str(from_json(c, "0.125", definition)) == "0.13"
    assert str(from_json(c, "-0.125", definition)) == "-0.13"
    assert isinstance(from_json(c, "1", definition), Decimal)


def test_money_never_float(definition):
    c = col(definition, "members", "sales_pln")
    with pytest.raises(ValueTypeError) as info:
        from_json(c, 1250000.5, definition)
    assert "oczekiwano liczby zapisanej jako tekst" in str(info.value)
    with pytest.raises(ValueTypeError):
        normalise(c, 0.1, definition)
    # to_json gives a string, never a float
    assert isinstance(to_json(c, Decimal("0.1")), str)


def test_money_normalise_from_decimal_and_int(definition):
    c = col(definition, "members", "sales_pln")
    assert normalise(c, Decimal("1.005"), definition) == Decimal("1.01")
    assert normalise(c, 5, definition) == Decimal("5.00")


def test_decimal_to_json_is_canonical(definition):
    c = col(definition, "hr.staff", "fte")
    assert to_json(c, Decimal("1.50")) == "1.5"
    assert to_json(c, Decimal("100")) == "100"
    assert to_json(c, Decimal("0.25")) == "0.25"


def test_multichoice_ordered_as_its_list(definition):
    f = definition.field("cluster.kis")
    assert from_json(f, ["13", "1", "10"], definition) == ("1", "10", "13")
    c = col(definition, "members", "industry40")
    assert from_json(c, ["printing_3d", "iot", "cloud"], definition) == ("iot", "cloud", "printing_3d")
    # duplicates collapse; an empty list is no value
    assert from_json(f, ["2", "2"], definition) == ("2",)
    assert from_json(f, [], definition) is None
    assert normalise(f, {"5", "4"}, definition) == ("4", "5")


def test_text_cleaned(definition):
    f = definition.field("cluster.name")
    assert from_json(f, "  Klaster  ", definition) == "Klaster"
    assert from_json(f, "   ", definition) is None
    # NFC: "o" + combining acute becomes "ó"
    assert from_json(f, "Zo\u0301łć", definition) == "Zółć"
    assert len(from_json(f, "Zo\u0301łć", definition)) == 4


def test_none_and_empty(definition):
    f = definition.field("cluster.name")
    assert from_json(f, None, definition) is None
    assert to_json(f, None) is None
    assert to_json(f, "") is None
    assert normalise(f, "", definition) is None
    assert is_empty(None) and is_empty("") and is_empty(()) and is_empty([])
    assert not is_empty(0) and not is_empty(False) and not is_empty(Decimal(0))


@pytest.mark.parametrize(
    ("key", "raw", "fragment"),
    [
        ("cluster.name", 12, "oczekiwano tekstu"),
        ("meta.reference_year", "2024", "oczekiwano liczby całkowitej"),
        ("meta.reference_year", True, "oczekiwano liczby całkowitej"),
        ("meta.reference_year", 2024.0, "oczekiwano liczby całkowitej"),
        ("declaration.truth", "tak", "oczekiwano true albo false"),
        ("declaration.truth", 1, "oczekiwano true albo false"),
        ("cluster.established_on", "01.03.2015", "nie jest datą w formacie RRRR-MM-DD"),
        ("cluster.established_on", "2015-02-30", "nie jest datą"),
        ("cluster.established_on", 20150301, "oczekiwano daty"),
        ("cluster.voivodeship", "15", "nie jest kodem z listy"),
        ("cluster.voivodeship", 14, "nie jest kodem z listy"),
        ("cluster.kis", "10", "oczekiwano listy kodów"),
        ("cluster.kis", [10], "oczekiwano listy kodów"),
        ("cluster.kis", ["10", "16"], "nieznane kody „16”"),  # kkk-2019: the 15 KIS in force from 1.01.2019
    ],
)
def test_invalid_field_input(definition, key, raw, fragment):
    with pytest.raises(ValueTypeError) as info:
        from_json(definition.field(key), raw, definition)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("1 250 000", "nie jest liczbą"),
        ("abc", "nie jest liczbą"),
        ("NaN", "nie jest liczbą skończoną"),
        ("Infinity", "nie jest liczbą skończoną"),
        (True, "oczekiwano liczby"),
        ([1], "oczekiwano liczby"),
    ],
)
def test_invalid_money_input(definition, raw, fragment):
    with pytest.raises(ValueTypeError) as info:
        from_json(col(definition, "members", "sales_pln"), raw, definition)
    assert fragment in str(info.value)


def test_value_type_error_is_a_value_error():
    assert issubclass(ValueTypeError, ValueError)


# fmt: writing numbers and dates ---------------------------------------------------------------------


def test_format_money_polish():
    assert fmt.format_money(Decimal("1234567.891")) == f"1{NBSP}234{NBSP}567,89{NBSP}zł"
    assert fmt.format_money(Decimal("0")) == f"0,00{NBSP}zł"
    assert fmt.format_money(Decimal("999.995")) == f"1{NBSP}000,00{NBSP}zł"  # half up
    assert fmt.format_money(Decimal("-1234.5")) == f"-1{NBSP}234,50{NBSP}zł"
    assert fmt.format_money(12) == f"12,00{NBSP}zł"


def test_format_money_english():
    assert fmt.format_money(Decimal("1234567.891"), "en") == "PLN 1,234,567.89"


def test_format_decimal():
    assert fmt.format_decimal(Decimal("1234567.891")) == f"1{NBSP}234{NBSP}567,891"
    assert fmt.format_decimal(Decimal("123")) == "123"
    assert fmt.format_decimal(Decimal("1000")) == f"1{NBSP}000"
    assert fmt.format_decimal(Decimal("0.005"), 2) == "0,01"
    assert fmt.format_decimal(Decimal("-0.001"), 2) == "0,00"
    assert fmt.format_int(1234567) == f"1{NBSP}234{NBSP}567"
    assert fmt.format_int(1234567, "en") == "1,234,567"


def test_format_percent():
    assert fmt.format_percent(Decimal("34.42")) == f"34,42{NBSP}%"
    assert fmt.format_percent(Decimal("34.425")) == f"34,43{NBSP}%"
    assert fmt.format_percent(Decimal("5")) == f"5,00{NBSP}%"
    assert fmt.format_percent(None) == "—"
    assert fmt.format_percent(Decimal("34.42"), "en") == f"34.42{NBSP}%"


def test_format_date():
    assert fmt.format_date(dt.date(2024, 3, 5)) == "05.03.2024"
    assert fmt.format_date(dt.date(2024, 3, 5), "en") == "2024-03-05"
    assert fmt.format_date(None) == ""


# fmt: reading numbers and dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234 567,89", "1234567.89"),
        (f"1{NBSP}234{NBSP}567,89", "1234567.89"),
        ("1.234.567,89 zł", "1234567.89"),
        ("1234567.89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("1,5", "1.5"),
        ("-5", "-5"),
        ("12 000", "12000"),
        ("12'000", "12000"),
        ("1 234,5 PLN", "1234.5"),
        ("5 zl", "5"),
        ("  42  ", "42"),
        (".5", "0.5"),
        (f"1{NBSP}234{NBSP}567,89{NBSP}zł", "1234567.89"),
    ],
)
def test_parse_number(text, expected):
    value = fmt.parse_number(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)


@pytest.mark.parametrize("text", ["abc", "", "   ", "zł", "1e5", "--5", "12,5,3.1.2", "5 euro", "1-2"])
def test_parse_number_invalid(text):
    with pytest.raises(ValueError):
        fmt.parse_number(text)


def test_parse_number_message_is_polish():
    with pytest.raises(ValueError, match="nie jest liczbą"):
        fmt.parse_number("abc")


def test_format_then_parse_money_round_trip():
    for value in (Decimal("0.01"), Decimal("1234567.89"), Decimal("-987654.32")):
        assert fmt.parse_number(fmt.format_money(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.03.2024", dt.date(2024, 3, 5)),
        ("5.3.2024", dt.date(2024, 3, 5)),
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024/03/05", dt.date(2024, 3, 5)),
        (" 29.02.2024 ", dt.date(2024, 2, 29)),
    ],
)
def test_parse_date(text, expected):
    assert fmt.parse_date(text) == expected


@pytest.mark.parametrize("text", ["05.03.24", "jutro", "", "05.03.2024r"])
def test_parse_date_invalid(text):
    with pytest.raises(ValueError, match="nie jest datą"):
        fmt.parse_date(text)


@pytest.mark.parametrize(
    ("text", "polish", "english"),
    [
        (
            "31.02.2024",
            "„31.02.2024”: 31 lutego 2024 nie istnieje (luty 2024 ma 29 dni)",
            "February 31, 2024 does not exist",
        ),
        ("29.02.2023", "„29.02.2023”: 29 lutego 2023 nie istnieje (luty 2023 ma 28 dni)", "February 2023 has 28 days"),
        ("31.04.2024", "„31.04.2024”: 31 kwietnia 2024 nie istnieje (kwiecień 2024 ma 30 dni)", "April"),
        ("2024-13-01", "„2024-13-01”: miesiąc 13 nie istnieje (miesiące mają numery od 1 do 12)", "no month 13"),
    ],
)
def test_parse_date_names_the_day_that_does_not_exist(text, polish, english):
    """The format is right, the calendar is not: the message says so instead of "not a date"."""
    with pytest.raises(fmt.InputError) as info:
        fmt.parse_date(text)
    assert str(info.value) == polish and info.value.text.pl == polish
    assert english in info.value.text.en


def test_format_then_parse_date_round_trip():
    day = dt.date(1999, 12, 31)
    assert fmt.parse_date(fmt.format_date(day)) == day


# Document: canonical form and checksum --------------------------------------------------------------


def _fill(doc: Document, order: list[str]) -> None:
    values = {
        "cluster.name": "Klaster",
        "meta.reference_year": 2024,
        "cluster.kis": ["10", "1"],
        "cluster.established_on": dt.date(2015, 3, 1),
        "declaration.truth": True,
    }
    for key in order:
        doc.set(key, values[key])


def test_canonical_json_independent_of_insertion_order(definition):
    keys = ["cluster.name", "meta.reference_year", "cluster.kis", "cluster.established_on", "declaration.truth"]
    a, b = Document(definition), Document(definition)
    _fill(a, keys)
    _fill(b, list(reversed(keys)))
    a.add_row("hr.staff", {"role": "dyrektor", "name": "Jan", "fte": "1.0"})
    b.add_row("hr.staff", {"fte": Decimal("1"), "name": "Jan", "role": "dyrektor"})
    b.add_row("customer.services", {"name": "Doradztwo"})
    a.add_row("customer.services", {"name": "Doradztwo"})
    assert list(a.values) != list(b.values)
    assert a.canonical_json() == b.canonical_json()
    assert a.checksum() == b.checksum()
    assert re.fullmatch(r"[0-9a-f]{64}", a.checksum())


def test_canonical_json_shape(definition):
    doc = Document(definition)
    doc.set("meta.reference_year", 2024)
    doc.set("cluster.name", "Klaster Łódź")
    doc.add_row("members", {"name": "A", "type": "small", "sales_pln": "10"})
    assert doc.canonical_json() == (
        '{"form":"kkk-2019","tables":{"members":[{"name":"A","sales_pln":"10.00","type":"small"}]},'
        '"values":{"cluster.name":"Klaster Łódź","meta.reference_year":2024}}'
    )


def test_row_order_matters(definition):
    a = Document(definition)
    a.add_row("customer.services", {"name": "A"})
    a.add_row("customer.services", {"name": "B"})
    b = a.copy()
    b.move_row("customer.services", 1, 0)
    assert a.checksum() != b.checksum()


def test_checksum_changes_with_a_value(doc):
    before = doc.checksum()
    doc.set("cluster.name", doc.get("cluster.name") + " 2")
    assert doc.checksum() != before


def test_checksum_changes_with_a_cell(doc):
    before = doc.checksum()
    doc.set_cell("members", 0, "sales_pln", doc.rows("members")[0].get("sales_pln") + Decimal("0.01"))
    assert doc.checksum() != before


def test_checksum_ignores_row_uids_and_files(doc):
    copy = doc.copy()
    for row in copy.rows("members"):
        row.uid = "x" + row.uid
    copy.files.clear()
    assert copy.checksum() == doc.checksum()


def test_clearing_equals_never_setting(definition):
    a, b = Document(definition), Document(definition)
    a.set("cluster.name", "Klaster")
    a.set("cluster.website", "https://klaster.pl")
    a.set("cluster.website", None)
    a.set("cluster.kis", ["1"])
    a.set("cluster.kis", [])
    b.set("cluster.name", "Klaster")
    assert "cluster.website" not in a.values
    assert a.canonical_json() == b.canonical_json()
    assert a.checksum() == b.checksum()


def test_clearing_a_cell_equals_never_setting(definition):
    a, b = Document(definition), Document(definition)
    a.add_row("members", {"name": "A", "type": "small", "rd": True})
    a.set_cell("members", 0, "rd", None)
    b.add_row("members", {"name": "A", "type": "small"})
    assert a.rows("members")[0].data == b.rows("members")[0].data
    assert a.checksum() == b.checksum()


def test_empty_table_left_out(definition):
    a, b = Document(definition), Document(definition)
    a.add_row("hr.bodies", {"name": "Rada"})
    a.remove_row("hr.bodies", 0)
    assert a.checksum() == b.checksum()


def test_checksum_depends_on_form(definition):
    from forms.loader import load_form

    a = Document(definition)
    b = Document(load_form("kkk-2021"))
    assert a.checksum() != b.checksum()


def test_group_checksum_format(doc):
    digest = doc.checksum()
    short = group_checksum(digest)
    assert re.fullmatch(r"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}", short)
    assert short.replace("-", "") == digest[:16]
    assert group_checksum("3f9a1c0277be90d4ffff") == "3f9a-1c02-77be-90d4"
    assert group_checksum("3f9a1c0277be90d4", groups=2) == "3f9a-1c02"


def test_set_returns_normalised_value(definition):
    doc = Document(definition)
    assert doc.set("cluster.kis", ["13", "2"]) == ("2", "13")
    assert doc.set("cluster.name", "  X  ") == "X"
    assert doc.set("cluster.name", "   ") is None
    assert "cluster.name" not in doc.values


def test_set_rejects_wrong_type(definition):
    doc = Document(definition)
    with pytest.raises(ValueTypeError):
        doc.set("meta.reference_year", "dwa tysiące")
    assert "meta.reference_year" not in doc.values


def test_attach_returns_sha256(definition):
    import hashlib

    doc = Document(definition)
    digest = doc.attach(b"plik")
    assert digest == hashlib.sha256(b"plik").hexdigest()
    assert doc.files[digest] == b"plik"
