"""The window's "Dodaj podpisany wniosek…": from the sending dialog, the signed PDF checked, reported and recorded;
a refused file named; a draft cannot take a signed file. Set KLASTER_SIGNED_SCREENSHOT=path.png for a picture."""

from __future__ import annotations

import os

import pytest
from conftest import build_complete_document, store  # the loaded conftest (tests.conftest would run it twice)

from export.signing.reference import reference_of
from tests.signed_fixtures import SigningCA, pades_sign
from ui import signed_dialog as signed_module
from ui.package_dialog import PackageDialog
from ui.session import Session
from ui.settings import Settings
from ui.signed_dialog import SignedDialog

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@pytest.fixture
def final_session(qtbot, repo, definition):
    app_id = store(repo, build_complete_document(definition), "Klaster Testowy")
    assert repo.finalize(app_id)[1]
    return Session(repo, app_id)


def test_the_sending_dialog_opens_the_signed_dialog(qtbot, final_session, tmp_path, monkeypatch):
    dialog = PackageDialog(final_session, settings=Settings(tmp_path / "settings"))
    qtbot.addWidget(dialog)
    opened = []
    monkeypatch.setattr(signed_module, "signed_dialog", lambda parent, session: opened.append(session))
    assert dialog.signed_button.text() == "Dodaj podpi&sany wniosek…"
    dialog.signed_button.click()
    assert opened == [final_session]


def test_a_signed_pdf_is_checked_reported_and_recorded(qtbot, final_session, tmp_path, monkeypatch):
    ca = SigningCA()
    signer = ca.issue("Jan Kowalski", "Stowarzyszenie Klaster Testowy", qualified=True)
    pdf = reference_of(final_session.repo, final_session.app_id).package_pdf()
    signed = tmp_path / "wniosek_podpisany.pdf"
    signed.write_bytes(pades_sign(pdf, signer))
    unsigned = tmp_path / "wniosek.pdf"
    unsigned.write_bytes(pdf)

    dialog = SignedDialog(final_session)
    qtbot.addWidget(dialog)
    assert "Nie dodano jeszcze podpisanego wniosku." in dialog.report.toPlainText()
    monkeypatch.setattr(signed_module, "choose_files", lambda parent: [str(signed), str(unsigned)])
    dialog.add_button.click()
    text = dialog.report.toPlainText()
    assert "PRZYJĘTO:" in text and "Podpisał(a): Jan Kowalski (Stowarzyszenie Klaster Testowy)" in text
    assert "ODRZUCONO: wniosek.pdf: to niepodpisany wniosek" in text
    assert "NIE został sprawdzony z unijną listą zaufanych" in text
    assert "Zapisane w bazie:" in text
    [recorded] = final_session.repo.signed_files(final_session.app_id)
    assert recorded.file_name == "wniosek_podpisany.pdf" and recorded.qualified

    again = SignedDialog(final_session)
    qtbot.addWidget(again)
    assert "Plik: wniosek_podpisany.pdf (PAdES)" in again.report.toPlainText()
    shot = os.environ.get("KLASTER_SIGNED_SCREENSHOT")
    if shot:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(shot)


def test_a_draft_cannot_take_a_signed_file(qtbot, repo, definition):
    app_id = store(repo, build_complete_document(definition))
    dialog = SignedDialog(Session(repo, app_id))
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
