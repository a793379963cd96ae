"""Field editors, one widget per field type, created from the definition by `create_editor`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from forms.schema import FieldDef, FormDefinition
from ui.editors.base import FieldEditor
from ui.editors.choice import BoolEditor, ChoiceEditor, MultiChoiceEditor
from ui.editors.date import DateEditor
from ui.editors.number import NumberEditor
from ui.editors.text import LineEditor, LongTextEditor

EDITORS: dict[str, type[FieldEditor]] = {
    "text": LineEditor,
    "email": LineEditor,
    "phone": LineEditor,
    "url": LineEditor,
    "nip": LineEditor,
    "regon": LineEditor,
    "krs": LineEditor,
    "postcode": LineEditor,
    "longtext": LongTextEditor,
    "int": NumberEditor,
    "year": NumberEditor,
    "decimal": NumberEditor,
    "money": NumberEditor,
    "date": DateEditor,
    "choice": ChoiceEditor,
    "multichoice": MultiChoiceEditor,
    "bool": BoolEditor,
}


def create_editor(fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> FieldEditor:
    return EDITORS[fdef.type](fdef, definition, parent)


__all__ = ["FieldEditor", "create_editor", "EDITORS"]
