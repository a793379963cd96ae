"""Sending questionnaires and reminders: one `.eml` draft per member and a mail-merge CSV.

Each draft is marked unsent (`X-Unsent: 1`), so Outlook and Thunderbird open it as a new message ready to send;
it is addressed to the member's contact e-mail, speaks Polish, names the deadline and carries the member's workbook.
The subject is written with `export.package.eml.EncodedHeader` (whole characters per encoded word: a member's name
with Polish letters or an emoji survives every decoder). A member without a usable address still gets a draft
(with no `To:`) and is named in the report, so that nobody is silently left out.

The CSV (UTF-8 with BOM, `;`, as Polish Excel opens it) lists the same messages for a mail program's own merge;
cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with `'` so that no spreadsheet
evaluates them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from export.atomic import write_bytes_atomic
from export.package.eml import EncodedHeader, write_eml
from export.xlsx.questionnaires_sheet import Contact
from forms import limits
from forms.document import Document, Row
from forms.fmt import format_date, quote_value

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
MAILS_DIR = "wiadomosci"
REMINDERS_DIR = "przypomnienia"
CSV_NAME = "korespondencja_seryjna.csv"
CSV_HEADERS = ("nazwa", "nip", "email", "temat", "termin", "plik", "wiadomosc", "uwagi")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)
NO_ADDRESS = "brak adresu e-mail w rejestrze członków"


def address_of(data: dict) -> tuple[str, str]:
    """(the member's contact address, "") or ("", why there is none usable)."""
    raw = limits.one_line(str(data.get("contact_email") or ""), 320).strip()
    if raw.casefold().startswith("mailto:"):
        raw = raw[7:].strip()
    if not raw:
        return "", NO_ADDRESS
    if len(raw) > 254 or not _ADDRESS.match(raw):
        return "", f"adres e-mail {quote_value(raw)} jest niepoprawny"
    return raw, ""


@dataclass
class Letter:
    """What every message of a round says: the cluster, the deadline, who writes."""

    cluster: str
    deadline: dt.date | None
    contact: Contact
    year: int | None = None

    @classmethod
    def of(cls, doc: Document, deadline: dt.date | None) -> Letter:
        cluster = limits.one_line(str(doc.get("cluster.name") or "klastra"), 120)
        year = doc.get("meta.reference_year") if doc.definition.has_field("meta.reference_year") else None
        return cls(cluster, deadline, Contact.of(doc), year)

    @property
    def deadline_text(self) -> str:
        return format_date(self.deadline) if self.deadline else "jak najszybciej"

    def signature(self) -> list[str]:
        c = self.contact
        reach = ", ".join(p for p in (c.email, f"tel. {c.phone}" if c.phone else "") if p)
        return [p for p in (c.person, c.organisation or f"Koordynator klastra {self.cluster}", reach) if p]


@dataclass
class Draft:
    """One message written: to whom, which file it carries, where it lies."""

    uid: str
    name: str
    nip: str
    to: str
    subject: str
    attachment: Path
    eml: Path
    kind: str = "questionnaire"  # or "reminder"
    problem: str = ""  # why it has no address
    lines: list[str] = field(default_factory=list)  # what a reminder lists


def _member_name(row: Row) -> str:
    return limits.one_line(str(row.get("name") or "członek klastra"), 80)


def questionnaire_subject(letter: Letter, name: str) -> str:
    return f"Ankieta członka klastra {letter.cluster} – {name} – termin {letter.deadline_text}"


def questionnaire_body(letter: Letter, name: str, file_name: str) -> str:
    year = f" za rok {letter.year}" if letter.year else ""
    lines = [
        "Szanowni Państwo,",
        "",
        f"przygotowujemy wniosek klastra {letter.cluster} o status Krajowego Klastra Kluczowego i prosimy "
        f"o aktualne dane firmy {name}{year}.",
        "",
        f"W załączeniu ankieta ({file_name}). Wpisaliśmy w niej to, co już wiemy: prosimy sprawdzić, uzupełnić "
        "żółte komórki (obok każdego pytania jest objaśnienie), potwierdzić aktualność danych i odesłać plik "
        "w odpowiedzi na tę wiadomość, bez zmiany nazwy.",
        "",
        f"Termin odesłania: {letter.deadline_text}.",
        "",
        "W razie pytań prosimy o kontakt.",
        "",
        "Z poważaniem",
        *letter.signature(),
    ]
    return "\n".join(lines) + "\n"


def reminder_subject(letter: Letter, name: str) -> str:
    return f"Przypomnienie: ankieta członka klastra {letter.cluster} – {name} – termin {letter.deadline_text}"


def reminder_body(letter: Letter, name: str, file_name: str, lines: list[str], *, returned: bool) -> str:
    if returned:
        intro = [
            f"dziękujemy za odesłanie ankiety firmy {name}. Aby dane mogły trafić do wniosku, prosimy jeszcze "
            "o uzupełnienie lub poprawienie:",
            "",
            *[f"- {line}" for line in lines],
            "",
            f"W załączeniu Państwa ankieta ({file_name}) z zaznaczonymi komórkami: na czerwono błędne odpowiedzi, "
            "na pomarańczowo brakujące; opis jest w kolumnie „Uwagi koordynatora”.",
        ]
    else:
        intro = [
            f"nie otrzymaliśmy jeszcze ankiety firmy {name}. Prosimy o jej wypełnienie i odesłanie; "
            f"w załączeniu ponownie ankieta ({file_name}).",
        ]
    body = [
        "Szanowni Państwo,",
        "",
        *intro,
        "",
        f"Termin odesłania: {letter.deadline_text}.",
        "",
        "Z poważaniem",
        *letter.signature(),
    ]
    return "\n".join(body) + "\n"


def build_message(to: str, sender: str, subject: str, body: str, attachment: Path) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = sender
    msg["Subject"] = EncodedHeader("Subject", limits.one_line(subject, 300))
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    msg.set_content(body)
    msg.add_attachment(attachment.read_bytes(), maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=attachment.name)
    return msg


def _write(
    row: Row, letter: Letter, attachment: Path, folder: Path, subject: str, body: str, kind: str, lines: list[str]
) -> Draft:
    to, problem = address_of(row.data)
    sender, _ = address_of({"contact_email": letter.contact.email})
    msg = build_message(to, sender, subject, body, attachment)
    eml = folder / attachment.with_suffix(".eml").name.replace("_do_poprawy", "")
    write_eml(msg, eml)
    nip = str(row.get("nip") or "")
    return Draft(row.uid, _member_name(row), nip, to, subject, attachment, eml, kind, problem, lines)


def write_questionnaire_drafts(
    doc: Document, written: list[tuple[Row, Path]], folder: Path, letter: Letter
) -> list[Draft]:
    """One `.eml` per questionnaire written (in `folder`), each with its member's workbook attached."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for row, path in written:
        name = _member_name(row)
        out.append(
            _write(
                row,
                letter,
                path,
                folder,
                questionnaire_subject(letter, name),
                questionnaire_body(letter, name, path.name),
                "questionnaire",
                [],
            )
        )
    return out


def write_reminder(
    row: Row, letter: Letter, attachment: Path, folder: Path, lines: list[str], *, returned: bool
) -> Draft:
    folder.mkdir(parents=True, exist_ok=True)
    name = _member_name(row)
    body = reminder_body(letter, name, attachment.name, lines, returned=returned)
    return _write(row, letter, attachment, folder, reminder_subject(letter, name), body, "reminder", lines)


# The mail-merge CSV -----------------------------------------------------------------------------------------------
def csv_cell(value: object) -> str:
    """A CSV cell no spreadsheet evaluates: control characters removed, formula starts quoted with `'`."""
    text = limits.one_line(str(value if value is not None else ""), 2000)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_merge_csv(drafts: list[Draft], path: Path, letter: Letter) -> Path:
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    out.writerow(CSV_HEADERS)
    for d in drafts:
        out.writerow(
            [
                csv_cell(v)
                for v in (
                    d.name,
                    d.nip,
                    d.to,
                    d.subject,
                    letter.deadline_text,
                    d.attachment.name,
                    d.eml.name,
                    d.problem,
                )
            ]
        )
    write_bytes_atomic(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
    return path
