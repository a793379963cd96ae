"""Opening the database: the file, its pragmas, the schema migrations, a health check and backup copies.

One SQLite file per user (platformdirs' user data folder) unless `--db PATH` names another. WAL journal with
`synchronous=FULL`: a committed edit survives a crash and a power cut alike (the cost, one fsync per commit, is a
millisecond or two here, far below the one-second autosave budget).

Every open checks the file (`PRAGMA quick_check`) before anything else happens to it: a damaged database is
refused with one message naming the newest healthy backup (`models.backups`), unless the caller only wants to read
what can still be read (`allow_damaged`, used by `export`). A file or folder that cannot be written opens read-only
(`db.read_only`); a database on a network share opens with a warning (`db.warnings`). Faults SQLite or the
operating system report become `StorageError`s with a Polish message (`models.faults`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase
from platformdirs import user_data_path

from models import backups as _backups
from models import faults
from models.backend import is_url
from models.faults import (
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseLocked,
    DiskFull,
    ReadOnlyDatabase,
    StorageError,
    classify,
    fault_kind,
    network_warning,
)
from models.history import ensure_sqlite as ensure_history
from models.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate
from models.tables import MODELS

__all__ = [
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseLocked",
    "DiskFull",
    "ReadOnlyDatabase",
    "StorageError",
    "backup",
    "backups_dir",
    "default_db_path",
    "open_database",
]

APP_NAME = "Klaster"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": int(faults.BUSY_SECONDS * 1000),
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": int(faults.BUSY_SECONDS * 1000)}

backups_dir = _backups.backups_dir


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "klaster.sqlite"


def _writable(path: Path) -> bool:
    """Whether SQLite can write the database: the file and (for the WAL and its index) the folder."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _inspect(path: Path) -> int:
    """The schema version of an existing file; refuses files that are not ours or are newer than this app."""
    try:
        conn = _backups.ro_connect(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        kind = fault_kind(exc)
        if kind == "notadb":
            raise DatabaseDamaged(
                f"Plik {path} nie jest bazą danych programu Klaster albo jest uszkodzony ({exc})."
            ) from None
        if kind == "damaged":
            raise _backups.damaged_error(path, str(exc)) from None
        raise classify(exc, path, writing=False) from None
    if tables and app_id != APPLICATION_ID:
        raise StorageError(f"Plik {path} jest bazą SQLite innego programu, nie programu Klaster.")
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"Baza {path} pochodzi z nowszej wersji programu Klaster (schemat {version}, ten program zna "
            f"{SCHEMA_VERSION}). Zaktualizuj program."
        )
    return version


def _connect_read_only(path: Path) -> SqliteDatabase:
    """A read-only connection; where SQLite cannot create the WAL index (a full disk) and no WAL holds data, the
    file is read as immutable, so reading and export work on a full disk."""
    pragmas = dict(READ_ONLY_PRAGMAS, busy_timeout=int(faults.BUSY_SECONDS * 1000))
    db = SqliteDatabase(_backups.ro_uri(path), uri=True, pragmas=pragmas)
    db.bind(MODELS)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except (sqlite3.Error, PeeweeDatabaseError) as exc:
        if fault_kind(exc) not in ("io", "cantopen", "full") or _backups.has_wal_data(path):
            raise
        db.close()
    db = SqliteDatabase(_backups.ro_uri(path, immutable=True), uri=True, pragmas=pragmas)
    db.bind(MODELS)
    db.connect(reuse_if_open=True)
    return db


def backup(db_path: Path, reason: str = "open") -> Path | None:
    """A verified copy of a healthy database (see `models.backups.take_backup`)."""
    return _backups.take_backup(Path(db_path), reason)


def open_database(
    path: Path | None = None,
    *,
    make_backup: bool = True,
    read_only: bool = False,
    allow_damaged: bool = False,
    backup_required: bool = True,
) -> SqliteDatabase:
    """Open (creating or migrating as needed) the database and bind the models to it.

    `make_backup`: take the day's rolling copy (commands that only read pass False). `read_only`: never write
    (also chosen by itself when the file or folder cannot be written). `allow_damaged`: open a damaged file
    read-only to rescue what can be read. `backup_required=False` (the window): a day's copy that a full disk
    refuses becomes a warning instead of an error. The returned database carries `read_only`, `damaged` and
    `warnings`. A `postgresql://` URL opens a team database instead (models.team)."""
    if is_url(path):
        from models.team import open_team_database

        return open_team_database(str(path), read_only=read_only)
    path = Path(path) if path is not None else default_db_path()
    exists = path.exists() and path.stat().st_size > 0
    if not exists:
        if read_only:
            raise StorageError(f"Baza {path} nie istnieje.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Nie można utworzyć folderu {path.parent} ({exc.strerror}).") from None
    warnings: list[str] = []
    share = network_warning(path.parent if not exists else path)
    if share:
        warnings.append(share)
    version = _inspect(path) if exists else 0
    damaged = False
    if exists:
        why = _backups.health(path)
        if why is not None:
            if not allow_damaged:
                raise _backups.damaged_error(path, why)
            damaged = True
            warnings.append(f"Uwaga: baza {path} jest uszkodzona ({why}); odczytuję to, co da się odczytać.")
    cannot_write = damaged or (exists and not _writable(path))
    if not exists and not _writable(path):
        raise ReadOnlyDatabase(f"Nie można utworzyć bazy {path}: brak uprawnień do zapisu w folderze {path.parent}.")
    if cannot_write and not damaged and not read_only:
        warnings.append(
            f"Baza {path} jest tylko do odczytu (brak uprawnień do zapisu pliku albo folderu): "
            "można ją czytać i eksportować, ale nie zmieniać."
        )
    if exists and version < SCHEMA_VERSION:  # even a reading command needs the current schema
        if cannot_write:
            raise ReadOnlyDatabase(
                f"Baza {path} wymaga aktualizacji do nowszego schematu, a nie można jej zapisać (tylko do odczytu)."
            )
        _backups.take_backup(path, f"before-v{SCHEMA_VERSION}")
    elif exists and make_backup and not read_only and not cannot_write:
        try:
            _backups.take_backup(path, "open")
        except DiskFull as exc:  # the window opens anyway (reading and export work); a command is refused
            if backup_required:
                raise
            warnings.append(f"Uwaga: {exc}")
    read_only = read_only or cannot_write
    try:
        if version < SCHEMA_VERSION:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=faults.BUSY_SECONDS)
            try:
                conn.execute("PRAGMA foreign_keys = OFF")  # table changes must never cascade
                migrate(conn, version)
            finally:
                conn.close()
        if read_only:
            db = _connect_read_only(path)
        else:
            db = SqliteDatabase(str(path), pragmas=dict(PRAGMAS, busy_timeout=int(faults.BUSY_SECONDS * 1000)))
            db.bind(MODELS)
            db.connect(reuse_if_open=True)
            ensure_history(db.connection())  # who changed what (models.history): created where missing
    except (sqlite3.Error, PeeweeDatabaseError, OSError) as exc:
        error = classify(exc, path)
        if isinstance(error, DatabaseDamaged):
            error = _backups.damaged_error(path, str(exc))
        raise error from None
    db.read_only = read_only
    db.damaged = damaged
    db.warnings = warnings
    db.path = path
    return db
