"""Argument parsing shared by the GUI and the command line: Polish errors, exit code 2, no traceback.

Kept apart from `app.cli` so that starting the GUI does not import every command."""

from __future__ import annotations

import argparse


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


class PolishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage and exit 2 itself
        raise UsageError(f"niepoprawne wywołanie: {message} (pomoc: python main.py --help)")
