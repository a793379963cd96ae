"""Drafts stored under an older version of their form definition, brought up to date.

A definition lists its `revisions`: for each version, the fields whose list codes now mean something else, and
for each old code the codes that mean it now (kkk-2019, version 2: the 13-item KIS list gave way to the 15-item
list in force from 1 January 2019, and KIS 9 of the old list is KIS 11 and 13 of the new one). `upgrade` rewrites
a draft's values in place and says what it did; a finalised application is never changed (its checksum seals
what it said), so the repository calls this for drafts only; it reads a sealed application with the lists of its
own version (`as_of`), so that it says what it said.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from forms.document import Document
from forms.messages import Choice, Quoted, message
from forms.schema import FormDefinition, Text


@dataclass(frozen=True)
class Recoded:
    key: str
    version: int
    before: tuple[str, ...]
    after: tuple[str, ...]
    moved: tuple[tuple[str, tuple[str, ...]], ...]  # each changed old code with its new codes
    note: Text


_AS_OF: dict[tuple[str, int, int], FormDefinition] = {}


def as_of(definition: FormDefinition, version: int) -> FormDefinition:
    """The definition with the lists in force at `version` (and that version number), for an application sealed
    under it; the definition itself when nothing older is asked."""
    if version >= definition.version or not any(r.version > version for r in definition.revisions):
        return definition
    key = (definition.id, definition.version, version)
    if key not in _AS_OF:
        lists, infos = dict(definition.lists), dict(definition.list_info)
        for revision in reversed(definition.revisions):
            if revision.version > version:
                lists.update(revision.lists_before)
                infos.update(revision.list_info_before)
        _AS_OF[key] = dataclasses.replace(definition, version=version, lists=lists, list_info=infos)
    return _AS_OF[key]


def upgrade(doc: Document, stored_version: int) -> list[Recoded]:
    """Recode the values of `doc` (stored under `stored_version`) to the current version of its definition."""
    done = []
    for revision in doc.definition.revisions:
        if revision.version <= stored_version:
            continue
        for key, mapping in revision.recode.items():
            value = doc.values.get(key)
            if value is None:
                continue
            multi = doc.definition.field(key).type == "multichoice"
            before = tuple(str(c) for c in (value if multi else (value,)))
            after = tuple(dict.fromkeys(new for old in before for new in mapping.get(old, (old,))))
            moved = tuple((old, mapping[old]) for old in before if mapping.get(old, (old,)) != (old,))
            if moved:
                doc.values[key] = after if multi else after[0]
                done.append(Recoded(key, revision.version, before, after, moved, revision.note))
    return done


def notice(doc: Document, app_id: int, name: str, change: Recoded) -> Text:
    """What the coordinator is told: which field, from which codes to which, why, and to check it."""
    field = doc.definition.field(change.key)
    moved = "; ".join(f"{old} → {', '.join(new)}" for old, new in change.moved)
    return message(
        "form_revised",
        id=app_id,
        name=Quoted(name),
        field=Quoted(field.label),
        version=change.version,
        changes=Choice(Text(moved, moved)),
        note=Choice(change.note),
    )
