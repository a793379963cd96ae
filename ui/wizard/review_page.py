"""The review page ("Sprawdź"): every problem of the application grouped by section, of three kinds shown apart
(do uzupełnienia, błąd, uwaga), each with its place in a coordinator's words; activating one jumps to its page and
focuses the field or table cell. The counts are the session's one `Assessment`, as in the side list and the status
bar. Finalising starts here; the list can be saved as a PDF („Lista braków i błędów”)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms.checks import Problem
from forms.checks.problem import ERROR, KIND_NAMES, MISSING, WARNING
from forms.document import group_checksum
from forms.messages import render, totals_text
from forms.progress import status_text
from ui.i18n import current_language, datetime_text
from ui.session import Session

ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#8a6d00")
MISSING_COLOUR = QColor("#455a64")  # neutral: not filled in yet is not a mistake
KIND_COLOURS = {ERROR: ERROR_COLOUR, WARNING: WARNING_COLOUR, MISSING: MISSING_COLOUR}


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the column's current width (a tree view alone never wraps)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt API
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.tree.header().sectionSize(index.column()) - 10
        if index.column() == 0:
            depth = 0 if not index.parent().isValid() else 1
            width -= self.tree.indentation() * (depth + 1)
        text = opt.text or ""
        area = QRect(0, 0, max(width, 40), 100_000)
        bound = QFontMetrics(opt.font).boundingRect(area, Qt.TextFlag.TextWordWrap, text)
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), bound.height() + 6))


class ReviewPage(QWidget):
    problemActivated = Signal(object)  # Problem
    finalizeRequested = Signal()
    correctionRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = current_language()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 16)
        title = QLabel(self.tr("Sprawdzenie wniosku"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        title.setFont(font)
        lay.addWidget(title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Miejsce"), self.tr("Rodzaj"), self.tr("Opis")])
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 120)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)  # long places and messages wrap, never cut with "…"
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_a: self.tree.scheduleDelayedItemsLayout())
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        lay.addWidget(self.tree, 1)
        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # stacked when the page is too narrow for a row
        self.button_row = buttons
        self.pdf_button = QPushButton(self.tr("&Lista braków i błędów (PDF)…"), self)
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        self.finalize_button = QPushButton(self.tr("&Finalizuj wniosek…"), self)
        self.finalize_button.clicked.connect(self.finalizeRequested)
        self.correction_button = QPushButton(self.tr("&Korekta (nowa wersja)"), self)
        self.correction_button.clicked.connect(self.correctionRequested)
        buttons.addWidget(self.correction_button)
        buttons.addWidget(self.finalize_button)
        lay.addLayout(buttons)
        for button in (self.pdf_button, self.finalize_button, self.correction_button):
            button.setMinimumWidth(60)  # the row never sets the window's minimum width; it stacks instead
        session.problemsChanged.connect(self.refresh)
        session.stateChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        definition, lang = self.session.definition, self.lang
        review = self.session.assessment
        problems = self.session.problems
        kinds = KIND_NAMES.get(lang, KIND_NAMES["pl"])
        self.tree.clear()
        for part in review.sections:
            section = part.section
            mine = [p for p in review.problems if p.section == section.id]
            if not mine:
                continue
            head = QTreeWidgetItem([section.display_title(lang), "", status_text(part, lang)])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(False)
            self.tree.addTopLevelItem(head)
            for p in mine:
                where = " › ".join(p.place(definition, lang)) or section.display_title(lang)
                item = QTreeWidgetItem([where, kinds[p.kind], p.message.get(lang)])
                item.setData(0, Qt.ItemDataRole.UserRole, p)
                brush = QBrush(KIND_COLOURS[p.kind])
                item.setForeground(1, brush)
                if p.kind != MISSING:
                    item.setForeground(2, brush)
                if p.kind == ERROR:
                    bold = item.font(1)
                    bold.setBold(True)
                    item.setFont(1, bold)
                item.setToolTip(0, where)
                item.setToolTip(2, p.message.get(lang))
                head.addChild(item)
            head.setExpanded(True)
        final = self.session.read_only
        if final:
            text = self.tr(
                "Wniosek jest sfinalizowany ({time}) i tylko do odczytu. Suma kontrolna: <b>{checksum}</b>. "
                "Aby coś zmienić, utwórz korektę."
            ).format(
                time=datetime_text(self.session.info.finalized_at, lang),
                checksum=group_checksum(self.session.info.checksum or ""),
            )
        elif problems.blocking:
            text = self.tr(
                "Do poprawienia przed finalizacją: <b>{totals}</b>. Wypełniono {filled} ({percent}). "
                "Kliknij dwukrotnie pozycję (albo naciśnij Enter), aby przejść do jej miejsca; F8 prowadzi po kolei."
            ).format(
                totals=totals_text(review.missing, review.errors, review.warnings, lang),
                filled=render("section_required", lang, filled=review.filled, required=review.required),
                percent=f"{review.completeness}\u00a0%",
            )
        else:
            text = self.tr("Nic nie brakuje i nie ma błędów — wniosek można sfinalizować ({totals}).").format(
                totals=totals_text(review.missing, review.errors, review.warnings, lang)
            )
        self.summary.setText(text)
        self.finalize_button.setEnabled(not final)  # a refusal names what blocks it (never a silent grey button)
        self.finalize_button.setToolTip(self.finalize_tip())
        self.correction_button.setVisible(final)
        self._arrange_buttons()

    def finalize_tip(self) -> str:
        """Why the finalise button is disabled, or what stands in its way while it is not."""
        info, review = self.session.info, self.session.assessment
        if info.is_final:
            return self.tr("Wniosek jest już sfinalizowany ({time}); zmiany wymagają korekty.").format(
                time=datetime_text(info.finalized_at, self.lang)
            )
        if self.session.read_only:
            return self.tr("Baza jest otwarta tylko do odczytu, więc wniosku nie można sfinalizować.")
        if self.session.problems.blocking:
            blocked = render("finalize_blocked", self.lang, missing=review.missing, errors=review.errors)
            return blocked + " " + self.tr("Po kliknięciu program wypisze, co trzeba uzupełnić albo poprawić.")
        return self.tr("Zamyka wniosek do zmian i ustala jego sumę kontrolną (zmiany potem tylko przez korektę).")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The buttons in one row when they fit, one under another on a narrow page (200 % scaling)."""
        super().resizeEvent(event)
        self._arrange_buttons()

    def _arrange_buttons(self) -> None:
        shown = [b for b in (self.pdf_button, self.correction_button, self.finalize_button) if not b.isHidden()]
        margins = self.layout().contentsMargins()
        need = sum(b.sizeHint().width() for b in shown) + 12 * len(shown) + margins.left() + margins.right()
        direction = QBoxLayout.Direction.LeftToRight if need <= self.width() else QBoxLayout.Direction.TopToBottom
        if self.button_row.direction() != direction:
            self.button_row.setDirection(direction)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(problem, Problem):
            self.problemActivated.emit(problem)

    def save_pdf(self) -> None:
        """„Lista braków i błędów” as a PDF, to print or send to the colleagues who hold the missing data."""
        from export.pdf.problems import write_problems_pdf
        from ui.printing import choose_pdf_path, failure_message, show_error

        path = choose_pdf_path(self, self.tr("Lista braków i błędów"), self.tr("lista-brakow-i-bledow.pdf"))
        if not path:
            return
        self.session.flush()
        self.session.recheck()
        try:
            write_problems_pdf(self.session.doc, self.session.assessment, path, info=self.session.info, lang=self.lang)
        except Exception as exc:  # noqa: BLE001 - a full disk, a refused folder: said, never a traceback
            show_error(self, self.tr("Lista braków i błędów"), failure_message(exc))

    def problem_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            out.extend(head.child(j) for j in range(head.childCount()))
        return out
