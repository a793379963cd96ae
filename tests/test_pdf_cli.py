"""`main.py pdf ID OUT.pdf [--summary]`: exit codes, the file, and the checksum `verify` reads back."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.cli import run
from export.pdf import read_checksum
from forms.document import group_checksum
from models.db import open_database
from models.repository import Repository


def cli(*argv: str) -> tuple[int, list[str]]:
    lines: list[str] = []
    return run(list(argv), lines.append), lines


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "k.sqlite")
    code, out = cli("--db", path, "demo", "--members", "55", "--rows", "2", "--clean")
    assert code == 0 and out == ["1"]
    return path


def test_pdf_and_summary_of_a_finalised_application(db, tmp_path, capsys):
    assert cli("--db", db, "finalize", "1")[0] == 0
    repo = Repository(open_database(db))
    checksum = repo.info(1).checksum
    assert checksum == repo.load(1).checksum()
    repo.db.close()

    code, out = cli("--db", db, "pdf", "1", str(tmp_path / "wniosek.pdf"))
    assert code == 0 and out == []
    code, _ = cli("--db", db, "pdf", "1", str(tmp_path / "podsumowanie.pdf"), "--summary")
    assert code == 0
    full = PdfReader(str(tmp_path / "wniosek.pdf"))
    summary = PdfReader(str(tmp_path / "podsumowanie.pdf"))
    assert len(full.pages) > 10 and 1 <= len(summary.pages) <= 2
    for path in ("wniosek.pdf", "podsumowanie.pdf"):
        assert read_checksum(tmp_path / path) == checksum
    first = full.pages[0].extract_text()
    assert group_checksum(checksum) in first and "sfinalizowan" in first
    assert "WERSJA ROBOCZA" not in first
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("brak-folderu/w.pdf", "nie istnieje"),
        (".", "jest folderem"),
    ],
)
def test_a_bad_output_path_is_a_usage_error_in_polish(db, tmp_path, capsys, target, message):
    code, _ = cli("--db", db, "pdf", "1", str(tmp_path / target))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("Błąd: ") and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_an_unknown_application_is_a_usage_error(db, tmp_path, capsys):
    code, _ = cli("--db", db, "pdf", "99", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "nie ma wniosku o numerze 99" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
