"""Before the first window on Linux: can Qt's xcb platform plugin load? If not, which libraries are missing and
the one `apt-get install` line that brings them (Qt's own message names only `libxcb-cursor0`, whatever is missing).

The check is a `dlopen` of the plugin itself (ctypes), which Qt would load a moment later anyway, so the
normal start pays next to nothing; only when it fails does `ldd` run to list every missing library. It runs only
where Qt will pick xcb: on Linux, with `DISPLAY` set, no Wayland session and no other `QT_QPA_PLATFORM`.

`LIBRARY_PACKAGES` maps every library the plugin links (directly or through Qt's own libraries, as `ldd` lists
them) to its Debian/Ubuntu package; tests/test_readme_libs.py compares it with `ldd` of the installed plugin and
with `dpkg -S`, and the README's list with it, so none of them can go stale. No Qt is imported here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from klaster.messages import language

# soname -> Debian package (Debian 12; the same names on Ubuntu 22.04+).
LIBRARY_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libc.so.6": "libc6",
    "libcap.so.2": "libcap2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdl.so.2": "libc6",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgcc_s.so.1": "libgcc-s1",
    "libgcrypt.so.20": "libgcrypt20",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libm.so.6": "libc6",
    "libmd.so.0": "libmd0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libsystemd.so.0": "libsystemd0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
# Packages every Debian/Ubuntu installation has (the dependencies of its essential packages and apt): the README
# does not ask for them. The test checks each one against dpkg's dependency graph where dpkg is present.
BASE_PACKAGES = frozenset(
    {
        "libc6",
        "libcap2",
        "libgcc-s1",
        "libgcrypt20",
        "libgpg-error0",
        "liblz4-1",
        "liblzma5",
        "libmd0",
        "libpcre2-8-0",
        "libstdc++6",
        "libsystemd0",
        "libzstd1",
        "zlib1g",
    }
)


def desktop_packages() -> list[str]:
    """The packages the README lists for Linux: everything the xcb plugin needs beyond the base system."""
    return sorted(set(LIBRARY_PACKAGES.values()) - BASE_PACKAGES)


def xcb_plugin() -> Path | None:
    """Qt's xcb plugin in the PySide6 this program runs (the source tree's venv or the frozen `_internal`)."""
    import PySide6  # already imported by the GUI; the package itself loads no Qt library

    path = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def needs_check(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """True where Qt will load the xcb plugin: Linux, X11 display, no Wayland session, no other platform chosen."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb" and bool(env.get("DISPLAY"))
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _dlopen_error(path: Path) -> str | None:
    import ctypes

    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        return str(exc)
    return None


def ldd_missing(path: Path) -> list[str]:
    """Libraries `ldd` reports as "not found" for `path`, in its order, each once; [] without ldd."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        out = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_ldd_missing(out)


def parse_ldd_missing(ldd_output: str) -> list[str]:
    missing: list[str] = []
    for line in ldd_output.splitlines():
        match = re.match(r"\s*(\S+)\s+=>\s+not found", line)
        if match and match.group(1) not in missing:
            missing.append(match.group(1))
    return missing


def missing_libraries(plugin: Path, dlopen=_dlopen_error, ldd=ldd_missing) -> list[str]:
    """[] when the plugin loads; otherwise the libraries it cannot find (at least the one dlopen names)."""
    error = dlopen(plugin)
    if error is None:
        return []
    missing = ldd(plugin)
    if not missing:
        match = re.search(r"(lib[^\s:/]+\.so[.\d]*)", error)
        missing = [match.group(1)] if match and match.group(1) != plugin.name else [error]
    return missing


def advice(missing: list[str], lang: str | None = None) -> str:
    """What to tell the user: the missing libraries and one `apt-get install` line (Debian and Ubuntu)."""
    packages = sorted({LIBRARY_PACKAGES[name] for name in missing if name in LIBRARY_PACKAGES})
    unknown = [name for name in missing if name not in LIBRARY_PACKAGES]
    pl = (lang or language()) == "pl"
    lines = [
        (
            "Nie można otworzyć okna: wtyczce Qt „xcb” (X11) brakuje bibliotek systemowych: "
            if pl
            else "Cannot open the window: Qt's xcb (X11) platform plugin lacks system libraries: "
        )
        + ", ".join(missing)
        + "."
    ]
    if packages:
        lines.append(
            "Zainstaluj je (Debian, Ubuntu) i uruchom program ponownie:"
            if pl
            else "Install them (Debian, Ubuntu) and start the program again:"
        )
        lines.append(f"    sudo apt-get install {' '.join(packages)}")
    if unknown:
        lines.append(
            (
                "Pakiet z biblioteką znajdzie polecenie: apt-file search "
                if pl
                else "Find the package with: apt-file search "
            )
            + " ".join(unknown)
        )
    return "\n".join(lines)


def check_xcb(env: Mapping[str, str] = os.environ) -> str | None:
    """None when the window can open as far as libraries go; otherwise the message for the user."""
    if not needs_check(env):
        return None
    plugin = xcb_plugin()
    if plugin is None:  # a build without the plugin: Qt says so itself
        return None
    missing = missing_libraries(plugin)
    return advice(missing) if missing else None
