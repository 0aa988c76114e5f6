"""JSON Lines files read as a stream, for `newsfuse ingest`: one line at a time, each line capped.

A file of any length streams through in constant memory; a single line longer than `max_bytes` (a
runaway record, or a compressed bomb with no line breaks) is reported and passed over in chunks.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsfuse.ingest.formats import article_from_record, json_lines
from newsfuse.ingest.limits import GZIP_ERRORS, LongLine, capped_lines, cut_article, too_large_message
from newsfuse.model import Article, Problem


def read_json_lines_stream(stream: BinaryIO, where: str, max_bytes: int) -> Iterator[Article | Problem]:
    """Articles from a binary stream of JSON Lines; long lines, broken lines and bad records are problems."""
    long_lines: list[LongLine] = []

    def texts() -> Iterator[str]:
        for item in capped_lines(stream, max_bytes):
            if isinstance(item, LongLine):
                long_lines.append(item)
                yield ""  # keeps the line numbering; blank lines are skipped
            else:
                yield item[1].decode("utf-8", errors="replace")

    for item in json_lines(texts(), where):
        while long_lines:
            line = long_lines.pop(0)
            yield Problem(f"{where}:{line.number}", "line " + too_large_message(max_bytes, line.length))
        result = item if isinstance(item, Problem) else article_from_record(item[1], f"line-{item[0]}", where)
        cut = cut_article(result) if isinstance(result, Article) else None
        if cut is not None:
            yield cut
        yield result
    for line in long_lines:
        yield Problem(f"{where}:{line.number}", "line " + too_large_message(max_bytes, line.length))


def read_json_lines_file(path: Path, max_bytes: int) -> Iterator[Article | Problem]:
    """A `.jsonl` or `.jsonl.gz` file; a truncated gzip keeps the lines read before the break."""
    from newsfuse.ingest.paths import stat_failure

    try:
        raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # noqa: SIM115 (closed below)
    except OSError as error:
        yield Problem(str(path), stat_failure(path, error))
        return
    with raw:
        try:
            yield from read_json_lines_stream(raw, str(path), max_bytes)  # type: ignore[arg-type]
        except GZIP_ERRORS as error:
            yield Problem(str(path), f"file ends early or is broken ({error}); read what came before")
