"""Shared fixtures for the core tests: the kkk-2019 definition and a minimal complete, valid application."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import os
import tempfile

# GUI tests run without a display, and never touch the real user settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLASTER_SETTINGS_DIR", tempfile.mkdtemp(prefix="klaster-test-settings-"))

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from forms.document import Document  # noqa: E402
from forms.loader import load_form  # noqa: E402
from forms.schema import FormDefinition  # noqa: E402

# The day the checks run in these tests; the signatory signs on the same day.
TODAY = dt.date(2025, 6, 30)
REFERENCE_YEAR = 2024
NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
ENTERPRISE_TYPES = ("micro", "small", "medium", "large")
OTHER_TYPES = ("research", "university", "ibe", "public", "ngo", "other")


def make_nip(seed: int) -> str:
    """A valid, distinct 10-digit NIP for every seed (the check digit is computed, never 10)."""
    base = 100_000_000 + seed * 7
    while True:
        digits = f"{base:09d}"
        check = sum(int(c) * w for c, w in zip(digits, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return digits + str(check)
        base += 1


def member_rows(enterprises: int = 30, others: int = 21) -> list[dict]:
    """Register rows: enterprises with NIPs and figures, then non-enterprises without NIPs."""
    rows: list[dict] = []
    for i in range(enterprises):
        rows.append(
            {
                "name": f"Przedsiębiorstwo {i + 1} sp. z o.o.",
                "nip": make_nip(i),
                "type": ENTERPRISE_TYPES[i % len(ENTERPRISE_TYPES)],
                "voivodeship": "14",
                "employees": 10 + i,
                "sales_pln": Decimal("1000000.00") + i,
                "export_pln": Decimal("250000.00") if i % 3 == 0 else Decimal("0"),
                "rd": i % 2 == 0,
            }
        )
    for j in range(others):
        rows.append({"name": f"Instytucja {j + 1}", "type": OTHER_TYPES[j % len(OTHER_TYPES)]})
    return rows


def build_complete_document(definition: FormDefinition) -> Document:
    """A minimal application with every required item filled and no problem on `TODAY`."""
    doc = Document(definition)
    values = {
        "meta.application_type": "nadanie",
        "meta.reference_year": REFERENCE_YEAR,
        "cluster.name": "Mazowiecki Klaster Testowy",
        "cluster.established_on": dt.date(2015, 3, 1),
        "cluster.specialisation": "Technologie informacyjne i komunikacyjne dla przemysłu.",
        "cluster.kis": ["10"],
        "cluster.voivodeship": "14",
        "cluster.description": "Klaster skupia przedsiębiorstwa ICT i uczelnie regionu.",
        "coordinator.name": "Stowarzyszenie Klaster Testowy",
        "coordinator.legal_form": "association",
        "coordinator.nip": "5261040828",
        "coordinator.regon": "012100784",
        "coordinator.krs": "0000123456",
        "coordinator.city": "Warszawa",
        "coordinator.email": "biuro@klaster.pl",
        "contact.name": "Anna Nowak",
        "contact.email": "anna.nowak@klaster.pl",
        "contact.phone": "+48 22 123 45 67",
        "hr.staff_description": "Zespół koordynatora: dyrektor i dwóch menedżerów.",
        "hr.structure_description": "Walne zgromadzenie, rada klastra, grupy robocze.",
        "hr.strategy_period": "2024-2027",
        "hr.quality_description": "Badanie satysfakcji członków co roku.",
        "infra.non_public_sources": "Składki członkowskie i usługi płatne.",
        "policy.kis_justification": "Specjalizacja odpowiada KIS 10.",
        "declaration.truth": True,
        "declaration.no_arrears": True,
        "declaration.data_processing": True,
        "signatory.name": "Jan Kowalski",
        "signatory.position": "Prezes zarządu",
        "signatory.place": "Warszawa",
        "signatory.date": TODAY,
    }
    for key, value in values.items():
        doc.set(key, value)
    for row in member_rows():
        doc.add_row("members", row)
    doc.add_row("hr.staff", {"name": "Jan Kowalski", "role": "dyrektor klastra", "fte": Decimal("1")})
    for year in (REFERENCE_YEAR - 2, REFERENCE_YEAR - 1, REFERENCE_YEAR):
        doc.add_row(
            "infra.finance",
            {
                "year": year,
                "revenue_pln": Decimal("500000"),
                "net_result_pln": Decimal("12000.50"),
                "own_funds_pln": Decimal("80000"),
                "cluster_budget_pln": Decimal("200000"),
                "non_public_pln": Decimal("50000"),
            },
        )
    doc.add_row("customer.services", {"name": "Doradztwo eksportowe", "category": "advisory"})
    for kind, title in (("agreement", "Umowa klastra"), ("strategy", "Strategia"), ("financials", "Sprawozdania")):
        digest = doc.attach(f"treść: {title}".encode())
        doc.add_row("attachments", {"title": title, "kind": kind, "file_name": f"{kind}.pdf", "sha256": digest})
    return doc


@pytest.fixture(scope="session")
def definition() -> FormDefinition:
    return load_form("kkk-2019")


@pytest.fixture
def make_complete(definition: FormDefinition) -> Callable[[], Document]:
    """A factory: each call gives a fresh, complete and valid kkk-2019 application."""
    return lambda: build_complete_document(definition)


@pytest.fixture
def doc(make_complete: Callable[[], Document]) -> Document:
    return make_complete()
