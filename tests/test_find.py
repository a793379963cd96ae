"""Find (Edycja › Znajdź, Ctrl+F) across fields, tables and help texts, blind to case and Polish letters, with the
place of each result and Enter going there; the same matching in the table filter (forms.search.fold)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forms.demo import make_demo
from forms.loader import load_form
from forms.search import fold, matches
from tests.conftest import store
from tests.test_ui_wizard import open_wizard, type_text

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def test_fold_ignores_case_and_polish_letters():
    assert fold("Łódź") == "lodz" and fold("KUŹNIA  Matrycowa") == "kuznia matrycowa"
    assert matches("kuznia", "Kuźnia Matrycowa") and matches("lodz", "ul. Łódzka 5") and matches("ŁÓDŹ", "łódź")
    assert matches("zazolc gesla", "Zażółć gęślą jaźń") and not matches("kuznia", "Kuźnica")
    assert matches("", "cokolwiek")


@pytest.fixture
def window(qtbot, repo):
    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = open_wizard(qtbot, repo, app_id)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    return w


def test_find_with_and_without_diacritics_and_go_there(qtbot, window):
    w = window
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = w.find_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit, timeout=2000)
    plain = dialog.run("kuznia")
    polish = dialog.run("Kuźnia")
    assert plain and [h.place for h in plain] == [h.place for h in polish]
    hit = next(h for h in plain if h.table == "members")
    assert "Kuźnia" in hit.text and "Członkowie klastra" in hit.place and "wiersz" in hit.place
    type_text(qtbot, dialog.edit, "kuznia matrycowa")
    assert dialog.results.topLevelItemCount() >= 1
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter: the first result
    assert w.current_page_id() == "members"
    table = w.pages["members"].tables["members"]
    current = table.proxy.mapToSource(table.view.currentIndex())
    assert "Kuźnia" in w.session.doc.rows("members")[current.row()].get("name")


def test_find_reaches_fields_and_help_texts(window):
    w = window
    w.show_find()
    dialog = w.find_dialog
    name = w.session.doc.get("cluster.name")
    hits = dialog.run(fold(name))  # the field's value typed without Polish letters
    assert any(h.field == "cluster.name" for h in hits)
    criterion = next(c for s in w.session.definition.sections for c in s.criteria if c.help)
    words = fold(criterion.help.get("pl")).split()[:3]  # a criterion's help text, typed without Polish letters
    helps = dialog.run(" ".join(words))
    assert helps
    dialog.go(next(i for i in [dialog.results.topLevelItem(0)]))
    assert w.current_page_id() == helps[0].page
    assert dialog.run("") == [] and dialog.results.topLevelItemCount() == 0


def test_table_filter_ignores_polish_letters(window):
    table = window.pages["members"].tables["members"]
    total = table.proxy.rowCount()
    table.filter_edit.setText("kuznia")
    shown = table.proxy.rowCount()
    assert 1 <= shown < total
    table.filter_edit.setText("KUŹNIA")
    assert table.proxy.rowCount() == shown
    table.filter_edit.clear()
    assert table.proxy.rowCount() == total
