"""The date editor: typed as dd.mm.rrrr (or picked from a calendar), empty allowed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from forms.fmt import format_date, parse_date
from forms.schema import FieldDef, FormDefinition
from ui.editors.base import FieldEditor


class DateEditor(FieldEditor):
    def __init__(self, fdef: FieldDef, definition: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(fdef, definition, parent)
        body = QWidget(self)
        lay = QHBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(body)
        self.edit.setPlaceholderText(self.tr("dd.mm.rrrr"))
        self.edit.setMaximumWidth(140)
        self.edit.textEdited.connect(self._edited)
        self.button = QToolButton(body)
        self.button.setText("…")
        self.button.setToolTip(self.tr("Wybierz datę z kalendarza"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(lambda d: (self._pick(d), menu.close()))
        lay.addWidget(self.edit)
        lay.addWidget(self.button)
        lay.addStretch(1)
        self.add_body(body)
        self.setFocusProxy(self.edit)

    def _pick(self, qdate: QDate) -> None:
        value = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.edit.setText(format_date(value, self.lang))
        self.emit_edit(value)

    def _edited(self, text: str) -> None:
        if not text.strip():
            self.emit_edit(None)
            return
        try:
            value = parse_date(text)
        except ValueError:
            self.local_problem(self.tr("'{text}' nie jest datą (oczekiwano dd.mm.rrrr)").format(text=text.strip()))
            return
        self.emit_edit(value)

    def value(self) -> Any:
        try:
            return parse_date(self.edit.text()) if self.edit.text().strip() else None
        except ValueError:
            return None

    def set_value(self, value: Any) -> None:
        if self.value() != value:
            self.edit.setText(format_date(value, self.lang))
        if value is not None:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)
