"""Walk inputs (files, folders, `-`), decode them and dispatch to the per-format readers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfuse.ingest.dates import with_normalised_dates
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.formats import (
    EXTENSION_FORMATS,
    link_list,
    read_json,
    read_markdown,
    read_multinews,
    read_text_article,
    sniff_format,
)
from newsfuse.ingest.limits import (
    GZIP_ERRORS,
    TooLarge,
    cut_article,
    gunzip_capped,
    read_capped,
    too_large_message,
)
from newsfuse.ingest.paths import path_kind, stat_failure, walk_folder
from newsfuse.model import Article, Problem

# An article is a few thousand words; a file this large is a dump, not an article (raise with --max-bytes).
DEFAULT_MAX_BYTES = 20_000_000


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Every article in the given inputs, in order; ids made unique (a repeated id gets a suffix)."""
    for item in unique_ids(with_normalised_dates(_read_all(paths, max_bytes))):  # dates read here, for every format
        if isinstance(item, Article):
            cut = cut_article(item)
            if cut is not None:
                yield cut
        yield item


def unique_ids(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """The items, a repeated article id renamed (`story` -> `story~2`) after a warning: every stage after
    reading tells articles apart by id, and two articles under one id would be one source."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Article):
            if item.id in seen:
                new_id = item.id
                while new_id in seen:  # "story~2" may be an id of the input's own
                    seen[item.id] += 1
                    new_id = f"{item.id}~{seen[item.id]}"
                yield Problem(item.path or item.id, f"duplicate id {item.id!r}; renamed to {new_id!r}", fatal=False)
                item.id = new_id
            seen.setdefault(item.id, 1)
        yield item


def _read_all(paths: Iterable[str], max_bytes: int) -> Iterator[Article | Problem]:
    for raw in paths:
        if raw == "-":
            try:
                data = read_capped(sys.stdin.buffer, max_bytes)
            except TooLarge:
                yield Problem("-", too_large_message(max_bytes))
                continue
            yield from _read_source(data, "-", "", max_bytes)
            continue
        kind = path_kind(raw)
        if isinstance(kind, Problem):
            yield kind
        elif kind == "folder":
            for item in folder_files(raw):
                yield from _read_file(item, max_bytes) if isinstance(item, Path) else (item,)
        elif kind == "file":
            yield from _read_file(Path(raw), max_bytes)
        else:
            yield Problem(raw, "not a regular file")


def folder_files(raw: str) -> Iterator[Path | Problem]:
    """The files under a folder that newsfuse reads (known extensions, in path order), and what it does not
    read: an unreadable entry where it is met, then the files of other types, counted once (a warning), or
    a problem when the folder holds nothing readable. `newsfuse brief`, `clean` and `ingest` read folders
    through this, so a folder means the same to each."""
    usable = False
    other: dict[str, int] = {}  # files of types newsfuse does not read, by extension
    for item in walk_folder(Path(raw), lambda name: True):
        if isinstance(item, Path) and not _readable_name(item.name):
            other[item.suffix.lower()] = other.get(item.suffix.lower(), 0) + 1
            continue
        usable = usable or isinstance(item, Path)
        yield item
    if not usable:
        yield Problem(raw, "folder holds no readable files" + (f", only {_others(other)}" if other else ""))
    elif other:
        yield Problem(raw, f"not read: {_others(other)}", fatal=False)


def _others(by_extension: dict[str, int]) -> str:
    """"2 files of other types (.pdf, .png)": said once per folder, so that a file a user meant to give (a PDF,
    a Word document) is not skipped in silence."""
    count = sum(by_extension.values())
    kinds = ", ".join(kind or "(no extension)" for kind in sorted(by_extension))
    return f"{count:,} file{'s' if count != 1 else ''} of other types ({kinds})"


def _readable_name(name: str) -> bool:
    suffix = Path(name).suffix.lower()
    return suffix in EXTENSION_FORMATS or suffix == ".gz"


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | Problem]:
    name = path.name
    compressed = name.lower().endswith(".gz")
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Problem(str(path), stat_failure(path, error))
        return
    with handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                yield Problem(str(path), too_large_message(max_bytes, size))
                return
            data = gunzip_capped(handle, max_bytes) if compressed else read_capped(handle, max_bytes)
        except TooLarge:
            yield Problem(str(path), too_large_message(max_bytes, what=" once decompressed" if compressed else ""))
            return
        except GZIP_ERRORS as error:
            if compressed and not (isinstance(error, OSError) and error.errno):
                yield Problem(str(path), f"broken gzip file ({error or 'it ends early'})")
            else:
                yield Problem(str(path), f"cannot read ({getattr(error, 'strerror', None) or error})")
            return
    if compressed:
        name = name[:-3]
    yield from _read_source(data, str(path), Path(name).stem, max_bytes, name)


def _read_source(data: bytes, where: str, stem: str, max_bytes: int, name: str | None = None
                 ) -> Iterator[Article | Problem]:
    if len(data) > max_bytes:
        yield Problem(where, too_large_message(max_bytes))
        return
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield Problem(where, decoded.reason or "unreadable")
        return
    if decoded.reason:
        yield Problem(where, decoded.reason, fatal=False)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = sniff_format(text, name or where)
    article_id = stem or "doc-1"
    if fmt == "html":
        from newsfuse.ingest.html import article_from_html

        yield article_from_html(text, article_id, where)
    elif fmt == "json":
        yield from read_json(text, stem, where)
    elif fmt == "feed":
        from newsfuse.ingest.feeds import read_feed

        yield from read_feed(data, where)  # the bytes: the feed's own encoding declaration applies
    elif fmt == "markdown":
        yield read_markdown(text, article_id, where)
    elif fmt == "multinews":
        yield from read_multinews(text, where)
    elif links := link_list(text):
        yield Problem(where, f"a list of {links} web address{'es' if links > 1 else ''}, not an article (a list of "
                      "feeds is read by `newsfuse follow --feeds`)")
    else:
        yield read_text_article(text, article_id, where)
