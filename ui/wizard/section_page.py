"""One wizard page generated from one section of the definition: per criterion its title, help text, field
editors, table editors and live indicators. No page is written by hand for an area.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forms.checks import Problem, field_applies, field_required
from forms.progress import MISSING_CODES
from forms.schema import Criterion, FieldDef, Section
from ui.editors import FieldEditor, create_editor
from ui.i18n import current_language
from ui.indicator_bars import IndicatorBars
from ui.layout import wrapped_title
from ui.session import Session
from ui.tables.editor import TableEditor
from ui.wizard.members_empty import EmptyRegister

HELP_STYLE = (
    "QLabel { background: palette(alternate-base); border-left: 3px solid palette(highlight);"
    " padding: 6px 8px; color: palette(text); }"
)


LABEL_WIDTH = 250
NARROW = 640  # below this page width labels go above their fields
BARS_WIDTH = 300  # the indicator panel beside the member register
MEMBERS_BESIDE = 1280  # page width from which the indicators stand beside the register (under it at 1366×768)
PAGE_MARGINS = 84  # page, group box and form margins beside a label that takes the whole width


def mnemonic_safe(text: str) -> str:
    """A text from the definition shown where "&" would mark a mnemonic (labels with a buddy, check boxes)."""
    return text.replace("&", "&&")


def _label_text(fdef: FieldDef, required: bool, lang: str = "pl") -> str:
    return mnemonic_safe(fdef.label.get(lang)) + (" *" if required else "")


class SectionPage(QScrollArea):
    def __init__(self, session: Session, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section
        self.lang = current_language()
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.forms: dict[str, QFormLayout] = {}
        self.tables: dict[str, TableEditor] = {}
        self.indicator_panels: list[tuple[IndicatorBars, tuple[str, ...]]] = []
        self._show_missing = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(16, 12, 16, 16)
        self.body_layout.setSpacing(12)
        title = QLabel(section.display_title(self.lang), body)
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        self.body_layout.addWidget(title)
        if section.intro:
            intro = QLabel(section.intro.get(self.lang), body)
            intro.setWordWrap(True)
            self.body_layout.addWidget(intro)
        for criterion in section.criteria:
            self.body_layout.addWidget(self._criterion_box(criterion, body))
        self.body_layout.addStretch(1)
        self.setWidget(body)
        session.valueChanged.connect(self._value_changed)
        session.problemsChanged.connect(self.refresh_problems)
        self.load_values()
        self.refresh_problems()
        self.set_read_only(session.read_only)

    # Building --------------------------------------------------------------------------------------
    def _criterion_box(self, criterion: Criterion, parent: QWidget) -> QWidget:
        single = len(self.section.criteria) == 1 and criterion.title.pl == self.section.title.pl
        box = QGroupBox(parent)  # its own title never wraps: a wrapped label instead
        box.setObjectName(f"criterion:{criterion.id}")
        lay = QVBoxLayout(box)
        if not single:
            box.setAccessibleName(criterion.title.get(self.lang))
            lay.addWidget(wrapped_title(criterion.title.get(self.lang), box))
        if criterion.help:
            help_label = QLabel(criterion.help.get(self.lang), box)
            help_label.setWordWrap(True)
            help_label.setStyleSheet(HELP_STYLE)
            help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(help_label)
        if criterion.fields:
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            for fdef in criterion.fields:
                editor = create_editor(fdef, self.session.definition, box)
                editor.setObjectName(f"field:{fdef.key}")
                editor.edited.connect(lambda value, key=fdef.key: self.session.set_value(key, value))
                if fdef.help:
                    editor.setToolTip(fdef.help.get(self.lang))
                self.editors[fdef.key] = editor
                self.forms[fdef.key] = form
                if fdef.type == "bool" and fdef.must_be_true:
                    form.addRow(editor)  # a declaration: its wrapped text is its label, across the whole row
                    continue
                label = QLabel(_label_text(fdef, field_required(fdef, self.session.doc.values), self.lang), box)
                label.setBuddy(editor)
                label.setWordWrap(True)
                label.setFixedWidth(LABEL_WIDTH)  # a fixed width lets wrapped labels get their full height
                form.addRow(label, editor)
                self.labels[fdef.key] = label
            lay.addLayout(form)
        for table in criterion.tables:
            editor = self._table_editor(table, box)
            self.tables[table.key] = editor
            lay.addWidget(editor)
        if criterion.indicators and self.section.kind != "members":
            bars = IndicatorBars(box, definition=self.session.definition)
            self.indicator_panels.append((bars, criterion.indicators))
            lay.addWidget(bars)
        return box

    def _table_editor(self, table, parent: QWidget) -> QWidget:
        editor = TableEditor(self.session, table, parent, filterable=self.section.kind == "members")
        editor.setObjectName(f"table:{table.key}")
        return editor

    # Fitting the width -----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.adapt_to_width(self.viewport().width())
        super().resizeEvent(event)

    def adapt_to_width(self, width: int) -> None:
        """Labels beside their fields on a wide page; above them, as wide as the page, on a narrow one."""
        narrow = width < NARROW
        label_width = max(120, width - PAGE_MARGINS) if narrow else LABEL_WIDTH
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else QFormLayout.RowWrapPolicy.DontWrapRows
        for form in {id(f): f for f in self.forms.values()}.values():
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
        for label in self.labels.values():
            if label.width() != label_width:
                label.setFixedWidth(label_width)

    # Keeping in step with the session ---------------------------------------------------------------
    def load_values(self) -> None:
        for key, editor in self.editors.items():
            editor.set_value(self.session.doc.values.get(key))
        self._update_visibility()

    def _value_changed(self, key: str) -> None:
        editor = self.editors.get(key)
        replaying = self.session.history.replaying_now  # an undo reaches the field even while it has the focus
        if (
            editor is not None
            and editor.value() != self.session.doc.values.get(key)
            and (replaying or not editor.hasFocus())
        ):
            editor.set_value(self.session.doc.values.get(key))
        self._update_visibility()

    def _update_visibility(self) -> None:
        values = self.session.doc.values
        for key, editor in self.editors.items():
            fdef = editor.fdef
            if fdef.applies_if is not None:
                shown = field_applies(fdef, values)
                self.forms[key].setRowVisible(editor, shown)
            if fdef.required_if is not None and not (fdef.type == "bool" and fdef.must_be_true):
                self.labels[key].setText(_label_text(fdef, field_required(fdef, values), self.lang))

    def show_missing(self, show: bool = True) -> None:
        """Mark empty required fields too (after the user has left the page once, or asked for the check)."""
        if show != self._show_missing:
            self._show_missing = show
            self.refresh_problems()

    def refresh_problems(self) -> None:
        index = self.session.problems
        for key, editor in self.editors.items():
            problems = [p for p in index.by_field.get(key, []) if self._show_missing or p.code not in MISSING_CODES]
            if problems:
                kinds = {p.kind for p in problems}  # the worst kind colours the message: error, warning, missing
                kind = "error" if "error" in kinds else "warning" if "warning" in kinds else "missing"
                editor.set_problem(kind, "; ".join(p.message.get(self.lang) for p in problems))
            else:
                editor.set_problem(None, None)
        for bars, ids in self.indicator_panels:
            bars.set_indicators(self.session.indicators, list(ids))

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(read_only)
        for table in self.tables.values():
            table.set_read_only(read_only)

    # Navigation from the review page -------------------------------------------------------------
    def focus_problem(self, problem: Problem) -> bool:
        if problem.field and problem.field in self.editors:
            editor = self.editors[problem.field]
            self.ensureWidgetVisible(editor, 40, 80)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if problem.table and problem.table in self.tables:
            table = self.tables[problem.table]
            self.ensureWidgetVisible(table, 40, 80)
            if problem.row is not None:
                column = problem.column or self.session.definition.table(problem.table).columns[0].key
                table.focus_cell(problem.row, column)
            else:
                table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


class MembersPage(SectionPage):
    """The member register: the sortable, filterable table beside a live panel of indicators against KKK averages."""

    def _table_editor(self, table, parent: QWidget) -> QWidget:
        editor = TableEditor(self.session, table, parent, filterable=True, freeze_first=True, column_choice=True)
        editor.setObjectName(f"table:{table.key}")
        self.empty_register = EmptyRegister(self.session, editor, editor)
        editor.set_empty_panel(self.empty_register)
        wrapper = QWidget(parent)
        lay = QBoxLayout(QBoxLayout.Direction.LeftToRight, wrapper)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(editor, 3)
        self.member_bars = IndicatorBars(wrapper, definition=self.session.definition)
        self.member_bars.setMinimumWidth(BARS_WIDTH)
        lay.addWidget(self.member_bars, 1)
        self._members_layout = lay
        editor.setMinimumHeight(420)
        self._members_editor = editor
        self.tables[table.key] = editor
        return wrapper

    def _criterion_box(self, criterion: Criterion, parent: QWidget) -> QWidget:
        box = super()._criterion_box(criterion, parent)
        for table in criterion.tables:
            self.tables[table.key] = self._members_editor
        return box

    def adapt_to_width(self, width: int) -> None:
        """The indicators beside the register on a wide page, under it on a narrow one."""
        super().adapt_to_width(width)
        if hasattr(self, "_members_layout"):
            beside = width >= MEMBERS_BESIDE
            direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
            if self._members_layout.direction() != direction:
                self._members_layout.setDirection(direction)
                self.member_bars.setMinimumWidth(BARS_WIDTH if beside else 0)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        if hasattr(self, "empty_register"):
            self.empty_register.set_read_only(read_only)

    def refresh_problems(self) -> None:
        super().refresh_problems()
        if hasattr(self, "member_bars"):
            self.member_bars.set_indicators(self.session.indicators)
