"""The signed application: the coordinator signs the application PDF outside the app (PAdES in the PDF, or XAdES
detached or enveloping); `check_files` proves the signed file is the PDF Klaster built for this version and says
who signed and how. pyHanko checks PAdES, signxml XAdES, `cryptography` and asn1crypto read the certificates."""

from export.signing.check import MAX_SIGNED_BYTES, Outcome, check_files
from export.signing.reference import Reference
from export.signing.result import PADES, XADES, Signature, SignedFile, SignedFileError, tsl_note

__all__ = [
    "MAX_SIGNED_BYTES",
    "PADES",
    "XADES",
    "Outcome",
    "Reference",
    "Signature",
    "SignedFile",
    "SignedFileError",
    "check_files",
    "tsl_note",
]
