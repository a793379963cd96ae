"""Checks of single values: identifiers, formats, limits (forms/checks/validators.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from forms.checks import validators as v
from forms.schema import FieldDef, Text


def fdef(type_: str, **kw) -> FieldDef:
    return FieldDef(key="x", type=type_, label=Text("Pole"), **kw)


# NIP --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nip",
    ["5261040828", "7740001454", "5260250274", "526-104-08-28", "526 104 08 28", "52-61-04-08-28", "PL5261040828"],
)
def test_valid_nip(nip):
    assert v.check_nip(nip) is None
    assert v.check_value(fdef("nip"), nip) is None


def test_nip_wrong_check_digit():
    msg = v.check_nip("5261040829")
    assert msg is not None
    assert msg.pl.startswith("„5261040829”: błędna cyfra kontrolna") and "NIP" not in msg.pl
    assert "check digit" in msg.en


def test_nip_nine_digits():
    msg = v.check_nip("526104082")
    assert msg is not None and "zła liczba cyfr" in msg.pl


def test_nip_eleven_digits():
    msg = v.check_nip("52610408280")
    assert msg is not None and "zła liczba cyfr" in msg.pl


@pytest.mark.parametrize("nip", ["52610408AB", "NIP5261040", "abcdefghij"])
def test_nip_letters(nip):
    msg = v.check_nip(nip)
    assert msg is not None
    assert not msg.pl.startswith("NIP") and "niedozwolone znaki" in msg.pl  # the place names the field
    assert "cyfra kontrolna" not in msg.pl


def test_nip_via_check_value_returns_polish_text():
    msg = v.check_value(fdef("nip"), "7740001455")
    assert isinstance(msg, Text)
    assert "błędna cyfra kontrolna" in msg.pl


# REGON ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("regon", ["012100784", "192598184", "12345678512347"])
def test_valid_regon(regon):
    assert v.check_regon(regon) is None
    assert v.check_value(fdef("regon"), regon) is None


@pytest.mark.parametrize("regon", ["012100785", "192598185", "12345678512348"])
def test_regon_wrong_checksum(regon):
    msg = v.check_regon(regon)
    assert msg is not None
    assert "błędna cyfra kontrolna" in msg.pl and "REGON" not in msg.pl


@pytest.mark.parametrize("regon", ["01210078", "0121007840", "1234567851234", "123456785123470"])
def test_regon_wrong_length(regon):
    msg = v.check_regon(regon)
    assert msg is not None
    assert "zła liczba cyfr" in msg.pl
    assert "9 albo 14" in msg.pl


def test_regon_letters():
    msg = v.check_regon("01210078X")
    assert msg is not None and "niedozwolone znaki" in msg.pl and "REGON" not in msg.pl


# KRS --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("krs", ["0000123456", "0000000001", "1234567890", "0000 123 456", "0000-123-456"])
def test_valid_krs(krs):
    assert v.check_krs(krs) is None
    assert v.check_value(fdef("krs"), krs) is None


@pytest.mark.parametrize("krs", ["000012345", "00001234567", "00001234AB", "KRS0000123"])
def test_krs_bad_shape(krs):
    msg = v.check_krs(krs)
    assert msg is not None
    assert "10 cyfr" in msg.pl


def test_krs_all_zeros():
    msg = v.check_krs("0000000000")
    assert msg is not None
    assert "samych zer" in msg.pl


# Postcode, e-mail, URL, phone -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["00-950", "31-155", "99-999"])
def test_valid_postcode(code):
    assert v.check_postcode(code) is None


@pytest.mark.parametrize("code", ["00950", "0-950", "00-9500", "000-950", "ab-cde", "00 950", "00-950 "])
def test_bad_postcode(code):
    msg = v.check_postcode(code)
    assert msg is not None
    assert "wpisz kod w formacie NN-NNN" in msg.pl


@pytest.mark.parametrize("email", ["biuro@klaster.pl", "anna.nowak+kkk@mail.example.com", "a@b.co"])
def test_valid_email(email):
    assert v.check_email(email) is None


@pytest.mark.parametrize(
    "email", ["biuro", "biuro@", "@klaster.pl", "biuro@klaster", "bi uro@klaster.pl", "a@b.c", "a@@b.pl", "a@b.pl."]
)
def test_bad_email(email):
    msg = v.check_email(email)
    assert msg is not None
    assert "wpisz adres w postaci nazwa@domena.pl" in msg.pl


@pytest.mark.parametrize(
    "url",
    ["https://www.klaster.pl", "http://klaster.pl/o-nas?x=1", "www.klaster.pl", "klaster.com.pl", "HTTPS://A.PL"],
)
def test_valid_url(url):
    assert v.check_url(url) is None


@pytest.mark.parametrize(
    "url", ["klaster", "ftp://klaster.pl", "https://", "https://klaster", "www.klaster .pl", "javascript://x"]
)
def test_bad_url(url):
    msg = v.check_url(url)
    assert msg is not None
    assert "adres strony" in msg.pl


@pytest.mark.parametrize("phone", ["+48 22 123 45 67", "221234567", "(22) 123-45-67", "+48123456789012"])
def test_valid_phone(phone):
    assert v.check_phone(phone) is None


@pytest.mark.parametrize("phone", ["12345678", "tel. 221234567", "+48 22 123 45 67 wew. 5", "1234567890123456"])
def test_bad_phone(phone):
    msg = v.check_phone(phone)
    assert msg is not None
    assert "wpisz 9–15 cyfr" in msg.pl


# Text length ------------------------------------------------------------------------------------


@pytest.mark.parametrize("type_", ["text", "longtext"])
def test_text_max_length_boundary(type_):
    f = fdef(type_, max_length=10)
    assert v.check_value(f, "a" * 9) is None
    assert v.check_value(f, "a" * 10) is None
    msg = v.check_value(f, "a" * 11)
    assert msg is not None
    assert "za długi tekst: 11 znaków" in msg.pl
    assert "najwyżej 10" in msg.pl


def test_text_length_counts_characters_not_bytes():
    f = fdef("text", max_length=5)
    assert v.check_value(f, "żółć!") is None
    assert v.check_value(f, "żółćżó") is not None


def test_text_without_limit():
    assert v.check_value(fdef("text"), "x" * 100_000) is None


# Numbers ----------------------------------------------------------------------------------------


def test_int_min_max():
    f = fdef("int", min=Decimal(0), max=Decimal(70))
    assert v.check_value(f, 0) is None
    assert v.check_value(f, 70) is None
    low = v.check_value(f, -1)
    assert low is not None and "to mniej niż dozwolone minimum 0" in low.pl
    high = v.check_value(f, 71)
    assert high is not None and "to więcej niż dozwolone maksimum 70" in high.pl


def test_money_min_max_with_decimals():
    f = fdef("money", min=Decimal("0"), max=Decimal("1000000.00"))
    assert v.check_value(f, Decimal("0.00")) is None
    assert v.check_value(f, Decimal("1000000.00")) is None
    low = v.check_value(f, Decimal("-0.01"))
    assert low is not None and "minimum" in low.pl
    high = v.check_value(f, Decimal("1000000.01"))
    assert high is not None
    # numbers in the message are written the Polish way (no-break space grouping, decimal comma)
    assert "1\u00a0000\u00a0000,01" in high.pl


def test_money_without_limits_accepts_negative():
    assert v.check_value(fdef("money"), Decimal("-12000.50")) is None


def test_year_default_range():
    f = fdef("year")
    assert v.check_value(f, 1900) is None
    assert v.check_value(f, 2100) is None
    assert v.check_value(f, 1899) is not None
    assert v.check_value(f, 2101) is not None


def test_year_explicit_range():
    f = fdef("year", min=Decimal(2000), max=Decimal(2100))
    assert v.check_value(f, 2000) is None
    msg = v.check_value(f, 1999)
    assert msg is not None and msg.pl == "1999 to mniej niż dozwolone minimum 2000"  # a year is not grouped


# Dates, choices, declarations -------------------------------------------------------------------


def test_date_range():
    f = fdef("date")
    assert v.check_value(f, dt.date(1900, 1, 1)) is None
    assert v.check_value(f, dt.date(2100, 12, 31)) is None
    assert v.check_value(f, dt.date(2024, 3, 5)) is None
    for bad in (dt.date(1899, 12, 31), dt.date(2101, 1, 1)):
        msg = v.check_value(f, bad)
        assert msg is not None and "dozwolone są daty od 01.01.1900 do 31.12.2100" in msg.pl


def test_multichoice_min_selected():
    f = fdef("multichoice", list="kis", min_selected=2)
    msg = v.check_value(f, ("1",))
    assert msg is not None and "wybierz co najmniej 2" in msg.pl
    assert v.check_value(f, ("1", "2")) is None
    assert v.check_value(f, ("1", "2", "3")) is None


def test_multichoice_without_minimum():
    assert v.check_value(fdef("multichoice", list="kis"), ("1",)) is None


def test_must_be_true():
    f = fdef("bool", must_be_true=True)
    assert v.check_value(f, True) is None
    msg = v.check_value(f, False)
    assert msg is not None and "zaznacz to oświadczenie" in msg.pl


def test_plain_bool_may_be_false():
    assert v.check_value(fdef("bool"), False) is None


def test_choice_is_not_checked_here():
    # a choice code is validated when it is read (forms.values), not by check_value
    assert v.check_value(fdef("choice", list="kis"), "1") is None
