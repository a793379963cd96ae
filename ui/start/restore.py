"""Damage found, recovery offered: the list of a database's backups and "Przywróć z kopii zapasowej".

Used when a database turns out damaged as it is opened (the start of the program, "Otwórz bazę…") and from the
start window's "Kopie zapasowe…". Restoring goes through `models.backups.restore` under the database's lock: the
current file is backed up first (or set aside as it is when damaged), so a restore never loses anything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms.fmt import format_megabytes
from models.backups import Backup, list_backups


class RestoreDialog(QDialog):
    """The backups of one database, newest first; `chosen` is the healthy copy the user picked to restore."""

    def __init__(self, db_path: Path, message: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kopie zapasowe bazy"))
        self.db_path = Path(db_path)
        self.copies: list[Backup] = list_backups(self.db_path)
        self.health = [b.healthy() for b in self.copies]
        self.chosen: Path | None = None
        lay = QVBoxLayout(self)
        if message:
            text = QLabel(message, self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(text)
        where = QLabel(self.tr("Baza: {path}").format(path=self.db_path), self)
        where.setWordWrap(True)
        lay.addWidget(where)
        self.table = QTableWidget(len(self.copies), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Czas"), self.tr("Powód"), self.tr("Wielkość"), self.tr("Stan")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (b, ok) in enumerate(zip(self.copies, self.health, strict=True)):
            cells = (
                f"{b.time:%d.%m.%Y %H:%M}",
                b.reason_text,
                format_megabytes(b.size),
                self.tr("sprawna") if ok else self.tr("uszkodzona"),
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        lay.addWidget(self.table, 1)
        if not self.copies:
            lay.addWidget(QLabel(self.tr("Ta baza nie ma jeszcze kopii zapasowych."), self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Przywróć z kopii zapasowej"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        healthy = [i for i, ok in enumerate(self.health) if ok]
        if healthy:
            self.table.selectRow(healthy[0])
        self._selected()
        self.resize(720, 380)

    def _selected(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        row = next(iter(rows), None)
        ok = row is not None and self.health[row]
        self.restore_button.setEnabled(ok)
        self.chosen = self.copies[row].path if ok else None

    def accept(self) -> None:
        if self.chosen is not None:
            super().accept()


def restore_locked(db_path: Path, backup: Path) -> Path | None:
    """Restore `backup` into `db_path` under the database's lock (taken here; the caller holds no connection)."""
    from app.lock import lock_database
    from models.backups import restore

    lock = lock_database(db_path)
    try:
        return restore(backup, db_path)
    finally:
        if lock is not None:
            lock.unlock()


def offer_restore(parent: QWidget | None, db_path: Path, message: str) -> bool:
    """Show the damage with the list of backups; True when the user restored one (the database can be opened)."""
    from ui.start import dialogs

    chosen = dialogs.ask_restore(parent, db_path, message)
    if chosen is None:
        return False
    restore_locked(db_path, chosen)
    return True
