"""Inputs for `newsfuse ingest`, read as a stream: JSON Lines one line at a time, so that a file of a
hundred thousand articles is never held in memory; every other format through `newsfuse.ingest`."""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from newsfuse.ingest import read_inputs
from newsfuse.ingest.formats import article_from_record, json_lines
from newsfuse.model import Article, Problem

_LINE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")


def stream_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[Article | Problem]:
    for raw in paths:
        if raw == "-":
            yield from _stdin(max_bytes)
            continue
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) \
            if path.is_dir() else [path]
        for file in files:
            if file.name.lower().endswith(_LINE_SUFFIXES):
                yield from _json_lines_file(file)
            else:
                yield from read_inputs([str(file)], max_bytes=max_bytes)


def stream_feeds(paths: Iterable[str]) -> Iterator[Article | Problem]:
    """RSS/Atom files, or the feed files in folders; a truncated feed yields its whole entries."""
    from newsfuse.ingest.feeds import read_feed

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _FEED_SUFFIXES)
            if not files:
                yield Problem(raw, "folder holds no feed files (.rss, .atom, .xml)")
        elif path.is_file():
            files = [path]
        else:
            yield Problem(raw, "no such file or folder")
            continue
        for file in files:
            try:
                text = file.read_bytes().decode("utf-8", errors="replace")
            except OSError as error:
                yield Problem(str(file), f"cannot read ({error.strerror})")
                continue
            yield from read_feed(text, str(file))


def read_json_lines(stream: IO[str], where: str) -> Iterator[Article | Problem]:
    for item in json_lines(stream, where):
        yield item if isinstance(item, Problem) else article_from_record(item[1], f"line-{item[0]}", where)


def _json_lines_file(path: Path) -> Iterator[Article | Problem]:
    try:
        raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # noqa: SIM115 (closed below)
    except OSError as error:
        yield Problem(str(path), f"cannot read ({error.strerror})")
        return
    with raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as text:
        try:
            yield from read_json_lines(text, str(path))
        except (OSError, EOFError) as error:  # a truncated gzip: keep what was read
            yield Problem(str(path), f"file ends early ({error}); read what came before")


def _stdin(max_bytes: int) -> Iterator[Article | Problem]:
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    first = stream.readline()
    if first.lstrip().startswith("{") and first.strip() != "{":  # JSON Lines, not one pretty-printed object
        yield from read_json_lines(_chain(first, stream), "-")
        return
    rest = first + stream.read(max_bytes + 1)  # any other format: read whole, as `newsfuse brief` does
    sys.stdin = io.TextIOWrapper(io.BytesIO(rest.encode("utf-8")), encoding="utf-8")
    yield from read_inputs(["-"], max_bytes=max_bytes)


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest
