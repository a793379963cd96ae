"""Rounds as the ministry publishes them (issue 16): every rule with its source, the lists of their year, the area
order of each round, the newest round as the default."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from forms.loader import (
    DEFAULT_FORM,
    DEFINITIONS_DIR,
    DefinitionError,
    available_forms,
    load_definition_file,
    load_form,
    newest_form,
)
from forms.schema import Help

ROUNDS = ("kkk-2019", "kkk-2021")


@pytest.fixture
def raw() -> dict:
    return json.loads((DEFINITIONS_DIR / "kkk-2021.json").read_text(encoding="utf-8"))


def refused(raw: dict, tmp_path: Path, change) -> str:
    data = copy.deepcopy(raw)
    change(data)
    path = tmp_path / "kkk-2021.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        load_definition_file(path)
    return str(info.value)


# The loader refuses what has no source -------------------------------------------------------------------------
def test_rule_without_source_refused(raw, tmp_path):
    msg = refused(raw, tmp_path, lambda d: d["rules"][0].pop("source"))
    assert msg.startswith("kkk-2021.json: rules[0].source: brak źródła")


def test_unknown_source_refused(raw, tmp_path):
    msg = refused(raw, tmp_path, lambda d: d["rules"][0].update({"source": "ministry"}))
    assert "rules[0].source: nieznane źródło 'ministry'" in msg


def test_rules_source_needs_its_reference(raw, tmp_path):
    msg = refused(raw, tmp_path, lambda d: d["rules"][0].pop("ref"))
    assert d_rule(raw, 0) == "eligibility_age"
    assert "rules[0].ref: źródło 'rules' wymaga odwołania" in msg


def d_rule(raw: dict, i: int) -> str:
    return raw["rules"][i]["rule"]


def test_program_recommendation_cannot_be_an_error(raw, tmp_path):
    i = next(i for i, r in enumerate(raw["rules"]) if r["rule"] == "attachment_kinds")

    def change(d):
        d["rules"][i]["severity"] = "error"

    msg = refused(raw, tmp_path, change)
    assert f"rules[{i}].severity" in msg and "najwyżej ostrzeżeniem" in msg


def test_eligibility_without_source_refused(raw, tmp_path):
    msg = refused(raw, tmp_path, lambda d: d["eligibility"].pop("source"))
    assert msg.startswith("kkk-2021.json: eligibility.source: brak źródła")


def test_help_without_source_refused(raw, tmp_path):
    msg = refused(raw, tmp_path, lambda d: d["sections"][0]["criteria"][0]["help"][-1].pop("source"))
    assert "sections[0].criteria[0].help[" in msg and "brak źródła" in msg


def test_kkk_average_without_source_refused(raw, tmp_path):
    i = next(i for i, ind in enumerate(raw["indicators"]) if "kkk_average" in ind)
    msg = refused(raw, tmp_path, lambda d: d["indicators"][i].pop("source"))
    assert f"indicators[{i}].source: brak źródła" in msg


def test_list_file_without_date_refused(tmp_path, raw):
    lists = tmp_path / "lists"
    lists.mkdir()
    data = json.loads((DEFINITIONS_DIR / "lists" / "kis-13.json").read_text(encoding="utf-8"))
    del data["date"]
    (lists / "kis-x.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    msg = refused(raw, tmp_path, lambda d: d["lists"].update({"kis": {"file": "lists/kis-x.json"}}))
    assert "lists/kis-x.json" in msg and "date: brak wymaganego klucza" in msg


def test_list_file_outside_the_definitions_refused(raw, tmp_path):
    msg = refused(raw, tmp_path, lambda d: d["lists"].update({"kis": {"file": "../../etc/passwd"}}))
    assert "lists.kis.file" in msg and "musi leżeć w folderze definicji" in msg


# Every claim has a source; no program claim is worded as an official requirement ----------------------------------
OFFICIAL = re.compile(
    r"oceniając|obowiązkow|odrzuc|regulamin\w* konkurs|ministerst|\bmusi\b|\bmuszą\b|evaluator|mandatory|reject"
)


def _helps(definition):
    for s in definition.sections:
        if isinstance(s.intro, Help):
            yield s.id, s.intro
        for c in s.criteria:
            if c.help is not None:
                yield c.id, c.help
            for f in c.fields:
                if f.help is not None:
                    yield f.key, f.help
            for t in c.tables:
                for col in (t, *t.columns):
                    if col.help is not None:
                        yield f"{t.key}.{col.key}", col.help


@pytest.mark.parametrize("form_id", ROUNDS)
def test_every_help_names_its_source(form_id):
    for place, help_text in _helps(load_form(form_id)):
        assert isinstance(help_text, Help) and help_text.parts, place


@pytest.mark.parametrize("form_id", ROUNDS)
def test_no_program_help_states_a_rule_as_official(form_id):
    for place, help_text in _helps(load_form(form_id)):
        for part in help_text.parts:
            if part.provenance.is_program:
                for text in (part.text.pl, part.text.en or ""):
                    assert not OFFICIAL.search(text.lower()), (place, text)


@pytest.mark.parametrize("form_id", ROUNDS)
def test_help_shows_where_each_claim_comes_from(form_id):
    d = load_form(form_id)
    helps = dict(_helps(d))
    exporters = helps["econ.exporters"]
    assert exporters.pl.startswith("Według prezentacji ministerstwa: średni wynik KKK")
    assert "34,42 %" in exporters.pl
    assert "\nWskazówka programu: Program liczy udział" in exporters.pl
    assert exporters.get("en").startswith("From the ministry's presentation")
    assert "Klaster's recommendation: " in exporters.get("en")
    assert helps["cluster.operating_model"].parts[0].provenance.source == "seed"


def test_thresholds_of_2021_are_program_recommendations_in_2019():
    d19, d21 = load_form("kkk-2019"), load_form("kkk-2021")
    assert d19.eligibility.provenance.is_program
    assert d21.eligibility.provenance.source == "rules" and d21.eligibility.provenance.ref
    for d, severity in ((d19, "warning"), (d21, "error")):
        for rule in d.rules:
            if rule.kind in ("eligibility_age", "eligibility_members"):
                assert rule.severity == severity
    help19 = load_form("kkk-2019").field("cluster.name")  # the cluster criterion's help says where 3 years is from
    assert help19 is not None
    cluster19 = next(c for c in d19.section("general").criteria if c.id == "cluster").help
    assert "znany jest z konkursu 2021" in cluster19.pl
    cluster21 = next(c for c in d21.section("general").criteria if c.id == "cluster").help
    assert cluster21.pl.startswith("Wymóg regulaminu konkursu (kryteria formalne konkursu 2021")


@pytest.mark.parametrize("form_id", ROUNDS)
def test_required_attachments_are_a_recommendation(form_id):
    rule = next(r for r in load_form(form_id).rules if r.kind == "attachment_kinds")
    assert rule.provenance.is_program and rule.severity == "warning"


def test_the_2019_threshold_of_100_points_cites_the_rules():
    meta = next(c for c in load_form("kkk-2019").section("general").criteria if c.id == "meta").help
    part = meta.parts[0]
    assert part.provenance.source == "rules" and "§ 16 pkt 16" in part.provenance.ref
    assert "100 punktów" in part.text.pl


# The lists of their year ---------------------------------------------------------------------------------------
def test_kis_of_2019_is_the_list_in_force_from_1_january_2019():
    d = load_form("kkk-2019")
    kis = d.choices("kis")
    assert len(kis) == 15
    assert d.choice_label("kis", "7") == "Gospodarka o obiegu zamkniętym – woda, surowce kopalne, odpady"
    info = d.list_info["kis"]
    assert info.date == "2019-01-01" and info.file == "lists/kis-15-2019.json"
    assert info.provenance.source == "published" and "29.11.2018" in info.provenance.ref
    # names the sources did not confirm say so, in the data and in the label
    assert info.unconfirmed == tuple(str(n) for n in range(9, 16))
    for code in info.unconfirmed:
        assert "(nazwa do potwierdzenia)" in d.choice_label("kis", code)


def test_kis_of_2021_is_the_13_item_list():
    d = load_form("kkk-2021")
    assert len(d.choices("kis")) == 13
    assert d.choice_label("kis", "13") == "Technologie morskie"
    assert d.list_info["kis"].file == "lists/kis-13.json" and d.list_info["kis"].provenance.ref


@pytest.mark.parametrize("form_id", ROUNDS)
def test_kkk_clusters_of_the_seed(form_id):
    d = load_form(form_id)
    assert len(d.choices("kkk_clusters")) == 13
    assert d.list_info["kkk_clusters"].provenance.source == "seed"
    assert d.table("cluster.partner_clusters").column("kkk_cluster").list == "kkk_clusters"


# The 2021 round: five areas in the order of the sources ----------------------------------------------------------
def test_kkk_2021_area_order_and_names():
    d = load_form("kkk-2021")
    assert [(a.number, a.title.pl) for a in d.areas] == [
        (1, "Zasoby ludzkie, infrastrukturalne i finansowe"),
        (2, "Potencjał gospodarczy klastra"),
        (3, "Tworzenie i transfer wiedzy"),
        (4, "Działania na rzecz polityk publicznych"),
        (5, "Orientacja na klienta"),
    ]


# ESCA, KRS, the fields real forms ask for ------------------------------------------------------------------------
@pytest.mark.parametrize("form_id", ROUNDS)
def test_labels_credited_to_esca_and_krs_of_research_institutes(form_id):
    d = load_form(form_id)
    assert "ESCA" in d.field("hr.cluster_label").label.pl
    blob = (DEFINITIONS_DIR / f"{form_id}.json").read_text(encoding="utf-8")
    assert "ECEI" not in blob and "European Cluster Excellence Initiative" not in blob
    assert "research_institute" in d.field("coordinator.krs").required_if.values


@pytest.mark.parametrize("form_id", ROUNDS)
def test_fields_real_forms_ask_for(form_id):
    d = load_form(form_id)
    for key in ("status.round", "status.decision_date", "status.decision_number", "status.valid_until"):
        assert d.field(key).applies_if.values == ("odnowienie",), key
    members = d.table("members")
    for col in ("value_chain", "within_50km", "linked", "krs", "ceidg"):
        assert members.has_column(col), col
    for key in ("declaration.named_coordinator", "declaration.legal_personality", "cluster.agreement_term"):
        assert d.has_field(key), key
    assert "cywilnoprawn" in d.field("declaration.no_arrears").label.pl
    assert d.field("cluster.agreement_until").applies_if.values == ("fixed",)
    kinds = {c.code for c in d.choices(d.table("cluster.activity_evidence").column("kind").list)}
    assert {"esca_label", "parp_benchmarking", "regional_strategy", "smart_spec_group"} <= kinds
    assert "trzy lata" in d.indicator("non_public_share").label.pl


# The newest round is the default ----------------------------------------------------------------------------------
def test_newest_round_is_the_default():
    years = {f: load_form(f).round_year for f in available_forms()}
    assert DEFAULT_FORM == newest_form() == max(years, key=lambda f: (years[f], f)) == "kkk-2021"
