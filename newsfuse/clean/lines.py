"""Lines of a text with their offsets and the shape features the furniture rules look at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from newsfuse.model import Span

_WORD = re.compile(r"\w[\w'’.-]*", re.UNICODE)
# Chinese and Japanese write without spaces; a word there is about two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CHARACTERS_PER_WORD = 2
# Marks a sentence may end with (the segmenter reads list items with them too).
TERMINAL = tuple('.!?…"”’\')»।۔؟。')
# A full stop inside a line that ends a sentence: after a word, not after an initial ("U.S. Government",
# "Alvin K. Hellerstein" are one headline or name, not two sentences).
_INNER_STOP = re.compile(r"(?:\w\w|[\"”’)])[.!?]\s")
# A list item's marker: a bullet or a dash and a space (how page extractors print <li>, and how plain text
# writes lists), or a number or letter with a dot or bracket ("1. ", "2) ", "a) "), before its text.
_LIST_MARKER = re.compile(r"^(?:[-–—•·▪■►*+]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
# A table row as page extractors print a <table>: cells between vertical bars.
_TABLE_ROW = re.compile(r"^\|.*\|\s*\S*$")
# A row one of whose cells holds a paragraph is page layout (a <table> used to place the article), not
# data: its text is running prose. A paragraph here is at least this many sentences and words; the data
# cells of the extraction benchmark's pages hold two short notes at most ("1 tackle (1 combined). 3 QH.",
# 17 words), a layout cell there a whole article (2,053 words).
LAYOUT_CELL_SENTENCES = 3
LAYOUT_CELL_WORDS = 50
_CELL_EDGES = "| \t"


@dataclass(frozen=True)
class Line:
    """A line's features are computed on first use and kept: the furniture rules ask for them many times."""

    number: int
    span: Span  # the line without surrounding white space
    text: str

    @cached_property
    def words(self) -> int:
        unspaced = len(_UNSPACED.findall(self.text))
        if not unspaced:
            return len(_WORD.findall(self.text))
        return len(_WORD.findall(_UNSPACED.sub(" ", self.text))) + -(-unspaced // _CHARACTERS_PER_WORD)

    @cached_property
    def ends_sentence(self) -> bool:
        return self.text.rstrip().endswith(TERMINAL)

    @cached_property
    def is_prose(self) -> bool:
        """A line of running text: several words, and at least one full stop in it or at its end."""
        return self.words >= 12 and (self.ends_sentence or bool(_INNER_STOP.search(self.text)))

    @cached_property
    def marker(self) -> str | None:
        """"list" for a list item, "table" for a table row: structure the text carries, not sentences."""
        if _TABLE_ROW.match(self.text) and not self.is_layout_row:
            return "table"
        if _LIST_MARKER.match(self.text):
            return "list"
        return None

    @cached_property
    def is_layout_row(self) -> bool:
        """A table row with a cell that is a paragraph of running text (page layout, not data)."""
        if not _TABLE_ROW.match(self.text):
            return False
        for cell in self.text.split("|"):
            if (len(_WORD.findall(cell)) >= LAYOUT_CELL_WORDS
                    and len(_INNER_STOP.findall(cell.rstrip() + " ")) >= LAYOUT_CELL_SENTENCES):
                return True
        return False

    @cached_property
    def text_span(self) -> Span:
        """The span of the line's text; for a layout row, without the bars and empty cells around it."""
        if not self.is_layout_row:
            return self.span
        start = len(self.text) - len(self.text.lstrip(_CELL_EDGES))
        end = len(self.text.rstrip(_CELL_EDGES))
        return Span(self.span.start + start, self.span.start + end)

    def key(self) -> str:
        """Normalised for spotting repeats: case, punctuation and spacing folded."""
        return text_key(self.text)


def text_key(text: str) -> str:
    """Case, punctuation and spacing folded: two lines with one key say the same words."""
    return " ".join(_WORD.findall(text.lower()))


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped, with their spans in `text`."""
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(Line(number, Span(start, start + len(stripped)), stripped))
        offset += len(raw) + 1
    return lines


def list_item_start(text: str) -> int:
    """Where a list item's own text starts, after its bullet or number (0 when it has none)."""
    match = _LIST_MARKER.match(text)
    return match.end() if match else 0
