"""Klaster: start the GUI, or run one command of the command line (see `python main.py --help`)."""

from __future__ import annotations

import sys

# Options of the GUI and the command line that take a value: their values are not commands.
_VALUED = {"--db", "--lang", "--screenshot", "--members", "--rows", "--form"}


def first_positional(argv: list[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _VALUED:
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--selftest" in argv:
        from app.selftest import run_selftest

        return run_selftest()
    if first_positional(argv) is not None or "-h" in argv or "--help" in argv:
        from app.cli import run

        return run(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
