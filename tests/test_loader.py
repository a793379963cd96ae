"""Loading form definitions (forms/loader.py): the shipped rounds, and every kind of mistake in a file."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from forms.loader import (
    DEFINITIONS_DIR,
    DefinitionError,
    available_forms,
    load_all,
    load_definition_file,
    load_form,
    parse_definition,
)
from forms.schema import FIELD_TYPES

SOURCE = DEFINITIONS_DIR / "kkk-2019.json"


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return json.loads(SOURCE.read_text(encoding="utf-8"))


def _find_field(data: dict[str, Any], key: str) -> tuple[int, int, int]:
    for si, s in enumerate(data["sections"]):
        for ci, c in enumerate(s["criteria"]):
            for fi, f in enumerate(c.get("fields", [])):
                if f["key"] == key:
                    return si, ci, fi
    raise KeyError(key)


def _find_table(data: dict[str, Any], key: str) -> tuple[int, int, int]:
    for si, s in enumerate(data["sections"]):
        for ci, c in enumerate(s["criteria"]):
            for ti, t in enumerate(c.get("tables", [])):
                if t["key"] == key:
                    return si, ci, ti
    raise KeyError(key)


@pytest.fixture
def broken(raw, tmp_path) -> Callable[[Callable[[dict[str, Any]], None]], str]:
    """Write a changed copy of kkk-2019.json to tmp_path, load it and return the DefinitionError message."""

    def run(change: Callable[[dict[str, Any]], None], name: str = "kkk-2019.json") -> str:
        data = copy.deepcopy(raw)
        change(data)
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(DefinitionError) as info:
            load_definition_file(path)
        return str(info.value)

    return run


# The shipped rounds ---------------------------------------------------------------------------------


def test_unchanged_copy_loads(raw, tmp_path):
    path = tmp_path / "kkk-2019.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    d = load_definition_file(path)
    assert d.id == "kkk-2019" and d.source == "kkk-2019.json"


def test_both_rounds_available_and_load():
    assert {"kkk-2019", "kkk-2021"} <= set(available_forms())
    ids = [d.id for d in load_all()]
    assert ids == available_forms()


def test_kkk_2019_shape(definition):
    assert definition.id == "kkk-2019"
    assert definition.round_year == 2019
    assert [s.number for s in definition.areas] == [1, 2, 3, 4, 5, 6]
    assert [s.id for s in definition.areas] == ["hr", "infra", "econ", "knowledge", "customer", "policy"]
    assert definition.sections[0].kind == "general"
    assert definition.sections[-1].kind == "declarations"
    assert definition.eligibility.min_members == 51
    assert definition.eligibility.min_age_years == 3
    assert definition.enterprise_types == ("micro", "small", "medium", "large")
    assert definition.sme_types == ("micro", "small", "medium")
    assert len(definition.choices("kis")) == 15  # the KIS list in force from 1 January 2019
    assert len(definition.choices("voivodeship")) == 16
    assert definition.field("coordinator.nip").type == "nip"
    assert definition.table("members").row_key == "nip"
    assert definition.place_of("coordinator.krs") == ("general", "coordinator")
    assert definition.place_of("infra.finance") == ("infra", "infra.finance")
    assert definition.indicator("export_share").kkk_average is not None
    assert str(definition.indicator("export_share").kkk_average) == "34.42"
    assert definition.choice_label("voivodeship", "14") == "mazowieckie"
    assert definition.choice_label("voivodeship", "99") == "99"


def test_kkk_2021_has_five_areas_and_the_same_keys(definition):
    d21 = load_form("kkk-2021")
    assert d21.round_year == 2021
    assert [s.number for s in d21.areas] == [1, 2, 3, 4, 5]
    assert set(d21.fields) == set(definition.fields)
    assert set(d21.tables) == set(definition.tables)
    # the two resource areas are merged: hr and infra criteria sit in one section
    assert d21.place_of("hr.staff")[0] == d21.place_of("infra.finance")[0]
    assert definition.place_of("hr.staff")[0] != definition.place_of("infra.finance")[0]


def test_every_field_type_is_known(definition):
    for d in load_all():
        for f in d.fields.values():
            assert f.type in FIELD_TYPES
        for t in d.tables.values():
            for c in t.columns:
                assert c.type in FIELD_TYPES


def test_load_form_is_cached():
    assert load_form("kkk-2019") is load_form("kkk-2019")


def test_unknown_round_lists_available():
    with pytest.raises(DefinitionError) as info:
        load_form("nope")
    msg = str(info.value)
    assert "nope" in msg
    assert "kkk-2019" in msg and "kkk-2021" in msg
    assert "dostępne" in msg


def test_missing_file(tmp_path):
    with pytest.raises(DefinitionError, match=r"^kkk-2030\.json: nie można odczytać pliku"):
        load_definition_file(tmp_path / "kkk-2030.json")


# Broken files ---------------------------------------------------------------------------------------


def test_invalid_json_text(tmp_path):
    path = tmp_path / "kkk-2019.json"
    path.write_text('{"id": "kkk-2019", "version": 1,', encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        load_definition_file(path)
    assert str(info.value).startswith("kkk-2019.json: niepoprawny JSON")


def test_not_utf8(tmp_path):
    path = tmp_path / "kkk-2019.json"
    path.write_bytes(b'{"id": "\xff"}')
    with pytest.raises(DefinitionError, match="niepoprawny JSON"):
        load_definition_file(path)


def test_top_level_not_an_object(tmp_path):
    path = tmp_path / "kkk-2019.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"kkk-2019\.json: \(główny obiekt\): oczekiwano obiektu JSON"):
        load_definition_file(path)


def test_id_differs_from_file_name(raw, tmp_path):
    path = tmp_path / "kkk-2099.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        load_definition_file(path)
    msg = str(info.value)
    assert msg.startswith("kkk-2099.json: id:")
    assert "'kkk-2019'" in msg and "'kkk-2099'" in msg


def test_unknown_field_type(broken, raw):
    si, ci, fi = _find_field(raw, "cluster.name")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["type"] = "txt"

    msg = broken(change)
    assert msg.startswith(f"kkk-2019.json: sections[{si}].criteria[{ci}].fields[{fi}].type: ")
    assert "nieznany typ 'txt'" in msg
    assert "longtext" in msg  # lists what is allowed


def test_unknown_column_type(broken, raw):
    si, ci, ti = _find_table(raw, "members")

    def change(d):
        d["sections"][si]["criteria"][ci]["tables"][ti]["columns"][1]["type"] = "pesel"

    msg = broken(change)
    assert f"sections[{si}].criteria[{ci}].tables[{ti}].columns[1].type" in msg
    assert "nieznany typ 'pesel'" in msg


def test_missing_label(broken, raw):
    si, ci, fi = _find_field(raw, "coordinator.regon")

    def change(d):
        del d["sections"][si]["criteria"][ci]["fields"][fi]["label"]

    msg = broken(change)
    assert msg == (f"kkk-2019.json: sections[{si}].criteria[{ci}].fields[{fi}].label: brak wymaganego klucza")


def test_label_without_polish(broken, raw):
    si, ci, fi = _find_field(raw, "coordinator.regon")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["label"] = {"en": "REGON"}

    msg = broken(change)
    assert f"sections[{si}].criteria[{ci}].fields[{fi}].label.pl: brak wymaganego klucza" in msg


def test_unknown_list(broken, raw):
    si, ci, fi = _find_field(raw, "cluster.voivodeship")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["list"] = "wojewodztwa"

    msg = broken(change)
    assert f"sections[{si}].criteria[{ci}].fields[{fi}].list" in msg
    assert "nie ma listy 'wojewodztwa'" in msg


def test_list_on_a_text_field(broken, raw):
    si, ci, fi = _find_field(raw, "cluster.name")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["list"] = "kis"

    msg = broken(change)
    assert f"fields[{fi}].list" in msg and "choice i multichoice" in msg


def test_unknown_field_key(broken, raw):
    si, ci, fi = _find_field(raw, "cluster.name")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["maxlength"] = 10

    msg = broken(change)
    assert msg == f"kkk-2019.json: sections[{si}].criteria[{ci}].fields[{fi}].maxlength: nieznany klucz"


def test_unknown_top_level_key(broken):
    msg = broken(lambda d: d.update({"deadline": "2019-10-01"}))
    assert msg == "kkk-2019.json: deadline: nieznany klucz"


def test_missing_top_level_key(broken):
    msg = broken(lambda d: d.pop("lists"))
    assert msg == "kkk-2019.json: lists: brak wymaganego klucza"


def test_duplicate_field_key(broken, raw):
    si, ci, _ = _find_field(raw, "cluster.name")
    first_key = raw["sections"][si]["criteria"][ci]["fields"][0]["key"]

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][1]["key"] = first_key

    msg = broken(change)
    assert msg.startswith(f"kkk-2019.json: sections[{si}].criteria[{ci}].fields[1].key: ")
    assert f"'{first_key}' powtórzony" in msg


def test_field_key_equal_to_a_table_key(broken, raw):
    si, ci, fi = _find_field(raw, "hr.staff_description")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["key"] = "members"

    msg = broken(change)
    assert f"sections[{si}].criteria[{ci}].fields[{fi}].key" in msg
    assert "'members' powtórzony" in msg


def test_duplicate_column(broken, raw):
    si, ci, ti = _find_table(raw, "hr.staff")

    def change(d):
        d["sections"][si]["criteria"][ci]["tables"][ti]["columns"][1]["key"] = "name"

    msg = broken(change)
    assert f"tables[{ti}].columns[1].key" in msg and "kolumna 'name' powtórzona" in msg


def test_required_if_unknown_field(broken, raw):
    si, ci, fi = _find_field(raw, "coordinator.krs")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["required_if"]["field"] = "coordinator.form"

    msg = broken(change)
    assert msg.startswith(f"kkk-2019.json: sections[{si}].criteria[{ci}].fields[{fi}].required_if.field: ")
    assert "coordinator.krs" in msg
    assert "nieznanego pola 'coordinator.form'" in msg


def test_applies_if_unknown_field(broken, raw):
    si, ci, fi = _find_field(raw, "hr.cluster_label_date")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["applies_if"]["field"] = "hr.label"

    msg = broken(change)
    assert f"sections[{si}].criteria[{ci}].fields[{fi}].applies_if.field" in msg
    assert "'hr.label'" in msg


def test_condition_with_both_in_and_not_in(broken, raw):
    si, ci, fi = _find_field(raw, "hr.cluster_label_date")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["applies_if"]["in"] = ["gold"]

    msg = broken(change)
    assert f"fields[{fi}].applies_if:" in msg and "'in' albo 'not_in'" in msg


def test_column_required_if_unknown_column(broken, raw):
    si, ci, ti = _find_table(raw, "members")

    def change(d):
        cols = d["sections"][si]["criteria"][ci]["tables"][ti]["columns"]
        nip = next(c for c in cols if c["key"] == "nip")
        nip["required_if"]["column"] = "kind"

    msg = broken(change)
    assert f"sections[{si}].criteria[{ci}].tables[{ti}].columns[1].required_if" in msg
    assert "nie ma kolumny 'kind'" in msg


def test_rule_with_unknown_table(broken, raw):
    i = next(i for i, r in enumerate(raw["rules"]) if r["rule"] == "unique")

    def change(d):
        d["rules"][i]["table"] = "czlonkowie"

    msg = broken(change)
    assert msg == f"kkk-2019.json: rules[{i}].table: nieznana tabela 'czlonkowie'"


def test_rule_with_unknown_column(broken, raw):
    i = next(i for i, r in enumerate(raw["rules"]) if r["rule"] == "column_le")

    def change(d):
        d["rules"][i]["other"] = "turnover_pln"

    msg = broken(change)
    assert f"rules[{i}].other" in msg and "'turnover_pln'" in msg


def test_rule_with_unknown_field(broken, raw):
    i = next(i for i, r in enumerate(raw["rules"]) if r["rule"] == "consecutive_years")

    def change(d):
        d["rules"][i]["ending_at"] = "meta.year"

    msg = broken(change)
    assert msg == f"kkk-2019.json: rules[{i}].ending_at: nieznane pole 'meta.year'"


def test_unknown_rule_kind(broken):
    msg = broken(lambda d: d["rules"].append({"rule": "sum_le"}))
    assert "rules[" in msg and ".rule: nieznana reguła 'sum_le'" in msg
    assert "column_le" in msg


def test_rule_missing_parameter(broken, raw):
    i = next(i for i, r in enumerate(raw["rules"]) if r["rule"] == "column_le")

    def change(d):
        del d["rules"][i]["other"]

    msg = broken(change)
    assert msg == f"kkk-2019.json: rules[{i}].other: brak wymaganego klucza"


def test_rule_bad_severity(broken):
    msg = broken(lambda d: d["rules"][0].update({"severity": "fatal"}))
    assert "rules[0].severity" in msg


def test_indicator_with_unknown_column(broken, raw):
    i = next(i for i, ind in enumerate(raw["indicators"]) if ind["id"] == "export_intensity")

    def change(d):
        d["indicators"][i]["numerator"] = "exports_pln"

    msg = broken(change)
    assert msg.startswith(f"kkk-2019.json: indicators[{i}]")
    assert "nie ma kolumny 'exports_pln'" in msg
    assert "'members'" in msg


def test_indicator_where_unknown_column(broken, raw):
    i = next(i for i, ind in enumerate(raw["indicators"]) if ind["id"] == "rd_share")

    def change(d):
        d["indicators"][i]["where"]["column"] = "b_plus_r"

    msg = broken(change)
    assert f"indicators[{i}]" in msg and "'b_plus_r'" in msg


def test_indicator_with_unknown_table(broken, raw):
    i = next(i for i, ind in enumerate(raw["indicators"]) if ind["id"] == "non_public_share")

    def change(d):
        d["indicators"][i]["table"] = "infra.budget"

    msg = broken(change)
    assert f"indicators[{i}].table" in msg and "'infra.budget'" in msg


def test_indicator_missing_parameter(broken, raw):
    i = next(i for i, ind in enumerate(raw["indicators"]) if ind["id"] == "total_sales")

    def change(d):
        del d["indicators"][i]["column"]

    msg = broken(change)
    assert msg == f"kkk-2019.json: indicators[{i}].column: brak wymaganego klucza"


def test_indicator_unknown_population(broken):
    msg = broken(lambda d: d["indicators"][0].update({"population": "smes"}))
    assert "indicators[0].population" in msg


def test_duplicate_indicator(broken, raw):
    msg = broken(lambda d: d["indicators"].append(copy.deepcopy(d["indicators"][0])))
    assert f"indicators[{len(raw['indicators'])}].id" in msg and "powtórzony" in msg


def test_criterion_refers_to_unknown_indicator(broken, raw):
    si = next(i for i, s in enumerate(raw["sections"]) if s["id"] == "members")

    def change(d):
        d["sections"][si]["criteria"][0]["indicators"].append("no_such")

    msg = broken(change)
    assert f"sections[{si}].criteria[0].indicators[" in msg and "'no_such'" in msg


def test_unknown_section_kind(broken):
    msg = broken(lambda d: d["sections"][0].update({"kind": "area51"}))
    assert msg == "kkk-2019.json: sections[0].kind: nieznany rodzaj sekcji 'area51'"


def test_empty_list(broken):
    msg = broken(lambda d: d["lists"].update({"kis": []}))
    assert msg == "kkk-2019.json: lists.kis: lista wyboru jest pusta"


def test_duplicate_list_code(broken):
    msg = broken(lambda d: d["lists"]["voivodeship"].append(copy.deepcopy(d["lists"]["voivodeship"][0])))
    assert "lists.voivodeship[16].code" in msg and "'02' powtórzony" in msg


def test_enterprise_type_not_a_member_type(broken):
    msg = broken(lambda d: d["enterprise_types"].append("startup"))
    assert "enterprise_types" in msg and "'startup'" in msg


def test_version_not_integer(broken):
    msg = broken(lambda d: d.update({"version": "1"}))
    assert msg == "kkk-2019.json: version: oczekiwano liczby całkowitej"


def test_max_rows_below_min_rows(broken, raw):
    si, ci, ti = _find_table(raw, "infra.finance")

    def change(d):
        d["sections"][si]["criteria"][ci]["tables"][ti]["max_rows"] = 2

    msg = broken(change)
    assert f"tables[{ti}].max_rows" in msg


def test_bad_min_value(broken, raw):
    si, ci, fi = _find_field(raw, "meta.reference_year")

    def change(d):
        d["sections"][si]["criteria"][ci]["fields"][fi]["min"] = "dwa tysiące"

    msg = broken(change)
    assert f"fields[{fi}].min" in msg and "nie jest liczbą" in msg


def test_parse_definition_names_its_source(raw):
    data = copy.deepcopy(raw)
    data["sections"][0]["criteria"][0]["fields"][0]["type"] = "txt"
    with pytest.raises(DefinitionError, match=r"^moja-runda\.json: sections\[0\]"):
        parse_definition(data, "moja-runda.json")
