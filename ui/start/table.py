"""The list of applications in the start window: its columns, how each cell reads and sorts, the completeness
bar, and finding or selecting an application's row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from models.repository import ApplicationInfo

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
(COL_NAME, COL_ROUND, COL_KIND, COL_STATE, COL_VERSION, COL_COMPLETE, COL_SAVED) = range(7)


def percent_text(value: int, lang: str) -> str:
    from forms.fmt import NBSP, format_int

    return f"{value}%" if lang == "en" else f"{format_int(value)}{NBSP}%"


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


class ApplicationTable(QTableWidget):
    """One row per application, most recently saved first; a double click or Enter emits `openRequested`."""

    openRequested = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.lang = lang
        self.setHorizontalHeaderLabels(
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
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.setSortingEnabled(True)
        self.sortItems(COL_SAVED, Qt.SortOrder.DescendingOrder)  # the most recently saved first
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COMPLETE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_COMPLETE, 130)
        header.setHighlightSections(False)
        self.setItemDelegateForColumn(COL_COMPLETE, CompletenessDelegate(self))
        self.doubleClicked.connect(lambda _index: self.openRequested.emit())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.openRequested)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # Rows ------------------------------------------------------------------------------------------
    def fill(self, apps: Iterable[ApplicationInfo], completeness: Callable[[ApplicationInfo], int | None]) -> None:
        """Replace the rows with `apps`; `completeness` gives an application's percentage (None: unknown)."""
        apps = list(apps)
        sorting = self.isSortingEnabled()
        self.setSortingEnabled(False)
        self.setRowCount(len(apps))
        for row, info in enumerate(apps):
            for col, item in enumerate(self._row_items(info, completeness(info))):
                self.setItem(row, col, item)
        self.setSortingEnabled(sorting)

    def _round_text(self, form_id: str) -> tuple[str, str]:
        from forms.loader import DefinitionError, load_form

        try:
            definition = load_form(form_id)
        except DefinitionError:
            return form_id, self.tr("Nieznana runda: {id}").format(id=form_id)
        return self.tr("konkurs {year}").format(year=definition.round_year), definition.title.get(self.lang)

    def _row_items(self, info: ApplicationInfo, pct: int | None) -> list[QTableWidgetItem]:
        from models.repository import FINAL

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

    # Finding and selecting -------------------------------------------------------------------------
    def first_id(self) -> int | None:
        item = self.item(0, COL_NAME)
        return item.data(ID_ROLE) if item is not None else None

    def row_of(self, app_id: int) -> int:
        for row in range(self.rowCount()):
            item = self.item(row, COL_NAME)
            if item is not None and item.data(ID_ROLE) == app_id:
                return row
        return -1

    def select(self, app_id: int | None) -> None:
        row = self.row_of(app_id) if app_id is not None else -1
        if row < 0 and self.rowCount():
            row = 0
        if row >= 0:
            self.selectRow(row)
            self.setCurrentCell(row, COL_NAME)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), COL_NAME)
        return item.data(ID_ROLE) if item is not None else None
