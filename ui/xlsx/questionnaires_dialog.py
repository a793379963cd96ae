"""Questionnaires per member: write one workbook per member into a folder, check the folder of returned ones,
import the good answers, and write corrected copies of the ones that came back with problems.

Writing and reading run off the UI thread (`ui.background.run_in_background`); the import itself is one transaction in
the UI thread, after which the session reloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.xlsx.plan import ImportPlan, import_previews, plan_all
from export.xlsx.questionnaires import (
    CORRECTIONS_DIR,
    MISSING,
    PROBLEMS,
    RETURNED,
    MemberStatus,
    QuestionnaireReturn,
    answered_previews,
    member_statuses,
    scan_folder,
    write_correction,
    write_questionnaires,
)
from export.xlsx.safety import Cancelled, XlsxFileError
from models.repository import RepositoryError
from ui.background import run_in_background
from ui.xlsx import prompts
from ui.xlsx.import_dialog import reload_session

TITLE = "Ankiety członków"
STATUS_COLOURS = {RETURNED: "#e6f4ea", MISSING: "#f1f3f4", PROBLEMS: "#fce8e6"}


class QuestionnairesDialog(QDialog):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.session = session
        self.returns: list[QuestionnaireReturn] = []
        self.plans: list[ImportPlan] = []
        self.statuses: list[MemberStatus] = []
        self.unknown: list[tuple[str, str]] = []

        self.folder = QLineEdit()
        self.folder.setPlaceholderText("folder z ankietami")
        browse = QPushButton("Wybierz folder…")
        browse.clicked.connect(self.browse)
        self.generate_button = QPushButton("Utwórz ankiety w folderze")
        self.generate_button.clicked.connect(self.generate)
        self.scan_button = QPushButton("Sprawdź zwrócone ankiety")
        self.scan_button.clicked.connect(self.scan)
        self.import_button = QPushButton("Wczytaj poprawne ankiety")
        self.import_button.clicked.connect(self.import_returned)
        self.corrections_button = QPushButton("Zapisz kopie do poprawy")
        self.corrections_button.clicked.connect(self.write_corrections)
        self.summary = QLabel("Wybierz folder, utwórz w nim ankiety albo sprawdź ankiety zwrócone przez członków.")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Członek", "NIP", "Stan", "Plik", "Problemy"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox()
        buttons.addButton("Zamknij", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Folder:"))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        actions = QHBoxLayout()
        for b in (self.generate_button, self.scan_button, self.import_button, self.corrections_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 600)
        self.import_button.setEnabled(False)
        self.corrections_button.setEnabled(False)
        if session.read_only:
            self.summary.setText(
                "Wniosek jest sfinalizowany: można tworzyć i sprawdzać ankiety, ale nie wczytywać ich."
            )

    # Actions --------------------------------------------------------------------------------------------------
    def _folder(self) -> Path | None:
        text = self.folder.text().strip()
        if not text:
            self.browse()
            text = self.folder.text().strip()
        return Path(text) if text else None

    def browse(self) -> None:
        path = prompts.choose_folder(self, "Folder z ankietami", self.folder.text())
        if path:
            self.folder.setText(path)

    def generate(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        self.session.flush()
        doc, app_uuid = self.session.doc.copy(), self.session.info.uuid
        try:
            files = run_in_background(
                self,
                "Tworzenie ankiet…",
                lambda progress: write_questionnaires(doc, folder, app_uuid=app_uuid, progress=progress),
            )
        except Cancelled:
            return
        except OSError as exc:
            prompts.show_error(self, TITLE, f"Nie można zapisać ankiet w folderze {folder}: {exc.strerror or exc}.")
            return
        prompts.show_info(self, TITLE, f"Utworzono ankiet: {len(files)} w folderze {folder}.")

    def scan(self) -> bool:
        """Read the folder (off the UI thread) and show what importing it would do; False when nothing was read."""
        folder = self._folder()
        if folder is None:
            return False
        self.session.flush()
        doc = self.session.doc.copy()
        try:
            returns = run_in_background(
                self, "Sprawdzanie ankiet…", lambda progress: scan_folder(folder, doc.definition, progress)
            )
        except Cancelled:
            return False
        except XlsxFileError as exc:
            prompts.show_error(self, TITLE, f"Nie można odczytać folderu: {exc}.")
            return False
        self.returns = returns
        previews = answered_previews(returns)
        self.plans = [plan for plan, _ in plan_all(doc.copy(), previews, allow_add=False)]
        self._show(doc)
        return True

    def import_returned(self) -> None:
        previews = answered_previews(self.returns)
        if not previews:
            return
        self.session.flush()
        try:
            results = import_previews(self.session.repo, self.session.app_id, previews, allow_add=False)
        except RepositoryError as exc:
            prompts.show_error(self, TITLE, f"Nic nie zostało wczytane: {exc}.")
            return
        reload_session(self.session)
        self.plans = [r.plan for r in results]
        self._show(self.session.doc)
        imported = sum(len(r.uids) for r in results)
        prompts.show_info(
            self,
            TITLE,
            f"Wczytano ankiet: {imported}; z problemami (pominięte): "
            f"{sum(1 for s in self.statuses if s.status == PROBLEMS)}.",
        )

    def write_corrections(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        out = folder / CORRECTIONS_DIR
        written = 0
        try:
            for ret in self.returns:
                problems = self._problems_of(ret)
                if ret.preview is not None and problems:
                    write_correction(ret, problems, out)
                    written += 1
        except (OSError, XlsxFileError) as exc:
            prompts.show_error(self, TITLE, f"Nie można zapisać kopii do poprawy: {exc}.")
            return
        prompts.show_info(
            self,
            TITLE,
            f"Zapisano kopii do poprawy: {written} w folderze {out}. Zaznaczone "
            "komórki mają komentarz z opisem błędu; wyślij je członkom do uzupełnienia.",
        )

    # Showing --------------------------------------------------------------------------------------------------
    def _problems_of(self, ret: QuestionnaireReturn) -> list:
        for plan in self.plans:
            if plan.preview is ret.preview:
                return plan.problems
        return []

    def _show(self, doc: Any) -> None:
        self.statuses, self.unknown = member_statuses(doc, self.returns, self.plans)
        counts = {s: sum(1 for m in self.statuses if m.status == s) for s in (RETURNED, PROBLEMS, MISSING)}
        self.summary.setText(
            f"Zwrócone: {counts[RETURNED]} · z problemami: {counts[PROBLEMS]} · brak: {counts[MISSING]}"
            + (f" · pliki spoza rejestru: {len(self.unknown)}" if self.unknown else "")
        )
        rows = [(m.name, m.nip, m.label, m.file or "", "; ".join(m.problems), m.status) for m in self.statuses]
        rows += [("?", "", "nieznany plik", f, why, PROBLEMS) for f, why in self.unknown]
        self.table.setRowCount(len(rows))
        for r, (*cells, status) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if c == 4 else "")
                if c == 2:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[status])))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(not self.session.read_only and counts[RETURNED] > 0)
        self.corrections_button.setEnabled(counts[PROBLEMS] > 0)


def questionnaires_dialog(parent: QWidget | None, session: Any) -> QuestionnairesDialog:
    dialog = QuestionnairesDialog(session, parent)
    prompts.exec_dialog(dialog)
    return dialog
