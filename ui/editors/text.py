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
        placeholder = fdef.placeholder.get(self.lang) if fdef.placeholder else self._placeholder(fdef.type)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(lambda text: self.emit_edit(text.strip() or None))
        self.add_body(self.edit)

    def _placeholder(self, field_type: str) -> str:
        """An example of what the field holds, when the definition gives none."""
        examples = {
            "nip": self.tr("np. 526-104-08-28"),
            "regon": self.tr("9 albo 14 cyfr"),
            "krs": self.tr("np. 0000123456"),
            "postcode": "NN-NNN",
            "email": self.tr("nazwa@domena.pl"),
            "url": self.tr("https://www.przyklad.pl"),
            "phone": "+48 22 123 45 67",
        }
        return examples.get(field_type, "")

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
            self.edit.setPlaceholderText(fdef.placeholder.get(self.lang))
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
            if over:
                text = self.tr("{n} / {limit} znaków — o {over} za dużo").format(n=n, limit=limit, over=n - limit)
            else:
                text = self.tr("{n} / {limit} znaków").format(n=n, limit=limit)
            self.counter.setText(text)
            self.counter.setStyleSheet("color: #c62828; font-weight: bold;" if over else "color: palette(mid);")
        else:
            self.counter.setText(self.tr("{n} znaków").format(n=n))

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
