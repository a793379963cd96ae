"""Editors for numbers: int, year, decimal and money, typed and shown the Polish way (`1 234 567,89 zł`)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from forms.fmt import format_decimal, number_input, parse_number, quote_value
from forms.limits import MAX_NUMBER_CHARS, number_problem
from forms.schema import FieldDef, FormDefinition
from ui.editors.base import FieldEditor


class NumberEditor(FieldEditor):
    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        self.edit = QLineEdit(self)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMaximumWidth(240)
        placeholders = {"money": self.tr("0,00 zł"), "year": self.tr("RRRR")}
        self.edit.setPlaceholderText(placeholders.get(fdef.type, "0"))
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._tidy)
        self.add_body(self.edit)

    def _parse(self, text: str) -> Any:
        """Typed value of the text; raises ValueError with a message in the user's language."""
        if not text.strip():
            return None
        if len(text.strip()) > MAX_NUMBER_CHARS:
            raise ValueError(self.tr("liczba zapisana {n} znakami jest za długa").format(n=len(text.strip())))
        try:
            number = parse_number(number_input(text, self.lang))
            if not number.is_finite():
                raise ValueError(text)
        except (ValueError, ArithmeticError):
            raise ValueError(
                self.tr("{text} nie jest liczbą (np. 1 234 567,89)").format(text=quote_value(text.strip()))
            ) from None
        problem = number_problem(self.fdef.type, number)  # the same range every input path checks
        if problem is not None:
            raise ValueError(problem.get(self.lang))
        if self.fdef.type in ("int", "year"):
            if number != number.to_integral_value():
                raise ValueError(self.tr("podaj liczbę całkowitą"))
            return int(number)
        if self.fdef.type == "money":
            return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return number

    def _edited(self, text: str) -> None:
        try:
            value = self._parse(text)
        except ValueError as exc:
            self.local_problem(str(exc))
            return
        self.emit_edit(value)

    def _tidy(self) -> None:
        """On leaving the field, show the accepted number in its written form (Polish or English)."""
        try:
            value = self._parse(self.edit.text())
        except ValueError:
            return
        self.edit.setText(self._format(value))

    def _format(self, value: Any) -> str:
        if value is None:
            return ""
        if self.fdef.type == "year":
            return str(value)
        if self.fdef.type == "money":
            return format_decimal(value, 2, self.lang)
        return format_decimal(value, lang=self.lang)

    def value(self) -> Any:
        try:
            return self._parse(self.edit.text())
        except ValueError:
            return None

    def set_value(self, value: Any) -> None:
        if self.value() != value:
            self.edit.setText(self._format(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
