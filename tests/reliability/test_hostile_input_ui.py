"""Hostile numbers typed into the window: refused beside the field with the same range every input path checks,
never an exception escaping a Qt slot."""

from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("pytestqt")

from ui.editors.number import NumberEditor  # noqa: E402


@pytest.mark.parametrize("field_type", ["year", "int", "money", "decimal"])
@pytest.mark.parametrize("text", ["9" * 41, "1E+400", "1e400", "NaN", "inf", "9" * 25, "12 345 678 901 234 567"])
def test_hostile_numbers_are_refused_beside_the_field(qtbot, definition, field_type, text):
    fdef = dataclasses.replace(definition.field("meta.reference_year"), type=field_type)
    editor = NumberEditor(fdef, definition)
    qtbot.addWidget(editor)
    seen = []
    editor.edited.connect(seen.append)
    editor.edit.setText(text)
    editor.edit.textEdited.emit(text)  # as typed: the slot runs, and must not raise
    assert seen == []
    assert editor.value() is None
    message = editor._message.text()
    assert message and "\n" not in message
    assert "spoza zakresu" in message or "nie jest liczbą" in message or "za długa" in message


def test_an_ordinary_number_still_goes_through(qtbot, definition):
    editor = NumberEditor(definition.field("meta.reference_year"), definition)
    qtbot.addWidget(editor)
    seen = []
    editor.edited.connect(seen.append)
    editor.edit.setText("2024")
    editor.edit.textEdited.emit("2024")
    assert seen == [2024]
