"""A database opened together with the lock that makes this program its only user.

Only one running program may use a database: a `QLockFile` (`<database>.lock`) is taken before the database is
opened (the same lock the command line takes, app.lock); `open_handle` raises `DatabaseBusy` (a `StorageError`)
naming the other program's PID when it is held.

Kept apart from `ui.app` and the start window, which import this module only when a database is opened: it brings
peewee and the models, which the program does not need before its first window is shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from app.lock import lock_database, lock_path  # noqa: F401 - lock_path is part of this module's interface
from models.db import open_database
from models.faults import DatabaseInUse
from models.repository import Repository

log = logging.getLogger(__name__)


DatabaseBusy = DatabaseInUse  # the name the start window and its tests know


@dataclass
class DatabaseHandle:
    """An open database together with the lock that makes this program its only user."""

    path: Path
    repo: Repository
    lock: QLockFile | None  # None for a database in a folder nobody can write (opened read-only)

    def close(self) -> None:
        try:
            if not self.repo.db.is_closed():
                self.repo.db.close()
        except Exception:  # noqa: BLE001 - closing must never stop the lock from being released
            log.exception("closing the database %s", self.path)
        if self.lock is not None and self.lock.isLocked():
            self.lock.unlock()

    def restore(self, backup: Path) -> Path | None:
        """Put a backup back into this database (the lock stays held) and open it again; returns the copy of what
        was there before (models.backups.restore)."""
        from models.backups import restore

        if not self.repo.db.is_closed():
            self.repo.db.close()
        try:
            set_aside = restore(backup, self.path)
        finally:
            self.repo = Repository(open_database(self.path, make_backup=False, read_only=self.lock is None))
        return set_aside


def open_handle(db_path: Path) -> DatabaseHandle:
    """Lock, then open (migrate, back up) the database. Raises StorageError (or DatabaseBusy) with a Polish text.
    A team database (a `postgresql://` URL) needs no lock; the handle's path is its URL without the password."""
    from models.backend import display_url, is_url

    if is_url(db_path):
        repo = Repository(open_database(str(db_path)))
        repo.upgrade_drafts()
        return DatabaseHandle(display_url(str(db_path)), repo, None)
    db_path = Path(db_path).absolute()
    lock = lock_database(db_path)
    try:
        db = open_database(db_path, read_only=lock is None, backup_required=False)
    except BaseException:
        if lock is not None:
            lock.unlock()
        raise
    repo = Repository(db)
    repo.upgrade_drafts()  # drafts of an older version of their form; what changed goes to db.warnings
    return DatabaseHandle(db_path, repo, lock)
