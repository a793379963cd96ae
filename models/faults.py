"""Every storage fault named: one place that turns what SQLite or the operating system raised into a Polish message.

SQLite reports a full disk, a read-only file, a lock held by another program and a damaged page with its own result
codes (`sqlite3.Error.sqlite_errorname`); peewee wraps them, and a failed `ROLLBACK` after SQLite has already undone
the transaction ("cannot rollback - no transaction is active") can hide the real cause. `classify` walks the whole
chain of an exception (`__cause__`, `__context__`, peewee's wrapped original) and names the most telling fault.

Every storage error is a `StorageError` with a one-line Polish message that names the file; the command line prints
it with exit code 2, the window shows it (and keeps the unsaved edits in memory).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class StorageError(Exception):
    """The database cannot be used as asked; the message is Polish, one line, and names the file."""


class DiskFull(StorageError):
    """No space left on the disk that holds the database (or its journal)."""


class ReadOnlyDatabase(StorageError):
    """The file or its folder cannot be written: the database can be read, not changed."""


class DatabaseLocked(StorageError):
    """Another program holds an SQLite lock on the file (a transaction that does not end)."""


class DatabaseDamaged(StorageError):
    """SQLite found damaged pages (`quick_check`), or the file is not a database at all."""


class DatabaseInUse(StorageError):
    """Another running Klaster program (a window) holds the database's lock file."""


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what caused it and what it interrupted, and the originals peewee wrapped (args[0])."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.append(item.__cause__)
        todo.append(item.__context__)
        if item.args and isinstance(item.args[0], BaseException):
            todo.append(item.args[0])


_KIND_ORDER = ("full", "readonly", "locked", "damaged", "notadb", "cantopen", "io", "other")


def _kind(exc: BaseException) -> str | None:
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "full"
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "readonly"
        return "io"
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return "full"
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or "read-only" in text:
        return "readonly"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "locked"
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return "damaged"
    if name.startswith("SQLITE_NOTADB") or "not a database" in text:
        return "notadb"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return "cantopen"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "io"
    if "no transaction is active" in text:
        return None  # a consequence (SQLite already undid the transaction), never the cause
    return "other"


def fault_kind(exc: BaseException) -> str | None:
    """The most telling storage fault in the exception's chain ("full", "readonly", "locked", "damaged", "notadb",
    "cantopen", "io", "other"), or None when the chain holds no SQLite or OS error."""
    kinds = {k for k in (_kind(e) for e in _chain(exc)) if k is not None}
    for kind in _KIND_ORDER:
        if kind in kinds:
            return kind
    return None


LOW_SPACE_BYTES = 1 << 20


def disk_nearly_full(path: Path) -> bool:
    """Whether the disk holding `path` has less than a megabyte free (a failed write there is a full disk)."""
    import shutil

    for folder in (path if path.is_dir() else path.parent, path.parent):
        try:
            return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
        except OSError:
            continue
    return False


def _detail(exc: BaseException) -> str:
    for item in _chain(exc):
        if isinstance(item, sqlite3.Error | OSError) and "no transaction is active" not in str(item):
            if isinstance(item, OSError) and item.strerror:
                return item.strerror
            return str(item)
    return str(exc)


def classify(exc: BaseException, path: Path | str, *, writing: bool = True) -> StorageError:
    """A `StorageError` (of the right subclass) with a Polish message for what SQLite or the OS raised."""
    for item in _chain(exc):
        if isinstance(item, StorageError):
            return item
    path = Path(path)
    kind = fault_kind(exc)
    if kind in ("io", "cantopen", "other") and disk_nearly_full(path):
        kind = "full"  # SQLite reports a full disk while it grows its WAL index as a plain I/O error
    if kind == "full":
        return DiskFull(
            f"Brak miejsca na dysku ({path.parent}): baza {path} nie przyjęła zmian. "
            "Zwolnij miejsce albo zapisz wniosek na innym dysku (eksport do pliku .kkk.json)."
        )
    if kind == "readonly":
        return ReadOnlyDatabase(
            f"Baza {path} jest tylko do odczytu (brak uprawnień do zapisu pliku albo folderu {path.parent}): "
            "można ją czytać i eksportować, ale nie zmieniać."
        )
    if kind == "locked":
        return DatabaseLocked(f"Baza {path} jest zajęta przez inny program; spróbuj za chwilę.")
    if kind in ("damaged", "notadb"):
        return DatabaseDamaged(f"Baza {path} jest uszkodzona ({_detail(exc)}).")
    if kind == "cantopen":
        return StorageError(f"Nie można otworzyć bazy {path} (plik lub folder niedostępny).")
    what = "zapisu do" if writing else "odczytu"
    return StorageError(f"Błąd {what} bazy {path} ({_detail(exc)}).")


NETWORK_FILESYSTEMS = {"cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "afs", "9p", "fuse.sshfs", "davfs"}


BUSY_SECONDS = 5.0  # how long to wait for another program's SQLite lock before saying the database is busy


def _mounts() -> list[str]:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def network_share(path: Path) -> str | None:
    """The kind of network share that holds `path` ("cifs", "nfs4", "UNC" ...), or None for a local disk."""
    text = str(path)
    if os.name == "nt":
        if text.startswith(("\\\\", "//")):
            return "UNC"
        try:
            import ctypes

            drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
            if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
                return "dysk sieciowy"
        except (AttributeError, OSError):
            return None
        return None
    mounts = _mounts()
    target = os.path.realpath(text)
    best, kind = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind if kind in NETWORK_FILESYSTEMS else None


def network_warning(path: Path) -> str | None:
    kind = network_share(path)
    if kind is None:
        return None
    return (
        f"Uwaga: baza {path} leży na udziale sieciowym ({kind}); SQLite na udziałach sieciowych (SMB, NFS) może "
        "zostać uszkodzona. Trzymaj bazę na dysku tego komputera, a do pracy zespołowej użyj bazy zespołu."
    )
