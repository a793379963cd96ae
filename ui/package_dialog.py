""" "Przygotuj do wysyłki": build the submission package, show its size against the mail limit (offering a split
into numbered parts), write the e-mail draft and open it in the default mail program, with `mailto:` and the
folder as the fallback."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_path
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from export.package.builder import PackageError, PackageResult, build_package_from, is_correction
from export.package.eml import Letter, mailto_url, write_drafts
from forms.document import group_checksum
from forms.fmt import format_megabytes
from ui.background import run_in_background
from ui.session import Session
from ui.settings import Settings
from ui.signed_dialog import add_signed_button


def open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def show_error(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("PackageDialog", "Pakiet do wysłania"), text)


def choose_folder(parent: QWidget, start: str) -> str:
    return QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("PackageDialog", "Folder na pakiet"), start
    )


class PackageDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or Settings()
        self.result_package: PackageResult | None = None
        self.emls: list[Path] = []
        self.setWindowTitle(QCoreApplication.translate("PackageDialog", "Przygotuj do wysyłki"))
        self.resize(720, 520)
        info = session.info
        lay = QVBoxLayout(self)
        state = (
            QCoreApplication.translate("PackageDialog", "Wniosek sfinalizowany; suma kontrolna {checksum}.").format(
                checksum=group_checksum(info.checksum or "")
            )
            if info.is_final
            else QCoreApplication.translate(
                "PackageDialog",
                "Wniosek jest roboczy: można go spakować tylko jako wersję roboczą do wewnętrznego przeglądu.",
            )
        )
        intro = QLabel(state, self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        folder_row = QHBoxLayout()
        default_folder = self.settings.get("package_folder") or str(user_documents_path() / "Klaster")
        self.folder = QLineEdit(default_folder, self)
        browse = QPushButton(QCoreApplication.translate("PackageDialog", "&Wybierz…"), self)
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel(QCoreApplication.translate("PackageDialog", "&Folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.to = QLineEdit(self.settings.get("ministry_email") or "", self)
        self.to.setPlaceholderText(
            QCoreApplication.translate("PackageDialog", "adres e-mail ministerstwa z ogłoszenia o konkursie")
        )
        form.addRow(QCoreApplication.translate("PackageDialog", "&Adresat:"), self.to)
        self.limit = QDoubleSpinBox(self)
        self.limit.setRange(1, 500)
        self.limit.setDecimals(0)
        self.limit.setSuffix(" MB")
        self.limit.setValue(float(self.settings.mail_limit_mb))
        form.addRow(QCoreApplication.translate("PackageDialog", "&Limit poczty:"), self.limit)
        self.draft = QCheckBox(
            QCoreApplication.translate(
                "PackageDialog", "Wersja &robocza do wewnętrznego przeglądu (oznaczona w nazwach i w manifeście)"
            ),
            self,
        )
        self.draft.setChecked(not info.is_final)
        self.draft.setEnabled(False)
        form.addRow("", self.draft)
        lay.addLayout(form)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        lay.addWidget(self.report, 1)
        self.buttons = QDialogButtonBox(self)
        self.build_button = self.buttons.addButton(
            QCoreApplication.translate("PackageDialog", "&Utwórz pakiet"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.split_button = self.buttons.addButton(
            QCoreApplication.translate("PackageDialog", "&Podziel na części"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.mail_button = self.buttons.addButton(
            QCoreApplication.translate("PackageDialog", "Otwórz w programie &pocztowym"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.folder_button = self.buttons.addButton(
            QCoreApplication.translate("PackageDialog", "Otwórz &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.signed_button = add_signed_button(self)  # the signed application (PAdES / XAdES) brought back
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.build_button.clicked.connect(lambda: self.build(split=False))
        self.split_button.clicked.connect(lambda: self.build(split=True))
        self.mail_button.clicked.connect(self.open_mail)
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.split_button, self.mail_button, self.folder_button):
            button.setEnabled(False)
        lay.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = choose_folder(self, self.folder.text())
        if folder:
            self.folder.setText(folder)

    def build(self, split: bool = False) -> PackageResult | None:
        self.session.flush()
        outdir = Path(self.folder.text().strip() or ".")
        self.settings.set("package_folder", str(outdir))
        self.settings.set("ministry_email", self.to.text().strip())
        self.settings.set("mail_limit_mb", int(self.limit.value()))
        doc, info = self.session.doc.copy(), self.session.info
        corrects = None
        if is_correction(info):  # a korekta's package carries the changes against the version it corrects
            corrects = (self.session.repo.load(info.parent_id), self.session.repo.info(info.parent_id))
        limit = self.limit.value()
        from export.signing.package import latest_signed

        signed = latest_signed(self.session.repo, self.session.app_id) if info.is_final else None
        try:
            result = run_in_background(
                self,
                QCoreApplication.translate("PackageDialog", "Tworzę pakiet: PDF, Excel, załączniki…"),
                lambda progress: build_package_from(
                    doc, info, outdir, allow_draft=True, limit_mb=limit, split=split, corrects=corrects, signed=signed
                ),
            )
        except PackageError as exc:
            show_error(self, str(exc))
            return None
        except OSError as exc:
            show_error(
                self,
                QCoreApplication.translate("PackageDialog", "Nie można zapisać pakietu w {folder} ({error}).").format(
                    folder=outdir, error=exc.strerror
                ),
            )
            return None
        self.result_package = result
        try:
            self.emls = write_drafts(result, self.to.text().strip(), Letter.of(self.session.doc, self.session.info))
        except PackageError as exc:  # a message over the mail limit is named, never written
            self.emls = []
            show_error(self, str(exc))
        self._show(result)
        return result

    def _show(self, result: PackageResult) -> None:
        lines = [
            QCoreApplication.translate("PackageDialog", "Pakiet: {folder}").format(folder=result.folder),
            QCoreApplication.translate("PackageDialog", "ZIP: {zip}").format(zip=result.zip_path),
        ]
        lines += [f"  {format_megabytes(e.size):>10}  {e.name}" for e in result.entries]
        lines.append(
            QCoreApplication.translate("PackageDialog", "Razem: {size} (limit {limit})").format(
                size=format_megabytes(result.total_size), limit=format_megabytes(result.limit_bytes)
            )
        )
        if result.draft:
            lines.append(
                QCoreApplication.translate("PackageDialog", "UWAGA: wersja robocza — nie do wysłania do ministerstwa.")
            )
        if result.over_limit and not result.parts:
            lines.append(
                QCoreApplication.translate(
                    "PackageDialog",
                    "UWAGA: pakiet przekracza limit poczty; podziel go na części albo wyślij inną drogą.",
                )
            )
        for part in result.parts:
            lines.append(
                QCoreApplication.translate("PackageDialog", "Część {n} z {count}: {size}").format(
                    n=part.number, count=part.count, size=format_megabytes(part.size)
                )
            )
        lines += [QCoreApplication.translate("PackageDialog", "Wiadomość: {path}").format(path=p) for p in self.emls]
        self.report.setPlainText("\n".join(lines))
        self.split_button.setEnabled(result.over_limit and not result.parts)
        self.mail_button.setEnabled(True)
        self.folder_button.setEnabled(True)

    def open_mail(self) -> None:
        """The .eml in the default mail program; if none opens it, a mailto: link and the folder."""
        if not self.result_package:
            return
        if all(open_url(QUrl.fromLocalFile(str(p))) for p in self.emls):
            return
        result = self.result_package
        letter = Letter.of(self.session.doc, self.session.info)
        url = mailto_url(
            self.to.text().strip(),
            letter.subject(result),
            letter.body(result)
            + QCoreApplication.translate("PackageDialog", "\nPliki do załączenia są w folderze: {folder}\n").format(
                folder=result.folder
            ),
        )
        open_url(QUrl(url))
        self.open_folder()

    def open_folder(self) -> None:
        if self.result_package:
            open_url(QUrl.fromLocalFile(str(self.result_package.folder.parent)))


def package_dialog(parent: QWidget, session: Session) -> None:
    PackageDialog(session, parent).exec()
