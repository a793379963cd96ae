"""One command to set up and run, or set up and test, on a fresh machine with Python 3.11+.

    python3 dev.py run [ARGS...]    create .venv, install the app's dependencies, start the app (ARGS go to main.py)
    python3 dev.py test [ARGS...]   create .venv, install the test dependencies, run the tests offscreen

Only the standard library is used here, so it works before anything is installed, on Linux and Windows alike.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirements: str) -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Tworzę środowisko {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    req = ROOT / requirements
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(ROOT.glob("requirements*.txt")))).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"Instaluję zależności z {req.name} ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(req)], check=True)
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_venv("requirements.txt")
        return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT)
    python = ensure_venv("requirements-dev.txt")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.call([str(python), "-m", "pytest", "-q", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
