"""The message catalogue (forms/messages.py): every template renders in Polish and English for every count, the
counts follow the Polish plural rule, and no message carries "(y)", "(a)", a doubled label or ASCII quotes."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from forms import fmt
from forms.checks import check_document
from forms.demo import make_demo
from forms.document import Document
from forms.loader import load_form
from forms.messages import (
    MESSAGES,
    NOUNS,
    Choice,
    Date,
    Money,
    Number,
    Percent,
    Quoted,
    count,
    placeholders,
    render,
)
from forms.schema import Text

COUNTS = (0, 1, 2, 4, 5, 12, 21, 22, 25, 101, 112)
BAD_PATTERNS = re.compile(r"\((y|a|i|ów|e)\)|lat\(a\)|problem\(y\)|'[^']*'|\{|\}")


def rule_form(n: int, forms: tuple[str, str, str]) -> str:
    """The grammar rule written out on its own: 1 -> one; last digit 2-4 except 12-14 -> few; else many."""
    one, few, many = forms
    if n == 1:
        return one
    last, last_two = n % 10, n % 100
    return few if last in (2, 3, 4) and not 12 <= last_two <= 14 else many


def test_the_rule_on_the_issue_examples():
    assert [count(n, "błąd") for n in (1, 2, 5, 22, 112)] == ["1 błąd", "2 błędy", "5 błędów", "22 błędy", "112 błędów"]
    assert count(0, "błąd") == "0 błędów" and count(12, "błąd") == "12 błędów" and count(21, "błąd") == "21 błędów"
    assert [count(n, "rok") for n in (1, 3, 5)] == ["1 rok", "3 lata", "5 lat"]
    assert [count(n, "pozycję") for n in (1, 2, 5)] == ["1 pozycję", "2 pozycje", "5 pozycji"]
    assert [count(n, "strona") for n in (1, 4, 12)] == ["1 strona", "4 strony", "12 stron"]
    assert [count(n, "plik") for n in (1, 24, 25)] == ["1 plik", "24 pliki", "25 plików"]
    assert count(1, "błąd", "en") == "1 error"
    assert count(22, "błąd", "en") == "22 errors"


@pytest.mark.parametrize("noun", sorted(NOUNS))
def test_every_noun_follows_the_rule(noun):
    polish, english = NOUNS[noun]
    for n in COUNTS + (3, 13, 14, 23, 24, 102, 104, 111, 122, 1000, 1002):
        assert count(n, noun) == f"{fmt.format_int(n)} {rule_form(n, polish)}"
        assert fmt.plural(n, *polish) == f"{n} {rule_form(n, polish)}"  # the one rule, also for callers with own nouns
        assert count(n, noun, "en").endswith(english[0] if n == 1 else english[1])


def sample(name: str, spec: str, n: int):
    """A value for a placeholder: counts get `n`, the others a value of their kind."""
    if spec in NOUNS:
        return n
    samples = {
        "value": Quoted("abc"),
        "other": Money(Decimal("1234567.89")),
        "other_label": Quoted(Text("Przychody ze sprzedaży", "Sales revenue")),
        "established": Date(dt.date(2020, 3, 1)),
        "on": Date(dt.date(2022, 3, 1)),
        "today": Date(dt.date(2024, 5, 6)),
        "start": Date(dt.date(2021, 1, 1)),
        "low": Date(dt.date(1900, 1, 1)),
        "high": Date(dt.date(2100, 12, 31)),
        "kind": Choice(Text("umowa klastra", "cluster agreement")),
        "name": Quoted("umowa.pdf"),
        "percent": "97\u00a0%",
        "who": " (Kuźnia Matrycowa Dolpol)",
        "min": Number(n),
        "max": Number(n),
    }
    return samples.get(name, n)


@pytest.mark.parametrize("key", sorted(MESSAGES))
@pytest.mark.parametrize("n", COUNTS)
def test_every_template_renders_with_every_count(key, n):
    params = {name: sample(name, spec, n) for name, spec in placeholders(key).items()}
    for lang in ("pl", "en"):
        text = render(key, lang, **params)
        assert text and not BAD_PATTERNS.search(
            text.replace("'abc'", "").replace("'umowa.pdf'", "").replace("'Sales revenue'", "")
        ), (key, lang, text)
        assert "  " not in text and not text.startswith(" ")
        for _name, spec in placeholders(key).items():
            if spec in NOUNS:
                polish, english = NOUNS[spec]
                word = rule_form(n, polish) if lang == "pl" else (english[0] if n == 1 else english[1])
                assert f"{fmt.format_int(n, lang)} {word}" in text, (key, lang, text)
    english = render(key, "en", **params)
    assert not re.search(r"[ąćęłńśźż]", english.replace("Kuźnia", "")), (key, english)  # English is English


def test_money_percent_and_dates_have_one_style():
    assert render(
        "column_le",
        "pl",
        value=Money(Decimal("36861591.5")),
        other=Money(7469420.77),
        other_label=Quoted(Text("Przychody ze sprzedaży")),
    ) == (
        "kwota 36\u00a0861\u00a0591,50\u00a0zł przekracza wartość z kolumny „Przychody ze sprzedaży” w tym wierszu "
        "(7\u00a0469\u00a0420,77\u00a0zł)"
    )
    assert fmt.format_percent(Decimal("34.42")) == "34,42\u00a0%"
    assert fmt.format_money(Decimal("1234567.89")) == "1\u00a0234\u00a0567,89\u00a0zł"
    assert render("date_future", "pl", value=Date(dt.date(2030, 1, 2)), today=Date(dt.date(2024, 1, 2))) == (
        "02.01.2030 to data w przyszłości (dziś jest 02.01.2024)"
    )
    assert Percent(None)  # "—" for an unknown share


@pytest.fixture(scope="module")
def definition():
    return load_form("kkk-2019")


def problem_texts(definition):
    """Problems of the demo, of an empty application and of a damaged one: every kind of check speaks."""
    demo = make_demo(definition)
    broken = make_demo(definition, members=30)
    broken.set("coordinator.nip", "526-104-08-29")
    broken.set("coordinator.email", "biuro(at)klaster.pl")
    broken.set("declaration.truth", False)
    broken.set("cluster.established_on", dt.date.today() + dt.timedelta(days=400))
    broken.set_cell("members", 3, "nip", broken.rows("members")[2].get("nip"))
    broken.set("meta.reference_year", (broken.get("meta.reference_year") or 2024) + 1)
    out = []
    for doc in (demo, Document(definition), broken):
        out += check_document(doc)
    return out


def test_no_message_repeats_its_label_or_uses_ascii_quotes(definition):
    problems = problem_texts(definition)
    assert len({p.code for p in problems}) >= 10
    for p in problems:
        place = p.place(definition)
        label = place[-1] if place else ""
        for lang in ("pl", "en"):
            message = p.message.get(lang)
            line = p.line(definition, lang)
            assert (
                not BAD_PATTERNS.search(message.replace("'", "")) if lang == "en" else not BAD_PATTERNS.search(message)
            )
            if label:
                assert not message.startswith(label), line
                assert f"{label}: {label}" not in line, line
            assert "(PLN)" not in message and "PLN) (" not in message
        own_words = re.sub(r"„[^”]*”", "", p.message.pl)  # quoted labels and values are not the message's words
        assert not re.search(r"rok(u|iem)? (referencyjn|odniesienia|obrachunkow)", own_words)
        assert "uzupełnij je" not in p.message.pl
        if p.field and definition.field(p.field).must_be_true:
            assert "zaznacz" in p.message.pl


def test_the_cluster_age_in_words(definition):
    doc = make_demo(definition)
    doc.set("cluster.established_on", dt.date.today().replace(month=1, day=1) - dt.timedelta(days=370))
    doc.set("signatory.date", dt.date.today())
    [p] = [p for p in check_document(doc) if p.code == "eligibility_age"]
    assert "działa 1 rok" in p.message.pl and "co najmniej 3 lata" in p.message.pl
