"""Starting the GUI: arguments, logging, translations, the error hook, the database and its lock, the start window.

    python main.py [--db PATH] [--lang pl|en]
    python main.py --demo [--screenshot DIR]

The start window is shown first, in its loading state ("Otwieram bazę danych…"); the database is locked, opened
and listed just after, from the running event loop, so the window appears before peewee, the models and the form
checks are even imported (keep it so: nothing imported before the window is shown may import them at module level).

Only one running program may use a database: a `QLockFile` (`<database>.lock`, see ui.start.handle) is taken
before the database is opened; a second program on the same file says so and exits with code 2. Messages that end
the program go to stderr as one line and, on a real display, also to a message box; on a headless platform
(offscreen, minimal) and in screenshot mode there are never dialogs, so nothing can hang waiting for a click.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app import __version__
from app.args import PolishArgumentParser, UsageError
from app.logs import setup_logging
from app.paths import resource_path

if TYPE_CHECKING:
    from models.repository import Repository
    from ui.settings import Settings
    from ui.start.handle import DatabaseHandle
    from ui.start.window import StartWindow

log = logging.getLogger(__name__)

HEADLESS_PLATFORMS = ("offscreen", "minimal")
WIZARD_SIZE = (1280, 860)
START_SIZE = (1100, 640)


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
        from PySide6.QtWidgets import QMessageBox

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
            from PySide6.QtWidgets import QMessageBox

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
    from PySide6.QtCore import QEventLoop

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
    from ui.session import Session
    from ui.start import dialogs

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
    wizard = dialogs.make_wizard(session)
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
class _Start:
    """The start window shown at once, in its loading state; the database locked, opened and listed just after
    (`open_database`, from the running event loop or, for screenshots, directly)."""

    def __init__(self, args: argparse.Namespace, settings: Settings, dialogs: bool, log_file: Path | None) -> None:
        self.args = args
        self.settings = settings
        self.dialogs = dialogs
        self.log_file = log_file
        self.screenshot = args.screenshot is not None
        self.window: StartWindow | None = None
        self.handle: DatabaseHandle | None = None
        self.temp_dir: Path | None = None
        self.target: int | None = None  # the application to open once the database is open (--demo, screenshots)
        self.quitting = False

    def run(self, app: QApplication, lang: str) -> int:
        try:
            from ui.start.window import StartWindow

            self.window = StartWindow(None, self.settings, lang=lang)  # "Otwieram bazę danych…" until it is open
            if self.screenshot:
                return self._screenshots()
            app.aboutToQuit.connect(self._shutdown)
            self.window.show()
            if os.environ.get("KLASTER_QUIT_WHEN_SHOWN"):  # benchmarks and the frozen-build check
                QTimer.singleShot(0, self._quit_when_shown)
            QTimer.singleShot(0, self._open_and_list)
            return app.exec()
        except Exception as exc:  # noqa: BLE001 - reported by `failed`, never a traceback for the user
            return self.failed(exc)

    def _quit_when_shown(self) -> None:
        self.quitting = True
        print("ready", flush=True)
        QApplication.quit()

    def _open_and_list(self) -> None:
        if self.quitting:  # quit was asked for before the database was opened: nothing to open
            return
        code = self.open_database()
        if code is not None:
            QApplication.exit(code)
            return
        if self.target is not None:
            self.window.open_application(self.target)

    def _screenshots(self) -> int:
        code = self.open_database()
        if code is not None:
            return code
        saved = take_screenshots(self.window, self.target, self.args.screenshot)
        print(
            QCoreApplication.translate("KlasterApp", "Zapisano zrzuty ekranu: {n} w {folder}").format(
                n=len(saved), folder=self.args.screenshot
            )
        )
        self.window.flush_all()
        return 0

    def open_database(self) -> int | None:
        """Lock and open the database, create the demo application if asked, and show it all in the window.
        None when done; otherwise the exit code, the reason already told to the user."""
        try:
            from models.db import StorageError, default_db_path
            from ui.start.handle import open_handle

            args = self.args
            if args.demo and args.db is None:
                import tempfile

                self.temp_dir = Path(tempfile.mkdtemp(prefix="klaster-demo-"))
                db_path = self.temp_dir / "demo.sqlite"
            else:
                db_path = args.db if args.db is not None else default_db_path()
            try:
                self.handle = open_handle(db_path)
            except StorageError as exc:
                return _fatal(str(exc), self.dialogs)
            if args.demo or self.screenshot:
                apps = self.handle.repo.list_applications()
                if args.demo and (self.temp_dir is not None or not apps):
                    try:
                        self.target = create_demo(self.handle.repo)
                    except ImportError:
                        return _fatal(
                            QCoreApplication.translate(
                                "KlasterApp", "Przykładowy wniosek nie jest dostępny w tej wersji programu."
                            ),
                            self.dialogs,
                        )
                elif apps:
                    self.target = apps[0].id
            if self.temp_dir is None and not self.screenshot:
                self.settings.add_recent_database(self.handle.path)
            self.window.show_database(self.handle)
            return None
        except Exception as exc:  # noqa: BLE001 - reported by `failed`, never a traceback for the user
            return self.failed(exc)

    def failed(self, exc: Exception) -> int:
        if isinstance(exc, UsageError | OSError) or _is_storage_error(exc):
            log.exception("start-up failed")
            return _fatal(QCoreApplication.translate("KlasterApp", "Błąd: {error}").format(error=exc), self.dialogs)
        log.exception("unexpected error in the GUI start-up")
        label = QCoreApplication.translate("KlasterApp", "Dziennik:")
        where = f" {label} {self.log_file}" if self.log_file else ""
        return _fatal(
            QCoreApplication.translate("KlasterApp", "Nieoczekiwany błąd: {error}.").format(
                error=f"{exc.__class__.__name__}: {exc}"
            )
            + where,
            self.dialogs,
        )

    def _shutdown(self) -> None:
        self.window.flush_all()
        self.settings.sync()
        if self.window.handle is not None:
            self.window.handle.close()

    def close(self) -> None:
        """Release the database (the window's, which may be another one by now) and remove a demo's folder."""
        for handle in (self.window.handle if self.window is not None else None, self.handle):
            if handle is not None:
                handle.close()
        if self.temp_dir is not None:
            import shutil

            shutil.rmtree(self.temp_dir, ignore_errors=True)


def _is_storage_error(exc: BaseException) -> bool:
    db = sys.modules.get("models.db")  # not imported yet: the error cannot be one of its
    return db is not None and isinstance(exc, db.StorageError)


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
    dialogs = args.screenshot is None and QApplication.platformName() not in HEADLESS_PLATFORMS
    install_excepthook(log_file, dialogs)
    start = _Start(args, settings, dialogs, log_file)
    try:
        return start.run(app, lang)
    finally:
        start.close()


# The database and its lock live in ui.start.handle (imported once a database is opened: it brings peewee and the
# models); their old names here still work.
_HANDLE_NAMES = ("DatabaseBusy", "DatabaseHandle", "lock_database", "lock_path", "open_handle")


def __getattr__(name: str) -> Any:
    if name in _HANDLE_NAMES:
        from ui.start import handle

        return getattr(handle, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
