"""`signed ID FILE…` and `signed ID` through the command line: the PDF exported by `pdf`, signed, accepted, printed and
recorded in the database by its hash (kept through deleting other applications); refusals exit 1 with their reason;
the schema's v3 step (the `signature` table) migrates a v2 database keeping its data."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import build_complete_document, store  # the loaded conftest (tests.conftest would run it twice)

from app.cli import run
from models.db import open_database
from models.migrations import APPLICATION_ID, SCHEMA_VERSION, V1, V2
from models.repository import Repository
from tests.signed_fixtures import SigningCA, pades_sign, xades_detached


def cli(*argv: str) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = run([str(a) for a in argv], lines.append)
    return code, lines


@pytest.fixture(scope="module")
def people():
    ca = SigningCA()
    return {"qualified": ca.issue("Jan Kowalski", "Stowarzyszenie Klaster Testowy", qualified=True)}


@pytest.fixture
def final_db(tmp_path, definition):
    path = tmp_path / "k.sqlite"
    repo = Repository(open_database(path))
    app_id = store(repo, build_complete_document(definition), "Klaster Testowy")
    assert repo.finalize(app_id)[1]
    draft = store(repo, build_complete_document(definition), "Roboczy")
    repo.db.close()
    return path, app_id, draft


def test_signed_pdf_exported_by_the_cli_is_accepted_printed_and_recorded(tmp_path, final_db, people, capsys):
    path, app_id, draft = final_db
    pdf = tmp_path / "wniosek.pdf"
    assert cli("--db", path, "pdf", app_id, pdf)[0] == 0
    signed = tmp_path / "wniosek_podpisany.pdf"
    signed.write_bytes(pades_sign(pdf.read_bytes(), people["qualified"]))

    code, lines = cli("--db", path, "signed", app_id, signed)
    text = "\n".join(lines)
    assert code == 0, text + capsys.readouterr().err
    assert lines[0] == "PRZYJĘTO:"
    assert "Podpisał(a): Jan Kowalski (Stowarzyszenie Klaster Testowy)" in text
    assert "Kwalifikowany: kwalifikowany" in text and "ważny w chwili podpisu" in text
    assert "NIE został sprawdzony z unijną listą zaufanych" in lines[-1]

    code, lines = cli("--db", path, "signed", app_id)
    text = "\n".join(lines)
    assert code == 0
    assert "Plik: wniosek_podpisany.pdf (PAdES)" in text and "Podpis 1: Jan Kowalski" in text
    assert "NIE został sprawdzony" in text

    code, lines = cli("--db", path, "--lang", "en", "signed", app_id)
    assert code == 0 and any("Signature 1: Jan Kowalski" in line for line in lines)

    repo = Repository(open_database(path, make_backup=False))
    try:
        [record] = repo.signed_files(app_id)
        assert record.kind == "PAdES" and record.qualified and record.valid_at_signing
        assert repo.file_content(record.file_sha256) == signed.read_bytes()
        repo.delete(draft)  # deleting another application collects unused files: the signed one stays
        assert repo.file_content(record.file_sha256) == signed.read_bytes()
    finally:
        repo.db.close()


def test_the_same_file_twice_is_recorded_once(tmp_path, final_db, people):
    path, app_id, _draft = final_db
    pdf = tmp_path / "w.pdf"
    cli("--db", path, "pdf", app_id, pdf)
    signed = tmp_path / "s.pdf"
    signed.write_bytes(pades_sign(pdf.read_bytes(), people["qualified"]))
    assert cli("--db", path, "signed", app_id, signed)[0] == 0
    assert cli("--db", path, "signed", app_id, signed)[0] == 0
    repo = Repository(open_database(path, make_backup=False, read_only=True))
    try:
        assert len(repo.signed_files(app_id)) == 1
    finally:
        repo.db.close()


def test_detached_xades_with_its_pdf(tmp_path, final_db, people):
    path, app_id, _draft = final_db
    pdf = tmp_path / "wniosek.pdf"
    cli("--db", path, "pdf", app_id, pdf)
    xades = tmp_path / "wniosek.pdf.xades"
    xades.write_bytes(xades_detached(pdf.read_bytes(), "wniosek.pdf", people["qualified"]))
    code, lines = cli("--db", path, "signed", app_id, xades, pdf)
    assert code == 0, lines
    assert "Plik: wniosek.pdf.xades (XAdES (odłączony))" in "\n".join(lines)
    code, lines = cli("--db", path, "signed", app_id)
    assert "Podpisany PDF: wniosek.pdf" in "\n".join(lines)


def test_refusals_exit_1_with_their_reason_and_record_nothing(tmp_path, final_db, people):
    path, app_id, _draft = final_db
    pdf = tmp_path / "wniosek.pdf"
    cli("--db", path, "pdf", app_id, pdf)
    code, lines = cli("--db", path, "signed", app_id, pdf)
    assert code == 1
    assert lines == [
        "ODRZUCONO: wniosek.pdf: to niepodpisany wniosek (PDF bez podpisu elektronicznego PAdES); podpisz go podpisem "
        "kwalifikowanym, zaufanym albo osobistym i dodaj plik podpisany"
    ]
    assert cli("--db", path, "signed", app_id)[1] == [f"Wniosek {app_id}: nie zapisano podpisanego wniosku."]


def test_usage_errors_exit_2(tmp_path, final_db, capsys):
    path, app_id, draft = final_db
    some = tmp_path / "x.pdf"
    some.write_bytes(b"%PDF-1.4")
    assert cli("--db", path, "signed", draft, some)[0] == 2
    assert f"wniosek {draft} nie jest sfinalizowany" in capsys.readouterr().err
    assert cli("--db", path, "signed", app_id, tmp_path / "brak.pdf")[0] == 2
    assert "brak.pdf nie istnieje" in capsys.readouterr().err
    assert cli("--db", path, "signed", 999)[0] == 2
    assert "nie ma wniosku o numerze 999" in capsys.readouterr().err


def test_migration_from_version_2_adds_the_signature_table_and_keeps_data(tmp_path):
    path = tmp_path / "v2.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1)
    conn.executescript(V2)
    conn.execute(
        "INSERT INTO application (id, uuid, name, form_id, form_version, kind, state, version_no, created_at,"
        " updated_at) VALUES (1, 'u-1', 'Stary klaster', 'kkk-2019', 1, 'nadanie', 'draft', 1,"
        " '2024-01-01 10:00:00', '2024-01-01 10:00:00')"
    )
    conn.execute(
        "INSERT INTO value (application_id, key, data) VALUES (1, 'cluster.name', ?)", (json.dumps("Stary klaster"),)
    )
    conn.execute("INSERT INTO blob (sha256, data) VALUES ('ab', x'0102')")
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()

    db = open_database(path)
    try:
        assert SCHEMA_VERSION >= 3
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        repo = Repository(db)
        assert repo.load(1).get("cluster.name") == "Stary klaster"
        assert repo.file_content("ab") == b"\x01\x02"
        cols = {r[1] for r in db.execute_sql("PRAGMA table_info(signature)").fetchall()}
        assert {"application_id", "file_sha256", "file_name", "kind", "signer", "organisation", "signing_time"} <= cols
        assert {"validity", "qualified", "recorded_at", "pdf_sha256"} <= cols
        assert repo.signed_files(1) == []
    finally:
        db.close()


def test_recording_needs_a_final_application(tmp_path, definition):
    from models.repository import RepositoryError

    repo = Repository(open_database(tmp_path / "k.sqlite"))
    try:
        draft = store(repo, build_complete_document(definition))
        with pytest.raises(RepositoryError, match="nie jest sfinalizowany"):
            repo.add_signed_file(
                draft, file_name="x.pdf", content=b"x", sha256="00", kind="PAdES", pdf_sha256="11", signatures=[]
            )
    finally:
        repo.db.close()
