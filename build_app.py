"""Build the program coordinators install: `dist/Klaster/` (one folder) and `dist/Klaster-<version>-<platform>.zip`.

    python build_app.py [--clean] [--no-zip] [--no-prune] [--deb] [--no-build]

Runs PyInstaller on `build.spec` with this interpreter (use the project's .venv, which has PyInstaller from
requirements-dev.txt), then zips the folder. Works the same on Windows and Linux; build on each platform for that
platform (PyInstaller does not cross-compile), and on Linux on the oldest distribution you support (glibc).

    --clean      discard PyInstaller's cache in build/ first (after upgrading a dependency)
    --no-zip     only the folder
    --no-prune   keep every Qt plugin, translation and library PyInstaller finds (to measure what pruning saves)
    --deb        Linux: also `dist/klaster_<version>_<arch>.deb` (installs to /opt/klaster, see build_tools/deb.py)
    --no-build   package the folder already in dist/Klaster (with --deb)

Check the result with `dist/Klaster/Klaster --selftest` (Windows: `dist\\Klaster\\klaster-cli.exe --selftest`).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from build_tools.deb import DebError

ROOT = Path(__file__).resolve().parent
APP_NAME = "Klaster"


def version() -> str:
    text = (ROOT / "klaster" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def platform_tag() -> str:
    system = "windows" if sys.platform == "win32" else sys.platform.rstrip("0123456789")
    return f"{system}-{platform.machine().lower() or 'unknown'}"


def folder_size(path: Path) -> int:
    """Bytes in a folder, counting files once (not following symlinks)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total


def mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def run_pyinstaller(spec: Path, dist: Path, work: Path, *, clean: bool = False, env: dict | None = None) -> None:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(spec),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        cmd.append("--clean")
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)


def zip_folder(folder: Path, target: Path) -> Path:
    """The folder as `target`, with the folder itself as the top entry; keeps the executable bits and symlinks."""
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for dirpath, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]:
                path = Path(dirpath, name)
                arcname = path.relative_to(folder.parent).as_posix()
                if path.is_symlink():
                    info = zipfile.ZipInfo(arcname)
                    info.create_system = 3  # Unix, so unzip restores the link
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                    zf.writestr(info, os.readlink(path))
                else:
                    zf.write(path, arcname)
    os.replace(tmp, target)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true")
    parser.add_argument("--no-zip", action="store_true")
    parser.add_argument("--no-prune", action="store_true")
    parser.add_argument("--deb", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args(argv)

    dist, work = ROOT / "dist", ROOT / "build"
    folder = dist / APP_NAME
    env = dict(os.environ)
    if args.no_prune:
        env["KLASTER_NO_PRUNE"] = "1"
    if not args.no_build:
        start = time.perf_counter()
        run_pyinstaller(ROOT / "build.spec", dist, work, clean=args.clean, env=env)
        built = time.perf_counter() - start
        print(f"built {folder} in {built:.0f} s: {mb(folder_size(folder))}")
        pruned = work / "build" / "pruned.txt"
        if pruned.exists():
            print(f"left out (see {pruned}): {len(pruned.read_text(encoding='utf-8').splitlines())} files")
    if args.deb:
        if sys.platform != "linux":
            raise SystemExit("--deb: Debian packages are built on Linux")
        from build_tools.deb import build_deb

        deb = build_deb(folder, dist, work, version())
        print(f"packaged {deb}: {mb(deb.stat().st_size)}")
    if not args.no_zip and not args.no_build:
        for old in dist.glob(f"{APP_NAME}-*.zip"):
            old.unlink()
        archive = zip_folder(folder, dist / f"{APP_NAME}-{version()}-{platform_tag()}.zip")
        print(f"zipped {archive}: {mb(archive.stat().st_size)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        print(f"PyInstaller failed (exit code {exc.returncode})", file=sys.stderr)
        sys.exit(1)
    except DebError as exc:
        print(f"--deb failed: {exc}", file=sys.stderr)
        sys.exit(1)
    except FileNotFoundError as exc:  # no PyInstaller in this interpreter, most often
        print(f"build failed: {exc}", file=sys.stderr)
        sys.exit(1)
