"""Commands for sending to the ministry: `package ID OUTDIR` and `verify PACKAGE`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from forms.fmt import format_megabytes, plural


def add_parsers(sub) -> None:
    s = sub.add_parser("package", help="pakiet do wysłania: PDF, Excel, .kkk.json, załączniki, manifest, ZIP, e-mail")
    s.add_argument("id", type=int)
    s.add_argument("outdir", type=Path)
    s.add_argument("--draft", action="store_true", help="pozwól spakować wersję roboczą (oznaczoną jako robocza)")
    s.add_argument("--limit-mb", type=float, default=20.0, help="limit wielkości poczty (domyślnie 20 MB)")
    s.add_argument("--split", action="store_true", help="podziel na części, gdy pakiet przekracza limit")
    s.add_argument("--to", default="", help="adres e-mail ministerstwa do wiadomości .eml")
    s = sub.add_parser(
        "verify", help="sprawdź pakiet (folder, ZIP albo folder podany przy package): sumy SHA-256, dane, PDF, Excel"
    )
    s.add_argument("package", type=Path)
    s.add_argument("--draft", action="store_true", help="sprawdź też pakiet wersji roboczej (bez tego: błąd)")


def cmd_package(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.cli import UsageError, open_repo
    from export.package.builder import PackageError, build_package
    from export.package.eml import Letter, write_drafts

    if args.limit_mb <= 0:
        raise UsageError("--limit-mb musi być liczbą dodatnią")
    repo = open_repo(args)
    try:
        result = build_package(
            repo, args.id, args.outdir, allow_draft=args.draft, limit_mb=args.limit_mb, split=args.split
        )
    except PackageError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"nie można zapisać pakietu w {args.outdir} ({exc.strerror})") from None
    out(f"Pakiet: {result.folder}")
    out(f"ZIP: {result.zip_path} ({format_megabytes(result.zip_path.stat().st_size)})")
    for entry in result.entries:
        out(f"  {entry.sha256}  {format_megabytes(entry.size):>10}  {entry.name}")
    out(f"Razem: {format_megabytes(result.total_size)}; suma kontrolna danych: {result.checksum}")
    if result.draft:
        out("UWAGA: wersja robocza, tylko do wewnętrznego przeglądu.")
    if result.over_limit and not result.parts:
        out(
            f"UWAGA: pakiet przekracza limit poczty {format_megabytes(result.limit_bytes)}; "
            "użyj --split, aby podzielić go na części."
        )
    if result.corrects is not None:
        out(f"Korekta wersji {result.corrects.version_no}; zestawienie zmian: {result.changes_name}")
    for part in result.parts:
        out(f"Część {part.number} z {part.count}: {part.zip_path} ({format_megabytes(part.size)})")
    try:
        paths = write_drafts(result, args.to, Letter.of(repo.load(args.id), repo.info(args.id)))
    except PackageError as exc:
        raise UsageError(str(exc)) from None
    for path in paths:
        out(f"Wiadomość e-mail (do wysłania): {path} ({format_megabytes(path.stat().st_size)})")
    return 0


def cmd_verify(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Each package found at the path: what was checked, the application it is, and the verdict."""
    from app.cli import UsageError
    from export.package.verify import NotAPackage, locate, verify_package

    try:
        targets = locate(args.package)
    except NotAPackage as exc:
        raise UsageError(str(exc)) from None
    failed = 0
    for target in targets:
        if len(targets) > 1 or target != args.package:
            out(f"Pakiet: {target}")
        report = verify_package(target, allow_draft=args.draft)
        for line in report.checked:
            out(f"OK: {line}")
        for line in report.problems:
            out(f"BŁĄD: {line}")
        if report.application is not None:
            out(report.subject())
        if report.ok:
            out("Pakiet roboczy zgodny (wersja robocza, nie do wysłania)." if report.draft else "Pakiet zgodny.")
        else:
            failed += 1
            out(f"Pakiet niezgodny: {plural(len(report.problems), 'problem', 'problemy', 'problemów')}.")
    return 1 if failed else 0


HANDLERS = {"package": cmd_package, "verify": cmd_verify}
