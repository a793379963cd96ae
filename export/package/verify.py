"""Verifying a package (folder or ZIP) as the receiving side would: every file's SHA-256 against the manifest,
the application checksum recomputed from the `.kkk.json`, and the checksum printed on every page of the PDFs."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from export.package.manifest import FORMAT, MANIFEST, SUMS
from forms.document import group_checksum

MAX_MEMBER_BYTES = 512 * 1024 * 1024


@dataclass
class VerifyReport:
    source: str
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _Files:
    """The files of a package, whether a folder or a ZIP."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        if path.is_file():
            try:
                self.zip = zipfile.ZipFile(path)
            except zipfile.BadZipFile:
                raise ValueError(f"{path.name}: to nie jest plik ZIP ani folder pakietu") from None
            names = [n for n in self.zip.namelist() if not n.endswith("/")]
            prefix = _common_prefix(names)
            self.names = {n[len(prefix) :]: n for n in names}
        elif path.is_dir():
            self.names = {
                p.relative_to(path).as_posix(): p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()
            }
        else:
            raise ValueError(f"{path}: nie ma takiego pliku ani folderu")

    def read(self, name: str) -> bytes:
        real = self.names[name]
        if self.zip is not None:
            if self.zip.getinfo(real).file_size > MAX_MEMBER_BYTES:
                raise ValueError(f"{name}: plik w archiwum jest zbyt duży")
            return self.zip.read(real)
        return (self.path / real).read_bytes()

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


def _common_prefix(names: list[str]) -> str:
    """A ZIP may hold the package inside one top folder; names are then taken relative to it."""
    if names and all("/" in n for n in names):
        top = {n.split("/", 1)[0] for n in names}
        if len(top) == 1:
            return top.pop() + "/"
    return ""


def pdf_page_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def _check_pdf(name: str, data: bytes, checksum: str, report: VerifyReport) -> None:
    try:
        pages = pdf_page_texts(data)
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is a finding, not a crash
        report.problems.append(f"{name}: nie można odczytać PDF ({exc.__class__.__name__})")
        return
    short = group_checksum(checksum)
    missing = [i + 1 for i, text in enumerate(pages) if short not in text.replace("\n", " ")]
    if missing:
        shown = ", ".join(map(str, missing[:10])) + ("…" if len(missing) > 10 else "")
        report.problems.append(
            f"{name}: suma kontrolna {short} nie jest wydrukowana na stronach {shown} (stron: {len(pages)})"
        )
    else:
        report.checked.append(f"{name}: suma kontrolna {short} na każdej z {len(pages)} stron")


def verify_package(path: Path) -> VerifyReport:
    from export import kkk_json

    path = Path(path)
    report = VerifyReport(path.name)
    try:
        files = _Files(path)
    except ValueError as exc:
        report.problems.append(str(exc))
        return report
    try:
        if MANIFEST not in files.names:
            report.problems.append(f"brak pliku {MANIFEST}")
            return report
        try:
            manifest = json.loads(files.read(MANIFEST).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            report.problems.append(f"{MANIFEST}: niepoprawny JSON ({exc})")
            return report
        if manifest.get("format") != FORMAT:
            report.problems.append(f"{MANIFEST}: to nie jest manifest pakietu Klaster")
            return report
        checksum = manifest.get("checksum", "")
        listed = {f["name"]: f for f in manifest.get("files", [])}
        for name, entry in listed.items():
            if name not in files.names:
                report.problems.append(f"{name}: brak pliku wymienionego w manifeście")
                continue
            data = files.read(name)
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                report.problems.append(f"{name}: suma SHA-256 nie zgadza się z manifestem (plik zmieniono)")
                continue
            report.checked.append(f"{name}: SHA-256 zgodna")
            if entry.get("role") == "data":
                try:
                    doc = kkk_json.from_dict(json.loads(data.decode("utf-8")), name)
                except (ValueError, UnicodeDecodeError) as exc:
                    report.problems.append(f"{name}: {exc}")
                    continue
                if doc.checksum() != checksum:
                    report.problems.append(f"{name}: suma kontrolna danych różni się od sumy w manifeście")
                else:
                    report.checked.append(f"{name}: suma kontrolna danych {group_checksum(checksum)} zgodna")
            elif entry.get("role") in ("application_pdf", "summary_pdf"):
                _check_pdf(name, data, checksum, report)
        for name in files.names:
            if name not in listed and name not in (MANIFEST, SUMS):
                report.problems.append(f"{name}: plik spoza manifestu")
        if not any(f.get("role") == "data" for f in listed.values()) and not manifest.get("part"):
            report.problems.append("w pakiecie brak pliku .kkk.json z danymi wniosku")
    finally:
        files.close()
    return report
