"""Versions of an application: every finalisation is kept and each correction is a new version. Any two can be
compared field by field (table rows matched by their key, a member by NIP) and the comparison exported as the
PDF "zestawienie zmian" with both checksums."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.package.names import safe_name
from forms.diff import KIND_LABELS, Change, diff_documents
from forms.document import group_checksum
from models.repository import ApplicationInfo
from ui.i18n import current_language
from ui.session import Session


def choose_pdf_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("VersionsDialog", "Zestawienie zmian"), suggested, "PDF (*.pdf)"
    )
    return path


def show_error(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("VersionsDialog", "Zestawienie zmian"), text)


def version_label(info: ApplicationInfo) -> str:
    state = (
        QCoreApplication.translate("VersionsDialog", "sfinalizowana")
        if info.is_final
        else QCoreApplication.translate("VersionsDialog", "robocza")
    )
    when = info.finalized_at or info.updated_at
    checksum = f", {group_checksum(info.checksum)}" if info.checksum else ""
    return QCoreApplication.translate("VersionsDialog", "wersja {n} ({state}, {when}{checksum})").format(
        n=info.version_no, state=state, when=f"{when:%d.%m.%Y %H:%M}", checksum=checksum
    )


class VersionsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.repo = session.repo
        self.lang = current_language()
        self.setWindowTitle(QCoreApplication.translate("VersionsDialog", "Wersje wniosku"))
        self.resize(900, 560)
        self.versions = self.repo.versions(session.app_id)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.old = QComboBox(self)
        self.new = QComboBox(self)
        for info in self.versions:
            self.old.addItem(version_label(info), info.id)
            self.new.addItem(version_label(info), info.id)
        self.old.setCurrentIndex(max(len(self.versions) - 2, 0))
        self.new.setCurrentIndex(len(self.versions) - 1)
        form.addRow(QCoreApplication.translate("VersionsDialog", "&Wcześniejsza:"), self.old)
        form.addRow(QCoreApplication.translate("VersionsDialog", "&Późniejsza:"), self.new)
        lay.addLayout(form)
        self.summary = QLabel(self)
        lay.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("VersionsDialog", "Miejsce"),
                QCoreApplication.translate("VersionsDialog", "Zmiana"),
                QCoreApplication.translate("VersionsDialog", "Było"),
                QCoreApplication.translate("VersionsDialog", "Jest"),
            ]
        )
        for column, width in enumerate((330, 90, 220)):
            self.tree.setColumnWidth(column, width)
        self.tree.setAlternatingRowColors(True)
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.pdf_button = buttons.addButton(
            QCoreApplication.translate("VersionsDialog", "Eksport &PDF zestawienia zmian…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.pdf_button.clicked.connect(self.export_pdf)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.old.currentIndexChanged.connect(self.compare)
        self.new.currentIndexChanged.connect(self.compare)
        self.changes: list[Change] = []
        self.compare()

    def _ids(self) -> tuple[int, int]:
        return int(self.old.currentData()), int(self.new.currentData())

    def compare(self) -> None:
        self.session.flush()
        old_id, new_id = self._ids()
        self.changes = diff_documents(self.repo.load(old_id), self.repo.load(new_id), self.lang)
        self.tree.clear()
        definition = self.session.definition
        sections = {s.id: s for s in definition.sections}
        heads: dict[str, QTreeWidgetItem] = {}
        for change in self.changes:
            head = heads.get(change.section)
            if head is None:
                title = (
                    sections[change.section].display_title(self.lang) if change.section in sections else change.section
                )
                head = heads[change.section] = QTreeWidgetItem([title])
                self.tree.addTopLevelItem(head)
                head.setExpanded(True)
            where = (
                change.label
                + (f" › {change.row}" if change.row else "")
                + (f" › {change.column_label}" if change.column_label else "")
            )
            head.addChild(
                QTreeWidgetItem(
                    [
                        where,
                        KIND_LABELS.get(self.lang, KIND_LABELS["pl"])[change.kind],
                        change.old or "",
                        change.new or "",
                    ]
                )
            )
        self.summary.setText(
            QCoreApplication.translate("VersionsDialog", "Zmian: {n}.").format(n=len(self.changes))
            if self.changes
            else QCoreApplication.translate("VersionsDialog", "Brak zmian między tymi wersjami.")
        )
        self.pdf_button.setEnabled(old_id != new_id)

    def export_pdf(self) -> Path | None:
        from export.pdf.changes import build_changes_pdf

        old_id, new_id = self._ids()
        new_info = self.repo.info(new_id)
        versions = f"v{self.repo.info(old_id).version_no}_v{new_info.version_no}"
        suggested = f"Zestawienie_zmian_{safe_name(new_info.name or 'wniosek', 40)}_{versions}.pdf"
        path = choose_pdf_path(self, suggested)
        if not path:
            return None
        try:
            build_changes_pdf(self.repo.load(old_id), self.repo.info(old_id), self.repo.load(new_id), new_info, path)
        except OSError as exc:
            show_error(
                self,
                QCoreApplication.translate("VersionsDialog", "Nie można zapisać pliku {path} ({error}).").format(
                    path=path, error=exc.strerror
                ),
            )
            return None
        return Path(path)


def versions_dialog(parent: QWidget, session: Session) -> None:
    VersionsDialog(session, parent).exec()
