"""Where an imported row came from, as people read it: for the register's tooltips and the row details.

The lead's table editor can show `source_texts(session, "members")[row.uid]` as the tooltip of a row's first cell.
"""

from __future__ import annotations

from typing import Any

from forms.fmt import format_date


def source_text(src: Any) -> str:
    """`Wczytano 27.11.2026 10:15 z pliku „czlonkowie.xlsx”, arkusz „Dane”, wiersz 5 (SHA-256 3f9a1c02…)`."""
    when = f"{format_date(src.imported_at.date())} {src.imported_at:%H:%M}"
    where = f"z pliku „{src.file_name}”"
    if src.sheet:
        where += f", arkusz „{src.sheet}”"
    if src.row is not None:
        where += f", wiersz {src.row}"
    return f"Wczytano {when} {where} (SHA-256 {src.sha256[:8]}…)"


def source_texts(session: Any, table_key: str) -> dict[str, str]:
    """Texts by row uid for the rows of a table that came from a file."""
    return {uid: source_text(src) for uid, src in session.repo.row_sources(session.app_id, table_key).items()}
