"""Renewal (odnowienie) into a later round: a new document on the newer form built from an earlier application.

The status lasts three years, so a renewal is filed on the form of the round open at the time. Every value and table
whose key exists in both rounds carries over; keys that moved or were renamed follow the newer definition's
`carried_from` ({new key: old key}); what cannot carry is listed with its old content, so nothing is lost from
sight. The report says what was carried, mapped (moved, renamed, prefilled), dropped and newly required.
Pure: no database, no UI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from forms.checks import field_required
from forms.display import value_text
from forms.document import Document, Row
from forms.schema import FieldDef, FormDefinition, TableDef
from forms.values import ValueTypeError, is_empty, normalise, to_json

# A renewal within the same round carries whole parts by their key prefix (the cluster, its coordinator and contact
# person, the member register, human resources) plus every descriptive text of the other areas (`longtext` fields).
RENEWAL_PARTS = frozenset({"cluster", "coordinator", "contact", "members", "hr"})


def renewal_carried(form_id: str) -> set[str]:
    """What a renewal within round `form_id` keeps (`Repository.renew`)."""
    from forms.loader import DefinitionError, load_form

    carried = set(RENEWAL_PARTS)
    try:
        definition = load_form(form_id)
    except DefinitionError:
        return carried
    carried.update(key for key, f in definition.fields.items() if f.type == "longtext")
    return carried


# Given anew in every application: never carried (the old content is reported).
FRESH_PREFIXES = ("declaration.", "signatory.")
FRESH_KEYS = ("meta.application_type", "meta.round")
# Member figures refer to the reference year; the register asks for no series, so they do not carry into a later
# round (last year's figures would read as this year's).
YEAR_BOUND_TYPES = ("int", "money", "decimal")


@dataclass(frozen=True)
class Dropped:
    key: str  # the old key (a field, a table, or "table.column")
    place: str  # where it was, for people
    old: str  # the old content, written out
    why: str


@dataclass(frozen=True)
class Mapped:
    key: str  # the new key
    old_key: str
    why: str


@dataclass
class RenewalReport:
    source_form: str
    target_form: str
    carried: list[str] = field(default_factory=list)
    mapped: list[Mapped] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    newly_required: list[tuple[str, str]] = field(default_factory=list)  # (key, place)

    def lines(self) -> list[str]:
        """The report as the command line prints it (Polish)."""
        out = [f"Odnowienie: runda {self.source_form} -> {self.target_form}"]
        out.append(f"Przeniesione bez zmian ({len(self.carried)}): " + (", ".join(self.carried) or "brak"))
        out.append(f"Przeniesione pod inny klucz lub uzupełnione ({len(self.mapped)}):")
        out += [f"  {m.key} <- {m.old_key}: {m.why}" for m in self.mapped] or ["  brak"]
        out.append(f"Nieprzeniesione ({len(self.dropped)}), z dotychczasową treścią:")
        out += [f"  {d.key} ({d.place}): {d.why}; było: {d.old}" for d in self.dropped] or ["  brak"]
        out.append(f"Nowe wymagane pozycje do uzupełnienia ({len(self.newly_required)}):")
        out += [f"  {key} ({place})" for key, place in self.newly_required] or ["  brak"]
        return out


def _place(d: FormDefinition, key: str) -> str:
    try:
        section_id, criterion_id = d.place_of(key)
    except KeyError:
        return key
    section = d.section(section_id)
    crit = next((c for c in section.criteria if c.id == criterion_id), None)
    title = crit.title.pl if crit is not None and crit.title.pl != section.title.pl else ""
    return " › ".join(p for p in (section.display_title(), title) if p)


def _shown(d: FormDefinition, fdef: FieldDef, value: Any) -> str:
    text = value_text(d, fdef, value)
    return text if len(text) <= 300 else text[:299] + "…"


def _convert(old_def: FormDefinition, old_f: FieldDef, new_def: FormDefinition, new_f: FieldDef, value: Any) -> Any:
    """The old value in the new field, or raise ValueError saying why it does not fit."""
    if old_f.type != new_f.type:
        raise ValueError(f"inny typ pola ({old_f.type} -> {new_f.type})")
    if new_f.type in ("choice", "multichoice"):
        codes = value if new_f.type == "multichoice" else (value,)
        for code in codes:
            old_label = old_def.choice_label(old_f.list or "", str(code))
            if new_def.choice_label(new_f.list or "", str(code)) != old_label:
                raise ValueError(f"pozycji „{old_label}” nie ma na liście tej rundy: wybierz na nowo")
    try:
        return normalise(new_f, to_json(old_f, value), new_def)
    except ValueTypeError as exc:
        raise ValueError(str(exc) or "wartość nie pasuje do pola") from None


def renew_document(
    old: Document, target: FormDefinition, today: dt.date | None = None
) -> tuple[Document, RenewalReport]:
    """A draft on `target` from `old` (usually a finalised application of an earlier round), and its report."""
    today = today or dt.date.today()
    src = old.definition
    report = RenewalReport(src.id, target.id)
    new = Document(target)
    back = {old_key: new_key for new_key, old_key in target.carried_from.items()}
    years_on = target.round_year - src.round_year

    # Fields --------------------------------------------------------------------------------------------------
    for key, value in sorted(old.values.items()):
        old_f = src.field(key)
        place = _place(src, key)
        if key.startswith(FRESH_PREFIXES) or key in FRESH_KEYS:
            report.dropped.append(Dropped(key, place, _shown(src, old_f, value), "składa się na nowo w każdym wniosku"))
            continue
        new_key = back.get(key, key)
        if new_key == key and target.carried_from.get(key, key) != key:
            why = f"to pole nowej rundy przyjmuje treść z {target.carried_from[key]} (carried_from)"
            report.dropped.append(Dropped(key, place, _shown(src, old_f, value), why))
            continue
        if key == "meta.reference_year" and years_on and target.has_field(key) and isinstance(value, int):
            moved = min(value + years_on, max(value, today.year - 1))  # never a year not yet closed
            new.set(key, moved)
            report.mapped.append(Mapped(key, key, f"{value} -> {moved}: rok odniesienia nowej rundy"))
            continue
        if not target.has_field(new_key):
            report.dropped.append(Dropped(key, place, _shown(src, old_f, value), f"tego pola nie ma w {target.id}"))
            continue
        try:
            new.values[new_key] = _convert(src, old_f, target, target.field(new_key), value)
        except ValueError as exc:
            report.dropped.append(Dropped(key, place, _shown(src, old_f, value), str(exc)))
            continue
        if new_key == key:
            report.carried.append(key)
        else:
            report.mapped.append(Mapped(new_key, key, "klucz zmieniony w nowej rundzie (carried_from)"))
    if target.has_field("meta.application_type"):
        new.values["meta.application_type"] = "odnowienie"
    if target.has_field("status.round") and "status.round" not in new.values:
        held = old.get("meta.round") or f"konkurs {src.round_year}"
        new.values["status.round"] = held
        report.mapped.append(Mapped("status.round", "meta.round", "status nadany we wcześniejszej rundzie"))

    # Tables --------------------------------------------------------------------------------------------------
    ref = new.values.get("meta.reference_year")
    for key, rows in sorted(old.tables.items()):
        if not rows:
            continue
        old_t = src.table(key)
        new_key = back.get(key, key)
        place = _place(src, key)
        if new_key == key and target.carried_from.get(key, key) != key:
            why = f"ta tabela nowej rundy przyjmuje wiersze z {target.carried_from[key]} (carried_from)"
            report.dropped.append(Dropped(key, place, f"{len(rows)} wiersz(e/y)", why))
            continue
        if not target.has_table(new_key):
            report.dropped.append(Dropped(key, place, f"{len(rows)} wiersz(e/y)", f"tej tabeli nie ma w {target.id}"))
            continue
        new_t = target.table(new_key)
        lost: dict[str, list[str]] = {}
        out_rows = []
        for row in rows:
            if _outside_series(old_t, row, ref, years_on):
                report.dropped.append(
                    Dropped(key, place, _row_text(src, old_t, row), f"rok spoza trzech lat kończących się {ref}")
                )
                continue
            data: dict[str, Any] = {}
            for col in old_t.columns:
                value = row.get(col.key)
                if is_empty(value):
                    continue
                why = None
                if years_on and key == "members" and col.type in YEAR_BOUND_TYPES:
                    why = "dane za poprzedni rok odniesienia: podaj je za nowy"
                elif not new_t.has_column(col.key):
                    why = f"tej kolumny nie ma w {target.id}"
                else:
                    try:
                        data[col.key] = _convert(src, col, target, new_t.column(col.key), value)
                    except ValueError as exc:
                        why = str(exc)
                if why is not None:
                    lost.setdefault(f"{col.key}|{why}", []).append(_shown(src, col, value))
            out_rows.append(Row(data))
        new.tables[new_key] = out_rows
        if new_key == key:
            report.carried.append(key)
        else:
            report.mapped.append(Mapped(new_key, key, "tabela pod nowym kluczem (carried_from)"))
        for tag, values in lost.items():
            col_key, why = tag.split("|", 1)
            shown = "; ".join(values[:12]) + (f"; … (razem {len(values)})" if len(values) > 12 else "")
            report.dropped.append(Dropped(f"{key}.{col_key}", place, shown, why))
    kept = {r.get("sha256") for rows in new.tables.values() for r in rows if r.get("sha256")}
    new.files = {digest: content for digest, content in old.files.items() if digest in kept}

    # Newly required ------------------------------------------------------------------------------------------
    for key, f in target.fields.items():
        if is_empty(new.values.get(key)) and field_required(f, new.values):
            report.newly_required.append((key, _place(target, key)))
    for key, t in target.tables.items():
        if t.required and len(new.tables.get(key, [])) < t.min_rows:
            report.newly_required.append((key, _place(target, key)))
    return new, report


def _outside_series(table: TableDef, row: Row, ref: Any, years_on: int) -> bool:
    """A yearly series (a table with a `year` column, e.g. the coordinator's finances) keeps the years of the new
    reference year and the two before it; older years leave the form."""
    if not years_on or not isinstance(ref, int) or not table.has_column("year") or table.key == "members":
        return False
    if table.column("year").type != "year" or table.min_rows < 2:
        return False
    year = row.get("year")
    return isinstance(year, int) and not (ref - table.min_rows < year <= ref)


def _row_text(d: FormDefinition, table: TableDef, row: Row) -> str:
    return "; ".join(
        f"{c.label.pl}: {_shown(d, c, row.get(c.key))}" for c in table.columns if not is_empty(row.get(c.key))
    )
