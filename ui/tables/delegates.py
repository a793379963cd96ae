"""`CellDelegate`: one editor per column type, chosen from the table's `TableDef`.

choice: a combo box with an empty entry; multichoice: a list with check boxes; bool: a tak/nie (yes/no) combo;
longtext: a plain-text box; everything else: a line edit whose text is read back by `parse_cell`
(numbers and dates the Polish or English way), turning red while the text cannot be read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from forms.cells import CellError, parse_cell
from forms.display import yes_no
from forms.schema import FieldDef, FormDefinition
from ui.i18n import current_language
from ui.tables.model import ERROR_COLOURS, MARK_COLOURS, TableModel, cell_mark, edit_text, is_dark_palette

POPUP_TYPES = ("multichoice", "longtext")  # editors taller than a row
EMPTY = ""  # the data of a combo's empty entry
# Column widths in average character widths, by type.
WIDTHS = {"text": 28, "longtext": 34, "email": 24, "url": 24, "phone": 15, "nip": 13, "regon": 12, "krs": 12,
          "postcode": 8, "int": 10, "year": 7, "money": 17, "decimal": 10, "date": 11, "bool": 7, "choice": 22,
          "multichoice": 28}  # fmt: skip
HEADER_LINES = 3
ICON_ROOM = 22  # a wrong cell's icon takes this much of the cell beside its value
Index = QModelIndex | QPersistentModelIndex


def placeholder(column_type: str) -> str:
    """What a cell's line editor shows while empty: the shape of the value expected."""
    if column_type == "date":
        return QCoreApplication.translate("CellDelegate", "dd.mm.rrrr")
    if column_type == "money":
        return QCoreApplication.translate("CellDelegate", "0,00")
    if column_type == "decimal":
        return QCoreApplication.translate("CellDelegate", "0,0")
    if column_type == "year":
        return QCoreApplication.translate("CellDelegate", "rrrr")
    return ""


def header_text(column: FieldDef, lang: str | None = None) -> str:
    return column.label.get(lang or current_language()) + (" *" if column.required else "")


def column_width(view: QTableView, column: FieldDef, lang: str | None = None) -> int:
    """Wide enough for the type's usual values, for the longest word of the label, and for the label in
    `HEADER_LINES` lines."""
    metrics, header = view.fontMetrics(), view.horizontalHeader().fontMetrics()
    text = header_text(column, lang)
    width = WIDTHS.get(column.type, 20) * metrics.averageCharWidth() + 12 + ICON_ROOM
    width = max(width, max(header.horizontalAdvance(word) for word in text.split()) + 28)
    while width < 400 and label_lines(header, text, width) > HEADER_LINES:
        width += 16
    return width


def label_lines(metrics: QFontMetrics, text: str, width: int) -> int:
    box = QRect(0, 0, max(width - 28, 10), 10_000)
    return metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, text).height() // metrics.lineSpacing()


def _source(index: Index) -> tuple[TableModel, QModelIndex]:
    """The `TableModel` and its index behind a (possibly proxied) index."""
    model: QAbstractItemModel = index.model()
    source = QModelIndex(index)
    while isinstance(model, QSortFilterProxyModel):
        source = model.mapToSource(source)
        model = model.sourceModel()
    assert isinstance(model, TableModel)
    return model, source


class CellDelegate(QStyledItemDelegate):
    """Creates, fills and reads the editor of a cell according to its column type."""

    # Painting ---------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """A wrong cell also gets a frame in the colour of its icon, clear even without colour vision."""
        super().paint(painter, option, index)
        model, source = _source(index)
        mark = cell_mark(model.cell_problems(source.row(), source.column()))
        if mark is not None:
            painter.save()
            painter.setPen(QPen(QColor(MARK_COLOURS[mark]), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()

    # Which editor ------------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model, source = _source(index)
        column = model.column_def(source.column())
        t = column.type
        if t in ("choice", "bool"):
            editor: QWidget = self._combo(parent, self._choices(column, model.definition, model.lang))
        elif t == "multichoice":
            editor = self._checklist(parent, model.definition, column, model.lang)
        elif t == "longtext":
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
        else:
            editor = self._line_edit(parent, column, model.definition, model.lang)
        editor.setAutoFillBackground(True)
        return editor

    @staticmethod
    def _choices(column: FieldDef, definition: FormDefinition, lang: str) -> list[tuple[str, Any]]:
        if column.type == "bool":
            return [("", EMPTY), (yes_no(True, lang), True), (yes_no(False, lang), False)]
        return [("", EMPTY)] + [(c.label.get(lang), c.code) for c in definition.choices(column.list or "")]

    def _combo(self, parent: QWidget, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(parent)
        for label, data in items:
            combo.addItem(label, data)
        combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
        return combo

    @staticmethod
    def _checklist(parent: QWidget, definition: FormDefinition, column: FieldDef, lang: str) -> QListWidget:
        lst = QListWidget(parent)
        for choice in definition.choices(column.list or ""):
            item = QListWidgetItem(choice.label.get(lang), lst)
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        CellDelegate._tick_on_label_click(lst)
        return lst

    @staticmethod
    def _tick_on_label_click(lst: QListWidget) -> None:
        """A click anywhere on an entry ticks it (Qt alone reacts only to clicks on the box itself)."""
        pressed: dict[int, Qt.CheckState] = {}

        def on_press(item: QListWidgetItem) -> None:
            pressed.clear()
            pressed[lst.row(item)] = item.checkState()

        def on_click(item: QListWidgetItem) -> None:
            if pressed.get(lst.row(item)) == item.checkState():  # the box itself was not hit
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

        lst.itemPressed.connect(on_press)
        lst.itemClicked.connect(on_click)

    @staticmethod
    def _line_edit(parent: QWidget, column: FieldDef, definition: FormDefinition, lang: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setFrame(False)
        if column.max_length and column.type == "text":
            edit.setMaxLength(column.max_length)
        edit.setPlaceholderText(placeholder(column.type))
        if column.type in ("money", "decimal", "int"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.textChanged.connect(lambda text, e=edit: CellDelegate._mark_validity(e, column, definition, text, lang))
        return edit

    @staticmethod
    def _mark_validity(edit: QLineEdit, column: FieldDef, definition: FormDefinition, text: str, lang: str) -> None:
        try:
            parse_cell(column, text, definition, lang)
            message = ""
        except CellError as exc:
            message = str(exc)
        palette = edit.parent().palette() if edit.parent() else edit.palette()
        if message:
            palette.setColor(QPalette.ColorRole.Base, QColor(ERROR_COLOURS[True][1 if is_dark_palette() else 0]))
        edit.setPalette(palette)
        edit.setToolTip(message)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    # Filling and reading ------------------------------------------------------------------------
    def setEditorData(self, editor: QWidget, index: Index) -> None:
        model, source = _source(index)
        column = model.column_def(source.column())
        value = model.value(source.row(), source.column())
        if isinstance(editor, QComboBox):
            found = editor.findData(value) if value is not None else 0
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QListWidget):
            chosen = set(value or ())
            for i in range(editor.count()):
                item = editor.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
        elif isinstance(editor, QLineEdit):
            editor.setText(edit_text(column, value, model.lang))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        model.setData(index, self.editor_value(editor), Qt.ItemDataRole.EditRole)

    @staticmethod
    def editor_value(editor: QWidget) -> Any:
        """What the editor holds: typed for combos and lists, text for the text editors (the model parses it).

        Never None: an empty entry is `""` (the model reads it as empty), since a None travelling through a
        QVariant back into Python costs `None` a reference in PySide6 6.12 (see `SortProxy`).
        """
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QListWidget):
            items = (editor.item(i) for i in range(editor.count()))
            return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    # Geometry -----------------------------------------------------------------------------------
    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        model, source = _source(index)
        if model.column_def(source.column()).type not in POPUP_TYPES:
            super().updateEditorGeometry(editor, option, index)
            return
        editor.setGeometry(self._popup_rect(editor, option.rect))
        editor.raise_()

    @staticmethod
    def _popup_rect(editor: QWidget, cell: QRect) -> QRect:
        """A rectangle from the cell downwards, wide and tall enough for the list, kept inside the viewport."""
        area = editor.parentWidget().rect()
        if isinstance(editor, QListWidget):
            rows = editor.sizeHintForRow(0) * editor.count() if editor.count() else 0
            height, width = rows + 2 * editor.frameWidth(), max(cell.width(), editor.sizeHintForColumn(0) + 24)
        else:
            height, width = 5 * editor.fontMetrics().lineSpacing() + 12, max(cell.width(), 320)
        rect = QRect(cell.left(), cell.top(), min(width, area.width()), min(height, area.height()))
        rect.moveRight(min(rect.right(), area.right()))
        rect.moveBottom(min(rect.bottom(), area.bottom()))
        rect.moveLeft(max(rect.left(), area.left()))
        rect.moveTop(max(rect.top(), area.top()))
        return rect
