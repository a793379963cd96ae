"""Fewer, clearer controls (issue 13, item 6, and the review page at 200 % scaling): the review's buttons stack on a
narrow page instead of widening the window, the finalise button says in its tooltip what stands in its way, the
new-application dialog offers the newest round by its name and carries it into „Runda konkursu”, and a renewal
starts one way only."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QBoxLayout

from forms.demo import make_demo
from forms.loader import load_form
from tests.conftest import store
from ui.session import Session

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def demo_wizard(qtbot, repo):
    from ui.wizard.window import WizardWindow

    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.show()
    return w


def test_review_buttons_stack_on_a_narrow_page_and_stay_whole(qtbot, repo):
    from ui.wizard.window import REVIEW

    w = demo_wizard(qtbot, repo)
    w.show_page(REVIEW)
    review = w.review
    w.resize(1280, 720)
    settle()
    assert review.button_row.direction() == QBoxLayout.Direction.LeftToRight
    w.resize(512, 350)  # 1024×700 at 200 %
    settle()
    assert w.width() == 512
    assert review.button_row.direction() == QBoxLayout.Direction.TopToBottom
    for button in (review.pdf_button, review.finalize_button):
        assert button.width() >= button.sizeHint().width()  # the text is never cut


# The finalise button says why ------------------------------------------------------------------------------------
def test_the_finalise_tooltip_says_what_blocks_it_and_why_it_is_disabled(qtbot, repo, app_id):
    from ui.wizard.window import REVIEW

    w = demo_wizard(qtbot, repo)  # the demo has errors
    w.show_page(REVIEW)
    button = w.review.finalize_button
    assert button.isEnabled() and "nie można jeszcze sfinalizować" in button.toolTip()
    assert "błęd" in button.toolTip()

    from ui.wizard.window import WizardWindow

    complete = WizardWindow(Session(repo, app_id))  # a complete, valid application
    qtbot.addWidget(complete)
    assert "sumę kontrolną" in complete.review.finalize_button.toolTip()
    assert complete.session.finalize() == []
    complete.session.stateChanged.emit()
    button = complete.review.finalize_button
    assert not button.isEnabled() and "już sfinalizowany" in button.toolTip() and "korekty" in button.toolTip()


# The new-application dialog -------------------------------------------------------------------------------------
def test_new_application_dialog_offers_the_newest_round_first_by_its_name(qtbot):
    from forms.loader import DEFAULT_FORM, available_forms
    from ui.dialogs.new_application import NewApplicationDialog

    dialog = NewApplicationDialog(lang="pl")
    qtbot.addWidget(dialog)
    labels = [dialog.round_combo.itemText(i) for i in range(dialog.round_combo.count())]
    ids = [dialog.round_combo.itemData(i) for i in range(dialog.round_combo.count())]
    years = [load_form(i).round_year for i in ids]
    assert sorted(ids) == available_forms() and years == sorted(years, reverse=True)
    assert dialog.form_id == ids[0] == DEFAULT_FORM
    assert labels[0] == "Konkurs 2021 — najnowsza runda" and labels[1] == "Konkurs 2019"
    assert not any("kkk-" in label for label in labels)  # never the file id
    assert dialog.round_value == "konkurs 2021"
    dialog.select_form("kkk-2019")
    assert dialog.round_value == "konkurs 2019"


@pytest.fixture
def start_window(qtbot, repo, tmp_path, monkeypatch):
    from tests.test_ui_start import FakeWizard
    from ui import start_window as sw
    from ui.settings import Settings
    from ui.start import dialogs as start_dialogs

    monkeypatch.setenv("KLASTER_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setattr(start_dialogs, "make_wizard", FakeWizard)
    w = sw.StartWindow(repo, Settings(tmp_path / "settings"), lang="pl")
    qtbot.addWidget(w)
    w.show()
    return w


def accept_with(monkeypatch, **choices):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.dialogs.new_application import NewApplicationDialog

    seen = {}

    def fill_and_accept(dialog):
        seen["dialog"] = dialog
        seen["sources"] = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
        if "form" in choices:
            assert dialog.select_form(choices["form"])
        dialog.set_kind(choices.get("kind", "nadanie"))
        seen["source_row_shown"] = dialog.source_combo.isVisibleTo(dialog)
        dialog.name_edit.setText(choices.get("name", ""))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(NewApplicationDialog, "exec", fill_and_accept)
    return seen


def test_a_new_application_carries_its_round_into_runda_konkursu(start_window, repo, monkeypatch):
    accept_with(monkeypatch, name="Klaster Nowy")
    app_id = start_window.new_application()
    info = repo.info(app_id)
    assert info.form_id == "kkk-2021" and info.kind == "nadanie"
    assert repo.load(app_id).get("meta.round") == "konkurs 2021"


def test_renewal_from_the_dialog_goes_the_one_renewal_way(start_window, repo, doc, monkeypatch):
    from tests.test_ui_start import Recorder
    from ui.start import dialogs as start_dialogs

    old_id = store(repo, doc, doc.get("cluster.name", ""))  # a kkk-2019 application in the database
    start_window.refresh(old_id)
    calls = []
    actions = start_window.applications
    original = actions.renew_application
    monkeypatch.setattr(actions, "renew_application", lambda *a, **k: calls.append((a, k)) or original(*a, **k))
    monkeypatch.setattr("ui.start.actions.show_renewal_report", Recorder())
    monkeypatch.setattr(start_dialogs, "ask_confirm", Recorder(False))  # never asked again after the dialog
    seen = accept_with(monkeypatch, kind="odnowienie")
    new_id = start_window.new_application()
    assert seen["sources"] == [old_id] and seen["source_row_shown"]
    assert len(calls) == 1 and calls[0][0][0].id == old_id and calls[0][0][1] == "kkk-2021"
    info = repo.info(new_id)
    assert (info.form_id, info.kind, info.parent_id) == ("kkk-2021", "odnowienie", old_id)
    renewed = repo.load(new_id)
    assert len(renewed.rows("members")) == len(doc.rows("members"))  # carried, as Odnowienie… carries
    assert renewed.get("meta.round") == "konkurs 2021"

    # Odnowienie… in the start window takes the same path.
    start_window.refresh(old_id)
    monkeypatch.setattr(start_dialogs, "ask_confirm", Recorder(True))
    start_window.renew_selected()
    assert len(calls) == 2 and calls[1][0][0].id == old_id


def test_without_an_earlier_application_a_renewal_starts_empty(start_window, repo, monkeypatch):
    seen = accept_with(monkeypatch, kind="odnowienie", name="Klaster Odnawiany")
    app_id = start_window.new_application()
    assert seen["sources"] == [] and not seen["source_row_shown"]
    assert seen["dialog"].no_source.isVisibleTo(seen["dialog"])
    info = repo.info(app_id)
    assert info.kind == "odnowienie" and info.parent_id is None
