"""The package's documents, rendered reproducibly: the same finalised version gives the same bytes.

PDFs are built with reportlab's invariant mode and the finalisation date as "today". A workbook (a ZIP of XML
parts) carries the time it was written in its entries and in `docProps/core.xml`; both are set to the
finalisation time here.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from export.atomic import write_bytes_atomic
from models.repository import ApplicationInfo


def _day(info: ApplicationInfo) -> dt.date | None:
    when = info.finalized_at or None
    return when.date() if isinstance(when, dt.datetime) else None


def _moment(info: ApplicationInfo) -> dt.datetime:
    when = info.finalized_at or info.updated_at
    return when if isinstance(when, dt.datetime) else dt.datetime(1980, 1, 1)


def application_pdf(doc, info: ApplicationInfo, path: Path, corrects: ApplicationInfo | None = None) -> None:
    from export.pdf.application import build_application_pdf

    build_application_pdf(doc, info, path, today=_day(info), corrects=corrects)


def summary_pdf(doc, info: ApplicationInfo, path: Path, corrects: ApplicationInfo | None = None) -> None:
    from export.pdf.summary import build_summary_pdf

    build_summary_pdf(doc, info, path, today=_day(info), corrects=corrects)


def changes_pdf(old, old_info: ApplicationInfo, doc, info: ApplicationInfo, path: Path) -> None:
    """The changes of a korekta against the version it corrects."""
    from export.pdf.changes import build_changes_pdf

    build_changes_pdf(old, old_info, doc, info, path, today=_day(info))


def workbook(doc, info: ApplicationInfo, path: Path, corrects: ApplicationInfo | None = None) -> None:
    """The workbook, with the application's uuid, state, version and checksum in its document properties
    (`keywords`, `identifier`): `verify` ties it to the `.kkk.json` by them."""
    from export.xlsx.workbook import write_application_xlsx

    write_application_xlsx(doc, info, path, today=_day(info))
    normalise_zip_times(path, _moment(info), workbook_properties(doc, info))


def workbook_properties(doc, info: ApplicationInfo) -> dict[str, str]:
    state = "final" if info.is_final else "draft"
    return {
        "identifier": info.uuid,
        "keywords": f"KKK; uuid:{info.uuid}; wersja:{info.version_no}; stan:{state}; sha256:{doc.checksum()}",
    }


def read_workbook_properties(data: bytes, limit: int = 1024 * 1024) -> dict[str, str]:
    """`identifier` and `keywords` of a workbook's core properties (bounded: only that small part is read)."""
    import io
    from xml.sax.saxutils import unescape

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("docProps/core.xml")
        if info.file_size > limit:
            raise ValueError("docProps/core.xml too large")
        with zf.open(info) as fh:
            core = fh.read(limit + 1)
    out = {}
    for key, tag in (("identifier", rb"dc:identifier"), ("keywords", rb"cp:keywords")):
        found = re.search(rb"<" + tag + rb"(?:\s[^>]*)?>([^<]*)</" + tag + rb">", core)
        if found:
            out[key] = unescape(found.group(1).decode("utf-8", "replace"))
    return out


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _set_properties(core: bytes, properties: dict[str, str]) -> bytes:
    from xml.sax.saxutils import escape

    tags = {"identifier": b"dc:identifier", "keywords": b"cp:keywords"}
    spaces = {"identifier": b' xmlns:dc="http://purl.org/dc/elements/1.1/"', "keywords": b""}
    for key, value in properties.items():
        tag = tags[key]
        core = re.sub(rb"<" + tag + rb"(?:\s[^>]*)?(?:/>|>[^<]*</" + tag + rb">)", b"", core)
        element = b"<" + tag + spaces[key] + b">" + escape(value).encode("utf-8") + b"</" + tag + b">"
        core = core.replace(b"</cp:coreProperties>", element + b"</cp:coreProperties>")
    return core


def normalise_zip_times(path: Path, moment: dt.datetime, properties: dict[str, str] | None = None) -> None:
    """Rewrite an Office file with fixed entry times and creation/modification times in its core properties
    (and `properties`: identifier, keywords)."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    iso = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    out_path = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(lambda m: m.group(1) + iso + m.group(2), data)
                if properties:
                    data = _set_properties(data, properties)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    write_bytes_atomic(path, out_path.read_bytes())
    out_path.unlink()
