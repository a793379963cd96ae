"""Importing members from a workbook: read it off the UI thread, preview what happens to every row, let the user
assign the columns that could not be matched, then import the valid rows in one transaction (or nothing).

`import_members_dialog(parent, session)` is the whole flow; `ImportMembersDialog` is the preview.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from export.xlsx.headers import HeaderMatch, target_choices
from export.xlsx.members_import import (
    ADD,
    REJECT,
    UPDATE,
    ImportPlan,
    SheetData,
    apply_import,
    build_preview,
    load_sheet,
    plan_import,
    report_lines,
)
from export.xlsx.model import ImportPreview
from export.xlsx.plan import ACTION_LABELS
from export.xlsx.safety import Cancelled, Progress, XlsxFileError
from forms.cells import raw_text
from forms.document import Document
from models.faults import StorageError
from models.repository import RepositoryError
from ui.background import run_in_background
from ui.xlsx import prompts

TITLE = "Import członków z pliku Excel"
SKIP = ""
ACTION_COLOURS = {ADD: "#e6f4ea", UPDATE: "#e8f0fe", REJECT: "#fce8e6"}
PROBLEM_COLOUR = "#f4c7c3"
FIRST_SHEET_COLUMN = 3  # row number, action, problems, then the sheet's matched columns


class PreviewModel(QAbstractTableModel):
    """One line per row of the sheet: its row number, what happens to it, its cells, and its problems."""

    def __init__(self, plan: ImportPlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.set_plan(plan)

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        self.columns: list[HeaderMatch] = plan.preview.matched
        self.bad = [{p.column: p.message for p in item.problems if p.column} for item in plan.items]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.plan.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns) + FIRST_SHEET_COLUMN

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < FIRST_SHEET_COLUMN:
            return ("Wiersz", "Działanie", "Problemy")[section]
        m = self.columns[section - FIRST_SHEET_COLUMN]
        return f"{m.letter}: {m.header}"

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.plan.items[index.row()]
        c = index.column()
        m = self.columns[c - FIRST_SHEET_COLUMN] if c >= FIRST_SHEET_COLUMN else None
        if role == Qt.ItemDataRole.DisplayRole:
            if m is not None:
                return raw_text(item.row.raw[m.index]) if m.index < len(item.row.raw) else ""
            if c == 0:
                return str(item.row.number)
            if c == 1:
                return ACTION_LABELS[item.action]
            return "; ".join(p.message for p in item.problems)
        if role == Qt.ItemDataRole.ToolTipRole:
            if m is not None:
                return self.bad[index.row()].get(m.letter)
            return "\n".join(p.text() for p in item.problems) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if m is not None and m.letter in self.bad[index.row()]:
                return QBrush(QColor(PROBLEM_COLOUR))
            if c == 1:
                return QBrush(QColor(ACTION_COLOURS[item.action]))
        if role == Qt.ItemDataRole.ForegroundRole and (c == 1 or m is not None and m.letter in self.bad[index.row()]):
            return QBrush(QColor("#202124"))  # dark text on the light fills, in a dark palette too
        return None


class ImportMembersDialog(QDialog):
    """The preview of an import; `plan` and `preview` reflect the current column mapping."""

    def __init__(
        self,
        sheet: SheetData,
        doc: Document,
        parent: QWidget | None = None,
        *,
        preview: ImportPreview | None = None,
        plan: ImportPlan | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.sheet, self.doc = sheet, doc
        self.table = doc.definition.table("members")
        self.preview = preview or build_preview(sheet, doc.definition)
        self.plan = plan or plan_import(self.preview, doc)
        self.mapping: dict[str, str] = {}
        self.combos: dict[str, QComboBox] = {}

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.mapping_box = self._mapping_box()
        self.model = PreviewModel(self.plan, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(1)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(130)
        self.only_rejected = QCheckBox("Pokaż tylko odrzucone wiersze")
        self.only_rejected.toggled.connect(self._filter)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(130)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("Importuj poprawne wiersze")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Anuluj", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if self.mapping_box is not None:
            layout.addWidget(self.mapping_box)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.only_rejected)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel("Raport (wiersz i kolumna arkusza, przyczyna):"))
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)
        self._show_plan()

    # Column mapping ---------------------------------------------------------------------------------------
    def _mapping_box(self) -> QGroupBox | None:
        unmatched = self.preview.unmatched
        if not unmatched:
            return None
        taken = {m.target.spec for m in self.preview.matched}
        options = [
            (spec, label)
            for spec, label in target_choices(self.table, self.doc.definition)
            if spec not in taken and spec.split(":")[0] not in taken
        ]
        box = QGroupBox("Kolumny, których nie rozpoznano: wskaż, co zawierają (albo pomiń)")
        form = QFormLayout(box)
        for m in unmatched:
            combo = QComboBox()
            combo.addItem("(pomiń tę kolumnę)", SKIP)
            for spec, label in options:
                combo.addItem(label, spec)
            combo.currentIndexChanged.connect(lambda _i, letter=m.letter: self._mapped(letter))
            self.combos[m.letter] = combo
            form.addRow(f"Kolumna {m.letter} („{m.header}”):", combo)
        return box

    def _mapped(self, letter: str) -> None:
        spec = self.combos[letter].currentData()
        if spec:
            self.mapping[letter] = spec
        else:
            self.mapping.pop(letter, None)
        self.set_mapping(dict(self.mapping))

    def set_mapping(self, mapping: dict[str, str]) -> None:
        """Re-read the sheet's values with these columns assigned (column letter -> target spec)."""
        self.mapping = mapping
        self.preview = build_preview(self.sheet, self.doc.definition, mapping)
        self.plan = plan_import(self.preview, self.doc)
        self.model.set_plan(self.plan)
        self._show_plan()

    # Showing --------------------------------------------------------------------------------------------------
    def _filter(self, only: bool) -> None:
        self.proxy.setFilterFixedString(ACTION_LABELS[REJECT] if only else "")

    def _show_plan(self) -> None:
        p, plan = self.preview, self.plan
        self.summary.setText(
            f"Plik <b>{_esc(p.file_name)}</b>, arkusz „{_esc(p.sheet)}”, nagłówki w wierszu {p.header_row}.<br>"
            f"Do dodania: <b>{len(plan.of(ADD))}</b> · do aktualizacji: <b>{len(plan.of(UPDATE))}</b> · "
            f"odrzucone: <b>{len(plan.rejected)}</b>"
            + (f" · brak kolumn: {_esc(', '.join(c.label.pl for c in p.missing))}" if p.missing else "")
        )
        self.report.setPlainText("\n".join(report_lines(plan)[2:]) or "Wszystkie wiersze są poprawne.")
        self.import_button.setEnabled(bool(plan.accepted))
        self.import_button.setText(f"Importuj poprawne wiersze ({len(plan.accepted)})")
        self.view.resizeColumnToContents(0)
        self.view.resizeColumnToContents(1)
        self.view.setColumnWidth(2, 260)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _reader(path: str, doc: Document) -> Callable[[Progress], tuple[SheetData, ImportPreview, ImportPlan]]:
    """The work done off the UI thread: read the file, type its rows, plan them against a copy of the document."""

    def work(progress: Progress) -> tuple[SheetData, ImportPreview, ImportPlan]:
        sheet = load_sheet(path, doc.definition, progress=progress)
        preview = build_preview(sheet, doc.definition)
        return sheet, preview, plan_import(preview, doc)

    return work


def import_members_dialog(parent: QWidget | None, session: Any) -> Any:
    """Choose a workbook, preview it, import the valid rows; returns the ImportResult or None."""
    if session.read_only:
        prompts.show_error(parent, TITLE, "Wniosek jest sfinalizowany i nie można go zmieniać; utwórz korektę.")
        return None
    path = prompts.choose_open_file(parent, "Wybierz plik Excel z rejestrem członków")
    if not path:
        return None
    session.flush()
    doc = session.doc.copy()
    try:
        sheet, preview, plan = run_in_background(parent, f"Wczytywanie pliku {Path(path).name}…", _reader(path, doc))
    except Cancelled:
        return None
    except XlsxFileError as exc:
        prompts.show_error(parent, TITLE, f"Nie można wczytać pliku. {_capital(str(exc))}.")
        return None
    dialog = ImportMembersDialog(sheet, doc, parent, preview=preview, plan=plan)
    if not prompts.exec_dialog(dialog):
        return None
    try:
        session.flush()
        session.repo.backup("import")
        result = apply_import(session.repo, session.app_id, dialog.preview)
    except (RepositoryError, StorageError) as exc:
        prompts.show_error(parent, TITLE, f"Nic nie zostało wczytane: {exc}.")
        return None
    reload_session(session)
    prompts.show_info(
        parent,
        TITLE,
        f"Dodano członków: {result.added}, zaktualizowano: {result.updated}, "
        f"pominięto odrzucone wiersze: {result.rejected}.",
        "\n".join(report_lines(result.plan, done=True)),
    )
    return result


def reload_session(session: Any) -> None:
    """Take the register again from the database after an import wrote it; the import is one step of the undo
    history (undoing it puts back, through the session, what was there before)."""
    before = session.doc.copy()
    session.reload()
    history = getattr(session, "history", None)
    if history is not None:
        history.document_replaced(
            before, session.doc, QCoreApplication.translate("UndoHistory", "import z pliku Excel")
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
