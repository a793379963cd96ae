"""Issue 5 benchmarks (opt-in: `python -m bench frozen`, it runs PyInstaller twice, about two minutes): the size of
the frozen folder and the start of the frozen program to its first window.

Baseline in the same run: a bare QApplication + QWizard program frozen by PyInstaller with its defaults (one
folder, nothing pruned) into a temporary folder, started the same way. Both programs print "ready" once their
first window is shown and quit (the app through KLASTER_QUIT_WHEN_SHOWN=1), offscreen. The start is the best of
5 after one warm-up run: the files are in the OS cache, as on a user's second start of the day; the first start
after a reboot depends on the disk more than on the program.

Targets: the folder at most 150 MB; the start at most 1.5 times the bare program's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import Result, best_of

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import build_app  # noqa: E402 - the folder size and PyInstaller call the build itself uses

BARE = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
    app = QApplication([])
    w = QWizard(); w.addPage(QWizardPage()); w.show()
    QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
    app.exec()
    """
)
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
MB = 1024 * 1024


@dataclass
class SizeResult(Result):
    """A Result whose figures are bytes (`seconds` holds the size); printed in MB."""

    def line(self) -> str:
        return (
            f"{self.name:<44} {self.seconds / MB:9.1f} MB   {self.baseline_name:<34} "
            f"{self.baseline_seconds / MB:9.1f} MB   x{self.ratio:5.2f}   target {self.target}"
            + (f"   {self.extra}" if self.extra else "")
        )


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KLASTER_QUIT_WHEN_SHOWN="1")
    env["KLASTER_SETTINGS_DIR"] = str(tmp / "settings")  # never touch the user's recent-databases list
    return env


def _build_app(tmp: Path) -> tuple[Path, float]:
    start = time.perf_counter()
    build_app.run_pyinstaller(ROOT / "build.spec", tmp / "dist", tmp / "work")
    return tmp / "dist" / build_app.APP_NAME, time.perf_counter() - start


def _build_bare(tmp: Path) -> tuple[Path, float]:
    script = tmp / "bare" / "bare.py"
    script.parent.mkdir(parents=True)
    script.write_text(BARE, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(script),
            "--onedir",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp / "bare" / "dist"),
            "--workpath",
            str(tmp / "bare" / "work"),
            "--specpath",
            str(tmp / "bare"),
        ],
        cwd=tmp,
        check=True,
    )
    return tmp / "bare" / "dist" / "bare", time.perf_counter() - start


def _started(cmd: list[str], env: dict[str, str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode != 0 or "ready" not in proc.stdout:
        raise RuntimeError(f"{cmd} did not start (exit {proc.returncode}): {proc.stdout[-500:]} {proc.stderr[-500:]}")


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="klaster-bench-frozen-") as folder:
        tmp = Path(folder)
        app_dir, app_build = _build_app(tmp)
        bare_dir, bare_build = _build_bare(tmp)
        env = _env(tmp)
        app_exe = str(app_dir / f"{build_app.APP_NAME}{EXE_SUFFIX}")
        if sys.platform == "win32":  # the GUI exe has no stdout; the console twin prints "ready" (same code)
            app_exe = str(app_dir / "klaster-cli.exe")
        bare_exe = str(bare_dir / f"bare{EXE_SUFFIX}")
        db = tmp / "start.sqlite"
        subprocess.run([app_exe, "--db", str(db), "demo"], check=True, capture_output=True, env=env, timeout=120)
        app_cmd, bare_cmd = [app_exe, "--db", str(db)], [bare_exe]
        _started(app_cmd, env)  # warm-up: the OS file cache, as on any start but the first after a reboot
        _started(bare_cmd, env)
        app_start = best_of(lambda: _started(app_cmd, env), 5)
        bare_start = best_of(lambda: _started(bare_cmd, env), 5)
        return [
            SizeResult(
                "frozen folder size",
                build_app.folder_size(app_dir),
                "bare QApplication + QWizard folder",
                build_app.folder_size(bare_dir),
                "<= 150 MB",
                f"build {app_build:.0f} s (bare {bare_build:.0f} s)",
            ),
            Result(
                "frozen cold start to the start window",
                app_start,
                "bare frozen QApplication + QWizard",
                bare_start,
                "<= x1.5",
            ),
        ]
