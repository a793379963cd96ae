"""A round of questionnaires from sending to a complete register: who was sent what, what came back, what is
missing, and reminders that say exactly that.

`campaign(doc, done, messages)` joins the recorded messages (`Repository.questionnaire_messages`) with a scan of
the returned files (`questionnaires.import_folder`, usually a dry run) into one row per member: sent (when, which
file), returned (when, which file), complete, problems and the questions still unanswered (from the `needed` list
of `resources/questionnaire/objasnienia.json`: basic data for everyone, the figures for enterprises), members
without a usable e-mail address flagged. `write_reminders(...)` writes, for every member who is not complete, a
workbook (their own, annotated; or a fresh one when nothing usable came back) and a reminder `.eml` listing, in
plain Polish, what is missing or wrong; complete members get nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from export.xlsx.questionnaires import (
    PROBLEMS,
    RETURNED,
    Blank,
    FolderImport,
    MemberStatus,
    is_answered,
    write_correction,
)
from export.xlsx.questionnaires_help import QuestionnaireHelp, load_help
from export.xlsx.questionnaires_mail import REMINDERS_DIR, Draft, Letter, address_of, write_reminder
from export.xlsx.questionnaires_sheet import Setup, file_name_for, write_one
from forms.document import Document, Row
from forms.fmt import format_date

SILENT, PARTIAL, COMPLETE = "silent", "partial", "complete"
STATE_LABELS = {SILENT: "brak odpowiedzi", PROBLEMS: "z problemami", PARTIAL: "niekompletna", COMPLETE: "kompletna"}
CORRECTIONS = "do_poprawy"
FRESH = "ankiety"


@dataclass
class CampaignRow:
    uid: str
    name: str
    nip: str
    email: str
    email_problem: str
    state: str  # SILENT, PROBLEMS, PARTIAL, COMPLETE
    sent_at: dt.datetime | None = None
    sent_file: str = ""
    reminders: int = 0
    reminded_at: dt.datetime | None = None
    returned_file: str = ""
    returned_at: dt.datetime | None = None
    problems: list[str] = field(default_factory=list)  # plain Polish, one per wrong answer
    missing: list[str] = field(default_factory=list)  # plain Polish, one per group of unanswered questions
    blanks: list[Blank] = field(default_factory=list)  # the needed questions left empty (for the annotated copy)
    cell_problems: list[Any] = field(default_factory=list)  # the wrong answers (CellProblem), for the annotated copy
    notes: list[str] = field(default_factory=list)
    status: MemberStatus | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def complete(self) -> bool:
        return self.state == COMPLETE

    def lines(self) -> list[str]:
        """What the member still has to do, in plain Polish (empty when complete)."""
        if self.state == SILENT:
            return ["nie otrzymaliśmy wypełnionej ankiety"]
        return self.problems + self.missing


@dataclass
class Campaign:
    rows: list[CampaignRow]
    unknown: list[tuple[str, str]]

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)

    @property
    def sent(self) -> int:
        return sum(1 for r in self.rows if r.sent_at is not None)

    @property
    def returned(self) -> int:
        return sum(1 for r in self.rows if r.returned_file)

    @property
    def without_email(self) -> int:
        return sum(1 for r in self.rows if not r.email)

    def summary(self) -> str:
        return (
            f"Członków: {len(self.rows)} · wysłano: {self.sent} · zwrócono: {self.returned} · kompletne: "
            f"{self.count(COMPLETE)} · niekompletne: {self.count(PARTIAL)} · z problemami: {self.count(PROBLEMS)} · "
            f"bez odpowiedzi: {self.count(SILENT)} · bez adresu e-mail: {self.without_email}"
        )


def _problem_line(p: Any) -> str:
    where = f" (wiersz {p.row})" if p.row else ""
    return f"„{p.header}”{where}: {p.message}" if p.header else p.message


def _is_enterprise(doc: Document, data: dict[str, Any], ret: Any) -> bool:
    kind = data.get("type") or (ret.member_type if ret is not None else "")
    if ret is not None and ret.preview is not None:
        kind = ret.preview.rows[0].data.get("type") or kind
    return kind in doc.definition.enterprise_types


def missing_lines(doc: Document, blanks: list[Blank]) -> list[str]:
    """Unanswered questions in plain Polish: one line per question, a multi-choice as one line of its items."""
    table = doc.definition.table("members")
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    for b in blanks:
        if b.target.choice is None:
            out.append(f"brak odpowiedzi: „{b.question}”")
        else:
            groups.setdefault(b.target.column, []).append(b.question)
    for column, items in groups.items():
        out.append(
            f"brak odpowiedzi „tak” albo „nie” w pytaniu „{table.column(column).label.pl}” przy: {', '.join(items)}"
        )
    return out


def _needed_blanks(doc: Document, row: Row, status: MemberStatus, help: QuestionnaireHelp) -> list[Blank]:
    ret = status.ret
    if ret is None or ret.preview is None:
        return []
    needed = set(help.needed(_is_enterprise(doc, row.data, ret)))
    return [b for b in ret.blanks if b.target.column in needed]


def campaign(
    doc: Document, done: FolderImport, messages: list[Any], *, help: QuestionnaireHelp | None = None
) -> Campaign:
    """One row per member of the register (see the module's notes)."""
    help = help or load_help()
    by_uid = {s.uid: s for s in done.statuses}
    rows = []
    for row in doc.rows("members"):
        status = by_uid[row.uid]
        email, problem = address_of(row.data)
        item = CampaignRow(row.uid, status.name, status.nip, email, problem, SILENT, notes=list(status.notes))
        item.status = status
        for m in messages:
            if m.member_uid != row.uid:
                continue
            if m.kind == "questionnaire":
                item.sent_at, item.sent_file = m.created_at, m.file_name
            else:
                item.reminders += 1
                item.reminded_at = m.created_at
        ret = status.ret
        if ret is not None and (ret.error is not None or is_answered(ret)):
            item.returned_file = ret.file_name
            item.returned_at = ret.saved_at
        if status.status == PROBLEMS:
            item.state = PROBLEMS
            item.cell_problems = done.problems_of(ret) if ret is not None else []
            item.problems = [_problem_line(p) for p in item.cell_problems] or list(status.problems)
        elif status.status == RETURNED:
            item.blanks = _needed_blanks(doc, row, status, help)
            item.missing = missing_lines(doc, item.blanks)
            item.state = PARTIAL if item.missing else COMPLETE
        if item.state == PROBLEMS:  # the unanswered ones too, so that one reminder says everything
            item.blanks = _needed_blanks(doc, row, status, help)
            item.missing = missing_lines(doc, item.blanks)
        rows.append(item)
    return Campaign(rows, done.unknown)


def row_text(r: CampaignRow) -> str:
    """One line per member for the command line and logs."""

    def when(value: dt.datetime | None) -> str:
        return format_date(value.date()) if value else "—"

    sent = f"wysłano {when(r.sent_at)}" if r.sent_at else "nie wysłano"
    back = f"zwrócono {when(r.returned_at)} ({r.returned_file})" if r.returned_file else "nie zwrócono"
    extra = f", przypomnienia: {r.reminders}" if r.reminders else ""
    mail = r.email or f"BEZ E-MAILA ({r.email_problem})"
    return f"{r.label.upper()}: {r.name}{' NIP ' + r.nip if r.nip else ''} · {mail} · {sent} · {back}{extra}"


# Reminders -----------------------------------------------------------------------------------------------------
def write_reminders(doc: Document, result: Campaign, outdir: Path, letter: Letter, setup: Setup) -> list[Draft]:
    """A reminder per member who is not complete (see the module's notes); the complete ones get nothing."""
    outdir = Path(outdir)
    rows = {r.uid: r for r in doc.rows("members")}
    drafts = []
    for item in result.rows:
        if item.complete:
            continue
        row = rows[item.uid]
        ret = item.status.ret if item.status is not None else None
        readable = ret is not None and ret.preview is not None and item.state in (PROBLEMS, PARTIAL)
        if readable:
            attachment = write_correction(ret, item.cell_problems, outdir / CORRECTIONS, missing=item.blanks)
            lines = item.lines()
        else:
            attachment = outdir / FRESH / file_name_for(row.data, row.uid)
            attachment.parent.mkdir(parents=True, exist_ok=True)
            write_one(doc, row, attachment, setup)
            lines = item.problems if item.state == PROBLEMS else item.lines()
        drafts.append(write_reminder(row, letter, attachment, outdir / REMINDERS_DIR, lines, returned=readable))
    return drafts


def message_records(drafts: list[Draft]) -> list[dict[str, Any]]:
    """The messages of a round as the repository records them."""
    return [
        {
            "member_uid": d.uid,
            "member_name": d.name,
            "nip": d.nip,
            "email": d.to,
            "kind": d.kind,
            "file_name": d.attachment.name,
            "file_sha256": hashlib.sha256(d.attachment.read_bytes()).hexdigest(),
            "eml_name": d.eml.name,
        }
        for d in drafts
    ]
