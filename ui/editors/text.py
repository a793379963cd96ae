"""Editors for text-like fields: one-line text with masks and validators, and long text with a live counter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from forms.schema import FieldDef, FormDefinition
from ui.editors.base import FieldEditor

# Characters each identifier may contain while typing; the check itself (python-stdnum) runs on the value.
_PATTERNS = {
    "nip": r"[0-9 \-]{0,13}|PL[0-9 \-]{0,13}",
    "regon": r"[0-9 \-]{0,17}",
    "krs": r"[0-9 ]{0,12}",
    "postcode": r"[0-9]{0,2}-?[0-9]{0,3}",
    "phone": r"[0-9 +()\-]{0,24}",
}
_PLACEHOLDERS = {
    "nip": "np. 526-104-08-28",
    "regon": "9 albo 14 cyfr",
    "krs": "np. 0000123456",
    "postcode": "NN-NNN",
    "email": "nazwa@domena.pl",
    "url": "https://www.przyklad.pl",
    "phone": "+48 22 123 45 67",
}


class LineEditor(FieldEditor):
    """text, email, url, phone, nip, regon, krs, postcode."""

    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        self.edit = QLineEdit(self)
        pattern = _PATTERNS.get(fdef.type)
        if pattern:
            self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.edit))
        if fdef.max_length:
            self.edit.setMaxLength(max(fdef.max_length, 1))
        placeholder = fdef.placeholder.pl if fdef.placeholder else _PLACEHOLDERS.get(fdef.type, "")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(lambda text: self.emit_edit(text.strip() or None))
        self.add_body(self.edit)

    def value(self) -> Any:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.text().strip() != text:
            self.edit.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class PlainText(QPlainTextEdit):
    """A plain text box that moves focus on Tab instead of inserting a tab character."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class LongTextEditor(FieldEditor):
    """longtext: a multi-line box with a live counter against the field's character limit."""

    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        body = QWidget(self)
        lay = QHBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = PlainText(body)
        self.edit.setMinimumHeight(110)
        self.edit.setMaximumHeight(260)
        if fdef.placeholder:
            self.edit.setPlaceholderText(fdef.placeholder.pl)
        self.counter = QLabel(self)
        self._loading = False
        self.edit.textChanged.connect(self._changed)
        lay.addWidget(self.edit)
        body.setFocusProxy(self.edit)
        self.add_body(body)
        self._layout.insertWidget(1, self.counter)
        self._update_counter()

    def _changed(self) -> None:
        self._update_counter()
        if not self._loading:
            self.emit_edit(self.value())

    def _update_counter(self) -> None:
        n = len(self.edit.toPlainText().strip())
        limit = self.fdef.max_length
        if limit:
            over = n > limit
            self.counter.setText(f"{n} / {limit} znaków" + (f" — o {n - limit} za dużo" if over else ""))
            self.counter.setStyleSheet("color: #c62828; font-weight: bold;" if over else "color: palette(mid);")
        else:
            self.counter.setText(f"{n} znaków")

    def value(self) -> Any:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.toPlainText().strip() == text:
            return
        self._loading = True
        try:
            self.edit.setPlainText(text)
        finally:
            self._loading = False
        self._update_counter()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
