"""Table editors: the model over one table of the document, its cell editors, Excel paste and the widget."""

from ui.tables.editor import TableEditor
from ui.tables.model import TableModel
from ui.tables.paste import parse_clipboard_rows

__all__ = ["TableEditor", "TableModel", "parse_clipboard_rows"]
