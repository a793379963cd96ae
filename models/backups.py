"""Backups that can be trusted: checked before they are taken, verified after they are written, kept by reason.

- A copy is taken only of a healthy database (`PRAGMA quick_check` answers one row "ok"): SQLite's backup API copies
  damaged pages as they are, so a damaged file must never replace good copies.
- The copy is written to a temporary name (`*.partial`), checked (quick_check and the Klaster application id),
  flushed to disk and only then renamed into place: no empty or half-written file ever enters the folder. A partial
  file left by a kill or a full disk is removed at the next backup.
- Reasons: `open` (rolling copies, at most one per day, the newest `ROLLING_KEPT` kept) and the copies taken before
  a change that cannot be undone (`delete`, `migrate`, `restore`, `import`), kept at least `KEPT_DAYS` days.
  The newest healthy copy is never deleted, whatever its age.
- Backups live in `<database file name>-kopie/` beside the database (one folder per database, so two databases in
  one folder never rotate each other's copies); copies in the older shared `backups/` folder are still listed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models import faults
from models.faults import DatabaseDamaged, DiskFull, StorageError, classify, fault_kind
from models.migrations import APPLICATION_ID

ROLLING = "open"
REASONS = {
    "open": "przy otwarciu",
    "delete": "przed usunięciem wniosku",
    "migrate": "przed aktualizacją bazy",
    "restore": "przed przywróceniem kopii",
    "import": "przed wczytaniem danych",
    "damaged": "uszkodzona baza odłożona przy przywracaniu",
}
ROLLING_KEPT = 5
KEPT_DAYS = 30
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True)
class Backup:
    path: Path
    time: dt.datetime
    reason: str
    size: int

    @property
    def reason_text(self) -> str:
        base = self.reason.split("-v")[0] if self.reason.startswith("before-v") else self.reason
        return REASONS.get(base, REASONS["migrate"] if self.reason.startswith("before-v") else self.reason)

    @property
    def rolling(self) -> bool:
        return self.reason == ROLLING

    def healthy(self) -> bool:
        try:
            return self.reason != "damaged" and health(self.path) is None
        except StorageError:
            return False


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}-kopie"


def _legacy_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def has_wal_data(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def ro_uri(path: Path, immutable: bool | None = None) -> str:
    """Read-only URI; `immutable` where the folder cannot hold the WAL index (SQLite could not open it else) and no
    WAL file holds committed data that an immutable reader would not see (then SQLite reads it through the
    existing index). `immutable=True` asks for it (a full disk cannot hold the index either)."""
    if immutable is None:
        immutable = not os.access(path.parent, os.W_OK) and not has_wal_data(path)
    return f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")


def ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only sqlite3 connection that also works on a full disk (immutable when no WAL holds data)."""
    conn = sqlite3.connect(ro_uri(path), uri=True, timeout=faults.BUSY_SECONDS)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if fault_kind(exc) not in ("io", "cantopen", "full") or has_wal_data(path):
            raise
    return sqlite3.connect(ro_uri(path, immutable=True), uri=True, timeout=faults.BUSY_SECONDS)


def health(path: Path) -> str | None:
    """None when `path` is a healthy Klaster database, else why not (a short text)."""
    try:
        if path.stat().st_size == 0:
            return "pusty plik"
        conn = ro_connect(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if fault_kind(exc) in ("damaged", "notadb", "other"):
            return str(exc)
        raise classify(exc, path, writing=False) from None  # locked, unreadable ...: not damage
    except OSError as exc:
        return exc.strerror or str(exc)
    if rows != [("ok",)]:
        return damage_text(" ".join(str(r[0]) for r in rows))
    if app_id != APPLICATION_ID:
        return "to nie jest baza programu Klaster"
    return None


def damage_text(report: str) -> str:
    """quick_check's report (many lines) as one short line: the damaged pages by number where it names them."""
    pages = sorted({int(n) for n in re.findall(r"[Pp]age (\d+)", report)})
    if pages:
        shown = ", ".join(str(n) for n in pages[:10]) + (" …" if len(pages) > 10 else "")
        return f"uszkodzone strony pliku: {shown}"
    text = " ".join(report.replace("*** in database main ***", "").split())
    return text if len(text) <= 120 else text[:119] + "…"


def check_healthy(db_path: Path) -> None:
    """Raise `DatabaseDamaged` (naming the newest healthy backup) unless the database passes quick_check."""
    why = health(db_path)
    if why is not None:
        raise damaged_error(db_path, why)


def damaged_error(db_path: Path, why: str) -> DatabaseDamaged:
    good = newest_healthy(db_path)
    if good is None:
        hint = (
            "Nie ma sprawnej kopii zapasowej; to, co da się odczytać, zapisz poleceniem "
            f"„python main.py --db {db_path} export ID PLIK.kkk.json”."
        )
    else:
        hint = (
            f"Najnowsza sprawna kopia zapasowa: {good.path} ({good.time:%d.%m.%Y %H:%M}); przywróć ją przyciskiem "
            f"„Przywróć z kopii zapasowej” albo poleceniem „python main.py --db {db_path} restore {good.path}”."
        )
    return DatabaseDamaged(f"Baza {db_path} jest uszkodzona ({why}); nic w niej nie zapisano. {hint}")


def list_backups(db_path: Path) -> list[Backup]:
    """Every backup of this database, newest first (partial files are not backups and are not listed)."""
    found: list[Backup] = []
    for folder in (backups_dir(db_path), _legacy_dir(db_path)):
        if not folder.is_dir():
            continue
        for path in folder.glob(f"{db_path.stem}-*.sqlite"):
            m = _NAME.match(path.name)
            if m is None or m["stem"] != db_path.stem:
                continue
            try:
                stamp = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f")
                size = path.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(Backup(path, stamp, m["reason"], size))
    found.sort(key=lambda b: b.time, reverse=True)
    return found


def newest_healthy(db_path: Path) -> Backup | None:
    for b in list_backups(db_path):
        if b.healthy():
            return b
    return None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """Write `source` into a new file `target` through the backup API, check it and flush it to disk."""
    dst = sqlite3.connect(str(target))
    try:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dst.close()
    why = health(target)
    if why is not None:
        raise StorageError(f"Kopia zapasowa {target} nie przeszła sprawdzenia ({why}).")
    _fsync(target)


def _remove_partials(folder: Path) -> None:
    for path in folder.glob("*.partial"):
        path.unlink(missing_ok=True)
    for path in folder.glob("*.partial-journal"):
        path.unlink(missing_ok=True)


def _failed(exc: BaseException, partial: Path, path: Path) -> BaseException:
    """What to raise when writing `partial` failed: the partial file is removed first (it never stays behind);
    a storage fault is named (classify), anything else (a bug, Ctrl+C) is raised as it was."""
    partial.unlink(missing_ok=True)
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error | OSError):
        return classify(exc, path)
    return exc


def take_backup(db_path: Path, reason: str, *, now: dt.datetime | None = None) -> Path | None:
    """A verified copy of a healthy database; None when there is nothing to back up or a rolling copy of today
    exists already. Raises `DatabaseDamaged` for a damaged database (nothing is written) and a `StorageError`
    naming the fault when the copy cannot be written (a partial copy is removed)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    now = now or dt.datetime.now()
    if reason == ROLLING and any(b.rolling and b.time.date() == now.date() for b in list_backups(db_path)):
        return None
    check_healthy(db_path)
    folder = backups_dir(db_path)
    final = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    partial = final.with_name(final.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_partials(folder)
        src = ro_connect(db_path)
        try:
            _copy_into(src, partial)
        finally:
            src.close()
        os.replace(partial, final)
    except BaseException as exc:
        error = _failed(exc, partial, final)
        if isinstance(error, DiskFull):
            raise DiskFull(
                f"Brak miejsca na dysku ({folder}): nie można zrobić kopii zapasowej bazy {db_path}, więc niczego "
                "w niej nie zmieniono. Zwolnij miejsce albo zapisz wniosek na innym dysku (eksport do pliku "
                ".kkk.json działa)."
            ) from None
        raise error from None
    rotate(db_path, now=now)
    return final


def rotate(db_path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete what the rules no longer keep; returns the deleted files. Empty files go first; the newest healthy
    copy always stays; rolling copies beyond the newest `ROLLING_KEPT`, other copies after `KEPT_DAYS` days."""
    now = now or dt.datetime.now()
    removed: list[Path] = []
    copies = list_backups(db_path)
    healthy = [b for b in copies if b.size > 0 and b.reason != "damaged"]  # verified when written
    keep_always = healthy[0].path if healthy else None
    rolling = [b for b in healthy if b.rolling]
    for b in copies:
        drop = b.size == 0
        if not drop and b.path != keep_always:
            if b.rolling:
                drop = b in rolling[ROLLING_KEPT:]
            else:
                drop = (now - b.time) > dt.timedelta(days=KEPT_DAYS)
        if drop:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def _sidecars(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def restore(backup_path: Path, db_path: Path) -> Path | None:
    """Put `backup_path` back as the database. The current file is backed up first (reason `restore`), or, when it
    is damaged, set aside as it is (reason `damaged`, never counted as healthy). Returns that copy's path.
    The caller holds the database's lock and has closed its own connections."""
    backup_path = Path(backup_path)
    why = health(backup_path)
    if why is not None:
        raise StorageError(f"Kopia {backup_path} nie nadaje się do przywrócenia ({why}).")
    folder = backups_dir(db_path)
    stamp = dt.datetime.now()
    partial = db_path.with_name(db_path.name + ".restore.partial")
    set_aside: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
        try:
            _copy_into(src, partial)
        finally:
            src.close()
        if db_path.exists() and db_path.stat().st_size > 0:
            if health(db_path) is None:
                set_aside = take_backup(db_path, "restore", now=stamp)
            else:
                set_aside = folder / f"{db_path.stem}-{stamp:%Y%m%d-%H%M%S-%f}-damaged.sqlite"
                shutil.copyfile(db_path, set_aside)
                for side in _sidecars(db_path):
                    if side.exists():
                        shutil.copyfile(side, set_aside.with_name(set_aside.name + side.name[len(db_path.name) :]))
        for side in _sidecars(db_path):
            side.unlink(missing_ok=True)
        os.replace(partial, db_path)
    except BaseException as exc:
        raise _failed(exc, partial, db_path) from None
    return set_aside
