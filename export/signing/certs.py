"""What a signer's certificate says about the signer: name, organisation, validity at the signing time, and whether
it declares itself qualified (the qcStatements extension of ETSI EN 319 412-5, parsed with asn1crypto).

Nothing here checks the chain: offline, the app cannot consult the EU trusted list (and says so in every report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from asn1crypto.core import Any, ObjectIdentifier, Sequence, SequenceOf
from cryptography import x509
from cryptography.x509.oid import NameOID

from export.signing.texts import t
from forms.fmt import format_date

QC_STATEMENTS_OID = "1.3.6.1.5.5.7.1.3"
QC_COMPLIANCE = "0.4.0.1862.1.1"  # the certificate is an EU qualified certificate
QC_SSCD = "0.4.0.1862.1.4"  # the private key sits in a qualified signature creation device
QC_TYPE = "0.4.0.1862.1.6"
QC_TYPES = {
    "0.4.0.1862.1.6.1": ("podpis elektroniczny", "electronic signature"),
    "0.4.0.1862.1.6.2": ("pieczęć elektroniczna", "electronic seal"),
    "0.4.0.1862.1.6.3": ("uwierzytelnianie witryn", "website authentication"),
}


@dataclass(frozen=True)
class QcStatements:
    compliance: bool = False
    sscd: bool = False
    types: tuple[str, ...] = ()  # OIDs of QcType
    present: bool = False

    @property
    def qualified(self) -> bool:
        """The certificate declares itself an EU qualified certificate for signatures (QcCompliance; a QcType, where
        given, that is not only a seal or website certificate)."""
        if not self.compliance:
            return False
        return not self.types or "0.4.0.1862.1.6.1" in self.types

    def text(self) -> str:
        if not self.present:
            return t(
                "niekwalifikowany: certyfikat nie zawiera deklaracji QC (qcStatements)",
                "not qualified: the certificate carries no QC statements",
            )
        if not self.compliance:
            return t(
                "niekwalifikowany: certyfikat ma qcStatements, ale bez deklaracji QcCompliance",
                "not qualified: the certificate has QC statements but no QcCompliance",
            )
        kinds = [t(*QC_TYPES[o]) for o in self.types if o in QC_TYPES]
        what = t("kwalifikowany", "qualified") if self.qualified else t("kwalifikowany, lecz", "qualified, but")
        parts = [what + t(" (certyfikat deklaruje QcCompliance", " (the certificate declares QcCompliance")]
        if self.sscd:
            parts.append(t("klucz w kwalifikowanym urządzeniu (QcSSCD)", "key in a qualified device (QcSSCD)"))
        if kinds:
            parts.append(t("rodzaj: ", "type: ") + ", ".join(kinds))
        return "; ".join(parts) + ")"


class _Statement(Sequence):
    _fields = [("id", ObjectIdentifier), ("info", Any, {"optional": True})]


class _Statements(SequenceOf):
    _child_spec = _Statement


class _OidSequence(SequenceOf):
    _child_spec = ObjectIdentifier


def qc_statements(cert: x509.Certificate) -> QcStatements:
    """The QC statements of `cert`; a damaged extension counts as none (never as qualified)."""
    try:
        ext = cert.extensions.get_extension_for_oid(x509.ObjectIdentifier(QC_STATEMENTS_OID))
    except x509.ExtensionNotFound:
        return QcStatements()
    except ValueError:  # an extension cryptography cannot parse
        return QcStatements()
    raw = ext.value.value if isinstance(ext.value, x509.UnrecognizedExtension) else ext.value.public_bytes()
    try:
        ids: list[str] = []
        types: list[str] = []
        for statement in _Statements.load(raw):
            oid = statement["id"].dotted
            ids.append(oid)
            if oid == QC_TYPE and statement["info"].native is not None:
                types += [o.dotted for o in _OidSequence.load(statement["info"].dump())]
    except (ValueError, TypeError, KeyError):
        return QcStatements()
    return QcStatements(QC_COMPLIANCE in ids, QC_SSCD in ids, tuple(types), True)


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = [str(a.value) for a in name.get_attributes_for_oid(oid)]
    return ", ".join(v.strip() for v in values if v.strip())


def signer_name(cert: x509.Certificate) -> str:
    """The signer's name: the common name, or given name and surname, or the whole subject."""
    subject = cert.subject
    name = _attr(subject, NameOID.COMMON_NAME)
    if not name:
        name = " ".join(p for p in (_attr(subject, NameOID.GIVEN_NAME), _attr(subject, NameOID.SURNAME)) if p)
    return name or subject.rfc4514_string() or t("(bez nazwy)", "(no name)")


def organisation(cert: x509.Certificate) -> str:
    return _attr(cert.subject, NameOID.ORGANIZATION_NAME)


def issuer_name(cert: x509.Certificate) -> str:
    return _attr(cert.issuer, NameOID.COMMON_NAME) or cert.issuer.rfc4514_string()


def _local(when: dt.datetime) -> dt.datetime:
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone()


def format_moment(when: dt.datetime | None) -> str:
    """`12.03.2025 14:05:09 (UTC+01:00)`: local time of this computer, with its offset."""
    if when is None:
        return t("nieznany", "unknown")
    local = _local(when)
    offset = local.strftime("%z")
    return f"{format_date(local.date())} {local.strftime('%H:%M:%S')} (UTC{offset[:3]}:{offset[3:]})"


@dataclass(frozen=True)
class Validity:
    valid: bool
    text: str


def validity_at(cert: x509.Certificate, when: dt.datetime | None) -> Validity:
    """Whether `cert` was within its validity period at `when` (the signing time), in words."""
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    period = f"{format_date(_local(start).date())}–{format_date(_local(end).date())}"
    if when is None:
        return Validity(
            False,
            t(
                f"nie wiadomo (brak czasu podpisu); certyfikat ważny {period}",
                f"unknown (no signing time); certificate valid {period}",
            ),
        )
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    if when < start:
        return Validity(
            False,
            t(
                f"NIEWAŻNY w chwili podpisu: certyfikat ważny dopiero od {format_date(_local(start).date())}",
                f"NOT VALID at signing: the certificate is valid only from {format_date(_local(start).date())}",
            ),
        )
    if when > end:
        return Validity(
            False,
            t(
                f"NIEWAŻNY w chwili podpisu: certyfikat wygasł {format_date(_local(end).date())}",
                f"NOT VALID at signing: the certificate expired on {format_date(_local(end).date())}",
            ),
        )
    return Validity(True, t(f"ważny w chwili podpisu (okres ważności {period})", f"valid at signing ({period})"))
