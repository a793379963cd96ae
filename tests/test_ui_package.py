"""The GUI for sending: the package dialog (build, size against the limit, split, e-mail draft, fallback) and the
versions dialog (compare two versions, export the "zestawienie zmian")."""

from __future__ import annotations

import email
import email.policy

import pytest

from forms.demo import make_demo
from forms.loader import load_form
from tests.conftest import store
from ui import package_dialog as package_module
from ui import versions_dialog as versions_module
from ui.package_dialog import PackageDialog
from ui.session import Session
from ui.settings import Settings
from ui.versions_dialog import VersionsDialog

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@pytest.fixture
def final_session(qtbot, repo):
    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    app_id = store(repo, doc)
    repo.finalize(app_id)
    return Session(repo, app_id)


def test_package_dialog_builds_writes_eml_and_opens_mail(qtbot, final_session, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(package_module, "open_url", lambda url: opened.append(url.toString()) or True)
    dialog = PackageDialog(final_session, settings=Settings(tmp_path / "settings"))
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.to.setText("klastry@example.gov.pl")
    result = dialog.build()
    assert result is not None and result.zip_path.exists() and not result.draft
    assert len(dialog.emls) == 1
    parsed = email.message_from_bytes(dialog.emls[0].read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "klastry@example.gov.pl" and parsed["X-Unsent"] == "1"
    assert "Razem:" in dialog.report.toPlainText()
    assert not dialog.split_button.isEnabled()  # well under 20 MB
    dialog.open_mail()
    assert opened == [dialog.emls[0].as_uri()]
    assert Settings(tmp_path / "settings").get("ministry_email") == "klastry@example.gov.pl"


def test_package_over_the_limit_offers_a_split_and_falls_back_to_mailto(qtbot, final_session, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(package_module, "open_url", lambda url: opened.append(url.toString()) or False)
    dialog = PackageDialog(final_session, settings=Settings(tmp_path / "settings"))
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.limit.setValue(1)
    dialog.build()
    dialog.limit.setMinimum(0)
    dialog.limit.setDecimals(2)
    dialog.limit.setValue(0.4)  # the application PDF alone is about 0.32 MB as e-mail
    result = dialog.build()
    assert result.over_limit and dialog.split_button.isEnabled()
    result = dialog.build(split=True)
    assert len(result.parts) >= 2 and len(dialog.emls) == len(result.parts)
    dialog.open_mail()  # the mail program does not open: mailto and the folder instead
    assert any(url.startswith("mailto:") for url in opened)
    assert opened[-1].startswith("file://")


def test_versions_dialog_compares_and_exports_changes(qtbot, final_session, tmp_path, monkeypatch):
    repo = final_session.repo
    new_id = final_session.make_correction()
    doc = repo.load(new_id)
    doc.set("cluster.name", "Klaster po korekcie")
    repo.save_document(new_id, doc)
    dialog = VersionsDialog(Session(repo, new_id))
    qtbot.addWidget(dialog)
    assert dialog.old.count() == 2 and dialog.old.currentIndex() == 0 and dialog.new.currentIndex() == 1
    assert len(dialog.changes) == 1 and dialog.changes[0].key == "cluster.name"
    assert dialog.tree.topLevelItemCount() == 1
    target = tmp_path / "zmiany.pdf"
    monkeypatch.setattr(versions_module, "choose_pdf_path", lambda parent, suggested: str(target))
    assert dialog.export_pdf() == target
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Zestawienie zmian" in text and "Klaster po korekcie" in text
    assert repo.info(new_id).name == "Klaster po korekcie"
    assert final_session.info.checksum in text.replace("\n", "")
