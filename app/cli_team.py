"""Team mode on the command line: `history ID [--key KEY]`, `copy ID --to DB`, `admin init URL`,
`admin user add NAME --role editor`, `admin users`; and `open_team_repo`, which `open_repo` uses for a
`--db postgresql://…` URL (no lock file and no backup copy: the server serialises writers, `pg_dump` backs it up).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.args import UsageError
from models.backend import display_url, is_url

TEAM_WRITING = {"copy": None, "admin": None}


def add_parsers(sub) -> None:
    s = sub.add_parser("history", help="kto co zmienił we wniosku: czas, autor, miejsce, stara i nowa wartość")
    s.add_argument("id", type=int)
    s.add_argument("--key", help="tylko to pole albo ta tabela (np. cluster.name)")
    s.add_argument("--author", help="tylko zmiany tej osoby")
    s.add_argument("--json", action="store_true", help="jako JSON")
    s = sub.add_parser("copy", help="skopiuj wniosek (z historią i plikami) do innej bazy: pliku albo bazy zespołu")
    s.add_argument("id", type=int)
    s.add_argument("--to", required=True, metavar="BAZA", help="plik bazy albo postgresql://użytkownik@serwer/baza")
    s = sub.add_parser("admin", help="baza zespołu (PostgreSQL): schemat, role, użytkownicy")
    admin = s.add_subparsers(dest="admin_command", required=True)
    a = admin.add_parser("init", help="utwórz schemat i trzy role (koordynator, redaktor, czytelnik)")
    a.add_argument("url", nargs="?", help="postgresql://właściciel@serwer:port/baza (domyślnie --db)")
    a = admin.add_parser("user", help="użytkownicy bazy zespołu")
    user = a.add_subparsers(dest="user_command", required=True)
    u = user.add_parser("add", help="dodaj osobę z rolą (albo zmień jej rolę)")
    u.add_argument("name")
    u.add_argument("--role", required=True, choices=("coordinator", "editor", "reader"))
    u.add_argument("--password", action="store_true", help="zapytaj o hasło dla tej osoby")
    admin.add_parser("users", help="osoby i ich role")


def open_team_repo(args: argparse.Namespace, writes: bool) -> Any:
    """The repository of a team database: read-only for reading commands, as the role allows otherwise."""
    from app import cli
    from models.db import open_database
    from models.repository import Repository

    db = open_database(str(args.db), read_only=not writes)
    cli._OPENED.append(db)
    for warning in getattr(db, "warnings", ()):
        print(warning, file=sys.stderr)
    return Repository(db)


def _url(args: argparse.Namespace, explicit: str | None = None) -> str:
    url = explicit or (str(args.db) if args.db is not None else None)
    if not url or not is_url(url):
        raise UsageError("polecenie admin działa na bazie zespołu: podaj --db postgresql://użytkownik@serwer/baza")
    return url


def cmd_history(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    import json

    from app.cli import open_repo
    from models.history import history

    repo = open_repo(args)
    repo.info(args.id)  # a missing application is an error, not an empty history
    entries = history(repo, args.id, key=args.key, author=args.author)
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "id": e.id,
                        "at": e.at.isoformat(),
                        "author": e.author,
                        "program": e.program,
                        "kind": e.kind,
                        "key": e.key,
                        "uid": e.uid,
                        "column": e.column,
                        "old": e.old,
                        "new": e.new,
                    }
                    for e in entries
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not entries:
        out("Brak zapisanych zmian." if args.lang == "pl" else "No recorded changes.")
        return 0
    for e in entries:
        out(history_line(e, args.lang))
    return 0


def _value(value: Any) -> str:
    import json

    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


def history_line(e: Any, lang: str = "pl") -> str:
    kind = e.kind_text if lang == "pl" else e.kind
    line = f"{e.at:%d.%m.%Y %H:%M:%S}  {e.author}  {kind}"
    if e.where:
        line += f"  {e.where}"
    if e.kind in ("value", "cell", "row-moved"):
        line += f": {_value(e.old)} → {_value(e.new)}"
    elif e.kind == "row-added":
        line += f": {_value(e.new)}"
    elif e.kind == "row-removed":
        line += f": {_value(e.old)}"
    elif e.kind in ("import", "copied", "finalised") and e.new is not None:
        line += f": {_value(e.new)}"
    return line


def cmd_copy(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.cli import open_repo
    from models.copying import copy_application

    source = open_repo(args)  # read-only: the copy changes only the target
    target = _open_target(args.to)
    new_id = copy_application(source, args.id, target)
    out(str(new_id))
    return 0


def _open_target(location: str) -> Any:
    from app import cli
    from models.db import open_database
    from models.repository import Repository

    if is_url(location):
        db = open_database(location)
    else:
        from app.lock import lock_database

        path = Path(location).absolute()
        lock = lock_database(path, for_command="copy")
        if lock is not None:
            cli._LOCKS.append(lock)
        db = open_database(path)
    cli._OPENED.append(db)
    return Repository(db)


def cmd_admin(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from models import team

    if args.admin_command == "init":
        url = _url(args, args.url)
        for line in team.admin_init(url):
            out(f"Utworzono: {line}" if args.lang == "pl" else f"Created: {line}")
        out(f"Baza zespołu {display_url(url)} jest gotowa." if args.lang == "pl" else "The team database is ready.")
        return 0
    url = _url(args)
    if args.admin_command == "users":
        for name, role in team.admin_users(url):
            out(f"{name}  {team.ROLE_TEXT[role] if args.lang == 'pl' else role}")
        return 0
    password = None
    if args.password:
        password = getpass.getpass(f"Hasło dla {args.name}: ")
        if not password:
            raise UsageError("puste hasło")
    team.admin_user_add(url, args.name, args.role, password)
    out(
        f"{args.name}: rola {team.ROLE_TEXT[args.role]} w bazie {display_url(url)}"
        if args.lang == "pl"
        else f"{args.name}: role {args.role} in {display_url(url)}"
    )
    return 0


HANDLERS = {"history": cmd_history, "copy": cmd_copy, "admin": cmd_admin}
