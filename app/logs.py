"""A rotating log file in the per-user log folder; the place every unexpected error is written to."""

from __future__ import annotations

import logging
from pathlib import Path

from app.paths import log_dir

MAX_BYTES = 1_000_000
BACKUPS = 3

_configured: Path | None = None


class _RotatingLog(logging.Handler):
    """`logging.handlers.RotatingFileHandler` on `path`, created when the first record comes: that module (with
    socket, pickle, queue ...) would otherwise be imported before the GUI's first window, which logs nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def _handler(self) -> logging.Handler:
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
            self._file.setFormatter(self.formatter)
        return self._file

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._handler().emit(record)
        except Exception:  # noqa: BLE001 - logging's own convention: report through handleError, never raise
            self.handleError(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        try:
            if self._file is not None:
                self._file.close()
        finally:
            super().close()


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to `<user log dir>/klaster.log` (1 MB x 3). Returns the file, or None if it cannot be written."""
    global _configured
    if _configured is not None:
        return _configured
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "klaster.log"
        with open(path, "a", encoding="utf-8"):  # writable? (the handler opens it when the first record comes)
            pass
    except OSError:
        return None
    handler = _RotatingLog(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path
