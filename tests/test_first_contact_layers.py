"""Issue 11, item 9: the exporters (and forms/, models/) never import the shell (app/) or the GUI (ui/); what they
share with the shell (version, resources, OS error texts) lives in `klaster/`, beneath every layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Imports of app/ still to move (files another change owns); each entry must still be true, so the list shrinks.
PENDING: set[tuple[str, str]] = set()


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", ["export", "forms", "models", "klaster"])
def test_lower_layers_do_not_import_the_shell(layer: str):
    upward = {"app", "ui"} | ({"export", "forms", "models"} if layer == "klaster" else set())
    found = set()
    for path in sorted((ROOT / layer).rglob("*.py")):
        for package in _imported_packages(path) & upward:
            found.add((path.relative_to(ROOT).as_posix(), package))
    assert found - PENDING == set()
    assert {entry for entry in PENDING if entry[0].startswith(layer + "/")} <= found, "PENDING lists a fixed import"


def test_the_version_has_one_home():
    import app
    import klaster

    assert app.__version__ == klaster.__version__
    build = (ROOT / "build_app.py").read_text(encoding="utf-8") + (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'ROOT / "klaster" / "__init__.py"' in build and 'ROOT / "app" / "__init__.py"' not in build
