"""`signed ID FILE [FILE…]`: bring back the signed application (PAdES PDF, XAdES detached or enveloping), prove it is
the PDF Klaster built for this finalised version, say who signed and how, and record it; `signed ID` prints what is
recorded. Exit 0: every file accepted (or the record printed); 1: a file refused (its reason printed); 2: usage."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def add_parsers(sub) -> None:
    s = sub.add_parser(
        "signed",
        help="dodaj podpisany wniosek (PDF z podpisem PAdES albo plik XAdES) i sprawdź go; bez pliku: co zapisano",
    )
    s.add_argument("id", type=int)
    s.add_argument("files", type=Path, nargs="*", metavar="FILE")


def _t(args: argparse.Namespace, pl: str, en: str) -> str:
    return en if getattr(args, "lang", "pl") == "en" else pl


def cmd_signed(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.cli import UsageError, open_repo
    from export.signing import check_files, tsl_note
    from export.signing.records import record, record_lines
    from export.signing.reference import reference_of

    if not args.files:
        args.dry_run = True  # only reading: the database is opened read-only, beside an open window
        repo = open_repo(args)
        records = repo.signed_files(args.id)
        if not records:
            out(
                _t(
                    args,
                    f"Wniosek {args.id}: nie zapisano podpisanego wniosku.",
                    f"Application {args.id}: no signed application recorded.",
                )
            )
            return 0
        for line in record_lines(records, args.lang):
            out(line)
        return 0
    for path in args.files:
        if not path.exists():
            raise UsageError(_t(args, f"plik {path} nie istnieje", f"file {path} does not exist"))
    repo = open_repo(args)
    info = repo.info(args.id)
    if not info.is_final:
        raise UsageError(
            _t(
                args,
                f"wniosek {args.id} nie jest sfinalizowany; podpisuje się wniosek sfinalizowany (finalize {args.id})",
                f"application {args.id} is not finalised; a finalised application is signed (finalize {args.id})",
            )
        )
    outcomes = check_files(args.files, reference_of(repo, args.id))
    accepted = [o for o in outcomes if o.ok]
    with repo.transaction():
        for outcome in accepted:
            record(repo, args.id, outcome.signed)
    for outcome in outcomes:
        if outcome.ok:
            out(_t(args, "PRZYJĘTO:", "ACCEPTED:"))
            for line in outcome.signed.lines():
                out("  " + line)
        else:
            out(_t(args, f"ODRZUCONO: {outcome.error}", f"REFUSED: {outcome.error}"))
    if accepted:
        out(tsl_note())
    return 0 if len(accepted) == len(outcomes) else 1


HANDLERS = {"signed": cmd_signed}
