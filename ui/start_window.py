"""The start window: the applications in the database, and what can be done with them.

Every dialog goes through a small module-level function (`ask_confirm`, `show_error`, `choose_open_file`,
`choose_save_file`, `ask_new_application`, `show_about`, `make_wizard`) so that tests replace them and never
reach a modal event loop.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms.checks import check_document
from forms.fmt import NBSP, format_int
from forms.loader import DefinitionError, load_form
from forms.progress import completeness, progress
from models.db import StorageError
from models.repository import FINAL, ApplicationInfo, Repository, RepositoryError
from ui.i18n import current_language
from ui.session import Session
from ui.settings import Settings

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
(COL_NAME, COL_ROUND, COL_KIND, COL_STATE, COL_VERSION, COL_COMPLETE, COL_SAVED) = range(7)
KKK_FILTER = "kkk.json"
# What a renewal (odnowienie) carries over from the earlier application: whole parts by their key prefix
# (the cluster, its coordinator and contact person, the member register, human resources) plus every descriptive
# text of the other areas (found from the definition: the `longtext` fields).
RENEWAL_PARTS = frozenset({"cluster", "coordinator", "contact", "members", "hr"})


def renewal_carried(form_id: str) -> set[str]:
    carried = set(RENEWAL_PARTS)
    try:
        definition = load_form(form_id)
    except DefinitionError:
        return carried
    carried.update(key for key, f in definition.fields.items() if f.type == "longtext")
    return carried


# Dialogs: replaced by tests ---------------------------------------------------------------------
def ask_confirm(parent: QWidget | None, title: str, text: str, yes_text: str | None = None) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def show_error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def choose_open_file(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), name_filter)
    return Path(path) if path else None


def choose_save_file(parent: QWidget | None, title: str, suggested: Path, name_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(path) if path else None


def ask_new_application(parent: QWidget | None) -> tuple[str, str, str] | None:
    """(form id, kind, name) from the new-application dialog, or None when cancelled."""
    from ui.dialogs.new_application import NewApplicationDialog

    dialog = NewApplicationDialog(parent)
    try:
        if dialog.exec() != NewApplicationDialog.DialogCode.Accepted or not dialog.form_id:
            return None
        return dialog.form_id, dialog.kind, dialog.name
    finally:
        dialog.deleteLater()


def show_about(parent: QWidget | None, db_path: Path | None, settings_file: str | None) -> None:
    from app.paths import log_dir
    from ui.dialogs.about import AboutDialog

    dialog = AboutDialog(db_path, log_dir(), settings_file, parent)
    dialog.exec()
    dialog.deleteLater()


def make_wizard(session: Session, parent: QWidget | None = None) -> QMainWindow:
    from ui.wizard.window import WizardWindow

    return WizardWindow(session, parent)


def export_file_name(name: str, app_id: int) -> str:
    """A file name for an application's export: its name without characters file systems refuse."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    stem = " ".join(stem.split())[:80] or f"wniosek-{app_id}"
    return f"{stem}.kkk.json"


def percent_text(value: int, lang: str) -> str:
    return f"{value}%" if lang == "en" else f"{format_int(value)}{NBSP}%"


# The table ---------------------------------------------------------------------------------------
class SortItem(QTableWidgetItem):
    """An item that sorts by its SORT_ROLE value (numbers, timestamps) rather than its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if a is None or b is None or type(a) is not type(b):
            return super().__lt__(other)
        return a < b


class CompletenessDelegate(QStyledItemDelegate):
    """Completeness drawn as a small bar with the percentage in it (readable on a selected row too)."""

    DONE = QColor("#a5d6a7")
    PARTIAL = QColor("#9ec9f0")

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value = index.data(SORT_ROLE)
        if not isinstance(value, int) or value < 0:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        value = max(0, min(100, value))
        rect = QRectF(option.rect.adjusted(6, 4, -6, -4))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if value:
            filled = QRectF(rect.adjusted(1, 1, -1, -1))
            filled.setWidth(filled.width() * value / 100)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.DONE if value >= 100 else self.PARTIAL)
            painter.drawRoundedRect(filled, 2, 2)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()


class StartWindow(QMainWindow):
    def __init__(
        self,
        repo: Repository,
        settings: Settings | None = None,
        *,
        handle: Any = None,
        opener: Callable[[Path], Any] | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`handle` (optional) owns the open database and its lock (ui.app.DatabaseHandle); `opener` opens another
        database for "Otwórz bazę…" and returns such a handle, raising StorageError with a Polish message."""
        super().__init__(parent)
        self.repo = repo
        self.settings = settings or Settings()
        self.handle = handle
        self._opener = opener
        self.lang = lang or current_language()
        self.wizards: dict[int, QMainWindow] = {}
        self.sessions: dict[int, Session] = {}
        self._cache: dict[tuple[int, Any], int | None] = {}
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(400)
        self._refresh_timer.timeout.connect(lambda: self.refresh())

        self._build_actions()
        self._build_menus()
        self._build_central()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.resize(1060, 620)
        self.settings.restore_geometry("start", self)
        self._update_title()
        self.refresh()

    # Building ----------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
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
        self.recent_menu = QMenu(self.tr("Ostatnie b&azy"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
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

        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nazwa"),
                self.tr("Runda"),
                self.tr("Rodzaj"),
                self.tr("Stan"),
                self.tr("Wersja"),
                self.tr("Kompletność"),
                self.tr("Ostatni zapis"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.sortItems(COL_SAVED, Qt.SortOrder.DescendingOrder)  # the most recently saved first
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COMPLETE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_COMPLETE, 130)
        header.setHighlightSections(False)
        self.table.setItemDelegateForColumn(COL_COMPLETE, CompletenessDelegate(self.table))
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_actions)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.act_open, self.act_duplicate, self.act_renew, self.act_export, self.act_delete):
            self.table.addAction(action)

        self.empty_hint = QLabel(self.tr("Brak wniosków. Utwórz nowy wniosek albo zaimportuj plik .kkk.json."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        font = self.empty_hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty_hint.setFont(font)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); padding: 24px;")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_hint)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    # The list ----------------------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Klaster — {name}").format(name=self.repo.path.name))

    def _completeness(self, info: ApplicationInfo) -> int | None:
        session = self.sessions.get(info.id)
        if session is not None and shiboken6.isValid(session):
            return session.completeness
        key = (info.id, info.updated_at)
        if key not in self._cache:
            try:
                doc = self.repo.load(info.id)
                self._cache[key] = completeness(progress(doc, check_document(doc)))
            except Exception:  # noqa: BLE001 - a damaged application must not hide the others
                log.exception("completeness of application %s", info.id)
                self._cache[key] = None
        return self._cache[key]

    def _round_text(self, form_id: str) -> tuple[str, str]:
        try:
            definition = load_form(form_id)
        except DefinitionError:
            return form_id, self.tr("Nieznana runda: {id}").format(id=form_id)
        return self.tr("konkurs {year}").format(year=definition.round_year), definition.title.get(self.lang)

    def _row_items(self, info: ApplicationInfo) -> list[QTableWidgetItem]:
        name = SortItem(info.name or self.tr("(bez nazwy)"))
        name.setData(SORT_ROLE, (info.name or "").casefold())
        if not info.name:
            font = name.font()
            font.setItalic(True)
            name.setFont(font)
        round_text, round_title = self._round_text(info.form_id)
        round_item = SortItem(round_text)
        round_item.setToolTip(round_title)
        round_item.setData(SORT_ROLE, info.form_id)
        kind = SortItem(self.tr("odnowienie") if info.kind == "odnowienie" else self.tr("nadanie"))
        state = SortItem(self.tr("sfinalizowany") if info.state == FINAL else self.tr("roboczy"))
        if info.state == FINAL and info.checksum:
            state.setToolTip(self.tr("Suma kontrolna: {sum}").format(sum=info.checksum))
        version = SortItem(str(info.version_no))
        version.setData(SORT_ROLE, info.version_no)
        version.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        pct = self._completeness(info)
        complete = SortItem(percent_text(pct, self.lang) if pct is not None else "—")
        complete.setData(SORT_ROLE, pct if pct is not None else -1)
        complete.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        saved = SortItem(
            info.updated_at.strftime("%d.%m.%Y %H:%M")
            if self.lang != "en"
            else info.updated_at.strftime("%Y-%m-%d %H:%M")
        )
        saved.setData(SORT_ROLE, info.updated_at.isoformat())
        items = [name, round_item, kind, state, version, complete, saved]
        for item in items:
            item.setData(ID_ROLE, info.id)
        return items

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list from the database, keeping (or moving) the selection."""
        if select_id is None:
            select_id = self.selected_id()
        apps = self.repo.list_applications()
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(apps))
        for row, info in enumerate(apps):
            for col, item in enumerate(self._row_items(info)):
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(sorting)
        self.stack.setCurrentWidget(self.table if apps else self.empty_hint)
        if apps:
            self.select(select_id if select_id is not None else self.table.item(0, 0).data(ID_ROLE))
        self.status.setText(self.tr("Baza: {path} · wnioski: {count}").format(path=self.repo.path, count=len(apps)))
        self._update_actions()

    def row_of(self, app_id: int) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_NAME)
            if item is not None and item.data(ID_ROLE) == app_id:
                return row
        return -1

    def select(self, app_id: int | None) -> None:
        row = self.row_of(app_id) if app_id is not None else -1
        if row < 0 and self.table.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentCell(row, COL_NAME)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), COL_NAME)
        return item.data(ID_ROLE) if item is not None else None

    def _selected_info(self) -> ApplicationInfo | None:
        app_id = self.selected_id()
        if app_id is None:
            return None
        try:
            return self.repo.info(app_id)
        except RepositoryError:
            self.refresh()
            return None

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

    def _flush(self, app_id: int) -> None:
        session = self.sessions.get(app_id)
        if session is not None and shiboken6.isValid(session):
            session.flush()

    def _fail(self, title: str, exc: BaseException) -> None:
        log.warning("%s: %s", title, exc)
        show_error(self, title, str(exc))

    # Actions -----------------------------------------------------------------------------------
    def new_application(self) -> int | None:
        result = ask_new_application(self)
        if result is None:
            return None
        form_id, kind, name = result
        try:
            app_id = self.repo.create(form_id, name, kind)
            if name and load_form(form_id).has_field("cluster.name"):
                self.repo.set_value(app_id, "cluster.name", name)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można utworzyć wniosku"), exc)
            return None
        self.refresh(app_id)
        self.open_application(app_id)
        return app_id

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
        try:
            session = Session(self.repo, app_id)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można otworzyć wniosku"), exc)
            self.refresh()
            return None
        try:
            wizard = make_wizard(session)
        except ImportError:
            log.exception("wizard unavailable")
            session.deleteLater()
            show_error(
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

    def duplicate_selected(self) -> int | None:
        info = self._selected_info()
        if info is None:
            return None
        self._flush(info.id)
        try:
            new_id = self.repo.duplicate(info.id)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można zduplikować wniosku"), exc)
            return None
        self.refresh(new_id)
        self.statusBar().showMessage(self.tr("Utworzono kopię wniosku „{name}”.").format(name=info.name), 5000)
        return new_id

    def renew_selected(self) -> int | None:
        info = self._selected_info()
        if info is None:
            return None
        name = info.name or self.tr("(bez nazwy)")
        text = self.tr(
            "Utworzyć wniosek o odnowienie statusu na podstawie wniosku „{name}”?\n\n"
            "Zostaną przeniesione: dane klastra, koordynatora i osoby do kontaktu, rejestr członków, "
            "zasoby ludzkie oraz opisy. Rok odniesienia, dane finansowe, tabele pozostałych obszarów, "
            "załączniki, oświadczenia i podpis trzeba uzupełnić na nowo."
        ).format(name=name)
        if not ask_confirm(self, self.tr("Odnowienie statusu"), text, self.tr("Utwórz odnowienie")):
            return None
        self._flush(info.id)
        try:
            new_id = self.repo.renew(info.id, renewal_carried(info.form_id))
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można utworzyć odnowienia"), exc)
            return None
        self.refresh(new_id)
        self.statusBar().showMessage(self.tr("Utworzono wniosek o odnowienie statusu."), 5000)
        return new_id

    def delete_selected(self) -> bool:
        info = self._selected_info()
        if info is None:
            return False
        name = info.name or self.tr("(bez nazwy)")
        if info.id in self.wizards:
            show_error(
                self,
                self.tr("Usuwanie wniosku"),
                self.tr("Wniosek „{name}” jest otwarty. Zamknij jego okno i spróbuj ponownie.").format(name=name),
            )
            return False
        text = self.tr(
            "Usunąć wniosek „{name}” (wersja {version}, {state})?\n\n"
            "Przed usunięciem program zapisze kopię zapasową bazy w folderze „backups” obok pliku bazy, "
            "więc wniosek będzie można odzyskać."
        ).format(
            name=name,
            version=info.version_no,
            state=self.tr("sfinalizowany") if info.state == FINAL else self.tr("roboczy"),
        )
        if not ask_confirm(self, self.tr("Usuwanie wniosku"), text, self.tr("Usuń")):
            return False
        try:
            self.repo.delete(info.id)
        except (RepositoryError, StorageError, OSError) as exc:
            self._fail(self.tr("Nie można usunąć wniosku"), exc)
            return False
        self.refresh()
        self.statusBar().showMessage(self.tr("Usunięto wniosek „{name}”.").format(name=name), 5000)
        return True

    def import_file(self, path: Path | None = None) -> int | None:
        from export import kkk_json

        if path is None:
            path = choose_open_file(
                self,
                self.tr("Importuj wniosek"),
                self.tr("Wniosek KKK (*.kkk.json *.json);;Wszystkie pliki (*)"),
            )
        if path is None:
            return None
        title = self.tr("Nie można zaimportować pliku")
        try:
            doc = kkk_json.read(path)  # fully read and validated before the database is touched
        except kkk_json.KkkFileError as exc:
            shown = exc.problems[:8]
            more = len(exc.problems) - len(shown)
            lines = "\n".join(f"• {p}" for p in shown)
            text = self.tr("Plik {file} nie został zaimportowany; baza pozostała bez zmian.\n\n{lines}").format(
                file=Path(path).name, lines=lines
            )
            if more > 0:
                text += "\n" + self.tr("…i {n} innych problemów.").format(n=more)
            log.warning("import rejected: %s", exc)
            show_error(self, title, text, "\n".join(exc.problems) if more > 0 else None)
            return None
        fallback = Path(path).name.removesuffix(".json").removesuffix(".kkk")
        kind = doc.get("meta.application_type", "nadanie")
        try:
            with self.repo.db.atomic():
                app_id = self.repo.create(doc.definition.id, doc.get("cluster.name", "") or fallback, kind)
                self.repo.save_document(app_id, doc)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(title, exc)
            return None
        self.refresh(app_id)
        self.statusBar().showMessage(self.tr("Zaimportowano plik {file}.").format(file=Path(path).name), 5000)
        return app_id

    def export_selected(self, path: Path | None = None) -> Path | None:
        from export import kkk_json

        info = self._selected_info()
        if info is None:
            return None
        if path is None:
            path = choose_save_file(
                self,
                self.tr("Eksportuj wniosek"),
                Path.home() / export_file_name(info.name, info.id),
                self.tr("Wniosek KKK (*.kkk.json)"),
            )
        if path is None:
            return None
        path = Path(path)
        if not path.name.lower().endswith(".json"):
            path = path.with_name(path.name + ".kkk.json")
        self._flush(info.id)
        try:
            kkk_json.write(self.repo.load(info.id), path)
        except OSError as exc:
            self._fail(
                self.tr("Nie można zapisać pliku"),
                OSError(self.tr("Nie można zapisać pliku {file} ({why}).").format(file=path, why=exc.strerror or exc)),
            )
            return None
        except (RepositoryError, DefinitionError) as exc:
            self._fail(self.tr("Nie można zapisać pliku"), exc)
            return None
        self.statusBar().showMessage(self.tr("Zapisano {file}.").format(file=path), 5000)
        return path

    # Databases ---------------------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(self.repo.path.resolve())
        paths = [p for p in self.settings.recent_databases() if str(Path(p).resolve()) != current]
        if not paths:
            empty = self.recent_menu.addAction(self.tr("(brak)"))
            empty.setEnabled(False)
            return
        for i, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{i} {path.replace('&', '&&')}")
            action.triggered.connect(lambda _checked=False, p=path: self.switch_database(Path(p)))

    def open_database_dialog(self) -> bool:
        path = choose_open_file(
            self,
            self.tr("Otwórz bazę"),
            self.tr("Baza programu Klaster (*.sqlite *.db);;Wszystkie pliki (*)"),
        )
        return self.switch_database(path) if path is not None else False

    def switch_database(self, path: Path) -> bool:
        """Open another database in this window (its lock taken first); the current one is released."""
        title = self.tr("Nie można otworzyć bazy")
        if Path(path).resolve() == self.repo.path.resolve():
            return True
        if self.wizards:
            show_error(self, title, self.tr("Zamknij najpierw otwarte okna wniosków."))
            return False
        opener = self._opener
        if opener is None:
            from ui.app import open_handle

            opener = open_handle
        try:
            handle = opener(Path(path))
        except StorageError as exc:
            self._fail(title, exc)
            return False
        old = self.handle
        self.handle = handle
        self.repo = handle.repo
        self._cache.clear()
        if old is not None:
            old.close()
        self.settings.add_recent_database(self.repo.path)
        self._update_title()
        self.refresh()
        return True

    def about(self) -> None:
        show_about(self, self.repo.path, self.settings.file_name)

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
