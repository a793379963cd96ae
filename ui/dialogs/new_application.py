"""The "new application" dialog: the competition round, grant or renewal, and an optional name.

The result is read from the properties `form_id`, `kind` and `name` after `exec()` returns Accepted.
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


class NewApplicationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self._lang = lang or current_language()
        self.setWindowTitle(self.tr("Nowy wniosek"))
        self.setModal(True)

        self.round_combo = QComboBox()
        self._titles: dict[str, str] = {}
        for form_id in available_forms():
            try:
                definition = load_form(form_id)
            except DefinitionError:
                continue  # a broken definition file is reported elsewhere; it cannot be chosen here
            self._titles[form_id] = definition.title.get(self._lang)
            label = self.tr("konkurs {year} ({id})").format(year=definition.round_year, id=form_id)
            self.round_combo.addItem(label, form_id)
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
        name_label = QLabel(self.tr("Nazwa &wniosku:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)

        hint = QLabel(
            self.tr(
                "Odnowienie na podstawie wcześniejszego wniosku (z przeniesieniem danych klastra i członków) "
                "tworzy się przyciskiem „Odnowienie…” w oknie głównym."
            )
        )
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

        self.select_form(DEFAULT_FORM)
        self._show_title()
        self.name_edit.setFocus()
        self.setMinimumWidth(520)

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
