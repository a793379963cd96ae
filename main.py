"""Klaster: start the GUI, or run one command of the command line (see `python main.py --help`)."""

from __future__ import annotations

import sys

# Options of the GUI and the command line that take a value: their values are not commands.
_VALUED = {"--db", "--lang", "--screenshot", "--size", "--scale", "--members", "--rows", "--form"}


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


def _exit_on_sigterm() -> None:
    """SIGTERM ends a command like Ctrl+C does: `finally` blocks and temporary folders are cleaned up (Python's
    default would end the process at once and leave them). The GUI installs its own handlers (ui.app)."""
    import signal

    def terminate(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    try:
        signal.signal(signal.SIGTERM, terminate)
    except (ValueError, OSError):  # not the main thread
        pass


def main(argv: list[str] | None = None) -> int:
    from app.args import lang_first

    argv = lang_first(list(sys.argv[1:] if argv is None else argv))  # --lang anywhere; sets the language
    if "--selftest" in argv:
        from app.selftest import run_selftest

        _exit_on_sigterm()
        return run_selftest()
    positional = first_positional(argv)
    opens_file = positional is not None and positional.lower().endswith(".kkk.json")  # a double-clicked file
    if (positional is not None and not opens_file) or "-h" in argv or "--help" in argv:
        from app.cli import run

        _exit_on_sigterm()
        return run(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
