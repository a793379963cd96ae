"""Issue 11, item 2: dev.py guards the newcomer (old Python, a foreign or half-built .venv, quiet pip, --help)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
dev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev)


def _fake_venv(path: Path, version: str = "3.11.7", python: bool = True, complete: bool = True) -> Path:
    (path / "bin").mkdir(parents=True)
    (path / "pyvenv.cfg").write_text(f"home = /usr/bin\ninclude-system-site-packages = false\nversion = {version}\n")
    if python:
        (path / "bin" / "python").write_text("")
    if complete:
        (path / dev.COMPLETE).write_text("")
    return path


def test_an_old_python_is_refused_in_one_polish_line():
    message = dev.python_problem((3, 10, 13), "/usr/bin/python3")
    assert message is not None and "\n" not in message
    assert "3.10.13" in message and "3.11" in message and "wymaga" in message and "apt-get install" in message
    assert dev.python_problem((3, 11, 0), "x") is None and dev.python_problem((3, 13, 1), "x") is None


def test_the_refusal_comes_before_anything_is_created(monkeypatch, capsys):
    monkeypatch.setattr(dev, "python_problem", lambda: "Klaster wymaga Pythona 3.11 lub nowszego")
    monkeypatch.setattr(dev, "ensure_venv", lambda *a, **k: pytest.fail("a venv was made with an old Python"))
    assert dev.main(["run"]) == 2
    assert capsys.readouterr().err.strip() == "Klaster wymaga Pythona 3.11 lub nowszego"


def test_help_exits_0_and_a_wrong_command_2(capsys):
    assert dev.main(["--help"]) == 0
    assert "python3 dev.py run" in capsys.readouterr().out
    assert dev.main(["-h"]) == 0 and dev.main(["help"]) == 0
    assert dev.main(["bogus"]) == 2 and dev.main([]) == 2


def test_help_exits_0_from_the_shell():
    proc = subprocess.run([sys.executable, str(ROOT / "dev.py"), "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "dev.py test" in proc.stdout and not proc.stderr


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (dict(version="3.10.13"), "Python 3.10"),
        (dict(python=False), "brak interpretera"),
        (dict(complete=False), "przerwane"),
    ],
)
def test_a_foreign_or_half_built_venv_is_detected(tmp_path: Path, setup: dict, reason: str):
    venv = _fake_venv(tmp_path / ".venv", **setup)
    problem = dev.venv_problem(venv, (3, 11), windows=False)
    assert problem is not None and reason in problem


def test_a_good_venv_and_a_missing_one_are_fine(tmp_path: Path):
    assert dev.venv_problem(_fake_venv(tmp_path / "a"), (3, 11), windows=False) is None
    assert dev.venv_problem(tmp_path / "none", (3, 11), windows=False) is None
    legacy = _fake_venv(tmp_path / "b", complete=False)  # made before the marker existed, but fully installed
    (legacy / ".installed-requirements.txt").write_text("x")
    assert dev.venv_problem(legacy, (3, 11), windows=False) is None
    (tmp_path / "c").mkdir()
    assert "pyvenv.cfg" in dev.venv_problem(tmp_path / "c", (3, 11), windows=False)


def test_windows_venv_layout(tmp_path: Path):
    assert dev.venv_python(tmp_path, windows=True) == tmp_path / "Scripts" / "python.exe"
    venv = tmp_path / "w"
    (venv / "Scripts").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("version_info = 3.12.4.final.0\n")
    (venv / "Scripts" / "python.exe").write_text("")
    (venv / dev.COMPLETE).write_text("")
    assert dev.venv_problem(venv, (3, 12), windows=True) is None
    assert "3.12" in dev.venv_problem(venv, (3, 11), windows=True)


def test_ensure_venv_rebuilds_a_foreign_venv(tmp_path: Path, monkeypatch):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "requirements.txt").write_text("peewee\n")
    _fake_venv(root / ".venv", version="3.10.13")
    made, installed = [], []
    monkeypatch.setattr(dev, "create_venv", lambda venv: (made.append(venv), _fake_venv(venv)))
    monkeypatch.setattr(dev, "pip_install", lambda python, req, log: installed.append(req.name))
    monkeypatch.setattr(dev, "venv_python", lambda venv, windows=False: venv / "bin" / "python")
    monkeypatch.setattr(dev.sys, "version_info", (3, 11, 7, "final", 0))
    dev.ensure_venv("requirements.txt", root)
    assert made == [root / ".venv"] and installed == ["requirements.txt"]
    dev.ensure_venv("requirements.txt", root)  # nothing changed: nothing done
    assert len(made) == 1 and len(installed) == 1


PIP_FAILURE = """\
Looking in links: /opt/wheels
Collecting peewee==4.5.3 (from -r requirements.txt (line 6))
ERROR: Ignored the following versions that require a different python version: 4.13.0 Requires-Python >=3.11
ERROR: Could not find a version that satisfies the requirement platformdirs==4.14.8 (from versions: 4.12.4)
ERROR: No matching distribution found for platformdirs==4.14.8
"""


def test_the_failing_package_is_named():
    assert dev.failing_package(PIP_FAILURE) == "platformdirs==4.14.8"
    assert dev.failing_package("  Failed building wheel for pypdfium2\n") == "pypdfium2"
    conflict = "ERROR: Cannot install platformdirs==4.14.8 and platformdirs==99.0 because these package versions have"
    assert dev.failing_package(conflict + " conflicting dependencies.") == "platformdirs==4.14.8 and platformdirs==99.0"
    assert dev.failing_package("all fine") is None


def test_pip_stays_quiet_unless_it_fails(tmp_path: Path, capsys):
    ok = tmp_path / "ok.py"
    ok.write_text("print('a wall of pip text')\n")
    bad = tmp_path / "bad.py"
    bad.write_text(f"import sys; print({PIP_FAILURE!r}); sys.exit(1)\n")
    req = tmp_path / "requirements.txt"
    req.write_text("x\n")
    python = tmp_path / "python"
    python.write_text(f'#!/bin/sh\nexec {sys.executable} {ok} "$@"\n')
    python.chmod(0o755)
    if sys.platform == "win32":
        pytest.skip("shell script stands in for the venv's python")
    dev.pip_install(python, req, tmp_path / "pip.log")
    assert capsys.readouterr() == ("", "")
    python.write_text(f'#!/bin/sh\nexec {sys.executable} {bad} "$@"\n')
    with pytest.raises(dev.SetupError) as err:
        dev.pip_install(python, req, tmp_path / "pip.log")
    text = str(err.value)
    assert "pakietu platformdirs==4.14.8" in text and "requirements.txt" in text
    assert len(text.splitlines()) <= 6 and "pip.log" in text
    assert "No matching distribution" in (tmp_path / "pip.log").read_text()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX venv layout")
def test_a_real_venv_is_marked_complete(tmp_path: Path, monkeypatch):
    """One real venv (without pip's packages: an empty requirements file), to prove the marker and the stamp."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "requirements.txt").write_text("# nothing\n")
    python = dev.ensure_venv("requirements.txt", root)
    assert python.exists() and (root / ".venv" / dev.COMPLETE).exists()
    assert (root / ".venv" / ".installed-requirements.txt").exists()
    assert dev.venv_problem(root / ".venv") is None
