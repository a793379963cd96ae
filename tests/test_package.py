"""The submission package: contents, manifest, reproducibility, the e-mail draft, verification, split, drafts."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from export.package.builder import PackageError, build_package
from export.package.eml import Letter, build_message, write_eml
from export.package.names import safe_file_name, safe_name
from export.package.verify import verify_package
from forms.demo import make_demo
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository
from tests.conftest import store


@pytest.fixture(scope="module")
def final_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pkg")
    repo = Repository(open_database(folder / "k.sqlite"))
    doc = make_demo(load_form("kkk-2019"), members=55, problems=False)
    app_id = store(repo, doc)
    repo.finalize(app_id)
    draft_id = store(repo, make_demo(load_form("kkk-2019"), members=55))
    yield repo, app_id, draft_id, doc
    repo.db.close()


@pytest.fixture(scope="module")
def package(final_app, tmp_path_factory):
    repo, app_id, _draft, _doc = final_app
    return build_package(repo, app_id, tmp_path_factory.mktemp("out"))


def test_package_holds_every_file_with_its_hash(package, final_app):
    _repo, _id, _draft, doc = final_app
    roles = [e.role for e in package.entries]
    assert roles[:4] == ["application_pdf", "summary_pdf", "workbook", "data"]
    assert roles.count("attachment") == len(doc.rows("attachments"))
    manifest = json.loads((package.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["checksum"] == doc.checksum() and manifest["draft"] is False
    for entry in manifest["files"]:
        data = (package.folder / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
    attachment_hashes = {
        hashlib.sha256((package.folder / e.name).read_bytes()).hexdigest()
        for e in package.entries
        if e.role == "attachment"
    }
    assert attachment_hashes == {r.get("sha256") for r in doc.rows("attachments")}
    with zipfile.ZipFile(package.zip_path) as zf:
        assert sorted(zf.namelist()) == sorted(
            [e.name for e in package.entries] + ["manifest.json", "SUMY_KONTROLNE.txt"]
        )
    for name in [e.name for e in package.entries]:
        assert name.isascii() and not any(c in name for c in '<>:"\\|?*')


def test_packaging_twice_gives_the_same_bytes(final_app, package, tmp_path):
    repo, app_id, _draft, _doc = final_app
    again = build_package(repo, app_id, tmp_path)
    assert [e.sha256 for e in again.entries] == [e.sha256 for e in package.entries]
    assert again.zip_path.read_bytes() == package.zip_path.read_bytes()


def test_eml_draft_carries_every_file_intact(package, final_app, tmp_path):
    repo, app_id, _draft, doc = final_app
    msg = build_message(package, "klastry@example.gov.pl", Letter.of(repo.load(app_id), repo.info(app_id)))
    path = write_eml(msg, tmp_path / "wniosek.eml")
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert parsed["X-Unsent"] == "1"
    assert parsed["To"] == "klastry@example.gov.pl"
    assert parsed["Subject"] == "Wniosek o status KKK – Dolina Stali – nadanie – konkurs 2019"
    body = parsed.get_body(("plain",)).get_content()
    assert doc.checksum() in body
    attachments = {part.get_filename(): part.get_content() for part in parsed.iter_attachments()}
    for entry in package.entries:
        name = entry.name.split("/")[-1]
        assert hashlib.sha256(attachments[name]).hexdigest() == entry.sha256
    assert "manifest.json" in attachments and "SUMY_KONTROLNE.txt" in attachments


def test_verify_accepts_the_package_and_names_each_tampered_file(package, tmp_path):
    assert verify_package(package.zip_path).ok
    assert verify_package(package.folder).ok
    for entry in package.entries:
        copy = tmp_path / f"copy-{entry.sha256[:8]}"
        shutil.copytree(package.folder, copy)
        target = copy / entry.name
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x01
        target.write_bytes(bytes(data))
        report = verify_package(copy)
        assert not report.ok
        assert any(p.startswith(entry.name) for p in report.problems), report.problems
        shutil.rmtree(copy)


def test_verify_reads_the_checksum_printed_in_the_pdf(package, tmp_path):
    """A PDF of another application with a consistent manifest is still caught: its pages carry another checksum."""
    copy = tmp_path / "swapped"
    shutil.copytree(package.folder, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["checksum"] = "0" * 64
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = verify_package(copy)
    assert any("nie jest wydrukowana" in p for p in report.problems)
    assert any("różni się od sumy w manifeście" in p for p in report.problems)


def test_drafts_only_as_marked_drafts(final_app, tmp_path):
    repo, _app_id, draft_id, _doc = final_app
    with pytest.raises(PackageError, match="nie jest sfinalizowany"):
        build_package(repo, draft_id, tmp_path)
    result = build_package(repo, draft_id, tmp_path, allow_draft=True)
    assert result.folder.name.startswith("ROBOCZY_")
    assert json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))["draft"] is True


def test_split_into_parts_each_with_its_manifest(final_app, tmp_path):
    repo, app_id, _draft, _doc = final_app
    result = build_package(repo, app_id, tmp_path, limit_mb=0.4, split=True)
    assert result.over_limit and len(result.parts) >= 2
    names = []
    for part in result.parts:
        manifest = json.loads((part.folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["part"] == {"number": part.number, "count": len(result.parts)}
        assert verify_package(part.zip_path).ok
        names += [f["name"] for f in manifest["files"]]
    assert sorted(names) == sorted(e.name for e in result.entries)


def test_cli_package_and_verify(final_app, tmp_path, capsys):
    from app.cli import run

    repo, app_id, _draft, _doc = final_app
    lines: list[str] = []
    assert run(["--db", str(repo.path), "package", str(app_id), str(tmp_path)], lines.append) == 0
    zip_path = Path(lines[1].split("ZIP: ")[1].rsplit(" (", 1)[0])
    assert any(line.startswith("Wiadomość e-mail") for line in lines)
    lines.clear()
    assert run(["verify", str(zip_path)], lines.append) == 0 and lines[-1] == "Pakiet zgodny."
    with zipfile.ZipFile(zip_path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(zip_path, "w") as zf:
        for info, data in items:
            zf.writestr(info, data + b"x" if info.filename.endswith(".xlsx") else data)
    lines.clear()
    assert run(["verify", str(zip_path)], lines.append) == 1
    assert any(".xlsx: suma SHA-256 nie zgadza się" in line for line in lines)
    assert run(["verify", str(tmp_path / "nothing.zip")], lines.append) == 2  # not a package: usage


def test_safe_names():
    assert safe_name("Klaster «Dolina Stali» / Łódź") == "Klaster_Dolina_Stali_Lodz"
    assert safe_file_name("Umowa klastra (skan).PDF") == "Umowa_klastra_skan.pdf"
    assert safe_file_name("CON.txt") == "_CON.txt"
    assert safe_name("żółć" * 40, 20).isascii()
