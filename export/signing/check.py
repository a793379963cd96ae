"""Checking files brought back signed: each file read within limits, its kind found by its bytes (PDF -> PAdES,
XML -> XAdES), a detached XAdES paired with the PDF it names (given beside it, or lying next to it), the rest
checked as PAdES. Every file ends accepted (`SignedFile`) or refused (`SignedFileError` naming why)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from export.signing.pades import check_pades
from export.signing.reference import Reference
from export.signing.result import SignedFile, SignedFileError
from export.signing.texts import t
from export.signing.xades import check_xades, referenced_files
from forms.fmt import format_megabytes

MAX_SIGNED_BYTES = 64 * 1024 * 1024  # a signed application PDF is a few megabytes; a XAdES file more by a third


@dataclass(frozen=True)
class Outcome:
    path: Path
    signed: SignedFile | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.signed is not None


def read_limited(path: Path) -> bytes:
    """The file's bytes, or a `SignedFileError` naming what is wrong with it (missing, a folder, empty, too big)."""
    name = path.name
    try:
        if path.is_dir():
            raise SignedFileError(t(f"{name}: to folder, nie plik", f"{name}: a folder, not a file"))
        size = path.stat().st_size
        if size > MAX_SIGNED_BYTES:
            raise SignedFileError(
                t(
                    f"{name}: plik ma {format_megabytes(size)}, więcej niż {format_megabytes(MAX_SIGNED_BYTES)}; to "
                    "nie jest podpisany wniosek",
                    f"{name}: the file has {format_megabytes(size, 'en')}, more than "
                    f"{format_megabytes(MAX_SIGNED_BYTES, 'en')}; not a signed application",
                )
            )
        with open(path, "rb") as fh:
            data = fh.read(MAX_SIGNED_BYTES + 1)
    except OSError as exc:
        from klaster.messages import os_error_text

        raise SignedFileError(
            t(f"{name}: nie można odczytać pliku ({os_error_text(exc)})", f"{name}: cannot read ({os_error_text(exc)})")
        ) from None
    if not data:
        raise SignedFileError(t(f"{name}: plik jest pusty", f"{name}: the file is empty"))
    if len(data) > MAX_SIGNED_BYTES:
        raise SignedFileError(t(f"{name}: plik jest za duży", f"{name}: the file is too big"))
    return data


def kind_of(name: str, data: bytes) -> str:
    """`pdf` or `xml` by the file's first bytes; a `SignedFileError` for anything else."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return "xml"
    raise SignedFileError(
        t(
            f"{name}: to nie jest podpisany wniosek: ani PDF z podpisem PAdES, ani plik XAdES (.xades/.xml)",
            f"{name}: not a signed application: neither a PAdES-signed PDF nor a XAdES file (.xades/.xml)",
        )
    )


def check_files(paths: Sequence[Path | str], ref: Reference) -> list[Outcome]:
    """Every file given, accepted or refused; the PDF of a detached XAdES is part of the XAdES outcome."""
    paths = [Path(p) for p in paths]
    loaded: dict[Path, bytes] = {}
    outcomes: dict[Path, Outcome] = {}
    kinds: dict[Path, str] = {}
    for path in paths:
        try:
            loaded[path] = read_limited(path)
            kinds[path] = kind_of(path.name, loaded[path])
        except SignedFileError as exc:
            outcomes[path] = Outcome(path, error=str(exc))
    consumed: set[Path] = set()
    for path in [p for p in paths if kinds.get(p) == "xml"]:
        wanted = {n.casefold() for n in referenced_files(loaded[path])}
        given = [p for p in paths if kinds.get(p) == "pdf" and p.name.casefold() in wanted]
        consumed.update(given)

        def companion(file_name: str, _xml: Path = path, _given: list[Path] = given):
            for p in _given:
                if p.name.casefold() == file_name.casefold():
                    return p.name, loaded[p]
            beside = _xml.parent / file_name
            if file_name and beside.is_file():
                return beside.name, read_limited(beside)
            return None

        outcomes[path] = _run(path, lambda p=path, c=companion: check_xades(p.name, loaded[p], ref, c))
    for path in [p for p in paths if kinds.get(p) == "pdf" and p not in consumed]:
        outcomes[path] = _run(path, lambda p=path: check_pades(p.name, loaded[p], ref))
    return [outcomes[p] for p in paths if p in outcomes]


def _run(path: Path, check) -> Outcome:
    try:
        return Outcome(path, signed=check())
    except SignedFileError as exc:
        return Outcome(path, error=str(exc))
    except RecursionError:
        return Outcome(path, error=t(f"{path.name}: zbyt złożona struktura pliku", f"{path.name}: structure too deep"))
