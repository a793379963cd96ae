"""What the questionnaire says beside its questions, read from `resources/questionnaire/objasnienia.json`.

The content (EU SME size classes and thresholds, B+R, a technology start-up, each management system and Industry
4.0 technology, which figures are yearly, what a complete questionnaire must answer) is data, not code: a new round
or a better wording changes the file. A definition whose source is `program` is shown as Klaster's recommendation.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

from klaster.resources import resource_path

HELP_FILE = ("questionnaire", "objasnienia.json")
PROGRAM = "program"


@dataclass(frozen=True)
class QuestionnaireHelp:
    columns: dict[str, dict] = field(default_factory=dict)
    choices: dict[str, dict[str, str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    needed_all: tuple[str, ...] = ()
    needed_enterprises: tuple[str, ...] = ()

    def definition(self, column: str) -> str:
        """The definition of a column with its source (`program`: marked as the program's recommendation)."""
        entry = self.columns.get(column) or {}
        text = entry.get("definition", "")
        source = entry.get("source")
        if text and source == PROGRAM:
            return f"Wskazówka programu: {text}"
        if text and source in self.sources:
            return f"{text} (Źródło: {self.sources[source]}.)"
        return text

    def choice(self, list_id: str, code: str) -> str:
        return self.choices.get(list_id, {}).get(code, "")

    def is_yearly(self, column: str) -> bool:
        return bool((self.columns.get(column) or {}).get("yearly"))

    def needed(self, enterprise: bool) -> tuple[str, ...]:
        return self.needed_all + (self.needed_enterprises if enterprise else ())


@functools.cache
def load_help() -> QuestionnaireHelp:
    data = json.loads(resource_path(*HELP_FILE).read_text(encoding="utf-8"))
    needed = data.get("needed", {})
    return QuestionnaireHelp(
        data.get("columns", {}),
        data.get("choices", {}),
        data.get("sources", {}),
        tuple(needed.get("all", ())),
        tuple(needed.get("enterprises", ())),
    )
