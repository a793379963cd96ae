""" "Dodaj podpisany wniosek…": the coordinator signs the application PDF outside the app and brings the signed file
back; the dialog checks it (the same check as `signed ID FILE`), shows who signed and how, and records it. What is
already recorded is shown when it opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from export.signing import check_files, tsl_note
from export.signing.records import record, record_lines
from export.signing.reference import reference_of
from ui.background import run_in_background
from ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignedDialog", text)


def choose_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        _tr("Podpisany wniosek"),
        "",
        _tr("Podpisany wniosek (*.pdf *.xades *.xml);;Wszystkie pliki (*)"),
    )
    return files


class SignedDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_tr("Podpisany wniosek"))
        self.resize(760, 520)
        lay = QVBoxLayout(self)
        final = session.info.is_final
        intro = QLabel(
            _tr(
                "Podpisz PDF wniosku poza programem (podpis kwalifikowany, np. Szafir lub proCertum, podpis zaufany "
                "albo osobisty) i dodaj tu plik podpisany: PDF z podpisem PAdES albo plik XAdES (.xades/.xml) razem "
                "z PDF, którego dotyczy. Klaster sprawdzi, że podpisano dokładnie ten wniosek."
            )
            if final
            else _tr("Podpisuje się wniosek sfinalizowany: najpierw sfinalizuj wniosek, potem zapisz i podpisz PDF."),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        lay.addWidget(self.report, 1)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(_tr("&Dodaj pliki…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.setEnabled(final and not session.repo.read_only)
        self.add_button.clicked.connect(lambda: self.add())
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.show_recorded()

    def recorded_lines(self) -> list[str]:
        records = self.session.repo.signed_files(self.session.app_id)
        if not records:
            return [_tr("Nie dodano jeszcze podpisanego wniosku.")]
        return [_tr("Zapisane w bazie:")] + record_lines(records)

    def show_recorded(self) -> None:
        self.report.setPlainText("\n".join(self.recorded_lines()))

    def add(self, paths: list[str] | None = None) -> list:
        paths = paths if paths is not None else choose_files(self)
        if not paths:
            return []
        ref = reference_of(self.session.repo, self.session.app_id)
        outcomes = run_in_background(
            self, _tr("Sprawdzam podpisany wniosek…"), lambda _progress: check_files([Path(p) for p in paths], ref)
        )
        accepted = [o for o in outcomes if o.ok]
        with self.session.repo.transaction():
            for outcome in accepted:
                record(self.session.repo, self.session.app_id, outcome.signed)
        lines: list[str] = []
        for outcome in outcomes:
            if outcome.ok:
                lines.append(_tr("PRZYJĘTO:"))
                lines += ["  " + line for line in outcome.signed.lines()]
            else:
                lines.append(_tr("ODRZUCONO: {error}").format(error=outcome.error))
        if accepted:
            lines.append(tsl_note())
        lines += [""] + self.recorded_lines()
        self.report.setPlainText("\n".join(lines))
        return outcomes


def signed_dialog(parent: QWidget, session: Session) -> None:
    SignedDialog(session, parent).exec()


def add_signed_button(dialog) -> QPushButton:
    """The sending dialog's "Dodaj podpisany wniosek…" (a hook: one line in ui/package_dialog.py)."""
    button = dialog.buttons.addButton(_tr("Dodaj podpi&sany wniosek…"), QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: signed_dialog(dialog, dialog.session))
    return button
