"""Undo and redo (Edycja › Cofnij / Ponów, Ctrl+Z / Ctrl+Y) of every kind of edit: typing in a field (one step),
cells, adding, removing, moving and pasting rows, an Excel import as one step; each undo saved like any edit, the
history kept across pages and after autosave, and cleared when the application changed elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forms.document import Row
from models.db import open_database
from models.repository import Repository
from tests.test_ui_wizard import open_wizard, type_text

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def saved(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=2000)  # autosave: within a second


def test_typing_in_a_field_is_one_step_and_the_undo_is_saved(qtbot, repo, app_id):
    w = open_wizard(qtbot, repo, app_id)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    edit = w.pages["general"].editors["cluster.name"].edit
    before = w.session.doc.get("cluster.name")
    type_text(qtbot, edit, " Łódź")
    assert w.session.doc.get("cluster.name") == before + " Łódź"
    saved(qtbot, w)
    assert w.session.history.count() == 1  # five keystrokes, one step
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the field: the window's undo
    assert w.session.doc.get("cluster.name") == before
    assert edit.text() == before  # the focused field shows it too
    saved(qtbot, w)
    assert repo.load(app_id).get("cluster.name") == before
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == before + " Łódź"
    saved(qtbot, w)
    assert repo.load(app_id).get("cluster.name") == before + " Łódź"


def test_undo_from_the_menu_after_autosave_and_page_changes(qtbot, repo, app_id):
    w = open_wizard(qtbot, repo, app_id)
    page = w.pages["general"]
    page.editors["coordinator.city"].edited.emit("Kraków")
    saved(qtbot, w)
    w.next()
    w.next()  # history survives moving between pages
    assert w.undo_action.isEnabled() and "Cofnij" in w.undo_action.text()
    w.undo_action.trigger()
    assert w.session.doc.get("coordinator.city") == "Warszawa"
    saved(qtbot, w)
    assert repo.load(app_id).get("coordinator.city") == "Warszawa"
    w.redo_action.trigger()
    saved(qtbot, w)
    assert repo.load(app_id).get("coordinator.city") == "Kraków"


def _members(w):
    return w.pages["members"].tables["members"]


def _names(session) -> list[str]:
    return [r.get("name") for r in session.doc.rows("members")]


def test_cells_rows_added_removed_moved_and_pasted(qtbot, repo, app_id, monkeypatch):
    w = open_wizard(qtbot, repo, app_id)
    editor = _members(w)
    session, history = w.session, w.session.history
    start = _names(session)

    editor.model.setData(editor.model.index(0, 0), "Nowa nazwa")
    assert _names(session)[0] == "Nowa nazwa"
    history.undo()
    assert _names(session) == start
    history.redo()
    assert _names(session)[0] == "Nowa nazwa"
    history.undo()

    editor.add_row()
    assert len(_names(session)) == len(start) + 1
    history.undo()
    assert _names(session) == start

    session.remove_rows("members", [1, 3])
    assert len(_names(session)) == len(start) - 2
    history.undo()
    assert _names(session) == start
    history.redo()
    assert len(_names(session)) == len(start) - 2
    history.undo()

    session.move_row("members", 0, 2)
    assert _names(session)[2] == start[0]
    history.undo()
    assert _names(session) == start

    editor.paste_text("Firma A\t\nFirma B\t\n")
    assert _names(session)[-2:] == ["Firma A", "Firma B"]
    history.undo()  # the whole paste at once
    assert _names(session) == start
    history.redo()
    assert _names(session)[-2:] == ["Firma A", "Firma B"]
    saved(qtbot, w)
    stored = repo.load(app_id)
    assert [r.get("name") for r in stored.rows("members")] == _names(session)
    history.undo()
    saved(qtbot, w)
    assert [r.get("name") for r in repo.load(app_id).rows("members")] == start


def test_an_excel_import_is_one_step(qtbot, repo, app_id):
    from ui.xlsx.import_dialog import reload_session

    w = open_wizard(qtbot, repo, app_id)
    session = w.session
    start = _names(session)
    rows = session.doc.rows("members")
    with repo.transaction():  # what the import writes behind the session
        new = [Row({"name": f"Importowany {i}", "type": "other"}) for i in range(3)]
        repo.save_rows(app_id, "members", [(r, len(rows) + i) for i, r in enumerate(new)])
        repo.save_order(app_id, "members", [r.uid for r in rows] + [r.uid for r in new])
    reload_session(session)
    assert len(_names(session)) == len(start) + 3
    assert session.history.count() == 1
    w.undo_action.trigger()
    assert _names(session) == start
    saved(qtbot, w)
    assert [r.get("name") for r in repo.load(app_id).rows("members")] == start
    w.redo_action.trigger()
    assert _names(session)[-3:] == ["Importowany 0", "Importowany 1", "Importowany 2"]


def test_a_change_elsewhere_clears_the_history(qtbot, repo, app_id, db_path):
    w = open_wizard(qtbot, repo, app_id)
    w.session.set_value("coordinator.city", "Gdańsk")
    saved(qtbot, w)
    assert w.session.history.canUndo()
    other = Repository(open_database(db_path, make_backup=False))
    try:
        with other.transaction():
            other.set_value(app_id, "contact.name", "Ktoś Inny")
    finally:
        other.db.close()
    assert w.session.check_elsewhere()
    assert not w.session.history.canUndo()
    QApplication.processEvents()
