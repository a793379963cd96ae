"""Questionnaires per member: write one workbook per member into a folder (with a deadline; optionally an `.eml`
draft per member and a mail-merge CSV, the round recorded), check the folder of returned ones (the campaign view:
sent, returned when, complete, problems, members without an e-mail address), import the good answers, write
corrected copies of the ones that came back with problems, and reminders for everyone who is not complete.

Writing and reading run off the UI thread (`ui.background.run_in_background`); the import itself is one transaction in
the UI thread, after which the session reloads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
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
    FolderImport,
    MemberStatus,
    QuestionnaireReturn,
    answered_previews,
    application_uuids,
    member_statuses,
    scan_folder,
    write_correction,
    write_round,
)
from export.xlsx.questionnaires_campaign import Campaign, campaign, message_records, write_reminders
from export.xlsx.questionnaires_mail import (
    CSV_NAME,
    MAILS_DIR,
    REMINDERS_DIR,
    Letter,
    write_merge_csv,
    write_questionnaire_drafts,
)
from export.xlsx.questionnaires_sheet import Setup
from export.xlsx.safety import Cancelled, XlsxFileError
from models.faults import StorageError
from models.repository import RepositoryError
from ui.background import run_in_background
from ui.xlsx import prompts
from ui.xlsx.import_dialog import reload_session

TITLE = "Ankiety członków"
COLUMNS = ["Członek", "NIP", "Stan", "Plik", "Problemy", "E-mail", "Wysłano", "Zwrócono", "Kompletność"]
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
        self.reminders_button = QPushButton("Przypomnienia dla niekompletnych")
        self.reminders_button.clicked.connect(self.write_reminders)
        self.deadline = QDateEdit(QDate.currentDate().addDays(14))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd.MM.yyyy")
        self.emails = QCheckBox("także wiadomości e-mail (.eml) i plik CSV do korespondencji seryjnej")
        self.emails.setChecked(False)
        self.campaign_summary = QLabel("")
        self.campaign_summary.setWordWrap(True)
        self.campaign: Campaign | None = None
        self.summary = QLabel("Wybierz folder, utwórz w nim ankiety albo sprawdź ankiety zwrócone przez członków.")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
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
        sending = QHBoxLayout()
        sending.addWidget(QLabel("Termin odesłania:"))
        sending.addWidget(self.deadline)
        sending.addWidget(self.emails, 1)
        layout.addLayout(sending)
        actions = QHBoxLayout()
        for b in (
            self.generate_button,
            self.scan_button,
            self.import_button,
            self.corrections_button,
            self.reminders_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.campaign_summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 600)
        self.import_button.setEnabled(False)
        self.corrections_button.setEnabled(False)
        self.reminders_button.setEnabled(False)
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

    def _deadline(self) -> dt.date:
        d = self.deadline.date()
        return dt.date(d.year(), d.month(), d.day())

    def _setup(self) -> Setup:
        repo, app_id = self.session.repo, self.session.app_id
        previous_id = repo.renewed_from(app_id)
        previous = repo.load(previous_id) if previous_id is not None else None
        label = ""
        if previous is not None and previous.definition.has_field("meta.reference_year"):
            label = str(previous.get("meta.reference_year") or "")
        return Setup(self._deadline(), self.session.info.uuid, previous, label)

    def generate(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        self.session.flush()
        doc, setup, emails = self.session.doc.copy(), self._setup(), self.emails.isChecked()

        def work(progress: Any) -> tuple[list, list]:
            written = write_round(doc, folder, setup, progress=progress)
            drafts = []
            if emails:
                letter = Letter.of(doc, setup.deadline)
                drafts = write_questionnaire_drafts(doc, written, folder / MAILS_DIR, letter)
                write_merge_csv(drafts, folder / CSV_NAME, letter)
            return written, drafts

        try:
            written, drafts = run_in_background(self, "Tworzenie ankiet…", work)
        except Cancelled:
            return
        except OSError as exc:
            prompts.show_error(self, TITLE, f"Nie można zapisać ankiet w folderze {folder}: {exc.strerror or exc}.")
            return
        text = f"Utworzono ankiet: {len(written)} w folderze {folder}."
        if emails:
            try:
                self.session.repo.add_questionnaire_round(
                    self.session.app_id, setup.deadline, str(folder.absolute()), message_records(drafts)
                )
            except (RepositoryError, StorageError) as exc:
                prompts.show_error(self, TITLE, f"Wiadomości zapisano, ale rundy nie zapisano w bazie: {exc}.")
            without = [d.name for d in drafts if d.problem]
            text += f" Wiadomości: {len(drafts)} w folderze {folder / MAILS_DIR}, lista: {CSV_NAME}."
            if without:
                text += f" Bez adresu e-mail ({len(without)}): {', '.join(without[:10])}" + (
                    "…" if len(without) > 10 else "."
                )
        prompts.show_info(self, TITLE, text)

    def scan(self) -> bool:
        """Read the folder (off the UI thread) and show what importing it would do; False when nothing was read."""
        folder = self._folder()
        if folder is None:
            return False
        self.session.flush()
        doc = self.session.doc.copy()
        try:
            uuids = application_uuids(self.session.repo, self.session.app_id)
            returns = run_in_background(
                self,
                "Sprawdzanie ankiet…",
                lambda progress: scan_folder(folder, doc.definition, progress, app_uuids=uuids),
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

    def write_reminders(self) -> None:
        folder = self._folder()
        if folder is None or self.campaign is None:
            return
        doc, setup = self.session.doc.copy(), self._setup()
        try:
            drafts = write_reminders(doc, self.campaign, folder, Letter.of(doc, setup.deadline), setup)
        except (OSError, XlsxFileError) as exc:
            prompts.show_error(self, TITLE, f"Nie można zapisać przypomnień: {exc}.")
            return
        try:
            rounds = self.session.repo.questionnaire_rounds(self.session.app_id)
            if rounds:
                self.session.repo.add_questionnaire_messages(rounds[-1].id, message_records(drafts))
            else:
                self.session.repo.add_questionnaire_round(
                    self.session.app_id, setup.deadline, str(folder.absolute()), message_records(drafts)
                )
        except (RepositoryError, StorageError) as exc:
            prompts.show_error(self, TITLE, f"Przypomnienia zapisano, ale nie zapisano ich w bazie: {exc}.")
        prompts.show_info(
            self,
            TITLE,
            f"Zapisano przypomnień: {len(drafts)} w folderze {folder / REMINDERS_DIR}; członkowie z kompletną "
            "ankietą nie dostają przypomnienia.",
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
        try:
            messages = self.session.repo.questionnaire_messages(self.session.app_id)
        except (RepositoryError, StorageError):
            messages = []
        done = FolderImport(self.returns, self.plans, self.statuses, self.unknown)
        self.campaign = campaign(doc, done, messages)
        self.campaign_summary.setText(self.campaign.summary())
        by_uid = {r.uid: r for r in self.campaign.rows}

        def day(value: Any) -> str:
            return value.strftime("%d.%m.%Y") if value else ""

        rows = []
        for m in self.statuses:
            c = by_uid.get(m.uid)
            extra = ["", "", "", ""]
            if c is not None:
                extra = [
                    c.email or f"brak ({c.email_problem})",
                    day(c.sent_at),
                    day(c.returned_at),
                    c.label,
                ]
            detail = "; ".join(m.problems + (c.missing if c is not None else []) + m.notes)
            rows.append((m.name, m.nip, m.label, m.file or "", detail, *extra, m.status))
        rows += [("?", "", "nieznany plik", f, why, "", "", "", "", PROBLEMS) for f, why in self.unknown]
        self.table.setRowCount(len(rows))
        for r, (*cells, status) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if c == 4 else "")
                if c == 2:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[status])))
                if c == 5 and text.startswith("brak"):
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[PROBLEMS])))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(not self.session.read_only and counts[RETURNED] > 0)
        self.corrections_button.setEnabled(counts[PROBLEMS] > 0)
        self.reminders_button.setEnabled(any(not r.complete for r in self.campaign.rows))


def questionnaires_dialog(parent: QWidget | None, session: Any) -> QuestionnairesDialog:
    dialog = QuestionnairesDialog(session, parent)
    prompts.exec_dialog(dialog)
    return dialog
