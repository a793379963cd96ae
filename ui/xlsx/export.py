"""Exporting the whole application to one workbook (written off the UI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from export.atomic import with_extension
from export.xlsx.safety import Cancelled
from export.xlsx.workbook import write_application_xlsx
from forms.cells import fold
from ui.background import run_in_background, snapshot
from ui.xlsx import prompts

TITLE = "Eksport do Excela"


def suggested_name(session: Any) -> str:
    name = fold(session.doc.get("cluster.name", "") or "wniosek").replace(" ", "_")[:60] or "wniosek"
    return f"{name}_kkk.xlsx"


def export_xlsx(parent: QWidget | None, session: Any) -> Path | None:
    """Ask where, then write the application (members, tables, indicators, summary); returns the path or None."""
    chosen = prompts.choose_save_file(parent, "Zapisz wniosek jako skoroszyt Excel", suggested_name(session))
    if not chosen:
        return None
    path = with_extension(chosen, ".xlsx")
    doc, info = snapshot(session)
    sources = session.repo.row_sources(session.app_id, "members")
    try:
        run_in_background(
            parent, "Zapisywanie skoroszytu…", lambda progress: write_application_xlsx(doc, info, path, sources=sources)
        )
    except Cancelled:
        return None
    except OSError as exc:
        prompts.show_error(parent, TITLE, f"Nie można zapisać pliku {path}: {exc.strerror or exc}.")
        return None
    prompts.show_info(parent, TITLE, f"Zapisano wniosek w pliku {path}.")
    return path
