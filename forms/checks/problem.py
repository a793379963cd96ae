"""A problem found by the checks: where it is, how serious, and what is allowed."""

from __future__ import annotations

from dataclasses import dataclass

from forms.schema import FormDefinition, Text

ERROR = "error"
WARNING = "warning"


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

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self, definition: FormDefinition, lang: str = "pl") -> str:
        """Where the problem is, for people: `3. Potencjał gospodarczy › Członkowie klastra › wiersz 5 › NIP`."""
        parts: list[str] = []
        try:
            parts.append(definition.section(self.section).display_title(lang))
        except KeyError:
            parts.append(self.section)
        if self.table is not None and definition.has_table(self.table):
            table = definition.table(self.table)
            parts.append(table.label.get(lang))
            if self.row is not None:
                parts.append(("row" if lang == "en" else "wiersz") + f" {self.row + 1}")
            if self.column is not None and table.has_column(self.column):
                parts.append(table.column(self.column).label.get(lang))
        elif self.field is not None and definition.has_field(self.field):
            parts.append(definition.field(self.field).label.get(lang))
        return " › ".join(parts)

    def line(self, definition: FormDefinition, lang: str = "pl") -> str:
        """One line for the command line and logs."""
        tag = {"pl": {ERROR: "BŁĄD", WARNING: "UWAGA"}, "en": {ERROR: "ERROR", WARNING: "WARNING"}}
        label = tag.get(lang, tag["pl"])[self.severity]
        return f"{label}: {self.location(definition, lang)}: {self.message.get(lang)}"
