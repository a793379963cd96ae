"""Issue 11, item 1: the README's Linux libraries are what Qt's xcb plugin really links.

`ldd` of the plugin in the installed PySide6 lists every library it needs (directly and through Qt's own); each must
be in app.xcb.LIBRARY_PACKAGES (so the app can name its package when it is missing), that mapping must agree with
`dpkg -S` for the installed ones, and the README's `apt-get install` line must name exactly the packages beyond the
base system. CI's list (.ci/run) installs them all too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import xcb

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux only")


def _ldd_lines() -> list[tuple[str, str]]:
    plugin = xcb.xcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or no ldd")
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    pairs = []
    for line in out.splitlines():
        match = re.match(r"\s*(\S+)\s+=>\s+(.+?)(?:\s+\(0x[0-9a-f]+\))?$", line)
        if match:
            pairs.append((match.group(1), match.group(2)))
    return pairs


def _system_libraries() -> dict[str, str]:
    """soname -> where ldd found it ("not found" for the missing), without Qt's own (inside PySide6)."""
    pyside = Path(xcb.xcb_plugin()).parents[3]
    return {name: where for name, where in _ldd_lines() if not where.startswith(str(pyside))}


def _readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    run_it = text[text.index("## Run it") : text.index("## Test it")]
    match = re.search(r"sudo apt-get install --no-install-recommends ((?:[^`]|\\\n)+?)\n```", run_it)
    assert match, "the README's Run it section has no apt-get install line"
    return set(match.group(1).replace("\\\n", " ").split()) - {"python3-venv"}


def test_every_library_the_plugin_links_has_its_package():
    libs = _system_libraries()
    assert libs, "ldd listed nothing"
    unknown = sorted(set(libs) - set(xcb.LIBRARY_PACKAGES) - {"linux-vdso.so.1"})
    assert not unknown, f"add these to app.xcb.LIBRARY_PACKAGES (and the README): {unknown}"


def test_the_mapping_agrees_with_dpkg():
    if shutil.which("dpkg") is None:
        pytest.skip("no dpkg: the committed mapping is all there is")
    wrong = {}
    for name, where in _system_libraries().items():
        if where == "not found" or name not in xcb.LIBRARY_PACKAGES:
            continue
        candidates = {where, str(Path(where).resolve())}
        owners: set[str] = set()
        for path in candidates:
            proc = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
            owners |= {line.split(":")[0] for line in proc.stdout.splitlines() if ":" in line}
            # usrmerge: /lib/x86_64-linux-gnu/... is registered as /usr/lib/... or the other way round
            alt = path[4:] if path.startswith("/usr/") else "/usr" + path
            proc = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True, check=False)
            owners |= {line.split(":")[0] for line in proc.stdout.splitlines() if ":" in line}
        if owners and xcb.LIBRARY_PACKAGES[name] not in owners:
            wrong[name] = (xcb.LIBRARY_PACKAGES[name], sorted(owners))
    assert not wrong


def test_the_readme_names_every_package_beyond_the_base_system():
    needed = {xcb.LIBRARY_PACKAGES[name] for name in _system_libraries() if name in xcb.LIBRARY_PACKAGES}
    readme = _readme_packages()
    assert needed - xcb.BASE_PACKAGES <= readme, (
        f"missing from the README: {sorted(needed - xcb.BASE_PACKAGES - readme)}"
    )
    assert readme == set(xcb.desktop_packages()), "the README's list and app.xcb.desktop_packages() differ"


def test_ci_installs_the_readme_packages():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    missing = sorted(p for p in _readme_packages() if not re.search(rf"(?<![\w.+-]){re.escape(p)}(?![\w.+-])", ci))
    assert not missing, f".ci/run does not install {missing}"


def test_base_packages_come_with_every_installation():
    """Each package the README leaves out is a dependency of the essential packages or apt (dpkg's own graph)."""
    if shutil.which("dpkg-query") is None:
        pytest.skip("no dpkg-query")
    fmt = "${Package}\t${Essential}\t${Priority}\t${Pre-Depends}\t${Depends}\n"
    out = subprocess.run(["dpkg-query", "-W", f"-f={fmt}"], capture_output=True, text=True, check=True).stdout
    deps: dict[str, list[str]] = {}
    roots = []
    for line in out.splitlines():
        package, essential, priority, pre, depends = (line.split("\t") + [""] * 5)[:5]
        package = package.split(":")[0]
        groups = [g for g in f"{pre},{depends}".split(",") if g.strip()]
        deps[package] = [re.split(r"[\s(:]", g.split("|")[0].strip())[0] for g in groups]
        if essential == "yes" or priority == "required" or package == "apt":
            roots.append(package)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        package = todo.pop()
        if package not in seen:
            seen.add(package)
            todo.extend(deps.get(package, []))
    assert xcb.BASE_PACKAGES <= seen, sorted(xcb.BASE_PACKAGES - seen)
