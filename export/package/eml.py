"""The e-mail draft: an `.eml` message marked unsent (`X-Unsent: 1`), so that mail programs (Outlook,
Thunderbird) open it as a new message ready to send, with a Polish subject and body and the package files
attached. `mailto:` cannot carry attachments; it is the fallback the GUI offers together with the folder."""

from __future__ import annotations

import mimetypes
import urllib.parse
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from export.atomic import write_bytes_atomic
from export.package.builder import PackageResult, Part
from forms import limits
from forms.document import Document
from forms.fmt import format_megabytes
from models.repository import ApplicationInfo

DEFAULT_MINISTRY_ADDRESS = ""  # set by the user in the settings: never guessed


SUBJECT_NAME_CHARS = 120  # the cluster's name in the subject (short subjects fold cleanly)


def subject(result: PackageResult, name: str, round_title: str, part: Part | None = None) -> str:
    """One line, whatever the name holds: a header cannot carry a line break or a control character."""
    name, round_title = limits.one_line(name, SUBJECT_NAME_CHARS), limits.one_line(round_title, 200)
    text = f"Wniosek o status Krajowego Klastra Kluczowego – {name} – {round_title}"
    if result.draft:
        text = "[WERSJA ROBOCZA] " + text
    if part is not None:
        text += f" (część {part.number} z {part.count})"
    return text


def body(result: PackageResult, name: str, round_title: str, kind: str, version: int, part: Part | None = None) -> str:
    kind_text = "odnowienie statusu" if kind == "odnowienie" else "nadanie statusu"
    name = limits.one_line(name)
    files = part.entries if part is not None else result.entries
    size = format_megabytes(sum(e.size for e in files))
    lines = [
        "Szanowni Państwo,",
        "",
        f"w załączeniu przesyłamy wniosek klastra {name} o {kind_text} Krajowego Klastra Kluczowego ({round_title}),"
        f" wersja {version}.",
        "",
        f"Suma kontrolna danych wniosku (SHA-256): {result.checksum}",
        "Ta sama suma jest wydrukowana na każdej stronie wniosku w PDF i zapisana w pliku manifest.json.",
        "",
    ]
    if part is not None:
        lines += [f"To jest część {part.number} z {part.count} przesyłki.", ""]
    lines += ["Załączniki:"] + [f"- {e.name.split('/')[-1]}" for e in files] + [f"(razem {size})", "", "Z poważaniem"]
    if result.draft:
        lines = [
            "UWAGA: to jest wersja robocza do wewnętrznego przeglądu, nie do wysłania do ministerstwa.",
            "",
        ] + lines
    return "\n".join(lines) + "\n"


def build_message(
    result: PackageResult, to: str, name: str, round_title: str, kind: str, version: int, part: Part | None = None
) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    to = limits.one_line(to)
    if to:
        msg["To"] = to
    msg["Subject"] = subject(result, name, round_title, part)
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    msg.set_content(body(result, name, round_title, kind, version, part))
    folder = part.folder if part is not None else result.folder
    for entry in part.entries if part is not None else result.entries:
        path = folder / entry.name
        ctype, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    for extra in ("manifest.json",):
        path = folder / extra
        msg.add_attachment(path.read_bytes(), maintype="application", subtype="json", filename=extra)
    return msg


def write_eml(msg: EmailMessage, path: Path) -> Path:
    write_bytes_atomic(path, msg.as_bytes())
    return path


@dataclass(frozen=True)
class Letter:
    """What a message says about the application: the cluster, the round, the kind and the version."""

    name: str
    round_title: str
    kind: str
    version: int

    @classmethod
    def of(cls, doc: Document, info: ApplicationInfo) -> Letter:
        return cls(doc.get("cluster.name") or info.name, doc.definition.title.pl, info.kind, info.version_no)

    def subject(self, result: PackageResult, part: Part | None = None) -> str:
        return subject(result, self.name, self.round_title, part)

    def body(self, result: PackageResult, part: Part | None = None) -> str:
        return body(result, self.name, self.round_title, self.kind, self.version, part)


def write_drafts(result: PackageResult, to: str, letter: Letter) -> list[Path]:
    """One `.eml` beside the package folder, or one per part when the package was split."""
    if result.parts:
        return [
            write_eml(
                build_message(result, to, letter.name, letter.round_title, letter.kind, letter.version, part),
                part.folder.with_suffix(".eml"),
            )
            for part in result.parts
        ]
    message = build_message(result, to, letter.name, letter.round_title, letter.kind, letter.version)
    return [write_eml(message, result.folder.with_suffix(".eml"))]


def mailto_url(to: str, subject_text: str, body_text: str) -> str:
    query = urllib.parse.urlencode({"subject": subject_text, "body": body_text}, quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(to)}?{query}"
