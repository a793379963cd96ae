"""One command to set up and run, or set up and test, on a fresh machine with Python 3.11+.

    python3 dev.py run [ARGS...]    create .venv, install the app's dependencies, start the app (ARGS go to main.py)
    python3 dev.py test [ARGS...]   create .venv, install the test dependencies, run the tests offscreen
    python3 dev.py --help           this help (in Polish), exit 0

Only the standard library is used here, so it works before anything is installed, on Linux and Windows alike. It
guards the newcomer: a Python older than 3.11 is refused in one line (this file parses on Python 3.7+ for that);
a `.venv` made by another interpreter or left half-built is rebuilt; pip's output is shown only when it fails,
with the package that failed named.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)
COMPLETE = ".klaster-venv-complete"  # written once the venv and its pip exist

USAGE = """Klaster: przygotowanie środowiska i uruchomienie (tylko biblioteka standardowa Pythona 3.11+).

    python3 dev.py run [ARGUMENTY...]   tworzy .venv, instaluje zależności programu i uruchamia go
                                        (ARGUMENTY trafiają do main.py, np. --demo)
    python3 dev.py test [ARGUMENTY...]  tworzy .venv, instaluje zależności testów i uruchamia testy (offscreen)
    python3 dev.py --help               ta pomoc

Środowisko .venv jest budowane od nowa, gdy utworzył je inny Python albo jego instalacja została przerwana."""


def python_problem(version: tuple = tuple(sys.version_info[:3]), executable: str = sys.executable) -> str | None:
    """None for a suitable interpreter; otherwise the one Polish line saying what was found and what to do."""
    if tuple(version[:2]) >= MIN_PYTHON:
        return None
    found = ".".join(str(n) for n in version[:3])
    need = ".".join(str(n) for n in MIN_PYTHON)
    if os.name == "nt":
        how = (
            "zainstaluj Pythona 3.12 z python.org (albo: winget install Python.Python.3.12) i uruchom: py -3.12 dev.py"
        )
    else:
        how = (
            "zainstaluj nowszy (Debian 12 / Ubuntu 24.04: sudo apt-get install python3 python3-venv; "
            "inne systemy: python.org lub pyenv) i uruchom: python3.12 dev.py"
        )
    return f"Klaster wymaga Pythona {need} lub nowszego, a {executable} to Python {found}: {how}"


def venv_python(venv: Path = VENV, windows: bool = os.name == "nt") -> Path:
    return venv / ("Scripts/python.exe" if windows else "bin/python")


def venv_version(venv: Path) -> tuple[int, int] | None:
    """The (major, minor) of the Python that made `venv`, from its pyvenv.cfg; None when unreadable."""
    try:
        text = (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"^\s*(?:version|version_info)\s*=\s*(\d+)\.(\d+)", text, re.M)
    return (int(match.group(1)), int(match.group(2))) if match else None


def venv_problem(
    venv: Path = VENV, current: tuple = tuple(sys.version_info[:2]), windows: bool = os.name == "nt"
) -> str | None:
    """Why `venv` must be rebuilt (in Polish), or None when it can be used. A missing venv is not a problem."""
    if not venv.exists():
        return None
    made_by = venv_version(venv)
    if made_by is None:
        return "brak pyvenv.cfg"
    if made_by != tuple(current[:2]):
        return f"utworzył je Python {made_by[0]}.{made_by[1]}, a teraz działa {current[0]}.{current[1]}"
    if not venv_python(venv, windows).exists():
        return "brak interpretera w środowisku"
    if not (venv / COMPLETE).exists() and not list(venv.glob(".installed-*")):  # (a stamp: made before the marker)
        return "jego tworzenie zostało przerwane"
    return None


def create_venv(venv: Path) -> None:
    import venv as venv_module

    try:
        venv_module.EnvBuilder(with_pip=True).create(venv)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(venv, ignore_errors=True)
        hint = " (Debian/Ubuntu: sudo apt-get install python3-venv)" if os.name != "nt" else ""
        raise SetupError(f"Nie można utworzyć środowiska {venv}: {exc}{hint}") from None
    (venv / COMPLETE).write_text(sys.version, encoding="utf-8")


class SetupError(Exception):
    """Setting up failed: one message for the user, exit code 1."""


def failing_package(pip_output: str) -> str | None:
    """The requirement pip could not install, read from its output (the newest pip phrases first)."""
    patterns = (
        r"No matching distribution found for ([^\s]+)",
        r"Could not find a version that satisfies the requirement ([^\s]+)",
        r"Cannot install (.+?) because these package versions have conflicting dependencies",
        r"Failed to build ([^\s]+)",
        r"Failed building wheel for ([^\s]+)",
        r"Building wheel for ([^\s]+) \(.*\) \.\.\. error",
        r"Getting requirements to build wheel did not run successfully.*?\n.*?([A-Za-z0-9_.-]+)",
        r"Collecting ([^\s]+)\s*\n(?:.*\n)*?.*(?:error|ERROR)",
    )
    for pattern in patterns:
        match = re.search(pattern, pip_output)
        if match:
            return match.group(1)
    return None


def pip_install(python: Path, requirements: Path, log: Path) -> None:
    """`pip install -r requirements` quietly; on failure, the package named and pip's last lines, full log kept."""
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-r", str(requirements)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        check=False,
    )
    if proc.returncode == 0:
        return
    log.write_text(proc.stdout, encoding="utf-8")
    package = failing_package(proc.stdout)
    what = f"pakietu {package}" if package else "zależności"
    tail = "\n".join(line for line in proc.stdout.splitlines() if line.strip())
    tail = "\n".join(tail.splitlines()[-4:])
    raise SetupError(
        f"Nie udało się zainstalować {what} z {requirements.name} (pip zakończył się kodem {proc.returncode}).\n"
        f"{tail}\nPełny zapis: {log}"
    )


def requirements_digest(root: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(root.glob("requirements*.txt")))).hexdigest()


def ensure_venv(requirements: str, root: Path = ROOT, venv: Path | None = None) -> Path:
    venv = venv if venv is not None else root / ".venv"
    problem = venv_problem(venv)
    if problem is not None:
        print(f"Buduję środowisko {venv} od nowa ({problem}) …", flush=True)
        shutil.rmtree(venv)
    python = venv_python(venv)
    if not venv.exists():
        print(f"Tworzę środowisko {venv} …", flush=True)
        create_venv(venv)
    req = root / requirements
    digest = requirements_digest(root)
    stamp = venv / f".installed-{requirements}"
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"Instaluję zależności z {req.name} …", flush=True)
        stamp.unlink(missing_ok=True)
        pip_install(python, req, venv / "pip-error.log")
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    problem = python_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    if argv and argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    if not argv or argv[0] not in ("run", "test"):
        print(USAGE, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "run":
            python = ensure_venv("requirements.txt")
            return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT)
        python = ensure_venv("requirements-dev.txt")
    except SetupError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Przerwano.", file=sys.stderr)
        return 130
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.call([str(python), "-m", "pytest", "-q", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
