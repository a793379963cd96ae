"""What changed between two versions of an application, field by field; table rows are matched by their key
(a member by NIP) where the table has one, otherwise by position."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stdnum.util import clean

from forms.display import value_text
from forms.document import Document, Row
from forms.schema import FieldDef, TableDef

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
KIND_LABELS = {
    "pl": {ADDED: "dodano", REMOVED: "usunięto", CHANGED: "zmieniono"},
    "en": {ADDED: "added", REMOVED: "removed", CHANGED: "changed"},
}


@dataclass(frozen=True)
class Change:
    kind: str
    section: str
    key: str  # field key or table key
    label: str  # the field's or table's label
    row: str | None = None  # the row's key value (NIP, title ...) or its number
    column: str | None = None
    column_label: str | None = None
    old: Any = None
    new: Any = None

    def line(self, lang: str = "pl") -> str:
        where = self.label
        if self.row is not None:
            where += f" › {self.row}"
        if self.column_label:
            where += f" › {self.column_label}"
        kind = KIND_LABELS.get(lang, KIND_LABELS["pl"])[self.kind]
        if self.kind == CHANGED:
            return f"{kind}: {where}: „{self.old}” → „{self.new}”"
        content = self.new if self.kind == ADDED else self.old
        return f"{kind}: {where}" + (f": „{content}”" if content else "")


def _key_of(table: TableDef, row: Row, index: int) -> str:
    """The row's identity: its key column (a NIP normalised), else its first text (a name), else its position."""
    if table.row_key and row.get(table.row_key) is not None:
        value = str(row.get(table.row_key))
        column = table.column(table.row_key)
        return clean(value, " -").upper().removeprefix("PL") if column.type == "nip" else value
    first = next((c for c in table.columns if c.type == "text" and row.get(c.key)), None)
    if first is not None:
        return "name:" + " ".join(str(row.get(first.key)).lower().split())
    return f"#{index + 1}"


def _row_label(table: TableDef, row: Row, key: str) -> str:
    first = next((c for c in table.columns if c.type in ("text", "longtext") and row.get(c.key)), None)
    name = str(row.get(first.key)) if first is not None else ""
    return f"{name} ({key})" if name and not key.startswith(("#", "name:")) else (name or key)


def _text(definition, fdef: FieldDef, value: Any, lang: str) -> str:
    return value_text(definition, fdef, value, lang, empty="")


def _field_label(crit, f: FieldDef, shared: set[str], lang: str) -> str:
    """A field's label, with its group when the same label names fields of several groups ("Telefon" of the
    coordinator and of the contact person: `Osoba do kontaktu › Telefon`)."""
    label = f.label.get(lang)
    return f"{crit.title.get(lang)} › {label}" if label in shared else label


def _row_text(d, table: TableDef, row: Row, lang: str) -> str:
    """What an added or removed row holds: `Label: value; Label: value` (its filled columns)."""
    parts = []
    for col in table.columns:
        value = row.get(col.key)
        if value is not None and value != "":
            parts.append(f"{col.label.get(lang)}: {_text(d, col, value, lang)}")
    return "; ".join(parts)


def diff_documents(old: Document, new: Document, lang: str = "pl") -> list[Change]:
    """Changes from `old` to `new`, in the order of the form."""
    d = new.definition
    changes: list[Change] = []
    seen: dict[str, int] = {}
    for section in d.sections:
        for crit in section.criteria:
            for f in crit.fields:
                seen[f.label.get(lang)] = seen.get(f.label.get(lang), 0) + 1
    shared = {label for label, n in seen.items() if n > 1}
    for section in d.sections:
        for crit in section.criteria:
            for f in crit.fields:
                a, b = old.values.get(f.key), new.values.get(f.key)
                if a == b:
                    continue
                kind = ADDED if a is None else REMOVED if b is None else CHANGED
                label = _field_label(crit, f, shared, lang)
                changes.append(
                    Change(kind, section.id, f.key, label, old=_text(d, f, a, lang), new=_text(d, f, b, lang))
                )
            for table in crit.tables:
                changes.extend(_diff_table(d, section.id, table, old.rows(table.key), new.rows(table.key), lang))
    return changes


def _diff_table(d, section: str, table: TableDef, old_rows: list[Row], new_rows: list[Row], lang: str) -> list[Change]:
    out: list[Change] = []
    old_by = {_key_of(table, r, i): r for i, r in enumerate(old_rows)}
    new_by = {_key_of(table, r, i): r for i, r in enumerate(new_rows)}
    label = table.label.get(lang)
    for key, row in new_by.items():
        if key not in old_by:
            content = _row_text(d, table, row, lang)
            out.append(Change(ADDED, section, table.key, label, row=_row_label(table, row, key), new=content))
            continue
        before = old_by[key]
        for col in table.columns:
            a, b = before.get(col.key), row.get(col.key)
            if a != b:
                out.append(
                    Change(
                        CHANGED if a is not None and b is not None else ADDED if a is None else REMOVED,
                        section,
                        table.key,
                        label,
                        row=_row_label(table, row, key),
                        column=col.key,
                        column_label=col.label.get(lang),
                        old=_text(d, col, a, lang),
                        new=_text(d, col, b, lang),
                    )
                )
    for key, row in old_by.items():
        if key not in new_by:
            content = _row_text(d, table, row, lang)
            out.append(Change(REMOVED, section, table.key, label, row=_row_label(table, row, key), old=content))
    return out
