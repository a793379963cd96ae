"""The signed application brought back: real PAdES (pyHanko) and XAdES (signxml) signatures made with test
certificates, each accepted and reported, and every kind of other content or tampering refused with its own message."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import build_complete_document, store  # the loaded conftest (tests.conftest would run it twice)

from export.signing import PADES, XADES, check_files
from export.signing.certs import qc_statements
from export.signing.reference import reference_of
from models.db import open_database
from models.repository import Repository
from tests.signed_fixtures import (
    SigningCA,
    append_page_change,
    pades_sign,
    xades_detached,
    xades_enveloping,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory, definition):
    """A database with a finalised application, its finalised correction (version 2), and another application."""
    folder = tmp_path_factory.mktemp("signed")
    repo = Repository(open_database(folder / "k.sqlite"))
    first = store(repo, build_complete_document(definition), "Klaster Testowy")
    assert repo.finalize(first)[1]
    second = repo.correct(first)
    repo.set_value(second, "cluster.name", "Klaster Testowy (korekta)")
    assert repo.finalize(second)[1]
    other_doc = build_complete_document(definition)
    other_doc.set("cluster.name", "Inny Klaster")
    other = store(repo, other_doc, "Inny Klaster")
    assert repo.finalize(other)[1]
    ca = SigningCA()
    people = {
        "qualified": ca.issue("Jan Kowalski", "Stowarzyszenie Klaster Testowy", qualified=True),
        "plain": ca.issue("Anna Nowak"),
        "expired": ca.issue("Piotr Dawny", "Stowarzyszenie Klaster Testowy", expired=True),
    }
    refs = {app: reference_of(repo, app) for app in (first, second, other)}
    yield {"repo": repo, "ids": (first, second, other), "people": people, "refs": refs, "folder": folder}
    repo.db.close()


@pytest.fixture
def ref(world):
    return world["refs"][world["ids"][1]]  # the correction: version 2 of the application


@pytest.fixture
def pdf(ref):
    return ref.package_pdf()


def _one(tmp_path: Path, name: str, data: bytes, ref, *more: tuple[str, bytes]):
    paths = []
    for file_name, content in ((name, data), *more):
        (tmp_path / file_name).write_bytes(content)
        paths.append(tmp_path / file_name)
    outcomes = check_files(paths, ref)
    return outcomes[0]


def _refused(tmp_path, name, data, ref, *more) -> str:
    outcome = _one(tmp_path, name, data, ref, *more)
    assert not outcome.ok, outcome.signed and outcome.signed.lines()
    assert outcome.error.startswith(f"{name}: ")
    return outcome.error


# Accepted -------------------------------------------------------------------------------------------------------
def test_pades_with_a_qualified_signature_is_accepted_and_reported(tmp_path, world, ref, pdf):
    signed = pades_sign(pdf, world["people"]["qualified"])
    assert signed.startswith(pdf), "signing appends an incremental update"
    outcome = _one(tmp_path, "wniosek_podpisany.pdf", signed, ref)
    assert outcome.ok, outcome.error
    result = outcome.signed
    assert result.kind == PADES and len(result.signatures) == 1
    sig = result.signatures[0]
    assert sig.signer == "Jan Kowalski" and sig.organisation == "Stowarzyszenie Klaster Testowy"
    assert sig.qualified and "QcCompliance" in sig.qc and "QcSSCD" in sig.qc
    assert sig.valid_at_signing and sig.validity.startswith("ważny w chwili podpisu")
    assert sig.signing_time is not None
    import hashlib

    assert result.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    text = "\n".join(result.lines())
    assert "Podpisał(a): Jan Kowalski (Stowarzyszenie Klaster Testowy)" in text
    assert "zgodny bajt po bajcie" in text


def test_pades_with_two_signatures_reports_both(tmp_path, world, ref, pdf):
    people = world["people"]
    signed = pades_sign(pades_sign(pdf, people["qualified"]), people["plain"], "Podpis2")
    outcome = _one(tmp_path, "dwa_podpisy.pdf", signed, ref)
    assert outcome.ok, outcome.error
    first, second = outcome.signed.signatures
    assert (first.signer, second.signer) == ("Jan Kowalski", "Anna Nowak")
    assert first.qualified and not second.qualified
    assert second.organisation == "" and second.qc.startswith("niekwalifikowany")


def test_an_expired_certificate_is_reported_not_refused(tmp_path, world, ref, pdf):
    outcome = _one(tmp_path, "stary.pdf", pades_sign(pdf, world["people"]["expired"]), ref)
    assert outcome.ok, outcome.error
    sig = outcome.signed.signatures[0]
    assert not sig.valid_at_signing and "NIEWAŻNY w chwili podpisu: certyfikat wygasł" in sig.validity


def test_xades_detached_with_its_pdf_given_or_lying_beside_it(tmp_path, world, ref, pdf):
    xades = xades_detached(pdf, "wniosek.pdf", world["people"]["qualified"])
    outcome = _one(tmp_path, "wniosek.pdf.xades", xades, ref, ("wniosek.pdf", pdf))
    assert outcome.ok, outcome.error
    result = outcome.signed
    assert result.kind == XADES and result.detached and result.pdf_name == "wniosek.pdf" and result.pdf_data == pdf
    assert result.signatures[0].signer == "Jan Kowalski" and result.signatures[0].qualified
    # only the .xades given: the PDF next to it is found by the name the signature gives
    alone = check_files([tmp_path / "wniosek.pdf.xades"], ref)
    assert len(alone) == 1 and alone[0].ok, alone[0].error


def test_xades_detached_alone_when_the_pdf_is_the_package_one(tmp_path, world, ref, pdf):
    outcome = _one(tmp_path, "podpis.xml", xades_detached(pdf, "gdzies/indziej.pdf", world["people"]["plain"]), ref)
    assert outcome.ok, outcome.error  # its digest is the one of the PDF Klaster builds for this version


def test_xades_enveloping_is_accepted(tmp_path, world, ref, pdf):
    outcome = _one(tmp_path, "wniosek.xml", xades_enveloping(pdf, world["people"]["plain"]), ref)
    assert outcome.ok, outcome.error
    assert outcome.signed.kind == XADES and not outcome.signed.detached
    assert outcome.signed.signatures[0].signer == "Anna Nowak"


def test_qc_statements_parsed(world):
    assert qc_statements(world["people"]["qualified"].cert).qualified
    plain = qc_statements(world["people"]["plain"].cert)
    assert not plain.qualified and not plain.present


# Refused --------------------------------------------------------------------------------------------------------
def test_a_byte_changed_inside_the_signed_range(tmp_path, world, ref, pdf):
    signed = bytearray(pades_sign(pdf, world["people"]["qualified"]))
    signed[2000] ^= 0x01
    error = _refused(tmp_path, "zmieniony.pdf", bytes(signed), ref)
    assert "bajty objęte podpisem zostały zmienione" in error


def test_a_revision_appended_after_signing(tmp_path, world, ref, pdf):
    signed = append_page_change(pades_sign(pdf, world["people"]["qualified"]))
    error = _refused(tmp_path, "dopisany.pdf", signed, ref)
    assert "dopisano do pliku zmiany, których PAdES nie dopuszcza" in error


def test_bytes_appended_after_signing(tmp_path, world, ref, pdf):
    signed = pades_sign(pdf, world["people"]["qualified"]) + b"\n1 0 obj\n(dopisek)\nendobj\n"
    error = _refused(tmp_path, "dopisek.pdf", signed, ref)
    assert "po podpisaniu dopisano do pliku treść" in error


def test_broken_signature_bytes(tmp_path, world, ref, pdf):
    signed = bytearray(pades_sign(pdf, world["people"]["qualified"]))
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    signed[start + 40 : start + 200] = b"0" * 160  # the CMS structure itself
    error = _refused(tmp_path, "zepsuty_podpis.pdf", bytes(signed), ref)
    assert "jest uszkodzony" in error


def test_another_versions_pdf_signed(tmp_path, world, ref):
    first = world["refs"][world["ids"][0]]
    error = _refused(tmp_path, "wersja1.pdf", pades_sign(first.package_pdf(), world["people"]["qualified"]), ref)
    assert "inna wersja tego wniosku: wersja 1" in error and "a nie wersja 2" in error


def test_another_applications_pdf_signed(tmp_path, world, ref):
    other = world["refs"][world["ids"][2]]
    error = _refused(tmp_path, "inny.pdf", pades_sign(other.package_pdf(), world["people"]["qualified"]), ref)
    assert "inny wniosek" in error and "Inny Klaster" in error


def test_a_re_exported_pdf_signed(tmp_path, world, ref, pdf):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    buffer = io.BytesIO()
    writer.write(buffer)
    error = _refused(tmp_path, "ponownie.pdf", pades_sign(buffer.getvalue(), world["people"]["qualified"]), ref)
    assert "nie jest plikiem zbudowanym przez Klaster" in error and "zapisany na" in error


def test_the_summary_signed_instead_of_the_application(tmp_path, world, ref):
    from export.pdf import summary_pdf_bytes

    info = ref.info
    summary = summary_pdf_bytes(ref.doc, info, today=info.finalized_at.date())
    error = _refused(tmp_path, "podsumowanie.pdf", pades_sign(summary, world["people"]["plain"]), ref)
    assert "Podsumowanie" in error and "a nie wniosek" in error


def test_a_plain_unsigned_pdf(tmp_path, ref, pdf):
    error = _refused(tmp_path, "wniosek.pdf", pdf, ref)
    assert "to niepodpisany wniosek" in error


def test_an_unsigned_foreign_pdf(tmp_path, ref):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(100, 700, "cokolwiek")
    c.save()
    error = _refused(tmp_path, "obcy.pdf", buffer.getvalue(), ref)
    assert "PDF bez podpisu elektronicznego" in error and "nie jest wniosek zapisany przez Klaster" in error


def test_xades_of_another_file(tmp_path, world, ref, pdf):
    xades = xades_detached(pdf + b"\n% inny plik\n", "wniosek.pdf", world["people"]["qualified"])
    error = _refused(tmp_path, "wniosek.xades", xades, ref, ("wniosek.pdf", pdf))
    assert "podpis XAdES dotyczy innego pliku niż „wniosek.pdf”" in error


def test_xades_whose_pdf_is_missing(tmp_path, world, ref, pdf):
    xades = xades_detached(pdf + b"%", "brak.pdf", world["people"]["qualified"])
    error = _refused(tmp_path, "brak.xades", xades, ref)
    assert "odnosi się do pliku „brak.pdf”, którego nie podano" in error


def test_xades_of_another_version(tmp_path, world, ref):
    first = world["refs"][world["ids"][0]].package_pdf()
    xades = xades_enveloping(first, world["people"]["qualified"])
    error = _refused(tmp_path, "v1.xml", xades, ref)
    assert "inna wersja tego wniosku" in error


def test_xades_with_a_broken_signature_value(tmp_path, world, ref, pdf):
    import re

    xades = xades_enveloping(pdf, world["people"]["qualified"])
    broken = re.sub(rb"(<ds:SignatureValue>)(.)", lambda m: m.group(1) + (b"B" if m.group(2) != b"B" else b"C"), xades)
    error = _refused(tmp_path, "zepsuty.xml", broken, ref)
    assert "podpis XAdES jest uszkodzony" in error


def test_xades_with_changed_enveloped_content(tmp_path, world, ref, pdf):
    xades = xades_enveloping(pdf, world["people"]["qualified"])
    start = xades.index(b'Id="object">') + len(b'Id="object">')
    changed = xades[:start] + (b"A" if xades[start : start + 1] != b"A" else b"B") + xades[start + 1 :]
    error = _refused(tmp_path, "zmieniony.xml", changed, ref)
    assert "podpis XAdES" in error and ("zmieniona" in error or "uszkodzony" in error)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("pusty.pdf", b"", "plik jest pusty"),
        ("notatka.txt", b"to tylko tekst", "ani PDF z podpisem PAdES, ani plik XAdES"),
        ("baza.sqlite", b"SQLite format 3\x00" + bytes(100), "ani PDF z podpisem PAdES, ani plik XAdES"),
        ("uciety.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "uszkodzony plik PDF"),
        ("zly.xml", b"<?xml version='1.0'?><a><b></a>", "uszkodzony plik XML"),
        ("bez_podpisu.xml", b"<?xml version='1.0'?><wniosek/>", "to nie jest podpis XAdES"),
        ("bomba.xml", b"<!DOCTYPE a [<!ENTITY x 'xxxxxxxx'>]><a>&x;&x;</a>", "to nie jest podpis XAdES"),
    ],
)
def test_files_that_are_no_signed_application(tmp_path, ref, name, data, expected):
    assert expected in _refused(tmp_path, name, data, ref)


def test_a_damaged_signed_pdf(tmp_path, world, ref, pdf):
    signed = pades_sign(pdf, world["people"]["qualified"])
    error = _refused(tmp_path, "polowa.pdf", signed[: len(signed) // 2], ref)
    assert "niepodpisany" not in error  # half of it: no signature found, the first half is not a whole PDF either


def test_a_huge_file_is_refused_before_reading(tmp_path, ref):
    from export.signing import MAX_SIGNED_BYTES

    path = tmp_path / "ogromny.pdf"
    with open(path, "wb") as fh:
        fh.truncate(MAX_SIGNED_BYTES + 1)  # sparse: nothing is written or read
    [outcome] = check_files([path], ref)
    assert not outcome.ok and "więcej niż" in outcome.error


def test_english_messages(tmp_path, ref, pdf):
    from klaster.messages import set_language

    set_language("en")
    try:
        error = _refused(tmp_path, "wniosek.pdf", pdf, ref)
    finally:
        set_language("pl")
    assert "this is the unsigned application" in error
