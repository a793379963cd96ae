"""The manifest of a package: every file with its size and SHA-256, and the application's checksum.

Written twice: `manifest.json` for programs and `SUMY_KONTROLNE.txt` in the `sha256sum` format for people
(`sha256sum -c SUMY_KONTROLNE.txt` checks a package on Linux; `Get-FileHash` on Windows).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
SUMS = "SUMY_KONTROLNE.txt"
FORMAT = "kkk-package"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    name: str  # path inside the package, with forward slashes
    size: int
    sha256: str
    role: str  # application_pdf, summary_pdf, workbook, data, attachment


def manifest_dict(meta: dict[str, Any], entries: list[Entry]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": 1,
        **meta,
        "files": [{"name": e.name, "size": e.size, "sha256": e.sha256, "role": e.role} for e in entries],
    }


def manifest_bytes(meta: dict[str, Any], entries: list[Entry]) -> bytes:
    return (json.dumps(manifest_dict(meta, entries), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def sums_bytes(entries: list[Entry]) -> bytes:
    return "".join(f"{e.sha256}  {e.name}\n" for e in entries).encode("utf-8")
