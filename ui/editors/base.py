"""The contract every field editor keeps, so that pages are generated from the definition without knowing types.

An editor shows one field: `set_value` loads a typed value without emitting anything; a user's edit emits
`edited(value)` with the typed value (None when cleared); `set_problem` shows the check's message beside it.
Text it cannot read (e.g. `12x` in a money field) is marked at once with `local_problem` and not emitted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from forms.schema import FieldDef, FormDefinition
from ui.i18n import current_language

ERROR_STYLE = "color: palette(bright-text); background: #c62828; border-radius: 3px; padding: 1px 4px;"
WARNING_STYLE = "color: #5d4000; background: #ffe082; border-radius: 3px; padding: 1px 4px;"
# A required item not filled in yet: neutral, never the red of a wrong value.
MISSING_STYLE = (
    "color: palette(text); background: palette(alternate-base); border-left: 3px solid #1e88e5; padding: 1px 4px;"
)


class _UndoToWindow(QObject):
    """Ctrl+Z / Ctrl+Y in a field reach the window's Edycja › Cofnij / Ponów (the application's one history),
    not the text box's own undo, which would know nothing of autosave and of the other fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)
        ):
            event.ignore()  # not taken by the text box: the window's shortcut runs
            return True
        return False


_UNDO_TO_WINDOW = _UndoToWindow()


class FieldEditor(QWidget):
    edited = Signal(object)

    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fdef = fdef
        self.definition = definition
        self.lang = current_language()  # of the labels, placeholders and messages from the definition
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.hide()
        self._problem: tuple[str, str] | None = None  # from the checks: (severity, text)
        self._local: str | None = None  # from this editor: text it cannot read

    def add_body(self, widget: QWidget) -> None:
        self._layout.insertWidget(0, widget)
        self._layout.addWidget(self._message)
        self.setFocusProxy(widget)
        for edit in [widget, *widget.findChildren(QWidget)]:
            if isinstance(edit, QPlainTextEdit):
                edit.setUndoRedoEnabled(False)
            if isinstance(edit, QLineEdit | QPlainTextEdit):
                edit.installEventFilter(_UNDO_TO_WINDOW)

    # Subclasses implement these three.
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    # Problems ----------------------------------------------------------------------------------
    def set_problem(self, severity: str | None, text: str | None) -> None:
        self._problem = (severity, text) if severity and text else None
        self._show_message()

    def local_problem(self, text: str | None) -> None:
        self._local = text
        self._show_message()

    def _show_message(self) -> None:
        if self._local:
            severity, text = "error", self._local
        elif self._problem:
            severity, text = self._problem
        else:
            self._message.hide()
            self.setProperty("problem", "")
            return
        self._message.setText(text)
        styles = {"error": ERROR_STYLE, "missing": MISSING_STYLE}
        self._message.setStyleSheet(styles.get(severity, WARNING_STYLE))
        self._message.show()

    @property
    def message_text(self) -> str:
        return self._message.text() if self._message.isVisible() or not self._message.isHidden() else ""

    def has_visible_problem(self) -> bool:
        return not self._message.isHidden()

    def emit_edit(self, value: Any) -> None:
        self.local_problem(None)
        self.edited.emit(value)
