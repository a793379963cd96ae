"""Indicators computed from the member register (forms/indicators.py): shares of enterprises, sums, ratios."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import make_nip

from forms.document import Document
from forms.indicators import IndicatorValue, compute_indicators, compute_one

# Ten members: six enterprises (E1..E6) and four other bodies, with known flags.
REGISTER = [
    # E1: exporter, R&D, ISO, two management systems, Industry 4.0, start-up
    {
        "name": "E1",
        "type": "micro",
        "sales_pln": "1000000",
        "export_pln": "500000",
        "rd": True,
        "iso": True,
        "mgmt_systems": ["erp", "crm"],
        "industry40": ["iot"],
        "startup": True,
    },
    # E2: no export, one management system only
    {
        "name": "E2",
        "type": "small",
        "sales_pln": "2000000",
        "export_pln": "0",
        "rd": False,
        "iso": False,
        "mgmt_systems": ["erp"],
    },
    # E3: exporter, R&D, three systems, two Industry 4.0 solutions
    {
        "name": "E3",
        "type": "medium",
        "sales_pln": "3000000",
        "export_pln": "300000",
        "rd": True,
        "mgmt_systems": ["bi", "erp", "crm"],
        "industry40": ["cloud", "robots"],
    },
    # E4: large, ISO, sales without an export figure
    {"name": "E4", "type": "large", "sales_pln": "4000000", "iso": True},
    # E5: no figures at all
    {"name": "E5", "type": "small"},
    # E6: exporter, two systems, start-up
    {
        "name": "E6",
        "type": "micro",
        "sales_pln": "1000000",
        "export_pln": "200000",
        "mgmt_systems": ["crm", "dms"],
        "startup": True,
    },
    # Non-enterprises: flags and figures that must not count in shares of enterprises
    {
        "name": "Instytut",
        "type": "research",
        "sales_pln": "5000000",
        "export_pln": "5000000",
        "rd": True,
        "iso": True,
        "mgmt_systems": ["erp", "crm", "bi"],
        "industry40": ["iot"],
    },
    {"name": "Uczelnia", "type": "university", "rd": True, "iso": True},
    {"name": "Park", "type": "ibe", "startup": True, "mgmt_systems": ["erp", "crm"]},
    {"name": "Fundacja", "type": "ngo"},
]

FINANCE = [
    {"year": 2022, "cluster_budget_pln": "200000", "non_public_pln": "50000"},
    {"year": 2023, "cluster_budget_pln": "300000", "non_public_pln": "75000"},
    {"year": 2024, "cluster_budget_pln": "500000", "non_public_pln": "125000"},
]


def build(definition, register=REGISTER, finance=FINANCE) -> Document:
    doc = Document(definition)
    for i, row in enumerate(register):
        data = dict(row)
        if data["type"] in definition.enterprise_types:
            data["nip"] = make_nip(i)
        doc.add_row("members", data)
    for row in finance:
        doc.add_row("infra.finance", row)
    return doc


@pytest.fixture
def values(definition) -> dict[str, IndicatorValue]:
    return {v.id: v for v in compute_indicators(build(definition))}


def test_every_indicator_of_the_definition_is_computed(definition, values):
    assert list(values) == [ind.id for ind in definition.indicators]
    assert [v.id for v in compute_indicators(build(definition))] == [ind.id for ind in definition.indicators]


def test_counts(values):
    assert values["members_total"].value == 10
    assert values["enterprises"].value == 6
    assert values["startups"].value == 3  # population "all": the technology park's start-up counts too
    assert not values["enterprises"].is_percent


def test_count_by_type(values):
    assert values["members_by_type"].value == {
        "micro": 2,
        "small": 2,
        "medium": 1,
        "large": 1,
        "research": 1,
        "university": 1,
        "ibe": 1,
        "ngo": 1,
    }


def test_sme_share(values):
    v = values["sme_share"]
    assert v.value == Decimal("83.33")  # 5 of 6 enterprises
    assert (v.numerator, v.denominator) == (5, 6)
    assert v.kkk_average is None and v.difference is None


@pytest.mark.parametrize(
    ("ind", "hits", "value", "average", "difference"),
    [
        ("export_share", 3, "50.00", "34.42", "15.58"),
        ("mgmt_systems_share", 3, "50.00", "28.80", "21.20"),
        ("industry40_share", 2, "33.33", "26.98", "6.35"),
        ("iso_share", 2, "33.33", "31.63", "1.70"),
        ("rd_share", 2, "33.33", "35.30", "-1.97"),
    ],
)
def test_shares_of_enterprises(values, ind, hits, value, average, difference):
    v = values[ind]
    assert v.is_percent
    assert v.numerator == hits
    assert v.denominator == 6  # enterprises, never all ten members
    assert v.value == Decimal(value)
    assert v.kkk_average == Decimal(average)
    assert v.difference == Decimal(difference)
    assert isinstance(v.value, Decimal)


def test_denominator_is_not_all_members(values):
    # with all ten members as the denominator the R&D share would be 40 % (4 of 10)
    assert values["rd_share"].value != Decimal("40.00")
    assert values["iso_share"].value != Decimal("40.00")


def test_total_sales_of_enterprises(values):
    v = values["total_sales"]
    assert v.value == Decimal("11000000.00")  # the research institute's 5 mln is not an enterprise's sale
    assert isinstance(v.value, Decimal)
    assert not v.is_percent


def test_export_intensity(values):
    v = values["export_intensity"]
    assert v.numerator == Decimal("1000000.00")
    assert v.denominator == Decimal("11000000.00")
    assert v.value == Decimal("9.09")
    assert v.is_percent


def test_non_public_share_from_finance(values):
    v = values["non_public_share"]
    assert v.numerator == Decimal("250000.00")
    assert v.denominator == Decimal("1000000.00")
    assert v.value == Decimal("25.00")


def test_non_public_share_without_finance(definition):
    doc = build(definition, finance=[])
    v = compute_one(doc, definition.indicator("non_public_share"))
    assert v.value is None


def test_no_enterprises_gives_none_not_a_crash(definition):
    others = [r for r in REGISTER if r["type"] not in definition.enterprise_types]
    values = {v.id: v for v in compute_indicators(build(definition, others))}
    assert values["members_total"].value == 4
    assert values["enterprises"].value == 0
    assert values["startups"].value == 1
    for ind in ("sme_share", "export_share", "mgmt_systems_share", "industry40_share", "iso_share", "rd_share"):
        assert values[ind].value is None, ind
        assert values[ind].difference is None
        assert values[ind].denominator == 0
    assert values["export_intensity"].value is None
    assert values["total_sales"].value == Decimal(0)
    # still serialisable
    js = values["export_share"].to_json()
    assert js["value"] is None and js["difference"] is None and js["kkk_average"] == "34.42"


def test_empty_document(definition):
    values = {v.id: v for v in compute_indicators(Document(definition))}
    assert values["members_total"].value == 0
    assert values["members_by_type"].value == {}
    assert values["rd_share"].value is None
    assert values["non_public_share"].value is None


def test_percent_rounded_half_up(definition):
    # 1 / 800 = 0.125 %  ->  0.13 (half up), never 0.12
    doc = build(
        definition,
        [{"name": "A", "type": "small", "sales_pln": "800", "export_pln": "1"}],
    )
    v = compute_one(doc, definition.indicator("export_intensity"))
    assert v.value == Decimal("0.13")


def test_one_of_three_enterprises(definition):
    reg = [
        {"name": "A", "type": "small", "rd": True},
        {"name": "B", "type": "small", "rd": False},
        {"name": "C", "type": "large"},
        {"name": "D", "type": "university", "rd": True},
    ]
    v = compute_one(build(definition, reg), definition.indicator("rd_share"))
    assert v.value == Decimal("33.33")
    assert (v.numerator, v.denominator) == (1, 3)


def test_indicator_to_json(values):
    js = values["export_share"].to_json()
    assert js == {
        "id": "export_share",
        "kind": "share",
        "label": values["export_share"].definition.label.pl,
        "value": "50.00",
        "kkk_average": "34.42",
        "difference": "15.58",
        "numerator": 3,
        "denominator": 6,
    }
    assert values["members_by_type"].to_json()["value"]["micro"] == 2
    assert values["total_sales"].to_json()["value"] == "11000000.00"


def test_indicators_follow_edits(definition):
    doc = build(definition)
    before = compute_one(doc, definition.indicator("export_share")).value
    doc.set_cell("members", 1, "export_pln", "1")  # E2 starts exporting
    after = compute_one(doc, definition.indicator("export_share")).value
    assert (before, after) == (Decimal("50.00"), Decimal("66.67"))


def test_complete_document_indicators(doc):
    values = {v.id: v for v in compute_indicators(doc)}
    assert values["members_total"].value == 51
    assert values["enterprises"].value == 30
    # every third enterprise exports (i = 0, 3, ..., 27): 10 of 30
    assert values["export_share"].value == Decimal("33.33")
    assert values["rd_share"].value == Decimal("50.00")
    assert values["non_public_share"].value == Decimal("25.00")
