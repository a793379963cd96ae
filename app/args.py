"""Argument parsing shared by the GUI and the command line: Polish errors, exit code 2, no traceback.

Kept apart from `app.cli` so that starting the GUI does not import every command."""

from __future__ import annotations

import argparse


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


# argparse speaks English; its usual complaints, in Polish.
_PHRASES = (
    ("the following arguments are required", "brakuje argumentów"),
    ("unrecognized arguments", "nieznane argumenty"),
    ("invalid choice", "niepoprawny wybór"),
    ("choose from", "dozwolone"),
    ("invalid int value", "niepoprawna liczba całkowita"),
    ("invalid float value", "niepoprawna liczba"),
    ("expected one argument", "oczekiwano jednej wartości"),
)


def polish(message: str) -> str:
    for english, polish_text in _PHRASES:
        message = message.replace(english, polish_text)
    return message


class PolishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage and exit 2 itself
        raise UsageError(f"niepoprawne wywołanie: {polish(message)} (pomoc: python main.py --help)")
