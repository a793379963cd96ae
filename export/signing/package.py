"""The signed application in the submission package, and its check by `verify` (no database on that side).

`latest_signed(repo, app_id)` gives what the package carries; `include_signed(folder, entries, signed)` puts it in
a package folder: a PAdES PDF replaces the unsigned application PDF under the same name, a XAdES file joins the PDF
it signs; the manifest gets a `signed` block (file, kind, SHA-256, the unsigned PDF's SHA-256, the signatures).
`verify_signed(manifest, read)` re-checks the signed file against that block and the package's data checksum and
names any failure (a byte changed in the signed range, an extra revision after signing, a signature on other
content). The package builder and `verify` call these two (hooks in export/package)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from export.signing.pades import check_pades
from export.signing.reference import checksum_in, sha256
from export.signing.result import PADES, SignedFileError
from export.signing.texts import t
from export.signing.xades import check_xades
from forms.document import group_checksum

SIGNATURE_ROLE = "signature"


@dataclass
class PackageSigned:
    file_name: str
    content: bytes
    kind: str
    pdf_sha256: str
    detached: bool
    records: list[Any] = field(default_factory=list)

    def summary(self) -> str:
        """`PAdES; Jan Kowalski (Stowarzyszenie …), podpis kwalifikowany`: for the e-mail and the report."""
        people = [
            (f"{r.signer} ({r.organisation})" if r.organisation else r.signer)
            + (t(", certyfikat kwalifikowany", ", qualified certificate") if r.qualified else "")
            for r in self.records
        ]
        return f"{self.kind}; " + "; ".join(people)


def latest_signed(repo: Any, app_id: int) -> PackageSigned | None:
    """The newest signed file recorded for the application, or None."""
    records = repo.signed_files(app_id)
    if not records:
        return None
    newest = [r for r in records if r.file_sha256 == records[0].file_sha256]
    content = repo.file_content(newest[0].file_sha256)
    if content is None:
        return None
    first = newest[0]
    return PackageSigned(first.file_name, content, first.kind, first.pdf_sha256, bool(first.pdf_name), newest)


def include_signed(folder: Path, entries: list[Any], signed: PackageSigned) -> tuple[list[Any], dict]:
    """The package's entries with the signed file in, and the manifest's `signed` block. The package's application
    PDF must be the one that was signed (same SHA-256), else a `SignedFileError` says so."""
    app = next(e for e in entries if e.role == "application_pdf")
    pdf_path = folder / app.name
    if sha256(pdf_path.read_bytes()) != signed.pdf_sha256:
        raise SignedFileError(
            t(
                f"podpisany plik {signed.file_name} dotyczy innego PDF niż wniosek w pakiecie; dodaj podpisany "
                "wniosek ponownie",
                f"the signed file {signed.file_name} signs another PDF than the package's application",
            )
        )
    out = list(entries)
    if signed.kind == PADES:
        pdf_path.write_bytes(signed.content)
        out[out.index(app)] = replace(app, size=len(signed.content), sha256=sha256(signed.content))
        name = app.name
    else:
        name = f"{app.name}.xades" if signed.detached else f"{Path(app.name).stem}_podpis.xml"
        (folder / name).write_bytes(signed.content)
        out.insert(out.index(app) + 1, type(app)(name, len(signed.content), sha256(signed.content), SIGNATURE_ROLE))
    block = {
        "file": name,
        "kind": signed.kind,
        "detached": signed.detached,
        "sha256": sha256(signed.content),
        "unsigned_pdf": app.name,
        "unsigned_sha256": signed.pdf_sha256,
        "trusted_list_checked": False,
        "signatures": [
            {
                "signer": r.signer,
                "organisation": r.organisation,
                "signing_time": r.signing_time.isoformat() if r.signing_time else None,
                "valid_at_signing": r.valid_at_signing,
                "qualified": r.qualified,
            }
            for r in signed.records
        ],
    }
    return out, {"signed": block}


@dataclass
class _PackageReference:
    """The reference on the receiving side: the unsigned PDF is known by its SHA-256 and its data checksum."""

    unsigned_sha256: str
    checksum: str
    pdf: bytes | None = None

    def match(self, pdf: bytes) -> bytes | None:
        return pdf if sha256(pdf) == self.unsigned_sha256 and checksum_in(pdf) == self.checksum else None

    def diagnose(self, pdf: bytes) -> str:
        found = checksum_in(pdf)
        if found != self.checksum:
            return t(
                f"podpis dotyczy innych danych: suma kontrolna w podpisanym PDF "
                f"{group_checksum(found) if found else 'brak'}, w pakiecie {group_checksum(self.checksum)}",
                "the signature is on other content (another data checksum)",
            )
        return t(
            "podpisany PDF nie jest wnioskiem opisanym w manifeście (inna suma SHA-256 wersji bez podpisu)",
            "the signed PDF is not the application named in the manifest (another SHA-256 of the unsigned version)",
        )

    def package_pdf(self) -> bytes:
        return self.pdf or b""


def verify_signed(manifest: dict, read: Callable[[str], bytes]) -> tuple[list[str], list[str]]:
    """(checked, problems) for the manifest's `signed` block; nothing when the package is not signed."""
    block = manifest.get("signed")
    if block is None:
        return [], []
    if not isinstance(block, dict) or not all(
        isinstance(block.get(k), str) for k in ("file", "kind", "unsigned_sha256")
    ):
        return [], [t("manifest.json: signed: niepoprawny opis podpisanego pliku", "manifest.json: signed: malformed")]
    name = block["file"]
    try:
        data = read(name)
        ref = _PackageReference(block["unsigned_sha256"].lower(), str(manifest.get("checksum", "")).lower())
        if block["kind"] == PADES:
            result = check_pades(name, data, ref)
        else:
            pdf_name = str(block.get("unsigned_pdf", ""))
            ref.pdf = read(pdf_name)
            result = check_xades(name, data, ref, lambda _uri: (pdf_name, ref.pdf))
    except SignedFileError as exc:
        return [], [str(exc)]
    except Exception as exc:  # noqa: BLE001 - a file that cannot be read is a finding, never a crash
        return [], [t(f"{name}: nie można sprawdzić podpisu ({exc.__class__.__name__})", f"{name}: cannot check")]
    listed = block.get("signatures") if isinstance(block.get("signatures"), list) else []
    signers = [s.signer for s in result.signatures]
    if [s.get("signer") if isinstance(s, dict) else None for s in listed] != signers:
        return [], [
            t(
                f"{name}: podpisy w pliku ({', '.join(signers)}) nie zgadzają się z manifestem",
                f"{name}: the file's signatures ({', '.join(signers)}) differ from the manifest",
            )
        ]
    who = "; ".join(s.who for s in result.signatures)
    return [
        t(
            f"{name}: {block['kind']}, {len(signers)} podpis(y) nienaruszone ({who}); wniosek bez podpisu zgodny "
            f"(SHA-256 {block['unsigned_sha256'][:16]}…); łańcuch certyfikatów "
            "nie sprawdzony z unijną listą zaufanych",
            f"{name}: {block['kind']}, {len(signers)} signature(s) intact ({who}); chain not checked against the EU "
            "trusted list",
        )
    ], []
