"""Starting the GUI: arguments, logging, translations, the error hook, the database and its lock, the start window.

    python main.py [--db PATH] [--lang pl|en]
    python main.py --demo [--screenshot DIR]

Only one running program may use a database: a `QLockFile` (`<database>.lock`) is taken before the database is
opened; a second program on the same file says so and exits with code 2. Messages that end the program go to
stderr as one line and, on a real display, also to a message box; on a headless platform (offscreen, minimal) and
in screenshot mode there are never dialogs, so nothing can hang waiting for a click.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEventLoop, QLockFile, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.args import PolishArgumentParser, UsageError
from app.logs import setup_logging
from app.paths import resource_path
from models.db import StorageError, default_db_path, open_database
from models.repository import Repository

log = logging.getLogger(__name__)

HEADLESS_PLATFORMS = ("offscreen", "minimal")
WIZARD_SIZE = (1280, 860)
START_SIZE = (1100, 640)


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


# Arguments -------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = PolishArgumentParser(prog="main.py", description="Klaster: wniosek o status Krajowego Klastra Kluczowego")
    p.add_argument("--db", type=Path, help="plik bazy danych (domyślnie w folderze danych użytkownika)")
    p.add_argument("--lang", choices=("pl", "en"), default=None, help="język interfejsu (domyślnie polski)")
    p.add_argument("--demo", action="store_true", help="otwórz przykładowy wniosek (bez --db: w bazie tymczasowej)")
    p.add_argument("--screenshot", type=Path, metavar="DIR", help="zapisz zrzuty ekranu wszystkich stron i zakończ")
    return p


def parse_args(argv: list[str]) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if args.screenshot is not None and args.screenshot.exists() and not args.screenshot.is_dir():
        raise UsageError(f"--screenshot: {args.screenshot} nie jest folderem")
    return args


# Messages and the error hook ---------------------------------------------------------------------------
def _stderr(line: str) -> None:
    if sys.stderr is not None:  # pythonw / a windowed frozen build has no stderr
        print(line, file=sys.stderr, flush=True)


def _fatal(message: str, dialogs: bool) -> int:
    _stderr(message)
    if dialogs and QApplication.instance() is not None:
        QMessageBox.critical(None, "Klaster", message)
    return 2


def install_excepthook(log_file: Path | None, dialogs: bool) -> None:
    """Every uncaught exception is logged with its traceback; the user sees a short Polish message, the program
    keeps running (the data is saved edit by edit, so nothing is lost)."""
    showing = False
    if log_file is None:  # no log file: keep logging's last-resort handler from printing tracebacks to stderr
        logging.getLogger().addHandler(logging.NullHandler())

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        where = str(log_file) if log_file is not None else QCoreApplication.translate("KlasterApp", "(niedostępny)")
        text = QCoreApplication.translate(
            "KlasterApp", "Wystąpił nieoczekiwany błąd ({error}). Zapisane dane są bezpieczne. Dziennik: {log}"
        ).format(error=f"{exc_type.__name__}: {exc}", log=where)
        if not dialogs or showing or QApplication.instance() is None:
            _stderr(text)
            return
        showing = True
        try:
            parent = QApplication.activeWindow()
            QMessageBox.critical(
                parent if isinstance(parent, QWidget) else None,
                QCoreApplication.translate("KlasterApp", "Klaster — błąd"),
                text,
            )
        finally:
            showing = False

    sys.excepthook = hook


# Demo and screenshots -------------------------------------------------------------------------------
def create_demo(repo: Repository) -> int:
    from forms.demo import make_demo
    from forms.loader import DEFAULT_FORM, load_form

    doc = make_demo(load_form(DEFAULT_FORM))
    with repo.db.atomic():
        app_id = repo.create(
            doc.definition.id, doc.get("cluster.name", ""), doc.get("meta.application_type", "nadanie")
        )
        repo.save_document(app_id, doc)
    return app_id


def settle(ms: int = 60) -> None:
    """Let pending layouts, polish and single-shot timers run before a window is grabbed."""
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def _save_grab(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(QCoreApplication.translate("KlasterApp", "Nie można zapisać pliku {path}.").format(path=path))


def take_screenshots(window, app_id: int | None, folder: Path) -> list[Path]:
    """00-start.png, then NN-<page>.png for every page of the wizard on `app_id`."""
    from ui import start_window
    from ui.session import Session

    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    window.resize(*START_SIZE)
    window.show()
    settle()
    saved.append(folder / "00-start.png")
    _save_grab(window, saved[-1])
    if app_id is None:
        return saved
    session = Session(window.repo, app_id)
    wizard = start_window.make_wizard(session)
    window.sessions[app_id] = session  # flushed with the others on the way out
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    settle(150)
    for number, page_id in enumerate(wizard.page_ids(), start=1):
        wizard.show_page(page_id)
        settle()
        saved.append(folder / f"{number:02d}-{re.sub(r'[^0-9A-Za-z._-]+', '-', page_id)}.png")
        _save_grab(wizard, saved[-1])
    session.flush()
    wizard.hide()
    return saved


# The entry point -------------------------------------------------------------------------------------
def run_gui(argv: list[str]) -> int:
    try:
        args = parse_args(argv)
    except UsageError as exc:
        _stderr(f"Błąd: {exc}")
        return 2
    log_file = setup_logging()
    QApplication.setApplicationName("Klaster")
    QApplication.setOrganizationName("Klaster")
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "klaster"])
    app.setWindowIcon(QIcon(str(resource_path("icons", "klaster.png"))))
    from ui.i18n import install_translators
    from ui.settings import Settings

    settings = Settings()
    lang = args.lang or settings.language
    install_translators(app, lang)  # before any widget exists
    screenshot = args.screenshot is not None
    dialogs = not screenshot and QApplication.platformName() not in HEADLESS_PLATFORMS
    install_excepthook(log_file, dialogs)

    temp_dir: Path | None = None
    handle: DatabaseHandle | None = None
    try:
        if args.demo and args.db is None:
            temp_dir = Path(tempfile.mkdtemp(prefix="klaster-demo-"))
            db_path = temp_dir / "demo.sqlite"
        else:
            db_path = args.db if args.db is not None else default_db_path()
        try:
            handle = open_handle(db_path)
        except StorageError as exc:
            return _fatal(str(exc), dialogs)
        target: int | None = None
        if args.demo or screenshot:
            apps = handle.repo.list_applications()
            if args.demo and (temp_dir is not None or not apps):
                try:
                    target = create_demo(handle.repo)
                except ImportError:
                    return _fatal(
                        QCoreApplication.translate(
                            "KlasterApp", "Przykładowy wniosek nie jest dostępny w tej wersji programu."
                        ),
                        dialogs,
                    )
            elif apps:
                target = apps[0].id
        from ui.start_window import StartWindow

        window = StartWindow(handle.repo, settings, handle=handle, lang=lang)
        if screenshot:
            saved = take_screenshots(window, target, args.screenshot)
            print(
                QCoreApplication.translate("KlasterApp", "Zapisano zrzuty ekranu: {n} w {folder}").format(
                    n=len(saved), folder=args.screenshot
                )
            )
            window.flush_all()
            handle = window.handle
            return 0
        if temp_dir is None:
            settings.add_recent_database(handle.path)

        def shutdown() -> None:
            window.flush_all()
            settings.sync()
            if window.handle is not None:
                window.handle.close()

        app.aboutToQuit.connect(shutdown)
        window.show()
        if target is not None:
            window.open_application(target)
        if os.environ.get("KLASTER_QUIT_WHEN_SHOWN"):  # benchmarks and the frozen-build check
            QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
        code = app.exec()
        handle = window.handle
        return code
    except (UsageError, OSError, StorageError) as exc:
        log.exception("start-up failed")
        return _fatal(QCoreApplication.translate("KlasterApp", "Błąd: {error}").format(error=exc), dialogs)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback for the user
        log.exception("unexpected error in the GUI start-up")
        label = QCoreApplication.translate("KlasterApp", "Dziennik:")
        where = f" {label} {log_file}" if log_file else ""
        return _fatal(
            QCoreApplication.translate("KlasterApp", "Nieoczekiwany błąd: {error}.").format(
                error=f"{exc.__class__.__name__}: {exc}"
            )
            + where,
            dialogs,
        )
    finally:
        if handle is not None:
            handle.close()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
