"""Where things are: bundled resources (source tree or frozen folder) and per-user folders.

Resources are found through `resource_path` (from klaster.resources, beneath every layer) both when run from the
source tree and from a PyInstaller one-folder build (`sys._MEIPASS`). User data (database, backups, settings,
logs) always goes to the per-user folders.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_log_path

from klaster import APP_NAME
from klaster.resources import bundle_root, resource_path

__all__ = ["APP_NAME", "bundle_root", "log_dir", "resource_path"]


def log_dir() -> Path:
    return user_log_path(APP_NAME, appauthor=False)
