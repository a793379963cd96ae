"""Excel commands: members template and import, the application as a workbook, questionnaires per member.

members-template OUT.xlsx [--form ID]
members-import ID FILE.xlsx [--dry-run] [--all-or-nothing]   exit 0 all imported, 1 rows rejected, 2 bad file
xlsx ID OUT.xlsx
questionnaires ID OUTDIR [--emails] [--deadline DD.MM.RRRR]   with --emails also one .eml per member, a mail-merge
                                                                 CSV, and the round recorded in the database
questionnaires-import ID DIR [--dry-run] [--corrections DIR]  exit 0 all good, 1 some came back with problems
campaign ID [--returned DIR]          per member: sent, returned, complete, problems; exit 1 while some are not
reminders ID OUTDIR [--returned DIR] [--deadline DD.MM.RRRR]   a reminder .eml per member who is not complete
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli import WRITING_COMMANDS, UsageError, open_repo
from forms.loader import DEFAULT_FORM, available_forms, load_form

Out = Callable[[str], None]

# Sending a round records it, and reminders record theirs: those commands write (lock and backup); without
# --emails `questionnaires` only writes files and opens the database read-only (as a dry run).
WRITING_COMMANDS.setdefault("questionnaires", None)
WRITING_COMMANDS.setdefault("reminders", None)


class _Emails(argparse.Action):
    """--emails: also write the messages and record the round (which makes the command a writing one)."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, values: Any, option: Any = None) -> None:
        namespace.emails, namespace.dry_run = True, False


def _date(text: str) -> dt.date:
    from forms.fmt import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}” nie jest datą (dd.mm.rrrr)") from None


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
    s.add_argument("--emails", nargs=0, action=_Emails, help="także wiadomości .eml, plik CSV; runda zapisana w bazie")
    s.add_argument("--deadline", type=_date, help="termin odesłania (dd.mm.rrrr; domyślnie za 14 dni)")
    s.set_defaults(emails=False, dry_run=True)
    s = sub.add_parser("campaign", help="runda ankiet: kto dostał, kto odesłał, czego brakuje")
    s.add_argument("id", type=int)
    s.add_argument("--returned", type=Path, help="folder zwróconych ankiet (domyślnie folder ostatniej rundy)")
    s = sub.add_parser("reminders", help="przypomnienia dla członków, których ankiety są niekompletne")
    s.add_argument("id", type=int)
    s.add_argument("outdir", type=Path)
    s.add_argument("--returned", type=Path, help="folder zwróconych ankiet (domyślnie folder ostatniej rundy)")
    s.add_argument("--deadline", type=_date, help="nowy termin odesłania (dd.mm.rrrr; domyślnie za 7 dni)")
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


def _setup(repo: Any, app_id: int, deadline: dt.date | None) -> Any:
    """The round's shared setting: deadline, this application's id, and in a renewal the earlier application."""
    from export.xlsx.questionnaires import Setup

    previous_id = repo.renewed_from(app_id)
    previous = repo.load(previous_id) if previous_id is not None else None
    label = ""
    if previous is not None:
        year = previous.get("meta.reference_year") if previous.definition.has_field("meta.reference_year") else None
        label = str(year) if year else f"nr {previous_id}"
    return Setup(deadline, repo.info(app_id).uuid, previous, label)


def cmd_questionnaires(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.questionnaires import write_round
    from export.xlsx.questionnaires_campaign import message_records
    from export.xlsx.questionnaires_mail import CSV_NAME, MAILS_DIR, Letter, write_merge_csv, write_questionnaire_drafts

    repo = open_repo(args)
    doc = repo.load(args.id)
    deadline = args.deadline or dt.date.today() + dt.timedelta(days=14)
    setup = _setup(repo, args.id, deadline)
    with writing(args.outdir):
        written = write_round(doc, args.outdir, setup)
        drafts = []
        if args.emails:
            letter = Letter.of(doc, deadline)
            drafts = write_questionnaire_drafts(doc, written, args.outdir / MAILS_DIR, letter)
            write_merge_csv(drafts, args.outdir / CSV_NAME, letter)
    out(f"Zapisano ankiet: {len(written)} w folderze {args.outdir}")
    if not args.emails:
        return 0
    round_id = repo.add_questionnaire_round(args.id, deadline, str(args.outdir.absolute()), message_records(drafts))
    out(
        f"Wiadomości: {len(drafts)} w folderze {args.outdir / MAILS_DIR}; "
        f"korespondencja seryjna: {args.outdir / CSV_NAME}"
    )
    for d in drafts:
        if d.problem:
            out(
                f"BEZ E-MAILA: {d.name}{' NIP ' + d.nip if d.nip else ''}: {d.problem} "
                f"(wiadomość bez adresata: {d.eml.name})"
            )
    out(f"Runda nr {round_id} zapisana w bazie; termin odesłania {_day(deadline)}.")
    return 0


def _day(day: dt.date | None) -> str:
    from forms.fmt import format_date

    return format_date(day) if day else "—"


def _campaign(repo: Any, app_id: int, returned: Path | None) -> tuple[Any, Any, Any]:
    """(document, campaign, latest round) from the recorded messages and a dry-run scan of the returned files."""
    from export.xlsx.questionnaires import import_folder
    from export.xlsx.questionnaires_campaign import campaign

    doc = repo.load(app_id)
    rounds = repo.questionnaire_rounds(app_id)
    latest = rounds[-1] if rounds else None
    folder = returned or (Path(latest.folder) if latest is not None and latest.folder else None)
    if folder is None:
        raise UsageError(f"wniosek {app_id} nie ma zapisanej rundy ankiet; podaj --returned FOLDER")
    with reading():
        done = import_folder(repo, app_id, folder, dry_run=True)
    return doc, campaign(doc, done, repo.questionnaire_messages(app_id)), latest


def cmd_campaign(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.questionnaires_campaign import COMPLETE, row_text

    repo = open_repo(args)
    _doc, result, latest = _campaign(repo, args.id, args.returned)
    if latest is not None:
        out(f"Runda nr {latest.id} z {_day(latest.created_at.date())}, termin {_day(latest.deadline)}.")
    out(result.summary())
    for r in result.rows:
        out(row_text(r))
        for line in r.lines() + r.notes:
            out(f"    {line}")
    for file_name, why in result.unknown:
        out(f"NIEZNANY PLIK: {file_name}: {why}")
    return 0 if all(r.state == COMPLETE for r in result.rows) else 1


def cmd_reminders(args: argparse.Namespace, out: Out) -> int:
    from export.xlsx.questionnaires_campaign import message_records, write_reminders
    from export.xlsx.questionnaires_mail import REMINDERS_DIR, Letter

    repo = open_repo(args)
    doc, result, latest = _campaign(repo, args.id, args.returned)
    deadline = args.deadline or dt.date.today() + dt.timedelta(days=7)
    setup = _setup(repo, args.id, deadline)
    from export.xlsx.safety import XlsxFileError

    try:
        with writing(args.outdir):
            drafts = write_reminders(doc, result, args.outdir, Letter.of(doc, deadline), setup)
    except XlsxFileError as exc:
        raise UsageError(str(exc)) from None
    records = message_records(drafts)
    if latest is not None:
        repo.add_questionnaire_messages(latest.id, records)
    else:
        repo.add_questionnaire_round(args.id, deadline, str((args.returned or args.outdir).absolute()), records)
    out(
        f"Przypomnienia: {len(drafts)} w folderze {args.outdir / REMINDERS_DIR}; kompletne (bez przypomnienia): "
        f"{sum(1 for r in result.rows if r.complete)}."
    )
    for d in drafts:
        mail = d.to or f"BEZ E-MAILA ({d.problem})"
        out(f"{d.name}{' NIP ' + d.nip if d.nip else ''} · {mail} · {d.eml.name} · załącznik {d.attachment.name}")
        for line in d.lines:
            out(f"    {line}")
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
    "campaign": cmd_campaign,
    "reminders": cmd_reminders,
}
