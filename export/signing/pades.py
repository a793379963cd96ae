"""A PAdES-signed application PDF: signing appends incremental updates, so the file's original revision must be, byte
for byte, the application PDF that Klaster builds for this version; every signature must be intact (pyHanko's
validation of its byte range and CMS signature) and nothing may follow the last one but what PAdES allows."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator

from cryptography import x509

from export.signing.reference import Reference, first_revision, sha256, startxref_of
from export.signing.result import PADES, Signature, SignedFile, SignedFileError
from export.signing.texts import t


@contextlib.contextmanager
def quiet_libraries() -> Iterator[None]:
    """pyHanko logs every path it cannot build to a trust root (always, offline) with a traceback: not for users."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator", "signxml")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _reader(name: str, data: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable structure is a refusal with its reason
        raise SignedFileError(
            t(
                f"{name}: uszkodzony plik PDF, nie daje się odczytać ({exc.__class__.__name__})",
                f"{name}: damaged PDF file, cannot be read ({exc.__class__.__name__})",
            )
        ) from None
    try:
        signatures = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001 - e.g. CMSExtractionError: the signature's bytes are not a CMS structure
        raise SignedFileError(
            t(
                f"{name}: podpis jest uszkodzony: jego zawartość (struktura CMS) nie daje się odczytać "
                f"({exc.__class__.__name__})",
                f"{name}: the signature is damaged: its content (CMS structure) cannot be read "
                f"({exc.__class__.__name__})",
            )
        ) from None
    return reader, signatures


def check_pades(name: str, data: bytes, ref: Reference) -> SignedFile:
    reader, signatures = _reader(name, data)
    if not signatures:
        if ref.match(data) is not None:
            raise SignedFileError(
                t(
                    f"{name}: to niepodpisany wniosek (PDF bez podpisu elektronicznego PAdES); podpisz go podpisem "
                    "kwalifikowanym, zaufanym albo osobistym i dodaj plik podpisany",
                    f"{name}: this is the unsigned application (a PDF with no PAdES signature); sign it and add the "
                    "signed file",
                )
            )
        raise SignedFileError(
            t(
                f"{name}: PDF bez podpisu elektronicznego (PAdES); ponadto {ref.diagnose(first_revision(data))}",
                f"{name}: a PDF with no PAdES signature; moreover {ref.diagnose(first_revision(data))}",
            )
        )
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        revisions = reader.xrefs.total_revisions
        first_xref = reader.xrefs.get_startxref_for_revision(0)
    except Exception:  # noqa: BLE001 - an xref table pyHanko cannot follow: no revision is trusted
        revisions, first_xref = 0, None
    ordered = sorted(signatures, key=lambda s: s.signed_revision)
    found: list[Signature] = []
    with quiet_libraries():
        for index, sig in enumerate(ordered):
            signature, coverage = _check_one(name, sig, last=index == len(ordered) - 1)
            found.append(signature)
        pages_kept = _pages_kept(reader, revisions)
    last_eof = data.rfind(b"%%EOF")
    appended = ordered[-1].signed_revision == revisions - 1 and coverage != SignatureCoverageLevel.ENTIRE_FILE
    if appended or data[last_eof + 5 :].strip():
        raise SignedFileError(
            t(
                f"{name}: po podpisaniu dopisano do pliku treść, której nie obejmuje żaden podpis",
                f"{name}: content was appended to the file after signing that no signature covers",
            )
        )
    original = first_revision(data)
    if ref.match(original) is None:
        raise SignedFileError(f"{name}: {ref.diagnose(original)}")
    if first_xref != startxref_of(original) or revisions < 2:
        raise SignedFileError(
            t(
                f"{name}: pierwsza rewizja pliku nie jest wnioskiem zbudowanym przez Klaster (zmieniona struktura "
                "pliku przed podpisem)",
                f"{name}: the file's first revision is not the application Klaster built (the structure was changed "
                "before signing)",
            )
        )
    if not pages_kept:
        raise SignedFileError(
            t(
                f"{name}: po utworzeniu wniosku zmieniono treść jego stron (w rewizji z podpisem albo później); "
                "podpis może dodać tylko pole podpisu",
                f"{name}: the pages' content was changed after the application was made (in the signing revision or "
                "later); a signature may only add its field",
            )
        )
    return SignedFile(name, data, sha256(data), PADES, sha256(original), found)


def _page_facts(root, depth: int = 0) -> list[tuple[bytes, str]]:
    """Every page's content bytes and media box, in order (a page tree at most 32 levels deep)."""
    from pyhanko.pdf_utils import generic

    out: list[tuple[bytes, str]] = []
    if depth > 32:
        raise ValueError("page tree too deep")
    for kid in root.get("/Kids", ()):
        node = kid.get_object()
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            out += _page_facts(node, depth + 1)
            continue
        contents = node.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = contents if isinstance(contents, generic.ArrayObject) else [contents] if contents else []
        data = b"\0".join(c.get_object().data for c in streams)
        out.append((data, repr(node.get("/MediaBox"))))
    return out


def _pages_kept(reader, revisions: int) -> bool:
    """The pages of every later revision show what the original revision shows: the same content, the same size.
    (pyHanko judges each signature's later changes; this also covers the revision that adds the first signature.)"""
    try:
        original = _page_facts(reader.get_historical_root(0)["/Pages"])
        return all(_page_facts(reader.get_historical_root(rev)["/Pages"]) == original for rev in range(1, revisions))
    except Exception:  # noqa: BLE001 - a page tree that cannot be read is not the one we built
        return False


def _check_one(name: str, sig, *, last: bool):
    """The signature's facts and its coverage, or the refusal."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    field = sig.field_name or "?"
    try:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception as exc:  # noqa: BLE001 - a damaged signature (CMS, byte range ...) is a refusal, not a crash
        raise SignedFileError(
            t(
                f"{name}: podpis „{field}” jest uszkodzony i nie daje się sprawdzić ({exc.__class__.__name__})",
                f"{name}: signature “{field}” is damaged and cannot be checked ({exc.__class__.__name__})",
            )
        ) from None
    if not status.intact:
        raise SignedFileError(
            t(
                f"{name}: podpis „{field}”: bajty objęte podpisem zostały zmienione (skrót dokumentu nie zgadza się "
                "z podpisem)",
                f"{name}: signature “{field}”: bytes covered by the signature were changed (the document digest does "
                "not match the signature)",
            )
        )
    if not status.valid:
        raise SignedFileError(
            t(
                f"{name}: podpis „{field}” jest uszkodzony: wartość podpisu nie zgadza się z certyfikatem "
                "podpisującego",
                f"{name}: signature “{field}” is broken: the signature value does not match the signer's certificate",
            )
        )
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        raise SignedFileError(
            t(
                f"{name}: podpis „{field}” nie obejmuje całej rewizji pliku, którą podpisano",
                f"{name}: signature “{field}” does not cover the whole revision it signs",
            )
        )
    allowed = ModificationLevel.LTA_UPDATES if last else ModificationLevel.FORM_FILLING
    level = status.modification_level
    if level is None or level > allowed or not status.docmdp_ok:
        raise SignedFileError(
            t(
                f"{name}: po podpisie „{field}” dopisano do pliku zmiany, których PAdES nie dopuszcza (kolejna "
                "rewizja po podpisaniu)",
                f"{name}: after signature “{field}” the file was extended with changes PAdES does not allow (an extra "
                "revision after signing)",
            )
        )
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    timestamp = getattr(status, "timestamp_validity", None)
    if timestamp is not None and getattr(timestamp, "timestamp", None) is not None:
        when = timestamp.timestamp
        source = t("ze znacznika czasu", "from a time stamp")
    else:
        when = status.signer_reported_dt
        source = t(
            "deklarowany przez podpisującego (zegar jego komputera, bez znacznika czasu)",
            "claimed by the signer (their computer's clock, no time stamp)",
        )
    return Signature.of(PADES, cert, when, source, field), status.coverage
