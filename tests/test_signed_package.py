"""The signed application in a package: the PAdES PDF replaces the unsigned one (a XAdES file joins it), the
manifest's `signed` block describes it, and its check on the receiving side passes; tampering with it is named."""

from __future__ import annotations

import pytest
from conftest import build_complete_document, store  # the loaded conftest (tests.conftest would run it twice)

from export.package.builder import build_package
from export.signing import check_files
from export.signing.package import latest_signed, verify_signed
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
    """The package `build_package` makes for a signed application (it includes the recorded signed file)."""
    import json

    result = build_package(repo, app_id, out)
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    return result, result.entries, manifest, lambda name: (result.folder / name).read_bytes()


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


@pytest.mark.parametrize("kind", ["pades", "xades"])
def test_package_and_verify_carry_the_signed_application_end_to_end(repo, signed_app, tmp_path, kind):
    """`package` puts the recorded signed file in, the e-mail says so, and `verify` checks it on the receiving side."""
    import email
    from email import policy

    from export.package.verify import verify_package

    app_id, signer = signed_app
    pdf = reference_of(repo, app_id).package_pdf()
    if kind == "pades":
        (tmp_path / "podpisany.pdf").write_bytes(pades_sign(pdf, signer))
        _record(repo, app_id, tmp_path / "podpisany.pdf")
    else:
        (tmp_path / "wniosek.pdf").write_bytes(pdf)
        (tmp_path / "wniosek.pdf.xades").write_bytes(xades_detached(pdf, "wniosek.pdf", signer))
        _record(repo, app_id, tmp_path / "wniosek.pdf.xades")
    result = build_package(repo, app_id, tmp_path / "out")
    assert result.signed is not None
    report = verify_package(result.zip_path)
    assert report.ok, report.problems
    assert any("Jan Kowalski" in line for line in report.checked)
    from export.package.eml import Letter, write_drafts

    [eml] = write_drafts(result, "", Letter.of(repo.load(app_id), repo.info(app_id)))
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert "Wniosek podpisany elektronicznie" in msg.get_body(("plain",)).get_content()
    # The signed file changed after packaging (manifest and checksum file edited to match) is still named.
    import hashlib
    import json

    signed_name = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))["signed"]["file"]
    target = result.folder / signed_name
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 1
    target.write_bytes(bytes(data))
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(bytes(data)).hexdigest()
    for entry in manifest["files"]:
        if entry["name"] == signed_name:
            entry["sha256"] = digest
    manifest["signed"]["sha256"] = digest
    (result.folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    sums = (result.folder / "SUMY_KONTROLNE.txt").read_text(encoding="utf-8").splitlines()
    fixed = [f"{digest}  {signed_name}" if line.endswith(f"  {signed_name}") else line for line in sums]
    (result.folder / "SUMY_KONTROLNE.txt").write_text("\n".join(fixed) + "\n", encoding="utf-8")
    report = verify_package(result.folder)
    assert not report.ok
