"""`FrozenTableView`: a table whose first column (the member's name) stays in place while the rest scrolls sideways.

Qt's "frozen column" approach: a second `QTableView` lies over the first column of the main view, shares its model
and selection model, shows only that column and follows the main view's vertical scrolling and row heights. The
main view keeps the keyboard focus; a cell of the first column is edited in the overlay (where it can be seen),
and Tab or Shift+Tab from that editor carries on in the main view as from any other cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.tables.view import KeyTableView

Index = QModelIndex | QPersistentModelIndex
FROZEN = 0  # the column kept in place
BORDER = "QTableView { border: none; border-right: 2px solid palette(mid); }"


class FrozenColumn(QTableView):
    """The overlay showing only the frozen column of `main`."""

    def __init__(self, main: FrozenTableView) -> None:
        super().__init__(main)
        self.main = main
        self.setObjectName("frozenColumn")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the main view keeps the focus and the Tab order
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(BORDER)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.pressed.connect(lambda _index: self.main.setFocus(Qt.FocusReason.MouseFocusReason))

    def edit_cell(self, index: Index, trigger: QAbstractItemView.EditTrigger, event) -> bool:
        return super().edit(index, trigger, event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Back to the main view; Tab and Shift+Tab go on from there (or leave the table at its edges)."""
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        backward = hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if forward or backward else hint)
        self.main.setFocus(Qt.FocusReason.OtherFocusReason)
        if forward or backward:
            self.main.go_on_from_frozen(forward)


class FrozenTableView(KeyTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = FrozenColumn(self)
        self.viewport().stackUnder(self.frozen)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().sectionResized.connect(self._main_section_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_section_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.horizontalHeader().sortIndicatorChanged.connect(self._frozen_sorted)
        self.horizontalHeader().sortIndicatorChanged.connect(self._main_sorted)

    # Keeping the overlay in step ------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for signal in (model.modelReset, model.columnsInserted, model.layoutChanged):
            signal.connect(self._hide_other_columns)
        self._hide_other_columns()

    def setItemDelegate(self, delegate) -> None:  # noqa: N802 - Qt API
        super().setItemDelegate(delegate)
        self.frozen.setItemDelegate(type(delegate)(self.frozen))  # one delegate per view: each owns its editors

    def setEditTriggers(self, triggers) -> None:  # noqa: N802 - Qt API
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setAlternatingRowColors(self, enable: bool) -> None:  # noqa: N802 - Qt API
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def sync_frozen(self) -> None:
        """Copy the looks the owner set on the main view (header alignment, row heights) to the overlay."""
        header, frozen_header = self.horizontalHeader(), self.frozen.horizontalHeader()
        frozen_header.setDefaultAlignment(header.defaultAlignment())
        rows, frozen_rows = self.verticalHeader(), self.frozen.verticalHeader()
        frozen_rows.setSectionResizeMode(rows.sectionResizeMode(0) if rows.count() else QHeaderView.ResizeMode.Fixed)
        frozen_rows.setMinimumSectionSize(rows.minimumSectionSize())
        frozen_rows.setDefaultSectionSize(rows.defaultSectionSize())
        frozen_header.blockSignals(True)
        frozen_header.setSortIndicator(header.sortIndicatorSection(), header.sortIndicatorOrder())
        frozen_header.blockSignals(False)
        self.preferred_width = self.columnWidth(FROZEN)
        self.frozen.setColumnWidth(FROZEN, self.preferred_width)
        self._fit_frozen_width()

    def _hide_other_columns(self) -> None:
        model = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, column != FROZEN)
        self.setColumnHidden(FROZEN, False)  # always there, under the overlay

    def _main_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == FROZEN:
            self.frozen.setColumnWidth(FROZEN, new)
            self._place_frozen()

    def _frozen_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == FROZEN and self.columnWidth(FROZEN) != new:
            self.preferred_width = new  # the user widened the name column on the overlay's header
            self.setColumnWidth(FROZEN, new)

    def _fit_frozen_width(self) -> None:
        """The frozen column takes at most 60 % of a narrow table, its preferred width again when there is room."""
        preferred = getattr(self, "preferred_width", 0)
        if not preferred or self.viewport().width() < 50:
            return
        width = min(preferred, max(int(self.viewport().width() * 0.6), 80))
        if width != self.columnWidth(FROZEN):
            self.setColumnWidth(FROZEN, width)

    def _frozen_sorted(self, column: int, order: Qt.SortOrder) -> None:
        self.horizontalHeader().setSortIndicator(column, order)  # sorts, as a click on the main header would

    def _main_sorted(self, column: int, order: Qt.SortOrder) -> None:
        header = self.frozen.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()

    def _place_frozen(self) -> None:
        header = self.horizontalHeader()
        self.frozen.horizontalHeader().setFixedHeight(header.height())
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.columnWidth(FROZEN),
            self.viewport().height() + header.height(),
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_frozen_width()
        self._place_frozen()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt API
        super().updateGeometries()
        self._place_frozen()

    def frozen_width(self) -> int:
        return self.frozen.width() if not self.frozen.isHidden() else 0

    # Scrolling and editing around the overlay -----------------------------------------------------
    def scrollTo(self, index: Index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        """Never scroll a cell under the overlay: the frozen column scrolls only up and down, other cells stop
        right of it."""
        if not index.isValid():
            return
        if index.column() == FROZEN:
            beside = self.columnAt(self.frozen_width() + 1)
            if beside > FROZEN:
                super().scrollTo(index.siblingAtColumn(beside), hint)
            return
        super().scrollTo(index, hint)
        hidden = self.frozen_width() - self.visualRect(index).left()
        if hidden > 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - hidden)

    def edit(self, index: Index, trigger=None, event=None):  # noqa: D102 - Qt API (both overloads)
        if trigger is None:  # the public edit(index)
            if index.isValid() and index.column() == FROZEN:
                self.frozen.edit_cell(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)
                return None
            return super().edit(index)
        if index.isValid() and index.column() == FROZEN:
            return self.frozen.edit_cell(index, trigger, event)  # seen (and typed into) on the overlay
        return super().edit(index, trigger, event)

    def go_on_from_frozen(self, forward: bool) -> None:
        """Tab or Shift+Tab in the frozen cell's editor: the next (previous) cell, or out of the table."""
        if self._at_edge(forward):
            self.leave(forward)
            return
        current, model = self.currentIndex(), self.model()
        if forward:
            column = next((c for c in range(FROZEN + 1, model.columnCount()) if not self.isColumnHidden(c)), None)
            target = model.index(current.row(), column) if column is not None else QModelIndex()
        else:
            target = model.index(current.row() - 1, self._last_visible_column())
        if target.isValid():
            self.setCurrentIndex(target)
            if target.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(target)
