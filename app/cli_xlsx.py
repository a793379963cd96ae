"""Excel commands: members template and import, the application as a workbook, questionnaires per member.

members-template OUT.xlsx [--form ID]
members-import ID FILE.xlsx [--dry-run] [--all-or-nothing]   exit 0 all imported, 1 rows rejected, 2 bad file
xlsx ID OUT.xlsx
questionnaires ID OUTDIR
questionnaires-import ID DIR [--dry-run] [--corrections DIR]  exit 0 all good, 1 some came back with problems
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli import UsageError, open_repo
from forms.loader import DEFAULT_FORM, available_forms, load_form

Out = Callable[[str], None]


def add_parsers(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("members-template", help="szablon rejestru członków (.xlsx)")
    s.add_argument("out", type=Path)
    s.add_argument("--form", default=DEFAULT_FORM, choices=available_forms())
    s = sub.add_parser("members-import", help="wczytaj członków z arkusza .xlsx")
    s.add_argument("id", type=int)
    s.add_argument("file", type=Path)
    s.add_argument("--dry-run", action="store_true", help="tylko raport, bez zmian w bazie")
    s.add_argument("--all-or-nothing", action="store_true", help="nic nie wczytuj, gdy któryś wiersz jest błędny")
    s = sub.add_parser("xlsx", help="cały wniosek do skoroszytu .xlsx")
    s.add_argument("id", type=int)
    s.add_argument("out", type=Path)
    s = sub.add_parser("questionnaires", help="ankiety dla członków: jeden skoroszyt na członka")
    s.add_argument("id", type=int)
    s.add_argument("outdir", type=Path)
    s = sub.add_parser("questionnaires-import", help="wczytaj folder zwróconych ankiet")
    s.add_argument("id", type=int)
    s.add_argument("dir", type=Path)
    s.add_argument("--dry-run", action="store_true", help="tylko raport, bez zmian w bazie")
    s.add_argument("--corrections", type=Path, help="folder na kopie ankiet z zaznaczonymi błędami")


DRY_RUN_NOTE = "Próba (--dry-run): baza nie została zmieniona."


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """A file or folder that cannot be written is bad input: one line naming it (exit 2)."""
    try:
        yield
    except OSError as exc:
        raise UsageError(f"nie można zapisać „{path}” ({exc.strerror or exc})") from None


@contextmanager
def reading() -> Iterator[None]:
    """A workbook that cannot be read is bad input: its one-line reason (exit 2)."""
    from export.xlsx.safety import XlsxFileError

    try:
        yield
    except XlsxFileError as exc:
        raise UsageError(str(exc)) from None


def cmd_members_template(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.members_template import write_members_template

    with writing(args.out):
        write_members_template(load_form(args.form), args.out)
    return 0


def cmd_members_import(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.members_import import ImportRejected, apply_import, plan_import, read_members, report_lines

    repo = open_repo(args)
    doc = repo.load(args.id)
    with reading():
        preview = read_members(args.file, doc.definition)
    if args.dry_run:
        plan = plan_import(preview, doc)
        for line in report_lines(plan):
            out(line)
        out(DRY_RUN_NOTE)
        return 1 if plan.rejected else 0
    try:
        result = apply_import(repo, args.id, preview, only_valid=not args.all_or_nothing)
    except ImportRejected as exc:
        for line in report_lines(exc.plan):
            out(line)
        out("Nic nie zostało wczytane (--all-or-nothing): popraw odrzucone wiersze i wczytaj plik ponownie.")
        return 1
    for line in report_lines(result.plan, done=True):
        out(line)
    return 1 if result.rejected else 0


def cmd_xlsx(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.workbook import write_application_xlsx

    repo = open_repo(args)
    doc = repo.load(args.id)
    with writing(args.out):
        write_application_xlsx(doc, repo.info(args.id), args.out, sources=repo.row_sources(args.id, "members"))
    return 0


def cmd_questionnaires(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.questionnaires import write_questionnaires

    repo = open_repo(args)
    doc = repo.load(args.id)
    with writing(args.outdir):
        files = write_questionnaires(doc, args.outdir, app_uuid=repo.info(args.id).uuid)
    out(f"Zapisano ankiet: {len(files)} w folderze {args.outdir}")
    return 0


def cmd_questionnaires_import(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.questionnaires import MISSING, PROBLEMS, RETURNED, import_folder, write_correction
    from export.xlsx.safety import XlsxFileError

    repo = open_repo(args)
    with reading():
        done = import_folder(repo, args.id, args.dir, dry_run=args.dry_run)
    counts = {s: sum(1 for m in done.statuses if m.status == s) for s in (RETURNED, PROBLEMS, MISSING)}
    out(
        f"Zwrócone: {counts[RETURNED]}, z problemami: {counts[PROBLEMS]}, brak: {counts[MISSING]}, "
        f"pliki spoza rejestru: {len(done.unknown)}."
    )
    for m in done.statuses:
        where = f" ({m.file})" if m.file else ""
        out(f"{m.label.upper()}: {m.name}{' NIP ' + m.nip if m.nip else ''}{where}")
        for problem in m.problems:
            out(f"    {problem}")
    for file_name, why in done.unknown:
        out(f"NIEZNANY PLIK: {file_name}: {why}")
    if args.corrections is not None:
        written = 0
        for ret in done.returns:
            problems = done.problems_of(ret)
            if ret.preview is not None and problems:
                try:
                    write_correction(ret, problems, args.corrections)
                except (OSError, XlsxFileError) as exc:
                    raise UsageError(f"nie można zapisać kopii do poprawy: {exc}") from None
                written += 1
        out(f"Kopie do poprawy: {written} w folderze {args.corrections}")
    if args.dry_run:
        out(DRY_RUN_NOTE)
    return 1 if counts[PROBLEMS] or done.unknown else 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "members-template": cmd_members_template,
    "members-import": cmd_members_import,
    "xlsx": cmd_xlsx,
    "questionnaires": cmd_questionnaires,
    "questionnaires-import": cmd_questionnaires_import,
}
