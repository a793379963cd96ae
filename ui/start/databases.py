"""Opening another database in the start window (its lock taken first, the current one released) and the menu of
recently used databases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from ui.start import dialogs

if TYPE_CHECKING:
    from ui.start.window import StartWindow


class DatabaseSwitcher(QObject):
    """`opener` opens a database and returns a handle owning it and its lock (ui.start.handle.DatabaseHandle), raising
    StorageError with a translated message; by default `ui.start.handle.open_handle`."""

    def __init__(self, window: StartWindow, opener: Callable[[Path], Any] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.opener = opener

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        current = str(self.window.repo.path.resolve()) if self.window.repo is not None else None
        paths = [p for p in self.window.settings.recent_databases() if str(Path(p).resolve()) != current]
        if not paths:
            empty = menu.addAction(self.tr("(brak)"))
            empty.setEnabled(False)
            return
        for i, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{i} {path.replace('&', '&&')}")
            action.triggered.connect(lambda _checked=False, p=path: self.switch_database(Path(p)))

    def open_database_dialog(self) -> bool:
        path = dialogs.choose_open_file(
            self.window,
            self.tr("Otwórz bazę"),
            self.tr("Baza programu Klaster (*.sqlite *.db);;Wszystkie pliki (*)"),
        )
        return self.switch_database(path) if path is not None else False

    def switch_database(self, path: Path) -> bool:
        """Open another database in the window (its lock taken first); the current one is released."""
        from models.db import StorageError

        window = self.window
        title = self.tr("Nie można otworzyć bazy")
        if window.repo is not None and Path(path).resolve() == window.repo.path.resolve():
            return True
        if window.wizards:
            dialogs.show_error(window, title, self.tr("Zamknij najpierw otwarte okna wniosków."))
            return False
        opener = self.opener
        if opener is None:
            from ui.start.handle import open_handle

            opener = open_handle
        from models.faults import DatabaseDamaged

        try:
            handle = opener(Path(path))
        except DatabaseDamaged as exc:  # damage found, recovery offered
            from ui.start.restore import offer_restore

            try:
                if not offer_restore(window, Path(path), str(exc)):
                    return False
                handle = opener(Path(path))
            except StorageError as again:
                dialogs.report_failure(window, title, again)
                return False
        except StorageError as exc:
            dialogs.report_failure(window, title, exc)
            return False
        window.use_database(handle)
        return True
