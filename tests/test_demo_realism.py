"""The demo read as a domain reader reads it: identifiers that fit the seat and the date, one institution in one
place, valid e-mail domains, programmes open when a project started, the certificates the register holds, the
events of four years; and its content as data, refused with the file and key when it breaks what the generator
needs."""

from __future__ import annotations

import ast
import datetime as dt
import shutil
from pathlib import Path

import pytest

import forms.demo.content as content_module
from forms.demo import identifiers as ids
from forms.demo import make_demo
from forms.demo.content import ContentError, content
from forms.loader import load_form

TODAY = dt.date(2025, 6, 30)
DEMO_DIR = Path(content_module.__file__).parent


@pytest.fixture(scope="module", params=["kkk-2019", "kkk-2021"])
def doc(request):
    return make_demo(load_form(request.param), members=120, today=TODAY, problems=False)


def members(doc):
    return [r.data for r in doc.rows("members")]


def institutions() -> dict[str, dict]:
    c = content()
    return {u["name"]: u for group in c.members["institutions"].values() for u in group.get("unique", ())}


# Identifiers fit the seat -----------------------------------------------------------------------------------------
def test_nip_comes_from_a_tax_office_of_the_seat_and_regon_from_its_voivodeship(doc):
    c = content()
    for m in members(doc):
        assert m["regon"][:2] == m["voivodeship"], m["name"]
        if m.get("nip"):
            offices = {o for city in c.cities_in(m["voivodeship"]) for o in city.tax_offices}
            assert m["nip"][:3] in offices, (m["name"], m["nip"], m["voivodeship"])
    seat = c.city(doc.get("coordinator.city"))
    assert doc.get("coordinator.nip")[:3] in seat.tax_offices
    assert doc.get("coordinator.regon")[:2] == seat.voivodeship == doc.get("cluster.voivodeship")
    assert doc.get("coordinator.postcode")[:2] == seat.postcode


def test_an_institution_is_in_the_register_once_in_its_own_city(doc):
    c, known = content(), institutions()
    names = [m["name"] for m in members(doc)]
    assert len(names) == len(set(names))
    listed = [m for m in members(doc) if m["name"] in known]
    assert len({m["type"] for m in listed}) >= 4
    for m in listed:
        city = c.city(known[m["name"]]["city"])
        assert m["voivodeship"] == city.voivodeship
        assert m["contact_email"].endswith("@" + known[m["name"]]["domain"])
        if "within_50km" in m:
            assert m["within_50km"] == (city.km_to(c.city(doc.get("coordinator.city"))) <= 50)
    universities = [m["name"] for m in members(doc) if m["type"] == "university"]
    assert all(" w " not in n or n in known for n in universities)  # no "<university> w <some other city>"


def test_a_large_register_does_not_multiply_institutions():
    doc = make_demo(load_form("kkk-2019"), members=300, today=TODAY, problems=False)
    unique = {
        k: len(g.get("unique", ())) for k, g in content().members["institutions"].items() if not g.get("templates")
    }
    for kind, n in unique.items():
        assert sum(1 for m in members(doc) if m["type"] == kind) <= n, kind


def test_every_contact_email_is_a_valid_address_of_its_own_domain(doc):
    domains = []
    for m in members(doc):
        local, _, host = m["contact_email"].partition("@")
        assert local and ids.is_host_name(host), m["contact_email"]
        domains.append(host)
    assert len(set(domains)) == len(domains)
    for key in ("coordinator.email", "contact.email"):
        assert ids.is_host_name(doc.get(key).split("@", 1)[1])


@pytest.mark.parametrize(
    "host, ok",
    [
        ("zsm.kielce.pl", True),
        ("a-b.pl", True),
        ("-ab.pl", False),
        ("ab-.pl", False),
        ("a--b.pl", False),
        ("pn«i.pl", False),
        ("nodot", False),
        ("x." + "a" * 64 + ".pl", False),
        ("kielce.praca.gov.pl", True),
    ],
)
def test_host_names(host, ok):
    assert ids.is_host_name(host) is ok


def test_krs_and_ceidg_follow_the_legal_form(doc):
    if "ceidg" not in members(doc)[0]:
        pytest.skip("this round's register asks neither")
    for m in members(doc):
        assert not (m.get("krs") and m.get("ceidg")), m["name"]
        if m["name"].startswith("PPHU") or " s.c. " in m["name"]:
            assert m["ceidg"] and not m.get("krs"), m["name"]
        if m["name"].endswith(("sp. z o.o.", "S.A.", "sp.j.", "sp.k.", "P.S.A.")):
            assert m.get("krs") and not m["ceidg"], m["name"]
        if m["type"] in ("university", "public"):
            assert not m.get("krs") and not m["ceidg"], m["name"]
    startups = [int(m["krs"]) for m in members(doc) if m.get("startup")]
    founders = [
        int(m["krs"]) for m in members(doc) if m.get("krs") and m["joined_on"] == doc.get("cluster.established_on")
    ]
    assert startups and founders and min(startups) > max(founders)  # a young firm's entry is newer


# Numbers and programmes fit their dates ---------------------------------------------------------------------------
def test_industrial_property_numbers_grow_with_the_date_of_grant(doc):
    spec = content().identifiers["ip"]
    rows = doc.rows("knowledge.ip")
    assert rows
    for kind in {r.get("kind") for r in rows}:
        granted = sorted((r.get("granted_on"), r.get("number")) for r in rows if r.get("kind") == kind)
        for (d1, n1), (d2, n2) in zip(granted, granted[1:], strict=False):
            if (d2 - d1).days >= 7 and n1[:1].isalpha() == n2[:1].isalpha():
                assert int("".join(filter(str.isdigit, n1))) < int("".join(filter(str.isdigit, n2))), (kind, n1, n2)
    for r in rows:
        kind = "eu_trademark" if r.get("number").isdigit() else r.get("kind")
        number = int("".join(filter(str.isdigit, r.get("number"))))
        expected = ids.on_the_line(spec[kind]["points"], r.get("granted_on"))
        assert abs(number - expected) <= 0.01 * expected, r.data
        assert r.get("number").startswith(spec[kind].get("prefix", "")) and r.get("office") == spec[kind]["office"]


def test_a_project_is_funded_by_a_programme_open_when_it_started(doc):
    a = content().activities
    for table, key, column in (
        ("econ.intl_projects", "intl_projects", "programme"),
        ("knowledge.rd_projects", "rd_projects", "funding"),
    ):
        schemes = {s["name"]: s for s in a[key][column + "s" if column == "programme" else column]}
        for r in doc.rows(table):
            s = schemes[r.get(column)]
            assert s["from"] <= r.get("start").year <= s["until"], r.data
            if s.get("countries"):
                assert set(r.get("countries").split(", ")) <= set(s["countries"]), r.data
    assert not any("LIDER" in s["name"] for s in a["rd_projects"]["funding"])  # a scheme for young scientists


def test_the_certificates_are_those_the_register_holds(doc):
    held = {(m["name"], n) for m in members(doc) for n in (m.get("iso_norms") or "").split(", ") if n}
    rows = {(r.get("holder"), r.get("standard")) for r in doc.rows("customer.certifications")}
    assert rows == held and len(doc.rows("customer.certifications")) == len(held)


def test_events_are_those_of_the_window_in_their_months(doc):
    records = {e["name"]: e for e in content().activities["events"]["records"]}
    ref = doc.get("meta.reference_year")
    rows = doc.rows("customer.events")
    assert len(rows) >= 16 and len({r.get("name") for r in rows}) == len(rows)
    for r in rows:
        name, year = r.get("name").rsplit(" ", 1)
        e, date = records[name], r.get("date")
        assert int(year) == date.year and ref - 3 <= date.year <= ref and date <= TODAY
        assert date.month == e["month"] and e.get("years") != ("odd" if date.year % 2 == 0 else "even")


def test_partner_clusters_name_kkk_clusters_from_the_list():
    d = load_form("kkk-2021")
    doc = make_demo(d, today=TODAY, problems=False)
    codes = {c.code for c in d.lists["kkk_clusters"]}
    rows = doc.rows("cluster.partner_clusters")
    assert any(r.get("is_kkk") for r in rows) and any(not r.get("is_kkk") for r in rows)
    for r in rows:
        assert (r.get("kkk_cluster") in codes) == bool(r.get("is_kkk")) and bool(r.get("name")) != r.get("is_kkk")


# Content as data ----------------------------------------------------------------------------------------------------
def test_no_prose_in_the_generator():
    """Names, texts and figures live in data/*.toml: no Polish sentence is written in the generator's code."""
    for path in sorted(DEMO_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node) is not None
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                polish = any(ch in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ" for ch in node.value)
                words = [w for w in node.value.split() if w.isalpha()]
                assert not (polish and len(words) >= 3), f"{path.name}:{node.lineno}: {node.value[:60]!r}"
    assert sum(len(p.read_text(encoding="utf-8").splitlines()) for p in DEMO_DIR.glob("*.py")) < 1300


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(DEMO_DIR / "data", folder)
    monkeypatch.setattr(content_module, "DATA_DIR", folder)
    content.cache_clear()
    yield folder
    content.cache_clear()


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "members.toml",
            'city = "Radom", domain = "utzr.edu.pl"',
            'city = "Atlantyda", domain = "utzr.edu.pl"',
            "members.toml institutions.university 'Uniwersytet Techniczny Ziemi Radomskiej': city not in places",
        ),
        ("members.toml", '"{brand} Group S.A."', '"{brand} {ceo} S.A."', "members.toml names.large"),
        ("members.toml", 'register = "ceidg" }', 'register = "gus" }', "register 'gus': krs, ceidg or none"),
        (
            "activities.toml",
            'country = "Niemcy", month = 4 }',
            'country = "Niemcy" }',
            "activities.toml [events] record 2: missing month",
        ),
        ("cluster.toml", 'home_city = "Kielce"', 'home_city = "Kilece"', "cluster.toml home_city"),
        ("prose.toml", '[prose."*"]', '[prose."x"]', 'prose.toml: no [prose."*"]'),
        ("places.toml", "cities = [", "cities = [[", "places.toml:"),
    ],
)
def test_the_loader_refuses_content_the_generator_cannot_use(data_copy, file, old, new, message):
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        content()
    assert message in str(caught.value)


def test_the_frozen_build_carries_the_demo_data():
    spec = (DEMO_DIR.parents[1] / "build.spec").read_text(encoding="utf-8")
    assert '("forms/demo/data/*.toml", "forms/demo/data")' in spec


def test_dated_tables_are_in_the_order_of_their_dates(doc):
    for key, column in content().activities["order"].items():
        if doc.definition.has_table(key):
            dates = [r.get(column) for r in doc.rows(key)]
            assert dates == sorted(dates), key
