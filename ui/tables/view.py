"""`KeyTableView`: a table view a keyboard user is never trapped in.

Tab and Shift+Tab move from cell to cell as in any table, but past the last cell (or before the first) they leave
the table for the next (previous) widget, also from an open cell editor; Ctrl+Tab and Ctrl+Shift+Tab always leave.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QTableView, QWidget


class KeyTableView(QTableView):
    def _at_edge(self, forward: bool) -> bool:
        model = self.model()
        rows, columns = (model.rowCount(), model.columnCount()) if model is not None else (0, 0)
        current = self.currentIndex()
        if rows == 0 or columns == 0 or not current.isValid():
            return True
        if forward:
            return current.row() == rows - 1 and self._last_visible_column() <= current.column()
        return current.row() == 0 and self._first_visible_column() >= current.column()

    def _first_visible_column(self) -> int:
        return next((c for c in range(self.model().columnCount()) if not self.isColumnHidden(c)), 0)

    def _last_visible_column(self) -> int:
        columns = self.model().columnCount()
        return next((c for c in reversed(range(columns)) if not self.isColumnHidden(c)), columns - 1)

    def leave(self, forward: bool) -> bool:
        """Move the focus out of the table, to the next (or previous) widget of the window."""
        return QWidget.focusNextPrevChild(self, forward)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt API
        if self._at_edge(forward):
            return self.leave(forward)
        return super().focusNextPrevChild(forward)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Tab in the editor of the last cell commits it and leaves the table (Qt would wrap to the first cell)."""
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        backward = hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem
        if (forward or backward) and self._at_edge(forward):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.leave(forward)
            return
        super().closeEditor(editor, hint)

    def event(self, event: QEvent) -> bool:
        """Ctrl+Tab and Ctrl+Shift+Tab leave the table wherever the current cell is."""
        if event.type() == QEvent.Type.KeyPress and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.leave(forward)
                return True
        return super().event(event)
