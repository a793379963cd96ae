"""Opening the database: the file, its pragmas, the schema migrations and a backup copy on every open.

One SQLite file per user (platformdirs' user data folder) unless `--db PATH` names another. WAL journal with
`synchronous=FULL`: a committed edit survives a crash and a power cut alike (the cost, one fsync per commit, is a
millisecond or two here, far below the one-second autosave budget).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase
from platformdirs import user_data_path

from models.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate
from models.tables import MODELS

APP_NAME = "Klaster"
BACKUPS_KEPT = 5
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
}


class StorageError(Exception):
    """The database cannot be used; the message is Polish and names the file."""


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "klaster.sqlite"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _inspect(path: Path) -> int:
    """The schema version of an existing file; refuses files that are not ours or are newer than this app."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"Plik {path} nie jest bazą danych programu Klaster albo jest uszkodzony ({exc}).") from None
    if tables and app_id != APPLICATION_ID:
        raise StorageError(f"Plik {path} jest bazą SQLite innego programu, nie programu Klaster.")
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"Baza {path} pochodzi z nowszej wersji programu Klaster (schemat {version}, ten program zna "
            f"{SCHEMA_VERSION}). Zaktualizuj program."
        )
    return version


def backup(db_path: Path, reason: str = "open") -> Path | None:
    """A consistent copy through the SQLite backup API (safe while the database is open); keeps the newest few."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(str(db_path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    copies = sorted(folder.glob(f"{db_path.stem}-*.sqlite"))
    for old in copies[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def open_database(path: Path | None = None, *, make_backup: bool = True) -> SqliteDatabase:
    """Open (creating or migrating as needed) the database and bind the models to it."""
    path = Path(path) if path is not None else default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Nie można utworzyć folderu {path.parent} ({exc.strerror}).") from None
    exists = path.exists() and path.stat().st_size > 0
    version = _inspect(path) if exists else 0
    if exists and make_backup:
        try:
            backup(path, "open" if version == SCHEMA_VERSION else f"before-v{SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(f"Nie można zrobić kopii zapasowej bazy {path} ({exc}).") from None
    try:
        if version < SCHEMA_VERSION:
            conn = sqlite3.connect(str(path), isolation_level=None)
            try:
                conn.execute("PRAGMA foreign_keys = OFF")  # table changes must never cascade
                migrate(conn, version)
            finally:
                conn.close()
        db = SqliteDatabase(str(path), pragmas=PRAGMAS)
        db.bind(MODELS)
        db.connect(reuse_if_open=True)
        db.execute_sql("PRAGMA quick_check").fetchone()
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as exc:
        raise StorageError(f"Baza {path} jest uszkodzona albo niedostępna ({exc}).") from None
    except OSError as exc:
        raise StorageError(f"Nie można otworzyć bazy {path} ({exc.strerror}).") from None
    return db
