"""The review page ("Sprawdź"): every error and warning of the application grouped by section; activating one
jumps to its page and focuses the field or table cell. Finalising starts here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from forms.checks import Problem
from forms.document import group_checksum
from forms.fmt import errors_text, warnings_text
from ui.i18n import current_language, datetime_text
from ui.session import Session

ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#8a6d00")


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
        self.tree.setHeaderLabels([self.tr("Miejsce"), self.tr("Problem")])
        self.tree.setColumnWidth(0, 380)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        lay.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.finalize_button = QPushButton(self.tr("&Finalizuj wniosek…"), self)
        self.finalize_button.clicked.connect(self.finalizeRequested)
        self.correction_button = QPushButton(self.tr("&Korekta (nowa wersja)"), self)
        self.correction_button.clicked.connect(self.correctionRequested)
        buttons.addWidget(self.correction_button)
        buttons.addWidget(self.finalize_button)
        lay.addLayout(buttons)
        session.problemsChanged.connect(self.refresh)
        session.stateChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        definition, lang = self.session.definition, self.lang
        problems = self.session.problems
        self.tree.clear()
        for section in definition.sections:
            mine = [p for p in problems.all if p.section == section.id]
            if not mine:
                continue
            errors = sum(p.is_error for p in mine)
            counts = f"{errors_text(errors, lang)}, {warnings_text(len(mine) - errors, lang)}"
            head = QTreeWidgetItem([section.display_title(lang), counts])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for p in mine:
                where = p.location(definition, lang).split(" › ", 1)[-1]
                item = QTreeWidgetItem([where, p.message.get(lang)])
                item.setData(0, Qt.ItemDataRole.UserRole, p)
                item.setForeground(1, QBrush(ERROR_COLOUR if p.is_error else WARNING_COLOUR))
                item.setToolTip(1, p.message.get(lang))
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
        elif problems.errors:
            text = self.tr(
                "Do poprawienia: <b>{errors}</b>; {warnings}. "
                "Kliknij dwukrotnie pozycję (albo naciśnij Enter), aby przejść do miejsca problemu."
            ).format(errors=errors_text(problems.errors, lang), warnings=warnings_text(problems.warnings, lang))
        else:
            text = self.tr("Brak błędów — wniosek można sfinalizować ({warnings}).").format(
                warnings=warnings_text(problems.warnings, lang)
            )
        self.summary.setText(text)
        self.finalize_button.setEnabled(not final and problems.errors == 0)
        self.correction_button.setVisible(final)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(problem, Problem):
            self.problemActivated.emit(problem)

    def problem_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            out.extend(head.child(j) for j in range(head.childCount()))
        return out
