"""RSS and Atom feeds -> articles, through feedparser. A truncated feed still yields its whole entries.

feedparser is only ever given a stream of the feed's bytes: given a string, it takes one that looks like
a URL or a path for a location, and fetches or opens it.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfuse.model import Article, Problem

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# A character reference to no character: a surrogate ("&#xd83d;", half of an emoji's UTF-16 pair) or a number
# past U+10FFFF. feedparser raises on one (UnicodeEncodeError, ValueError, OverflowError), losing every entry
# of the feed; it is read as U+FFFD, as an HTML parser reads it.
_NO_CHARACTER = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));")


def _no_character(match: re.Match[bytes]) -> bytes:
    hexadecimal, decimal = match.groups()
    digits = hexadecimal or decimal
    code = int(digits, 16 if hexadecimal else 10) if len(digits) <= 8 else 0x110000
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match.group()


def read_feed(data: bytes | str, path: str) -> Iterator[Article | Problem]:
    import feedparser

    if isinstance(data, str):
        data = data.encode("utf-8")
    data = _NO_CHARACTER.sub(_no_character, data)
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except (ValueError, OverflowError) as error:  # what a reference left in another encoding (UTF-16) still raises
        yield Problem(path, f"not a readable feed ({type(error).__name__}: {error})")
        return
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield Problem(path, f"not a readable feed ({reason})")
        return
    if parsed.get("bozo"):
        yield Problem(path, f"feed is malformed ({parsed.get('bozo_exception')}); read what was parseable",
                      fatal=False)
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield entry_article(entry, number, path, outlet)


def entry_article(entry, number: int, path: str, outlet: str | None) -> Article | Problem:
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    body = body or entry.get("summary", "")
    where = f"{path}#{number}"
    if not body.strip():
        return Problem(where, "feed entry has no text")
    if "<" in body and ">" in body:
        body = _html_to_text(body)
    link = entry.get("link") or None
    entry_id = entry.get("id") or link or hashlib.sha1(body.encode()).hexdigest()[:16]
    published = None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp)
    return Article(
        id=str(entry_id),
        text=body,
        title=entry.get("title", ""),
        url=link,
        outlet=outlet,
        published=published,
        byline=entry.get("author") or None,
        path=path,
        format="feed",
    )


def _html_to_text(fragment: str) -> str:
    """Feed bodies are HTML fragments, often too short for an article extractor: keep block structure."""
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:
        return fragment
    for element in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content().strip()


def read_feed_files(paths: Iterable[str], max_bytes: int) -> Iterator[Article | Problem]:
    """RSS/Atom files, or the feed files in folders, each read up to `max_bytes`."""
    from newsfuse.ingest.limits import TooLarge, cut_article, read_capped, too_large_message
    from newsfuse.ingest.paths import path_kind, stat_failure, walk_folder

    for raw in paths:
        kind = path_kind(raw)
        if isinstance(kind, Problem):
            yield kind
            continue
        if kind == "folder":
            files = list(walk_folder(Path(raw), lambda name: Path(name).suffix.lower() in FEED_SUFFIXES))
            if not any(isinstance(item, Path) for item in files):
                yield Problem(raw, "folder holds no feed files (.rss, .atom, .xml)")
        elif kind == "file":
            files = [Path(raw)]
        else:
            yield Problem(raw, "not a regular file")
            continue
        for file in files:
            if isinstance(file, Problem):
                yield file
                continue
            try:
                with file.open("rb") as handle:
                    data = read_capped(handle, max_bytes)
            except TooLarge:
                yield Problem(str(file), too_large_message(max_bytes))
                continue
            except OSError as error:
                yield Problem(str(file), stat_failure(file, error))
                continue
            for item in read_feed(data, str(file)):
                cut = cut_article(item) if isinstance(item, Article) else None
                if cut is not None:
                    yield cut
                yield item
