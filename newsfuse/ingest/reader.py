"""Walk inputs (files, folders, `-`), decode them and dispatch to the per-format readers."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.formats import (
    EXTENSION_FORMATS,
    read_json,
    read_markdown,
    read_multinews,
    read_text_article,
    sniff_format,
)
from newsfuse.model import Article, Problem

# An article is a few thousand words; a file this large is a dump, not an article (raise with --max-bytes).
DEFAULT_MAX_BYTES = 20_000_000


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Every article in the given inputs, in order; ids made unique (a repeated id gets a suffix)."""
    seen: dict[str, int] = {}
    for item in _read_all(paths, max_bytes):
        if isinstance(item, Article):
            if item.id in seen:
                seen[item.id] += 1
                new_id = f"{item.id}~{seen[item.id]}"
                yield Problem(item.path or item.id, f"duplicate id {item.id!r}; renamed to {new_id!r}", fatal=False)
                item.id = new_id
            seen.setdefault(item.id, 1)
        yield item


def _read_all(paths: Iterable[str], max_bytes: int) -> Iterator[Article | Problem]:
    for raw in paths:
        if raw == "-":
            yield from _read_source(sys.stdin.buffer.read(max_bytes + 1), "-", "", max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            usable = [p for p in files if p.suffix.lower() in EXTENSION_FORMATS or p.suffix.lower() == ".gz"]
            if not usable:
                yield Problem(raw, "folder holds no readable files")
            for file in usable:
                yield from _read_file(file, max_bytes)
        elif path.is_file():
            yield from _read_file(path, max_bytes)
        elif path.exists():
            yield Problem(raw, "not a regular file")
        else:
            yield Problem(raw, "no such file or folder")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | Problem]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Problem(str(path), f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB, "
                                     "raise it with --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Problem(str(path), f"cannot read ({error.strerror})")
        return
    name = path.name
    if name.endswith(".gz"):
        import gzip

        try:
            data = gzip.decompress(data)[: max_bytes + 1]
        except (OSError, EOFError) as error:
            yield Problem(str(path), f"broken gzip file ({error})")
            return
        name = name[:-3]
    stem = Path(name).stem
    yield from _read_source(data, str(path), stem, max_bytes, name)


def _read_source(data: bytes, where: str, stem: str, max_bytes: int, name: str | None = None
                 ) -> Iterator[Article | Problem]:
    if len(data) > max_bytes:
        yield Problem(where, f"too large (over {max_bytes / 1e6:.0f} MB; raise the limit with --max-bytes)")
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

        yield from read_feed(text, where)
    elif fmt == "markdown":
        yield read_markdown(text, article_id, where)
    elif fmt == "multinews":
        yield from read_multinews(text, where)
    else:
        yield read_text_article(text, article_id, where)
