"""The wizard driven as a user would: editors, section statuses, review entries that jump to their place,
finalising and a correction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from forms.demo import make_demo
from forms.loader import load_form
from forms.progress import COMPLETE, HAS_ERRORS, IN_PROGRESS, NOT_STARTED
from models.repository import Repository
from tests.conftest import store
from ui.session import Session
from ui.wizard import window as window_module
from ui.wizard.window import REVIEW, WizardWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def open_wizard(qtbot, repo: Repository, app_id: int) -> WizardWindow:
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.show()
    return w


def status_of(w: WizardWindow, section_id: str) -> str:
    return next(p.status for p in w.session.sections if p.section.id == section_id)


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would; Polish letters go as key events with their text (keyClicks aborts on them)."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def test_filling_the_general_part_through_the_editors(qtbot, repo):
    app_id = repo.create("kkk-2019")
    w = open_wizard(qtbot, repo, app_id)
    assert status_of(w, "general") == NOT_STARTED
    page = w.pages["general"]
    type_text(qtbot, page.editors["cluster.name"].edit, "Klaster Łódzki")
    qtbot.waitUntil(lambda: status_of(w, "general") == IN_PROGRESS, timeout=2000)
    assert w.session.doc.get("cluster.name") == "Klaster Łódzki"

    # A wrong NIP is marked beside the field as it is typed.
    nip = page.editors["coordinator.nip"]
    type_text(qtbot, nip.edit, "5261040829")
    assert not page.editors["coordinator.city"].has_visible_problem()  # missing items wait until the page is left
    qtbot.waitUntil(lambda: nip.has_visible_problem(), timeout=2000)
    assert "cyfra kontrolna" in nip._message.text()
    qtbot.keyClick(nip.edit, Qt.Key.Key_Backspace)
    type_text(qtbot, nip.edit, "8")
    qtbot.waitUntil(lambda: not nip.has_visible_problem(), timeout=2000)

    # Money typed the Polish way.
    year = page.editors["meta.reference_year"]
    type_text(qtbot, year.edit, "2025")
    assert w.session.doc.get("meta.reference_year") == 2025

    # Everything reaches the database.
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=2000)
    stored = repo.load(app_id)
    assert stored.get("cluster.name") == "Klaster Łódzki"
    assert stored.get("coordinator.nip") == "5261040828"
    assert w.save_label.text().startswith("Zapisano o ")

    # After leaving the page, the empty required fields are marked too.
    w.next()
    assert page.editors["coordinator.city"].has_visible_problem()
    assert "do uzupełnienia" in page.editors["coordinator.city"]._message.text()


def test_fix_problems_from_the_review_page_then_finalise_and_correct(qtbot, repo, monkeypatch):
    app_id = store(repo, make_demo(load_form("kkk-2019"), members=60))
    w = open_wizard(qtbot, repo, app_id)
    assert status_of(w, "members") == HAS_ERRORS
    assert status_of(w, "policy") == IN_PROGRESS  # only a missing text: not a mistake
    assert status_of(w, "hr") == COMPLETE

    w.show_page(REVIEW)
    assert w.review.finalize_button.isEnabled()  # never a silent grey button: a refusal says what blocks it
    refusals = []
    monkeypatch.setattr(window_module, "show_refused", lambda parent, text, lines: refusals.append((text, lines)))
    qtbot.mouseClick(w.review.finalize_button, Qt.MouseButton.LeftButton)
    assert refusals and "1 brak i 2 błędy" in refusals[0][0] and len(refusals[0][1]) == 3
    assert not w.session.read_only
    items = w.review.problem_items()
    assert len(items) == 3

    # The empty required text: activating the entry opens its page and focuses the field.
    text_item = next(i for i in items if "KIS" in i.text(0))
    w.review.tree.itemActivated.emit(text_item, 0)
    assert w.current_page_id() == "policy"
    editor = w.pages["policy"].editors["policy.kis_justification"]
    qtbot.waitUntil(lambda: editor.edit.hasFocus(), timeout=2000)
    editor.edit.setPlainText("Specjalizacja klastra wpisuje się w KIS 8 i KIS 11.")
    qtbot.waitUntil(lambda: status_of(w, "policy") == COMPLETE, timeout=2000)

    # The NIP in the member register: the entry focuses the very cell.
    w.show_page(REVIEW)
    nip_item = next(i for i in w.review.problem_items() if i.text(0).endswith("NIP"))
    problem = nip_item.data(0, Qt.ItemDataRole.UserRole)
    w.review.tree.itemActivated.emit(nip_item, 0)
    assert w.current_page_id() == "members"
    table = w.pages["members"].tables["members"]
    current = table.proxy.mapToSource(table.view.currentIndex())
    assert current.row() == problem.row
    assert table.model.headerData(current.column(), Qt.Orientation.Horizontal).startswith("NIP")
    from stdnum.pl import nip as std_nip

    bad = w.session.doc.rows("members")[problem.row].get("nip")
    fixed = next(bad[:9] + str(d) for d in range(10) if std_nip.is_valid(bad[:9] + str(d)))
    assert table.model.setData(current, fixed, Qt.ItemDataRole.EditRole)

    # The export above sales.
    w.show_page(REVIEW)
    export_item = w.review.problem_items()[0]
    problem = export_item.data(0, Qt.ItemDataRole.UserRole)
    assert problem.code == "column_le"
    w.review.tree.itemActivated.emit(export_item, 0)
    current = table.proxy.mapToSource(table.view.currentIndex())
    sales = w.session.doc.rows("members")[problem.row].get("sales_pln")
    half = (sales / 2).quantize(Decimal("0.01"))
    assert table.model.setData(current, f"{half}".replace(".", ","), Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: status_of(w, "members") == COMPLETE, timeout=2000)

    w.show_page(REVIEW)
    assert w.review.problem_items() == []
    assert w.review.finalize_button.isEnabled()
    monkeypatch.setattr(window_module, "ask_finalize", lambda parent, checksum: True)
    qtbot.mouseClick(w.review.finalize_button, Qt.MouseButton.LeftButton)
    assert w.session.read_only
    assert repo.info(app_id).state == "final"
    assert w.banner.isVisible() and "Suma kontrolna" in w.banner.text()
    assert (
        not w.pages["general"].editors["cluster.name"].edit.isEnabled()
        or w.pages["general"].editors["cluster.name"].edit.isReadOnly()
    )

    with qtbot.waitSignal(w.correctionCreated) as created:
        qtbot.mouseClick(w.review.correction_button, Qt.MouseButton.LeftButton)
    new_id = created.args[0]
    info = repo.info(new_id)
    assert (info.state, info.version_no, info.parent_id) == ("draft", 2, app_id)
    assert repo.load(new_id).checksum() == repo.info(app_id).checksum


def test_back_next_and_sidebar_navigation(qtbot, repo):
    app_id = repo.create("kkk-2021")
    w = open_wizard(qtbot, repo, app_id)
    ids = w.page_ids()
    assert ids[-1] == REVIEW and "resources" in ids and "hr" not in ids
    assert not w.back_button.isEnabled()
    for expected in ids[1:]:
        qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
        assert w.current_page_id() == expected
    assert not w.next_button.isEnabled()
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.current_page_id() == ids[-2]
    w.sidebar.setCurrentRow(2)
    assert w.current_page_id() == ids[2]


def test_applies_if_hides_and_shows_a_field(qtbot, repo):
    app_id = repo.create("kkk-2019")
    w = open_wizard(qtbot, repo, app_id)
    page = w.pages["hr"]
    date_editor = page.editors["hr.cluster_label_date"]
    assert not page.forms["hr.cluster_label_date"].isRowVisible(date_editor)
    label = page.editors["hr.cluster_label"]
    label.combo.setCurrentIndex(label.combo.findData("gold"))
    label.combo.activated.emit(label.combo.currentIndex())
    assert page.forms["hr.cluster_label_date"].isRowVisible(date_editor)


def test_long_text_counter_and_limit(qtbot, repo):
    app_id = repo.create("kkk-2019")
    w = open_wizard(qtbot, repo, app_id)
    editor = w.pages["general"].editors["cluster.description"]
    limit = editor.fdef.max_length
    editor.edit.setPlainText("ż" * (limit + 5))
    assert editor.counter.text().startswith(f"{limit + 5} / {limit}")
    qtbot.waitUntil(lambda: editor.has_visible_problem(), timeout=2000)
    assert "za długi tekst" in editor._message.text()
    huge = "x" * 100_000
    editor.edit.setPlainText(huge)
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
    from forms.limits import MAX_LONG_TEXT

    assert len(repo.load(app_id).get("cluster.description")) == MAX_LONG_TEXT  # the program's limit, never a failure


def test_attachments_are_copied_into_the_database(qtbot, repo, tmp_path):
    import hashlib

    app_id = repo.create("kkk-2019")
    w = open_wizard(qtbot, repo, app_id)
    page = w.pages["attachments"]
    agreement = tmp_path / "umowa_klastra_2018.pdf"
    agreement.write_bytes(b"%PDF-1.4 umowa " * 50)
    strategy = tmp_path / "Strategia rozwoju.docx"
    strategy.write_bytes(b"strategia " * 80)
    assert page.add_files([agreement, strategy]) == 2
    rows = w.session.doc.rows("attachments")
    assert [r.get("kind") for r in rows] == ["agreement", "strategy"]
    assert rows[0].get("sha256") == hashlib.sha256(agreement.read_bytes()).hexdigest()
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=2000)
    agreement.unlink()  # the application no longer depends on where the file was
    stored = repo.load(app_id)
    assert stored.files[rows[0].get("sha256")] == b"%PDF-1.4 umowa " * 50
    assert [r.get("file_name") for r in stored.rows("attachments")] == [
        "umowa_klastra_2018.pdf",
        "Strategia rozwoju.docx",
    ]
