"""A database opened together with the lock that makes this program its only user.

Only one running program may use a database: a `QLockFile` (`<database>.lock`) is taken before the database is
opened; `open_handle` raises `DatabaseBusy` (a `StorageError`) naming the other program's PID when it is held.

Kept apart from `ui.app` and the start window, which import this module only when a database is opened: it brings
peewee and the models, which the program does not need before its first window is shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from models.db import StorageError, open_database
from models.repository import Repository

log = logging.getLogger(__name__)


class DatabaseBusy(StorageError):
    """Another running program holds the database's lock."""


@dataclass
class DatabaseHandle:
    """An open database together with the lock that makes this program its only user."""

    path: Path
    repo: Repository
    lock: QLockFile

    def close(self) -> None:
        try:
            if not self.repo.db.is_closed():
                self.repo.db.close()
        except Exception:  # noqa: BLE001 - closing must never stop the lock from being released
            log.exception("closing the database %s", self.path)
        if self.lock.isLocked():
            self.lock.unlock()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def lock_database(db_path: Path) -> QLockFile:
    """Take `<database>.lock` or raise `DatabaseBusy` naming the other program's PID."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            QCoreApplication.translate("KlasterApp", "Nie można utworzyć folderu {folder} ({why}).").format(
                folder=db_path.parent, why=exc.strerror
            )
        ) from None
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has been held
    if lock.tryLock(100):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = [x for x in (lock.getLockInfo() or ()) if not isinstance(x, bool)]
        pid = info[0] if info else "?"
        host = info[1] if len(info) > 1 else ""
        where = (
            ""
            if not host or host == _hostname()
            else QCoreApplication.translate("KlasterApp", " na komputerze {host}").format(host=host)
        )
        raise DatabaseBusy(
            QCoreApplication.translate(
                "KlasterApp", "Ta baza jest już otwarta w innym oknie programu Klaster (PID {pid}{where})."
            ).format(pid=pid, where=where)
            + " "
            + QCoreApplication.translate("KlasterApp", "Plik: {path}").format(path=db_path)
        )
    raise StorageError(
        QCoreApplication.translate(
            "KlasterApp", "Nie można utworzyć pliku blokady {path} (brak uprawnień do folderu?)."
        ).format(path=lock_path(db_path))
    )


def _hostname() -> str:
    from PySide6.QtCore import QSysInfo

    return QSysInfo.machineHostName()


def open_handle(db_path: Path) -> DatabaseHandle:
    """Lock, then open (migrate, back up) the database. Raises StorageError (or DatabaseBusy) with a Polish text."""
    db_path = Path(db_path).absolute()
    lock = lock_database(db_path)
    try:
        db = open_database(db_path)
    except BaseException:
        lock.unlock()
        raise
    return DatabaseHandle(db_path, Repository(db), lock)
