"""Helpers of the reliability suite: databases made by the real command line, damaged on purpose, compared."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.cli import run

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str) -> tuple[int, list[str], list[str]]:
    """Run one command in this process; (exit code, stdout lines, stderr lines)."""
    import contextlib
    import io

    lines: list[str] = []
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = run(list(argv), lines.append)
    return code, lines, err.getvalue().splitlines()


def main_py(*argv: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True, env=env, timeout=timeout
    )


def make_db(path: Path, members: int = 60) -> Path:
    code, out, err = cli("--db", str(path), "demo", "--members", str(members), "--clean")
    assert code == 0, err
    return path


def damage_pages(path: Path, pages: tuple[int, ...] = (3, 5, 8)) -> None:
    """Overwrite whole pages of a closed database with garbage (as a failing disk would)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * size
        data[start : start + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def digest_folder(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def db_content(path: Path) -> list:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("application", "value", "row", "blob", "import_source")
        ]
    finally:
        conn.close()
