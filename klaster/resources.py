"""Bundled resources (fonts, icons, translations), found the same way in the source tree and in a PyInstaller
one-folder build (`sys._MEIPASS`, the `_internal` folder)."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)
