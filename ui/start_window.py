"""The start window, kept importable under its old name; the code lives in the `ui.start` package.

The dialog functions are re-exported for callers, but they are *looked up* in `ui.start.dialogs`: replace them
there (`monkeypatch.setattr(ui.start.dialogs, "show_error", ...)`), not here.
"""

from __future__ import annotations

from ui.start.actions import KKK_FILTER, RENEWAL_PARTS, ApplicationActions, export_file_name, renewal_carried
from ui.start.databases import DatabaseSwitcher
from ui.start.dialogs import (
    ask_confirm,
    ask_new_application,
    choose_open_file,
    choose_save_file,
    make_wizard,
    show_about,
    show_error,
)
from ui.start.table import (
    COL_COMPLETE,
    COL_KIND,
    COL_NAME,
    COL_ROUND,
    COL_SAVED,
    COL_STATE,
    COL_VERSION,
    ID_ROLE,
    SORT_ROLE,
    ApplicationTable,
    CompletenessDelegate,
    SortItem,
    percent_text,
)
from ui.start.window import StartWindow

__all__ = [
    "COL_COMPLETE",
    "COL_KIND",
    "COL_NAME",
    "COL_ROUND",
    "COL_SAVED",
    "COL_STATE",
    "COL_VERSION",
    "ID_ROLE",
    "KKK_FILTER",
    "RENEWAL_PARTS",
    "SORT_ROLE",
    "ApplicationActions",
    "ApplicationTable",
    "CompletenessDelegate",
    "DatabaseSwitcher",
    "SortItem",
    "StartWindow",
    "ask_confirm",
    "ask_new_application",
    "choose_open_file",
    "choose_save_file",
    "export_file_name",
    "make_wizard",
    "percent_text",
    "renewal_carried",
    "show_about",
    "show_error",
]
