"""Checks of a whole application (forms/checks): required items, conditions, tables, cross-field rules."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from conftest import REFERENCE_YEAR, TODAY, make_nip

from forms.checks import ERROR, WARNING, Problem, check_document, field_applies, field_required
from forms.document import Document
from forms.messages import count
from forms.schema import Rule, Text


def problems(doc: Document, today: dt.date = TODAY) -> list[Problem]:
    return check_document(doc, today=today)


def only(doc: Document, today: dt.date = TODAY) -> Problem:
    found = problems(doc, today)
    assert len(found) == 1, [(p.code, p.section, p.field, p.table, p.row, p.column, p.message.pl) for p in found]
    return found[0]


def member_index(doc: Document, *, enterprise: bool) -> int:
    types = set(doc.definition.enterprise_types)
    for i, row in enumerate(doc.rows("members")):
        if (row.get("type") in types) == enterprise:
            return i
    raise AssertionError("no such member")


# The baseline ---------------------------------------------------------------------------------------


def test_complete_document_has_no_problems(doc):
    assert problems(doc) == []


def test_complete_document_has_fifty_one_members(doc):
    assert len(doc.rows("members")) == 51


def test_check_document_defaults_today_to_the_real_date(doc):
    # established 2015, signed on TODAY: nothing depends on the real date here
    assert check_document(doc) == []


# Required fields ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "section", "criterion"),
    [
        ("cluster.name", "general", "cluster"),
        ("coordinator.nip", "general", "coordinator"),
        ("contact.phone", "general", "contact"),
        ("hr.strategy_period", "hr", "hr.structure"),
        ("infra.non_public_sources", "infra", "infra.non_public"),
        ("policy.kis_justification", "policy", "policy.kis"),
        ("signatory.place", "declarations", "declarations"),
    ],
)
def test_required_field_missing(doc, key, section, criterion):
    doc.set(key, None)
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.field) == (ERROR, "required", section, criterion, key)
    assert p.table is None and p.row is None and p.column is None
    assert p.message.pl == "do uzupełnienia" and p.kind == "missing"
    assert p.is_error


def test_required_multichoice_emptied(doc):
    doc.set("cluster.kis", [])
    p = only(doc)
    assert (p.code, p.field) == ("required", "cluster.kis")


def test_optional_field_missing_is_fine(doc):
    doc.set("cluster.website", None)
    doc.set("coordinator.phone", None)
    assert problems(doc) == []


def test_invalid_field_value_reported_with_type_code(doc):
    doc.set("coordinator.nip", "5261040829")
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.field) == (
        ERROR,
        "nip",
        "general",
        "coordinator",
        "coordinator.nip",
    )
    assert "cyfra kontrolna" in p.message.pl


def test_invalid_postcode_field(doc):
    doc.set("coordinator.postcode", "00950")
    p = only(doc)
    assert (p.code, p.field) == ("postcode", "coordinator.postcode")


def test_text_over_max_length(doc):
    doc.set("hr.strategy_period", "x" * 51)
    p = only(doc)
    assert (p.code, p.section, p.field) == ("text", "hr", "hr.strategy_period")
    doc.set("hr.strategy_period", "x" * 50)
    assert problems(doc) == []


def test_reference_year_out_of_range(doc):
    doc.set("meta.reference_year", 1999)
    found = problems(doc)
    year = [p for p in found if p.field == "meta.reference_year"]
    assert len(year) == 1 and year[0].code == "year"


# required_if ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["association", "foundation", "llc", "jsc", "cooperative", "chamber"])
def test_krs_required_for_forms_registered_in_krs(doc, form):
    doc.set("coordinator.legal_form", form)
    doc.set("coordinator.krs", None)
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.field) == (
        ERROR,
        "required",
        "general",
        "coordinator",
        "coordinator.krs",
    )


@pytest.mark.parametrize("form", ["local_government", "university", "other"])
def test_krs_not_required_for_other_forms(doc, form):
    doc.set("coordinator.legal_form", form)
    doc.set("coordinator.krs", None)
    assert problems(doc) == []


def test_krs_still_validated_when_not_required(doc):
    doc.set("coordinator.legal_form", "local_government")
    doc.set("coordinator.krs", "123")
    p = only(doc)
    assert (p.code, p.field) == ("krs", "coordinator.krs")


def test_field_required_helper(definition):
    krs = definition.field("coordinator.krs")
    assert field_required(krs, {"coordinator.legal_form": "association"}) is True
    assert field_required(krs, {"coordinator.legal_form": "local_government"}) is False
    assert field_required(krs, {}) is False
    assert field_required(definition.field("cluster.name"), {}) is True


# applies_if -----------------------------------------------------------------------------------------


def test_label_date_ignored_when_label_none(doc):
    doc.set("hr.cluster_label", "none")
    doc.set("hr.cluster_label_date", "1850-01-01")  # out of range, but the field does not apply
    assert problems(doc) == []


def test_label_date_checked_when_label_given(doc):
    doc.set("hr.cluster_label", "gold")
    doc.set("hr.cluster_label_date", "1850-01-01")
    p = only(doc)
    assert (p.code, p.section, p.criterion, p.field) == ("date", "hr", "hr.quality", "hr.cluster_label_date")


def test_field_applies_helper(definition):
    f = definition.field("hr.cluster_label_date")
    assert field_applies(f, {"hr.cluster_label": "none"}) is False
    assert field_applies(f, {"hr.cluster_label": "silver"}) is True
    assert field_applies(f, {}) is False  # a blank label asks for no date yet
    assert field_required(f, {"hr.cluster_label": "none"}) is False


# Tables: rows ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "section", "criterion", "min_rows"),
    [("hr.staff", "hr", "hr.staff", 1), ("customer.services", "customer", "customer.services", 1)],
)
def test_required_table_without_rows(doc, table, section, criterion, min_rows):
    doc.tables[table] = []
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table) == (ERROR, "min_rows", section, criterion, table)
    assert p.row is None and p.field is None
    assert f"dodaj co najmniej {count(min_rows, 'wiersz')} (teraz: 0)" == p.message.pl


def test_optional_table_may_be_empty(doc):
    assert doc.rows("hr.bodies") == []
    assert doc.rows("knowledge.ip") == []
    assert problems(doc) == []


def test_infra_finance_four_rows(doc):
    doc.add_row(
        "infra.finance",
        {
            "year": REFERENCE_YEAR - 3,
            "revenue_pln": "1",
            "net_result_pln": "1",
            "own_funds_pln": "1",
            "cluster_budget_pln": "1",
            "non_public_pln": "1",
        },
    )
    found = problems(doc)
    assert sorted(p.code for p in found) == ["consecutive_years", "max_rows"]
    mx = next(p for p in found if p.code == "max_rows")
    assert (mx.severity, mx.section, mx.criterion, mx.table) == (ERROR, "infra", "infra.finance", "infra.finance")
    assert "może mieć najwyżej 3 wiersze; ma 4" in mx.message.pl


def test_infra_finance_two_rows(doc):
    doc.remove_row("infra.finance", 0)
    found = problems(doc)
    assert sorted(p.code for p in found) == ["consecutive_years", "min_rows"]
    mn = next(p for p in found if p.code == "min_rows")
    assert (mn.table, mn.section) == ("infra.finance", "infra")
    assert "dodaj co najmniej 3 wiersze (teraz: 2)" in mn.message.pl


def test_required_column_missing_in_row(doc):
    doc.set_cell("hr.staff", 0, "name", None)
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table, p.row, p.column) == (
        ERROR,
        "required",
        "hr",
        "hr.staff",
        "hr.staff",
        0,
        "name",
    )
    assert p.field is None


def test_invalid_cell_value(doc):
    doc.set_cell("hr.staff", 0, "years_experience", 71)
    p = only(doc)
    assert (p.code, p.table, p.row, p.column) == ("int", "hr.staff", 0, "years_experience")
    assert "maksimum 70" in p.message.pl


def test_member_nip_required_for_enterprise(doc):
    i = member_index(doc, enterprise=True)
    doc.set_cell("members", i, "nip", None)
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table, p.row, p.column) == (
        ERROR,
        "required",
        "members",
        "members",
        "members",
        i,
        "nip",
    )


@pytest.mark.parametrize("type_", ["research", "university", "ibe", "public", "ngo", "other"])
def test_member_nip_not_required_for_non_enterprise(doc, type_):
    i = member_index(doc, enterprise=False)
    doc.set_cell("members", i, "type", type_)
    assert doc.rows("members")[i].get("nip") is None
    assert problems(doc) == []


def test_member_turned_enterprise_needs_nip(doc):
    i = member_index(doc, enterprise=False)
    doc.set_cell("members", i, "type", "large")
    p = only(doc)
    assert (p.code, p.table, p.row, p.column) == ("required", "members", i, "nip")


def test_member_invalid_nip(doc):
    doc.set_cell("members", 2, "nip", "1234567890")
    p = only(doc)
    assert (p.code, p.table, p.row, p.column) == ("nip", "members", 2, "nip")


# Rules: column_le -----------------------------------------------------------------------------------


def test_export_above_sales(doc):
    doc.set_cell("members", 4, "sales_pln", "100000.00")
    doc.set_cell("members", 4, "export_pln", "100000.01")
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table, p.row, p.column) == (
        ERROR,
        "column_le",
        "members",
        "members",
        "members",
        4,
        "export_pln",
    )
    assert "przekracza wartość z kolumny" in p.message.pl
    assert "100\u00a0000,01\u00a0zł" in p.message.pl


def test_export_equal_to_sales_is_fine(doc):
    doc.set_cell("members", 4, "sales_pln", "100000.00")
    doc.set_cell("members", 4, "export_pln", "100000")
    assert problems(doc) == []


def test_export_without_sales_is_not_compared(doc):
    doc.set_cell("members", 4, "sales_pln", None)
    doc.set_cell("members", 4, "export_pln", "5000")
    assert problems(doc) == []


def test_non_public_above_budget(doc):
    doc.set_cell("infra.finance", 1, "non_public_pln", "200000.01")
    p = only(doc)
    assert (p.code, p.section, p.table, p.row, p.column) == (
        "column_le",
        "infra",
        "infra.finance",
        1,
        "non_public_pln",
    )


# Rules: unique --------------------------------------------------------------------------------------


def test_duplicate_member_nip(doc):
    nip = doc.rows("members")[1].get("nip")
    doc.set_cell("members", 5, "nip", nip)
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table, p.row, p.column) == (
        ERROR,
        "unique",
        "members",
        "members",
        "members",
        5,
        "nip",
    )
    assert "jest już w wierszu 2" in p.message.pl


def test_duplicate_member_nip_with_different_formatting(doc):
    doc.set_cell("members", 0, "nip", "526-104-08-28")
    doc.set_cell("members", 3, "nip", "5261040828")
    doc.set_cell("members", 7, "nip", "526 104 08 28")
    found = problems(doc)
    assert [(p.code, p.row) for p in found] == [("unique", 3), ("unique", 7)]
    assert all("w wierszu 1" in p.message.pl for p in found)


def test_duplicate_member_nip_with_pl_prefix(doc):
    doc.set_cell("members", 0, "nip", "PL 526-104-08-28")
    doc.set_cell("members", 9, "nip", "5261040828")
    p = only(doc)
    assert (p.code, p.table, p.row, p.column) == ("unique", "members", 9, "nip")


def test_members_without_nip_are_not_duplicates(doc):
    others = [i for i, r in enumerate(doc.rows("members")) if r.get("nip") is None]
    assert len(others) >= 2
    assert problems(doc) == []


# Rules: consecutive_years ---------------------------------------------------------------------------


def test_finance_year_missing(doc):
    doc.set_cell("infra.finance", 0, "year", None)
    found = problems(doc)
    assert sorted(p.code for p in found) == ["consecutive_years", "required"]
    cy = next(p for p in found if p.code == "consecutive_years")
    assert (cy.severity, cy.section, cy.criterion, cy.table, cy.column, cy.row) == (
        ERROR,
        "infra",
        "infra.finance",
        "infra.finance",
        "year",
        None,
    )
    assert "2022, 2023, 2024" in cy.message.pl
    assert "podano: 2023, 2024" in cy.message.pl
    assert "podano: 2022" not in cy.message.pl


def test_finance_wrong_years(doc):
    doc.set_cell("infra.finance", 0, "year", REFERENCE_YEAR - 3)
    p = only(doc)
    assert (p.code, p.table, p.column) == ("consecutive_years", "infra.finance", "year")
    assert "podano: 2021, 2023, 2024" in p.message.pl


def test_finance_duplicate_year(doc):
    doc.set_cell("infra.finance", 0, "year", REFERENCE_YEAR)
    p = only(doc)
    assert p.code == "consecutive_years"


def test_finance_years_in_any_order(doc):
    doc.move_row("infra.finance", 2, 0)
    assert [r.get("year") for r in doc.rows("infra.finance")] == [2024, 2022, 2023]
    assert problems(doc) == []


def test_reference_year_changed(doc):
    doc.set("meta.reference_year", REFERENCE_YEAR + 1)
    p = only(doc)
    assert (p.code, p.table) == ("consecutive_years", "infra.finance")
    assert "2023, 2024, 2025" in p.message.pl
    assert "ostatni to rok obrotowy 2025" in p.message.pl
    assert "podano: 2022, 2023, 2024" in p.message.pl


def test_consecutive_years_needs_reference_year(doc):
    doc.set("meta.reference_year", None)
    p = only(doc)
    assert (p.code, p.field) == ("required", "meta.reference_year")


# Rules: eligibility ---------------------------------------------------------------------------------


def test_eligibility_exactly_three_years_on_signature_date(doc):
    doc.set("cluster.established_on", dt.date(2022, 6, 30))
    assert doc.get("signatory.date") == dt.date(2025, 6, 30)
    assert problems(doc) == []


def test_eligibility_one_day_short(doc):
    doc.set("cluster.established_on", dt.date(2022, 7, 1))
    p = only(doc)
    # In kkk-2019 the 3-year threshold is the program's recommendation (known from 2021 only): a warning.
    assert (p.severity, p.code, p.section, p.criterion, p.field) == (
        WARNING,
        "eligibility_age",
        "general",
        "cluster",
        "cluster.established_on",
    )
    assert "co najmniej 3 lata" in p.message.pl
    assert "01.07.2022" in p.message.pl and "30.06.2025" in p.message.pl
    assert "działa 2 lat" in p.message.pl


def test_eligibility_uses_signatory_date_not_today(doc):
    doc.set("cluster.established_on", dt.date(2022, 7, 1))
    doc.set("signatory.date", dt.date(2025, 7, 1))
    # `today` is earlier than three years, but the signature date decides
    assert problems(doc, today=dt.date(2025, 6, 30)) == []
    doc.set("signatory.date", dt.date(2025, 6, 30))
    assert [p.code for p in problems(doc, today=dt.date(2026, 1, 1))] == ["eligibility_age"]


def test_eligibility_falls_back_to_today_without_signatory_date(doc):
    doc.set("cluster.established_on", dt.date(2022, 7, 1))
    doc.set("signatory.date", None)
    ok = problems(doc, today=dt.date(2025, 7, 1))
    assert [(p.code, p.field) for p in ok] == [("required", "signatory.date")]
    short = problems(doc, today=dt.date(2025, 6, 30))
    assert sorted((p.code, p.field) for p in short) == [
        ("eligibility_age", "cluster.established_on"),
        ("required", "signatory.date"),
    ]


def test_eligibility_leap_day_foundation(doc):
    doc.set("cluster.established_on", dt.date(2020, 2, 29))
    doc.set("signatory.date", dt.date(2023, 2, 28))
    assert [p.code for p in problems(doc, today=dt.date(2023, 3, 1))] == ["eligibility_age"]
    doc.set("signatory.date", dt.date(2023, 3, 1))
    assert problems(doc, today=dt.date(2023, 3, 1)) == []


def test_eligibility_fifty_members(doc):
    i = member_index(doc, enterprise=False)
    doc.remove_row("members", i)
    assert len(doc.rows("members")) == 50
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table) == (
        WARNING,  # the 51-member threshold is known from 2021 only: a recommendation in kkk-2019
        "eligibility_members",
        "members",
        "members",
        "members",
    )
    assert p.row is None
    assert "co najmniej 51 członków; w rejestrze jest 50" in p.message.pl


def test_eligibility_fifty_one_members_is_enough(doc):
    assert len(doc.rows("members")) == 51
    doc.add_row("members", {"name": "Nowy członek", "type": "small", "nip": make_nip(999)})
    assert problems(doc) == []


# Rules: attachments ---------------------------------------------------------------------------------


def test_missing_strategy_attachment(doc):
    i = next(i for i, r in enumerate(doc.rows("attachments")) if r.get("kind") == "strategy")
    doc.set_cell("attachments", i, "kind", "other")
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table) == (
        WARNING,  # no source lists the mandatory attachments: the program recommends them
        "attachment_missing",
        "attachments",
        "attachments",
        "attachments",
    )
    assert "strategia klastra z planem działań" in p.message.pl
    # the program's own recommendation says so (no source lists mandatory attachments)
    assert p.message.pl.startswith("Wskazówka programu: dodaj wymagany załącznik")
    assert p.message.en.startswith("Klaster's recommendation: ")


def test_two_attachment_rows_removed(doc):
    doc.tables["attachments"] = [r for r in doc.rows("attachments") if r.get("kind") == "agreement"]
    found = problems(doc)
    assert sorted(p.code for p in found) == ["attachment_missing", "attachment_missing", "min_rows"]


def test_attachment_file_not_held(doc):
    missing = hashlib.sha256(b"a file nobody attached").hexdigest()
    doc.add_row("attachments", {"title": "Opinia", "kind": "other", "file_name": "opinia.pdf", "sha256": missing})
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table, p.row, p.column) == (
        ERROR,
        "attachment_file",
        "attachments",
        "attachments",
        "attachments",
        3,
        "sha256",
    )
    assert "opinia.pdf" in p.message.pl and "nie został dołączony" in p.message.pl


def test_attachment_file_content_differs(doc):
    digest = doc.rows("attachments")[1].get("sha256")
    doc.files[digest] = b"changed content"
    p = only(doc)
    assert (p.code, p.table, p.row, p.column) == ("attachment_file", "attachments", 1, "sha256")
    assert "SHA-256" in p.message.pl


def test_attachment_row_without_hash_is_a_required_problem_only(doc):
    doc.set_cell("attachments", 0, "sha256", None)
    p = only(doc)
    assert (p.code, p.table, p.row, p.column) == ("required", "attachments", 0, "sha256")


# Rules: dates ---------------------------------------------------------------------------------------


def test_established_in_future(doc):
    doc.set("cluster.established_on", dt.date(2025, 7, 1))
    found = problems(doc)
    assert sorted(p.code for p in found) == ["date_future", "eligibility_age"]
    fut = next(p for p in found if p.code == "date_future")
    assert (fut.severity, fut.section, fut.criterion, fut.field) == (
        ERROR,
        "general",
        "cluster",
        "cluster.established_on",
    )
    assert "01.07.2025" in fut.message.pl and "w przyszłości" in fut.message.pl


def test_established_today_is_not_future(definition, doc):
    rule = Rule("date_not_future", {"field": "cluster.established_on"})
    from forms.checks.rules import date_not_future

    doc.set("cluster.established_on", TODAY)
    assert list(date_not_future(doc, rule, TODAY)) == []
    doc.set("cluster.established_on", TODAY + dt.timedelta(days=1))
    assert len(list(date_not_future(doc, rule, TODAY))) == 1


@pytest.mark.parametrize(
    ("table", "section", "criterion"),
    [
        ("knowledge.rd_projects", "knowledge", "knowledge.rd_projects"),
        ("econ.intl_projects", "econ", "econ.intl_projects"),
    ],
)
def test_project_end_before_start(doc, table, section, criterion):
    doc.add_row(table, {"title": "Projekt A", "start": "2023-01-01", "end": "2023-12-31"})
    doc.add_row(table, {"title": "Projekt B", "start": "2023-05-01", "end": "2023-04-30"})
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.table, p.row, p.column) == (
        ERROR,
        "date_order",
        section,
        criterion,
        table,
        1,
        "end",
    )
    assert "30.04.2023" in p.message.pl and "01.05.2023" in p.message.pl


def test_project_same_day_start_and_end(doc):
    doc.add_row("knowledge.rd_projects", {"title": "Projekt", "start": "2023-05-01", "end": "2023-05-01"})
    assert problems(doc) == []


# Declarations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["declaration.truth", "declaration.no_arrears", "declaration.data_processing"])
def test_declaration_not_ticked(doc, key):
    doc.set(key, False)
    p = only(doc)
    assert (p.severity, p.code, p.section, p.criterion, p.field) == (
        ERROR,
        "required",
        "declarations",
        "declarations",
        key,
    )
    assert p.message.pl == "zaznacz to oświadczenie" and p.kind == "missing"


def test_declaration_missing(doc):
    doc.set("declaration.truth", None)
    p = only(doc)
    assert (p.code, p.field) == ("required", "declaration.truth")


# Severity and order ---------------------------------------------------------------------------------


def test_rule_severity_warning(definition, doc):
    from forms.checks.rules import RULES

    doc.set_cell("members", 4, "export_pln", "99999999")
    rule = Rule("column_le", {"table": "members", "column": "export_pln", "other": "sales_pln"}, WARNING)
    found = list(RULES["column_le"](doc, rule, TODAY))
    assert len(found) == 1
    assert found[0].severity == WARNING and not found[0].is_error
    assert found[0].line(definition).startswith("UWAGA: ")


def test_problems_in_form_order(doc):
    doc.set("declaration.truth", None)  # declarations (last)
    doc.set("hr.strategy_period", None)  # area 1
    doc.set("cluster.name", None)  # general (first)
    doc.tables["customer.services"] = []  # area 5
    sections = [p.section for p in problems(doc)]
    assert sections == ["general", "hr", "customer", "declarations"]


def test_empty_document_lists_required_items(definition):
    found = problems(Document(definition))
    assert {p.code for p in found if not p.is_error} <= {"eligibility_members", "attachment_missing"}
    required_fields = {p.field for p in found if p.code == "required"}
    assert {"cluster.name", "coordinator.nip", "signatory.date", "declaration.truth"} <= required_fields
    # KRS is required only for some legal forms: with none chosen it is not asked for
    assert "coordinator.krs" not in required_fields
    tables = {p.table for p in found if p.code == "min_rows"}
    assert tables == {"members", "hr.staff", "infra.finance", "customer.services", "attachments"}
    assert "eligibility_members" not in {p.code for p in found}  # an empty register: missing rows, not a mistake
    assert not any(p.is_mistake for p in found)  # a new application opens calm


# Problem texts --------------------------------------------------------------------------------------


def test_location_and_line_for_a_table_cell(definition, doc):
    doc.set_cell("members", 2, "nip", "1234567890")
    p = only(doc)
    name = doc.rows("members")[2].get("name")
    assert p.location(definition) == f"Członkowie klastra › {name} (wiersz 3) › NIP"
    assert p.line(definition) == f"BŁĄD: Członkowie klastra › {name} (wiersz 3) › NIP: " + p.message.pl
    assert "row 3" in p.location(definition, "en")
    assert p.line(definition, "en").startswith("ERROR: ")


def test_location_for_a_field_in_an_area(definition, doc):
    doc.set("hr.strategy_period", None)
    p = only(doc)
    label = definition.field("hr.strategy_period").label.pl
    group = "Struktura zarządzania klastrem"
    assert p.location(definition) == f"1. Zasoby ludzkie i organizacyjne › {group} › {label}"
    assert p.line(definition) == f"BRAK: 1. Zasoby ludzkie i organizacyjne › {group} › {label}: do uzupełnienia"


def test_location_for_a_whole_table(definition, doc):
    doc.tables["customer.services"] = []
    p = only(doc)
    label = definition.table("customer.services").label.pl
    assert p.location(definition) == f"5. Orientacja na klienta › {label}"
    assert "wiersz" not in p.location(definition)


def test_location_with_unknown_section_falls_back_to_id(definition):
    p = Problem(ERROR, "x", Text("komunikat"), "nowhere", field="no.such.field")
    assert p.location(definition) == "nowhere"


def test_money_values_stay_decimal_in_checks(doc):
    doc.set_cell("members", 0, "sales_pln", Decimal("10.10"))
    doc.set_cell("members", 0, "export_pln", "10.1")
    assert problems(doc) == []
