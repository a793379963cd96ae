"""Where resources and user data are: the same helper finds resources in the source tree and in a frozen folder
(PyInstaller's `sys._MEIPASS`), and user data never lands beside the program."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fake one-folder build: `sys.frozen` and `sys._MEIPASS` as the PyInstaller bootloader sets them."""
    bundle = tmp_path / "Klaster" / "_internal"
    (bundle / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def _inside(path: Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def test_source_tree_resources():
    assert paths.bundle_root() == ROOT
    assert paths.resource_path("fonts", "DejaVuSans.ttf") == ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
    assert paths.resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert paths.resource_path("icons", "klaster.png").is_file()


def test_frozen_resources_come_from_meipass(frozen: Path):
    assert paths.bundle_root() == frozen
    assert paths.resource_path("fonts", "DejaVuSans.ttf") == frozen / "resources" / "fonts" / "DejaVuSans.ttf"
    assert paths.resource_path("translations") == frozen / "resources" / "translations"


def test_every_resource_the_spec_ships_exists():
    """The files build.spec copies into the frozen folder are where `resource_path` looks for them."""
    for parts in (
        ("fonts", "DejaVuSans.ttf"),
        ("fonts", "DejaVuSans-Bold.ttf"),
        ("fonts", "LICENSE-DejaVu.txt"),
        ("icons", "klaster.svg"),
        ("icons", "klaster.png"),
        ("icons", "klaster.ico"),
    ):
        assert paths.resource_path(*parts).is_file(), parts
    assert list(paths.resource_path("translations").glob("klaster_*.qm"))


def test_form_definitions_sit_where_the_bundle_puts_them():
    """forms/loader.py finds definitions beside itself; build.spec copies them to the same relative place
    (`_internal/forms/definitions`), where the loader's `__file__` points in the frozen build."""
    from forms import loader

    assert Path(loader.DEFINITIONS_DIR) == paths.bundle_root() / "forms" / "definitions"
    assert sorted(Path(loader.DEFINITIONS_DIR).glob("*.json"))
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"forms/definitions"' in spec and '"resources/fonts"' in spec


@pytest.mark.parametrize("bundle_kind", ["source", "frozen"])
def test_user_data_never_inside_the_program_folder(bundle_kind: str, request: pytest.FixtureRequest, monkeypatch):
    monkeypatch.delenv("KLASTER_SETTINGS_DIR", raising=False)  # conftest points settings at a temporary folder
    program = request.getfixturevalue("frozen").parent if bundle_kind == "frozen" else ROOT
    from models.db import backups_dir, default_db_path
    from ui.settings import Settings

    db = default_db_path()
    user_paths = {
        "database": db,
        "backups": backups_dir(db),
        "logs": paths.log_dir(),
        "settings": Path(Settings().file_name),
    }
    for what, path in user_paths.items():
        assert path.is_absolute(), what
        assert not _inside(path, program), f"{what} at {path} is inside the program folder {program}"
        assert not _inside(path, paths.bundle_root()), f"{what} at {path} is inside the bundle"


def test_log_file_goes_to_the_user_log_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import logging

    from app import logs

    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path / "log")
    monkeypatch.setattr(logs, "_configured", None)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        path = logs.setup_logging()
        assert path == tmp_path / "log" / "klaster.log"
        logging.getLogger("klaster.test").warning("zażółć gęślą jaźń")
        for handler in root.handlers:
            handler.flush()
        assert "zażółć gęślą jaźń" in path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
