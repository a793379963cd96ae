"""What the ministry receives, read back as the ministry would: the e-mail drafts parsed with `email.policy.default`
(subject, body, attachments, sizes of split parts), `verify` against each kind of tampering, and the korekta's
package explaining itself."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from export.package.builder import PackageError, build_package
from export.package.eml import Letter, build_message, encoded_words, write_drafts, write_eml
from forms.demo import make_demo
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository
from tests.conftest import store

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A final application, a draft, a korekta of the final (a phone changed, a member removed), another final."""
    folder = tmp_path_factory.mktemp("ministry")
    repo = Repository(open_database(folder / "k.sqlite"))
    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    final = store(repo, doc)
    assert repo.finalize(final)[1]
    draft = store(repo, make_demo(load_form("kkk-2019"), members=55))
    korekta = repo.correct(final)
    kdoc = repo.load(korekta)
    kdoc.set("contact.phone", "+48 600 100 200")
    removed = kdoc.tables["members"].pop(3)
    repo.save_document(korekta, kdoc)
    assert repo.finalize(korekta)[1]
    other = store(repo, make_demo(load_form("kkk-2019"), members=55, problems=False, seed=7))
    assert repo.finalize(other)[1]
    yield {"repo": repo, "final": final, "draft": draft, "korekta": korekta, "other": other, "removed": removed}
    repo.db.close()


@pytest.fixture(scope="module")
def final_pkg(world, tmp_path_factory):
    return build_package(world["repo"], world["final"], tmp_path_factory.mktemp("final"))


def parse(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def letter_for(world, app: str) -> Letter:
    repo = world["repo"]
    return Letter.of(repo.load(world[app]), repo.info(world[app]))


# The e-mail ----------------------------------------------------------------------------------------------------
NAMES = [
    "Klaster Innowacyjnej Obróbki Metali «Dolina Stali»",
    "Śląski Klaster Żółwi Ćwiczących Źródła Ńń",
    'Klaster "Zielona Energia" sp. z o.o.',
    "Stowarzyszenie „Klaster Wodny” – Łódź",
    "Klaster 🚀 Kosmos 👩‍🔬 Nauka 🇵🇱",
    "Klaster\r\nBcc: ktos@example.com\x00\x1b koniec",
    "Klaster Przemysłu Drzewnego " + "ąęłśżźćńó " * 20,
    "ASCII Cluster",
    "«»",
]


@pytest.mark.parametrize("name", NAMES)
def test_subject_survives_any_name(final_pkg, world, tmp_path, name):
    letter = replace(letter_for(world, "final"), name=name)
    path = write_eml(build_message(final_pkg, "klastry@example.gov.pl", letter), tmp_path / "m.eml")
    raw = path.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 78 for line in head.split(b"\r\n")), head
    parsed = parse(path)
    assert not parsed.defects
    subject = parsed["Subject"]
    assert subject == letter.subject(final_pkg)  # exactly as built: no space lost or added, no broken emoji
    assert subject.startswith("Wniosek o status KKK – ") and subject.endswith(" – nadanie – konkurs 2019")
    assert subject.count("Wniosek") == 1 and "\n" not in subject and "\r" not in subject and "\x00" not in subject
    assert len(subject) <= 130
    assert "Bcc" not in parsed.keys()


def test_subject_names_the_cluster_by_its_short_name(final_pkg, world):
    expected = "Wniosek o status KKK – Dolina Stali – nadanie – konkurs 2019"
    assert letter_for(world, "final").subject(final_pkg) == expected


def test_encoded_words_never_split_a_character():
    text = "👩‍🔬🇵🇱 ąę " * 12
    words = encoded_words(text)
    assert all(len(w) < 76 for w in words)
    decoded = email.message_from_bytes(
        ("Subject: " + "\r\n ".join(words) + "\r\n\r\n").encode(), policy=email.policy.default
    )["Subject"]
    assert decoded == text
    import base64

    for word in words:  # each word alone is valid UTF-8: no emoji cut in half
        base64.b64decode(word[10:-2]).decode("utf-8")


def test_body_is_signed_and_the_checksum_file_attached(final_pkg, world, tmp_path):
    letter = letter_for(world, "final")
    doc = world["repo"].load(world["final"])
    (path,) = write_drafts(final_pkg, "klastry@example.gov.pl", letter)
    parsed = parse(path)
    body = parsed.get_body(("plain",)).get_content().replace("\r\n", "\n")
    closing = body.rstrip().split("Z poważaniem\n", 1)[1].splitlines()
    assert closing[0] == doc.get("contact.name") and closing[1] == doc.get("contact.position")
    assert any(doc.get("contact.phone") in line for line in closing)
    attachments = {p.get_filename(): p.get_payload(decode=True) for p in parsed.iter_attachments()}
    assert attachments["SUMY_KONTROLNE.txt"] == (final_pkg.folder / "SUMY_KONTROLNE.txt").read_bytes()
    assert "manifest.json" in attachments
    for entry in final_pkg.entries:
        assert hashlib.sha256(attachments[entry.name.split("/")[-1]]).hexdigest() == entry.sha256
    assert final_pkg.checksum in body and "Numer wniosku: " in body


@pytest.mark.parametrize("limit_mb", [0.4, 0.55])
def test_split_parts_are_within_the_limit_as_encoded_messages(world, tmp_path, limit_mb):
    result = build_package(world["repo"], world["final"], tmp_path, limit_mb=limit_mb, split=True)
    assert result.total_size < result.limit_bytes * len(result.parts)
    paths = write_drafts(result, "klastry@example.gov.pl", letter_for(world, "final"))
    assert len(paths) == len(result.parts) >= 2
    carried = []
    for part, path in zip(result.parts, paths, strict=True):
        size = path.stat().st_size
        assert size <= result.limit_bytes, (part.number, size, result.limit_bytes)
        assert size <= part.message_size  # the estimate is an upper bound
        parsed = parse(path)
        assert parsed["Subject"].endswith(f" (część {part.number} z {part.count})")
        names = {p.get_filename() for p in parsed.iter_attachments()}
        assert {"manifest.json", "SUMY_KONTROLNE.txt"} <= names
        carried += [n for n in names if n not in ("manifest.json", "SUMY_KONTROLNE.txt")]
    assert sorted(carried) == sorted(e.name.split("/")[-1] for e in result.entries)


def test_base64_growth_counts_towards_the_limit(world, tmp_path):
    """A package whose files add up to just under the limit does not fit one message: base64 adds a third."""
    plain = build_package(world["repo"], world["final"], tmp_path / "a")
    limit_mb = plain.total_size * 1.05 / 1024 / 1024
    result = build_package(world["repo"], world["final"], tmp_path / "b", limit_mb=limit_mb)
    assert result.total_size < result.limit_bytes and result.over_limit
    (path,) = write_drafts(result, "", letter_for(world, "final"))
    assert path.stat().st_size > result.limit_bytes  # what the old split by file sizes would have sent


def test_a_file_larger_than_the_limit_is_named(world, tmp_path):
    with pytest.raises(PackageError, match=r"same pliki .*_wniosek\.pdf .*przekraczają limit"):
        build_package(world["repo"], world["final"], tmp_path, limit_mb=0.05, split=True)


def test_cli_split_reports_messages_within_the_limit(world, tmp_path):
    from app.cli import run

    lines: list[str] = []
    command = ["--db", str(world["repo"].path), "package", str(world["final"]), str(tmp_path), "--split"]
    assert run([*command, "--limit-mb", "0.4"], lines.append) == 0
    emls = sorted(tmp_path.glob("*.eml"))
    assert len(emls) >= 2 and all(p.stat().st_size <= 0.4 * 1024 * 1024 for p in emls)
    assert run([*command, "--limit-mb", "0.01"], lines.append) == 2


# verify --------------------------------------------------------------------------------------------------------
@pytest.fixture
def verify_cli(capsys):
    from app.cli import run

    def call(*args) -> tuple[int, list[str]]:
        lines: list[str] = []
        code = run(["verify", *map(str, args)], lines.append)
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return code, lines + [f"STDERR {line}" for line in err.splitlines()]

    return call


def bad(lines: list[str], *parts: str) -> str:
    found = [line for line in lines if line.startswith("BŁĄD: ") and all(p in line for p in parts)]
    assert found, (parts, lines)
    return found[0]


def swap(folder: Path, name: str, data: bytes) -> None:
    """Replace a file and cover the tracks: its hash and size updated in the manifest and in SUMY_KONTROLNE.txt."""
    (folder / name).write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(data).hexdigest()
    for entry in manifest["files"]:
        if entry["name"] == name:
            entry.update(sha256=digest, size=len(data))
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    lines = (folder / "SUMY_KONTROLNE.txt").read_text(encoding="utf-8").splitlines()
    lines = [f"{digest}  {name}" if line.endswith(f"  {name}") else line for line in lines]
    (folder / "SUMY_KONTROLNE.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def copy(pkg, tmp_path: Path) -> Path:
    target = tmp_path / pkg.folder.name
    shutil.copytree(pkg.folder, target)
    return target


def role(pkg, name: str) -> str:
    return next(e.name for e in pkg.entries if e.role == name)


def test_verify_names_what_it_checked(final_pkg, world, verify_cli):
    info = world["repo"].info(world["final"])
    code, lines = verify_cli(final_pkg.zip_path)
    assert code == 0 and lines[-1] == "Pakiet zgodny.", lines
    said = lines[-2]
    assert said.startswith("Sprawdzono: wniosek „Klaster Innowacyjnej Obróbki Metali «Dolina Stali»”")
    for part in (info.uuid, "runda kkk-2019", "nadanie", "wersja 1", "sfinalizowany", info.checksum):
        assert part in said, (part, said)
    assert info.finalized_at.strftime("%d.%m.%Y %H:%M") in said
    assert any(line.startswith("OK: SUMY_KONTROLNE.txt: sumy zgodne z manifestem") for line in lines)
    assert any("właściwości skoroszytu zgodne" in line for line in lines)
    assert any("załączniki zgodne z plikiem .kkk.json: 4" in line for line in lines)


def test_workbook_reopens_with_its_properties(final_pkg, world):
    from openpyxl import load_workbook

    info = world["repo"].info(world["final"])
    workbook = load_workbook(final_pkg.folder / role(final_pkg, "workbook"), read_only=True)
    try:
        assert workbook.properties.identifier == info.uuid
        assert (
            f"sha256:{info.checksum}" in workbook.properties.keywords and "stan:final" in workbook.properties.keywords
        )
    finally:
        workbook.close()


def test_verify_refuses_a_draft_unless_asked(world, tmp_path, verify_cli):
    pkg = build_package(world["repo"], world["draft"], tmp_path, allow_draft=True)
    code, lines = verify_cli(pkg.folder)
    assert code == 1
    bad(lines, "pakiet jest wersją roboczą", "--draft")
    assert "roboczy" in lines[-2] and lines[-2].startswith("Sprawdzono: ")
    code, lines = verify_cli("--draft", pkg.folder)
    assert code == 0 and lines[-1] == "Pakiet roboczy zgodny (wersja robocza, nie do wysłania).", lines


def test_verify_reads_the_checksums_file(final_pkg, tmp_path, verify_cli):
    folder = copy(final_pkg, tmp_path)
    sums = folder / "SUMY_KONTROLNE.txt"
    pdf = role(final_pkg, "application_pdf")
    sums.write_text(sums.read_text(encoding="utf-8").replace(final_pkg.entries[0].sha256, "0" * 64), encoding="utf-8")
    code, lines = verify_cli(folder)
    assert code == 1
    bad(lines, "SUMY_KONTROLNE.txt: suma pliku", pdf, "różni się od manifestu")
    sums.unlink()
    assert bad(verify_cli(folder)[1], "brak pliku SUMY_KONTROLNE.txt")


def test_verify_catches_a_draft_pdf_of_the_same_data(final_pkg, world, tmp_path, verify_cli):
    from export.pdf.application import application_pdf_bytes

    repo = world["repo"]
    info = repo.info(world["final"])
    draft_info = replace(info, state="draft", finalized_at=None)
    data = application_pdf_bytes(repo.load(world["final"]), draft_info)
    folder = copy(final_pkg, tmp_path)
    swap(folder, role(final_pkg, "application_pdf"), data)
    code, lines = verify_cli(folder)
    assert code == 1
    bad(lines, "_wniosek.pdf: stan w metadanych: roboczy, pakiet: sfinalizowany")
    bad(lines, "_wniosek.pdf: strony oznaczone „WERSJA ROBOCZA”")


def test_verify_catches_another_applications_workbook(final_pkg, world, tmp_path, verify_cli):
    other = build_package(world["repo"], world["other"], tmp_path / "other")
    folder = copy(final_pkg, tmp_path)
    swap(folder, role(final_pkg, "workbook"), (other.folder / role(other, "workbook")).read_bytes())
    code, lines = verify_cli(folder)
    assert code == 1
    bad(lines, "_dane.xlsx: suma kontrolna we właściwościach skoroszytu inna", "skoroszyt innego wniosku")
    bad(lines, "_dane.xlsx: identyfikator wniosku")


def test_verify_catches_a_swapped_attachment_with_an_edited_manifest(final_pkg, tmp_path, verify_cli):
    folder = copy(final_pkg, tmp_path)
    name = next(e.name for e in final_pkg.entries if e.role == "attachment")
    swap(folder, name, b"%PDF-1.4 inna umowa\n")
    code, lines = verify_cli(folder)
    assert code == 1
    bad(lines, f"{name}: treść różni się od załącznika zapisanego w pliku .kkk.json")
    assert not any(f"{name}: suma SHA-256 nie zgadza" in line for line in lines)  # the manifest was edited


def test_verify_catches_another_applications_data(final_pkg, world, tmp_path, verify_cli):
    other = build_package(world["repo"], world["other"], tmp_path / "other")
    folder = copy(final_pkg, tmp_path)
    swap(folder, role(final_pkg, "data"), (other.folder / role(other, "data")).read_bytes())
    code, lines = verify_cli(folder)
    assert code == 1
    bad(lines, ".kkk.json: dane wniosku należą do innego wniosku albo innej wersji niż manifest (uuid")


def test_verify_the_folder_given_to_package(world, tmp_path, verify_cli):
    out = tmp_path / "out"
    build_package(world["repo"], world["final"], out)
    code, lines = verify_cli(out)
    assert code == 0 and lines[0].startswith("Pakiet: ") and lines[0].endswith(".zip"), lines
    build_package(world["repo"], world["final"], tmp_path / "split", limit_mb=0.4, split=True)
    code, lines = verify_cli(tmp_path / "split")
    checked = [line for line in lines if line.startswith("Pakiet: ")]
    assert code == 0 and len(checked) >= 3 and "_czesc_1_z_" in checked[1], lines
    build_package(world["repo"], world["draft"], out, allow_draft=True)
    code, lines = verify_cli(out)
    assert code == 2 and "w folderze są 2 pakiety: ROBOCZY_Wniosek_KKK_" in lines[-1], lines
    code, lines = verify_cli(tmp_path / "nie-ma")
    assert code == 2 and "nie ma takiego pliku ani folderu" in lines[-1]
    (tmp_path / "empty").mkdir()
    code, lines = verify_cli(tmp_path / "empty")
    assert code == 2 and "w folderze nie ma pakietu" in lines[-1]


# A korekta -----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def korekta_pkg(world, tmp_path_factory):
    return build_package(world["repo"], world["korekta"], tmp_path_factory.mktemp("korekta"))


def test_korekta_package_explains_itself(korekta_pkg, world):
    from export import kkk_json
    from export.pdf.qr import parse_payload

    repo = world["repo"]
    old = repo.info(world["final"])
    assert korekta_pkg.changes_name.endswith("_zmiany.pdf") and korekta_pkg.corrects.uuid == old.uuid
    manifest = json.loads((korekta_pkg.folder / "manifest.json").read_text(encoding="utf-8"))
    corrects = manifest["application"]["corrects"]
    assert corrects == {
        "uuid": old.uuid,
        "version": 1,
        "checksum": old.checksum,
        "finalized_at": old.finalized_at.isoformat(),
    }
    data = json.loads((korekta_pkg.folder / role(korekta_pkg, "data")).read_text(encoding="utf-8"))
    assert data["application"]["corrects"] == corrects
    kkk_json.read(korekta_pkg.folder / role(korekta_pkg, "data"))  # import still takes the file
    from export.pdf.cover import cover  # noqa: F401 - the QR payload below is what the cover encodes
    from export.pdf.facts import facts

    f = facts(repo.load(world["korekta"]), repo.info(world["korekta"]), corrects=old)
    assert f.corrects is not None and f.corrects.checksum == old.checksum
    assert parse_payload(f"KLASTER-KKK;koryguje={old.uuid}/1/{old.checksum}")["koryguje"].endswith(old.checksum)
    from export.package.verify import pdf_page_texts

    cover_text = pdf_page_texts((korekta_pkg.folder / role(korekta_pkg, "application_pdf")).read_bytes())[0]
    assert "Korekta – zastępuje" in cover_text and old.checksum[:4] in cover_text
    letter = Letter.of(repo.load(world["korekta"]), repo.info(world["korekta"]))
    (path,) = write_drafts(korekta_pkg, "", letter)
    parsed = parse(path)
    assert " – korekta nr 1 – " in parsed["Subject"]
    body = parsed.get_body(("plain",)).get_content()
    day = old.finalized_at.strftime("%d.%m.%Y")
    assert f"Korekta nr 1 wniosku z dnia {day}, zastępuje wersję 1" in body
    assert korekta_pkg.changes_name.split("/")[-1] in {p.get_filename() for p in parsed.iter_attachments()}


def test_korekta_package_verifies_and_needs_its_changes(korekta_pkg, tmp_path, verify_cli):
    code, lines = verify_cli(korekta_pkg.zip_path)
    assert code == 0, lines
    assert "korekta wersji 1" in lines[-2]
    folder = copy(korekta_pkg, tmp_path)
    name = korekta_pkg.changes_name
    (folder / name).unlink()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest["files"] if f["name"] != name]
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    sums = folder / "SUMY_KONTROLNE.txt"
    sums.write_text("".join(f"{f['sha256']}  {f['name']}\n" for f in manifest["files"]), encoding="utf-8")
    code, lines = verify_cli(folder)
    assert code == 1
    bad(lines, "pakiet korekty nie zawiera zestawienia zmian")
