"""Reading bytes with a hard cap: files, standard input, gzip streams and JSON lines.

Every reader stops at `max_bytes + 1` bytes, so an input can prove it is too large without ever being
held whole: a small gzip file that inflates to gigabytes is decompressed only up to the cap.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsfuse.model import Article, Problem

_CHUNK = 1 << 20  # read past a runaway line a megabyte at a time


class TooLarge(Exception):
    """The input holds more than the limit; `read` is how much was read before stopping."""

    def __init__(self, read: int, limit: int) -> None:
        super().__init__(f"over {limit / 1e6:g} MB")
        self.read = read
        self.limit = limit


def read_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most `max_bytes` bytes of `stream`; raises TooLarge when there is more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(len(data), max_bytes)
    return data


def gunzip_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    """The decompressed content of a gzip stream (all its members), stopping past `max_bytes`.

    GzipFile inflates only as much as each read asks for, so memory stays near the cap whatever the ratio.
    Raises TooLarge, or OSError/EOFError/zlib.error for a broken or truncated stream.
    """
    with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
        return read_capped(unzipped, max_bytes)  # type: ignore[arg-type]


GZIP_ERRORS = (OSError, EOFError, zlib.error)


def too_large_message(max_bytes: int, size: int | None = None, what: str = "") -> str:
    """ "too large (25 MB; the limit is 20 MB, ...)", or "(over the 20 MB limit ...)" when reading stopped."""
    limit = human_size(max_bytes)
    stated = f"{human_size(size)}{what}; the limit is {limit}" if size is not None else f"over the {limit} limit{what}"
    return f"too large ({stated}; raise it with --max-bytes)"


def human_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB".replace(".0 MB", " MB") if size >= 1_000_000 else f"{size:,} bytes"


@dataclass(frozen=True)
class LongLine:
    """A line longer than the limit, skipped without being held in memory."""

    number: int
    length: int


def capped_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes] | LongLine]:
    """(line number, line) for each line of a binary stream; a line over `max_bytes` is read past in
    chunks and reported as a LongLine, so one runaway line neither fills memory nor ends the stream."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield number, line
            continue
        length = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(_CHUNK)
            length += len(line)
        yield LongLine(number, length)


# Per-article bounds, so that the work on one article (cleaning, sentences, the summary, spaCy's parse)
# is bounded whatever the input. The longest article in the project's benchmark data (181 extraction-
# benchmark pages, the TAC 2011, ECB+ and AllSides documents) has 53,372 characters, and the most
# sentences any has is 557: both bounds are about twice that, so no real article measured is cut.
# Measured cost at the bounds is in docs/benchmarks.md ("Large inputs").
MAX_ARTICLE_CHARS = 100_000
MAX_SENTENCES = 1_000


def cut_article(article: Article) -> Problem | None:
    """Shorten an over-long `Article` in place to MAX_ARTICLE_CHARS (at a paragraph or word break, so
    every span stays valid) and return the warning naming it; None when it fits."""
    length = len(article.text)
    if length <= MAX_ARTICLE_CHARS:
        return None
    head = article.text[:MAX_ARTICLE_CHARS]
    cut = max(head.rfind("\n\n"), head.rfind("\n"), 0) if "\n\n" not in head else head.rfind("\n\n")
    if cut < MAX_ARTICLE_CHARS // 2:  # no paragraph break in the second half: end at a word
        cut = head.rfind(" ") if head.rfind(" ") >= MAX_ARTICLE_CHARS // 2 else MAX_ARTICLE_CHARS
    article.text = article.text[:cut]
    return Problem(article.path or article.id,
                   f"article {article.id!r} is {length:,} characters long; only its first {cut:,} are read "
                   f"(the limit per article is {MAX_ARTICLE_CHARS:,})", fatal=False)


class Prepended:
    """A binary stream read from `head` (one line already read, to sniff the format) and then `rest`."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readline(self, limit: int = -1) -> bytes:
        if self._head:  # the head is one line, already within the caller's cap
            line, self._head = self._head, b""
            return line
        return self._rest.readline(limit)

    def read(self, size: int = -1) -> bytes:
        head, self._head = self._head, b""
        if size < 0:
            return head + self._rest.read()
        return head + self._rest.read(max(size - len(head), 0))
