"""The e-mail draft: an `.eml` message marked unsent (`X-Unsent: 1`), so that mail programs (Outlook,
Thunderbird) open it as a new message ready to send, with a Polish subject and body and the package files
attached. `mailto:` cannot carry attachments; it is the fallback the GUI offers together with the folder."""

from __future__ import annotations

import mimetypes
import urllib.parse
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from export.atomic import write_bytes_atomic
from export.package.builder import PackageResult, Part
from forms.fmt import format_decimal

DEFAULT_MINISTRY_ADDRESS = ""  # set by the user in the settings: never guessed


def subject(result: PackageResult, name: str, round_title: str, part: Part | None = None) -> str:
    text = f"Wniosek o status Krajowego Klastra Kluczowego – {name} – {round_title}"
    if result.draft:
        text = "[WERSJA ROBOCZA] " + text
    if part is not None:
        text += f" (część {part.number} z {part.count})"
    return text


def body(result: PackageResult, name: str, round_title: str, kind: str, version: int, part: Part | None = None) -> str:
    kind_text = "odnowienie statusu" if kind == "odnowienie" else "nadanie statusu"
    files = part.entries if part is not None else result.entries
    size_mb = format_decimal(sum(e.size for e in files) / (1024 * 1024), 1)
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
    lines += (
        ["Załączniki:"] + [f"- {e.name.split('/')[-1]}" for e in files] + [f"(razem {size_mb} MB)", "", "Z poważaniem"]
    )
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


def mailto_url(to: str, subject_text: str, body_text: str) -> str:
    query = urllib.parse.urlencode({"subject": subject_text, "body": body_text}, quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(to)}?{query}"
