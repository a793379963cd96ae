"""Keyboard all the way: unique mnemonics on every page in Polish and English, "&" from the definition shown as
such, Tab and Shift+Tab leaving a table at its edges (Ctrl+Tab anywhere), the shortcuts page, Enter and Escape in
the dialogs, and a walk through the whole application with the keyboard only."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

from forms.demo import make_demo
from forms.loader import load_form
from tests import ui_lang
from tests.conftest import store
from ui.session import Session
from ui.tables.view import KeyTableView

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
language = ui_lang.language  # the fixture: every test taking `language` runs in Polish and in English
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def demo_window(qtbot, repo):
    from ui.wizard.window import WizardWindow

    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    return w


def page_mnemonics(w, page: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter that works while `page` is shown: menus, navigation, the page's own."""
    found = [(mnemonic(a.text()), a.text()) for a in w.menuBar().actions()]
    found += [(mnemonic(b.text()), b.text()) for b in (w.back_button, w.next_button)]
    for child in page.findChildren(QWidget):
        if not child.isVisibleTo(page):
            continue
        if isinstance(child, QAbstractButton):
            found.append((mnemonic(child.text()), child.text()))
        elif isinstance(child, QLabel) and child.buddy() is not None:
            found.append((mnemonic(child.text()), child.text()))
        elif isinstance(child, QGroupBox):
            found.append((mnemonic(child.title()), child.title()))
    return [(letter, text) for letter, text in found if letter]


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in found:
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def test_mnemonics_are_unique_on_every_page_and_in_every_menu(qtbot, repo, language):
    w = demo_window(qtbot, repo)
    problems = []
    for page_id in w.page_ids():
        w.show_page(page_id)
        twice = duplicates(page_mnemonics(w, w.pages[page_id]))
        if twice:
            problems.append(f"{language} {page_id}: {twice}")
    for menu_action in w.menuBar().actions():
        menu = menu_action.menu()
        twice = duplicates([(mnemonic(a.text()), a.text()) for a in menu.actions() if mnemonic(a.text())])
        if twice:
            problems.append(f"{language} menu {menu.title()}: {twice}")
    assert not problems, "\n".join(problems)


def test_an_ampersand_from_the_definition_is_shown_as_such(qtbot, repo, language):
    w = demo_window(qtbot, repo)
    if language != "en":
        pytest.skip("the definition's '&' texts are English (R&D)")
    texts = []
    for page in w.pages.values():
        for label in page.findChildren(QLabel):
            shown = label.text().replace("&&", "&") if label.buddy() is not None else label.text()
            texts.append(shown)
        texts += [b.text() for b in page.findChildren(QAbstractButton)]
    assert any("R&D" in t for t in texts)
    for page in w.pages.values():
        for label in page.findChildren(QLabel):
            if label.buddy() is not None and "R&D" in label.text().replace("&&", "&"):
                assert "&&" in label.text()  # escaped, so Qt shows "&" and no mnemonic
        for button in page.findChildren(QAbstractButton):
            assert "R&D" not in button.text()  # a check box text would lose its "&"


def test_tab_leaves_a_table_at_its_edges_and_ctrl_tab_anywhere(qtbot, repo):
    w = demo_window(qtbot, repo)
    w.show_page("customer")
    editor = w.pages["customer"].tables["customer.events"]
    view = editor.view
    model = view.model()
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view and view.currentIndex().column() == 2  # inside: next cell
    view.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view  # past the last cell: out
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not view  # before the first cell: out, backwards
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is not view  # Ctrl+Tab from the middle


def test_tab_in_the_editor_of_the_last_cell_commits_and_leaves(qtbot, repo):
    w = demo_window(qtbot, repo)
    w.show_page("customer")
    view = w.pages["customer"].tables["customer.services"].view
    model = view.model()
    last = model.index(model.rowCount() - 1, model.columnCount() - 1)
    view.setFocus()
    view.setCurrentIndex(last)
    view.edit(last)
    editor = QApplication.focusWidget()
    assert editor is not view
    editor.setPlainText("Nowy opis") if hasattr(editor, "setPlainText") else editor.setText("Nowy opis")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert "Nowy opis" in str(model.data(last))
    assert not isinstance(QApplication.focusWidget(), KeyTableView)


def test_shortcuts_page_lists_menu_and_table_keys(qtbot, repo):
    w = demo_window(qtbot, repo)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dialog = w.shortcuts_dialog
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    keys = {r[1] for r in rows}
    assert {"F7", "F8", "Ctrl+Z", "Ctrl+Y", "Ctrl+Tab / Ctrl+Shift+Tab", "Ctrl+Insert"} <= keys
    assert dialog.windowTitle() == "Skróty klawiszowe"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)  # Escape closes, as in Qt's dialogs
    assert not dialog.isVisible()


def test_enter_and_escape_in_the_new_application_dialog(qtbot):
    from ui.dialogs.new_application import NewApplicationDialog

    dialog = NewApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == NewApplicationDialog.DialogCode.Accepted
    dialog = NewApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == NewApplicationDialog.DialogCode.Rejected and not dialog.isVisible()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    target = QApplication.focusWidget()
    qtbot.keyClick(target, key, modifier)
    return QApplication.focusWidget()


def test_walk_the_whole_application_with_the_keyboard_only(qtbot, repo):
    """From the side list, Tab through every page (Ctrl+Tab out of each table) to Dalej, Space on it, on to the
    next page; type into a field on the way; Alt+W and Alt+D move between pages too."""
    w = demo_window(qtbot, repo)
    w.sidebar.setFocus()
    visited = []
    for number, page_id in enumerate(w.page_ids()):
        assert w.current_page_id() == page_id
        page = w.pages[page_id]
        seen_in_page = 0
        target = w.next_button if w.next_button.isEnabled() else w.back_button  # the last page has no Dalej
        for _ in range(800):
            focus = QApplication.focusWidget()
            if focus is target and seen_in_page:
                break
            if isinstance(focus, KeyTableView):
                focus = _press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
            else:
                focus = _press(qtbot, Qt.Key.Key_Tab)
            if focus is not None and page.isAncestorOf(focus):
                seen_in_page += 1
        else:
            pytest.fail(f"the keyboard never reached Dalej on {page_id} (trapped in {QApplication.focusWidget()})")
        assert seen_in_page, f"Tab never entered the page {page_id}"
        visited.append(page_id)
        if number < len(w.page_ids()) - 1:
            qtbot.keyClick(w.next_button, Qt.Key.Key_Space)
    assert visited == w.page_ids()

    # Alt+W (Wstecz) and Alt+D (Dalej), and typing in a field reached by keys only.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.current_page_id() == w.page_ids()[-2], timeout=2000)  # a mnemonic animates a click
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.current_page_id() == w.page_ids()[-1], timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    w.sidebar.setFocus()
    qtbot.keyClick(w.sidebar, Qt.Key.Key_Home)
    assert w.current_page_id() == "general"
    name = w.pages["general"].editors["cluster.name"].edit
    for _ in range(40):
        if _press(qtbot, Qt.Key.Key_Tab) is name:
            break
    assert QApplication.focusWidget() is name
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClicks(name, " bis")
    assert w.session.doc.get("cluster.name").endswith(" bis")
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
