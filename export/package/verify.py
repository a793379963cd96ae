"""Verifying a package (folder or ZIP) as the receiving side would: every file's SHA-256 against the manifest and
against `SUMY_KONTROLNE.txt`, the application checksum recomputed from the `.kkk.json`, and the files tied to each
other: each PDF's checksum, state and uuid (metadata and page text), the workbook's document properties and the
attachments' hashes must match the `.kkk.json`, so that a file swapped in with an edited manifest is still caught.
A draft package is reported as such (and refused unless asked for); the application checked is named.

What counts as a file of the package, and how much may be read, is decided in `confine` (regular files only,
nothing followed out of the package, a budget per file and in total); the manifest is checked here, key by key,
before anything is read on its word."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from export.package import confine
from export.package.confine import Budget, BudgetExceeded, JsonProblem, MemberError, PackageError, shown
from export.package.manifest import FORMAT, MANIFEST, SUMS
from forms.document import group_checksum
from forms.fmt import plural, quote_value

MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_SUMS_BYTES = 2 * 1024 * 1024
FORMAT_VERSION = 1
ROLES = ("application_pdf", "summary_pdf", "changes_pdf", "workbook", "data", "attachment", "signature")
PDF_ROLES = ("application_pdf", "summary_pdf", "changes_pdf")
DRAFT_MARK = "WERSJA ROBOCZA"
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_PART = re.compile(r"_czesc_\d+_z_\d+$")
STATE_WORDS = {"final": "sfinalizowany", "draft": "roboczy"}


class NotAPackage(Exception):
    """The path given is not a package nor a folder holding one (exit 2); the message is Polish, one line."""


@dataclass
class VerifyReport:
    source: str
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    application: dict[str, Any] | None = None  # the manifest's `application`, once its shape is checked
    checksum: str = ""
    draft: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def subject(self) -> str:
        """`Sprawdzono: wniosek „…” (nr …, uuid …), runda …, nadanie, wersja 1, sfinalizowany 01.12.2026 10:15, suma
        kontrolna 275c-8348-ee26-ff19`: which application the verdict is about (the values as the manifest
        states them, quoted and shortened)."""
        app = self.application or {}

        def text(key: str, limit: int = 80) -> str:
            value = app.get(key)
            return shown(str(value), limit) if value not in (None, "") else "?"

        state = STATE_WORDS.get(str(app.get("state")), text("state"))
        when = _when(app.get("finalized_at"))
        if when and app.get("state") == "final":
            state += f" {when}"
        parts = [
            f"wniosek {quote_value(str(app.get('name') or '?'), 100)} "
            f"(nr {text('number', 20)}, uuid {text('uuid', 40)})",
            f"runda {text('form', 40)}",
            text("kind", 20),
            f"wersja {text('version', 10)}",
            state,
        ]
        corrects = app.get("corrects")
        if isinstance(corrects, dict):
            parts.append(
                f"korekta wersji {shown(str(corrects.get('version', '?')), 10)} "
                f"(suma kontrolna {group_checksum(str(corrects.get('checksum') or ''))})"
            )
        if self.checksum:
            parts.append(f"suma kontrolna {group_checksum(self.checksum)} ({self.checksum})")
        return "Sprawdzono: " + ", ".join(parts)


def _when(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return shown(value, 30)
    return moment.strftime("%d.%m.%Y %H:%M")


def locate(path: Path) -> list[Path]:
    """The package(s) to check at `path`: the path itself when it is a package (a folder with a manifest, a ZIP),
    or, for the folder given to `package`, the one package in it (its ZIP, and the ZIPs of its parts when it was
    split). `NotAPackage` when the path does not exist, is not a package, or holds several packages."""
    path = Path(path)
    st = confine.path_stat(path, NotAPackage)
    if stat.S_ISREG(st.st_mode):
        try:
            with open(path, "rb") as fh:
                head = fh.read(4)
        except OSError as exc:
            raise NotAPackage(f"{shown(path.name)}: nie można odczytać pliku ({exc.strerror})") from None
        if head[:2] != b"PK":
            raise NotAPackage(f"{shown(path.name)}: to nie jest plik ZIP ani folder pakietu")
        return [path]
    if not stat.S_ISDIR(st.st_mode):
        raise NotAPackage(f"{shown(path.name)}: to nie jest zwykły plik ani folder (plik specjalny), nie odczytano")
    if os.path.lexists(path / MANIFEST):
        return [path]
    groups: dict[str, dict[str, Path]] = {}
    try:
        children = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        raise NotAPackage(f"{shown(str(path))}: nie można odczytać folderu ({exc.strerror})") from None
    for entry in children:
        if entry.is_symlink():
            continue
        if entry.is_file() and entry.name.endswith(".zip"):
            stem = entry.name[:-4]
        elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, MANIFEST)):
            stem = entry.name
        else:
            continue
        base = _PART.sub("", stem)
        found = groups.setdefault(base, {})
        if entry.name.endswith(".zip") or stem not in found:  # the ZIP, as sent and archived, before its folder
            found[stem] = Path(entry.path)
    if not groups:
        raise NotAPackage(f"{shown(str(path))}: w folderze nie ma pakietu (pliku {MANIFEST} ani ZIP-u pakietu)")
    if len(groups) > 1:
        names = ", ".join(shown(name, 80) for name in sorted(groups))
        are = "są" if plural(len(groups), "", "_", "").endswith("_") else "jest"  # 2 pakiety są, 5 pakietów jest
        count = plural(len(groups), "pakiet", "pakiety", "pakietów")
        raise NotAPackage(f"{shown(str(path))}: w folderze {are} {count}: {names}; podaj jeden z nich")
    (found,) = groups.values()
    return [found[stem] for stem in sorted(found, key=lambda s: (s != _PART.sub("", s), _part_number(s)))]


def _part_number(stem: str) -> int:
    found = re.search(r"_czesc_(\d+)_z_", stem)
    return int(found.group(1)) if found else 0


def pdf_page_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


_KEYWORDS = re.compile(rb"/Keywords\s*\(((?:[^()\\]|\\.){0,2000})\)")


def pdf_keywords(data: bytes) -> dict[str, str]:
    """`uuid`, `stan`, `sha256`, `koryguje` … from the `Keywords` of a PDF written by Klaster (empty when none)."""
    found = _KEYWORDS.search(data)
    if not found:
        return {}
    text = found.group(1).decode("latin-1")
    return dict(item.strip().split(":", 1) for item in text.split(";") if ":" in item)


def _check_pdf(name: str, data: bytes, checksum: str, report: VerifyReport, role: str = "") -> None:
    try:
        pages = pdf_page_texts(data)
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is a finding, not a crash
        report.problems.append(f"{name}: nie można odczytać PDF ({exc.__class__.__name__})")
        return
    short = group_checksum(checksum)
    flat = [text.replace("\n", " ") for text in pages]
    missing = [i + 1 for i, text in enumerate(flat) if short not in text]
    if missing:
        shown_pages = ", ".join(map(str, missing[:10])) + ("…" if len(missing) > 10 else "")
        report.problems.append(
            f"{name}: suma kontrolna {short} nie jest wydrukowana na stronach {shown_pages} (stron: {len(pages)})"
        )
    else:
        where = "na jedynej stronie" if len(pages) == 1 else f"na każdej z {len(pages)} stron"
        report.checked.append(f"{name}: suma kontrolna {short} {where}")
    app = report.application or {}
    keys = pdf_keywords(data)
    found = []
    if keys.get("sha256") != checksum:
        found.append(f"suma kontrolna w metadanych {quote_value(keys.get('sha256', 'brak'), 20)} inna niż w manifeście")
    if app.get("uuid") and keys.get("uuid") != app.get("uuid"):
        found.append(f"identyfikator wniosku (uuid) w metadanych {quote_value(keys.get('uuid', 'brak'), 40)} inny")
    state = app.get("state")
    if state and keys.get("stan") != state:
        in_pdf = STATE_WORDS.get(keys.get("stan", ""), "brak")
        found.append(f"stan w metadanych: {in_pdf}, pakiet: {STATE_WORDS.get(state, state)}")
    drafty = [i + 1 for i, text in enumerate(flat) if DRAFT_MARK in text]
    if state == "final" and drafty:
        found.append(f"strony oznaczone „{DRAFT_MARK}” ({len(drafty)} z {len(pages)}): to wydruk wersji roboczej")
    number = app.get("number")
    if isinstance(number, str) and number and flat and number not in flat[0]:
        found.append(f"pierwsza strona nie podaje numeru wniosku {number}")
    corrects = app.get("corrects")
    if role == "changes_pdf" and isinstance(corrects, dict):
        expected = f"{corrects.get('uuid')}/{corrects.get('checksum')}"
        if keys.get("koryguje") != expected:
            found.append("zestawienie zmian dotyczy innej wersji niż ta, którą korekta zastępuje")
    if found:
        report.problems += [f"{name}: {line} (plik z innego wniosku, innej wersji albo podmieniony)" for line in found]
    else:
        report.checked.append(f"{name}: metadane i pierwsza strona zgodne z wnioskiem (uuid, stan, suma kontrolna)")


def _check_workbook(name: str, data: bytes, checksum: str, report: VerifyReport) -> None:
    from export.package.renderers import read_workbook_properties

    try:
        props = read_workbook_properties(data)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook is a finding
        report.problems.append(f"{name}: nie można odczytać właściwości skoroszytu ({exc.__class__.__name__})")
        return
    keys = dict(item.strip().split(":", 1) for item in props.get("keywords", "").split(";") if ":" in item)
    app = report.application or {}
    found = []
    if keys.get("sha256") != checksum:
        found.append("suma kontrolna we właściwościach skoroszytu inna niż w manifeście")
    if app.get("uuid") and props.get("identifier") != app.get("uuid"):
        found.append(f"identyfikator wniosku {quote_value(props.get('identifier', 'brak'), 40)} inny niż w manifeście")
    if app.get("state") and keys.get("stan") != app.get("state"):
        found.append(f"stan we właściwościach: {STATE_WORDS.get(keys.get('stan', ''), 'brak')}")
    if found:
        report.problems += [f"{name}: {line} (skoroszyt innego wniosku albo innej wersji)" for line in found]
    else:
        report.checked.append(f"{name}: właściwości skoroszytu zgodne z wnioskiem (uuid, stan, suma kontrolna)")


def _check_sums(source: confine.PackageSource, listed: dict[str, dict], report: VerifyReport) -> None:
    """`SUMY_KONTROLNE.txt` (the `sha256sum` file people check by hand) against the manifest, line by line."""
    if SUMS not in source.names:
        if not source.is_refused(SUMS):
            report.problems.append(f"brak pliku {SUMS}")
        return
    try:
        text = source.read(SUMS, limit=MAX_SUMS_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        report.problems.append(f"{SUMS}: plik nie jest tekstem UTF-8")
        return
    except MemberError as exc:
        report.problems.append(f"{SUMS}: {exc}")
        return
    sums: dict[str, str] = {}
    bad = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = re.fullmatch(r"([0-9a-fA-F]{64}) [ *](.+)", line)
        if not found:
            if line.strip():
                bad.append(number)
            continue
        sums[found.group(2)] = found.group(1).lower()
    problems = [f"{SUMS}: wiersz {n} nie ma postaci „<sha256>  <nazwa pliku>”" for n in bad[:5]]
    for name, entry in listed.items():
        if name not in sums:
            problems.append(f"{SUMS}: brak sumy pliku {shown(name)}")
        elif sums[name] != entry["sha256"].lower():
            problems.append(f"{SUMS}: suma pliku {shown(name)} różni się od manifestu (plik sum zmieniono)")
    problems += [f"{SUMS}: plik {shown(name)} spoza manifestu" for name in sorted(set(sums) - set(listed))[:10]]
    if problems:
        report.problems += problems
    else:
        report.checked.append(f"{SUMS}: sumy zgodne z manifestem ({len(sums)})")


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
    application = manifest.get("application")
    if application is not None and not isinstance(application, dict):
        problems.append(f"application: powinna być obiektem, jest: {_kind(application)}")
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
def verify_package(path: Path, budget: Budget | None = None, *, allow_draft: bool = False) -> VerifyReport:
    """One package (a folder or a ZIP). A draft package is a problem unless `allow_draft`."""
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
    if report.draft and not allow_draft:
        report.problems.append(
            "pakiet jest wersją roboczą (wniosek niesfinalizowany, oznaczony jako roboczy): nie jest do wysłania "
            "do ministerstwa; wersję roboczą sprawdza się z opcją --draft"
        )
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
    report.checksum = checksum
    application = manifest.get("application") or {}
    report.application = application
    report.draft = manifest.get("draft") is True or application.get("state", "final") != "final"
    listed, mentioned = _listed_files(manifest, report)
    _check_sums(source, listed, report)
    hashes: dict[str, str] = {}
    data_doc = None
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
        hashes[name] = entry["sha256"].lower()
        if entry["role"] == "data":
            data_doc = _check_data(name, data, checksum, report)
        elif entry["role"] in PDF_ROLES:
            _check_pdf(name, data, checksum, report, entry["role"])
        elif entry["role"] == "workbook":
            _check_workbook(name, data, checksum, report)
    for name in sorted(source.names):
        if name not in mentioned and name not in (MANIFEST, SUMS):
            report.problems.append(f"{shown(name)}: plik spoza manifestu")
    whole = not manifest.get("part")
    if not any(f["role"] == "data" for f in listed.values()) and whole:
        report.problems.append("w pakiecie brak pliku .kkk.json z danymi wniosku")
    if data_doc is not None:
        _check_attachments(data_doc, listed, hashes, report, whole)
    if "signed" in manifest:  # the signed application: checked again against the unsigned PDF and the data
        from export.signing.package import verify_signed

        def read(name: str) -> bytes:
            return source.read(name)

        try:
            signed_checked, signed_problems = verify_signed(manifest, read)
        except (BudgetExceeded, MemberError) as exc:
            signed_checked, signed_problems = [], [f"{manifest['signed'].get('file', '?')}: {exc}"]
        report.checked += signed_checked
        report.problems += signed_problems
    if whole and isinstance(application.get("corrects"), dict):
        if not any(f["role"] == "changes_pdf" for f in listed.values()):
            report.problems.append("pakiet korekty nie zawiera zestawienia zmian względem wersji, którą zastępuje")


def _data_limit() -> int:
    from export import kkk_json

    return kkk_json.MAX_FILE_BYTES


def _check_data(name: str, data: bytes, checksum: str, report: VerifyReport):
    """The `.kkk.json` read through the same door as `import` (its limits, exact numbers, duplicate keys); its
    `application` block must name the application the manifest names. Returns the document when readable."""
    from export import kkk_json

    try:
        raw = kkk_json.loads(data.decode("utf-8-sig"), name)
        doc = kkk_json.from_dict(raw, name)
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
    block = raw.get("application") if isinstance(raw, dict) else None
    app = report.application or {}
    if isinstance(block, dict) and app:
        differ = [key for key in ("uuid", "version", "state", "kind", "corrects") if block.get(key) != app.get(key)]
        if differ:
            report.problems.append(
                f"{name}: dane wniosku należą do innego wniosku albo innej wersji niż manifest ({', '.join(differ)})"
            )
    elif app.get("uuid"):
        report.problems.append(f"{name}: plik danych nie podaje, do którego wniosku należy (brak „application”)")
    return doc


def _check_attachments(doc, listed: dict[str, dict], hashes: dict[str, str], report: VerifyReport, whole: bool) -> None:
    """Every attachment file of the package is the file the `.kkk.json` holds under that name (its SHA-256 is in
    the data, which the checksum covers): a file swapped in with an updated manifest differs from it."""
    from export.package.builder import _attachment_rows, attachment_names

    rows = list(_attachment_rows(doc))
    names = attachment_names(rows)
    expected = {name: str(row.get("sha256") or "").lower() for row, name in zip(rows, names, strict=True)}
    problems = []
    for name, entry in listed.items():
        if entry["role"] != "attachment":
            continue
        if name not in expected:
            problems.append(f"{name}: nie jest załącznikiem wniosku (nie ma go w pliku .kkk.json)")
        elif name in hashes and hashes[name] != expected[name]:
            problems.append(
                f"{name}: treść różni się od załącznika zapisanego w pliku .kkk.json (plik podmieniono; "
                f"oczekiwana suma SHA-256 {expected[name][:16]}…)"
            )
    if whole:
        missing = [name for name in expected if name not in listed]
        problems += [f"{name}: brak załącznika wymienionego w pliku .kkk.json" for name in missing]
    if problems:
        report.problems += problems
    elif expected:
        report.checked.append(f"załączniki zgodne z plikiem .kkk.json: {len(expected)}")
