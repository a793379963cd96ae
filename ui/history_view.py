"""„Historia zmian”: who changed what in an application, filtered by person, section and time; also the history
of one field or one row (from its context menu: `show_history(session, key=…, uid=…)`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.history import authors, history

COLUMNS = ("Czas", "Kto", "Rodzaj", "Miejsce", "Było", "Jest")


def _text(value: Any) -> str:
    import json

    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class HistoryDialog(QDialog):
    def __init__(
        self, session: Any, key: str | None = None, uid: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.key, self.uid = session, key, uid
        where = key or ""
        self.setWindowTitle(self.tr("Historia zmian") + (f" — {where}" if where else ""))
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.person = QComboBox(self)
        self.person.addItem(self.tr("wszyscy"), "")
        for name in authors(session.repo, session.app_id):
            self.person.addItem(name, name)
        self.section = QComboBox(self)
        self.section.addItem(self.tr("wszystkie części"), "")
        for part in getattr(session.definition, "sections", []) or []:
            ident = getattr(part, "id", None)
            if ident:
                title = part.display_title("pl") if hasattr(part, "display_title") else ident
                self.section.addItem(str(title), ident)
        self.since = QDateTimeEdit(QDateTime.currentDateTime().addDays(-30), self)
        self.since.setCalendarPopup(True)
        self.until = QDateTimeEdit(QDateTime.currentDateTime().addDays(1), self)
        self.until.setCalendarPopup(True)
        for label, widget in (
            (self.tr("&Osoba:"), self.person),
            (self.tr("&Część:"), self.section),
            (self.tr("&Od:"), self.since),
            (self.tr("&Do:"), self.until),
        ):
            text = QLabel(label, self)
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for widget in (self.person, self.section):
            widget.currentIndexChanged.connect(self.refresh)
        self.since.dateTimeChanged.connect(self.refresh)
        self.until.dateTimeChanged.connect(self.refresh)
        self.resize(900, 500)
        self.refresh()

    def entries(self) -> list:
        since = self.since.dateTime().toPython()
        until = self.until.dateTime().toPython()
        return history(
            self.session.repo,
            self.session.app_id,
            key=self.key,
            uid=self.uid,
            author=self.person.currentData() or None,
            section=self.section.currentData() or None,
            since=since if isinstance(since, dt.datetime) else None,
            until=until if isinstance(until, dt.datetime) else None,
        )

    def refresh(self) -> None:
        rows = self.entries()
        self.table.setRowCount(len(rows))
        for i, e in enumerate(reversed(rows)):  # the newest first
            cells = (e.at.strftime("%d.%m.%Y %H:%M:%S"), e.author, e.kind_text, e.where, _text(e.old), _text(e.new))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()


def show_history(session: Any, key: str | None = None, uid: str | None = None, parent: QWidget | None = None) -> None:
    HistoryDialog(session, key, uid, parent).exec()


def history_dialog(window: Any, session: Any, key: str | None = None, uid: str | None = None) -> None:
    """Wniosek › Historia zmian… (the wizard window's menu; a field's context menu passes its key)."""
    show_history(session, key, uid, window)


class _FieldMenu(QObject):
    """A field's context menu (right click in the field) gains „Historia zmian pola…”."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QMenu

        if event.type() != QEvent.Type.ContextMenu or not isinstance(obj, QWidget) or obj.window() is not self.window:
            return False
        from ui.editors.base import FieldEditor

        editor = obj
        while editor is not None and not isinstance(editor, FieldEditor):
            editor = editor.parentWidget()
        if editor is None:
            return False
        make = getattr(obj, "createStandardContextMenu", None)
        menu = make() if callable(make) else QMenu(obj)
        menu.addSeparator()
        key = editor.fdef.key
        action = menu.addAction(self.tr("Historia zmian pola…"))
        action.triggered.connect(lambda: show_history(self.window.session, key, None, self.window))
        exec_menu(menu, event.globalPos())
        menu.deleteLater()
        return True


def exec_menu(menu: Any, pos: Any) -> None:
    """Show a context menu (modal; tests replace this function)."""
    menu.exec(pos)


def install_field_menu(window: Any) -> None:
    """Give every field of the wizard window `window` the history entry in its context menu. The filter sits on the
    fields' own widgets only: an application-wide filter would take every event of the program through Python
    (23 000 calls, half a second, just to open the large application)."""
    from ui.editors.base import FieldEditor

    window._field_history_menu = menu = _FieldMenu(window)
    for editor in window.findChildren(FieldEditor):
        for widget in (editor, *editor.findChildren(QWidget)):
            widget.installEventFilter(menu)
