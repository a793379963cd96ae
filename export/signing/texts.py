"""One message in two languages: Polish by default, English under `--lang en` (klaster.messages.language)."""

from __future__ import annotations

from klaster.messages import language


def t(pl: str, en: str) -> str:
    return en if language() == "en" else pl
