"""Excel in the GUI: importing members with a preview, questionnaires per member, exporting the application.

The lead wires these into the wizard's menu:
- `import_members_dialog(parent, session)`  Wniosek › Importuj członków z Excela…
- `questionnaires_dialog(parent, session)`  Wniosek › Ankiety członków…
- `export_xlsx(parent, session)`            Plik › Eksportuj do Excela…
"""

from ui.xlsx.export import export_xlsx
from ui.xlsx.import_dialog import import_members_dialog
from ui.xlsx.questionnaires_dialog import questionnaires_dialog

__all__ = ["export_xlsx", "import_members_dialog", "questionnaires_dialog"]
