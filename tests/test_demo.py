"""The demo application: deterministic, complete, realistic, and with exactly the three intended problems."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from stdnum.pl import nip as std_nip
from stdnum.pl import regon as std_regon

from forms.checks import check_document
from forms.checks.validators import check_value
from forms.demo import DEMO_PROBLEM_FIELD, make_demo
from forms.demo.content import content
from forms.indicators import compute_indicators
from forms.loader import load_form
from forms.schema import FormDefinition

TODAY = dt.date(2025, 6, 30)
FORMS = ("kkk-2019", "kkk-2021")
NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def errors(doc, today=TODAY):
    return [p for p in check_document(doc, today) if p.is_error]


def described(problems) -> list[str]:
    return [f"{p.code} {p.field or p.table} {p.row} {p.column} {p.message.pl}" for p in problems]


@pytest.fixture(scope="module", params=FORMS)
def definition(request) -> FormDefinition:
    return load_form(request.param)


@pytest.fixture(scope="module")
def clean(definition):
    return make_demo(definition, today=TODAY, problems=False)


@pytest.fixture(scope="module")
def with_problems(definition):
    return make_demo(definition, today=TODAY)


@pytest.fixture(scope="module")
def large():
    return make_demo(load_form("kkk-2019"), members=300, rows=200, today=TODAY, problems=False)


def enterprises(doc):
    types = set(doc.definition.enterprise_types)
    return [r for r in doc.rows("members") if r.get("type") in types]


# Determinism ---------------------------------------------------------------------------------------------------
def test_same_arguments_give_the_same_document(definition):
    a = make_demo(definition, members=120, rows=7, seed=11, today=TODAY)
    b = make_demo(definition, members=120, rows=7, seed=11, today=TODAY)
    assert a.canonical_json() == b.canonical_json()
    assert a.files == b.files
    assert make_demo(definition, seed=12, today=TODAY).canonical_json() != a.canonical_json()


def test_today_defaults_to_the_current_date(definition):
    doc = make_demo(definition, problems=False)
    today = dt.date.today()
    assert doc.get("signatory.date") == today
    assert doc.get("meta.reference_year") == today.year - 1
    assert errors(doc, today) == []


# The check -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("members, rows", [(80, None), (51, 0), (55, 1), (300, 200)])
def test_clean_demo_has_no_errors(definition, members, rows):
    doc = make_demo(definition, members=members, rows=rows, today=TODAY, problems=False)
    assert described(errors(doc)) == []


@pytest.mark.parametrize("seed", [1, 2, 3, 2025])
def test_clean_demo_has_no_errors_for_other_seeds(definition, seed):
    assert described(errors(make_demo(definition, seed=seed, today=TODAY, problems=False))) == []


@pytest.mark.parametrize("members, rows, seed", [(80, None, 2025), (300, 200, 2025), (55, 0, 7), (60, None, 99)])
def test_problems_are_exactly_the_three_intended(definition, members, rows, seed):
    doc = make_demo(definition, members=members, rows=rows, seed=seed, today=TODAY)
    problems = check_document(doc, TODAY)
    assert all(p.is_error for p in problems)
    places = sorted((p.code, p.field or p.table, p.column) for p in problems)
    assert places == [
        ("column_le", "members", "export_pln"),
        ("nip", "members", "nip"),
        ("required", DEMO_PROBLEM_FIELD, None),
    ]
    rows_ = doc.rows("members")
    by_code = {p.code: p for p in problems}
    bad_nip = rows_[by_code["nip"].row]
    assert bad_nip.get("type") in definition.enterprise_types
    assert not std_nip.is_valid(bad_nip.get("nip"))
    too_much = rows_[by_code["column_le"].row]
    assert too_much.get("export_pln") > too_much.get("sales_pln")
    assert by_code["nip"].row != by_code["column_le"].row


def test_the_three_problems_are_easy_to_fix(with_problems):
    doc = with_problems.copy()
    for p in check_document(doc, TODAY):
        if p.code == "nip":
            body = doc.rows("members")[p.row].get("nip")[:9]
            check = sum(w * int(c) for w, c in zip(NIP_WEIGHTS, body, strict=True)) % 11
            doc.set_cell("members", p.row, "nip", body + str(check))
        elif p.code == "column_le":
            row = doc.rows("members")[p.row]
            doc.set_cell("members", p.row, "export_pln", row.get("export_pln") / 10)
        elif p.code == "required":
            doc.set(p.field, "Specjalizacja klastra odpowiada KIS 8 i KIS 11. Uzasadnienie uzupełnione.")
    assert described(errors(doc)) == []


def test_problems_false_and_true_differ_only_in_the_three_places(clean, with_problems):
    a, b = clean.to_json(), with_problems.to_json()
    assert set(a["values"]) - set(b["values"]) == {DEMO_PROBLEM_FIELD}
    assert {k: v for k, v in a["values"].items() if k != DEMO_PROBLEM_FIELD} == b["values"]
    changed = [
        (i, col)
        for i, (x, y) in enumerate(zip(a["tables"]["members"], b["tables"]["members"], strict=True))
        for col in x
        if x[col] != y.get(col)
    ]
    assert sorted(col for _, col in changed) == ["export_pln", "nip"]
    assert {k: v for k, v in a["tables"].items() if k != "members"} == {
        k: v for k, v in b["tables"].items() if k != "members"
    }


# Sizes ---------------------------------------------------------------------------------------------------------
def test_sizes_are_honoured(large):
    d = large.definition
    assert len(large.rows("members")) == 300
    assert len(large.rows("econ.intl_projects")) == 200
    for key, table in d.tables.items():
        n = len(large.rows(key))
        if key == "members":
            continue
        if key == "infra.finance":
            assert n == 3
        else:  # exactly `rows`, within what the form allows
            assert n == min(200, table.max_rows or 200), key


def test_default_sizes_are_those_of_the_data(clean):
    d, sizes = clean.definition, content().activities["sizes"]
    assert len(clean.rows("members")) == 80 > d.eligibility.min_members
    for key in d.tables:
        n = len(clean.rows(key))
        if key == "attachments":
            assert n == 4
        elif key == "infra.finance":
            assert n == 3
        elif sizes.get(key) == "certificates":
            assert n == sum(len((r.get("iso_norms") or "").split(", ")) for r in clean.rows("members") if r.get("iso"))
        elif key != "members":
            low, high = sizes.get(key, (2, 6))
            assert low <= n <= high, key
    assert len(clean.rows("customer.events")) >= 16  # a cluster of 80 goes to more than two events in four years


def test_finance_covers_the_three_years_ending_at_the_reference_year(clean):
    ref = clean.get("meta.reference_year")
    rows = clean.rows("infra.finance")
    assert [r.get("year") for r in rows] == [ref - 2, ref - 1, ref]
    for r in rows:
        assert Decimal(0) < r.get("non_public_pln") <= r.get("cluster_budget_pln") < r.get("revenue_pln")


# Completeness ----------------------------------------------------------------------------------------------------
def test_every_field_and_column_has_a_value(definition, clean, with_problems):
    for doc, empty in ((clean, set()), (with_problems, {DEMO_PROBLEM_FIELD})):
        missing = [
            k
            for k, f in definition.fields.items()
            if doc.is_blank(k) and (f.applies_if is None or f.applies_if.holds(doc.values.get(f.applies_if.key)))
        ]
        assert set(missing) == empty
        for key, table in definition.tables.items():
            rows = doc.rows(key)
            assert rows, key
            for col in table.columns:
                assert any(r.get(col.key) is not None for r in rows), f"{key}.{col.key}"


def test_every_value_is_valid_for_its_field(clean):
    d = clean.definition
    for key, value in clean.values.items():
        assert check_value(d.field(key), value) is None, key
    for key, table in d.tables.items():
        for i, row in enumerate(clean.rows(key)):
            for col in table.columns:
                if row.get(col.key) is not None:
                    assert check_value(col, row.get(col.key)) is None, f"{key}[{i}].{col.key}"


def test_long_texts_are_several_sentences_within_limits(clean):
    d = clean.definition
    texts = {}
    for key, f in d.fields.items():
        if f.type == "longtext":
            text = clean.get(key)
            assert len(text) <= f.max_length
            assert text.count(". ") + text.count(".\n") >= 2, key
            texts[key] = text
    assert len(set(texts.values())) == len(texts)
    assert "świętokrzyskiego" in clean.get("cluster.description")


# The cluster ----------------------------------------------------------------------------------------------------
def test_cluster_and_coordinator(clean):
    assert "Dolina Stali" in clean.get("cluster.name")
    assert clean.get("coordinator.legal_form") == "association"
    assert std_nip.is_valid(clean.get("coordinator.nip"))
    assert std_regon.is_valid(clean.get("coordinator.regon"))
    assert re.fullmatch(r"0000\d{6}", clean.get("coordinator.krs"))
    assert re.fullmatch(r"\d{2}-\d{3}", clean.get("coordinator.postcode"))
    assert clean.get("coordinator.email").endswith(".pl")
    assert clean.get("meta.reference_year") == TODAY.year - 1
    established = clean.get("cluster.established_on")
    assert (TODAY - established).days > 5 * 365
    assert clean.get("cluster.kis") and clean.get("cluster.voivodeship") in {
        c.code for c in clean.definition.choices("voivodeship")
    }


def test_declarations_and_signatory(clean):
    for key, f in clean.definition.fields.items():
        if f.must_be_true:
            assert clean.get(key) is True
    assert clean.get("signatory.date") == TODAY
    assert clean.get("signatory.name") and clean.get("signatory.place") == clean.get("coordinator.city")


def test_attachments_are_held_and_hashed(clean):
    rows = clean.rows("attachments")
    kinds = [r.get("kind") for r in rows]
    assert kinds == ["agreement", "strategy", "financials", "other"]
    assert rows[0].get("file_name") == "umowa_klastra.pdf"
    for r in rows:
        content = clean.files[r.get("sha256")]
        assert 100 <= len(content) <= 2000 and content.startswith(b"%PDF-")


# The member register -------------------------------------------------------------------------------------------
def test_member_identifiers_are_valid_and_unique(large):
    rows = large.rows("members")
    nips = [r.get("nip") for r in rows if r.get("nip")]
    assert all(std_nip.is_valid(n) for n in nips) and len(set(nips)) == len(nips)
    assert all(r.get("nip") for r in enterprises(large))
    assert len(nips) > 0.9 * len(rows)  # most non-enterprises have one too
    regons = [r.get("regon") for r in rows]
    assert all(std_regon.is_valid(x) for x in regons) and len(set(regons)) == len(regons)
    names = [r.get("name") for r in rows]
    assert len(set(names)) == len(names)


def test_member_types_sizes_and_figures_are_consistent(large):
    rows = large.rows("members")
    types = {r.get("type") for r in rows}
    assert types == {c.code for c in large.definition.choices("member_type")}
    ents = enterprises(large)
    counts = {t: sum(1 for r in ents if r.get("type") == t) for t in ("micro", "small", "medium", "large")}
    assert counts["large"] < counts["medium"] < counts["small"] and counts["micro"] > counts["large"]
    assert 0.6 <= len(ents) / len(rows) <= 0.85
    ranges = {"micro": (1, 9), "small": (10, 49), "medium": (50, 249), "large": (250, 100_000)}
    for r in ents:
        low, high = ranges[r.get("type")]
        assert low <= r.get("employees") <= high
        sales = r.get("sales_pln")
        assert sales == sales.quantize(Decimal("0.01"))
        assert 150_000 * r.get("employees") <= sales <= 600_000 * r.get("employees")
        assert Decimal(0) <= r.get("export_pln") <= sales
        assert bool(r.get("iso_norms")) == r.get("iso")
    exporters = sum(1 for r in ents if r.get("export_pln") > 0)
    assert 0.33 <= exporters / len(ents) <= 0.47
    assert len({r.get("voivodeship") for r in rows}) >= 8
    joined = [r.get("joined_on") for r in rows]
    assert min(joined) == large.get("cluster.established_on") and max(joined) <= TODAY
    assert all("@" in r.get("contact_email") for r in rows)
    assert rows[0].get("type") in large.definition.enterprise_types  # the register opens with an enterprise


def test_export_not_above_sales_except_the_deliberate_row(with_problems, clean):
    def over(doc):
        return [i for i, r in enumerate(doc.rows("members")) if (r.get("export_pln") or 0) > (r.get("sales_pln") or 0)]

    assert over(clean) == []
    assert len(over(with_problems)) == 1


@pytest.mark.parametrize("seed", [1, 5, 2025])
def test_enterprise_shares_are_near_the_kkk_averages(definition, seed):
    doc = make_demo(definition, seed=seed, today=TODAY, problems=False)
    shares = {v.id: v for v in compute_indicators(doc) if v.kkk_average is not None}
    assert set(shares) >= {"export_share", "mgmt_systems_share", "industry40_share", "iso_share", "rd_share"}
    for ind in shares.values():
        assert Decimal(15) <= ind.value <= Decimal(60), (ind.id, ind.value)
        assert abs(ind.difference) <= Decimal(15), (ind.id, ind.value)
    values = {v.id: v.value for v in compute_indicators(doc)}
    assert values["startups"] >= 1
    assert Decimal(20) <= values["non_public_share"] <= Decimal(80)


def test_startups_cooperate_with_large_members(clean):
    startups = {r.get("name") for r in clean.rows("members") if r.get("startup")}
    large = {r.get("name") for r in clean.rows("members") if r.get("type") == "large"}
    for row in clean.rows("policy.startup_cooperation"):
        assert row.get("startup") in startups and row.get("large_enterprise") in large
