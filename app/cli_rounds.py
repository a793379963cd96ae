"""Rounds on the command line: `new [--round R] [--kind K] [--name N]` (the newest round by default) and
`renew ID [--round R] [--pdf OUT.pdf]` (a renewal on the form of a later round, with its report)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from forms.loader import DEFAULT_FORM, available_forms


def add_parsers(sub) -> None:
    s = sub.add_parser(
        "new", help=f"utwórz pusty wniosek (domyślnie w najnowszej rundzie, {DEFAULT_FORM}); wypisuje id"
    )
    s.add_argument("--round", default=DEFAULT_FORM, choices=available_forms())
    s.add_argument("--kind", default="nadanie", choices=("nadanie", "odnowienie"))
    s.add_argument("--name", default="")
    s = sub.add_parser(
        "renew", help="odnowienie statusu w nowej rundzie na podstawie wniosku ID; wypisuje id i raport przeniesienia"
    )
    s.add_argument("id", type=int)
    s.add_argument("--round", default=None, choices=available_forms(), help=f"runda (domyślnie {DEFAULT_FORM})")
    s.add_argument("--pdf", type=Path, metavar="PLIK.pdf", help="zapisz raport przeniesienia do pliku PDF")


def cmd_new(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.cli import open_repo
    from forms.loader import load_form

    repo = open_repo(args)
    app_id = repo.create(args.round, args.name, args.kind)
    if args.name and load_form(args.round).has_field("cluster.name"):
        repo.set_value(app_id, "cluster.name", args.name)
    out(str(app_id))
    return 0


def cmd_renew(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from app.cli import open_repo
    from app.cli_pdf import check_target

    target = check_target(args.pdf) if args.pdf is not None else None
    repo = open_repo(args)
    info = repo.info(args.id)
    form_id = args.round or DEFAULT_FORM
    if form_id == info.form_id:  # renewal within the same round: the parts a renewal keeps
        from forms.renewal import renewal_carried

        new_id, report = repo.renew(args.id, renewal_carried(form_id)), None
    else:
        new_id, report = repo.renew_into(args.id, form_id)
    out(str(new_id))
    if report is not None:
        for line in report.lines():
            out(line)
        if target is not None:
            from export.pdf.renewal_report import write_renewal_report_pdf

            write_renewal_report_pdf(report, target, info.name)
    return 0


HANDLERS = {"new": cmd_new, "renew": cmd_renew}
