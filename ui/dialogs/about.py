""" "O programie": the version, where the database and the log are, the versions of Python and Qt."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__


def _folder_link(path: Path | None, text: str | None = None) -> str:
    if path is None:
        return "—"
    url = QUrl.fromLocalFile(str(path)).toString()
    return f'<a href="{html.escape(url)}">{html.escape(text or str(path))}</a>'


class AboutDialog(QDialog):
    def __init__(
        self,
        db_path: Path | None,
        log_folder: Path | None,
        settings_file: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("O programie Klaster"))
        title = QLabel(f"<h2>Klaster {html.escape(__version__)}</h2>")
        intro = QLabel(
            self.tr(
                "Przygotowanie wniosku o nadanie lub odnowienie statusu Krajowego Klastra Kluczowego: "
                "kreator, kontrola kompletności, wydruk i załączniki."
            )
        )
        intro.setWordWrap(True)
        rows = [
            (self.tr("Wersja"), html.escape(__version__)),
            (
                self.tr("Baza danych"),
                _folder_link(db_path.parent, str(db_path)) if db_path is not None else "—",
            ),
            (self.tr("Folder dziennika"), _folder_link(log_folder)),
        ]
        if settings_file:
            rows.append((self.tr("Ustawienia"), html.escape(settings_file)))
        rows.append(
            (
                self.tr("Środowisko"),
                html.escape(f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}"),
            )
        )
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(k)}:</b></td><td>{v}</td></tr>" for k, v in rows
        )
        self.details = QLabel(f"<table>{table}</table>")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
