"""File names that are safe on Windows, in ZIP files and in e-mail, and still readable: Polish letters are
written without diacritics (ą -> a, ł -> l), anything else unsafe becomes `_`."""

from __future__ import annotations

import re
import unicodedata

from forms import limits

_POLISH = str.maketrans({"ł": "l", "Ł": "L"})
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_name(text: str, max_length: int = 60) -> str:
    """`Klaster «Dolina Stali» / Łódź` -> `Klaster_Dolina_Stali_Lodz`."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_POLISH)).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9.-]+", "_", ascii_text).strip("._-")
    cleaned = re.sub(r"_+", "_", cleaned)
    if len(cleaned) > max_length:  # cut at a word boundary where one is near
        cut = cleaned[:max_length]
        cleaned = cut[: cut.rfind("_")] if cut.rfind("_") > max_length // 2 else cut
    cleaned = cleaned.rstrip("._-")
    if not cleaned:
        cleaned = "plik"
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def safe_file_name(name: str, max_length: int = 80) -> str:
    """A file name with its extension kept (lower-case), the stem made safe."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not re.fullmatch(r"[A-Za-z0-9]{1,8}", ext):
        return safe_name(name, max_length)
    return f"{safe_name(stem, max_length - len(ext) - 1)}.{ext.lower()}"


_QUOTED = re.compile(r"[«„\"“”']\s*([^«»„”\"“']{2,}?)\s*[»”\"“']")
SHORT_NAME_CHARS = 60


def short_name(name: str, limit: int = SHORT_NAME_CHARS) -> str:
    """The name a cluster goes by: the part in quotes (`Klaster … «Dolina Stali»` -> `Dolina Stali`), else the whole
    name; one line, at most `limit` characters (cut at a word, with …)."""
    text = limits.one_line(name or "")
    found = _QUOTED.search(text)
    if found and found.group(1).strip():
        text = found.group(1).strip()
    if len(text) > limit:
        cut = text[: limit - 1]
        space = cut.rfind(" ")
        text = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:–-") + "…"
    return text or "klaster"
