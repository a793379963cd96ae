"""Klaster: start the GUI, or run one command of the command line (see `python main.py --help`)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from app.cli import COMMANDS

    if "--selftest" in argv:
        from app.selftest import run_selftest

        return run_selftest()
    if any(a in COMMANDS for a in argv) or "-h" in argv or "--help" in argv:
        from app.cli import run

        return run(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
