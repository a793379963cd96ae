"""Real signatures for the tests of signed applications: a test CA and signer certificates made with `cryptography`
(one declaring itself qualified through qcStatements, one not, one expired), PAdES signatures by pyHanko (incremental
updates) and XAdES signatures (detached and enveloping) by signxml."""

from __future__ import annotations

import base64
import datetime as dt
import io
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

QC_COMPLIANCE = "0.4.0.1862.1.1"
QC_SSCD = "0.4.0.1862.1.4"
QC_TYPE_ESIGN = ("0.4.0.1862.1.6", "0.4.0.1862.1.6.1")


def _name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "PL")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def qc_statements_der() -> bytes:
    """QcStatements: QcCompliance, QcSSCD and QcType esign (ETSI EN 319 412-5), DER-encoded with asn1crypto."""
    from asn1crypto.core import Any, ObjectIdentifier, Sequence, SequenceOf

    class Statement(Sequence):
        _fields = [("id", ObjectIdentifier), ("info", Any, {"optional": True})]

    class Statements(SequenceOf):
        _child_spec = Statement

    class Oids(SequenceOf):
        _child_spec = ObjectIdentifier

    types = Any.load(Oids([QC_TYPE_ESIGN[1]]).dump())
    return Statements([{"id": QC_COMPLIANCE}, {"id": QC_SSCD}, {"id": QC_TYPE_ESIGN[0], "info": types}]).dump()


@dataclass
class Identity:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    ca: x509.Certificate

    def pyhanko_signer(self):
        from asn1crypto import keys
        from asn1crypto import x509 as ax
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der = serialization.Encoding.DER
        key = keys.PrivateKeyInfo.load(
            self.key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        )
        cert = ax.Certificate.load(self.cert.public_bytes(der))
        ca = ax.Certificate.load(self.ca.public_bytes(der))
        return signers.SimpleSigner(
            signing_cert=cert, signing_key=key, cert_registry=SimpleCertificateStore.from_certs([ca, cert])
        )


class SigningCA:
    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name("Testowe Centrum Certyfikacji"))
            .issuer_name(_name("Testowe Centrum Certyfikacji"))
            .public_key(self.key.public_key())
            .serial_number(1)
            .not_valid_before(self.now - dt.timedelta(days=3650))
            .not_valid_after(self.now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.serial = 100

    def issue(self, cn: str, org: str | None = None, *, qualified: bool = False, expired: bool = False) -> Identity:
        self.serial += 1
        key = ec.generate_private_key(ec.SECP256R1())
        start, end = (
            (self.now - dt.timedelta(days=800), self.now - dt.timedelta(days=30))
            if expired
            else (self.now - dt.timedelta(days=30), self.now + dt.timedelta(days=700))
        )
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(cn, org))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(self.serial)
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        )
        if qualified:
            builder = builder.add_extension(
                x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3"), qc_statements_der()),
                critical=False,
            )
        return Identity(builder.sign(self.key, hashes.SHA256()), key, self.cert)


def pades_sign(pdf: bytes, who: Identity, field: str = "Podpis1") -> bytes:
    """A PAdES signature appended by pyHanko as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=field, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=who.pyhanko_signer())
    return out.getvalue()


def append_page_change(pdf: bytes) -> bytes:
    """An incremental update after signing that PAdES does not allow: the first page's content replaced."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (ZMIENIONO) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pem_key(who: Identity) -> bytes:
    return who.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _pem_cert(who: Identity) -> str:
    return who.cert.public_bytes(serialization.Encoding.PEM).decode()


MARKER = "klaster-test-external-file"


def xades_detached(pdf: bytes, file_name: str, who: Identity) -> bytes:
    """A detached XAdES signature over the PDF's bytes (as Szafir or proCertum write a `.xades` beside the PDF).

    signxml canonicalises XML payloads; a detached signature of a binary file digests the file's bytes as they are,
    so the test signer hands signxml the PDF's bytes for the external reference (no transform)."""
    from lxml import etree
    from signxml import DigestAlgorithm, SignatureMethod, methods
    from signxml.xades import XAdESSigner

    marker = etree.Element(MARKER)

    class FileSigner(XAdESSigner):
        def _c14n(self, nodes, algorithm, inclusive_ns_prefixes=None):
            first = nodes[0] if isinstance(nodes, list) and nodes else nodes
            if getattr(first, "tag", None) == MARKER:  # signxml copies the marker element: known by its tag
                return pdf
            return super()._c14n(nodes, algorithm, inclusive_ns_prefixes)

        def _build_sig(self, *args, **kwargs):
            signed_info, value = super()._build_sig(*args, **kwargs)
            for transforms in signed_info.iter("{http://www.w3.org/2000/09/xmldsig#}Transforms"):
                if len(transforms) == 0:  # the external file: no transform (an empty list breaks the schema)
                    transforms.getparent().remove(transforms)
            return signed_info, value

    signer = FileSigner(
        method=methods.detached,
        signature_algorithm=SignatureMethod.ECDSA_SHA256,
        digest_algorithm=DigestAlgorithm.SHA256,
    )
    signed = signer.sign(
        marker,
        key=_pem_key(who),
        cert=[_pem_cert(who)],
        reference_uri=[file_name],
        exclude_c14n_transform_element=True,
    )
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def xades_enveloping(pdf: bytes, who: Identity) -> bytes:
    """An enveloping XAdES signature: the PDF inside the signature, base64 in a ds:Object."""
    from lxml import etree
    from signxml import DigestAlgorithm, SignatureMethod, methods
    from signxml.xades import XAdESSigner

    signer = XAdESSigner(
        method=methods.enveloping,
        signature_algorithm=SignatureMethod.ECDSA_SHA256,
        digest_algorithm=DigestAlgorithm.SHA256,
    )
    signed = signer.sign(base64.b64encode(pdf).decode(), key=_pem_key(who), cert=[_pem_cert(who)])
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")
