"""Pomoc › Skróty klawiszowe: every key of the wizard in one list, the menu's shortcuts read from the menus
themselves (so the list never disagrees with them) and the keys of pages and tables written here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def page_keys() -> list[tuple[str, str, str]]:
    """(group, keys, what they do) for the keys that are not menu items."""
    pages, tables = _tr("Strony"), _tr("Tabele")
    return [
        (pages, "Tab / Shift+Tab", _tr("następne / poprzednie pole")),
        (pages, "Alt+" + _tr("podkreślona litera"), _tr("przycisk, pole albo menu z tą literą")),
        (pages, "Alt+W / Alt+←", _tr("poprzednia strona (Wstecz)")),
        (pages, "Alt+D / Alt+→", _tr("następna strona (Dalej)")),
        (pages, "Enter / Esc", _tr("w oknach dialogowych: przycisk domyślny / zamknij bez zmian")),
        (tables, _tr("strzałki"), _tr("komórka obok")),
        (tables, "Tab / Shift+Tab", _tr("następna / poprzednia komórka; za ostatnią komórką: następne pole")),
        (tables, "Ctrl+Tab / Ctrl+Shift+Tab", _tr("wyjście z tabeli do następnego / poprzedniego pola")),
        (tables, "F2 / Enter", _tr("edycja komórki; Enter zatwierdza, Esc anuluje")),
        (tables, "Delete", _tr("wyczyść zaznaczone komórki")),
        (tables, "Ctrl+V", _tr("wklej wiersze skopiowane z Excela")),
        (tables, "Ctrl+Insert", _tr("dodaj wiersz")),
        (tables, "Ctrl+Delete", _tr("usuń zaznaczone wiersze")),
        (tables, "Ctrl+Shift+↑ / Ctrl+Shift+↓", _tr("przesuń wiersz w górę / w dół")),
    ]


def menu_keys(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, keys, action) for every menu item with a shortcut."""
    out = []
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = menu.title().replace("&&", "\0").replace("&", "").replace("\0", "&")
        for action in menu.actions():
            shortcut = action.shortcut()
            if shortcut.isEmpty():
                continue
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
            out.append((title, shortcut.toString(QKeySequence.SequenceFormat.NativeText), text))
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skróty klawiszowe"))
        rows = menu_keys(menu_bar) + page_keys()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Gdzie"), self.tr("Klawisze"), self.tr("Działanie")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        intro = QLabel(self.tr("Całą aplikację można obsłużyć klawiaturą. Skróty z menu widać też w menu."), self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(760, 520)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]
