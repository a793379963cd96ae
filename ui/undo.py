"""Undo and redo for every edit of one open application, on Qt's `QUndoStack` (one stack per `Session`).

The session records each edit after it happened (`value_changed`, `cell_changed`, `rows_added`, `rows_removed`,
`row_moved`, `document_replaced`); undoing or redoing one replays it through the same `Session` methods a user's
edit uses, so autosave writes it within a second and the checks, pages and tables follow as for any edit. The
history is linear, so a command's row indexes are valid whenever it is undone or redone. Consecutive keystrokes in
one field merge into one step. A reload because the application changed elsewhere clears the history.
"""

from __future__ import annotations

import copy
import time
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.i18n import current_language

if TYPE_CHECKING:
    from forms.document import Document
    from ui.session import Session

MERGE_SECONDS = 2.0  # keystrokes in one field closer than this are one step
VALUE_ID = 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoHistory", text)


class _Command(QUndoCommand):
    def __init__(self, history: UndoHistory, text: str) -> None:
        super().__init__(text)
        # Weak references: no reference cycle holds Qt objects, which the garbage collector could then free from
        # whatever thread it happens to run in (a background worker), which crashes Qt.
        self._history = weakref.ref(history)
        self._first = True  # pushed after the edit happened: the first redo() does nothing

    @property
    def history(self) -> UndoHistory:
        history = self._history()
        assert history is not None
        return history

    @property
    def session(self) -> Session:
        return self.history.session

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        with self.history.replaying():
            self.apply()

    def undo(self) -> None:
        with self.history.replaying():
            self.revert()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class ValueEdit(_Command):
    def __init__(self, history: UndoHistory, key: str, old: Any, new: Any, label: str) -> None:
        super().__init__(history, _tr("zmiana pola „{field}”").format(field=label))
        self.key, self.old, self.new = key, old, new
        self.when = time.monotonic()

    def id(self) -> int:
        return VALUE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, ValueEdit) or other.key != self.key or other.when - self.when > MERGE_SECONDS:
            return False
        self.new, self.when = other.new, other.when
        return True

    def apply(self) -> None:
        self.session.set_value(self.key, self.new)

    def revert(self) -> None:
        self.session.set_value(self.key, self.old)


class CellEdit(_Command):
    def __init__(self, history: UndoHistory, table: str, index: int, column: str, old: Any, new: Any) -> None:
        super().__init__(history, _tr("zmiana komórki (wiersz {row})").format(row=index + 1))
        self.table, self.index, self.column, self.old, self.new = table, index, column, old, new

    def apply(self) -> None:
        self.session.set_cell(self.table, self.index, self.column, self.new)

    def revert(self) -> None:
        self.session.set_cell(self.table, self.index, self.column, self.old)


class RowsAdded(_Command):
    """One row added (Dodaj wiersz) or several appended (paste from Excel)."""

    def __init__(self, history: UndoHistory, table: str, index: int, rows: list[dict[str, Any]]) -> None:
        text = _tr("dodanie wiersza") if len(rows) == 1 else _tr("wklejenie wierszy ({n})").format(n=len(rows))
        super().__init__(history, text)
        self.table, self.index, self.rows = table, index, rows

    def apply(self) -> None:
        if len(self.rows) == 1:
            self.session.add_row(self.table, copy.deepcopy(self.rows[0]), self.index)
        else:
            self.session.add_rows(self.table, copy.deepcopy(self.rows))

    def revert(self) -> None:
        self.session.remove_rows(self.table, list(range(self.index, self.index + len(self.rows))))


class RowsRemoved(_Command):
    def __init__(self, history: UndoHistory, table: str, removed: list[tuple[int, dict[str, Any]]]) -> None:
        super().__init__(history, _tr("usunięcie wierszy ({n})").format(n=len(removed)))
        self.table, self.removed = table, sorted(removed, key=lambda pair: pair[0])

    def apply(self) -> None:
        self.session.remove_rows(self.table, [index for index, _data in self.removed])

    def revert(self) -> None:
        for index, data in self.removed:  # ascending: each goes back to its place
            self.session.add_row(self.table, copy.deepcopy(data), index)


class RowMoved(_Command):
    def __init__(self, history: UndoHistory, table: str, index: int, new_index: int) -> None:
        super().__init__(history, _tr("przesunięcie wiersza"))
        self.table, self.index, self.new_index = table, index, new_index

    def apply(self) -> None:
        self.session.move_row(self.table, self.index, self.new_index)

    def revert(self) -> None:
        self.session.move_row(self.table, self.new_index, self.index)


def _state(doc: Document) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    values = copy.deepcopy(dict(doc.values))
    tables = {key: [copy.deepcopy(r.data) for r in doc.rows(key)] for key in doc.definition.tables}
    return values, tables


class DocumentReplaced(_Command):
    """An import that wrote to the database behind the session (Excel register, questionnaires): one step."""

    def __init__(self, history: UndoHistory, before: Document, after: Document, text: str) -> None:
        super().__init__(history, text)
        self.before, self.after = _state(before), _state(after)

    def _restore(self, state: tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]) -> None:
        values, tables = state
        session = self.session
        for key in set(values) | set(session.doc.values):
            if session.doc.values.get(key) != values.get(key):
                session.set_value(key, values.get(key))
        for key, rows in tables.items():
            if [r.data for r in session.doc.rows(key)] != rows:
                count = len(session.doc.rows(key))
                if count:
                    session.remove_rows(key, list(range(count)))
                if rows:
                    session.add_rows(key, copy.deepcopy(rows))

    def apply(self) -> None:
        self._restore(self.after)

    def revert(self) -> None:
        self._restore(self.before)


class _Replaying:
    def __init__(self, history: UndoHistory) -> None:
        self.history = history

    def __enter__(self) -> None:
        self.history.busy += 1

    def __exit__(self, *_exc: object) -> None:
        self.history.busy -= 1


class UndoHistory(QUndoStack):
    """The undo stack of one session; the session calls the `*_changed`/`rows_*` methods after each edit."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = weakref.ref(session)
        self.busy = 0  # > 0 while a command replays: the edits it makes are not recorded again

    @property
    def session(self) -> Session:
        session = self._session()
        assert session is not None
        return session

    @property
    def replaying_now(self) -> bool:
        return self.busy > 0

    def replaying(self) -> _Replaying:
        return _Replaying(self)

    def _push(self, command: _Command) -> None:
        if not self.busy:
            self.push(command)

    # What the session records ------------------------------------------------------------------
    def value_changed(self, key: str, old: Any, new: Any) -> None:
        if self.busy:
            return
        fdef = self.session.definition.fields.get(key)
        label = fdef.label.get(current_language()) if fdef is not None else key
        self._push(ValueEdit(self, key, copy.deepcopy(old), copy.deepcopy(new), label))

    def cell_changed(self, table: str, index: int, column: str, old: Any, new: Any) -> None:
        self._push(CellEdit(self, table, index, column, copy.deepcopy(old), copy.deepcopy(new)))

    def rows_added(self, table: str, index: int, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._push(RowsAdded(self, table, index, copy.deepcopy(rows)))

    def rows_removed(self, table: str, removed: list[tuple[int, dict[str, Any]]]) -> None:
        if removed:
            self._push(RowsRemoved(self, table, copy.deepcopy(removed)))

    def row_moved(self, table: str, index: int, new_index: int) -> None:
        self._push(RowMoved(self, table, index, new_index))

    def document_replaced(self, before: Document, after: Document, text: str) -> None:
        self._push(DocumentReplaced(self, before, after, text))
