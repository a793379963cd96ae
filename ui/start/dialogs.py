"""Every modal dialog of the start window goes through a small module-level function here (`ask_confirm`,
`show_error`, `choose_open_file`, `choose_save_file`, `ask_new_application`, `show_about`, `make_wizard`).

Callers look them up on this module at call time (`dialogs.show_error(...)`), so tests replace them with
`monkeypatch.setattr(ui.start.dialogs, name, ...)` and never reach a modal event loop.

The Qt dialog classes are imported in the functions: this module is imported before the start window is shown, and
PySide builds a class (with its enums) on its first import, a few milliseconds each.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QWidget

    from ui.session import Session

log = logging.getLogger(__name__)


def ask_confirm(parent: QWidget | None, title: str, text: str, yes_text: str | None = None) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def show_error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def report_failure(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """Log a failed operation and show its (already translated) message."""
    log.warning("%s: %s", title, exc)
    show_error(parent, title, str(exc))


def choose_open_file(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), name_filter)
    return Path(path) if path else None


def choose_save_file(parent: QWidget | None, title: str, suggested: Path, name_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(path) if path else None


def ask_new_application(
    parent: QWidget | None, sources: list[tuple[int, str]] | None = None
) -> tuple[str, str, str, int | None, str] | None:
    """(form id, kind, name, the application a renewal starts from or None, the round's name) from the
    new-application dialog, or None when cancelled. `sources`: the applications a renewal may start from."""
    from ui.dialogs.new_application import NewApplicationDialog

    dialog = NewApplicationDialog(parent, sources=sources)
    try:
        if dialog.exec() != NewApplicationDialog.DialogCode.Accepted or not dialog.form_id:
            return None
        return dialog.form_id, dialog.kind, dialog.name, dialog.source_id, dialog.round_value
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


def ask_restore(parent: QWidget | None, db_path: Path, message: str | None = None) -> Path | None:
    """The backups of a database; the healthy copy the user chose to restore, or None."""
    from ui.start.restore import RestoreDialog

    dialog = RestoreDialog(db_path, message, parent)
    return dialog.chosen if dialog.exec() == RestoreDialog.DialogCode.Accepted else None
