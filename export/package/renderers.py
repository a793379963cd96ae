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


def application_pdf(doc, info: ApplicationInfo, path: Path) -> None:
    from export.pdf.application import build_application_pdf

    build_application_pdf(doc, info, path, today=_day(info))


def summary_pdf(doc, info: ApplicationInfo, path: Path) -> None:
    from export.pdf.summary import build_summary_pdf

    build_summary_pdf(doc, info, path, today=_day(info))


def workbook(doc, info: ApplicationInfo, path: Path) -> None:
    from export.xlsx.workbook import write_application_xlsx

    write_application_xlsx(doc, info, path, today=_day(info))
    normalise_zip_times(path, _moment(info))


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def normalise_zip_times(path: Path, moment: dt.datetime) -> None:
    """Rewrite an Office file with fixed entry times and creation/modification times in its core properties."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    iso = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    out_path = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(lambda m: m.group(1) + iso + m.group(2), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    write_bytes_atomic(path, out_path.read_bytes())
    out_path.unlink()
