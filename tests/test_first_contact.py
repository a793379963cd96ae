"""Issue 11: what a newcomer meets first. The xcb check (item 1), one language on the command line (item 4), no
traces left by --demo, signals and temporary folders (item 5), and the README's first steps run twice (item 3)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import xcb
from app.args import HELP_EN, english_line, lang_first, lang_of
from app.cli import run
from klaster.messages import language, os_error_text, set_language

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def polish_again():
    yield
    set_language("pl")


# Item 1: the xcb plugin's libraries ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "linux", False),  # no X display: not this check's business
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),  # Qt picks Wayland first
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_the_check_runs_only_where_qt_loads_xcb(env, platform, expected):
    assert xcb.needs_check(env, platform) is expected


def test_missing_libraries_come_from_ldd_after_dlopen_fails(tmp_path: Path):
    plugin = tmp_path / "libqxcb.so"
    ldd_out = (
        "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x1)\n"
        "\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n\tlibxcb-icccm.so.4 => not found\n"
    )
    error = "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
    assert xcb.missing_libraries(plugin, dlopen=lambda p: None, ldd=pytest.fail) == []
    missing = xcb.missing_libraries(plugin, dlopen=lambda p: error, ldd=lambda p: xcb.parse_ldd_missing(ldd_out))
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    # without ldd, dlopen's message still names the first one
    assert xcb.missing_libraries(plugin, dlopen=lambda p: error, ldd=lambda p: []) == ["libxcb-icccm.so.4"]


def test_the_advice_names_the_libraries_and_one_apt_line():
    text = xcb.advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"], "pl")
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in text and "brakuje" in text
    apt = [line for line in text.splitlines() if "apt-get" in line]
    assert apt == ["    sudo apt-get install libxcb-icccm4 libxcb-keysyms1"]
    assert "libxcb-cursor0" not in text  # Qt's misleading name
    english = xcb.advice(["libfoo.so.9"], "en")
    assert "lacks system libraries: libfoo.so.9" in english and "apt-file search libfoo.so.9" in english


def test_the_plugin_of_this_pyside_loads_here():
    """Where the README's libraries are installed (CI), the real check passes; elsewhere it names what is missing."""
    plugin = xcb.xcb_plugin()
    if plugin is None:
        pytest.skip("no xcb plugin in this PySide6")
    missing = xcb.missing_libraries(plugin)
    assert all(name in xcb.LIBRARY_PACKAGES for name in missing), missing


def test_the_check_is_cheap():
    plugin = xcb.xcb_plugin()
    if plugin is None or xcb.missing_libraries(plugin):
        pytest.skip("the plugin does not load here")
    start = time.perf_counter()
    xcb.check_xcb({"DISPLAY": ":0"})
    assert time.perf_counter() - start < 0.05  # a dlopen of a library Qt loads a moment later anyway


# Item 4: one language ----------------------------------------------------------------------------------------------
def test_lang_is_found_and_moved_wherever_it_stands():
    assert lang_first(["check", "1", "--lang", "en"]) == ["--lang", "en", "check", "1"] and language() == "en"
    assert lang_first(["--db", "x", "list", "--lang=en"]) == ["--lang=en", "--db", "x", "list"]
    assert lang_first(["list"]) == ["list"] and language() == "pl"
    assert lang_of(["--lang", "xx"]) == "pl"


def _cli(argv: list[str], capsys) -> tuple[int, str, str]:
    code = run(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_usage_errors_in_polish_by_default_and_english_anywhere(capsys, tmp_path: Path):
    code, _, err = _cli(["bogus"], capsys)
    assert code == 2 and err.startswith("Błąd: niepoprawne wywołanie:") and "niepoprawny wybór" in err
    code, _, err = _cli(["bogus", "--lang", "en"], capsys)
    assert code == 2 and err.startswith("Error: bad usage:") and "invalid choice" in err and "Błąd" not in err
    db = str(tmp_path / "k.sqlite")
    code, _, err = _cli(["--db", db, "demo", "--members", "x", "--lang", "en"], capsys)
    assert code == 2 and "invalid int value" in err and "niepoprawn" not in err
    code, _, err = _cli(["--db", db, "demo", "--members", "x"], capsys)
    assert "liczba całkowita" in err


def test_help_in_one_language(capsys):
    with pytest.raises(SystemExit) as done:
        run(["--help"])
    assert done.value.code == 0
    pl = capsys.readouterr().out
    assert "użycie:" in pl and "opcje:" in pl and "--selftest" in pl and "show this help" not in pl
    with pytest.raises(SystemExit):
        run(["check", "--help", "--lang", "en"])
    en = capsys.readouterr().out
    assert "usage:" in en and "show this help message and exit" in en
    with pytest.raises(SystemExit):
        run(["--lang", "en", "--help"])
    en = capsys.readouterr().out
    assert "--selftest" in en and "check that the program works" in en
    assert not re.search(r"[ąęłśżźćńó]", en), "Polish left in the English help"


def test_every_help_text_has_its_english():
    import argparse

    from app.cli import build_parser
    from ui.app import build_parser as gui_parser

    missing = set()

    def walk(parser: argparse.ArgumentParser) -> None:
        for text in (parser.description, parser.epilog):
            if text and text not in HELP_EN:
                missing.add(text)
        for action in parser._actions:
            if (
                action.help
                and action.help is not argparse.SUPPRESS
                and re.search(r"[ąęłśżźćńó]|\b(i|w|z)\b", action.help)
            ):
                if action.help not in HELP_EN:
                    missing.add(action.help)
            if isinstance(action, argparse._SubParsersAction):
                missing.update(c.help for c in action._choices_actions if c.help and c.help not in HELP_EN)
                for sub in action.choices.values():
                    walk(sub)

    walk(build_parser())
    walk(gui_parser())
    assert not missing, f"add to app.args.HELP_EN: {sorted(missing)}"


def test_os_errors_in_words():
    exc = OSError(errno.EACCES, "Permission denied", "/x")
    assert os_error_text(exc, "pl") == "brak uprawnień" and os_error_text(exc, "en") == "permission denied"
    assert os_error_text(OSError(errno.ENOSPC, "No space left on device"), "pl") == "brak miejsca na dysku"
    assert "Weird" in os_error_text(OSError(9999, "Weird"), "pl")


def test_an_os_error_of_a_command_is_one_translated_line(capsys, tmp_path: Path):
    db = str(tmp_path / "k.sqlite")
    assert run(["--db", db, "demo", "--members", "3"]) == 0
    capsys.readouterr()
    target = tmp_path / "no" / "such" / "folder" / "x.kkk.json"
    code, _, err = _cli(["--db", db, "export", "1", str(target)], capsys)
    assert code == 2 and err.strip().endswith("(nie ma takiego pliku ani folderu)") and "No such" not in err
    code, _, err = _cli(["--db", db, "export", "1", str(target), "--lang", "en"], capsys)
    assert code == 2 and err.startswith("Error: cannot write the file") and "(no such file or folder)" in err


def test_english_lines_of_known_errors():
    assert english_line("Błąd: wniosek 2 jest już sfinalizowany (suma kontrolna ab-cd)") == (
        "Error: application 2 is already final (checksum ab-cd)"
    )
    assert english_line("something else") == "something else"


def _main(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, **(env or {})),
        timeout=120,
        **kw,
    )


def test_selftest_speaks_the_language_asked(tmp_path: Path):
    proc = _main("--selftest", "--lang", "en", env={"KLASTER_SELFTEST_OUT": str(tmp_path)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-1] == "selftest ok" and lines[-2] == "Self-test: all works."
    assert "database, checks, indicators" in proc.stdout and "baza danych" not in proc.stdout


# Item 5: no traces --------------------------------------------------------------------------------------------
def test_demo_and_screenshots_leave_the_user_settings_alone(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "TMPDIR": str(tmp),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env["KLASTER_SETTINGS_DIR"] = ""  # the conftest's folder would hide the real default
    proc = _main("--demo", env=dict(env, KLASTER_QUIT_WHEN_SHOWN="1"))
    assert proc.returncode == 0 and "ready" in proc.stdout, proc.stderr
    proc = _main("--demo", "--screenshot", str(tmp_path / "shots"), env=env)
    assert proc.returncode == 0, proc.stderr
    assert not (home / ".config" / "Klaster").exists(), list((home / ".config").rglob("*"))
    assert list(tmp.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_gui_cleanly(tmp_path: Path, signum: int):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--demo"],
        cwd=ROOT,
        env=dict(os.environ, TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not any((p / "demo.sqlite").exists() for p in tmp.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert any(tmp.iterdir()), "the demo never started"
        time.sleep(0.5)
        proc.send_signal(signum)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signum, proc.stderr.read()
    assert list(tmp.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_ends_a_command_with_its_temporary_folder(tmp_path: Path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--selftest"],
        cwd=ROOT,
        env=dict(os.environ, TMPDIR=str(tmp)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp.glob("klaster-selftest-*/*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # 143 normally; 0 when it finished first; 1 when a step turned the exit into its own failure. Never -15 (killed
    # by the default handler, which would leave the folder behind).
    assert proc.returncode in (143, 0, 1)
    assert list(tmp.iterdir()) == []


# Item 3: the README's first steps, twice -------------------------------------------------------------------------
def _first_steps() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("A newcomer's first five minutes")
    block = text[start:].split("```", 2)[1]
    lines = block.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("D=$(mktemp -d"))
    return "\n".join(lines[first:])


@pytest.mark.skipif(shutil.which("bash") is None, reason="the README's block is for bash")
def test_the_readme_first_steps_run_twice(tmp_path: Path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    script = 'python() { "$KLASTER_PY" "$@"; }\n' + _first_steps()
    env = dict(os.environ, TMPDIR=str(tmp), KLASTER_PY=sys.executable, PYTHONDONTWRITEBYTECODE="1")
    for _ in range(2):
        proc = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        assert "Pakiet zgodny." in proc.stdout and "Błąd" not in proc.stderr, proc.stderr[-2000:]
    assert list(tmp.iterdir()) == [], "the README's block left files behind"
