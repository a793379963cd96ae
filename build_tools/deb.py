"""`build_app.py --deb`: the frozen folder as a Debian package, `dist/klaster_<version>_<arch>.deb`.

    /opt/klaster/                      the frozen folder (Klaster + _internal/)
    /usr/bin/klaster, klaster-cli      small shell scripts that exec /opt/klaster/Klaster (a symlink would do, but a
                                       script keeps the bootloader's view of its own folder beyond doubt)
    /usr/share/applications/klaster.desktop
    /usr/share/icons/hicolor/<N>x<N>/apps/klaster.png and scalable/apps/klaster.svg
    /usr/share/doc/klaster/copyright   the fonts' licence

`Depends` lists the Debian packages of the libraries the bundle links but does not carry: `ldd` of every ELF file in
the folder (with the folder on LD_LIBRARY_PATH, as the bootloader sets it), each library found outside the folder
mapped to its package by `dpkg -S`, or by app.xcb.LIBRARY_PACKAGES where dpkg does not know it. libc6 gets the
build machine's version as its minimum (glibc is never bundled). No maintainer scripts: dpkg's file triggers update
the icon and desktop caches, and removal leaves nothing behind (the program never writes into /opt/klaster).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PACKAGE = "klaster"
PREFIX = "/opt/klaster"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Parts a desktop may do without, so their libraries are Recommends: Wayland (Qt falls back to xcb when its plugin
# cannot load) and CUPS printing (without libcups Qt's print dialog offers printing to PDF only; build.spec leaves
# libcups to the system).
OPTIONAL_PLUGINS = re.compile(
    r"/plugins/(platforms/libqwayland|wayland-|platforms/libqeglfs|egldeviceintegrations/|printsupport/)"
    r"|/lib/libQt6(Wayland|WlShell)"
)
# Packages of libraries that only optional plugins link (app.xcb.LIBRARY_PACKAGES has the xcb plugin's).
OPTIONAL_LIBRARY_PACKAGES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-server.so.0": "libwayland-server0",
}


class DebError(Exception):
    pass


def desktop_entry() -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",  # the newest desktop-file-validate 0.26 (Debian 12) knows
            "Name=Klaster",
            "GenericName=Wniosek o status KKK",
            "GenericName[en]=KKK status application",
            "Comment=Wniosek o status Krajowego Klastra Kluczowego: kreator, kontrola, PDF i pakiet do wysłania",
            "Comment[en]=The application for the Krajowy Klaster Kluczowy status: wizard, checks, PDF and package",
            "Exec=klaster",
            "TryExec=klaster",
            "Icon=klaster",
            "Terminal=false",
            "Categories=Office;",
            "Keywords=KKK;klaster;wniosek;cluster;",
            "StartupNotify=true",
            "StartupWMClass=Klaster",
            "",
        ]
    )


def launcher(name: str) -> str:
    return f'#!/bin/sh\n# {name}: the Klaster program installed in {PREFIX}\nexec {PREFIX}/Klaster "$@"\n'


def architecture() -> str:
    if shutil.which("dpkg"):
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def external_libraries(folder: Path) -> dict[str, tuple[str, bool]]:
    """{soname: (path outside the folder or "not found", needed by a required file)} over every ELF file in
    `folder`; a library only optional plugins (OPTIONAL_PLUGINS) link is not required."""
    env = dict(os.environ, LD_LIBRARY_PATH=f"{folder / '_internal'}:{os.environ.get('LD_LIBRARY_PATH', '')}")
    libraries: dict[str, tuple[str, bool]] = {}
    inside = str(folder.resolve())
    files = [p for p in sorted(folder.rglob("*")) if not p.is_symlink() and p.is_file() and _is_elf(p)]

    def ldd(path: Path) -> str:
        return subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(ldd, files))
    for path, out in zip(files, outputs, strict=True):
        required = OPTIONAL_PLUGINS.search(path.as_posix()) is None
        for line in out.splitlines():
            match = re.match(r"\s*(\S+)\s+=>\s+(\S+)", line)
            if not match:
                continue
            name, where = match.groups()
            where = "not found" if where == "not" else where
            if where != "not found" and str(Path(where).resolve()).startswith(inside):
                continue
            old_where, old_required = libraries.get(name, (where, False))
            libraries[name] = (where if old_where == "not found" else old_where, old_required or required)
    return libraries


def package_of(path: str) -> str | None:
    if not shutil.which("dpkg"):
        return None
    for candidate in dict.fromkeys([path, str(Path(path).resolve()), path.removeprefix("/usr"), "/usr" + path]):
        proc = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        for line in proc.stdout.splitlines():
            if ":" in line and not line.startswith("diversion"):
                return line.split(":")[0]
    return None


def depends(folder: Path) -> tuple[list[str], list[str]]:
    """(Depends, Recommends) of the package made from `folder`."""
    from app.xcb import LIBRARY_PACKAGES

    known = {**OPTIONAL_LIBRARY_PACKAGES, **LIBRARY_PACKAGES}
    required: set[str] = set()
    optional: set[str] = set()
    unknown = []
    for name, (where, needed) in sorted(external_libraries(folder).items()):
        package = (package_of(where) if where != "not found" else None) or known.get(name)
        if package is None:
            unknown.append(f"{name} ({where})")
        else:
            (required if needed else optional).add(package)
    if unknown:
        raise DebError("no Debian package known for: " + ", ".join(unknown) + " (add them to app.xcb.LIBRARY_PACKAGES)")
    result = []
    for package in sorted(required):
        if package == "libc6":
            version = _installed_version("libc6")
            result.append(f"libc6 (>= {version})" if version else package)
        else:
            result.append(package)
    return result, sorted(optional - required)


def _installed_version(package: str) -> str | None:
    if not shutil.which("dpkg-query"):
        return None
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False)
    match = re.match(r"(?:\d+:)?([\d.]+)", proc.stdout.strip())
    return match.group(1) if proc.returncode == 0 and match else None


def control(version: str, arch: str, relations: tuple[list[str], list[str]], installed_kb: int) -> str:
    depends_on, recommends = relations
    return "\n".join(
        [
            f"Package: {PACKAGE}",
            f"Version: {version}",
            f"Architecture: {arch}",
            "Maintainer: Klaster <klaster@localhost>",
            f"Installed-Size: {installed_kb}",
            f"Depends: {', '.join(depends_on)}",
            *([f"Recommends: {', '.join(recommends)}"] if recommends else []),
            "Section: misc",
            "Priority: optional",
            "Homepage: https://www.gov.pl/web/rozwoj-technologia/krajowe-klastry-kluczowe",
            "Description: wniosek o status Krajowego Klastra Kluczowego (KKK)",
            " Klaster prowadzi koordynatora klastra przez wniosek o status KKK: zapisuje",
            " wersje robocze na bieżąco, sprawdza kompletność, liczy wskaźniki i tworzy",
            " pliki wysyłane do ministerstwa (PDF, Excel, .kkk.json, pakiet ZIP).",
            "",
        ]
    )


def _icons(root: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    source = ROOT / "resources" / "icons"
    image = QImage(str(source / "klaster.png"))
    if image.isNull():
        raise DebError(f"cannot read {source / 'klaster.png'}")
    hicolor = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}/apps/klaster.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        scaled = image.scaled(
            size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if not scaled.save(str(target), "PNG"):
            raise DebError(f"cannot write {target}")
    (hicolor / "scalable/apps").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "klaster.svg", hicolor / "scalable/apps/klaster.svg")


def _normalise_modes(root: Path) -> None:
    for dirpath, dirs, files in os.walk(root):
        for d in dirs:
            p = Path(dirpath, d)
            if not p.is_symlink():
                p.chmod(0o755)
        for name in files:
            p = Path(dirpath, name)
            if p.is_symlink():
                continue
            executable = p.stat().st_mode & 0o111 or _is_elf(p) and "/usr/share/" not in str(p)
            p.chmod(0o755 if executable else 0o644)


def build_deb(folder: Path, dist: Path, work: Path, version: str) -> Path:
    if not (folder / "Klaster").exists():
        raise DebError(f"{folder / 'Klaster'} does not exist: build the folder first")
    if not shutil.which("dpkg-deb"):
        raise DebError("dpkg-deb is not installed (Debian/Ubuntu: apt-get install dpkg)")
    arch = architecture()
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(folder, root / PREFIX.lstrip("/"), symlinks=True)
    bin_dir = root / "usr/bin"
    bin_dir.mkdir(parents=True)
    for name in ("klaster", "klaster-cli"):
        (bin_dir / name).write_text(launcher(name), encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    apps = root / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "klaster.desktop").write_text(desktop_entry(), encoding="utf-8")
    _icons(root)
    doc = root / "usr/share/doc/klaster"
    doc.mkdir(parents=True)
    licence = ROOT / "resources/fonts/LICENSE-DejaVu.txt"
    (doc / "copyright").write_text(
        "Klaster\n\nFonts: DejaVu (resources/fonts), licence:\n\n" + licence.read_text(encoding="utf-8"), "utf-8"
    )
    _normalise_modes(root)
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(version, arch, depends(folder), size_kb), encoding="utf-8")
    target = dist / f"{PACKAGE}_{version}_{arch}.deb"
    for old in dist.glob(f"{PACKAGE}_*.deb"):
        old.unlink()
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root, ignore_errors=True)
    return target
