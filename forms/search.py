"""Diacritic-blind, case-blind text matching for people typing without Polish letters: `kuznia` finds `Kuźnia`,
`lodz` finds `Łódź`. One function, used by Edycja › Znajdź and by every table filter.

NFKD splits ą ć ę ń ó ś ź ż into a base letter and a combining mark, which is dropped; ł/Ł (and a few letters of
neighbouring languages) have no decomposition and are mapped explicitly.
"""

from __future__ import annotations

import unicodedata

_NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss"})


def fold(text: object) -> str:
    """`Łódź` -> `lodz`: lower case, Polish letters as their Latin base, runs of white space as one space."""
    value = " ".join(str(text).split()).translate(_NO_DECOMPOSITION).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKD", value) if not unicodedata.combining(ch))


def matches(query: str, text: object) -> bool:
    """Whether `text` contains `query`, ignoring case and diacritics (an empty query matches everything)."""
    folded = fold(query)
    return not folded or folded in fold(text)
