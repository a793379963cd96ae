"""The attachments page: files picked from disk are copied into the database with their SHA-256, so the
application never depends on where the files were."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ui.tables.editor import TableEditor
from ui.wizard.section_page import SectionPage

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
LOCKED_COLUMNS = frozenset({"file_name", "sha256"})  # taken from the file itself, never typed
KIND_HINTS = {
    "umow": "agreement",
    "porozumien": "agreement",
    "strateg": "strategy",
    "sprawozd": "financials",
    "bilans": "financials",
}


def guess_kind(file_name: str) -> str:
    lowered = file_name.lower()
    for hint, kind in KIND_HINTS.items():
        if hint in lowered:
            return kind
    return "other"


def choose_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("AttachmentsPage", "Wybierz pliki załączników"),
        str(Path.home()),
        QCoreApplication.translate(
            "AttachmentsPage", "Dokumenty (*.pdf *.docx *.doc *.odt *.xlsx *.jpg *.png);;Wszystkie pliki (*)"
        ),
    )
    return files


def show_warning(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("AttachmentsPage", "Załączniki"), text)


class AttachmentsPage(SectionPage):
    def _table_editor(self, table, parent: QWidget) -> QWidget:
        editor = TableEditor(self.session, table, parent, typed_rows=False, locked_columns=LOCKED_COLUMNS)
        editor.setObjectName(f"table:{table.key}")
        self._attachments_table = table.key
        wrapper = QWidget(parent)
        lay = QVBoxLayout(wrapper)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Dodaj p&lik…"), wrapper)
        self.add_button.setToolTip(
            self.tr("Wybierz pliki z dysku: każdy trafia do bazy wniosku, a jego skrót SHA-256 liczy program.")
        )
        self.add_button.clicked.connect(self.add_files_from_dialog)
        row.addWidget(self.add_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(editor)
        self._editor = editor
        return wrapper

    def _criterion_box(self, criterion, parent):
        box = super()._criterion_box(criterion, parent)
        for table in criterion.tables:
            self.tables[table.key] = self._editor
        return box

    def add_files_from_dialog(self) -> None:
        self.add_files([Path(f) for f in choose_files(self)])

    def add_files(self, paths: list[Path]) -> int:
        """Copy each file into the database and add its row; returns how many were added."""
        added, problems = 0, []
        for path in paths:
            try:
                size = path.stat().st_size
                if size > MAX_ATTACHMENT_BYTES:
                    problems.append(
                        self.tr("{file}: plik ma {size} MB, najwyżej {limit} MB").format(
                            file=path.name, size=size // 1024 // 1024, limit=MAX_ATTACHMENT_BYTES // 1024 // 1024
                        )
                    )
                    continue
                content = path.read_bytes()
            except OSError as exc:
                problems.append(
                    self.tr("{file}: nie można odczytać pliku ({why})").format(file=path.name, why=exc.strerror)
                )
                continue
            digest = self.session.attach_file(content)
            self.session.add_row(
                self._attachments_table,
                {
                    "title": path.stem.replace("_", " "),
                    "kind": guess_kind(path.name),
                    "file_name": path.name,
                    "sha256": digest,
                },
            )
            added += 1
        if problems:
            show_warning(self, self.tr("Nie dodano:") + "\n" + "\n".join(problems))
        return added

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        if hasattr(self, "add_button"):
            self.add_button.setEnabled(not read_only)
