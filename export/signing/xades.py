"""A XAdES signature of the application PDF: detached (a `.xades`/`.xml` beside the PDF, referring to it by name) or
enveloping (the PDF inside the signature, base64 in a `ds:Object`). signxml's XAdESVerifier checks the XML signature
with the signer's certificate from KeyInfo and every reference's digest; the signed content must then be, byte for
byte, the application PDF Klaster builds for this version."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import urllib.parse
from collections.abc import Callable

from cryptography import x509

from export.signing.pades import quiet_libraries
from export.signing.reference import Reference, sha256
from export.signing.result import XADES, Signature, SignedFile, SignedFileError
from export.signing.texts import t

DS = "http://www.w3.org/2000/09/xmldsig#"
XADES_NAMESPACES = ("http://uri.etsi.org/01903/v1.3.2#", "http://uri.etsi.org/01903/v1.4.1#")
MAX_XML_DEPTH = 64

# Finds a detached signature's PDF: the name the reference gives -> its bytes, or None when it is not at hand.
Companion = Callable[[str], "tuple[str, bytes] | None"]


def _parse(name: str, data: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SignedFileError(
            t(f"{name}: uszkodzony plik XML ({exc.msg})", f"{name}: damaged XML file ({exc.msg})")
        ) from None
    if _depth(root) > MAX_XML_DEPTH:
        raise SignedFileError(t(f"{name}: zbyt głęboko zagnieżdżony XML", f"{name}: XML nested too deeply"))
    return root


def _depth(root) -> int:
    deepest = 0
    for element in root.iter():
        depth = sum(1 for _ in element.iterancestors())
        deepest = max(deepest, depth)
        if deepest > MAX_XML_DEPTH:
            break
    return deepest


def _signature_element(name: str, root):
    found = [root] if root.tag == f"{{{DS}}}Signature" else list(root.iter(f"{{{DS}}}Signature"))
    if not found:
        raise SignedFileError(
            t(
                f"{name}: to nie jest podpis XAdES (w pliku XML nie ma elementu ds:Signature)",
                f"{name}: this is not a XAdES signature (the XML file has no ds:Signature element)",
            )
        )
    if len(found) > 1:
        raise SignedFileError(
            t(
                f"{name}: plik zawiera {len(found)} podpisy XML; dodaj każdy podpis w osobnym pliku",
                f"{name}: the file holds {len(found)} XML signatures; add each signature as a file of its own",
            )
        )
    signature = found[0]
    if not any(signature.iter(f"{{{ns}}}QualifyingProperties") for ns in XADES_NAMESPACES):
        raise SignedFileError(
            t(
                f"{name}: podpis XML nie jest podpisem XAdES (brak właściwości kwalifikowanych XAdES)",
                f"{name}: the XML signature is not XAdES (no XAdES qualifying properties)",
            )
        )
    return signature


def _certificate(name: str, signature) -> x509.Certificate:
    for element in signature.iterfind(f"{{{DS}}}KeyInfo/{{{DS}}}X509Data/{{{DS}}}X509Certificate"):
        try:
            return x509.load_der_x509_certificate(base64.b64decode("".join((element.text or "").split())))
        except (ValueError, binascii.Error):
            continue
    raise SignedFileError(
        t(
            f"{name}: podpis XAdES nie zawiera certyfikatu podpisującego (KeyInfo/X509Certificate)",
            f"{name}: the XAdES signature carries no signer certificate (KeyInfo/X509Certificate)",
        )
    )


def _external_uris(signature) -> list[str]:
    uris = []
    for ref in signature.iterfind(f"{{{DS}}}SignedInfo/{{{DS}}}Reference"):
        uri = ref.get("URI")
        if uri and not uri.startswith("#"):
            uris.append(uri)
    return uris


def file_name_of(uri: str) -> str:
    """`file:///C:/Users/x/Wniosek%20KKK.pdf` -> `Wniosek KKK.pdf`: the last segment of a reference URI."""
    path = urllib.parse.urlparse(uri).path or uri
    return urllib.parse.unquote(path.replace("\\", "/").rsplit("/", 1)[-1])


def _signing_time(signature) -> dt.datetime | None:
    for ns in XADES_NAMESPACES:
        element = next(signature.iter(f"{{{ns}}}SigningTime"), None)
        if element is not None and element.text:
            try:
                when = dt.datetime.fromisoformat(element.text.strip().replace("Z", "+00:00"))
            except ValueError:
                return None
            return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return None


def referenced_files(data: bytes) -> list[str]:
    """The file names a detached XAdES refers to (empty for enveloping signatures or unreadable files)."""
    try:
        root = _parse("", data)
        return [file_name_of(u) for u in _external_uris(_signature_element("", root))]
    except SignedFileError:
        return []


def check_xades(name: str, data: bytes, ref: Reference, companion: Companion) -> SignedFile:
    from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidInput, InvalidSignature
    from signxml.xades import XAdESSignatureConfiguration, XAdESVerifier

    root = _parse(name, data)
    signature = _signature_element(name, root)
    cert = _certificate(name, signature)
    when = _signing_time(signature)
    uris = _external_uris(signature)
    if len(uris) > 1:
        raise SignedFileError(
            t(
                f"{name}: podpis XAdES obejmuje {len(uris)} pliki; wniosek podpisuje się jako jeden plik",
                f"{name}: the XAdES signature covers {len(uris)} files; the application is signed as one file",
            )
        )
    pdf_name, pdf = "", None
    if uris:
        pdf_name = file_name_of(uris[0])
        given = companion(pdf_name)
        if given is None:
            if _digest_matches(signature, uris[0], ref.package_pdf()):
                pdf = ref.package_pdf()  # the PDF of the package, rebuilt: the same bytes
            else:
                raise SignedFileError(
                    t(
                        f"{name}: podpis odnosi się do pliku „{pdf_name}”, którego nie podano; dodaj go razem z "
                        "podpisem (oba pliki naraz)",
                        f"{name}: the signature refers to the file “{pdf_name}”, which was not given; add it together "
                        "with the signature (both files at once)",
                    )
                )
        else:
            pdf_name, pdf = given
    # signxml checks the validity period at the verification time; the period is reported here, not refused, so
    # the check runs at a moment inside it and the signing time is judged separately.
    moment = when if when and cert.not_valid_before_utc <= when <= cert.not_valid_after_utc else None
    moment = moment or cert.not_valid_before_utc
    config = XAdESSignatureConfiguration(expect_references=True, verification_time=moment)
    try:
        with quiet_libraries():
            results = XAdESVerifier().verify(
                data, x509_cert=cert, uri_resolver=(lambda _uri: pdf) if uris else None, expect_config=config
            )
    except InvalidDigest as exc:
        if uris and str(uris[0]) in str(exc) and "certificate" not in str(exc):
            raise SignedFileError(
                t(
                    f"{name}: podpis XAdES dotyczy innego pliku niż „{pdf_name}” (skrót w podpisie nie zgadza się z "
                    "tym plikiem)",
                    f"{name}: the XAdES signature is of another file than “{pdf_name}” (the digest in the signature "
                    "does not match it)",
                )
            ) from None
        raise SignedFileError(
            t(
                f"{name}: podpis XAdES jest naruszony: podpisana treść została zmieniona ({exc})",
                f"{name}: the XAdES signature is broken: signed content was changed ({exc})",
            )
        ) from None
    except (InvalidSignature, InvalidCertificate) as exc:
        raise SignedFileError(
            t(
                f"{name}: podpis XAdES jest uszkodzony: wartość podpisu nie zgadza się z certyfikatem ({exc})",
                f"{name}: the XAdES signature is broken: the signature value does not match the certificate ({exc})",
            )
        ) from None
    except (InvalidInput, ValueError, TypeError, KeyError) as exc:
        raise SignedFileError(
            t(
                f"{name}: podpis XAdES nie daje się sprawdzić ({_short(exc)})",
                f"{name}: the XAdES signature cannot be checked ({_short(exc)})",
            )
        ) from None
    except Exception as exc:  # noqa: BLE001 - lxml's schema errors and the like: a refusal, never a crash
        raise SignedFileError(
            t(
                f"{name}: podpis XAdES nie jest poprawny ({exc.__class__.__name__}: {_short(exc)})",
                f"{name}: the XAdES signature is not valid ({exc.__class__.__name__}: {_short(exc)})",
            )
        ) from None
    if not uris:
        pdf = _enveloped_pdf(name, results)
    assert pdf is not None
    if ref.match(pdf) is None:
        from export.signing.reference import first_revision

        raise SignedFileError(f"{name}: {ref.diagnose(first_revision(pdf))}")
    source = t(
        "deklarowany przez podpisującego (SigningTime w podpisie, bez znacznika czasu)",
        "claimed by the signer (SigningTime in the signature, no time stamp)",
    )
    found = Signature.of(XADES, cert, when, source, signature.get("Id") or "")
    return SignedFile(
        name,
        data,
        sha256(data),
        XADES,
        sha256(pdf),
        [found],
        pdf_name=pdf_name,
        pdf_data=pdf if uris else None,
        detached=bool(uris),
    )


def _short(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _digest_matches(signature, uri: str, content: bytes) -> bool:
    import hashlib

    algorithms = {
        "http://www.w3.org/2001/04/xmlenc#sha256": "sha256",
        "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
        "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
    }
    for ref in signature.iterfind(f"{{{DS}}}SignedInfo/{{{DS}}}Reference"):
        if ref.get("URI") != uri:
            continue
        method = ref.find(f"{{{DS}}}DigestMethod")
        value = ref.find(f"{{{DS}}}DigestValue")
        algorithm = algorithms.get(method.get("Algorithm") if method is not None else "")
        if algorithm is None or value is None or ref.find(f"{{{DS}}}Transforms") is not None:
            return False
        try:
            return base64.b64decode(value.text or "") == hashlib.new(algorithm, content).digest()
        except (ValueError, binascii.Error):
            return False
    return False


def _enveloped_pdf(name: str, results) -> bytes:
    """The PDF an enveloping signature signs: a base64 `ds:Object`, or content already decoded by a base64 transform."""
    for result in results:
        xml = result.signed_xml
        if xml is not None and xml.tag == f"{{{DS}}}Object" and len(xml) == 0 and (xml.text or "").strip():
            try:
                return base64.b64decode("".join(xml.text.split()), validate=True)
            except (ValueError, binascii.Error):
                continue
        if xml is None and isinstance(result.signed_data, bytes) and result.signed_data.startswith(b"%PDF-"):
            return result.signed_data
    raise SignedFileError(
        t(
            f"{name}: podpis XAdES nie obejmuje pliku PDF (ani odłączonego, ani zawartego w podpisie)",
            f"{name}: the XAdES signature covers no PDF (neither detached nor enveloped)",
        )
    )
