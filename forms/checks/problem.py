"""A problem found by the checks: where it is, which kind, and what is allowed.

Three kinds, shown differently everywhere: *brak* (`MISSING`: a required item not filled in yet; neutral),
*błąd* (`ERROR`: a value that is wrong or breaks a rule; red at once) and *uwaga* (`WARNING`). Missing items and
errors both block finalising (`is_error`); only errors are alarming.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms.messages import render
from forms.schema import FormDefinition, Text

ERROR = "error"
WARNING = "warning"
MISSING = "missing"  # a kind, not a severity: a missing item has severity ERROR

# Problems that only say something is not filled in yet.
MISSING_CODES = frozenset({"required", "min_rows", "attachment_missing"})

KIND_TAGS = {
    "pl": {MISSING: "BRAK", ERROR: "BŁĄD", WARNING: "UWAGA"},
    "en": {MISSING: "MISSING", ERROR: "ERROR", WARNING: "WARNING"},
}
KIND_NAMES = {
    "pl": {MISSING: "do uzupełnienia", ERROR: "błąd", WARNING: "uwaga"},
    "en": {MISSING: "to be filled in", ERROR: "error", WARNING: "warning"},
}
GROUP_TITLE_MAX = 60  # a criterion's title longer than this does not name the place of its fields


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: Text
    section: str
    criterion: str | None = None
    field: str | None = None
    table: str | None = None
    row: int | None = None  # 0-based index in the table
    column: str | None = None
    row_label: str | None = None  # the row's name (a member's name), set by check_document

    @property
    def is_error(self) -> bool:
        """Whether it blocks finalising (missing items and errors do, warnings do not)."""
        return self.severity == ERROR

    @property
    def kind(self) -> str:
        """MISSING, ERROR or WARNING."""
        if self.severity != ERROR:
            return WARNING
        return MISSING if self.code in MISSING_CODES else ERROR

    @property
    def is_missing(self) -> bool:
        return self.kind == MISSING

    @property
    def is_mistake(self) -> bool:
        """A wrong value or a broken rule (not merely missing)."""
        return self.kind == ERROR

    def place(self, definition: FormDefinition, lang: str = "pl") -> list[str]:
        """Where the problem is inside its section, in a coordinator's words: `["Dane koordynatora", "Adres e-mail"]`,
        `["Kuźnia Matrycowa Dolpol (wiersz 8)", "Przychody z eksportu …"]`."""
        try:
            section = definition.section(self.section)
        except KeyError:
            section = None
        parts: list[str] = []
        if self.table is not None and definition.has_table(self.table):
            table = definition.table(self.table)
            if section is None or section.kind not in ("members", "attachments"):  # there the section is the table
                parts.append(table.label.get(lang))
            if self.row is not None:
                if self.row_label:
                    parts.append(render("row_place", lang, name=self.row_label, row=self.row + 1))
                else:
                    parts.append(render("row_only", lang, row=self.row + 1))
            if self.column is not None and table.has_column(self.column):
                parts.append(table.column(self.column).label.get(lang))
        elif self.field is not None and definition.has_field(self.field):
            if section is not None and len(section.criteria) > 1 and self.criterion:
                for crit in section.criteria:
                    title = crit.title.get(lang)
                    if crit.id == self.criterion and len(title) <= GROUP_TITLE_MAX:
                        parts.append(title)
            parts.append(definition.field(self.field).label.get(lang))
        return parts

    def location(self, definition: FormDefinition, lang: str = "pl") -> str:
        """Where the problem is, for people: `Członkowie klastra › Kuźnia Matrycowa Dolpol (wiersz 8) › NIP`."""
        try:
            head = definition.section(self.section).display_title(lang)
        except KeyError:
            head = self.section
        return " › ".join([head, *self.place(definition, lang)])

    def line(self, definition: FormDefinition, lang: str = "pl") -> str:
        """One line for the command line and logs: `BŁĄD: <place>: <message>`."""
        label = KIND_TAGS.get(lang, KIND_TAGS["pl"])[self.kind]
        return f"{label}: {self.location(definition, lang)}: {self.message.get(lang)}"

    def to_json(self, definition: FormDefinition, lang: str = "pl") -> dict:
        """For `check --json`: stable keys for tools, texts for people."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "code": self.code,
            "section": self.section,
            "criterion": self.criterion,
            "field": self.field,
            "table": self.table,
            "row": None if self.row is None else self.row + 1,
            "column": self.column,
            "row_label": self.row_label,
            "place": self.location(definition, lang),
            "message": self.message.get(lang),
        }
