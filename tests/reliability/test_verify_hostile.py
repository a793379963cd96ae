"""`verify` against hostile packages: it stays inside the package (no symlink, special file or escaping ZIP member
is followed or accepted), reads within its budgets, names a damaged member and every malformed manifest, and
never reaches the catch-all ("Nieoczekiwany błąd")."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from export.package import confine, verify
from export.package.builder import build_package
from forms.loader import load_form
from models.db import open_database
from models.repository import Repository
from tests.conftest import build_complete_document, store

pytestmark = pytest.mark.timeout(60)
posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks and FIFOs as on POSIX")


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    repo = Repository(open_database(folder / "k.sqlite"))
    app_id = store(repo, build_complete_document(load_form("kkk-2019")))
    repo.finalize(app_id)
    result = build_package(repo, app_id, folder / "out")
    repo.db.close()
    return result


@pytest.fixture(scope="module", autouse=True)
def pdf_text_once():
    """The same PDFs are verified again and again here: their text is extracted once (keeps the file fast)."""
    original, seen = verify.pdf_page_texts, {}

    def cached(data: bytes) -> list[str]:
        key = hashlib.sha256(data).digest()
        if key not in seen:
            seen[key] = original(data)
        return seen[key]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(verify, "pdf_page_texts", cached)
        yield


@pytest.fixture
def run_verify(capsys):
    from app.cli import run

    def call(path: Path, stderr=None) -> tuple[int, list[str]]:
        """`stderr` given: its lines (a usage error's one line) follow the output."""
        lines: list[str] = []
        code = run(["verify", str(path)], lines.append)
        err = capsys.readouterr().err
        assert "Nieoczekiwany" not in err and "Traceback" not in err, err
        if stderr is not None:
            lines += err.splitlines()
        assert not any("Nieoczekiwany" in line for line in lines), lines
        assert all("\n" not in line for line in lines), lines
        return code, lines

    return call


def refused(lines: list[str], *parts: str) -> str:
    """The one `BŁĄD:` line holding every part; the package is not declared consistent."""
    found = [line for line in lines if line.startswith("BŁĄD: ") and all(p in line for p in parts)]
    assert found, f"no BŁĄD line with {parts}: {lines}"
    assert lines[-1].startswith("Pakiet niezgodny"), lines
    return found[0]


def copy_folder(package, tmp_path: Path) -> Path:
    target = tmp_path / package.folder.name
    shutil.copytree(package.folder, target)
    return target


def add_to_manifest(folder: Path, name: str, data: bytes, role: str = "attachment") -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"].append(
        {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "role": role}
    )
    path.write_text(json.dumps(manifest), encoding="utf-8")


def members(package) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(package.zip_path) as zf:
        return [(name, zf.read(name)) for name in zf.namelist()]


def write_zip(path: Path, items, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is what a test means
        with zipfile.ZipFile(path, "w", compression=compression) as zf:
            for item, data in items:
                zf.writestr(item, data)
    return path


def manifest_with(items: list[tuple[str, bytes]], extra: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The package's members with `extra` files added, listed in its manifest with their true hashes."""
    out = []
    for name, data in items:
        if name == "manifest.json":
            manifest = json.loads(data)
            for extra_name, extra_data in extra:
                manifest["files"].append(
                    {
                        "name": extra_name,
                        "size": len(extra_data),
                        "sha256": hashlib.sha256(extra_data).hexdigest(),
                        "role": "attachment",
                    }
                )
            data = json.dumps(manifest).encode()
        out.append((name, data))
    return out


def test_the_package_itself_is_consistent(package, run_verify):
    assert run_verify(package.zip_path)[0] == 0
    code, lines = run_verify(package.folder)
    assert code == 0 and lines[-1] == "Pakiet zgodny."


# A package folder ----------------------------------------------------------------------------------------------
@posix_only
def test_listed_symlink_out_of_the_folder_is_not_followed(package, tmp_path, run_verify):
    folder = copy_folder(package, tmp_path)
    outside = tmp_path / "passwd"
    outside.write_bytes(b"root:x:0:0:root:/root:/bin/bash\n")
    (folder / "passwd.txt").symlink_to(outside)
    add_to_manifest(folder, "passwd.txt", outside.read_bytes())
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, "passwd.txt: dowiązanie symboliczne", f"(-> {outside})", "pominięto")
    assert not any("passwd.txt: SHA-256 zgodna" in line for line in lines)
    assert not any(line.startswith("BŁĄD: passwd.txt: brak pliku") for line in lines)


@posix_only
def test_unlisted_symlink_is_reported(package, tmp_path, run_verify):
    folder = copy_folder(package, tmp_path)
    (folder / "link").symlink_to("/etc/passwd")
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, "link: dowiązanie symboliczne (-> /etc/passwd)")


@posix_only
def test_symlinked_folder_member_pointing_outside(package, tmp_path, run_verify):
    folder = copy_folder(package, tmp_path)
    outside = tmp_path / "elsewhere"
    shutil.move(folder / "zalaczniki", outside)  # the same bytes, but outside the package
    (folder / "zalaczniki").symlink_to(outside, target_is_directory=True)
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, "zalaczniki: dowiązanie symboliczne", "nie jest częścią pakietu")
    assert not any(line.startswith("OK: zalaczniki/") for line in lines)


@posix_only
def test_fifo_in_the_folder_is_never_opened(package, tmp_path, run_verify):
    folder = copy_folder(package, tmp_path)
    os.mkfifo(folder / "potok")
    os.mkfifo(folder / "zalaczniki" / "listed.pdf")
    add_to_manifest(folder, "zalaczniki/listed.pdf", b"")
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, "potok: potok FIFO")
    refused(lines, "zalaczniki/listed.pdf: potok FIFO")


@posix_only
def test_fifo_given_as_the_package(tmp_path, run_verify, capsys):
    os.mkfifo(tmp_path / "pakiet.zip")
    code, lines = run_verify(tmp_path / "pakiet.zip", capsys)
    assert code == 2  # not a package at all: a usage error, one line on stderr, never opened
    assert "pakiet.zip: to nie jest zwykły plik ani folder" in lines[-1]


@posix_only
def test_a_file_name_with_control_characters_stays_one_line(package, tmp_path, run_verify):
    folder = copy_folder(package, tmp_path)
    (folder / "a\nb\x1b.txt").write_bytes(b"x")
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, "a\\nb\\x1b.txt:")


def test_total_budget_for_a_folder(package, tmp_path, run_verify, monkeypatch):
    monkeypatch.setattr(confine, "DEFAULT_BUDGET", confine.Budget(total_bytes=200_000))
    code, lines = run_verify(package.folder)
    assert code == 1
    refused(lines, "przekroczony łączny limit odczytu pakietu (200\xa0000 B)", "dalszych plików nie sprawdzono")


def test_cap_per_file(package, run_verify, monkeypatch):
    monkeypatch.setattr(confine, "DEFAULT_BUDGET", confine.Budget(member_bytes=100_000))
    code, lines = run_verify(package.zip_path)
    assert code == 1
    refused(lines, "_wniosek.pdf: plik ma ", "najwyżej 100\xa0000 B")


# A ZIP ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../x.txt", "ścieżka z „..”, wychodzi poza pakiet"),
        ("zalaczniki/../../x.txt", "ścieżka z „..”, wychodzi poza pakiet"),
        ("/etc/x.txt", "ścieżka bezwzględna, wychodzi poza pakiet"),
        ("C:/Windows/x.txt", "ścieżka bezwzględna, wychodzi poza pakiet"),
        ("zalaczniki\\..\\x.txt", "nazwa zawiera ukośnik wsteczny"),
    ],
)
def test_zip_member_escaping_the_package(package, tmp_path, run_verify, name, why):
    extra = [(name, b"x")]
    path = write_zip(tmp_path / "p.zip", manifest_with(members(package), extra) + extra)
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, f"{name}: {why}")  # the member
    refused(lines, "manifest.json: files[", why)  # and the manifest entry naming it


def test_zip_symlink_entry(package, tmp_path, run_verify):
    link = zipfile.ZipInfo("passwd.txt")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    target = b"/etc/passwd"
    path = write_zip(tmp_path / "p.zip", [*manifest_with(members(package), [("passwd.txt", target)]), (link, target)])
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, "passwd.txt: dowiązanie symboliczne w archiwum")
    assert not any("passwd.txt: SHA-256 zgodna" in line for line in lines)


def test_zip_special_file_entry(package, tmp_path, run_verify):
    fifo = zipfile.ZipInfo("potok")
    fifo.external_attr = (stat.S_IFIFO | 0o644) << 16
    path = write_zip(tmp_path / "p.zip", [*members(package), (fifo, b"")])
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, "potok: potok FIFO w archiwum")


def test_zip_duplicate_member_names(package, tmp_path, run_verify):
    items = members(package)
    data_name, data = next((n, d) for n, d in items if n.endswith(".kkk.json"))
    path = write_zip(tmp_path / "p.zip", [*items, (data_name, data.replace(b"Mazowiecki", b"Podrobiony"))])
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, f"{data_name}: nazwa występuje w archiwum 2 razy")
    assert not any(f"{data_name}: SHA-256 zgodna" in line for line in lines)


def test_zip_names_differing_only_in_case(package, tmp_path, run_verify):
    path = write_zip(tmp_path / "p.zip", [*members(package), ("MANIFEST.JSON", b"{}")])
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, "MANIFEST.JSON: nazwa różni się od innej w archiwum tylko wielkością liter")


def test_zip_bomb_many_members_each_under_the_cap(package, tmp_path, run_verify, monkeypatch):
    bomb = [(f"zalaczniki/bomba_{i:03d}.bin", bytes(64 * 1024)) for i in range(40)]
    path = write_zip(tmp_path / "p.zip", manifest_with(members(package), bomb) + bomb)
    assert path.stat().st_size < 400_000  # 2.5 MB inside, compressed to little
    monkeypatch.setattr(confine, "DEFAULT_BUDGET", confine.Budget(member_bytes=1024 * 1024, total_bytes=1024 * 1024))
    code, lines = run_verify(path)
    assert code == 1
    line = refused(lines, "zalaczniki/bomba_", "przekroczony łączny limit odczytu pakietu (1,00")
    assert "dalszych plików nie sprawdzono" in line
    assert sum("bomba_" in line and "SHA-256 zgodna" in line for line in lines) < 16


def _stored_zip_with_flipped_byte(package, tmp_path: Path, suffix: str) -> tuple[Path, str]:
    items = members(package)
    path = write_zip(tmp_path / "p.zip", items, compression=zipfile.ZIP_STORED)
    name, data = next((n, d) for n, d in items if n.endswith(suffix))
    raw = bytearray(path.read_bytes())
    at = raw.index(data) + len(data) // 2
    raw[at] ^= 0x01
    path.write_bytes(bytes(raw))
    return path, name


def test_zip_member_with_a_crc_error(package, tmp_path, run_verify):
    path, name = _stored_zip_with_flipped_byte(package, tmp_path, ".kkk.json")
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, f"{name}: plik w archiwum jest uszkodzony (suma CRC-32 się nie zgadza)")
    assert any(line.startswith("OK: ") and "_wniosek.pdf" in line for line in lines)  # the others still checked


def test_zip_member_with_bad_compressed_data(package, tmp_path, run_verify):
    path = write_zip(tmp_path / "p.zip", members(package))
    with zipfile.ZipFile(path) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith(".xlsx"))
    raw = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start : start + 64] = b"\xff" * 64  # a deflate block of the reserved type
    path.write_bytes(bytes(raw))
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, f"{info.filename}: dane skompresowane pliku w archiwum są uszkodzone")


def test_zip_member_whose_data_is_cut_short(package, tmp_path, run_verify):
    path = write_zip(tmp_path / "p.zip", members(package))
    with zipfile.ZipFile(path) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith(".xlsx"))
    raw = path.read_bytes()
    # the member's compressed size is halved in the central directory: its deflate stream ends early
    entry = raw.index(b"PK\x01\x02", 0)
    while True:
        name_len = int.from_bytes(raw[entry + 28 : entry + 30], "little")
        if raw[entry + 46 : entry + 46 + name_len].decode() == info.filename:
            break
        entry = raw.index(b"PK\x01\x02", entry + 4)
    patched = bytearray(raw)
    patched[entry + 20 : entry + 24] = (info.compress_size // 2).to_bytes(4, "little")
    path.write_bytes(bytes(patched))
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, f"{info.filename}: plik w archiwum jest uszkodzony (suma CRC-32 się nie zgadza)")


def test_truncated_zip(package, tmp_path, run_verify):
    path = tmp_path / "p.zip"
    path.write_bytes(package.zip_path.read_bytes()[: package.zip_path.stat().st_size // 2])
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, "p.zip: archiwum ZIP jest uszkodzone albo ucięte")


def test_not_a_zip(tmp_path, run_verify, capsys):
    path = tmp_path / "p.zip"
    path.write_bytes(b"to nie jest archiwum")
    code, lines = run_verify(path, capsys)
    assert code == 2  # not a package at all: a usage error
    assert "p.zip: to nie jest plik ZIP ani folder pakietu" in lines[-1]


def test_zip_with_too_many_members(tmp_path, run_verify, monkeypatch):
    monkeypatch.setattr(confine, "DEFAULT_BUDGET", confine.Budget(entries=50))
    path = write_zip(tmp_path / "p.zip", [(f"{i}.txt", b"") for i in range(51)])
    code, lines = run_verify(path)
    assert code == 1
    refused(lines, "p.zip: archiwum ma 51 pozycji, najwyżej 50")
    assert lines[-1] == "Pakiet niezgodny: 1 problem."


# Malformed manifests -------------------------------------------------------------------------------------------
def _manifest(package) -> dict:
    return json.loads((package.folder / "manifest.json").read_text(encoding="utf-8"))


def _with_files(package, change) -> dict:
    manifest = _manifest(package)
    change(manifest["files"])
    return manifest


def _dumps(value) -> bytes:
    return json.dumps(value).encode()


MALFORMED = {
    "not_json": (lambda p: b"{format: kkk-package", "niepoprawny JSON w wierszu 1, kolumnie 2"),
    "not_utf8": (lambda p: b'{"format": "\xff"}', "plik nie jest tekstem UTF-8"),
    "a_list": (lambda p: b"[1, 2]", "powinien być obiektem JSON, jest: lista"),
    "another_format": (lambda p: _dumps({"format": "zip"}), "to nie jest manifest pakietu Klaster"),
    "no_files": (lambda p: _dumps({k: v for k, v in _manifest(p).items() if k != "files"}), "brak klucza „files”"),
    "no_checksum": (
        lambda p: _dumps({k: v for k, v in _manifest(p).items() if k != "checksum"}),
        "brak klucza „checksum”",
    ),
    "files_text": (lambda p: _dumps({**_manifest(p), "files": "wszystkie"}), "files: powinna być listą, jest: tekst"),
    "checksum_number": (lambda p: _dumps({**_manifest(p), "checksum": 5}), "checksum: powinna być tekstem z 64"),
    "format_version_2": (lambda p: _dumps({**_manifest(p), "format_version": 2}), "wersja 2 nie jest obsługiwana"),
    "part_text": (lambda p: _dumps({**_manifest(p), "part": "1/2"}), "part: powinna być obiektem"),
    "entry_number": (lambda p: _dumps(_with_files(p, lambda f: f.append(7))), "files[7]: powinna być obiektem"),
    "entry_no_sha": (
        lambda p: _dumps(_with_files(p, lambda f: f[0].pop("sha256"))),
        "files[0]: brak klucza „sha256”",
    ),
    "sha_number": (
        lambda p: _dumps(_with_files(p, lambda f: f[1].update(sha256=123))),
        "files[1]: sha256: powinna być tekstem z 64 cyframi szesnastkowymi, jest: liczba całkowita",
    ),
    "size_text": (
        lambda p: _dumps(_with_files(p, lambda f: f[2].update(size="duży"))),
        "files[2]: size: powinien być nieujemną liczbą całkowitą",
    ),
    "name_list": (
        lambda p: _dumps(_with_files(p, lambda f: f[3].update(name=["a"]))),
        "files[3]: name: powinna być tekstem, jest: lista",
    ),
    "escaping_dotdot": (
        lambda p: _dumps(_with_files(p, lambda f: f[4].update(name="../../etc/passwd"))),
        "files[4]: name „../../etc/passwd”: ścieżka z „..”, wychodzi poza pakiet",
    ),
    "escaping_absolute": (
        lambda p: _dumps(_with_files(p, lambda f: f[4].update(name="/etc/passwd"))),
        "files[4]: name „/etc/passwd”: ścieżka bezwzględna",
    ),
    "listed_twice": (
        lambda p: _dumps(_with_files(p, lambda f: f.append(dict(f[0])))),
        "wymieniony 2 razy",
    ),
    "duplicate_keys": (
        lambda p: _dumps(_manifest(p))[:-1] + b', "checksum": "' + b"0" * 64 + b'"}',
        "klucz „checksum” powtarza się w jednym obiekcie",
    ),
    "nan": (lambda p: b'{"format": "kkk-package", "format_version": NaN}', "niedozwolona wartość NaN"),
    "huge_number": (lambda p: b'{"format_version": ' + b"9" * 5000 + b"}", "liczba o zbyt wielu cyfrach"),
    "long_number": (
        lambda p: _dumps({**_manifest(p), "format_version": 10**4000}),
        "format_version: wersja „100000000000…” (4001 cyfr) nie jest obsługiwana",
    ),
    "deep_21": (lambda p: b"[" * 21 + b"]" * 21, "zagnieżdżenie głębsze niż 20 poziomów"),
    "deep_200": (lambda p: b"[" * 200 + b"]" * 200, "zagnieżdżenie głębsze niż 20 poziomów"),
    "deep_100000": (lambda p: b"[" * 100_000 + b"]" * 100_000, "zagnieżdżenie głębsze niż 20 poziomów"),
    "huge": (
        lambda p: _dumps({**_manifest(p), "padding": "x" * (verify.MAX_MANIFEST_BYTES + 1)}),
        "B, najwyżej 8\xa0388\xa0608 B",  # just above the cap: in bytes
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_manifest(package, tmp_path, run_verify, case):
    make, why = MALFORMED[case]
    folder = copy_folder(package, tmp_path)
    (folder / "manifest.json").write_bytes(make(package))
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, why)
    bad = [line for line in lines if line.startswith("BŁĄD: ")]
    assert any(line.startswith("BŁĄD: manifest.json: ") for line in bad), bad


def test_manifest_as_symlink_is_refused_not_missing(package, tmp_path, run_verify):
    if os.name != "posix":
        pytest.skip("symlinks as on POSIX")
    folder = copy_folder(package, tmp_path)
    (folder / "manifest.json").rename(tmp_path / "manifest.json")
    (folder / "manifest.json").symlink_to(tmp_path / "manifest.json")
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, "manifest.json: dowiązanie symboliczne")
    assert not any("brak pliku manifest.json" in line for line in lines)


def test_data_file_with_duplicate_keys_and_a_matching_hash(package, tmp_path, run_verify):
    folder = copy_folder(package, tmp_path)
    name = next(e.name for e in package.entries if e.role == "data")
    data = (folder / name).read_bytes().rstrip()
    assert data.endswith(b"}")
    data = data[:-1] + b', "format": "kkk-application"}'
    (folder / name).write_bytes(data)
    manifest = _manifest(package)
    for entry in manifest["files"]:
        if entry["name"] == name:
            entry.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code, lines = run_verify(folder)
    assert code == 1
    refused(lines, f"{name}: format: klucz powtórzony w tym samym obiekcie")
