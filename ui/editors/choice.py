"""Editors for choices: one code from a list (combo box), several codes (check list), yes/no (check box)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from forms.schema import FieldDef, FormDefinition
from ui.editors.base import FieldEditor


class ChoiceEditor(FieldEditor):
    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("— wybierz —"), None)
        for choice in definition.choices(fdef.list or ""):
            self.combo.addItem(choice.label.get(self.lang), choice.code)
        self.combo.setMaximumWidth(480)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)  # long choices do not widen the page; the list shows them whole
        self.combo.activated.connect(lambda _i: self.emit_edit(self.combo.currentData()))
        self.add_body(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)


class MultiChoiceEditor(FieldEditor):
    """A check list in columns (the KIS list, management systems ...)."""

    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        choices = definition.choices(fdef.list or "")
        columns = 1 if any(len(c.label.get(self.lang)) > 40 for c in choices) else 2
        per_column = (len(choices) + columns - 1) // columns
        self.boxes: dict[str, QCheckBox] = {}
        for i, choice in enumerate(choices):
            item, box = checkbox_with_label(choice.label.get(self.lang), body)
            box.toggled.connect(self._toggled)
            grid.addWidget(item, i % per_column, i // per_column)
            self.boxes[choice.code] = box
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self._loading = False
        self.add_body(body)
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def _toggled(self, _checked: bool) -> None:
        if not self._loading:
            self.emit_edit(self.value())

    def value(self) -> Any:
        return tuple(code for code, box in self.boxes.items() if box.isChecked()) or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        self._loading = True
        try:
            for code, box in self.boxes.items():
                box.setChecked(code in chosen)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)


class ClickableLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.clicked.emit()
        super().mousePressEvent(event)


def checkbox_with_label(text: str, parent: QWidget) -> tuple[QWidget, QCheckBox]:
    """A check box whose text wraps (a QCheckBox's own text never does, and would widen the page)."""
    item = QWidget(parent)
    row = QHBoxLayout(item)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    box = QCheckBox(item)
    box.setAccessibleName(text)
    label = ClickableLabel(text, item)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.clicked.connect(lambda: box.isEnabled() and box.toggle())
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    item.setFocusProxy(box)
    return item, box


class BoolEditor(FieldEditor):
    """yes/no; a declaration (must_be_true) shows its whole text, wrapped, beside the box."""

    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        if fdef.must_be_true:
            body = QWidget(self)
            row = QHBoxLayout(body)
            row.setContentsMargins(0, 0, 0, 0)
            self.box = QCheckBox(body)
            self.box.setAccessibleName(fdef.label.get(self.lang))
            text = ClickableLabel(fdef.label.get(self.lang) + " *", body)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.clicked.connect(lambda: self.box.isEnabled() and self.box.toggle())
            row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            body.setFocusProxy(self.box)
            self.add_body(body)
        else:
            self.box = QCheckBox(self.tr("tak"), self)
            self.add_body(self.box)
        self.box.toggled.connect(
            lambda checked: self.emit_edit(True if checked else (False if not fdef.must_be_true else None))
        )

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.box.setEnabled(not read_only)
