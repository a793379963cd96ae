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
