"""One lock for every process: `<database>.lock`, taken by the window and by every command that changes data.

Qt's `QLockFile` (an exclusive file with the holder's PID, program and host; stale only when that process is gone)
is the lock; the window and the command line take the same file, so a `members-import` or a `finalize` from the
command line can never write behind an open window's back. Commands that only read take no lock: SQLite lets them
read beside the window (WAL).
"""

from __future__ import annotations

from pathlib import Path

from models.faults import DatabaseInUse, StorageError


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("KlasterApp", text)


def _hostname() -> str:
    from PySide6.QtCore import QSysInfo

    return QSysInfo.machineHostName()


def holder(db_path: Path):
    """(pid, host, program) of whoever holds the lock now, or None when it is free or stale."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return None
    info = [x for x in (lock.getLockInfo() or ()) if not isinstance(x, bool)]
    return tuple(info) if info else ("?",)


def lock_database(db_path: Path, *, for_command: str | None = None):
    """Take `<database>.lock` (a QLockFile) or raise `DatabaseInUse` naming the other program's PID.

    `for_command` names the command-line command that wants it, for the message."""
    from PySide6.QtCore import QLockFile

    from models.backend import is_url

    if is_url(db_path):
        return None  # a team database (PostgreSQL): the server serialises writers, no lock file is needed
    db_path = Path(db_path).absolute()
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _translate("Nie można utworzyć folderu {folder} ({why}).").format(folder=db_path.parent, why=exc.strerror)
        ) from None
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has been held
    if lock.tryLock(100):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = [x for x in (lock.getLockInfo() or ()) if not isinstance(x, bool)]
        pid = info[0] if info else "?"
        host = info[1] if len(info) > 1 else ""
        where = "" if not host or host == _hostname() else _translate(" na komputerze {host}").format(host=host)
        if for_command:
            text = _translate(
                "Baza jest otwarta w oknie programu Klaster (PID {pid}{where}); polecenie „{command}” zmienia dane, "
                "więc nie może działać obok okna. Zamknij okno albo wykonaj to w nim; polecenia, które tylko czytają, "
                "działają."
            ).format(pid=pid, where=where, command=for_command)
        else:
            text = _translate("Ta baza jest już otwarta w innym oknie programu Klaster (PID {pid}{where}).").format(
                pid=pid, where=where
            )
        raise DatabaseInUse(text + " " + _translate("Plik: {path}").format(path=db_path))
    if not db_path.parent.exists() or not lock_path(db_path).parent.is_dir():
        raise StorageError(_translate("Folder {folder} nie istnieje.").format(folder=db_path.parent))
    return None  # the folder cannot hold a lock file (read-only): nobody can write there, so no lock is needed
