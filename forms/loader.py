"""Loading and validating form definition files (`forms/definitions/*.json`).

Every mistake in a definition is reported as `DefinitionError` naming the file and the JSON path inside it, e.g.
`kkk-2019.json: sections[3].criteria[0].fields[2].type: nieznany typ 'txt'`.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from forms.schema import (
    FIELD_TYPES,
    SECTION_KINDS,
    SOURCE_KINDS,
    Choice,
    Condition,
    Criterion,
    Eligibility,
    FieldDef,
    FormDefinition,
    Help,
    HelpPart,
    IndicatorDef,
    ListInfo,
    Provenance,
    Revision,
    Rule,
    Section,
    TableDef,
    Text,
)

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"

RULE_KINDS = (
    "column_le",
    "unique",
    "consecutive_years",
    "eligibility_age",
    "eligibility_members",
    "attachment_kinds",
    "attachment_files",
    "date_not_future",
    "date_order",
)
INDICATOR_KINDS = ("count", "count_by", "share", "sum", "ratio")
# Parameters each kind needs (forms/checks/rules.py and forms/indicators.py read them without a default).
RULE_PARAMS = {
    "column_le": ("table", "column", "other"),
    "unique": ("table", "column"),
    "consecutive_years": ("table", "column", "count", "ending_at"),
    "attachment_kinds": ("table", "column", "required"),
    "attachment_files": ("table",),
    "date_not_future": ("field",),
    "date_order": ("table", "start", "end"),
}
INDICATOR_PARAMS = {"count_by": ("column",), "sum": ("column",), "ratio": ("numerator", "denominator")}
POPULATIONS = ("all", "enterprises")
# Rules that check the data against itself (a sum, an order, a duplicate, a file's hash): they may be errors even
# when only the program asks for them. Any other rule the program adds of its own is a recommendation: a warning.
CONSISTENCY_RULES = ("column_le", "unique", "consecutive_years", "attachment_files", "date_not_future", "date_order")


class DefinitionError(ValueError):
    """A form definition file is not valid: the message names the file and the path inside it."""


class _Ctx:
    """Walks a JSON document keeping the path for error messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> DefinitionError:
        return DefinitionError(f"{self.source}: {path or '(główny obiekt)'}: {message}")

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "oczekiwano obiektu JSON")
        return value

    def arr(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, "oczekiwano listy JSON")
        return value

    def req(self, data: dict[str, Any], key: str, path: str) -> Any:
        if key not in data:
            raise self.fail(_join(path, key), "brak wymaganego klucza")
        return data[key]

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not value:
            raise self.fail(path, "oczekiwano niepustego tekstu")
        return value

    def integer(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, "oczekiwano liczby całkowitej")
        return value

    def decimal(self, value: Any, path: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, str, float)):
            raise self.fail(path, "oczekiwano liczby")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise self.fail(path, f"'{value}' nie jest liczbą") from None

    def text(self, value: Any, path: str) -> Text:
        data = self.obj(value, path)
        pl = self.string(self.req(data, "pl", path), _join(path, "pl"))
        en = data.get("en")
        if en is not None:
            en = self.string(en, _join(path, "en"))
        return Text(pl, en)

    def opt_text(self, data: dict[str, Any], key: str, path: str) -> Text | None:
        if key not in data:
            return None
        return self.text(data[key], _join(path, key))

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], path: str) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(_join(path, key), "nieznany klucz")


def _provenance(ctx: _Ctx, data: dict[str, Any], path: str) -> Provenance:
    """`"source": "seed" | "rules" | "published" | "program"` with `"ref"` (required for rules and published)."""
    if "source" not in data:
        raise ctx.fail(
            _join(path, "source"),
            f"brak źródła (source: {', '.join(SOURCE_KINDS)}): każda reguła, próg i wskazówka podaje, skąd pochodzi",
        )
    source = data["source"]
    if source not in SOURCE_KINDS:
        raise ctx.fail(_join(path, "source"), f"nieznane źródło {source!r} (dozwolone: {', '.join(SOURCE_KINDS)})")
    ref = data.get("ref")
    if ref is not None:
        ref = ctx.string(ref, _join(path, "ref"))
    elif source in ("rules", "published"):
        raise ctx.fail(_join(path, "ref"), f"źródło '{source}' wymaga odwołania (ref), np. paragrafu regulaminu")
    return Provenance(source, ref)


def _help(ctx: _Ctx, value: Any, path: str, *, required: bool = True) -> Text:
    """A help text: one claim `{"pl", "en", "source", "ref"}` or a list of them. Without a source it is refused
    (`required`) or, for descriptive texts such as a section's intro, kept as plain text."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and not value:
        raise ctx.fail(path, "pusta lista części tekstu pomocy")
    parts = []
    for i, item in enumerate(items):
        ipath = _join(path, i) if isinstance(value, list) else path
        data = ctx.obj(item, ipath)
        ctx.unknown_keys(data, {"pl", "en", "source", "ref"}, ipath)
        if "source" not in data and not required and not isinstance(value, list):
            return ctx.text(data, ipath)
        parts.append(HelpPart(ctx.text(data, ipath), _provenance(ctx, data, ipath)))
    return Help.of(tuple(parts))


def _opt_help(ctx: _Ctx, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> Text | None:
    if key not in data:
        return None
    return _help(ctx, data[key], _join(path, key), required=required)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


_FIELD_KEYS = {
    "key",
    "type",
    "label",
    "required",
    "required_if",
    "applies_if",
    "max_length",
    "min",
    "max",
    "list",
    "min_selected",
    "must_be_true",
    "help",
    "placeholder",
}


def _condition(ctx: _Ctx, value: Any, path: str, ref: str) -> Condition:
    data = ctx.obj(value, path)
    key = ctx.string(ctx.req(data, ref, path), _join(path, ref))
    if ("in" in data) == ("not_in" in data):
        raise ctx.fail(path, "warunek potrzebuje dokładnie jednego z kluczy 'in' albo 'not_in'")
    op = "in" if "in" in data else "not_in"
    values = ctx.arr(data[op], _join(path, op))
    return Condition(key, tuple(str(v) for v in values), negate=op == "not_in")


def _field(ctx: _Ctx, value: Any, path: str, lists: dict[str, Any], ref: str) -> FieldDef:
    data = ctx.obj(value, path)
    ctx.unknown_keys(data, _FIELD_KEYS, path)
    key = ctx.string(ctx.req(data, "key", path), _join(path, "key"))
    ftype = ctx.string(ctx.req(data, "type", path), _join(path, "type"))
    if ftype not in FIELD_TYPES:
        raise ctx.fail(_join(path, "type"), f"nieznany typ '{ftype}' (dozwolone: {', '.join(FIELD_TYPES)})")
    list_id = data.get("list")
    if ftype in ("choice", "multichoice"):
        list_id = ctx.string(list_id, _join(path, "list"))
        if list_id not in lists:
            raise ctx.fail(_join(path, "list"), f"nie ma listy '{list_id}' w 'lists'")
    elif list_id is not None:
        raise ctx.fail(_join(path, "list"), "lista wyboru dotyczy tylko typów choice i multichoice")
    max_length = data.get("max_length")
    if max_length is not None:
        max_length = ctx.integer(max_length, _join(path, "max_length"))
    min_selected = data.get("min_selected")
    if min_selected is not None:
        min_selected = ctx.integer(min_selected, _join(path, "min_selected"))
    for flag in ("required", "must_be_true"):
        if flag in data and not isinstance(data[flag], bool):
            raise ctx.fail(_join(path, flag), "oczekiwano true albo false")
    return FieldDef(
        key=key,
        type=ftype,
        label=ctx.text(ctx.req(data, "label", path), _join(path, "label")),
        required=bool(data.get("required", False)),
        required_if=_condition(ctx, data["required_if"], _join(path, "required_if"), ref)
        if "required_if" in data
        else None,
        applies_if=_condition(ctx, data["applies_if"], _join(path, "applies_if"), ref)
        if "applies_if" in data
        else None,
        max_length=max_length,
        min=ctx.decimal(data["min"], _join(path, "min")) if "min" in data else None,
        max=ctx.decimal(data["max"], _join(path, "max")) if "max" in data else None,
        list=list_id,
        min_selected=min_selected,
        must_be_true=bool(data.get("must_be_true", False)),
        help=_opt_help(ctx, data, "help", path),
        placeholder=ctx.opt_text(data, "placeholder", path),
    )


def _table(ctx: _Ctx, value: Any, path: str, lists: dict[str, Any]) -> TableDef:
    data = ctx.obj(value, path)
    ctx.unknown_keys(data, {"key", "label", "columns", "required", "min_rows", "max_rows", "row_key", "help"}, path)
    key = ctx.string(ctx.req(data, "key", path), _join(path, "key"))
    cols_path = _join(path, "columns")
    columns = tuple(
        _field(ctx, c, _join(cols_path, i), lists, "column")
        for i, c in enumerate(ctx.arr(ctx.req(data, "columns", path), cols_path))
    )
    if not columns:
        raise ctx.fail(cols_path, "tabela musi mieć co najmniej jedną kolumnę")
    names = [c.key for c in columns]
    for i, name in enumerate(names):
        if names.index(name) != i:
            raise ctx.fail(_join(_join(cols_path, i), "key"), f"kolumna '{name}' powtórzona")
    for i, col in enumerate(columns):
        for cond_name in ("required_if", "applies_if"):
            cond = getattr(col, cond_name)
            if cond is not None and cond.key not in names:
                raise ctx.fail(_join(_join(cols_path, i), cond_name), f"tabela nie ma kolumny '{cond.key}'")
    row_key = data.get("row_key")
    if row_key is not None and row_key not in names:
        raise ctx.fail(_join(path, "row_key"), f"tabela nie ma kolumny '{row_key}'")
    min_rows = ctx.integer(data.get("min_rows", 0), _join(path, "min_rows"))
    max_rows = data.get("max_rows")
    if max_rows is not None:
        max_rows = ctx.integer(max_rows, _join(path, "max_rows"))
        if max_rows < min_rows:
            raise ctx.fail(_join(path, "max_rows"), "max_rows mniejsze niż min_rows")
    return TableDef(
        key=key,
        label=ctx.text(ctx.req(data, "label", path), _join(path, "label")),
        columns=columns,
        required=bool(data.get("required", False)),
        min_rows=min_rows,
        max_rows=max_rows,
        row_key=row_key,
        help=_opt_help(ctx, data, "help", path),
    )


def _criterion(ctx: _Ctx, value: Any, path: str, lists: dict[str, Any]) -> Criterion:
    data = ctx.obj(value, path)
    ctx.unknown_keys(data, {"id", "title", "help", "fields", "tables", "indicators"}, path)
    fpath, tpath = _join(path, "fields"), _join(path, "tables")
    return Criterion(
        id=ctx.string(ctx.req(data, "id", path), _join(path, "id")),
        title=ctx.text(ctx.req(data, "title", path), _join(path, "title")),
        help=_opt_help(ctx, data, "help", path),
        fields=tuple(
            _field(ctx, f, _join(fpath, i), lists, "field")
            for i, f in enumerate(ctx.arr(data.get("fields", []), fpath))
        ),
        tables=tuple(
            _table(ctx, t, _join(tpath, i), lists) for i, t in enumerate(ctx.arr(data.get("tables", []), tpath))
        ),
        indicators=tuple(
            ctx.string(x, _join(_join(path, "indicators"), i))
            for i, x in enumerate(ctx.arr(data.get("indicators", []), _join(path, "indicators")))
        ),
    )


def _section(ctx: _Ctx, value: Any, path: str, lists: dict[str, Any]) -> Section:
    data = ctx.obj(value, path)
    ctx.unknown_keys(data, {"id", "kind", "number", "title", "intro", "criteria"}, path)
    kind = ctx.string(ctx.req(data, "kind", path), _join(path, "kind"))
    if kind not in SECTION_KINDS:
        raise ctx.fail(_join(path, "kind"), f"nieznany rodzaj sekcji '{kind}'")
    number = data.get("number")
    if number is not None:
        number = ctx.integer(number, _join(path, "number"))
    cpath = _join(path, "criteria")
    criteria = tuple(
        _criterion(ctx, c, _join(cpath, i), lists)
        for i, c in enumerate(ctx.arr(ctx.req(data, "criteria", path), cpath))
    )
    return Section(
        id=ctx.string(ctx.req(data, "id", path), _join(path, "id")),
        kind=kind,
        title=ctx.text(ctx.req(data, "title", path), _join(path, "title")),
        criteria=criteria,
        number=number,
        intro=_opt_help(ctx, data, "intro", path, required=False),
    )


_LIST_FILE_KEYS = {"title", "source", "ref", "date", "note", "items"}


def _list_file(ctx: _Ctx, ref: Any, lpath: str, base_dir: Path) -> tuple[list[Any], ListInfo, str]:
    """A list kept as a data file (`{"file": "lists/kis-15-2019.json"}`), with its source and date."""
    ref = ctx.obj(ref, lpath)
    ctx.unknown_keys(ref, {"file"}, lpath)
    name = ctx.string(ctx.req(ref, "file", lpath), _join(lpath, "file"))
    # Beside the definition file, else among the shipped lists (a copy of a definition elsewhere still finds them).
    dirs = [base_dir.resolve(), DEFINITIONS_DIR.resolve()]
    candidates = [(d / name).resolve() for d in dirs]
    if any(d not in c.parents for d, c in zip(dirs, candidates, strict=True)):
        raise ctx.fail(_join(lpath, "file"), f"plik listy {name!r} musi leżeć w folderze definicji")
    path = next((c for c in candidates if c.is_file()), candidates[0])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ctx.fail(_join(lpath, "file"), f"nie można odczytać pliku listy {name} ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ctx.fail(_join(lpath, "file"), f"plik listy {name}: niepoprawny JSON ({exc})") from None
    fctx = _Ctx(f"{ctx.source} › {name}")
    data = fctx.obj(data, "")
    fctx.unknown_keys(data, _LIST_FILE_KEYS, "")
    date = fctx.string(fctx.req(data, "date", ""), "date")
    try:  # as precise as the source: a year, a month or a day
        dt.date.fromisoformat({4: date + "-01-01", 7: date + "-01"}.get(len(date), date))
    except ValueError:
        raise fctx.fail("date", f"{date!r}: oczekiwano daty RRRR, RRRR-MM albo RRRR-MM-DD") from None
    items = fctx.arr(fctx.req(data, "items", ""), "items")
    unconfirmed = tuple(
        str(item.get("code"))
        for item in items
        if isinstance(item, dict) and item.get("confirmed") is False and item.get("code") is not None
    )
    info = ListInfo(
        title=fctx.text(fctx.req(data, "title", ""), "title"),
        provenance=_provenance(fctx, data, ""),
        date=date,
        file=name,
        note=fctx.opt_text(data, "note", ""),
        unconfirmed=unconfirmed,
    )
    return items, info, fctx.source


def _lists(ctx: _Ctx, value: Any, base_dir: Path) -> tuple[dict[str, tuple[Choice, ...]], dict[str, ListInfo]]:
    out: dict[str, tuple[Choice, ...]] = {}
    infos: dict[str, ListInfo] = {}
    for list_id, items in ctx.obj(value, "lists").items():
        lpath = _join("lists", list_id)
        ictx = ctx
        if isinstance(items, dict):
            items, infos[list_id], source = _list_file(ctx, items, lpath, base_dir)
            ictx, lpath = _Ctx(source), "items"
        choices = []
        for i, item in enumerate(ictx.arr(items, lpath)):
            ipath = _join(lpath, i)
            item = ictx.obj(item, ipath)
            ictx.unknown_keys(item, {"code", "label", "confirmed", "note"}, ipath)
            code = ictx.string(ictx.req(item, "code", ipath), _join(ipath, "code"))
            if any(c.code == code for c in choices):
                raise ictx.fail(_join(ipath, "code"), f"kod '{code}' powtórzony")
            choices.append(Choice(code, ictx.text(ictx.req(item, "label", ipath), _join(ipath, "label"))))
        if not choices:
            raise ictx.fail(lpath, "lista wyboru jest pusta")
        out[list_id] = tuple(choices)
    return out, infos


def _rules(ctx: _Ctx, value: Any) -> tuple[Rule, ...]:
    rules = []
    for i, item in enumerate(ctx.arr(value, "rules")):
        path = _join("rules", i)
        data = dict(ctx.obj(item, path))
        kind = ctx.string(data.pop("rule", None), _join(path, "rule"))
        if kind not in RULE_KINDS:
            raise ctx.fail(_join(path, "rule"), f"nieznana reguła '{kind}' (dozwolone: {', '.join(RULE_KINDS)})")
        for name in RULE_PARAMS.get(kind, ()):
            ctx.req(data, name, path)
        severity = data.pop("severity", "error")
        if severity not in ("error", "warning"):
            raise ctx.fail(_join(path, "severity"), "dozwolone: error, warning")
        provenance = _provenance(ctx, data, path)
        data.pop("source", None)
        data.pop("ref", None)
        if provenance.is_program and severity == "error" and kind not in CONSISTENCY_RULES:
            raise ctx.fail(
                _join(path, "severity"),
                f"reguła '{kind}' pochodzi tylko od programu (source: program): może być najwyżej ostrzeżeniem "
                "(severity: warning), nie wymogiem konkursu",
            )
        rules.append(Rule(kind, data, severity, provenance))
    return tuple(rules)


def _indicators(ctx: _Ctx, value: Any) -> tuple[IndicatorDef, ...]:
    out = []
    for i, item in enumerate(ctx.arr(value, "indicators")):
        path = _join("indicators", i)
        data = dict(ctx.obj(item, path))
        ind_id = ctx.string(data.pop("id", None), _join(path, "id"))
        kind = ctx.string(data.pop("kind", None), _join(path, "kind"))
        if kind not in INDICATOR_KINDS:
            raise ctx.fail(_join(path, "kind"), f"nieznany rodzaj wskaźnika '{kind}'")
        for name in INDICATOR_PARAMS.get(kind, ()):
            ctx.req(data, name, path)
        label = ctx.text(data.pop("label", None), _join(path, "label"))
        avg = data.pop("kkk_average", None)
        provenance = _provenance(ctx, data, path) if avg is not None else None
        data.pop("source", None)
        data.pop("ref", None)
        population = data.get("population")
        if population is not None and population not in POPULATIONS:
            raise ctx.fail(_join(path, "population"), f"dozwolone: {', '.join(POPULATIONS)}")
        out.append(
            IndicatorDef(
                ind_id,
                kind,
                label,
                data,
                ctx.decimal(avg, _join(path, "kkk_average")) if avg is not None else None,
                provenance,
            )
        )
    return tuple(out)


def _carried_from(ctx: _Ctx, value: Any) -> dict[str, str]:
    out = {}
    for new_key, old_key in ctx.obj(value, "carried_from").items():
        out[new_key] = ctx.string(old_key, _join("carried_from", new_key))
    return out


def parse_definition(raw: Any, source: str, base_dir: Path | None = None) -> FormDefinition:
    """Build a `FormDefinition` from parsed JSON, validating every part. Lists kept as data files are read from
    `base_dir` (the definitions folder unless given)."""
    ctx = _Ctx(source)
    data = ctx.obj(raw, "")
    ctx.unknown_keys(
        data,
        {
            "id",
            "version",
            "title",
            "round_year",
            "eligibility",
            "enterprise_types",
            "sme_types",
            "lists",
            "sections",
            "rules",
            "indicators",
            "carried_from",
            "revisions",
        },
        "",
    )
    lists, list_info = _lists(ctx, ctx.req(data, "lists", ""), base_dir or DEFINITIONS_DIR)
    sections = tuple(
        _section(ctx, s, _join("sections", i), lists)
        for i, s in enumerate(ctx.arr(ctx.req(data, "sections", ""), "sections"))
    )
    elig = ctx.obj(ctx.req(data, "eligibility", ""), "eligibility")
    definition = FormDefinition(
        id=ctx.string(ctx.req(data, "id", ""), "id"),
        version=ctx.integer(ctx.req(data, "version", ""), "version"),
        title=ctx.text(ctx.req(data, "title", ""), "title"),
        round_year=ctx.integer(ctx.req(data, "round_year", ""), "round_year"),
        eligibility=Eligibility(
            min_age_years=ctx.integer(ctx.req(elig, "min_age_years", "eligibility"), "eligibility.min_age_years"),
            min_members=ctx.integer(ctx.req(elig, "min_members", "eligibility"), "eligibility.min_members"),
            established_field=ctx.string(
                ctx.req(elig, "established_field", "eligibility"), "eligibility.established_field"
            ),
            reference_field=ctx.string(ctx.req(elig, "reference_field", "eligibility"), "eligibility.reference_field"),
            provenance=_provenance(ctx, elig, "eligibility"),
        ),
        enterprise_types=tuple(ctx.arr(ctx.req(data, "enterprise_types", ""), "enterprise_types")),
        sme_types=tuple(ctx.arr(data.get("sme_types", []), "sme_types")),
        lists=lists,
        sections=sections,
        rules=_rules(ctx, data.get("rules", [])),
        indicators=_indicators(ctx, data.get("indicators", [])),
        source=source,
        list_info=list_info,
        carried_from=_carried_from(ctx, data.get("carried_from", {})),
        revisions=_revisions(ctx, data.get("revisions", []), base_dir or DEFINITIONS_DIR),
    )
    _index(ctx, definition)
    _check_revisions(ctx, definition)
    return definition


def _revisions(ctx: _Ctx, raw: Any, base_dir: Path) -> tuple[Revision, ...]:
    """`[{"version", "note", "source", "ref", "recode": {field: {old code: [new codes]}}, "lists_before": {...}}]`,
    oldest first; `lists_before` are the lists as they were before the version, written as `lists` are."""
    out = []
    for i, item in enumerate(ctx.arr(raw, "revisions")):
        path = _join("revisions", i)
        data = ctx.obj(item, path)
        ctx.unknown_keys(data, {"version", "note", "source", "ref", "recode", "lists_before"}, path)
        lists_before, info_before = _lists(ctx, data.get("lists_before", {}), base_dir)
        recode = {}
        for key, codes in ctx.obj(ctx.req(data, "recode", path), _join(path, "recode")).items():
            mapping = ctx.obj(codes, _join(_join(path, "recode"), key))
            recode[key] = {
                str(old): tuple(ctx.string(c, _join(_join(path, "recode"), key)) for c in ctx.arr(new, key))
                for old, new in mapping.items()
            }
        out.append(
            Revision(
                version=ctx.integer(ctx.req(data, "version", path), _join(path, "version")),
                note=ctx.text(ctx.req(data, "note", path), _join(path, "note")),
                recode=recode,
                provenance=_provenance(ctx, data, path),
                lists_before=lists_before,
                list_info_before=info_before,
            )
        )
    return tuple(out)


def _check_revisions(ctx: _Ctx, d: FormDefinition) -> None:
    versions = [r.version for r in d.revisions]
    for i, rev in enumerate(d.revisions):
        path = _join("revisions", i)
        if not 1 < rev.version <= d.version or versions != sorted(set(versions)):
            raise ctx.fail(_join(path, "version"), f"wersja {rev.version}: rosnąco, od 2 do wersji formularza")
        for list_id in rev.lists_before:
            if list_id not in d.lists:
                raise ctx.fail(_join(path, "lists_before"), f"lista '{list_id}' nie należy do tego formularza")
        for key, mapping in rev.recode.items():
            f = d._fields.get(key)
            if f is None or f.type not in ("choice", "multichoice") or not f.list:
                raise ctx.fail(_join(path, "recode"), f"'{key}' nie jest polem wyboru z listy")
            codes = {c.code for c in d.lists.get(f.list, ())}
            for old, new in mapping.items():
                if not new or not set(new) <= codes or (f.type == "choice" and len(new) != 1):
                    where = _join(_join(path, "recode"), key)
                    raise ctx.fail(where, f"kod {old} -> {', '.join(new) or 'nic'}: spoza listy '{f.list}'")


def _index(ctx: _Ctx, d: FormDefinition) -> None:
    """Fill the lookup tables and check cross-references (unique keys, conditions, rules, indicators)."""
    seen_sections: set[str] = set()
    field_paths: dict[str, str] = {}
    for si, section in enumerate(d.sections):
        if section.id in seen_sections:
            raise ctx.fail(_join(_join("sections", si), "id"), f"sekcja '{section.id}' powtórzona")
        seen_sections.add(section.id)
        for ci, crit in enumerate(section.criteria):
            cpath = _join(_join(_join("sections", si), "criteria"), ci)
            for fi, f in enumerate(crit.fields):
                if f.key in d._fields or f.key in d._tables:
                    raise ctx.fail(_join(_join(_join(cpath, "fields"), fi), "key"), f"klucz '{f.key}' powtórzony")
                d._fields[f.key] = f
                field_paths[f.key] = _join(_join(cpath, "fields"), fi)
                d._places[f.key] = (section.id, crit.id)
            for ti, t in enumerate(crit.tables):
                if t.key in d._fields or t.key in d._tables:
                    raise ctx.fail(_join(_join(_join(cpath, "tables"), ti), "key"), f"klucz '{t.key}' powtórzony")
                d._tables[t.key] = t
                d._places[t.key] = (section.id, crit.id)
    for key, f in d._fields.items():
        for cond_name in ("required_if", "applies_if"):
            cond = getattr(f, cond_name)
            if cond is not None and cond.key not in d._fields:
                raise ctx.fail(
                    _join(_join(field_paths[key], cond_name), "field"),
                    f"pole {key}: warunek odwołuje się do nieznanego pola '{cond.key}'",
                )
    for new_key in d.carried_from:
        if new_key not in d._fields and new_key not in d._tables:
            raise ctx.fail(_join("carried_from", new_key), f"nieznane pole ani tabela '{new_key}' tej rundy")
    for key in (d.eligibility.established_field, d.eligibility.reference_field):
        if key not in d._fields:
            raise ctx.fail("eligibility", f"nieznane pole '{key}'")
    if "members" not in d._tables:
        raise ctx.fail("sections", "brak tabeli 'members' (rejestr członków)")
    member_types = {c.code for c in d.lists.get(d._tables["members"].column("type").list or "", ())}
    for code in d.enterprise_types + d.sme_types:
        if code not in member_types:
            raise ctx.fail("enterprise_types", f"'{code}' nie jest kodem typu członka")
    for i, rule in enumerate(d.rules):
        for name in ("table",):
            if name in rule.params and rule.params[name] not in d._tables:
                raise ctx.fail(_join(_join("rules", i), name), f"nieznana tabela '{rule.params[name]}'")
        for name in ("field", "ending_at"):
            if name in rule.params and rule.params[name] not in d._fields:
                raise ctx.fail(_join(_join("rules", i), name), f"nieznane pole '{rule.params[name]}'")
        table = d._tables.get(rule.params.get("table", ""))
        if table is not None:
            for name in ("column", "other", "start", "end"):
                if name in rule.params and not table.has_column(rule.params[name]):
                    raise ctx.fail(_join(_join("rules", i), name), f"tabela nie ma kolumny '{rule.params[name]}'")
    ids = [ind.id for ind in d.indicators]
    for i, ind in enumerate(d.indicators):
        if ids.index(ind.id) != i:
            raise ctx.fail(_join(_join("indicators", i), "id"), f"wskaźnik '{ind.id}' powtórzony")
        table = d._tables.get(ind.params.get("table", "members"))
        if table is None:
            raise ctx.fail(_join(_join("indicators", i), "table"), f"nieznana tabela '{ind.params.get('table')}'")
        cols = [ind.params.get(n) for n in ("column", "numerator", "denominator")]
        cols.append((ind.params.get("where") or {}).get("column"))
        for col in cols:
            if col is not None and not table.has_column(col):
                raise ctx.fail(_join("indicators", i), f"tabela '{table.key}' nie ma kolumny '{col}'")
    for si, section in enumerate(d.sections):
        for ci, crit in enumerate(section.criteria):
            for ii, ind_id in enumerate(crit.indicators):
                if ind_id not in ids:
                    raise ctx.fail(f"sections[{si}].criteria[{ci}].indicators[{ii}]", f"nieznany wskaźnik '{ind_id}'")


def load_definition_file(path: Path) -> FormDefinition:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DefinitionError(f"{path.name}: nie można odczytać pliku ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DefinitionError(f"{path.name}: niepoprawny JSON ({exc})") from None
    definition = parse_definition(raw, path.name, path.parent)
    if definition.id != path.stem:
        raise DefinitionError(f"{path.name}: id: '{definition.id}' różni się od nazwy pliku '{path.stem}'")
    return definition


def available_forms() -> list[str]:
    return sorted(p.stem for p in DEFINITIONS_DIR.glob("*.json"))


def newest_form() -> str:
    """The round new applications, the demo and a renewal start on: the highest `round_year` (then the id).
    Read from the files' `round_year` alone, so a damaged older round never changes the default."""
    best: tuple[int, str] | None = None
    for form_id in available_forms():
        try:
            year = json.loads((DEFINITIONS_DIR / f"{form_id}.json").read_text(encoding="utf-8")).get("round_year")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            continue
        if isinstance(year, int) and not isinstance(year, bool) and (best is None or (year, form_id) > best):
            best = (year, form_id)
    return best[1] if best else "kkk-2021"


DEFAULT_FORM = newest_form()


@cache
def load_form(form_id: str) -> FormDefinition:
    """The definition of a round by its id; cached, definitions never change at run time."""
    path = DEFINITIONS_DIR / f"{form_id}.json"
    if not path.is_file():
        raise DefinitionError(
            f"nieznana runda konkursu '{form_id}' (dostępne: {', '.join(available_forms()) or 'brak'})"
        )
    return load_definition_file(path)


def load_all() -> list[FormDefinition]:
    return [load_form(f) for f in available_forms()]
