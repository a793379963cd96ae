"""Languages of the user interface: Polish (the default, and the language of the source strings) or English.

Installs, before any widget exists, Qt's own `qtbase_pl.qm` (so QWizard, QMessageBox and QDialogButtonBox buttons
speak Polish) and the app's `resources/translations/klaster_<lang>.qm`, and sets the default QLocale
(pl_PL or en_GB) used for numbers and dates.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource_path

if TYPE_CHECKING:
    import datetime as dt

log = logging.getLogger(__name__)

LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"


def locale_for(lang: str) -> QLocale:
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Polish, QLocale.Country.Poland)


def _load(app: QCoreApplication, name: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        return translator
    log.info("translation %s not found in %s", name, folder)
    return None


def install_translators(app: QCoreApplication, lang: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install the translators for `lang` (unknown values fall back to Polish); returns those installed.

    The translators are parented to `app` and also kept on it, so Python never collects them while in use.
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for old in getattr(app, "_klaster_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    QLocale.setDefault(locale_for(lang))
    if lang == "pl":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase_pl",):
            t = _load(app, name, qt_folder)
            if t is not None:
                installed.append(t)
    own = resource_path("translations")
    name = f"klaster_{lang}"
    # Polish is the language of the source strings: its file is optional, and its absence not worth a log line.
    if own.is_dir() and (lang != DEFAULT_LANGUAGE or (own / f"{name}.qm").is_file()):
        t = _load(app, name, str(own))
        if t is not None:
            installed.append(t)
    app._klaster_translators = installed  # type: ignore[attr-defined]
    app._klaster_language = lang  # type: ignore[attr-defined]
    return installed


def current_language() -> str:
    """The language installed by `install_translators` (Polish before that)."""
    app = QCoreApplication.instance()
    return getattr(app, "_klaster_language", DEFAULT_LANGUAGE) if app is not None else DEFAULT_LANGUAGE


def datetime_text(value: dt.datetime | None, lang: str | None = None) -> str:
    """A moment as people of the language read it: `05.03.2025 14:07` (Polish) or `2025-03-05 14:07` (English)."""
    if value is None:
        return ""
    lang = lang or current_language()
    return value.strftime("%Y-%m-%d %H:%M" if lang == "en" else "%d.%m.%Y %H:%M")
