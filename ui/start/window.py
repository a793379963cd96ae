"""The start window: the applications in the database (`ApplicationTable`), the menus and buttons that act on
them (`ApplicationActions`, `DatabaseSwitcher`), the wizard windows it opened, and closing.

Built without a database it shows "Otwieram bazę danych…" with the database's actions disabled, until
`show_database` gives it one: the program shows it so, as its first window, before it opens the database (ui.app).
What that window needs is kept cheap to import and build:

- this module and those it imports bring neither peewee, the models nor the form checks at module level (imported
  where used);
- the list (`ui.start.table`, which needs QStyle and friends) is built when the first database is shown;
- nothing before that touches PySide's `Qt` namespace (`Qt.AlignmentFlag` ...): its first use builds about 90
  enums, some 30 ms, which the window would otherwise pay before it appears.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ui.i18n import current_language
from ui.settings import Settings
from ui.start import dialogs
from ui.start.actions import ApplicationActions
from ui.start.databases import DatabaseSwitcher

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from models.repository import ApplicationInfo, Repository
    from ui.session import Session
    from ui.start.table import ApplicationTable

log = logging.getLogger(__name__)


class StartWindow(QMainWindow):
    def __init__(
        self,
        repo: Repository | None,
        settings: Settings | None = None,
        *,
        handle: Any = None,
        opener: Callable[[Path], Any] | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`handle` (optional) owns the open database and its lock (ui.start.handle.DatabaseHandle); `opener` opens
        another database for "Otwórz bazę…" and returns such a handle, raising StorageError with a translated
        message. Without `repo` the window waits for its database (`show_database`), its actions disabled."""
        super().__init__(parent)
        self.repo = repo
        self.settings = settings or Settings()
        self.handle = handle
        self.lang = lang or current_language()
        self.wizards: dict[int, QMainWindow] = {}
        self.sessions: dict[int, Session] = {}
        self._cache: dict[tuple[int, Any], int | None] = {}
        self._pending: set[tuple[int, Any]] = set()  # completeness to compute once the window is up
        self._pending_scheduled = False
        self.applications = ApplicationActions(self)
        self.databases = DatabaseSwitcher(self, opener)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(400)
        self._refresh_timer.timeout.connect(lambda: self.refresh())

        self.table: ApplicationTable | None = None  # built with the first database (`_build_list`)
        self.empty_hint: QLabel | None = None

        self._build_actions()
        self._build_menus()
        self._build_central()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.resize(1060, 620)
        self.settings.restore_geometry("start", self)
        if repo is None:
            self._show_loading()
        else:
            self._show_list()

    # Building ----------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # What setShortcut(sequence) does in Qt, without PySide's check of its overloads (they take `Qt.Key`
            # ..., and the check builds the whole `Qt` namespace, see the module's docstring).
            action.setShortcuts([QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(self.tr("&Nowy wniosek…"), self.new_application, QKeySequence.StandardKey.New)
        self.act_open = self._action(self.tr("&Otwórz wniosek"), self.open_selected, QKeySequence.StandardKey.Open)
        self.act_open_db = self._action(self.tr("Otwórz &bazę…"), self.open_database_dialog, "Ctrl+Shift+O")
        self.act_import = self._action(self.tr("&Importuj .kkk.json…"), self.import_file, "Ctrl+I")
        self.act_export = self._action(self.tr("&Eksportuj .kkk.json…"), self.export_selected, "Ctrl+E")
        self.act_backups = self._action(self.tr("&Kopie zapasowe…"), self.manage_backups)
        self.act_quit = self._action(self.tr("&Zakończ"), self.close, "Ctrl+Q")
        self.act_duplicate = self._action(self.tr("&Duplikuj"), self.duplicate_selected, "Ctrl+D")
        self.act_renew = self._action(self.tr("&Odnowienie…"), self.renew_selected)
        self.act_delete = self._action(self.tr("&Usuń…"), self.delete_selected, QKeySequence.StandardKey.Delete)
        self.act_about = self._action(self.tr("&O programie"), self.about)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Plik"))
        file_menu.addAction(self.act_new)
        file_menu.addAction(self.act_open)
        file_menu.addSeparator()
        file_menu.addAction(self.act_open_db)
        team = file_menu.addAction(self.tr("Połącz z bazą &zespołu…"))  # PostgreSQL (ui.team_connect)
        team.triggered.connect(lambda _checked=False: __import__("ui.team_connect").team_connect.connect_dialog(self))
        self.recent_menu = QMenu(self.tr("Ostatnie b&azy"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_backups)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edycja"))
        edit_menu.addAction(self.act_duplicate)
        edit_menu.addAction(self.act_renew)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_delete)
        help_menu = bar.addMenu(self.tr("Pomo&c"))
        help_menu.addAction(self.act_about)

    def _button(self, text: str, action: QAction) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(action.statusTip() or action.text().replace("&", ""))
        button.clicked.connect(action.trigger)
        return button

    def _build_central(self) -> None:
        self.btn_new = self._button(self.tr("&Nowy wniosek…"), self.act_new)
        self.btn_open = self._button(self.tr("&Otwórz"), self.act_open)
        self.btn_duplicate = self._button(self.tr("&Duplikuj"), self.act_duplicate)
        self.btn_renew = self._button(self.tr("Odno&wienie…"), self.act_renew)
        self.btn_delete = self._button(self.tr("&Usuń…"), self.act_delete)
        self.btn_import = self._button(self.tr("&Importuj .kkk.json…"), self.act_import)
        self.btn_export = self._button(self.tr("E&ksportuj .kkk.json…"), self.act_export)
        self.btn_new.setDefault(False)
        self.btn_new.setAutoDefault(False)
        buttons = QHBoxLayout()
        for b in (self.btn_new, self.btn_open, self.btn_duplicate, self.btn_renew, self.btn_delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_import)
        buttons.addWidget(self.btn_export)

        # Centred by stretches, not by setAlignment(Qt.AlignmentFlag.AlignCenter): no `Qt` before the window is up.
        self.loading_hint = self._hint(self.tr("Otwieram bazę danych…"))
        self.loading_page = QWidget()
        row = QHBoxLayout(self.loading_page)
        row.addStretch(1)
        row.addWidget(self.loading_hint)
        row.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading_page)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _hint(self, text: str) -> QLabel:
        """A larger grey text in place of the list."""
        hint = QLabel(text)
        font = hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        hint.setFont(font)
        hint.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        return hint

    def _build_list(self) -> None:
        from PySide6.QtCore import Qt

        from ui.start.table import ApplicationTable

        self.table = ApplicationTable(self.lang)
        self.table.openRequested.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(self._update_actions)
        for action in (self.act_open, self.act_duplicate, self.act_renew, self.act_export, self.act_delete):
            self.table.addAction(action)

        self.empty_hint = self._hint(self.tr("Brak wniosków. Utwórz nowy wniosek albo zaimportuj plik .kkk.json."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)

        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_hint)

    # The database -------------------------------------------------------------------------------
    def _show_loading(self) -> None:
        """No database yet: only the hint, and nothing to do but "O programie" and "Zakończ"."""
        self.setWindowTitle("Klaster")
        self.stack.setCurrentWidget(self.loading_page)
        self._set_database_actions(False)
        self._update_actions()

    def _set_database_actions(self, enabled: bool) -> None:
        for action in (self.act_new, self.act_open_db, self.act_import, self.recent_menu.menuAction()):
            action.setEnabled(enabled)
        for button in (self.btn_new, self.btn_import):
            button.setEnabled(enabled)

    def _set_database(self, handle: Any) -> None:
        self.handle = handle
        self.repo = handle.repo
        self._cache.clear()

    def _show_list(self) -> None:
        if self.table is None:
            self._build_list()
        self._set_database_actions(True)
        self._update_title()
        self.refresh()

    def show_database(self, handle: Any) -> None:
        """List the database of `handle` (already opened and locked) in a window that waited for one."""
        self._set_database(handle)
        self._show_list()

    # The list ----------------------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Klaster — {name}").format(name=self.repo.path.name))

    def _completeness(self, info: ApplicationInfo) -> int | None:
        """A known percentage; an unknown one is shown as unknown and computed just after the window is up."""
        session = self.sessions.get(info.id)
        if session is not None and shiboken6.isValid(session):
            return session.completeness
        key = (info.id, info.updated_at)
        if key not in self._cache:
            self._pending.add(key)
            if not self._pending_scheduled:
                self._pending_scheduled = True
                QTimer.singleShot(0, self._compute_pending)
            return None
        return self._cache[key]

    def _compute_pending(self) -> None:
        from forms.progress import assess

        self._pending_scheduled = False
        pending, self._pending = self._pending, set()
        for app_id, updated_at in pending:
            try:
                doc = self.repo.load(app_id)
                self._cache[(app_id, updated_at)] = assess(doc).completeness  # as the window and `list` count
            except Exception:  # noqa: BLE001 - a damaged application must not hide the others
                log.exception("completeness of application %s", app_id)
                self._cache[(app_id, updated_at)] = None
        if pending:
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list from the database, keeping (or moving) the selection."""
        if self.repo is None:  # still waiting for the database
            return
        if select_id is None:
            select_id = self.selected_id()
        apps = self.repo.list_applications()
        self.table.fill(apps, self._completeness)
        self.stack.setCurrentWidget(self.table if apps else self.empty_hint)
        if apps:
            self.select(select_id if select_id is not None else self.table.first_id())
        text = self.tr("Baza: {path} · wnioski: {count}").format(path=self.repo.path, count=len(apps))
        warnings = list(getattr(self.repo.db, "warnings", ()))  # read-only, network share, no day's copy
        self.status.setText(" · ".join([text, *warnings]))
        self.status.setToolTip("\n".join(warnings))
        self.status.setStyleSheet("color: #8a4b00;" if warnings else "")
        self._update_actions()

    def row_of(self, app_id: int) -> int:
        return self.table.row_of(app_id) if self.table is not None else -1

    def select(self, app_id: int | None) -> None:
        if self.table is not None:
            self.table.select(app_id)

    def selected_id(self) -> int | None:
        return self.table.selected_id() if self.table is not None else None

    def _update_actions(self) -> None:
        has = self.selected_id() is not None
        for action in (self.act_open, self.act_duplicate, self.act_renew, self.act_delete, self.act_export):
            action.setEnabled(has)
        for button, action in (
            (self.btn_open, self.act_open),
            (self.btn_duplicate, self.act_duplicate),
            (self.btn_renew, self.act_renew),
            (self.btn_delete, self.act_delete),
            (self.btn_export, self.act_export),
        ):
            button.setEnabled(action.isEnabled())

    # What is done with applications (ui.start.actions) -----------------------------------------
    def new_application(self) -> int | None:
        return self.applications.new_application()

    def duplicate_selected(self) -> int | None:
        return self.applications.duplicate_selected()

    def renew_selected(self) -> int | None:
        return self.applications.renew_selected()

    def delete_selected(self) -> bool:
        return self.applications.delete_selected()

    def import_file(self, path: Path | None = None) -> int | None:
        return self.applications.import_file(path)

    def export_selected(self, path: Path | None = None) -> Path | None:
        return self.applications.export_selected(path)

    # Wizard windows ----------------------------------------------------------------------------
    def open_selected(self) -> QMainWindow | None:
        app_id = self.selected_id()
        return self.open_application(app_id) if app_id is not None else None

    def open_application(self, app_id: int) -> QMainWindow | None:
        wizard = self.wizards.get(app_id)
        if wizard is not None and shiboken6.isValid(wizard):
            wizard.show()
            wizard.raise_()
            wizard.activateWindow()
            return wizard
        from PySide6.QtCore import Qt

        from forms.loader import DefinitionError
        from models.db import StorageError
        from models.repository import RepositoryError
        from ui.session import Session

        try:
            session = Session(self.repo, app_id)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            dialogs.report_failure(self, self.tr("Nie można otworzyć wniosku"), exc)
            self.refresh()
            return None
        try:
            wizard = dialogs.make_wizard(session)
        except ImportError:
            log.exception("wizard unavailable")
            session.deleteLater()
            dialogs.show_error(
                self,
                self.tr("Nie można otworzyć wniosku"),
                self.tr("Kreator wniosku nie jest dostępny w tej wersji programu."),
            )
            return None
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        wizard.destroyed.connect(lambda *_args, app_id=app_id: self._wizard_closed(app_id))
        correction = getattr(wizard, "correctionCreated", None)
        if correction is not None:  # a correction made in the wizard: list it and open it
            correction.connect(self._correction_created)
        session.saved.connect(self._refresh_timer.start)
        session.stateChanged.connect(self._refresh_timer.start)
        self.wizards[app_id] = wizard
        self.sessions[app_id] = session
        wizard.show()
        return wizard

    def _correction_created(self, new_id: int) -> None:
        self.refresh(new_id)
        self.open_application(new_id)

    def _wizard_closed(self, app_id: int) -> None:
        self.wizards.pop(app_id, None)
        session = self.sessions.pop(app_id, None)
        if session is not None and shiboken6.isValid(session):
            session.flush()
            session.deleteLater()
        if shiboken6.isValid(self):
            self.refresh(app_id)

    def flush(self, app_id: int) -> None:
        """Save what the open wizard of `app_id` (if any) has not saved yet."""
        session = self.sessions.get(app_id)
        if session is not None and shiboken6.isValid(session):
            session.flush()

    # Databases (ui.start.databases) ------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        self.databases.fill_recent_menu(self.recent_menu)

    def open_database_dialog(self) -> bool:
        return self.databases.open_database_dialog()

    def switch_database(self, path: Path) -> bool:
        return self.databases.switch_database(path)

    def use_database(self, handle: Any) -> None:
        """Show the database of `handle` (already opened and locked) and release the current one."""
        old = self.handle
        self._set_database(handle)
        if old is not None:
            old.close()
        self.settings.add_recent_database(self.repo.path)
        self._show_list()

    def manage_backups(self) -> bool:
        """The database's backups; restore one (the current content is backed up first). True when restored."""
        if self.handle is None:
            return False
        if self.wizards:
            dialogs.show_error(self, self.tr("Kopie zapasowe"), self.tr("Zamknij najpierw otwarte okna wniosków."))
            return False
        chosen = dialogs.ask_restore(self, self.handle.path)
        if chosen is None:
            return False
        from models.faults import StorageError

        try:
            self.handle.restore(chosen)
        except StorageError as exc:
            dialogs.report_failure(self, self.tr("Nie przywrócono kopii"), exc)
            return False
        self._set_database(self.handle)
        self._show_list()
        return True

    def about(self) -> None:
        dialogs.show_about(self, self.repo.path if self.repo is not None else None, self.settings.file_name)

    # Closing -----------------------------------------------------------------------------------
    def flush_all(self) -> None:
        for session in list(self.sessions.values()):
            if shiboken6.isValid(session):
                session.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        for wizard in list(self.wizards.values()):
            if shiboken6.isValid(wizard) and not wizard.close():
                event.ignore()  # the wizard refused (e.g. the user chose to stay)
                return
        self.flush_all()
        self.settings.save_geometry("start", self)
        event.accept()
