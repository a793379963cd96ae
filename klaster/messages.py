"""The language of the command line's messages, and operating-system errors in words a coordinator reads.

`set_language` is called once, from the arguments (`--lang en` wherever it stands); code below the shell asks
`language()` instead of threading a parameter through every call. `os_error_text` is the one place that turns an
`OSError` into text: Python's `strerror` is English (and on Windows sometimes the system's language), so the
common errno values get their own Polish and English words; others keep the system's text after a generic one.
"""

from __future__ import annotations

import errno

LANGUAGES = ("pl", "en")
_current = "pl"


def set_language(lang: str | None) -> str:
    global _current
    _current = lang if lang in LANGUAGES else "pl"
    return _current


def language() -> str:
    return _current


# errno -> (Polish, English)
_ERRNO_TEXT: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("nie ma takiego pliku ani folderu", "no such file or folder"),
    errno.EACCES: ("brak uprawnień", "permission denied"),
    errno.EPERM: ("operacja niedozwolona", "operation not permitted"),
    errno.EEXIST: ("plik już istnieje", "the file already exists"),
    errno.EISDIR: ("to jest folder, a nie plik", "this is a folder, not a file"),
    errno.ENOTDIR: ("część ścieżki nie jest folderem", "a part of the path is not a folder"),
    errno.ENOSPC: ("brak miejsca na dysku", "no space left on the disk"),
    errno.EROFS: ("dysk jest tylko do odczytu", "the disk is read-only"),
    errno.ENAMETOOLONG: ("nazwa pliku jest za długa", "the file name is too long"),
    errno.EBUSY: ("plik jest używany przez inny program", "the file is in use by another program"),
    errno.ENOTEMPTY: ("folder nie jest pusty", "the folder is not empty"),
    errno.EMFILE: ("za dużo otwartych plików", "too many open files"),
    errno.EIO: ("błąd odczytu lub zapisu dysku", "disk input/output error"),
    errno.EXDEV: ("nie można przenieść pliku na inny dysk", "cannot move the file to another disk"),
    errno.EINVAL: ("niepoprawna nazwa lub wartość", "invalid name or value"),
    errno.EDQUOT: ("przekroczony przydział miejsca na dysku", "disk quota exceeded"),
}
# Windows error codes (OSError.winerror) that say more than their errno.
_WINERROR_TEXT: dict[int, tuple[str, str]] = {
    32: (
        "plik jest otwarty w innym programie; zamknij go i spróbuj ponownie",
        "the file is open in another program; close it and try again",
    ),
    33: ("część pliku jest zablokowana przez inny program", "a part of the file is locked by another program"),
    123: ("niepoprawna nazwa pliku", "invalid file name"),
    206: ("ścieżka lub nazwa pliku jest za długa", "the path or file name is too long"),
}


def os_error_text(exc: OSError, lang: str | None = None) -> str:
    """The reason of `exc` in words, without the file name (the caller names the place)."""
    index = 0 if (lang or _current) == "pl" else 1
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR_TEXT:
        return _WINERROR_TEXT[winerror][index]
    if exc.errno in _ERRNO_TEXT:
        return _ERRNO_TEXT[exc.errno][index]
    detail = exc.strerror or exc.__class__.__name__
    return f"{('błąd systemu', 'system error')[index]}: {detail}"
