"""The signed application in a package: the PAdES PDF replaces the unsigned one (a XAdES file joins it), the
manifest's `signed` block describes it, and its check on the receiving side passes; tampering with it is named."""

from __future__ import annotations

import pytest
from conftest import build_complete_document, store  # the loaded conftest (tests.conftest would run it twice)

from export.package.builder import build_package
from export.signing import check_files
from export.signing.package import include_signed, latest_signed, verify_signed
from export.signing.records import record
from export.signing.reference import reference_of
from tests.signed_fixtures import SigningCA, pades_sign, xades_detached


@pytest.fixture
def signed_app(repo, definition, tmp_path):
    app_id = store(repo, build_complete_document(definition), "Klaster Testowy")
    assert repo.finalize(app_id)[1]
    signer = SigningCA().issue("Jan Kowalski", "Stowarzyszenie Klaster Testowy", qualified=True)
    return app_id, signer


def _record(repo, app_id, path):
    [outcome] = check_files([path], reference_of(repo, app_id))
    assert outcome.ok, outcome.error
    record(repo, app_id, outcome.signed)


def _signed_package(repo, app_id, out):
    result = build_package(repo, app_id, out)
    entries, meta = include_signed(result.folder, result.entries, latest_signed(repo, app_id))
    manifest = {"checksum": result.checksum, **meta}
    return result, entries, manifest, lambda name: (result.folder / name).read_bytes()


def test_a_pades_package_carries_and_verifies_the_signed_pdf(repo, signed_app, tmp_path):
    app_id, signer = signed_app
    pdf = reference_of(repo, app_id).package_pdf()
    (tmp_path / "podpisany.pdf").write_bytes(pades_sign(pdf, signer))
    _record(repo, app_id, tmp_path / "podpisany.pdf")
    result, entries, manifest, read = _signed_package(repo, app_id, tmp_path / "out")
    app = next(e for e in entries if e.role == "application_pdf")
    assert read(app.name) == (tmp_path / "podpisany.pdf").read_bytes()  # the signed PDF replaced the unsigned one
    assert manifest["signed"]["signatures"][0]["signer"] == "Jan Kowalski" and manifest["signed"]["kind"] == "PAdES"
    checked, problems = verify_signed(manifest, read)
    assert problems == [] and "Jan Kowalski" in checked[0]
    assert (
        "Jan Kowalski (Stowarzyszenie Klaster Testowy), certyfikat kwalifikowany"
        in latest_signed(repo, app_id).summary()
    )

    data = bytearray(read(app.name))
    data[3000] ^= 1
    (result.folder / app.name).write_bytes(bytes(data))
    _checked, problems = verify_signed(manifest, read)
    assert problems and "bajty objęte podpisem zostały zmienione" in problems[0]

    (result.folder / app.name).write_bytes((tmp_path / "podpisany.pdf").read_bytes() + b"\n% dopisek\n")
    _checked, problems = verify_signed(manifest, read)
    assert problems and "dopisano do pliku treść" in problems[0]


def test_a_xades_package_keeps_the_pdf_and_adds_the_signature(repo, signed_app, tmp_path):
    app_id, signer = signed_app
    pdf = reference_of(repo, app_id).package_pdf()
    (tmp_path / "wniosek.pdf").write_bytes(pdf)
    (tmp_path / "wniosek.pdf.xades").write_bytes(xades_detached(pdf, "wniosek.pdf", signer))
    _record(repo, app_id, tmp_path / "wniosek.pdf.xades")
    _result, entries, manifest, read = _signed_package(repo, app_id, tmp_path / "out")
    assert [e.role for e in entries].count("signature") == 1
    checked, problems = verify_signed(manifest, read)
    assert problems == [] and checked


def test_a_signature_on_other_content_is_named(repo, signed_app, definition, tmp_path):
    app_id, signer = signed_app
    pdf = reference_of(repo, app_id).package_pdf()
    (tmp_path / "podpisany.pdf").write_bytes(pades_sign(pdf, signer))
    _record(repo, app_id, tmp_path / "podpisany.pdf")
    _result, _entries, manifest, read = _signed_package(repo, app_id, tmp_path / "out")
    manifest["checksum"] = "0" * 64  # the package's data are other data than the signed PDF's
    _checked, problems = verify_signed(manifest, read)
    assert problems and "podpis dotyczy innych danych" in problems[0]


def test_an_unsigned_package_has_nothing_to_check():
    assert verify_signed({"checksum": "0" * 64}, lambda name: b"") == ([], [])
