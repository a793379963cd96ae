"""A field's context menu offers its history („Historia zmian pola…”); the filter sits on the fields only."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QContextMenuEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from forms.demo import make_demo  # noqa: E402
from forms.loader import load_form  # noqa: E402
from tests.conftest import store  # noqa: E402
from ui.session import Session  # noqa: E402
from ui.wizard.window import WizardWindow  # noqa: E402

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def test_a_fields_context_menu_offers_its_history(qtbot, repo, monkeypatch):
    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    shown = []
    import ui.history_view as history_view

    monkeypatch.setattr(history_view, "exec_menu", lambda menu, pos: shown.append([x.text() for x in menu.actions()]))
    editor = w.pages["general"].editors["cluster.name"]
    target = editor.edit
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5)))
    assert shown and "Historia zmian pola…" in shown[-1]
    # Not an application-wide filter: a widget outside the fields gets its own menu, untouched.
    shown.clear()
    QApplication.sendEvent(w.next_button, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(1, 1)))
    assert not any("Historia zmian pola…" in texts for texts in shown)


def test_a_rows_context_menu_offers_its_history(qtbot, repo, monkeypatch):
    import ui.history_view as history_view

    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    w.show_page("members")
    editor = w.pages["members"].findChild(__import__("ui.tables.editor").tables.editor.TableEditor)
    shown, opened = [], []
    monkeypatch.setattr(history_view, "exec_menu", lambda menu, pos: shown.append(menu.actions()))
    monkeypatch.setattr(history_view, "show_history", lambda session, key, uid, parent: opened.append((key, uid)))
    view = editor.view
    pos = view.visualRect(view.model().index(2, 1)).center()
    editor._row_menu(view, pos)
    assert shown and shown[-1][0].text() == "Historia zmian wiersza…"
    shown[-1][0].trigger()
    uid = w.session.doc.rows(editor.table.key)[editor.proxy.mapToSource(view.indexAt(pos)).row()].uid
    assert opened == [(None, uid)]
