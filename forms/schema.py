"""The in-memory shape of a form round: areas, criteria, fields, tables, lists, rules, indicators.

Built by `forms.loader` from a definition file; read by everything else. Frozen dataclasses: a definition never
changes once loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

FIELD_TYPES = (
    "text",
    "longtext",
    "int",
    "money",
    "decimal",
    "date",
    "year",
    "bool",
    "choice",
    "multichoice",
    "email",
    "phone",
    "url",
    "nip",
    "regon",
    "krs",
    "postcode",
)
SECTION_KINDS = ("general", "members", "area", "attachments", "declarations")
# Where a threshold, rule, required attachment or help-text claim comes from (forms/definitions/README.md):
# `seed` the ministry presentation, `rules` a published rule of that round (with its reference), `published` another
# public official document (with its reference), `program` Klaster's own recommendation.
SOURCE_KINDS = ("seed", "rules", "published", "program")


@dataclass(frozen=True)
class Text:
    """A human-readable text in Polish, optionally in English."""

    pl: str
    en: str | None = None

    def get(self, lang: str = "pl") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.pl

    def __str__(self) -> str:
        return self.pl


EMPTY_TEXT = Text("")


@dataclass(frozen=True)
class Provenance:
    """The source of a rule or a claim. Only `program` is a recommendation; the others may be shown as rules."""

    source: str
    ref: str | None = None

    @property
    def is_program(self) -> bool:
        return self.source == "program"

    def label(self, lang: str = "pl") -> str:
        """How the help and the PDF introduce a claim of this source."""
        ref = f" ({self.ref})" if self.ref else ""
        if lang == "en":
            return {
                "seed": "From the ministry's presentation of the criteria",
                "rules": f"Competition rules{ref}",
                "published": f"Published source{ref}",
                "program": "Klaster's recommendation",
            }[self.source]
        return {
            "seed": "Według prezentacji ministerstwa",
            "rules": f"Wymóg regulaminu konkursu{ref}",
            "published": f"Według źródła{ref}",
            "program": "Wskazówka programu",
        }[self.source]


PROGRAM = Provenance("program")


@dataclass(frozen=True)
class HelpPart:
    text: Text
    provenance: Provenance


@dataclass(frozen=True)
class Help(Text):
    """A help text made of claims, each with its source; `pl`/`en` are the composed text, every claim introduced by
    its source ("Wymóg regulaminu …", "Wskazówka programu: …"), so whoever shows `get(lang)` shows the difference."""

    parts: tuple[HelpPart, ...] = ()

    @classmethod
    def of(cls, parts: tuple[HelpPart, ...]) -> Help:
        def compose(lang: str) -> str:
            return "\n".join(f"{p.provenance.label(lang)}: {p.text.get(lang)}" for p in parts)

        has_en = any(p.text.en for p in parts)
        return cls(compose("pl"), compose("en") if has_en else None, parts)


@dataclass(frozen=True)
class ListInfo:
    """Where a reference list comes from (a list kept as a data file under forms/definitions/lists/)."""

    title: Text
    provenance: Provenance
    date: str
    file: str = ""
    note: Text | None = None
    unconfirmed: tuple[str, ...] = ()  # codes whose names the sources did not confirm


@dataclass(frozen=True)
class Choice:
    code: str
    label: Text


@dataclass(frozen=True)
class Condition:
    """`{"field"|"column": key, "in"|"not_in": [...]}`: does a value satisfy it?"""

    key: str
    values: tuple[str, ...]
    negate: bool = False

    def holds(self, value: Any) -> bool:
        """A blank value satisfies no condition: what depends on it is neither asked nor required yet."""
        if value is None or value == "" or value == () or value == []:
            return False
        if isinstance(value, (list, tuple)):
            hit = any(str(v) in self.values for v in value)
        else:
            hit = value is not None and str(value) in self.values
        return hit != self.negate


@dataclass(frozen=True)
class FieldDef:
    """A field of the form or a column of a table (the same properties apply to both)."""

    key: str
    type: str
    label: Text
    required: bool = False
    required_if: Condition | None = None
    applies_if: Condition | None = None
    max_length: int | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    list: str | None = None
    min_selected: int | None = None
    must_be_true: bool = False
    help: Text | None = None
    placeholder: Text | None = None


@dataclass(frozen=True)
class TableDef:
    key: str
    label: Text
    columns: tuple[FieldDef, ...]
    required: bool = False
    min_rows: int = 0
    max_rows: int | None = None
    row_key: str | None = None
    help: Text | None = None

    def column(self, key: str) -> FieldDef:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def has_column(self, key: str) -> bool:
        return any(col.key == key for col in self.columns)


@dataclass(frozen=True)
class Criterion:
    id: str
    title: Text
    help: Text | None
    fields: tuple[FieldDef, ...]
    tables: tuple[TableDef, ...]
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    kind: str
    title: Text
    criteria: tuple[Criterion, ...]
    number: int | None = None
    intro: Text | None = None

    @property
    def fields(self) -> tuple[FieldDef, ...]:
        return tuple(f for c in self.criteria for f in c.fields)

    @property
    def tables(self) -> tuple[TableDef, ...]:
        return tuple(t for c in self.criteria for t in c.tables)

    def display_title(self, lang: str = "pl") -> str:
        if self.number is not None:
            return f"{self.number}. {self.title.get(lang)}"
        return self.title.get(lang)


@dataclass(frozen=True)
class Rule:
    kind: str
    params: dict[str, Any]
    severity: str = "error"
    provenance: Provenance = PROGRAM


@dataclass(frozen=True)
class IndicatorDef:
    id: str
    kind: str
    label: Text
    params: dict[str, Any]
    kkk_average: Decimal | None = None
    provenance: Provenance | None = None  # of the KKK average


@dataclass(frozen=True)
class Eligibility:
    min_age_years: int
    min_members: int
    established_field: str
    reference_field: str
    provenance: Provenance = PROGRAM


@dataclass(frozen=True)
class Revision:
    """What changed in a version of a definition for the data already stored under the version before it: codes of
    a list that now mean something else, each old code with the codes that mean it now (forms/revisions.py)."""

    version: int
    note: Text
    recode: dict[str, dict[str, tuple[str, ...]]]  # field key -> {old code: new codes}
    provenance: Provenance
    # The lists as they were before this version, for reading what was sealed under it (forms/revisions.as_of).
    lists_before: dict[str, tuple[Choice, ...]] = field(default_factory=dict)
    list_info_before: dict[str, ListInfo] = field(default_factory=dict)


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: Text
    round_year: int
    eligibility: Eligibility
    enterprise_types: tuple[str, ...]
    sme_types: tuple[str, ...]
    lists: dict[str, tuple[Choice, ...]]
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    indicators: tuple[IndicatorDef, ...]
    source: str = ""
    list_info: dict[str, ListInfo] = field(default_factory=dict)
    # Renewal into this round: {new key: old key} for keys that moved or were renamed (forms/renewal.py).
    carried_from: dict[str, str] = field(default_factory=dict)
    # Drafts stored under an older version of this definition are brought up to date by these (oldest first).
    revisions: tuple[Revision, ...] = ()
    # Indexes built by the loader.
    _fields: dict[str, FieldDef] = field(default_factory=dict, repr=False, compare=False)
    _tables: dict[str, TableDef] = field(default_factory=dict, repr=False, compare=False)
    _places: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False, compare=False)

    # Lookups ---------------------------------------------------------------------------------
    def field(self, key: str) -> FieldDef:
        return self._fields[key]

    def table(self, key: str) -> TableDef:
        return self._tables[key]

    def has_field(self, key: str) -> bool:
        return key in self._fields

    def has_table(self, key: str) -> bool:
        return key in self._tables

    @property
    def fields(self) -> dict[str, FieldDef]:
        return self._fields

    @property
    def tables(self) -> dict[str, TableDef]:
        return self._tables

    def place_of(self, key: str) -> tuple[str, str]:
        """(section id, criterion id) where a field or a table is asked."""
        return self._places[key]

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def choices(self, list_id: str) -> tuple[Choice, ...]:
        return self.lists[list_id]

    def choice_label(self, list_id: str, code: str, lang: str = "pl") -> str:
        for c in self.lists.get(list_id, ()):
            if c.code == code:
                return c.label.get(lang)
        return code

    def indicator(self, indicator_id: str) -> IndicatorDef:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    @property
    def areas(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == "area")
