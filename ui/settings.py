"""The user's settings: one small wrapper over `QSettings` with the defaults declared in one place.

Stored as an INI file in the per-user configuration folder (organisation and application "Klaster"). Tests and
portable runs point it elsewhere with `Settings(folder)` or the environment variable `KLASTER_SETTINGS_DIR`, so
they never touch the real user settings.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

ENV_DIR = "KLASTER_SETTINGS_DIR"
FILE_NAME = "klaster.ini"
MAX_RECENT = 8

DEFAULTS: dict[str, Any] = {
    "language": "pl",  # pl | en
    "recent_databases": [],  # most recent first
    "mail_limit_mb": 20,  # a package above this total size is flagged and may be split into parts
    "ministry_email": "",  # the ministry's address for the e-mail draft (never guessed: the user enters it)
    "package_folder": "",  # where packages were last written
    "autosave_idle_ms": 300,
}


def _norm(path: str | os.PathLike[str]) -> str:
    """A canonical spelling of a path, so that the same file is never listed twice."""
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def updated_recent(
    current: Iterable[str],
    opened: str | os.PathLike[str] | None = None,
    *,
    limit: int = MAX_RECENT,
    exists: Callable[[str], bool] = os.path.exists,
) -> list[str]:
    """The recent-databases list after `opened` was opened: most recent first, no duplicates, no missing files,
    at most `limit` entries. Pure apart from `exists` (injectable for tests)."""
    out: list[str] = []
    seen: set[str] = set()
    candidates = ([os.fspath(opened)] if opened is not None else []) + [str(p) for p in current if p]
    for path in candidates:
        key = _norm(path)
        if key in seen or not exists(path):
            continue
        seen.add(key)
        out.append(os.path.abspath(path))
        if len(out) >= limit:
            break
    return out


class Settings:
    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        folder = folder if folder is not None else os.environ.get(ENV_DIR) or None
        if folder is not None:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self._qs = QSettings(str(Path(folder) / FILE_NAME), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Klaster", "Klaster")

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def sync(self) -> None:
        self._qs.sync()

    # Typed values ------------------------------------------------------------------------------
    def get(self, key: str) -> Any:
        """The stored value converted to the type of its default (INI files give back strings)."""
        default = DEFAULTS[key]
        raw = self._qs.value(key, None)
        if raw is None:
            return list(default) if isinstance(default, list) else default
        try:
            if isinstance(default, bool):
                return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, list):
                # QSettings gives a single-element list back as a plain string and an empty one as None/"".
                if isinstance(raw, str):
                    return [raw] if raw else []
                return [str(x) for x in raw]
            return str(raw)
        except (TypeError, ValueError):
            return list(default) if isinstance(default, list) else default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._qs.setValue(key, value)

    @property
    def language(self) -> str:
        lang = self.get("language")
        return lang if lang in ("pl", "en") else "pl"

    @language.setter
    def language(self, lang: str) -> None:
        self.set("language", lang if lang in ("pl", "en") else "pl")

    @property
    def mail_limit_mb(self) -> int:
        return max(1, self.get("mail_limit_mb"))

    # Recent databases -------------------------------------------------------------------------
    def recent_databases(self) -> list[str]:
        """Databases opened before, most recent first; files that no longer exist are left out."""
        return updated_recent(self.get("recent_databases"))

    def add_recent_database(self, path: str | os.PathLike[str]) -> list[str]:
        recent = updated_recent(self.get("recent_databases"), path)
        self.set("recent_databases", recent)
        return recent

    # Table columns ----------------------------------------------------------------------------
    def hidden_columns(self, table_key: str) -> list[str]:
        """The columns of a table the user chose to hide (by column key), kept between sessions."""
        raw = self._qs.value(f"tables/{table_key}/hidden_columns", None)
        if not raw:
            return []
        return [raw] if isinstance(raw, str) else [str(x) for x in raw]

    def set_hidden_columns(self, table_key: str, keys: Iterable[str]) -> None:
        keys = sorted(set(keys))
        name = f"tables/{table_key}/hidden_columns"
        if keys:
            self._qs.setValue(name, keys)
        else:
            self._qs.remove(name)

    # Window geometry --------------------------------------------------------------------------
    def save_geometry(self, name: str, widget: QWidget) -> None:
        self._qs.setValue(f"windows/{name}/geometry", widget.saveGeometry())
        if isinstance(widget, QMainWindow):
            self._qs.setValue(f"windows/{name}/state", widget.saveState())

    def restore_geometry(self, name: str, widget: QWidget) -> bool:
        """Restore what `save_geometry` stored; False (and the widget untouched) when nothing usable is stored."""
        geometry = self._qs.value(f"windows/{name}/geometry", None)
        restored = isinstance(geometry, QByteArray | bytes) and bool(widget.restoreGeometry(QByteArray(geometry)))
        state = self._qs.value(f"windows/{name}/state", None)
        if isinstance(widget, QMainWindow) and isinstance(state, QByteArray | bytes):
            widget.restoreState(QByteArray(state))
        return restored
