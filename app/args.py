"""Argument parsing shared by the GUI and the command line, in one language: Polish, or English with `--lang en`
wherever it stands on the command line. Errors become one line and exit code 2, never a traceback.

argparse's own words (usage, "options", its error messages) go through its gettext calls, answered here from
`ARGPARSE_TEXTS`; our help texts are written in Polish and their English is looked up in `HELP_EN` when the help
is printed; the lines of errors raised by the commands are put into English by `english_line` (patterns in
`ERRORS_EN`). Kept apart from `app.cli` so that starting the GUI does not import every command.
"""

from __future__ import annotations

import argparse
import re

from klaster.messages import language, os_error_text, set_language


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


# argparse's messages (Python 3.11-3.13) -> Polish. English is argparse's own.
ARGPARSE_TEXTS = {
    "usage: ": "użycie: ",
    "positional arguments": "argumenty",
    "options": "opcje",
    "optional arguments": "opcje",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "the following arguments are required: %s": "brakuje argumentów: %s",
    "unrecognized arguments: %s": "nieznane argumenty: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "niepoprawny wybór: %(value)r (dozwolone: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "niepoprawna wartość (%(type)s): %(value)r",
    "expected one argument": "oczekiwano jednej wartości",
    "expected at most one argument": "oczekiwano najwyżej jednej wartości",
    "expected at least one argument": "oczekiwano co najmniej jednej wartości",
    "ambiguous option: %(option)s could match %(matches)s": "niejednoznaczna opcja: %(option)s (pasuje: %(matches)s)",
    "not allowed with argument %s": "niedozwolone razem z argumentem %s",
    "ignored explicit argument %r": "zignorowano wartość %r",
    "one of the arguments %s is required": "wymagany jest jeden z argumentów: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "argument %(argument_name)s: invalid choice: %(value)r (choose from %(choices)s)": (
        "argument %(argument_name)s: niepoprawny wybór: %(value)r (dozwolone: %(choices)s)"
    ),
}
_TYPE_NAMES = {"int": "liczba całkowita", "float": "liczba", "Path": "ścieżka"}

# Our help texts (written in Polish) -> English.
HELP_EN = {
    # app/cli.py
    "Klaster: wniosek o status Krajowego Klastra Kluczowego. Bez polecenia uruchamia okno programu.": (
        "Klaster: the application for the status of a Krajowy Klaster Kluczowy (KKK). Without a command it starts "
        "the program's window."
    ),
    "Okno programu: main.py [--db PLIK] [--lang pl|en] [--demo] [--screenshot FOLDER]. "
    "Kody wyjścia: 0 gotowe, 1 kontrola znalazła problemy, 2 błędne dane lub wywołanie.": (
        "The window: main.py [--db FILE] [--lang pl|en] [--demo] [--screenshot FOLDER]. "
        "Exit codes: 0 done, 1 the check found problems, 2 bad input or usage."
    ),
    "plik bazy danych (domyślnie w folderze danych użytkownika)": "the database file (default: user data folder)",
    "język komunikatów": "the language of messages",
    "język komunikatów (pl domyślnie, en); może stać w dowolnym miejscu": (
        "the language of messages (pl by default, en); may stand anywhere"
    ),
    "sprawdź, czy program działa: baza tymczasowa, każda runda, PDF, Excel; kod 0 gdy wszystko działa": (
        "check that the program works: temporary database, every round, PDF, Excel; exit 0 when all works"
    ),
    "wnioski w bazie": "the applications in the database",
    "wczytaj wniosek z pliku .kkk.json": "read an application from a .kkk.json file",
    "zapisz wniosek do pliku .kkk.json": "write an application to a .kkk.json file",
    "sprawdź wniosek": "check an application",
    "sfinalizuj wniosek": "finalise an application",
    "utwórz korektę": "create a correction (korekta)",
    "zmiany między dwiema wersjami wniosku": "what changed between two versions of an application",
    "wskaźniki wniosku": "the application's indicators",
    "utwórz przykładowy wniosek": "create a demo application",
    "bez celowo wprowadzonych błędów": "without the deliberate mistakes",
    # app/cli_pdf.py, app/cli_xlsx.py, app/cli_package.py, app/cli_storage.py
    "zapisz wniosek do pliku PDF (z --summary: podsumowanie dla zarządu)": (
        "write the application as a PDF (with --summary: the one-page summary)"
    ),
    "szablon rejestru członków (.xlsx)": "the member register template (.xlsx)",
    "wczytaj członków z arkusza .xlsx": "read members from an .xlsx workbook",
    "cały wniosek do skoroszytu .xlsx": "the whole application as an .xlsx workbook",
    "ankiety dla członków: jeden skoroszyt na członka": "questionnaires for the members: one workbook per member",
    "wczytaj folder zwróconych ankiet": "read a folder of returned questionnaires",
    "pakiet do wysłania: PDF, Excel, .kkk.json, załączniki, manifest, ZIP, e-mail": (
        "the package to send: PDF, Excel, .kkk.json, attachments, manifest, ZIP, e-mail"
    ),
    "sprawdź pakiet (folder albo ZIP): sumy SHA-256, sumę kontrolną danych i PDF": (
        "verify a package (folder or ZIP): SHA-256 sums, the data checksum and the PDFs"
    ),
    "podsumowanie (1–2 strony) zamiast pełnego wniosku": "the summary (1-2 pages) instead of the whole application",
    "tylko raport, bez zmian w bazie": "only the report, nothing changed in the database",
    "nic nie wczytuj, gdy któryś wiersz jest błędny": "read nothing when any row is wrong",
    "folder na kopie ankiet z zaznaczonymi błędami": "a folder for copies of questionnaires with errors marked",
    "adres e-mail ministerstwa do wiadomości .eml": "the ministry's e-mail address for the .eml message",
    "limit wielkości poczty (domyślnie 20 MB)": "the e-mail size limit (default 20 MB)",
    "podziel na części, gdy pakiet przekracza limit": "split into parts when the package exceeds the limit",
    "pozwól spakować wersję roboczą (oznaczoną jako robocza)": "allow packaging a draft (marked as a draft)",
    "kopie zapasowe bazy: czas, powód, wielkość, czy sprawna": "the database's backups: time, reason, size, healthy",
    "przywróć bazę z kopii zapasowej (obecna baza trafia najpierw do kopii)": (
        "restore the database from a backup (the current database is backed up first)"
    ),
    "plik kopii (z polecenia backups) albo jej numer na liście": "a backup file (see: backups) or its number",
    "pokaż tę pomoc i zakończ": "show this help message and exit",
    # added with later commands (app/cli_*.py)
    "baza zespołu (PostgreSQL): schemat, role, użytkownicy": ("the team database (PostgreSQL): schema, roles, users"),
    "dodaj osobę z rolą (albo zmień jej rolę)": ("add a person with a role (or change their role)"),
    "dodaj podpisany wniosek (PDF z podpisem PAdES albo plik XAdES) i sprawdź go; bez pliku: co zapisano": (
        "add the signed application (PAdES-signed PDF or XAdES file) and check it; without a file: what is recorded"
    ),
    "folder zwróconych ankiet (domyślnie folder ostatniej rundy)": (
        'the folder of returned questionnaires (default: the last round"s folder)'
    ),
    "kto co zmienił we wniosku: czas, autor, miejsce, stara i nowa wartość": (
        "who changed what in the application: time, author, place, old and new value"
    ),
    "nowy termin odesłania (dd.mm.rrrr; domyślnie za 7 dni)": (
        "a new return deadline (dd.mm.yyyy; default: in 7 days)"
    ),
    "odnowienie statusu w nowej rundzie na podstawie wniosku ID; wypisuje id i raport przeniesienia": (
        "a renewal in a new round based on application ID; prints its id and the carry-over report"
    ),
    "osoby i ich role": ("people and their roles"),
    "plik bazy albo postgresql://użytkownik@serwer/baza": ("a database file or postgresql://user@server/database"),
    "plik bazy danych (domyślnie w folderze danych użytkownika) albo postgresql://…": (
        "the database file (default: user data folder) or postgresql://…"
    ),
    "postgresql://właściciel@serwer:port/baza (domyślnie --db)": (
        "postgresql://owner@server:port/database (default: --db)"
    ),
    "problemy i liczby jako JSON (dla innych programów)": ("problems and counts as JSON (for other programs)"),
    "przypomnienia dla członków, których ankiety są niekompletne": (
        "reminders for the members whose questionnaires are incomplete"
    ),
    "runda (domyślnie kkk-2021)": ("the round (default: kkk-2021)"),
    "runda ankiet: kto dostał, kto odesłał, czego brakuje": (
        "the questionnaire round: who got one, who returned it, what is missing"
    ),
    "skopiuj wniosek (z historią i plikami) do innej bazy: pliku albo bazy zespołu": (
        "copy an application (with its history and files) to another database: a file or the team database"
    ),
    "sprawdź pakiet (folder, ZIP albo folder podany przy package): sumy SHA-256, dane, PDF, Excel": (
        "verify a package (folder, ZIP or the folder given to package): SHA-256 sums, data, PDF, Excel"
    ),
    "sprawdź też pakiet wersji roboczej (bez tego: błąd)": ('also accept a draft"s package (otherwise: an error)'),
    "sprawdź wniosek: każdy problem w osobnym wierszu": ("check an application: every problem on a line of its own"),
    "także wiadomości .eml, plik CSV; runda zapisana w bazie": (
        "also .eml messages and a CSV file; the round is recorded in the database"
    ),
    "termin odesłania (dd.mm.rrrr; domyślnie za 14 dni)": ("the return deadline (dd.mm.yyyy; default: in 14 days)"),
    "utwórz pusty wniosek (domyślnie w najnowszej rundzie, kkk-2021); wypisuje id": (
        "create an empty application (default: the newest round, kkk-2021); prints its id"
    ),
    "utwórz schemat i trzy role (koordynator, redaktor, czytelnik)": (
        "create the schema and three roles (coordinator, editor, reader)"
    ),
    "użytkownicy bazy zespołu": ('the team database"s users'),
    "zapisz też „Listę braków i błędów” do pliku PDF": ("also write the “List of gaps and errors” as a PDF"),
    "zapytaj o hasło dla tej osoby": ('ask for this person"s password'),
    # ui/app.py
    "Klaster: wniosek o status Krajowego Klastra Kluczowego": (
        "Klaster: the application for the status of a Krajowy Klaster Kluczowy (KKK)"
    ),
    "język interfejsu (domyślnie polski)": "the interface language (Polish by default)",
    "otwórz przykładowy wniosek (bez --db: w bazie tymczasowej)": (
        "open a demo application (without --db: in a temporary database)"
    ),
    "zapisz zrzuty ekranu wszystkich stron i zakończ": "save screenshots of every page and exit",
    "rozmiar okna zrzutów w pikselach ekranu, np. 1366x768": "the screenshot window size in pixels, e.g. 1366x768",
    "plik .kkk.json do zaimportowania (otwarty z menedżera plików)": (
        "a .kkk.json file to import (opened from a file manager)"
    ),
}

# Error lines of the commands (Polish) -> English: (pattern, template); the first that matches the whole line wins.
ERRORS_EN: list[tuple[str, str]] = [
    (r"Błąd: (.*)", "Error: {0}"),
    (r"niepoprawne wywołanie: (.*) \(pomoc: (.*)\)", "bad usage: {0} (help: {1})"),
    (r"brak polecenia \(pomoc: (.*)\)", "no command given (help: {0})"),
    (r"nie można zapisać pliku (.*) \((.*)\)", "cannot write the file {0} ({1})"),
    (r"nie można zapisać „(.*)” \((.*)\)", "cannot write “{0}” ({1})"),
    (r"nie można zapisać pakietu w (.*) \((.*)\)", "cannot write the package in {0} ({1})"),
    (r"nie można odczytać pliku (.*) \((.*)\)", "cannot read the file {0} ({1})"),
    (
        r"wniosek (\d+) jest już sfinalizowany \(suma kontrolna (.*)\)",
        "application {0} is already final (checksum {1})",
    ),
    (r"wnioski (\d+) i (\d+) są z różnych rund \((.*)\)", "applications {0} and {1} are from different rounds ({2})"),
    (r"--members i --rows muszą być liczbami nieujemnymi", "--members and --rows must not be negative"),
    (r"baza (.*) nie istnieje", "the database {0} does not exist"),
    (r"nie ma wniosku (\d+)", "there is no application {0}"),
    (r"--screenshot: (.*) nie jest folderem", "--screenshot: {0} is not a folder"),
    (
        r"--size: (.*) nie jest rozmiarem w postaci SZERxWYS, np\. 1366x768",
        "--size: {0} is not a size WxH, e.g. 1366x768",
    ),
    (r"Przerwano\.", "Interrupted."),
    (r"Nieoczekiwany błąd: (.*)\. Szczegóły w dzienniku: (.*)", "Unexpected error: {0}. Details in the log: {1}"),
    (r"Nieoczekiwany błąd: (.*)\.", "Unexpected error: {0}."),
]


def _argparse_gettext(message: str) -> str:
    if language() != "pl":
        return message
    return ARGPARSE_TEXTS.get(message, message)


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return _argparse_gettext(singular if n == 1 else plural)


# argparse looks its messages up through these module-level names each time it prints one.
argparse._ = _argparse_gettext  # type: ignore[attr-defined]
argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


def english_line(line: str) -> str:
    """A Polish message line in English where a pattern knows it (recursively for nested parts)."""
    for pattern, template in ERRORS_EN:
        match = re.fullmatch(pattern, line, flags=re.S)
        if match:
            return template.format(*(english_line(part) for part in match.groups()))
    return line


def localized(line: str, lang: str | None = None) -> str:
    return english_line(line) if (lang or language()) == "en" else line


def error_line(exc: BaseException) -> str:
    """The one stderr line for an expected failure, in the current language."""
    text = f"{exc.filename}: {os_error_text(exc)}" if isinstance(exc, OSError) and exc.filename else str(exc)
    if isinstance(exc, OSError) and not exc.filename:
        text = os_error_text(exc)
    return localized(f"Błąd: {text}")


def lang_of(argv: list[str]) -> str:
    """The language asked for anywhere on the command line (`--lang en`, `--lang=en`); Polish otherwise."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in ("pl", "en") else "pl"
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1] if arg.split("=", 1)[1] in ("pl", "en") else "pl"
    return "pl"


def lang_first(argv: list[str]) -> list[str]:
    """`argv` with `--lang X` moved to the front, so that it is accepted after the command too (`check 1 --lang en`).
    Also sets the language of every message from here on."""
    rest: list[str] = []
    moved: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg == "--lang" and i + 1 < len(argv):
            moved = [arg, argv[i + 1]]
            i += 2
            continue
        if arg.startswith("--lang="):
            moved = [arg]
            i += 1
            continue
        rest.append(arg)
        i += 1
    set_language(lang_of(moved))
    return moved + rest


class _Formatter(argparse.HelpFormatter):
    """Our help texts in English when the language is English (they are written in Polish)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        return HELP_EN.get(text, text) if text and language() == "en" else text

    def add_text(self, text: str | None) -> None:
        if text and text is not argparse.SUPPRESS and language() == "en":
            text = HELP_EN.get(text, text)
        super().add_text(text)


def _type_names(message: str) -> str:
    if language() != "pl":
        return message
    return re.sub(
        r"niepoprawna wartość \((\w+)\)", lambda m: f"niepoprawna wartość ({_TYPE_NAMES.get(m[1], m[1])})", message
    )


class PolishArgumentParser(argparse.ArgumentParser):
    """argparse in the current language (Polish unless `--lang en`); errors raise UsageError."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # argparse would print usage and exit 2 itself
        raise UsageError(f"niepoprawne wywołanie: {_type_names(message)} (pomoc: python main.py --help)")
