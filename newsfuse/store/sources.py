"""Inputs for `newsfuse ingest`, read as a stream: JSON Lines one line at a time, so that a file of a
hundred thousand articles is never held in memory; every other format through `newsfuse.ingest`."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfuse.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsfuse.ingest.reader import folder_files
from newsfuse.model import Article, Problem

_LINE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def stream_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[Article | Problem]:
    for raw in paths:
        if raw == "-":
            yield from _stdin(max_bytes)
            continue
        path = Path(raw)
        # A folder is read as `newsfuse brief` reads it: files of known types, the others counted in a warning.
        files = folder_files(raw) if path.is_dir() else [path]
        for file in files:
            if isinstance(file, Problem):
                yield file
            elif file.name.lower().endswith(_LINE_SUFFIXES):
                from newsfuse.ingest.stream import read_json_lines_file

                yield from read_json_lines_file(file, max_bytes)
            else:
                yield from read_inputs([str(file)], max_bytes=max_bytes)


def stream_feeds(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """RSS/Atom files, or the feed files in folders; a truncated feed yields its whole entries."""
    from newsfuse.ingest.feeds import read_feed_files

    yield from read_feed_files(paths, max_bytes)


def _stdin(max_bytes: int) -> Iterator[Article | Problem]:
    from newsfuse.ingest.limits import Prepended
    from newsfuse.ingest.stream import read_json_lines_stream

    first = sys.stdin.buffer.readline(max_bytes + 1)  # a line longer than the cap is never held whole
    stream = Prepended(first, sys.stdin.buffer)
    if first.lstrip().startswith(b"{") and first.strip() != b"{":  # JSON Lines, not one pretty-printed object
        yield from read_json_lines_stream(stream, "-", max_bytes)  # type: ignore[arg-type]
        return
    data = stream.read(max_bytes + 1)  # any other format: read whole, as `newsfuse brief` does
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    yield from read_inputs(["-"], max_bytes=max_bytes)
