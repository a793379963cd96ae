"""The `.kkk.json` file: the contract between the app, its tests and other tools.

```
{"format": "kkk-application", "format_version": 1, "form": "kkk-2019", "form_version": 1,
 "checksum": "<sha256 of the canonical document>",
 "values": {...}, "tables": {"members": [...], "attachments": [{..., "content_base64": "..."}]}}
```
Reading collects every problem with its JSON path; a file with any problem is rejected whole.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from pathlib import Path
from typing import Any

from forms.document import Document, Row
from forms.loader import DefinitionError, load_form
from forms.schema import FieldDef, FormDefinition
from forms.values import ValueTypeError, from_json

FORMAT = "kkk-application"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
TOP_KEYS = {"format", "format_version", "form", "form_version", "checksum", "values", "tables"}
FILE_COLUMN = "content_base64"


class KkkFileError(ValueError):
    """A `.kkk.json` that cannot be taken; `problems` lists every one with its path."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "; ".join(problems[:5]) + (f" (i {len(problems) - 5} innych)" if len(problems) > 5 else "")
        super().__init__(f"{source}: {shown}")


def to_dict(doc: Document) -> dict[str, Any]:
    body = doc.to_json()
    for table_key, rows in body["tables"].items():
        if not doc.definition.table(table_key).has_column("sha256"):
            continue
        for row in rows:
            content = doc.files.get(row.get("sha256", ""))
            if content is not None:
                row[FILE_COLUMN] = base64.b64encode(content).decode("ascii")
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form": doc.definition.id,
        "form_version": doc.definition.version,
        "checksum": doc.checksum(),
        "values": body["values"],
        "tables": body["tables"],
    }


def dumps(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write(doc: Document, path: Path) -> None:
    """Write atomically: a crash never leaves a half-written file in place of a good one."""
    from export.atomic import write_bytes_atomic

    write_bytes_atomic(Path(path), dumps(doc).encode("utf-8"))


def _object(data: dict[str, Any], key: str, problems: list[str]) -> dict[str, Any]:
    """`data[key]`, a JSON object (empty when missing; empty with a problem when not an object)."""
    value = data.get(key, {})
    if isinstance(value, dict):
        return value
    problems.append(f"{key}: oczekiwano obiektu")
    return {}


def _typed(fdef: FieldDef, raw: Any, definition: FormDefinition, path: str, problems: list[str]) -> Any:
    """The typed value of `raw` (None when empty), or None with the reason added to `problems` under `path`."""
    try:
        return from_json(fdef, raw, definition)
    except ValueTypeError as exc:
        problems.append(f"{path}: {exc}")
        return None


def from_dict(data: Any, source: str = "plik") -> Document:
    problems: list[str] = []
    if not isinstance(data, dict):
        raise KkkFileError(source, ["plik nie zawiera obiektu JSON wniosku"])
    if data.get("format") != FORMAT:
        problems.append(f'format: oczekiwano "{FORMAT}", jest {json.dumps(data.get("format"))}')
    if data.get("format_version") != FORMAT_VERSION:
        found = json.dumps(data.get("format_version"))
        problems.append(f"format_version: ten program czyta wersję {FORMAT_VERSION}, plik ma {found}")
    for key in data:
        if key not in TOP_KEYS:
            problems.append(f"{key}: nieznany klucz")
    form_id = data.get("form")
    try:
        definition = load_form(form_id if isinstance(form_id, str) else "")
    except DefinitionError as exc:
        raise KkkFileError(source, problems + [f"form: {exc}"]) from None
    doc = Document(definition)
    for key, raw in _object(data, "values", problems).items():
        if not definition.has_field(key):
            problems.append(f"values.{key}: nieznane pole w rundzie {definition.id}")
            continue
        value = _typed(definition.field(key), raw, definition, f"values.{key}", problems)
        if value is not None:
            doc.values[key] = value
    for table_key, rows in _object(data, "tables", problems).items():
        if not definition.has_table(table_key):
            problems.append(f"tables.{table_key}: nieznana tabela w rundzie {definition.id}")
            continue
        if not isinstance(rows, list):
            problems.append(f"tables.{table_key}: oczekiwano listy wierszy")
            continue
        table = definition.table(table_key)
        for i, raw_row in enumerate(rows):
            path = f"tables.{table_key}[{i}]"
            if not isinstance(raw_row, dict):
                problems.append(f"{path}: oczekiwano obiektu")
                continue
            row_data: dict[str, Any] = {}
            for col_key, raw in raw_row.items():
                if col_key == FILE_COLUMN and table.has_column("sha256"):
                    try:
                        content = base64.b64decode(raw, validate=True) if isinstance(raw, str) else None
                    except (binascii.Error, ValueError):
                        content = None
                    if content is None:
                        problems.append(f"{path}.{FILE_COLUMN}: niepoprawne kodowanie base64")
                    else:
                        doc.files[hashlib.sha256(content).hexdigest()] = content
                    continue
                if not table.has_column(col_key):
                    problems.append(f"{path}.{col_key}: nieznana kolumna")
                    continue
                value = _typed(table.column(col_key), raw, definition, f"{path}.{col_key}", problems)
                if value is not None:
                    row_data[col_key] = value
            doc.tables.setdefault(table_key, []).append(Row(row_data))
    checksum = data.get("checksum")
    if checksum is not None and not problems and checksum != doc.checksum():
        problems.append(
            "checksum: suma kontrolna w pliku nie zgadza się z danymi; plik zmieniono po eksporcie "
            '(usuń klucz "checksum", jeśli zmiana była zamierzona)'
        )
    if problems:
        raise KkkFileError(source, problems)
    return doc


def read(path: Path) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KkkFileError(
                path.name, [f"plik ma {size // 1024 // 1024} MB, najwyżej {MAX_FILE_BYTES // 1024 // 1024} MB"]
            )
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise KkkFileError(path.name, [f"nie można odczytać pliku ({exc.strerror})"]) from None
    except UnicodeDecodeError:
        raise KkkFileError(path.name, ["plik nie jest tekstem UTF-8"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KkkFileError(
            path.name, [f"niepoprawny JSON w wierszu {exc.lineno}, kolumnie {exc.colno}: {exc.msg}"]
        ) from None
    return from_dict(data, path.name)
