"""The facts about an application that the cover, the page headers and the summary all print (one wording)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from export.pdf.render import Meta
from forms.document import Document, group_checksum
from forms.fmt import format_date

log = logging.getLogger(__name__)

KIND_TITLES = {
    "nadanie": "Wniosek o nadanie statusu Krajowego Klastra Kluczowego",
    "odnowienie": "Wniosek o odnowienie statusu Krajowego Klastra Kluczowego",
}
GENERIC_TITLE = "Wniosek o status Krajowego Klastra Kluczowego"


@dataclass(frozen=True)
class Facts:
    app_id: int
    uuid: str
    name: str
    kind: str  # nadanie / odnowienie
    kind_label: str  # "nadanie statusu"
    title: str  # "Wniosek o nadanie statusu Krajowego Klastra Kluczowego"
    round: str
    form: str  # "kkk-2019 (wersja formularza 1)"
    version_no: int
    version: str  # "wersja 2 (korekta)"
    state: str  # "roboczy (niesfinalizowany)" / "sfinalizowany 12.03.2025": the application's state
    final: bool
    finalized_on: str  # "12.03.2025" or ""
    checksum: str  # 64 hex
    short_checksum: str  # 3f9a-1c02-77be-90d4
    today: dt.date
    coordinator: str
    number: str = ""  # the application number: a short form of its uuid (`275C-8348-EE26`)
    moment: dt.datetime | None = None  # the document's date: the finalisation for a final, else the export time
    corrects: Corrected | None = None  # the version a korekta replaces

    @property
    def state_code(self) -> str:
        return "final" if self.final else "draft"

    @property
    def header_version(self) -> str:
        """`wersja 1 · robocza`, `wersja 2 (korekta) · sfinalizowana 12.03.2025` (page headers)."""
        state = f"sfinalizowana {self.finalized_on}".rstrip() if self.final else "robocza"
        return f"{self.version} · {state}"


@dataclass(frozen=True)
class Corrected:
    """The version a korekta replaces, as its documents name it."""

    uuid: str
    version_no: int
    checksum: str
    finalized_on: str  # "12.03.2025"

    @classmethod
    def of(cls, info: Any) -> Corrected | None:
        if info is None:
            return None
        when = _get(info, "finalized_at")
        day = format_date(when.date() if isinstance(when, dt.datetime) else when) if when else ""
        version = int(_get(info, "version_no", 1) or 1)
        return cls(str(_get(info, "uuid", "")), version, _get(info, "checksum") or "", day)

    @property
    def text(self) -> str:
        """`wersja 1 z 12.03.2025, suma kontrolna 275c-8348-ee26-ff19`."""
        day = f" z {self.finalized_on}" if self.finalized_on else ""
        return f"wersja {self.version_no}{day}, suma kontrolna {group_checksum(self.checksum)}"


def application_number(uuid: str) -> str:
    """The application's number as people see it: the first 12 hex digits of its uuid in groups
    (`275C-8348-EE26`). The local database id is the same `1` for every coordinator's first application."""
    digits = "".join(ch for ch in str(uuid or "") if ch.isalnum()).upper()[:12]
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _get(info: Any, name: str, default: Any = None) -> Any:
    return getattr(info, name, default)


def facts(doc: Document, info: Any, today: dt.date | None = None, corrects: Any = None) -> Facts:
    """`info` is a `models.repository.ApplicationInfo` (or anything with the same attributes); `corrects` the
    info of the version a korekta replaces. A final document is dated by its finalisation (so that it stays the
    same bytes), a draft by `today` or, without it, the export time."""
    d = doc.definition
    final_at = _get(info, "finalized_at") if _get(info, "state") == "final" else None
    if isinstance(final_at, dt.datetime):
        moment = final_at
    elif today is not None:
        moment = dt.datetime.combine(today, dt.time())
    else:
        moment = dt.datetime.now().replace(microsecond=0)
    today = today or moment.date()
    kind = doc.get("meta.application_type") or _get(info, "kind") or ""
    kind_label = (
        d.choice_label(d.field("meta.application_type").list or "", kind)
        if d.has_field("meta.application_type") and kind
        else (kind or "")
    )
    version_no = int(_get(info, "version_no", 1) or 1)
    final = _get(info, "state") == "final"
    finalized = _get(info, "finalized_at")
    if isinstance(finalized, dt.datetime):
        finalized = finalized.date()
    finalized_on = format_date(finalized) if final and finalized else ""
    state = f"sfinalizowany {finalized_on}".rstrip() if final else "roboczy (niesfinalizowany)"
    checksum = doc.checksum()
    stored = _get(info, "checksum")
    if final and stored and stored != checksum:  # a finalised application cannot change: the data are damaged
        log.error("application %s: stored checksum %s, data give %s", _get(info, "id"), stored, checksum)
    return Facts(
        app_id=int(_get(info, "id", 0) or 0),
        uuid=str(_get(info, "uuid", "") or ""),
        name=doc.get("cluster.name") or _get(info, "name") or "(bez nazwy)",
        kind=kind,
        kind_label=kind_label,
        title=KIND_TITLES.get(kind, GENERIC_TITLE),
        round=doc.get("meta.round") or f"konkurs {d.round_year}",
        form=f"{d.id} (wersja formularza {d.version})",
        version_no=version_no,
        version=f"wersja {version_no}" + (" (korekta)" if version_no > 1 else ""),
        state=state,
        final=final,
        finalized_on=finalized_on,
        checksum=checksum,
        short_checksum=group_checksum(checksum),
        today=today,
        coordinator=doc.get("coordinator.name") or "",
        number=application_number(_get(info, "uuid", "")),
        moment=moment,
        corrects=Corrected.of(corrects) if version_no > 1 else None,
    )


def pdf_meta(doc: Document, f: Facts, what: str) -> Meta:
    """Document properties; `Keywords` carries the checksum in a form `verify` reads without parsing pages."""
    return Meta(
        title=f"{what}: {f.name}",
        author=f.coordinator,
        subject=f"{f.title}; {f.round}; {f.version}; {f.state}",
        keywords=(
            f"KKK; {doc.definition.id}; uuid:{f.uuid}; wersja:{f.version_no}; stan:{f.state_code}; "
            f"sha256:{f.checksum}" + (f"; koryguje:{f.corrects.uuid}/{f.corrects.checksum}" if f.corrects else "")
        ),
    )
