"""The one-page summary the cluster's board decides from, read back with pypdf: one page for the demo of each
round, the counts of `forms.progress.assess`, eligibility with its source (a program recommendation never printed
as a requirement), the finances of three years, the members by type and voivodeship, who signs and by when."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from export.pdf import build_summary_pdf
from forms.demo import make_demo
from forms.fmt import format_date, format_decimal, format_int
from forms.loader import load_form
from forms.messages import count, totals_text
from forms.progress import assess
from models.repository import ApplicationInfo
from tests.app_info import info_of as _info_of

TODAY = dt.date(2025, 6, 30)
ROUNDS = ["kkk-2019", "kkk-2021"]


def info_of(doc, state: str = "draft") -> ApplicationInfo:
    return _info_of(doc, state, app_id=3)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.fixture(scope="module", params=ROUNDS)
def summary(request, tmp_path_factory):
    doc = make_demo(load_form(request.param), today=TODAY)
    path = tmp_path_factory.mktemp("summary") / f"podsumowanie-{request.param}.pdf"
    build_summary_pdf(doc, info_of(doc), path, today=TODAY)
    reader = PdfReader(str(path))
    return doc, reader, flat("\n".join(page.extract_text() or "" for page in reader.pages))


def test_the_demo_summary_is_one_page_with_the_draft_conventions(summary):
    doc, reader, text = summary
    assert len(reader.pages) == 1
    assert "Strona 1 z 1" in text and "WERSJA ROBOCZA" in text  # the footer of every PDF, the draft mark as text
    assert "Podsumowanie wniosku" in text and doc.get("cluster.name") in text


def test_the_counts_are_the_assessments(summary):
    doc, _, text = summary
    truth = assess(doc, TODAY)
    assert truth.missing + truth.errors > 0  # the demo has something open: the counts are not trivially zero
    totals = totals_text(truth.missing, truth.errors, truth.warnings)
    assert f"Do zrobienia: {totals}" in text
    assert f"({format_int(truth.filled)} z {format_int(truth.required)}); {totals}" in text
    assert f"Gotowość: {truth.completeness} % wymaganych pozycji" in text
    # Every open item is listed with its kind, the errors first.
    tags = re.findall(r"\b(BŁĄD|BRAK|UWAGA) ", text)
    assert Counter(tags) == Counter({"BŁĄD": truth.errors, "BRAK": truth.missing, "UWAGA": truth.warnings}) - Counter()
    assert tags == sorted(tags, key=["BŁĄD", "BRAK", "UWAGA"].index)
    for part in truth.sections:
        assert part.section.display_title() in text


def test_eligibility_names_its_source(summary):
    doc, _, text = summary
    elig = doc.definition.eligibility
    age = f"co najmniej {count(elig.min_age_years, 'rok')}"
    members = f"co najmniej {count(elig.min_members, 'członek')} (w rejestrze: {len(doc.tables['members'])})"
    if elig.provenance.is_program:  # kkk-2019: the app's own recommendation, never a requirement
        assert doc.definition.id == "kkk-2019"
        assert f"Wskazówka programu: klaster działa {age}" in text
        assert f"Wskazówka programu: {members}" in text
        assert "Warunki formalne" not in text and "Wymóg regulaminu" not in text
    else:  # kkk-2021: the round's rule, with its source
        assert doc.definition.id == "kkk-2021"
        assert "Wskazówka programu" not in text
        assert "Warunki formalne naboru" in text
        assert f"Klaster działa {age}" in text and members[0].upper() + members[1:] in text
        assert flat(f"Źródło: {elig.provenance.label()}") in text


def test_finances_of_three_years(summary):
    doc, _, text = summary
    rows = sorted(doc.tables["infra.finance"], key=lambda r: r.data["year"])[-3:]
    years = [r.data["year"] for r in rows]
    assert len(years) == 3
    assert f"Pozycja (zł) {years[0]} {years[1]} {years[2]} Zmiana {years[0]}–{years[2]}" in text
    revenue = " ".join(flat(format_decimal(r.data["revenue_pln"], 0)) for r in rows)
    assert f"Przychody {revenue}" in text
    budget = " ".join(flat(format_decimal(r.data["cluster_budget_pln"], 0)) for r in rows)
    assert f"Budżet klastra {budget}" in text
    assert "Udział środków niepublicznych w budżecie klastra" in text


def test_members_by_type_and_voivodeship(summary):
    doc, _, text = summary
    d = doc.definition
    members = doc.tables["members"]
    by_type = Counter(r.data["type"] for r in members)
    assert "Członkowie według rodzaju" in text and f"Razem {len(members)}" in text
    for code, n in by_type.items():
        assert f"{d.choice_label(d.table('members').column('type').list, code)} {n} " in text, code
    by_region = Counter(r.data["voivodeship"] for r in members)
    assert f"Członkowie według województwa ({len(by_region)})" in text
    biggest, n = by_region.most_common(1)[0]
    assert f"{d.choice_label(d.table('members').column('voivodeship').list, biggest)} {n} " in text


def test_who_signs_and_the_deadline(summary):
    doc, _, text = summary
    assert f"Podpisuje: {doc.get('signatory.name')}, {doc.get('signatory.position')}" in text
    assert f"{doc.get('signatory.place')}, {format_date(doc.get('signatory.date'))}" in text
    assert "Termin złożenia: według ogłoszenia naboru" in text


def test_indicators_against_the_kkk_averages(summary):
    _, _, text = summary
    assert "Wskaźniki na tle średnich KKK" in text
    assert "34,42 %" in text  # the export average of the seed


def test_an_application_with_many_problems_stays_within_two_pages(tmp_path):
    d = load_form("kkk-2021")
    doc = make_demo(d, today=TODAY)
    for key in ("cluster.name", "coordinator.nip", "policy.kis_justification", "signatory.name", "cluster.kis"):
        doc.set(key, None)
    for i in range(0, 40, 3):
        doc.set_cell("members", i, "nip", "1234567890")
    path = tmp_path / "p.pdf"
    build_summary_pdf(doc, info_of(doc), path, today=TODAY)
    reader = PdfReader(str(path))
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    truth = assess(doc, TODAY)
    assert len(reader.pages) <= 2
    assert f"Do zrobienia: {totals_text(truth.missing, truth.errors, truth.warnings)}" in text
    assert "innych problemów" in text or "inne problemy" in text
    # Thirty member errors do not hide the missing items: both kinds are listed.
    assert "BŁĄD " in text and "BRAK Informacje ogólne" in text
