"""Starting the GUI: arguments, logging, translations, the error hook, the database and its lock, the start window.

    python main.py [--db PATH] [--lang pl|en]
    python main.py --demo [--screenshot DIR]

The start window is shown first, in its loading state ("Otwieram bazę danych…"); the database is locked, opened
and listed just after, from the running event loop, so the window appears before peewee, the models and the form
checks are even imported (keep it so: nothing imported before the window is shown may import them at module level).

Before the QApplication exists, on Linux with an X11 display, app.xcb checks that Qt's xcb plugin can load and
otherwise names the missing libraries and the `apt-get install` line (Qt's own message misleads). `--demo` and
`--screenshot` leave no traces: their settings (window geometry, recent databases) go to a throw-away store in a
temporary folder, removed with the demo database on every way out: normal exit, SIGINT (Ctrl+C) and SIGTERM.

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
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.args import PolishArgumentParser, UsageError, error_line, lang_first
from app.logs import setup_logging
from klaster import __version__
from klaster.messages import set_language
from klaster.resources import resource_path

if TYPE_CHECKING:
    from models.repository import Repository
    from ui.settings import Settings
    from ui.start.handle import DatabaseHandle
    from ui.start.window import StartWindow

log = logging.getLogger(__name__)

HEADLESS_PLATFORMS = ("offscreen", "minimal")
SETTINGS_ENV = "KLASTER_SETTINGS_DIR"  # ui.settings.ENV_DIR (not imported before the window: it brings QSettings)
WIZARD_SIZE = (1280, 860)
START_SIZE = (1100, 640)


# Arguments -------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = PolishArgumentParser(prog="main.py", description="Klaster: wniosek o status Krajowego Klastra Kluczowego")
    p.add_argument("--db", type=_db_location, help="plik bazy danych (domyślnie w folderze danych użytkownika)")
    p.add_argument("--lang", choices=("pl", "en"), default=None, help="język interfejsu (domyślnie polski)")
    p.add_argument("--demo", action="store_true", help="otwórz przykładowy wniosek (bez --db: w bazie tymczasowej)")
    p.add_argument("--screenshot", type=Path, metavar="DIR", help="zapisz zrzuty ekranu wszystkich stron i zakończ")
    p.add_argument("file", type=Path, nargs="?", help="plik .kkk.json do zaimportowania (otwarty z menedżera plików)")
    p.add_argument("--size", metavar="SZERxWYS", help="rozmiar okna zrzutów w pikselach ekranu, np. 1366x768")
    p.add_argument("--scale", type=float, metavar="F", help="skalowanie ekranu przy zrzutach, np. 1.25, 1.5, 2")
    return p


def screen_size(text: str | None) -> tuple[int, int] | None:
    """`1366x768` -> (1366, 768); None when not given."""
    if text is None:
        return None
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if match is None:
        raise UsageError(f"--size: {text} nie jest rozmiarem w postaci SZERxWYS, np. 1366x768")
    return int(match.group(1)), int(match.group(2))


def _db_location(text: str) -> Any:
    """`--db`: a team database's `postgresql://` URL stays text (a Path would fold its `//`); else a Path."""
    return text.strip() if text.strip().lower().startswith(("postgresql://", "postgres://")) else Path(text)


def parse_args(argv: list[str]) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if args.screenshot is not None and args.screenshot.exists() and not args.screenshot.is_dir():
        raise UsageError(f"--screenshot: {args.screenshot} nie jest folderem")
    args.size = screen_size(args.size)
    if args.scale is not None and not 0.5 <= args.scale <= 4:
        raise UsageError(f"--scale: {args.scale} poza zakresem 0.5-4")
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


def take_screenshots(
    window, app_id: int | None, folder: Path, size: tuple[int, int] | None = None, scale: float | None = None
) -> list[Path]:
    """00-start.png, then NN-<page>.png for every page of the wizard on `app_id`; with `size` (screen pixels)
    every window is grabbed at that size, divided by `scale` (QT_SCALE_FACTOR, set before the application)."""
    from ui.session import Session
    from ui.start import dialogs

    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    factor = scale or 1.0
    logical = (round(size[0] / factor), round(size[1] / factor)) if size else None
    window.resize(*(logical or START_SIZE))
    window.show()
    settle()
    saved.append(folder / "00-start.png")
    _save_grab(window, saved[-1])
    if app_id is None:
        return saved
    session = Session(window.repo, app_id)
    wizard = dialogs.make_wizard(session)
    window.sessions[app_id] = session  # flushed with the others on the way out
    wizard.resize(*(logical or WIZARD_SIZE))
    wizard.show()
    settle(150)
    for number, page_id in enumerate(wizard.page_ids(), start=1):
        wizard.show_page(page_id)
        settle()
        saved.append(folder / f"{number:02d}-{re.sub(r'[^0-9A-Za-z._-]+', '-', page_id)}.png")
        _save_grab(wizard, saved[-1])
    session.flush()
    wizard.hide()
    saved += _empty_register_and_dialogs(window, session, folder, logical or WIZARD_SIZE)
    return saved


def _empty_register_and_dialogs(window, demo: Any, folder: Path, size: tuple[int, int]) -> list[Path]:
    """NN-members-empty.png: the member register of a new application (how to fill it), at the wizard's size;
    dialogs/new-application.png: the new-application dialog at its own size (a folder of its own, so every
    picture in `folder` has the window's size)."""
    from ui.dialogs.new_application import NewApplicationDialog
    from ui.session import Session
    from ui.start import dialogs

    saved: list[Path] = []
    members = [s.id for s in demo.definition.sections if s.kind == "members"]
    if members:
        empty_id = window.repo.create(demo.definition.id, "", "nadanie")
        session = Session(window.repo, empty_id)
        window.sessions[empty_id] = session
        wizard = dialogs.make_wizard(session)
        wizard.resize(*size)
        wizard.show()
        wizard.show_page(members[0])
        settle(150)
        number = wizard.page_ids().index(members[0]) + 1
        saved.append(folder / f"{number:02d}-{re.sub(r'[^0-9A-Za-z._-]+', '-', members[0])}-empty.png")
        _save_grab(wizard, saved[-1])
        wizard.hide()
    (folder / "dialogs").mkdir(exist_ok=True)
    dialog = NewApplicationDialog(window)
    dialog.show()
    settle()
    saved.append(folder / "dialogs" / "new-application.png")
    _save_grab(dialog, saved[-1])
    dialog.hide()
    dialog.deleteLater()
    return saved


# The entry point -------------------------------------------------------------------------------------
class _Start:
    """The start window shown at once, in its loading state; the database locked, opened and listed just after
    (`open_database`, from the running event loop or, for screenshots, directly)."""

    def __init__(
        self,
        args: argparse.Namespace,
        settings: Settings,
        dialogs: bool,
        log_file: Path | None,
        scratch: Path | None = None,
    ) -> None:
        self.args = args
        self.settings = settings
        self.dialogs = dialogs
        self.log_file = log_file
        self.screenshot = args.screenshot is not None
        self.window: StartWindow | None = None
        self.handle: DatabaseHandle | None = None
        self.scratch = scratch  # the throw-away folder of --demo / --screenshot (settings, demo database)
        self.temp_dir: Path | None = None  # set when the database itself is a throw-away demo
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
        elif getattr(self.args, "file", None) is not None:  # Windows' file association: "Klaster.exe" "%1"
            self.window.import_file(self.args.file)

    def _screenshots(self) -> int:
        code = self.open_database()
        if code is not None:
            return code
        saved = take_screenshots(self.window, self.target, self.args.screenshot, self.args.size, self.args.scale)
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

                self.temp_dir = self.scratch or Path(tempfile.mkdtemp(prefix="klaster-demo-"))
                db_path = self.temp_dir / "demo.sqlite"
            else:
                db_path = args.db if args.db is not None else default_db_path()
            try:
                self.handle = self._open_or_restore(open_handle, _db_location(str(db_path)))  # a path or a URL
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

    def _open_or_restore(self, open_handle: Any, db_path: Path) -> Any:
        """Open the database; a damaged one (with dialogs) is shown with its backups, and opened again once the
        user restored one. Raises the StorageError to report otherwise."""
        from models.faults import DatabaseDamaged

        try:
            return open_handle(db_path)
        except DatabaseDamaged as exc:
            if not self.dialogs:
                raise
            from ui.start.restore import offer_restore

            if not offer_restore(self.window, db_path, str(exc)):
                raise
            return open_handle(db_path)

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
        for folder in {self.temp_dir, self.scratch} - {None}:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)


def _is_storage_error(exc: BaseException) -> bool:
    db = sys.modules.get("models.db")  # not imported yet: the error cannot be one of its
    return db is not None and isinstance(exc, db.StorageError)


class _Signals:
    """SIGINT and SIGTERM end the event loop the normal way (flush, release the database, remove temporary
    folders) instead of killing the process. Python runs its signal handlers only between bytecodes, so a timer
    wakes the interpreter a few times a second while Qt's loop runs."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._previous: dict[int, Any] = {}
        self._timer: QTimer | None = None

    def install(self) -> None:
        for number in (signal.SIGINT, signal.SIGTERM):
            try:
                self._previous[number] = signal.signal(number, self._handle)
            except (ValueError, OSError):  # not the main thread (tests): leave the handlers alone
                return
        self._timer = QTimer()
        self._timer.timeout.connect(lambda: None)
        self._timer.start(200)

    def _handle(self, number: int, _frame: object) -> None:
        self.received = number
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def restore(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def exit_code(self, code: int) -> int:
        return 128 + self.received if self.received is not None else code


def throwaway_settings(real: Settings) -> tuple[Settings, Path]:
    """A settings store in a new temporary folder, starting with the user's language; every `Settings()` made
    from now on in this process (dialogs, the wizard) goes there too, through KLASTER_SETTINGS_DIR."""
    import tempfile

    from ui.settings import Settings

    scratch = Path(tempfile.mkdtemp(prefix="klaster-demo-"))
    os.environ[SETTINGS_ENV] = str(scratch / "settings")
    settings = Settings(scratch / "settings")
    settings.language = real.language
    return settings, scratch


def run_gui(argv: list[str]) -> int:
    try:
        args = parse_args(lang_first(argv))
    except UsageError as exc:
        _stderr(error_line(exc))
        return 2
    set_language(args.lang)
    if args.scale is not None and QApplication.instance() is None:  # screen scaling, as a 125-200 % display has
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    if QApplication.instance() is None:  # Qt would abort on a plugin that cannot load, with a misleading line
        from app.xcb import check_xcb

        problem = check_xcb()
        if problem is not None:
            _stderr(problem)
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
    scratch = None
    settings_env = os.environ.get(SETTINGS_ENV)
    if args.demo or args.screenshot is not None:  # leave no traces in the user's settings
        settings, scratch = throwaway_settings(settings)
    lang = args.lang or settings.language
    set_language(lang)
    install_translators(app, lang)  # before any widget exists
    dialogs = args.screenshot is None and QApplication.platformName() not in HEADLESS_PLATFORMS
    install_excepthook(log_file, dialogs)
    start = _Start(args, settings, dialogs, log_file, scratch)
    signals = _Signals()
    signals.install()
    try:
        return signals.exit_code(start.run(app, lang))
    finally:
        signals.restore()
        start.close()
        if settings_env is None:
            os.environ.pop(SETTINGS_ENV, None)
        else:
            os.environ[SETTINGS_ENV] = settings_env


# The database and its lock live in ui.start.handle (imported once a database is opened: it brings peewee and the
# models); their old names here still work.
_HANDLE_NAMES = ("DatabaseBusy", "DatabaseHandle", "lock_database", "lock_path", "open_handle")


def __getattr__(name: str) -> Any:
    if name in _HANDLE_NAMES:
        from ui.start import handle

        return getattr(handle, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
