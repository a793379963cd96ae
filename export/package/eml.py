"""The e-mail draft: an `.eml` message marked unsent (`X-Unsent: 1`), so that mail programs (Outlook,
Thunderbird) open it as a new message ready to send, with a Polish subject and body and the package files
attached (with `manifest.json` and `SUMY_KONTROLNE.txt`). `mailto:` cannot carry attachments; it is the fallback
the GUI offers together with the folder.

The subject is short (`Wniosek o status KKK – Dolina Stali – nadanie – konkurs 2019`) and written here as
RFC 2047 encoded words of whole characters, each on a line of its own: the standard library's folding of long
subjects drops the space before an encoded word and splits an emoji's bytes across words (ENGINEERING-NOTES).
Spaces travel inside the encoded text, so no decoder can lose them.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import unicodedata
import urllib.parse
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

from export.atomic import write_bytes_atomic
from export.package.builder import PackageError, PackageResult, Part
from export.package.manifest import MANIFEST, SUMS
from export.package.names import short_name
from forms import limits
from forms.document import Document, group_checksum
from forms.fmt import format_date, format_megabytes
from models.repository import ApplicationInfo

DEFAULT_MINISTRY_ADDRESS = ""  # set by the user in the settings: never guessed

WORD_BYTES = 39  # UTF-8 bytes per encoded word: `=?utf-8?b?` + 52 base64 characters + `?=` = 64 characters
KIND_WORDS = {"nadanie": "nadanie", "odnowienie": "odnowienie"}


# The subject ---------------------------------------------------------------------------------------------------
def _joins_previous(ch: str) -> bool:
    """A character that belongs to the one before it (accent, variation selector, skin tone, ZWJ sequence)."""
    code = ord(ch)
    return (
        unicodedata.combining(ch) != 0
        or code == 0x200D
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def _clusters(text: str) -> list[str]:
    out: list[str] = []
    for ch in text:
        if out and (_joins_previous(ch) or out[-1].endswith("\u200d")):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def encoded_words(text: str) -> list[str]:
    """`text` as base64 encoded words, each holding whole characters (never half an emoji) and under 76
    characters; decoded and joined they give `text` exactly, spaces included."""
    words: list[str] = []
    chunk = b""
    for cluster in _clusters(text):
        data = cluster.encode("utf-8")
        if chunk and len(chunk) + len(data) > WORD_BYTES:
            words.append(chunk)
            chunk = b""
        chunk += data
    if chunk:
        words.append(chunk)
    return [f"=?utf-8?b?{base64.b64encode(w).decode('ascii')}?=" for w in words]


class EncodedHeader(str):
    """A header value the message writes as given: `email.policy` keeps a value that carries its own `name` and
    `fold` (see `EmailPolicy.header_store_parse`). Reading it in the program gives the plain text."""

    def __new__(cls, name: str, text: str) -> EncodedHeader:
        value = super().__new__(cls, text)
        value.name = name
        return value

    def fold(self, *, policy: Any) -> str:
        text = str(self)
        if text.isascii() and len(self.name) + 2 + len(text) <= 78:
            return f"{self.name}: {text}{policy.linesep}"
        return f"{self.name}: " + f"{policy.linesep} ".join(encoded_words(text)) + policy.linesep


def kind_words(kind: str, version: int) -> str:
    """`nadanie`, `odnowienie`, `korekta nr 1` (version 2 corrects version 1)."""
    if version > 1:
        return f"korekta nr {version - 1}"
    return KIND_WORDS.get(kind, "nadanie")


def subject(result: PackageResult, name: str, round_title: str, part: Part | None = None, **kw: Any) -> str:
    """`Wniosek o status KKK – {short name} – {nadanie|odnowienie|korekta nr N} – {round}`, drafts prefixed,
    parts suffixed `(część 2 z 3)`. One line, whatever the name holds."""
    kind, version = kw.get("kind", "nadanie"), kw.get("version", 1)
    round_title = limits.one_line(round_title, 60)
    text = f"Wniosek o status KKK – {short_name(name)} – {kind_words(kind, version)} – {round_title}"
    if result.draft:
        text = "[WERSJA ROBOCZA] " + text
    if part is not None:
        text += f" (część {part.number} z {part.count})"
    return text


# The body ------------------------------------------------------------------------------------------------------
def _day(when: Any) -> str:
    if isinstance(when, dt.datetime):
        when = when.date()
    return format_date(when) if isinstance(when, dt.date) else ""


def _correction_lines(result: PackageResult, version: int) -> list[str]:
    old = result.corrects
    if old is None or version <= 1:
        return []
    day = _day(old.finalized_at)
    checksum = old.checksum or ""
    return [
        f"Korekta nr {version - 1} wniosku z dnia {day}, zastępuje wersję {old.version_no} "
        f"(suma kontrolna {group_checksum(checksum)}).",
        "Zmiany względem zastępowanej wersji wymienia załączone zestawienie zmian"
        + (f" ({result.changes_name})." if result.changes_name else "."),
        "",
    ]


def _signed_lines(result: PackageResult) -> list[str]:
    signed = getattr(result, "signed", None)
    if signed is None:
        return []
    return [f"Wniosek podpisany elektronicznie: {signed.summary()} (plik {signed.file_name}).", ""]


def body(result: PackageResult, letter: Letter, part: Part | None = None) -> str:
    kind_text = "odnowienie statusu" if letter.kind == "odnowienie" else "nadanie statusu"
    files = part.entries if part is not None else result.entries
    size = format_megabytes(sum(e.size for e in files))
    state = f"sfinalizowana {letter.finalized_on}" if letter.finalized_on else "robocza"
    lines = [
        "Szanowni Państwo,",
        "",
        f"w załączeniu przesyłamy wniosek klastra {letter.name} o {kind_text} Krajowego Klastra Kluczowego"
        f" ({letter.round_title}).",
        f"Numer wniosku: {letter.number}; wersja {letter.version}, {state}.",
        "",
        *_correction_lines(result, letter.version),
        *_signed_lines(result),
        f"Suma kontrolna danych wniosku (SHA-256): {result.checksum}",
        f"Ta sama suma jest wydrukowana na każdej stronie wniosku w PDF i zapisana w plikach {MANIFEST} i {SUMS}.",
        "",
    ]
    if part is not None:
        lines += [f"To jest część {part.number} z {part.count} przesyłki.", ""]
    names = [e.name.split("/")[-1] for e in files] + [MANIFEST, SUMS]
    lines += ["Załączniki:"] + [f"- {n}" for n in names] + [f"(razem {size})", "", "Z poważaniem", *letter.signature]
    if result.draft:
        lines = [
            "UWAGA: to jest wersja robocza do wewnętrznego przeglądu, nie do wysłania do ministerstwa.",
            "",
        ] + lines
    return "\n".join(lines) + "\n"


# The message ---------------------------------------------------------------------------------------------------
def build_message(result: PackageResult, to: str, letter: Letter, part: Part | None = None) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    to = limits.one_line(to)
    if to:
        msg["To"] = to
    msg["Subject"] = EncodedHeader("Subject", letter.subject(result, part))
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    msg.set_content(body(result, letter, part))
    folder = part.folder if part is not None else result.folder
    for entry in part.entries if part is not None else result.entries:
        path = folder / entry.name
        ctype, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    msg.add_attachment((folder / MANIFEST).read_bytes(), maintype="application", subtype="json", filename=MANIFEST)
    msg.add_attachment((folder / SUMS).read_bytes(), maintype="text", subtype="plain", filename=SUMS)
    return msg


def write_eml(msg: EmailMessage, path: Path) -> Path:
    write_bytes_atomic(path, msg.as_bytes())
    return path


def _one(text: Any, limit: int = 120) -> str:
    return limits.one_line(str(text or ""), limit)


@dataclass(frozen=True)
class Letter:
    """What a message says about the application: the cluster, the round, the kind, the version and who signs."""

    name: str
    round_title: str
    kind: str
    version: int
    number: str = ""
    finalized_on: str = ""
    signature: tuple[str, ...] = ()

    @classmethod
    def of(cls, doc: Document, info: ApplicationInfo) -> Letter:
        from export.pdf.facts import application_number

        def get(key: str) -> str:
            return _one(doc.get(key)) if doc.definition.has_field(key) else ""

        person = get("contact.name") or get("signatory.name")
        position = get("contact.position") if get("contact.name") else get("signatory.position")
        phone, mail = get("contact.phone") or get("coordinator.phone"), get("contact.email")
        reach = ", ".join(p for p in (f"tel. {phone}" if phone else "", mail) if p)
        signature = tuple(p for p in (person, position, get("coordinator.name"), reach) if p)
        round_title = get("meta.round") or f"konkurs {doc.definition.round_year}"
        return cls(
            _one(doc.get("cluster.name") or info.name, 300),
            round_title,
            info.kind,
            info.version_no,
            application_number(info.uuid),
            _day(info.finalized_at) if info.is_final else "",
            signature,
        )

    def subject(self, result: PackageResult, part: Part | None = None) -> str:
        return subject(result, self.name, self.round_title, part, kind=self.kind, version=self.version)

    def body(self, result: PackageResult, part: Part | None = None) -> str:
        return body(result, self, part)


def write_drafts(result: PackageResult, to: str, letter: Letter) -> list[Path]:
    """One `.eml` beside the package folder, or one per part when the package was split. A split package's
    messages are each within the limit, measured as written; one that is not is removed and named."""
    if not result.parts:
        return [write_eml(build_message(result, to, letter), result.folder.with_suffix(".eml"))]
    paths = []
    for part in result.parts:
        path = write_eml(build_message(result, to, letter, part), part.folder.with_suffix(".eml"))
        size = path.stat().st_size
        if size > result.limit_bytes:
            path.unlink()
            raise PackageError(
                f"wiadomość części {part.number} z {part.count} ma {format_megabytes(size)}, więcej niż limit "
                f"{format_megabytes(result.limit_bytes)}; nie zapisano jej"
            )
        paths.append(path)
    return paths


def mailto_url(to: str, subject_text: str, body_text: str) -> str:
    query = urllib.parse.urlencode({"subject": subject_text, "body": body_text}, quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(to)}?{query}"
