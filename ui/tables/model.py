"""`TableModel`: one table of the open application as a Qt model, cells written through the `Session`.

DisplayRole is the written form in the user interface's language (`1 234,50 zł`, `05.03.2024`, choice labels,
tak/nie; in English `PLN 1,234.50`, `2024-03-05`, yes/no), EditRole the typed
value, `SORT_ROLE` a key that sorts numbers and dates as such. Cells with problems get a light red (error) or
light yellow (warning) background and the messages as their tool tip.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from forms.cells import parse_cell
from forms.checks.problem import Problem
from forms.display import value_text
from forms.fmt import format_date, format_decimal
from forms.schema import FieldDef, FormDefinition, TableDef
from forms.search import fold
from ui.i18n import current_language
from ui.session import Session

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NUMERIC_TYPES = ("money", "decimal", "int")
CENTERED_TYPES = ("bool", "year", "date")
ERROR_COLOURS = {True: ("#f6c4c0", "#6b2424"), False: ("#ffe9a8", "#5a4a10")}  # error?: (light, dark palette)
MARK_COLOURS = {True: "#c62828", False: "#b26a00"}  # the icon and frame of a wrong (True) or doubtful cell
MISSING_COLOURS = ("#e8f1fb", "#1f3247")

Index = QModelIndex | QPersistentModelIndex


def is_dark_palette() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def problem_brush(problems: list[Problem]) -> QBrush:
    if all(p.is_missing for p in problems):  # only not filled in yet: neutral, never the red of a wrong value
        light, dark = MISSING_COLOURS
    else:
        light, dark = ERROR_COLOURS[any(p.is_mistake for p in problems)]
    return QBrush(QColor(dark if is_dark_palette() else light))


_ICONS: dict[bool, QIcon] = {}


def problem_icon(error: bool) -> QIcon:
    """A small round mark with „!” (red for an error, amber for a warning), drawn once."""
    if error not in _ICONS:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MARK_COLOURS[error]))
        painter.drawEllipse(2, 2, 28, 28)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(14, 7, 4, 12), 2, 2)
        painter.drawEllipse(QRectF(13.5, 21, 5, 5))
        painter.end()
        _ICONS[error] = QIcon(pixmap)
    return _ICONS[error]


def cell_mark(problems: list[Problem]) -> bool | None:
    """True for a cell with an error, False for one with only warnings, None when nothing is wrong (missing
    values are not wrong: they stay neutral)."""
    mistakes = [p for p in problems if not p.is_missing]
    if not mistakes:
        return None
    return any(p.is_mistake for p in mistakes)


def problem_tooltip(problems: list[Problem], lang: str | None = None) -> str:
    lang = lang or current_language()
    tags = {
        "error": QCoreApplication.translate("TableModel", "Błąd:"),
        "warning": QCoreApplication.translate("TableModel", "Uwaga:"),
        "missing": "",  # its message says "do uzupełnienia" itself
    }
    return "\n".join(f"{tags[p.kind]} {p.message.get(lang)}".strip() for p in problems)


def display_text(column: FieldDef, value: Any, definition: FormDefinition, lang: str | None = None) -> str:
    """The written form of a typed cell value in `lang` (by default the user interface's language), on one line."""
    text = value_text(definition, column, value, lang or current_language(), empty="", short_labels=True)
    return " ".join(text.split()) if column.type == "longtext" else text


def full_text(column: FieldDef, value: Any, definition: FormDefinition, lang: str | None = None) -> str:
    """The tool tip of a cell: a multichoice one label a line, long texts in full."""
    lang = lang or current_language()
    if column.type == "multichoice" and value:
        return value_text(definition, column, value, lang, separator="\n")
    if column.type == "longtext" and value:
        return str(value)
    text = display_text(column, value, definition, lang)
    return text if len(text) > 30 else ""


def edit_text(column: FieldDef, value: Any, lang: str | None = None) -> str:
    """The text a line editor starts with: what `parse_cell` reads back to the same value."""
    if value is None:
        return ""
    lang = lang or current_language()
    t = column.type
    if t == "money":
        return format_decimal(value, 2, lang)
    if t == "decimal":
        return format_decimal(value, lang=lang)
    if t == "date":
        return format_date(value, lang)
    return str(value)


POLISH_ORDER = str.maketrans({"ą": "a~", "ć": "c~", "ę": "e~", "ł": "l~", "ń": "n~", "ó": "o~", "ś": "s~",
                              "ź": "z~", "ż": "z~~"})  # fmt: skip
_DIGITS = re.compile(r"(\d+)")


def text_key(text: str) -> tuple:
    """Polish alphabetical order, case-insensitive, numbers by value: `Instytucja 2` < `Instytucja 10` < `Łoś`."""
    parts = _DIGITS.split(" ".join(text.casefold().split()).translate(POLISH_ORDER))
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def sort_key(column: FieldDef, value: Any, definition: FormDefinition, lang: str | None = None) -> Any:
    if value is None or column.type in ("money", "decimal", "int", "year", "date"):
        return value
    if column.type == "bool":
        return int(value)
    return text_key(display_text(column, value, definition, lang))


_ROW_HEADER_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole)


class TableModel(QAbstractTableModel):
    """The rows of one table of `session.doc`; edits go through `session.set_cell`."""

    editRejected = Signal(str)  # a message naming the row and column

    def __init__(self, session: Session, table: TableDef, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = table
        self.lang = current_language()
        self._read_only = False
        self.locked_columns: frozenset[str] = frozenset()  # shown, filled by the program, never typed
        self._sort_keys: dict[tuple[int, int], Any] = {}
        session.tableChanged.connect(self._on_table_changed)
        session.cellChanged.connect(self._on_cell_changed)
        session.problemsChanged.connect(self._on_problems_changed)

    # Helpers ------------------------------------------------------------------------------------
    @property
    def definition(self) -> FormDefinition:
        return self.session.definition

    @property
    def rows(self) -> list:
        return self.session.doc.rows(self.table.key)

    @property
    def read_only(self) -> bool:
        return self._read_only or self.session.read_only

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._repaint_all()

    def column_def(self, column: int) -> FieldDef:
        return self.table.columns[column]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.table.columns) if c.key == key)

    def value(self, row: int, column: int) -> Any:
        """The typed value of a cell (read it here, not through `data()`: see `SortProxy`)."""
        return self.rows[row].get(self.column_def(column).key)

    def sort_value(self, row: int, column: int) -> Any:
        key = (row, column)
        if key not in self._sort_keys:
            column_def, value = self.column_def(column), self.value(row, column)
            self._sort_keys[key] = sort_key(column_def, value, self.definition, self.lang)
        return self._sort_keys[key]

    def cell_problems(self, row: int, column: int) -> list[Problem]:
        return self.session.problems.by_cell.get((self.table.key, row, self.column_def(column).key), [])

    # Shape --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if not index.isValid() or self.read_only or self.column_def(index.column()).key in self.locked_columns:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self._row_header(section, role)
        column = self.column_def(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.label.get(self.lang) + (" *" if column.required else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [column.label.get(self.lang)]
            if column.required:
                parts.append(self.tr("(wymagane)"))
            if column.help is not None:
                parts.append(column.help.get(self.lang))
            return "\n".join(parts)
        return None

    def _row_header(self, row: int, role: int) -> Any:
        """The row number; a row imported from a file is marked with a dot and names its source in the tooltip."""
        if role not in _ROW_HEADER_ROLES:  # the header asks for many roles per row: answer the rest at once
            return None
        uid = self.rows[row].uid if row < len(self.rows) else ""
        source = self.session.row_source_text(self.table.key, uid)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row + 1} •" if source else str(row + 1)
        problems = self.session.problems.by_row.get((self.table.key, row))
        if role == Qt.ItemDataRole.ToolTipRole and (problems or source):
            parts = [problem_tooltip(problems, self.lang)] if problems else []
            return "\n".join(parts + ([source] if source else []))
        if problems and role == Qt.ItemDataRole.BackgroundRole:
            return problem_brush(problems)
        return None

    # Cells --------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        column = self.column_def(index.column())
        value = self.rows[index.row()].get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column, value, self.definition, self.lang)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == SORT_ROLE:
            return self.sort_value(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            return self._problem_data(index, role, column, value)
        if role == Qt.ItemDataRole.DecorationRole:
            mark = cell_mark(self.cell_problems(index.row(), index.column()))
            return None if mark is None else problem_icon(mark)
        return None

    def _alignment(self, column: FieldDef) -> Qt.AlignmentFlag:
        vertical = Qt.AlignmentFlag.AlignVCenter
        if column.type in NUMERIC_TYPES:
            return Qt.AlignmentFlag.AlignRight | vertical
        if column.type in CENTERED_TYPES:
            return Qt.AlignmentFlag.AlignHCenter | vertical
        return Qt.AlignmentFlag.AlignLeft | vertical

    def _problem_data(self, index: Index, role: int, column: FieldDef, value: Any) -> Any:
        problems = self.cell_problems(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return problem_brush(problems) if problems else None
        if problems:
            return problem_tooltip(problems, self.lang)
        return (
            full_text(column, value, self.definition, self.lang) or None
        )  # the full text of a cell that may be elided

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        if self.column_def(index.column()).key in self.locked_columns:
            return False
        column = self.column_def(index.column())
        try:
            typed = parse_cell(column, value, self.definition, self.lang) if isinstance(value, str) else value
            self.session.set_cell(self.table.key, index.row(), column.key, typed)
        except ValueError as exc:
            place = self.tr("Wiersz {row}, kolumna „{column}”").format(
                row=index.row() + 1, column=column.label.get(self.lang)
            )
            self.editRejected.emit(f"{place}: {exc}")
            return False
        return True

    # Session signals ----------------------------------------------------------------------------
    def _on_table_changed(self, key: str) -> None:
        if key == self.table.key:
            self._sort_keys.clear()
            self.beginResetModel()
            self.endResetModel()

    def _on_cell_changed(self, key: str, row: int, column: str) -> None:
        if key == self.table.key and self.table.has_column(column) and row < len(self.rows):
            index = self.index(row, self.column_of(column))
            self._sort_keys.pop((row, index.column()), None)
            self.dataChanged.emit(index, index)

    def _on_problems_changed(self) -> None:
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole]
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), roles)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def _repaint_all(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


class SortProxy(QSortFilterProxyModel):
    """Sorts by `TableModel.sort_value`: numbers and dates as such, texts in Polish alphabetical order, empty cells
    last in either direction.

    The keys are read from the model in Python, never through `QModelIndex.data()`: in PySide6 6.12 with
    Python 3.11 every invalid QVariant read back into Python (an empty cell) takes one reference from `None`,
    and a few thousand of them abort the interpreter (`none_dealloc`).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._model: TableModel | None = None
        self._query = ""  # folded (forms.search): the filter ignores case and Polish letters

    def set_query(self, text: str) -> None:
        """Show only rows with a cell containing `text`, ignoring case and diacritics (`lodz` finds `Łódź`)."""
        self._query = fold(text)
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        if not self._query or self._model is None:
            return True
        model = self._model
        for column in range(model.columnCount()):
            column_def = model.column_def(column)
            text = display_text(column_def, model.value(source_row, column), model.definition, model.lang)
            if self._query in fold(text):
                return True
        return False

    def setSourceModel(self, model: TableModel) -> None:  # type: ignore[override]
        self._model = model
        super().setSourceModel(model)

    def lessThan(self, left: Index, right: Index) -> bool:
        assert self._model is not None
        a = self._model.sort_value(left.row(), left.column())
        b = self._model.sort_value(right.row(), right.column())
        if a is None or b is None:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (b is None if ascending else a is None) and a is not b
        return a < b
