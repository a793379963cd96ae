"""Writing files so that a crash never leaves a half-written one: temporary file, fsync, rename; and the name of
a file to write as a save dialog gave it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private; a document is meant to be shared
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def with_extension(chosen: str | Path, extension: str) -> Path:
    """The file a save dialog's answer names, `extension` (".pdf") added when the user left it out."""
    path = Path(chosen)
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)
