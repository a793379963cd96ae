"""Verifying a package (folder or ZIP) as the receiving side would: every file's SHA-256 against the manifest,
the application checksum recomputed from the `.kkk.json`, and the checksum printed on every page of the PDFs.

What counts as a file of the package, and how much may be read, is decided in `confine` (regular files only,
nothing followed out of the package, a budget per file and in total); the manifest is checked here, key by key,
before anything is read on its word."""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from export.package import confine
from export.package.confine import Budget, BudgetExceeded, JsonProblem, MemberError, PackageError, shown
from export.package.manifest import FORMAT, MANIFEST, SUMS
from forms.document import group_checksum
from forms.fmt import quote_value

MAX_MANIFEST_BYTES = 8 * 1024 * 1024
FORMAT_VERSION = 1
ROLES = ("application_pdf", "summary_pdf", "workbook", "data", "attachment")
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass
class VerifyReport:
    source: str
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


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
        shown_pages = ", ".join(map(str, missing[:10])) + ("…" if len(missing) > 10 else "")
        report.problems.append(
            f"{name}: suma kontrolna {short} nie jest wydrukowana na stronach {shown_pages} (stron: {len(pages)})"
        )
    else:
        report.checked.append(f"{name}: suma kontrolna {short} na każdej z {len(pages)} stron")


# The manifest, key by key --------------------------------------------------------------------------------------
def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "wartość logiczna"
    if isinstance(value, int):
        return "liczba całkowita"
    if isinstance(value, float):
        return "liczba"
    if isinstance(value, str):
        return f"tekst {quote_value(value, 40)}"
    return {dict: "obiekt", list: "lista", type(None): "null"}.get(type(value), type(value).__name__)


def _int_text(value: int) -> str:
    return str(value) if value.bit_length() < 64 else quote_value(value, 20)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _top_problems(manifest: Any) -> list[str]:
    """What makes the manifest as a whole unusable; files are checked one by one afterwards."""
    if not isinstance(manifest, dict):
        return [f"powinien być obiektem JSON, jest: {_kind(manifest)}"]
    if manifest.get("format") != FORMAT:
        return ["to nie jest manifest pakietu Klaster"]
    problems = []
    missing = [key for key in ("format_version", "checksum", "files") if key not in manifest]
    problems += [f"brak klucza „{key}”" for key in missing]
    version = manifest.get("format_version", FORMAT_VERSION)
    if not _is_int(version):
        problems.append(f"format_version: powinien być liczbą całkowitą, jest: {_kind(version)}")
    elif version != FORMAT_VERSION:
        problems.append(f"format_version: wersja {_int_text(version)} nie jest obsługiwana (ten program zna wersję 1)")
    checksum = manifest.get("checksum", "0" * 64)
    if not isinstance(checksum, str) or not _HEX64.fullmatch(checksum):
        problems.append(f"checksum: powinna być tekstem z 64 cyframi szesnastkowymi, jest: {_kind(checksum)}")
    files = manifest.get("files", [])
    if not isinstance(files, list):
        problems.append(f"files: powinna być listą, jest: {_kind(files)}")
    elif len(files) > confine.MAX_ENTRIES:
        problems.append(f"files: {confine.entries_text(len(files))}, najwyżej {confine.MAX_ENTRIES}")
    part = manifest.get("part")
    if part is not None and not (
        isinstance(part, dict)
        and _is_int(part.get("number"))
        and _is_int(part.get("count"))
        and 1 <= part["number"] <= part["count"]
    ):
        problems.append("part: powinna być obiektem z liczbami „number” i „count” (1 ≤ number ≤ count)")
    if "draft" in manifest and not isinstance(manifest["draft"], bool):
        problems.append(f"draft: powinna być wartością logiczną, jest: {_kind(manifest['draft'])}")
    return problems


def _entry_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return f"powinna być obiektem, jest: {_kind(entry)}"
    for key in ("name", "sha256", "size", "role"):
        if key not in entry:
            return f"brak klucza „{key}”"
    name, digest, size, role = entry["name"], entry["sha256"], entry["size"], entry["role"]
    if not isinstance(name, str):
        return f"name: powinna być tekstem, jest: {_kind(name)}"
    if why := confine.path_problem(name):
        return f"name {quote_value(name)}: {why}"
    if name in (MANIFEST, SUMS):
        return f"name „{name}”: manifest nie wymienia sam siebie ani pliku {SUMS}"
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        return f"sha256: powinna być tekstem z 64 cyframi szesnastkowymi, jest: {_kind(digest)}"
    if not _is_int(size) or size < 0:
        return f"size: powinien być nieujemną liczbą całkowitą, jest: {_kind(size)}"
    if not isinstance(role, str):
        return f"role: powinna być tekstem, jest: {_kind(role)}"
    return None


def _listed_files(manifest: dict, report: VerifyReport) -> tuple[dict[str, dict], set[str]]:
    """The well-formed entries by name, and every name the manifest mentions (well-formed or not)."""
    listed: dict[str, dict] = {}
    names = [e.get("name") if isinstance(e, dict) else None for e in manifest["files"]]
    mentioned = {name for name in names if isinstance(name, str)}
    counts = Counter(name for name in names if isinstance(name, str))
    for i, entry in enumerate(manifest["files"]):
        if why := _entry_problem(entry):
            report.problems.append(f"{MANIFEST}: files[{i}]: {why}")
        elif counts[entry["name"]] > 1:
            if entry["name"] not in listed:
                report.problems.append(
                    f"{MANIFEST}: files[{i}]: plik {entry['name']} wymieniony {counts[entry['name']]} razy"
                )
            listed[entry["name"]] = {}
        else:
            listed[entry["name"]] = entry
    return {name: entry for name, entry in listed.items() if entry}, mentioned


# Verification --------------------------------------------------------------------------------------------------
def verify_package(path: Path, budget: Budget | None = None) -> VerifyReport:
    path = Path(path)
    report = VerifyReport(shown(path.name))
    try:
        source = confine.open_package(path, budget or confine.DEFAULT_BUDGET)
    except PackageError as exc:
        report.problems.append(str(exc))
        return report
    with source:
        report.problems += source.problems
        _verify(source, report)
    return report


def _verify(source: confine.PackageSource, report: VerifyReport) -> None:
    if MANIFEST not in source.names:
        if not source.is_refused(MANIFEST):
            report.problems.append(f"brak pliku {MANIFEST}")
        return
    try:
        manifest = confine.load_json(source.read(MANIFEST, limit=MAX_MANIFEST_BYTES))
    except (MemberError, JsonProblem) as exc:
        report.problems.append(f"{MANIFEST}: {exc}")
        return
    top = _top_problems(manifest)
    if top:
        report.problems += [f"{MANIFEST}: {line}" for line in top]
        return
    checksum = manifest["checksum"].lower()
    listed, mentioned = _listed_files(manifest, report)
    for name, entry in listed.items():
        if name not in source.names:
            if not source.is_refused(name):
                report.problems.append(f"{name}: brak pliku wymienionego w manifeście")
            continue
        try:
            data = source.read(name, limit=_data_limit() if entry["role"] == "data" else None)
        except BudgetExceeded as exc:
            report.problems.append(f"{name}: {exc}")
            break
        except MemberError as exc:
            report.problems.append(f"{name}: {exc}")
            continue
        if hashlib.sha256(data).hexdigest() != entry["sha256"].lower():
            report.problems.append(f"{name}: suma SHA-256 nie zgadza się z manifestem (plik zmieniono)")
            continue
        if len(data) != entry["size"]:
            report.problems.append(
                f"{name}: rozmiar {len(data)} B nie zgadza się z manifestem ({_int_text(entry['size'])} B)"
            )
            continue
        report.checked.append(f"{name}: SHA-256 zgodna")
        if entry["role"] == "data":
            _check_data(name, data, checksum, report)
        elif entry["role"] in ("application_pdf", "summary_pdf"):
            _check_pdf(name, data, checksum, report)
    for name in sorted(source.names):
        if name not in mentioned and name not in (MANIFEST, SUMS):
            report.problems.append(f"{shown(name)}: plik spoza manifestu")
    if not any(f["role"] == "data" for f in listed.values()) and not manifest.get("part"):
        report.problems.append("w pakiecie brak pliku .kkk.json z danymi wniosku")


def _data_limit() -> int:
    from export import kkk_json

    return kkk_json.MAX_FILE_BYTES


def _check_data(name: str, data: bytes, checksum: str, report: VerifyReport) -> None:
    """The `.kkk.json` read through the same door as `import` (its limits, exact numbers, duplicate keys)."""
    from export import kkk_json

    try:
        doc = kkk_json.from_dict(kkk_json.loads(data.decode("utf-8-sig"), name), name)
        recomputed = doc.checksum()
    except UnicodeDecodeError:
        report.problems.append(f"{name}: plik nie jest tekstem UTF-8")
        return
    except kkk_json.KkkFileError as exc:
        report.problems.append(shown(str(exc), 400))
        return
    except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, RecursionError) as exc:
        # a structure the reader did not expect: named, never a crash
        report.problems.append(f"{name}: plik danych nie daje się odczytać ({exc.__class__.__name__})")
        return
    if recomputed != checksum:
        report.problems.append(f"{name}: suma kontrolna danych różni się od sumy w manifeście")
    else:
        report.checked.append(f"{name}: suma kontrolna danych {group_checksum(checksum)} zgodna")
