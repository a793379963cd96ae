"""The wizard window for one application: a side list of sections with their status, the pages generated from
the definition, Back/Next, the overall progress, autosave status and the review page with finalising."""

from __future__ import annotations

import datetime as dt
from html import escape as html_escape

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from forms.checks import Problem, problem_order
from forms.document import group_checksum
from forms.messages import render, totals_text
from forms.progress import COMPLETE, HAS_ERRORS, IN_PROGRESS, NOT_STARTED, status_text
from ui.i18n import current_language, datetime_text
from ui.layout import fit_to_screen, keep_on_screen, screen_key
from ui.session import Session
from ui.settings import Settings
from ui.wizard.attachments_page import AttachmentsPage
from ui.wizard.review_page import ReviewPage
from ui.wizard.section_page import MembersPage, SectionPage

REVIEW = "review"
STATUS_COLOURS = {
    NOT_STARTED: QColor("#9e9e9e"),
    IN_PROGRESS: QColor("#1e88e5"),
    COMPLETE: QColor("#2e7d32"),
    HAS_ERRORS: QColor("#c62828"),
}
PAGE_CLASSES = {"members": MembersPage, "attachments": AttachmentsPage}
PREFERRED_SIZE = (1280, 860)  # shrunk to fit the available screen
SIDEBAR_MIN, SIDEBAR_MAX = 150, 290


def status_icon(status: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(STATUS_COLOURS[status])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


def ask_finalize(parent: QWidget, checksum: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("WizardWindow", "Finalizacja wniosku"),
        QCoreApplication.translate(
            "WizardWindow",
            "Po sfinalizowaniu wniosku nie można go zmieniać (zmiany wymagają korekty).\n\n"
            "Suma kontrolna danych: {checksum}\n\nSfinalizować wniosek?",
        ).format(checksum=checksum),
    )
    return answer == QMessageBox.StandardButton.Yes


def show_message(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


REFUSED_LINES = 10  # problems named in the refusal; the rest are counted


def refused_box(parent: QWidget | None, text: str, lines: list[str]) -> QMessageBox:
    """Why finalising was refused: what blocks it, and a button that opens the review."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("WizardWindow", "Finalizacja"))
    box.setText(text)
    box.setInformativeText("\n".join(lines))
    box.open_review = box.addButton(  # type: ignore[attr-defined]
        QCoreApplication.translate("WizardWindow", "&Otwórz sprawdzenie"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("WizardWindow", "&Zamknij"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.open_review)  # type: ignore[attr-defined]
    return box


def show_refused(parent: QWidget, text: str, lines: list[str]) -> bool:
    """Show the refusal; True when the user asked to open the review."""
    box = refused_box(parent, text, lines)
    box.exec()
    return box.clickedButton() is box.open_review  # type: ignore[attr-defined]


class WizardWindow(QMainWindow):
    correctionCreated = Signal(int)  # id of the new draft version
    closed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = current_language()
        self.setWindowTitle(self._title())
        fit_to_screen(self, PREFERRED_SIZE)
        self._ids: list[str] = [s.id for s in session.definition.sections] + [REVIEW]
        self.pages: dict[str, QWidget] = {}

        self.sidebar = QListWidget(self)
        self.sidebar.setIconSize(QSize(14, 14))
        self.sidebar.setMinimumWidth(SIDEBAR_MIN)
        self.sidebar.setSpacing(1)
        self.sidebar.setWordWrap(True)  # long section titles wrap instead of being clipped
        self.sidebar.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.stack = QStackedWidget(self)
        for section in session.definition.sections:
            page = PAGE_CLASSES.get(section.kind, SectionPage)(session, section, self.stack)
            self.pages[section.id] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(section.display_title(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sidebar.addItem(item)
        self.review = ReviewPage(session, self.stack)
        self.review.problemActivated.connect(self.go_to_problem)
        self.review.finalizeRequested.connect(self.finalize)
        self.review.correctionRequested.connect(self.make_correction)
        self.pages[REVIEW] = self.review
        self.stack.addWidget(self.review)
        review_item = QListWidgetItem(self.tr("Sprawdź wniosek"))
        review_item.setData(Qt.ItemDataRole.UserRole, REVIEW)
        self.sidebar.addItem(review_item)
        self.sidebar.currentRowChanged.connect(self._row_changed)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFormat(self.tr("Kompletność: %p\u00a0%"))
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(8, 8, 0, 8)
        left_lay.addWidget(QLabel(self.tr("Części wniosku"), left))
        left_lay.addWidget(self.sidebar, 1)
        left_lay.addWidget(self.progress)

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5d4000; padding: 6px 10px; border-radius: 3px;")
        self.back_button = QPushButton(self.tr("« &Wstecz"), self)
        self.next_button = QPushButton(self.tr("&Dalej »"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        for keys, handler in (("Alt+Left", self.back), ("Alt+Right", self.next)):  # beside Alt+W / Alt+D
            QShortcut(QKeySequence(keys), self, handler)
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 8, 8, 8)
        right_lay.addWidget(self.banner)
        right_lay.addWidget(self.stack, 1)
        right_lay.addLayout(nav)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([270, 1010])
        splitter.splitterMoved.connect(self._splitter_moved)
        self.splitter = splitter
        self._sidebar_width: int | None = None  # set when the user drags the splitter
        self.setCentralWidget(splitter)

        self.save_label = QLabel(self)
        self.save_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        self.save_label.setMinimumWidth(120)
        self.problem_label = QLabel(self)
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addPermanentWidget(self.problem_label)
        self._build_menu()

        session.problemsChanged.connect(self.refresh_status)
        session.saved.connect(self._saved)
        session.saveFailed.connect(lambda text: self.save_label.setText(text))
        session.valueChanged.connect(lambda _k: self._unsaved())
        session.cellChanged.connect(lambda *_a: self._unsaved())
        session.tableChanged.connect(lambda _k: self._unsaved())
        session.stateChanged.connect(self._state_changed)
        session.changedElsewhere.connect(self._changed_elsewhere)
        self._state_changed()
        self.sidebar.setCurrentRow(0)
        if Settings().restore_geometry(self._geometry_name(), self):
            keep_on_screen(self)
        if session.last_saved is None:
            stamp = session.info.updated_at
            text = self.tr("Ostatni zapis: {time}").format(time=datetime_text(stamp, self.lang)) if stamp else ""
            self.save_label.setText(text)

    # Size ------------------------------------------------------------------------------------------
    def _geometry_name(self) -> str:
        return f"wizard/{screen_key(self)}"  # remembered per screen (and its available size)

    def _splitter_moved(self, position: int, _index: int) -> None:
        self._sidebar_width = position

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The side list takes a share of the width (unless the user dragged it), so small screens keep room for
        the page."""
        super().resizeEvent(event)
        width = self.splitter.width() or self.width()
        side = self._sidebar_width or min(max(int(width * 0.21), SIDEBAR_MIN), SIDEBAR_MAX)
        side = min(side, max(SIDEBAR_MIN, width - 320))
        self.splitter.setSizes([side, max(width - side - self.splitter.handleWidth(), 1)])

    # Menu -----------------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Plik"))
        for text, shortcut, handler in (
            (
                self.tr("&Podgląd wydruku wniosku…"),
                None,
                lambda: self._call("ui.printing", "print_preview", summary=False),
            ),
            (
                self.tr("&Drukuj wniosek…"),
                QKeySequence.StandardKey.Print,
                lambda: self._call("ui.printing", "print_document", summary=False),
            ),
            (
                self.tr("Eksport wniosku do PD&F…"),
                QKeySequence("Ctrl+Shift+E"),
                lambda: self._call("ui.printing", "export_pdf", summary=False),
            ),
            (
                self.tr("Podgląd wydruku p&odsumowania…"),
                None,
                lambda: self._call("ui.printing", "print_preview", summary=True),
            ),
            (
                self.tr("Eksport podsumowan&ia do PDF…"),
                None,
                lambda: self._call("ui.printing", "export_pdf", summary=True),
            ),
            (self.tr("Eksport do &Excela…"), None, lambda: self._call("ui.xlsx", "export_xlsx")),
        ):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(handler)
            file_menu.addAction(action)
        file_menu.addSeparator()
        close = QAction(self.tr("&Zamknij wniosek"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        file_menu.addAction(close)
        app_menu = self.menuBar().addMenu(self.tr("W&niosek"))
        check = QAction(self.tr("&Sprawdź"), self)
        check.setShortcut(QKeySequence("F7"))
        check.triggered.connect(lambda: self.show_page(REVIEW))
        app_menu.addAction(check)
        self.finalize_action = QAction(self.tr("&Finalizuj…"), self)
        self.finalize_action.triggered.connect(self.finalize)
        app_menu.addAction(self.finalize_action)
        self.correction_action = QAction(self.tr("&Korekta (nowa wersja)"), self)
        self.correction_action.triggered.connect(self.make_correction)
        app_menu.addAction(self.correction_action)
        app_menu.addSeparator()
        versions = QAction(self.tr("&Wersje i zestawienie zmian…"), self)
        versions.triggered.connect(lambda: self._call("ui.versions_dialog", "versions_dialog"))
        package = QAction(self.tr("&Przygotuj do wysyłki…"), self)
        package.setShortcut(QKeySequence("Ctrl+Shift+S"))
        package.triggered.connect(lambda: self._call("ui.package_dialog", "package_dialog"))
        app_menu.addActions([versions, package])
        changes = QAction(self.tr("&Historia zmian…"), self)  # who changed what (ui.history_view)
        changes.triggered.connect(lambda: self._call("ui.history_view", "history_dialog"))
        app_menu.addAction(changes)
        __import__("ui.history_view").history_view.install_field_menu(self)  # a field's menu: its history
        edit_menu = self.menuBar().addMenu(self.tr("&Edycja"))
        history = self.session.history
        self.undo_action = history.createUndoAction(self, self.tr("&Cofnij"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = history.createRedoAction(self, self.tr("&Ponów"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        find = QAction(self.tr("&Znajdź…"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(self.show_find)
        edit_menu.addActions([self.undo_action, self.redo_action, find])
        edit_menu.addSeparator()
        next_problem = QAction(self.tr("&Następny problem"), self)
        next_problem.setShortcut(QKeySequence("F8"))
        next_problem.triggered.connect(self.next_problem)
        edit_menu.addAction(next_problem)
        previous_problem = QAction(self.tr("P&oprzedni problem"), self)
        previous_problem.setShortcut(QKeySequence("Shift+F8"))
        previous_problem.triggered.connect(self.previous_problem)
        edit_menu.addAction(previous_problem)
        edit_menu.addSeparator()
        self.import_action = QAction(self.tr("&Importuj członków z Excela…"), self)
        self.import_action.triggered.connect(lambda: self._call("ui.xlsx", "import_members_dialog"))
        self.questionnaires_action = QAction(self.tr("&Ankiety członków…"), self)
        self.questionnaires_action.triggered.connect(lambda: self._call("ui.xlsx", "questionnaires_dialog"))
        edit_menu.addActions([self.import_action, self.questionnaires_action])
        self.edit_menu = edit_menu
        go_menu = self.menuBar().addMenu(self.tr("P&rzejdź"))
        back = QAction(self.tr("&Wstecz"), self)
        back.setShortcut(QKeySequence("Ctrl+PgUp"))
        back.triggered.connect(self.back)
        forward = QAction(self.tr("&Dalej"), self)
        forward.setShortcut(QKeySequence("Ctrl+PgDown"))
        forward.triggered.connect(self.next)
        go_menu.addActions([back, forward])
        help_menu = self.menuBar().addMenu(self.tr("Pomo&c"))
        keys = QAction(self.tr("&Skróty klawiszowe"), self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        about = QAction(self.tr("&O programie"), self)
        about.triggered.connect(self.show_about)
        help_menu.addActions([keys, about])
        self.file_menu = file_menu

    # Pages ----------------------------------------------------------------------------------------
    def page_ids(self) -> list[str]:
        return list(self._ids)

    def current_page_id(self) -> str:
        return self._ids[self.stack.currentIndex()]

    def show_page(self, page_id: str) -> None:
        self.sidebar.setCurrentRow(self._ids.index(page_id))

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.session.flush()  # a page change is a natural save point
        previous = self.stack.currentWidget()
        if isinstance(previous, SectionPage) and previous is not self.stack.widget(row) and self._started(previous):
            previous.show_missing()  # once left after being started, a page marks what is still missing
        if self._ids[row] == REVIEW:
            self.session.recheck()  # the review always shows the application as it is now
            for page in self.pages.values():
                if isinstance(page, SectionPage):
                    page.show_missing()
        self.stack.setCurrentIndex(row)
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self._ids) - 1)

    def back(self) -> None:
        self.sidebar.setCurrentRow(max(self.stack.currentIndex() - 1, 0))

    def next(self) -> None:
        self.sidebar.setCurrentRow(min(self.stack.currentIndex() + 1, len(self._ids) - 1))

    def _started(self, page: SectionPage) -> bool:
        try:
            return self.session.assessment.section(page.section.id).touched
        except KeyError:
            return False

    def next_problem(self) -> None:
        """F8: the next problem in the order of the form (sections, fields, tables, rows, cells), wrapping round."""
        self._step_problem(+1)

    def previous_problem(self) -> None:
        """Shift+F8: the previous problem."""
        self._step_problem(-1)

    def _step_problem(self, step: int) -> None:
        """Visit every problem once per round: from the last one visited when the user is still on its page, from
        the start (or end) of the current page otherwise."""
        self.session.recheck()
        problems = list(self.session.problems.all)
        if not problems:
            self.current_problem = None
            self.statusBar().showMessage(self.tr("Brak problemów we wniosku."), 4000)
            return
        key = problem_order(self.session.definition)
        keys = [key(p) for p in problems]
        last = getattr(self, "current_problem", None)
        here = self.stack.currentIndex()
        on_its_page = last is not None and last.section in self._ids and self._ids.index(last.section) == here
        if on_its_page:
            anchor = key(last)
            if step > 0:
                chosen = next((p for p, k in zip(problems, keys, strict=True) if k > anchor), problems[0])
            else:
                earlier = zip(reversed(problems), reversed(keys), strict=True)
                chosen = next((p for p, k in earlier if k < anchor), problems[-1])
        elif step > 0:
            chosen = next((p for p in problems if self._ids.index(p.section) >= here), problems[0])
        else:
            chosen = next((p for p in reversed(problems) if self._ids.index(p.section) < here), problems[-1])
        position = problems.index(chosen) + 1
        self.go_to_problem(chosen)
        self.statusBar().showMessage(
            self.tr("Problem {n} z {total}: {place}").format(
                n=position, total=len(problems), place=chosen.location(self.session.definition, self.lang)
            ),
            6000,
        )

    def _call(self, module_name: str, function: str, **kwargs) -> None:
        """Run a feature that lives in its own module (printing, Excel) on this window's session."""
        import importlib

        self.session.flush()
        try:
            feature = getattr(importlib.import_module(module_name), function)
        except (ImportError, AttributeError):
            show_message(self, "Klaster", self.tr("Ta funkcja nie jest dostępna w tej wersji programu."))
            return
        feature(self, self.session, **kwargs)

    def show_find(self) -> None:
        """Edycja › Znajdź: one dialog per window, kept open beside the page (not modal)."""
        from ui.dialogs.find import FindDialog

        if getattr(self, "find_dialog", None) is None:
            self.find_dialog = FindDialog(self)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.activateWindow()
        self.find_dialog.edit.setFocus()
        self.find_dialog.edit.selectAll()

    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: it can stay open beside the page
        self.shortcuts_dialog = dialog

    def show_about(self) -> None:
        from app.logs import setup_logging
        from ui.dialogs.about import AboutDialog

        log_file = setup_logging()
        AboutDialog(self.session.repo.path, log_file.parent if log_file else None, None, self).exec()

    def go_to_problem(self, problem: Problem) -> None:
        self.current_problem = problem  # where F8 / Shift+F8 go on from
        self.show_page(problem.section)
        page = self.pages.get(problem.section)
        if isinstance(page, SectionPage):
            page.focus_problem(problem)

    # Status ---------------------------------------------------------------------------------------
    def _title(self) -> str:
        info = self.session.info
        name = info.name or self.tr("Wniosek bez nazwy")
        state = self.tr("sfinalizowany") if info.is_final else self.tr("roboczy")
        return self.tr("{name} — wersja {version}, {state} — Klaster").format(
            name=name, version=info.version_no, state=state
        )

    def refresh_status(self) -> None:
        for i, part in enumerate(self.session.sections):
            item = self.sidebar.item(i)
            item.setIcon(status_icon(part.status))
            detail = status_text(part, self.lang)  # the same words as the review page's section heads
            title = part.section.display_title(self.lang)
            item.setText(f"{title}\n    {detail}")
            item.setToolTip(f"{title}: {detail}")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, detail)
        review_state = self.session.assessment
        review = self.sidebar.item(len(self._ids) - 1)
        if review_state.errors:
            icon = HAS_ERRORS
        elif review_state.missing:
            icon = IN_PROGRESS if review_state.touched else NOT_STARTED
        else:
            icon = COMPLETE
        review.setIcon(status_icon(icon))
        totals = totals_text(review_state.missing, review_state.errors, review_state.warnings, self.lang)
        review.setText(self.tr("Sprawdź wniosek") + f"\n    {totals}")
        self.progress.setValue(self.session.completeness)
        self.problem_label.setText(totals)
        self.problem_label.setStyleSheet("color: #c62828; font-weight: bold;" if review_state.errors else "")

    def _unsaved(self) -> None:
        if self.session.dirty:
            self.save_label.setText(self.tr("Zapisywanie…"))

    def _saved(self, when: dt.datetime) -> None:
        self.save_label.setText(self.tr("Zapisano o {time}").format(time=f"{when:%H:%M:%S}"))

    def _state_changed(self) -> None:
        final = self.session.read_only
        self.setWindowTitle(self._title())
        for page in self.pages.values():
            if isinstance(page, SectionPage):
                page.set_read_only(final)
        if self.session.info.is_final:
            self.banner.setText(
                self.tr(
                    "Wniosek sfinalizowany — tylko do odczytu. Suma kontrolna: <b>{checksum}</b>. "
                    "Zmiany: Wniosek › Korekta."
                ).format(checksum=group_checksum(self.session.info.checksum or ""))
            )
        elif final:  # the database itself cannot be written (read-only file or folder, damaged)
            self.banner.setText(
                html_escape(self.session.storage_problem or "")
                or self.tr(
                    "Baza jest otwarta tylko do odczytu (brak uprawnień do zapisu pliku albo folderu): wniosek można "
                    "czytać, drukować i eksportować, ale nie zmieniać."
                )
            )
        self.banner.setVisible(final)
        self.finalize_action.setEnabled(not final)
        self.import_action.setEnabled(not final)
        self.correction_action.setEnabled(self.session.info.is_final and not self.session.repo.read_only)
        self.refresh_status()

    def _changed_elsewhere(self, text: str) -> None:
        self.save_label.setText(text)
        self._state_changed()

    # Actions --------------------------------------------------------------------------------------
    def finalize(self) -> None:
        self.session.flush()
        self.session.recheck()
        if self.session.problems.blocking:
            for page in self.pages.values():  # asking to finalise is asking for the check: missing items marked
                if isinstance(page, SectionPage):
                    page.show_missing()
            if show_refused(self, *self.refused_texts(list(self.session.problems.all))):
                self.show_page(REVIEW)
            return
        if not ask_finalize(self, group_checksum(self.session.doc.checksum())):
            return
        errors = self.session.finalize()  # checks what is stored, not only this window's copy
        if errors:
            if show_refused(self, *self.refused_texts(errors)):
                self.show_page(REVIEW)
        elif not self.session.info.is_final:
            self.show_page(REVIEW)
            show_message(
                self,
                self.tr("Finalizacja"),
                self.tr("Nie sfinalizowano: zmian nie udało się zapisać ({reason}).").format(
                    reason=self.save_label.text()
                ),
            )

    def refused_texts(self, problems: list[Problem]) -> tuple[str, list[str]]:
        """The refusal's sentence and its list: the problems that block finalising, by place, the rest counted."""
        blocking = [p for p in problems if p.is_error]
        missing = sum(p.is_missing for p in blocking)
        text = render("finalize_blocked", self.lang, missing=missing, errors=len(blocking) - missing)
        definition = self.session.definition
        lines = [f"• {p.location(definition, self.lang)}: {p.message.get(self.lang)}" for p in blocking[:REFUSED_LINES]]
        if len(blocking) > REFUSED_LINES:
            lines.append(render("more_problems", self.lang, n=len(blocking) - REFUSED_LINES))
        return text, lines

    def make_correction(self) -> None:
        new_id = self.session.make_correction()
        self.correctionCreated.emit(new_id)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.session.flush():
            answer = QMessageBox.question(
                self,
                self.tr("Zapis"),
                self.tr("Nie udało się zapisać ostatnich zmian. Zamknąć mimo to (ostatnie zmiany przepadną)?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        Settings().save_geometry(self._geometry_name(), self)
        self.closed.emit()
        super().closeEvent(event)
