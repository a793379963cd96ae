"""What an empty member register shows above its table: the two ways to fill it, each with its button
(type the members in, or import them from an Excel workbook, with the template to start from)."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from ui.session import Session

PANEL_STYLE = (
    "QFrame#emptyRegister { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 4px; }"
)


def xlsx_feature(name: str):
    """A function of `ui.xlsx` (looked up when used, so tests can replace it)."""
    return getattr(importlib.import_module("ui.xlsx"), name)


class EmptyRegister(QFrame):
    def __init__(self, session: Session, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = editor  # the register's TableEditor
        self.setObjectName("emptyRegister")
        self.setStyleSheet(PANEL_STYLE)
        title = QLabel(self.tr("Rejestr członków jest jeszcze pusty. Można go wypełnić na dwa sposoby:"), self)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        ways = QLabel(
            self.tr(
                "<b>1. Wpisać członków w tabeli</b> — każdy członek to jeden wiersz; w komórce zaczyna się pisać "
                "od razu, Tab przechodzi do następnej. Wiersze skopiowane z arkusza wkleja Ctrl+V.<br>"
                "<b>2. Zaimportować rejestr z Excela</b> — z szablonu Klastra albo z własnego arkusza z kolumnami "
                "rejestru; przed wczytaniem program pokaże, co doda, a czego nie może odczytać."
            ),
            self,
        )
        ways.setWordWrap(True)
        ways.setTextFormat(Qt.TextFormat.RichText)
        self.type_button = QPushButton(self.tr("Wpisz pierwszego członka"), self)
        self.type_button.setToolTip(self.tr("Dodaje pusty wiersz i otwiera jego pierwszą komórkę (Ctrl+Insert)"))
        self.import_button = QPushButton(self.tr("Importuj z Excela…"), self)
        self.import_button.setToolTip(self.tr("Wczytaj rejestr członków z pliku .xlsx (także Edycja › Importuj…)"))
        self.template_button = QPushButton(self.tr("Zapisz szablon Excela…"), self)
        self.template_button.setToolTip(self.tr("Pusty arkusz z kolumnami rejestru do wypełnienia i zaimportowania"))
        self.type_button.clicked.connect(self.type_first)
        self.import_button.clicked.connect(self.import_from_excel)
        self.template_button.clicked.connect(self.save_template)
        buttons = QHBoxLayout()
        for button in (self.type_button, self.import_button, self.template_button):
            button.setMinimumWidth(60)  # a narrow page wraps the texts above, never widens the window
            buttons.addWidget(button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(ways)
        lay.addLayout(buttons)
        self.set_read_only(session.read_only)

    def set_read_only(self, read_only: bool) -> None:
        for button in (self.type_button, self.import_button):
            button.setEnabled(not read_only)

    def type_first(self) -> None:
        self.editor.add_row()  # the first cell opens for typing

    def import_from_excel(self) -> None:
        self.session.flush()
        xlsx_feature("import_members_dialog")(self.window(), self.session)

    def save_template(self) -> None:
        from export.xlsx.members_template import write_members_template
        from ui.xlsx import prompts

        title = self.tr("Szablon rejestru członków")
        path = prompts.choose_save_file(self.window(), title, self.tr("rejestr-czlonkow.xlsx"))
        if not path:
            return
        try:
            write_members_template(self.session.definition, path)
        except OSError as exc:
            prompts.show_error(self.window(), title, self.tr("Nie można zapisać pliku: {reason}").format(reason=exc))
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Zapisano szablon: {path}").format(path=path), 6000)
