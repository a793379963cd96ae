"""Commands for the database's backups: `backups` lists them, `restore BACKUP` puts one back.

`restore` takes the database's lock (refused while a window has the database open), backs up the current file
(or sets a damaged one aside as it is) and only then replaces it: nothing is lost by restoring.

Both are about the SQLite file: a team database (`--db postgresql://…`) lives on its server and is backed up with
`pg_dump` (README, "Working as a team"), which both commands say (exit code 2) instead of looking for copies of a
file named like the URL.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from forms.fmt import format_megabytes


def add_parsers(sub) -> None:
    sub.add_parser("backups", help="kopie zapasowe bazy: czas, powód, wielkość, czy sprawna")
    s = sub.add_parser("restore", help="przywróć bazę z kopii zapasowej (obecna baza trafia najpierw do kopii)")
    s.add_argument("backup", type=Path, help="plik kopii (z polecenia backups) albo jej numer na liście")


def _db_path(args: argparse.Namespace) -> Path:
    from models.db import default_db_path

    _refuse_team_database(args)
    return Path(args.db if args.db is not None else default_db_path()).absolute()


def _refuse_team_database(args: argparse.Namespace) -> None:
    from app.args import UsageError
    from models.backend import display_url, is_url, parse_url

    if not is_url(args.db):
        return
    where = display_url(args.db)  # never the password
    name = parse_url(args.db)["dbname"] or "klaster"
    if args.command == "restore":
        raise UsageError(
            f"baza zespołu {where} jest na serwerze PostgreSQL: przywraca się ją z kopii programu pg_dump poleceniem "
            f"pg_restore (np. pg_restore --clean -d {name} PLIK.dump), nie poleceniem restore (README, "
            "„Working as a team”)"
        )
    raise UsageError(
        f"baza zespołu {where} jest na serwerze PostgreSQL: jej kopie zapasowe robi się programem pg_dump (np. "
        f"pg_dump -Fc {name} > {name}-RRRR-MM-DD.dump, codziennie), nie ma ich na liście polecenia backups (README, "
        "„Working as a team”)"
    )


def cmd_backups(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from models.backups import list_backups

    path = _db_path(args)
    copies = list_backups(path)
    if not copies:
        out(f"Brak kopii zapasowych bazy {path}." if args.lang == "pl" else f"No backups of {path}.")
        return 0
    for number, b in enumerate(copies, start=1):
        state = (
            ("sprawna" if args.lang == "pl" else "healthy")
            if b.healthy()
            else ("USZKODZONA" if args.lang == "pl" else "DAMAGED")
        )
        size = format_megabytes(b.size)
        out(f"{number:>3}  {b.time:%d.%m.%Y %H:%M:%S}  {b.reason_text:<28}  {size:>10}  {state:<10}  {b.path}")
    return 0


def _chosen(args: argparse.Namespace, path: Path) -> Path:
    from app.args import UsageError
    from models.backups import list_backups

    text = str(args.backup)
    if text.isdigit() and not args.backup.exists():
        copies = list_backups(path)
        number = int(text)
        if not 1 <= number <= len(copies):
            raise UsageError(f"nie ma kopii o numerze {number} (lista: python main.py --db {path} backups)")
        return copies[number - 1].path
    if not args.backup.is_file():
        raise UsageError(f"nie ma pliku kopii {args.backup}")
    return args.backup.absolute()


def cmd_restore(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.lock import lock_database
    from models.backups import restore

    path = _db_path(args)
    chosen = _chosen(args, path)
    lock = lock_database(path, for_command="restore")
    try:
        set_aside = restore(chosen, path)
    finally:
        if lock is not None:
            lock.unlock()
    out(f"Przywrócono bazę {path} z kopii {chosen}.")
    if set_aside is not None:
        print(f"Poprzednia zawartość bazy jest w kopii {set_aside}.", file=sys.stderr)
    return 0


HANDLERS = {"backups": cmd_backups, "restore": cmd_restore}
