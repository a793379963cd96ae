"""Edycja › Znajdź (Ctrl+F): one search over the whole application (the values of every field, every table cell,
the titles, labels and help texts of the form), blind to case and Polish letters (`forms.search.fold`: "kuznia"
finds "Kuźnia", "lodz" finds "Łódź"). Each result names its place; Enter (or a double click) goes there.
The dialog is not modal: it stays open beside the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms.search import fold
from ui.tables.model import display_text

MAX_RESULTS = 500


@dataclass(frozen=True)
class Hit:
    page: str
    place: str
    text: str
    field: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None


def search(session: Any, query: str, lang: str) -> list[Hit]:
    """Every place of the application whose text contains `query` (folded), in the order of the form."""
    needle = fold(query)
    if not needle:
        return []
    definition, doc = session.definition, session.doc
    hits: list[Hit] = []

    def found(text: Any) -> bool:
        return bool(text) and needle in fold(text)

    for section in definition.sections:
        title = section.display_title(lang)
        if found(title) or (section.intro and found(section.intro.get(lang))):
            hits.append(Hit(section.id, title, section.intro.get(lang) if section.intro else title))
        for criterion in section.criteria:
            where = f"{title} › {criterion.title.get(lang)}"
            if found(criterion.title.get(lang)) or (criterion.help and found(criterion.help.get(lang))):
                hits.append(Hit(section.id, where, criterion.help.get(lang) if criterion.help else where))
            for fdef in criterion.fields:
                label = fdef.label.get(lang)
                value = display_text(fdef, doc.values.get(fdef.key), definition, lang)
                texts = [value, label, fdef.help.get(lang) if fdef.help else ""]
                shown = next((t for t in texts if found(t)), None)
                if shown is not None:
                    hits.append(Hit(section.id, f"{title} › {label}", shown, field=fdef.key))
            for table in criterion.tables:
                name = table.label.get(lang) if getattr(table, "label", None) else criterion.title.get(lang)
                for i, row in enumerate(doc.rows(table.key)):
                    for column in table.columns:
                        text = display_text(column, row.get(column.key), definition, lang)
                        if found(text):
                            row_text = QCoreApplication.translate("FindDialog", "wiersz {n}").format(n=i + 1)
                            place = f"{title} › {name}, {row_text}, {column.label.get(lang)}"
                            hits.append(Hit(section.id, place, text, table=table.key, row=i, column=column.key))
                            if len(hits) >= MAX_RESULTS:
                                return hits
    return hits


class FindDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Znajdź we wniosku"))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Szukany tekst (wielkość liter i polskie znaki bez znaczenia)"))
        self.edit.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Szukaj:"), self)
        label.setBuddy(self.edit)
        self.results = QTreeWidget(self)
        self.results.setHeaderLabels([self.tr("Miejsce"), self.tr("Tekst")])
        self.results.setRootIsDecorated(False)
        self.results.setColumnWidth(0, 340)
        self.results.itemActivated.connect(self.go)
        self.count = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.edit)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.count)
        lay.addWidget(buttons)
        self.edit.textChanged.connect(self.run)
        self.edit.returnPressed.connect(self._enter)
        self.resize(760, 460)

    def run(self, query: str | None = None) -> list[Hit]:
        hits = search(self.window_.session, self.edit.text() if query is None else query, self.window_.lang)
        self.results.clear()
        for hit in hits:
            item = QTreeWidgetItem([hit.place, " ".join(hit.text.split())[:200]])
            item.setData(0, Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(1, hit.text)
            self.results.addTopLevelItem(item)
        if self.results.topLevelItemCount():
            self.results.setCurrentItem(self.results.topLevelItem(0))
        self.count.setText(self.tr("Znaleziono: {n}").format(n=len(hits)) if self.edit.text() else "")
        return hits

    def _enter(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.go(item)

    def go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Show the page of the result and put the focus on its field or table cell."""
        hit: Hit = item.data(0, Qt.ItemDataRole.UserRole)
        window = self.window_
        window.show_page(hit.page)
        page = window.pages.get(hit.page)
        if hit.field and hit.field in getattr(page, "editors", {}):
            editor = page.editors[hit.field]
            page.ensureWidgetVisible(editor, 40, 80)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        elif hit.table and hit.table in getattr(page, "tables", {}):
            table = page.tables[hit.table]
            page.ensureWidgetVisible(table, 40, 80)
            table.focus_cell(hit.row or 0, hit.column or "")
        window.activateWindow()
