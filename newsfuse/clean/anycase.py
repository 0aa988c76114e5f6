"""Case-insensitive patterns that run at case-sensitive speed.

Python's regex engine skips ahead only to characters it can compare exactly (a literal prefix, a set of
first characters); under IGNORECASE it gets neither and tries the pattern at every position. A pattern
of word alternatives ("share|tweet|subscribe|...") then costs two to four times as much. Instead the text
is lower-cased and matched case-sensitively by the same pattern, written in lower case. That finds exactly
the same matches at the same offsets, character for character, except in text holding one of three
letters (checked over every code point: `str.lower` and the engine's case rules agree on all others):
"İ", whose lower case is two characters, and "ı" and "ſ", which IGNORECASE matches to "i" and "s" and
`str.lower` leaves as they are. Text with one of them goes to the IGNORECASE pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNFOLDED = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ


class AnyCase:
    """`re.compile(pattern, flags | re.IGNORECASE)`, faster. The pattern must be written in lower case.
    Matches (and the strings `findall` returns) are of the lower-cased text, at the same offsets."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if any(char.isupper() for char in re.sub(r"\\.", "", pattern)):
            raise ValueError(f"not a lower-case pattern: {pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(pattern, flags)
        self._any = re.compile(pattern, flags | re.IGNORECASE)

    def _folds(self, text: str) -> bool:
        return text.isascii() or not _UNFOLDED.search(text)

    def search(self, text: str) -> re.Match | None:
        return self._lower.search(text.lower()) if self._folds(text) else self._any.search(text)

    def match(self, text: str) -> re.Match | None:
        return self._lower.match(text.lower()) if self._folds(text) else self._any.match(text)

    def findall(self, text: str) -> list:
        return self._lower.findall(text.lower()) if self._folds(text) else self._any.findall(text)

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self._lower.finditer(text.lower()) if self._folds(text) else self._any.finditer(text)
