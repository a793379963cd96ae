"""A change made by someone else reaches an open window without disturbing the field being edited: the typed text
and the cursor stay, the other field shows the stored value (the mechanism is the same on SQLite and PostgreSQL:
the back-end's data_version)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import QTextCursor  # noqa: E402

from forms.demo import make_demo  # noqa: E402
from forms.loader import load_form  # noqa: E402
from models.db import open_database  # noqa: E402
from models.repository import Repository  # noqa: E402
from tests.conftest import store  # noqa: E402
from ui.session import Session  # noqa: E402
from ui.wizard.window import WizardWindow  # noqa: E402

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def test_a_change_elsewhere_leaves_the_field_being_edited_alone(qtbot, repo):
    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.show()
    w.show_page("general")
    editing = w.pages["general"].editors["cluster.description"]
    editing.edit.setFocus()
    cursor = editing.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editing.edit.setTextCursor(cursor)
    editing.edit.insertPlainText(" Dopisane w oknie.")  # typed, not yet saved
    typed, position = editing.edit.toPlainText(), editing.edit.textCursor().position()
    assert w.session.dirty

    other = Repository(open_database(repo.path, make_backup=False))  # a colleague's program
    other.set_value(app_id, "cluster.name", "Klaster zmieniony przez kolegę")
    assert w.session.check_elsewhere() is True

    assert editing.edit.toPlainText() == typed and editing.edit.textCursor().position() == position
    assert w.pages["general"].editors["cluster.name"].value() == "Klaster zmieniony przez kolegę"
    stored = other.load(app_id)
    assert stored.get("cluster.description").endswith("Dopisane w oknie."), "the typed text was saved, not lost"
    other.db.close()
