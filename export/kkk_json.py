"""The `.kkk.json` file: the contract between the app, its tests and other tools.

```
{"format": "kkk-application", "format_version": 1, "form": "kkk-2019", "form_version": 1,
 "checksum": "<sha256 of the canonical document>",
 "values": {...}, "tables": {"members": [...], "attachments": [{..., "content_base64": "..."}]}}
```
Reading collects every problem with its JSON path; a file with any problem is rejected whole. The door is
guarded by `forms.limits`: the file's size (checked before reading), nesting depth, the length of numbers (before
Python converts them), duplicate keys (refused with their path), the range of every number and the length of every
text; a JSON number where a decimal or an amount is expected is read exactly (`1.0` is `Decimal("1.0")`). Every
attachment row must carry the file its `sha256` names.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from forms import limits
from forms.document import Document, Row
from forms.fmt import format_megabytes, quote_value
from forms.loader import DefinitionError, available_forms, load_form
from forms.schema import FieldDef, FormDefinition
from forms.values import ValueTypeError, from_json

FORMAT = "kkk-application"
FORMAT_VERSION = 1
MAX_FILE_BYTES = limits.MAX_KKK_JSON_BYTES
_FORM_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
TOP_KEYS = {"format", "format_version", "form", "form_version", "checksum", "application", "values", "tables"}
FILE_COLUMN = "content_base64"


class KkkFileError(ValueError):
    """A `.kkk.json` that cannot be taken; `problems` lists every one with its path."""

    def __init__(self, source: str, problems: list[str]) -> None:
        source = quote_value(source, 120)[1:-1]  # a file name may hold anything, even a new line
        self.source = source
        self.problems = problems
        shown = "; ".join(problems[:5]) + (f" (i {len(problems) - 5} innych)" if len(problems) > 5 else "")
        super().__init__(f"{source}: {shown}")


def to_dict(doc: Document, application: dict[str, Any] | None = None) -> dict[str, Any]:
    """`application`: who the file belongs to (uuid, version, state, the version a korekta corrects), written by
    the package and compared by `verify`; outside the checksum, ignored by `import`."""
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
        **({"application": application} if application is not None else {}),
        "values": body["values"],
        "tables": body["tables"],
    }


def dumps(doc: Document, application: dict[str, Any] | None = None) -> str:
    return json.dumps(to_dict(doc, application), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write(doc: Document, path: Path, application: dict[str, Any] | None = None) -> None:
    """Write atomically: a crash never leaves a half-written file in place of a good one."""
    from export.atomic import write_bytes_atomic

    write_bytes_atomic(Path(path), dumps(doc, application).encode("utf-8"))


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


class _Object(dict):
    """A JSON object whose text repeated some keys (`duplicates`); the last value of each is kept."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    twice = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
    dup = _Object(obj)
    dup.duplicates = list(dict.fromkeys(twice))
    return dup


def _number(text: str) -> Any:
    """A JSON number: exact (`Decimal` for a fraction), or kept as text when too long to convert safely."""
    if len(text) > limits.MAX_NUMBER_CHARS:
        return limits.OversizedNumber(text)
    if "." in text or "e" in text or "E" in text:
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the JSON grammar only passes valid numbers
            return limits.OversizedNumber(text)
    return int(text)


def _join(path: str, key: str) -> str:
    key = quote_value(key)[1:-1] if len(key) > 60 or not key.isprintable() else key
    return f"{path}.{key}" if path else key


def _too_deep(path: str) -> str:
    return f"{path}: zagnieżdżenie głębsze niż {limits.MAX_JSON_DEPTH} poziomów (plik wniosku ma ich najwyżej 5)"


def _shape_problems(data: Any, problems: list[str]) -> bool:
    """Nesting deeper than `MAX_JSON_DEPTH` and repeated keys, each with its path; False when too deep to go on."""
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    while stack:
        obj, path, depth = stack.pop()
        if depth > limits.MAX_JSON_DEPTH:
            problems.append(_too_deep(path or "plik"))
            return False
        if isinstance(obj, dict):
            for key in getattr(obj, "duplicates", ()):
                problems.append(f"{_join(path, key)}: klucz powtórzony w tym samym obiekcie (dozwolony raz)")
            for key, value in obj.items():
                if isinstance(value, (dict, list)):
                    stack.append((value, _join(path, key), depth + 1))
        elif isinstance(obj, list):
            for i, value in enumerate(obj):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{path}[{i}]", depth + 1))
    return True


def _shown(value: Any) -> str:
    return "brak" if value is None else quote_value(value)


def _form(form_id: Any, problems: list[str], source: str) -> FormDefinition:
    if not isinstance(form_id, str) or not _FORM_ID.fullmatch(form_id) or form_id not in available_forms():
        raise KkkFileError(
            source,
            problems
            + [f"form: nieznana runda konkursu {_shown(form_id)} (dostępne: {', '.join(available_forms()) or 'brak'})"],
        )
    try:
        return load_form(form_id)
    except DefinitionError as exc:
        raise KkkFileError(source, problems + [f"form: {exc}"]) from None


def _attachment(raw: Any, path: str, problems: list[str]) -> bytes | None:
    """The content of an attachment row's `content_base64`, or None with the reason in `problems`."""
    if isinstance(raw, str) and len(raw) > (limits.MAX_ATTACHMENT_BYTES * 4) // 3 + 4:
        problems.append(
            f"{path}: plik załącznika większy niż {format_megabytes(limits.MAX_ATTACHMENT_BYTES)} "
            "(tyle przyjmuje program)"
        )
        return None
    try:
        content = base64.b64decode(raw, validate=True) if isinstance(raw, str) else None
    except (binascii.Error, ValueError):
        content = None
    if content is None:
        problems.append(f"{path}: niepoprawne kodowanie base64")
    return content


def from_dict(data: Any, source: str = "plik") -> Document:
    problems: list[str] = []
    if not isinstance(data, dict):
        raise KkkFileError(source, ["plik nie zawiera obiektu JSON wniosku"])
    if not _shape_problems(data, problems):
        raise KkkFileError(source, problems)
    if data.get("format") != FORMAT:
        problems.append(f'format: oczekiwano "{FORMAT}", jest {_shown(data.get("format"))}')
    if data.get("format_version") != FORMAT_VERSION or isinstance(data.get("format_version"), bool):
        found = _shown(data.get("format_version"))
        problems.append(f"format_version: ten program czyta wersję {FORMAT_VERSION}, plik ma {found}")
    for key in data:
        if key not in TOP_KEYS:
            problems.append(f"{_join('', key)}: nieznany klucz")
    if "application" in data and not isinstance(data["application"], dict):
        problems.append("application: oczekiwano obiektu")
    definition = _form(data.get("form"), problems, source)
    doc = Document(definition)
    for key, raw in _object(data, "values", problems).items():
        if not definition.has_field(key):
            problems.append(f"{_join('values', key)}: nieznane pole w rundzie {definition.id}")
            continue
        value = _typed(definition.field(key), raw, definition, f"values.{key}", problems)
        if value is not None:
            doc.values[key] = value
    for table_key, rows in _object(data, "tables", problems).items():
        if not definition.has_table(table_key):
            problems.append(f"{_join('tables', table_key)}: nieznana tabela w rundzie {definition.id}")
            continue
        if not isinstance(rows, list):
            problems.append(f"tables.{table_key}: oczekiwano listy wierszy")
            continue
        if len(rows) > limits.MAX_TABLE_ROWS:
            problems.append(
                f"tables.{table_key}: {len(rows)} wierszy, program przyjmuje w tabeli najwyżej {limits.MAX_TABLE_ROWS}"
            )
            continue
        table = definition.table(table_key)
        carries_files = table.has_column("sha256")
        for i, raw_row in enumerate(rows):
            path = f"tables.{table_key}[{i}]"
            if not isinstance(raw_row, dict):
                problems.append(f"{path}: oczekiwano obiektu")
                continue
            row_data: dict[str, Any] = {}
            content: bytes | None = None
            for col_key, raw in raw_row.items():
                if col_key == FILE_COLUMN and carries_files:
                    content = _attachment(raw, f"{path}.{FILE_COLUMN}", problems)
                    if content is not None:
                        doc.files[hashlib.sha256(content).hexdigest()] = content
                    continue
                if not table.has_column(col_key):
                    problems.append(f"{_join(path, col_key)}: nieznana kolumna")
                    continue
                value = _typed(table.column(col_key), raw, definition, f"{path}.{col_key}", problems)
                if value is not None:
                    row_data[col_key] = value
            digest = row_data.get("sha256")
            if carries_files and digest is not None and content is not None:
                if hashlib.sha256(content).hexdigest() != str(digest).lower():
                    problems.append(
                        f"{path}.{FILE_COLUMN}: treść pliku nie zgadza się z sumą SHA-256 z kolumny sha256 "
                        "(plik podmieniono albo uszkodzono)"
                    )
            elif carries_files and digest is not None and FILE_COLUMN not in raw_row:
                problems.append(
                    f"{path}.sha256: brak pliku załącznika, którego suma jest podana "
                    f'(wiersz załącznika musi nieść plik w kluczu "{FILE_COLUMN}")'
                )
            doc.tables.setdefault(table_key, []).append(Row(row_data))
    written_for = data.get("form_version", definition.version)
    if not isinstance(written_for, int) or isinstance(written_for, bool) or not 1 <= written_for:
        problems.append("form_version: oczekiwano numeru wersji formularza (liczby całkowitej od 1)")
    elif written_for > definition.version:
        problems.append(
            f"form_version: plik zapisano dla wersji {written_for} formularza {definition.id}, a ten program zna "
            f"wersję {definition.version}; zaktualizuj program"
        )
    elif written_for < definition.version:
        doc.form_version = written_for  # brought up to date when stored (Repository.import_document)
    checksum = data.get("checksum")
    if checksum is not None and not problems and checksum != doc.checksum():
        problems.append(
            "checksum: suma kontrolna w pliku nie zgadza się z danymi; plik zmieniono po eksporcie "
            '(usuń klucz "checksum", jeśli zmiana była zamierzona)'
        )
    if problems:
        raise KkkFileError(source, problems)
    return doc


def loads(text: str, source: str = "plik") -> Any:
    """The JSON of a `.kkk.json` text, parsed with the door's rules (`from_dict` then checks its shape)."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_float=_number,
            parse_int=_number,
            parse_constant=Decimal,  # NaN, Infinity: refused as "not a finite number" with their place
        )
    except json.JSONDecodeError as exc:
        raise KkkFileError(
            source, [f"niepoprawny JSON w wierszu {exc.lineno}, kolumnie {exc.colno}: {exc.msg}"]
        ) from None
    except RecursionError:
        raise KkkFileError(
            source,
            [f"plik: zagnieżdżenie głębsze niż {limits.MAX_JSON_DEPTH} poziomów (plik wniosku ma ich najwyżej 5)"],
        ) from None


def read(path: Path) -> Document:
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise KkkFileError(path.name, ["to nie jest zwykły plik (folder, urządzenie albo potok)"])
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise KkkFileError(
                path.name,
                [
                    f"plik ma {format_megabytes(size)}, a program przyjmuje pliki wniosku "
                    f"do {format_megabytes(MAX_FILE_BYTES)}"
                ],
            )
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since `stat`
        if len(raw) > MAX_FILE_BYTES:
            raise KkkFileError(path.name, [f"plik jest większy niż {format_megabytes(MAX_FILE_BYTES)}"])
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise KkkFileError(path.name, [f"nie można odczytać pliku ({exc.strerror})"]) from None
    except UnicodeDecodeError:
        raise KkkFileError(path.name, ["plik nie jest tekstem UTF-8"]) from None
    return from_dict(loads(text, path.name), path.name)
