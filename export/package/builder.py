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
from typing import Any

from export.package.manifest import MANIFEST, SUMS, Entry, manifest_bytes, sha256_file, sums_bytes
from export.package.names import safe_file_name, safe_name, short_name
from export.package.sizing import message_size, split_by_message_size, too_large
from forms.checks import check_document
from forms.document import Document, group_checksum
from klaster import __version__
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
    extras: int = 0  # bytes of its manifest and checksum file

    @property
    def size(self) -> int:
        return sum(e.size for e in self.entries)

    @property
    def message_size(self) -> int:
        """An upper estimate of its e-mail's size (attachments base64-encoded, headers, body)."""
        return message_size(self.entries, self.extras)


@dataclass
class PackageResult:
    folder: Path
    zip_path: Path
    entries: list[Entry]
    checksum: str
    draft: bool
    limit_bytes: int
    parts: list[Part] = field(default_factory=list)
    corrects: ApplicationInfo | None = None  # the version a korekta replaces
    changes_name: str = ""  # the changes PDF of a korekta
    extras: int = 0  # bytes of the manifest and checksum file
    signed: Any = None  # the signed application it carries (export.signing.package.PackageSigned), or None

    @property
    def total_size(self) -> int:
        return sum(e.size for e in self.entries)

    @property
    def message_size(self) -> int:
        """An upper estimate of the e-mail carrying the whole package (attachments base64-encoded)."""
        return message_size(self.entries, self.extras)

    @property
    def over_limit(self) -> bool:
        return self.message_size > self.limit_bytes


def base_name(doc: Document, info: ApplicationInfo) -> str:
    """`Wniosek_KKK_Dolina_Stali_v1`: the name the cluster goes by (the part in quotes of its full name)."""
    cluster = safe_name(short_name(doc.get("cluster.name") or info.name or "klaster"), 60)
    return f"Wniosek_KKK_{cluster}_v{info.version_no}"


def is_correction(info: ApplicationInfo) -> bool:
    return info.version_no > 1 and info.parent_id is not None


def application_block(doc: Document, info: ApplicationInfo, corrects: ApplicationInfo | None) -> dict:
    """Who the files belong to: the same block in the manifest and in the `.kkk.json`, compared by `verify`."""
    from export.pdf.facts import application_number

    block = {
        "uuid": info.uuid,
        "number": application_number(info.uuid),
        "name": doc.get("cluster.name") or info.name,
        "form": doc.definition.id,
        "form_version": doc.definition.version,
        "kind": info.kind,
        "version": info.version_no,
        "state": info.state,
        "finalized_at": info.finalized_at.isoformat() if info.finalized_at else None,
    }
    if corrects is not None:
        block["corrects"] = corrects_block(corrects)
    return block


def corrects_block(old: ApplicationInfo) -> dict:
    return {
        "uuid": old.uuid,
        "version": old.version_no,
        "checksum": old.checksum,
        "finalized_at": old.finalized_at.isoformat() if old.finalized_at else None,
    }


def _stamp(info: ApplicationInfo) -> tuple[int, int, int, int, int, int]:
    when = info.finalized_at or info.updated_at
    if not isinstance(when, dt.datetime):
        return ZIP_EPOCH
    return (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)


def _exporters() -> dict[str, Callable[[Document, ApplicationInfo, Path], None]]:
    from export.package.renderers import application_pdf, summary_pdf, workbook

    return {"application_pdf": application_pdf, "summary_pdf": summary_pdf, "workbook": workbook}


def attachment_names(rows) -> list[str]:
    """The names of the attachment files inside a package, in the order of their rows (`verify` derives the same
    names from the `.kkk.json`)."""
    used: list[str] = []
    for i, row in enumerate(rows, start=1):
        name = f"zalaczniki/{i:02d}_{safe_file_name(row.get('file_name') or row.get('title') or 'zalacznik')}"
        while name in used:
            name = name.replace(".", "_1.", 1)
        used.append(name)
    return used


def _write_files(
    doc: Document,
    info: ApplicationInfo,
    folder: Path,
    base: str,
    corrects: tuple[Document, ApplicationInfo] | None = None,
) -> list[Entry]:
    from export import kkk_json
    from export.package.renderers import changes_pdf

    folder.mkdir(parents=True, exist_ok=True)
    planned: list[tuple[str, str]] = [
        (f"{base}_wniosek.pdf", "application_pdf"),
        (f"{base}_podsumowanie.pdf", "summary_pdf"),
        (f"{base}_dane.xlsx", "workbook"),
    ]
    old_info = corrects[1] if corrects is not None else None
    exporters = _exporters()
    for name, role in planned:
        exporters[role](doc, info, folder / name, corrects=old_info)
    if corrects is not None:
        changes_pdf(corrects[0], corrects[1], doc, info, folder / f"{base}_zmiany.pdf")
        planned.append((f"{base}_zmiany.pdf", "changes_pdf"))
    kkk_json.write(doc, folder / f"{base}.kkk.json", application=application_block(doc, info, old_info))
    planned.append((f"{base}.kkk.json", "data"))
    rows = list(_attachment_rows(doc))
    for row, name in zip(rows, attachment_names(rows), strict=True):
        content = doc.files.get(row.get("sha256") or "")
        if content is None:
            raise PackageError(f"brak pliku załącznika „{row.get('file_name') or row.get('title')}” w bazie")
        target = folder / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(content)
        planned.append((name, "attachment"))
    return [Entry(name, (folder / name).stat().st_size, sha256_file(folder / name), role) for name, role in planned]


def _attachment_rows(doc: Document):
    for key, table in doc.definition.tables.items():
        if table.has_column("sha256"):
            yield from doc.tables.get(key, [])


def _meta(
    doc: Document, info: ApplicationInfo, draft: bool, part: tuple[int, int] | None, corrects: ApplicationInfo | None
) -> dict:
    checksum = doc.checksum()
    meta = {
        "application": {"id": info.id, **application_block(doc, info, corrects)},
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


def _finish(folder: Path, entries: list[Entry], meta: dict, stamp) -> tuple[Path, int]:
    """The manifest, the checksum file and the ZIP; returns the ZIP and the size of the two small files."""
    manifest, sums = manifest_bytes(meta, entries), sums_bytes(entries)
    (folder / MANIFEST).write_bytes(manifest)
    (folder / SUMS).write_bytes(sums)
    zip_path = folder.with_suffix(".zip")
    _zip(folder, zip_path, [e.name for e in entries] + [MANIFEST, SUMS], stamp)
    return zip_path, len(manifest) + len(sums)


def split_entries(entries: list[Entry], limit: int, extras: int = 0) -> list[list[Entry]]:
    """Parts whose e-mails (attachments base64-encoded, with headers and body) each stay within `limit`."""
    return split_by_message_size(entries, limit, extras)


def build_package(
    repo: Repository,
    app_id: int,
    outdir: Path,
    *,
    allow_draft: bool = False,
    limit_mb: float = DEFAULT_LIMIT_MB,
    split: bool = False,
) -> PackageResult:
    from export.signing.package import latest_signed

    info = repo.info(app_id)
    corrects = None
    if is_correction(info):
        corrects = (repo.load(info.parent_id), repo.info(info.parent_id))
    signed = latest_signed(repo, app_id) if info.is_final else None
    return build_package_from(
        repo.load(app_id),
        info,
        outdir,
        allow_draft=allow_draft,
        limit_mb=limit_mb,
        split=split,
        corrects=corrects,
        signed=signed,
    )


def build_package_from(
    doc: Document,
    info: ApplicationInfo,
    outdir: Path,
    *,
    allow_draft: bool = False,
    limit_mb: float = DEFAULT_LIMIT_MB,
    split: bool = False,
    corrects: tuple[Document, ApplicationInfo] | None = None,
    signed: Any = None,
) -> PackageResult:
    """The package of an application already loaded (no database access: safe in a worker thread). A korekta
    passes the version it corrects (`corrects`): its package then carries the changes PDF and refers to it. A
    signed application (`signed`, export.signing.package.latest_signed) goes in as the signed file: a PAdES PDF
    replaces the unsigned one, a XAdES file joins it; the manifest describes it for `verify`."""
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
    old_info = corrects[1] if corrects is not None else None
    with tempfile.TemporaryDirectory(dir=outdir, prefix=".klaster-") as tmp:
        staging = Path(tmp) / base
        entries = _write_files(doc, info, staging, base, corrects)
        signed_meta: dict = {}
        if signed is not None and not draft:
            from export.signing.package import include_signed
            from export.signing.result import SignedFileError

            try:
                entries, signed_meta = include_signed(staging, entries, signed)
            except SignedFileError as exc:
                raise PackageError(str(exc)) from None
        staging.replace(folder)
    zip_path, extras = _finish(folder, entries, {**_meta(doc, info, draft, None, old_info), **signed_meta}, stamp)
    limit = int(limit_mb * 1024 * 1024)
    changes = next((e.name for e in entries if e.role == "changes_pdf"), "")
    result = PackageResult(folder, zip_path, entries, doc.checksum(), draft, limit, [], old_info, changes, extras)
    result.signed = signed if signed_meta else None
    if split and result.over_limit:
        result.parts = _split(folder, entries, doc, info, draft, limit, stamp, extras, old_info, signed_meta)
    return result


def _split(
    folder: Path,
    entries: list[Entry],
    doc: Document,
    info: ApplicationInfo,
    draft: bool,
    limit: int,
    stamp,
    extras: int,
    corrects: ApplicationInfo | None,
    signed_meta: dict | None = None,
) -> list[Part]:
    """Numbered parts, each a folder and a ZIP with its own manifest, each e-mail within `limit`. A file that
    alone makes a message larger than the limit is named: it cannot go by this mail at all."""
    from forms.fmt import format_megabytes

    big = too_large(entries, limit, extras)
    if big:
        shown = ", ".join(f"{e.name} ({format_megabytes(message_size([e], extras))} jako e-mail)" for e in big[:5])
        alone = "sam plik" if len(big) == 1 else "same pliki"
        exceeds = "przekracza" if len(big) == 1 else "przekraczają"
        which = "ten plik" if len(big) == 1 else "te pliki"
        raise PackageError(
            f"nie da się podzielić pakietu na wiadomości do {format_megabytes(limit)}: {alone} {shown} {exceeds} "
            f"limit; zwiększ limit (--limit-mb) albo wyślij {which} inną drogą"
        )
    groups = split_entries(entries, limit, extras)
    parts = []
    for number, group in enumerate(groups, start=1):
        part_folder = folder.parent / f"{folder.name}_czesc_{number}_z_{len(groups)}"
        if part_folder.exists():
            shutil.rmtree(part_folder)
        for entry in group:
            target = part_folder / entry.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / entry.name, target)
        meta = _meta(doc, info, draft, (number, len(groups)), corrects)
        if signed_meta and any(e.name == signed_meta["signed"]["file"] for e in group):
            meta.update(signed_meta)  # the part that carries the signed file describes it
        zip_path, part_extras = _finish(part_folder, group, meta, stamp)
        parts.append(Part(number, len(groups), part_folder, zip_path, group, part_extras))
    return parts


def open_problems(doc: Document) -> int:
    return sum(p.is_error for p in check_document(doc))
