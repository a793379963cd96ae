"""Shared fixtures: the kkk-2019 definition, a minimal complete, valid application, a temporary database
(`db_path`, `repo`, `store`, `app_id`), and for Qt tests `no_modal_dialogs` (opt in with
`pytestmark = pytest.mark.usefixtures("no_modal_dialogs")`)."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

# Everything temporary goes into one folder of this session (pytest's tmp_path, tempfile in the tests and in the
# programs they start), removed at the end: the suite leaves nothing in the system temp folder. What a test left
# there outside pytest's own folders is reported and fails the session (pytest_sessionfinish below).
# (tests also import this file as `tests.conftest` or `conftest`: a second import reuses the first one's folder)
SESSION_TMP = getattr(sys, "_klaster_tests_tmp", None) or Path(tempfile.mkdtemp(prefix="klaster-tests-"))
sys._klaster_tests_tmp = SESSION_TMP
atexit.register(shutil.rmtree, SESSION_TMP, True)  # also when the session never reaches its end (a conftest error)
tempfile.tempdir = str(SESSION_TMP)
os.environ["TMPDIR"] = os.environ["TEMP"] = os.environ["TMP"] = str(SESSION_TMP)

# GUI tests run without a display, and never touch the real user settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLASTER_SETTINGS_DIR", str(SESSION_TMP / "settings"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    left = sorted(p.name for p in SESSION_TMP.iterdir() if not p.name.startswith("pytest-of-") and p.name != "settings")
    shutil.rmtree(SESSION_TMP, ignore_errors=True)
    if left:
        print(f"\nFAILED: tests left temporary files behind: {', '.join(left[:20])}", file=sys.stderr)
        if session.exitstatus == 0:
            session.exitstatus = 1


ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from forms.demo import seeded_nip  # noqa: E402
from forms.document import Document  # noqa: E402
from forms.loader import load_form  # noqa: E402
from forms.schema import FormDefinition  # noqa: E402
from models.db import open_database  # noqa: E402
from models.repository import Repository  # noqa: E402
from tests.backend_fixtures import backend, backend_repo, pg_server, pg_url  # noqa: E402, F401 - SQLite and PostgreSQL

# The day the checks run in these tests; the signatory signs on the same day.
TODAY = dt.date(2025, 6, 30)
REFERENCE_YEAR = 2024
ENTERPRISE_TYPES = ("micro", "small", "medium", "large")
OTHER_TYPES = ("research", "university", "ibe", "public", "ngo", "other")


make_nip = seeded_nip  # a valid, distinct NIP for every seed


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


# A temporary database ------------------------------------------------------------------------------------------
def store(repo: Repository, doc: Document, name: str = "", kind: str = "nadanie") -> int:
    """Save `doc` as a new application in `repo` (in one transaction); returns its id."""
    with repo.db.atomic():
        app_id = repo.create(doc.definition.id, name, kind)
        repo.save_document(app_id, doc)
    return app_id


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "k.sqlite"


@pytest.fixture
def repo(db_path: Path):
    """An empty database of its own, closed after the test."""
    repository = Repository(open_database(db_path))
    yield repository
    repository.db.close()


@pytest.fixture
def app_id(repo: Repository, definition: FormDefinition) -> int:
    """A complete, valid application (51 members) stored in `repo`."""
    return store(repo, build_complete_document(definition), "Klaster Testowy")


# Qt tests ------------------------------------------------------------------------------------------------------
def refuse(monkeypatch: pytest.MonkeyPatch, target: object, names: tuple[str, ...]) -> None:
    """Replace each of `names` on `target` by a function that fails the test: a dialog no one would ever answer."""
    for name in names:

        def fail(*args: object, _name: str = name, **kwargs: object) -> None:
            pytest.fail(f"an unexpected dialog was opened: {_name}{args[1:3] if len(args) > 1 else args}")

        monkeypatch.setattr(target, name, fail)


def refusing_dialogs(module: object, names: tuple[str, ...]) -> Callable[..., None]:
    """An autouse fixture for a test module of a UI part whose dialogs go through small module-level functions
    (which tests replace): `no_modal_dialogs`, and each of `names` of `module` fails the test unless replaced."""

    @pytest.fixture(autouse=True)
    def fixture(monkeypatch: pytest.MonkeyPatch, no_modal_dialogs: None) -> None:
        refuse(monkeypatch, module, names)

    return fixture


@pytest.fixture
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog, message box or file chooser a test did not replace fails the test instead of waiting for a
    click forever. A test replaces the one it expects with its own monkeypatch."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    refuse(monkeypatch, QDialog, ("exec",))
    refuse(monkeypatch, QMessageBox, ("exec", "open", "question", "warning", "information", "critical", "about"))
    refuse(monkeypatch, QFileDialog, ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"))
