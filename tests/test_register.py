"""A register one can work in (issue 13, item 5): the member name stays in place while the register scrolls
sideways, a wrong cell carries an icon, a clear colour and a frame, its message in the tooltip and in the status bar,
the columns one hides stay hidden the next time, and an empty register explains and offers both ways to fill it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from forms.demo import make_demo
from forms.loader import DEFAULT_FORM, load_form
from tests.conftest import store
from ui.session import Session
from ui.settings import Settings
from ui.tables.frozen import FrozenTableView
from ui.tables.model import ERROR_COLOURS

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("KLASTER_SETTINGS_DIR", str(tmp_path / "settings"))


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def open_members(qtbot, repo, app_id):
    from ui.wizard.window import WizardWindow

    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.show_page("members")
    settle()
    return w, w.pages["members"].tables["members"]


@pytest.fixture
def demo_id(repo):
    return store(repo, make_demo(load_form(DEFAULT_FORM)), "Demo")


def test_the_name_column_stays_while_the_register_scrolls_sideways(qtbot, repo, demo_id):
    w, editor = open_members(qtbot, repo, demo_id)
    view = editor.view
    assert isinstance(view, FrozenTableView)
    frozen = view.frozen
    assert frozen.isVisible() and frozen.model() is view.model() and frozen.selectionModel() is view.selectionModel()
    assert [c for c in range(view.model().columnCount()) if not frozen.isColumnHidden(c)] == [0]
    before = frozen.geometry()
    name = view.model().index(0, 0).data()
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0  # 17 columns do not fit: the register scrolls inside itself
    bar.setValue(bar.maximum())
    settle()
    assert frozen.geometry() == before and frozen.isVisible()
    assert view.columnViewportPosition(0) < 0  # the main view's own first column scrolled away ...
    assert frozen.columnViewportPosition(0) == 0  # ... the overlay's did not
    assert frozen.indexAt(QPoint(5, 5)).data() == name
    assert frozen.width() == view.columnWidth(0) >= 40 * view.fontMetrics().averageCharWidth()
    view.verticalScrollBar().setValue(60)  # and it follows the rows up and down
    settle()
    assert frozen.verticalScrollBar().value() == 60
    assert frozen.rowAt(10) == view.rowAt(10)


def test_a_cell_scrolled_to_is_never_hidden_under_the_name_column(qtbot, repo, demo_id):
    w, editor = open_members(qtbot, repo, demo_id)
    view = editor.view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    settle()
    editor.focus_cell(5, "nip")  # left of what is shown: scrolled back to just right of the frozen column
    settle()
    assert view.visualRect(view.currentIndex()).left() >= view.frozen.width()


def test_the_name_cell_is_edited_on_the_overlay_and_tab_carries_on(qtbot, repo, demo_id):
    w, editor = open_members(qtbot, repo, demo_id)
    view = editor.view
    editor.focus_cell(2, "name")
    view.edit(view.currentIndex())
    settle()
    typing = QApplication.focusWidget()
    assert typing is not None and typing.parentWidget() is view.frozen.viewport()  # seen, not under the overlay
    typing.setText("Zmieniona Nazwa sp. z o.o.")
    qtbot.keyClick(typing, Qt.Key.Key_Tab)
    settle()
    assert w.session.doc.rows("members")[2].get("name") == "Zmieniona Nazwa sp. z o.o."
    assert view.currentIndex().column() == 1 and view.currentIndex().row() == 2


def wrong_cell(session):
    definition = session.definition
    table = definition.table("members")
    for (key, row, column), problems in session.problems.by_cell.items():
        if key == "members" and any(p.is_mistake for p in problems):
            return row, column, [i for i, c in enumerate(table.columns) if c.key == column][0], problems
    raise AssertionError("the demo has no wrong member cell")


def test_a_wrong_cell_has_icon_colour_tooltip_and_status_text(qtbot, repo, demo_id):
    w, editor = open_members(qtbot, repo, demo_id)
    row, key, column, problems = wrong_cell(w.session)
    message = next(p for p in problems if p.is_mistake).message.get("pl")
    index = editor.model.index(row, column)
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == ERROR_COLOURS[True][0]
    assert message in index.data(Qt.ItemDataRole.ToolTipRole)
    fine = editor.model.index(0 if row else 1, 0)
    assert fine.data(Qt.ItemDataRole.DecorationRole) is None
    editor.view.viewport().grab()  # the delegate paints the frame of the wrong cell

    editor.focus_cell(row, key)
    settle()
    status = w.statusBar().currentMessage()
    assert message in status and "wiersz" in status
    editor.focus_cell(0 if row else 1, "name")
    settle()
    assert w.statusBar().currentMessage() == ""


def test_the_column_choice_survives_reopening(qtbot, repo, demo_id):
    w, editor = open_members(qtbot, repo, demo_id)
    regon = editor.model.column_of("regon")
    assert "regon" in editor.column_actions and "name" not in editor.column_actions  # the frozen one stays
    editor.column_actions["regon"].setChecked(False)
    assert editor.view.isColumnHidden(regon)
    assert "ukryte: 1" in editor.columns_button.text()
    w.close()

    w2, editor2 = open_members(qtbot, repo, demo_id)
    assert editor2.view.isColumnHidden(regon) and not editor2.column_actions["regon"].isChecked()
    assert Settings().hidden_columns("members") == ["regon"]
    row, key, _column, _problems = wrong_cell(w2.session)
    editor2.column_actions[key].setChecked(False)
    editor2.focus_cell(row, key)  # a problem's cell is shown again when it is visited
    assert not editor2.view.isColumnHidden(editor2.model.column_of(key))
    editor2.set_hidden_columns(set())
    assert Settings().hidden_columns("members") == [] and editor2.columns_button.text() == "Kolumny"


def test_an_empty_register_explains_and_offers_both_ways(qtbot, repo, monkeypatch, tmp_path):
    import ui.xlsx
    from ui.xlsx import prompts

    app_id = repo.create(DEFAULT_FORM, "", "nadanie")
    w, editor = open_members(qtbot, repo, app_id)
    panel = w.pages["members"].empty_register
    assert panel.isVisible() and "dwa sposoby" in panel.findChildren(type(editor.count_label))[0].text()

    calls = []
    monkeypatch.setattr(ui.xlsx, "import_members_dialog", lambda parent, session: calls.append((parent, session)))
    panel.import_button.click()
    assert calls == [(w, w.session)]

    target = tmp_path / "szablon.xlsx"
    monkeypatch.setattr(prompts, "choose_save_file", lambda *a, **k: str(target))
    panel.template_button.click()
    assert target.is_file() and target.stat().st_size > 1000

    panel.type_button.click()
    settle()
    assert editor.model.rowCount() == 1 and not panel.isVisible()
    assert QApplication.focusWidget() is not None  # the first cell is open for typing
    w.session.history.undo()
    settle()
    assert editor.model.rowCount() == 0 and panel.isVisible()
