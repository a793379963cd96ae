"""Reading back what we put in a PDF's document information: the checksum (for `verify`), without a PDF library.

reportlab writes the information dictionary uncompressed, with `Keywords` as a literal string holding
`sha256:<64 hex>`; every page also prints the grouped form and the cover the full one.
"""

from __future__ import annotations

import re
from pathlib import Path

_KEYWORDS = re.compile(rb"/Keywords\s*\(([^)]*)\)")
_SHA = re.compile(rb"sha256:([0-9a-f]{64})")


def read_checksum(source: Path | str | bytes) -> str | None:
    """The document checksum (64 hex digits) recorded in a PDF written by Klaster; None when there is none."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    for keywords in _KEYWORDS.finditer(data):
        found = _SHA.search(keywords.group(1))
        if found:
            return found.group(1).decode("ascii")
    return None
