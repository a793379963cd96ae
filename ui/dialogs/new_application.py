"""The "new application" dialog: the competition round, grant or renewal, and an optional name.

Rounds are offered newest first by their name („Konkurs 2021 — najnowsza runda”), never by the file id; the round
chosen also fills the application's „Runda konkursu” (`round_value`). A renewal of an application already in the
database is made by Odnowienie (`renew ID --round R`): choosing "odnowienie" here asks which application it
renews (`source_id`) and the caller hands it to that one path; only without an earlier application does a renewal
start empty.

The result is read from the properties `form_id`, `kind`, `name`, `source_id` and `round_value` after `exec()`
returns Accepted.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from forms.loader import DEFAULT_FORM, DefinitionError, available_forms, load_form
from ui.i18n import current_language

KINDS = ("nadanie", "odnowienie")


def round_value(form_id: str) -> str:
    """What „Runda konkursu” of a new application says: the round's name as the form writes it (Polish data)."""
    return f"konkurs {load_form(form_id).round_year}"


class NewApplicationDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        lang: str | None = None,
        sources: list[tuple[int, str]] | None = None,
    ) -> None:
        """`sources`: the applications a renewal can start from, (id, label), newest first."""
        super().__init__(parent)
        self._lang = lang or current_language()
        self.setWindowTitle(self.tr("Nowy wniosek"))
        self.setModal(True)

        self.round_combo = QComboBox()
        self._titles: dict[str, str] = {}
        rounds = []
        for form_id in available_forms():
            try:
                rounds.append(load_form(form_id))
            except DefinitionError:
                continue  # a broken definition file is reported elsewhere; it cannot be chosen here
        rounds.sort(key=lambda d: (d.round_year, d.id), reverse=True)  # the newest round first
        for definition in rounds:
            self._titles[definition.id] = definition.title.get(self._lang)
            label = self.tr("Konkurs {year}").format(year=definition.round_year)
            if definition is rounds[0] and len(rounds) > 1:
                label = self.tr("{name} — najnowsza runda").format(name=label)
            self.round_combo.addItem(label, definition.id)
        self.round_title = QLabel()
        self.round_title.setWordWrap(True)
        self.round_title.setStyleSheet("color: palette(placeholder-text);")
        self.round_combo.currentIndexChanged.connect(self._show_title)

        self.grant_radio = QRadioButton(self.tr("&nadanie statusu"))
        self.renewal_radio = QRadioButton(self.tr("o&dnowienie statusu"))
        self.grant_radio.setChecked(True)
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.grant_radio, 0)
        self._kinds.addButton(self.renewal_radio, 1)
        kinds = QHBoxLayout()
        kinds.setContentsMargins(0, 0, 0, 0)
        kinds.addWidget(self.grant_radio)
        kinds.addWidget(self.renewal_radio)
        kinds.addStretch(1)

        self.source_combo = QComboBox()
        for app_id, label in sources or []:
            self.source_combo.addItem(label, app_id)
        self.source_label = QLabel(self.tr("Na &podstawie wniosku:"))
        self.source_label.setBuddy(self.source_combo)
        self.no_source = QLabel(
            self.tr("W tej bazie nie ma wcześniejszego wniosku: powstanie pusty wniosek o odnowienie statusu.")
        )
        self.no_source.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(300)
        self.name_edit.setPlaceholderText(self.tr("np. Mazowiecki Klaster ICT (można uzupełnić później)"))
        self.name_edit.setClearButtonEnabled(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        round_label = QLabel(self.tr("&Runda konkursu:"))
        round_label.setBuddy(self.round_combo)
        form.addRow(round_label, self.round_combo)
        form.addRow("", self.round_title)
        form.addRow(self.tr("Rodzaj wniosku:"), kinds)
        form.addRow(self.source_label, self.source_combo)
        form.addRow("", self.no_source)
        self._form = form
        name_label = QLabel(self.tr("Nazwa &wniosku:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)

        hint = QLabel(
            self.tr(
                "Odnowienie przenosi do wybranej rundy dane wcześniejszego wniosku (klaster, koordynator, członkowie) "
                "i pokazuje raport przeniesienia — tak samo jak Odnowienie… w oknie głównym."
            )
        )
        self.hint = hint
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Utwórz"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.round_combo.count() > 0)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._kinds.idToggled.connect(lambda *_: self._show_kind())
        self.select_form(DEFAULT_FORM)
        self._show_title()
        self._show_kind()
        self.name_edit.setFocus()
        self.setMinimumWidth(520)

    def _show_kind(self) -> None:
        renewal = self.renewal_radio.isChecked()
        has_sources = self.source_combo.count() > 0
        self._form.setRowVisible(self.source_combo, renewal and has_sources)
        self._form.setRowVisible(self.no_source, renewal and not has_sources)
        self.hint.setVisible(renewal and has_sources)

    def _show_title(self) -> None:
        self.round_title.setText(self._titles.get(self.form_id or "", ""))

    # Setting the fields (used by tests and by callers that preselect) ----------------------------
    def select_form(self, form_id: str) -> bool:
        index = self.round_combo.findData(form_id)
        if index >= 0:
            self.round_combo.setCurrentIndex(index)
        return index >= 0

    def set_kind(self, kind: str) -> None:
        (self.renewal_radio if kind == "odnowienie" else self.grant_radio).setChecked(True)

    # The result --------------------------------------------------------------------------------
    @property
    def form_id(self) -> str | None:
        return self.round_combo.currentData()

    @property
    def kind(self) -> str:
        return KINDS[1] if self.renewal_radio.isChecked() else KINDS[0]

    @property
    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    @property
    def source_id(self) -> int | None:
        """The application a renewal starts from (None for a grant, or when the database holds none)."""
        if not self.renewal_radio.isChecked() or self.source_combo.count() == 0:
            return None
        return self.source_combo.currentData()

    @property
    def round_value(self) -> str:
        return round_value(self.form_id) if self.form_id else ""
