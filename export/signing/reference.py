"""The application PDF that Klaster builds for one finalised version, rebuilt from the stored data (the PDF is
reproducible: the same data and print date give the same bytes), and, for a PDF that is not it, what it is instead.

The package prints the finalisation day as the print date; `pdf ID` and the window print today. A signed copy of
either is the application: the print date is read from the cover of the signed revision and the PDF rebuilt with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from export.pdf.meta import read_checksum
from export.signing.texts import t
from forms.document import Document, group_checksum

_PRINT_DATE = re.compile(r"Data wydruku\s*(\d{2})\.(\d{2})\.(\d{4})")
_EOF = re.compile(rb"%%EOF[ \t]*(?:\r\n|\r|\n)?")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def first_revision(data: bytes) -> bytes:
    """The bytes up to and including the first `%%EOF` (and its line end): a PDF's original revision."""
    found = _EOF.search(data)
    return data[: found.end()] if found else data


def startxref_of(revision: bytes) -> int | None:
    found = _STARTXREF.search(revision[-64:])
    return int(found.group(1)) if found else None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Reference:
    """`doc` and `info` of a finalised application; `known` the applications of the database (for diagnosis)."""

    doc: Document
    info: Any
    known: Sequence[Any] = ()
    chain: Sequence[Any] = ()  # the versions (corrections) this application belongs to
    corrects: Any = None  # a korekta: the info of the version it corrects (its PDF names it)
    _built: dict[dt.date | None, bytes] = field(default_factory=dict)

    @property
    def checksum(self) -> str:
        return self.info.checksum or self.doc.checksum()

    def build(self, day: dt.date | None) -> bytes:
        if day not in self._built:
            self._built[day] = application_pdf(self.doc, self.info, day or self.finalised_on, self.corrects)
        return self._built[day]

    @property
    def finalised_on(self) -> dt.date | None:
        when = self.info.finalized_at
        return when.date() if isinstance(when, dt.datetime) else None

    def package_pdf(self) -> bytes:
        """The PDF the package carries (printed on the finalisation day)."""
        return self.build(None)

    def match(self, pdf: bytes) -> bytes | None:
        """`pdf` itself when it is byte for byte the application PDF of this version, otherwise None."""
        if read_checksum(pdf) != self.checksum:
            return None
        if pdf == self.package_pdf():
            return pdf
        day = print_date(pdf)
        if day is not None and day != self.finalised_on and pdf == self.build(day):
            return pdf
        return None

    def diagnose(self, pdf: bytes) -> str:
        """Why `pdf` (an original revision) is not this version's application PDF, in one sentence."""
        this = self.info
        found = checksum_in(pdf)
        if found is None:
            return t(
                "to nie jest wniosek zapisany przez Klaster (w PDF nie ma sumy kontrolnej danych wniosku)",
                "this is not an application written by Klaster (the PDF holds no checksum of application data)",
            )
        title, subject = _meta(pdf)
        if title.startswith("Podsumowanie") or title.startswith("Zestawienie"):
            return t(
                f"podpisano „{title.split(':')[0]}”, a nie wniosek; podpisz PDF wniosku",
                f"the signed PDF is “{title.split(':')[0]}”, not the application; sign the application PDF",
            )
        if found == self.checksum:
            return t(
                "PDF ma dane tej wersji wniosku, ale nie jest plikiem zbudowanym przez Klaster: został zapisany na "
                "nowo (ponownie wyeksportowany lub wydrukowany do PDF innym programem, zmieniony albo utworzony inną "
                "wersją programu); podpisz PDF zapisany przez Klaster bez zmian",
                "the PDF holds this version's data but is not the file Klaster built: it was saved anew (re-exported "
                "or printed to PDF by another program, changed, or made by another version of the program); sign "
                "the PDF as Klaster wrote it",
            )
        for other in self.known:
            if other.checksum != found or other.id == this.id:
                continue
            if any(v.id == other.id for v in self.chain):
                return t(
                    f"podpisany plik to inna wersja tego wniosku: wersja {other.version_no} (wniosek {other.id}), "
                    f"a nie wersja {this.version_no} (wniosek {this.id})",
                    f"the signed file is another version of this application: version {other.version_no} "
                    f"(application {other.id}), not version {this.version_no} (application {this.id})",
                )
            return t(
                f"podpisany plik to inny wniosek: {other.id} „{other.name}” (wersja {other.version_no})",
                f"the signed file is another application: {other.id} “{other.name}” (version {other.version_no})",
            )
        if "roboczy" in subject:
            return t(
                "podpisano wersję roboczą wniosku (niesfinalizowaną), nie tę wersję",
                "the signed file is a draft (not finalised), not this version",
            )
        return t(
            f"podpisany plik to inny wniosek albo inna wersja: suma kontrolna danych w PDF {group_checksum(found)}, "
            f"a wniosek {this.id} ma {group_checksum(self.checksum)}",
            f"the signed file is another application or version: data checksum in the PDF {group_checksum(found)}, "
            f"application {this.id} has {group_checksum(self.checksum)}",
        )


def application_pdf(doc: Document, info: Any, day: dt.date | None, corrects: Any = None) -> bytes:
    """The application PDF as the package writes it: printed on the finalisation day, a korekta naming the version
    it corrects (where the PDF builder knows that parameter)."""
    import inspect

    from export.pdf.application import application_pdf_bytes

    extra = {"corrects": corrects} if "corrects" in inspect.signature(application_pdf_bytes).parameters else {}
    return application_pdf_bytes(doc, info, today=day, **extra)


def reference_of(repo: Any, app_id: int) -> Reference:
    """The reference of a stored application: its data, the database's applications and its chain of versions."""
    info = repo.info(app_id)
    corrects = repo.info(info.parent_id) if info.version_no > 1 and info.parent_id is not None else None
    return Reference(repo.load(app_id), info, repo.list_applications(), repo.versions(app_id), corrects)


def checksum_in(pdf: bytes) -> str | None:
    """The data checksum a PDF carries: as Klaster writes it, or in the document information as another program
    rewrote it (a re-exported PDF keeps its properties but writes them its own way)."""
    found = read_checksum(pdf)
    if found is None:
        keywords = _keywords(pdf)
        match = re.search(r"sha256:([0-9a-f]{64})", keywords)
        found = match.group(1) if match else None
    return found


def _keywords(pdf: bytes) -> str:
    try:
        from pypdf import PdfReader

        return str((PdfReader(io.BytesIO(pdf)).metadata or {}).get("/Keywords") or "")
    except Exception:  # noqa: BLE001 - only a better message depends on it
        return ""


def _meta(pdf: bytes) -> tuple[str, str]:
    try:
        from pypdf import PdfReader

        meta = PdfReader(io.BytesIO(pdf)).metadata or {}
        return str(meta.get("/Title") or ""), str(meta.get("/Subject") or "")
    except Exception:  # noqa: BLE001 - only a better message depends on it
        return "", ""


def print_date(pdf: bytes) -> dt.date | None:
    """The print date on the cover of an application PDF written by Klaster."""
    try:
        from pypdf import PdfReader

        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    except Exception:  # noqa: BLE001 - an unreadable cover: no date, the bytes decide
        return None
    found = _PRINT_DATE.search(text)
    if not found:
        return None
    try:
        return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None
