"""The command line contract: outputs and exit codes 0/1/2, one clear line on stderr, never a traceback.

The commands run on a SQLite file and on a team's PostgreSQL database (`backend`, tests/backend_fixtures.py: its
`location` is what `--db` takes); a damaged SQLite file and the file's backups are SQLite's alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run

ROOT = Path(__file__).resolve().parent.parent


def cli(*argv: str) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = run(list(argv), lines.append)
    return code, lines


def main_py(*argv: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True, env=env, timeout=120
    )


def db_content(location) -> list:
    """Every stored row of the tables a command writes (the history too), read by a connection of its own."""
    from models.db import open_database

    db = open_database(location, make_backup=False, read_only=True)
    try:
        return [
            [tuple(r) for r in db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall()]
            for t in ("application", "value", "row", "blob", "import_source", "history")
        ]
    finally:
        db.close()
        if getattr(db, "backend", None) is not None:
            db.backend.close()


def test_demo_check_finalize_correct_flow(backend):
    db = str(backend.location)
    code, out = cli("--db", db, "demo", "--members", "60")
    assert code == 0 and out == ["1"]
    code, problems = cli("--db", db, "check", "1")
    assert code == 1 and len(problems) >= 3
    assert all(line.startswith(("BRAK: ", "BŁĄD: ", "UWAGA: ")) for line in problems)
    code, out = cli("--db", db, "finalize", "1")
    assert code == 1
    code, out = cli("--db", db, "demo", "--members", "60", "--clean")
    assert (code, out) == (0, ["2"])
    code, out = cli("--db", db, "check", "2")
    assert [line for line in out if line.startswith("BŁĄD")] == []
    code, out = cli("--db", db, "finalize", "2")
    assert code == 0 and len(out[0].split()[0]) == 64
    code, out = cli("--db", db, "correct", "2")
    assert (code, out) == (0, ["3"])
    code, out = cli("--db", db, "list")
    assert code == 0 and len(out) == 4
    assert "sfinalizowany" in out[2] and "roboczy" in out[3]
    assert out[3].split()[-3] == "2"  # version of the correction (before "100 %")


def test_export_import_round_trip(backend, tmp_path):
    db = str(backend.location)
    cli("--db", db, "demo", "--members", "55")
    code, _ = cli("--db", db, "export", "1", str(tmp_path / "a.kkk.json"))
    assert code == 0
    code, out = cli("--db", db, "import", str(tmp_path / "a.kkk.json"))
    assert (code, out) == (0, ["2"])
    cli("--db", db, "export", "2", str(tmp_path / "b.kkk.json"))
    a = json.loads((tmp_path / "a.kkk.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b.kkk.json").read_text(encoding="utf-8"))
    assert a == b


def test_rejected_import_changes_nothing(backend, tmp_path, capsys):
    db = backend.location
    cli("--db", str(db), "demo", "--members", "55")
    cli("--db", str(db), "export", "1", str(tmp_path / "a.kkk.json"))
    data = json.loads((tmp_path / "a.kkk.json").read_text(encoding="utf-8"))
    data["tables"]["members"][-1]["nip"] = 123  # wrong type at the very end
    data.pop("checksum")
    (tmp_path / "bad.kkk.json").write_text(json.dumps(data), encoding="utf-8")
    before = db_content(db)
    code, out = cli("--db", str(db), "import", str(tmp_path / "bad.kkk.json"))
    err = capsys.readouterr().err
    assert code == 2 and out == []
    assert "tables.members[54].nip: oczekiwano tekstu" in err
    assert db_content(db) == before


def test_indicators_text_and_json(backend):
    db = str(backend.location)
    cli("--db", db, "demo", "--members", "60")
    code, out = cli("--db", db, "indicators", "1", "--json")
    data = json.loads("\n".join(out))
    by_id = {d["id"]: d for d in data}
    assert by_id["export_share"]["kkk_average"] == "34.42"
    assert by_id["members_total"]["value"] == 60
    code, out = cli("--db", db, "indicators", "1")
    assert code == 0 and any("średnia KKK 34,42" in line for line in out)


# What a team database says where a missing file is named: the database exists, the application does not.
ON_A_TEAM_DATABASE = {"k.sqlite nie istnieje": "nie ma wniosku o numerze 7"}


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["check", "7"], "k.sqlite nie istnieje"),
        (["check", "abc"], "niepoprawne wywołanie"),
        (["frobnicate"], "niepoprawne wywołanie"),
        (["import", "/nonexistent/file.kkk.json"], "nie można odczytać pliku"),
        (["demo", "--members", "-3"], "nieujemnymi"),
    ],
)
def test_bad_input_exits_2_with_one_line(backend, argv, fragment):
    team = backend.kind == "postgresql"
    proc = main_py("--db", str(backend.location if team else backend.location.with_name("k.sqlite")), *argv)
    assert proc.returncode == 2
    assert (ON_A_TEAM_DATABASE.get(fragment, fragment) if team else fragment) in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["backups"], ["restore", "1"]])
def test_backups_of_a_team_database_are_pg_dumps(command, capsys):
    """`backups` and `restore` are about the SQLite file: for a team database they say it is pg_dump's (README,
    "Working as a team"), never touching a file named like the URL, and never showing the password."""
    url = "postgresql://ala:tajne@serwer.example:5432/klaster?sslmode=require"
    code, out = cli("--db", url, *command)
    err = capsys.readouterr().err
    assert (code, out) == (2, [])
    assert len(err.strip().splitlines()) == 1
    assert "baza zespołu postgresql://ala@serwer.example:5432/klaster" in err and "tajne" not in err
    assert ("pg_dump -Fc klaster" if command == ["backups"] else "pg_restore --clean -d klaster") in err
    assert "Working as a team" in err
    assert not Path("postgresql:").exists()


# SQLite file only ---------------------------------------------------------------------------------------------
# A damaged file is refused by the SQLite checks (models.db); the selftest needs no database.
def test_corrupt_database_is_refused_cleanly(tmp_path):
    db = tmp_path / "broken.sqlite"
    db.write_bytes(os.urandom(8192))
    proc = main_py("--db", str(db), "list")
    assert proc.returncode == 2
    assert "broken.sqlite" in proc.stderr and "Traceback" not in proc.stderr


def test_selftest_passes():
    proc = main_py("--selftest")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "selftest ok" in proc.stdout
