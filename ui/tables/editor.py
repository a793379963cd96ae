"""`TableEditor`: a table of the application with buttons to add, remove, reorder and paste rows from Excel.

The view sorts by a click on a column header (a third click restores the order of the form) and, when
`filterable`, filters rows by a search text. Rows are reordered only in the natural order, since a sorted or
filtered view makes "up" ambiguous. Table-level problems and the row count are shown under the table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forms.schema import TableDef
from ui.layout import FlowLayout
from ui.session import Session
from ui.settings import Settings
from ui.tables.delegates import HEADER_LINES, CellDelegate, column_width, header_text, label_lines
from ui.tables.frozen import FrozenTableView
from ui.tables.model import SORT_ROLE, SortProxy, TableModel, is_dark_palette
from ui.tables.paste import parse_clipboard_rows
from ui.tables.view import KeyTableView

FROZEN_CHARS = 42  # the frozen first column: wide enough for most member names
STATUS_COLOURS = {True: ("#b3261e", "#ff8a80"), False: ("#7a5900", "#ffd54f")}  # error?: (light, dark palette)
KEYS = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Delete)  # handled by eventFilter
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question (tests patch this)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_report(parent: QWidget, title: str, text: str, details: str = "") -> None:
    """Show a message without blocking (window-modal, closes itself); tests patch this."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def set_text_colour(label: QLabel, error: bool) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(STATUS_COLOURS[error][is_dark_palette()]))
    label.setPalette(palette)


class TableEditor(QWidget):
    """One table of the open application: view, buttons, problems of the table and its row count."""

    def __init__(
        self,
        session: Session,
        table_def: TableDef,
        parent: QWidget | None = None,
        filterable: bool = False,
        typed_rows: bool = True,
        locked_columns: frozenset[str] = frozenset(),
        freeze_first: bool = False,
        column_choice: bool = False,
    ):
        """`typed_rows=False`: rows come from elsewhere (attachments: from files), so no Dodaj wiersz and no paste;
        `locked_columns` are shown but filled by the program (a file's name and SHA-256); `freeze_first` keeps the
        first column (the member's name) in place while the rest scrolls sideways; `column_choice` lets the user
        hide columns (Kolumny ▾ and the header's context menu), remembered in the settings."""
        super().__init__(parent)
        self.typed_rows = typed_rows
        self.freeze_first = freeze_first
        self.column_choice = column_choice
        self.empty_panel: QWidget | None = None
        self._status_text = ""  # what this table last showed in the window's status bar
        self.session = session
        self.table = table_def
        self.model = TableModel(session, table_def, self)
        self.model.locked_columns = locked_columns
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit: QLineEdit | None = self._build_filter() if filterable else None
        self.view = self._build_view()
        self.columns_button = self._build_column_choice() if column_choice else None
        self._column_choice_changed(remember=False)  # the button's text
        self._build_buttons()
        self._build_footer()
        self._layout()
        self._connect()
        self._notice("")
        self.set_read_only(False)

    # Building -----------------------------------------------------------------------------------
    def _build_filter(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr("Szukaj…"))
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._on_filter)
        return edit

    def _build_view(self) -> QTableView:
        view = FrozenTableView(self) if self.freeze_first else KeyTableView(self)
        view.setModel(self.proxy)
        view.setItemDelegate(CellDelegate(view))
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        view.setSortingEnabled(True)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(view.fontMetrics().height() + 4)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        for i, column in enumerate(self.table.columns):
            width = column_width(view, column, self.model.lang)
            if i == 0 and self.freeze_first:
                width = max(width, FROZEN_CHARS * view.fontMetrics().averageCharWidth() + 12)  # names read whole
            view.setColumnWidth(i, width)
        header.sectionResized.connect(lambda *_: self._fit_header_height(view))
        self._fit_header_height(view)
        if isinstance(view, FrozenTableView):
            view.sync_frozen()
        view.installEventFilter(self)
        for shown in (view, getattr(view, "frozen", None)):  # the frozen name column too
            if shown is not None:
                shown.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                shown.customContextMenuRequested.connect(lambda pos, v=shown: self._row_menu(v, pos))
        return view

    def _row_menu(self, view: QTableView, pos: object) -> None:
        """A row's context menu: „Historia zmian wiersza…” (who changed which cell, when; ui.history_view)."""
        index = view.indexAt(pos)
        if not index.isValid():
            return
        row = self.proxy.mapToSource(index).row()
        rows = self.session.doc.rows(self.table.key)
        if not 0 <= row < len(rows):
            return
        from ui import history_view

        uid = rows[row].uid
        menu = QMenu(view)
        action = menu.addAction(self.tr("Historia zmian wiersza…"))
        action.triggered.connect(lambda: history_view.show_history(self.session, None, uid, self.window()))
        history_view.exec_menu(menu, view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _build_column_choice(self) -> QPushButton:
        """Kolumny ▾: a check box per column (the first, frozen one always stays), remembered per table."""
        button = QPushButton(self)  # with a menu: Qt draws its arrow
        button.setToolTip(self.tr("Wybierz kolumny widoczne w tabeli (także menu kontekstowe nagłówka)"))
        menu = QMenu(button)
        self.column_actions: dict[str, QAction] = {}
        for i, column in enumerate(self.table.columns):
            if i == 0:
                continue
            action = QAction(header_text(column, self.model.lang).replace("&", "&&"), menu)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, c=i: self._column_toggled(c, on))
            menu.addAction(action)
            self.column_actions[column.key] = action
        menu.addSeparator()
        show_all = QAction(self.tr("Pokaż wszystkie kolumny"), menu)
        show_all.triggered.connect(lambda: self.set_hidden_columns(set()))
        menu.addAction(show_all)
        button.setMenu(menu)
        self.columns_menu = menu
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: menu.popup(header.mapToGlobal(pos)))
        self.set_hidden_columns(set(Settings().hidden_columns(self.table.key)), remember=False)
        return button

    def _build_buttons(self) -> None:
        style = self.style()
        # No mnemonics: a page has several tables, and Alt+letter belongs to the window (Wstecz, Dalej, menus);
        # the table's own keys work while the table has the focus (listed in Pomoc › Skróty klawiszowe).
        self.add_button = QPushButton(self.tr("Dodaj wiersz"), self)
        self.add_button.setToolTip(self.tr("Dodaj wiersz na końcu tabeli (Ctrl+Insert w tabeli)"))
        self.remove_button = QPushButton(self.tr("Usuń"), self)
        self.remove_button.setToolTip(self.tr("Usuń zaznaczone wiersze (Ctrl+Delete w tabeli)"))
        self.up_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), self.tr("W górę"), self)
        self.up_button.setToolTip(self.tr("Przesuń wiersz w górę (Ctrl+Shift+↑ w tabeli)"))
        self.down_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), self.tr("W dół"), self)
        self.down_button.setToolTip(self.tr("Przesuń wiersz w dół (Ctrl+Shift+↓ w tabeli)"))
        self.paste_button = QPushButton(self.tr("Wklej z Excela"), self)
        self.paste_button.setToolTip(self.tr("Dopisz wiersze skopiowane z arkusza (Ctrl+V w tabeli)"))
        self._up_tip, self._down_tip = self.up_button.toolTip(), self.down_button.toolTip()
        self.add_button.setVisible(self.typed_rows)
        self.paste_button.setVisible(self.typed_rows)
        for keys, handler in (
            ("Ctrl+Insert", self.add_row),
            ("Ctrl+Delete", self.remove_selected),
            ("Ctrl+Shift+Up", lambda: self.move_current(-1)),
            ("Ctrl+Shift+Down", lambda: self.move_current(1)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)

    def _build_footer(self) -> None:
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_colour(self.problems_label, True)
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

    def _layout(self) -> None:
        buttons = FlowLayout()  # wraps on a narrow page instead of widening it
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.add_stretch()
        buttons.addWidget(self.paste_button)
        if self.columns_button is not None:
            buttons.addWidget(self.columns_button)
        footer = QHBoxLayout()
        messages = QVBoxLayout()
        messages.addWidget(self.problems_label)
        messages.addWidget(self.notice_label)
        footer.addLayout(messages, 1)
        footer.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.filter_edit is not None:
            layout.addWidget(self.filter_edit)
        layout.addLayout(buttons)
        self._view_layout = layout
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        proxy = self.proxy
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.layoutChanged):
            signal.connect(self._update_state)
        self.view.selectionModel().currentChanged.connect(self._update_state)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.show_cell_message())
        self.view.selectionModel().selectionChanged.connect(self._update_state)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._update_state)
        self.session.problemsChanged.connect(self._update_problems)
        self.session.problemsChanged.connect(self._problems_changed)  # a bound method: gone with the widget
        self.session.cellChanged.connect(lambda *_: self._notice(""))
        self.model.editRejected.connect(lambda message: self._notice(message, error=True))

    def _fit_header_height(self, view: QTableView) -> None:
        """Tall enough for the longest wrapped column label, at most `HEADER_LINES` lines."""
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        columns = enumerate(self.table.columns)
        lines = max(label_lines(metrics, header_text(c, self.model.lang), header.sectionSize(i)) for i, c in columns)
        header.setFixedHeight(min(max(lines, 1), HEADER_LINES) * metrics.lineSpacing() + 12)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+V pastes rows and Delete clears cells while the view (not a cell editor) has the focus."""
        if watched is self.view and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = next((k for k in KEYS if event.matches(k)), None)
            action = {KEYS[0]: self.paste_from_clipboard, KEYS[1]: self.clear_selected_cells}.get(key)
            if action is not None:
                event.accept()  # wins over a window-wide shortcut with the same keys
                if event.type() == QEvent.Type.KeyPress:
                    action()
                return True
        return super().eventFilter(watched, event)

    # Public -------------------------------------------------------------------------------------
    def focus_cell(self, row: int, column_key: str) -> None:
        """Select, show and focus a cell given in the order of the form (as problems name it)."""
        if not (0 <= row < self.model.rowCount()) or not self.table.has_column(column_key):
            return
        column = self.model.column_of(column_key)
        if self.view.isColumnHidden(column):
            self.set_hidden_columns(self.hidden_columns() - {column_key})  # a problem's cell is always shown
        source = self.model.index(row, column)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() and self.filter_edit is not None:
            self.filter_edit.clear()  # the row is filtered out
            index = self.proxy.mapFromSource(source)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def hidden_columns(self) -> set[str]:
        return {c.key for i, c in enumerate(self.table.columns) if i > 0 and self.view.isColumnHidden(i)}

    def set_hidden_columns(self, keys: set[str], remember: bool = True) -> None:
        """Hide exactly these columns (never the first); with `remember`, kept in the settings for next time."""
        for i, column in enumerate(self.table.columns):
            hidden = i > 0 and column.key in keys
            self.view.setColumnHidden(i, hidden)
            action = getattr(self, "column_actions", {}).get(column.key)
            if action is not None and action.isChecked() == hidden:
                action.blockSignals(True)
                action.setChecked(not hidden)
                action.blockSignals(False)
        self._column_choice_changed(remember)

    def _column_toggled(self, column: int, shown: bool) -> None:
        self.view.setColumnHidden(column, not shown)
        self._column_choice_changed(True)

    def _column_choice_changed(self, remember: bool) -> None:
        hidden = self.hidden_columns()
        if remember:
            Settings().set_hidden_columns(self.table.key, hidden)
        button = getattr(self, "columns_button", None)
        if button is not None:
            text = self.tr("Kolumny")
            button.setText(text + (" " + self.tr("(ukryte: {n})").format(n=len(hidden)) if hidden else ""))

    def set_empty_panel(self, panel: QWidget) -> None:
        """What the table shows above its (empty) view while it has no rows: how to fill it."""
        self.empty_panel = panel
        self._view_layout.insertWidget(self._view_layout.indexOf(self.view), panel)
        self._update_state()

    def cell_message(self) -> str:
        """The problems of the current cell in one line, with their place: for the window's status bar."""
        current = self.proxy.mapToSource(self.view.currentIndex())
        if not current.isValid():
            return ""
        problems = [p for p in self.model.cell_problems(current.row(), current.column()) if not p.is_missing]
        definition, lang = self.session.definition, self.model.lang
        return "; ".join(f"{' › '.join(p.place(definition, lang))}: {p.message.get(lang)}" for p in problems)

    def _problems_changed(self) -> None:
        self.show_cell_message(only_if_focused=True)

    def show_cell_message(self, only_if_focused: bool = False) -> None:
        """The current cell's problem in the window's status bar (and gone again on a cell without one)."""
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is None or (only_if_focused and not self.view.hasFocus() and not self._status_text):
            return
        text = self.cell_message()
        if text:
            bar.showMessage(text)
        elif self._status_text and bar.currentMessage() == self._status_text:
            bar.clearMessage()
        self._status_text = text

    def set_read_only(self, read_only: bool) -> None:
        self.model.set_read_only(read_only)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if self.read_only else EDIT_TRIGGERS)
        self._update_state()

    @property
    def read_only(self) -> bool:
        return self.model.read_only

    @property
    def reorder_allowed(self) -> bool:
        """Rows move only in the natural order: not while sorted or filtered."""
        filtered = self.filter_edit is not None and bool(self.filter_edit.text())
        return self.proxy.sortColumn() < 0 and not filtered

    # Actions ------------------------------------------------------------------------------------
    def add_row(self) -> None:
        if not self.add_button.isEnabled() or self.session.add_row(self.table.key) is None:
            return
        self.focus_cell(self.model.rowCount() - 1, self.table.columns[0].key)
        self.view.edit(self.view.currentIndex())

    def selected_rows(self) -> list[int]:
        """Rows (in the order of the form) with a selected cell, or the current row."""
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        return sorted({self.proxy.mapToSource(i).row() for i in indexes if i.isValid()})

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or self.read_only:
            return
        if len(rows) > 1:
            question = self.tr("Usunąć zaznaczone wiersze ({n})? Tego nie można cofnąć.").format(n=len(rows))
            if not confirm(self, self.tr("Usuwanie wierszy"), question):
                return
        self.session.remove_rows(self.table.key, rows)

    def move_current(self, step: int) -> None:
        current = self.proxy.mapToSource(self.view.currentIndex())
        target = current.row() + step
        if not current.isValid() or not self.reorder_allowed or not (0 <= target < self.model.rowCount()):
            return
        self.session.move_row(self.table.key, current.row(), target)
        self.focus_cell(target, self.model.column_def(current.column()).key)

    def clear_selected_cells(self) -> None:
        if self.read_only:
            return
        for index in self.view.selectionModel().selectedIndexes():
            self.model.setData(self.proxy.mapToSource(index), "")  # "" not None: see SortProxy

    def paste_from_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Append the rows of a block copied from Excel, its first cell going to the current column."""
        if self.read_only or not self.typed_rows:
            return
        current = self.proxy.mapToSource(self.view.currentIndex())
        start = current.column() if current.isValid() else 0
        rows, problems = parse_clipboard_rows(text, self.table, self.session.definition, start, self.model.lang)
        title = self.tr("Wklejanie z Excela")
        if not rows:
            show_report(self, title, self.tr("Schowek nie zawiera wierszy do wklejenia."), "\n".join(problems))
            return
        first = self.model.rowCount()
        self.session.add_rows(self.table.key, rows)
        self.focus_cell(first, self.table.columns[start].key)
        self._notice(self.tr("Wklejono wierszy: {n}.").format(n=len(rows)))
        if problems:
            text = self.tr("Dodano wierszy: {n}. Tych komórek nie udało się odczytać; zostały puste:")
            text = text.format(n=len(rows))
            show_report(self, title, text + "\n\n" + "\n".join(problems[:12]), "\n".join(problems))

    # State --------------------------------------------------------------------------------------
    def _on_filter(self, text: str) -> None:
        self.proxy.set_query(text)  # case- and diacritic-blind (forms.search), as Edycja › Znajdź
        self._update_state()

    def _notice(self, text: str, error: bool = False) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        if error:
            set_text_colour(self.notice_label, True)
        else:
            self.notice_label.setPalette(self.palette())

    def _update_state(self, *_: object) -> None:
        editable = not self.read_only
        count, current = self.model.rowCount(), self.proxy.mapToSource(self.view.currentIndex())
        below_max = self.table.max_rows is None or count < self.table.max_rows
        movable = editable and self.reorder_allowed and current.isValid()
        self.add_button.setEnabled(editable and below_max)
        self.remove_button.setEnabled(editable and (self.view.selectionModel().hasSelection() or current.isValid()))
        self.up_button.setEnabled(movable and current.row() > 0)
        self.down_button.setEnabled(movable and current.row() < count - 1)
        self.paste_button.setEnabled(editable)
        hint = "" if self.reorder_allowed else self.tr("Kolejność zmienia się tylko bez sortowania i filtra.")
        for button, default in ((self.up_button, self._up_tip), (self.down_button, self._down_tip)):
            button.setToolTip(hint or default)
        visible = self.proxy.rowCount()
        text = self.tr("Wierszy: {n}").format(n=count)
        if visible != count:
            text += " " + self.tr("(widocznych: {n})").format(n=visible)
        self.count_label.setText(text)
        if self.empty_panel is not None:
            self.empty_panel.setVisible(count == 0)
        self._update_problems()

    def _update_problems(self) -> None:
        problems = self.session.problems.by_table.get(self.table.key, [])
        lines = [p.message.get(self.model.lang) for p in problems]
        self.problems_label.setText(lines[0] if len(lines) == 1 else "\n".join("• " + line for line in lines))
        self.problems_label.setVisible(bool(lines))
        set_text_colour(self.problems_label, any(p.is_mistake for p in problems))  # missing rows: not red
