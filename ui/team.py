"""Team mode in an open window (ui/session.py calls these hooks): unsaved edits announced to the others (a
finalisation elsewhere is refused meanwhile), and a field or cell two people saved resolved by the second.

`CHOOSER(session, conflict)` returns "mine" or "theirs"; the default asks with a dialog when the window has one
(a `QApplication` with a visible window) and otherwise keeps the stored value (it never overwrites a colleague's
value unasked). Tests replace it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from models.history import ValueConflict, accept_conflict, mark_editing

log = logging.getLogger(__name__)
MAX_CONFLICTS = 20  # one save resolves at most this many conflicting places (then the rest waits for the next)


def _ask(session: Any, conflict: ValueConflict) -> str:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    parent = app.activeWindow() if isinstance(app, QApplication) else None
    if parent is None:
        return "theirs"
    e = conflict.entry
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(session.tr("Zmiana w tym samym miejscu"))
    box.setText(
        session.tr("{place}: o {time} zapisano tu inną wartość (autor: {author}).").format(
            place=e.where, author=e.author, time=e.at.strftime("%H:%M:%S")
        )
    )
    box.setInformativeText(str(conflict))
    mine = box.addButton(session.tr("Zostaw &moją wartość"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(session.tr("Przyjmij wartość &zapisaną"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return "mine" if box.clickedButton() is mine else "theirs"


CHOOSER: Callable[[Any, ValueConflict], str] = _ask


def editing(session: Any, dirty: bool) -> None:
    """Tell the team database whether this window holds unsaved edits (no-op on SQLite)."""
    if getattr(session, "_team_dirty", False) == dirty or not session.repo.backend.server or session.repo.read_only:
        return
    try:
        mark_editing(session.repo, session.app_id, dirty)
        session._team_dirty = dirty
    except Exception:  # noqa: BLE001 - announcing is a courtesy; the save itself reports real faults
        log.warning("could not announce unsaved edits", exc_info=True)


def resolve(session: Any, conflict: ValueConflict) -> bool:
    """The second saver chooses: keep their own value (saved over the other) or take the stored one. Then the
    pending edits are saved again. Returns what the save returned."""
    count = getattr(session, "_team_conflicts", 0) + 1
    session._team_conflicts = count
    try:
        choice = CHOOSER(session, conflict) if count <= MAX_CONFLICTS else "theirs"
        e = conflict.entry
        if choice == "mine":
            accept_conflict(session.repo, conflict)
        elif e.uid:  # a cell: take the stored value into the row; the row's other edits are still saved
            for row in session.doc.rows(e.key):
                if row.uid == e.uid:
                    row.data.pop(e.column, None)
                    from forms.values import from_json

                    column = next(c for c in session.definition.table(e.key).columns if c.key == e.column)
                    if e.new is not None:
                        row.data[e.column] = from_json(column, e.new, session.definition)
                    session.cellChanged.emit(e.key, session.doc.rows(e.key).index(row), e.column)
            accept_conflict(session.repo, conflict)
        else:  # a field: the stored value wins, this window's edit of it is dropped
            session._values.discard(e.key)
            accept_conflict(session.repo, conflict)
            stored = session.repo.load(session.app_id)
            session.doc.values.pop(e.key, None)
            if e.key in stored.values:
                session.doc.values[e.key] = stored.values[e.key]
            session.valueChanged.emit(e.key)
        session.saveFailed.emit(
            session.tr("{place}: zachowano wartość {whose}.").format(
                place=e.where, whose=session.tr("Twoją") if choice == "mine" else e.author
            )
        )
        return session.flush()
    finally:
        session._team_conflicts = count - 1
