"""Where things are: bundled resources (source tree or frozen folder) and per-user folders.

Resources are found through `resource_path` both when run from the source tree and from a PyInstaller one-folder
build (`sys._MEIPASS`). User data (database, backups, settings, logs) always goes to the per-user folders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_log_path

APP_NAME = "Klaster"


def bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def log_dir() -> Path:
    return user_log_path(APP_NAME, appauthor=False)
