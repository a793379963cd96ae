"""What checking a signed file finds: the signatures (who signed, when, with what certificate) or the refusal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509

from export.signing import certs
from export.signing.texts import t

PADES = "PAdES"
XADES = "XAdES"


class SignedFileError(Exception):
    """The file is refused: not a signed application of this version, or its signature is broken (Polish)."""


@dataclass(frozen=True)
class Signature:
    kind: str  # PAdES | XAdES
    signer: str
    organisation: str
    signing_time: dt.datetime | None
    time_source: str  # where the signing time comes from, in words
    valid_at_signing: bool
    validity: str  # the certificate's validity at the signing time, in words
    qualified: bool
    qc: str  # the QC statements in words
    issuer: str
    serial: str
    field: str = ""  # the PDF signature field, or the XML signature Id

    @classmethod
    def of(
        cls, kind: str, cert: x509.Certificate, when: dt.datetime | None, time_source: str, field_name: str = ""
    ) -> Signature:
        validity = certs.validity_at(cert, when)
        qc = certs.qc_statements(cert)
        return cls(
            kind=kind,
            signer=certs.signer_name(cert),
            organisation=certs.organisation(cert),
            signing_time=when,
            time_source=time_source,
            valid_at_signing=validity.valid,
            validity=validity.text,
            qualified=qc.qualified,
            qc=qc.text(),
            issuer=certs.issuer_name(cert),
            serial=format(cert.serial_number, "x"),
            field=field_name,
        )

    @property
    def who(self) -> str:
        return f"{self.signer} ({self.organisation})" if self.organisation else self.signer

    def lines(self) -> list[str]:
        return [
            t(f"Podpisał(a): {self.who}", f"Signed by: {self.who}"),
            t(
                f"Czas podpisu: {certs.format_moment(self.signing_time)}, {self.time_source}",
                f"Signing time: {certs.format_moment(self.signing_time)}, {self.time_source}",
            ),
            t(
                f"Certyfikat: {self.validity}; wystawca {self.issuer}",
                f"Certificate: {self.validity}; issuer {self.issuer}",
            ),
            t(f"Kwalifikowany: {self.qc}", f"Qualified: {self.qc}"),
        ]


NOT_CHECKED_AGAINST_TSL = (
    "Łańcuch certyfikatów NIE został sprawdzony z unijną listą zaufanych dostawców (EU Trusted List): program działa "
    "bez dostępu do sieci. Kwalifikowany charakter podpisu potwierdza ostatecznie weryfikacja u odbiorcy.",
    "The certificate chain was NOT checked against the EU Trusted List: the program works offline. The recipient's "
    "verification finally confirms whether the signature is qualified.",
)


def tsl_note() -> str:
    return t(*NOT_CHECKED_AGAINST_TSL)


@dataclass
class SignedFile:
    """A signed file accepted for one application version."""

    name: str  # the signed file's name (the .pdf for PAdES, the .xades/.xml for XAdES)
    data: bytes
    sha256: str
    kind: str
    pdf_sha256: str  # the application PDF (the unsigned revision, or the file a detached XAdES signs)
    signatures: list[Signature] = field(default_factory=list)
    pdf_name: str = ""  # a detached XAdES: the PDF next to it
    pdf_data: bytes | None = None  # a detached XAdES: the PDF's bytes
    detached: bool = False

    def lines(self) -> list[str]:
        kind = self.kind + (t(" (odłączony)", " (detached)") if self.detached else "")
        head = [
            t(f"Plik: {self.name} ({kind})", f"File: {self.name} ({kind})"),
            t(f"SHA-256 pliku: {self.sha256}", f"File SHA-256: {self.sha256}"),
        ]
        if self.pdf_name:
            head.append(t(f"Podpisany PDF: {self.pdf_name}", f"Signed PDF: {self.pdf_name}"))
        head.append(
            t(
                f"Wniosek bez podpisu (SHA-256): {self.pdf_sha256} — zgodny bajt po bajcie z PDF zbudowanym przez "
                "Klaster dla tej wersji",
                f"Unsigned application (SHA-256): {self.pdf_sha256} — byte for byte the PDF Klaster builds for this "
                "version",
            )
        )
        out = head
        for i, sig in enumerate(self.signatures, start=1):
            out.append(
                t(
                    f"Podpis {i} z {len(self.signatures)}: nienaruszony",
                    f"Signature {i} of {len(self.signatures)}: intact",
                )
            )
            out += ["  " + line for line in sig.lines()]
        return out
