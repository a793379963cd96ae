"""A rotating log file in the per-user log folder; the place every unexpected error is written to."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.paths import log_dir

_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to `<user log dir>/klaster.log` (1 MB x 3). Returns the file, or None if it cannot be written."""
    global _configured
    if _configured is not None:
        return _configured
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "klaster.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path
