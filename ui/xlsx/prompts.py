"""The small modal steps of the Excel dialogs (file choosers, messages, running a dialog), one function each so
that tests replace them instead of clicking through native dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

XLSX_FILTER = "Skoroszyt Excel (*.xlsx *.xlsm);;Wszystkie pliki (*)"


def choose_open_file(parent: QWidget | None, title: str, filters: str = XLSX_FILTER) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def choose_save_file(parent: QWidget | None, title: str, suggested: str, filters: str = XLSX_FILTER) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def _box(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, details: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(QMessageBox.Icon.Warning, parent, title, text, details)


def show_info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(QMessageBox.Icon.Information, parent, title, text, details)


def exec_dialog(dialog: QDialog) -> bool:
    """Run a dialog modally; True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted
