"""What is recorded about signed files, in words (the command line and the window print the same lines), and
recording an accepted file through the repository."""

from __future__ import annotations

from typing import Any


def record_lines(records: list[Any], lang: str = "pl") -> list[str]:
    """What is recorded for an application, file by file (the CLI and the window print the same lines)."""
    from export.signing.certs import format_moment
    from export.signing.result import tsl_note

    def t(pl: str, en: str) -> str:
        return en if lang == "en" else pl

    out: list[str] = []
    seen: list[str] = []
    for r in records:
        if r.file_sha256 not in seen:
            seen.append(r.file_sha256)
            count = sum(1 for x in records if x.file_sha256 == r.file_sha256)
            out.append(t(f"Plik: {r.file_name} ({r.kind})", f"File: {r.file_name} ({r.kind})"))
            out.append(t(f"  SHA-256 pliku: {r.file_sha256}", f"  File SHA-256: {r.file_sha256}"))
            if r.pdf_name:
                out.append(t(f"  Podpisany PDF: {r.pdf_name}", f"  Signed PDF: {r.pdf_name}"))
            out.append(
                t(f"  Wniosek bez podpisu (SHA-256): {r.pdf_sha256}", f"  Unsigned PDF (SHA-256): {r.pdf_sha256}")
            )
            out.append(
                t(
                    f"  Zapisano: {r.recorded_at:%d.%m.%Y %H:%M:%S}; podpisów: {count}",
                    f"  Recorded: {r.recorded_at:%d.%m.%Y %H:%M:%S}; signatures: {count}",
                )
            )
        who = f"{r.signer} ({r.organisation})" if r.organisation else r.signer
        out += [
            t(f"  Podpis {r.position + 1}: {who}", f"  Signature {r.position + 1}: {who}"),
            t(
                f"    Czas podpisu: {format_moment(r.signing_time)}, {r.time_source}",
                f"    Signing time: {format_moment(r.signing_time)}, {r.time_source}",
            ),
            t(
                f"    Certyfikat: {r.validity}; wystawca {r.issuer}",
                f"    Certificate: {r.validity}; issuer {r.issuer}",
            ),
            t(f"    Kwalifikowany: {r.qc}", f"    Qualified: {r.qc}"),
        ]
    if records:
        out.append(tsl_note())
    return out


def signature_fields(sig: Any) -> dict[str, Any]:
    from models.repository import SIGNATURE_FIELDS

    return {key: getattr(sig, key) for key in SIGNATURE_FIELDS}


def record(repo: Any, app_id: int, signed: Any) -> None:
    """Store an accepted signed file with its signatures (by the file's SHA-256)."""
    repo.add_signed_file(
        app_id,
        file_name=signed.name,
        content=signed.data,
        sha256=signed.sha256,
        kind=signed.kind,
        pdf_sha256=signed.pdf_sha256,
        signatures=[signature_fields(s) for s in signed.signatures],
        pdf_name=signed.pdf_name if signed.detached else "",
        pdf_content=signed.pdf_data if signed.detached else None,
    )
