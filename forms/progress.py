"""How far an application has got, computed once per change and read by every face (side list, review page, status
bar, start window, PDF, command line): `assess(doc)` -> `Assessment`.

Per section: how many required items there are and how many are filled in, and the problems by kind: missing
items (brak), errors (błąd) and warnings (uwaga). Every missing item is one problem and one required item not
filled, so `required - filled == missing` holds everywhere by construction. Required items: the required fields
that apply, the tables that must have rows, the required cells of the rows there are, and the attachment kinds a
rule asks for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from forms.checks import MISSING_CODES, Problem, check_document, field_required
from forms.document import Document
from forms.schema import Section

__all__ = [
    "COMPLETE",
    "HAS_ERRORS",
    "IN_PROGRESS",
    "MISSING_CODES",
    "NOT_STARTED",
    "STATUS_LABELS",
    "Assessment",
    "SectionProgress",
    "assess",
    "completeness",
    "progress",
    "status_text",
]

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETE = "complete"
HAS_ERRORS = "has_errors"

STATUS_LABELS = {
    "pl": {
        NOT_STARTED: "nie rozpoczęto",
        IN_PROGRESS: "do uzupełnienia",
        COMPLETE: "kompletne",
        HAS_ERRORS: "błędy",
    },
    "en": {NOT_STARTED: "not started", IN_PROGRESS: "to be filled in", COMPLETE: "complete", HAS_ERRORS: "errors"},
}


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    required: int
    filled: int
    touched: bool
    missing: int  # required items not filled in (brak)
    errors: int  # wrong values and broken rules (błąd)
    warnings: int  # (uwaga)

    @property
    def blocking(self) -> int:
        """What keeps the application from being finalised: missing items and errors."""
        return self.missing + self.errors

    @property
    def mistakes(self) -> int:  # the older name of `errors`
        return self.errors

    @property
    def status(self) -> str:
        if self.errors:
            return HAS_ERRORS
        if not self.touched:
            return NOT_STARTED
        return IN_PROGRESS if self.missing else COMPLETE


@dataclass(frozen=True)
class Assessment:
    """The problems and the progress of one application, as every face shows them."""

    problems: tuple[Problem, ...]
    sections: tuple[SectionProgress, ...]

    @property
    def missing(self) -> int:
        return sum(p.missing for p in self.sections)

    @property
    def errors(self) -> int:
        return sum(p.errors for p in self.sections)

    @property
    def warnings(self) -> int:
        return sum(p.warnings for p in self.sections)

    @property
    def blocking(self) -> int:
        return self.missing + self.errors

    @property
    def required(self) -> int:
        return sum(p.required for p in self.sections)

    @property
    def filled(self) -> int:
        return sum(p.filled for p in self.sections)

    @property
    def completeness(self) -> int:
        return completeness(list(self.sections))

    @property
    def touched(self) -> bool:
        return any(p.touched for p in self.sections)

    def section(self, section_id: str) -> SectionProgress:
        for p in self.sections:
            if p.section.id == section_id:
                return p
        raise KeyError(section_id)

    def counts(self) -> dict[str, int]:
        """The numbers every face shows (compared by the tests)."""
        return {
            "missing": self.missing,
            "errors": self.errors,
            "warnings": self.warnings,
            "required": self.required,
            "filled": self.filled,
            "completeness": self.completeness,
        }


def _required_items(doc: Document, section: Section) -> tuple[int, bool]:
    """How many required items a section has now, and whether the user has started it."""
    required = 0
    touched = False
    for f in section.fields:
        if f.key in doc.values and f.key != "meta.application_type":
            touched = True
        required += field_required(f, doc.values)
    attachment_rules = [r for r in doc.definition.rules if r.kind == "attachment_kinds"]
    for t in section.tables:
        rows = doc.tables.get(t.key, [])
        touched = touched or bool(rows)
        if t.required or (rows and t.min_rows):
            required += 1
        for row in rows:
            required += sum(field_required(col, row.data) for col in t.columns)
        required += sum(len(r.params["required"]) for r in attachment_rules if r.params["table"] == t.key)
    return required, touched


def section_progress(doc: Document, section: Section, problems: list[Problem] | tuple[Problem, ...]) -> SectionProgress:
    required, touched = _required_items(doc, section)
    mine = [p for p in problems if p.section == section.id]
    missing = sum(p.is_missing for p in mine)
    errors = sum(p.is_mistake for p in mine)
    required = max(required, missing)  # never "filled" below zero, whatever a new rule reports
    warnings = len(mine) - missing - errors
    return SectionProgress(section, required, required - missing, touched, missing, errors, warnings)


def status_text(part: SectionProgress, lang: str = "pl") -> str:
    """A section's state in words, as the side list and the review show it: `nie rozpoczęto`, `7 z 12 wymaganych`,
    `kompletne`, `1 błąd; 7 z 12 wymaganych`; warnings added (`kompletne; 1 uwaga`)."""
    from forms.messages import count, render

    labels = STATUS_LABELS.get(lang, STATUS_LABELS["pl"])
    required = render("section_required", lang, filled=part.filled, required=part.required)
    if part.status == NOT_STARTED:
        parts = [labels[NOT_STARTED]]
    elif part.status == COMPLETE:
        parts = [labels[COMPLETE]]
    elif part.status == IN_PROGRESS:
        parts = [required]
    else:
        parts = [count(part.errors, "błąd", lang)] + ([required] if part.missing else [])
    if part.warnings:
        parts.append(count(part.warnings, "uwaga", lang))
    return "; ".join(parts)


def progress(doc: Document, problems: list[Problem] | tuple[Problem, ...]) -> list[SectionProgress]:
    return [section_progress(doc, s, problems) for s in doc.definition.sections]


def assess(doc: Document, today: dt.date | None = None) -> Assessment:
    """Check the application once and count everything the faces show."""
    problems = tuple(check_document(doc, today))
    return Assessment(problems, tuple(progress(doc, problems)))


def completeness(parts: list[SectionProgress]) -> int:
    """Percent (0-100) of required items filled in, rounded down (100 only when nothing is missing)."""
    required = sum(p.required for p in parts)
    filled = sum(min(p.filled, p.required) for p in parts)
    return 100 if required == 0 else int(filled * 100 // required)
