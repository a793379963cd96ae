"""Renewal into the next round (issue 16): a finalised kkk-2019 application renewed on the kkk-2021 form, field by
field (carried, mapped, dropped with its old content, newly required); the command line and its report PDF."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pypdf
from conftest import store

from app.cli import run
from export.pdf.renewal_report import renewal_report_pdf_bytes
from forms.loader import load_form
from forms.renewal import renew_document
from forms.schema import FormDefinition


def _old(doc):
    doc.set("cluster.kis", ["1", "7"])  # 1 keeps its name on the 13-item list, 7 does not
    doc.set("meta.round", "konkurs 2019")
    return doc


def test_renewal_2019_to_2021_field_by_field(doc):
    old = _old(doc)
    assert old.definition.id == "kkk-2019"
    new, report = renew_document(old, load_form("kkk-2021"), today=dt.date(2026, 3, 1))
    assert new.definition.id == "kkk-2021"
    # carried: same key in both rounds
    for key in ("cluster.name", "coordinator.nip", "contact.email", "hr.staff_description", "members", "hr.staff"):
        assert key in report.carried, key
    assert new.get("cluster.name") == old.get("cluster.name")
    assert len(new.rows("members")) == len(old.rows("members"))
    assert [r.get("nip") for r in new.rows("members")] == [r.get("nip") for r in old.rows("members")]
    assert new.get("meta.application_type") == "odnowienie"
    # mapped: the reference year moves on with the round, the status held is prefilled
    ref = old.get("meta.reference_year")
    mapped = {m.key: m for m in report.mapped}
    assert new.get("meta.reference_year") == min(ref + 2, 2025) and "meta.reference_year" in mapped
    assert new.get("status.round") == "konkurs 2019" and mapped["status.round"].old_key == "meta.round"
    # dropped, with the old content: the KIS of another list, member figures of the old year, declarations
    dropped = {d.key: d for d in report.dropped}
    assert "cluster.kis" in dropped and "Gospodarka o obiegu zamkniętym – woda" in dropped["cluster.kis"].old
    assert new.get("cluster.kis") is None
    assert "members.sales_pln" in dropped and "zł" in dropped["members.sales_pln"].old
    assert all(r.get("sales_pln") is None for r in new.rows("members"))
    assert "declaration.truth" in dropped and new.get("declaration.truth") is None
    assert "signatory.name" in dropped and old.get("signatory.name") in dropped["signatory.name"].old
    # finance: only the years of the new three-year window stay
    assert all(new.get("meta.reference_year") - 3 < r.get("year") for r in new.rows("infra.finance"))
    # newly required: what the new form asks and nothing carried
    required = {key for key, _ in report.newly_required}
    assert {"cluster.kis", "declaration.truth", "signatory.date"} <= required
    assert "cluster.name" not in required


def test_carried_from_maps_a_renamed_key(doc):
    old = _old(doc)
    target = load_form("kkk-2021")
    renamed = FormDefinition(**{**{f: getattr(target, f) for f in target.__dataclass_fields__}})
    object.__setattr__(renamed, "carried_from", {"hr.structure_description": "hr.quality_description"})
    new, report = renew_document(old, renamed, today=dt.date(2026, 3, 1))
    assert new.get("hr.structure_description") == old.get("hr.quality_description")
    assert any(m.key == "hr.structure_description" and m.old_key == "hr.quality_description" for m in report.mapped)


def test_renew_command_into_the_newest_round_and_its_pdf(repo, doc, db_path, tmp_path):
    old_id = store(repo, _old(doc), "Klaster Testowy")
    errors, checksum = repo.finalize(old_id)
    assert errors == [] and checksum
    repo.db.close()
    out_pdf = tmp_path / "raport.pdf"
    lines: list[str] = []
    code = run(["--db", str(db_path), "renew", str(old_id), "--pdf", str(out_pdf)], lines.append)
    assert code == 0
    new_id = int(lines[0])
    assert lines[1] == "Odnowienie: runda kkk-2019 -> kkk-2021"
    assert any(line.startswith("Nieprzeniesione") for line in lines)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(out_pdf.read_bytes())).pages)
    assert "Raport odnowienia w nowej rundzie" in text and "cluster.kis" in text
    listing: list[str] = []
    assert run(["--db", str(db_path), "list"], listing.append) == 0
    row = next(line for line in listing if line.startswith(f"{new_id} "))
    assert "kkk-2021" in row and "odnowienie" in row


def test_renew_within_the_same_round_still_works(repo, doc, db_path):
    old_id = store(repo, _old(doc), "Klaster Testowy")
    repo.db.close()
    lines: list[str] = []
    assert run(["--db", str(db_path), "renew", str(old_id), "--round", "kkk-2019"], lines.append) == 0
    assert len(lines) == 1  # an id, no migration report


def test_new_command_defaults_to_the_newest_round(db_path):
    from models.db import open_database
    from models.repository import Repository

    open_database(db_path).close()
    lines: list[str] = []
    assert run(["--db", str(db_path), "new", "--name", "Nowy klaster"], lines.append) == 0
    repo = Repository(open_database(db_path))
    try:
        info = repo.info(int(lines[0]))
        assert info.form_id == "kkk-2021" and info.kind == "nadanie" and info.name == "Nowy klaster"
    finally:
        repo.db.close()


def test_report_pdf_is_reproducible(doc):
    _, report = renew_document(_old(doc), load_form("kkk-2021"), today=dt.date(2026, 3, 1))
    assert renewal_report_pdf_bytes(report) == renewal_report_pdf_bytes(report)
