"""How far an application has got: per section a status, and the overall completeness.

Completeness counts the required items (required fields that apply, required tables) and how many are filled.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms.checks import Problem, field_required
from forms.document import Document
from forms.schema import Section

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETE = "complete"
HAS_ERRORS = "has_errors"

# Problems that only say something is not filled in yet: they make a section "in progress", not "has errors".
MISSING_CODES = frozenset({"required", "min_rows", "attachment_missing"})

STATUS_LABELS = {
    "pl": {
        NOT_STARTED: "nie rozpoczęto",
        IN_PROGRESS: "w toku",
        COMPLETE: "kompletne",
        HAS_ERRORS: "błędy",
    },
    "en": {NOT_STARTED: "not started", IN_PROGRESS: "in progress", COMPLETE: "complete", HAS_ERRORS: "has errors"},
}


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    required: int
    filled: int
    touched: bool
    errors: int  # every error, missing items included (they block finalising)
    warnings: int
    mistakes: int = 0  # errors other than missing items: wrong values, broken rules

    @property
    def status(self) -> str:
        if self.mistakes:
            return HAS_ERRORS
        if not self.touched:
            return NOT_STARTED
        return COMPLETE if self.filled >= self.required and not self.errors else IN_PROGRESS


def section_progress(doc: Document, section: Section, problems: list[Problem]) -> SectionProgress:
    required = filled = 0
    touched = False
    for f in section.fields:
        has = f.key in doc.values
        if has and f.key != "meta.application_type":
            touched = True
        if field_required(f, doc.values):
            required += 1
            filled += has
    for t in section.tables:
        rows = doc.tables.get(t.key, [])
        touched = touched or bool(rows)
        if t.required:
            required += 1
            filled += len(rows) >= max(t.min_rows, 1)
    mine = [p for p in problems if p.section == section.id]
    errors = sum(p.is_error for p in mine)
    mistakes = sum(p.is_error and p.code not in MISSING_CODES for p in mine)
    return SectionProgress(section, required, filled, touched, errors, len(mine) - errors, mistakes)


def progress(doc: Document, problems: list[Problem]) -> list[SectionProgress]:
    return [section_progress(doc, s, problems) for s in doc.definition.sections]


def completeness(parts: list[SectionProgress]) -> int:
    """Percent (0-100) of required items filled in."""
    required = sum(p.required for p in parts)
    filled = sum(min(p.filled, p.required) for p in parts)
    return 100 if required == 0 else int(filled * 100 // required)
