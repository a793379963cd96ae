"""A package opened read-only and confined to itself: the one place that decides which files of a package folder
or ZIP count, and how much may be read from it.

Only regular files inside the package count. A symlink (or Windows reparse point), a FIFO, a device or a socket
in a folder, and in a ZIP a member with an absolute path, a `..` component, a symlink or special-file mode, an
encrypted member or a name given twice, is never followed or read: it is refused and reported, with its name.
Hard links are accepted: their bytes are inside the package (copying or zipping the folder takes them), and
reading them discloses nothing that the one who made the link could not read already.

Every read is bounded: a cap per file and a total budget for the whole verification (a ZIP bomb of many members
each under the cap stops at the budget), and a damaged ZIP member (CRC, truncated, bad compressed data) is named.
JSON inside a package (the manifest, the `.kkk.json`) is read with `load_json`: size, nesting depth and duplicate
keys checked, one Polish message naming what is wrong.
"""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forms import limits
from forms.fmt import format_int, format_megabytes, plural, quote_value

MAX_MEMBER_BYTES = 512 * 1024 * 1024  # one file of a package, as read (decompressed)
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # everything one verification reads, all files together
MAX_ENTRIES = 10_000  # files and folders in a package folder, members in a ZIP
MAX_JSON_DEPTH = limits.MAX_JSON_DEPTH  # nesting of objects and arrays in a manifest (the format needs 3)
CHUNK = 1 << 20

_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Budget:
    """How much a verification may read: per file, in total, and how many entries a package may have."""

    member_bytes: int = MAX_MEMBER_BYTES
    total_bytes: int = MAX_TOTAL_BYTES
    entries: int = MAX_ENTRIES


DEFAULT_BUDGET = Budget()


class PackageError(Exception):
    """The package as a whole cannot be read (not a ZIP, damaged central directory, too many entries)."""


class MemberError(Exception):
    """One file of the package cannot be read; the message is Polish, without the name."""


class BudgetExceeded(MemberError):
    """The total budget is spent: nothing more is read from this package."""


def entries_text(n: int) -> str:
    """`1 pozycja`, `3 pozycje`, `10 000 pozycji`."""
    return format_int(n) + plural(n, "pozycja", "pozycje", "pozycji")[len(str(n)) :]


def _size(size: int) -> str:
    return format_megabytes(size) if size >= 1024 * 1024 else f"{format_int(size)} B"


def shown(text: str, limit: int = 100) -> str:
    """A name for a one-line message, unquoted: the escapes and shortening of `quote_value`, the one rule."""
    return quote_value(text, limit)[1:-1]


def path_problem(name: str) -> str | None:
    """Why `name` cannot be a path inside a package (forward slashes, relative, no `..`), or None."""
    if not name:
        return "pusta nazwa pliku"
    if any(not ch.isprintable() or 0xD800 <= ord(ch) <= 0xDFFF for ch in name):
        return "nazwa zawiera znaki sterujące albo niepoprawne"
    if "\\" in name:
        return "nazwa zawiera ukośnik wsteczny „\\”"
    if name.startswith("/") or _DRIVE.match(name):
        return "ścieżka bezwzględna, wychodzi poza pakiet"
    parts = name.split("/")
    if ".." in parts:
        return "ścieżka z „..”, wychodzi poza pakiet"
    if any(part in ("", ".") for part in parts):
        return "niepoprawna ścieżka (pusty człon albo „.”)"
    return None


@dataclass
class PackageSource:
    """The regular files of a package, by their names inside it. `problems` holds one line per refused entry
    (`name: why`); `refused` the names (and folders) so refused, which are not reported again as missing."""

    path: Path
    budget: Budget
    names: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    spent: int = 0

    def is_refused(self, name: str) -> bool:
        parts = name.split("/")
        return any("/".join(parts[:i]) in self.refused for i in range(1, len(parts) + 1))

    def refuse(self, name: str, why: str) -> None:
        self.refused.add(name)
        self.problems.append(f"{shown(name)}: {why}")

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The bytes of one accepted file; `MemberError` when it is too large, damaged or changed."""
        cap = min(self.budget.member_bytes, limit) if limit is not None else self.budget.member_bytes
        return self._read(name, cap)

    def _spend(self, size: int) -> None:
        self.spent += size
        if self.spent > self.budget.total_bytes:
            raise BudgetExceeded(
                f"przekroczony łączny limit odczytu pakietu ({_size(self.budget.total_bytes)}); "
                "dalszych plików nie sprawdzono"
            )

    def _too_large(self, size: int | None, cap: int) -> MemberError:
        """`size` None: found while reading, more than its header or `stat` said."""
        if size is None:
            return MemberError(f"plik ma ponad {_size(cap)}, najwyżej {_size(cap)}")
        shown_size, shown_cap = _size(size), _size(cap)
        if shown_size == shown_cap:  # just above the cap: in bytes, or the two would read alike
            shown_size, shown_cap = f"{format_int(size)} B", f"{format_int(cap)} B"
        return MemberError(f"plik ma {shown_size}, najwyżej {shown_cap}")

    def _drain(self, stream: Any, cap: int) -> bytes:
        """All of `stream`, counted against `cap` and the total budget as it comes (headers may lie)."""
        chunks, size = [], 0
        while chunk := stream.read(min(CHUNK, cap + 1 - size)):
            size += len(chunk)
            self._spend(len(chunk))
            if size > cap:
                raise self._too_large(None, cap)
            chunks.append(chunk)
        return b"".join(chunks)

    def _read(self, name: str, cap: int) -> bytes:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> PackageSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def path_stat(path: Path, error: type[Exception] = PackageError) -> os.stat_result:
    """`os.stat` of a package path given by the user, or `error` with a Polish line saying why not."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise error(f"{shown(str(path))}: nie ma takiego pliku ani folderu") from None
    except OSError as exc:
        raise error(f"{shown(str(path))}: nie można odczytać ({exc.strerror})") from None


def open_package(path: Path, budget: Budget = DEFAULT_BUDGET) -> PackageSource:
    """The package at `path` (a folder or a ZIP file), confined; `PackageError` when it cannot be read at all.
    `path` itself may be a symlink: it is the user's own choice; nothing inside the package is followed."""
    path = Path(path)
    st = path_stat(path)
    if stat.S_ISDIR(st.st_mode):
        return _FolderSource(path, budget)
    if stat.S_ISREG(st.st_mode):
        return _ZipSource(path, budget)
    raise PackageError(f"{shown(path.name)}: to nie jest zwykły plik ani folder (plik specjalny), nie odczytano")


class _FolderSource(PackageSource):
    def __init__(self, path: Path, budget: Budget) -> None:
        super().__init__(path, budget)
        self._identity: dict[str, tuple[int, int]] = {}
        self._walk()

    def _walk(self) -> None:
        seen = 0
        pending = [("", str(self.path))]
        while pending:
            prefix, folder = pending.pop()
            try:
                with os.scandir(folder) as entries:
                    listing = sorted((e.name, e.path) for e in entries)
            except OSError as exc:
                self.refuse(prefix.rstrip("/") or ".", f"nie można odczytać folderu ({exc.strerror})")
                continue
            for entry_name, full in listing:
                seen += 1
                if seen > self.budget.entries:
                    raise PackageError(
                        f"{shown(self.path.name)}: folder ma więcej niż {entries_text(self.budget.entries)} "
                        "(plików i folderów), to nie jest pakiet"
                    )
                name = prefix + entry_name
                try:
                    st = os.lstat(full)  # not DirEntry.stat: on Windows it carries no file identity
                except OSError as exc:
                    self.refuse(name, f"nie można odczytać ({exc.strerror})")
                    continue
                if stat.S_ISLNK(st.st_mode) or getattr(st, "st_file_attributes", 0) & _REPARSE_POINT:
                    self.refuse(name, f"dowiązanie symboliczne{_target(full)}: nie jest częścią pakietu, pominięto")
                elif stat.S_ISDIR(st.st_mode):
                    pending.append((name + "/", full))
                elif not stat.S_ISREG(st.st_mode):
                    self.refuse(name, f"{_special_kind(st.st_mode)}, nie jest częścią pakietu, pominięto")
                elif why := path_problem(name):
                    self.refuse(name, why)
                else:
                    self.names.add(name)
                    self._identity[name] = (st.st_dev, st.st_ino)

    def _read(self, name: str, cap: int) -> bytes:
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path / name, flags)
        except OSError as exc:
            raise MemberError(f"nie można odczytać pliku ({exc.strerror})") from None
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fd)
            identity = self._identity.get(name)
            # The file opened must be the regular file seen in the walk: a folder swapped for a symlink since
            # then leads elsewhere, and that file has another identity.
            if not stat.S_ISREG(st.st_mode) or (identity and identity[1] and identity != (st.st_dev, st.st_ino)):
                raise MemberError("plik zmienił się w trakcie sprawdzania (podmieniony), nie odczytano")
            if st.st_size > cap:
                raise self._too_large(st.st_size, cap)
            try:
                return self._drain(fh, cap)
            except OSError as exc:
                raise MemberError(f"nie można odczytać pliku ({exc.strerror})") from None


def _target(path: str) -> str:
    try:
        return f" (-> {shown(os.readlink(path), 160)})"
    except (OSError, ValueError):
        return ""


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "potok FIFO"
    if stat.S_ISSOCK(mode):
        return "gniazdo (socket)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "plik urządzenia"
    return "plik specjalny"


class _ZipSource(PackageSource):
    def __init__(self, path: Path, budget: Budget) -> None:
        super().__init__(path, budget)
        try:
            self.zip = zipfile.ZipFile(path)
        except Exception as exc:  # noqa: BLE001 - any failure to read the central directory is a damaged archive
            raise PackageError(_unreadable_zip(path, exc)) from None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        try:
            self._scan()
        except PackageError:
            self.zip.close()
            raise

    def _scan(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > self.budget.entries:
            raise PackageError(
                f"{shown(self.path.name)}: archiwum ma {entries_text(len(infos))}, "
                f"najwyżej {format_int(self.budget.entries)}, to nie jest pakiet"
            )
        counts = Counter(info.filename.rstrip("/") for info in infos)
        folded = Counter(name.casefold() for name in counts)
        accepted: dict[str, zipfile.ZipInfo] = {}
        refused: list[tuple[str, str]] = []
        ambiguous: set[str] = set()
        for info in infos:
            raw = info.filename
            why = _member_problem(info)
            if why is None and (counts[raw.rstrip("/")] > 1 or folded[raw.rstrip("/").casefold()] > 1):
                if raw.rstrip("/") in ambiguous:
                    continue
                ambiguous.add(raw.rstrip("/"))
                times = counts[raw.rstrip("/")]
                why = (
                    f"nazwa występuje w archiwum {times} razy, niejednoznaczne, pominięto"
                    if times > 1
                    else "nazwa różni się od innej w archiwum tylko wielkością liter, niejednoznaczne, pominięto"
                )
            if why is not None:
                refused.append((raw.rstrip("/") or raw, why))
            elif not info.is_dir():
                accepted[raw] = info
        prefix = _common_prefix(list(accepted))
        for name, info in accepted.items():
            self.names.add(name[len(prefix) :])
            self._infos[name[len(prefix) :]] = info
        for name, why in refused:
            self.refuse(name[len(prefix) :] if prefix and name.startswith(prefix) else name, why)

    def _read(self, name: str, cap: int) -> bytes:
        info = self._infos[name]
        if info.file_size > cap:
            raise self._too_large(info.file_size, cap)
        try:
            with self.zip.open(info) as member:
                return self._drain(member, cap)
        except MemberError:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a damaged member raises, it is named, not a crash
            raise MemberError(_damaged_member(exc)) from None

    def close(self) -> None:
        self.zip.close()


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    why = path_problem(info.filename.rstrip("/") if info.is_dir() else info.filename)
    if why:
        return why
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return "dowiązanie symboliczne w archiwum, nie jest częścią pakietu, pominięto"
    if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
        return f"{_special_kind(info.external_attr >> 16)} w archiwum, nie jest częścią pakietu, pominięto"
    if info.flag_bits & 0x1:
        return "plik w archiwum jest zaszyfrowany, nie odczytano"
    return None


def _common_prefix(names: list[str]) -> str:
    """A ZIP may hold the package inside one top folder; names are then taken relative to it."""
    if names and all("/" in n for n in names):
        top = {n.split("/", 1)[0] for n in names}
        if len(top) == 1:
            return top.pop() + "/"
    return ""


def _unreadable_zip(path: Path, exc: Exception) -> str:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as err:
        return f"{shown(path.name)}: nie można odczytać pliku ({err.strerror})"
    if head == b"PK\x03\x04" or isinstance(exc, zipfile.LargeZipFile):
        return f"{shown(path.name)}: archiwum ZIP jest uszkodzone albo ucięte (brak spisu zawartości na końcu pliku)"
    return f"{shown(path.name)}: to nie jest plik ZIP ani folder pakietu"


def _damaged_member(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, zipfile.BadZipFile) and "CRC" in text:
        return "plik w archiwum jest uszkodzony (suma CRC-32 się nie zgadza)"
    if isinstance(exc, EOFError) or "Truncated" in text:
        return "plik w archiwum jest ucięty (dane kończą się przedwcześnie)"
    if isinstance(exc, zipfile.BadZipFile):
        return "nagłówek pliku w archiwum jest uszkodzony"
    if isinstance(exc, NotImplementedError):
        return "nieobsługiwana metoda kompresji, nie odczytano"
    if isinstance(exc, zlib.error | OSError | ValueError):
        return "dane skompresowane pliku w archiwum są uszkodzone"
    return f"nie można rozpakować pliku ({exc.__class__.__name__})"


# JSON inside a package -----------------------------------------------------------------------------------------
class JsonProblem(ValueError):
    """What is wrong with a JSON file of a package (Polish, one line)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonProblem(f"klucz {quote_value(key)} powtarza się w jednym obiekcie")
        result[key] = value
    return result


def load_json(data: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse UTF-8 JSON strictly: no duplicate keys, no nesting deeper than `max_depth`, no NaN or Infinity."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JsonProblem("plik nie jest tekstem UTF-8") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"niepoprawny JSON w wierszu {exc.lineno}, kolumnie {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise JsonProblem(f"zagnieżdżenie głębsze niż {plural(max_depth, 'poziom', 'poziomy', 'poziomów')}") from None
    except JsonProblem:
        raise
    except ValueError as exc:
        if "digits" in str(exc):  # Python refuses to read an integer of more than 4300 digits
            raise JsonProblem("liczba o zbyt wielu cyfrach (najwyżej 4300)") from None
        raise JsonProblem(f"niepoprawna wartość ({shown(str(exc), 80)})") from None
    if _depth(value) > max_depth:
        raise JsonProblem(f"zagnieżdżenie głębsze niż {plural(max_depth, 'poziom', 'poziomy', 'poziomów')}")
    return value


def _refuse_constant(name: str) -> Any:
    raise JsonProblem(f"niedozwolona wartość {name}")


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
