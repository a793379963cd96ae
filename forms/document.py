"""The application document: typed values and table rows of one application, with its canonical JSON and checksum.

A `Document` knows nothing of the database or the UI. Rows carry a stable `uid` (not part of the data) so that the
storage can update one row and a comparison can follow a row when others move.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from forms import limits
from forms.schema import FieldDef, FormDefinition, TableDef
from forms.values import TEXT_TYPES, is_empty, normalise, to_json


def new_uid() -> str:
    return uuid.uuid4().hex


def _edited(fdef: FieldDef, value: Any, definition: FormDefinition) -> Any:
    """`normalise` for an edit: a text beyond the program's limit keeps its first characters (`forms.limits`)."""
    if fdef.type in TEXT_TYPES and isinstance(value, str):
        value = limits.fit_text(fdef.type, value)
    return normalise(fdef, value, definition)


@dataclass
class Row:
    data: dict[str, Any]
    uid: str = field(default_factory=new_uid)

    def get(self, column: str, default: Any = None) -> Any:
        return self.data.get(column, default)


@dataclass
class Document:
    definition: FormDefinition
    values: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[Row]] = field(default_factory=dict)
    # Attached files by their SHA-256 (hex): the rows of an attachments table name them by `sha256`.
    files: dict[str, bytes] = field(default_factory=dict)
    # The version of the form its values were written for, when older than the definition (a `.kkk.json` of an
    # earlier version of the program): an import stores it so, and forms/revisions.py brings it up to date.
    form_version: int | None = field(default=None, compare=False)

    # Values -------------------------------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value

    def set(self, key: str, value: Any) -> Any:
        """Set a field from a typed (or JSON) value; returns the normalised value (None clears the field)."""
        fdef = self.definition.field(key)
        value = _edited(fdef, value, self.definition)
        if value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = value
        return value

    # Tables -------------------------------------------------------------------------------------
    def rows(self, table_key: str) -> list[Row]:
        return self.tables.setdefault(table_key, [])

    def normalise_row(self, table: TableDef, data: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for col in table.columns:
            if col.key in data:
                value = _edited(col, data[col.key], self.definition)
                if value is not None:
                    out[col.key] = value
        return out

    def add_row(self, table_key: str, data: dict[str, Any] | None = None, index: int | None = None) -> Row:
        table = self.definition.table(table_key)
        row = Row(self.normalise_row(table, data or {}))
        rows = self.rows(table_key)
        rows.insert(len(rows) if index is None else index, row)
        return row

    def set_cell(self, table_key: str, index: int, column: str, value: Any) -> Any:
        table = self.definition.table(table_key)
        row = self.rows(table_key)[index]
        value = _edited(table.column(column), value, self.definition)
        if value is None:
            row.data.pop(column, None)
        else:
            row.data[column] = value
        return value

    def remove_row(self, table_key: str, index: int) -> Row:
        return self.rows(table_key).pop(index)

    def move_row(self, table_key: str, index: int, new_index: int) -> None:
        rows = self.rows(table_key)
        rows.insert(new_index, rows.pop(index))

    # Conversions --------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Values and tables in their JSON form (the body of `.kkk.json`), keys sorted, empties left out."""
        d = self.definition
        values = {}
        for key in sorted(self.values):
            raw = to_json(d.field(key), self.values[key])
            if raw is not None:
                values[key] = raw
        tables: dict[str, list[dict[str, Any]]] = {}
        for key in sorted(self.tables):
            table = d.table(key)
            rows = []
            for row in self.tables[key]:
                out = {}
                for col in table.columns:
                    raw = to_json(col, row.data.get(col.key))
                    if raw is not None:
                        out[col.key] = raw
                rows.append(out)
            if rows:
                tables[key] = rows
        return {"values": values, "tables": tables}

    def canonical_json(self) -> str:
        """The canonical form the checksum covers: form id, values, tables; sorted keys, no white space."""
        body = self.to_json()
        body["form"] = self.definition.id
        return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def checksum(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def copy(self) -> Document:
        return Document(
            self.definition,
            dict(self.values),
            {k: [Row(dict(r.data), r.uid) for r in rows] for k, rows in self.tables.items()},
            dict(self.files),
        )

    def attach(self, content: bytes) -> str:
        """Keep a file's content; returns its SHA-256 for the attachment row."""
        digest = hashlib.sha256(content).hexdigest()
        self.files[digest] = content
        return digest

    def is_blank(self, key: str) -> bool:
        return is_empty(self.values.get(key))


def group_checksum(digest: str, groups: int = 4) -> str:
    """`3f9a1c0277be90d4…` -> `3f9a-1c02-77be-90d4`: the short form shown to people."""
    return "-".join(digest[i * 4 : i * 4 + 4] for i in range(groups))
