"""The command line of DESIGN.md: parsing and one small handler per command.

Exit codes: 0 done, 1 the check found problems, 2 bad input or usage (one clear line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from app.args import PolishArgumentParser, UsageError, error_line, lang_first, localized
from forms.document import group_checksum
from forms.fmt import format_decimal, format_money, format_percent
from forms.indicators import compute_indicators
from forms.loader import DEFAULT_FORM, DefinitionError, available_forms, load_form
from forms.messages import render, without_unit
from forms.progress import assess
from klaster.messages import os_error_text
from models.backend import db_location, is_url
from models.db import StorageError, open_database
from models.repository import FINAL, Repository, RepositoryError

log = logging.getLogger(__name__)

# Modules that add commands: each has `add_parsers(sub)` and a `HANDLERS` dict of name -> handler(args, out).
EXTENSIONS = ("app.cli_pdf", "app.cli_xlsx", "app.cli_package", "app.cli_storage", "app.cli_signed", "app.cli_rounds")
EXTENSIONS += ("app.cli_team",)


def _extensions() -> list:
    import importlib
    import importlib.util

    return [importlib.import_module(name) for name in EXTENSIONS if importlib.util.find_spec(name) is not None]


def build_parser() -> argparse.ArgumentParser:
    p = PolishArgumentParser(
        prog="main.py",
        description="Klaster: wniosek o status Krajowego Klastra Kluczowego. Bez polecenia uruchamia okno programu.",
        epilog="Okno programu: main.py [--db PLIK] [--lang pl|en] [--demo] [--screenshot FOLDER]. "
        "Kody wyjścia: 0 gotowe, 1 kontrola znalazła problemy, 2 błędne dane lub wywołanie.",
    )
    p.add_argument(
        "--db", type=db_location, help="plik bazy danych (domyślnie w folderze danych użytkownika) albo postgresql://…"
    )
    p.add_argument(
        "--lang",
        choices=("pl", "en"),
        default="pl",
        help="język komunikatów (pl domyślnie, en); może stać w dowolnym miejscu",
    )
    p.add_argument(  # handled by main.py before parsing; listed here for --help
        "--selftest",
        action="store_true",
        help="sprawdź, czy program działa: baza tymczasowa, każda runda, PDF, Excel; kod 0 gdy wszystko działa",
    )
    sub = p.add_subparsers(dest="command", parser_class=PolishArgumentParser)
    sub.add_parser("list", help="wnioski w bazie")
    s = sub.add_parser("import", help="wczytaj wniosek z pliku .kkk.json")
    s.add_argument("file", type=Path)
    s = sub.add_parser("export", help="zapisz wniosek do pliku .kkk.json")
    s.add_argument("id", type=int)
    s.add_argument("file", type=Path)
    s = sub.add_parser("check", help="sprawdź wniosek: każdy problem w osobnym wierszu")
    s.add_argument("id", type=int)
    s.add_argument("--json", action="store_true", help="problemy i liczby jako JSON (dla innych programów)")
    s.add_argument("--pdf", type=Path, metavar="PLIK.pdf", help="zapisz też „Listę braków i błędów” do pliku PDF")
    for name, text in (
        ("finalize", "sfinalizuj wniosek"),
        ("correct", "utwórz korektę"),
    ):
        s = sub.add_parser(name, help=text)
        s.add_argument("id", type=int)
    s = sub.add_parser("diff", help="zmiany między dwiema wersjami wniosku")
    s.add_argument("id1", type=int)
    s.add_argument("id2", type=int)
    s = sub.add_parser("indicators", help="wskaźniki wniosku")
    s.add_argument("id", type=int)
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("demo", help="utwórz przykładowy wniosek")
    s.add_argument("--members", type=int, default=80)
    s.add_argument("--rows", type=int, default=None)
    s.add_argument("--form", default=DEFAULT_FORM, choices=available_forms())
    s.add_argument("--clean", action="store_true", help="bez celowo wprowadzonych błędów")
    for module in _extensions():
        module.add_parsers(sub)
    return p


# Commands that change data: they take the database's lock (refused while a window holds it) and back it up;
# every other command only reads: no lock, no backup, the file opened read-only (it works beside an open window,
# on a full disk and on a read-only file). `--dry-run` makes an import a reading command.
WRITING_COMMANDS = {
    "import": "import",
    "finalize": None,
    "correct": None,
    "demo": None,
    "members-import": "import",
    "questionnaires-import": "import",
    "new": None,
    "renew": None,
    "signed": None,  # records the signed file; `signed ID` alone only reads (it opens as a dry run)
}
RESCUE_COMMANDS = {"export"}  # read what can still be read from a damaged database
_LOCKS: list = []  # locks held until the command ends
_OPENED: list = []  # databases opened by the command, closed when it ends


def open_repo(args: argparse.Namespace) -> Repository:
    """The repository of `--db` (or the default database), opened as the command needs (see WRITING_COMMANDS)."""
    from models.backups import take_backup
    from models.db import default_db_path

    command = getattr(args, "command", None)
    writes = command in WRITING_COMMANDS and not getattr(args, "dry_run", False)
    if is_url(args.db):  # a team database: no lock file, no backup copy (app.cli_team)
        from app.cli_team import open_team_repo

        return open_team_repo(args, writes)
    path = Path(args.db if args.db is not None else default_db_path()).absolute()
    if not writes:
        if not path.exists():
            raise UsageError(f"baza {path} nie istnieje")
        db = open_database(path, make_backup=False, read_only=True, allow_damaged=command in RESCUE_COMMANDS)
    else:
        from app.lock import lock_database

        lock = lock_database(path, for_command=command)
        if lock is not None:
            _LOCKS.append(lock)
        reason = WRITING_COMMANDS[command]
        db = open_database(path, make_backup=reason is None)
        if reason is not None:
            take_backup(path, reason)
    repo = Repository(db)
    repo.upgrade_drafts()  # drafts of an older version of their form (adds to db.warnings)
    for warning in getattr(db, "warnings", ()):
        print(warning, file=sys.stderr)
    _OPENED.append(db)
    return repo


def release_locks() -> None:
    """Close what the command opened, then release its locks (the command ended, however it ended)."""
    while _OPENED:
        db = _OPENED.pop()
        try:
            db.close()
        except Exception:  # noqa: BLE001 - closing a failed database must not hide why it failed
            log.exception("closing %s", getattr(db, "database", "?"))
    while _LOCKS:
        _LOCKS.pop().unlock()


def cmd_list(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from models.db import default_db_path

    exists = is_url(args.db) or Path(args.db if args.db is not None else default_db_path()).exists()
    repo = open_repo(args) if exists else None
    apps = repo.list_applications() if repo is not None else []
    if not apps:
        out("Brak wniosków w bazie." if args.lang == "pl" else "No applications in the database.")
        return 0
    header = (
        ("id", "nazwa", "runda", "rodzaj", "stan", "wersja", "kompletność")
        if args.lang == "pl"
        else ("id", "name", "round", "kind", "state", "version", "complete")
    )
    rows = [header]
    for info in apps:
        pct = assess(repo.load(info.id)).completeness
        state = {"draft": "roboczy", "final": "sfinalizowany"}[info.state] if args.lang == "pl" else info.state
        rows.append(
            (
                str(info.id),
                info.name or ("(bez nazwy)" if args.lang == "pl" else "(no name)"),
                info.form_id,
                info.kind,
                state,
                str(info.version_no),
                f"{pct}\u00a0%",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        out("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    return 0


def cmd_import(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from export import kkk_json

    doc = kkk_json.read(args.file)  # read fully and validate before touching the database
    repo = open_repo(args)
    app_id, told = repo.import_document(doc)
    for text in told:
        print(text.pl, file=sys.stderr)
    out(str(app_id))
    return 0


def cmd_export(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from export import kkk_json

    doc = open_repo(args).load(args.id)
    try:
        kkk_json.write(doc, args.file)
    except OSError as exc:
        raise UsageError(f"nie można zapisać pliku {args.file} ({os_error_text(exc)})") from None
    return 0


def cmd_check(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Every problem, one a line (or `--json` with the counts); `--pdf` also writes the list to work from."""
    repo = open_repo(args)
    doc = repo.load(args.id)
    review = assess(doc)
    lang = args.lang
    if args.pdf is not None:
        from export.pdf.problems import write_problems_pdf

        write_problems_pdf(doc, review, args.pdf, info=repo.info(args.id), lang=lang)
    if args.json:
        out(
            json.dumps(
                {
                    "id": args.id,
                    "counts": review.counts(),
                    "sections": [
                        {
                            "id": part.section.id,
                            "title": part.section.display_title(lang),
                            "status": part.status,
                            "required": part.required,
                            "filled": part.filled,
                            "missing": part.missing,
                            "errors": part.errors,
                            "warnings": part.warnings,
                        }
                        for part in review.sections
                    ],
                    "problems": [p.to_json(doc.definition, lang) for p in review.problems],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for p in review.problems:
            out(p.line(doc.definition, lang))
    return 1 if review.problems else 0


def cmd_finalize(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    repo = open_repo(args)
    info = repo.info(args.id)
    if info.state == FINAL:
        raise UsageError(
            f"wniosek {args.id} jest już sfinalizowany (suma kontrolna {group_checksum(info.checksum or '')})"
        )
    errors, checksum = repo.finalize(args.id)  # checks and seals what is stored, in one transaction
    if errors:
        definition = load_form(info.form_id)
        for p in errors:
            out(p.line(definition, args.lang))
        missing = sum(p.is_missing for p in errors)
        text = render("finalize_refused", args.lang, id=args.id, missing=missing, errors=len(errors) - missing)
        print(text, file=sys.stderr)
        return 1
    out(f"{checksum}  {group_checksum(checksum)}")
    return 0


def cmd_correct(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    out(str(open_repo(args).correct(args.id)))
    return 0


def cmd_diff(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from forms.diff import diff_documents

    repo = open_repo(args)
    old, new = repo.load(args.id1), repo.load(args.id2)
    if old.definition.id != new.definition.id:
        raise UsageError(
            f"wnioski {args.id1} i {args.id2} są z różnych rund ({old.definition.id}, {new.definition.id})"
        )
    changes = diff_documents(old, new, args.lang)
    for change in changes:
        out(change.line(args.lang))
    if not changes:
        out("Brak zmian." if args.lang == "pl" else "No changes.")
    return 0


def cmd_demo(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from forms.demo import make_demo

    if args.members < 0 or (args.rows is not None and args.rows < 0):
        raise UsageError("--members i --rows muszą być liczbami nieujemnymi")
    doc = make_demo(load_form(args.form), members=args.members, rows=args.rows, problems=not args.clean)
    repo = open_repo(args)
    with repo.db.atomic():
        app_id = repo.create(
            doc.definition.id, doc.get("cluster.name", ""), doc.get("meta.application_type", "nadanie")
        )
        repo.save_document(app_id, doc)
    out(str(app_id))
    return 0


def _choice_counts(doc, v, lang: str) -> str:
    """`members_by_type` in words, in the order of the form's list: `mikroprzedsiębiorstwo: 18, …` (no codes)."""
    list_id = None
    column = v.definition.params.get("column")
    if doc.definition.has_table("members") and column and doc.definition.table("members").has_column(column):
        list_id = doc.definition.table("members").column(column).list
    order = [c.code for c in doc.definition.choices(list_id)] if list_id in doc.definition.lists else []
    codes = sorted(v.value, key=lambda k: (order.index(k) if k in order else len(order), str(k)))
    return ", ".join(f"{doc.definition.choice_label(list_id or '', k, lang)}: {v.value[k]}" for k in codes)


def _indicator_text(value: object, is_percent: bool, lang: str) -> str:
    if value is None:
        return "—"
    if is_percent:
        return format_percent(value, lang)  # type: ignore[arg-type]
    if isinstance(value, int):
        return format_decimal(value, lang=lang)
    return format_money(value, lang)  # type: ignore[arg-type]


def cmd_indicators(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    doc = open_repo(args).load(args.id)
    values = compute_indicators(doc)
    if args.json:
        out(json.dumps([v.to_json() for v in values], ensure_ascii=False, indent=1))
        return 0
    for v in values:
        shown = _choice_counts(doc, v, args.lang) if isinstance(v.value, dict) else None
        if shown is None:
            shown = _indicator_text(v.value, v.is_percent, args.lang)
        line = f"{without_unit(v.definition.label.get(args.lang))}: {shown or '—'}"
        if v.kkk_average is not None:
            diff = v.difference
            sign = "" if diff is None or diff < 0 else "+"
            avg = "średnia KKK" if args.lang == "pl" else "KKK average"
            points = format_decimal(diff, 2, args.lang) if diff is not None else "—"
            line += f" ({avg} {format_percent(v.kkk_average, args.lang)}; {sign}{points} p.p.)"
        out(line)
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Callable[[str], None]], int]] = {
    "list": cmd_list,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "finalize": cmd_finalize,
    "correct": cmd_correct,
    "demo": cmd_demo,
    "diff": cmd_diff,
    "indicators": cmd_indicators,
}


def run(argv: list[str], out: Callable[[str], None] = print) -> int:
    """Run one command; every expected failure becomes one line on stderr and exit code 2."""
    from export.kkk_json import KkkFileError

    try:
        args = build_parser().parse_args(lang_first(argv))
        if args.command is None:
            raise UsageError("brak polecenia (pomoc: python main.py --help)")
        handlers = dict(HANDLERS)
        for module in _extensions():
            handlers.update(module.HANDLERS)
        try:
            return handlers[args.command](args, out)
        finally:
            release_locks()
    except (UsageError, StorageError, RepositoryError, DefinitionError, KkkFileError) as exc:
        print(error_line(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output was piped into a program that stopped reading (e.g. `| head`)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a file or folder the system refused: the reason in words, no traceback
        print(error_line(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(localized("Przerwano."), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback for the user
        from app.logs import setup_logging

        log_file = setup_logging()
        log.exception("unexpected error in command %s", argv)
        where = f" Szczegóły w dzienniku: {log_file}" if log_file else ""
        print(localized(f"Nieoczekiwany błąd: {exc.__class__.__name__}: {exc}.{where}"), file=sys.stderr)
        return 2
