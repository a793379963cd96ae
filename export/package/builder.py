"""Building the submission package of an application: a folder and a ZIP with the application PDF, the summary
PDF, the Excel workbook, the `.kkk.json`, the attachment files (copied out of the database) and a manifest.

Reproducible: the same finalised version always gives files with the same bytes (PDFs are invariant, the
workbook and the ZIP carry fixed timestamps taken from the finalisation). Above the mail limit the files are
split into numbered parts, each with its own manifest.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from export.package.manifest import MANIFEST, SUMS, Entry, manifest_bytes, sha256_file, sums_bytes
from export.package.names import safe_file_name, safe_name
from forms.checks import check_document
from forms.document import Document, group_checksum
from models.repository import ApplicationInfo, Repository

DEFAULT_LIMIT_MB = 20
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class PackageError(Exception):
    """The package cannot be made; the message is Polish."""


@dataclass
class Part:
    number: int
    count: int
    folder: Path
    zip_path: Path
    entries: list[Entry]

    @property
    def size(self) -> int:
        return sum(e.size for e in self.entries)


@dataclass
class PackageResult:
    folder: Path
    zip_path: Path
    entries: list[Entry]
    checksum: str
    draft: bool
    limit_bytes: int
    parts: list[Part] = field(default_factory=list)

    @property
    def total_size(self) -> int:
        return sum(e.size for e in self.entries)

    @property
    def over_limit(self) -> bool:
        return self.total_size > self.limit_bytes


def base_name(doc: Document, info: ApplicationInfo) -> str:
    cluster = safe_name(doc.get("cluster.name") or info.name or "klaster", 40)
    return f"Wniosek_KKK_{cluster}_v{info.version_no}"


def _stamp(info: ApplicationInfo) -> tuple[int, int, int, int, int, int]:
    when = info.finalized_at or info.updated_at
    if not isinstance(when, dt.datetime):
        return ZIP_EPOCH
    return (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)


def _exporters() -> dict[str, Callable[[Document, ApplicationInfo, Path], None]]:
    from export.package.renderers import application_pdf, summary_pdf, workbook

    return {"application_pdf": application_pdf, "summary_pdf": summary_pdf, "workbook": workbook}


def _write_files(doc: Document, info: ApplicationInfo, folder: Path, base: str) -> list[Entry]:
    from export import kkk_json

    folder.mkdir(parents=True, exist_ok=True)
    planned: list[tuple[str, str]] = [
        (f"{base}_wniosek.pdf", "application_pdf"),
        (f"{base}_podsumowanie.pdf", "summary_pdf"),
        (f"{base}_dane.xlsx", "workbook"),
    ]
    exporters = _exporters()
    for name, role in planned:
        exporters[role](doc, info, folder / name)
    kkk_json.write(doc, folder / f"{base}.kkk.json")
    planned.append((f"{base}.kkk.json", "data"))
    used: set[str] = set()
    for i, row in enumerate(_attachment_rows(doc), start=1):
        content = doc.files.get(row.get("sha256") or "")
        if content is None:
            raise PackageError(f"brak pliku załącznika „{row.get('file_name') or row.get('title')}” w bazie")
        name = f"zalaczniki/{i:02d}_{safe_file_name(row.get('file_name') or row.get('title') or 'zalacznik')}"
        while name in used:
            name = name.replace(".", "_1.", 1)
        used.add(name)
        target = folder / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(content)
        planned.append((name, "attachment"))
    return [Entry(name, (folder / name).stat().st_size, sha256_file(folder / name), role) for name, role in planned]


def _attachment_rows(doc: Document):
    for key, table in doc.definition.tables.items():
        if table.has_column("sha256"):
            yield from doc.tables.get(key, [])


def _meta(doc: Document, info: ApplicationInfo, draft: bool, part: tuple[int, int] | None) -> dict:
    checksum = doc.checksum()
    meta = {
        "application": {
            "id": info.id,
            "uuid": info.uuid,
            "name": doc.get("cluster.name") or info.name,
            "form": doc.definition.id,
            "form_version": doc.definition.version,
            "kind": info.kind,
            "version": info.version_no,
            "state": info.state,
            "finalized_at": info.finalized_at.isoformat() if info.finalized_at else None,
        },
        "checksum": checksum,
        "checksum_short": group_checksum(checksum),
        "draft": draft,
        "generator": f"Klaster {__version__}",
    }
    if part is not None:
        meta["part"] = {"number": part[0], "count": part[1]}
    return meta


def _zip(folder: Path, zip_path: Path, names: list[str], stamp: tuple[int, int, int, int, int, int]) -> None:
    """A reproducible ZIP: sorted names, fixed timestamps and permissions."""
    tmp = zip_path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(names):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (folder / name).read_bytes())
    tmp.replace(zip_path)


def _finish(folder: Path, entries: list[Entry], meta: dict, stamp) -> Path:
    (folder / MANIFEST).write_bytes(manifest_bytes(meta, entries))
    (folder / SUMS).write_bytes(sums_bytes(entries))
    zip_path = folder.with_suffix(".zip")
    _zip(folder, zip_path, [e.name for e in entries] + [MANIFEST, SUMS], stamp)
    return zip_path


def split_entries(entries: list[Entry], limit: int) -> list[list[Entry]]:
    """Greedy, in package order: the documents first, attachments after; a file above the limit goes alone."""
    parts: list[list[Entry]] = [[]]
    for entry in entries:
        if parts[-1] and sum(e.size for e in parts[-1]) + entry.size > limit:
            parts.append([])
        parts[-1].append(entry)
    return parts


def build_package(
    repo: Repository,
    app_id: int,
    outdir: Path,
    *,
    allow_draft: bool = False,
    limit_mb: float = DEFAULT_LIMIT_MB,
    split: bool = False,
) -> PackageResult:
    return build_package_from(
        repo.load(app_id), repo.info(app_id), outdir, allow_draft=allow_draft, limit_mb=limit_mb, split=split
    )


def build_package_from(
    doc: Document,
    info: ApplicationInfo,
    outdir: Path,
    *,
    allow_draft: bool = False,
    limit_mb: float = DEFAULT_LIMIT_MB,
    split: bool = False,
) -> PackageResult:
    """The package of an application already loaded (no database access: safe in a worker thread)."""
    app_id = info.id
    draft = not info.is_final
    if draft and not allow_draft:
        raise PackageError(
            f"wniosek {app_id} nie jest sfinalizowany; pakiet do wysłania tworzy się ze sfinalizowanego wniosku "
            "(wersję roboczą do wewnętrznego przeglądu: opcja --draft)"
        )
    if not draft and doc.checksum() != info.checksum:
        raise PackageError(f"dane wniosku {app_id} nie zgadzają się z sumą kontrolną zapisaną przy finalizacji")
    base = ("ROBOCZY_" if draft else "") + base_name(doc, info)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    folder = outdir / base
    if folder.exists():
        shutil.rmtree(folder)
    stamp = _stamp(info)
    with tempfile.TemporaryDirectory(dir=outdir, prefix=".klaster-") as tmp:
        staging = Path(tmp) / base
        entries = _write_files(doc, info, staging, base)
        staging.replace(folder)
    zip_path = _finish(folder, entries, _meta(doc, info, draft, None), stamp)
    limit = int(limit_mb * 1024 * 1024)
    result = PackageResult(folder, zip_path, entries, doc.checksum(), draft, limit)
    if split and result.over_limit:
        result.parts = _split(folder, entries, doc, info, draft, limit, stamp)
    return result


def _split(
    folder: Path, entries: list[Entry], doc: Document, info: ApplicationInfo, draft: bool, limit: int, stamp
) -> list[Part]:
    groups = split_entries(entries, limit)
    parts = []
    for number, group in enumerate(groups, start=1):
        part_folder = folder.parent / f"{folder.name}_czesc_{number}_z_{len(groups)}"
        if part_folder.exists():
            shutil.rmtree(part_folder)
        for entry in group:
            target = part_folder / entry.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / entry.name, target)
        zip_path = _finish(part_folder, group, _meta(doc, info, draft, (number, len(groups))), stamp)
        parts.append(Part(number, len(groups), part_folder, zip_path, group))
    return parts


def open_problems(doc: Document) -> int:
    return sum(p.is_error for p in check_document(doc))
