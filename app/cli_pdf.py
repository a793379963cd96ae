"""`python main.py [--db PATH] pdf ID OUT.pdf [--summary]`: the application PDF (or the managers' summary).

The file is written atomically: a failed export leaves no half-written PDF. A bad output path is a usage error
(exit 2) with a Polish message naming the path.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path


def add_parsers(sub) -> None:
    s = sub.add_parser("pdf", help="zapisz wniosek do pliku PDF (z --summary: podsumowanie dla zarządu)")
    s.add_argument("id", type=int)
    s.add_argument("file", type=Path)
    s.add_argument("--summary", action="store_true", help="podsumowanie (1–2 strony) zamiast pełnego wniosku")


def check_target(path: Path) -> Path:
    """The output path, or a `UsageError` saying in Polish why it cannot be written."""
    from app.cli import UsageError

    path = Path(path)
    if path.name in ("", ".", ".."):
        raise UsageError(f"niepoprawna nazwa pliku wyjściowego: {path}")
    if path.is_dir():
        raise UsageError(f"{path} jest folderem; podaj nazwę pliku, np. {path / 'wniosek.pdf'}")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"folder {parent} nie istnieje; utwórz go albo wybierz inny plik wyjściowy")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"brak uprawnień do zapisu pliku {path}")
    return path


def cmd_pdf(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.cli import UsageError, open_repo
    from export.pdf import build_application_pdf, build_summary_pdf

    target = check_target(args.file)
    repo = open_repo(args)
    info = repo.info(args.id)
    doc = repo.load(args.id)
    build = build_summary_pdf if args.summary else build_application_pdf
    try:
        build(doc, info, target)
    except OSError as exc:
        raise UsageError(f"nie można zapisać pliku {target} ({exc.strerror or exc})") from None
    return 0


HANDLERS = {"pdf": cmd_pdf}
